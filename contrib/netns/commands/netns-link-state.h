/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_LINK_STATE_H
#define NETNS_LINK_STATE_H

#include "ns3/net-namespace.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{
namespace netns
{

/// Interface flags with the values of <linux/if.h>, as SIOCGIFFLAGS and rtnetlink report them.
enum LinkFlag : uint32_t
{
    LINK_FLAG_UP = 0x1,           //!< IFF_UP: administratively up
    LINK_FLAG_BROADCAST = 0x2,    //!< IFF_BROADCAST
    LINK_FLAG_LOOPBACK = 0x8,     //!< IFF_LOOPBACK
    LINK_FLAG_POINTOPOINT = 0x10, //!< IFF_POINTOPOINT
    LINK_FLAG_RUNNING = 0x40,     //!< IFF_RUNNING: up with carrier
    LINK_FLAG_NOARP = 0x80,       //!< IFF_NOARP
    LINK_FLAG_MULTICAST = 0x1000, //!< IFF_MULTICAST
    LINK_FLAG_LOWER_UP = 0x10000, //!< IFF_LOWER_UP: carrier present
};

/**
 * @ingroup netns
 * One device of a namespace's view as ip and ifconfig describe it.
 */
struct LinkState
{
    uint32_t ifindex{0};       //!< host-wide interface index
    std::string name;          //!< interface name
    uint32_t flags{0};         //!< LinkFlag bits
    uint32_t mtu{0};           //!< MTU in bytes
    std::string qdisc;         //!< queueing discipline name ip prints
    std::string operState;     //!< RFC 2863 operational state: UP, DOWN or UNKNOWN
    bool loopback{false};      //!< true for lo
    std::string address;       //!< link-layer address, "aa:bb:cc:dd:ee:ff"
    std::string broadcast;     //!< link-layer broadcast address
    uint32_t txQueueLength{0}; //!< the "qlen" and "txqueuelen" value
    DeviceCounters counters;   //!< the namespace's traffic through the device

    /** @return true when the device is administratively up */
    bool IsUp() const;
};

/**
 * @ingroup netns
 * Builds LinkState records from a namespace's view and its host's devices.
 *
 * Values ns-3 does not model are filled in as Linux 6.1 reports them for a
 * veth device (qdisc noqueue, qlen 1000), because emulated devices, like
 * veth, have no queue of their own that ip could name.
 */
class LinkStateReader
{
  public:
    /**
     * Describe every device of a namespace's view.
     * @param ns the namespace
     * @return the devices ordered by interface index, as a netlink dump lists them
     */
    static std::vector<LinkState> List(Ptr<Namespace> ns);

    /**
     * Describe one device of a namespace's view.
     * @param ns the namespace
     * @param name the interface name
     * @return the device, or nullopt when the view has no device of that name
     */
    static std::optional<LinkState> Find(Ptr<Namespace> ns, const std::string& name);

    /**
     * Name an interface index as iproute2 does: the device name when the
     * namespace sees it, "if<index>" otherwise.
     * @param ns the namespace
     * @param ifindex the index
     * @return the name
     */
    static std::string IndexToName(Ptr<Namespace> ns, uint32_t ifindex);

  private:
    /**
     * Describe one view entry.
     * @param ns the namespace
     * @param entry the view entry
     * @return the state
     */
    static LinkState Describe(Ptr<Namespace> ns, const ViewEntry& entry);
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_LINK_STATE_H */
