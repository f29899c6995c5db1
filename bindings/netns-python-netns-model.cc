/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * ns3netns.netns, model part: Status, credentials, routes and route tables,
 * socket bindings and tables, Host, Namespace and ViewDevice.
 *
 * Tests: test/python/test_bindings_netns_model.py
 */
#include "netns-python-attributes.h"
#include "netns-python-support.h"

#include "ns3/ipv4.h"
#include "ns3/net-namespace.h"
#include "ns3/netns-credentials.h"
#include "ns3/netns-dispatcher.h"
#include "ns3/netns-host.h"
#include "ns3/netns-names.h"
#include "ns3/netns-process.h"
#include "ns3/netns-route-table.h"
#include "ns3/netns-socket-table.h"
#include "ns3/netns-status.h"
#include "ns3/netns-view-device.h"

#include <sstream>

namespace ns3
{
namespace python
{

namespace
{

/** @return the text ns-3 prints for a value */
template <typename T>
std::string
ToText(const T& value)
{
    std::ostringstream os;
    os << value;
    return os.str();
}

/** @return "10.0.0.0/24 via 10.0.0.1 ifindex 2 metric 0", for repr() */
std::string
RouteText(const netns::Route& route)
{
    std::string text = ToText(route.destination) + "/" + std::to_string(route.prefixLength);
    if (route.HasGateway())
    {
        text += " via " + ToText(route.gateway);
    }
    text += " ifindex " + std::to_string(route.ifindex) + " metric " + std::to_string(route.metric);
    if (!route.preferredSource.IsAny())
    {
        text += " src " + ToText(route.preferredSource);
    }
    return text;
}

/** Bind Status, errno helpers and name checks. */
void
RegisterStatus(py::module_& m)
{
    py::class_<netns::Status>(m,
                              "Status",
                              "The outcome of an operation: OK, or a Linux errno and a message. "
                              "Bound calls raise OSError instead of returning a failed Status; "
                              "Process.GetApplicationStatus() returns one.")
        .def(py::init<>(), "Create an OK status.")
        .def_static("Error",
                    &netns::Status::Error,
                    py::arg("errnum"),
                    py::arg("message"),
                    "Create a failed status.")
        .def("IsOk", &netns::Status::IsOk, "Return True on success.")
        .def("GetErrno", &netns::Status::GetErrno, "Return the errno, 0 on success.")
        .def("GetMessage", &netns::Status::GetMessage, "Return the message, empty on success.")
        .def("ToString", &netns::Status::ToString, "Return \"EADDRINUSE: message\", or \"OK\".")
        .def("__str__", &netns::Status::ToString, "Return ToString().")
        .def(
            "__repr__",
            [](const netns::Status& s) { return "<Status " + s.ToString() + ">"; },
            "Return <Status ...>.");

    m.def("ErrnoName",
          &netns::ErrnoName,
          py::arg("errnum"),
          "Return the symbolic name of an errno, such as EADDRINUSE.");
    m.def("ErrnoText",
          &netns::ErrnoText,
          py::arg("errnum"),
          "Return the C library's text for an errno, such as Address already in use.");
    m.def(
        "ValidateInterfaceName",
        [](const std::string& name) { Check(netns::ValidateInterfaceName(name)); },
        py::arg("name"),
        "Check an interface name as the kernel does (1 to 15 bytes, not . or .., no '/', ':' "
        "or white space); raises OSError(EINVAL) otherwise.");
    m.def(
        "ValidateNamespaceName",
        [](const std::string& name) { Check(netns::ValidateNamespaceName(name)); },
        py::arg("name"),
        "Check a namespace label as ip netns add does; raises OSError(EINVAL) otherwise.");
    m.def("QuoteForMessage",
          &netns::QuoteForMessage,
          py::arg("value"),
          "Quote a value for a message, escaping bytes outside printable ASCII as \\xNN.");

    m.attr("CLONE_NEWNET") = netns::CLONE_NEWNET_MAINLINE;
    m.attr("CLONE_NEWNET_MAINLINE") = netns::CLONE_NEWNET_MAINLINE;
    m.attr("CLONE_NEWNET_PATCH_2006") = netns::CLONE_NEWNET_PATCH_2006;
    m.attr("AF_INET") = netns::NETNS_AF_INET;
    m.attr("SOCK_STREAM") = netns::NETNS_SOCK_STREAM;
    m.attr("SOCK_DGRAM") = netns::NETNS_SOCK_DGRAM;
    m.attr("DEBUGFS_DEV_PATH") = std::string(netns::DEBUGFS_DEV_PATH);
    m.attr("IFNAMSIZ") = netns::IFNAMSIZ;
}

/** Bind capabilities and credentials. */
void
RegisterCredentials(py::module_& m)
{
    py::enum_<netns::Capability>(m, "Capability", "Linux capabilities the module checks.")
        .value("NetBindService",
               netns::Capability::NetBindService,
               "CAP_NET_BIND_SERVICE: bind ports below 1024")
        .value("NetAdmin", netns::Capability::NetAdmin, "CAP_NET_ADMIN: addresses, links, routes")
        .value("NetRaw", netns::Capability::NetRaw, "CAP_NET_RAW: raw and packet sockets")
        .value("SysAdmin", netns::Capability::SysAdmin, "CAP_SYS_ADMIN: unshare(CLONE_NEWNET)");
    m.def("CapabilityName",
          &netns::CapabilityName,
          py::arg("capability"),
          "Return the kernel name, such as CAP_NET_ADMIN.");

    py::class_<netns::Credentials>(m, "Credentials", "User id and capabilities of a process.")
        .def(py::init<>(), "Create uid 0 with no capability.")
        .def_static("ForUser",
                    &netns::Credentials::ForUser,
                    py::arg("uid"),
                    "Return root's full set for uid 0, an empty set otherwise.")
        .def_readwrite("pid", &netns::Credentials::pid, "Process id, 0 outside any process.")
        .def_readwrite("uid", &netns::Credentials::uid, "User id.")
        .def_readwrite("capabilities",
                       &netns::Credentials::capabilities,
                       "Capability bits, one per Capability value.")
        .def("Has",
             &netns::Credentials::Has,
             py::arg("capability"),
             "Return True when the set contains the capability.")
        .def("Set",
             &netns::Credentials::Set,
             py::arg("capability"),
             py::arg("present"),
             "Add or remove a capability.");
}

/** Bind routes and the route table. */
void
RegisterRoutes(py::module_& m)
{
    py::enum_<netns::RouteProtocol>(m, "RouteProtocol", "Origin of a route (RTPROT_*).")
        .value("Kernel", netns::RouteProtocol::Kernel, "connected route of an address")
        .value("Boot", netns::RouteProtocol::Boot, "ip route add without proto")
        .value("Static", netns::RouteProtocol::Static, "proto static, or an ns-3 helper");
    py::enum_<netns::RouteScope>(m, "RouteScope", "Scope of a route (RT_SCOPE_*).")
        .value("Universe", netns::RouteScope::Universe, "through a gateway")
        .value("Link", netns::RouteScope::Link, "on the attached link")
        .value("Host", netns::RouteScope::Host, "on this host");

    py::class_<netns::Route>(m, "Route", "An IPv4 route, with the fields ip route show prints.")
        .def(py::init([](Ipv4Address destination,
                         uint8_t prefixLength,
                         Ipv4Address gateway,
                         uint32_t ifindex,
                         Ipv4Address preferredSource,
                         uint32_t metric,
                         netns::RouteProtocol protocol,
                         netns::RouteScope scope) {
                 netns::Route route;
                 route.destination = destination;
                 route.prefixLength = prefixLength;
                 route.gateway = gateway;
                 route.ifindex = ifindex;
                 route.preferredSource = preferredSource;
                 route.metric = metric;
                 route.protocol = protocol;
                 route.scope = scope;
                 return route;
             }),
             py::arg("destination") = Ipv4Address::GetAny(),
             py::arg("prefixLength") = 0,
             py::arg("gateway") = Ipv4Address::GetAny(),
             py::arg("ifindex") = 0,
             py::arg("preferredSource") = Ipv4Address::GetAny(),
             py::arg("metric") = 0,
             py::arg("protocol") = netns::RouteProtocol::Boot,
             py::arg("scope") = netns::RouteScope::Universe,
             "Create a route; addresses may be given as dotted quads. ifindex 0 lets the "
             "namespace pick the device of the gateway.")
        .def_readwrite("destination", &netns::Route::destination, "Network address.")
        .def_readwrite("prefixLength", &netns::Route::prefixLength, "Prefix length, 0 to 32.")
        .def_readwrite("gateway", &netns::Route::gateway, "Next hop, 0.0.0.0 when on-link.")
        .def_readwrite("ifindex", &netns::Route::ifindex, "Output device, host-wide index.")
        .def_readwrite("preferredSource",
                       &netns::Route::preferredSource,
                       "Preferred source (src), 0.0.0.0 when unset.")
        .def_readwrite("metric", &netns::Route::metric, "Metric; lower wins.")
        .def_readwrite("protocol", &netns::Route::protocol, "Who added the route.")
        .def_readwrite("scope", &netns::Route::scope, "How far the destination is.")
        .def_readwrite("owner", &netns::Route::owner, "Id of the namespace that added it.")
        .def("HasGateway", &netns::Route::HasGateway, "Return True for a route via a gateway.")
        .def("Covers",
             &netns::Route::Covers,
             py::arg("address"),
             "Return True when address lies in the destination prefix.")
        .def("__repr__", &RouteText, "Return the route in ip route's words.");

    py::class_<netns::RouteSelector>(m,
                                     "RouteSelector",
                                     "Fields that select routes to delete, as ip route del "
                                     "takes them; None matches any value.")
        .def(py::init([](Ipv4Address destination,
                         uint8_t prefixLength,
                         std::optional<Ipv4Address> gateway,
                         std::optional<uint32_t> ifindex,
                         std::optional<uint32_t> metric,
                         std::optional<Ipv4Address> preferredSource,
                         std::optional<netns::RouteProtocol> protocol) {
                 netns::RouteSelector selector;
                 selector.destination = destination;
                 selector.prefixLength = prefixLength;
                 selector.gateway = gateway;
                 selector.ifindex = ifindex;
                 selector.metric = metric;
                 selector.preferredSource = preferredSource;
                 selector.protocol = protocol;
                 return selector;
             }),
             py::arg("destination") = Ipv4Address::GetAny(),
             py::arg("prefixLength") = 0,
             py::arg("gateway") = py::none(),
             py::arg("ifindex") = py::none(),
             py::arg("metric") = py::none(),
             py::arg("preferredSource") = py::none(),
             py::arg("protocol") = py::none(),
             "Create a selector for destination/prefixLength.")
        .def_readwrite("destination", &netns::RouteSelector::destination, "Network address.")
        .def_readwrite("prefixLength", &netns::RouteSelector::prefixLength, "Prefix length.")
        .def_readwrite("gateway", &netns::RouteSelector::gateway, "via, or None.")
        .def_readwrite("ifindex", &netns::RouteSelector::ifindex, "dev, or None.")
        .def_readwrite("metric", &netns::RouteSelector::metric, "metric, or None.")
        .def_readwrite("preferredSource", &netns::RouteSelector::preferredSource, "src, or None.")
        .def_readwrite("protocol", &netns::RouteSelector::protocol, "proto, or None.");

    py::class_<netns::RouteTable>(m,
                                  "RouteTable",
                                  "An IPv4 main table with Linux's longest-prefix match. "
                                  "Namespace.GetRouteTable() returns a copy of a namespace's.")
        .def(py::init<>(), "Create an empty table.")
        .def(
            "Add",
            [](netns::RouteTable& table, const netns::Route& route) { Check(table.Add(route)); },
            py::arg("route"),
            "Add as ip route add does: the same prefix and metric twice raises "
            "OSError(EEXIST); a malformed route raises OSError(EINVAL).")
        .def(
            "Append",
            [](netns::RouteTable& table, const netns::Route& route) { Check(table.Append(route)); },
            py::arg("route"),
            "Add as the kernel adds a connected route: only an identical route raises "
            "OSError(EEXIST).")
        .def(
            "Delete",
            [](netns::RouteTable& table, const netns::RouteSelector& selector) {
                Check(table.Delete(selector));
            },
            py::arg("selector"),
            "Delete the first matching route; raises OSError(ESRCH) when none matches.")
        .def("DeleteIf",
             &netns::RouteTable::DeleteIf,
             py::arg("predicate"),
             "Delete every route for which predicate(route) is true; returns the count.")
        .def(
            "Lookup",
            [](const netns::RouteTable& table,
               Ipv4Address destination,
               std::optional<netns::RouteTable::UsableFilter> usable) {
                return table.Lookup(
                    destination,
                    usable ? *usable : [](const netns::Route&) { return true; });
            },
            py::arg("destination"),
            py::arg("usable") = py::none(),
            "Return the route Linux would use, or None. usable(route) may exclude routes.")
        .def("List", &netns::RouteTable::List, "Return the routes in ip route show order.")
        .def("GetSize", &netns::RouteTable::GetSize, "Return the number of routes.")
        .def("__len__", &netns::RouteTable::GetSize, "Return the number of routes.");
    m.def("PrefixToMask",
          &netns::PrefixToMask,
          py::arg("prefixLength"),
          "Return the netmask of a prefix length as an integer.");
}

/** Bind socket bindings and the socket table. */
void
RegisterSockets(py::module_& m)
{
    py::enum_<netns::Transport>(m, "Transport", "Transport protocol of a socket.")
        .value("Udp", netns::Transport::Udp, "IPPROTO_UDP")
        .value("Tcp", netns::Transport::Tcp, "IPPROTO_TCP");

    py::class_<netns::SocketBinding>(m,
                                     "SocketBinding",
                                     "The local and remote ends of a socket, as the kernel's "
                                     "hash tables know it.")
        .def(py::init<>(), "Create an unbound UDP binding.")
        .def_readwrite("socketId", &netns::SocketBinding::socketId, "Socket id on its host.")
        .def_readwrite("namespaceId", &netns::SocketBinding::namespaceId, "Owning namespace.")
        .def_readwrite("transport", &netns::SocketBinding::transport, "UDP or TCP.")
        .def_readwrite("local", &netns::SocketBinding::local, "Bound address.")
        .def_readwrite("port", &netns::SocketBinding::port, "Bound port.")
        .def_readwrite("peer", &netns::SocketBinding::peer, "Connected peer, or 0.0.0.0.")
        .def_readwrite("peerPort", &netns::SocketBinding::peerPort, "Peer port.")
        .def_readwrite("reuseAddress", &netns::SocketBinding::reuseAddress, "SO_REUSEADDR.")
        .def_readwrite("listening", &netns::SocketBinding::listening, "TCP in LISTEN state.")
        .def_readwrite("sequence", &netns::SocketBinding::sequence, "Bind order.")
        .def("IsConnected", &netns::SocketBinding::IsConnected, "Return True with a peer.")
        .def(
            "__repr__",
            [](const netns::SocketBinding& b) {
                return std::string("<SocketBinding ") +
                       (b.transport == netns::Transport::Tcp ? "tcp " : "udp ") + ToText(b.local) +
                       ":" + std::to_string(b.port) + " ns " + std::to_string(b.namespaceId) + ">";
            },
            "Return <SocketBinding proto address:port ns id>.");

    py::class_<netns::SocketTable>(
        m,
        "SocketTable",
        "Bound sockets of every namespace of a host: Linux's bind conflict rules within a "
        "namespace, and the 2006 patch's namespace-blind receive match across them.")
        .def(py::init<>(), "Create an empty table.")
        .def(
            "CheckBind",
            [](const netns::SocketTable& table, const netns::SocketBinding& candidate) {
                Check(table.CheckBind(candidate));
            },
            py::arg("candidate"),
            "Raise OSError(EADDRINUSE) when the binding conflicts with its namespace's.")
        .def(
            "CheckListen",
            [](const netns::SocketTable& table, uint64_t socketId) {
                Check(table.CheckListen(socketId));
            },
            py::arg("socketId"),
            "Raise OSError when the bound socket may not listen.")
        .def("Insert",
             &netns::SocketTable::Insert,
             py::arg("binding"),
             "Record or replace a binding; its sequence is assigned here.")
        .def("Remove",
             &netns::SocketTable::Remove,
             py::arg("socketId"),
             "Forget a socket; returns False when it was not recorded.")
        .def("Find",
             &netns::SocketTable::Find,
             py::arg("socketId"),
             "Return the binding of a socket, or None.")
        .def(
            "MatchIncoming",
            [](const netns::SocketTable& table,
               netns::Transport transport,
               Ipv4Address destination,
               uint16_t port,
               Ipv4Address source,
               uint16_t sourcePort,
               std::optional<netns::SocketTable::NamespaceFilter> eligible) {
                return table.MatchIncoming(
                    transport,
                    destination,
                    port,
                    source,
                    sourcePort,
                    eligible ? *eligible : [](uint32_t) { return true; });
            },
            py::arg("transport"),
            py::arg("destination"),
            py::arg("port"),
            py::arg("source"),
            py::arg("sourcePort"),
            py::arg("eligible") = py::none(),
            "Return the socket the 2006 patch's receive path picks for a packet, or None; "
            "eligible(namespace_id) may exclude namespaces.")
        .def("ListNamespace",
             &netns::SocketTable::ListNamespace,
             py::arg("namespaceId"),
             "Return a namespace's bindings in bind order.")
        .def("GetSize", &netns::SocketTable::GetSize, "Return the number of bindings.");
}

/** Bind the records namespaces and hosts list. */
void
RegisterRecords(py::module_& m)
{
    py::class_<netns::ViewEntry>(m, "ViewEntry", "A device in a namespace's view.")
        .def_readonly("ifindex", &netns::ViewEntry::ifindex, "Host-wide interface index.")
        .def_readonly("name", &netns::ViewEntry::name, "Interface name.")
        .def_readonly("device", &netns::ViewEntry::device, "The device in this namespace.")
        .def_readonly("interface",
                      &netns::ViewEntry::interface,
                      "Interface index in the namespace's Ipv4.")
        .def_readonly("loopback", &netns::ViewEntry::loopback, "True for lo.")
        .def(
            "__repr__",
            [](const netns::ViewEntry& e) {
                return "<ViewEntry " + std::to_string(e.ifindex) + ": " + e.name + ">";
            },
            "Return <ViewEntry ifindex: name>.");

    py::class_<netns::AddressEntry>(m, "AddressEntry", "An IPv4 address as a namespace lists it.")
        .def_readonly("ifindex", &netns::AddressEntry::ifindex, "Interface index.")
        .def_readonly("device", &netns::AddressEntry::device, "Interface name.")
        .def_readonly("local", &netns::AddressEntry::local, "The address.")
        .def_readonly("prefixLength", &netns::AddressEntry::prefixLength, "Prefix length.")
        .def_readonly("broadcast", &netns::AddressEntry::broadcast, "Broadcast address.")
        .def_readonly("configuredBroadcast",
                      &netns::AddressEntry::configuredBroadcast,
                      "Broadcast address given when the address was set (brd), or None.")
        .def_readonly("secondary",
                      &netns::AddressEntry::secondary,
                      "True when an earlier address covers the subnet.")
        .def(
            "__repr__",
            [](const netns::AddressEntry& e) {
                return "<AddressEntry " + ToText(e.local) + "/" + std::to_string(e.prefixLength) +
                       " dev " + e.device + ">";
            },
            "Return <AddressEntry address/prefix dev name>.");

    py::class_<netns::DeviceCounters>(m, "DeviceCounters", "Traffic through one device.")
        .def_readonly("rxPackets", &netns::DeviceCounters::rxPackets, "Packets received.")
        .def_readonly("rxBytes", &netns::DeviceCounters::rxBytes, "Bytes received.")
        .def_readonly("txPackets", &netns::DeviceCounters::txPackets, "Packets sent.")
        .def_readonly("txBytes", &netns::DeviceCounters::txBytes, "Bytes sent.");

    py::class_<netns::DeviceRecord>(m, "DeviceRecord", "A host device as every namespace names it.")
        .def_readonly("ifindex", &netns::DeviceRecord::ifindex, "Host-wide index; lo is 1.")
        .def_readonly("name", &netns::DeviceRecord::name, "Interface name.")
        .def_readonly("device", &netns::DeviceRecord::device, "The ns-3 device of the host.")
        .def_readonly("loopback", &netns::DeviceRecord::loopback, "True for lo.")
        .def(
            "__repr__",
            [](const netns::DeviceRecord& r) {
                return "<DeviceRecord " + std::to_string(r.ifindex) + ": " + r.name + ">";
            },
            "Return <DeviceRecord ifindex: name>.");

    py::class_<netns::ViewDevice, NetDevice, Ptr<netns::ViewDevice>>(
        m,
        "ViewDevice",
        "A host device as a namespace other than the initial one sees it: same name, MAC, MTU "
        "and link state. Traces: Sniffer (frames with Ethernet header), MacTx, MacRx.")
        .def("GetLowerDevice",
             Checked<&netns::ViewDevice::GetLowerDevice>(),
             "Return the host device this view shows.")
        .def("GetNamespaceId",
             Checked<&netns::ViewDevice::GetNamespaceId>(),
             "Return the id of the namespace that sees it.");
}

/** Bind Host. */
void
RegisterHost(py::module_& m)
{
    using netns::Host;
    py::class_<Host, Object, Ptr<Host>>(
        m,
        "Host",
        "Network namespace support of one node, from NetnsHelper.Install(): its devices with "
        "Linux names, processes, namespaces and, unless route isolation is on, the one route "
        "table of the 2006 patch. Attribute: RouteIsolation.")
        .def("GetNode", Checked<&Host::GetNode>(), "Return the host node.")
        .def("GetName", Checked<&Host::GetName>(), "Return the node's name, or node<id>.")
        .def("IsRouteIsolated",
             Checked<&Host::IsRouteIsolated>(),
             "Return True when each namespace has its own route table.")
        .def("SetRouteIsolation",
             Checked<&Host::SetRouteIsolation>(),
             py::arg("isolated"),
             "Switch route isolation; raises OSError(EBUSY) once other namespaces exist.")
        .def("SyncDevices",
             Checked<&Host::SyncDevices>(),
             "Register devices added to the node since the last call.")
        .def("SetDeviceName",
             Checked<&Host::SetDeviceName>(),
             NotNone("device"),
             py::arg("name"),
             "Rename a host device; raises OSError (EINVAL, EEXIST, ENODEV or EBUSY).")
        .def("FindDevice",
             Checked<&Host::FindDevice>(),
             py::arg("name"),
             "Return the DeviceRecord of a name, or None.")
        .def("FindDeviceByIfindex",
             Checked<&Host::FindDeviceByIfindex>(),
             py::arg("ifindex"),
             "Return the DeviceRecord of an interface index, or None.")
        .def("GetDevices", Checked<&Host::GetDevices>(), "Return every host device by index.")
        .def("SetDeviceUp",
             Checked<&Host::SetDeviceUp>(),
             py::arg("ifindex"),
             py::arg("up"),
             "Set a device UP or DOWN for every namespace; raises OSError(ENODEV).")
        .def("IsDeviceUp",
             Checked<&Host::IsDeviceUp>(),
             py::arg("ifindex"),
             "Return True when the device is administratively UP.")
        .def("GetInitialNamespace",
             Checked<&Host::GetInitialNamespace>(),
             "Return the initial namespace (the host's own stack).")
        .def("GetNamespace",
             Checked<&Host::GetNamespace>(),
             py::arg("id"),
             "Return a namespace by id, alive or freed, or None.")
        .def("GetNamespaces",
             Checked<&Host::GetNamespaces>(),
             "Return the namespaces that are alive, initial first.")
        .def("CreateProcess",
             Checked<&Host::CreateProcess>(),
             py::arg("uid") = 0,
             "Create a process in the initial namespace; uid 0 gets every capability.")
        .def("GetProcess",
             Checked<&Host::GetProcess>(),
             py::arg("pid"),
             "Return a process by pid, running or exited, or None.")
        .def("GetProcesses",
             Checked<&Host::GetProcesses>(),
             "Return the processes that have not exited, by pid.")
        .def("WriteDebugfsDev",
             Checked<&Host::WriteDebugfsDev>(),
             NotNone("writer"),
             py::arg("data"),
             "Reveal the device named by data to a namespace, as a write to "
             "/sys/kernel/debug/net_ns/dev; returns the bytes written. Raises "
             "OSError(ENODEV) or OSError(EINVAL).")
        .def("ReadDebugfsDev",
             Checked<&Host::ReadDebugfsDev>(),
             NotNone("reader"),
             "Return a namespace's view, one name per line.");
}

/** Bind Namespace. */
void
RegisterNamespace(py::module_& m)
{
    using netns::Namespace;
    py::class_<Namespace, Object, Ptr<Namespace>>(
        m,
        "Namespace",
        "A network namespace of a host. Lists every resource (view, addresses, routes, "
        "sockets, processes) and counts traffic. Administrative calls here check no "
        "capability; Process applies them. Traces: Rx and Tx, called as sink(packet, "
        "ifindex).")
        .def("GetId", Checked<&Namespace::GetId>(), "Return the id; 0 is the initial namespace.")
        .def("GetHost", Checked<&Namespace::GetHost>(), "Return the host.")
        .def("GetNode",
             Checked<&Namespace::GetNode>(),
             "Return the node carrying the stack (the host node for the initial namespace).")
        .def("GetIpv4", Checked<&Namespace::GetIpv4>(), "Return the namespace's Ipv4.")
        .def("IsInitial", Checked<&Namespace::IsInitial>(), "Return True for the initial one.")
        .def("IsAlive", Checked<&Namespace::IsAlive>(), "Return False once freed.")
        .def("GetName", Checked<&Namespace::GetName>(), "Return the label: init, ns<id> or set.")
        .def("SetName",
             Checked<&Namespace::SetName>(),
             py::arg("name"),
             "Set the label; raises OSError(EINVAL) for a name ip netns add rejects.")
        .def("GetView", Checked<&Namespace::GetView>(), "Return the view in reveal order.")
        .def("FindInView",
             Checked<&Namespace::FindInView>(),
             py::arg("name"),
             "Return the ViewEntry of a name, or None.")
        .def("FindInViewByIfindex",
             Checked<&Namespace::FindInViewByIfindex>(),
             py::arg("ifindex"),
             "Return the ViewEntry of an interface index, or None.")
        .def("AddAddress",
             Checked<&Namespace::AddAddress>(),
             py::arg("device"),
             py::arg("address"),
             py::arg("prefixLength"),
             py::arg("broadcast") = py::none(),
             "Add an address to a device of the view, with an optional broadcast address; "
             "raises OSError (ENODEV, EEXIST, EINVAL, ESRCH).")
        .def("DeleteAddress",
             Checked<&Namespace::DeleteAddress>(),
             py::arg("device"),
             py::arg("address"),
             py::arg("prefixLength") = py::none(),
             "Delete an address; raises OSError(ENODEV) or OSError(EADDRNOTAVAIL).")
        .def("FlushAddresses",
             Checked<&Namespace::FlushAddresses>(),
             py::arg("device"),
             "Delete every address of a device; returns the count.")
        .def("GetAddresses",
             Checked<&Namespace::GetAddresses>(),
             "Return the addresses of the view, by device in view order.")
        .def("HoldsAddress",
             Checked<&Namespace::HoldsAddress>(),
             py::arg("address"),
             "Return True when the namespace holds the address.")
        .def("SetLinkUp",
             Checked<&Namespace::SetLinkUp>(),
             py::arg("device"),
             py::arg("up"),
             "Bring a device of the view up or down (for every namespace sharing it).")
        .def("SetMtu",
             Checked<&Namespace::SetMtu>(),
             py::arg("device"),
             py::arg("mtu"),
             "Set a device's MTU for every namespace sharing it.")
        .def(
            "GetRouteTable",
            [](const Namespace& ns) {
                EnsureLive(&ns);
                return netns::RouteTable(ns.GetRouteTable());
            },
            "Return a copy of the table the namespace routes with (the host's shared one "
            "unless route isolation is on).")
        .def("AddRoute",
             Checked<&Namespace::AddRoute>(),
             py::arg("route"),
             "Add a route; raises OSError (ENODEV, ENETUNREACH, EEXIST, EINVAL).")
        .def("DeleteRoute",
             Checked<&Namespace::DeleteRoute>(),
             py::arg("selector"),
             "Delete a route; raises OSError(ESRCH) when none matches.")
        .def("GetRoutes", Checked<&Namespace::GetRoutes>(), "Return what ip route show lists.")
        .def("LookupRoute",
             Checked<&Namespace::LookupRoute>(),
             py::arg("destination"),
             "Return the route and source for a destination; raises OSError(ENETUNREACH).")
        .def("IsRouteUsable",
             Checked<&Namespace::IsRouteUsable>(),
             py::arg("route"),
             "Return True when the route's device is in the view and up.")
        .def("SelectSource",
             Checked<&Namespace::SelectSource>(),
             py::arg("route"),
             "Return the source address the kernel would pick for a route, or 0.0.0.0.")
        .def("GetSockets", Checked<&Namespace::GetSockets>(), "Return the bound sockets.")
        .def("GetProcesses",
             Checked<&Namespace::GetProcesses>(),
             "Return the processes in the namespace, by pid.")
        .def("GetNOpenSockets",
             Checked<&Namespace::GetNOpenSockets>(),
             "Return the number of open sockets.")
        .def("GetDeviceCounters",
             Checked<&Namespace::GetDeviceCounters>(),
             py::arg("ifindex"),
             "Return the namespace's traffic through one device.")
        .def("GetRxPackets", Checked<&Namespace::GetRxPackets>(), "Return packets received.")
        .def("GetRxBytes", Checked<&Namespace::GetRxBytes>(), "Return bytes received.")
        .def("GetTxPackets", Checked<&Namespace::GetTxPackets>(), "Return packets sent.")
        .def("GetTxBytes", Checked<&Namespace::GetTxBytes>(), "Return bytes sent.");
}

} // namespace

void
RegisterNetnsModel(py::module_& m)
{
    RegisterStatus(m);
    RegisterCredentials(m);
    RegisterRoutes(m);
    RegisterSockets(m);
    RegisterRecords(m);
    RegisterHost(m);
    RegisterNamespace(m);
}

} // namespace python
} // namespace ns3
