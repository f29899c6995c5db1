# SPDX-License-Identifier: GPL-2.0-only
"""Tests of ns3netns.network: addresses, DataRate, Packet and Header, Node,
NodeContainer, NetDevice, NetDeviceContainer and Socket."""

import errno
import re

import pytest

from bindings_support import build_lan, fresh_simulation  # noqa: F401
from ns3netns import applications, core, csma, internet, netns, network


# Addresses -------------------------------------------------------------------


def test_ipv4_address_parse_and_print():
    address = network.Ipv4Address("198.51.100.7")
    assert address.Get() == 0xC6336407
    assert str(address) == "198.51.100.7"
    assert repr(address) == 'Ipv4Address("198.51.100.7")'
    assert network.Ipv4Address(0xC6336407) == address
    assert hash(address) == hash(network.Ipv4Address("198.51.100.7"))
    assert network.Ipv4Address("198.51.100.1") < address
    assert address == "198.51.100.7"
    assert address != None  # noqa: E711
    assert network.InetSocketAddress("198.51.100.7", 9) != address


@pytest.mark.parametrize("text", ["1.2.3", "1.2.3.256", "a.b.c.d", "", " 1.2.3.4"])
def test_ipv4_address_rejects_bad_text(text):
    with pytest.raises(ValueError) as error:
        network.Ipv4Address(text)
    assert str(error.value) == (f'invalid IPv4 address "{text}": expected four '
                                "decimal numbers 0-255 separated by dots")


def test_ipv4_address_constants():
    assert str(network.Ipv4Address.GetAny()) == "0.0.0.0"
    assert network.Ipv4Address.GetLoopback().IsLocalhost()
    assert network.Ipv4Address.GetBroadcast().IsBroadcast()
    assert network.Ipv4Address("224.0.0.1").IsMulticast()
    mask = network.Ipv4Mask("/24")
    address = network.Ipv4Address("198.51.100.7")
    assert str(address.CombineMask(mask)) == "198.51.100.0"
    assert str(address.GetSubnetDirectedBroadcast(mask)) == "198.51.100.255"


def test_ipv4_mask_forms():
    assert network.Ipv4Mask("255.255.0.0") == network.Ipv4Mask("/16")
    assert network.Ipv4Mask("/24").GetPrefixLength() == 24
    assert str(network.Ipv4Mask("/0")) == "0.0.0.0"
    assert network.Ipv4Mask("/24").IsMatch("198.51.100.1", "198.51.100.200")
    assert not network.Ipv4Mask("/24").IsMatch("198.51.100.1", "198.51.101.1")


@pytest.mark.parametrize("text, reason", [
    ("255.0.255.0", "the one bits must be contiguous from the left"),
    ("/33", "the prefix length must be 0 to 32"),
    ("/x", "the prefix length must be 0 to 32"),
    ("255.255", "expected a dotted quad such as 255.255.255.0, or /N"),
])
def test_ipv4_mask_rejects_bad_text(text, reason):
    with pytest.raises(ValueError) as error:
        network.Ipv4Mask(text)
    assert str(error.value) == f'invalid IPv4 mask "{text}": {reason}'


def test_inet_socket_address():
    endpoint = network.InetSocketAddress("198.51.100.7", 9)
    assert endpoint.GetIpv4() == network.Ipv4Address("198.51.100.7")
    assert endpoint.GetPort() == 9
    assert str(endpoint) == "198.51.100.7:9"
    assert endpoint == network.InetSocketAddress(network.Ipv4Address("198.51.100.7"), 9)
    wrapped = network.Address(endpoint)
    assert network.InetSocketAddress.IsMatchingType(wrapped)
    assert network.InetSocketAddress.ConvertFrom(wrapped) == endpoint


def test_address_conversions():
    assert network.Ipv4Address.IsMatchingType(network.Address("198.51.100.7"))
    assert network.InetSocketAddress.IsMatchingType(network.Address("198.51.100.7:80"))
    assert network.Address().IsInvalid()
    with pytest.raises(ValueError) as error:
        network.Ipv4Address.ConvertFrom(network.Address("198.51.100.7:80"))
    # ns-3 numbers address types in registration order, so the first byte varies.
    assert re.fullmatch(r"the address [0-9a-f]{2}-07-c6:33:64:07:50:00:00 does "
                        r"not hold an IPv4 address", str(error.value))
    with pytest.raises(ValueError) as error:
        network.InetSocketAddress.ConvertFrom(network.Address("198.51.100.7"))
    assert re.fullmatch(r"the address [0-9a-f]{2}-04-c6:33:64:07 does not hold "
                        r"an IPv4 address and port", str(error.value))


