# SPDX-License-Identifier: GPL-2.0-only
"""Tests of ns3netns.internet: InternetStackHelper, Ipv4, address
assignment, static routing, socket factories and headers."""

import errno

import pytest

from bindings_support import fresh_simulation  # noqa: F401
from ns3netns import applications, core, csma, internet, netns, network
from ns3netns import point_to_point


def plain_pair():
    """Return two plain nodes joined by a point-to-point link, with stacks."""
    nodes = network.NodeContainer()
    nodes.Create(2)
    devices = point_to_point.PointToPointHelper().Install(nodes)
    internet.InternetStackHelper().Install(nodes)
    return nodes, devices


# InternetStackHelper ---------------------------------------------------------


def test_stack_install():
    nodes, _ = plain_pair()
    ipv4 = nodes.Get(0).GetObject("ns3::Ipv4")
    assert isinstance(ipv4, internet.Ipv4)
    assert ipv4.GetNInterfaces() == 1
    assert nodes.Get(0).GetObject("ns3::Ipv6") is not None


def test_stack_ipv4_only():
    node = network.Node()
    helper = internet.InternetStackHelper()
    helper.SetIpv6StackInstall(False)
    helper.Install(node)
    assert node.GetObject("ns3::Ipv4") is not None
    assert node.GetObject("ns3::Ipv6") is None


def test_stack_install_twice():
    node = network.Node()
    internet.InternetStackHelper().Install(node)
    with pytest.raises(OSError) as error:
        internet.InternetStackHelper().Install(node)
    assert error.value.errno == errno.EBUSY
    assert error.value.strerror == (
        "node 0 already has an internet stack; install it once per node")


def test_stack_install_on_namespace_host():
    node = network.Node()
    core.Names.Add("h1", node)
    netns.NetnsHelper().Install(node)
    with pytest.raises(OSError) as error:
        internet.InternetStackHelper().Install(node)
    assert error.value.errno == errno.EBUSY
    assert error.value.strerror == (
        "node 0 (h1) has network namespace support from NetnsHelper, which "
        "installed its IPv4 stack; InternetStackHelper cannot add a second one")


def test_stack_install_checks_all_nodes_first():
    nodes = network.NodeContainer()
    nodes.Create(2)
    internet.InternetStackHelper().Install(nodes.Get(1))
    with pytest.raises(OSError):
        internet.InternetStackHelper().Install(nodes)
    assert nodes.Get(0).GetObject("ns3::Ipv4") is None


def test_stack_install_listed_twice():
    node = network.Node()
    with pytest.raises(OSError) as error:
        internet.InternetStackHelper().Install(network.NodeContainer(node, node))
    assert error.value.strerror == (
        "node 0 is listed twice; install the stack once per node")
    assert node.GetObject("ns3::Ipv4") is None


def test_stack_install_by_name():
    node = network.Node()
    core.Names.Add("router", node)
    internet.InternetStackHelper().Install("router")
    assert node.GetObject("ns3::Ipv4") is not None
    with pytest.raises(ValueError) as error:
        internet.InternetStackHelper().Install("nope")
    assert str(error.value) == 'no node is named "nope"'


# Ipv4AddressHelper -----------------------------------------------------------


def test_address_assignment():
    nodes, devices = plain_pair()
    helper = internet.Ipv4AddressHelper("203.0.113.0", "255.255.255.0")
    interfaces = helper.Assign(devices)
    assert len(interfaces) == 2
    assert interfaces.GetAddress(0) == network.Ipv4Address("203.0.113.1")
    assert interfaces.GetAddress(1) == network.Ipv4Address("203.0.113.2")
    ipv4, interface = interfaces.Get(1)
    assert interface == 1
    assert ipv4.GetAddress(interface).GetLocal() == network.Ipv4Address("203.0.113.2")
    assert ipv4.GetAddress(interface).GetMask() == network.Ipv4Mask("/24")
    assert ipv4.IsUp(interface)
    assert internet.Ipv4AddressGenerator.IsAddressAllocated("203.0.113.2")
    assert not internet.Ipv4AddressGenerator.IsAddressAllocated("203.0.113.3")


def test_address_new_network_and_address():
    helper = internet.Ipv4AddressHelper("203.0.113.0", "/26", "0.0.0.5")
    assert helper.NewAddress() == network.Ipv4Address("203.0.113.5")
    assert helper.NewNetwork() == network.Ipv4Address("203.0.113.64")
    assert helper.NewAddress() == network.Ipv4Address("203.0.113.69")


def test_address_collision():
    _, devices = plain_pair()
    internet.Ipv4AddressHelper("203.0.113.0", "/24").Assign(devices)
    with pytest.raises(ValueError) as error:
        internet.Ipv4AddressHelper("203.0.113.0", "/24").Assign(devices)
    assert str(error.value) == (
        "address 203.0.113.1 is already allocated; call NewNetwork() or SetBase(), "
        "or Ipv4AddressGenerator.Reset() between simulations")
    internet.Ipv4AddressGenerator.Reset()
    assert not internet.Ipv4AddressGenerator.IsAddressAllocated("203.0.113.1")


