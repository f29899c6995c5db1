# SPDX-License-Identifier: GPL-2.0-only
"""Tests of ns3netns.applications: the UDP echo, packet sink, on-off and
bulk-send applications, their helpers, traces and ApplicationContainer."""

import pytest

from bindings_support import fresh_simulation  # noqa: F401
from ns3netns import applications, core, internet, network, point_to_point


def linked_pair():
    """Return two plain nodes on a point-to-point link, 203.0.113.1 and .2."""
    nodes = network.NodeContainer()
    nodes.Create(2)
    devices = point_to_point.PointToPointHelper().Install(nodes)
    internet.InternetStackHelper().Install(nodes)
    internet.Ipv4AddressHelper("203.0.113.0", "/24").Assign(devices)
    return nodes


def test_udp_echo_with_traces():
    nodes = linked_pair()
    server_apps = applications.UdpEchoServerHelper(9).Install(nodes.Get(1))
    server_apps.Start(core.Seconds(1))
    client_helper = applications.UdpEchoClientHelper("203.0.113.2", 9)
    client_helper.SetAttribute("MaxPackets", 3)
    client_helper.SetAttribute("Interval", "100ms")
    client_helper.SetAttribute("PacketSize", 32)
    client_apps = client_helper.Install(nodes.Get(0))
    client_apps.Start(core.Seconds(2))
    client = client_apps.Get(0)
    assert isinstance(client, applications.UdpEchoClient)
    sent = []
    replies = []
    requests = []
    client.TraceConnectWithoutContext("Tx", lambda packet: sent.append(packet.GetSize()))
    client.TraceConnectWithoutContext(
        "RxWithAddresses", lambda packet, source, local: replies.append(source))
    server_apps.Get(0).TraceConnect(
        "Rx", "server", lambda context, packet: requests.append(context))
    core.Simulator.Run()
    assert sent == [32, 32, 32]
    assert replies == [network.InetSocketAddress("203.0.113.2", 9)] * 3
    assert requests == ["server"] * 3


def test_echo_client_fill():
    nodes = linked_pair()
    applications.UdpEchoServerHelper(9).Install(nodes.Get(1))
    helper = applications.UdpEchoClientHelper(network.InetSocketAddress("203.0.113.2", 9))
    helper.SetAttribute("MaxPackets", 1)
    client = helper.Install(nodes.Get(0)).Get(0)
    helper.SetFill(client, "hello")
    assert client.GetDataSize() == 6
    payloads = []
    client.TraceConnectWithoutContext("Rx", lambda packet: payloads.append(packet.CopyData()))
    core.Simulator.Run()
    assert payloads == [b"hello\x00"]
    with pytest.raises(TypeError) as error:
        helper.SetFill(applications.PacketSink(), "x")
    assert str(error.value) == "SetFill needs a UdpEchoClient"


def test_onoff_to_packet_sink():
    nodes = linked_pair()
    sink_helper = applications.PacketSinkHelper(
        "ns3::UdpSocketFactory", network.InetSocketAddress(network.Ipv4Address.GetAny(), 9))
    sink = sink_helper.Install(nodes.Get(1)).Get(0)
    sender_helper = applications.OnOffHelper(
        "ns3::UdpSocketFactory", network.InetSocketAddress("203.0.113.2", 9))
    sender_helper.SetConstantRate(network.DataRate("80kbps"), 100)
    sender_helper.SetAttribute("MaxBytes", 1000)
    sender = sender_helper.Install(nodes.Get(0)).Get(0)
    assert isinstance(sender, applications.OnOffApplication)
    sources = []
    sink.TraceConnectWithoutContext("Rx", lambda packet, source: sources.append(source))
    core.Simulator.Stop(core.Seconds(5))
    core.Simulator.Run()
    assert sink.GetTotalRx() == 1000
    assert len(sources) == 10
    assert sources[0].GetIpv4() == network.Ipv4Address("203.0.113.1")
    assert sender.GetSocket() is not None


