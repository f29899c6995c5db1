# SPDX-License-Identifier: GPL-2.0-only
"""Tests of ns3netns.netns.Process: unshare, fork and exit, the emulated
files, sockets with Python receive callbacks, administration and
applications."""

import errno

import pytest

from bindings_support import build_lan, fresh_simulation  # noqa: F401
from ns3netns import applications, core, netns, network


def assert_os_error(error, number, message):
    """Check the errno and the message of a raised OSError."""
    assert error.value.errno == number
    assert error.value.strerror == message


# Lifecycle -------------------------------------------------------------------


def test_unshare_by_name_and_number():
    lan = build_lan()
    by_name = lan.host.CreateProcess()
    by_name.Unshare("CLONE_NEWNET")
    by_number = lan.host.CreateProcess()
    by_number.Unshare(netns.CLONE_NEWNET)
    patch_flag = lan.host.CreateProcess()
    patch_flag.Unshare(netns.CLONE_NEWNET_PATCH_2006)
    ids = [p.GetNamespace().GetId() for p in (by_name, by_number, patch_flag)]
    assert ids == [1, 2, 3]


def test_unshare_without_capability():
    lan = build_lan()
    user = lan.host.CreateProcess(1000)
    with pytest.raises(PermissionError) as error:
        user.Unshare("CLONE_NEWNET")
    assert_os_error(error, errno.EPERM,
                    "unshare failed: Operation not permitted: CLONE_NEWNET needs "
                    f"CAP_SYS_ADMIN, which process {user.GetPid()} (uid 1000) lacks")
    assert user.GetNamespace().IsInitial()


@pytest.mark.parametrize("flags, message", [
    (0x1, "unshare failed: Invalid argument: flags 0x00000001 are not emulated; "
          "only CLONE_NEWNET is"),
    ("CLONE_NEWPID", 'unshare failed: Invalid argument: unknown or unsupported flag '
                     '"CLONE_NEWPID"; only CLONE_NEWNET is emulated'),
    ("", "unshare failed: Invalid argument: no flag given"),
])
def test_unshare_invalid_flags(flags, message):
    process = build_lan().host.CreateProcess()
    with pytest.raises(OSError) as error:
        process.Unshare(flags)
    assert_os_error(error, errno.EINVAL, message)


def test_fork_and_exit():
    lan = build_lan()
    parent = lan.container("198.51.100.10")
    child = parent.Fork()
    assert child.GetParentPid() == parent.GetPid()
    assert child.GetNamespace().GetId() == parent.GetNamespace().GetId()
    assert child.GetUid() == 0
    parent.Exit(3)
    assert not parent.IsAlive()
    assert parent.GetExitStatus() == 3
    with pytest.raises(ProcessLookupError) as error:
        parent.Fork()
    assert_os_error(error, errno.ESRCH, f"fork: process {parent.GetPid()} has exited")
    assert child.GetNamespace().IsAlive()


def test_capabilities():
    lan = build_lan()
    process = lan.container("198.51.100.10")
    assert process.GetCredentials().Has(netns.Capability.NetAdmin)
    process.SetCapability(netns.Capability.NetAdmin, False)
    with pytest.raises(PermissionError) as error:
        process.SetLinkUp("eth0", True)
    assert_os_error(error, errno.EPERM,
                    "ip link set: Operation not permitted: CAP_NET_ADMIN is required "
                    f"and process {process.GetPid()} (uid 0) lacks it")


def test_process_outliving_destroy_raises():
    process = build_lan().container("198.51.100.10")
    core.Simulator.Destroy()
    with pytest.raises(core.DisposedError) as error:
        process.GetPid()
    assert str(error.value) == (
        "ns3::netns::Process (process 1) belongs to a simulation that "
        "Simulator.Destroy() ended; build the scenario again to use it")


# Files -----------------------------------------------------------------------


def test_debugfs_reveal_and_read():
    lan = build_lan()
    process = lan.host.CreateProcess()
    process.Unshare("CLONE_NEWNET")
    assert process.ReadFile(netns.DEBUGFS_DEV_PATH) == ""
    assert process.WriteFile(netns.DEBUGFS_DEV_PATH, "eth0\n") == 5
    assert process.ReadFile(netns.DEBUGFS_DEV_PATH) == "eth0\n"
    assert "eth0:" in process.ReadFile("/proc/net/dev")


