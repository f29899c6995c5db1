# SPDX-License-Identifier: GPL-2.0-only
"""Tests of ns3netns.csma and ns3netns.point_to_point: link helpers, their
attributes and queues, and pcap capture."""

import errno
import gc

import pytest

from bindings_support import fresh_simulation  # noqa: F401
from ns3netns import applications, core, csma, internet, network
from ns3netns import point_to_point

PCAP_MAGIC = (b"\xd4\xc3\xb2\xa1", b"\xa1\xb2\xc3\xd4")


def pcap_records(path):
    """Return the number of packet records in a pcap file with 16-byte headers."""
    data = path.read_bytes()
    assert data[:4] in PCAP_MAGIC
    offset, count = 24, 0
    while offset < len(data):
        included = int.from_bytes(data[offset + 8:offset + 12], "little")
        offset += 16 + included
        count += 1
    return count


def echo_over(nodes, devices, server_address):
    """Give the nodes stacks and addresses, then echo 2 requests between them."""
    internet.InternetStackHelper().Install(nodes)
    internet.Ipv4AddressHelper("203.0.113.0", "/24").Assign(devices)
    applications.UdpEchoServerHelper(9).Install(nodes.Get(1))
    client = applications.UdpEchoClientHelper(server_address, 9)
    client.SetAttribute("MaxPackets", 2)
    client.Install(nodes.Get(0)).Start(core.Seconds(1))


# CSMA ------------------------------------------------------------------------


def test_csma_attributes_by_text_and_value():
    helper = csma.CsmaHelper()
    helper.SetChannelAttribute("DataRate", "100Mbps")
    helper.SetChannelAttribute("Delay", core.MicroSeconds(50))
    helper.SetDeviceAttribute("Mtu", 1400)
    helper.SetDeviceAttribute("EncapsulationMode", "Llc")
    nodes = network.NodeContainer()
    nodes.Create(3)
    devices = helper.Install(nodes)
    assert len(devices) == 3
    assert devices.Get(2).GetMtu() == 1400
    with pytest.raises(AttributeError) as error:
        devices.Get(0).GetAttribute("EncapsulationMode")
    assert str(error.value) == (
        'attribute "EncapsulationMode" of ns3::CsmaNetDevice cannot be read')


def test_csma_attribute_errors():
    helper = csma.CsmaHelper()
    with pytest.raises(AttributeError) as error:
        helper.SetChannelAttribute("Nope", 1)
    assert str(error.value) == 'ns3::CsmaChannel has no attribute "Nope"'
    with pytest.raises(ValueError) as error:
        helper.SetDeviceAttribute("EncapsulationMode", "Ethernet")
    assert str(error.value) == (
        'invalid value "Ethernet" for attribute "EncapsulationMode" of '
        "ns3::CsmaNetDevice: expected one of Dix|Llc")
    with pytest.raises(ValueError):
        helper.SetDeviceAttribute("EncapsulationMode", 7)


@pytest.mark.parametrize("rate", ["0bps", "0Mbps", network.DataRate(0)])
def test_zero_data_rate_rejected(rate):
    # ns-3 divides by the rate: installing a 0 bit/s link would raise SIGFPE.
    for helper, setter, owner in (
            (csma.CsmaHelper(), "SetChannelAttribute", "ns3::CsmaChannel"),
            (point_to_point.PointToPointHelper(), "SetDeviceAttribute",
             "ns3::PointToPointNetDevice")):
        with pytest.raises(ValueError) as error:
            getattr(helper, setter)("DataRate", rate)
        assert str(error.value).endswith(
            f'for attribute "DataRate" of {owner}: a data rate must be at least 1bps')


def test_csma_queue():
    helper = csma.CsmaHelper()
    helper.SetQueue("ns3::DropTailQueue", MaxSize="5p")
    nodes = network.NodeContainer()
    nodes.Create(2)
    devices = helper.Install(nodes)
    queue = devices.Get(0).GetAttribute("TxQueue")
    assert queue.GetInstanceTypeId().GetName() == "ns3::DropTailQueue<Packet>"
    assert queue.GetAttribute("MaxSize") == "5p"


def test_csma_queue_errors():
    helper = csma.CsmaHelper()
    with pytest.raises(ValueError) as error:
        helper.SetQueue("ns3::Node")
    assert str(error.value) == 'no ns-3 type is registered under the name "ns3::Node<Packet>"'
    with pytest.raises(ValueError) as error:
        helper.SetQueue("ns3::DropTailQueue", MaxSize="five")
    assert str(error.value) == (
        'invalid value "five" for attribute "MaxSize" of ns3::DropTailQueue<Packet>: '
        "expected a number and a unit, such as 100p")
    with pytest.raises(AttributeError):
        helper.SetQueue("ns3::DropTailQueue", Nope=1)


def test_csma_install_by_name():
    node = network.Node()
    core.Names.Add("lonely", node)
    devices = csma.CsmaHelper().Install("lonely")
    assert devices.Get(0).GetNode().GetId() == node.GetId()
    with pytest.raises(ValueError) as error:
        csma.CsmaHelper().Install("nope")
    assert str(error.value) == 'no node is named "nope"'


# Point-to-point --------------------------------------------------------------


def test_point_to_point_install_forms():
    helper = point_to_point.PointToPointHelper()
    helper.SetDeviceAttribute("DataRate", "10Mbps")
    helper.SetChannelAttribute("Delay", "2ms")
    a, b = network.Node(), network.Node()
    devices = helper.Install(a, b)
    assert devices.Get(1).GetNode().GetId() == b.GetId()
    assert devices.Get(0).GetAttribute("DataRate") == network.DataRate("10Mbps")
    core.Names.Add("a", a)
    core.Names.Add("b", b)
    assert len(helper.Install("a", "b")) == 2
    assert len(helper.Install(network.NodeContainer(a, b))) == 2


