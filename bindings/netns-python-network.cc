/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * ns3netns.network: addresses, DataRate, Packet and Header, Node,
 * NodeContainer, NetDevice, NetDeviceContainer and Socket.
 *
 * Tests: test/python/test_bindings_network.py
 */
#include "netns-python-attributes.h"
#include "netns-python-support.h"

#include "ns3/application.h"
#include "ns3/buffer.h"
#include "ns3/data-rate.h"
#include "ns3/header.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-address.h"
#include "ns3/names.h"
#include "ns3/net-device-container.h"
#include "ns3/net-device.h"
#include "ns3/netns-socket-account.h"
#include "ns3/node-container.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/socket-factory.h"
#include "ns3/socket.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <limits>
#include <sstream>

namespace ns3
{
namespace python
{

namespace
{

/// Slots of a socket's callbacks in the callable registry.
enum SocketSlot
{
    RECV_SLOT,
    CONNECT_SUCCEEDED_SLOT,
    CONNECT_FAILED_SLOT,
    ACCEPT_REQUEST_SLOT,
    ACCEPT_CREATED_SLOT,
    NORMAL_CLOSE_SLOT,
    ERROR_CLOSE_SLOT,
    SEND_SLOT,
    DATA_SENT_SLOT,
};

/// Bytes of zeros appended before a header is parsed, more than any bound header can read.
constexpr uint32_t HEADER_PADDING = 128;

/** @return the text ns-3 prints for a value */
template <typename T>
std::string
ToText(const T& value)
{
    std::ostringstream os;
    os << value;
    return os.str();
}

/** @return "A.B.C.D:PORT" */
std::string
InetText(const InetSocketAddress& address)
{
    return ToText(address.GetIpv4()) + ":" + std::to_string(address.GetPort());
}

/** Raise IndexError unless index < size. */
void
CheckIndex(int64_t index, std::size_t size, const std::string& what)
{
    if (index < 0 || static_cast<std::size_t>(index) >= size)
    {
        throw py::index_error(what + " index " + std::to_string(index) + " is out of range (" +
                              std::to_string(size) + " present)");
    }
}

/** @return a Python-style index (negative counts from the end) as a position, or IndexError */
uint32_t
PythonIndex(int64_t index, std::size_t size, const std::string& what)
{
    const int64_t position = index < 0 ? index + static_cast<int64_t>(size) : index;
    CheckIndex(position, size, what);
    return static_cast<uint32_t>(position);
}

/**
 * Parse a header from a copy of the packet padded with zeros, so a header
 * longer than the packet cannot read past its buffer (ns-3's buffer checks
 * are compiled out of Debian's release build).
 * @return the header's length when the packet contains all of it, else 0
 */
uint32_t
PeekHeaderSafely(const Packet& packet, Header& header)
{
    const uint32_t size = packet.GetSize();
    std::vector<uint8_t> bytes(size + HEADER_PADDING, 0);
    packet.CopyData(bytes.data(), size);
    Buffer buffer;
    buffer.AddAtStart(static_cast<uint32_t>(bytes.size()));
    buffer.Begin().Write(bytes.data(), static_cast<uint32_t>(bytes.size()));
    const uint32_t length = header.Deserialize(buffer.Begin());
    return length <= size ? length : 0;
}

/** Wrap an optional Python callable as an ns-3 callback of a socket slot. */
template <typename... Args>
Callback<void, Args...>
SocketCallback(Socket* socket, SocketSlot slot, py::object callable)
{
    const bool none = callable.is_none();
    const uint64_t token = CallableRegistry::Replace(socket, slot, std::move(callable));
    if (none)
    {
        return MakeNullCallback<void, Args...>();
    }
    return Callback<void, Args...>([token](Args... args) {
        InvokeCallable(token, "a socket callback", std::forward<Args>(args)...);
    });
}

/**
 * Find the last failure of a socket. A socket of the module keeps it with the
 * Linux errno, which ns-3's SocketErrno cannot always carry (EACCES).
 * @param socket the socket
 * @param what the operation, for the message of a plain ns-3 socket
 * @return the failure
 */
netns::Status
LastSocketFailure(const Socket& socket, const std::string& what)
{
    const netns::SocketAccount* account =
        netns::FindSocketAccount(Ptr<Socket>(const_cast<Socket*>(&socket)));
    if (account && !account->GetLastStatus().IsOk())
    {
        return account->GetLastStatus();
    }
    const int errnum = netns::ErrnoFromSocketError(socket.GetErrno());
    return netns::Status::Error(errnum, what + " failed: " + netns::ErrnoText(errnum));
}

/** Raise OSError with the Linux errno of the socket's last failure. */
[[noreturn]] void
RaiseSocketError(const Socket& socket, const std::string& what)
{
    RaiseOsError(LastSocketFailure(socket, what));
}

/** Bind Address, Ipv4Address, Ipv4Mask, InetSocketAddress and DataRate. */
void
RegisterAddresses(py::module_& m)
{
    py::class_<Address> address(
        m,
        "Address",
        "A polymorphic ns-3 address. Functions that take one also accept an "
        "Ipv4Address, an InetSocketAddress or \"A.B.C.D[:PORT]\".");
    address.def(py::init<>(), "Create an invalid (empty) address.")
        .def(py::init([](const Ipv4Address& a) { return Address(a); }),
             py::arg("address"),
             "Wrap an IPv4 address.")
        .def(py::init([](const InetSocketAddress& a) { return Address(a); }),
             py::arg("address"),
             "Wrap an IPv4 address and port.")
        .def(py::init([](const std::string& text) { return AddressFromPython(py::str(text)); }),
             py::arg("text"),
             "Parse \"A.B.C.D\" or \"A.B.C.D:PORT\".")
        .def("IsInvalid", &Address::IsInvalid, "Return True for an empty address.")
        .def("__str__", &ToText<Address>, "Return ns-3's text form (type-length-bytes).")
        .def(
            "__repr__",
            [](const Address& a) { return "Address(\"" + ToText(a) + "\")"; },
            "Return Address(\"...\").");
    DefineEquality<Address>(address);

    py::class_<Ipv4Address> ipv4Address(m, "Ipv4Address", "An IPv4 address.");
    ipv4Address.def(py::init<>(), "Create 102.102.102.102, ns-3's uninitialized address.")
        .def(py::init([](const std::string& text) { return ParseIpv4Address(text); }),
             py::arg("address"),
             "Parse a dotted quad; raises ValueError for anything else.")
        .def(py::init<uint32_t>(), py::arg("address"), "Build from a host-order integer.")
        .def("Get", &Ipv4Address::Get, "Return the address as a host-order integer.")
        .def("IsAny", &Ipv4Address::IsAny, "Return True for 0.0.0.0.")
        .def("IsLocalhost", &Ipv4Address::IsLocalhost, "Return True for 127.0.0.1.")
        .def("IsBroadcast", &Ipv4Address::IsBroadcast, "Return True for 255.255.255.255.")
        .def("IsMulticast", &Ipv4Address::IsMulticast, "Return True for 224.0.0.0/4.")
        .def("CombineMask",
             &Ipv4Address::CombineMask,
             py::arg("mask"),
             "Return the address with the host bits of mask cleared.")
        .def("GetSubnetDirectedBroadcast",
             &Ipv4Address::GetSubnetDirectedBroadcast,
             py::arg("mask"),
             "Return the address with the host bits of mask set.")
        .def_static("GetAny", &Ipv4Address::GetAny, "Return 0.0.0.0.")
        .def_static("GetLoopback", &Ipv4Address::GetLoopback, "Return 127.0.0.1.")
        .def_static("GetBroadcast", &Ipv4Address::GetBroadcast, "Return 255.255.255.255.")
        .def_static("IsMatchingType",
                    &Ipv4Address::IsMatchingType,
                    py::arg("address"),
                    "Return True when an Address holds a plain IPv4 address.")
        .def_static(
            "ConvertFrom",
            [](const Address& address) {
                if (!Ipv4Address::IsMatchingType(address))
                {
                    throw py::value_error("the address " + ToText(address) +
                                          " does not hold an IPv4 address");
                }
                return Ipv4Address::ConvertFrom(address);
            },
            py::arg("address"),
            "Extract the IPv4 address of an Address; raises ValueError for other types.")
        .def(
            "__hash__",
            [](const Ipv4Address& a) { return a.Get(); },
            "Hash of the integer value.")
        .def("__str__", &ToText<Ipv4Address>, "Return the dotted quad.")
        .def(
            "__repr__",
            [](const Ipv4Address& a) { return "Ipv4Address(\"" + ToText(a) + "\")"; },
            "Return Ipv4Address(\"A.B.C.D\").");
    DefineEquality<Ipv4Address>(ipv4Address);
    DefineOrder<Ipv4Address>(ipv4Address);
    py::implicitly_convertible<py::str, Ipv4Address>();

    py::class_<Ipv4Mask> ipv4Mask(m, "Ipv4Mask", "An IPv4 network mask.");
    ipv4Mask
        .def(py::init([](const std::string& text) { return ParseIpv4Mask(text); }),
             py::arg("mask"),
             "Parse a dotted quad with contiguous one bits, or \"/N\"; raises ValueError "
             "otherwise.")
        .def("Get", &Ipv4Mask::Get, "Return the mask as a host-order integer.")
        .def("GetPrefixLength", &Ipv4Mask::GetPrefixLength, "Return the number of one bits.")
        .def("IsMatch",
             &Ipv4Mask::IsMatch,
             py::arg("a"),
             py::arg("b"),
             "Return True when a and b are in the same subnet under this mask.")
        .def_static("GetLoopback", &Ipv4Mask::GetLoopback, "Return 255.0.0.0.")
        .def_static("GetZero", &Ipv4Mask::GetZero, "Return 0.0.0.0.")
        .def_static("GetOnes", &Ipv4Mask::GetOnes, "Return 255.255.255.255.")
        .def(
            "__hash__",
            [](const Ipv4Mask& mask) { return mask.Get(); },
            "Hash of the integer value.")
        .def("__str__", &ToText<Ipv4Mask>, "Return the dotted quad.")
        .def(
            "__repr__",
            [](const Ipv4Mask& mask) { return "Ipv4Mask(\"" + ToText(mask) + "\")"; },
            "Return Ipv4Mask(\"A.B.C.D\").");
    DefineEquality<Ipv4Mask>(ipv4Mask);
    py::implicitly_convertible<py::str, Ipv4Mask>();

    py::class_<InetSocketAddress>(m, "InetSocketAddress", "An IPv4 address and a port.")
        .def(py::init<Ipv4Address, uint16_t>(),
             py::arg("ipv4"),
             py::arg("port") = 0,
             "Build from an address (Ipv4Address or dotted quad) and a port.")
        .def("GetIpv4", &InetSocketAddress::GetIpv4, "Return the address.")
        .def("GetPort", &InetSocketAddress::GetPort, "Return the port.")
        .def_static("IsMatchingType",
                    &InetSocketAddress::IsMatchingType,
                    py::arg("address"),
                    "Return True when an Address holds an address and port.")
        .def_static(
            "ConvertFrom",
            [](const Address& address) {
                if (!InetSocketAddress::IsMatchingType(address))
                {
                    throw py::value_error("the address " + ToText(address) +
                                          " does not hold an IPv4 address and port");
                }
                return InetSocketAddress::ConvertFrom(address);
            },
            py::arg("address"),
            "Extract the address and port of an Address; raises ValueError for other types.")
        .def(
            "__eq__",
            [](const InetSocketAddress& a, const InetSocketAddress& b) {
                return a.GetIpv4() == b.GetIpv4() && a.GetPort() == b.GetPort();
            },
            py::is_operator(),
            py::arg("other"),
            "Return True for the same address and port.")
        .def(
            "__hash__",
            [](const InetSocketAddress& a) {
                return (static_cast<uint64_t>(a.GetIpv4().Get()) << 16) | a.GetPort();
            },
            "Hash of the address and port.")
        .def("__str__", &InetText, "Return A.B.C.D:PORT.")
        .def(
            "__repr__",
            [](const InetSocketAddress& a) {
                return "InetSocketAddress(\"" + ToText(a.GetIpv4()) + "\", " +
                       std::to_string(a.GetPort()) + ")";
            },
            "Return InetSocketAddress(\"A.B.C.D\", PORT).");
    py::implicitly_convertible<Ipv4Address, Address>();
    py::implicitly_convertible<InetSocketAddress, Address>();
    py::implicitly_convertible<py::str, Address>();

    py::class_<DataRate> dataRate(m, "DataRate", "A bit rate.");
    dataRate
        .def(py::init([](const std::string& text) {
                 Ptr<AttributeValue> value =
                     ToAttributeValue("a data rate", MakeDataRateChecker(), py::str(text));
                 return DynamicCast<DataRateValue>(value)->Get();
             }),
             py::arg("rate"),
             "Parse text such as \"10Mbps\" or \"1.5MB/s\"; raises ValueError otherwise.")
        .def(py::init<uint64_t>(), py::arg("bps"), "Build from bits per second.")
        .def("GetBitRate", &DataRate::GetBitRate, "Return bits per second.")
        .def("__str__",
             &ToText<DataRate>,
             "Return the rate as ns-3 prints it, such as 10000000bps.")
        .def(
            "__repr__",
            [](const DataRate& rate) { return "DataRate(\"" + ToText(rate) + "\")"; },
            "Return DataRate(\"...bps\").");
    DefineEquality<DataRate>(dataRate);
    DefineOrder<DataRate>(dataRate);
}

/** Bind Header and Packet. */
void
RegisterPacket(py::module_& m)
{
    py::class_<Header>(m,
                       "Header",
                       "Base of protocol headers (Ipv4Header, UdpHeader, TcpHeader, ...).")
        .def("GetSerializedSize",
             &Header::GetSerializedSize,
             "Return the header's length in bytes as it stands.")
        .def(
            "__str__",
            [](const Header& header) {
                std::ostringstream os;
                header.Print(os);
                return os.str();
            },
            "Return the header as ns-3 prints it.");

    py::class_<Packet, Ptr<Packet>>(m,
                                    "Packet",
                                    "A packet: bytes, headers and ns-3's metadata. Trace sinks "
                                    "receive copies, so changing one changes nothing in the "
                                    "simulation.")
        .def(py::init([](uint32_t size) { return Create<Packet>(size); }),
             py::arg("size") = 0,
             "Create a packet of size zero bytes.")
        .def(py::init([](const py::bytes& data) {
                 const std::string bytes = data;
                 return Create<Packet>(reinterpret_cast<const uint8_t*>(bytes.data()),
                                       static_cast<uint32_t>(bytes.size()));
             }),
             py::arg("data"),
             "Create a packet holding a copy of data.")
        .def("GetSize", &Packet::GetSize, "Return the length in bytes, headers included.")
        .def("__len__", &Packet::GetSize, "Return the length in bytes.")
        .def("GetUid", &Packet::GetUid, "Return the packet's unique id.")
        .def("Copy", &Packet::Copy, "Return a copy (copy-on-write).")
        .def(
            "CopyData",
            [](const Packet& packet) {
                std::string bytes(packet.GetSize(), '\0');
                packet.CopyData(reinterpret_cast<uint8_t*>(bytes.data()), packet.GetSize());
                return py::bytes(bytes);
            },
            "Return the packet's bytes, headers included.")
        .def(
            "AddHeader",
            [](Packet& packet, const Header& header) { packet.AddHeader(header); },
            py::arg("header"),
            "Prepend a header.")
        .def(
            "PeekHeader",
            [](const Packet& packet, Header& header) { return PeekHeaderSafely(packet, header); },
            py::arg("header"),
            "Parse the header at the start of the packet into header, leaving the packet as "
            "it is. Returns the header's length, or 0 when the packet is too short for it.")
        .def(
            "RemoveHeader",
            [](Packet& packet, Header& header) {
                if (PeekHeaderSafely(packet, header) == 0)
                {
                    return 0U;
                }
                return packet.RemoveHeader(header);
            },
            py::arg("header"),
            "Parse the header at the start of the packet into header and remove it. Returns "
            "its length, or 0 (and leaves the packet unchanged) when the packet is too short.")
        .def("__str__", &Packet::ToString, "Return the packet as ns-3 prints it.")
        .def(
            "__repr__",
            [](const Packet& packet) {
                return "<Packet uid=" + std::to_string(packet.GetUid()) +
                       " size=" + std::to_string(packet.GetSize()) + ">";
            },
            "Return <Packet uid=... size=...>.");
}

/** Bind Node and NodeContainer. */
void
RegisterNodes(py::module_& m)
{
    py::class_<Node, Object, Ptr<Node>>(m, "Node", "A simulated node: devices and applications.")
        .def(py::init([](uint32_t systemId) { return CreateObject<Node>(systemId); }),
             py::arg("systemId") = 0,
             "Create a node; it joins the simulation's NodeList.")
        .def("GetId", Checked<&Node::GetId>(), "Return the node's id in the NodeList.")
        .def("GetSystemId", Checked<&Node::GetSystemId>(), "Return the MPI rank of the node.")
        .def("GetNDevices", Checked<&Node::GetNDevices>(), "Return the number of devices.")
        .def(
            "GetDevice",
            [](const Node& node, int64_t index) {
                EnsureLive(&node);
                CheckIndex(index, node.GetNDevices(), "device");
                return node.GetDevice(static_cast<uint32_t>(index));
            },
            py::arg("index"),
            "Return a device by index; raises IndexError when out of range.")
        .def("GetNApplications",
             Checked<&Node::GetNApplications>(),
             "Return the number of applications.")
        .def(
            "GetApplication",
            [](const Node& node, int64_t index) {
                EnsureLive(&node);
                CheckIndex(index, node.GetNApplications(), "application");
                return node.GetApplication(static_cast<uint32_t>(index));
            },
            py::arg("index"),
            "Return an application by index; raises IndexError when out of range.")
        .def(
            "AddApplication",
            [](Node& node, Ptr<Application> application) {
                EnsureLive(&node);
                if (application->GetNode())
                {
                    throw py::value_error("the application already runs on node " +
                                          std::to_string(application->GetNode()->GetId()));
                }
                return node.AddApplication(application);
            },
            NotNone("application"),
            "Add an application that is on no node yet; returns its index. Raises ValueError "
            "for an application already on a node.");

    py::class_<NodeContainer>(m, "NodeContainer", "An ordered list of nodes.")
        .def(py::init<>(), "Create an empty container.")
        .def(py::init([](py::args items) {
                 NodeContainer nodes;
                 for (py::handle item : items)
                 {
                     if (py::isinstance<NodeContainer>(item))
                     {
                         nodes.Add(item.cast<NodeContainer>());
                     }
                     else if (py::isinstance<Node>(item))
                     {
                         nodes.Add(item.cast<Ptr<Node>>());
                     }
                     else
                     {
                         throw py::type_error("NodeContainer takes Node and NodeContainer "
                                              "arguments");
                     }
                 }
                 return nodes;
             }),
             "Create a container of the given nodes and the nodes of the given containers, in "
             "order.")
        .def(
            "Create",
            [](NodeContainer& nodes, uint32_t n, uint32_t systemId) { nodes.Create(n, systemId); },
            py::arg("n"),
            py::arg("systemId") = 0,
            "Create n nodes and append them.")
        .def(
            "Add",
            [](NodeContainer& nodes, Ptr<Node> node) { nodes.Add(node); },
            NotNone("node"),
            "Append a node.")
        .def(
            "Add",
            [](NodeContainer& nodes, const NodeContainer& other) { nodes.Add(other); },
            py::arg("other"),
            "Append the nodes of another container.")
        .def(
            "Add",
            [](NodeContainer& nodes, const std::string& name) {
                Ptr<Node> node = Names::Find<Node>(name);
                if (!node)
                {
                    throw py::value_error("no node is named \"" + name + "\"");
                }
                nodes.Add(node);
            },
            py::arg("name"),
            "Append the node of a name; raises ValueError when no node has it.")
        .def(
            "Get",
            [](const NodeContainer& nodes, int64_t index) {
                CheckIndex(index, nodes.GetN(), "node");
                return nodes.Get(static_cast<uint32_t>(index));
            },
            py::arg("index"),
            "Return a node by index; raises IndexError when out of range.")
        .def("GetN", &NodeContainer::GetN, "Return the number of nodes.")
        .def("__len__", &NodeContainer::GetN, "Return the number of nodes.")
        .def(
            "__getitem__",
            [](const NodeContainer& nodes, int64_t index) {
                return nodes.Get(PythonIndex(index, nodes.GetN(), "node"));
            },
            py::arg("index"),
            "Return a node; negative indices count from the end.")
        .def(
            "__iter__",
            [](const NodeContainer& nodes) {
                return py::make_iterator<py::return_value_policy::copy>(nodes.Begin(), nodes.End());
            },
            py::keep_alive<0, 1>(),
            "Iterate over the nodes.")
        .def("Contains",
             &NodeContainer::Contains,
             py::arg("id"),
             "Return True when a node of that id is in the container.")
        .def_static("GetGlobal",
                    &NodeContainer::GetGlobal,
                    "Return every node of the simulation, hidden namespace nodes included.");
}

/** Bind NetDevice and NetDeviceContainer. */
void
RegisterDevices(py::module_& m)
{
    py::class_<NetDevice, Object, Ptr<NetDevice>>(m, "NetDevice", "A network device of a node.")
        .def("GetIfIndex", Checked<&NetDevice::GetIfIndex>(), "Return the index on its node.")
        .def("GetNode", Checked<&NetDevice::GetNode>(), "Return the node.")
        .def("GetAddress", Checked<&NetDevice::GetAddress>(), "Return the MAC address.")
        .def("GetMtu", Checked<&NetDevice::GetMtu>(), "Return the MTU in bytes.")
        .def("SetMtu",
             Checked<&NetDevice::SetMtu>(),
             py::arg("mtu"),
             "Set the MTU; returns False when the device rejects the value.")
        .def("IsLinkUp", Checked<&NetDevice::IsLinkUp>(), "Return True when the link is up.");

    py::class_<NetDeviceContainer>(m, "NetDeviceContainer", "An ordered list of devices.")
        .def(py::init<>(), "Create an empty container.")
        .def(py::init([](py::args items) {
                 NetDeviceContainer devices;
                 for (py::handle item : items)
                 {
                     if (py::isinstance<NetDeviceContainer>(item))
                     {
                         devices.Add(item.cast<NetDeviceContainer>());
                     }
                     else if (py::isinstance<NetDevice>(item))
                     {
                         devices.Add(item.cast<Ptr<NetDevice>>());
                     }
                     else
                     {
                         throw py::type_error("NetDeviceContainer takes NetDevice and "
                                              "NetDeviceContainer arguments");
                     }
                 }
                 return devices;
             }),
             "Create a container of the given devices and the devices of the given "
             "containers, in order.")
        .def(
            "Add",
            [](NetDeviceContainer& devices, Ptr<NetDevice> device) { devices.Add(device); },
            NotNone("device"),
            "Append a device.")
        .def(
            "Add",
            [](NetDeviceContainer& devices, const NetDeviceContainer& other) {
                devices.Add(other);
            },
            py::arg("other"),
            "Append the devices of another container.")
        .def(
            "Get",
            [](const NetDeviceContainer& devices, int64_t index) {
                CheckIndex(index, devices.GetN(), "device");
                return devices.Get(static_cast<uint32_t>(index));
            },
            py::arg("index"),
            "Return a device by index; raises IndexError when out of range.")
        .def("GetN", &NetDeviceContainer::GetN, "Return the number of devices.")
        .def("__len__", &NetDeviceContainer::GetN, "Return the number of devices.")
        .def(
            "__getitem__",
            [](const NetDeviceContainer& devices, int64_t index) {
                return devices.Get(PythonIndex(index, devices.GetN(), "device"));
            },
            py::arg("index"),
            "Return a device; negative indices count from the end.")
        .def(
            "__iter__",
            [](const NetDeviceContainer& devices) {
                return py::make_iterator<py::return_value_policy::copy>(devices.Begin(),
                                                                        devices.End());
            },
            py::keep_alive<0, 1>(),
            "Iterate over the devices.");
}

/** Bind Socket. */
void
RegisterSocket(py::module_& m)
{
    py::class_<Socket, Object, Ptr<Socket>>(
        m,
        "Socket",
        "An ns-3 socket. Create, bind, connect and listen through netns.Process, which applies "
        "Linux's rules; use this class for callbacks, receiving, and sockets a listener "
        "accepted. Failures raise OSError with the Linux errno.")
        .def(
            "Recv",
            [](Socket& socket, uint32_t maxSize, uint32_t flags) {
                EnsureLive(&socket);
                return socket.Recv(maxSize, flags);
            },
            py::arg("maxSize") = std::numeric_limits<uint32_t>::max(),
            py::arg("flags") = 0,
            "Return the next packet (at most maxSize bytes), or None when nothing is queued.")
        .def(
            "RecvFrom",
            [](Socket& socket, uint32_t maxSize, uint32_t flags) {
                EnsureLive(&socket);
                Address from;
                Ptr<Packet> packet = socket.RecvFrom(maxSize, flags, from);
                return py::make_tuple(packet, packet ? AddressToPython(from) : py::none());
            },
            py::arg("maxSize") = std::numeric_limits<uint32_t>::max(),
            py::arg("flags") = 0,
            "Return (packet, sender address), or (None, None) when nothing is queued.")
        .def(
            "Send",
            [](Socket& socket, Ptr<Packet> packet, uint32_t flags) {
                EnsureLive(&socket);
                const int sent = socket.Send(packet, flags);
                if (sent < 0)
                {
                    RaiseSocketError(socket, "send");
                }
                return sent;
            },
            NotNone("packet"),
            py::arg("flags") = 0,
            "Send on a connected socket without a current process; returns the bytes queued.")
        .def(
            "Close",
            [](Socket& socket) {
                EnsureLive(&socket);
                if (socket.Close() != 0)
                {
                    RaiseSocketError(socket, "close");
                }
            },
            "Close the socket.")
        .def(
            "ShutdownSend",
            [](Socket& socket) {
                EnsureLive(&socket);
                if (socket.ShutdownSend() != 0)
                {
                    RaiseSocketError(socket, "shutdown");
                }
            },
            "Stop sending (shutdown(SHUT_WR)).")
        .def(
            "GetSockName",
            [](const Socket& socket) {
                EnsureLive(&socket);
                Address address;
                if (socket.GetSockName(address) != 0)
                {
                    RaiseSocketError(socket, "getsockname");
                }
                return AddressToPython(address);
            },
            "Return the local address and port.")
        .def(
            "GetPeerName",
            [](const Socket& socket) {
                EnsureLive(&socket);
                Address address;
                if (socket.GetPeerName(address) != 0)
                {
                    RaiseSocketError(socket, "getpeername");
                }
                return AddressToPython(address);
            },
            "Return the peer's address and port; raises OSError(ENOTCONN) when unconnected.")
        .def("GetRxAvailable",
             Checked<&Socket::GetRxAvailable>(),
             "Return the bytes waiting to be received.")
        .def("GetTxAvailable",
             Checked<&Socket::GetTxAvailable>(),
             "Return the bytes that can be sent now.")
        .def(
            "GetErrno",
            [](const Socket& socket) {
                const netns::Status failure = LastSocketFailure(socket, "");
                return failure.IsOk() ? 0 : failure.GetErrno();
            },
            "Return the Linux errno of the socket's last failure, 0 when none.")
        .def("GetNode", Checked<&Socket::GetNode>(), "Return the node the socket lives on.")
        .def(
            "SetAllowBroadcast",
            [](Socket& socket, bool allow) {
                EnsureLive(&socket);
                return socket.SetAllowBroadcast(allow);
            },
            py::arg("allow"),
            "Set or clear SO_BROADCAST; without it a UDP sendto() or connect() to a broadcast "
            "address raises OSError(EACCES). Returns False where ns-3 cannot broadcast (TCP).")
        .def("GetAllowBroadcast",
             Checked<&Socket::GetAllowBroadcast>(),
             "Return whether SO_BROADCAST is set.")
        .def(
            "SetRecvCallback",
            [](Socket& socket, py::object callback) {
                EnsureLive(&socket);
                socket.SetRecvCallback(
                    SocketCallback<Ptr<Socket>>(&socket, RECV_SLOT, std::move(callback)));
            },
            py::arg("callback"),
            "Call callback(socket) when data arrives; None removes it.")
        .def(
            "SetConnectCallback",
            [](Socket& socket, py::object succeeded, py::object failed) {
                EnsureLive(&socket);
                socket.SetConnectCallback(
                    SocketCallback<Ptr<Socket>>(&socket, CONNECT_SUCCEEDED_SLOT, succeeded),
                    SocketCallback<Ptr<Socket>>(&socket, CONNECT_FAILED_SLOT, failed));
            },
            py::arg("connectionSucceeded"),
            py::arg("connectionFailed"),
            "Call connectionSucceeded(socket) or connectionFailed(socket) when a connect "
            "completes; None for either ignores that outcome.")
        .def(
            "SetAcceptCallback",
            [](Socket& socket, py::object request, py::object created) {
                EnsureLive(&socket);
                Callback<bool, Ptr<Socket>, const Address&> requestCallback =
                    MakeNullCallback<bool, Ptr<Socket>, const Address&>();
                const uint64_t requestToken =
                    CallableRegistry::Replace(&socket, ACCEPT_REQUEST_SLOT, request);
                if (requestToken != 0)
                {
                    const uint64_t token = requestToken;
                    requestCallback = Callback<bool, Ptr<Socket>, const Address&>(
                        [token](Ptr<Socket> listener, const Address& from) {
                            py::gil_scoped_acquire gil;
                            py::object accepted = InvokeCallable(token,
                                                                 "an accept callback",
                                                                 listener,
                                                                 AddressToPython(from));
                            return accepted && PyObject_IsTrue(accepted.ptr()) == 1;
                        });
                }
                Callback<void, Ptr<Socket>, const Address&> createdCallback =
                    MakeNullCallback<void, Ptr<Socket>, const Address&>();
                const uint64_t createdToken =
                    CallableRegistry::Replace(&socket, ACCEPT_CREATED_SLOT, created);
                if (createdToken != 0)
                {
                    const uint64_t token = createdToken;
                    createdCallback = Callback<void, Ptr<Socket>, const Address&>(
                        [token](Ptr<Socket> accepted, const Address& from) {
                            py::gil_scoped_acquire gil;
                            InvokeCallable(token,
                                           "an accept callback",
                                           accepted,
                                           AddressToPython(from));
                        });
                }
                socket.SetAcceptCallback(requestCallback, createdCallback);
            },
            py::arg("connectionRequest"),
            py::arg("newConnectionCreated"),
            "On a listening socket: connectionRequest(socket, address) returns True to accept "
            "(None accepts all), then newConnectionCreated(new_socket, address) receives the "
            "connected socket.")
        .def(
            "SetCloseCallbacks",
            [](Socket& socket, py::object normal, py::object error) {
                EnsureLive(&socket);
                socket.SetCloseCallbacks(
                    SocketCallback<Ptr<Socket>>(&socket, NORMAL_CLOSE_SLOT, normal),
                    SocketCallback<Ptr<Socket>>(&socket, ERROR_CLOSE_SLOT, error));
            },
            py::arg("normalClose"),
            py::arg("errorClose"),
            "Call normalClose(socket) on an orderly close by the peer, errorClose(socket) on "
            "an error; None ignores either.")
        .def(
            "SetSendCallback",
            [](Socket& socket, py::object callback) {
                EnsureLive(&socket);
                socket.SetSendCallback(
                    SocketCallback<Ptr<Socket>, uint32_t>(&socket, SEND_SLOT, callback));
            },
            py::arg("callback"),
            "Call callback(socket, available_bytes) when send space frees up.")
        .def(
            "SetDataSentCallback",
            [](Socket& socket, py::object callback) {
                EnsureLive(&socket);
                socket.SetDataSentCallback(
                    SocketCallback<Ptr<Socket>, uint32_t>(&socket, DATA_SENT_SLOT, callback));
            },
            py::arg("callback"),
            "Call callback(socket, bytes) when data has been sent.");
}

} // namespace

void
RegisterNetwork(py::module_& m)
{
    RegisterAddresses(m);
    RegisterPacket(m);
    RegisterNodes(m);
    RegisterDevices(m);
    RegisterSocket(m);
}

} // namespace python
} // namespace ns3
