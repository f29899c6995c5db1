/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * ns3netns.internet: InternetStackHelper for plain nodes, Ipv4, address
 * assignment, static routes, socket factories and the IPv4, UDP and TCP
 * headers.
 *
 * Tests: test/python/test_bindings_internet.py
 */
#include "netns-python-attributes.h"
#include "netns-python-support.h"

#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-generator.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-interface-container.h"
#include "ns3/ipv4-routing-table-entry.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"
#include "ns3/ipv6.h"
#include "ns3/names.h"
#include "ns3/netns-host.h"
#include "ns3/node-list.h"
#include "ns3/tcp-header.h"
#include "ns3/tcp-l4-protocol.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/traffic-control-layer.h"
#include "ns3/udp-header.h"
#include "ns3/udp-l4-protocol.h"
#include "ns3/udp-socket-factory.h"

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

/** @return "node N" or "node N (name)" */
std::string
NodeText(Ptr<Node> node)
{
    const std::string name = Names::FindName(node);
    return "node " + std::to_string(node->GetId()) + (name.empty() ? "" : " (" + name + ")");
}

/**
 * @return true when an address helper allocated the address. ns-3.37's
 *         Ipv4AddressGenerator::IsAddressAllocated() returns the opposite
 *         (false on a collision), and aborts for 0.0.0.0.
 */
bool
IsAllocated(Ipv4Address address)
{
    return address.Get() != 0 && !Ipv4AddressGenerator::IsAddressAllocated(address);
}

/**
 * InternetStackHelper that remembers which stacks it installs, so that an
 * install that ns-3 would abort on (a second IPv4 or IPv6 stack, or a node
 * with namespace support) raises instead.
 */
class CheckedInternetStackHelper : public InternetStackHelper
{
  public:
    /** Raise OSError(EBUSY) for a node that cannot take the stack. */
    void CheckNode(Ptr<Node> node) const
    {
        EnsureLive(PeekPointer(node));
        if (node->GetObject<netns::Host>())
        {
            RaiseOsError(netns::Status::Error(
                EBUSY,
                NodeText(node) +
                    " has network namespace support from NetnsHelper, which installed its "
                    "IPv4 stack; InternetStackHelper cannot add a second one"));
        }
        const bool hasIpv4 = node->GetObject<Ipv4>() != nullptr;
        const bool hasIpv6 = node->GetObject<Ipv6>() != nullptr;
        const bool hasTransport =
            node->GetObject<TrafficControlLayer>() || node->GetObject<UdpL4Protocol>();
        if ((ipv4 && hasIpv4) || (ipv6 && hasIpv6) || ((ipv4 || ipv6) && hasTransport))
        {
            RaiseOsError(netns::Status::Error(EBUSY,
                                              NodeText(node) +
                                                  " already has an internet stack; install "
                                                  "it once per node"));
        }
    }

    /** Check every node, then install on all of them. */
    void InstallChecked(const NodeContainer& nodes) const
    {
        for (auto it = nodes.Begin(); it != nodes.End(); ++it)
        {
            CheckNode(*it);
        }
        for (auto it = nodes.Begin(); it != nodes.End(); ++it)
        {
            for (auto seen = nodes.Begin(); seen != it; ++seen)
            {
                if (*seen == *it)
                {
                    RaiseOsError(netns::Status::Error(EBUSY,
                                                      NodeText(*it) +
                                                          " is listed twice; install the stack "
                                                          "once per node"));
                }
            }
        }
        Install(nodes);
    }

    bool ipv4{true}; //!< SetIpv4StackInstall()
    bool ipv6{true}; //!< SetIpv6StackInstall()
};

/**
 * Ipv4AddressHelper with a copy of its allocation state, so that an
 * assignment ns-3 would abort on (an address already allocated, a network
 * that ran out of addresses, a device without IPv4) raises instead.
 */
