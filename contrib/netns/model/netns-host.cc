/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-host.h"

#include "namespace-traffic-control.h"
#include "net-namespace.h"
#include "netns-dispatcher.h"
#include "netns-names.h"
#include "netns-process.h"
#include "netns-routing.h"
#include "netns-stack.h"
#include "netns-traffic-control.h"

#include "ns3/boolean.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/loopback-net-device.h"
#include "ns3/names.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

namespace ns3
{
namespace netns
{

NS_LOG_COMPONENT_DEFINE("NetnsHost");

NS_OBJECT_ENSURE_REGISTERED(Host);

TypeId
Host::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::netns::Host")
            .SetParent<Object>()
            .SetGroupName("Netns")
            .AddConstructor<Host>()
            .AddAttribute("RouteIsolation",
                          "Give each namespace its own route table, address locality and "
                          "receive path (true), or share one table per host as the June 2006 "
                          "patch did (false). Changes are ignored, with a warning, once the "
                          "host has namespaces other than the initial one.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&Host::SetRouteIsolationAttribute,
                                              &Host::IsRouteIsolated),
                          MakeBooleanChecker())
            .AddTraceSource("NamespaceCreated",
                            "A namespace was created by unshare(), before any device was "
                            "revealed to it",
                            MakeTraceSourceAccessor(&Host::m_namespaceCreated),
                            "ns3::netns::Host::NamespaceTracedCallback");
    return tid;
}

Host::Host()
{
    NS_LOG_FUNCTION(this);
}

Host::~Host()
{
    NS_LOG_FUNCTION(this);
}

void
Host::DoDispose()
{
    NS_LOG_FUNCTION(this);
    for (auto& [pid, process] : m_processes)
    {
        process->Dispose();
    }
    m_processes.clear();
    for (DeviceRecord& record : m_devices)
    {
        if (record.dispatcher)
        {
            record.dispatcher->Dispose();
        }
    }
    m_devices.clear();
    m_dispatcherByNodeIndex.clear();
    m_namespaces.clear();
    m_trafficControl = nullptr;
    m_node = nullptr;
    Object::DoDispose();
}

void
Host::Setup(Ptr<Node> node)
{
    NS_LOG_FUNCTION(this << node);
    m_node = node;
    m_trafficControl = node->GetObject<HostTrafficControl>();
    NS_ASSERT_MSG(m_trafficControl, "the host's stack was not built with HostTrafficControl");
    m_trafficControl->SetHost(this);

    Ptr<Namespace> initial = CreateObject<Namespace>();
    initial->Setup(this, 0, node);
    node->AggregateObject(initial);
    m_namespaces.push_back(initial);
    SyncDevices();
    NS_LOG_INFO("namespace support installed on host " << GetName());
}

Ptr<Node>
Host::GetNode() const
{
    return m_node;
}

std::string
Host::GetName() const
{
    if (!m_node)
    {
        return "(disposed host)";
    }
    const std::string name = Names::FindName(m_node);
    return name.empty() ? "node" + std::to_string(m_node->GetId()) : name;
}

bool
Host::IsRouteIsolated() const
{
    return m_routeIsolation;
}

void
Host::SetRouteIsolationAttribute(bool isolated)
{
    Status changed = SetRouteIsolation(isolated);
    if (!changed.IsOk())
    {
        NS_LOG_WARN(changed.ToString() << "; set RouteIsolation before any unshare()");
    }
}

Status
Host::SetRouteIsolation(bool isolated)
{
    NS_LOG_FUNCTION(this << isolated);
    if (isolated == m_routeIsolation)
    {
        return Status();
    }
    if (m_namespaces.size() > 1)
    {
        return Status::Error(EBUSY,
                             "cannot change route isolation on host " + GetName() + ": it has " +
                                 std::to_string(m_namespaces.size() - 1) +
                                 " namespaces besides the initial one");
    }
    m_routeIsolation = isolated;
    return Status();
}

void
Host::SyncDevices()
{
    if (!m_node || m_knownNodeDevices == m_node->GetNDevices())
    {
        return;
    }
    // lo is always ifindex 1, whatever position ns-3 gave the loopback device.
    if (m_devices.empty())
    {
        for (uint32_t i = 0; i < m_node->GetNDevices(); ++i)
        {
            if (DynamicCast<LoopbackNetDevice>(m_node->GetDevice(i)))
            {
                RegisterDevice(m_node->GetDevice(i));
            }
        }
    }
    for (uint32_t i = m_knownNodeDevices; i < m_node->GetNDevices(); ++i)
    {
        if (!FindDeviceRecord(m_node->GetDevice(i)))
        {
            RegisterDevice(m_node->GetDevice(i));
        }
    }
    m_knownNodeDevices = m_node->GetNDevices();
}

