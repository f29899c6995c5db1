/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-address-broadcast-table.h"

namespace ns3
{
namespace netns
{

NS_OBJECT_ENSURE_REGISTERED(AddressBroadcastTable);

TypeId
AddressBroadcastTable::GetTypeId()
{
    static TypeId tid = TypeId("ns3::netns::AddressBroadcastTable")
                            .SetParent<Object>()
                            .SetGroupName("Netns")
                            .AddConstructor<AddressBroadcastTable>();
    return tid;
}

Ptr<AddressBroadcastTable>
AddressBroadcastTable::Of(Ptr<Namespace> ns)
{
    Ptr<AddressBroadcastTable> table = ns->GetObject<AddressBroadcastTable>();
    if (!table)
    {
        table = CreateObject<AddressBroadcastTable>();
        ns->AggregateObject(table);
    }
    return table;
}

void
AddressBroadcastTable::Set(uint32_t ifindex,
                           Ipv4Address local,
                           uint8_t prefixLength,
                           std::optional<Ipv4Address> broadcast)
{
    const Key key{ifindex, local.Get(), prefixLength};
    if (broadcast)
    {
        m_broadcasts[key] = *broadcast;
    }
    else
    {
        m_broadcasts.erase(key);
    }
}

void
AddressBroadcastTable::ForgetDevice(uint32_t ifindex)
{
    for (auto it = m_broadcasts.begin(); it != m_broadcasts.end();)
    {
        it = std::get<0>(it->first) == ifindex ? m_broadcasts.erase(it) : std::next(it);
    }
}

std::optional<Ipv4Address>
AddressBroadcastTable::Find(const AddressEntry& address) const
{
    auto it = m_broadcasts.find(Key{address.ifindex, address.local.Get(), address.prefixLength});
    if (it == m_broadcasts.end())
    {
        return std::nullopt;
    }
    return it->second;
}

} // namespace netns
} // namespace ns3
