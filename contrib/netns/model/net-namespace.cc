/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "net-namespace.h"

#include "netns-dispatcher.h"
#include "netns-host.h"
#include "netns-names.h"
#include "netns-process.h"
#include "netns-routing.h"
#include "netns-view-device.h"

#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/packet.h"

#include <algorithm>
#include <sstream>

namespace ns3
{
namespace netns
{

NS_LOG_COMPONENT_DEFINE("NetNamespace");

NS_OBJECT_ENSURE_REGISTERED(Namespace);

namespace
{

/** @return "198.51.100.1/24" */
std::string
PrefixText(Ipv4Address address, uint8_t prefixLength)
{
    std::ostringstream os;
    os << address << "/" << unsigned{prefixLength};
    return os.str();
}

/** @return the address in dotted-quad form */
std::string
AddressText(Ipv4Address address)
{
    std::ostringstream os;
    os << address;
    return os.str();
}

} // namespace

TypeId
Namespace::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::netns::Namespace")
            .SetParent<Object>()
            .SetGroupName("Netns")
            .AddConstructor<Namespace>()
            .AddTraceSource("Rx",
                            "A packet entered the namespace from one of its devices",
                            MakeTraceSourceAccessor(&Namespace::m_rxTrace),
                            "ns3::netns::Namespace::PacketTracedCallback")
            .AddTraceSource("Tx",
                            "A packet left the namespace on one of its devices",
                            MakeTraceSourceAccessor(&Namespace::m_txTrace),
                            "ns3::netns::Namespace::PacketTracedCallback");
    return tid;
}

Namespace::Namespace()
{
    NS_LOG_FUNCTION(this);
}

Namespace::~Namespace()
{
    NS_LOG_FUNCTION(this);
}

void
Namespace::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_view.clear();
    m_host = nullptr;
    m_node = nullptr;
    m_ipv4 = nullptr;
    m_routing = nullptr;
    Object::DoDispose();
}

void
Namespace::Setup(Ptr<Host> host, uint32_t id, Ptr<Node> node)
{
    NS_LOG_FUNCTION(this << host << id << node);
    m_host = host;
    m_id = id;
    m_node = node;
    m_ipv4 = node->GetObject<Ipv4>();
    m_routing = m_ipv4 ? DynamicCast<Routing>(m_ipv4->GetRoutingProtocol()) : nullptr;
}

uint32_t
Namespace::GetId() const
{
    return m_id;
}

Ptr<Host>
Namespace::GetHost() const
{
    return m_host;
}

Ptr<Node>
Namespace::GetNode() const
{
    return m_node;
}

Ptr<Ipv4>
Namespace::GetIpv4() const
{
    return m_ipv4;
}

bool
Namespace::IsInitial() const
{
    return m_id == 0;
}

bool
Namespace::IsAlive() const
{
    return m_alive && m_host;
}

std::string
Namespace::GetName() const
{
    if (!m_name.empty())
    {
        return m_name;
    }
    return IsInitial() ? "init" : "ns" + std::to_string(m_id);
}

Status
Namespace::SetName(const std::string& name)
{
    Status valid = ValidateNamespaceName(name);
    if (valid.IsOk())
    {
        m_name = name;
    }
    return valid;
}

Status
Namespace::Reveal(const DeviceRecord& record)
{
    NS_LOG_FUNCTION(this << record.name);
    if (!IsAlive())
    {
        return Status::Error(ESRCH, "namespace " + GetName() + " has been freed");
    }
    if (FindInViewByIfindex(record.ifindex))
    {
        // The patch did not reject a repeated reveal; the device simply stays in the view.
        return Status();
    }
    Ptr<Ipv4> ipv4 = GetIpv4();
    ViewEntry entry;
    entry.ifindex = record.ifindex;
    entry.name = record.name;
    entry.loopback = record.loopback;
    if (record.loopback)
    {
        // "lo" names the namespace's own loopback, never the host's.
        entry.device = ipv4->GetNetDevice(0);
        entry.interface = 0;
        m_view.push_back(entry);
        NS_LOG_INFO("namespace " << GetName() << " on host " << m_host->GetName()
                                 << " now lists its own lo");
        return Status();
    }

    Ptr<ViewDevice> view = CreateObject<ViewDevice>();
    view->Attach(record.device, record.dispatcher, this);
    m_node->AddDevice(view);
    entry.device = view;
    entry.interface = ipv4->AddInterface(view);
    m_view.push_back(entry);
    record.dispatcher->AttachView(m_id, view);
    if (record.dispatcher->IsAdminUp())
    {
        ipv4->SetUp(entry.interface);
    }
    NS_LOG_INFO("device " << record.name << " revealed to namespace " << GetName() << " on host "
                          << m_host->GetName());
    return Status();
}