std::string
Host::DefaultDeviceName(Ptr<NetDevice> device) const
{
    auto taken = [this](const std::string& name) {
        for (const DeviceRecord& record : m_devices)
        {
            if (record.name == name)
            {
                return true;
            }
        }
        return false;
    };
    const std::string given = Names::FindName(device);
    if (!given.empty() && ValidateInterfaceName(given).IsOk() && !taken(given))
    {
        return given;
    }
    uint32_t index = m_nextEthernetIndex;
    while (taken("eth" + std::to_string(index)))
    {
        ++index;
    }
    return "eth" + std::to_string(index);
}

void
Host::RegisterDevice(Ptr<NetDevice> device)
{
    NS_LOG_FUNCTION(this << device);
    DeviceRecord record;
    record.ifindex = static_cast<uint32_t>(m_devices.size()) + 1;
    record.device = device;
    record.loopback = DynamicCast<LoopbackNetDevice>(device) != nullptr;
    if (record.loopback)
    {
        record.name = "lo";
    }
    else
    {
        record.name = DefaultDeviceName(device);
        if (record.name == "eth" + std::to_string(m_nextEthernetIndex))
        {
            ++m_nextEthernetIndex;
        }
        record.dispatcher = CreateObject<Dispatcher>();
        record.dispatcher->Setup(this, record.ifindex, device);
        if (device->GetIfIndex() >= m_dispatcherByNodeIndex.size())
        {
            m_dispatcherByNodeIndex.resize(device->GetIfIndex() + 1, nullptr);
        }
        m_dispatcherByNodeIndex[device->GetIfIndex()] = PeekPointer(record.dispatcher);
    }
    m_devices.push_back(record);

    // The host stack needs an interface on the device for its traffic-control
    // layer to see the device's frames; it starts up, with no address.
    Ptr<Ipv4> ipv4 = m_node->GetObject<Ipv4>();
    int32_t interface = ipv4->GetInterfaceForDevice(device);
    const bool created = interface < 0;
    if (created)
    {
        interface = static_cast<int32_t>(ipv4->AddInterface(device));
    }

    ViewEntry entry;
    entry.ifindex = record.ifindex;
    entry.name = record.name;
    entry.device = device;
    entry.interface = static_cast<uint32_t>(interface);
    entry.loopback = record.loopback;
    GetInitialNamespace()->AppendViewEntry(entry);

    if (created)
    {
        ipv4->SetUp(static_cast<uint32_t>(interface));
    }
    else
    {
        // Addresses given before the device was registered reach the tables now.
        Ptr<Routing> routing = DynamicCast<Routing>(ipv4->GetRoutingProtocol());
        for (uint32_t i = 0; routing && i < ipv4->GetNAddresses(entry.interface); ++i)
        {
            routing->NotifyAddAddress(entry.interface, ipv4->GetAddress(entry.interface, i));
        }
    }
    NS_LOG_INFO("host " << GetName() << " names its device " << device->GetIfIndex() << " "
                        << record.name << " (ifindex " << record.ifindex << ")");
}

Status
Host::SetDeviceName(Ptr<NetDevice> device, const std::string& name)
{
    NS_LOG_FUNCTION(this << device << name);
    SyncDevices();
    Status valid = ValidateInterfaceName(name);
    if (!valid.IsOk())
    {
        return valid;
    }
    DeviceRecord* target = nullptr;
    for (DeviceRecord& record : m_devices)
    {
        if (record.device == device)
        {
            target = &record;
        }
        else if (record.name == name)
        {
            return Status::Error(EEXIST,
                                 "host " + GetName() + " already has a device named " +
                                     QuoteForMessage(name));
        }
    }
    if (!target)
    {
        return Status::Error(ENODEV, "the device is not a device of host " + GetName());
    }
    for (const Ptr<Namespace>& ns : m_namespaces)
    {
        // A namespace's own lo, renamed there, would clash once the device is revealed to it.
        const ViewEntry* entry = ns->IsAlive() && !ns->IsInitial() ? ns->FindInView(name) : nullptr;
        if (entry && entry->loopback)
        {
            return Status::Error(EEXIST,
                                 "namespace " + ns->GetName() + " of host " + GetName() +
                                     " already has a device named " + QuoteForMessage(name));
        }
    }
    if (target->dispatcher && target->dispatcher->GetNViews() > 0)
    {
        return Status::Error(EBUSY,
                             "device " + target->name + " of host " + GetName() +
                                 " is already seen by other namespaces under that name");
    }
    target->name = name;
    GetInitialNamespace()->RenameViewEntry(target->ifindex, name);
    return Status();
}

