/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-routing.h"

#include "net-namespace.h"
#include "netns-host.h"

#include "ns3/ipv4-route.h"
#include "ns3/ipv4-routing-table-entry.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/simulator.h"

#include <iomanip>

namespace ns3
{
namespace netns
{

NS_LOG_COMPONENT_DEFINE("NetnsRouting");

NS_OBJECT_ENSURE_REGISTERED(Routing);

namespace
{

/** @return true for 127.0.0.0/8 */
bool
IsLoopbackAddress(Ipv4Address address)
{
    return (address.Get() >> 24) == 127;
}

} // namespace

TypeId
Routing::GetTypeId()
{
    static TypeId tid = TypeId("ns3::netns::Routing")
                            .SetParent<Ipv4StaticRouting>()
                            .SetGroupName("Netns")
                            .AddConstructor<Routing>();
    return tid;
}

Routing::Routing()
{
    NS_LOG_FUNCTION(this);
}

Routing::~Routing()
{
    NS_LOG_FUNCTION(this);
}

void
Routing::DoDispose()
{
    m_ipv4 = nullptr;
    m_namespace = nullptr;
    Ipv4StaticRouting::DoDispose();
}

void
Routing::SetIpv4(Ptr<Ipv4> ipv4)
{
    NS_LOG_FUNCTION(this << ipv4);
    m_ipv4 = ipv4;
    Ipv4StaticRouting::SetIpv4(ipv4);
}

Namespace*
Routing::GetNamespace() const
{
    if (!m_namespace && m_ipv4)
    {
        // The namespace is aggregated to the node after the stack is built.
        m_namespace = PeekPointer(m_ipv4->GetObject<Namespace>());
    }
    if (!m_namespace || !m_namespace->GetHost())
    {
        return nullptr;
    }
    return m_namespace;
}

void
Routing::ImportHelperRoutes()
{
    Namespace* ns = GetNamespace();
    if (!ns || GetNRoutes() == 0)
    {
        return;
    }
    for (uint32_t i = GetNRoutes(); i-- > 0;)
    {
        const Ipv4RoutingTableEntry entry = GetRoute(i);
        const ViewEntry* device = ns->FindInViewByInterface(entry.GetInterface());
        if (device)
        {
            Route route;
            route.destination = entry.GetDest();
            route.prefixLength = static_cast<uint8_t>(entry.GetDestNetworkMask().GetPrefixLength());
            route.gateway = entry.GetGateway();
            route.ifindex = device->ifindex;
            route.metric = GetMetric(i);
            route.protocol = RouteProtocol::Static;
            route.scope = route.HasGateway() ? RouteScope::Universe : RouteScope::Link;
            route.owner = ns->GetId();
            Status added = ns->GetRouteTable().Add(route);
            if (!added.IsOk())
            {
                NS_LOG_WARN("route from Ipv4StaticRoutingHelper not imported: "
                            << added.ToString());
            }
        }
        RemoveRoute(i);
    }
}

void
Routing::AddConnectedRoutes(uint32_t interface)
{
    Namespace* ns = GetNamespace();
    const ViewEntry* device = ns ? ns->FindInViewByInterface(interface) : nullptr;
    if (!device || device->loopback)
    {
        return;
    }
    for (uint32_t i = 0; i < m_ipv4->GetNAddresses(interface); ++i)
    {
        const Ipv4InterfaceAddress address = m_ipv4->GetAddress(interface, i);
        if (IsLoopbackAddress(address.GetLocal()) || IsSecondary(interface, i))
        {
            continue; // Linux adds the prefix route of a subnet for its primary address only
        }
        Route route;
        route.prefixLength = static_cast<uint8_t>(address.GetMask().GetPrefixLength());
        route.destination = address.GetLocal().CombineMask(address.GetMask());
        // Linux's fib_add_ifaddr() adds no prefix route for a /32 address or a
        // prefix in 0.0.0.0/8; the address's local route in table local remains.
        if (route.prefixLength == 32 || (route.destination.Get() >> 24) == 0)
        {
            continue;
        }
        route.ifindex = device->ifindex;
        route.preferredSource = address.GetLocal();
        route.protocol = RouteProtocol::Kernel;
        route.scope = RouteScope::Link;
        route.owner = ns->GetId();
        // Several namespaces may add the same subnet; the kernel appends such
        // routes, and the first one added keeps winning lookups.
        ns->GetRouteTable().Append(route);
    }
}

void
Routing::NotifyInterfaceUp(uint32_t interface)
{
    NS_LOG_FUNCTION(this << interface);
    AddConnectedRoutes(interface);
}

void
Routing::NotifyInterfaceDown(uint32_t interface)
{
    NS_LOG_FUNCTION(this << interface);
    Namespace* ns = GetNamespace();
    const ViewEntry* device = ns ? ns->FindInViewByInterface(interface) : nullptr;
    if (!device || device->loopback)
    {
        return;
    }
    // Linux flushes every route through a device that goes down (fib_sync_down_dev).
    const uint32_t ifindex = device->ifindex;
    ns->GetRouteTable().DeleteIf([ifindex](const Route& r) { return r.ifindex == ifindex; });
}

void
Routing::NotifyAddAddress(uint32_t interface, Ipv4InterfaceAddress address)
{
    NS_LOG_FUNCTION(this << interface << address);
    Namespace* ns = GetNamespace();
    const ViewEntry* device = ns ? ns->FindInViewByInterface(interface) : nullptr;
    if (!device || IsLoopbackAddress(address.GetLocal()))
    {
        return;
    }
    AddressHolder holder;
    holder.namespaceId = ns->GetId();
    holder.ifindex = device->ifindex;
    holder.prefixLength = static_cast<uint8_t>(address.GetMask().GetPrefixLength());
    ns->GetHost()->GetAddressRegistry().Add(address.GetLocal(), holder);
    if (m_ipv4->IsUp(interface))
    {
        AddConnectedRoutes(interface);
    }
}

void
Routing::NotifyRemoveAddress(uint32_t interface, Ipv4InterfaceAddress address)
{
    NS_LOG_FUNCTION(this << interface << address);
    Namespace* ns = GetNamespace();
    const ViewEntry* device = ns ? ns->FindInViewByInterface(interface) : nullptr;
    if (!device || IsLoopbackAddress(address.GetLocal()))
    {
        return;
    }
    // ns-3's Ipv4::AddAddress accepts an exact duplicate, which the registry
    // records once: keep it while a copy remains on the interface.
    bool stillHeld = false;
    for (uint32_t i = 0; i < m_ipv4->GetNAddresses(interface); ++i)
    {
        const Ipv4InterfaceAddress remaining = m_ipv4->GetAddress(interface, i);
        stillHeld = stillHeld || (remaining.GetLocal() == address.GetLocal() &&
                                  remaining.GetMask() == address.GetMask());
    }
    if (!stillHeld)
    {
        AddressHolder holder;
        holder.namespaceId = ns->GetId();
        holder.ifindex = device->ifindex;
        holder.prefixLength = static_cast<uint8_t>(address.GetMask().GetPrefixLength());
        ns->GetHost()->GetAddressRegistry().Remove(address.GetLocal(), holder);
    }
    ns->ForgetAddressBroadcast(device->ifindex,
                               address.GetLocal(),
                               static_cast<uint8_t>(address.GetMask().GetPrefixLength()));
    RouteSelector connected;
    connected.prefixLength = static_cast<uint8_t>(address.GetMask().GetPrefixLength());
    connected.destination = address.GetLocal().CombineMask(address.GetMask());
    connected.ifindex = device->ifindex;
    connected.preferredSource = address.GetLocal();
    connected.protocol = RouteProtocol::Kernel;
    ns->GetRouteTable().Delete(connected);
}

bool
Routing::IsSecondary(uint32_t interface, uint32_t index) const
{
    const Ipv4InterfaceAddress address = m_ipv4->GetAddress(interface, index);
    for (uint32_t i = 0; i < index; ++i)
    {
        const Ipv4InterfaceAddress earlier = m_ipv4->GetAddress(interface, i);
        if (earlier.GetMask() == address.GetMask() &&
            earlier.GetLocal().CombineMask(earlier.GetMask()) ==
                address.GetLocal().CombineMask(address.GetMask()))
        {
            return true;
        }
    }
    return false;
}

Ptr<Ipv4Route>
Routing::LoopbackRoute(Ipv4Address destination, Ipv4Address source) const
{
    Ptr<Ipv4Route> route = Create<Ipv4Route>();
    route->SetDestination(destination);
    route->SetSource(source);
    route->SetGateway(Ipv4Address::GetZero());
    route->SetOutputDevice(m_ipv4->GetNetDevice(0));
    return route;
}

Ptr<Ipv4Route>
Routing::RouteOutput(Ptr<Packet> p,
                     const Ipv4Header& header,
                     Ptr<NetDevice> oif,
                     Socket::SocketErrno& sockerr)
{
    NS_LOG_FUNCTION(this << p << header.GetDestination() << oif);
    sockerr = Socket::ERROR_NOROUTETOHOST;
    Namespace* ns = GetNamespace();
    if (!ns || !ns->IsAlive())
    {
        return nullptr;
    }
    ns->ImportHelperRoutes();
    const Ipv4Address destination = header.GetDestination();

    // 127.0.0.0/8 and the namespace's own addresses stay on its own loopback.
    if (IsLoopbackAddress(destination))
    {
        sockerr = Socket::ERROR_NOTERROR;
        return LoopbackRoute(destination, Ipv4Address::GetLoopback());
    }
    if (ns->HoldsAddress(destination))
    {
        sockerr = Socket::ERROR_NOTERROR;
        return LoopbackRoute(destination, destination);
    }

    const ViewEntry* boundDevice = oif ? ns->FindInViewByInterface(
                                             static_cast<uint32_t>(m_ipv4->GetInterfaceForDevice(oif)))
                                       : nullptr;
    auto usable = [ns, boundDevice](const Route& r) {
        return ns->IsRouteUsable(r) && (!boundDevice || r.ifindex == boundDevice->ifindex);
    };
    auto found = ns->GetRouteTable().Lookup(destination, usable);
    if (!found && boundDevice && !boundDevice->loopback &&
        m_ipv4->IsUp(static_cast<uint32_t>(m_ipv4->GetInterfaceForDevice(oif))))
    {
        // Linux takes a destination without a route for one on the link of
        // the socket's bound device (SO_BINDTODEVICE), if that device is up.
        Route onLink;
        onLink.destination = destination;
        onLink.prefixLength = 32;
        onLink.ifindex = boundDevice->ifindex;
        onLink.scope = RouteScope::Link;
        found = onLink;
    }
    if (!found)
    {
        NS_LOG_LOGIC("no route to " << destination << " in namespace " << ns->GetName());
        return nullptr;
    }
    const ViewEntry* device = ns->FindInViewByIfindex(found->ifindex);
    Ptr<Ipv4Route> route = Create<Ipv4Route>();
    route->SetDestination(destination);
    route->SetSource(ns->SelectSource(*found));
    route->SetGateway(found->HasGateway() ? found->gateway : Ipv4Address::GetZero());
    route->SetOutputDevice(device->device);
    NS_LOG_LOGIC("route to " << destination << " via " << device->name << " source "
                             << route->GetSource());
    sockerr = Socket::ERROR_NOTERROR;
    return route;
}

bool
Routing::IsLocalDestination(Ipv4Address destination, uint32_t iif) const
{
    Namespace* ns = GetNamespace();
    if (IsLoopbackAddress(destination) || destination.IsBroadcast() || destination.IsMulticast())
    {
        return true;
    }
    const AddressRegistry& registry = ns->GetHost()->GetAddressRegistry();
    if (registry.IsHeldBy(destination, ns->GetId()) ||
        registry.IsSubnetBroadcastOf(destination, ns->GetId()))
    {
        return true;
    }
    // The 2006 patch had one local table per host: any namespace accepted
    // packets for an address that any namespace of the host held.
    return !ns->GetHost()->IsRouteIsolated() &&
           (registry.IsHeldAnywhere(destination) || registry.IsSubnetBroadcast(destination));
}

bool
Routing::RouteInput(Ptr<const Packet> p,
                    const Ipv4Header& header,
                    Ptr<const NetDevice> idev,
                    UnicastForwardCallback ucb,
                    MulticastForwardCallback mcb,
                    LocalDeliverCallback lcb,
                    ErrorCallback ecb)
{
    NS_LOG_FUNCTION(this << p << header << idev);
    Namespace* ns = GetNamespace();
    if (!ns || !ns->IsAlive())
    {
        return false;
    }
    const int32_t iif = m_ipv4->GetInterfaceForDevice(idev);
    if (iif < 0)
    {
        return false;
    }
    const Ipv4Address destination = header.GetDestination();
    if (IsLocalDestination(destination, static_cast<uint32_t>(iif)))
    {
        lcb(p, header, static_cast<uint32_t>(iif));
        return true;
    }
    if (!m_ipv4->IsForwarding(static_cast<uint32_t>(iif)))
    {
        NS_LOG_LOGIC("packet for " << destination << " dropped: forwarding is off in namespace "
                                   << ns->GetName());
        return false;
    }
    ns->ImportHelperRoutes();
    auto usable = [ns](const Route& r) { return ns->IsRouteUsable(r); };
    auto found = ns->GetRouteTable().Lookup(destination, usable);
    if (!found)
    {
        return false;
    }
    Ptr<Ipv4Route> route = Create<Ipv4Route>();
    route->SetDestination(destination);
    route->SetSource(header.GetSource());
    route->SetGateway(found->HasGateway() ? found->gateway : Ipv4Address::GetZero());
    route->SetOutputDevice(ns->FindInViewByIfindex(found->ifindex)->device);
    ucb(route, p, header);
    return true;
}

void
Routing::PrintRoutingTable(Ptr<OutputStreamWrapper> stream, Time::Unit unit) const
{
    Namespace* ns = GetNamespace();
    std::ostream& os = *stream->GetStream();
    if (!ns)
    {
        os << "netns routing: not attached to a namespace" << std::endl;
        return;
    }
    os << "Host " << ns->GetHost()->GetName() << ", namespace " << ns->GetName()
       << ", time " << Now().As(unit) << std::endl;
    for (const Route& route : ns->GetRoutes())
    {
        os << route.destination << "/" << unsigned{route.prefixLength};
        if (route.HasGateway())
        {
            os << " via " << route.gateway;
        }
        const DeviceRecord* device = ns->GetHost()->FindDeviceByIfindex(route.ifindex);
        os << " dev " << (device ? device->name : "if" + std::to_string(route.ifindex));
        if (route.preferredSource != Ipv4Address::GetAny())
        {
            os << " src " << route.preferredSource;
        }
        if (route.metric != 0)
        {
            os << " metric " << route.metric;
        }
        os << std::endl;
    }
}

} // namespace netns
} // namespace ns3
