/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_IP_LINK_PRINTER_H
#define NETNS_IP_LINK_PRINTER_H

#include "netns-link-state.h"

#include <string>

namespace ns3
{
namespace netns
{

/**
 * @ingroup netns
 * Formats devices as "ip link show" and "ip address show" of iproute2 6.1
 * print them.
 */
class IpLinkPrinter
{
  public:
    /**
     * Format the flags in angle brackets, in iproute2's order, with
     * NO-CARRIER first when the device is up without carrier.
     * @param flags LinkFlag bits
     * @return "<BROADCAST,MULTICAST,UP,LOWER_UP>"
     */
    static std::string FormatFlags(uint32_t flags);

    /**
     * Format the first line of a device, without a line break.
     * @param link the device
     * @param withMode true for "ip link", which prints "mode DEFAULT"
     * @return "2: eth0: <...> mtu 1500 qdisc noqueue state UP group default qlen 1000"
     */
    static std::string FormatHeader(const LinkState& link, bool withMode);

    /**
     * Format the link-layer line of a device, without a line break.
     * @param link the device
     * @return "    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff"
     */
    static std::string FormatLinkLayer(const LinkState& link);

    /**
     * Format the name and state columns of the -brief output.
     * @param link the device
     * @return the two padded columns, each followed by a blank
     */
    static std::string FormatBriefColumns(const LinkState& link);
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_IP_LINK_PRINTER_H */
