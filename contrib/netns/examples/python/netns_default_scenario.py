#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Containers on one simulated host, each in its own network namespace.

The Python version of netns-default-scenario.cc: same topology, options,
events, output and pcaps (byte for byte, for the same seed and run).

  client-far 10.2.0.2
       |  point-to-point 10.2.0.0/24
  router 10.2.0.1 / 10.1.0.1
       |
  =====+============== CSMA LAN 10.1.0.0/16 =====================
       |                              |
  client-lan 10.1.0.2            host "h1", eth0 (no address in the
                                 initial namespace)
                                   ns c1: 10.1.0.10  UDP echo :7, TCP sink :7,
                                                     TCP sink 127.0.0.1:8080
                                   ns c2: 10.1.0.11  UDP echo :7, TCP sink :7
                                   ...

What it shows, as the June 2006 network namespace patch describes it: a root
process unshares its network namespace and loses every device; it writes
"eth0" to /sys/kernel/debug/net_ns/dev to see the host's eth0, gives it an
address only its namespace sees, and runs servers on the same port as every
other container. Each client sends UDP echo requests, then a TCP transfer,
to each container. A container cannot reach the loopback service of
another, and a non-root process cannot unshare.

With --routeIsolation=false (the default, as in the patch) the host has one
route table: the second container's "ip route add" fails with EEXIST, the
most recently bound server receives traffic meant for other containers, and
replies leave with the first container's address. With
--routeIsolation=true every container answers its own traffic with its own
address. The program prints a summary per namespace, writes a pcap of every
device, namespace view and loopback with a manifest, and exits with status
1 when an outcome expected for the chosen mode does not happen.

Run it with the extension on the path, from the repository root:
    PYTHONPATH=build/python /usr/bin/python3 \\
        examples/python/netns_default_scenario.py --containers=3
