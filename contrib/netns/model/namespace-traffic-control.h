/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NAMESPACE_TRAFFIC_CONTROL_H
#define NAMESPACE_TRAFFIC_CONTROL_H

#include "ns3/traffic-control-layer.h"

namespace ns3
{
namespace netns
{

/**
 * @ingroup netns
 * The traffic-control layer of a namespace other than the initial one.
 *
 * The IPv4 and ARP layers of the namespace hand it each outgoing packet
 * with the network header still apart. For a view device it passes that
 * item to the view, which takes it to the host device's queue disc as it
 * is: the header is serialized once, by the device, as for the host's own
 * packets. A queue disc installed on a view device is not used.
 */
class NamespaceTrafficControl : public TrafficControlLayer
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    TypeId GetInstanceTypeId() const override;

    void Send(Ptr<NetDevice> device, Ptr<QueueDiscItem> item) override;
};

} // namespace netns
} // namespace ns3

#endif /* NAMESPACE_TRAFFIC_CONTROL_H */
