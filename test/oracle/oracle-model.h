/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_ORACLE_MODEL_H
#define NETNS_ORACLE_MODEL_H

#include "oracle-sequence.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{
namespace netns
{
namespace oracle
{

/**
 * What one operation did, in a form both the model and the real run can
 * produce and compare.
 */
struct StepOutcome
{
    bool skipped{false};               //!< the operation named an unknown process label
    int errnum{0};                     //!< 0, or the errno the call returned
    int fd{-1};                        //!< the descriptor a socket call returned
    std::vector<std::string> receipts; //!< "RECEIVER PAYLOAD from SOURCE", sorted
};

/**
 * An independent reference model of the 2006 namespace patch as the module
 * documents it: namespaces, views, per-namespace addresses, the host's or
 * each namespace's route table, Linux's bind() rules, and where each
 * datagram goes. It shares no code with the module. From the rules alone
 * it computes the expected errno of each call, the receiver and source
 * address of each datagram, and every listing.
 *
 * Frames go through ARP as ns-3 does it (no learning from requests, a
 * reply accepted only for an address of the receiving interface), because
 * a datagram's fate depends on it; the run leaves 250 s between steps so
 * that every ARP entry has expired by the next send.
 */
class Model
{
  public:
    /**
     * @param topology the network of the sequence
     */
    explicit Model(const Topology& topology);

    /**
     * Apply one operation.
     * @param operation the operation
     * @param payload the payload a send carries
     * @return what the module must return and deliver
     */
    StepOutcome Apply(const Operation& operation, const std::string& payload);

    /** @return every listing, one line per namespace and per process */
    std::string Snapshot() const;

  private:
    /// An address entry of a namespace, in the order it was added.
    struct Address
    {
        std::string device;      //!< interface name
        uint32_t address{0};     //!< host byte order
        uint8_t prefixLength{0}; //!< prefix length
    };

    /// A namespace that holds an address on a device, in the order it joined.
    struct Holder
    {
        uint32_t ns{0};          //!< namespace id
        std::string device;      //!< interface name
        uint8_t prefixLength{0}; //!< of the entry that made the namespace a holder
    };

    /// A connected route, as "ip route" lists it.
    struct Route
    {
        uint32_t destination{0}; //!< network, host byte order
        uint8_t prefixLength{0}; //!< prefix length
        uint32_t ifindex{0};     //!< device, lo is 1 and ethN is N + 2
        uint32_t source{0};      //!< preferred source address
        uint32_t owner{0};       //!< namespace that added it
    };

    /// A socket and its binding.
    struct Socket
    {
        std::string owner;       //!< "LABEL/FD", the receiver name in receipts
        std::string process;     //!< label of the process that created it or its listener
        uint32_t ns{0};          //!< namespace it was created in
        bool tcp{false};         //!< TCP, else UDP
        bool bound{false};       //!< has a local end
        bool ephemeral{false};   //!< the port is an ephemeral one
        uint32_t local{0};       //!< local address, 0 for the wildcard
        uint16_t port{0};        //!< local port
        bool connected{false};   //!< UDP connect() succeeded
        uint32_t peer{0};        //!< connected peer address
        uint16_t peerPort{0};    //!< connected peer port
        bool listening{false};   //!< TCP listen() succeeded
        bool reuse{false};       //!< SO_REUSEADDR
        uint64_t sequence{0};    //!< bind order
        uint64_t listenOrder{0}; //!< listen() order; the latest listener wins a match
    };

    /// A namespace; its id is its index.
    struct Namespace
    {
        bool alive{true};               //!< not freed yet
        std::vector<std::string> view;  //!< device names in reveal order
        std::vector<Address> addresses; //!< in the order they were added
        uint32_t processes{0};          //!< processes whose namespace it is
        uint32_t sockets{0};            //!< open sockets created in it
        std::vector<Route> routes;      //!< own table; the initial namespace's is the host's
    };

    /// A process, by label.
    struct Process
    {
        bool root{true};             //!< uid 0 with every capability, else uid 1000 with none
        uint32_t ns{0};              //!< current namespace
        bool alive{true};            //!< not exited
        std::map<int, uint64_t> fds; //!< descriptor to socket id
        std::vector<uint64_t> accepted; //!< connections accepted from its listeners
    };

    /// A datagram's addresses and ports, for the receive rules.
    struct Datagram
    {
        uint32_t destination{0}; //!< destination address
        uint16_t port{0};        //!< destination port
        uint32_t source{0};      //!< source address
        uint16_t sourcePort{0};  //!< source port, 0 when ephemeral
        std::string payload;     //!< names the step that sent it
    };

