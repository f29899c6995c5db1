/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "oracle-harness.h"

#include "oracle-model.h"

#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/netns-module.h"
#include "ns3/network-module.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <sstream>

namespace ns3
{
namespace netns
{
namespace oracle
{

namespace
{

/// Simulated time between steps: longer than ns-3's ARP alive (120 s) and dead (100 s) timeouts.
const Time STEP_TIME = Seconds(250);
/// Simulated time after a TCP connection attempt: longer than ns-3's SYN and
/// SYN-ACK retries (six, from a 3 s timeout doubling, about 380 s), so that a
/// handshake has succeeded or given up by the next step.
const Time CONNECT_STEP_TIME = Seconds(1000);
/// The ports each peer listens on; the last one is also the one it sends from.
const uint16_t PEER_PORTS[] = {53, 5000, 5001, 7000};
/// Ports from here up are ephemeral in ns-3.
constexpr uint16_t FIRST_EPHEMERAL = 49152;

std::string
Text(Ipv4Address address)
{
    std::ostringstream os;
    os << address;
    return os.str();
}

/// The module under test, built for one sequence.
class Run
{
  public:
    explicit Run(const Topology& topology);
    ~Run();

    StepOutcome Execute(const Operation& op, const std::string& payload);
    std::vector<std::string> TakeReceipts();
    std::string Snapshot() const;

  private:
    void Record(std::string receiver, Ptr<Socket> socket);
    Ptr<Process> Find(const std::string& label) const;
    StepOutcome FromStatus(const Status& status) const;