const std::vector<ViewEntry>&
Namespace::GetView() const
{
    return m_view;
}

void
Namespace::AppendViewEntry(const ViewEntry& entry)
{
    m_view.push_back(entry);
}

void
Namespace::RenameViewEntry(uint32_t ifindex, const std::string& name)
{
    for (ViewEntry& entry : m_view)
    {
        if (entry.ifindex == ifindex)
        {
            entry.name = name;
        }
    }
}

const ViewEntry*
Namespace::FindInView(const std::string& name) const
{
    for (const ViewEntry& entry : m_view)
    {
        if (entry.name == name)
        {
            return &entry;
        }
    }
    return nullptr;
}

const ViewEntry*
Namespace::FindInViewByIfindex(uint32_t ifindex) const
{
    for (const ViewEntry& entry : m_view)
    {
        if (entry.ifindex == ifindex)
        {
            return &entry;
        }
    }
    return nullptr;
}

const ViewEntry*
Namespace::FindInViewByInterface(uint32_t interface) const
{
    for (const ViewEntry& entry : m_view)
    {
        if (entry.interface == interface)
        {
            return &entry;
        }
    }
    return nullptr;
}

Status
Namespace::Resolve(const std::string& device, const ViewEntry*& entry) const
{
    if (!IsAlive())
    {
        return Status::Error(ESRCH, "namespace " + GetName() + " has been freed");
    }
    entry = FindInView(device);
    if (!entry)
    {
        return Status::Error(ENODEV, "Cannot find device " + QuoteForMessage(device));
    }
    return Status();
}

Status
Namespace::AddAddress(const std::string& device,
                      Ipv4Address address,
                      uint8_t prefixLength,
                      std::optional<Ipv4Address> broadcast)
{
    NS_LOG_FUNCTION(this << device << address << unsigned{prefixLength});
    const ViewEntry* entry = nullptr;
    Status resolved = Resolve(device, entry);
    if (!resolved.IsOk())
    {
        return resolved;
    }
    if (prefixLength > 32)
    {
        return Status::Error(EINVAL,
                             "invalid prefix length " + std::to_string(prefixLength) +
                                 " for " + AddressText(address) + ": the maximum is 32");
    }
    if (address == Ipv4Address::GetAny() || address.IsMulticast() || address.IsBroadcast())
    {
        return Status::Error(EINVAL,
                             "invalid local address " + AddressText(address) +
                                 ": not a unicast address");
    }
    Ptr<Ipv4> ipv4 = GetIpv4();
    const Ipv4Mask mask(PrefixToMask(prefixLength));
    for (uint32_t i = 0; i < ipv4->GetNAddresses(entry->interface); ++i)
    {
        const Ipv4InterfaceAddress existing = ipv4->GetAddress(entry->interface, i);
        if (existing.GetLocal() == address && existing.GetMask() == mask)
        {
            return Status::Error(EEXIST,
                                 "address " + PrefixText(address, prefixLength) +
                                     " already exists on " + entry->name + " in namespace " +
                                     GetName());
        }
    }
    ipv4->AddAddress(entry->interface, Ipv4InterfaceAddress(address, mask));
    if (broadcast)
    {
        m_broadcasts[{entry->ifindex, address.Get(), prefixLength}] = *broadcast;
    }
    // Ipv4AddressHelper gives an addressed device a default queue disc; the
    // namespaces' frames share the host device's, so do the same for it.
    m_host->EnsureQueueDisc(entry->ifindex);
    NS_LOG_INFO("namespace " << GetName() << " added " << address << "/" << unsigned{prefixLength}
                             << " on " << entry->name);
    return Status();
}

Status
Namespace::SetAddressBroadcast(uint32_t ifindex,
                               Ipv4Address address,
                               uint8_t prefixLength,
                               std::optional<Ipv4Address> broadcast)
{
    for (const AddressEntry& held : GetAddresses())
    {
        if (held.ifindex == ifindex && held.local == address && held.prefixLength == prefixLength)
        {
            if (broadcast)
            {
                m_broadcasts[{ifindex, address.Get(), prefixLength}] = *broadcast;
            }
            else
            {
                m_broadcasts.erase({ifindex, address.Get(), prefixLength});
            }
            return Status();
        }
    }
    return Status::Error(EADDRNOTAVAIL,
                         "address " + PrefixText(address, prefixLength) +
                             " is not assigned to interface " + std::to_string(ifindex) +
                             " in namespace " + GetName());
}