def test_bulk_send_over_tcp():
    nodes = linked_pair()
    sink_helper = applications.PacketSinkHelper(
        "ns3::TcpSocketFactory", network.InetSocketAddress(network.Ipv4Address.GetAny(), 80))
    sink = sink_helper.Install(nodes.Get(1)).Get(0)
    bulk_helper = applications.BulkSendHelper(
        "ns3::TcpSocketFactory", network.InetSocketAddress("203.0.113.2", 80))
    bulk_helper.SetAttribute("MaxBytes", 5000)
    bulk = bulk_helper.Install(nodes.Get(0)).Get(0)
    sent = []
    bulk.TraceConnectWithoutContext("Tx", lambda packet: sent.append(packet.GetSize()))
    core.Simulator.Stop(core.Seconds(10))
    core.Simulator.Run()
    assert sink.GetTotalRx() == 5000
    assert sum(sent) == 5000
    assert len(sink.GetAcceptedSockets()) == 1
    assert sink.GetListeningSocket() is not None


def test_sequence_header_trace():
    nodes = linked_pair()
    sink_helper = applications.PacketSinkHelper(
        "ns3::UdpSocketFactory", network.InetSocketAddress(network.Ipv4Address.GetAny(), 9))
    sink_helper.SetAttribute("EnableSeqTsSizeHeader", True)
    sink = sink_helper.Install(nodes.Get(1)).Get(0)
    sender_helper = applications.OnOffHelper(
        "ns3::UdpSocketFactory", network.InetSocketAddress("203.0.113.2", 9))
    sender_helper.SetConstantRate(network.DataRate("80kbps"), 100)
    sender_helper.SetAttribute("MaxBytes", 300)
    sender_helper.SetAttribute("EnableSeqTsSizeHeader", True)
    sender_helper.Install(nodes.Get(0))
    headers = []
    sink.TraceConnectWithoutContext(
        "RxWithSeqTsSize", lambda packet, source, local, header: headers.append(header))
    core.Simulator.Stop(core.Seconds(5))
    core.Simulator.Run()
    assert [header.GetSeq() for header in headers] == [0, 1, 2]
    assert all(header.GetSize() == 100 for header in headers)
    assert headers[0].GetTs().IsStrictlyPositive()


def test_helper_attribute_errors():
    helper = applications.UdpEchoClientHelper("203.0.113.2", 9)
    with pytest.raises(AttributeError) as error:
        helper.SetAttribute("Nope", 1)
    assert str(error.value) == 'ns3::UdpEchoClient has no attribute "Nope"'
    with pytest.raises(ValueError) as error:
        helper.SetAttribute("Interval", "soon")
    assert str(error.value) == (
        'invalid value "soon" for attribute "Interval" of ns3::UdpEchoClient: '
        'expected a number with an optional unit, such as "2ms" or "1.5s"')


@pytest.mark.parametrize("protocol, message", [
    ("ns3::Nope", 'no ns-3 type is registered under the name "ns3::Nope"'),
    ("ns3::Node", '"ns3::Node" is not a socket factory; use '
                  "ns3::UdpSocketFactory or ns3::TcpSocketFactory"),
])
def test_helper_protocol_errors(protocol, message):
    address = network.InetSocketAddress("203.0.113.2", 9)
    for helper_class in (applications.PacketSinkHelper, applications.OnOffHelper,
                         applications.BulkSendHelper):
        with pytest.raises(ValueError) as error:
            helper_class(protocol, address)
        assert str(error.value) == message