def test_point_to_point_needs_two_nodes():
    nodes = network.NodeContainer()
    nodes.Create(3)
    with pytest.raises(ValueError) as error:
        point_to_point.PointToPointHelper().Install(nodes)
    assert str(error.value) == "a point-to-point link joins exactly 2 nodes, got 3"


def test_point_to_point_bad_delay():
    with pytest.raises(ValueError) as error:
        point_to_point.PointToPointHelper().SetChannelAttribute("Delay", "2 parsecs")
    assert str(error.value) == (
        'invalid value "2 parsecs" for attribute "Delay" of ns3::PointToPointChannel: '
        'unknown time unit " parsecs"; use s, ms, us, ns, ps, fs, min, h, d or y')


# Pcap ------------------------------------------------------------------------


def test_pcap_per_device_and_container(tmp_path):
    helper = point_to_point.PointToPointHelper()
    nodes = network.NodeContainer()
    nodes.Create(2)
    devices = helper.Install(nodes)
    echo_over(nodes, devices, "203.0.113.2")
    helper.EnablePcap(str(tmp_path / "link"), devices)
    helper.EnablePcap(str(tmp_path / "one.pcap"), devices.Get(0), False, True)
    core.Simulator.Run()
    core.Simulator.Destroy()
    del devices  # ns-3 completes a pcap when it destroys the device
    gc.collect()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "link-0-0.pcap", "link-1-0.pcap", "one.pcap"]
    assert pcap_records(tmp_path / "link-0-0.pcap") == 4
    assert pcap_records(tmp_path / "one.pcap") == 4


def test_pcap_all_and_by_ids(tmp_path):
    helper = csma.CsmaHelper()
    nodes = network.NodeContainer()
    nodes.Create(2)
    devices = helper.Install(nodes)
    echo_over(nodes, devices, "203.0.113.2")
    helper.EnablePcapAll(str(tmp_path / "all"))
    helper.EnablePcap(str(tmp_path / "ids"), 1, 0)
    helper.EnablePcap(str(tmp_path / "nodes"), network.NodeContainer(nodes.Get(0)))
    core.Simulator.Run()
    core.Simulator.Destroy()
    del devices  # ns-3 completes a pcap when it destroys the device
    gc.collect()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "all-0-0.pcap", "all-1-0.pcap", "ids-1-0.pcap", "nodes-0-0.pcap"]
    assert pcap_records(tmp_path / "ids-1-0.pcap") == pcap_records(
        tmp_path / "all-1-0.pcap")


def test_pcap_bad_ids():
    helper = csma.CsmaHelper()
    nodes = network.NodeContainer()
    nodes.Create(2)
    helper.Install(nodes)
    with pytest.raises(ValueError) as error:
        helper.EnablePcap("x", 5, 0)
    assert str(error.value) == "no node has id 5"
    with pytest.raises(ValueError) as error:
        helper.EnablePcap("x", 0, 3)
    assert str(error.value) == "node 0 has no device 3"


@pytest.mark.parametrize("helper_type", [csma.CsmaHelper, point_to_point.PointToPointHelper])
@pytest.mark.parametrize(
    "prefix, number",
    [("/proc/netns-pcap-test", errno.ENOENT), ("a\x00b", errno.EINVAL),
     ("a" * 250, errno.ENAMETOOLONG)],
    ids=["proc", "nul", "long"],
)
def test_pcap_uncreatable_file(tmp_path, monkeypatch, helper_type, prefix, number):
    monkeypatch.chdir(tmp_path)
    helper = helper_type()
    nodes = network.NodeContainer()
    nodes.Create(2)
    devices = helper.Install(nodes)
    quoted = '"' + prefix.replace("\x00", "\\x00") + '"'
    calls = [
        lambda: helper.EnablePcapAll(prefix),
        lambda: helper.EnablePcap(prefix, devices),
        lambda: helper.EnablePcap(prefix, nodes),
        lambda: helper.EnablePcap(prefix, devices.Get(0)),
        lambda: helper.EnablePcap(prefix, 0, 0),
        lambda: helper.EnablePcap(prefix + "-explicit.pcap", devices.Get(0), False, True),
    ]
    for call in calls:
        with pytest.raises(OSError) as error:
            call()
        assert error.value.errno == number
        # The explicit file name adds to the prefix, so the closing quote moves.
        expected_start = f"cannot create pcap files with prefix {quoted[:-1]}"
        assert error.value.strerror.startswith(expected_start)
    assert list(tmp_path.iterdir()) == []


def test_pcap_missing_directory(tmp_path):
    helper = csma.CsmaHelper()
    nodes = network.NodeContainer()
    nodes.Create(2)
    devices = helper.Install(nodes)
    prefix = str(tmp_path / "missing" / "lan")
    with pytest.raises(FileNotFoundError) as error:
        helper.EnablePcap(prefix, devices)
    assert error.value.errno == errno.ENOENT
    assert error.value.strerror == (
        f'cannot create pcap files with prefix "{prefix}": directory '
        f'"{tmp_path / "missing"}": No such file or directory')
    (tmp_path / "file").write_text("")
    with pytest.raises(NotADirectoryError):
        helper.EnablePcapAll(str(tmp_path / "file" / "lan"))
