/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Containers on two hosts, split over two MPI ranks.
 *
 *          rank 0                                       rank 1
 *   h0: c1 10.1.0.11, c2 10.1.0.12              h1: c1 10.2.0.11, c2 10.2.0.12
 *    |                                            |
 *   =+== CSMA 10.1.0.0/24 ==+=          =+== CSMA 10.2.0.0/24 ==+=
 *                           |            |
 *                router0 10.1.0.1      router1 10.2.0.1
 *                 10.3.0.1 ====== point-to-point ====== 10.3.0.2
 *                              10.3.0.0/30, 5 ms
 *
 * Every container unshares its network namespace, reveals its host's eth0,
 * gives it an address and runs a UDP echo server and a TCP sink on port 7.
 * Container k of each host sends UDP echo requests and a TCP transfer to
 * container k of the other host, so all traffic crosses the link between
 * the ranks.
 *
 * Run sequentially:   netns-mpi-scenario
 * Run on two ranks:   mpirun --allow-run-as-root -np 2 netns-mpi-scenario --distributed=true
 *
 * Both runs give the same per-namespace results and the same pcaps, because
 * every rank executes the whole set-up identically. It creates every node,
 * installs namespace support on both hosts, and unshares and reveals in every
 * container. The hidden namespace nodes then get the same node ids on every
 * rank, and each takes its host's MPI system id. Each rank installs
 * applications and pcaps only on the nodes it owns. Every rank
 * writes the results of its own namespaces to OUTPUTDIR/namespaces-rankN.txt
 * and exits with status 1 when an expected outcome does not happen.
 */

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/netns-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"

#ifdef NS3_MPI
#include "ns3/mpi-interface.h"
#endif

#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("NetnsMpiScenario");