void
Namespace::ForgetAddressBroadcast(uint32_t ifindex, Ipv4Address address, uint8_t prefixLength)
{
    m_broadcasts.erase({ifindex, address.Get(), prefixLength});
}

Status
Namespace::DeleteAddress(const std::string& device,
                         Ipv4Address address,
                         std::optional<uint8_t> prefixLength)
{
    NS_LOG_FUNCTION(this << device << address);
    const ViewEntry* entry = nullptr;
    Status resolved = Resolve(device, entry);
    if (!resolved.IsOk())
    {
        return resolved;
    }
    Ptr<Ipv4> ipv4 = GetIpv4();
    const uint32_t interface = entry->interface;
    for (uint32_t i = 0; i < ipv4->GetNAddresses(interface); ++i)
    {
        const Ipv4InterfaceAddress existing = ipv4->GetAddress(interface, i);
        const bool prefixMatches =
            !prefixLength || existing.GetMask() == Ipv4Mask(PrefixToMask(*prefixLength));
        if (existing.GetLocal() != address || !prefixMatches)
        {
            continue;
        }
        // A primary address takes its subnet's secondaries with it (Linux's
        // default, promote_secondaries off); a secondary goes alone.
        bool primary = true;
        for (uint32_t j = 0; j < i; ++j)
        {
            const Ipv4InterfaceAddress earlier = ipv4->GetAddress(interface, j);
            primary = primary && !(earlier.GetMask() == existing.GetMask() &&
                                   earlier.GetLocal().CombineMask(earlier.GetMask()) ==
                                       address.CombineMask(existing.GetMask()));
        }
        for (uint32_t j = ipv4->GetNAddresses(interface); primary && j-- > i + 1;)
        {
            const Ipv4InterfaceAddress later = ipv4->GetAddress(interface, j);
            if (later.GetMask() == existing.GetMask() &&
                later.GetLocal().CombineMask(later.GetMask()) ==
                    address.CombineMask(existing.GetMask()))
            {
                ipv4->RemoveAddress(interface, j);
            }
        }
        ipv4->RemoveAddress(interface, i);
        NS_LOG_INFO("namespace " << GetName() << " deleted " << address << " from "
                                 << entry->name);
        return Status();
    }
    return Status::Error(EADDRNOTAVAIL,
                         "address " + AddressText(address) + " is not assigned to " +
                             entry->name + " in namespace " + GetName());
}

Result<uint32_t>
Namespace::FlushAddresses(const std::string& device)
{
    NS_LOG_FUNCTION(this << device);
    const ViewEntry* entry = nullptr;
    Status resolved = Resolve(device, entry);
    if (!resolved.IsOk())
    {
        return resolved;
    }
    Ptr<Ipv4> ipv4 = GetIpv4();
    uint32_t deleted = 0;
    for (uint32_t i = ipv4->GetNAddresses(entry->interface); i-- > 0;)
    {
        ipv4->RemoveAddress(entry->interface, i);
        ++deleted;
    }
    return deleted;
}

std::vector<AddressEntry>
Namespace::GetAddresses() const
{
    std::vector<AddressEntry> addresses;
    Ptr<Ipv4> ipv4 = GetIpv4();
    if (!ipv4)
    {
        return addresses;
    }
    for (const ViewEntry& entry : m_view)
    {
        const std::size_t first = addresses.size();
        for (uint32_t i = 0; i < ipv4->GetNAddresses(entry.interface); ++i)
        {
            const Ipv4InterfaceAddress address = ipv4->GetAddress(entry.interface, i);
            AddressEntry listed;
            listed.ifindex = entry.ifindex;
            listed.device = entry.name;
            listed.local = address.GetLocal();
            listed.prefixLength = static_cast<uint8_t>(address.GetMask().GetPrefixLength());
            listed.broadcast = address.GetBroadcast();
            auto configured = m_broadcasts.find({entry.ifindex, listed.local.Get(), listed.prefixLength});
            if (configured != m_broadcasts.end())
            {
                listed.configuredBroadcast = configured->second;
            }
            // Linux marks an address secondary when an earlier one covers its subnet.
            for (std::size_t j = first; j < addresses.size(); ++j)
            {
                const AddressEntry& earlier = addresses[j];
                if (earlier.prefixLength == listed.prefixLength &&
                    earlier.local.CombineMask(address.GetMask()) ==
                        listed.local.CombineMask(address.GetMask()))
                {
                    listed.secondary = true;
                    break;
                }
            }
            addresses.push_back(listed);
        }
    }
    return addresses;
}

