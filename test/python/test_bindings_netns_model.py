# SPDX-License-Identifier: GPL-2.0-only
"""Tests of ns3netns.netns, model part: Status and errno helpers,
credentials, routes and route tables, socket tables, Host, Namespace and
ViewDevice."""

import errno

import pytest

from bindings_support import build_lan, fresh_simulation  # noqa: F401
from ns3netns import core, netns, network


def assert_os_error(error, number, message):
    """Check the errno and the message of a raised OSError."""
    assert error.value.errno == number
    assert error.value.strerror == message


# Status, names and constants -------------------------------------------------


def test_status_values():
    ok = netns.Status()
    assert ok.IsOk()
    assert ok.ToString() == "OK"
    failed = netns.Status.Error(errno.EADDRINUSE, "port 7 is taken")
    assert not failed.IsOk()
    assert failed.GetErrno() == errno.EADDRINUSE
    assert failed.GetMessage() == "port 7 is taken"
    assert str(failed) == "EADDRINUSE: port 7 is taken"


def test_errno_helpers():
    assert netns.ErrnoName(errno.EADDRINUSE) == "EADDRINUSE"
    assert netns.ErrnoName(200) == "E200"
    assert netns.ErrnoText(errno.ENODEV) == "No such device"
    assert netns.QuoteForMessage("a\nb") == '"a\\x0ab"'


@pytest.mark.parametrize("name, message", [
    ("a b", "invalid interface name \"a b\": '/', ':', NUL and white space are "
            "not allowed"),
    ("x" * 16, 'invalid interface name "xxxxxxxxxxxxxxxx": 16 bytes, the maximum is 15'),
])
def test_interface_name_rules(name, message):
    with pytest.raises(OSError) as error:
        netns.ValidateInterfaceName(name)
    assert_os_error(error, errno.EINVAL, message)


def test_namespace_name_rules():
    netns.ValidateNamespaceName("blue")
    with pytest.raises(OSError) as error:
        netns.ValidateNamespaceName("..")
    assert_os_error(error, errno.EINVAL, 'invalid namespace name "..": reserved name')


def test_constants():
    assert netns.CLONE_NEWNET == 0x40000000
    assert netns.CLONE_NEWNET_PATCH_2006 == 0x08000000
    assert netns.AF_INET == 2
    assert netns.SOCK_STREAM == 1
    assert netns.SOCK_DGRAM == 2
    assert netns.DEBUGFS_DEV_PATH == "/sys/kernel/debug/net_ns/dev"
    assert netns.IFNAMSIZ == 16


def test_credentials():
    root = netns.Credentials.ForUser(0)
    assert root.Has(netns.Capability.SysAdmin)
    user = netns.Credentials.ForUser(1000)
    assert user.uid == 1000
    assert not user.Has(netns.Capability.NetAdmin)
    user.Set(netns.Capability.NetAdmin, True)
    assert user.Has(netns.Capability.NetAdmin)
    assert netns.CapabilityName(netns.Capability.NetBindService) == "CAP_NET_BIND_SERVICE"


# Routes ----------------------------------------------------------------------


def test_route_fields():
    route = netns.Route(destination="203.0.113.0", prefixLength=24,
                        gateway="198.51.100.1", metric=5)
    assert route.HasGateway()
    assert route.Covers("203.0.113.77")
    assert not route.Covers("203.0.114.1")
    assert route.protocol == netns.RouteProtocol.Boot
    assert route.scope == netns.RouteScope.Universe
    route.metric = 7
    assert repr(route) == "203.0.113.0/24 via 198.51.100.1 ifindex 0 metric 7"