"""

import argparse
import collections
import errno
import sys

try:
    from ns3netns import applications, core, csma, internet, netns, network
    from ns3netns import point_to_point
except ImportError as missing:
    sys.exit(f"cannot import ns3netns ({missing}); build the project and set "
             "PYTHONPATH=build/python")

SERVICE_PORT = 7
"""UDP echo and TCP service port of every container."""
LOOPBACK_PORT = 8080
"""Port of the loopback-only service of the first container."""
ECHO_REQUESTS = 3
"""Echo requests each client sends to each container."""
TCP_BYTES = 20000
"""Bytes each client sends to each container over TCP."""
MAX_CONTAINERS_WITH_PCAP = 64
"""Namespaces per host whose views are captured; more would exhaust file handles."""


class ContainerRecord:
    """Outcomes the scenario observed for one container."""

    def __init__(self):
        self.process = None
        self.ns = None
        self.address = None
        self.tcp_sink = None
        self.route_add = netns.Status()
        self.echo_requests_for = collections.Counter()


class ReplyRecord:
    """Echo replies one client received from one container address."""

    def __init__(self):
        self.replies = 0
        self.sources = set()


class LoopbackProbe:
    """Outcome of one process connecting to the loopback service."""

    def __init__(self):
        self.status = netns.Status()
        self.connected = False
        self.refused = False


class Observations:
    """Everything the summary and the checks read."""

    def __init__(self, containers):
        self.containers = [ContainerRecord() for _ in range(containers)]
        self.replies = collections.defaultdict(
            lambda: collections.defaultdict(ReplyRecord))
        self.non_root_unshare = netns.Status()
        self.own_loopback = LoopbackProbe()
        self.other_loopback = LoopbackProbe()


def status_of(error):
    """Return the netns Status an OSError raised by the bindings carries."""
    return netns.Status.Error(error.errno, error.strerror)


def outcome(call, *args):
    """Call a binding and return its Status: OK, or the OSError it raised."""
    try:
        call(*args)
    except OSError as error:
        return status_of(error)
    return netns.Status()


def require(status, step):
    """Exit with status 2 when a set-up step that must work failed."""
    if not status.IsOk():
        print(f"set-up step failed: {step}: {status.ToString()}",
              file=sys.stderr)
        sys.exit(2)


def by_address(addresses):
    """Sort IPv4 addresses as ns-3 orders them (by integer value)."""
    return sorted(addresses, key=lambda address: address.Get())


def count_echo_request(container, packet, ifindex):
    """Count an echo request entering a namespace, by destination."""
    ip = internet.Ipv4Header()
    if (packet.RemoveHeader(ip) == 0
            or ip.GetProtocol() != internet.UdpL4Protocol.PROT_NUMBER):
        return
    udp = internet.UdpHeader()
    if (packet.PeekHeader(udp) == 0
            or udp.GetDestinationPort() != SERVICE_PORT):
        return
    container.echo_requests_for[ip.GetDestination()] += 1


def count_echo_reply(record, packet, source, destination):
    """Record an echo reply received by a client."""
    record.replies += 1
    if isinstance(source, network.InetSocketAddress):
        record.sources.add(source.GetIpv4())


def container_address(k):
    """Return the address of container k (0-based) in 10.1.0.0/16."""
    return network.Ipv4Address(network.Ipv4Address("10.1.0.10").Get() + k)


def probe_loopback(process, probe):
    """Connect a TCP socket of a process to the loopback service."""
    try:
        fd = process.Socket(netns.AF_INET, netns.SOCK_STREAM)
    except OSError as error:
        probe.status = status_of(error)
        return
    socket = process.GetSocket(fd)
    socket.SetConnectCallback(lambda s: setattr(probe, "connected", True),
                              lambda s: setattr(probe, "refused", True))
    probe.status = outcome(process.Connect, fd,
                           network.Ipv4Address.GetLoopback(), LOOPBACK_PORT)


def print_namespace_summary(host, seen):
    """Print one line per container namespace."""
    isolation = "on" if host.IsRouteIsolated() else "off"
    print(f"\nPer-namespace summary (host {host.GetName()}, "
          f"route isolation {isolation})")
    print(f"{'ns':<6}{'address':<13}{'rx-pkts':>9}{'rx-bytes':>10}"
          f"{'tx-pkts':>9}{'tx-bytes':>10}{'tcp-bytes':>10}"
          "  echo requests answered, by destination")
    for c in seen.containers:
        line = (f"{c.ns.GetName():<6}{str(c.address):<13}"
                f"{c.ns.GetRxPackets():>9}{c.ns.GetRxBytes():>10}"
                f"{c.ns.GetTxPackets():>9}{c.ns.GetTxBytes():>10}"
                f"{c.tcp_sink.GetTotalRx():>10}  ")
        if not c.echo_requests_for:
            line += "none"
        for destination in by_address(c.echo_requests_for):
            line += f"{destination} x{c.echo_requests_for[destination]} "
        print(line)


def print_client_summary(seen):
    """Print what each client got back from each container address."""
    print("\nEcho replies per client and target")
    for client in sorted(seen.replies):
        targets = seen.replies[client]
        for target in by_address(targets):
            record = targets[target]
            sources = "".join(f" {source}"
                              for source in by_address(record.sources))
            print(f"  {client:<11} -> {str(target):<11} replies "
                  f"{record.replies}/{ECHO_REQUESTS}, reply sources:{sources}")


def common_checks(seen):
    """Return the (name, held) checks that hold in both modes."""
    checks = [
        ("a non-root process's unshare(CLONE_NEWNET) fails with EPERM",
         seen.non_root_unshare.GetErrno() == errno.EPERM),
        ("container 1 reaches its own loopback service",
         seen.own_loopback.status.IsOk() and seen.own_loopback.connected),
    ]
    if len(seen.containers) > 1:
        checks.append(
            ("container 2 cannot reach container 1's loopback service",
             not seen.other_loopback.connected
             and seen.other_loopback.refused))
    return checks


def isolated_checks(seen):
    """Return the checks of route isolation: each container replies for itself."""
    own_requests_only = all(
        list(c.echo_requests_for) == [c.address] for c in seen.containers)
    all_tcp = all(c.tcp_sink.GetTotalRx() == TCP_BYTES * len(seen.replies)
                  for c in seen.containers)
    routes_added = all(c.route_add.IsOk() for c in seen.containers)
    replies_from_target = all(
        record.replies == ECHO_REQUESTS and record.sources == {target}
        for targets in seen.replies.values()
        for target, record in targets.items())
    return [
        ("every container adds its own route to 10.2.0.0/24", routes_added),
        ("each container receives only the echo requests sent to it",
         own_requests_only),
        ("each client gets every echo reply, from the address it asked",
         replies_from_target),
        ("each container's TCP server receives every client's bytes", all_tcp),
    ]


def shared_route_checks(seen):
    """Return the checks of the 2006 patch's shared routes: its faults must show."""
    if len(seen.containers) < 2:
        return isolated_checks(seen)  # one container cannot collide with another
    later_route_adds_fail = seen.containers[0].route_add.IsOk() and all(
        c.route_add.GetErrno() == errno.EEXIST for c in seen.containers[1:])
    misdelivered = any(destination != c.address
                       for c in seen.containers
                       for destination in c.echo_requests_for)
    foreign_source = any(source != target
                         for targets in seen.replies.values()
                         for target, record in targets.items()
                         for source in record.sources)
    return [
        ("shared routes: later containers' route add fails with EEXIST",
         later_route_adds_fail),
        ("namespace-blind receive: a container answers requests sent to another",
         misdelivered),
        ("shared source selection: replies leave with another container's "
         "address", foreign_source),
    ]