@pytest.mark.parametrize("path, data, exception, number, message", [
    (netns.DEBUGFS_DEV_PATH, "eth9", OSError, errno.ENODEV,
     'write error: No such device: host h1 has no device named "eth9"'),
    (netns.DEBUGFS_DEV_PATH, "x" * 16, OSError, errno.EINVAL,
     'write error: device name "xxxxxxxxxxxxxxxx" is 16 bytes; names have at most 15'),
    ("/proc/net/dev", "x", PermissionError, errno.EACCES,
     "cannot open /proc/net/dev for writing: Permission denied"),
    ("/etc/x", "x", FileNotFoundError, errno.ENOENT, "/etc/x: No such file or directory"),
])
def test_write_file_errors(path, data, exception, number, message):
    process = build_lan().host.CreateProcess()
    with pytest.raises(exception) as error:
        process.WriteFile(path, data)
    assert_os_error(error, number, message)


def test_read_unknown_file():
    process = build_lan().host.CreateProcess()
    with pytest.raises(FileNotFoundError) as error:
        process.ReadFile("/etc/passwd")
    assert_os_error(error, errno.ENOENT, "/etc/passwd: No such file or directory")


# Sockets ---------------------------------------------------------------------


@pytest.mark.parametrize("domain, kind, protocol, number, message", [
    (10, netns.SOCK_DGRAM, 0, errno.EAFNOSUPPORT,
     "socket: address family 10 is not supported; only AF_INET (2) is emulated"),
    (netns.AF_INET, 3, 0, errno.EINVAL,
     "socket: type 3 is not emulated; use SOCK_STREAM (1) or SOCK_DGRAM (2)"),
    (netns.AF_INET, netns.SOCK_DGRAM, 6, errno.EPROTONOSUPPORT,
     "socket: protocol 6 does not match socket type 2"),
])
def test_socket_errors(domain, kind, protocol, number, message):
    process = build_lan().host.CreateProcess()
    with pytest.raises(OSError) as error:
        process.Socket(domain, kind, protocol)
    assert_os_error(error, number, message)


def test_descriptors():
    process = build_lan().container("198.51.100.10")
    udp = process.Socket(netns.AF_INET, netns.SOCK_DGRAM)
    tcp = process.Socket(netns.AF_INET, netns.SOCK_STREAM)
    assert (udp, tcp) == (3, 4)
    assert process.GetFds() == [3, 4]
    assert isinstance(process.GetSocket(udp), network.Socket)
    assert process.GetSocket(9) is None
    process.Close(udp)
    assert process.GetFds() == [4]
    with pytest.raises(OSError) as error:
        process.Close(udp)
    assert_os_error(error, errno.EBADF, f"bad file descriptor 3 in process {process.GetPid()}")
    with pytest.raises(OSError) as error:
        process.Recv(udp)
    assert_os_error(error, errno.EBADF, f"bad file descriptor 3 in process {process.GetPid()}")


def test_bind_rules():
    lan = build_lan()
    first = lan.container("198.51.100.10")
    second = lan.container("198.51.100.11")
    fd = first.Socket(netns.AF_INET, netns.SOCK_DGRAM)
    first.Bind(fd, "198.51.100.10", 5000)
    other_namespace = second.Socket(netns.AF_INET, netns.SOCK_DGRAM)
    second.Bind(other_namespace, "0.0.0.0", 5000)
    again = first.Socket(netns.AF_INET, netns.SOCK_DGRAM)
    with pytest.raises(OSError) as error:
        first.Bind(again, "198.51.100.10", 5000)
    assert_os_error(error, errno.EADDRINUSE,
                    "UDP address 198.51.100.10:5000 is already in use in this namespace "
                    "(bound to 198.51.100.10:5000)")
    with pytest.raises(OSError) as error:
        first.Bind(fd, "198.51.100.10", 5001)
    assert_os_error(error, errno.EINVAL, "the socket is already bound to 198.51.100.10:5000")
    with pytest.raises(OSError) as error:
        first.Bind(again, "203.0.113.1", 5000)
    assert_os_error(error, errno.EADDRNOTAVAIL,
                    "cannot bind to 203.0.113.1: the address is not held by any namespace "
                    "of host h1")


