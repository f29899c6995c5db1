/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_VIEW_DEVICE_H
#define NETNS_VIEW_DEVICE_H

#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/queue-item.h"
#include "ns3/traced-callback.h"

#include <vector>

namespace ns3
{
namespace netns
{

class Dispatcher;
class Namespace;

/**
 * @ingroup netns
 * A host device as one namespace sees it after the device was revealed to
 * that namespace.
 *
 * Like a Linux ipvlan device in L2 mode, it has the name, MAC address, MTU
 * and link state of the host device it stands for, and its traffic goes
 * through that device. Sending hands the frame to the device's Dispatcher;
 * receiving is done by the Dispatcher, which calls Deliver() in the
 * namespace's event context.
 */
class ViewDevice : public NetDevice
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    ViewDevice();
    ~ViewDevice() override;

    /**
     * Tie the view to the host device it stands for.
     * @param lower the host device
     * @param dispatcher the dispatcher of that device
     * @param ns the namespace owning this view, aggregated to the view's node
     */
    void Attach(Ptr<NetDevice> lower, Ptr<Dispatcher> dispatcher, Namespace* ns);

    /** Cut the view off its host device: it stops sending and receiving. */
    void Detach();

    /** @return the host device this view stands for, or nullptr after Detach() */
    Ptr<NetDevice> GetLowerDevice() const;

    /** @return the id of the namespace owning this view */
    uint32_t GetNamespaceId() const;

    /**
     * Pass a frame up to the namespace's stack. Called by the Dispatcher in
     * the namespace's event context.
     * @param packet the payload, without link-layer header
     * @param protocol the EtherType
     * @param from source MAC address
     * @param to destination MAC address
     * @param packetType how the frame was addressed
     */
    void Deliver(Ptr<Packet> packet,
                 uint16_t protocol,
                 const Address& from,
                 const Address& to,
                 PacketType packetType);

    /**
     * Send a packet handed down by the namespace's traffic-control layer,
     * with its network header still apart.
     * @param item the packet, its header and its destination
     * @return false when the packet was dropped
     */
    bool SendItem(Ptr<QueueDiscItem> item);

    /** Tell link-change listeners that the administrative state changed. */
    void NotifyLinkChange();

    // Inherited from NetDevice
    void SetIfIndex(const uint32_t index) override;
    uint32_t GetIfIndex() const override;
    Ptr<Channel> GetChannel() const override;
    void SetAddress(Address address) override;
    Address GetAddress() const override;
    bool SetMtu(const uint16_t mtu) override;
    uint16_t GetMtu() const override;
    bool IsLinkUp() const override;
    void AddLinkChangeCallback(Callback<void> callback) override;
    bool IsBroadcast() const override;
    Address GetBroadcast() const override;
    bool IsMulticast() const override;
    Address GetMulticast(Ipv4Address multicastGroup) const override;
    Address GetMulticast(Ipv6Address addr) const override;
    bool IsBridge() const override;
    bool IsPointToPoint() const override;
    bool Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber) override;
    bool SendFrom(Ptr<Packet> packet,
                  const Address& source,
                  const Address& dest,
                  uint16_t protocolNumber) override;
    Ptr<Node> GetNode() const override;
    void SetNode(Ptr<Node> node) override;
    bool NeedsArp() const override;
    void SetReceiveCallback(NetDevice::ReceiveCallback cb) override;
    void SetPromiscReceiveCallback(PromiscReceiveCallback cb) override;
    bool SupportsSendFrom() const override;

  protected:
    void DoDispose() override;

  private:
    /** @return true when a trace needs the bytes of each outgoing frame */
    bool WantsOutgoingFrames() const;

    /**
     * Fire the sniffer traces with an Ethernet-framed copy of a packet.
     * @param packet the payload
     * @param protocol the EtherType
     * @param source source MAC address
     * @param destination destination MAC address
     */
    void Sniff(Ptr<const Packet> packet,
               uint16_t protocol,
               const Address& source,
               const Address& destination);

    Ptr<NetDevice> m_lower;                          //!< host device this view stands for
    Ptr<Dispatcher> m_dispatcher;                    //!< dispatcher of that device
    Ptr<Node> m_node;                                //!< node carrying the namespace's stack
    uint32_t m_namespaceId{0};                       //!< namespace owning the view
    Namespace* m_namespace{nullptr};                 //!< the same, aggregated to m_node
    uint32_t m_ifIndex{0};                           //!< index among the node's devices
    NetDevice::ReceiveCallback m_rxCallback;         //!< non-promiscuous receive
    NetDevice::PromiscReceiveCallback m_promiscRxCallback; //!< promiscuous receive
    std::vector<Callback<void>> m_linkChangeCallbacks;     //!< link state listeners

    TracedCallback<Ptr<const Packet>> m_snifferTrace; //!< Ethernet frames in both directions
    TracedCallback<Ptr<const Packet>> m_macTxTrace;   //!< payloads sent by the namespace
    TracedCallback<Ptr<const Packet>> m_macRxTrace;   //!< payloads delivered to the namespace
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_VIEW_DEVICE_H */
