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

/** @return true when two holders are the same namespace, device and prefix length */
bool
SameHolder(const AddressHolder& a, const AddressHolder& b)
{
    return a.namespaceId == b.namespaceId && a.ifindex == b.ifindex &&
           a.prefixLength == b.prefixLength;
}

/** Erase the first holder equal to the given one; @return true if one was erased */
bool
EraseHolder(std::vector<AddressHolder>& holders, const AddressHolder& holder)
{
    auto it = std::find_if(holders.begin(), holders.end(), [&](const AddressHolder& h) {
        return SameHolder(h, holder);
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
    if (std::any_of(holders.begin(), holders.end(), [&](const AddressHolder& h) {
            return SameHolder(h, holder);
        }))
    {
        return false;
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
AddressRegistry::Remove(Ipv4Address address, const AddressHolder& holder)
{
    auto it = m_byAddress.find(address.Get());
    if (it == m_byAddress.end() || !EraseHolder(it->second, holder))
    {
        return false;
    }
    const uint32_t namespaceId = holder.namespaceId;
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

    if (auto broadcast = BroadcastOf(address, holder.prefixLength))
    {
        auto b = m_byBroadcast.find(*broadcast);
        if (b != m_byBroadcast.end() && EraseHolder(b->second, holder) && b->second.empty())
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
            if (h.namespaceId == namespaceId && Remove(Ipv4Address(address), h))
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