class CheckedIpv4AddressHelper
{
  public:
    /** Configure network, mask and first host part, as Ipv4AddressHelper::SetBase. */
    void SetBase(Ipv4Address network, Ipv4Mask mask, Ipv4Address base)
    {
        const uint32_t maskBits = mask.Get();
        if ((~maskBits & (~maskBits + 1)) != 0)
        {
            throw py::value_error("invalid mask " + ToText(mask) +
                                  ": the one bits must be contiguous from the left");
        }
        if (mask.GetPrefixLength() == 0 || mask.GetPrefixLength() > 30)
        {
            throw py::value_error("invalid mask " + ToText(mask) +
                                  ": the prefix length must be 1 to 30");
        }
        if ((network.Get() & ~maskBits) != 0)
        {
            throw py::value_error("network " + ToText(network) + " has host bits set under mask " +
                                  ToText(mask));
        }
        if ((base.Get() & maskBits) != 0)
        {
            throw py::value_error("base " + ToText(base) + " must hold only host bits of mask " +
                                  ToText(mask));
        }
        m_shift = 32 - mask.GetPrefixLength();
        m_network = network.Get() >> m_shift;
        m_base = base.Get();
        m_next = m_base;
        m_max = (1U << m_shift) - 2;
        m_helper.SetBase(network, mask, base);
        m_configured = true;
    }

    /** Allocate the next address, as Ipv4AddressHelper::NewAddress. */
    Ipv4Address NewAddress()
    {
        CheckNextAddresses(1);
        ++m_next;
        return m_helper.NewAddress();
    }

    /** Move to the next network, as Ipv4AddressHelper::NewNetwork. */
    Ipv4Address NewNetwork()
    {
        CheckConfigured();
        if (static_cast<uint64_t>(m_network + 1) >= (uint64_t{1} << (32 - m_shift)))
        {
            throw py::value_error("no network follows " +
                                  ToText(Ipv4Address(m_network << m_shift)) + " under this mask");
        }
        ++m_network;
        m_next = m_base;
        return m_helper.NewNetwork();
    }

    /** Assign one address to each device, as Ipv4AddressHelper::Assign. */
    Ipv4InterfaceContainer Assign(const NetDeviceContainer& devices)
    {
        CheckConfigured();
        for (uint32_t i = 0; i < devices.GetN(); ++i)
        {
            Ptr<NetDevice> device = devices.Get(i);
            EnsureLive(PeekPointer(device));
            if (!device->GetNode()->GetObject<Ipv4>())
            {
                throw py::value_error("device " + std::to_string(i) + " of the container is on " +
                                      NodeText(device->GetNode()) +
                                      ", which has no IPv4 stack; install InternetStackHelper "
                                      "or NetnsHelper first");
            }
        }
        CheckNextAddresses(devices.GetN());
        Ipv4InterfaceContainer interfaces = m_helper.Assign(devices);
        m_next += devices.GetN();
        return interfaces;
    }

  private:
    /** Raise unless SetBase() ran. */
    void CheckConfigured() const
    {
        if (!m_configured)
        {
            throw std::runtime_error("call SetBase() before allocating addresses");
        }
    }

    /** Raise unless the next count addresses can be allocated. */
    void CheckNextAddresses(uint32_t count) const
    {
        CheckConfigured();
        for (uint32_t k = 0; k < count; ++k)
        {
            const uint64_t host = uint64_t{m_next} + k;
            const Ipv4Address address(static_cast<uint32_t>((m_network << m_shift) | host));
            if (host > m_max)
            {
                throw py::value_error("the network " + ToText(Ipv4Address(m_network << m_shift)) +
                                      " has no address left for device " + std::to_string(k) +
                                      "; call NewNetwork() or SetBase()");
            }
            if (address.Get() == 0 || IsAllocated(address))
            {
                throw py::value_error("address " + ToText(address) +
                                      " is already allocated; call NewNetwork() or SetBase(), "
                                      "or Ipv4AddressGenerator.Reset() between simulations");
            }
        }
    }

    Ipv4AddressHelper m_helper; //!< the ns-3 helper doing the work
    bool m_configured{false};   //!< SetBase() ran
    uint32_t m_network{0};      //!< network number, shifted right by m_shift
    uint32_t m_shift{0};        //!< host bits
    uint32_t m_base{0};         //!< first host part of each network
    uint32_t m_next{0};         //!< next host part
    uint32_t m_max{0};          //!< largest host part (broadcast excluded)
};

/**
 * @return the Ipv4 of the node whose static routing this is; raises
 *         DisposedError when no node of the current simulation uses it
 */
