/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-address-registry.h"

#include "netns-route-table.h"

#include <algorithm>

namespace ns3
{
namespace netns
{

namespace
{

/** Erase the first holder matching namespace and device; @return true if one was erased */
bool
EraseHolder(std::vector<AddressHolder>& holders, uint32_t namespaceId, uint32_t ifindex)
{
    auto it = std::find_if(holders.begin(), holders.end(), [&](const AddressHolder& h) {
        return h.namespaceId == namespaceId && h.ifindex == ifindex;
    });
    if (it == holders.end())
    {
        return false;
    }
    holders.erase(it);
    return true;
}

} // namespace

std::optional<uint32_t>
AddressRegistry::BroadcastOf(Ipv4Address address, uint8_t prefixLength)
{
    if (prefixLength >= 31)
    {
        return std::nullopt;
    }
    return address.Get() | ~PrefixToMask(prefixLength);
}

bool
AddressRegistry::Add(Ipv4Address address, const AddressHolder& holder)
{
    auto& holders = m_byAddress[address.Get()];
    for (const AddressHolder& h : holders)
    {
        if (h.namespaceId == holder.namespaceId && h.ifindex == holder.ifindex)
        {
            return false;
        }
    }
    holders.push_back(holder);
    m_byNamespace[holder.namespaceId].push_back(address.Get());
    if (auto broadcast = BroadcastOf(address, holder.prefixLength))
    {
        m_byBroadcast[*broadcast].push_back(holder);
    }
    return true;
}

bool
AddressRegistry::Remove(Ipv4Address address, uint32_t namespaceId, uint32_t ifindex)
{
    auto it = m_byAddress.find(address.Get());
    if (it == m_byAddress.end())
    {
        return false;
    }
    auto holder = std::find_if(it->second.begin(), it->second.end(), [&](const AddressHolder& h) {
        return h.namespaceId == namespaceId && h.ifindex == ifindex;
    });
    if (holder == it->second.end())
    {
        return false;
    }
    const uint8_t prefixLength = holder->prefixLength;
    it->second.erase(holder);
    if (it->second.empty())
    {
        m_byAddress.erase(it);
    }

    auto& owned = m_byNamespace[namespaceId];
    auto ownedIt = std::find(owned.begin(), owned.end(), address.Get());
    if (ownedIt != owned.end())
    {
        owned.erase(ownedIt);
    }
    if (owned.empty())
    {
        m_byNamespace.erase(namespaceId);
    }

    if (auto broadcast = BroadcastOf(address, prefixLength))
    {
        auto b = m_byBroadcast.find(*broadcast);
        if (b != m_byBroadcast.end() && EraseHolder(b->second, namespaceId, ifindex) &&
            b->second.empty())
        {
            m_byBroadcast.erase(b);
        }
    }
    return true;
}

std::size_t
AddressRegistry::RemoveNamespace(uint32_t namespaceId)
{
    auto it = m_byNamespace.find(namespaceId);
    if (it == m_byNamespace.end())
    {
        return 0;
    }
    const std::vector<uint32_t> owned = it->second;
    std::size_t removed = 0;
    for (uint32_t address : owned)
    {
        for (const AddressHolder& h : GetHolders(Ipv4Address(address)))
        {
            if (h.namespaceId == namespaceId &&
                Remove(Ipv4Address(address), namespaceId, h.ifindex))
            {
                ++removed;
            }
        }
    }
    return removed;
}

bool
AddressRegistry::IsHeldAnywhere(Ipv4Address address) const
{
    return m_byAddress.count(address.Get()) != 0;
}

bool
AddressRegistry::IsHeldBy(Ipv4Address address, uint32_t namespaceId) const
{
    auto it = m_byAddress.find(address.Get());
    if (it == m_byAddress.end())
    {
        return false;
    }
    return std::any_of(it->second.begin(), it->second.end(), [&](const AddressHolder& h) {
        return h.namespaceId == namespaceId;
    });
}

std::optional<uint32_t>
AddressRegistry::FindHolder(Ipv4Address address, const NamespaceFilter& eligible) const
{
    auto it = m_byAddress.find(address.Get());
    if (it == m_byAddress.end())
    {
        return std::nullopt;
    }
    for (const AddressHolder& h : it->second)
    {
        if (!eligible || eligible(h.namespaceId))
        {
            return h.namespaceId;
        }
    }
    return std::nullopt;
}

std::vector<AddressHolder>
AddressRegistry::GetHolders(Ipv4Address address) const
{
    auto it = m_byAddress.find(address.Get());
    if (it == m_byAddress.end())
    {
        return {};
    }
    return it->second;
}

std::vector<uint32_t>
AddressRegistry::GetBroadcastMembers(Ipv4Address broadcast) const
{
    std::vector<uint32_t> members;
    auto it = m_byBroadcast.find(broadcast.Get());
    if (it == m_byBroadcast.end())
    {
        return members;
    }
    for (const AddressHolder& h : it->second)
    {
        if (std::find(members.begin(), members.end(), h.namespaceId) == members.end())
        {
            members.push_back(h.namespaceId);
        }
    }
    return members;
}

bool
AddressRegistry::IsSubnetBroadcast(Ipv4Address broadcast) const
{
    return m_byBroadcast.count(broadcast.Get()) != 0;
}

bool
AddressRegistry::IsSubnetBroadcastOf(Ipv4Address broadcast, uint32_t namespaceId) const
{
    auto it = m_byBroadcast.find(broadcast.Get());
    if (it == m_byBroadcast.end())
    {
        return false;
    }
    return std::any_of(it->second.begin(), it->second.end(), [&](const AddressHolder& h) {
        return h.namespaceId == namespaceId;
    });
}

} // namespace netns
} // namespace ns3
