/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NET_NAMESPACE_H
#define NET_NAMESPACE_H

#include "netns-route-table.h"
#include "netns-socket-table.h"
#include "netns-status.h"

#include "ns3/ipv4-address.h"
#include "ns3/net-device.h"
#include "ns3/node.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace ns3
{

class Ipv4;
class Packet;

namespace netns
{

class Host;
class Process;
class Routing;
class ViewDevice;
struct DeviceRecord;

/**
 * @ingroup netns
 * One device in a namespace's view.
 */
struct ViewEntry
{
    uint32_t ifindex{0};      //!< host-wide interface index, as Linux numbers devices
    std::string name;         //!< interface name, shared by every view of the device
    Ptr<NetDevice> device;    //!< the device in this namespace's node
    uint32_t interface{0};    //!< the device's interface index in this namespace's Ipv4
    bool loopback{false};     //!< true for lo
};

/**
 * @ingroup netns
 * One IPv4 address as a namespace lists it.
 */
struct AddressEntry
{
    uint32_t ifindex{0};                      //!< host-wide interface index of the device
    std::string device;                       //!< interface name
    Ipv4Address local;                        //!< the address
    uint8_t prefixLength{0};                  //!< prefix length
    Ipv4Address broadcast;                    //!< subnet-directed broadcast address
    std::optional<Ipv4Address> configuredBroadcast; //!< "brd" given when it was set, if any
    bool secondary{false};                    //!< an earlier address covers the same subnet
};

/**
 * @ingroup netns
 * Traffic of one namespace through one device.
 */
struct DeviceCounters
{
    uint64_t rxPackets{0}; //!< packets received
    uint64_t rxBytes{0};   //!< bytes received
    uint64_t txPackets{0}; //!< packets sent
    uint64_t txBytes{0};   //!< bytes sent
};

/**
 * @ingroup netns
 * A network namespace of a simulated host, following the network
 * namespace patch series posted to netdev in June 2006.
 *
 * The initial namespace is the host's own stack. Every other namespace is
 * carried by a hidden ns-3 Node with a stock IPv4 stack, created with the
 * host's system id, which gives it its own loopback, interfaces, addresses
 * and socket demultiplexer. Host devices are shared, not moved: writing a
 * device's name to /sys/kernel/debug/net_ns/dev adds a view of it to the
 * writer's namespace, and each view carries its own addresses.
 *
 * The object also lists every resource of the namespace (view, addresses,
 * routes, sockets, processes), which is what moving a namespace to another
 * host would need.
 *
 * Administrative calls here perform no capability checks; Process applies
 * them before it calls in.
 */
class Namespace : public Object
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    Namespace();
    ~Namespace() override;

    /**
     * Attach the namespace to its host. Called by Host only.
     * @param host the host
     * @param id the namespace id, 0 for the initial namespace
     * @param node the node carrying the namespace's stack
     */
    void Setup(Ptr<Host> host, uint32_t id, Ptr<Node> node);

    /** @return the id, unique on the host; 0 is the initial namespace */
    uint32_t GetId() const;

    /** @return the host */
    Ptr<Host> GetHost() const;

    /** @return the node carrying the namespace's stack (the host node for the initial one) */
    Ptr<Node> GetNode() const;

    /** @return the namespace's IPv4 stack */
    Ptr<Ipv4> GetIpv4() const;

    /** @return true for the host's initial namespace */
    bool IsInitial() const;

    /** @return false once the namespace has been freed */
    bool IsAlive() const;

    /** @return the label, "init" for the initial namespace and "ns<id>" unless set */
    std::string GetName() const;

    /**
     * Set a label, used in pcap file names and listings.
     * @param name the label, checked like an "ip netns" name
     * @return OK or EINVAL
     */
    Status SetName(const std::string& name);

    /**
     * Add a host device to the view. Called by Host for debugfs writes.
     * @param record the host device
     * @return OK, or ESRCH when the namespace was freed
     */
    Status Reveal(const DeviceRecord& record);

    /** @return the view in reveal order */
    const std::vector<ViewEntry>& GetView() const;

    /**
     * Add a host device to the initial namespace's view. Called by Host.
     * @param entry the device's entry
     */
    void AppendViewEntry(const ViewEntry& entry);

    /**
     * Rename a device in the view. Called by Host.
     * @param ifindex the device's host-wide interface index
     * @param name the new name
     */
    void RenameViewEntry(uint32_t ifindex, const std::string& name);

    /**
     * @param name an interface name
     * @return the entry, or nullptr when the device is not in the view
     */
    const ViewEntry* FindInView(const std::string& name) const;

    /**
     * @param ifindex a host-wide interface index
     * @return the entry, or nullptr when the device is not in the view
     */
    const ViewEntry* FindInViewByIfindex(uint32_t ifindex) const;

    /**
     * @param interface an interface index of this namespace's Ipv4
     * @return the entry, or nullptr when no view entry uses that interface
     */
    const ViewEntry* FindInViewByInterface(uint32_t interface) const;

    /**
     * Add an IPv4 address to a device of the view.
     * @param device interface name
     * @param address the address
     * @param prefixLength prefix length, 0 to 32
     * @param broadcast the broadcast address to record ("ip address add ... brd"), or
     *        nullopt for none, as Linux keeps none unless one is given
     * @return OK, ENODEV (device not in view), EEXIST, EINVAL or ESRCH (freed)
     */
    Status AddAddress(const std::string& device,
                      Ipv4Address address,
                      uint8_t prefixLength,
                      std::optional<Ipv4Address> broadcast = std::nullopt);

    /**
     * Record or clear the broadcast address of an address of the view, as
     * SIOCSIFBRDADDR does. It is forgotten when the address is deleted.
     * @param ifindex host-wide interface index of the device
     * @param address the address
     * @param prefixLength its prefix length
     * @param broadcast the broadcast address, or nullopt to clear it
     * @return OK, or EADDRNOTAVAIL when the namespace does not hold that address there
     */
    Status SetAddressBroadcast(uint32_t ifindex,
                               Ipv4Address address,
                               uint8_t prefixLength,
                               std::optional<Ipv4Address> broadcast);

    /**
     * Forget the broadcast address of a deleted address. Called by the routing
     * when an address goes, whoever removes it.
     * @param ifindex host-wide interface index of the device
     * @param address the address
     * @param prefixLength its prefix length
     */
    void ForgetAddressBroadcast(uint32_t ifindex, Ipv4Address address, uint8_t prefixLength);

    /**
     * Delete an IPv4 address from a device of the view. Deleting a primary
     * address also deletes the secondary addresses of its subnet, as Linux
     * does unless promote_secondaries is set.
     * @param device interface name
     * @param address the address
     * @param prefixLength prefix length, or nullopt to match any
     * @return OK, ENODEV or EADDRNOTAVAIL (not held here)
     */
    Status DeleteAddress(const std::string& device,
                         Ipv4Address address,
                         std::optional<uint8_t> prefixLength);

    /**
     * Delete every IPv4 address of a device of the view.
     * @param device interface name
     * @return the number of addresses deleted, or ENODEV
     */
    Result<uint32_t> FlushAddresses(const std::string& device);

    /** @return the addresses of the view, by device in view order */
    std::vector<AddressEntry> GetAddresses() const;

    /**
     * @param address an address
     * @return true when this namespace holds it on any device
     */
    bool HoldsAddress(Ipv4Address address) const;

    /**
     * Bring a device of the view up or down. Devices are shared, so this
     * changes the device for every namespace; lo of a non-initial namespace
     * is its own.
     * @param device interface name
     * @param up true for UP
     * @return OK or ENODEV
     */
    Status SetLinkUp(const std::string& device, bool up);

    /**
     * Set the MTU of a device of the view, for every namespace sharing it.
     * @param device interface name
     * @param mtu the MTU in bytes
     * @return OK, ENODEV, or EINVAL when the device rejects the value
     */
    Status SetMtu(const std::string& device, uint32_t mtu);

    /**
     * Rename a device of the view (ip link set DEV name NAME). A shared device
     * is renamed host-wide, as Host::SetDeviceName does; a non-initial
     * namespace's lo is its own, so only this namespace sees its new name.
     * @param device interface name
     * @param name the new name
     * @return OK, ENODEV, EINVAL (invalid name), EEXIST (name taken) or
     *         EBUSY (a shared device other namespaces see)
     */
    Status RenameDevice(const std::string& device, const std::string& name);

    /**
     * @return the table this namespace's routing uses: the host's shared
     *         table, or its own one when route isolation is on
     */
    RouteTable& GetRouteTable();

    /** @copydoc GetRouteTable() */
    const RouteTable& GetRouteTable() const;

    /** @return this namespace's own table, used when route isolation is on */
    RouteTable& GetOwnRouteTable();

    /**
     * Add a route to the table this namespace uses.
     * @param route the route; its owner is set to this namespace
     * @return OK, ENODEV, ENETUNREACH (gateway not on link), EEXIST or EINVAL
     */
    Status AddRoute(Route route);

    /**
     * Delete a route from the table this namespace uses.
     * @param selector which route
     * @return OK or ESRCH
     */
    Status DeleteRoute(const RouteSelector& selector);

    /**
     * Move routes that ns-3's Ipv4StaticRoutingHelper added (to this
     * namespace's or to the initial namespace's routing) into the tables.
     */
    void ImportHelperRoutes() const;

    /** @return the routes this namespace's "ip route show" lists */
    std::vector<Route> GetRoutes() const;

    /**
     * Find the route and source address this namespace would use.
     * @param destination the destination
     * @return the route with its preferredSource filled in, or ENETUNREACH
     */
    Result<Route> LookupRoute(Ipv4Address destination) const;

    /**
     * @param route a route of the table this namespace uses
     * @return true when its device is in the view and up
     */
    bool IsRouteUsable(const Route& route) const;

    /**
     * Choose the source address for a route, as the kernel does: the route's
     * "src", else the "src" of the connected route to its gateway, else an
     * address of this namespace on the route's device.
     * @param route the route
     * @return the source address, 0.0.0.0 when there is none
     */
    Ipv4Address SelectSource(const Route& route) const;

    /** @return the sockets of this namespace in bind order */
    std::vector<SocketBinding> GetSockets() const;

    /** @return the processes whose current namespace this is, by pid */
    std::vector<Ptr<Process>> GetProcesses() const;

    /** @return the number of open sockets */
    uint32_t GetNOpenSockets() const;

    /**
     * Count a process entering the namespace.
     * @param pid the process
     */
    void AddProcess(uint32_t pid);

    /**
     * Count a process leaving the namespace (exit or unshare); frees the
     * namespace when nothing refers to it any more.
     * @param pid the process
     */
    void RemoveProcess(uint32_t pid);

    /** Count a socket opened in the namespace. */
    void AddSocket();

    /** Count a socket closed; frees the namespace when nothing refers to it any more. */
    void RemoveSocket();

    /**
     * Record a packet entering the namespace from a device.
     * @param packet the payload
     * @param ifindex the device's host-wide interface index
     */
    void NotifyRx(Ptr<const Packet> packet, uint32_t ifindex);

    /**
     * Record a packet leaving the namespace on a device.
     * @param packet the payload
     * @param ifindex the device's host-wide interface index
     */
    void NotifyTx(Ptr<const Packet> packet, uint32_t ifindex);

    /**
     * Count a packet leaving the namespace without building it for the trace.
     * @param bytes its size
     * @param ifindex the device's host-wide interface index
     */
    void CountTx(uint32_t bytes, uint32_t ifindex);

    /**
     * @param ifindex a host-wide interface index
     * @return the namespace's traffic through that device
     */
    DeviceCounters GetDeviceCounters(uint32_t ifindex) const;

    /** @return true when something listens to the Tx trace source */
    bool HasTxListeners() const;

    /** @return packets that entered the namespace from devices */
    uint64_t GetRxPackets() const;
    /** @return bytes that entered the namespace from devices */
    uint64_t GetRxBytes() const;
    /** @return packets that left the namespace on devices */
    uint64_t GetTxPackets() const;
    /** @return bytes that left the namespace on devices */
    uint64_t GetTxBytes() const;

    /**
     * Signature of the Rx and Tx trace sources.
     * @param packet the payload, without link-layer header
     * @param ifindex host-wide interface index of the device
     */
    typedef void (*PacketTracedCallback)(Ptr<const Packet> packet, uint32_t ifindex);

  protected:
    void DoDispose() override;

  private:
    /**
     * Resolve a device name for an administrative call.
     * @param device interface name
     * @param entry set to the view entry
     * @return OK, ESRCH when freed, or ENODEV with iproute2's wording
     */
    Status Resolve(const std::string& device, const ViewEntry*& entry) const;

    /** Free the namespace: drop its view, addresses and own routes. */
    void Release();

    /** Free the namespace if no process and no socket refers to it. */
    void ReleaseIfUnused();

    Ptr<Host> m_host;                   //!< host of the namespace
    Ptr<Node> m_node;                   //!< node carrying the stack
    Ptr<Ipv4> m_ipv4;                   //!< the node's IPv4 stack, looked up once
    Ptr<Routing> m_routing;             //!< the stack's routing, looked up once
    uint32_t m_id{0};                   //!< id on the host
    std::string m_name;                 //!< label, empty for the default
    bool m_alive{true};                 //!< false once freed
    std::vector<ViewEntry> m_view;      //!< devices in reveal order
    RouteTable m_routes;                //!< own table; the host's shared one for the initial namespace
    std::set<uint32_t> m_processes;     //!< pids whose current namespace this is
    uint32_t m_openSockets{0};          //!< sockets not yet closed
    uint64_t m_rxPackets{0};            //!< packets in
    uint64_t m_rxBytes{0};              //!< bytes in
    uint64_t m_txPackets{0};            //!< packets out
    uint64_t m_txBytes{0};              //!< bytes out
    std::vector<DeviceCounters> m_counters; //!< per device, indexed by ifindex
    /// Configured broadcast address by device, address and prefix length.
    std::map<std::tuple<uint32_t, uint32_t, uint8_t>, Ipv4Address> m_broadcasts;

    TracedCallback<Ptr<const Packet>, uint32_t> m_rxTrace; //!< packets entering
    TracedCallback<Ptr<const Packet>, uint32_t> m_txTrace; //!< packets leaving
};

} // namespace netns
} // namespace ns3

#endif /* NET_NAMESPACE_H */