def parse_bool(text):
    """Parse a boolean option value as ns-3's CommandLine does."""
    if text in ("true", "1", "t"):
        return True
    if text in ("false", "0", "f"):
        return False
    raise argparse.ArgumentTypeError(f"invalid boolean value {text!r}")


def parse_arguments(argv):
    """Parse the options netns-default-scenario takes, in its --name=value form."""
    parser = argparse.ArgumentParser(
        description="Containers on one simulated host, each in its own "
                    "network namespace.")
    parser.add_argument(
        "--routeIsolation", type=parse_bool, nargs="?", const=True,
        default=False,
        help="Give each namespace its own routes and receive path "
             "(default: the 2006 patch's shared routes)")
    parser.add_argument("--containers", type=int, default=2,
                        help="Number of containers on the host, 1 to 1000")
    parser.add_argument("--outputDir", default="netns-output",
                        help="Directory for the pcap files")
    parser.add_argument("--pcap", type=parse_bool, nargs="?", const=True,
                        default=True, help="Write pcap files")
    parser.add_argument("--seed", type=int, default=1,
                        help="Random number generator seed")
    parser.add_argument("--run", type=int, default=1,
                        help="Random number generator run number")
    return parser.parse_args(argv)


def build_topology(route_isolation):
    """Build the nodes, links, stacks, addresses and routes; return the nodes and h1."""
    lan_nodes = network.NodeContainer()
    lan_nodes.Create(3)
    host, client_lan, router = lan_nodes.Get(0), lan_nodes.Get(1), lan_nodes.Get(2)
    client_far = network.Node()
    core.Names.Add("h1", host)
    core.Names.Add("client-lan", client_lan)
    core.Names.Add("router", router)
    core.Names.Add("client-far", client_far)

    lan = csma.CsmaHelper()
    lan.SetChannelAttribute("DataRate", "100Mbps")
    lan.SetChannelAttribute("Delay", core.MicroSeconds(50))
    lan_devices = lan.Install(lan_nodes)
    wan = point_to_point.PointToPointHelper()
    wan.SetDeviceAttribute("DataRate", "10Mbps")
    wan.SetChannelAttribute("Delay", "2ms")
    wan_devices = wan.Install(router, client_far)

    stack = internet.InternetStackHelper()
    stack.Install(network.NodeContainer(client_lan, router, client_far))
    helper = netns.NetnsHelper()
    helper.SetRouteIsolation(route_isolation)
    require(outcome(helper.Install, host), "install namespace support on h1")
    h1 = netns.NetnsHelper.GetHost(host)

    lan_addresses = internet.Ipv4AddressHelper("10.1.0.0", "255.255.0.0",
                                               "0.0.0.1")
    lan_addresses.Assign(network.NetDeviceContainer(lan_devices.Get(2)))
    lan_addresses.Assign(network.NetDeviceContainer(lan_devices.Get(1)))
    wan_addresses = internet.Ipv4AddressHelper("10.2.0.0", "255.255.255.0")
    wan_addresses.Assign(wan_devices)
    static_routing = internet.Ipv4StaticRoutingHelper()
    static_routing.GetStaticRouting(client_lan.GetObject("ns3::Ipv4")) \
        .AddNetworkRouteTo("10.2.0.0", "255.255.255.0", "10.1.0.1", 1)
    static_routing.GetStaticRouting(client_far.GetObject("ns3::Ipv4")) \
        .SetDefaultRoute("10.2.0.1", 1)
    return {"client-lan": client_lan, "client-far": client_far}, h1