Ptr<Ipv4>
OwnerOf(const Ipv4StaticRouting& routing)
{
    Ipv4StaticRoutingHelper helper;
    for (uint32_t i = 0; i < NodeList::GetNNodes(); ++i)
    {
        Ptr<Ipv4> ipv4 = NodeList::GetNode(i)->GetObject<Ipv4>();
        if (ipv4 && ipv4->GetRoutingProtocol() &&
            PeekPointer(helper.GetStaticRouting(ipv4)) == &routing)
        {
            return ipv4;
        }
    }
    throw DisposedError("this Ipv4StaticRouting belongs to no node of the current simulation");
}

/** Raise ValueError unless the routing's node has that interface. */
void
CheckInterface(const Ipv4StaticRouting& routing, uint32_t interface)
{
    Ptr<Ipv4> ipv4 = OwnerOf(routing);
    if (interface >= ipv4->GetNInterfaces())
    {
        throw py::value_error("interface " + std::to_string(interface) + " does not exist on " +
                              NodeText(ipv4->GetObject<Node>()) + ", which has " +
                              std::to_string(ipv4->GetNInterfaces()) + " (0 is loopback)");
    }
}

/** Raise ValueError unless the Ipv4 has that interface. */
void
CheckIpv4Interface(const Ipv4& ipv4, uint32_t interface)
{
    EnsureLive(&ipv4);
    if (interface >= ipv4.GetNInterfaces())
    {
        throw py::value_error("interface " + std::to_string(interface) + " does not exist; " +
                              "the stack has " + std::to_string(ipv4.GetNInterfaces()));
    }
}