@pytest.mark.parametrize("text", ["198.51.100.7:x", "198.51.100.7:65536",
                                  "198.51.100.7:-1", "nope"])
def test_address_rejects_bad_text(text):
    with pytest.raises(ValueError) as error:
        network.Address(text)
    assert str(error.value).startswith(f'invalid address "{text}": ')


def test_data_rate():
    assert network.DataRate("10Mbps").GetBitRate() == 10_000_000
    assert network.DataRate("1kB/s").GetBitRate() == 8000
    assert network.DataRate(64000) == network.DataRate("64kbps")
    assert str(network.DataRate("10Mbps")) == "10000000bps"
    with pytest.raises(ValueError) as error:
        network.DataRate("fast")
    assert str(error.value) == ('invalid value "fast" for a data rate: expected a '
                                "number and a unit, such as 10Mbps")


# Packet and Header -----------------------------------------------------------


def test_packet_bytes():
    packet = network.Packet(b"hello")
    assert packet.GetSize() == 5
    assert len(packet) == 5
    assert packet.CopyData() == b"hello"
    assert network.Packet(3).CopyData() == b"\x00\x00\x00"
    assert network.Packet().GetSize() == 0


def test_packet_copy_is_independent():
    packet = network.Packet(b"data")
    copy = packet.Copy()
    header = internet.UdpHeader()
    header.SetDestinationPort(7)
    copy.AddHeader(header)
    assert copy.GetSize() == 12
    assert packet.GetSize() == 4


def test_packet_headers():
    packet = network.Packet(b"payload")
    header = internet.UdpHeader()
    header.SetSourcePort(1234)
    header.SetDestinationPort(7)
    packet.AddHeader(header)
    peeked = internet.UdpHeader()
    assert packet.PeekHeader(peeked) == 8
    assert peeked.GetDestinationPort() == 7
    assert packet.GetSize() == 15
    removed = internet.UdpHeader()
    assert packet.RemoveHeader(removed) == 8
    assert removed.GetSourcePort() == 1234
    assert packet.CopyData() == b"payload"


def test_packet_too_short_for_header():
    packet = network.Packet(b"\x01\x02")
    assert packet.RemoveHeader(internet.UdpHeader()) == 0
    assert packet.PeekHeader(internet.Ipv4Header()) == 0
    assert packet.CopyData() == b"\x01\x02"


# Nodes and devices -----------------------------------------------------------


def test_node_basics():
    node = network.Node()
    assert node.GetId() == 0
    assert node.GetSystemId() == 0
    assert node.GetNDevices() == 0
    assert network.Node().GetId() == 1


def test_node_index_errors():
    node = network.Node()
    with pytest.raises(IndexError) as error:
        node.GetDevice(0)
    assert str(error.value) == "device index 0 is out of range (0 present)"
    with pytest.raises(IndexError) as error:
        node.GetApplication(-1)
    assert str(error.value) == "application index -1 is out of range (0 present)"


def test_node_add_application():
    node = network.Node()
    server = applications.UdpEchoServer()
    assert node.AddApplication(server) == 0
    assert node.GetNApplications() == 1
    assert node.GetApplication(0).GetNode().GetId() == node.GetId()
    with pytest.raises(ValueError) as error:
        network.Node().AddApplication(server)
    assert str(error.value) == "the application already runs on node 0"


def test_node_container():
    nodes = network.NodeContainer()
    nodes.Create(3)
    assert nodes.GetN() == 3
    assert len(nodes) == 3
    assert [node.GetId() for node in nodes] == [0, 1, 2]
    assert nodes[-1].GetId() == 2
    assert nodes.Contains(1)
    both = network.NodeContainer(nodes.Get(2), nodes, network.Node())
    assert [node.GetId() for node in both] == [2, 0, 1, 2, 3]
    assert network.NodeContainer.GetGlobal().GetN() == 4


def test_node_container_errors():
    with pytest.raises(IndexError) as error:
        network.NodeContainer().Get(0)
    assert str(error.value) == "node index 0 is out of range (0 present)"
    with pytest.raises(TypeError) as error:
        network.NodeContainer(5)
    assert str(error.value) == "NodeContainer takes Node and NodeContainer arguments"
    with pytest.raises(ValueError) as error:
        network.NodeContainer().Add("nope")
    assert str(error.value) == 'no node is named "nope"'
    with pytest.raises(TypeError):
        network.NodeContainer().Add(None)