def test_route_table_longest_prefix_match():
    table = netns.RouteTable()
    table.Add(netns.Route(destination="10.0.0.0", prefixLength=8, ifindex=2))
    table.Add(netns.Route(destination="10.1.0.0", prefixLength=16, ifindex=3))
    table.Append(netns.Route(destination="10.1.0.0", prefixLength=16, ifindex=4))
    assert table.Lookup("10.1.2.3").ifindex == 3
    assert table.Lookup("10.2.0.1").ifindex == 2
    assert table.Lookup("11.0.0.1") is None
    assert table.Lookup("10.1.2.3", lambda route: route.ifindex != 3).ifindex == 4
    assert [route.prefixLength for route in table.List()] == [8, 16, 16]
    assert len(table) == 3
    assert table.DeleteIf(lambda route: route.ifindex == 4) == 1
    assert table.GetSize() == 2
    assert netns.PrefixToMask(24) == 0xFFFFFF00


def test_route_table_errors():
    table = netns.RouteTable()
    table.Add(netns.Route(destination="10.0.0.0", prefixLength=8, ifindex=2))
    with pytest.raises(FileExistsError) as error:
        table.Add(netns.Route(destination="10.0.0.0", prefixLength=8, ifindex=2))
    assert_os_error(error, errno.EEXIST, "route to 10.0.0.0/8 with metric 0 already exists")
    with pytest.raises(OSError) as error:
        table.Add(netns.Route(destination="10.0.0.1", prefixLength=8, ifindex=2))
    assert_os_error(error, errno.EINVAL, "invalid prefix 10.0.0.1/8: host bits are set")
    with pytest.raises(ProcessLookupError) as error:
        table.Delete(netns.RouteSelector(destination="11.0.0.0", prefixLength=8))
    assert_os_error(error, errno.ESRCH, "no route to 11.0.0.0/8 matches")
    with pytest.raises(TypeError):
        netns.Route(prefixLength=300)


def test_route_selector_optional_fields():
    table = netns.RouteTable()
    table.Add(netns.Route(destination="10.0.0.0", prefixLength=8, ifindex=2, metric=1))
    table.Add(netns.Route(destination="10.0.0.0", prefixLength=8, ifindex=3, metric=2))
    selector = netns.RouteSelector(destination="10.0.0.0", prefixLength=8, metric=2)
    assert selector.gateway is None
    assert selector.metric == 2
    table.Delete(selector)
    assert [route.ifindex for route in table.List()] == [2]


# Socket table ----------------------------------------------------------------


def binding(socket_id, address, port, namespace_id=0):
    """Return a UDP SocketBinding."""
    result = netns.SocketBinding()
    result.socketId = socket_id
    result.local = network.Ipv4Address(address)
    result.port = port
    result.namespaceId = namespace_id
    return result


def test_socket_table_bind_rules():
    table = netns.SocketTable()
    table.Insert(binding(1, "10.0.0.1", 80))
    with pytest.raises(OSError) as error:
        table.CheckBind(binding(2, "0.0.0.0", 80))
    assert_os_error(error, errno.EADDRINUSE,
                    "UDP address 0.0.0.0:80 is already in use in this namespace "
                    "(bound to 10.0.0.1:80)")
    table.CheckBind(binding(2, "0.0.0.0", 80, namespace_id=1))
    with pytest.raises(OSError) as error:
        table.CheckListen(7)
    assert_os_error(error, errno.EINVAL, "socket 7 is not bound")


def test_socket_table_incoming_match():
    table = netns.SocketTable()
    table.Insert(binding(1, "0.0.0.0", 7, namespace_id=1))
    table.Insert(binding(2, "0.0.0.0", 7, namespace_id=2))
    chosen = table.MatchIncoming(netns.Transport.Udp, "10.0.0.1", 7, "10.0.0.9", 5000)
    assert chosen.socketId == 2
    chosen = table.MatchIncoming(netns.Transport.Udp, "10.0.0.1", 7, "10.0.0.9", 5000,
                                 lambda namespace_id: namespace_id == 1)
    assert chosen.socketId == 1
    assert table.Find(1).namespaceId == 1
    assert table.Find(9) is None
    assert [b.socketId for b in table.ListNamespace(2)] == [2]
    assert table.Remove(1)
    assert table.GetSize() == 1


