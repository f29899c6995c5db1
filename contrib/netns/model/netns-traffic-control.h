/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_TRAFFIC_CONTROL_H
#define NETNS_TRAFFIC_CONTROL_H

#include "ns3/traffic-control-layer.h"

namespace ns3
{
namespace netns
{

class Host;

/**
 * @ingroup netns
 * The traffic-control layer of a host: the one place that sees both the
 * frames the host's devices receive and the frames the initial namespace
 * sends. Received frames go to the device's Dispatcher, which picks the
 * namespaces; frames the initial namespace sends to its own MAC address are
 * delivered inside the host instead of going on the wire.
 *
 * Frames of every namespace leave through the host device's queue disc, as
 * ipvlan devices transmit through their master's qdisc in Linux.
 */
class HostTrafficControl : public TrafficControlLayer
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    TypeId GetInstanceTypeId() const override;

    /**
     * @param host the host whose dispatchers receive the frames
     */
    void SetHost(Ptr<Host> host);

    /**
     * Pass a frame to the initial namespace's stack.
     * @param device the host device
     * @param p the payload
     * @param protocol the EtherType
     * @param from source MAC address
     * @param to destination MAC address
     * @param packetType how the frame was addressed
     */
    void ReceiveInInitial(Ptr<NetDevice> device,
                          Ptr<const Packet> p,
                          uint16_t protocol,
                          const Address& from,
                          const Address& to,
                          NetDevice::PacketType packetType);

    /**
     * Send a frame of a non-initial namespace through the device's queue
     * disc, bypassing the initial namespace's hairpin check.
     * @param device the host device
     * @param packet the payload with its network header
     * @param dest destination MAC address
     * @param protocol the EtherType
     */
    void TransmitFromNamespace(Ptr<NetDevice> device,
                               Ptr<Packet> packet,
                               const Address& dest,
                               uint16_t protocol);

    /**
     * Send a packet of a non-initial namespace through the device's queue disc.
     * @param device the host device
     * @param item the packet with its header kept apart and its destination
     */
    void TransmitItemFromNamespace(Ptr<NetDevice> device, Ptr<QueueDiscItem> item);

    /**
     * Give a device ns-3's default queue disc if it has none, as
     * Ipv4AddressHelper::Assign does for devices it addresses. Only possible
     * before the layer is initialized, that is before the simulation runs.
     * @param device the host device
     */
    void InstallDefaultQueueDisc(Ptr<NetDevice> device);

    void Receive(Ptr<NetDevice> device,
                 Ptr<const Packet> p,
                 uint16_t protocol,
                 const Address& from,
                 const Address& to,
                 NetDevice::PacketType packetType) override;
    void Send(Ptr<NetDevice> device, Ptr<QueueDiscItem> item) override;

  protected:
    void DoDispose() override;

  private:
    /**
     * Hand a packet to ns-3's traffic-control layer, or, before the node is
     * initialized, to an event right after its initialization.
     * @param device the host device
     * @param item the packet
     */
    void SendThroughQueueDisc(Ptr<NetDevice> device, Ptr<QueueDiscItem> item);

    Ptr<Host> m_host; //!< host of the traffic-control layer
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_TRAFFIC_CONTROL_H */
