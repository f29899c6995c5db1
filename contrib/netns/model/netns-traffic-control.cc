/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-traffic-control.h"

#include "net-namespace.h"
#include "netns-dispatcher.h"
#include "netns-host.h"

#include "ns3/arp-header.h"
#include "ns3/arp-l3-protocol.h"
#include "ns3/arp-queue-disc-item.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4-queue-disc-item.h"
#include "ns3/log.h"
#include "ns3/loopback-net-device.h"
#include "ns3/net-device-queue-interface.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/traffic-control-helper.h"

namespace ns3
{
namespace netns
{

NS_LOG_COMPONENT_DEFINE("NetnsTrafficControl");

NS_OBJECT_ENSURE_REGISTERED(HostTrafficControl);


TypeId
HostTrafficControl::GetTypeId()
{
    static TypeId tid = TypeId("ns3::netns::HostTrafficControl")
                            .SetParent<TrafficControlLayer>()
                            .SetGroupName("Netns")
                            .AddConstructor<HostTrafficControl>();
    return tid;
}

TypeId
HostTrafficControl::GetInstanceTypeId() const
{
    return HostTrafficControl::GetTypeId();
}

void
HostTrafficControl::SetHost(Ptr<Host> host)
{
    m_host = host;
}

void
HostTrafficControl::DoDispose()
{
    m_host = nullptr;
    TrafficControlLayer::DoDispose();
}

void
HostTrafficControl::ReceiveInInitial(Ptr<NetDevice> device,
                                     Ptr<const Packet> p,
                                     uint16_t protocol,
                                     const Address& from,
                                     const Address& to,
                                     NetDevice::PacketType packetType)
{
    if (m_host)
    {
        const Dispatcher* dispatcher = m_host->GetDispatcherFor(device);
        m_host->GetInitialNamespace()->NotifyRx(p, dispatcher ? dispatcher->GetIfindex() : 0);
    }
    TrafficControlLayer::Receive(device, p, protocol, from, to, packetType);
}

void
HostTrafficControl::Receive(Ptr<NetDevice> device,
                            Ptr<const Packet> p,
                            uint16_t protocol,
                            const Address& from,
                            const Address& to,
                            NetDevice::PacketType packetType)
{
    Dispatcher* dispatcher = m_host ? m_host->GetDispatcherFor(device) : nullptr;
    if (!dispatcher)
    {
        ReceiveInInitial(device, p, protocol, from, to, packetType);
        return;
    }
    dispatcher->ReceiveFromWire(p, protocol, from, to, packetType);
}

void
HostTrafficControl::TransmitFromNamespace(Ptr<NetDevice> device,
                                          Ptr<Packet> packet,
                                          const Address& dest,
                                          uint16_t protocol)
{
    // Queue discs classify and mark by the network header, which their items
    // keep apart from the payload: split it off again.
    Ptr<QueueDiscItem> item;
    if (protocol == Ipv4L3Protocol::PROT_NUMBER)
    {
        Ipv4Header header;
        packet->RemoveHeader(header);
        item = Create<Ipv4QueueDiscItem>(packet, dest, protocol, header);
    }
    else if (protocol == ArpL3Protocol::PROT_NUMBER)
    {
        ArpHeader header;
        packet->RemoveHeader(header);
        item = Create<ArpQueueDiscItem>(packet, dest, protocol, header);
    }
    else
    {
        device->Send(packet, dest, protocol);
        return;
    }
    SendThroughQueueDisc(device, item);
}

void
HostTrafficControl::TransmitItemFromNamespace(Ptr<NetDevice> device, Ptr<QueueDiscItem> item)
{
    SendThroughQueueDisc(device, item);
}

void
HostTrafficControl::SendThroughQueueDisc(Ptr<NetDevice> device, Ptr<QueueDiscItem> item)
{
    Ptr<Node> node = IsInitialized() ? nullptr : GetObject<Node>();
    if (node && !node->IsInitialized())
    {
        // A process may send before Simulator::Run(), when ns-3 has not yet
        // set up the queue discs, and one would crash on the packet. The node
        // initializes in an event at the current time that is already
        // queued, so the packet leaves right after it, at the same time.
        NS_LOG_LOGIC("node " << node->GetId() << " not initialized, packet deferred");
        Simulator::ScheduleWithContext(node->GetId(),
                                       Seconds(0),
                                       &HostTrafficControl::SendThroughQueueDisc,
                                       Ptr<HostTrafficControl>(this),
                                       device,
                                       item);
        return;
    }
    TrafficControlLayer::Send(device, item);
}

void
HostTrafficControl::InstallDefaultQueueDisc(Ptr<NetDevice> device)
{
    if (DynamicCast<LoopbackNetDevice>(device) || GetRootQueueDiscOnDevice(device))
    {
        return;
    }
    // ns-3.37 wires queue discs to device queues when the layer initializes;
    // one installed later is never woken and crashes the first send.
    if (IsInitialized())
    {
        NS_LOG_LOGIC("device " << device->GetIfIndex()
                               << " keeps no queue disc: the simulation has started");
        return;
    }
    // Without a queue interface the device queue never stops, so a queue
    // disc would never hold a packet; ns-3 installs none then either.
    Ptr<NetDeviceQueueInterface> queueInterface = device->GetObject<NetDeviceQueueInterface>();
    if (!queueInterface)
    {
        return;
    }
    TrafficControlHelper::Default(queueInterface->GetNTxQueues()).Install(device);
}

void
HostTrafficControl::Send(Ptr<NetDevice> device, Ptr<QueueDiscItem> item)
{
    Dispatcher* dispatcher = m_host ? m_host->GetDispatcherFor(device) : nullptr;
    if (dispatcher)
    {
        if (!dispatcher->IsAdminUp())
        {
            NS_LOG_LOGIC("device " << dispatcher->GetIfindex() << " is down, frame dropped");
            return;
        }
        Ptr<Namespace> initial = m_host->GetInitialNamespace();
        if (dispatcher->GetNViews() == 0 && !initial->HasTxListeners())
        {
            // Fast path: nobody else sees the device, so no copy is needed.
            initial->CountTx(item->GetSize(), dispatcher->GetIfindex());
        }
        else
        {
            Ptr<Packet> frame = FrameOf(item);
            initial->NotifyTx(frame, dispatcher->GetIfindex());
            if (dispatcher->InterceptInitialSend(frame, item->GetAddress(), item->GetProtocol()))
            {
                return;
            }
        }
    }
    SendThroughQueueDisc(device, item);
}

} // namespace netns
} // namespace ns3
