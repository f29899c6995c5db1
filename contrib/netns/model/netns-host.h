/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_HOST_H
#define NETNS_HOST_H

#include "netns-address-registry.h"
#include "netns-credentials.h"
#include "netns-socket-table.h"
#include "netns-status.h"

#include "ns3/net-device.h"
#include "ns3/node.h"
#include "ns3/object.h"
#include "ns3/queue-item.h"
#include "ns3/traced-callback.h"

#include <map>
#include <string>
#include <vector>

namespace ns3
{

class Packet;

namespace netns
{

class Dispatcher;
class HostTrafficControl;
class Namespace;
class Process;

/**
 * @ingroup netns
 * A host device as every namespace of the host names it.
 */
struct DeviceRecord
{
    uint32_t ifindex{0};         //!< host-wide interface index; lo is 1
    std::string name;            //!< interface name
    Ptr<NetDevice> device;       //!< the ns-3 device of the host node
    bool loopback{false};        //!< true for lo
    Ptr<Dispatcher> dispatcher;  //!< frame dispatcher; null for lo
};

/// Path of the 2006 patch's debugfs file that reveals devices.
constexpr const char* DEBUGFS_DEV_PATH = "/sys/kernel/debug/net_ns/dev";

/**
 * @ingroup netns
 * Network namespace support of one simulated host, aggregated to its Node.
 *
 * It owns what the host's namespaces share: the devices with their Linux
 * names and indices, the frame dispatchers, the processes, the registry of
 * addresses and of bound sockets, and, unless route isolation is on, the one
 * route table of the 2006 patch.
 */
class Host : public Object
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    Host();
    ~Host() override;

    /**
     * Take over a node whose IPv4 stack the helper built with a
     * HostTrafficControl: name its devices and create the initial namespace
     * and process 1. Called by NetnsHelper.
     * @param node the host node
     */
    void Setup(Ptr<Node> node);

    /** @return the host node */
    Ptr<Node> GetNode() const;

    /** @return the node's name from ns3::Names, or "node<id>" */
    std::string GetName() const;

    /** @return true when each namespace has its own route table */
    bool IsRouteIsolated() const;

    /**
     * Attribute setter of RouteIsolation: applies SetRouteIsolation() and
     * logs a warning instead of failing, since ns-3 attribute setters cannot
     * return an error.
     * @param isolated the requested mode
     */
    void SetRouteIsolationAttribute(bool isolated);

    /**
     * Turn route isolation on or off. Only allowed while the initial
     * namespace is the only one, since tables cannot be split or merged
     * faithfully afterwards.
     * @param isolated true to give each namespace its own table
     * @return OK, or EBUSY when other namespaces exist
     */
    Status SetRouteIsolation(bool isolated);

    /** Register devices added to the node since the last call. */
    void SyncDevices();

    /**
     * Name a device. Only allowed before any namespace sees it by its old name.
     * @param device a device of the host node
     * @param name the new name
     * @return OK, EINVAL (bad name), EEXIST (name taken), ENODEV (not a host device)
     *         or EBUSY (another namespace already sees the device)
     */
    Status SetDeviceName(Ptr<NetDevice> device, const std::string& name);

    /**
     * @param name an interface name
     * @return the device, or nullptr
     */
    const DeviceRecord* FindDevice(const std::string& name);

    /**
     * @param ifindex a host-wide interface index
     * @return the device, or nullptr
     */
    const DeviceRecord* FindDeviceByIfindex(uint32_t ifindex);

    /**
     * @param device an ns-3 device of the host node
     * @return the record, or nullptr
     */
    const DeviceRecord* FindDeviceRecord(Ptr<const NetDevice> device);

    /** @return every host device by interface index */
    std::vector<DeviceRecord> GetDevices();

    /**
     * Set a device's administrative state for every namespace that sees it.
     * @param ifindex host-wide interface index
     * @param up true for UP
     * @return OK or ENODEV
     */
    Status SetDeviceUp(uint32_t ifindex, bool up);

    /**
     * @param ifindex host-wide interface index
     * @return true when the device is administratively UP
     */
    bool IsDeviceUp(uint32_t ifindex);

    /**
     * Find the dispatcher of a host device, for the traffic-control hooks.
     * @param device a device of the host node
     * @return the dispatcher, or nullptr for lo and unknown devices
     */
    Dispatcher* GetDispatcherFor(Ptr<const NetDevice> device) const;

    /** @return the initial namespace */
    Ptr<Namespace> GetInitialNamespace() const;

    /**
     * Create a namespace: a hidden node with an IPv4 stack and an empty view.
     * Called by Process::Unshare.
     * @return the new namespace
     */
    Ptr<Namespace> CreateNamespace();

    /**
     * @param id a namespace id
     * @return the namespace, alive or freed, or nullptr
     */
    Ptr<Namespace> GetNamespace(uint32_t id) const;

    /** @return the namespaces that are alive, initial first */
    std::vector<Ptr<Namespace>> GetNamespaces() const;

