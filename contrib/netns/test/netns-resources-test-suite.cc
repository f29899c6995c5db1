/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Listing every resource of a namespace from the namespace object, and the
 * traces and counters of what enters and leaves it.
 */
#include "netns-test-lan.h"

#include "ns3/test.h"

using namespace ns3;
using namespace ns3::netns;
using namespace ns3::netns::test;

namespace
{

/// The namespace object lists view, addresses, routes, sockets and processes.
class ResourceListingTestCase : public TestCase
{
  public:
    ResourceListingTestCase()
        : TestCase("a namespace lists its view, addresses, routes, sockets and processes")
    {
    }

  private:
    void DoRun() override
    {
        for (bool isolated : {false, true})
        {
            const std::string mode = isolated ? "isolated: " : "shared routes: ";
            Lan lan(isolated, 1, true);
            Ptr<Process> first = lan.MakeContainer({"eth1", "eth0"},
                                                   "eth0",
                                                   Ipv4Address("198.51.100.10"));
            Ptr<Process> second = first->Fork().GetValue();
            Ptr<Namespace> ns = first->GetNamespace();
            Receiver received;
            OpenServer(first, NETNS_SOCK_DGRAM, Ipv4Address::GetAny(), 5353, &received);
            OpenServer(second, NETNS_SOCK_STREAM, Ipv4Address("198.51.100.10"), 8080, &received);

            std::vector<std::string> view;
            for (const ViewEntry& entry : ns->GetView())
            {
                view.push_back(entry.name);
            }
            NS_TEST_EXPECT_MSG_EQ((view == std::vector<std::string>{"eth1", "eth0"}),
                                  true,
                                  mode << "the view in reveal order");
            NS_TEST_EXPECT_MSG_EQ(ListAddresses(ns).size(), 1, mode << "one address");
            NS_TEST_EXPECT_MSG_EQ(ListAddresses(ns)[0], "eth0 198.51.100.10/24", mode << "address");

            auto routes = ns->GetRoutes();
            NS_TEST_ASSERT_MSG_EQ(routes.size(), 1, mode << "one connected route");
            NS_TEST_EXPECT_MSG_EQ(routes[0].owner, ns->GetId(), mode << "the route's owner");
            const bool usesOwnTable = &ns->GetRouteTable() == &ns->GetOwnRouteTable();
            NS_TEST_EXPECT_MSG_EQ(usesOwnTable,
                                  isolated,
                                  mode << "the namespace uses its own table only when isolated");

            auto sockets = ns->GetSockets();
            NS_TEST_ASSERT_MSG_EQ(sockets.size(), 2, mode << "two bound sockets");
            NS_TEST_EXPECT_MSG_EQ(sockets[0].port, 5353, mode << "first socket's port");
            NS_TEST_EXPECT_MSG_EQ(static_cast<int>(sockets[0].transport),
                                  static_cast<int>(Transport::Udp),
                                  mode << "first socket is UDP");
            NS_TEST_EXPECT_MSG_EQ(sockets[1].listening, true, mode << "second socket listens");
            NS_TEST_EXPECT_MSG_EQ(sockets[1].local,
                                  Ipv4Address("198.51.100.10"),
                                  mode << "second socket's address");

            auto processes = ns->GetProcesses();
            NS_TEST_ASSERT_MSG_EQ(processes.size(), 2, mode << "two processes");
            NS_TEST_EXPECT_MSG_EQ(processes[0]->GetPid(), first->GetPid(), mode << "first pid");
            NS_TEST_EXPECT_MSG_EQ(processes[1]->GetPid(), second->GetPid(), mode << "second pid");

            first->Exit(0);
            second->Exit(0);
            NS_TEST_EXPECT_MSG_EQ(ns->IsAlive(), false, mode << "freed after both exits");
            NS_TEST_EXPECT_MSG_EQ(ns->GetView().size(), 0, mode << "no view left");
            NS_TEST_EXPECT_MSG_EQ(ns->GetSockets().size(), 0, mode << "no socket left");
            NS_TEST_EXPECT_MSG_EQ(ns->GetProcesses().size(), 0, mode << "no process left");
            NS_TEST_EXPECT_MSG_EQ(ns->GetRoutes().size(), 0, mode << "no route listed");
            NS_TEST_EXPECT_MSG_EQ(ns->GetAddresses().size(), 0, mode << "no address left");
            NS_TEST_EXPECT_MSG_EQ(lan.host->GetNamespaces().size(),
                                  1,
                                  mode << "only the initial namespace is alive");
            NS_TEST_EXPECT_MSG_EQ(lan.host->GetNamespace(ns->GetId()),
                                  ns,
                                  mode << "the freed namespace can still be looked up by id");
            Lan::TearDown();
        }
    }
};

/// Counter of trace calls by interface index.
struct TraceLog
{
    std::map<uint32_t, uint32_t> packets; //!< packets by ifindex
    uint32_t bytes{0};                    //!< bytes seen