def start_container(h1, k, c):
    """Unshare, reveal eth0, configure and start the servers of container k."""
    c.process = h1.CreateProcess(0)
    require(outcome(c.process.Unshare, "CLONE_NEWNET"),
            f"unshare for container {k}")
    c.ns = c.process.GetNamespace()
    require(outcome(c.ns.SetName, f"c{k + 1}"), "name the namespace")
    require(outcome(c.process.WriteFile, netns.DEBUGFS_DEV_PATH, "eth0\n"),
            f"echo eth0 > {netns.DEBUGFS_DEV_PATH}")
    c.address = container_address(k)
    require(outcome(c.process.AddAddress, "eth0", c.address, 16),
            "ip addr add")
    to_far = netns.Route(destination="10.2.0.0", prefixLength=24,
                         gateway="10.1.0.1")
    c.route_add = outcome(c.process.AddRoute, to_far)

    echo = applications.UdpEchoServer()
    echo.SetAttribute("Port", SERVICE_PORT)
    echo.SetStartTime(core.Seconds(1.0))
    require(outcome(c.process.InstallApplication, echo),
            "install the UDP echo server")

    c.tcp_sink = applications.PacketSink()
    c.tcp_sink.SetAttribute("Protocol", internet.TcpSocketFactory.GetTypeId())
    c.tcp_sink.SetAttribute(
        "Local", network.InetSocketAddress(network.Ipv4Address.GetAny(),
                                           SERVICE_PORT))
    c.tcp_sink.SetStartTime(core.Seconds(1.0))
    require(outcome(c.process.InstallApplication, c.tcp_sink),
            "install the TCP server")


def start_loopback_service(seen):
    """Serve on the first container's loopback and probe it from c1 and c2."""
    loopback_sink = applications.PacketSink()
    loopback_sink.SetAttribute("Protocol",
                               internet.TcpSocketFactory.GetTypeId())
    loopback_sink.SetAttribute(
        "Local", network.InetSocketAddress(network.Ipv4Address.GetLoopback(),
                                           LOOPBACK_PORT))
    loopback_sink.SetStartTime(core.Seconds(1.0))
    first = seen.containers[0]
    require(outcome(first.process.InstallApplication, loopback_sink),
            "install the loopback service")
    core.Simulator.ScheduleWithContext(first.ns.GetNode().GetId(),
                                       core.Seconds(1.5), probe_loopback,
                                       first.process, seen.own_loopback)
    if len(seen.containers) > 1:
        second = seen.containers[1]
        core.Simulator.ScheduleWithContext(second.ns.GetNode().GetId(),
                                           core.Seconds(1.5), probe_loopback,
                                           second.process, seen.other_loopback)


