/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "oracle-model.h"

#include <algorithm>
#include <cerrno>
#include <sstream>

namespace ns3
{
namespace netns
{
namespace oracle
{

namespace
{

constexpr uint32_t ANY = 0;
constexpr uint32_t LOOPBACK = 0x7f000001;
/// Stands for an ephemeral port, which no generated operation targets.
constexpr uint16_t EPHEMERAL = 0;
/// Ports the peers listen on, with a wildcard UDP socket each.
constexpr uint16_t PEER_PORTS[] = {53, 5000, 5001, 7000};
/// The port a peer sends from.
constexpr uint16_t PEER_SOURCE_PORT = 7000;

std::optional<uint32_t>
ParseAddress(const std::string& text)
{
    uint32_t parts[4];
    char tail;
    if (std::sscanf(text.c_str(),
                    "%u.%u.%u.%u%c",
                    &parts[0],
                    &parts[1],
                    &parts[2],
                    &parts[3],
                    &tail) != 4)
    {
        return std::nullopt;
    }
    uint32_t value = 0;
    for (uint32_t part : parts)
    {
        if (part > 255)
        {
            return std::nullopt;
        }
        value = (value << 8) | part;
    }
    return value;
}

std::string
AddressText(uint32_t address)
{
    return std::to_string(address >> 24) + "." + std::to_string((address >> 16) & 0xff) + "." +
           std::to_string((address >> 8) & 0xff) + "." + std::to_string(address & 0xff);
}

uint32_t
Mask(uint8_t prefixLength)
{
    return prefixLength == 0 ? 0 : ~uint32_t{0} << (32 - prefixLength);
}

bool
IsLoopback(uint32_t address)
{
    return (address >> 24) == 127;
}

/** @return the subnet-directed broadcast, none for /31 and /32 */
std::optional<uint32_t>
BroadcastOf(uint32_t address, uint8_t prefixLength)
{
    if (prefixLength >= 31)
    {
        return std::nullopt;
    }
    return address | ~Mask(prefixLength);
}

uint32_t
IfindexOf(const std::string& device)
{
    return device == "lo" ? 1 : 2 + static_cast<uint32_t>(device.back() - '0');
}

uint32_t
PeerAddress(uint32_t lan)
{
    return *ParseAddress(std::string(LAN_PREFIXES[lan]) + ".1");
}

} // namespace

Model::Model(const Topology& topology)
    : m_topology(topology),
      m_isolation(topology.routeIsolation)
{
    Namespace initial;
    initial.view.push_back("lo");
    initial.addresses.push_back({"lo", LOOPBACK, 8});
    for (uint32_t i = 0; i < topology.devices; ++i)
    {
        initial.view.push_back("eth" + std::to_string(i));
    }
    initial.processes = 1;
    m_namespaces.push_back(initial);
    m_processes["p0"] = Process();
}

// ---- Namespaces, views, holders ----

bool
Model::Sees(uint32_t ns, const std::string& device) const
{
    const Namespace& n = m_namespaces[ns];
    return n.alive && std::find(n.view.begin(), n.view.end(), device) != n.view.end();
}

uint32_t
Model::CountViews(const std::string& device) const
{
    uint32_t views = 0;
    for (uint32_t ns = 1; ns < m_namespaces.size(); ++ns)
    {
        views += Sees(ns, device) ? 1 : 0;
    }
    return views;
}

bool
Model::Holds(uint32_t ns, uint32_t address) const
{
    auto it = m_holders.find(address);
    return it != m_holders.end() && std::any_of(it->second.begin(),
                                                it->second.end(),
                                                [ns](const Holder& h) { return h.ns == ns; });
}

bool
Model::HoldsOn(uint32_t ns, const std::string& device, uint32_t address) const
{
    for (const Address& a : m_namespaces[ns].addresses)
    {
        if (a.device == device && a.address == address)
        {
            return true;
        }
    }
    return false;
}

bool
Model::HeldAnywhere(uint32_t address) const
{
    return m_holders.count(address) != 0;
}

std::optional<uint32_t>
Model::FindHolder(uint32_t address, const std::string& device) const
{
    auto it = m_holders.find(address);
    if (it == m_holders.end())
    {
        return std::nullopt;
    }
    for (const Holder& h : it->second)
    {
        if (h.ns == 0 || Sees(h.ns, device))
        {
            return h.ns;
        }
    }
    return std::nullopt;
}

bool
Model::IsBroadcastOf(uint32_t address, std::optional<uint32_t> ns) const
{
    for (const auto& [held, holders] : m_holders)
    {
        for (const Holder& h : holders)
        {
            if ((!ns || h.ns == *ns) && BroadcastOf(held, h.prefixLength) == address)
            {
                return true;
            }
        }
    }
    return false;
}

// ---- Route tables ----

std::vector<Model::Route>&
Model::Table(uint32_t ns)
{
    return m_isolation ? m_namespaces[ns].routes : m_namespaces[0].routes;
}

const std::vector<Model::Route>&
Model::Table(uint32_t ns) const
{
    return m_isolation ? m_namespaces[ns].routes : m_namespaces[0].routes;
}

void
Model::AddConnectedRoutes(uint32_t ns, const std::string& device)
{
    if (device == "lo")
    {
        return;
    }
    std::vector<Route>& table = Table(ns);
    const std::vector<Address>& addresses = m_namespaces[ns].addresses;
    for (std::size_t i = 0; i < addresses.size(); ++i)
    {
        const Address& a = addresses[i];
        if (a.device != device || IsLoopback(a.address) || IsSecondary(ns, i))
        {
            continue; // Linux adds a subnet's prefix route for its primary address only
        }
        const Route route{a.address & Mask(a.prefixLength),
                          a.prefixLength,
                          IfindexOf(device),
                          a.address,
                          ns};
        // Linux's fib_add_ifaddr() adds no prefix route for a /32 address or 0.0.0.0/8.
        if (route.prefixLength == 32 || (route.destination >> 24) == 0)
        {
            continue;
        }
        // A route that differs only in its owner is the same route (kernel FIB alias).
        const bool present = std::any_of(table.begin(), table.end(), [&](const Route& r) {
            return r.destination == route.destination && r.prefixLength == route.prefixLength &&
                   r.ifindex == route.ifindex && r.source == route.source;
        });
        if (!present)
        {
            table.push_back(route);
        }
    }
}

std::optional<Model::Route>
Model::LookupRoute(uint32_t ns, uint32_t destination) const
{
    std::optional<Route> best;
    for (const Route& r : Table(ns))
    {
        const bool covers = (destination & Mask(r.prefixLength)) == r.destination;
        const std::string device = "eth" + std::to_string(r.ifindex - 2);
        if (covers && Sees(ns, device) && (!best || r.prefixLength > best->prefixLength))
        {
            best = r;
        }
    }
    return best;
}

// ---- Locality ----

bool
Model::IsLocalForBind(uint32_t ns, uint32_t address) const
{
    if (address == ANY || IsLoopback(address) || address == 0xffffffff || (address >> 28) == 0xe)
    {
        return true;
    }
    if (m_isolation)
    {
        return Holds(ns, address) || IsBroadcastOf(address, ns);
    }
    return HeldAnywhere(address) || IsBroadcastOf(address, std::nullopt);
}

bool
Model::IsLocalDestination(uint32_t ns, uint32_t destination) const
{
    if (IsLoopback(destination) || destination == 0xffffffff || Holds(ns, destination) ||
        IsBroadcastOf(destination, ns))
    {
        return true;
    }
    return !m_isolation && (HeldAnywhere(destination) || IsBroadcastOf(destination, std::nullopt));
}

uint32_t
Model::SelectArpSource(uint32_t ns, const std::string& device, uint32_t destination) const
{
    // ns-3's Ipv4L3Protocol::SelectSourceAddress: an address of the device in
    // the destination's subnet, else the device's first, else the first
    // global address of any interface (lo, then the devices in interface order).
    std::optional<uint32_t> first;
    for (const Address& a : m_namespaces[ns].addresses)
    {
        if (a.device != device)
        {
            continue;
        }
        if ((destination & Mask(a.prefixLength)) == (a.address & Mask(a.prefixLength)))
        {
            return a.address;
        }
        first = first.value_or(a.address);
    }
    if (first)
    {
        return *first;
    }
    std::vector<std::string> interfaces{"lo"};
    if (ns == 0)
    {
        for (uint32_t i = 0; i < m_topology.devices; ++i)
        {
            interfaces.push_back("eth" + std::to_string(i));
        }
    }
    else
    {
        interfaces.insert(interfaces.end(),
                          m_namespaces[ns].view.begin(),
                          m_namespaces[ns].view.end());
    }
    for (const std::string& name : interfaces)
    {
        for (const Address& a : m_namespaces[ns].addresses)
        {
            if (a.device == name && !IsLoopback(a.address))
            {
                return a.address;
            }
        }
    }
    return ANY;
}

// ---- Receive path ----

std::optional<uint32_t>
Model::MatchSocketNamespace(const std::string& device, const Datagram& d) const
{
    // The 2006 patch's namespace-blind match: connected to the sender, then
    // specific address, then wildcard; the most recently bound wins.
    auto best = [&](auto accept) -> std::optional<uint32_t> {
        const Socket* chosen = nullptr;
        for (const auto& [id, s] : m_sockets)
        {
            if (!s.tcp && s.bound && s.port == d.port && (s.ns == 0 || Sees(s.ns, device)) &&
                accept(s) && (!chosen || s.sequence > chosen->sequence))
            {
                chosen = &s;
            }
        }
        return chosen ? std::optional<uint32_t>(chosen->ns) : std::nullopt;
    };
    auto connectedTo = [&](const Socket& s) {
        return s.connected && s.peer == d.source && s.peerPort == d.sourcePort;
    };
    for (uint32_t local : {d.destination, ANY})
    {
        if (auto ns = best([&](const Socket& s) { return s.local == local && connectedTo(s); }))
        {
            return ns;
        }
    }
    for (uint32_t local : {d.destination, ANY})
    {
        if (auto ns = best([&](const Socket& s) { return s.local == local && !s.connected; }))
        {
            return ns;
        }
    }
    return std::nullopt;
}

void
Model::DeliverInto(uint32_t ns, const Datagram& d, bool broadcast, StepOutcome& outcome)
{
    if (!IsLocalDestination(ns, d.destination))
    {
        return;
    }
    // A connected socket gets only its peer's datagrams, and beats an
    // unconnected one. Then a specific address beats the wildcard.
    const Socket* chosen = nullptr;
    int chosenScore = -1;
    for (const auto& [id, s] : m_sockets)
    {
        if (s.tcp || !s.bound || s.ns != ns || s.port != d.port)
        {
            continue;
        }
        const bool exact = !broadcast && s.local == d.destination;
        if (!exact && s.local != ANY)
        {
            continue;
        }
        if (s.connected && !(s.peer == d.source && s.peerPort == d.sourcePort))
        {
            continue;
        }
        const int score = (s.connected ? 2 : 0) + (exact ? 1 : 0);
        if (score > chosenScore)
        {
            chosen = &s;
            chosenScore = score;
        }
    }
    if (chosen)
    {
        outcome.receipts.push_back(chosen->owner + " " + d.payload + " from " +
                                   AddressText(d.source));
    }
}

void
Model::Deliver(uint32_t lan, const Datagram& d, uint32_t sender, StepOutcome& outcome)
{
    // A frame for the host reaches the dispatcher of device lan.
    const std::string device = "eth" + std::to_string(lan);
    const bool fromWire = sender == UINT32_MAX;
    if (fromWire && CountViews(device) == 0)
    {
        DeliverInto(0, d, d.destination == *BroadcastOf(PeerAddress(lan), 24), outcome);
        return;
    }
    if (d.destination == *BroadcastOf(PeerAddress(lan), 24) || IsBroadcastOf(d.destination, {}))
    {
        std::vector<uint32_t> targets;
        for (uint32_t ns = 0; ns < m_namespaces.size(); ++ns)
        {
            if ((ns == 0 || Sees(ns, device)) && IsBroadcastOf(d.destination, ns))
            {
                targets.push_back(ns);
            }
        }
        if (targets.empty())
        {
            targets.push_back(0);
        }
        for (uint32_t ns : targets)
        {
            DeliverInto(ns, d, true, outcome);
        }
        return;
    }
    std::optional<uint32_t> target;
    if (!m_isolation)
    {
        target = MatchSocketNamespace(device, d);
    }
    if (!target)
    {
        target = FindHolder(d.destination, device);
    }
    DeliverInto(target.value_or(0), d, false, outcome);
}

void
Model::SendFromNamespace(const Socket& socket, const Datagram& d, StepOutcome& outcome)
{
    const uint32_t ns = socket.ns;
    auto route = LookupRoute(ns, d.destination);
    if (!route)
    {
        outcome.errnum = ENETUNREACH;
        return;
    }
    Datagram sent = d;
    sent.source = socket.local != ANY ? socket.local : route->source;
    const uint32_t lan = route->ifindex - 2;
    const std::string device = "eth" + std::to_string(lan);

    // ARP for the destination, which is on the link.
    const uint32_t arpSource = SelectArpSource(ns, device, d.destination);
    const uint32_t views = CountViews(device);
    const uint32_t responder = FindHolder(d.destination, device).value_or(0);
    const bool hostReply =
        (ns != 0 || views > 0) && responder != ns && HoldsOn(responder, device, d.destination);
    const bool peerReply = d.destination == PeerAddress(lan);
    if (!hostReply && !peerReply)
    {
        return;
    }
    uint32_t replyTarget = FindHolder(arpSource, device).value_or(0);
    if (peerReply && views == 0)
    {
        replyTarget = 0;
    }
    if (replyTarget != ns || !HoldsOn(ns, device, arpSource))
    {
        return; // the ARP reply goes to another namespace, or is ignored
    }
    if (peerReply)
    {
        if (std::find(std::begin(PEER_PORTS), std::end(PEER_PORTS), d.port) != std::end(PEER_PORTS))
        {
            outcome.receipts.push_back("peer" + std::to_string(lan) + ":" + std::to_string(d.port) +
                                       " " + d.payload + " from " + AddressText(sent.source));
        }
        return;
    }
    Deliver(lan, sent, ns, outcome);
}

// ---- Operations ----

StepOutcome
Model::Apply(const Operation& op, const std::string& payload)
{
    if (op.verb == "spawn")
    {
        return Spawn(op);
    }
    if (op.verb == "fork")
    {
        return Fork(op);
    }
    if (op.verb == "peer-send")
    {
        return PeerSend(op, payload);
    }
    if (op.verb == "peer-connect")
    {
        return PeerConnect(op);
    }
    if (op.verb == "set-isolation")
    {
        return SetIsolation(op);
    }
    StepOutcome outcome;
    auto it = op.args.empty() ? m_processes.end() : m_processes.find(op.args[0]);
    if (it == m_processes.end())
    {
        outcome.skipped = true;
        return outcome;
    }
    Process& process = it->second;
    if (op.verb == "exit")
    {
        return Exit(process);
    }
    if (!process.alive)
    {
        outcome.errnum = ESRCH;
        return outcome;
    }
    if (op.verb == "unshare")
    {
        return Unshare(process);
    }
    if (op.verb == "reveal")
    {
        return Reveal(process, op.args.size() > 1 ? op.args[1] : "");
    }
    if (op.verb == "addr-add")
    {
        return AddAddress(process, op);
    }
    if (op.verb == "addr-del")
    {
        return DeleteAddress(process, op);
    }
    if (op.verb == "socket")
    {
        return OpenSocket(process, op.args[0], op.args.at(1) == "tcp");
    }
    if (op.verb == "bind")
    {
        return Bind(process, op);
    }
    if (op.verb == "listen")
    {
        return Listen(process, op);
    }
    if (op.verb == "connect")
    {
        return Connect(process, op);
    }
    if (op.verb == "send")
    {
        return Send(process, op, payload);
    }
    if (op.verb == "close")
    {
        return Close(process, op);
    }
    outcome.skipped = true;
    return outcome;
}

StepOutcome
Model::Spawn(const Operation& op)
{
    StepOutcome outcome;
    if (op.args.size() != 2 || m_processes.count(op.args[0]))
    {
        outcome.skipped = true;
        return outcome;
    }
    Process process;
    process.root = op.args[1] == "0";
    m_processes[op.args[0]] = process;
    ++m_namespaces[0].processes;
    return outcome;
}

StepOutcome
Model::Fork(const Operation& op)
{
    StepOutcome outcome;
    if (op.args.size() != 2 || m_processes.count(op.args[0]) || !m_processes.count(op.args[1]))
    {
        outcome.skipped = true;
        return outcome;
    }
    const Process& parent = m_processes[op.args[1]];
    if (!parent.alive)
    {
        outcome.errnum = ESRCH;
        return outcome;
    }
    Process child;
    child.root = parent.root;
    child.ns = parent.ns;
    ++m_namespaces[child.ns].processes;
    m_processes[op.args[0]] = child;
    return outcome;
}

StepOutcome
Model::Unshare(Process& process)
{
    StepOutcome outcome;
    if (!process.root)
    {
        outcome.errnum = EPERM;
        return outcome;
    }
    m_everUnshared = true;
    const uint32_t previous = process.ns;
    process.ns = static_cast<uint32_t>(m_namespaces.size());
    Namespace created;
    created.processes = 1;
    m_namespaces.push_back(created);
    LeaveNamespace(previous);
    return outcome;
}

StepOutcome
Model::Reveal(Process& process, const std::string& device)
{
    StepOutcome outcome;
    bool known = device == "lo";
    for (uint32_t i = 0; i < m_topology.devices; ++i)
    {
        known = known || device == "eth" + std::to_string(i);
    }
    if (device.size() >= 16)
    {
        outcome.errnum = EINVAL;
    }
    else if (!known)
    {
        outcome.errnum = ENODEV;
    }
    else if (!Sees(process.ns, device))
    {
        Namespace& ns = m_namespaces[process.ns];
        ns.view.push_back(device);
        if (device == "lo")
        {
            ns.addresses.push_back({"lo", LOOPBACK, 8});
        }
    }
    return outcome;
}

StepOutcome
Model::AddAddress(Process& process, const Operation& op)
{
    StepOutcome outcome;
    const std::string& device = op.args.at(1);
    const std::string& prefix = op.args.at(2);
    const auto slash = prefix.find('/');
    const uint32_t address = *ParseAddress(prefix.substr(0, slash));
    const auto length = static_cast<uint8_t>(std::stoi(prefix.substr(slash + 1)));
    if (!process.root)
    {
        outcome.errnum = EPERM;
        return outcome;
    }
    if (!Sees(process.ns, device))
    {
        outcome.errnum = ENODEV;
        return outcome;
    }
    Namespace& ns = m_namespaces[process.ns];
    for (const Address& a : ns.addresses)
    {
        if (a.device == device && a.address == address && a.prefixLength == length)
        {
            outcome.errnum = EEXIST;
            return outcome;
        }
    }
    ns.addresses.push_back({device, address, length});
    m_holders[address].push_back({process.ns, device, length});
    AddConnectedRoutes(process.ns, device);
    return outcome;
}

void
Model::RemoveAddressAt(uint32_t nsId, std::size_t index)
{
    Namespace& ns = m_namespaces[nsId];
    const Address removed = ns.addresses[index];
    ns.addresses.erase(ns.addresses.begin() + static_cast<std::ptrdiff_t>(index));
    if (IsLoopback(removed.address))
    {
        return;
    }
    // Each entry is a holder of its own: the same address with another prefix
    // length on the device stays held, and in its own place in the order.
    auto& holders = m_holders[removed.address];
    auto holder = std::find_if(holders.begin(), holders.end(), [&](const Holder& h) {
        return h.ns == nsId && h.device == removed.device && h.prefixLength == removed.prefixLength;
    });
    if (holder != holders.end())
    {
        holders.erase(holder);
    }
    if (holders.empty())
    {
        m_holders.erase(removed.address);
    }
    if (removed.device == "lo")
    {
        return;
    }
    std::vector<Route>& table = Table(nsId);
    const uint32_t destination = removed.address & Mask(removed.prefixLength);
    auto route = std::find_if(table.begin(), table.end(), [&](const Route& r) {
        return r.destination == destination && r.prefixLength == removed.prefixLength &&
               r.ifindex == IfindexOf(removed.device) && r.source == removed.address;
    });
    if (route != table.end())
    {
        table.erase(route);
    }
}

StepOutcome
Model::DeleteAddress(Process& process, const Operation& op)
{
    StepOutcome outcome;
    const std::string& device = op.args.at(1);
    const uint32_t address = *ParseAddress(op.args.at(2));
    std::optional<uint8_t> length;
    if (op.args.size() > 3)
    {
        length = static_cast<uint8_t>(std::stoi(op.args[3]));
    }
    if (!process.root)
    {
        outcome.errnum = EPERM;
        return outcome;
    }
    if (!Sees(process.ns, device))
    {
        outcome.errnum = ENODEV;
        return outcome;
    }
    const Namespace& ns = m_namespaces[process.ns];
    for (std::size_t i = 0; i < ns.addresses.size(); ++i)
    {
        const Address& a = ns.addresses[i];
        if (a.device == device && a.address == address && (!length || *length == a.prefixLength))
        {
            // A primary address takes the secondaries of its subnet with it
            // (promote_secondaries off, Linux's default).
            if (!IsSecondary(process.ns, i))
            {
                for (std::size_t j = ns.addresses.size(); j-- > i + 1;)
                {
                    const Address& later = ns.addresses[j];
                    if (later.device == a.device && later.prefixLength == a.prefixLength &&
                        (later.address & Mask(later.prefixLength)) ==
                            (a.address & Mask(a.prefixLength)))
                    {
                        RemoveAddressAt(process.ns, j);
                    }
                }
            }
            RemoveAddressAt(process.ns, i);
            return outcome;
        }
    }
    outcome.errnum = EADDRNOTAVAIL;
    return outcome;
}

bool
Model::IsSecondary(uint32_t nsId, std::size_t index) const
{
    const std::vector<Address>& addresses = m_namespaces[nsId].addresses;
    const Address& a = addresses[index];
    for (std::size_t i = 0; i < index; ++i)
    {
        const Address& earlier = addresses[i];
        if (earlier.device == a.device && earlier.prefixLength == a.prefixLength &&
            (earlier.address & Mask(earlier.prefixLength)) == (a.address & Mask(a.prefixLength)))
        {
            return true;
        }
    }
    return false;
}

StepOutcome
Model::OpenSocket(Process& process, const std::string& label, bool tcp)
{
    StepOutcome outcome;
    int fd = 3;
    while (process.fds.count(fd))
    {
        ++fd;
    }
    Socket socket;
    socket.owner = label + "/" + std::to_string(fd);
    socket.process = label;
    socket.ns = process.ns;
    socket.tcp = tcp;
    const uint64_t id = m_nextSocket++;
    m_sockets[id] = socket;
    process.fds[fd] = id;
    ++m_namespaces[process.ns].sockets;
    outcome.fd = fd;
    return outcome;
}

Model::Socket*
Model::LookupFd(Process& process, const std::string& fd, StepOutcome& outcome)
{
    auto it = process.fds.find(std::stoi(fd));
    if (it == process.fds.end())
    {
        outcome.errnum = EBADF;
        return nullptr;
    }
    return &m_sockets.at(it->second);
}

StepOutcome
Model::Bind(Process& process, const Operation& op)
{
    StepOutcome outcome;
    Socket* socket = LookupFd(process, op.args.at(1), outcome);
    if (!socket)
    {
        return outcome;
    }
    const uint32_t address = *ParseAddress(op.args.at(2));
    const auto port = static_cast<uint16_t>(std::stoi(op.args.at(3)));
    const bool reuse = op.args.size() > 4;
    socket->reuse = reuse;
    // inet_bind's order: locality, privileged port, already bound, port conflict.
    if (!IsLocalForBind(socket->ns, address))
    {
        outcome.errnum = EADDRNOTAVAIL;
        return outcome;
    }
    if (port != 0 && port < 1024 && !process.root)
    {
        outcome.errnum = EACCES;
        return outcome;
    }
    if (socket->bound)
    {
        outcome.errnum = EINVAL;
        return outcome;
    }
    if (port != 0)
    {
        for (const auto& [id, other] : m_sockets)
        {
            if (&other == socket || !other.bound || other.ns != socket->ns ||
                other.tcp != socket->tcp || other.port != port ||
                !(other.local == ANY || address == ANY || other.local == address))
            {
                continue;
            }
            bool bothReuse = reuse && other.reuse && !(socket->tcp && other.listening);
            // ns-3's demultiplexer keeps one socket per exact address and port.
            bothReuse = bothReuse && other.local != address;
            if (!bothReuse)
            {
                outcome.errnum = EADDRINUSE;
                return outcome;
            }
        }
    }
    socket->bound = true;
    socket->local = address;
    socket->port = port == 0 ? EPHEMERAL : port;
    socket->ephemeral = port == 0;
    socket->sequence = m_nextSequence++;
    return outcome;
}

StepOutcome
Model::Listen(Process& process, const Operation& op)
{
    StepOutcome outcome;
    Socket* socket = LookupFd(process, op.args.at(1), outcome);
    if (!socket)
    {
        return outcome;
    }
    if (!socket->tcp)
    {
        outcome.errnum = EOPNOTSUPP;
        return outcome;
    }
    if (socket->listening)
    {
        // Not modelled: a second listen().
        outcome.skipped = true;
        return outcome;
    }
    if (!socket->bound)
    {
        // Linux binds an unbound socket to an ephemeral port first.
        socket->bound = true;
        socket->ephemeral = true;
        socket->port = EPHEMERAL;
        socket->sequence = m_nextSequence++;
    }
    if (socket->bound && !socket->ephemeral)
    {
        for (const auto& [id, other] : m_sockets)
        {
            if (&other != socket && other.bound && other.tcp && other.ns == socket->ns &&
                other.port == socket->port &&
                (other.local == ANY || socket->local == ANY || other.local == socket->local) &&
                !(socket->reuse && other.reuse && !other.listening))
            {
                outcome.errnum = EADDRINUSE;
                return outcome;
            }
        }
    }
    socket->listening = socket->bound;
    socket->listenOrder = m_nextListenOrder++;
    return outcome;
}

void
Model::Autobind(Socket& socket)
{
    socket.bound = true;
    socket.ephemeral = true;
    socket.port = EPHEMERAL;
    socket.sequence = m_nextSequence++;
}

StepOutcome
Model::Connect(Process& process, const Operation& op)
{
    StepOutcome outcome;
    Socket* socket = LookupFd(process, op.args.at(1), outcome);
    if (!socket)
    {
        return outcome;
    }
    const uint32_t peer = *ParseAddress(op.args.at(2));
    const auto peerPort = static_cast<uint16_t>(std::stoi(op.args.at(3)));
    if (socket->tcp || peer == ANY || peerPort == 0 || IsBroadcastOf(peer, std::nullopt) ||
        (peer & 0xff) == 255)
    {
        // Not modelled: TCP handshakes, UDP connect() to port 0 or 0.0.0.0
        // (Linux treats the first as a disconnect and the second as
        // 127.0.0.1), and broadcasts.
        outcome.skipped = true;
        return outcome;
    }
    if (!socket->bound)
    {
        // Linux binds an unbound datagram socket before it connects it.
        Autobind(*socket);
    }
    // The route's source becomes the local address of a wildcard socket.
    std::optional<uint32_t> source;
    if (IsLoopback(peer))
    {
        source = LOOPBACK;
    }
    else if (Holds(socket->ns, peer))
    {
        source = peer;
    }
    else if (auto route = LookupRoute(socket->ns, peer))
    {
        source = route->source;
    }
    if (!source)
    {
        outcome.errnum = ENETUNREACH;
        return outcome;
    }
    if (socket->local == ANY)
    {
        socket->local = *source;
    }
    socket->connected = true;
    socket->peer = peer;
    socket->peerPort = peerPort;
    return outcome;
}

StepOutcome
Model::Send(Process& process, const Operation& op, const std::string& payload)
{
    StepOutcome outcome;
    Socket* socket = LookupFd(process, op.args.at(1), outcome);
    if (!socket)
    {
        return outcome;
    }
    const uint32_t destination = *ParseAddress(op.args.at(2));
    const auto port = static_cast<uint16_t>(std::stoi(op.args.at(3)));
    if (socket->tcp || destination == ANY || port == 0 ||
        IsBroadcastOf(destination, std::nullopt) || (destination & 0xff) == 255)
    {
        // Not modelled: TCP data, sends to 0.0.0.0 or port 0, and broadcasts.
        outcome.skipped = true;
        return outcome;
    }
    if (!socket->bound)
    {
        // An unbound socket gets an ephemeral port on its first send.
        Autobind(*socket);
    }
    if (socket->local != ANY && !IsLocalForBind(socket->ns, socket->local))
    {
        // Linux fails a send from an address the namespace no longer has.
        outcome.errnum = ENETUNREACH;
        return outcome;
    }
    Datagram d{destination, port, ANY, socket->port, payload};
    if (IsLoopback(destination) || Holds(socket->ns, destination))
    {
        // Loopback, and the namespace's own addresses, stay on its own lo.
        d.source = socket->local != ANY ? socket->local
                                        : (IsLoopback(destination) ? LOOPBACK : destination);
        DeliverInto(socket->ns, d, false, outcome);
    }
    else
    {
        SendFromNamespace(*socket, d, outcome);
    }
    std::sort(outcome.receipts.begin(), outcome.receipts.end());
    return outcome;
}

StepOutcome
Model::PeerSend(const Operation& op, const std::string& payload)
{
    StepOutcome outcome;
    const uint32_t lan = static_cast<uint32_t>(std::stoi(op.args.at(0)));
    const uint32_t destination = *ParseAddress(op.args.at(1));
    const auto port = static_cast<uint16_t>(std::stoi(op.args.at(2)));
    if (lan >= m_topology.devices || port == 0)
    {
        outcome.skipped = true;
        return outcome;
    }
    const uint32_t source = PeerAddress(lan);
    if (destination == source || IsLoopback(destination))
    {
        outcome.skipped = true; // a peer's traffic to itself is not the host's business
        return outcome;
    }
    if ((destination & 0xffffff00) != (source & 0xffffff00))
    {
        return outcome; // the peer has no route off its LAN
    }
    const Datagram d{destination, port, source, PEER_SOURCE_PORT, payload};
    const std::string device = "eth" + std::to_string(lan);
    if (destination == *BroadcastOf(source, 24))
    {
        Deliver(lan, d, UINT32_MAX, outcome);
    }
    else
    {
        // ARP: the request reaches the earliest holder that sees the device,
        // which answers only for an address of that device.
        const uint32_t responder =
            CountViews(device) == 0 ? 0 : FindHolder(destination, device).value_or(0);
        if (HoldsOn(responder, device, destination))
        {
            Deliver(lan, d, UINT32_MAX, outcome);
        }
    }
    std::sort(outcome.receipts.begin(), outcome.receipts.end());
    return outcome;
}

StepOutcome
Model::PeerConnect(const Operation& op)
{
    StepOutcome outcome;
    const uint32_t lan = static_cast<uint32_t>(std::stoi(op.args.at(0)));
    const uint32_t destination = *ParseAddress(op.args.at(1));
    const auto port = static_cast<uint16_t>(std::stoi(op.args.at(2)));
    const uint32_t peer = lan < m_topology.devices ? PeerAddress(lan) : 0;
    if (lan >= m_topology.devices || destination == peer || IsLoopback(destination) ||
        (destination & 0xff) == 255)
    {
        outcome.skipped = true;
        return outcome;
    }
    const std::string device = "eth" + std::to_string(lan);
    const uint32_t views = CountViews(device);
    // The SYN needs the peer's ARP request answered, as for a datagram.
    const uint32_t responder = views == 0 ? 0 : FindHolder(destination, device).value_or(0);
    if ((destination & 0xffffff00) != (peer & 0xffffff00) ||
        !HoldsOn(responder, device, destination))
    {
        return outcome;
    }
    // Which namespace gets the SYN: without isolation the latest listener
    // on the address, then on the wildcard, of any namespace on the device.
    std::optional<uint32_t> target;
    if (!m_isolation && views > 0)
    {
        for (uint32_t local : {destination, ANY})
        {
            const Socket* latest = nullptr;
            for (const auto& [id, s] : m_sockets)
            {
                if (s.tcp && s.listening && s.port == port && s.local == local &&
                    (s.ns == 0 || Sees(s.ns, device)) &&
                    (!latest || s.listenOrder > latest->listenOrder))
                {
                    latest = &s;
                }
            }
            if (latest)
            {
                target = latest->ns;
                break;
            }
        }
    }
    if (!target)
    {
        target = views == 0 ? 0 : FindHolder(destination, device).value_or(0);
    }
    const uint32_t ns = *target;
    if (!IsLocalDestination(ns, destination))
    {
        return outcome;
    }
    const Socket* listener = nullptr;
    for (const auto& [id, s] : m_sockets)
    {
        if (s.tcp && s.listening && s.ns == ns && s.port == port &&
            (s.local == destination || (s.local == ANY && !listener)))
        {
            listener = &s;
        }
    }
    if (!listener)
    {
        return outcome; // the namespace answers with a RST
    }
    // The SYN-ACK leaves the namespace by its own routes and ARP.
    auto route = LookupRoute(ns, peer);
    if (!route || route->ifindex != IfindexOf(device))
    {
        return outcome;
    }
    const uint32_t arpSource = SelectArpSource(ns, device, peer);
    const uint32_t replyTarget = views == 0 ? 0 : FindHolder(arpSource, device).value_or(0);
    if (replyTarget != ns || !HoldsOn(ns, device, arpSource))
    {
        return outcome;
    }
    outcome.receipts.push_back(listener->owner + " accepted from " + AddressText(peer));
    // The connection outlives a close() of its listener, and the exit of the
    // listener's process closes it, as Linux closes every descriptor then.
    Socket accepted;
    accepted.owner = "accepted";
    accepted.process = listener->process;
    accepted.ns = ns;
    accepted.tcp = true;
    accepted.bound = true;
    accepted.local = destination;
    accepted.port = port;
    accepted.connected = true;
    accepted.peer = peer;
    accepted.peerPort = EPHEMERAL;
    accepted.sequence = m_nextSequence++;
    const uint64_t id = m_nextSocket++;
    m_processes.at(accepted.process).accepted.push_back(id);
    m_sockets[id] = accepted;
    ++m_namespaces[ns].sockets;
    return outcome;
}

void
Model::CloseSocket(uint64_t id)
{
    const uint32_t ns = m_sockets.at(id).ns;
    m_sockets.erase(id);
    --m_namespaces[ns].sockets;
    ReleaseIfUnused(ns);
}

StepOutcome
Model::Close(Process& process, const Operation& op)
{
    StepOutcome outcome;
    if (!LookupFd(process, op.args.at(1), outcome))
    {
        return outcome;
    }
    const int fd = std::stoi(op.args[1]);
    const uint64_t id = process.fds.at(fd);
    process.fds.erase(fd);
    CloseSocket(id);
    return outcome;
}

StepOutcome
Model::Exit(Process& process)
{
    StepOutcome outcome;
    if (!process.alive)
    {
        return outcome;
    }
    for (const auto& [fd, id] : process.fds)
    {
        CloseSocket(id);
    }
    process.fds.clear();
    for (uint64_t id : process.accepted)
    {
        CloseSocket(id);
    }
    process.accepted.clear();
    process.alive = false;
    LeaveNamespace(process.ns);
    return outcome;
}

StepOutcome
Model::SetIsolation(const Operation& op)
{
    StepOutcome outcome;
    const bool isolated = op.args.at(0) == "on";
    if (isolated != m_isolation && m_everUnshared)
    {
        outcome.errnum = EBUSY;
        return outcome;
    }
    m_isolation = isolated;
    return outcome;
}

void
Model::LeaveNamespace(uint32_t ns)
{
    --m_namespaces[ns].processes;
    ReleaseIfUnused(ns);
}

void
Model::ReleaseIfUnused(uint32_t ns)
{
    const Namespace& n = m_namespaces[ns];
    if (ns != 0 && n.alive && n.processes == 0 && n.sockets == 0)
    {
        Release(ns);
    }
}

void
Model::Release(uint32_t ns)
{
    Namespace& n = m_namespaces[ns];
    while (!n.addresses.empty())
    {
        RemoveAddressAt(ns, n.addresses.size() - 1);
    }
    n.view.clear();
    n.routes.clear();
    n.alive = false;
}

// ---- Listings ----

std::string
Model::Snapshot() const
{
    std::ostringstream os;
    for (uint32_t id = 0; id < m_namespaces.size(); ++id)
    {
        const Namespace& n = m_namespaces[id];
        if (!n.alive)
        {
            os << "ns " << id << " freed\n";
            continue;
        }
        os << "ns " << id << " view";
        for (const std::string& device : n.view)
        {
            os << " " << device;
        }
        os << "\nns " << id << " addresses";
        for (const std::string& device : n.view)
        {
            std::vector<Address> earlier;
            for (const Address& a : n.addresses)
            {
                if (a.device != device)
                {
                    continue;
                }
                const bool secondary =
                    std::any_of(earlier.begin(), earlier.end(), [&](const Address& e) {
                        return e.prefixLength == a.prefixLength &&
                               (e.address & Mask(a.prefixLength)) ==
                                   (a.address & Mask(a.prefixLength));
                    });
                earlier.push_back(a);
                os << " " << device << ":" << AddressText(a.address) << "/"
                   << unsigned{a.prefixLength} << (secondary ? ":secondary" : "");
            }
        }
        os << "\nns " << id << " sockets";
        std::vector<const Socket*> bound;
        for (const auto& [sid, s] : m_sockets)
        {
            if (s.ns == id && s.bound)
            {
                bound.push_back(&s);
            }
        }
        std::sort(bound.begin(), bound.end(), [](const Socket* a, const Socket* b) {
            return a->sequence < b->sequence;
        });
        for (const Socket* s : bound)
        {
            os << " " << (s->tcp ? "tcp:" : "udp:") << AddressText(s->local) << ":"
               << (s->ephemeral ? std::string("eph") : std::to_string(s->port));
            if (s->connected)
            {
                os << ">" << AddressText(s->peer) << ":"
                   << (s->peerPort == EPHEMERAL ? std::string("eph") : std::to_string(s->peerPort));
            }
            os << (s->listening ? ":listen" : "");
        }
        os << "\nns " << id << " routes";
        if (id == 0 || m_isolation)
        {
            std::vector<Route> routes = n.routes;
            std::stable_sort(routes.begin(), routes.end(), [](const Route& a, const Route& b) {
                return a.destination != b.destination ? a.destination < b.destination
                                                      : a.prefixLength > b.prefixLength;
            });
            for (const Route& r : routes)
            {
                os << " " << AddressText(r.destination) << "/" << unsigned{r.prefixLength} << ":if"
                   << r.ifindex << ":src" << AddressText(r.source) << ":ns" << r.owner;
            }
        }
        else
        {
            os << " (shared)";
        }
        os << "\n";
    }
    for (const auto& [label, p] : m_processes)
    {
        os << "process " << label << (p.alive ? " ns " + std::to_string(p.ns) : " exited") << "\n";
    }
    return os.str();
}

} // namespace oracle
} // namespace netns
} // namespace ns3