    /** Record one packet. */
    void Record(Ptr<const Packet> packet, uint32_t ifindex)
    {
        packets[ifindex]++;
        bytes += packet->GetSize();
    }
};

/// Rx and Tx trace sources fire for packets entering and leaving each namespace.
class TraceSourcesTestCase : public TestCase
{
  public:
    TraceSourcesTestCase()
        : TestCase("Rx and Tx traces report packets entering and leaving each namespace")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(true);
        Ptr<Process> container = lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.10"));
        Ptr<Process> initialRoot = lan.host->CreateProcess(0);
        initialRoot->AddAddress("eth0", Ipv4Address("198.51.100.200"), 24);
        Ptr<Namespace> ns = container->GetNamespace();
        Ptr<Namespace> initial = lan.host->GetInitialNamespace();
        TraceLog rx;
        TraceLog tx;
        TraceLog initialRx;
        ns->TraceConnectWithoutContext("Rx", MakeCallback(&TraceLog::Record, &rx));
        ns->TraceConnectWithoutContext("Tx", MakeCallback(&TraceLog::Record, &tx));
        initial->TraceConnectWithoutContext("Rx", MakeCallback(&TraceLog::Record, &initialRx));
        uint32_t snifferFrames = 0;
        ns->FindInView("eth0")->device->TraceConnectWithoutContext(
            "Sniffer",
            MakeCallback(+[](uint32_t* count, Ptr<const Packet>) { ++*count; })
                .Bind(&snifferFrames));

        Receiver server;
        OpenServer(container, NETNS_SOCK_DGRAM, Ipv4Address::GetAny(), 5000, &server);
        Receiver echoes;
        echoes.Attach(SendUdpFromNode(lan.peers.Get(0), "198.51.100.10", 5000, "hello", Seconds(1)));
        SendUdpFromNode(lan.peers.Get(0), "198.51.100.200", 5000, "to init", Seconds(1.5));
        Simulator::Stop(Seconds(2));
        Simulator::Run();

        const uint32_t eth0 = ns->FindInView("eth0")->ifindex;
        NS_TEST_EXPECT_MSG_EQ(server.payloads.size(), 1, "the datagram should arrive");
        // In: the ARP request for 198.51.100.10 and the datagram.
        NS_TEST_EXPECT_MSG_EQ(rx.packets[eth0], 2, "packets entering through eth0");
        // Out: the ARP reply.
        NS_TEST_EXPECT_MSG_EQ(tx.packets[eth0], 1, "packets leaving through eth0");
        NS_TEST_EXPECT_MSG_EQ(ns->GetRxPackets(), 2, "the Rx counter follows the trace");
        NS_TEST_EXPECT_MSG_EQ(ns->GetTxPackets(), 1, "the Tx counter follows the trace");
        NS_TEST_EXPECT_MSG_EQ(ns->GetRxBytes(), rx.bytes, "Rx bytes");
        NS_TEST_EXPECT_MSG_EQ(snifferFrames, 3, "the view's sniffer sees both directions");
        // The initial namespace gets the ARP request for 198.51.100.200, the datagram, and
        // the peer's ARP reply to the request it sends before its ICMP port unreachable.
        NS_TEST_EXPECT_MSG_EQ(initialRx.packets[eth0],
                              3,
                              "the initial namespace gets only the frames for its address");
        NS_TEST_EXPECT_MSG_EQ(ns->GetDeviceCounters(eth0).rxPackets, 2, "per-device counter");
        Lan::TearDown();
    }
};

/// Test suite of resource listings and traces.
class ResourcesTestSuite : public TestSuite
{
  public:
    ResourcesTestSuite()
        : TestSuite("netns-resources", UNIT)
    {
        AddTestCase(new ResourceListingTestCase, TestCase::QUICK);
        AddTestCase(new TraceSourcesTestCase, TestCase::QUICK);
    }
};

ResourcesTestSuite g_resourcesTestSuite; //!< registers the suite

} // namespace
