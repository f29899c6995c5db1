/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_SOCKET_TABLE_H
#define NETNS_SOCKET_TABLE_H

#include "netns-status.h"

#include "ns3/ipv4-address.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace ns3
{
namespace netns
{

/// Transport protocol of a socket.
enum class Transport : uint8_t
{
    Udp = 17, //!< IPPROTO_UDP
    Tcp = 6,  //!< IPPROTO_TCP
};

/**
 * @ingroup netns
 * The local and remote ends of one IPv4 socket, as the kernel's socket
 * hash tables know it.
 */
struct SocketBinding
{
    uint64_t socketId{0};                        //!< unique id of the socket on its host
    uint32_t namespaceId{0};                     //!< namespace the socket belongs to
    Transport transport{Transport::Udp};         //!< UDP or TCP
    Ipv4Address local{Ipv4Address::GetAny()};    //!< bound address, 0.0.0.0 for a wildcard
    uint16_t port{0};                            //!< bound port
    Ipv4Address peer{Ipv4Address::GetAny()};     //!< connected peer, 0.0.0.0 when unconnected
    uint16_t peerPort{0};                        //!< connected peer port
    bool reuseAddress{false};                    //!< SO_REUSEADDR
    bool listening{false};                       //!< TCP socket in LISTEN state
    uint64_t sequence{0};                        //!< bind order, set by the table

    /** @return true when the socket has a peer */
    bool IsConnected() const;
};

/**
 * @ingroup netns
 * The bound sockets of every namespace of one host.
 *
 * It answers two questions. Within one namespace, would a bind() conflict,
 * under Linux's rules (which ns-3's endpoint demultiplexer does not apply)?
 * Across namespaces, which socket would the kernel of the 2006 patch pick
 * for an incoming packet, looking at addresses and ports only?
 */
class SocketTable
{
  public:
    /// A predicate on namespace ids.
    using NamespaceFilter = std::function<bool(uint32_t namespaceId)>;

    /**
     * Check a bind() against the sockets already bound in the same namespace.
     *
     * Linux rules since 2.6 (inet_csk_bind_conflict and udp_lib_lport_inuse):
     * two sockets conflict on one port when their addresses overlap (equal,
     * or either is the wildcard), unless both set SO_REUSEADDR and, for TCP,
     * neither listens.
     * @param candidate the binding to check; socketId identifies the socket itself
     * @return OK, or EADDRINUSE naming the address and port
     */
    Status CheckBind(const SocketBinding& candidate) const;

    /**
     * Check that a bound TCP socket may start listening (listen() re-runs the
     * port check in Linux, so a second SO_REUSEADDR socket fails there).
     * @param socketId the socket
     * @return OK, EADDRINUSE, or EINVAL when the socket is not bound
     */
    Status CheckListen(uint64_t socketId) const;

    /**
     * Record or replace the binding of a socket.
     * @param binding the binding; its sequence is assigned here
     */
    void Insert(SocketBinding binding);

    /**
     * Change the SO_REUSEADDR flag of a recorded socket in place, keeping its
     * position in the lookup chains: setsockopt() does not rehash a socket.
     * @param socketId the socket
     * @param enable the new flag
     * @return false when the socket was not recorded
     */
    bool SetReuseAddress(uint64_t socketId, bool enable);

    /**
     * Forget a socket.
     * @param socketId the socket
     * @return false when the socket was not recorded
     */
    bool Remove(uint64_t socketId);

    /**
     * @param socketId a socket
     * @return its binding, or nullopt when it is not bound
     */
    std::optional<SocketBinding> Find(uint64_t socketId) const;

    /**
     * Pick the socket for an incoming packet without looking at namespaces,
     * as the 2006 patch's receive path did. Best first: connected to the
     * sender and bound to the destination address; connected to the sender;
     * bound to the destination address; bound to the wildcard. For TCP only
     * connected and listening sockets take part. Among equals the most
     * recently bound wins, because the kernel inserted new sockets at the
     * head of each hash chain.
     * @param transport UDP or TCP
     * @param destination destination address of the packet
     * @param port destination port
     * @param source source address of the packet
     * @param sourcePort source port
     * @param eligible returns true for namespaces that can receive the packet
     * @return the chosen binding, or nullopt
     */
    std::optional<SocketBinding> MatchIncoming(Transport transport,
                                               Ipv4Address destination,
                                               uint16_t port,
                                               Ipv4Address source,
                                               uint16_t sourcePort,
                                               const NamespaceFilter& eligible) const;

    /**
     * @param namespaceId a namespace
     * @return its bindings in bind order
     */
    std::vector<SocketBinding> ListNamespace(uint32_t namespaceId) const;

    /** @return the number of recorded sockets */
    std::size_t GetSize() const;

  private:
    /// Key of a local end: transport, address, port.
    using LocalKey = std::tuple<uint8_t, uint32_t, uint16_t>;
    /// Key of both ends: transport, local address, port, peer address, peer port.
    using ConnectedKey = std::tuple<uint8_t, uint32_t, uint16_t, uint32_t, uint16_t>;
    /// Key of a port within one namespace: namespace, transport, port.
    using PortKey = std::tuple<uint32_t, uint8_t, uint16_t>;

    /**
     * Search one lookup chain from the most recent entry.
     * @param chain socket ids in bind order
     * @param eligible the namespace filter
     * @return the most recent eligible binding
     */
    std::optional<SocketBinding> PickLatest(const std::vector<uint64_t>& chain,
                                            const NamespaceFilter& eligible) const;

    /**
     * Find a socket of the same namespace that conflicts with a candidate.
     * @param candidate the candidate binding
     * @return the conflicting binding, or nullopt
     */
    std::optional<SocketBinding> FindConflict(const SocketBinding& candidate) const;

    /**
     * Add or remove a socket id in the lookup chains.
     * @param binding the binding
     * @param add true to add, false to remove
     */
    void Index(const SocketBinding& binding, bool add);

    std::unordered_map<uint64_t, SocketBinding> m_sockets; //!< every binding by socket id
    std::map<PortKey, std::vector<uint64_t>> m_byPort;     //!< per namespace and port
    std::map<LocalKey, std::vector<uint64_t>> m_byLocal;   //!< unconnected, by local end
    std::map<ConnectedKey, std::vector<uint64_t>> m_byConnection; //!< connected, by both ends
    uint64_t m_nextSequence{1};                                  //!< bind order counter
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_SOCKET_TABLE_H */
