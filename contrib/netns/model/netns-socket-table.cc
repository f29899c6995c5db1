/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-socket-table.h"

#include <algorithm>
#include <sstream>

namespace ns3
{
namespace netns
{

bool
SocketBinding::IsConnected() const
{
    return peerPort != 0;
}

namespace
{

/** @return "198.51.100.10:8080" */
std::string
EndpointText(Ipv4Address address, uint16_t port)
{
    std::ostringstream os;
    os << address << ":" << port;
    return os.str();
}

/** @return the name of a transport for messages */
const char*
TransportName(Transport transport)
{
    return transport == Transport::Tcp ? "TCP" : "UDP";
}

/** @return true when a bind to one address would also receive for the other */
bool
AddressesOverlap(Ipv4Address a, Ipv4Address b)
{
    return a == Ipv4Address::GetAny() || b == Ipv4Address::GetAny() || a == b;
}

} // namespace

std::optional<SocketBinding>
SocketTable::FindConflict(const SocketBinding& candidate) const
{
    const PortKey key{candidate.namespaceId, static_cast<uint8_t>(candidate.transport), candidate.port};
    auto chain = m_byPort.find(key);
    if (chain == m_byPort.end())
    {
        return std::nullopt;
    }
    for (uint64_t id : chain->second)
    {
        if (id == candidate.socketId)
        {
            continue;
        }
        const SocketBinding& other = m_sockets.at(id);
        if (!AddressesOverlap(candidate.local, other.local))
        {
            continue;
        }
        bool bothReuse = candidate.reuseAddress && other.reuseAddress;
        if (candidate.transport == Transport::Tcp)
        {
            // A listener claims its port even from SO_REUSEADDR sockets; a socket
            // that starts listening conflicts only with listeners (Linux re-runs
            // the port check in listen()).
            bothReuse = bothReuse && !other.listening;
        }
        if (!bothReuse)
        {
            return other;
        }
    }
    return std::nullopt;
}

Status
SocketTable::CheckBind(const SocketBinding& candidate) const
{
    auto conflict = FindConflict(candidate);
    if (!conflict)
    {
        return Status();
    }
    return Status::Error(EADDRINUSE,
                         std::string(TransportName(candidate.transport)) + " address " +
                             EndpointText(candidate.local, candidate.port) +
                             " is already in use in this namespace (bound to " +
                             EndpointText(conflict->local, conflict->port) + ")");
}

Status
SocketTable::CheckListen(uint64_t socketId) const
{
    auto it = m_sockets.find(socketId);
    if (it == m_sockets.end())
    {
        return Status::Error(EINVAL, "socket " + std::to_string(socketId) + " is not bound");
    }
    auto conflict = FindConflict(it->second);
    if (!conflict)
    {
        return Status();
    }
    return Status::Error(EADDRINUSE,
                         "cannot listen on TCP " +
                             EndpointText(it->second.local, it->second.port) +
                             ": another socket bound to " +
                             EndpointText(conflict->local, conflict->port) +
                             " holds the port in this namespace");
}

void
SocketTable::Index(const SocketBinding& binding, bool add)
{
    const uint8_t transport = static_cast<uint8_t>(binding.transport);
    auto update = [&](auto& map, const auto& key) {
        auto& chain = map[key];
        if (add)
        {
            chain.push_back(binding.socketId);
            return;
        }
        chain.erase(std::remove(chain.begin(), chain.end(), binding.socketId), chain.end());
        if (chain.empty())
        {
            map.erase(key);
        }
    };

    update(m_byPort, PortKey{binding.namespaceId, transport, binding.port});
    if (binding.IsConnected())
    {
        update(m_byConnection,
               ConnectedKey{transport,
                            binding.local.Get(),
                            binding.port,
                            binding.peer.Get(),
                            binding.peerPort});
    }
    else if (binding.transport == Transport::Udp || binding.listening)
    {
        update(m_byLocal, LocalKey{transport, binding.local.Get(), binding.port});
    }
}

void
SocketTable::Insert(SocketBinding binding)
{
    auto existing = m_sockets.find(binding.socketId);
    if (existing != m_sockets.end())
    {
        Index(existing->second, false);
        binding.sequence = existing->second.sequence;
        existing->second = binding;
    }
    else
    {
        binding.sequence = m_nextSequence++;
        m_sockets.emplace(binding.socketId, binding);
    }
    Index(binding, true);
}

bool
SocketTable::SetReuseAddress(uint64_t socketId, bool enable)
{
    auto it = m_sockets.find(socketId);
    if (it == m_sockets.end())
    {
        return false;
    }
    it->second.reuseAddress = enable;
    return true;
}

bool
SocketTable::Remove(uint64_t socketId)
{
    auto it = m_sockets.find(socketId);
    if (it == m_sockets.end())
    {
        return false;
    }
    Index(it->second, false);
    m_sockets.erase(it);
    return true;
}

std::optional<SocketBinding>
SocketTable::Find(uint64_t socketId) const
{
    auto it = m_sockets.find(socketId);
    if (it == m_sockets.end())
    {
        return std::nullopt;
    }
    return it->second;
}

std::optional<SocketBinding>
SocketTable::PickLatest(const std::vector<uint64_t>& chain, const NamespaceFilter& eligible) const
{
    for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    {
        const SocketBinding& binding = m_sockets.at(*it);
        if (!eligible || eligible(binding.namespaceId))
        {
            return binding;
        }
    }
    return std::nullopt;
}

std::optional<SocketBinding>
SocketTable::MatchIncoming(Transport transport,
                           Ipv4Address destination,
                           uint16_t port,
                           Ipv4Address source,
                           uint16_t sourcePort,
                           const NamespaceFilter& eligible) const
{
    const uint8_t t = static_cast<uint8_t>(transport);
    const uint32_t any = Ipv4Address::GetAny().Get();

    for (uint32_t local : {destination.Get(), any})
    {
        auto chain = m_byConnection.find(ConnectedKey{t, local, port, source.Get(), sourcePort});
        if (chain != m_byConnection.end())
        {
            if (auto found = PickLatest(chain->second, eligible))
            {
                return found;
            }
        }
    }
    for (uint32_t local : {destination.Get(), any})
    {
        auto chain = m_byLocal.find(LocalKey{t, local, port});
        if (chain != m_byLocal.end())
        {
            if (auto found = PickLatest(chain->second, eligible))
            {
                return found;
            }
        }
    }
    return std::nullopt;
}

std::vector<SocketBinding>
SocketTable::ListNamespace(uint32_t namespaceId) const
{
    std::vector<SocketBinding> bindings;
    for (const auto& [id, binding] : m_sockets)
    {
        if (binding.namespaceId == namespaceId)
        {
            bindings.push_back(binding);
        }
    }
    std::sort(bindings.begin(), bindings.end(), [](const SocketBinding& a, const SocketBinding& b) {
        return a.sequence < b.sequence;
    });
    return bindings;
}

std::size_t
SocketTable::GetSize() const
{
    return m_sockets.size();
}

} // namespace netns
} // namespace ns3
