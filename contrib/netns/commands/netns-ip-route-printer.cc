/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-ip-route-printer.h"

#include "netns-command-arguments.h"
#include "netns-link-state.h"

namespace ns3
{
namespace netns
{

std::string
IpRoutePrinter::ProtocolName(RouteProtocol protocol)
{
    switch (protocol)
    {
    case RouteProtocol::Kernel:
        return "kernel";
    case RouteProtocol::Boot:
        return "boot";
    case RouteProtocol::Static:
        return "static";
    }
    return std::to_string(static_cast<unsigned>(protocol));
}

std::string
IpRoutePrinter::ScopeName(RouteScope scope)
{
    switch (scope)
    {
    case RouteScope::Universe:
        return "global";
    case RouteScope::Link:
        return "link";
    case RouteScope::Host:
        return "host";
    }
    return std::to_string(static_cast<unsigned>(scope));
}

std::string
IpRoutePrinter::Format(Ptr<Namespace> ns, const Route& route, bool showDevice, bool showProtocol)
{
    std::string line;
    if (route.prefixLength == 0)
    {
        line = "default ";
    }
    else
    {
        line = FormatIpv4(route.destination);
        if (route.prefixLength != 32)
        {
            line += "/" + std::to_string(route.prefixLength);
        }
        line += " ";
    }
    if (route.HasGateway())
    {
        line += "via " + FormatIpv4(route.gateway) + " ";
    }
    if (showDevice)
    {
        line += "dev " + LinkStateReader::IndexToName(ns, route.ifindex) + " ";
    }
    if (showProtocol && route.protocol != RouteProtocol::Boot)
    {
        line += "proto " + ProtocolName(route.protocol) + " ";
    }
    if (route.scope != RouteScope::Universe)
    {
        line += "scope " + ScopeName(route.scope) + " ";
    }
    if (route.preferredSource != Ipv4Address::GetAny())
    {
        line += "src " + FormatIpv4(route.preferredSource) + " ";
    }
    if (route.metric != 0)
    {
        line += "metric " + std::to_string(route.metric) + " ";
    }
    // Linux flags a nexthop "linkdown" when its device is up without carrier.
    const ViewEntry* entry = ns->FindInViewByIfindex(route.ifindex);
    if (entry && !entry->device->IsLinkUp())
    {
        line += "linkdown ";
    }
    return line;
}

} // namespace netns
} // namespace ns3