namespace
{

/// Number of hosts, one per MPI rank.
constexpr uint32_t HOSTS = 2;
/// UDP echo and TCP service port of every container.
constexpr uint16_t SERVICE_PORT = 7;
/// Echo requests each container sends to its peer.
constexpr uint32_t ECHO_REQUESTS = 3;
/// Bytes each container sends to its peer over TCP.
constexpr uint32_t TCP_BYTES = 50000;

/// One container and what happened to it.
struct Container
{
    uint32_t hostIndex{0};              //!< 0 for h0, 1 for h1
    Ptr<netns::Process> process;        //!< root process of the container
    Ptr<netns::Namespace> ns;           //!< its namespace
    Ipv4Address address;                //!< its address on eth0
    netns::Status routeAdd;             //!< outcome of its route to the other LAN
    Ptr<UdpEchoServer> echoServer;      //!< echo server on port 7
    Ptr<PacketSink> tcpSink;            //!< TCP sink on port 7
    Ptr<UdpEchoClient> echoClient;      //!< echo client to the peer container
    Ptr<BulkSendApplication> tcpSender; //!< TCP sender to the peer container
    uint32_t echoReplies{0};            //!< echo replies received from the peer
};

/// The simulated network, as every rank builds it.
struct Network
{
    NodeContainer hosts;                  //!< h0 (system id 0), h1 (system id 1)
    NodeContainer routers;                //!< router0 (system id 0), router1 (system id 1)
    std::vector<NetDeviceContainer> lans; //!< by host index: host device, router device
    NetDeviceContainer wan;               //!< router0 and router1 on the point-to-point link
    CsmaHelper csma;                      //!< builds the LANs
    PointToPointHelper p2p;               //!< builds the link between the routers
    NetnsHelper netns;                    //!< installs namespace support on the hosts
};

/** Count an echo reply received by a container's echo client. */
void
CountEchoReply(Container* container, Ptr<const Packet> packet)
{
    container->echoReplies++;
}

/** Fail the whole run on a set-up step that must work. */
void
Require(const netns::Status& status, const std::string& step)
{
    if (!status.IsOk())
    {
        std::cerr << "set-up step failed: " << step << ": " << status.ToString() << std::endl;
        std::exit(2);
    }
}

/** @return the address of container k (0-based) of host h */
Ipv4Address
ContainerAddress(uint32_t h, uint32_t k)
{
    std::ostringstream text;
    text << "10." << h + 1 << ".0." << 11 + k;
    return Ipv4Address(text.str().c_str());
}

/** Create the nodes with their system ids, the links and the routers' stacks. */
void
BuildNetwork(Network& net, bool routeIsolation)
{
    for (uint32_t h = 0; h < HOSTS; ++h)
    {
        net.hosts.Add(CreateObject<Node>(h));
        net.routers.Add(CreateObject<Node>(h));
        Names::Add("h" + std::to_string(h), net.hosts.Get(h));
        Names::Add("router" + std::to_string(h), net.routers.Get(h));
    }

    net.csma.SetChannelAttribute("DataRate", StringValue("100Mbps"));
    net.csma.SetChannelAttribute("Delay", TimeValue(MicroSeconds(50)));
    for (uint32_t h = 0; h < HOSTS; ++h)
    {
        net.lans.push_back(net.csma.Install(NodeContainer(net.hosts.Get(h), net.routers.Get(h))));
    }
    // With MPI enabled, the helper gives nodes of different ranks a remote channel.
    net.p2p.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
    net.p2p.SetChannelAttribute("Delay", StringValue("5ms"));
    net.wan = net.p2p.Install(net.routers.Get(0), net.routers.Get(1));

    InternetStackHelper stack;
    stack.Install(net.routers);
    net.netns.SetRouteIsolation(routeIsolation);
    Require(net.netns.Install(net.hosts), "install namespace support on the hosts");

    Ipv4AddressHelper wanAddresses("10.3.0.0", "255.255.255.252");
    wanAddresses.Assign(net.wan);
    Ipv4StaticRoutingHelper staticRouting;
    for (uint32_t h = 0; h < HOSTS; ++h)
    {
        const std::string lan = "10." + std::to_string(h + 1) + ".0.0";
        Ipv4AddressHelper lanAddresses(lan.c_str(), "255.255.255.0");
        lanAddresses.Assign(NetDeviceContainer(net.lans[h].Get(1)));
        const std::string otherLan = "10." + std::to_string(HOSTS - h) + ".0.0";
        const std::string otherRouter = "10.3.0." + std::to_string(HOSTS - h);
        Ptr<Ipv4> routerIpv4 = net.routers.Get(h)->GetObject<Ipv4>();
        staticRouting.GetStaticRouting(routerIpv4)
            ->AddNetworkRouteTo(otherLan.c_str(),
                                "255.255.255.0",
                                otherRouter.c_str(),
                                routerIpv4->GetInterfaceForDevice(net.wan.Get(h)));
    }
}

/**
 * Unshare, reveal eth0, add the address and the route of every container of
 * every host. Every rank runs this whole function, also for the hosts it does
 * not own, so that the hidden namespace nodes get the same ids on all ranks.
 */
std::vector<Container>
CreateContainers(const Network& net, uint32_t containersPerHost)
{
    std::vector<Container> containers;
    for (uint32_t h = 0; h < HOSTS; ++h)
    {
        Ptr<Node> hostNode = net.hosts.Get(h);
        Ptr<netns::Host> host = NetnsHelper::GetHost(hostNode);
        for (uint32_t k = 0; k < containersPerHost; ++k)
        {
            Container c;
            c.hostIndex = h;
            c.process = host->CreateProcess(0);
            Require(c.process->Unshare("CLONE_NEWNET"), "unshare in h" + std::to_string(h));
            c.ns = c.process->GetNamespace();
            Require(c.ns->SetName("c" + std::to_string(k + 1)), "name the namespace");
            auto written = c.process->WriteFile(netns::DEBUGFS_DEV_PATH, "eth0\n");
            Require(written.GetStatus(), "echo eth0 > " + std::string(netns::DEBUGFS_DEV_PATH));
            c.address = ContainerAddress(h, k);
            Require(c.process->AddAddress("eth0", c.address, 24), "ip addr add");

            netns::Route toOtherLan;
            toOtherLan.destination =
                Ipv4Address(("10." + std::to_string(HOSTS - h) + ".0.0").c_str());
            toOtherLan.prefixLength = 24;
            toOtherLan.gateway = Ipv4Address(("10." + std::to_string(h + 1) + ".0.1").c_str());
            // With shared routes, only the first container's add succeeds (EEXIST
            // after it), and every container uses that one route.
            c.routeAdd = c.process->AddRoute(toOtherLan);
            containers.push_back(c);
        }
    }
    return containers;
}

/**
 * Create every container's applications on every rank, in the same order,
 * so that random variable streams are numbered alike in all runs. Connect
 * and install them only in the containers for which @p isLocal returns true.
 */
void
CreateApplications(std::vector<Container>& containers,
                   uint32_t containersPerHost,
                   const std::function<bool(const Container&)>& isLocal)
{
    for (Container& c : containers)
    {
        c.echoServer = CreateObject<UdpEchoServer>();
        c.echoServer->SetAttribute("Port", UintegerValue(SERVICE_PORT));
        c.echoServer->SetStartTime(Seconds(1.0));

        c.tcpSink = CreateObject<PacketSink>();
        c.tcpSink->SetAttribute("Protocol", TypeIdValue(TcpSocketFactory::GetTypeId()));
        c.tcpSink->SetAttribute(
            "Local",
            AddressValue(InetSocketAddress(Ipv4Address::GetAny(), SERVICE_PORT)));
        c.tcpSink->SetStartTime(Seconds(1.0));
    }
    for (std::size_t i = 0; i < containers.size(); ++i)
    {
        Container& c = containers[i];
        const Container& peer = containers[(i + containersPerHost) % containers.size()];
        const uint32_t k = i % containersPerHost;

        c.echoClient = CreateObject<UdpEchoClient>();
        c.echoClient->SetRemote(peer.address, SERVICE_PORT);
        c.echoClient->SetAttribute("MaxPackets", UintegerValue(ECHO_REQUESTS));
        c.echoClient->SetAttribute("Interval", TimeValue(Seconds(0.5)));
        c.echoClient->SetAttribute("PacketSize", UintegerValue(200));
        c.echoClient->SetStartTime(Seconds(2.0 + 0.01 * k + 0.005 * c.hostIndex));
        c.echoClient->SetStopTime(Seconds(9.0));

        c.tcpSender = CreateObject<BulkSendApplication>();
        c.tcpSender->SetAttribute("Protocol", TypeIdValue(TcpSocketFactory::GetTypeId()));
        c.tcpSender->SetAttribute("Remote",
                                  AddressValue(InetSocketAddress(peer.address, SERVICE_PORT)));
        c.tcpSender->SetAttribute("MaxBytes", UintegerValue(TCP_BYTES));
        c.tcpSender->SetStartTime(Seconds(3.0 + 0.01 * k + 0.005 * c.hostIndex));
        c.tcpSender->SetStopTime(Seconds(9.0));
    }
    for (Container& c : containers)
    {
        if (!isLocal(c))
        {
            continue;
        }
        c.echoClient->TraceConnectWithoutContext("Rx", MakeBoundCallback(&CountEchoReply, &c));
        Require(c.process->InstallApplication(c.echoServer), "install the UDP echo server");
        Require(c.process->InstallApplication(c.tcpSink), "install the TCP sink");
        Require(c.process->InstallApplication(c.echoClient), "install the UDP echo client");
        Require(c.process->InstallApplication(c.tcpSender), "install the TCP sender");
    }
}

/** Write pcaps of the local hosts' and routers' devices and of the local namespaces. */
void
EnableLocalPcaps(Network& net,
                 const std::vector<Container>& containers,
                 const std::string& outputDir,
                 const std::function<bool(Ptr<Node>)>& isLocalNode)
{
    std::filesystem::create_directories(outputDir);
    const std::string prefix = outputDir + "/netns-mpi";
    for (uint32_t h = 0; h < HOSTS; ++h)
    {
        if (!isLocalNode(net.hosts.Get(h)))
        {
            continue;
        }
        net.csma.EnablePcap(prefix + "-phys", net.lans[h], false);
        net.p2p.EnablePcap(prefix + "-phys", net.wan.Get(h), false);
    }
    for (const Container& c : containers)
    {
        if (isLocalNode(c.ns->GetHost()->GetNode()))
        {
            net.netns.EnablePcapNamespace(prefix, c.ns);
        }
    }
}

/**
 * Write one line per local namespace: host, namespace, node id, system id,
 * address, traffic counters and what its applications saw.
 */
std::string
FormatResults(const std::vector<Container>& containers,
              const std::function<bool(const Container&)>& isLocal)
{
    std::ostringstream out;
    for (const Container& c : containers)
    {
        if (!isLocal(c))
        {
            continue;
        }
        Ptr<Node> node = c.ns->GetNode();
        out << c.ns->GetHost()->GetName() << " " << c.ns->GetName() << " node " << node->GetId()
            << " system-id " << node->GetSystemId() << " address " << c.address << " rx-pkts "
            << c.ns->GetRxPackets() << " rx-bytes " << c.ns->GetRxBytes() << " tx-pkts "
            << c.ns->GetTxPackets() << " tx-bytes " << c.ns->GetTxBytes() << " echo-replies "
            << c.echoReplies << " tcp-rx-bytes " << c.tcpSink->GetTotalRx() << " route-add "
            << (c.routeAdd.IsOk() ? "ok" : c.routeAdd.ToString()) << "\n";
    }
    return out.str();
}

/** Print each expected outcome of the local containers and return whether all held. */
bool
CheckLocalOutcomes(const std::vector<Container>& containers,
                   const std::function<bool(const Container&)>& isLocal,
                   bool routeIsolation)
{
    bool allHeld = true;
    for (const Container& c : containers)
    {
        if (!isLocal(c))
        {
            continue;
        }
        const std::string label = c.ns->GetHost()->GetName() + "/" + c.ns->GetName();
        std::vector<std::pair<std::string, bool>> checks = {
            {label + " runs on its host's MPI system id",
             c.ns->GetNode()->GetSystemId() == c.ns->GetHost()->GetNode()->GetSystemId()},
        };
        if (routeIsolation)
        {
            checks.emplace_back(label + " gets every echo reply from its peer",
                                c.echoReplies == ECHO_REQUESTS);
            checks.emplace_back(label + " receives every byte its peer sends over TCP",
                                c.tcpSink->GetTotalRx() == TCP_BYTES);
        }
        for (const auto& [name, held] : checks)
        {
            std::cout << "  [" << (held ? " ok " : "FAIL") << "] " << name << "\n";
            allHeld = allHeld && held;
        }
    }
    return allHeld;
}

} // namespace