    // One method per operation verb; each returns what the module must do.

    StepOutcome Spawn(const Operation& operation);
    StepOutcome Fork(const Operation& operation);
    StepOutcome Unshare(Process& process);
    StepOutcome Reveal(Process& process, const std::string& device);
    StepOutcome AddAddress(Process& process, const Operation& operation);
    StepOutcome DeleteAddress(Process& process, const Operation& operation);
    StepOutcome OpenSocket(Process& process, const std::string& label, bool tcp);
    StepOutcome Bind(Process& process, const Operation& operation);
    StepOutcome Listen(Process& process, const Operation& operation);
    StepOutcome Connect(Process& process, const Operation& operation);
    /** Bind an unbound socket to an ephemeral port on the wildcard address. */
    void Autobind(Socket& socket);
    StepOutcome Send(Process& process, const Operation& operation, const std::string& payload);
    StepOutcome PeerSend(const Operation& operation, const std::string& payload);
    StepOutcome PeerConnect(const Operation& operation);
    StepOutcome Close(Process& process, const Operation& operation);
    StepOutcome Exit(Process& process);
    StepOutcome SetIsolation(const Operation& operation);

    /**
     * @param nsId a namespace
     * @param index an index into its address list
     * @return true when an earlier address on the same device covers the same subnet
     */
    bool IsSecondary(uint32_t nsId, std::size_t index) const;

    /** @return the socket an fd names, or nullptr with EBADF in the outcome */
    Socket* LookupFd(Process& process, const std::string& fd, StepOutcome& outcome);

    // Namespace lifetime: a namespace is freed when its last process and socket go.
    void CloseSocket(uint64_t id);
    void LeaveNamespace(uint32_t ns);
    void ReleaseIfUnused(uint32_t ns);
    void Release(uint32_t ns);
    void RemoveAddressAt(uint32_t ns, std::size_t index);

    // Routes: the host's one table, or each namespace's own with isolation.
    std::vector<Route>& Table(uint32_t ns);
    const std::vector<Route>& Table(uint32_t ns) const;
    void AddConnectedRoutes(uint32_t ns, const std::string& device);
    std::optional<Route> LookupRoute(uint32_t ns, uint32_t destination) const;

    // Views, holders and locality, as the dispatcher and bind() see them.
    bool Sees(uint32_t ns, const std::string& device) const;
    uint32_t CountViews(const std::string& device) const;
    bool Holds(uint32_t ns, uint32_t address) const;
    bool HoldsOn(uint32_t ns, const std::string& device, uint32_t address) const;
    bool HeldAnywhere(uint32_t address) const;
    std::optional<uint32_t> FindHolder(uint32_t address, const std::string& device) const;
    bool IsBroadcastOf(uint32_t address, std::optional<uint32_t> ns) const;
    bool IsLocalForBind(uint32_t ns, uint32_t address) const;
    bool IsLocalDestination(uint32_t ns, uint32_t destination) const;
    uint32_t SelectArpSource(uint32_t ns, const std::string& device, uint32_t destination) const;

    // The receive path: dispatcher, then the namespace's own demultiplexer.
    // Deliver()'s sender is the sending namespace, or UINT32_MAX for a frame
    // from the wire.
    void Deliver(uint32_t lan, const Datagram& datagram, uint32_t sender, StepOutcome& outcome);
    void DeliverInto(uint32_t ns, const Datagram& datagram, bool broadcast, StepOutcome& outcome);
    std::optional<uint32_t> MatchSocketNamespace(const std::string& device,
                                                 const Datagram& datagram) const;
    void SendFromNamespace(const Socket& socket, const Datagram& datagram, StepOutcome& outcome);

    Topology m_topology;                               //!< the network
    bool m_isolation{false};                           //!< route isolation now
    bool m_everUnshared{false};                        //!< a namespace was ever created
    std::vector<Namespace> m_namespaces;               //!< by id, freed ones included
    std::map<std::string, Process> m_processes;        //!< by label
    std::map<uint64_t, Socket> m_sockets;              //!< open sockets by id
    std::map<uint32_t, std::vector<Holder>> m_holders; //!< by address, in join order
    uint64_t m_nextSocket{1};                          //!< next socket id
    uint64_t m_nextSequence{1};                        //!< next bind order number
    uint64_t m_nextListenOrder{1};                     //!< next listen order number
};

} // namespace oracle
} // namespace netns
} // namespace ns3

#endif /* NETNS_ORACLE_MODEL_H */