bool
Namespace::HoldsAddress(Ipv4Address address) const
{
    return m_host && m_host->GetAddressRegistry().IsHeldBy(address, m_id);
}

Status
Namespace::SetLinkUp(const std::string& device, bool up)
{
    NS_LOG_FUNCTION(this << device << up);
    const ViewEntry* entry = nullptr;
    Status resolved = Resolve(device, entry);
    if (!resolved.IsOk())
    {
        return resolved;
    }
    if (entry->loopback && !IsInitial())
    {
        Ptr<Ipv4> ipv4 = GetIpv4();
        up ? ipv4->SetUp(entry->interface) : ipv4->SetDown(entry->interface);
        return Status();
    }
    return m_host->SetDeviceUp(entry->ifindex, up);
}

Status
Namespace::SetMtu(const std::string& device, uint32_t mtu)
{
    NS_LOG_FUNCTION(this << device << mtu);
    const ViewEntry* entry = nullptr;
    Status resolved = Resolve(device, entry);
    if (!resolved.IsOk())
    {
        return resolved;
    }
    // Linux refuses an MTU below 68 on a device carrying IPv4 (RFC 791's minimum).
    constexpr uint32_t minimumIpv4Mtu = 68;
    if (mtu < minimumIpv4Mtu || mtu > 65535)
    {
        return Status::Error(EINVAL,
                             "invalid MTU " + std::to_string(mtu) + " for " + entry->name +
                                 ": IPv4 needs 68 to 65535");
    }
    // A non-initial namespace's lo is its own device, and every other device is the host's.
    Ptr<NetDevice> lower = entry->device;
    if (!(entry->loopback && !IsInitial()))
    {
        const DeviceRecord* record = m_host->FindDeviceByIfindex(entry->ifindex);
        lower = record ? record->device : entry->device;
    }
    if (!lower->SetMtu(static_cast<uint16_t>(mtu)))
    {
        return Status::Error(EINVAL,
                             "device " + entry->name + " rejects MTU " + std::to_string(mtu));
    }
    return Status();
}

Status
Namespace::RenameDevice(const std::string& device, const std::string& name)
{
    NS_LOG_FUNCTION(this << device << name);
    const ViewEntry* entry = nullptr;
    Status resolved = Resolve(device, entry);
    if (!resolved.IsOk())
    {
        return resolved;
    }
    if (!entry->loopback || IsInitial())
    {
        const DeviceRecord* record = m_host->FindDeviceByIfindex(entry->ifindex);
        if (!record)
        {
            return Status::Error(ENODEV, "Cannot find device " + QuoteForMessage(device));
        }
        return m_host->SetDeviceName(record->device, name);
    }

    // The namespace's own lo: only this view changes. The new name may name
    // no device here and no host device this namespace could reveal later.
    Status valid = ValidateInterfaceName(name);
    if (!valid.IsOk())
    {
        return valid;
    }
    const DeviceRecord* hostDevice = m_host->FindDevice(name);
    if (FindInView(name) || (hostDevice && !hostDevice->loopback))
    {
        return Status::Error(EEXIST,
                             "host " + m_host->GetName() + " already has a device named " +
                                 QuoteForMessage(name));
    }
    RenameViewEntry(entry->ifindex, name);
    NS_LOG_INFO("namespace " << GetName() << " on host " << m_host->GetName()
                             << " renames its lo to " << name);
    return Status();
}

RouteTable&
Namespace::GetRouteTable()
{
    if (IsInitial() || !m_host || m_host->IsRouteIsolated())
    {
        return m_routes;
    }
    return m_host->GetInitialNamespace()->m_routes;
}

const RouteTable&
Namespace::GetRouteTable() const
{
    return const_cast<Namespace*>(this)->GetRouteTable();
}

RouteTable&
Namespace::GetOwnRouteTable()
{
    return m_routes;
}

