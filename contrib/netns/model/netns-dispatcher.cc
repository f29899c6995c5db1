/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-dispatcher.h"

#include "netns-host.h"
#include "netns-view-device.h"

#include "ns3/arp-header.h"
#include "ns3/arp-l3-protocol.h"
#include "ns3/arp-queue-disc-item.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4-queue-disc-item.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{
namespace netns
{

NS_LOG_COMPONENT_DEFINE("NetnsDispatcher");

NS_OBJECT_ENSURE_REGISTERED(Dispatcher);

namespace
{

/// Fields of an IPv4 packet the dispatcher decides on, read from the bytes.
struct Ipv4Summary
{
    bool valid{false};            //!< the packet starts with a well-formed IPv4 header
    Ipv4Address source;           //!< source address
    Ipv4Address destination;      //!< destination address
    bool hasPorts{false};         //!< UDP or TCP, first fragment, ports present
    Transport transport{Transport::Udp}; //!< UDP or TCP, when hasPorts
    uint16_t sourcePort{0};       //!< source port, when hasPorts
    uint16_t destinationPort{0};  //!< destination port, when hasPorts
};

/** @return the big-endian 16-bit value at a byte offset */
uint16_t
ReadU16(const uint8_t* bytes, uint32_t offset)
{
    return static_cast<uint16_t>((bytes[offset] << 8) | bytes[offset + 1]);
}

/** @return the big-endian 32-bit value at a byte offset */
uint32_t
ReadU32(const uint8_t* bytes, uint32_t offset)
{
    return (uint32_t{ReadU16(bytes, offset)} << 16) | ReadU16(bytes, offset + 2);
}

/**
 * Read the addresses and, for UDP and TCP, the ports of an IPv4 packet
 * whose header is at the front. Reading the bytes directly costs a fraction
 * of deserializing Ipv4Header and the transport header, and this runs for
 * every frame a host receives.
 */
Ipv4Summary
PeekIpv4(Ptr<const Packet> packet)
{
    constexpr uint32_t maxHeaderAndPorts = 60 + 4; // largest IPv4 header, then two ports
    uint8_t bytes[maxHeaderAndPorts];
    const uint32_t copied = packet->CopyData(bytes, sizeof(bytes));
    Ipv4Summary summary;
    const uint32_t headerLength = (bytes[0] & 0x0f) * 4u;
    if (copied < 20 || (bytes[0] >> 4) != 4 || headerLength < 20 || headerLength > copied)
    {
        return summary;
    }
    summary.valid = true;
    summary.source = Ipv4Address(ReadU32(bytes, 12));
    summary.destination = Ipv4Address(ReadU32(bytes, 16));
    const bool firstFragment = (ReadU16(bytes, 6) & 0x1fff) == 0;
    const uint8_t protocol = bytes[9];
    const bool transport = protocol == static_cast<uint8_t>(Transport::Udp) ||
                           protocol == static_cast<uint8_t>(Transport::Tcp);
    if (firstFragment && transport && copied >= headerLength + 4)
    {
        summary.hasPorts = true;
        summary.transport = static_cast<Transport>(protocol);
        summary.sourcePort = ReadU16(bytes, headerLength);
        summary.destinationPort = ReadU16(bytes, headerLength + 2);
    }
    return summary;
}

} // namespace

Ptr<Packet>
FrameOf(Ptr<const QueueDiscItem> item)
{
    Ptr<Packet> frame = item->GetPacket()->Copy();
    if (auto ipv4 = DynamicCast<const Ipv4QueueDiscItem>(item))
    {
        frame->AddHeader(ipv4->GetHeader());
    }
    else if (auto arp = DynamicCast<const ArpQueueDiscItem>(item))
    {
        frame->AddHeader(arp->GetHeader());
    }
    return frame;
}

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
    const Ipv4Summary ip = PeekIpv4(packet);
    if (!ip.valid)
    {
        return 0;
    }
    auto sees = [this](uint32_t namespaceId) { return Sees(namespaceId); };

    if (!m_host->IsRouteIsolated() && ip.hasPorts)
    {
        // The 2006 patch matched sockets by address and port only, so a
        // socket of any namespace on this device may win, whoever holds the
        // destination address.
        auto socket = m_host->GetSocketTable().MatchIncoming(ip.transport,
                                                             ip.destination,
                                                             ip.destinationPort,
                                                             ip.source,
                                                             ip.sourcePort,
                                                             sees);
        if (socket)
        {
            NS_LOG_LOGIC("socket " << socket->socketId << " of namespace " << socket->namespaceId
                                   << " matches " << ip.destination << ":"
                                   << ip.destinationPort);
            return socket->namespaceId;
        }
    }
    auto holder = m_host->GetAddressRegistry().FindHolder(ip.destination, sees);
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
    const Ipv4Summary ip = PeekIpv4(packet);
    if (!ip.valid)
    {
        return {0};
    }
    const Ipv4Address destination = ip.destination;
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

Dispatcher::Destination
Dispatcher::Classify(const Address& dest) const
{
    if (dest == m_mac)
    {
        return Destination::Host;
    }
    if (Mac48Address::IsMatchingType(dest))
    {
        const Mac48Address mac = Mac48Address::ConvertFrom(dest);
        if (mac.IsBroadcast() || mac.IsGroup())
        {
            return Destination::Group;
        }
    }
    return Destination::Wire;
}

void
Dispatcher::DeliverFromNamespace(uint32_t namespaceId,
                                 Ptr<const Packet> frame,
                                 uint16_t protocol,
                                 const Address& dest,
                                 Destination destination)
{
    if (destination == Destination::Host)
    {
        // Addressed to this host: deliver inside, as ipvlan L2 does, never on the wire.
        DeliverLocally(SelectTargets(frame, protocol, false),
                       -1,
                       frame,
                       protocol,
                       m_mac,
                       m_mac,
                       NetDevice::PACKET_HOST,
                       false);
        return;
    }
    const auto type = Mac48Address::ConvertFrom(dest).IsBroadcast() ? NetDevice::PACKET_BROADCAST
                                                                    : NetDevice::PACKET_MULTICAST;
    DeliverLocally(SelectTargets(frame, protocol, true),
                   namespaceId,
                   frame,
                   protocol,
                   m_mac,
                   dest,
                   type,
                   false);
}

bool
Dispatcher::SendFromNamespace(uint32_t namespaceId, Ptr<QueueDiscItem> item)
{
    if (!m_adminUp)
    {
        NS_LOG_LOGIC("device " << m_ifindex << " is down, frame from namespace " << namespaceId
                               << " dropped");
        return false;
    }
    const Destination destination = Classify(item->GetAddress());
    if (destination != Destination::Wire)
    {
        DeliverFromNamespace(namespaceId,
                             FrameOf(item),
                             item->GetProtocol(),
                             item->GetAddress(),
                             destination);
        if (destination == Destination::Host)
        {
            return true;
        }
    }
    m_host->TransmitItem(m_lower, item);
    return true;
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
    const Destination destination = Classify(dest);
    if (destination != Destination::Wire)
    {
        DeliverFromNamespace(namespaceId, packet, protocol, dest, destination);
        if (destination == Destination::Host)
        {
            return true;
        }
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
    const Destination destination = Classify(dest);
    if (destination == Destination::Wire)
    {
        return false;
    }
    DeliverFromNamespace(0, packet, protocol, dest, destination);
    return destination == Destination::Host;
}

} // namespace netns
} // namespace ns3
