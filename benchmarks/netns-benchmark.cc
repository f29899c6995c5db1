/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * One measurement of the netns module's costs, printed as "key=value"
 * lines for benchmarks/run-benchmarks, which runs each case beside its
 * baseline in the same session and reports ratios.
 *
 * Cases (--case):
 *   traffic   UDP echo and TCP bulk traffic from one client to --services
 *             services. --variant=plain puts each service on its own ns-3
 *             node on the LAN (the baseline); --variant=netns puts them in
 *             namespaces of one host; --variant=unused installs the module
 *             on the service nodes but creates no namespace. --idle adds
 *             idle namespaces to the host (dispatch scaling).
 *   create    --count namespaces on one host (--variant=netns), or as many
 *             plain nodes with an IPv4 stack (--variant=plain); each with a
 *             bound UDP socket when --socket=true.
 *   scale     --hosts hosts with --per-host namespaces each, each namespace
 *             with a bound UDP socket that sends one datagram over its
 *             loopback, run for one simulated second.
 *
 * CPU times come from CLOCK_PROCESS_CPUTIME_ID, which the other load of a
 * shared machine disturbs less than wall-clock time; memory from
 * getrusage's peak resident set size.
 */

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/netns-module.h"
#include "ns3/network-module.h"

#include <sys/resource.h>

#include <ctime>
#include <fstream>
#include <unistd.h>
#include <iostream>

using namespace ns3;

namespace
{

/** @return CPU seconds used by the process so far */
double
CpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

/** @return the peak resident set size in bytes */
uint64_t
PeakRssBytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<uint64_t>(usage.ru_maxrss) * 1024;
}

/** @return the current resident set size in bytes, from /proc/self/statm */
uint64_t
CurrentRssBytes()
{
    std::ifstream statm("/proc/self/statm");
    uint64_t pages = 0;
    uint64_t resident = 0;
    statm >> pages >> resident;
    return resident * static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
}

/** @return the address of service k in 10.0.0.0/8, counting from 10.0.1.1 */
Ipv4Address
ServiceAddress(uint32_t k)
{
    return Ipv4Address(Ipv4Address("10.0.1.1").Get() + k);
}

/// Options of the traffic case.
struct TrafficOptions
{
    std::string variant{"plain"}; //!< plain, netns or unused
    uint32_t services{2};         //!< number of services
    uint32_t idle{0};             //!< idle namespaces added to the host
    uint32_t echoes{2000};        //!< UDP echo requests per service
    uint32_t tcpBytes{2000000};   //!< TCP bytes per service
    bool isolation{true};         //!< route isolation of the host
    std::string pcapPrefix;       //!< capture the client's LAN device when not empty
};

/// Counters filled by traces.
struct TrafficCounters
{
    uint64_t echoReplies{0}; //!< echo replies received by the client
    uint64_t tcpBytes{0};    //!< TCP bytes received by the services
};

/** Count an echo reply. */
void
CountReply(TrafficCounters* counters, Ptr<const Packet>)
{
    counters->echoReplies++;
}

/** Count bytes a packet sink received. */
void
CountSinkBytes(TrafficCounters* counters, Ptr<const Packet> packet, const Address&)
{
    counters->tcpBytes += packet->GetSize();
}

