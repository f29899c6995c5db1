/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-ip-link-printer.h"

#include <cstdio>
#include <utility>
#include <vector>

namespace ns3
{
namespace netns
{

std::string
IpLinkPrinter::FormatFlags(uint32_t flags)
{
    // The order of print_link_flags() in iproute2's ip/ipaddress.c.
    static const std::vector<std::pair<uint32_t, const char*>> names{
        {LINK_FLAG_LOOPBACK, "LOOPBACK"},
        {LINK_FLAG_BROADCAST, "BROADCAST"},
        {LINK_FLAG_POINTOPOINT, "POINTOPOINT"},
        {LINK_FLAG_MULTICAST, "MULTICAST"},
        {LINK_FLAG_NOARP, "NOARP"},
        {LINK_FLAG_UP, "UP"},
        {LINK_FLAG_LOWER_UP, "LOWER_UP"},
    };
    std::vector<std::string> words;
    if ((flags & LINK_FLAG_UP) && !(flags & LINK_FLAG_RUNNING))
    {
        words.emplace_back("NO-CARRIER");
    }
    for (const auto& [bit, name] : names)
    {
        if (flags & bit)
        {
            words.emplace_back(name);
        }
    }
    std::string text = "<";
    for (std::size_t i = 0; i < words.size(); ++i)
    {
        text += (i > 0 ? "," : "") + words[i];
    }
    return text + ">";
}

std::string
IpLinkPrinter::FormatHeader(const LinkState& link, bool withMode)
{
    return std::to_string(link.ifindex) + ": " + link.name + ": " + FormatFlags(link.flags) +
           " mtu " + std::to_string(link.mtu) + " qdisc " + link.qdisc + " state " +
           link.operState + (withMode ? " mode DEFAULT" : "") + " group default qlen " +
           std::to_string(link.txQueueLength);
}

std::string
IpLinkPrinter::FormatLinkLayer(const LinkState& link)
{
    return std::string("    link/") + (link.loopback ? "loopback " : "ether ") + link.address +
           " brd " + link.broadcast;
}

std::string
IpLinkPrinter::FormatBriefColumns(const LinkState& link)
{
    char text[64];
    std::snprintf(text, sizeof(text), "%-16s %-14s ", link.name.c_str(), link.operState.c_str());
    return text;
}

} // namespace netns
} // namespace ns3