# Host ------------------------------------------------------------------------


def test_host_devices():
    lan = build_lan()
    host = lan.host
    assert host.GetName() == "h1"
    assert host.GetNode().GetId() == lan.host_node.GetId()
    assert [(d.ifindex, d.name, d.loopback) for d in host.GetDevices()] == [
        (1, "lo", True), (2, "eth0", False)]
    assert host.FindDevice("eth0").device.GetInstanceTypeId().GetName() == (
        "ns3::CsmaNetDevice")
    assert host.FindDevice("nope") is None
    assert host.FindDeviceByIfindex(1).name == "lo"
    assert host.IsDeviceUp(2)
    host.SetDeviceUp(2, False)
    assert not host.IsDeviceUp(2)


def test_host_device_errors():
    lan = build_lan()
    with pytest.raises(OSError) as error:
        lan.host.SetDeviceUp(9, True)
    assert_os_error(error, errno.ENODEV, "host h1 has no device with index 9")
    with pytest.raises(OSError) as error:
        lan.host.SetDeviceName(lan.devices.Get(0), "bad name")
    assert_os_error(error, errno.EINVAL,
                    "invalid interface name \"bad name\": '/', ':', NUL and white "
                    "space are not allowed")
    with pytest.raises(OSError) as error:
        lan.host.SetDeviceName(lan.devices.Get(1), "x")
    assert_os_error(error, errno.ENODEV, "the device is not a device of host h1")


def test_host_rename_device():
    lan = build_lan()
    lan.host.SetDeviceName(lan.devices.Get(0), "lan0")
    assert lan.host.FindDevice("lan0").ifindex == 2
    assert lan.host.FindDevice("eth0") is None


def test_host_route_isolation():
    lan = build_lan()
    host = lan.host
    assert not host.IsRouteIsolated()
    assert host.GetAttribute("RouteIsolation") is False
    host.SetAttribute("RouteIsolation", True)
    assert host.IsRouteIsolated()
    host.SetRouteIsolation(False)
    host.SetRouteIsolation(True)
    assert host.IsRouteIsolated()
    lan.container("198.51.100.10")
    with pytest.raises(OSError) as error:
        host.SetRouteIsolation(False)
    assert_os_error(error, errno.EBUSY, "cannot change route isolation on host h1: "
                                        "it has 1 namespaces besides the initial one")


def test_host_namespaces_and_processes():
    lan = build_lan()
    host = lan.host
    initial = host.GetInitialNamespace()
    assert initial.IsInitial()
    assert initial.GetName() == "init"
    process = lan.container("198.51.100.10")
    assert [ns.GetId() for ns in host.GetNamespaces()] == [0, 1]
    assert host.GetNamespace(1).GetName() == "ns1"
    assert host.GetNamespace(9) is None
    assert host.GetProcess(process.GetPid()).GetPid() == process.GetPid()
    assert host.GetProcess(99) is None
    assert [p.GetPid() for p in host.GetProcesses()] == [process.GetPid()]


def test_host_debugfs():
    lan = build_lan()
    process = lan.host.CreateProcess()
    process.Unshare("CLONE_NEWNET")
    ns = process.GetNamespace()
    assert lan.host.ReadDebugfsDev(ns) == ""
    assert lan.host.WriteDebugfsDev(ns, "eth0\n") == 5
    assert lan.host.ReadDebugfsDev(ns) == "eth0\n"
    with pytest.raises(OSError) as error:
        lan.host.WriteDebugfsDev(ns, "nope")
    assert_os_error(error, errno.ENODEV,
                    'write error: No such device: host h1 has no device named "nope"')


def test_host_outliving_destroy_raises():
    lan = build_lan()
    host = lan.host
    core.Simulator.Destroy()
    with pytest.raises(core.DisposedError) as error:
        host.GetNamespaces()
    assert str(error.value) == (
        "ns3::netns::Host (a host) belongs to a simulation that Simulator.Destroy() "
        "ended; build the scenario again to use it")


