# SPDX-License-Identifier: GPL-2.0-only
"""Tests of ns3netns.netns helpers: NetnsHelper (installing namespace
support, view pcaps) and NetnsCaptureHelper (every pcap with a manifest)."""

import errno
import gc
import json

import pytest

from bindings_support import build_lan, fresh_simulation  # noqa: F401
from ns3netns import applications, core, internet, netns, network


def assert_os_error(error, number, message):
    """Check the errno and the message of a raised OSError."""
    assert error.value.errno == number
    assert error.value.strerror == message


def echo_from_peer(lan, target):
    """Run a UDP echo server in a container and 2 requests from the peer."""
    container = lan.container(target)
    server = applications.UdpEchoServer()
    server.SetAttribute("Port", 7)
    container.InstallApplication(server)
    client = applications.UdpEchoClientHelper(target, 7)
    client.SetAttribute("MaxPackets", 2)
    client.Install(lan.peer).Start(core.Seconds(1))
    return container


# NetnsHelper -----------------------------------------------------------------


def test_install_and_get_host():
    nodes = network.NodeContainer()
    nodes.Create(3)
    helper = netns.NetnsHelper()
    helper.SetRouteIsolation(True)
    helper.Install(network.NodeContainer(nodes.Get(0), nodes.Get(1)))
    assert netns.NetnsHelper.GetHost(nodes.Get(0)).IsRouteIsolated()
    assert netns.NetnsHelper.GetHost(nodes.Get(1)) is not None
    assert netns.NetnsHelper.GetHost(nodes.Get(2)) is None
    assert nodes.Get(0).GetObject("ns3::Ipv4") is not None


def test_install_twice():
    node = network.Node()
    netns.NetnsHelper().Install(node)
    with pytest.raises(FileExistsError) as error:
        netns.NetnsHelper().Install(node)
    assert_os_error(error, errno.EEXIST, "node 0 already has network namespace support")


def test_install_on_internet_stack():
    node = network.Node()
    internet.InternetStackHelper().Install(node)
    with pytest.raises(OSError) as error:
        netns.NetnsHelper().Install(node)
    assert_os_error(error, errno.EBUSY,
                    "node 0 already has an IPv4 stack (from InternetStackHelper?); install "
                    "NetnsHelper on hosts instead of it, since namespaces cannot be isolated "
                    "on a stock stack")


def test_install_rejects_none():
    with pytest.raises(TypeError):
        netns.NetnsHelper().Install(None)


def test_enable_pcap_namespace(tmp_path):
    lan = build_lan()
    helper = netns.NetnsHelper()
    container = echo_from_peer(lan, "198.51.100.10")
    container.GetNamespace().SetName("c1")
    prefix = str(tmp_path / "view")
    helper.EnablePcapNamespace(prefix, container.GetNamespace())
    view = container.GetNamespace().FindInView("eth0").device
    expected = netns.NetnsHelper.GetViewFilename(prefix, view)
    assert expected == f"{prefix}_h1_c1_eth0.pcap"
    core.Simulator.Run()
    core.Simulator.Destroy()
    del view, container, lan  # ns-3 completes a pcap when it destroys the device
    gc.collect()
    data = (tmp_path / "view_h1_c1_eth0.pcap").read_bytes()
    assert len(data) > 24


def test_enable_pcap_missing_directory(tmp_path):
    lan = build_lan()
    container = lan.container("198.51.100.10")
    prefix = str(tmp_path / "missing" / "view")
    with pytest.raises(FileNotFoundError) as error:
        netns.NetnsHelper().EnablePcapNamespace(prefix, container.GetNamespace())
    assert_os_error(error, errno.ENOENT,
                    f'cannot create pcap files with prefix "{prefix}": directory '
                    f'"{tmp_path / "missing"}": No such file or directory')