def start_clients(clients, seen):
    """Start UDP echo, then TCP, to every container; return the stop time."""
    containers = len(seen.containers)
    echo_start = core.Seconds(2.0)
    tcp_start = (echo_start + core.Seconds(ECHO_REQUESTS + 0.5)
                 + core.MilliSeconds(containers))
    far_link_seconds = containers * TCP_BYTES * 8.0 / 10e6
    stop_time = (tcp_start + core.MilliSeconds(containers)
                 + core.Seconds(5.0 + 3.0 * far_link_seconds))
    for client_name in sorted(clients):
        client_node = clients[client_name]
        for k, container in enumerate(seen.containers):
            target = container.address
            echo_client = applications.UdpEchoClientHelper(target, SERVICE_PORT)
            echo_client.SetAttribute("MaxPackets", ECHO_REQUESTS)
            echo_client.SetAttribute("Interval", core.Seconds(1.0))
            echo_client.SetAttribute("PacketSize", 64)
            app = echo_client.Install(client_node)
            app.Start(echo_start + core.MilliSeconds(k))
            app.Stop(tcp_start)
            record = seen.replies[client_name][target]
            app.Get(0).TraceConnectWithoutContext(
                "RxWithAddresses",
                lambda packet, source, to, record=record:
                    count_echo_reply(record, packet, source, to))

            bulk = applications.BulkSendHelper(
                "ns3::TcpSocketFactory",
                network.InetSocketAddress(target, SERVICE_PORT))
            bulk.SetAttribute("MaxBytes", TCP_BYTES)
            tcp_app = bulk.Install(client_node)
            tcp_app.Start(tcp_start + core.MilliSeconds(k))
            tcp_app.Stop(stop_time)
    return stop_time


def report(h1, seen, route_isolation):
    """Print the summaries and the checks; return True when all held."""
    print_namespace_summary(h1, seen)
    print_client_summary(seen)
    checks = common_checks(seen)
    checks += (isolated_checks(seen) if route_isolation
               else shared_route_checks(seen))
    mode = "route isolation" if route_isolation else "2006 patch"
    print(f"\nExpected outcomes ({mode})")
    for name, held in checks:
        print(f"  [{' ok ' if held else 'FAIL'}] {name}")
    if not seen.containers[0].route_add.IsOk() or len(seen.containers) > 1:
        c2 = (seen.containers[1].route_add.ToString()
              if len(seen.containers) > 1 else "-")
        print(f"\nroute add in c2: {c2}")
    print(f"unshare by uid 1000: {seen.non_root_unshare.ToString()}")
    return all(held for _, held in checks)


def main(argv):
    """Run the scenario; return the process exit status."""
    options = parse_arguments(argv)
    if not 1 <= options.containers <= 1000:
        print(f"invalid --containers={options.containers}: choose 1 to 1000",
              file=sys.stderr)
        return 2
    core.RngSeedManager.SetSeed(options.seed)
    core.RngSeedManager.SetRun(options.run)

    clients, h1 = build_topology(options.routeIsolation)
    seen = Observations(options.containers)
    for k, container in enumerate(seen.containers):
        start_container(h1, k, container)
    start_loopback_service(seen)

    # A process without root's capabilities cannot unshare.
    user = h1.CreateProcess(1000)
    seen.non_root_unshare = outcome(user.Unshare, "CLONE_NEWNET")

    stop_time = start_clients(clients, seen)
    for container in seen.containers:
        container.ns.TraceConnectWithoutContext(
            "Rx", lambda packet, ifindex, container=container:
                count_echo_request(container, packet, ifindex))

    # One pcap per host device, namespace view, loopback and plain-node
    # device, named netns_HOST[_NAMESPACE]_DEVICE.pcap, and a manifest
    # written after the run with every namespace's addresses.
    capture = netns.NetnsCaptureHelper(options.outputDir, "netns")
    if options.pcap:
        capture.SetMaxNamespacesPerHost(MAX_CONTAINERS_WITH_PCAP)
        require(outcome(capture.EnableAll),
                f"enable pcap capture in {options.outputDir}")

    core.Simulator.Stop(stop_time)
    core.Simulator.Run()

    all_held = report(h1, seen, options.routeIsolation)
    if options.pcap:
        require(outcome(capture.WriteManifest),
                f"write {capture.GetManifestPath()}")
        print(f"pcap files in {options.outputDir}/")
    core.Simulator.Destroy()
    capture.Close()
    return 0 if all_held else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