def test_node_container_add_by_name():
    node = network.Node()
    core.Names.Add("n1", node)
    nodes = network.NodeContainer()
    nodes.Add("n1")
    assert nodes.Get(0).GetId() == node.GetId()


def test_net_devices():
    nodes = network.NodeContainer()
    nodes.Create(2)
    devices = csma.CsmaHelper().Install(nodes)
    assert len(devices) == 2
    device = devices.Get(1)
    assert device.GetNode().GetId() == 1
    assert device.GetIfIndex() == 0
    assert device.GetMtu() == 1500
    assert device.SetMtu(1400)
    assert device.GetMtu() == 1400
    assert device.IsLinkUp()
    assert str(device.GetAddress()).endswith("-06-00:00:00:00:00:02")
    assert nodes.Get(0).GetDevice(0).GetInstanceTypeId().GetName() == "ns3::CsmaNetDevice"
    combined = network.NetDeviceContainer(devices, devices.Get(0))
    assert [d.GetNode().GetId() for d in combined] == [0, 1, 0]
    assert combined[-1].GetNode().GetId() == 0
    with pytest.raises(IndexError):
        devices.Get(2)
    with pytest.raises(TypeError):
        network.NetDeviceContainer("eth0")


def test_device_outliving_destroy_raises():
    nodes = network.NodeContainer()
    nodes.Create(2)
    device = csma.CsmaHelper().Install(nodes).Get(0)
    core.Simulator.Destroy()
    with pytest.raises(core.DisposedError) as error:
        device.GetMtu()
    assert str(error.value) == (
        "ns3::CsmaNetDevice (a device) belongs to a simulation that "
        "Simulator.Destroy() ended; build the scenario again to use it")


# Socket ----------------------------------------------------------------------


def udp_pair():
    """Return a LAN with two container processes, each with a bound UDP socket."""
    lan = build_lan()
    first = lan.container("198.51.100.10")
    second = lan.container("198.51.100.11")
    first_fd = first.Socket(netns.AF_INET, netns.SOCK_DGRAM)
    first.Bind(first_fd, "198.51.100.10", 5000)
    second_fd = second.Socket(netns.AF_INET, netns.SOCK_DGRAM)
    second.Bind(second_fd, "198.51.100.11", 6000)
    return lan, (first, first_fd), (second, second_fd)


def test_socket_recv_callback_and_recvfrom():
    lan, (first, first_fd), (second, second_fd) = udp_pair()
    received = []
    first.GetSocket(first_fd).SetRecvCallback(
        lambda socket: received.append(socket.RecvFrom()))
    core.Simulator.Schedule(core.Seconds(1), second.SendTo, second_fd, b"hello",
                            "198.51.100.10", 5000)
    core.Simulator.Run()
    assert len(received) == 1
    packet, sender = received[0]
    assert packet.CopyData() == b"hello"
    assert sender == network.InetSocketAddress("198.51.100.11", 6000)


def test_socket_recv_returns_none_when_empty():
    lan, (first, first_fd), _ = udp_pair()
    socket = first.GetSocket(first_fd)
    assert socket.Recv() is None
    assert socket.RecvFrom() == (None, None)
    assert socket.GetRxAvailable() == 0
    assert socket.GetSockName() == network.InetSocketAddress("198.51.100.10", 5000)


def test_socket_peer_name_unconnected():
    lan, (first, first_fd), _ = udp_pair()
    with pytest.raises(OSError) as error:
        first.GetSocket(first_fd).GetPeerName()
    assert error.value.errno == errno.ENOTCONN
    assert error.value.strerror == "getpeername failed: Transport endpoint is not connected"


def test_socket_callback_replacement_releases_callable():
    lan, (first, first_fd), _ = udp_pair()
    socket = first.GetSocket(first_fd)
    socket.SetRecvCallback(lambda s: None)
    socket.SetRecvCallback(lambda s: None)
    assert core.GetPythonCallableCount() == 1
    socket.SetRecvCallback(None)
    assert core.GetPythonCallableCount() == 0


def test_socket_send_on_connected_udp():
    lan, (first, first_fd), (second, second_fd) = udp_pair()
    second.Connect(second_fd, "198.51.100.10", 5000)
    received = []
    first.SetRecvCallback(first_fd, lambda s: received.append(s.Recv().CopyData()))
    sender = second.GetSocket(second_fd)
    assert sender.GetPeerName() == network.InetSocketAddress("198.51.100.10", 5000)
    core.Simulator.Schedule(core.Seconds(1), sender.Send, network.Packet(b"direct"))
    core.Simulator.Run()
    assert received == [b"direct"]