def test_bind_privileged_port():
    lan = build_lan()
    user = lan.host.CreateProcess(1000)
    fd = user.Socket(netns.AF_INET, netns.SOCK_DGRAM)
    with pytest.raises(PermissionError) as error:
        user.Bind(fd, "0.0.0.0", 80)
    assert_os_error(error, errno.EACCES,
                    "binding port 80 needs CAP_NET_BIND_SERVICE, which process "
                    f"{user.GetPid()} (uid 1000) lacks")


def test_listen_on_datagram_socket():
    process = build_lan().container("198.51.100.10")
    fd = process.Socket(netns.AF_INET, netns.SOCK_DGRAM)
    with pytest.raises(OSError) as error:
        process.Listen(fd)
    assert_os_error(error, errno.EOPNOTSUPP,
                    "listen: Operation not supported on datagram socket 3")


def test_send_unconnected_tcp():
    process = build_lan().container("198.51.100.10")
    fd = process.Socket(netns.AF_INET, netns.SOCK_STREAM)
    with pytest.raises(OSError) as error:
        process.Send(fd, b"x")
    assert_os_error(error, errno.ENOTCONN,
                    "send failed: Transport endpoint is not connected (fd 3, 1 bytes)")


def test_udp_exchange_with_receive_callback():
    lan = build_lan(route_isolation=True)
    first = lan.container("198.51.100.10")
    second = lan.container("198.51.100.11")
    receiver = first.Socket(netns.AF_INET, netns.SOCK_DGRAM)
    first.SetReuseAddress(receiver, True)
    first.Bind(receiver, "0.0.0.0", 5000)
    received = []
    first.SetRecvCallback(receiver, lambda socket: received.append(first.RecvFrom(receiver)))
    sender = second.Socket(netns.AF_INET, netns.SOCK_DGRAM)
    core.Simulator.Schedule(core.Seconds(1), second.SendTo, sender, b"bytes",
                            "198.51.100.10", 5000)
    core.Simulator.Schedule(core.Seconds(2), second.SendTo, sender,
                            network.Packet(b"packet"), "198.51.100.10", 5000)
    core.Simulator.Run()
    assert [packet.CopyData() for packet, _ in received] == [b"bytes", b"packet"]
    assert received[0][1].GetIpv4() == network.Ipv4Address("198.51.100.11")
    assert first.Recv(receiver) is None


def test_udp_to_plain_node_and_back():
    lan = build_lan(route_isolation=True)
    process = lan.container("198.51.100.10")
    echo = applications.UdpEchoServerHelper(7).Install(lan.peer)
    echo.Start(core.Seconds(0.5))
    fd = process.Socket(netns.AF_INET, netns.SOCK_DGRAM)
    process.Connect(fd, lan.peer_address, 7)
    replies = []
    process.SetRecvCallback(fd, lambda socket: replies.append(socket.Recv().CopyData()))
    core.Simulator.Schedule(core.Seconds(1), process.Send, fd, b"ping")
    core.Simulator.Run()
    assert replies == [b"ping"]


def test_loopback_is_isolated():
    lan = build_lan(route_isolation=True)
    owner = lan.container("198.51.100.10")
    other = lan.container("198.51.100.11")
    listener = owner.Socket(netns.AF_INET, netns.SOCK_STREAM)
    owner.Bind(listener, "127.0.0.1", 8080)
    owner.Listen(listener)
    outcomes = {}

    def connect(process, name):
        fd = process.Socket(netns.AF_INET, netns.SOCK_STREAM)
        process.GetSocket(fd).SetConnectCallback(
            lambda s: outcomes.__setitem__(name, "connected"),
            lambda s: outcomes.__setitem__(name, "refused"))
        process.Connect(fd, "127.0.0.1", 8080)

    core.Simulator.Schedule(core.Seconds(1), connect, owner, "owner")
    core.Simulator.Schedule(core.Seconds(1), connect, other, "other")
    core.Simulator.Run()
    assert outcomes == {"owner": "connected", "other": "refused"}


def test_unsupported_trace_signature():
    process = build_lan().container("198.51.100.10")
    socket = process.GetSocket(process.Socket(netns.AF_INET, netns.SOCK_STREAM))
    with pytest.raises(TypeError) as error:
        socket.TraceConnectWithoutContext("EcnState", print)
    assert str(error.value) == (
        'trace source "EcnState" of ns3::netns::NamespaceTcpSocket has signature '
        "ns3::TcpSocketState::EcnStatesTracedValueCallback, which the Python bindings "
        "cannot convert")