def test_address_network_exhausted():
    nodes = network.NodeContainer()
    nodes.Create(3)
    devices = csma.CsmaHelper().Install(nodes)
    internet.InternetStackHelper().Install(nodes)
    helper = internet.Ipv4AddressHelper("203.0.113.0", "/30")
    with pytest.raises(ValueError) as error:
        helper.Assign(devices)
    assert str(error.value) == ("the network 203.0.113.0 has no address left for "
                                "device 2; call NewNetwork() or SetBase()")
    assert nodes.Get(0).GetObject("ns3::Ipv4").GetNInterfaces() == 1


@pytest.mark.parametrize("network_text, mask, base, message", [
    ("203.0.113.1", "/24", "0.0.0.1",
     "network 203.0.113.1 has host bits set under mask 255.255.255.0"),
    ("203.0.113.0", "/31", "0.0.0.1",
     "invalid mask 255.255.255.254: the prefix length must be 1 to 30"),
    ("203.0.113.0", "/24", "0.0.1.1",
     "base 0.0.1.1 must hold only host bits of mask 255.255.255.0"),
])
def test_address_invalid_base(network_text, mask, base, message):
    with pytest.raises(ValueError) as error:
        internet.Ipv4AddressHelper(network_text, mask, base)
    assert str(error.value) == message


def test_address_needs_base_and_stack():
    with pytest.raises(RuntimeError) as error:
        internet.Ipv4AddressHelper().NewAddress()
    assert str(error.value) == "call SetBase() before allocating addresses"
    nodes = network.NodeContainer()
    nodes.Create(2)
    devices = csma.CsmaHelper().Install(nodes)
    helper = internet.Ipv4AddressHelper()
    helper.SetBase("203.0.113.0", "/24")
    with pytest.raises(ValueError) as error:
        helper.Assign(devices)
    assert str(error.value) == (
        "device 0 of the container is on node 0, which has no IPv4 stack; "
        "install InternetStackHelper or NetnsHelper first")


# Ipv4 ------------------------------------------------------------------------


def test_ipv4_interfaces():
    nodes, devices = plain_pair()
    internet.Ipv4AddressHelper("203.0.113.0", "/24").Assign(devices)
    ipv4 = nodes.Get(0).GetObject("ns3::Ipv4")
    assert ipv4.GetNInterfaces() == 2
    assert ipv4.GetInterfaceForDevice(devices.Get(0)) == 1
    assert ipv4.GetInterfaceForAddress("203.0.113.1") == 1
    assert ipv4.GetInterfaceForAddress("203.0.113.9") == -1
    assert ipv4.GetNAddresses(1) == 1
    assert ipv4.GetNetDevice(1).GetIfIndex() == 0
    ipv4.SetDown(1)
    assert not ipv4.IsUp(1)
    ipv4.SetUp(1)
    assert ipv4.IsUp(1)


def test_ipv4_index_errors():
    nodes, _ = plain_pair()
    ipv4 = nodes.Get(0).GetObject("ns3::Ipv4")
    with pytest.raises(ValueError) as error:
        ipv4.IsUp(5)
    assert str(error.value) == "interface 5 does not exist; the stack has 1"
    with pytest.raises(IndexError) as error:
        ipv4.GetAddress(0, 3)
    assert str(error.value) == "interface 0 has 1 addresses; index 3 is out of range"


def test_ipv4_outliving_destroy_raises():
    nodes, _ = plain_pair()
    ipv4 = nodes.Get(0).GetObject("ns3::Ipv4")
    core.Simulator.Destroy()
    with pytest.raises(core.DisposedError) as error:
        ipv4.GetNInterfaces()
    assert str(error.value) == (
        "ns3::Ipv4L3Protocol (aggregated to node 0) belongs to a simulation that "
        "Simulator.Destroy() ended; build the scenario again to use it")


# Static routing --------------------------------------------------------------


def routed_line():
    """Return nodes a - r - b on two links; a and b route through r."""
    nodes = network.NodeContainer()
    nodes.Create(3)
    link = point_to_point.PointToPointHelper()
    left = link.Install(nodes.Get(0), nodes.Get(1))
    right = link.Install(nodes.Get(1), nodes.Get(2))
    internet.InternetStackHelper().Install(nodes)
    internet.Ipv4AddressHelper("203.0.113.0", "/30").Assign(left)
    internet.Ipv4AddressHelper("203.0.113.4", "/30").Assign(right)
    return nodes