@pytest.mark.parametrize("call", ["EnablePcapAll", "EnablePcapNamespace", "EnablePcap"])
@pytest.mark.parametrize(
    "prefix, number, text",
    [
        ("/proc/netns-pcap-test", errno.ENOENT, "No such file or directory"),
        ("a\x00b", errno.EINVAL, "the name contains a NUL byte"),
        ("a" * 250, errno.ENAMETOOLONG, "File name too long"),
    ],
    ids=["proc", "nul", "long"],
)
def test_enable_pcap_uncreatable_file(tmp_path, monkeypatch, call, prefix, number, text):
    monkeypatch.chdir(tmp_path)
    lan = build_lan()
    container = lan.container("198.51.100.10")
    helper = netns.NetnsHelper()
    view = container.GetNamespace().FindInView("eth0").device
    filename = netns.NetnsHelper.GetViewFilename(prefix, view)
    with pytest.raises(OSError) as error:
        if call == "EnablePcapAll":
            helper.EnablePcapAll(prefix)
        elif call == "EnablePcapNamespace":
            helper.EnablePcapNamespace(prefix, container.GetNamespace())
        else:
            helper.EnablePcap(prefix, view)
    assert error.value.errno == number
    quoted_prefix = '"' + prefix.replace("\x00", "\\x00") + '"'
    quoted_file = '"' + filename.replace("\x00", "\\x00") + '"'
    assert quoted_file in error.value.strerror
    assert error.value.strerror.endswith(text)
    if call != "EnablePcapNamespace":
        expected_start = f"cannot create pcap files with prefix {quoted_prefix}: "
        assert error.value.strerror.startswith(expected_start)
    assert list(tmp_path.iterdir()) == []


def test_enable_pcap_on_view_device(tmp_path):
    lan = build_lan()
    container = echo_from_peer(lan, "198.51.100.10")
    view = container.GetNamespace().FindInView("eth0").device
    netns.NetnsHelper().EnablePcap(str(tmp_path / "one.pcap"), view, False, True)
    core.Simulator.Run()
    core.Simulator.Destroy()
    del view, container, lan
    gc.collect()
    assert len((tmp_path / "one.pcap").read_bytes()) > 24


# NetnsCaptureHelper ----------------------------------------------------------


def test_capture_all(tmp_path):
    lan = build_lan()
    container = echo_from_peer(lan, "198.51.100.10")
    container.GetNamespace().SetName("c1")
    capture = netns.NetnsCaptureHelper(str(tmp_path), "run")
    capture.EnableAll()
    core.Simulator.Run()
    capture.WriteManifest()
    names = [record.file for record in capture.GetFiles()]
    assert "run_h1_c1_eth0.pcap" in names
    assert "run_h1_eth0.pcap" in names
    assert names == sorted(names)
    view = next(r for r in capture.GetFiles() if r.file == "run_h1_c1_eth0.pcap")
    assert view.kind == "view"
    assert view.namespaceName == "c1"
    assert view.netnsHost
    assert view.ifindex == 2
    assert view.packets >= 4  # two requests, two replies, and ARP
    capture.Close()
    assert (tmp_path / "run_h1_c1_eth0.pcap").stat().st_size > 24
    manifest = json.loads((tmp_path / "run_manifest.json").read_text())
    assert capture.GetManifestPath() == str(tmp_path / "run_manifest.json")
    assert isinstance(manifest, dict)


def test_capture_one_node(tmp_path):
    lan = build_lan()
    capture = netns.NetnsCaptureHelper(str(tmp_path), "peer")
    capture.EnableNode(lan.peer)
    kinds = sorted((r.kind, r.node) for r in capture.GetFiles())
    assert kinds == [("device", "node1"), ("loopback", "node1")]
    plain = next(r for r in capture.GetFiles() if r.kind == "device")
    assert plain.namespaceId is None
    assert plain.ns3DeviceIndex == 0


def test_capture_invalid_prefix(tmp_path):
    build_lan()
    capture = netns.NetnsCaptureHelper(str(tmp_path), "a/b")
    with pytest.raises(OSError) as error:
        capture.EnableAll()
    assert_os_error(error, errno.EINVAL,
                    "invalid capture file prefix \"a/b\": use a non-empty name without '/'")


def test_capture_encode_component():
    assert netns.NetnsCaptureHelper.EncodeComponent("c_1 x") == "c%5F1%20x"