/** Bind the stack helper, Ipv4 and address assignment. */
void
RegisterStack(py::module_& m)
{
    py::class_<CheckedInternetStackHelper>(
        m,
        "InternetStackHelper",
        "Installs IPv4, IPv6, UDP and TCP on plain nodes. Hosts with network namespaces get "
        "their stack from netns.NetnsHelper instead; installing this one on them raises "
        "OSError(EBUSY).")
        .def(py::init<>(), "Create a helper that installs IPv4 and IPv6.")
        .def(
            "SetIpv4StackInstall",
            [](CheckedInternetStackHelper& helper, bool enable) {
                helper.ipv4 = enable;
                helper.SetIpv4StackInstall(enable);
            },
            py::arg("enable"),
            "Choose whether Install() adds IPv4.")
        .def(
            "SetIpv6StackInstall",
            [](CheckedInternetStackHelper& helper, bool enable) {
                helper.ipv6 = enable;
                helper.SetIpv6StackInstall(enable);
            },
            py::arg("enable"),
            "Choose whether Install() adds IPv6.")
        .def(
            "Install",
            [](const CheckedInternetStackHelper& helper, Ptr<Node> node) {
                helper.InstallChecked(NodeContainer(node));
            },
            NotNone("node"),
            "Install the stack on a node. Raises OSError(EBUSY) for a node that has a stack "
            "or namespace support.")
        .def(
            "Install",
            [](const CheckedInternetStackHelper& helper, const NodeContainer& nodes) {
                helper.InstallChecked(nodes);
            },
            py::arg("nodes"),
            "Install the stack on every node; checks them all first, so a failure installs "
            "nothing.")
        .def(
            "Install",
            [](const CheckedInternetStackHelper& helper, const std::string& name) {
                Ptr<Node> node = Names::Find<Node>(name);
                if (!node)
                {
                    throw py::value_error("no node is named \"" + name + "\"");
                }
                helper.InstallChecked(NodeContainer(node));
            },
            py::arg("nodeName"),
            "Install the stack on the node of a name.");

    py::class_<Ipv4InterfaceAddress>(m, "Ipv4InterfaceAddress", "An address of an interface.")
        .def("GetLocal", &Ipv4InterfaceAddress::GetLocal, "Return the address.")
        .def("GetMask", &Ipv4InterfaceAddress::GetMask, "Return the mask.")
        .def("GetBroadcast", &Ipv4InterfaceAddress::GetBroadcast, "Return the broadcast address.")
        .def("__str__", &ToText<Ipv4InterfaceAddress>, "Return ns-3's text form.");

    py::class_<Ipv4, Object, Ptr<Ipv4>>(m, "Ipv4", "The IPv4 stack of a node.")
        .def("GetNInterfaces",
             Checked<&Ipv4::GetNInterfaces>(),
             "Return the number of interfaces; 0 is loopback.")
        .def(
            "GetInterfaceForDevice",
            [](const Ipv4& ipv4, Ptr<NetDevice> device) {
                EnsureLive(&ipv4);
                return ipv4.GetInterfaceForDevice(device);
            },
            NotNone("device"),
            "Return the interface of a device, or -1.")
        .def("GetInterfaceForAddress",
             Checked<&Ipv4::GetInterfaceForAddress>(),
             py::arg("address"),
             "Return the interface holding an address, or -1.")
        .def(
            "GetNAddresses",
            [](const Ipv4& ipv4, uint32_t interface) {
                CheckIpv4Interface(ipv4, interface);
                return ipv4.GetNAddresses(interface);
            },
            py::arg("interface"),
            "Return the number of addresses of an interface.")
        .def(
            "GetAddress",
            [](const Ipv4& ipv4, uint32_t interface, uint32_t addressIndex) {
                CheckIpv4Interface(ipv4, interface);
                if (addressIndex >= ipv4.GetNAddresses(interface))
                {
                    throw py::index_error("interface " + std::to_string(interface) + " has " +
                                          std::to_string(ipv4.GetNAddresses(interface)) +
                                          " addresses; index " + std::to_string(addressIndex) +
                                          " is out of range");
                }
                return ipv4.GetAddress(interface, addressIndex);
            },
            py::arg("interface"),
            py::arg("addressIndex") = 0,
            "Return an address of an interface.")
        .def(
            "IsUp",
            [](const Ipv4& ipv4, uint32_t interface) {
                CheckIpv4Interface(ipv4, interface);
                return ipv4.IsUp(interface);
            },
            py::arg("interface"),
            "Return True when the interface is up.")
        .def(
            "SetUp",
            [](Ipv4& ipv4, uint32_t interface) {
                CheckIpv4Interface(ipv4, interface);
                ipv4.SetUp(interface);
            },
            py::arg("interface"),
            "Bring an interface up.")
        .def(
            "SetDown",
            [](Ipv4& ipv4, uint32_t interface) {
                CheckIpv4Interface(ipv4, interface);
                ipv4.SetDown(interface);
            },
            py::arg("interface"),
            "Bring an interface down.")
        .def(
            "GetNetDevice",
            [](Ipv4& ipv4, uint32_t interface) {
                CheckIpv4Interface(ipv4, interface);
                return ipv4.GetNetDevice(interface);
            },
            py::arg("interface"),
            "Return the device of an interface.");

    py::class_<Ipv4InterfaceContainer>(m,
                                       "Ipv4InterfaceContainer",
                                       "Interfaces that Ipv4AddressHelper.Assign() configured.")
        .def("GetN", &Ipv4InterfaceContainer::GetN, "Return the number of interfaces.")
        .def("__len__", &Ipv4InterfaceContainer::GetN, "Return the number of interfaces.")
        .def(
            "Get",
            [](const Ipv4InterfaceContainer& interfaces, uint32_t i) {
                if (i >= interfaces.GetN())
                {
                    throw py::index_error("interface index " + std::to_string(i) +
                                          " is out of range (" + std::to_string(interfaces.GetN()) +
                                          " present)");
                }
                const std::pair<Ptr<Ipv4>, uint32_t> entry = interfaces.Get(i);
                return py::make_tuple(entry.first, entry.second);
            },
            py::arg("i"),
            "Return (Ipv4, interface index) of entry i.")
        .def(
            "GetAddress",
            [](const Ipv4InterfaceContainer& interfaces, uint32_t i, uint32_t j) {
                if (i >= interfaces.GetN())
                {
                    throw py::index_error("interface index " + std::to_string(i) +
                                          " is out of range (" + std::to_string(interfaces.GetN()) +
                                          " present)");
                }
                const std::pair<Ptr<Ipv4>, uint32_t> entry = interfaces.Get(i);
                EnsureLive(PeekPointer(entry.first));
                if (j >= entry.first->GetNAddresses(entry.second))
                {
                    throw py::index_error("address index " + std::to_string(j) +
                                          " is out of range");
                }
                return interfaces.GetAddress(i, j);
            },
            py::arg("i"),
            py::arg("j") = 0,
            "Return address j of entry i.");

    py::class_<CheckedIpv4AddressHelper>(
        m,
        "Ipv4AddressHelper",
        "Allocates consecutive addresses of a network to devices. Addresses stay allocated "
        "process-wide until Ipv4AddressGenerator.Reset(), as in ns-3.")
        .def(py::init<>(), "Create a helper; call SetBase() before use.")
        .def(py::init([](Ipv4Address network, Ipv4Mask mask, Ipv4Address base) {
                 CheckedIpv4AddressHelper helper;
                 helper.SetBase(network, mask, base);
                 return helper;
             }),
             py::arg("network"),
             py::arg("mask"),
             py::arg("base") = Ipv4Address("0.0.0.1"),
             "Create a helper for a network, such as (\"10.1.0.0\", \"255.255.0.0\").")
        .def("SetBase",
             &CheckedIpv4AddressHelper::SetBase,
             py::arg("network"),
             py::arg("mask"),
             py::arg("base") = Ipv4Address("0.0.0.1"),
             "Set network, mask and the first host part. Raises ValueError for a mask that "
             "is not contiguous or longer than /30, or bits outside their part.")
        .def("NewNetwork",
             &CheckedIpv4AddressHelper::NewNetwork,
             "Move to the next network of the same size and return its address.")
        .def("NewAddress",
             &CheckedIpv4AddressHelper::NewAddress,
             "Allocate and return the next address.")
        .def("Assign",
             &CheckedIpv4AddressHelper::Assign,
             py::arg("devices"),
             "Give each device the next address, bring its interface up, and return the "
             "interfaces. Raises ValueError, before assigning anything, for a device without "
             "IPv4, an address already allocated, or a network out of addresses.");

    py::class_<Ipv4AddressGenerator, std::unique_ptr<Ipv4AddressGenerator, py::nodelete>>(
        m,
        "Ipv4AddressGenerator",
        "The process-wide record of allocated addresses.")
        .def_static("Reset",
                    &Ipv4AddressGenerator::Reset,
                    "Forget every allocated address, for a new simulation in the same process.")
        .def_static("IsAddressAllocated",
                    &IsAllocated,
                    py::arg("address"),
                    "Return True when a helper allocated the address (ns-3.37's C++ function "
                    "of this name returns the opposite).");
}