/** Build the services of one variant; @return the applications to connect traces to */
std::vector<Ptr<Application>>
BuildServices(const TrafficOptions& options, Ptr<Node> client, NodeContainer& lanNodes)
{
    std::vector<Ptr<Application>> sinks;
    auto makeServer = [&](auto install) {
        for (uint32_t k = 0; k < options.services; ++k)
        {
            Ptr<UdpEchoServer> echo = CreateObject<UdpEchoServer>();
            echo->SetAttribute("Port", UintegerValue(7));
            Ptr<PacketSink> sink = CreateObject<PacketSink>();
            sink->SetAttribute("Protocol", TypeIdValue(TcpSocketFactory::GetTypeId()));
            sink->SetAttribute("Local",
                               AddressValue(InetSocketAddress(Ipv4Address::GetAny(), 9000)));
            install(k, echo, sink);
            sinks.push_back(sink);
        }
    };

    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue("1Gbps"));
    csma.SetChannelAttribute("Delay", TimeValue(MicroSeconds(1)));
    Ipv4AddressHelper clientAddress("10.0.0.0", "255.0.0.0", "0.0.0.1");
    InternetStackHelper stack;
    stack.Install(client);
    auto capture = [&](Ptr<NetDevice> clientDevice) {
        if (!options.pcapPrefix.empty())
        {
            csma.EnablePcap(options.pcapPrefix, clientDevice, false, true);
        }
    };

    if (options.variant == "netns")
    {
        Ptr<Node> host = CreateObject<Node>();
        lanNodes = NodeContainer(client, host);
        NetDeviceContainer devices = csma.Install(lanNodes);
        capture(devices.Get(0));
        NetnsHelper netns;
        netns.SetRouteIsolation(options.isolation);
        netns.Install(host);
        clientAddress.Assign(NetDeviceContainer(devices.Get(0)));
        Ptr<netns::Host> h = NetnsHelper::GetHost(host);
        auto container = [&](Ipv4Address address) {
            Ptr<netns::Process> p = h->CreateProcess(0);
            p->Unshare(netns::CLONE_NEWNET_MAINLINE);
            p->WriteFile(netns::DEBUGFS_DEV_PATH, "eth0");
            p->AddAddress("eth0", address, 8);
            return p;
        };
        makeServer([&](uint32_t k, Ptr<Application> echo, Ptr<Application> sink) {
            Ptr<netns::Process> p = container(ServiceAddress(k));
            p->InstallApplication(echo);
            p->InstallApplication(sink);
        });
        for (uint32_t i = 0; i < options.idle; ++i)
        {
            Ptr<netns::Process> p = container(ServiceAddress(options.services + i));
            auto fd = p->Socket(netns::NETNS_AF_INET, netns::NETNS_SOCK_DGRAM);
            p->Bind(fd.GetValue(), Ipv4Address::GetAny(), 7);
        }
        return sinks;
    }

    NodeContainer servers;
    servers.Create(options.services);
    lanNodes = NodeContainer(NodeContainer(client), servers);
    NetDeviceContainer devices = csma.Install(lanNodes);
    capture(devices.Get(0));
    if (options.variant == "unused")
    {
        NetnsHelper netns;
        netns.Install(servers);
    }
    else
    {
        stack.Install(servers);
    }
    clientAddress.Assign(NetDeviceContainer(devices.Get(0)));
    makeServer([&](uint32_t k, Ptr<Application> echo, Ptr<Application> sink) {
        Ptr<Node> server = servers.Get(k);
        Ptr<Ipv4> ipv4 = server->GetObject<Ipv4>();
        int32_t interface = ipv4->GetInterfaceForDevice(devices.Get(1 + k));
        if (interface < 0)
        {
            interface = static_cast<int32_t>(ipv4->AddInterface(devices.Get(1 + k)));
        }
        ipv4->AddAddress(interface, Ipv4InterfaceAddress(ServiceAddress(k), "255.0.0.0"));
        ipv4->SetUp(interface);
        server->AddApplication(echo);
        server->AddApplication(sink);
    });
    return sinks;
}