int
main(int argc, char* argv[])
{
    bool distributed = false;
    bool routeIsolation = true;
    uint32_t containersPerHost = 2;
    std::string outputDir = "netns-mpi-output";
    bool pcap = true;

    CommandLine cmd(__FILE__);
    cmd.AddValue("distributed",
                 "Split the hosts over two MPI ranks (run under mpirun -np 2); needs ns-3 "
                 "built with MPI",
                 distributed);
    cmd.AddValue("routeIsolation",
                 "Give each namespace its own routes (false: the 2006 patch's shared routes)",
                 routeIsolation);
    cmd.AddValue("containers", "Containers per host, 1 to 50", containersPerHost);
    cmd.AddValue("outputDir", "Directory for the pcap and result files", outputDir);
    cmd.AddValue("pcap", "Write pcap files", pcap);
    cmd.Parse(argc, argv);

    if (containersPerHost < 1 || containersPerHost > 50)
    {
        std::cerr << "invalid --containers=" << containersPerHost << ": choose 1 to 50"
                  << std::endl;
        return 2;
    }

    uint32_t rank = 0;
    if (distributed)
    {
#ifdef NS3_MPI
        GlobalValue::Bind("SimulatorImplementationType",
                          StringValue("ns3::DistributedSimulatorImpl"));
        MpiInterface::Enable(&argc, &argv);
        rank = MpiInterface::GetSystemId();
        if (MpiInterface::GetSize() != HOSTS)
        {
            std::cerr << "--distributed=true needs exactly " << HOSTS << " MPI ranks, got "
                      << MpiInterface::GetSize() << "; run it with mpirun -np " << HOSTS
                      << std::endl;
            MpiInterface::Disable();
            return 2;
        }
#else
        std::cerr << "--distributed=true needs ns-3 built with MPI (./ns3 configure "
                     "--enable-mpi)"
                  << std::endl;
        return 2;
#endif
    }
    // Sequentially, one process runs every host; distributed, a rank runs the
    // hosts whose system id is its rank.
    auto isLocalNode = [distributed, rank](Ptr<Node> node) {
        return !distributed || node->GetSystemId() == rank;
    };
    auto isLocal = [isLocalNode](const Container& c) {
        return isLocalNode(c.ns->GetHost()->GetNode());
    };

    // Set-up that every rank executes identically, in the same order.
    Network net;
    BuildNetwork(net, routeIsolation);
    std::vector<Container> containers = CreateContainers(net, containersPerHost);
    CreateApplications(containers, containersPerHost, isLocal);
    if (pcap)
    {
        EnableLocalPcaps(net, containers, outputDir, isLocalNode);
    }

    Simulator::Stop(Seconds(10.0));
    Simulator::Run();

    const std::string results = FormatResults(containers, isLocal);
    std::filesystem::create_directories(outputDir);
    std::ofstream(outputDir + "/namespaces-rank" + std::to_string(rank) + ".txt") << results;
    std::cout << "Rank " << rank << (distributed ? " of 2" : " (sequential)")
              << ", route isolation " << (routeIsolation ? "on" : "off") << "\n"
              << results << "Expected outcomes\n";
    const bool allHeld = CheckLocalOutcomes(containers, isLocal, routeIsolation);

    Simulator::Destroy();
#ifdef NS3_MPI
    if (distributed)
    {
        MpiInterface::Disable();
    }
#endif
    return allHeld ? 0 : 1;
}