bool
Namespace::IsRouteUsable(const Route& route) const
{
    const ViewEntry* entry = FindInViewByIfindex(route.ifindex);
    return entry && entry->device && entry->device->IsLinkUp();
}

Status
Namespace::AddRoute(Route route)
{
    NS_LOG_FUNCTION(this << route.destination << unsigned{route.prefixLength});
    if (!IsAlive())
    {
        return Status::Error(ESRCH, "namespace " + GetName() + " has been freed");
    }
    ImportHelperRoutes();
    route.owner = m_id;
    if (route.ifindex == 0 && route.HasGateway())
    {
        // "ip route add NET via GW" without dev: the kernel picks the device of the gateway's route.
        auto toGateway = GetRouteTable().Lookup(route.gateway, [this](const Route& r) {
            return !r.HasGateway() && IsRouteUsable(r);
        });
        if (!toGateway)
        {
            return Status::Error(ENETUNREACH,
                                 "gateway " + AddressText(route.gateway) +
                                     " is not on a directly connected network");
        }
        route.ifindex = toGateway->ifindex;
    }
    if (!FindInViewByIfindex(route.ifindex))
    {
        return Status::Error(ENODEV,
                             "Cannot find device with index " + std::to_string(route.ifindex));
    }
    if (route.HasGateway())
    {
        auto onLink = GetRouteTable().Lookup(route.gateway, [&route](const Route& r) {
            return !r.HasGateway() && r.ifindex == route.ifindex;
        });
        if (!onLink)
        {
            return Status::Error(ENETUNREACH,
                                 "gateway " + AddressText(route.gateway) +
                                     " is not on a directly connected network");
        }
    }
    if (route.preferredSource != Ipv4Address::GetAny() && !HoldsAddress(route.preferredSource))
    {
        return Status::Error(EINVAL,
                             "invalid prefsrc " + AddressText(route.preferredSource) +
                                 ": not an address of namespace " + GetName());
    }
    return GetRouteTable().Add(route);
}

Status
Namespace::DeleteRoute(const RouteSelector& selector)
{
    NS_LOG_FUNCTION(this << selector.destination << unsigned{selector.prefixLength});
    if (!IsAlive())
    {
        return Status::Error(ESRCH, "namespace " + GetName() + " has been freed");
    }
    ImportHelperRoutes();
    return GetRouteTable().Delete(selector);
}

void
Namespace::ImportHelperRoutes() const
{
    if (m_routing)
    {
        m_routing->ImportHelperRoutes();
    }
    if (!IsInitial() && m_host)
    {
        m_host->GetInitialNamespace()->ImportHelperRoutes();
    }
}

std::vector<Route>
Namespace::GetRoutes() const
{
    ImportHelperRoutes();
    if (!IsAlive())
    {
        return {};
    }
    return GetRouteTable().List();
}

Result<Route>
Namespace::LookupRoute(Ipv4Address destination) const
{
    if (!IsAlive())
    {
        return Status::Error(ESRCH, "namespace " + GetName() + " has been freed");
    }
    ImportHelperRoutes();
    auto found = GetRouteTable().Lookup(destination,
                                        [this](const Route& r) { return IsRouteUsable(r); });
    if (!found)
    {
        return Status::Error(ENETUNREACH, "Network is unreachable: no route to " +
                                              AddressText(destination));
    }
    Route route = *found;
    route.preferredSource = SelectSource(route);
    return route;
}

Ipv4Address
Namespace::SelectSource(const Route& route) const
{
    if (route.preferredSource != Ipv4Address::GetAny())
    {
        return route.preferredSource;
    }
    if (route.HasGateway())
    {
        auto toGateway = GetRouteTable().Lookup(route.gateway, [&route](const Route& r) {
            return !r.HasGateway() && r.ifindex == route.ifindex &&
                   r.preferredSource != Ipv4Address::GetAny();
        });
        if (toGateway)
        {
            return toGateway->preferredSource;
        }
    }
    // Fall back to this namespace's own addresses: first on the route's device, then any.
    std::optional<Ipv4Address> anyDevice;
    for (const AddressEntry& address : GetAddresses())
    {
        if (address.ifindex == route.ifindex && !address.secondary)
        {
            return address.local;
        }
        if (!anyDevice && (address.local.Get() >> 24) != 127)
        {
            anyDevice = address.local;
        }
    }
    return anyDevice.value_or(Ipv4Address::GetAny());
}

