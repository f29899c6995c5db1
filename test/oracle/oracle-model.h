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
    struct Address
    {
        std::string device;   //!< interface name
        uint32_t address{0};  //!< host order
        uint8_t prefixLength{0};
    };

    struct Holder
    {
        uint32_t ns{0};
        std::string device;
        uint8_t prefixLength{0}; //!< of the entry that made the namespace a holder
    };

    struct Route
    {
        uint32_t destination{0};
        uint8_t prefixLength{0};
        uint32_t ifindex{0};
        uint32_t source{0};
        uint32_t owner{0};
    };

    struct Socket
    {
        std::string owner; //!< "LABEL/FD", the receiver name in receipts
        uint32_t ns{0};
        bool tcp{false};
        bool bound{false};
        bool ephemeral{false};
        uint32_t local{0};
        uint16_t port{0};
        bool connected{false};
        uint32_t peer{0};
        uint16_t peerPort{0};
        bool listening{false};
        bool reuse{false};
        uint64_t sequence{0}; //!< bind order
    };

    struct Namespace
    {
        bool alive{true};
        std::vector<std::string> view;
        std::vector<Address> addresses;
        uint32_t processes{0};
        uint32_t sockets{0};
        std::vector<Route> routes; //!< own table; the initial namespace's is the host's
    };

    struct Process
    {
        bool root{true};
        uint32_t ns{0};
        bool alive{true};
        std::map<int, uint64_t> fds; //!< descriptor to socket id
    };

    /// Where a datagram came from, for the receive rules.
    struct Datagram
    {
        uint32_t destination{0};
        uint16_t port{0};
        uint32_t source{0};
        uint16_t sourcePort{0};
        std::string payload;
    };

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
    StepOutcome Send(Process& process, const Operation& operation, const std::string& payload);
    StepOutcome PeerSend(const Operation& operation, const std::string& payload);
    StepOutcome Close(Process& process, const Operation& operation);
    StepOutcome Exit(Process& process);
    StepOutcome SetIsolation(const Operation& operation);

    /** @return the socket an fd names, or EBADF / ESRCH in errnum */
    Socket* LookupFd(Process& process, const std::string& fd, StepOutcome& outcome);

    void CloseSocket(uint64_t id);
    void LeaveNamespace(uint32_t ns);
    void ReleaseIfUnused(uint32_t ns);
    void Release(uint32_t ns);
    void RemoveAddressAt(uint32_t ns, std::size_t index);

    std::vector<Route>& Table(uint32_t ns);
    const std::vector<Route>& Table(uint32_t ns) const;
    void AddConnectedRoutes(uint32_t ns, const std::string& device);
    std::optional<Route> LookupRoute(uint32_t ns, uint32_t destination) const;

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

    void Deliver(uint32_t device, const Datagram& datagram, uint32_t sender, StepOutcome& outcome);
    void DeliverInto(uint32_t ns, const Datagram& datagram, bool broadcast, StepOutcome& outcome);
    std::optional<uint32_t> MatchSocketNamespace(const std::string& device,
                                                 const Datagram& datagram) const;
    void SendFromNamespace(const Socket& socket, const Datagram& datagram, StepOutcome& outcome);

    Topology m_topology;
    bool m_isolation{false};
    bool m_everUnshared{false};
    std::vector<Namespace> m_namespaces;
    std::map<std::string, Process> m_processes;
    std::map<uint64_t, Socket> m_sockets;
    std::map<uint32_t, std::vector<Holder>> m_holders; //!< by address, in join order
    uint64_t m_nextSocket{1};
    uint64_t m_nextSequence{1};
};

} // namespace oracle
} // namespace netns
} // namespace ns3

#endif /* NETNS_ORACLE_MODEL_H */
