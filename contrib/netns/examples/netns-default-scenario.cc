/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Containers on one simulated host, each in its own network namespace.
 *
 *   client-far 10.2.0.2
 *        |  point-to-point 10.2.0.0/24
 *   router 10.2.0.1 / 10.1.0.1
 *        |
 *   =====+============== CSMA LAN 10.1.0.0/16 =====================
 *        |                              |
 *   client-lan 10.1.0.2            host "h1", eth0 (no address in the
 *                                  initial namespace)
 *                                    ns c1: 10.1.0.10  UDP echo :7, TCP sink :7,
 *                                                      TCP sink 127.0.0.1:8080
 *                                    ns c2: 10.1.0.11  UDP echo :7, TCP sink :7
 *                                    ...
 *
 * What it shows, as the June 2006 network namespace patch describes it: a
 * root process unshares its network namespace and loses every device; it
 * writes "eth0" to /sys/kernel/debug/net_ns/dev to see the host's eth0,
 * gives it an address only its namespace sees, and runs servers on the same
 * port as every other container. Each client sends UDP echo requests and a
 * TCP transfer to each container. A container cannot reach the loopback
 * service of another, and a non-root process cannot unshare.
 *
 * With --routeIsolation=false (the default, as in the patch) the host has
 * one route table: the second container's "ip route add" fails with EEXIST,
 * the most recently bound server receives traffic meant for other
 * containers, and replies leave with the first container's address. With
 * --routeIsolation=true every container answers its own traffic with its own
 * address. The program prints a summary per namespace, writes pcaps of the
 * physical devices and of each namespace's view, and exits with status 1
 * when an outcome expected for the chosen mode does not happen.
 */

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/netns-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"

#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("NetnsDefaultScenario");