/** Bind static routing. */
void
RegisterRouting(py::module_& m)
{
    py::class_<Ipv4RoutingTableEntry>(m, "Ipv4RoutingTableEntry", "A static route.")
        .def("GetDest", &Ipv4RoutingTableEntry::GetDest, "Return the destination.")
        .def("GetDestNetworkMask",
             &Ipv4RoutingTableEntry::GetDestNetworkMask,
             "Return the destination mask.")
        .def("GetGateway", &Ipv4RoutingTableEntry::GetGateway, "Return the next hop.")
        .def("GetInterface", &Ipv4RoutingTableEntry::GetInterface, "Return the interface.")
        .def("IsHost", &Ipv4RoutingTableEntry::IsHost, "Return True for a host route.")
        .def("IsNetwork", &Ipv4RoutingTableEntry::IsNetwork, "Return True for a network route.")
        .def("IsDefault", &Ipv4RoutingTableEntry::IsDefault, "Return True for the default route.")
        .def("IsGateway",
             &Ipv4RoutingTableEntry::IsGateway,
             "Return True when the route has a next hop.")
        .def("__str__", &ToText<Ipv4RoutingTableEntry>, "Return ns-3's text form.");

    py::class_<Ipv4StaticRouting, Object, Ptr<Ipv4StaticRouting>>(
        m,
        "Ipv4StaticRouting",
        "The static routing protocol of a plain node. Interface indices count from 0 "
        "(loopback); adding a route through an interface the node lacks raises ValueError.")
        .def(
            "AddNetworkRouteTo",
            [](Ipv4StaticRouting& routing,
               Ipv4Address network,
               Ipv4Mask networkMask,
               Ipv4Address nextHop,
               uint32_t interface,
               uint32_t metric) {
                CheckInterface(routing, interface);
                routing.AddNetworkRouteTo(network, networkMask, nextHop, interface, metric);
            },
            py::arg("network"),
            py::arg("networkMask"),
            py::arg("nextHop"),
            py::arg("interface"),
            py::arg("metric") = 0,
            "Add a route to a network through a next hop.")
        .def(
            "AddNetworkRouteTo",
            [](Ipv4StaticRouting& routing,
               Ipv4Address network,
               Ipv4Mask networkMask,
               uint32_t interface,
               uint32_t metric) {
                CheckInterface(routing, interface);
                routing.AddNetworkRouteTo(network, networkMask, interface, metric);
            },
            py::arg("network"),
            py::arg("networkMask"),
            py::arg("interface"),
            py::arg("metric") = 0,
            "Add a route to a directly attached network.")
        .def(
            "AddHostRouteTo",
            [](Ipv4StaticRouting& routing,
               Ipv4Address dest,
               Ipv4Address nextHop,
               uint32_t interface,
               uint32_t metric) {
                CheckInterface(routing, interface);
                routing.AddHostRouteTo(dest, nextHop, interface, metric);
            },
            py::arg("dest"),
            py::arg("nextHop"),
            py::arg("interface"),
            py::arg("metric") = 0,
            "Add a route to one host through a next hop.")
        .def(
            "AddHostRouteTo",
            [](Ipv4StaticRouting& routing, Ipv4Address dest, uint32_t interface, uint32_t metric) {
                CheckInterface(routing, interface);
                routing.AddHostRouteTo(dest, interface, metric);
            },
            py::arg("dest"),
            py::arg("interface"),
            py::arg("metric") = 0,
            "Add a route to one directly attached host.")
        .def(
            "SetDefaultRoute",
            [](Ipv4StaticRouting& routing,
               Ipv4Address nextHop,
               uint32_t interface,
               uint32_t metric) {
                CheckInterface(routing, interface);
                routing.SetDefaultRoute(nextHop, interface, metric);
            },
            py::arg("nextHop"),
            py::arg("interface"),
            py::arg("metric") = 0,
            "Add a default route.")
        .def(
            "GetNRoutes",
            [](const Ipv4StaticRouting& routing) {
                OwnerOf(routing);
                return routing.GetNRoutes();
            },
            "Return the number of unicast routes.")
        .def(
            "GetRoute",
            [](const Ipv4StaticRouting& routing, uint32_t i) {
                OwnerOf(routing);
                if (i >= routing.GetNRoutes())
                {
                    throw py::index_error("route index " + std::to_string(i) +
                                          " is out of range (" +
                                          std::to_string(routing.GetNRoutes()) + " routes)");
                }
                return routing.GetRoute(i);
            },
            py::arg("i"),
            "Return route i, in lookup order.")
        .def(
            "RemoveRoute",
            [](Ipv4StaticRouting& routing, uint32_t i) {
                OwnerOf(routing);
                if (i >= routing.GetNRoutes())
                {
                    throw py::index_error("route index " + std::to_string(i) +
                                          " is out of range (" +
                                          std::to_string(routing.GetNRoutes()) + " routes)");
                }
                routing.RemoveRoute(i);
            },
            py::arg("i"),
            "Remove route i.");

    py::class_<Ipv4StaticRoutingHelper>(m,
                                        "Ipv4StaticRoutingHelper",
                                        "Finds the static routing protocol of a node.")
        .def(py::init<>(), "Create the helper.")
        .def(
            "GetStaticRouting",
            [](const Ipv4StaticRoutingHelper& helper, Ptr<Ipv4> ipv4) {
                EnsureLive(PeekPointer(ipv4));
                return helper.GetStaticRouting(ipv4);
            },
            NotNone("ipv4"),
            "Return the node's Ipv4StaticRouting, or None when its routing protocol has none. "
            "On a host with namespace support it is the initial namespace's routing; routes "
            "of other namespaces go through netns.Process.AddRoute().");
}

