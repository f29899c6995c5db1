/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_IP_ROUTE_PRINTER_H
#define NETNS_IP_ROUTE_PRINTER_H

#include "ns3/net-namespace.h"
#include "ns3/netns-route-table.h"

#include <string>

namespace ns3
{
namespace netns
{

/**
 * @ingroup netns
 * Formats routes as "ip route show" of iproute2 6.1 prints them: fields in
 * the order of print_route(), each followed by a blank, and fields that a
 * filter fixes ("dev", "proto") left out.
 */
class IpRoutePrinter
{
  public:
    /**
     * Format one route, with the trailing blank and without a line break.
     * @param ns the namespace that names the devices
     * @param route the route
     * @param showDevice false when "dev" is a filter of the listing
     * @param showProtocol false when "proto" is a filter of the listing
     * @return the line
     */
    static std::string Format(Ptr<Namespace> ns,
                              const Route& route,
                              bool showDevice,
                              bool showProtocol);

    /**
     * @param protocol a route origin
     * @return its name in iproute2's rt_protos table, or its number
     */
    static std::string ProtocolName(RouteProtocol protocol);

    /**
     * @param scope a route scope
     * @return its name in iproute2's rt_scopes table, or its number
     */
    static std::string ScopeName(RouteScope scope);
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_IP_ROUTE_PRINTER_H */