def test_static_routes_carry_traffic():
    nodes = routed_line()
    helper = internet.Ipv4StaticRoutingHelper()
    routing_a = helper.GetStaticRouting(nodes.Get(0).GetObject("ns3::Ipv4"))
    routing_a.AddNetworkRouteTo("203.0.113.4", "255.255.255.252", "203.0.113.2", 1)
    routing_b = helper.GetStaticRouting(nodes.Get(2).GetObject("ns3::Ipv4"))
    routing_b.SetDefaultRoute("203.0.113.5", 1)
    server = applications.UdpEchoServerHelper(9).Install(nodes.Get(2))
    server.Start(core.Seconds(1))
    client_helper = applications.UdpEchoClientHelper("203.0.113.6", 9)
    client_helper.SetAttribute("MaxPackets", 2)
    client = client_helper.Install(nodes.Get(0))
    client.Start(core.Seconds(2))
    replies = []
    client.Get(0).TraceConnectWithoutContext("Rx", replies.append)
    core.Simulator.Stop(core.Seconds(5))
    core.Simulator.Run()
    assert len(replies) == 2


def test_static_route_table():
    nodes = routed_line()
    routing = internet.Ipv4StaticRoutingHelper().GetStaticRouting(
        nodes.Get(0).GetObject("ns3::Ipv4"))
    before = routing.GetNRoutes()
    routing.AddNetworkRouteTo("203.0.113.4", "/30", "203.0.113.2", 1)
    routing.AddHostRouteTo("198.51.100.9", 1)
    routing.AddHostRouteTo("198.51.100.10", "203.0.113.2", 1, 5)
    routing.AddNetworkRouteTo("198.51.100.0", "/24", 1)
    assert routing.GetNRoutes() == before + 4
    route = routing.GetRoute(before)
    assert route.IsNetwork()
    assert route.IsGateway()
    assert route.GetDest() == network.Ipv4Address("203.0.113.4")
    assert route.GetDestNetworkMask() == network.Ipv4Mask("/30")
    assert route.GetGateway() == network.Ipv4Address("203.0.113.2")
    assert route.GetInterface() == 1
    routing.RemoveRoute(before)
    assert routing.GetNRoutes() == before + 3


def test_static_route_errors():
    nodes = routed_line()
    routing = internet.Ipv4StaticRoutingHelper().GetStaticRouting(
        nodes.Get(0).GetObject("ns3::Ipv4"))
    with pytest.raises(ValueError) as error:
        routing.SetDefaultRoute("203.0.113.2", 4)
    assert str(error.value) == (
        "interface 4 does not exist on node 0, which has 2 (0 is loopback)")
    with pytest.raises(IndexError) as error:
        routing.GetRoute(99)
    assert str(error.value).startswith("route index 99 is out of range")
    with pytest.raises(TypeError):
        routing.AddHostRouteTo("198.51.100.300", 1)


def test_static_routing_outliving_destroy_raises():
    nodes = routed_line()
    routing = internet.Ipv4StaticRoutingHelper().GetStaticRouting(
        nodes.Get(0).GetObject("ns3::Ipv4"))
    core.Simulator.Destroy()
    with pytest.raises(core.DisposedError) as error:
        routing.GetNRoutes()
    assert str(error.value) == (
        "this Ipv4StaticRouting belongs to no node of the current simulation")


# Protocols and headers -------------------------------------------------------


def test_protocol_numbers_and_factories():
    assert internet.UdpL4Protocol.PROT_NUMBER == 17
    assert internet.TcpL4Protocol.PROT_NUMBER == 6
    assert internet.TcpSocketFactory.GetTypeId().GetName() == "ns3::TcpSocketFactory"
    assert internet.UdpSocketFactory.GetTypeId().GetName() == "ns3::UdpSocketFactory"


def test_ipv4_header_round_trip():
    header = internet.Ipv4Header()
    header.SetSource("198.51.100.1")
    header.SetDestination("198.51.100.2")
    header.SetProtocol(17)
    header.SetTtl(9)
    header.SetPayloadSize(8)
    packet = network.Packet(8)
    packet.AddHeader(header)
    parsed = internet.Ipv4Header()
    assert packet.RemoveHeader(parsed) == 20
    assert parsed.GetSource() == network.Ipv4Address("198.51.100.1")
    assert parsed.GetDestination() == network.Ipv4Address("198.51.100.2")
    assert parsed.GetProtocol() == 17
    assert parsed.GetTtl() == 9
    assert parsed.GetPayloadSize() == 8
    assert "198.51.100.1 > 198.51.100.2" in str(parsed)


def test_tcp_header_fields():
    header = internet.TcpHeader()
    assert header.GetSerializedSize() == 20
    assert internet.TcpHeader.FlagsToString(
        internet.TcpHeader.SYN | internet.TcpHeader.ACK) == "SYN|ACK"
    assert header.GetSequenceNumber() == 0
    assert header.GetAckNumber() == 0
    assert header.GetFlags() == 0