const DeviceRecord*
Host::FindDevice(const std::string& name)
{
    SyncDevices();
    for (const DeviceRecord& record : m_devices)
    {
        if (record.name == name)
        {
            return &record;
        }
    }
    return nullptr;
}

const DeviceRecord*
Host::FindDeviceByIfindex(uint32_t ifindex)
{
    SyncDevices();
    if (ifindex == 0 || ifindex > m_devices.size())
    {
        return nullptr;
    }
    return &m_devices[ifindex - 1];
}

const DeviceRecord*
Host::FindDeviceRecord(Ptr<const NetDevice> device)
{
    for (const DeviceRecord& record : m_devices)
    {
        if (record.device == device)
        {
            return &record;
        }
    }
    return nullptr;
}

std::vector<DeviceRecord>
Host::GetDevices()
{
    SyncDevices();
    return m_devices;
}

Status
Host::SetDeviceUp(uint32_t ifindex, bool up)
{
    NS_LOG_FUNCTION(this << ifindex << up);
    const DeviceRecord* record = FindDeviceByIfindex(ifindex);
    if (!record)
    {
        return Status::Error(ENODEV, "host " + GetName() + " has no device with index " +
                                         std::to_string(ifindex));
    }
    if (record->dispatcher)
    {
        record->dispatcher->SetAdminUp(up);
    }
    // The device is shared: every namespace that sees it follows its state.
    for (const Ptr<Namespace>& ns : m_namespaces)
    {
        const ViewEntry* entry = ns->IsAlive() ? ns->FindInViewByIfindex(ifindex) : nullptr;
        if (!entry || (entry->loopback && !ns->IsInitial()))
        {
            continue;
        }
        Ptr<Ipv4> ipv4 = ns->GetIpv4();
        if (up)
        {
            ipv4->SetUp(entry->interface);
        }
        else
        {
            ipv4->SetDown(entry->interface);
        }
    }
    NS_LOG_INFO("device " << record->name << " of host " << GetName() << " is now "
                          << (up ? "UP" : "DOWN"));
    return Status();
}

bool
Host::IsDeviceUp(uint32_t ifindex)
{
    const DeviceRecord* record = FindDeviceByIfindex(ifindex);
    if (!record)
    {
        return false;
    }
    if (record->dispatcher)
    {
        return record->dispatcher->IsAdminUp();
    }
    const ViewEntry* entry = GetInitialNamespace()->FindInViewByIfindex(ifindex);
    return entry && GetInitialNamespace()->GetIpv4()->IsUp(entry->interface);
}

Dispatcher*
Host::GetDispatcherFor(Ptr<const NetDevice> device) const
{
    const uint32_t index = device->GetIfIndex();
    if (index >= m_dispatcherByNodeIndex.size())
    {
        return nullptr;
    }
    Dispatcher* dispatcher = m_dispatcherByNodeIndex[index];
    return dispatcher && dispatcher->GetLowerDevice() == device ? dispatcher : nullptr;
}

Ptr<Namespace>
Host::GetInitialNamespace() const
{
    return m_namespaces.empty() ? nullptr : m_namespaces.front();
}

Ptr<Namespace>
Host::CreateNamespace()
{
    NS_LOG_FUNCTION(this);
    const uint32_t id = static_cast<uint32_t>(m_namespaces.size());
    Ptr<Node> node = CreateObject<Node>(m_node->GetSystemId());
    BuildIpv4Stack(node, CreateObject<NamespaceTrafficControl>());
    Ptr<Namespace> ns = CreateObject<Namespace>();
    ns->Setup(this, id, node);
    node->AggregateObject(ns);
    m_namespaces.push_back(ns);
    NS_LOG_INFO("host " << GetName() << " created namespace " << ns->GetName() << " on node "
                        << node->GetId());
    m_namespaceCreated(ns);
    return ns;
}

Ptr<Namespace>
Host::GetNamespace(uint32_t id) const
{
    return id < m_namespaces.size() ? m_namespaces[id] : nullptr;
}

std::vector<Ptr<Namespace>>
Host::GetNamespaces() const
{
    std::vector<Ptr<Namespace>> alive;
    for (const Ptr<Namespace>& ns : m_namespaces)
    {
        if (ns->IsAlive())
        {
            alive.push_back(ns);
        }
    }
    return alive;
}