# Namespace -------------------------------------------------------------------


def test_namespace_view_and_addresses():
    lan = build_lan()
    process = lan.container("198.51.100.10")
    ns = process.GetNamespace()
    assert [(entry.ifindex, entry.name) for entry in ns.GetView()] == [(2, "eth0")]
    entry = ns.FindInView("eth0")
    assert isinstance(entry.device, netns.ViewDevice)
    assert entry.device.GetNamespaceId() == 1
    assert entry.device.GetLowerDevice().GetInstanceTypeId().GetName() == (
        "ns3::CsmaNetDevice")
    assert ns.FindInView("lo") is None
    assert ns.FindInViewByIfindex(2).name == "eth0"
    addresses = ns.GetAddresses()
    assert [(a.device, str(a.local), a.prefixLength) for a in addresses] == [
        ("eth0", "198.51.100.10", 24)]
    assert addresses[0].broadcast == network.Ipv4Address("198.51.100.255")
    assert ns.HoldsAddress("198.51.100.10")
    assert not lan.host.GetInitialNamespace().HoldsAddress("198.51.100.10")


def test_namespace_address_administration():
    lan = build_lan()
    ns = lan.container("198.51.100.10").GetNamespace()
    ns.AddAddress("eth0", "198.51.100.20", 24)
    ns.DeleteAddress("eth0", "198.51.100.20")
    with pytest.raises(OSError) as error:
        ns.DeleteAddress("eth0", "198.51.100.99")
    assert_os_error(error, errno.EADDRNOTAVAIL,
                    "address 198.51.100.99 is not assigned to eth0 in namespace ns1")
    with pytest.raises(OSError) as error:
        ns.AddAddress("eth9", "198.51.100.21", 24)
    assert_os_error(error, errno.ENODEV, 'Cannot find device "eth9"')
    assert ns.FlushAddresses("eth0") == 1
    assert ns.GetAddresses() == []


def test_namespace_links():
    lan = build_lan()
    ns = lan.container("198.51.100.10").GetNamespace()
    ns.SetMtu("eth0", 1400)
    assert lan.devices.Get(0).GetMtu() == 1400
    with pytest.raises(OSError) as error:
        ns.SetMtu("eth0", 70000)
    assert_os_error(error, errno.EINVAL, "invalid MTU 70000 for eth0: IPv4 needs 68 to 65535")
    ns.SetLinkUp("eth0", False)
    assert not lan.host.IsDeviceUp(2)


def test_namespace_routes():
    lan = build_lan()
    ns = lan.container("198.51.100.10").GetNamespace()
    ns.AddRoute(netns.Route(destination="203.0.113.0", prefixLength=24,
                            gateway="198.51.100.1"))
    routes = ns.GetRoutes()
    assert [repr(route) for route in routes] == [
        "198.51.100.0/24 ifindex 2 metric 0 src 198.51.100.10",
        "203.0.113.0/24 via 198.51.100.1 ifindex 2 metric 0"]
    assert [repr(r) for r in ns.GetRouteTable().List()] == [repr(r) for r in routes]
    found = ns.LookupRoute("203.0.113.5")
    assert found.gateway == network.Ipv4Address("198.51.100.1")
    assert found.preferredSource == network.Ipv4Address("198.51.100.10")
    assert ns.SelectSource(routes[1]) == network.Ipv4Address("198.51.100.10")
    assert ns.IsRouteUsable(routes[1])
    ns.DeleteRoute(netns.RouteSelector(destination="203.0.113.0", prefixLength=24))
    with pytest.raises(OSError) as error:
        ns.LookupRoute("203.0.113.5")
    assert_os_error(error, errno.ENETUNREACH, "Network is unreachable: no route to 203.0.113.5")


