/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_IFCONFIG_PRINTER_H
#define NETNS_IFCONFIG_PRINTER_H

#include "netns-link-state.h"

#include "ns3/ipv4-address.h"

#include <cstdint>
#include <optional>
#include <string>

namespace ns3
{
namespace netns
{

/**
 * @ingroup netns
 * Formats a device as ifconfig of net-tools 2.10 prints it in its long form.
 */
class IfconfigPrinter
{
  public:
    /// The IPv4 address ifconfig shows: the device's first address.
    struct PrimaryAddress
    {
        Ipv4Address local;                    //!< the address
        uint8_t prefixLength{0};              //!< its prefix length
        std::optional<Ipv4Address> broadcast; //!< its broadcast address, if one was set
    };

    /**
     * Format one device, with the blank line that ends it.
     * @param link the device
     * @param address its first IPv4 address, if it has one
     * @return the text
     */
    static std::string Format(const LinkState& link, const std::optional<PrimaryAddress>& address);

    /**
     * Format a byte count the way net-tools scales it: one decimal, binary units.
     * @param bytes the count
     * @return "90.0 B", "75.6 KiB" and so on
     */
    static std::string ScaleBytes(uint64_t bytes);
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_IFCONFIG_PRINTER_H */