Ptr<Process>
Host::CreateProcess(uint32_t uid)
{
    NS_LOG_FUNCTION(this << uid);
    Ptr<Process> process = CreateObject<Process>();
    const uint32_t pid = m_nextPid++;
    Credentials credentials = Credentials::ForUser(uid);
    credentials.pid = pid;
    m_processes[pid] = process;
    process->Setup(this, pid, 0, credentials, GetInitialNamespace());
    return process;
}

uint32_t
Host::AdoptProcess(Ptr<Process> process)
{
    const uint32_t pid = m_nextPid++;
    m_processes[pid] = process;
    return pid;
}

Ptr<Process>
Host::GetProcess(uint32_t pid) const
{
    auto it = m_processes.find(pid);
    return it == m_processes.end() ? nullptr : it->second;
}

std::vector<Ptr<Process>>
Host::GetProcesses() const
{
    std::vector<Ptr<Process>> running;
    for (const auto& [pid, process] : m_processes)
    {
        if (process->IsAlive())
        {
            running.push_back(process);
        }
    }
    return running;
}

Result<std::size_t>
Host::WriteDebugfsDev(Ptr<Namespace> writer, const std::string& data)
{
    NS_LOG_FUNCTION(this << writer << data);
    if (!writer)
    {
        return Status::Error(EINVAL, "write error: no namespace given for the writer");
    }
    std::string name = data;
    if (!name.empty() && name.back() == '\n')
    {
        name.pop_back();
    }
    if (name.size() >= IFNAMSIZ)
    {
        return Status::Error(EINVAL,
                             "write error: device name " + QuoteForMessage(name) + " is " +
                                 std::to_string(name.size()) + " bytes; names have at most " +
                                 std::to_string(IFNAMSIZ - 1));
    }
    const DeviceRecord* record = FindDevice(name);
    if (!record)
    {
        return Status::Error(ENODEV,
                             "write error: No such device: host " + GetName() +
                                 " has no device named " + QuoteForMessage(name));
    }
    Status revealed = writer->Reveal(*record);
    if (!revealed.IsOk())
    {
        return revealed;
    }
    return data.size();
}

std::string
Host::ReadDebugfsDev(Ptr<Namespace> reader) const
{
    std::string listing;
    if (!reader)
    {
        return listing;
    }
    for (const ViewEntry& entry : reader->GetView())
    {
        listing += entry.name + "\n";
    }
    return listing;
}

AddressRegistry&
Host::GetAddressRegistry()
{
    return m_addresses;
}

SocketTable&
Host::GetSocketTable()
{
    return m_sockets;
}

uint64_t
Host::AllocateSocketId()
{
    return m_nextSocketId++;
}

Process*
Host::SetCurrentProcess(Process* process)
{
    Process* previous = m_currentProcess;
    m_currentProcess = process;
    return previous;
}

Credentials
Host::GetCurrentCredentials() const
{
    if (m_currentProcess)
    {
        return m_currentProcess->GetCredentials();
    }
    return Credentials::ForUser(0);
}

void
Host::Transmit(Ptr<NetDevice> device, Ptr<Packet> packet, const Address& dest, uint16_t protocol)
{
    m_trafficControl->TransmitFromNamespace(device, packet, dest, protocol);
}

void
Host::TransmitItem(Ptr<NetDevice> device, Ptr<QueueDiscItem> item)
{
    m_trafficControl->TransmitItemFromNamespace(device, item);
}

void
Host::EnsureQueueDisc(uint32_t ifindex)
{
    const DeviceRecord* record = FindDeviceByIfindex(ifindex);
    if (record && !record->loopback)
    {
        m_trafficControl->InstallDefaultQueueDisc(record->device);
    }
}

void
Host::DeliverToInitial(Ptr<NetDevice> device,
                       Ptr<const Packet> packet,
                       uint16_t protocol,
                       const Address& from,
                       const Address& to,
                       NetDevice::PacketType packetType,
                       bool synchronous)
{
    if (synchronous)
    {
        m_trafficControl->ReceiveInInitial(device, packet, protocol, from, to, packetType);
        return;
    }
    Simulator::ScheduleWithContext(m_node->GetId(),
                                   Time(0),
                                   &HostTrafficControl::ReceiveInInitial,
                                   m_trafficControl,
                                   device,
                                   packet,
                                   protocol,
                                   from,
                                   to,
                                   packetType);
}

} // namespace netns
} // namespace ns3