def test_helper_install_needs_socket_factory():
    node = network.Node()
    with pytest.raises(ValueError) as error:
        applications.UdpEchoServerHelper(9).Install(node)
    assert str(error.value) == (
        "node 0 has no ns3::UdpSocketFactory; install an internet stack on it first")
    sink_helper = applications.PacketSinkHelper(
        "ns3::UdpSocketFactory", network.InetSocketAddress(network.Ipv4Address.GetAny(), 9))
    sink_helper.SetAttribute("Protocol", "ns3::TcpSocketFactory")
    with pytest.raises(ValueError) as error:
        sink_helper.Install(node)
    assert str(error.value) == (
        "node 0 has no ns3::TcpSocketFactory; install an internet stack on it first")
    assert node.GetNApplications() == 0


def test_helper_install_by_name():
    nodes = linked_pair()
    core.Names.Add("server", nodes.Get(1))
    apps = applications.UdpEchoServerHelper(9).Install("server")
    assert apps.Get(0).GetNode().GetId() == 1
    with pytest.raises(ValueError) as error:
        applications.UdpEchoServerHelper(9).Install("nope")
    assert str(error.value) == 'no node is named "nope"'


def test_constant_rate_rejects_empty_packets():
    helper = applications.OnOffHelper("ns3::UdpSocketFactory", "203.0.113.2:9")
    with pytest.raises(ValueError) as error:
        helper.SetConstantRate(network.DataRate("1Mbps"), 0)
    assert str(error.value) == "the packet size must be at least 1 byte"


def test_zero_data_rate_rejected():
    helper = applications.OnOffHelper("ns3::UdpSocketFactory", "203.0.113.2:9")
    with pytest.raises(ValueError) as error:
        helper.SetConstantRate(network.DataRate(0), 100)
    assert str(error.value) == "invalid data rate 0bps: a data rate must be at least 1bps"
    with pytest.raises(ValueError) as error:
        helper.SetAttribute("DataRate", "0bps")
    assert str(error.value) == (
        'invalid value "0bps" for attribute "DataRate" of ns3::OnOffApplication: '
        "a data rate must be at least 1bps")


def test_application_objects():
    server = applications.UdpEchoServer()
    assert server.GetNode() is None
    server.SetAttribute("Port", 7)
    assert server.GetAttribute("Port") == 7
    server.SetStartTime(core.Seconds(1))
    assert server.GetAttribute("StartTime") == core.Seconds(1)
    with pytest.raises(ValueError) as error:
        server.SetStopTime(core.Seconds(-1))
    assert str(error.value) == "the stop time must not be negative, got -1e+09ns"
    client = applications.UdpEchoClient()
    client.SetDataSize(40)
    assert client.GetDataSize() == 40
    client.SetFill("abc")
    assert client.GetDataSize() == 4
    assert applications.PacketSink().GetTotalRx() == 0
    assert applications.BulkSendApplication().GetSocket() is None


def test_application_container():
    nodes = linked_pair()
    apps = applications.UdpEchoServerHelper(9).Install(nodes)
    assert len(apps) == 2
    combined = applications.ApplicationContainer(applications.UdpEchoServer())
    combined.Add(apps)
    assert combined.GetN() == 3
    assert [app.GetNode() is None for app in combined] == [True, False, False]
    apps.Start(core.Seconds(1))
    apps.Stop(core.Seconds(2))
    assert apps.Get(1).GetAttribute("StopTime") == core.Seconds(2)
    with pytest.raises(IndexError) as error:
        apps.Get(2)
    assert str(error.value) == "application index 2 is out of range (2 present)"
    with pytest.raises(ValueError) as error:
        apps.Start(core.Seconds(-1))
    assert str(error.value) == "the start time must not be negative, got -1e+09ns"


def test_application_outliving_destroy():
    nodes = linked_pair()
    sink_helper = applications.PacketSinkHelper(
        "ns3::UdpSocketFactory", network.InetSocketAddress(network.Ipv4Address.GetAny(), 9))
    sink = sink_helper.Install(nodes.Get(1)).Get(0)
    core.Simulator.Destroy()
    assert sink.GetNode() is None
    assert sink.GetTotalRx() == 0
    assert sink.GetAttribute("Protocol").GetName() == "ns3::UdpSocketFactory"