    Ptr<Node> m_hostNode;
    Ptr<Host> m_host;
    NodeContainer m_peers;
    std::vector<Ptr<Socket>> m_peerSenders;
    std::vector<Ptr<Socket>> m_peerConnections;
    std::map<std::string, Ptr<Process>> m_processes;
    std::vector<std::string> m_receipts;
};

Run::Run(const Topology& topology)
{
    m_hostNode = CreateObject<Node>();
    m_peers.Create(topology.devices);
    CsmaHelper csma;
    InternetStackHelper stack;
    stack.Install(m_peers);
    std::vector<NetDeviceContainer> links;
    for (uint32_t i = 0; i < topology.devices; ++i)
    {
        links.push_back(csma.Install(NodeContainer(m_hostNode, m_peers.Get(i))));
    }
    NetnsHelper netns;
    netns.SetRouteIsolation(topology.routeIsolation);
    netns.Install(m_hostNode);
    m_host = NetnsHelper::GetHost(m_hostNode);
    for (uint32_t i = 0; i < topology.devices; ++i)
    {
        Ipv4AddressHelper lan((std::string(LAN_PREFIXES[i]) + ".0").c_str(), "255.255.255.0");
        lan.Assign(NetDeviceContainer(links[i].Get(1)));
        for (uint16_t port : PEER_PORTS)
        {
            Ptr<Socket> socket =
                Socket::CreateSocket(m_peers.Get(i), UdpSocketFactory::GetTypeId());
            socket->Bind(InetSocketAddress(Ipv4Address::GetAny(), port));
            socket->SetAllowBroadcast(true);
            Record("peer" + std::to_string(i) + ":" + std::to_string(port), socket);
            if (port == 7000)
            {
                m_peerSenders.push_back(socket);
            }
        }
    }
    m_processes["p0"] = m_host->CreateProcess(0);
}

Run::~Run()
{
    Simulator::Destroy();
    Names::Clear();
}

void
Run::Record(std::string receiver, Ptr<Socket> socket)
{
    socket->SetRecvCallback(
        MakeCallback(+[](std::vector<std::string>* receipts, std::string name, Ptr<Socket> s) {
            Address from;
            while (Ptr<Packet> packet = s->RecvFrom(from))
            {
                std::string payload(packet->GetSize(), '\0');
                packet->CopyData(reinterpret_cast<uint8_t*>(&payload[0]), payload.size());
                receipts->push_back(name + " " + payload + " from " +
                                    Text(InetSocketAddress::ConvertFrom(from).GetIpv4()));
            }
        }).Bind(&m_receipts, receiver));
    socket->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                              MakeCallback(+[](std::vector<std::string>* receipts,
                                               std::string name,
                                               Ptr<Socket>,
                                               const Address& from) {
                                  receipts->push_back(
                                      name + " accepted from " +
                                      Text(InetSocketAddress::ConvertFrom(from).GetIpv4()));
                              }).Bind(&m_receipts, receiver));
}

Ptr<Process>
Run::Find(const std::string& label) const
{
    auto it = m_processes.find(label);
    return it == m_processes.end() ? nullptr : it->second;
}

StepOutcome
Run::FromStatus(const Status& status) const
{
    StepOutcome outcome;
    outcome.errnum = status.GetErrno();
    return outcome;
}

StepOutcome
Run::Execute(const Operation& op, const std::string& payload)
{
    const auto& a = op.args;
    if (op.verb == "spawn")
    {
        m_processes[a[0]] = m_host->CreateProcess(static_cast<uint32_t>(std::stoul(a[1])));
        return {};
    }
    if (op.verb == "set-isolation")
    {
        return FromStatus(m_host->SetRouteIsolation(a[0] == "on"));
    }
    if (op.verb == "peer-connect")
    {
        Ptr<Node> peer = m_peers.Get(std::stoul(a[0]));
        Ptr<Socket> socket = Socket::CreateSocket(peer, TcpSocketFactory::GetTypeId());
        m_peerConnections.push_back(socket);
        const InetSocketAddress to(Ipv4Address(a[1].c_str()),
                                   static_cast<uint16_t>(std::stoi(a[2])));
        Simulator::ScheduleWithContext(peer->GetId(), Time(0), [socket, to]() {
            socket->Connect(to);
        });
        return {};
    }
    if (op.verb == "peer-send")
    {
        Ptr<Socket> sender = m_peerSenders.at(std::stoul(a[0]));
        const InetSocketAddress to(Ipv4Address(a[1].c_str()),
                                   static_cast<uint16_t>(std::stoi(a[2])));
        Simulator::ScheduleWithContext(
            sender->GetNode()->GetId(),
            Time(0),
            [sender, to, payload]() {
                sender->SendTo(Create<Packet>(reinterpret_cast<const uint8_t*>(payload.data()),
                                              payload.size()),
                               0,
                               to);
            });
        return {};
    }
    Ptr<Process> p = Find(op.verb == "fork" ? a[1] : a[0]);
    if (op.verb == "fork")
    {
        auto child = p->Fork();
        if (child.IsOk())
        {
            m_processes[a[0]] = child.GetValue();
        }
        return FromStatus(child.GetStatus());
    }
    if (op.verb == "exit")
    {
        p->Exit(0);
        return {};
    }
    if (op.verb == "unshare")
    {
        return FromStatus(p->Unshare(CLONE_NEWNET_PATCH_2006));
    }
    if (op.verb == "reveal")
    {
        return FromStatus(
            p->WriteFile(DEBUGFS_DEV_PATH, (a.size() > 1 ? a[1] : "") + "\n").GetStatus());
    }
    if (op.verb == "addr-add")
    {
        const auto slash = a[2].find('/');
        return FromStatus(p->AddAddress(a[1],
                                        Ipv4Address(a[2].substr(0, slash).c_str()),
                                        static_cast<uint8_t>(std::stoi(a[2].substr(slash + 1)))));
    }
    if (op.verb == "addr-del")
    {
        std::optional<uint8_t> length;
        if (a.size() > 3)
        {
            length = static_cast<uint8_t>(std::stoi(a[3]));
        }
        return FromStatus(p->DeleteAddress(a[1], Ipv4Address(a[2].c_str()), length));
    }
    if (op.verb == "socket")
    {
        auto fd = p->Socket(NETNS_AF_INET, a[1] == "tcp" ? NETNS_SOCK_STREAM : NETNS_SOCK_DGRAM);
        StepOutcome outcome = FromStatus(fd.GetStatus());
        if (fd.IsOk())
        {
            outcome.fd = fd.GetValue();
            Record(a[0] + "/" + std::to_string(fd.GetValue()), p->GetSocket(fd.GetValue()));
        }
        return outcome;
    }
    const int fd = std::stoi(a.at(1));
    if (op.verb == "bind")
    {
        Status reuse = p->SetReuseAddress(fd, a.size() > 4);
        if (!reuse.IsOk())
        {
            return FromStatus(reuse);
        }
        return FromStatus(
            p->Bind(fd, Ipv4Address(a[2].c_str()), static_cast<uint16_t>(std::stoi(a[3]))));
    }
    if (op.verb == "listen")
    {
        return FromStatus(p->Listen(fd));
    }
    if (op.verb == "connect")
    {
        return FromStatus(
            p->Connect(fd, Ipv4Address(a[2].c_str()), static_cast<uint16_t>(std::stoi(a[3]))));
    }
    if (op.verb == "send")
    {
        Ptr<Packet> packet =
            Create<Packet>(reinterpret_cast<const uint8_t*>(payload.data()), payload.size());
        return FromStatus(
            p->SendTo(fd, packet, Ipv4Address(a[2].c_str()), static_cast<uint16_t>(std::stoi(a[3])))
                .GetStatus());
    }
    if (op.verb == "close")
    {
        return FromStatus(p->Close(fd));
    }
    return {};
}

std::vector<std::string>
Run::TakeReceipts()
{
    std::vector<std::string> receipts;
    receipts.swap(m_receipts);
    std::sort(receipts.begin(), receipts.end());
    return receipts;
}

/** @return the routes of a namespace as the model prints them */
std::string
RouteText(Ptr<Namespace> ns)
{
    std::ostringstream os;
    for (const netns::Route& r : ns->GetRoutes())
    {
        os << " " << r.destination << "/" << unsigned{r.prefixLength} << ":if" << r.ifindex
           << ":src" << r.preferredSource << ":ns" << r.owner;
    }
    return os.str();
}

std::string
Run::Snapshot() const
{
    std::ostringstream os;
    const bool isolated = m_host->IsRouteIsolated();
    const std::string sharedRoutes = RouteText(m_host->GetInitialNamespace());
    for (uint32_t id = 0; Ptr<Namespace> ns = m_host->GetNamespace(id); ++id)
    {
        if (!ns->IsAlive())
        {
            os << "ns " << id << " freed";
            if (!ns->GetView().empty() || !ns->GetAddresses().empty() ||
                !ns->GetSockets().empty() || !ns->GetRoutes().empty())
            {
                os << " but still lists resources";
            }
            os << "\n";
            continue;
        }
        os << "ns " << id << " view";
        for (const ViewEntry& entry : ns->GetView())
        {
            os << " " << entry.name;
        }
        os << "\nns " << id << " addresses";
        for (const AddressEntry& entry : ns->GetAddresses())
        {
            os << " " << entry.device << ":" << entry.local << "/" << unsigned{entry.prefixLength}
               << (entry.secondary ? ":secondary" : "");
        }
        os << "\nns " << id << " sockets";
        for (const SocketBinding& s : ns->GetSockets())
        {
            os << " " << (s.transport == Transport::Tcp ? "tcp:" : "udp:") << s.local << ":"
               << (s.port >= FIRST_EPHEMERAL ? std::string("eph") : std::to_string(s.port));
            if (s.IsConnected())
            {
                os << ">" << s.peer << ":"
                   << (s.peerPort >= FIRST_EPHEMERAL ? std::string("eph")
                                                     : std::to_string(s.peerPort));
            }
            os << (s.listening ? ":listen" : "");
        }
        os << "\nns " << id << " routes";
        const std::string routes = RouteText(ns);
        if (id == 0 || isolated)
        {
            os << routes;
        }
        else if (routes == sharedRoutes)
        {
            os << " (shared)";
        }
        else
        {
            os << " differ from the host's shared table:" << routes;
        }
        os << "\n";
    }
    for (const auto& [label, p] : m_processes)
    {
        os << "process " << label
           << (p->IsAlive() ? " ns " + std::to_string(p->GetNamespace()->GetId()) : " exited")
           << "\n";
    }
    return os.str();
}

std::string
Describe(const StepOutcome& o)
{
    std::ostringstream os;
    os << (o.errnum == 0 ? "OK" : ErrnoName(o.errnum));
    if (o.fd >= 0)
    {
        os << " fd " << o.fd;
    }
    os << ", received [";
    for (std::size_t i = 0; i < o.receipts.size(); ++i)
    {
        os << (i ? "; " : "") << o.receipts[i];
    }
    os << "]";
    return os.str();
}

/** @return the first line where two snapshots differ, both versions */
std::string
FirstDifference(const std::string& expected, const std::string& observed)
{
    std::istringstream e(expected);
    std::istringstream o(observed);
    std::string le;
    std::string lo;
    while (true)
    {
        const bool moreE = static_cast<bool>(std::getline(e, le));
        const bool moreO = static_cast<bool>(std::getline(o, lo));
        if (!moreE && !moreO)
        {
            return "";
        }
        if (!moreE || !moreO || le != lo)
        {
            return "expected: " + (moreE ? le : "(nothing)") +
                   "\nobserved: " + (moreO ? lo : "(nothing)");
        }
    }
}

} // namespace

RunResult
RunSequence(const Sequence& sequence, bool trace)
{
    RunResult result;
    Model model(sequence.topology);
    Run run(sequence.topology);
    for (std::size_t step = 0; step < sequence.operations.size(); ++step)
    {
        const Operation& op = sequence.operations[step];
        const std::string payload = "s" + std::to_string(step);
        const StepOutcome expected = model.Apply(op, payload);
        if (expected.skipped)
        {
            ++result.skipped;
            continue;
        }
        StepOutcome observed = run.Execute(op, payload);
        Simulator::Stop(op.verb == "peer-connect" ? CONNECT_STEP_TIME : STEP_TIME);
        Simulator::Run();
        observed.receipts = run.TakeReceipts();
        ++result.operations;
        result.deliveries += expected.receipts.size();
        if (trace)
        {
            std::cout << "step " << step << ": " << op.ToString() << " -> " << Describe(observed)
                      << "\n";
        }
        const std::string where = "step " + std::to_string(step) + " (" + op.ToString() + ")";
        if (expected.errnum != observed.errnum || expected.fd != observed.fd)
        {
            result.passed = false;
            result.category = expected.errnum != observed.errnum ? "errno:" + op.verb : "fd";
        }
        else if (expected.receipts != observed.receipts)
        {
            result.passed = false;
            result.category = "delivery:" + op.verb;
        }
        if (!result.passed)
        {
            result.message =
                where + "\nexpected: " + Describe(expected) + "\nobserved: " + Describe(observed);
            return result;
        }
        const std::string difference = FirstDifference(model.Snapshot(), run.Snapshot());
        if (!difference.empty())
        {
            result.passed = false;
            result.category = "listing:" + op.verb;
            result.message = where + ", listings after it\n" + difference;
            return result;
        }
    }
    return result;
}

} // namespace oracle
} // namespace netns
} // namespace ns3