/** Run the traffic case and print its figures. */
int
RunTraffic(const TrafficOptions& options)
{
    // Without this jitter (up to 10 ms by default) no echo request waits on ARP and gets
    // dropped, so every variant carries exactly the same packets.
    Config::SetDefault("ns3::ArpL3Protocol::RequestJitter",
                       StringValue("ns3::ConstantRandomVariable[Constant=0.0]"));
    Ptr<Node> client = CreateObject<Node>();
    NodeContainer lanNodes;
    std::vector<Ptr<Application>> sinks = BuildServices(options, client, lanNodes);
    TrafficCounters counters;
    for (const Ptr<Application>& sink : sinks)
    {
        sink->TraceConnectWithoutContext("Rx", MakeBoundCallback(&CountSinkBytes, &counters));
    }
    for (uint32_t k = 0; k < options.services; ++k)
    {
        UdpEchoClientHelper echo(ServiceAddress(k), 7);
        echo.SetAttribute("MaxPackets", UintegerValue(options.echoes));
        echo.SetAttribute("Interval", TimeValue(MicroSeconds(500)));
        echo.SetAttribute("PacketSize", UintegerValue(200));
        ApplicationContainer echoApp = echo.Install(client);
        echoApp.Start(Seconds(1));
        echoApp.Get(0)->TraceConnectWithoutContext("Rx", MakeBoundCallback(&CountReply, &counters));
        // TCP starts once the echoes are over, so the two never compete for the queue.
        BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress(ServiceAddress(k), 9000));
        bulk.SetAttribute("MaxBytes", UintegerValue(options.tcpBytes));
        bulk.Install(client).Start(Seconds(1) + MicroSeconds(500) * options.echoes +
                                   MilliSeconds(100));
    }

    // Set-up events (node initialization, application starts before 1 s)
    // run first, so that the measured part is the traffic itself.
    Simulator::Stop(Seconds(0.999));
    Simulator::Run();
    const double start = CpuSeconds();
    Simulator::Stop(Seconds(30));
    Simulator::Run();
    const double cpu = CpuSeconds() - start;

    const uint64_t expectedBytes = uint64_t{options.tcpBytes} * options.services;
    const uint64_t expectedEchoes = uint64_t{options.echoes} * options.services;
    std::cout << "case=traffic\nvariant=" << options.variant << "\nservices=" << options.services
              << "\nidle=" << options.idle << "\necho_replies=" << counters.echoReplies
              << "\ntcp_bytes=" << counters.tcpBytes << "\ncpu_seconds=" << cpu
              << "\nevents=" << Simulator::GetEventCount() << "\npeak_rss_bytes=" << PeakRssBytes()
              << "\n";
    Simulator::Destroy();
    if (counters.echoReplies != expectedEchoes || counters.tcpBytes != expectedBytes)
    {
        std::cerr << "traffic did not complete: " << counters.echoReplies << "/" << expectedEchoes
                  << " echo replies, " << counters.tcpBytes << "/" << expectedBytes
                  << " TCP bytes" << std::endl;
        return 1;
    }
    return 0;
}

/** Run the creation case and print its figures. */
int
RunCreate(const std::string& variant, uint32_t count, bool withSocket)
{
    Ptr<Node> hostNode = CreateObject<Node>();
    Ptr<netns::Host> host;
    if (variant == "netns")
    {
        NetnsHelper netns;
        netns.Install(hostNode);
        host = NetnsHelper::GetHost(hostNode);
    }
    const uint64_t rssBefore = CurrentRssBytes();
    const double start = CpuSeconds();
    for (uint32_t i = 0; i < count; ++i)
    {
        if (variant == "netns")
        {
            Ptr<netns::Process> p = host->CreateProcess(0);
            p->Unshare(netns::CLONE_NEWNET_MAINLINE);
            if (withSocket)
            {
                auto fd = p->Socket(netns::NETNS_AF_INET, netns::NETNS_SOCK_DGRAM);
                p->Bind(fd.GetValue(), Ipv4Address::GetAny(), 5000);
            }
            continue;
        }
        Ptr<Node> node = CreateObject<Node>();
        InternetStackHelper stack;
        stack.SetIpv6StackInstall(false);
        stack.Install(node);
        if (withSocket)
        {
            Ptr<Socket> socket = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
            socket->Bind(InetSocketAddress(Ipv4Address::GetAny(), 5000)); // UDP keeps it alive
        }
    }
    const double cpu = CpuSeconds() - start;
    const uint64_t rssAfter = CurrentRssBytes();
    std::cout << "case=create\nvariant=" << variant << "\ncount=" << count
              << "\nsocket=" << withSocket << "\ncpu_seconds=" << cpu
              << "\nrss_growth_bytes=" << (rssAfter - rssBefore)
              << "\npeak_rss_bytes=" << PeakRssBytes() << "\n";
    Simulator::Destroy();
    return 0;
}

