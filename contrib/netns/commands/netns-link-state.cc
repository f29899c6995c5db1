/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-link-state.h"

#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/netns-host.h"

#include <algorithm>
#include <cstdio>

namespace ns3
{
namespace netns
{

NS_LOG_COMPONENT_DEFINE("NetnsLinkState");

namespace
{

/// Transmit queue length Linux gives veth and lo devices.
constexpr uint32_t DEFAULT_TX_QUEUE_LENGTH = 1000;

/// MTU of Linux's lo since 3.x; ns-3's loopback device stores 65535 in a uint16_t.
constexpr uint32_t LINUX_LOOPBACK_MTU = 65536;

/** @return the MAC address in lower-case colon notation, or all zeros */
std::string
FormatMac(const Address& address)
{
    if (!Mac48Address::IsMatchingType(address))
    {
        return "00:00:00:00:00:00";
    }
    uint8_t bytes[6];
    Mac48Address::ConvertFrom(address).CopyTo(bytes);
    char text[18];
    std::snprintf(text,
                  sizeof(text),
                  "%02x:%02x:%02x:%02x:%02x:%02x",
                  bytes[0],
                  bytes[1],
                  bytes[2],
                  bytes[3],
                  bytes[4],
                  bytes[5]);
    return text;
}

/** @return true when the device of the view entry is administratively up */
bool
IsAdminUp(Ptr<Namespace> ns, const ViewEntry& entry)
{
    // A non-initial namespace's lo is its own device; every other device is
    // shared with the host and has the host's state.
    if (entry.loopback && !ns->IsInitial())
    {
        return ns->GetIpv4()->IsUp(entry.interface);
    }
    return ns->GetHost()->IsDeviceUp(entry.ifindex);
}

/** @return the LinkFlag bits a device has whatever its state */
uint32_t
StaticFlags(Ptr<NetDevice> device, bool loopback)
{
    if (loopback)
    {
        return LINK_FLAG_LOOPBACK;
    }
    uint32_t flags = 0;
    if (device->IsPointToPoint())
    {
        // Linux never sets IFF_BROADCAST together with IFF_POINTOPOINT.
        flags |= LINK_FLAG_POINTOPOINT;
    }
    else if (device->IsBroadcast())
    {
        flags |= LINK_FLAG_BROADCAST;
    }
    if (device->IsMulticast())
    {
        flags |= LINK_FLAG_MULTICAST;
    }
    if (!device->NeedsArp())
    {
        flags |= LINK_FLAG_NOARP;
    }
    return flags;
}

} // namespace

bool
LinkState::IsUp() const
{
    return (flags & LINK_FLAG_UP) != 0;
}

LinkState
LinkStateReader::Describe(Ptr<Namespace> ns, const ViewEntry& entry)
{
    // A non-initial namespace's lo is its own device, not the host's lo.
    Ptr<NetDevice> device = entry.device;
    if (!(entry.loopback && !ns->IsInitial()))
    {
        const DeviceRecord* record = ns->GetHost()->FindDeviceByIfindex(entry.ifindex);
        device = record && record->device ? record->device : entry.device;
    }

    LinkState state;
    state.ifindex = entry.ifindex;
    state.name = entry.name;
    state.loopback = entry.loopback;
    state.flags = StaticFlags(device, entry.loopback);
    const bool up = IsAdminUp(ns, entry);
    const bool carrier = entry.device->IsLinkUp();
    if (up)
    {
        state.flags |= LINK_FLAG_UP;
        if (carrier)
        {
            state.flags |= LINK_FLAG_RUNNING | LINK_FLAG_LOWER_UP;
        }
    }
    state.mtu = device->GetMtu();
    if (entry.loopback && state.mtu == 0xffff)
    {
        state.mtu = LINUX_LOOPBACK_MTU;
    }
    // NOTE: every emulated device starts up, and Linux keeps "noqueue" on a
    // veth or lo once it has been up, so "noop" (never up) cannot occur here.
    state.qdisc = "noqueue";
    if (entry.loopback)
    {
        state.operState = up ? "UNKNOWN" : "DOWN";
        state.address = "00:00:00:00:00:00";
        state.broadcast = "00:00:00:00:00:00";
    }
    else
    {
        state.operState = up && carrier ? "UP" : "DOWN";
        state.address = FormatMac(device->GetAddress());
        state.broadcast = FormatMac(device->GetBroadcast());
    }
    state.txQueueLength = DEFAULT_TX_QUEUE_LENGTH;
    state.counters = ns->GetDeviceCounters(entry.ifindex);
    return state;
}

std::vector<LinkState>
LinkStateReader::List(Ptr<Namespace> ns)
{
    NS_LOG_FUNCTION(ns);
    std::vector<LinkState> links;
    for (const ViewEntry& entry : ns->GetView())
    {
        links.push_back(Describe(ns, entry));
    }
    std::sort(links.begin(),
              links.end(),
              [](const LinkState& a, const LinkState& b) { return a.ifindex < b.ifindex; });
    return links;
}

std::optional<LinkState>
LinkStateReader::Find(Ptr<Namespace> ns, const std::string& name)
{
    const ViewEntry* entry = ns->FindInView(name);
    if (!entry)
    {
        return std::nullopt;
    }
    return Describe(ns, *entry);
}

std::string
LinkStateReader::IndexToName(Ptr<Namespace> ns, uint32_t ifindex)
{
    const ViewEntry* entry = ns->FindInViewByIfindex(ifindex);
    return entry ? entry->name : "if" + std::to_string(ifindex);
}

} // namespace netns
} // namespace ns3