std::vector<SocketBinding>
Namespace::GetSockets() const
{
    if (!m_host)
    {
        return {};
    }
    return m_host->GetSocketTable().ListNamespace(m_id);
}

std::vector<Ptr<Process>>
Namespace::GetProcesses() const
{
    std::vector<Ptr<Process>> processes;
    if (!m_host)
    {
        return processes;
    }
    for (uint32_t pid : m_processes)
    {
        processes.push_back(m_host->GetProcess(pid));
    }
    return processes;
}

uint32_t
Namespace::GetNOpenSockets() const
{
    return m_openSockets;
}

void
Namespace::AddProcess(uint32_t pid)
{
    m_processes.insert(pid);
}

void
Namespace::RemoveProcess(uint32_t pid)
{
    m_processes.erase(pid);
    ReleaseIfUnused();
}

void
Namespace::AddSocket()
{
    ++m_openSockets;
}

void
Namespace::RemoveSocket()
{
    NS_ASSERT_MSG(m_openSockets > 0, "socket count of namespace " << m_id << " underflows");
    --m_openSockets;
    ReleaseIfUnused();
}

void
Namespace::ReleaseIfUnused()
{
    if (!IsInitial() && IsAlive() && m_processes.empty() && m_openSockets == 0)
    {
        Release();
    }
}

void
Namespace::Release()
{
    NS_LOG_FUNCTION(this);
    Ptr<Ipv4> ipv4 = GetIpv4();

    // 1. Drop the addresses while the view still maps interfaces to devices,
    //    so that the registry and the route tables forget them.
    for (const ViewEntry& entry : m_view)
    {
        for (uint32_t i = ipv4->GetNAddresses(entry.interface); i-- > 0;)
        {
            if (!entry.loopback)
            {
                ipv4->RemoveAddress(entry.interface, i);
            }
        }
    }
    m_host->GetAddressRegistry().RemoveNamespace(m_id);

    // 2. Detach the views from their devices; the devices themselves stay.
    const std::vector<ViewEntry> view = m_view;
    m_view.clear();
    for (const ViewEntry& entry : view)
    {
        if (entry.loopback)
        {
            continue;
        }
        const DeviceRecord* record = m_host->FindDeviceByIfindex(entry.ifindex);
        if (record && record->dispatcher)
        {
            record->dispatcher->DetachView(m_id);
        }
        DynamicCast<ViewDevice>(entry.device)->Detach();
        ipv4->SetDown(entry.interface);
    }

    // 3. Routes of its own table go with it; shared-table routes stay, as in the patch.
    m_routes.DeleteIf([](const Route&) { return true; });
    m_alive = false;
    NS_LOG_INFO("namespace " << GetName() << " on host " << m_host->GetName() << " freed");
}

void
Namespace::NotifyRx(Ptr<const Packet> packet, uint32_t ifindex)
{
    ++m_rxPackets;
    m_rxBytes += packet->GetSize();
    if (ifindex >= m_counters.size())
    {
        m_counters.resize(ifindex + 1);
    }
    ++m_counters[ifindex].rxPackets;
    m_counters[ifindex].rxBytes += packet->GetSize();
    m_rxTrace(packet, ifindex);
}

void
Namespace::NotifyTx(Ptr<const Packet> packet, uint32_t ifindex)
{
    CountTx(packet->GetSize(), ifindex);
    m_txTrace(packet, ifindex);
}

void
Namespace::CountTx(uint32_t bytes, uint32_t ifindex)
{
    ++m_txPackets;
    m_txBytes += bytes;
    if (ifindex >= m_counters.size())
    {
        m_counters.resize(ifindex + 1);
    }
    ++m_counters[ifindex].txPackets;
    m_counters[ifindex].txBytes += bytes;
}

DeviceCounters
Namespace::GetDeviceCounters(uint32_t ifindex) const
{
    return ifindex < m_counters.size() ? m_counters[ifindex] : DeviceCounters();
}

bool
Namespace::HasTxListeners() const
{
    return !m_txTrace.IsEmpty();
}

uint64_t
Namespace::GetRxPackets() const
{
    return m_rxPackets;
}

uint64_t
Namespace::GetRxBytes() const
{
    return m_rxBytes;
}

uint64_t
Namespace::GetTxPackets() const
{
    return m_txPackets;
}

uint64_t
Namespace::GetTxBytes() const
{
    return m_txBytes;
}

} // namespace netns
} // namespace ns3