namespace
{

/// UDP echo and TCP service port of every container.
constexpr uint16_t SERVICE_PORT = 7;
/// Port of the loopback-only service of the first container.
constexpr uint16_t LOOPBACK_PORT = 8080;
/// Echo requests each client sends to each container.
constexpr uint32_t ECHO_REQUESTS = 3;
/// Bytes each client sends to each container over TCP.
constexpr uint32_t TCP_BYTES = 20000;
/// Containers where pcaps of namespace views are written; more would exhaust file handles.
constexpr uint32_t MAX_CONTAINERS_WITH_PCAP = 64;

/// What the scenario observed for one container.
struct ContainerRecord
{
    Ptr<netns::Process> process;                     //!< the container's root process
    Ptr<netns::Namespace> ns;                        //!< its namespace
    Ipv4Address address;                             //!< its address on eth0
    Ptr<PacketSink> tcpSink;                         //!< TCP server on port 7
    netns::Status routeAdd;                          //!< outcome of its "ip route add"
    std::map<Ipv4Address, uint32_t> echoRequestsFor; //!< echo requests received, by destination
};

/// What one client observed from one container address.
struct ReplyRecord
{
    uint32_t replies{0};               //!< echo replies received
    std::set<Ipv4Address> sources;     //!< source addresses of those replies
};

/// Everything the summary and the checks read.
struct Observations
{
    std::vector<ContainerRecord> containers;                  //!< by container index
    std::map<std::string, std::map<Ipv4Address, ReplyRecord>> replies; //!< by client, by target
    netns::Status nonRootUnshare;                             //!< unshare by uid 1000
    netns::Status ownLoopback;                                //!< c1 connecting to its service
    netns::Status otherLoopback;                              //!< c2 connecting to c1's service
    bool ownLoopbackConnected{false};                         //!< c1's connect completed
    bool ownLoopbackRefused{false};                           //!< c1's connect was refused
    bool otherLoopbackConnected{false};                       //!< c2's connect completed
    bool otherLoopbackRefused{false};                         //!< c2's connect was refused
};

/** Count echo requests entering a container's namespace, by destination address. */
void
CountEchoRequest(ContainerRecord* container, Ptr<const Packet> packet, uint32_t ifindex)
{
    Ptr<Packet> copy = packet->Copy();
    Ipv4Header ip;
    if (copy->RemoveHeader(ip) == 0 || ip.GetProtocol() != UdpL4Protocol::PROT_NUMBER)
    {
        return;
    }
    UdpHeader udp;
    if (copy->PeekHeader(udp) == 0 || udp.GetDestinationPort() != SERVICE_PORT)
    {
        return;
    }
    container->echoRequestsFor[ip.GetDestination()]++;
}

/** Record an echo reply received by a client. */
void
CountEchoReply(ReplyRecord* record, Ptr<const Packet> packet, const Address& from, const Address& to)
{
    record->replies++;
    if (InetSocketAddress::IsMatchingType(from))
    {
        record->sources.insert(InetSocketAddress::ConvertFrom(from).GetIpv4());
    }
}

/** @return the address of container k (0-based) in 10.1.0.0/16 */
Ipv4Address
ContainerAddress(uint32_t k)
{
    return Ipv4Address(Ipv4Address("10.1.0.10").Get() + k);
}

/** Fail loudly on a set-up step that must work in every mode. */
void
Require(const netns::Status& status, const std::string& step)
{
    if (!status.IsOk())
    {
        std::cerr << "set-up step failed: " << step << ": " << status.ToString() << std::endl;
        std::exit(2);
    }
}

/** Connect a TCP socket of a process to a loopback port and record the outcome. */
void
ProbeLoopback(Ptr<netns::Process> process,
              netns::Status* outcome,
              bool* connected,
              bool* refused)
{
    auto fd = process->Socket(netns::NETNS_AF_INET, netns::NETNS_SOCK_STREAM);
    if (!fd.IsOk())
    {
        *outcome = fd.GetStatus();
        return;
    }
    Ptr<Socket> socket = process->GetSocket(fd.GetValue());
    socket->SetConnectCallback(
        MakeBoundCallback(+[](bool* flag, Ptr<Socket>) { *flag = true; }, connected),
        MakeBoundCallback(+[](bool* flag, Ptr<Socket>) { *flag = true; }, refused));
    *outcome = process->Connect(fd.GetValue(), Ipv4Address::GetLoopback(), LOOPBACK_PORT);
}

/** Print one line per namespace of the host. */
void
PrintNamespaceSummary(Ptr<netns::Host> host, const Observations& seen)
{
    std::cout << "\nPer-namespace summary (host " << host->GetName() << ", route isolation "
              << (host->IsRouteIsolated() ? "on" : "off") << ")\n";
    std::cout << std::left << std::setw(6) << "ns" << std::setw(13) << "address" << std::right
              << std::setw(9) << "rx-pkts" << std::setw(10) << "rx-bytes" << std::setw(9)
              << "tx-pkts" << std::setw(10) << "tx-bytes" << std::setw(10) << "tcp-bytes"
              << "  echo requests answered, by destination\n";
    for (const ContainerRecord& c : seen.containers)
    {
        std::ostringstream address;
        address << c.address;
        std::cout << std::left << std::setw(6) << c.ns->GetName() << std::setw(13)
                  << address.str() << std::right << std::setw(9) << c.ns->GetRxPackets()
                  << std::setw(10) << c.ns->GetRxBytes() << std::setw(9) << c.ns->GetTxPackets()
                  << std::setw(10) << c.ns->GetTxBytes() << std::setw(10)
                  << c.tcpSink->GetTotalRx() << "  ";
        if (c.echoRequestsFor.empty())
        {
            std::cout << "none";
        }
        for (const auto& [destination, count] : c.echoRequestsFor)
        {
            std::cout << destination << " x" << count << " ";
        }
        std::cout << "\n";
    }
}

/** Print what each client got back from each container address. */
void
PrintClientSummary(const Observations& seen)
{
    std::cout << "\nEcho replies per client and target\n";
    for (const auto& [client, targets] : seen.replies)
    {
        for (const auto& [target, record] : targets)
        {
            std::ostringstream targetText;
            targetText << target;
            std::cout << "  " << std::left << std::setw(11) << client << " -> " << std::setw(11)
                      << targetText.str() << std::right << " replies " << record.replies << "/"
                      << ECHO_REQUESTS << ", reply sources:";
            for (const Ipv4Address& source : record.sources)
            {
                std::cout << " " << source;
            }
            std::cout << "\n";
        }
    }
}

/** A named expectation and whether it held. */
struct Check
{
    std::string name; //!< what was expected
    bool held;        //!< whether it happened
};

/** Build the checks that hold in both modes. */
std::vector<Check>
CommonChecks(const Observations& seen)
{
    std::vector<Check> checks;
    checks.push_back({"a non-root process's unshare(CLONE_NEWNET) fails with EPERM",
                      seen.nonRootUnshare.GetErrno() == EPERM});
    checks.push_back({"container 1 reaches its own loopback service",
                      seen.ownLoopback.IsOk() && seen.ownLoopbackConnected});
    if (seen.containers.size() > 1)
    {
        checks.push_back({"container 2 cannot reach container 1's loopback service",
                          !seen.otherLoopbackConnected && seen.otherLoopbackRefused});
    }
    return checks;
}

/** Build the checks of route isolation: every container answers for itself. */
std::vector<Check>
IsolatedChecks(const Observations& seen)
{
    std::vector<Check> checks;
    bool ownRequestsOnly = true;
    bool allTcp = true;
    bool routesAdded = true;
    for (const ContainerRecord& c : seen.containers)
    {
        ownRequestsOnly = ownRequestsOnly && c.echoRequestsFor.size() == 1 &&
                          c.echoRequestsFor.count(c.address) == 1;
        allTcp = allTcp && c.tcpSink->GetTotalRx() == TCP_BYTES * seen.replies.size();
        routesAdded = routesAdded && c.routeAdd.IsOk();
    }
    bool repliesFromTarget = true;
    for (const auto& [client, targets] : seen.replies)
    {
        for (const auto& [target, record] : targets)
        {
            repliesFromTarget = repliesFromTarget && record.replies == ECHO_REQUESTS &&
                                record.sources == std::set<Ipv4Address>{target};
        }
    }
    checks.push_back({"every container adds its own route to 10.2.0.0/24", routesAdded});
    checks.push_back({"each container receives only the echo requests sent to it",
                      ownRequestsOnly});
    checks.push_back({"each client gets every echo reply, from the address it asked",
                      repliesFromTarget});
    checks.push_back({"each container's TCP server receives every client's bytes", allTcp});
    return checks;
}

/** Build the checks of the 2006 patch's shared routes: its faults must show. */
std::vector<Check>
SharedRouteChecks(const Observations& seen)
{
    std::vector<Check> checks;
    if (seen.containers.size() < 2)
    {
        return IsolatedChecks(seen); // one container cannot collide with another
    }
    bool laterRouteAddsFail = seen.containers.front().routeAdd.IsOk();
    for (std::size_t k = 1; k < seen.containers.size(); ++k)
    {
        laterRouteAddsFail =
            laterRouteAddsFail && seen.containers[k].routeAdd.GetErrno() == EEXIST;
    }
    bool misdelivered = false;
    for (const ContainerRecord& c : seen.containers)
    {
        for (const auto& [destination, count] : c.echoRequestsFor)
        {
            misdelivered = misdelivered || destination != c.address;
        }
    }
    bool foreignSource = false;
    for (const auto& [client, targets] : seen.replies)
    {
        for (const auto& [target, record] : targets)
        {
            for (const Ipv4Address& source : record.sources)
            {
                foreignSource = foreignSource || source != target;
            }
        }
    }
    checks.push_back({"shared routes: later containers' route add fails with EEXIST",
                      laterRouteAddsFail});
    checks.push_back({"namespace-blind receive: a container answers requests sent to another",
                      misdelivered});
    checks.push_back({"shared source selection: replies leave with another container's address",
                      foreignSource});
    return checks;
}

} // namespace

