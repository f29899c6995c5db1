/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-view-device.h"

#include "net-namespace.h"
#include "netns-dispatcher.h"

#include "ns3/channel.h"
#include "ns3/ethernet-header.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"

namespace ns3
{
namespace netns
{

NS_LOG_COMPONENT_DEFINE("NetnsViewDevice");

NS_OBJECT_ENSURE_REGISTERED(ViewDevice);

TypeId
ViewDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::netns::ViewDevice")
            .SetParent<NetDevice>()
            .SetGroupName("Netns")
            .AddConstructor<ViewDevice>()
            .AddTraceSource("Sniffer",
                            "Frames sent or received by the namespace through this view, "
                            "with an Ethernet header, for pcap capture",
                            MakeTraceSourceAccessor(&ViewDevice::m_snifferTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("MacTx",
                            "Payloads the namespace sends through this view",
                            MakeTraceSourceAccessor(&ViewDevice::m_macTxTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("MacRx",
                            "Payloads delivered to the namespace through this view",
                            MakeTraceSourceAccessor(&ViewDevice::m_macRxTrace),
                            "ns3::Packet::TracedCallback");
    return tid;
}

ViewDevice::ViewDevice()
{
    NS_LOG_FUNCTION(this);
}

ViewDevice::~ViewDevice()
{
    NS_LOG_FUNCTION(this);
}

void
ViewDevice::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_lower = nullptr;
    m_dispatcher = nullptr;
    m_node = nullptr;
    m_namespace = nullptr;
    m_rxCallback = MakeNullCallback<bool, Ptr<NetDevice>, Ptr<const Packet>, uint16_t, const Address&>();
    m_promiscRxCallback.Nullify();
    m_linkChangeCallbacks.clear();
    NetDevice::DoDispose();
}

void
ViewDevice::Attach(Ptr<NetDevice> lower, Ptr<Dispatcher> dispatcher, Namespace* ns)
{
    NS_LOG_FUNCTION(this << lower << dispatcher << ns);
    m_lower = lower;
    m_dispatcher = dispatcher;
    m_namespace = ns;
    m_namespaceId = ns->GetId();
}

void
ViewDevice::Detach()
{
    NS_LOG_FUNCTION(this);
    m_lower = nullptr;
    m_dispatcher = nullptr;
    NotifyLinkChange();
}

Ptr<NetDevice>
ViewDevice::GetLowerDevice() const
{
    return m_lower;
}

uint32_t
ViewDevice::GetNamespaceId() const
{
    return m_namespaceId;
}

void
ViewDevice::Sniff(Ptr<const Packet> packet,
                  uint16_t protocol,
                  const Address& source,
                  const Address& destination)
{
    if (m_snifferTrace.IsEmpty() || !Mac48Address::IsMatchingType(source) ||
        !Mac48Address::IsMatchingType(destination))
    {
        return;
    }
    Ptr<Packet> frame = packet->Copy();
    EthernetHeader ethernet(false);
    ethernet.SetSource(Mac48Address::ConvertFrom(source));
    ethernet.SetDestination(Mac48Address::ConvertFrom(destination));
    ethernet.SetLengthType(protocol);
    frame->AddHeader(ethernet);
    m_snifferTrace(frame);
}

void
ViewDevice::Deliver(Ptr<Packet> packet,
                    uint16_t protocol,
                    const Address& from,
                    const Address& to,
                    PacketType packetType)
{
    if (!m_dispatcher)
    {
        NS_LOG_LOGIC("view was detached, frame dropped");
        return;
    }
    Sniff(packet, protocol, from, to);
    m_macRxTrace(packet);
    m_namespace->NotifyRx(packet, m_dispatcher->GetIfindex());
    if (!m_promiscRxCallback.IsNull())
    {
        m_promiscRxCallback(this, packet, protocol, from, to, packetType);
    }
    if (packetType != PACKET_OTHERHOST && !m_rxCallback.IsNull())
    {
        m_rxCallback(this, packet, protocol, from);
    }
}

void
ViewDevice::NotifyLinkChange()
{
    for (const Callback<void>& callback : m_linkChangeCallbacks)
    {
        callback();
    }
}

void
ViewDevice::SetIfIndex(const uint32_t index)
{
    m_ifIndex = index;
}

uint32_t
ViewDevice::GetIfIndex() const
{
    return m_ifIndex;
}

Ptr<Channel>
ViewDevice::GetChannel() const
{
    // The view is not attached to the channel: ns-3's global routing walks
    // channels and must not mistake views for extra hosts on the link.
    return nullptr;
}

void
ViewDevice::SetAddress(Address address)
{
    NS_LOG_WARN("the MAC address of a view is the host device's; set it there instead of "
                << address);
}

Address
ViewDevice::GetAddress() const
{
    return m_lower ? m_lower->GetAddress() : Address(Mac48Address());
}

bool
ViewDevice::SetMtu(const uint16_t mtu)
{
    // The device is shared, so a namespace changing the MTU changes it for all.
    return m_lower && m_lower->SetMtu(mtu);
}

uint16_t
ViewDevice::GetMtu() const
{
    return m_lower ? m_lower->GetMtu() : 0;
}

bool
ViewDevice::IsLinkUp() const
{
    return m_lower && m_dispatcher && m_dispatcher->IsAdminUp() && m_lower->IsLinkUp();
}

void
ViewDevice::AddLinkChangeCallback(Callback<void> callback)
{
    m_linkChangeCallbacks.push_back(callback);
}

bool
ViewDevice::IsBroadcast() const
{
    return m_lower && m_lower->IsBroadcast();
}

Address
ViewDevice::GetBroadcast() const
{
    return m_lower ? m_lower->GetBroadcast() : Address(Mac48Address::GetBroadcast());
}

bool
ViewDevice::IsMulticast() const
{
    return m_lower && m_lower->IsMulticast();
}

Address
ViewDevice::GetMulticast(Ipv4Address multicastGroup) const
{
    return m_lower ? m_lower->GetMulticast(multicastGroup)
                   : Address(Mac48Address::GetMulticast(multicastGroup));
}

Address
ViewDevice::GetMulticast(Ipv6Address addr) const
{
    return m_lower ? m_lower->GetMulticast(addr) : Address(Mac48Address::GetMulticast(addr));
}

bool
ViewDevice::IsBridge() const
{
    return false;
}

bool
ViewDevice::IsPointToPoint() const
{
    return m_lower && m_lower->IsPointToPoint();
}

bool
ViewDevice::Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << dest << protocolNumber);
    if (!m_dispatcher)
    {
        NS_LOG_LOGIC("view was detached, frame dropped");
        return false;
    }
    Sniff(packet, protocolNumber, GetAddress(), dest);
    m_macTxTrace(packet);
    m_namespace->NotifyTx(packet, m_dispatcher->GetIfindex());
    return m_dispatcher->SendFromNamespace(m_namespaceId, packet, dest, protocolNumber);
}

bool
ViewDevice::WantsOutgoingFrames() const
{
    return !m_snifferTrace.IsEmpty() || !m_macTxTrace.IsEmpty() ||
           m_namespace->HasTxListeners();
}

bool
ViewDevice::SendItem(Ptr<QueueDiscItem> item)
{
    if (!m_dispatcher)
    {
        NS_LOG_LOGIC("view was detached, packet dropped");
        return false;
    }
    const uint32_t ifindex = m_dispatcher->GetIfindex();
    if (WantsOutgoingFrames())
    {
        Ptr<Packet> frame = FrameOf(item);
        Sniff(frame, item->GetProtocol(), GetAddress(), item->GetAddress());
        m_macTxTrace(frame);
        m_namespace->NotifyTx(frame, ifindex);
    }
    else
    {
        m_namespace->CountTx(item->GetSize(), ifindex);
    }
    return m_dispatcher->SendFromNamespace(m_namespaceId, item);
}

bool
ViewDevice::SendFrom(Ptr<Packet> packet,
                     const Address& source,
                     const Address& dest,
                     uint16_t protocolNumber)
{
    NS_LOG_WARN("views send with the host device's MAC address only; use Send() instead of "
                "SendFrom() from "
                << source);
    return false;
}

Ptr<Node>
ViewDevice::GetNode() const
{
    return m_node;
}

void
ViewDevice::SetNode(Ptr<Node> node)
{
    m_node = node;
}

bool
ViewDevice::NeedsArp() const
{
    return m_lower && m_lower->NeedsArp();
}

void
ViewDevice::SetReceiveCallback(NetDevice::ReceiveCallback cb)
{
    m_rxCallback = cb;
}

void
ViewDevice::SetPromiscReceiveCallback(PromiscReceiveCallback cb)
{
    m_promiscRxCallback = cb;
}

bool
ViewDevice::SupportsSendFrom() const
{
    return false;
}

} // namespace netns
} // namespace ns3