def test_socket_broadcast_needs_so_broadcast():
    lan, (first, first_fd), _ = udp_pair()
    socket = first.GetSocket(first_fd)
    assert socket.GetAllowBroadcast() is False
    with pytest.raises(OSError) as error:
        first.SendTo(first_fd, b"all", "198.51.100.255", 9)
    assert error.value.errno == errno.EACCES
    assert "198.51.100.255" in error.value.strerror
    assert socket.GetErrno() == errno.EACCES
    assert socket.SetAllowBroadcast(True) is True
    assert socket.GetAllowBroadcast() is True
    assert first.SendTo(first_fd, b"all", "198.51.100.255", 9) == 3


def tcp_listener():
    """Return a LAN and a container listening on TCP 198.51.100.10:80.

    Route isolation is on: with the 2006 patch's shared routes a second
    container's unbound socket sends from the first container's address, so
    the handshake reply never reaches it.
    """
    lan = build_lan(route_isolation=True)
    server = lan.container("198.51.100.10")
    fd = server.Socket(netns.AF_INET, netns.SOCK_STREAM)
    server.Bind(fd, "198.51.100.10", 80)
    server.Listen(fd)
    return lan, server, fd


def test_socket_accept_connect_and_close_callbacks():
    lan, server, listen_fd = tcp_listener()
    events = []
    accepted = []

    def on_accept(socket, address):
        accepted.append(socket)
        events.append(("accepted", address.GetIpv4()))
        socket.SetRecvCallback(lambda s: events.append(("data", s.Recv().CopyData())))
        socket.SetCloseCallbacks(lambda s: events.append("peer closed"), None)

    server.GetSocket(listen_fd).SetAcceptCallback(None, on_accept)
    client = lan.container("198.51.100.11")
    fd = client.Socket(netns.AF_INET, netns.SOCK_STREAM)
    client.GetSocket(fd).SetConnectCallback(
        lambda s: events.append("connected"), lambda s: events.append("refused"))
    client.Connect(fd, "198.51.100.10", 80)
    core.Simulator.Schedule(core.Seconds(1), client.Send, fd, b"over tcp")
    core.Simulator.Schedule(core.Seconds(2), client.Close, fd)
    core.Simulator.Run()
    assert "connected" in events
    assert ("accepted", network.Ipv4Address("198.51.100.11")) in events
    assert ("data", b"over tcp") in events
    assert "peer closed" in events
    assert accepted[0].GetPeerName().GetIpv4() == network.Ipv4Address("198.51.100.11")


def test_socket_accept_request_can_reject():
    lan, server, listen_fd = tcp_listener()
    server.GetSocket(listen_fd).SetAcceptCallback(lambda s, a: False, None)
    client = lan.container("198.51.100.11")
    fd = client.Socket(netns.AF_INET, netns.SOCK_STREAM)
    outcome = []
    client.GetSocket(fd).SetConnectCallback(lambda s: outcome.append("connected"),
                                            lambda s: outcome.append("failed"))
    client.Connect(fd, "198.51.100.10", 80)
    core.Simulator.Stop(core.Seconds(30))
    core.Simulator.Run()
    assert "connected" not in outcome


def test_socket_data_sent_callback():
    lan, server, listen_fd = tcp_listener()
    server.GetSocket(listen_fd).SetAcceptCallback(None, lambda s, a: None)
    client = lan.container("198.51.100.11")
    fd = client.Socket(netns.AF_INET, netns.SOCK_STREAM)
    sent = []
    socket = client.GetSocket(fd)
    socket.SetDataSentCallback(lambda s, size: sent.append(size))
    socket.SetSendCallback(lambda s, available: None)
    client.Connect(fd, "198.51.100.10", 80)
    core.Simulator.Schedule(core.Seconds(1), client.Send, fd, b"x" * 100)
    core.Simulator.Run()
    assert sum(sent) == 100
    assert socket.GetTxAvailable() > 0
    assert socket.GetErrno() == 0


def test_socket_outliving_destroy_raises():
    lan, (first, first_fd), _ = udp_pair()
    socket = first.GetSocket(first_fd)
    core.Simulator.Destroy()
    with pytest.raises(core.DisposedError):
        socket.GetSockName()
    with pytest.raises(core.DisposedError):
        socket.SetRecvCallback(None)