def test_namespace_route_errors():
    lan = build_lan()
    ns = lan.container("198.51.100.10").GetNamespace()
    with pytest.raises(OSError) as error:
        ns.AddRoute(netns.Route(destination="192.0.2.0", prefixLength=24, gateway="10.0.0.1"))
    assert_os_error(error, errno.ENETUNREACH,
                    "gateway 10.0.0.1 is not on a directly connected network")
    with pytest.raises(ProcessLookupError) as error:
        ns.DeleteRoute(netns.RouteSelector(destination="192.0.2.0", prefixLength=24))
    assert_os_error(error, errno.ESRCH, "no route to 192.0.2.0/24 matches")


def test_namespace_shared_route_table():
    lan = build_lan()
    first = lan.container("198.51.100.10").GetNamespace()
    second = lan.container("198.51.100.11").GetNamespace()
    first.AddRoute(netns.Route(destination="203.0.113.0", prefixLength=24,
                               gateway="198.51.100.1"))
    with pytest.raises(FileExistsError):
        second.AddRoute(netns.Route(destination="203.0.113.0", prefixLength=24,
                                    gateway="198.51.100.1"))
    assert len(second.GetRoutes()) == len(first.GetRoutes())


def test_namespace_name():
    lan = build_lan()
    ns = lan.container("198.51.100.10").GetNamespace()
    ns.SetName("blue")
    assert ns.GetName() == "blue"
    with pytest.raises(OSError) as error:
        ns.SetName("a/b")
    assert_os_error(error, errno.EINVAL,
                    "invalid namespace name \"a/b\": '/' and NUL are not allowed")


def test_namespace_sockets_processes_and_freeing():
    lan = build_lan()
    process = lan.container("198.51.100.10")
    ns = process.GetNamespace()
    fd = process.Socket(netns.AF_INET, netns.SOCK_DGRAM)
    process.Bind(fd, "198.51.100.10", 5000)
    assert [(str(b.local), b.port) for b in ns.GetSockets()] == [("198.51.100.10", 5000)]
    assert ns.GetNOpenSockets() == 1
    assert [p.GetPid() for p in ns.GetProcesses()] == [process.GetPid()]
    process.Exit(0)
    assert not ns.IsAlive()
    with pytest.raises(ProcessLookupError) as error:
        ns.AddAddress("eth0", "198.51.100.30", 24)
    assert_os_error(error, errno.ESRCH, "namespace ns1 has been freed")


def test_namespace_traces_and_counters():
    lan = build_lan(route_isolation=True)
    first = lan.container("198.51.100.10")
    second = lan.container("198.51.100.11")
    receiver = first.Socket(netns.AF_INET, netns.SOCK_DGRAM)
    first.Bind(receiver, "198.51.100.10", 5000)
    sender = second.Socket(netns.AF_INET, netns.SOCK_DGRAM)
    received, sent = [], []
    first.GetNamespace().TraceConnectWithoutContext(
        "Rx", lambda packet, ifindex: received.append((packet.GetSize(), ifindex)))
    second.GetNamespace().TraceConnectWithoutContext(
        "Tx", lambda packet, ifindex: sent.append((packet.GetSize(), ifindex)))
    core.Simulator.Schedule(core.Seconds(1), second.SendTo, sender, b"x" * 10,
                            "198.51.100.10", 5000)
    core.Simulator.Run()
    assert (38, 2) in received
    assert (38, 2) in sent
    ns = first.GetNamespace()
    assert ns.GetRxPackets() == len(received)
    assert ns.GetRxBytes() == sum(size for size, _ in received)
    assert ns.GetDeviceCounters(2).rxPackets == len(received)
    assert second.GetNamespace().GetTxPackets() == len(sent)


def test_namespace_outliving_destroy_raises():
    lan = build_lan()
    ns = lan.container("198.51.100.10").GetNamespace()
    core.Simulator.Destroy()
    with pytest.raises(core.DisposedError) as error:
        ns.GetView()
    assert str(error.value) == (
        "ns3::netns::Namespace (namespace 1) belongs to a simulation that "
        "Simulator.Destroy() ended; build the scenario again to use it")
