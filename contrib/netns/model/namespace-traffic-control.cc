/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "namespace-traffic-control.h"

#include "netns-view-device.h"

namespace ns3
{
namespace netns
{

NS_OBJECT_ENSURE_REGISTERED(NamespaceTrafficControl);

TypeId
NamespaceTrafficControl::GetTypeId()
{
    static TypeId tid = TypeId("ns3::netns::NamespaceTrafficControl")
                            .SetParent<TrafficControlLayer>()
                            .SetGroupName("Netns")
                            .AddConstructor<NamespaceTrafficControl>();
    return tid;
}

TypeId
NamespaceTrafficControl::GetInstanceTypeId() const
{
    return NamespaceTrafficControl::GetTypeId();
}

void
NamespaceTrafficControl::Send(Ptr<NetDevice> device, Ptr<QueueDiscItem> item)
{
    // A TypeId comparison is cheaper than a dynamic_cast on every packet.
    if (device->GetInstanceTypeId() == ViewDevice::GetTypeId())
    {
        static_cast<ViewDevice*>(PeekPointer(device))->SendItem(item);
        return;
    }
    TrafficControlLayer::Send(device, item);
}

} // namespace netns
} // namespace ns3
