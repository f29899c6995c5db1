/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_DISPATCHER_H
#define NETNS_DISPATCHER_H

#include "ns3/address.h"
#include "ns3/net-device.h"
#include "ns3/object.h"
#include "ns3/queue-item.h"

#include <cstdint>
#include <vector>

namespace ns3
{

class Packet;

namespace netns
{

class Host;
class ViewDevice;

/**
 * @ingroup netns
 * Decides which namespaces of a host get each frame that crosses one host
 * device, in both directions.
 *
 * Frames from the wire go to the namespace that should receive them: ARP
 * by target address, IPv4 unicast by destination address (or, in the 2006
 * patch's mode, by the namespace-blind socket match), broadcasts to every
 * namespace with an address in the subnet, multicast to every namespace on
 * the device, and anything nobody claims to the initial namespace. Frames a
 * namespace sends to the device's own MAC address never reach the wire:
 * they are delivered inside the host, as Linux does for ipvlan devices in L2
 * mode. Every decision uses hash lookups, never a scan of the namespaces.
 */
class Dispatcher : public Object
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    Dispatcher();
    ~Dispatcher() override;

    /**
     * Bind the dispatcher to its device.
     * @param host the host owning the device
     * @param ifindex the device's host-wide interface index
     * @param lower the device
     */
    void Setup(Ptr<Host> host, uint32_t ifindex, Ptr<NetDevice> lower);

    /**
     * Add a namespace's view of the device.
     * @param namespaceId the namespace; never the initial one (id 0)
     * @param view its view device
     */
    void AttachView(uint32_t namespaceId, Ptr<ViewDevice> view);

    /**
     * Remove a namespace's view of the device.
     * @param namespaceId the namespace
     */
    void DetachView(uint32_t namespaceId);

    /**
     * @param namespaceId a namespace
     * @return true when it sees the device; the initial namespace always does
     */
    bool Sees(uint32_t namespaceId) const;

    /** @return the number of namespaces other than the initial one that see the device */
    uint32_t GetNViews() const;

    /** @return the device's host-wide interface index */
    uint32_t GetIfindex() const;

    /** @return the device */
    Ptr<NetDevice> GetLowerDevice() const;

    /**
     * Set the device's administrative state, which every namespace shares.
     * @param up true for UP
     */
    void SetAdminUp(bool up);

    /** @return true when the device is administratively UP */
    bool IsAdminUp() const;

    /**
     * Handle a frame the device received from its link. Runs in the host's
     * event context.
     * @param packet the payload, without link-layer header
     * @param protocol the EtherType
     * @param from source MAC address
     * @param to destination MAC address
     * @param packetType how the frame was addressed
     */
    void ReceiveFromWire(Ptr<const Packet> packet,
                         uint16_t protocol,
                         const Address& from,
                         const Address& to,
                         NetDevice::PacketType packetType);

    /**
     * Handle a packet a namespace's stack sends through its view of the
     * device. On its way to the wire the item keeps its network header
     * apart, so the host's queue disc takes it as it is.
     * @param namespaceId the sending namespace
     * @param item the packet, its header and its destination
     * @return false when the packet was dropped
     */
    bool SendFromNamespace(uint32_t namespaceId, Ptr<QueueDiscItem> item);

    /**
     * Handle a frame sent directly through a view device's Send().
     * @param namespaceId the sending namespace
     * @param packet the payload, without link-layer header
     * @param dest destination MAC address
     * @param protocol the EtherType
     * @return false when the frame was dropped
     */
    bool SendFromNamespace(uint32_t namespaceId,
                           Ptr<Packet> packet,
                           const Address& dest,
                           uint16_t protocol);

    /**
     * Deliver inside the host the copy of a frame that the initial namespace
     * sends, when other namespaces must see it.
     * @param packet the payload, without link-layer header
     * @param dest destination MAC address
     * @param protocol the EtherType
     * @return true when the frame is for the device's own MAC address and
     *         must not go on the wire
     */
    bool InterceptInitialSend(Ptr<const Packet> packet, const Address& dest, uint16_t protocol);

  protected:
    void DoDispose() override;

  private:
    /// Where a frame sent inside the host goes.
    enum class Destination
    {
        Host,  //!< to the device's own MAC address: delivered inside the host only
        Group, //!< broadcast or multicast: delivered inside the host and on the wire
        Wire,  //!< to another MAC address: on the wire only
    };

    /**
     * @param dest a destination MAC address
     * @return where a frame to it goes
     */
    Destination Classify(const Address& dest) const;

    /**
     * Deliver inside the host a frame that a namespace sends to the host or
     * to a group.
     * @param namespaceId the sending namespace, which gets no copy of a group frame
     * @param frame the payload with its network header
     * @param protocol the EtherType
     * @param dest destination MAC address
     * @param destination Host or Group
     */
    void DeliverFromNamespace(uint32_t namespaceId,
                              Ptr<const Packet> frame,
                              uint16_t protocol,
                              const Address& dest,
                              Destination destination);

    /**
     * Choose the namespaces that receive a frame.
     * @param packet the payload
     * @param protocol the EtherType
     * @param groupAddressed true for broadcast and multicast frames
     * @return namespace ids in ascending order; 0 is the initial namespace
     */
    std::vector<uint32_t> SelectTargets(Ptr<const Packet> packet,
                                        uint16_t protocol,
                                        bool groupAddressed) const;

    /**
     * Choose the namespace for an IPv4 unicast packet.
     * @param packet the IPv4 packet
     * @return the namespace id
     */
    uint32_t SelectUnicastTarget(Ptr<const Packet> packet) const;

    /**
     * Choose the namespaces for an IPv4 broadcast or multicast packet.
     * @param destination its destination address
     * @return namespace ids in ascending order
     */
    std::vector<uint32_t> SelectGroupTargets(Ipv4Address destination) const;

    /** @return every namespace that sees the device, initial first */
    std::vector<uint32_t> AllMembers() const;

    /**
     * Deliver a frame inside the host to a set of namespaces.
     * @param targets namespace ids
     * @param exclude a namespace that must not get a copy (the sender), or none
     * @param packet the payload
     * @param protocol the EtherType
     * @param to destination MAC address
     * @param packetType how the frame was addressed
     * @param fromWire true when called in the host's context for a wire frame
     */
    void DeliverLocally(const std::vector<uint32_t>& targets,
                        int64_t exclude,
                        Ptr<const Packet> packet,
                        uint16_t protocol,
                        const Address& from,
                        const Address& to,
                        NetDevice::PacketType packetType,
                        bool fromWire);

    Ptr<Host> m_host;                         //!< host owning the device
    Ptr<NetDevice> m_lower;                   //!< the device
    Address m_mac;                            //!< the device's MAC address
    uint32_t m_ifindex{0};                    //!< host-wide interface index
    bool m_adminUp{true};                     //!< shared administrative state
    std::vector<Ptr<ViewDevice>> m_views;     //!< views indexed by namespace id
    uint32_t m_nViews{0};                     //!< number of non-null views
};

/**
 * Copy the packet of a queue disc item with its network header in front.
 * @param item an IPv4 or ARP item, whose header is still apart
 * @return the frame's payload as a device would send it
 */
Ptr<Packet> FrameOf(Ptr<const QueueDiscItem> item);

} // namespace netns
} // namespace ns3

#endif /* NETNS_DISPATCHER_H */