    /**
     * Create a process in the initial namespace, as if started by init.
     * @param uid its user id; root gets every capability, others none
     * @return the process
     */
    Ptr<Process> CreateProcess(uint32_t uid = 0);

    /**
     * Register a process made by Process::Fork.
     * @param process the child
     * @return its pid
     */
    uint32_t AdoptProcess(Ptr<Process> process);

    /**
     * @param pid a process id
     * @return the process, running or exited, or nullptr
     */
    Ptr<Process> GetProcess(uint32_t pid) const;

    /** @return every process that has not exited, by pid */
    std::vector<Ptr<Process>> GetProcesses() const;

    /**
     * Write to /sys/kernel/debug/net_ns/dev: reveal the named host device to
     * the writer's namespace.
     * @param writer the writing process's namespace
     * @param data the bytes written; one trailing newline is ignored
     * @return the number of bytes written, EINVAL for a null writer or a name
     *         of 16 bytes or more, or ENODEV when the host has no such device
     */
    Result<std::size_t> WriteDebugfsDev(Ptr<Namespace> writer, const std::string& data);

    /**
     * Read /sys/kernel/debug/net_ns/dev.
     * @param reader the reading process's namespace
     * @return its view, one name per line; empty for a null reader
     */
    std::string ReadDebugfsDev(Ptr<Namespace> reader) const;

    /** @return the address registry of every namespace */
    AddressRegistry& GetAddressRegistry();

    /** @return the socket table of every namespace */
    SocketTable& GetSocketTable();

    /** @return a new socket id */
    uint64_t AllocateSocketId();

    /**
     * Signature of the NamespaceCreated trace source.
     * @param ns the new namespace, with its IPv4 stack and an empty view
     */
    typedef void (*NamespaceTracedCallback)(Ptr<Namespace> ns);

    /**
     * Make a process the current task while it runs code in the simulator,
     * so that sockets created meanwhile carry its credentials.
     * @param process the process, or nullptr
     * @return the previous current process
     */
    Process* SetCurrentProcess(Process* process);

    /** @return the credentials of the current process; root's when there is none */
    Credentials GetCurrentCredentials() const;

    /**
     * Pass a frame to the initial namespace's stack.
     * @param device the host device
     * @param packet the payload
     * @param protocol the EtherType
     * @param from source MAC address
     * @param to destination MAC address
     * @param packetType how the frame was addressed
     * @param synchronous true when already in the host's event context
     */
    void DeliverToInitial(Ptr<NetDevice> device,
                          Ptr<const Packet> packet,
                          uint16_t protocol,
                          const Address& from,
                          const Address& to,
                          NetDevice::PacketType packetType,
                          bool synchronous);

    /**
     * Send a frame of a non-initial namespace out of a host device, through
     * the device's queue disc.
     * @param device the host device
     * @param packet the payload with its network header
     * @param dest destination MAC address
     * @param protocol the EtherType
     */
    void Transmit(Ptr<NetDevice> device, Ptr<Packet> packet, const Address& dest, uint16_t protocol);

    /**
     * Send a packet of a non-initial namespace out of a host device, through
     * the device's queue disc.
     * @param device the host device
     * @param item the packet with its header kept apart and its destination
     */
    void TransmitItem(Ptr<NetDevice> device, Ptr<QueueDiscItem> item);

    /**
     * Give a host device ns-3's default queue disc unless it has one.
     * @param ifindex host-wide interface index
     */
    void EnsureQueueDisc(uint32_t ifindex);

  protected:
    void DoDispose() override;

  private:
    /**
     * Register one device of the node.
     * @param device the device
     */
    void RegisterDevice(Ptr<NetDevice> device);

    /**
     * Pick the default name of a device: its ns3::Names name when valid,
     * else eth<n>.
     * @param device the device
     * @return a free name
     */
    std::string DefaultDeviceName(Ptr<NetDevice> device) const;

    Ptr<Node> m_node;                                  //!< the host node
    Ptr<HostTrafficControl> m_trafficControl;          //!< the host's hooks
    bool m_routeIsolation{false};                      //!< own table per namespace
    std::vector<DeviceRecord> m_devices;               //!< by ifindex - 1
    std::vector<Dispatcher*> m_dispatcherByNodeIndex;  //!< by ns-3 device index
    uint32_t m_knownNodeDevices{0};                    //!< node devices already registered
    uint32_t m_nextEthernetIndex{0};                   //!< next eth<n>
    std::vector<Ptr<Namespace>> m_namespaces;          //!< by id, freed ones included
    std::map<uint32_t, Ptr<Process>> m_processes;      //!< by pid
    uint32_t m_nextPid{1};                             //!< next process id
    uint64_t m_nextSocketId{1};                        //!< next socket id
    Process* m_currentProcess{nullptr};                //!< process running code now
    AddressRegistry m_addresses;                       //!< who holds which address
    SocketTable m_sockets;                             //!< bound sockets of all namespaces

    TracedCallback<Ptr<Namespace>> m_namespaceCreated; //!< fires for each new namespace
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_HOST_H */