def test_tcp_state_trace():
    lan = build_lan(route_isolation=True)
    server = lan.container("198.51.100.10")
    listener = server.Socket(netns.AF_INET, netns.SOCK_STREAM)
    server.Bind(listener, "198.51.100.10", 80)
    server.Listen(listener)
    client = lan.container("198.51.100.11")
    fd = client.Socket(netns.AF_INET, netns.SOCK_STREAM)
    states = []
    client.GetSocket(fd).TraceConnectWithoutContext(
        "State", lambda old, new: states.append(new))
    client.Connect(fd, "198.51.100.10", 80)
    core.Simulator.Stop(core.Seconds(2))
    core.Simulator.Run()
    assert states[:2] == ["SYN_SENT", "ESTABLISHED"]


# Administration and applications ---------------------------------------------


def test_administration():
    lan = build_lan()
    process = lan.container("198.51.100.10")
    process.AddAddress("eth0", "198.51.100.20", 24)
    process.DeleteAddress("eth0", "198.51.100.20", 24)
    process.AddRoute(netns.Route(destination="203.0.113.0", prefixLength=24,
                                 gateway="198.51.100.1"))
    process.DeleteRoute(netns.RouteSelector(destination="203.0.113.0", prefixLength=24))
    process.SetMtu("eth0", 1280)
    process.SetLinkUp("eth0", True)
    assert process.FlushAddresses("eth0") == 1
    user = lan.host.CreateProcess(1000)
    with pytest.raises(PermissionError) as error:
        user.AddAddress("eth0", "198.51.100.50", 24)
    assert_os_error(error, errno.EPERM,
                    "ip address add: Operation not permitted: CAP_NET_ADMIN is required "
                    f"and process {user.GetPid()} (uid 1000) lacks it")


def test_install_application():
    lan = build_lan(route_isolation=True)
    process = lan.container("198.51.100.10")
    server = applications.UdpEchoServer()
    server.SetAttribute("Port", 7)
    process.InstallApplication(server)
    assert server.GetNode().GetId() == process.GetNamespace().GetNode().GetId()
    assert [app.GetAttribute("Port") for app in process.GetApplications()] == [7]
    client = applications.UdpEchoClientHelper("198.51.100.10", 7)
    client.SetAttribute("MaxPackets", 1)
    apps = client.Install(lan.peer)
    apps.Start(core.Seconds(1))
    replies = []
    apps.Get(0).TraceConnectWithoutContext("Rx", replies.append)
    core.Simulator.Run()
    assert len(replies) == 1
    assert process.GetApplicationStatus(server).IsOk()


def test_application_denied_privileged_port():
    lan = build_lan()
    user = lan.host.CreateProcess(1000)
    server = applications.UdpEchoServer()
    server.SetAttribute("Port", 7)
    user.InstallApplication(server)
    core.Simulator.Stop(core.Seconds(1))
    core.Simulator.Run()
    status = user.GetApplicationStatus(server)
    assert status.GetErrno() == errno.EACCES
    assert status.GetMessage() == (
        f"binding port 7 needs CAP_NET_BIND_SERVICE, which process {user.GetPid()} "
        "(uid 1000) lacks")


def test_install_application_errors():
    lan = build_lan()
    process = lan.host.CreateProcess()
    server = applications.UdpEchoServer()
    process.InstallApplication(server)
    with pytest.raises(OSError) as error:
        process.InstallApplication(server)
    assert_os_error(error, errno.EBUSY, "install application: it already runs on node 0")
    with pytest.raises(FileNotFoundError) as error:
        process.GetApplicationStatus(applications.UdpEchoServer())
    assert_os_error(error, errno.ENOENT,
                    f"the application was not installed by process {process.GetPid()}")
    late = applications.UdpEchoServer()
    late.SetAttribute("StartTime", core.Seconds(-1))
    with pytest.raises(ValueError) as error:
        process.InstallApplication(late)
    assert str(error.value) == "the application's StartTime must not be negative"
    with pytest.raises(TypeError):
        process.InstallApplication(None)