int
main(int argc, char* argv[])
{
    bool routeIsolation = false;
    uint32_t containers = 2;
    std::string outputDir = "netns-output";
    bool pcap = true;
    uint32_t seed = 1;
    uint32_t run = 1;

    CommandLine cmd(__FILE__);
    cmd.AddValue("routeIsolation",
                 "Give each namespace its own routes and receive path (default: the 2006 "
                 "patch's shared routes)",
                 routeIsolation);
    cmd.AddValue("containers", "Number of containers on the host, 1 to 1000", containers);
    cmd.AddValue("outputDir", "Directory for the pcap files", outputDir);
    cmd.AddValue("pcap", "Write pcap files", pcap);
    cmd.AddValue("seed", "Random number generator seed", seed);
    cmd.AddValue("run", "Random number generator run number", run);
    cmd.Parse(argc, argv);

    if (containers < 1 || containers > 1000)
    {
        std::cerr << "invalid --containers=" << containers << ": choose 1 to 1000" << std::endl;
        return 2;
    }
    RngSeedManager::SetSeed(seed);
    RngSeedManager::SetRun(run);

    // Topology: host and client-lan on the LAN with the router; client-far behind it.
    NodeContainer lanNodes;
    lanNodes.Create(3);
    Ptr<Node> host = lanNodes.Get(0);
    Ptr<Node> clientLan = lanNodes.Get(1);
    Ptr<Node> router = lanNodes.Get(2);
    Ptr<Node> clientFar = CreateObject<Node>();
    Names::Add("h1", host);
    Names::Add("client-lan", clientLan);
    Names::Add("router", router);
    Names::Add("client-far", clientFar);

    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue("100Mbps"));
    csma.SetChannelAttribute("Delay", TimeValue(MicroSeconds(50)));
    NetDeviceContainer lanDevices = csma.Install(lanNodes);
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
    p2p.SetChannelAttribute("Delay", StringValue("2ms"));
    NetDeviceContainer wanDevices = p2p.Install(router, clientFar);

    InternetStackHelper stack;
    stack.Install(NodeContainer(clientLan, router, clientFar));
    NetnsHelper netns;
    netns.SetRouteIsolation(routeIsolation);
    Require(netns.Install(host), "install namespace support on h1");
    Ptr<netns::Host> h1 = NetnsHelper::GetHost(host);

    Ipv4AddressHelper lanAddresses("10.1.0.0", "255.255.0.0", "0.0.0.1");
    lanAddresses.Assign(NetDeviceContainer(lanDevices.Get(2)));          // router 10.1.0.1
    lanAddresses.Assign(NetDeviceContainer(lanDevices.Get(1)));          // client-lan 10.1.0.2
    Ipv4AddressHelper wanAddresses("10.2.0.0", "255.255.255.0");
    wanAddresses.Assign(wanDevices);                                     // router .1, far .2
    Ipv4StaticRoutingHelper staticRouting;
    staticRouting.GetStaticRouting(clientLan->GetObject<Ipv4>())
        ->AddNetworkRouteTo("10.2.0.0", "255.255.255.0", "10.1.0.1", 1);
    staticRouting.GetStaticRouting(clientFar->GetObject<Ipv4>())->SetDefaultRoute("10.2.0.1", 1);

    // Containers: unshare, reveal eth0, configure, run servers.
    Observations seen;
    seen.containers.resize(containers);
    for (uint32_t k = 0; k < containers; ++k)
    {
        ContainerRecord& c = seen.containers[k];
        c.process = h1->CreateProcess(0);
        Require(c.process->Unshare("CLONE_NEWNET"), "unshare for container " + std::to_string(k));
        c.ns = c.process->GetNamespace();
        Require(c.ns->SetName("c" + std::to_string(k + 1)), "name the namespace");
        auto written = c.process->WriteFile(netns::DEBUGFS_DEV_PATH, "eth0\n");
        Require(written.GetStatus(), "echo eth0 > " + std::string(netns::DEBUGFS_DEV_PATH));
        c.address = ContainerAddress(k);
        Require(c.process->AddAddress("eth0", c.address, 16), "ip addr add");

        netns::Route toFar;
        toFar.destination = Ipv4Address("10.2.0.0");
        toFar.prefixLength = 24;
        toFar.gateway = Ipv4Address("10.1.0.1");
        c.routeAdd = c.process->AddRoute(toFar);

        Ptr<UdpEchoServer> echo = CreateObject<UdpEchoServer>();
        echo->SetAttribute("Port", UintegerValue(SERVICE_PORT));
        echo->SetStartTime(Seconds(1.0));
        Require(c.process->InstallApplication(echo), "install the UDP echo server");

        c.tcpSink = CreateObject<PacketSink>();
        c.tcpSink->SetAttribute("Protocol", TypeIdValue(TcpSocketFactory::GetTypeId()));
        c.tcpSink->SetAttribute(
            "Local",
            AddressValue(InetSocketAddress(Ipv4Address::GetAny(), SERVICE_PORT)));
        c.tcpSink->SetStartTime(Seconds(1.0));
        Require(c.process->InstallApplication(c.tcpSink), "install the TCP server");
    }

    // The first container also serves on its loopback only.
    Ptr<PacketSink> loopbackSink = CreateObject<PacketSink>();
    loopbackSink->SetAttribute("Protocol", TypeIdValue(TcpSocketFactory::GetTypeId()));
    loopbackSink->SetAttribute(
        "Local",
        AddressValue(InetSocketAddress(Ipv4Address::GetLoopback(), LOOPBACK_PORT)));
    loopbackSink->SetStartTime(Seconds(1.0));
    Require(seen.containers[0].process->InstallApplication(loopbackSink),
            "install the loopback service");
    Simulator::ScheduleWithContext(seen.containers[0].ns->GetNode()->GetId(),
                        Seconds(1.5),
                        &ProbeLoopback,
                        seen.containers[0].process,
                        &seen.ownLoopback,
                        &seen.ownLoopbackConnected,
                        &seen.ownLoopbackRefused);
    if (containers > 1)
    {
        Simulator::ScheduleWithContext(seen.containers[1].ns->GetNode()->GetId(),
                            Seconds(1.5),
                            &ProbeLoopback,
                            seen.containers[1].process,
                            &seen.otherLoopback,
                            &seen.otherLoopbackConnected,
                            &seen.otherLoopbackRefused);
    }

    // A process without root's capabilities cannot unshare.
    Ptr<netns::Process> user = h1->CreateProcess(1000);
    seen.nonRootUnshare = user->Unshare("CLONE_NEWNET");

    // Clients: UDP echo first, then a TCP transfer, to every container. The
    // phases do not overlap, and the run lasts long enough for the TCP bytes
    // of every container to cross the 10 Mbit/s link to client-far.
    const Time echoStart = Seconds(2.0);
    const Time tcpStart = echoStart + Seconds(ECHO_REQUESTS + 0.5) + MilliSeconds(containers);
    const double farLinkSeconds = containers * TCP_BYTES * 8.0 / 10e6;
    const Time stopTime = tcpStart + MilliSeconds(containers) + Seconds(5.0 + 3.0 * farLinkSeconds);
    std::map<std::string, Ptr<Node>> clients{{"client-lan", clientLan}, {"client-far", clientFar}};
    for (const auto& [clientName, clientNode] : clients)
    {
        for (uint32_t k = 0; k < containers; ++k)
        {
            const Ipv4Address target = seen.containers[k].address;
            UdpEchoClientHelper echoClient(target, SERVICE_PORT);
            echoClient.SetAttribute("MaxPackets", UintegerValue(ECHO_REQUESTS));
            echoClient.SetAttribute("Interval", TimeValue(Seconds(1.0)));
            echoClient.SetAttribute("PacketSize", UintegerValue(64));
            ApplicationContainer app = echoClient.Install(clientNode);
            app.Start(echoStart + MilliSeconds(k));
            app.Stop(tcpStart);
            app.Get(0)->TraceConnectWithoutContext(
                "RxWithAddresses",
                MakeBoundCallback(&CountEchoReply, &seen.replies[clientName][target]));

            BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress(target, SERVICE_PORT));
            bulk.SetAttribute("MaxBytes", UintegerValue(TCP_BYTES));
            ApplicationContainer tcpApp = bulk.Install(clientNode);
            tcpApp.Start(tcpStart + MilliSeconds(k));
            tcpApp.Stop(stopTime);
        }
    }
    for (ContainerRecord& c : seen.containers)
    {
        c.ns->TraceConnectWithoutContext("Rx", MakeBoundCallback(&CountEchoRequest, &c));
    }

    // One pcap per host device, namespace view, loopback and plain-node
    // device, named netns_HOST[_NAMESPACE]_DEVICE.pcap, and a manifest
    // written after the run with every namespace's addresses.
    NetnsCaptureHelper capture(outputDir, "netns");
    if (pcap)
    {
        capture.SetMaxNamespacesPerHost(MAX_CONTAINERS_WITH_PCAP);
        Require(capture.EnableAll(), "enable pcap capture in " + outputDir);
    }

    Simulator::Stop(stopTime);
    Simulator::Run();

    PrintNamespaceSummary(h1, seen);
    PrintClientSummary(seen);
    std::vector<Check> checks = CommonChecks(seen);
    for (const Check& check : routeIsolation ? IsolatedChecks(seen) : SharedRouteChecks(seen))
    {
        checks.push_back(check);
    }
    std::cout << "\nExpected outcomes (" << (routeIsolation ? "route isolation" : "2006 patch")
              << ")\n";
    bool allHeld = true;
    for (const Check& check : checks)
    {
        std::cout << "  [" << (check.held ? " ok " : "FAIL") << "] " << check.name << "\n";
        allHeld = allHeld && check.held;
    }
    if (!seen.containers.front().routeAdd.IsOk() || containers > 1)
    {
        std::cout << "\nroute add in c2: "
                  << (containers > 1 ? seen.containers[1].routeAdd.ToString() : "-") << "\n";
    }
    std::cout << "unshare by uid 1000: " << seen.nonRootUnshare.ToString() << "\n";
    if (pcap)
    {
        Require(capture.WriteManifest(), "write " + capture.GetManifestPath());
        std::cout << "pcap files in " << outputDir << "/\n";
    }
    Simulator::Destroy();
    return allHeld ? 0 : 1;
}