/** Run the scale case and print its figures. */
int
RunScale(uint32_t hosts, uint32_t perHost)
{
    const double start = CpuSeconds();
    NodeContainer hostNodes;
    hostNodes.Create(hosts);
    NetnsHelper netns;
    netns.SetRouteIsolation(true);
    netns.Install(hostNodes);
    uint64_t bound = 0;
    for (uint32_t h = 0; h < hosts; ++h)
    {
        Ptr<netns::Host> host = NetnsHelper::GetHost(hostNodes.Get(h));
        for (uint32_t i = 0; i < perHost; ++i)
        {
            Ptr<netns::Process> p = host->CreateProcess(0);
            p->Unshare(netns::CLONE_NEWNET_MAINLINE);
            auto fd = p->Socket(netns::NETNS_AF_INET, netns::NETNS_SOCK_DGRAM);
            if (p->Bind(fd.GetValue(), Ipv4Address::GetLoopback(), 5000).IsOk())
            {
                ++bound;
            }
            Simulator::ScheduleWithContext(p->GetNamespace()->GetNode()->GetId(),
                                           MilliSeconds(1 + (i % 900)),
                                           [p, fd]() {
                                               p->SendTo(fd.GetValue(),
                                                         Create<Packet>(32),
                                                         Ipv4Address::GetLoopback(),
                                                         5000);
                                           });
        }
    }
    const double built = CpuSeconds();
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    const double ran = CpuSeconds();
    std::cout << "case=scale\nhosts=" << hosts << "\nper_host=" << perHost
              << "\nnamespaces=" << uint64_t{hosts} * perHost << "\nbound_sockets=" << bound
              << "\nbuild_cpu_seconds=" << (built - start) << "\nrun_cpu_seconds=" << (ran - built)
              << "\npeak_rss_bytes=" << PeakRssBytes() << "\n";
    Simulator::Destroy();
    return 0;
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string benchmarkCase = "traffic";
    TrafficOptions traffic;
    uint32_t count = 1000;
    bool socket = true;
    uint32_t hosts = 10;
    uint32_t perHost = 100;

    CommandLine cmd(__FILE__);
    cmd.AddValue("case", "traffic, create or scale", benchmarkCase);
    cmd.AddValue("variant", "traffic: plain, netns or unused; create: plain or netns", traffic.variant);
    cmd.AddValue("services", "traffic: number of services", traffic.services);
    cmd.AddValue("idle", "traffic: idle namespaces on the host (netns variant)", traffic.idle);
    cmd.AddValue("echoes", "traffic: UDP echo requests per service", traffic.echoes);
    cmd.AddValue("tcpBytes", "traffic: TCP bytes per service", traffic.tcpBytes);
    cmd.AddValue("isolation", "traffic: route isolation of the host", traffic.isolation);
    cmd.AddValue("pcap", "traffic: write the client's LAN traffic to this pcap file", traffic.pcapPrefix);
    cmd.AddValue("count", "create: number of namespaces or nodes", count);
    cmd.AddValue("socket", "create: give each a bound UDP socket", socket);
    cmd.AddValue("hosts", "scale: number of hosts", hosts);
    cmd.AddValue("perHost", "scale: namespaces per host", perHost);
    cmd.Parse(argc, argv);

    if (benchmarkCase == "traffic")
    {
        if (traffic.variant != "plain" && traffic.variant != "netns" && traffic.variant != "unused")
        {
            std::cerr << "invalid --variant=" << traffic.variant
                      << " for the traffic case: use plain, netns or unused" << std::endl;
            return 2;
        }
        if (traffic.services < 1 || traffic.services > 60000)
        {
            std::cerr << "invalid --services=" << traffic.services << ": use 1 to 60000"
                      << std::endl;
            return 2;
        }
        return RunTraffic(traffic);
    }
    if (benchmarkCase == "create")
    {
        if (traffic.variant != "plain" && traffic.variant != "netns")
        {
            std::cerr << "invalid --variant=" << traffic.variant
                      << " for the create case: use plain or netns" << std::endl;
            return 2;
        }
        return RunCreate(traffic.variant, count, socket);
    }
    if (benchmarkCase == "scale")
    {
        return RunScale(hosts, perHost);
    }
    std::cerr << "invalid --case=" << benchmarkCase << ": use traffic, create or scale"
              << std::endl;
    return 2;
}
