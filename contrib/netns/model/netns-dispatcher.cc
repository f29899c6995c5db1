/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-dispatcher.h"

#include "netns-host.h"
#include "netns-view-device.h"

#include "ns3/arp-header.h"
#include "ns3/arp-l3-protocol.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/tcp-header.h"
#include "ns3/udp-header.h"

#include <algorithm>

namespace ns3
{
namespace netns
{

NS_LOG_COMPONENT_DEFINE("NetnsDispatcher");

NS_OBJECT_ENSURE_REGISTERED(Dispatcher);

namespace
{

/// Transport ports of an IPv4 packet, when it carries UDP or TCP and is a first fragment.
struct Ports
{
    bool valid{false};     //!< false for other protocols and later fragments
    Transport transport{Transport::Udp}; //!< UDP or TCP
    uint16_t source{0};      //!< source port
    uint16_t destination{0}; //!< destination port
};

/** Read the transport ports of an IPv4 packet whose header is at the front. */
Ports
PeekPorts(Ptr<const Packet> packet, const Ipv4Header& ip)
{
    Ports ports;
    if (ip.GetFragmentOffset() != 0)
    {
        return ports;
    }
    Ptr<Packet> payload = packet->Copy();
    Ipv4Header skipped;
    payload->RemoveHeader(skipped);
    if (ip.GetProtocol() == static_cast<uint8_t>(Transport::Udp))
    {
        UdpHeader udp;
        if (payload->PeekHeader(udp) == 0)
        {
            return ports;
        }
        ports = {true, Transport::Udp, udp.GetSourcePort(), udp.GetDestinationPort()};
    }
    else if (ip.GetProtocol() == static_cast<uint8_t>(Transport::Tcp))
    {
        TcpHeader tcp;
        if (payload->GetSize() < 20 || payload->PeekHeader(tcp) == 0)
        {
            return ports;
        }
        ports = {true, Transport::Tcp, tcp.GetSourcePort(), tcp.GetDestinationPort()};
    }
    return ports;
}

} // namespace

TypeId
Dispatcher::GetTypeId()
{
    static TypeId tid = TypeId("ns3::netns::Dispatcher")
                            .SetParent<Object>()
                            .SetGroupName("Netns")
                            .AddConstructor<Dispatcher>();
    return tid;
}

Dispatcher::Dispatcher()
{
    NS_LOG_FUNCTION(this);
}

Dispatcher::~Dispatcher()
{
    NS_LOG_FUNCTION(this);
}

void
Dispatcher::Setup(Ptr<Host> host, uint32_t ifindex, Ptr<NetDevice> lower)
{
    NS_LOG_FUNCTION(this << ifindex << lower);
    m_host = host;
    m_ifindex = ifindex;
    m_lower = lower;
    m_mac = lower->GetAddress();
    m_views.assign(1, nullptr);
}

void
Dispatcher::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_views.clear();
    m_nViews = 0;
    m_host = nullptr;
    m_lower = nullptr;
    Object::DoDispose();
}

void
Dispatcher::AttachView(uint32_t namespaceId, Ptr<ViewDevice> view)
{
    NS_LOG_FUNCTION(this << namespaceId << view);
    NS_ASSERT_MSG(namespaceId != 0, "the initial namespace sees host devices directly");
    if (namespaceId >= m_views.size())
    {
        m_views.resize(namespaceId + 1);
    }
    if (!m_views[namespaceId])
    {
        ++m_nViews;
    }
    m_views[namespaceId] = view;
}

void
Dispatcher::DetachView(uint32_t namespaceId)
{
    NS_LOG_FUNCTION(this << namespaceId);
    if (namespaceId < m_views.size() && m_views[namespaceId])
    {
        m_views[namespaceId] = nullptr;
        --m_nViews;
    }
}

bool
Dispatcher::Sees(uint32_t namespaceId) const
{
    return namespaceId == 0 || (namespaceId < m_views.size() && m_views[namespaceId]);
}

uint32_t
Dispatcher::GetNViews() const
{
    return m_nViews;
}

uint32_t
Dispatcher::GetIfindex() const
{
    return m_ifindex;
}

Ptr<NetDevice>
Dispatcher::GetLowerDevice() const
{
    return m_lower;
}

void
Dispatcher::SetAdminUp(bool up)
{
    NS_LOG_FUNCTION(this << up);
    m_adminUp = up;
    for (const Ptr<ViewDevice>& view : m_views)
    {
        if (view)
        {
            view->NotifyLinkChange();
        }
    }
}

bool
Dispatcher::IsAdminUp() const
{
    return m_adminUp;
}

std::vector<uint32_t>
Dispatcher::AllMembers() const
{
    std::vector<uint32_t> members{0};
    for (uint32_t id = 1; id < m_views.size(); ++id)
    {
        if (m_views[id])
        {
            members.push_back(id);
        }
    }
    return members;
}

uint32_t
Dispatcher::SelectUnicastTarget(Ptr<const Packet> packet) const
{
    Ipv4Header ip;
    packet->PeekHeader(ip);
    const Ipv4Address destination = ip.GetDestination();
    auto sees = [this](uint32_t namespaceId) { return Sees(namespaceId); };

    if (!m_host->IsRouteIsolated())
    {
        // The 2006 patch matched sockets by address and port only, so a
        // socket of any namespace on this device may win, whoever holds the
        // destination address.
        Ports ports = PeekPorts(packet, ip);
        if (ports.valid)
        {
            auto socket = m_host->GetSocketTable().MatchIncoming(ports.transport,
                                                                 destination,
                                                                 ports.destination,
                                                                 ip.GetSource(),
                                                                 ports.source,
                                                                 sees);
            if (socket)
            {
                NS_LOG_LOGIC("socket " << socket->socketId << " of namespace "
                                       << socket->namespaceId << " matches " << destination
                                       << ":" << ports.destination);
                return socket->namespaceId;
            }
        }
    }
    auto holder = m_host->GetAddressRegistry().FindHolder(destination, sees);
    return holder.value_or(0);
}

std::vector<uint32_t>
Dispatcher::SelectGroupTargets(Ipv4Address destination) const
{
    if (destination.IsBroadcast() || destination.IsMulticast())
    {
        return AllMembers();
    }
    std::vector<uint32_t> targets;
    for (uint32_t id : m_host->GetAddressRegistry().GetBroadcastMembers(destination))
    {
        if (Sees(id))
        {
            targets.push_back(id);
        }
    }
    if (targets.empty())
    {
        targets.push_back(0);
    }
    std::sort(targets.begin(), targets.end());
    return targets;
}

std::vector<uint32_t>
Dispatcher::SelectTargets(Ptr<const Packet> packet, uint16_t protocol, bool groupAddressed) const
{
    auto sees = [this](uint32_t namespaceId) { return Sees(namespaceId); };
    if (protocol == ArpL3Protocol::PROT_NUMBER)
    {
        ArpHeader arp;
        if (packet->PeekHeader(arp) == 0)
        {
            return {0};
        }
        // Only the holder of the target address answers or expects an ARP frame.
        auto holder = m_host->GetAddressRegistry().FindHolder(arp.GetDestinationIpv4Address(),
                                                              sees);
        return {holder.value_or(0)};
    }
    if (protocol != Ipv4L3Protocol::PROT_NUMBER)
    {
        return {0};
    }
    Ipv4Header ip;
    if (packet->PeekHeader(ip) == 0)
    {
        return {0};
    }
    const Ipv4Address destination = ip.GetDestination();
    if (groupAddressed || destination.IsBroadcast() || destination.IsMulticast() ||
        m_host->GetAddressRegistry().IsSubnetBroadcast(destination))
    {
        return SelectGroupTargets(destination);
    }
    return {SelectUnicastTarget(packet)};
}

void
Dispatcher::DeliverLocally(const std::vector<uint32_t>& targets,
                           int64_t exclude,
                           Ptr<const Packet> packet,
                           uint16_t protocol,
                           const Address& from,
                           const Address& to,
                           NetDevice::PacketType packetType,
                           bool fromWire)
{
    for (uint32_t id : targets)
    {
        if (static_cast<int64_t>(id) == exclude)
        {
            continue;
        }
        Ptr<Packet> copy = packet->Copy();
        if (id == 0)
        {
            m_host->DeliverToInitial(m_lower, copy, protocol, from, to, packetType, fromWire);
            continue;
        }
        Ptr<ViewDevice> view = m_views[id];
        Simulator::ScheduleWithContext(view->GetNode()->GetId(),
                                       Time(0),
                                       &ViewDevice::Deliver,
                                       view,
                                       copy,
                                       protocol,
                                       from,
                                       to,
                                       packetType);
    }
}

void
Dispatcher::ReceiveFromWire(Ptr<const Packet> packet,
                            uint16_t protocol,
                            const Address& from,
                            const Address& to,
                            NetDevice::PacketType packetType)
{
    if (!m_adminUp)
    {
        NS_LOG_LOGIC("device " << m_ifindex << " is down, frame dropped");
        return;
    }
    if (m_nViews == 0)
    {
        m_host->DeliverToInitial(m_lower, packet, protocol, from, to, packetType, true);
        return;
    }
    const bool group =
        packetType == NetDevice::PACKET_BROADCAST || packetType == NetDevice::PACKET_MULTICAST;
    DeliverLocally(SelectTargets(packet, protocol, group),
                   -1,
                   packet,
                   protocol,
                   from,
                   to,
                   packetType,
                   true);
}

bool
Dispatcher::SendFromNamespace(uint32_t namespaceId,
                              Ptr<Packet> packet,
                              const Address& dest,
                              uint16_t protocol)
{
    NS_LOG_FUNCTION(this << namespaceId << packet << dest << protocol);
    if (!m_adminUp)
    {
        NS_LOG_LOGIC("device " << m_ifindex << " is down, frame from namespace " << namespaceId
                               << " dropped");
        return false;
    }
    if (dest == m_mac)
    {
        // Addressed to this host: deliver inside, as ipvlan L2 does, never on the wire.
        DeliverLocally(SelectTargets(packet, protocol, false),
                       -1,
                       packet,
                       protocol,
                       m_mac,
                       m_mac,
                       NetDevice::PACKET_HOST,
                       false);
        return true;
    }
    if (!Mac48Address::IsMatchingType(dest))
    {
        m_host->Transmit(m_lower, packet, dest, protocol);
        return true;
    }
    const Mac48Address mac = Mac48Address::ConvertFrom(dest);
    if (mac.IsBroadcast() || mac.IsGroup())
    {
        const auto type = mac.IsBroadcast() ? NetDevice::PACKET_BROADCAST
                                            : NetDevice::PACKET_MULTICAST;
        DeliverLocally(SelectTargets(packet, protocol, true),
                       namespaceId,
                       packet,
                       protocol,
                       m_mac,
                       dest,
                       type,
                       false);
    }
    m_host->Transmit(m_lower, packet, dest, protocol);
    return true;
}

bool
Dispatcher::InterceptInitialSend(Ptr<const Packet> packet, const Address& dest, uint16_t protocol)
{
    if (m_nViews == 0 || !m_adminUp)
    {
        return false;
    }
    if (dest == m_mac)
    {
        DeliverLocally(SelectTargets(packet, protocol, false),
                       -1,
                       packet,
                       protocol,
                       m_mac,
                       m_mac,
                       NetDevice::PACKET_HOST,
                       false);
        return true;
    }
    if (!Mac48Address::IsMatchingType(dest))
    {
        return false;
    }
    const Mac48Address mac = Mac48Address::ConvertFrom(dest);
    if (mac.IsBroadcast() || mac.IsGroup())
    {
        const auto type = mac.IsBroadcast() ? NetDevice::PACKET_BROADCAST
                                            : NetDevice::PACKET_MULTICAST;
        DeliverLocally(SelectTargets(packet, protocol, true), 0, packet, protocol, m_mac, dest, type, false);
    }
    return false;
}

} // namespace netns
} // namespace ns3
