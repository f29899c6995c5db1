/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-ifconfig-printer.h"

#include "netns-command-arguments.h"

#include "ns3/netns-route-table.h"

#include <utility>
#include <vector>

namespace ns3
{
namespace netns
{

namespace
{

/** @return the SIOCGIFFLAGS value: the LinkFlag bits that fit its 16 bits */
uint32_t
IoctlFlags(uint32_t flags)
{
    return flags & 0xffff;
}

/** @return the flag names in ife_print_long()'s order */
std::string
FlagNames(uint32_t flags)
{
    static const std::vector<std::pair<uint32_t, const char*>> names{
        {LINK_FLAG_UP, "UP"},
        {LINK_FLAG_BROADCAST, "BROADCAST"},
        {LINK_FLAG_LOOPBACK, "LOOPBACK"},
        {LINK_FLAG_POINTOPOINT, "POINTOPOINT"},
        {LINK_FLAG_RUNNING, "RUNNING"},
        {LINK_FLAG_NOARP, "NOARP"},
        {LINK_FLAG_MULTICAST, "MULTICAST"},
    };
    std::string text;
    for (const auto& [bit, name] : names)
    {
        if (flags & bit)
        {
            text += (text.empty() ? "" : ",") + std::string(name);
        }
    }
    return text;
}

} // namespace

std::string
IfconfigPrinter::ScaleBytes(uint64_t bytes)
{
    static const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    // Tenths of the unit, divided by 1024 while the value stays 10 units or more.
    uint64_t tenths = bytes * 10;
    std::size_t unit = 0;
    while (tenths >= 10240 && unit < 4)
    {
        tenths /= 1024;
        ++unit;
    }
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " " + units[unit];
}

std::string
IfconfigPrinter::Format(const LinkState& link, const std::optional<PrimaryAddress>& address)
{
    const uint32_t flags = IoctlFlags(link.flags);
    std::string text = link.name + ": flags=" + std::to_string(flags) + "<" + FlagNames(flags) +
                       ">  mtu " + std::to_string(link.mtu) + "\n";
    if (address)
    {
        text += "        inet " + FormatIpv4(address->local) + "  netmask " +
                FormatIpv4(Ipv4Address(PrefixToMask(address->prefixLength)));
        if (flags & LINK_FLAG_BROADCAST)
        {
            text += "  broadcast " + FormatIpv4(address->broadcast.value_or(Ipv4Address::GetAny()));
        }
        text += "\n";
    }
    const std::string queue = "  txqueuelen " + std::to_string(link.txQueueLength);
    if (link.loopback)
    {
        text += "        loop" + queue + "  (Local Loopback)\n";
    }
    else
    {
        text += "        ether " + link.address + queue + "  (Ethernet)\n";
    }
    const DeviceCounters& c = link.counters;
    text += "        RX packets " + std::to_string(c.rxPackets) + "  bytes " +
            std::to_string(c.rxBytes) + " (" + ScaleBytes(c.rxBytes) + ")\n";
    text += "        RX errors 0  dropped 0  overruns 0  frame 0\n";
    text += "        TX packets " + std::to_string(c.txPackets) + "  bytes " +
            std::to_string(c.txBytes) + " (" + ScaleBytes(c.txBytes) + ")\n";
    text += "        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0\n\n";
    return text;
}

} // namespace netns
} // namespace ns3