/** Bind the socket factories, protocol numbers and headers. */
void
RegisterProtocols(py::module_& m)
{
    py::class_<UdpSocketFactory, Object, Ptr<UdpSocketFactory>>(m,
                                                                "UdpSocketFactory",
                                                                "Creates UDP sockets.")
        .def_static("GetTypeId", &UdpSocketFactory::GetTypeId, "Return the factory's type.");
    py::class_<TcpSocketFactory, Object, Ptr<TcpSocketFactory>>(m,
                                                                "TcpSocketFactory",
                                                                "Creates TCP sockets.")
        .def_static("GetTypeId", &TcpSocketFactory::GetTypeId, "Return the factory's type.");
    py::class_<UdpL4Protocol, Object, Ptr<UdpL4Protocol>>(m, "UdpL4Protocol", "UDP.")
        .def_readonly_static("PROT_NUMBER", &UdpL4Protocol::PROT_NUMBER, "IP protocol number, 17.");
    py::class_<TcpL4Protocol, Object, Ptr<TcpL4Protocol>>(m, "TcpL4Protocol", "TCP.")
        .def_readonly_static("PROT_NUMBER", &TcpL4Protocol::PROT_NUMBER, "IP protocol number, 6.");

    py::class_<Ipv4Header, Header>(m, "Ipv4Header", "An IPv4 header.")
        .def(py::init<>(), "Create an empty header.")
        .def("GetSource", &Ipv4Header::GetSource, "Return the source address.")
        .def("GetDestination", &Ipv4Header::GetDestination, "Return the destination address.")
        .def("GetProtocol", &Ipv4Header::GetProtocol, "Return the protocol number.")
        .def("GetTtl", &Ipv4Header::GetTtl, "Return the TTL.")
        .def("GetTos", &Ipv4Header::GetTos, "Return the type of service byte.")
        .def("GetPayloadSize", &Ipv4Header::GetPayloadSize, "Return the payload length.")
        .def("GetIdentification", &Ipv4Header::GetIdentification, "Return the identification.")
        .def("SetSource", &Ipv4Header::SetSource, py::arg("source"), "Set the source address.")
        .def("SetDestination",
             &Ipv4Header::SetDestination,
             py::arg("destination"),
             "Set the destination address.")
        .def("SetProtocol",
             &Ipv4Header::SetProtocol,
             py::arg("protocol"),
             "Set the protocol number.")
        .def("SetTtl", &Ipv4Header::SetTtl, py::arg("ttl"), "Set the TTL.")
        .def("SetPayloadSize",
             &Ipv4Header::SetPayloadSize,
             py::arg("size"),
             "Set the payload length.");

    py::class_<UdpHeader, Header>(m, "UdpHeader", "A UDP header.")
        .def(py::init<>(), "Create an empty header.")
        .def("GetSourcePort", &UdpHeader::GetSourcePort, "Return the source port.")
        .def("GetDestinationPort", &UdpHeader::GetDestinationPort, "Return the destination port.")
        .def("SetSourcePort", &UdpHeader::SetSourcePort, py::arg("port"), "Set the source port.")
        .def("SetDestinationPort",
             &UdpHeader::SetDestinationPort,
             py::arg("port"),
             "Set the destination port.");

    py::class_<TcpHeader, Header>(m, "TcpHeader", "A TCP header.")
        .def(py::init<>(), "Create an empty header.")
        .def("GetSourcePort", &TcpHeader::GetSourcePort, "Return the source port.")
        .def("GetDestinationPort", &TcpHeader::GetDestinationPort, "Return the destination port.")
        .def(
            "GetSequenceNumber",
            [](const TcpHeader& header) { return header.GetSequenceNumber().GetValue(); },
            "Return the sequence number.")
        .def(
            "GetAckNumber",
            [](const TcpHeader& header) { return header.GetAckNumber().GetValue(); },
            "Return the acknowledgement number.")
        .def("GetFlags", &TcpHeader::GetFlags, "Return the flag bits.")
        .def("GetWindowSize", &TcpHeader::GetWindowSize, "Return the window field.")
        .def_static("FlagsToString",
                    &TcpHeader::FlagsToString,
                    py::arg("flags"),
                    py::arg("delimiter") = "|",
                    "Return flag names such as SYN|ACK.")
        .def_property_readonly_static(
            "SYN",
            [](py::object) { return static_cast<uint8_t>(TcpHeader::SYN); },
            "The SYN flag bit.")
        .def_property_readonly_static(
            "ACK",
            [](py::object) { return static_cast<uint8_t>(TcpHeader::ACK); },
            "The ACK flag bit.")
        .def_property_readonly_static(
            "FIN",
            [](py::object) { return static_cast<uint8_t>(TcpHeader::FIN); },
            "The FIN flag bit.")
        .def_property_readonly_static(
            "RST",
            [](py::object) { return static_cast<uint8_t>(TcpHeader::RST); },
            "The RST flag bit.");
}

} // namespace

void
RegisterInternet(py::module_& m)
{
    RegisterStack(m);
    RegisterRouting(m);
    RegisterProtocols(m);
}

} // namespace python
} // namespace ns3
