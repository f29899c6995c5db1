/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * What the 2006 patch did not isolate (one route table per host, host-wide
 * address locality, shared source selection, namespace-blind receive), and
 * how route isolation removes each of these faults. Every case runs in both
 * route models.
 */
#include "netns-test-lan.h"

#include "ns3/test.h"

#include <sstream>

using namespace ns3;
using namespace ns3::netns;
using namespace ns3::netns::test;

namespace
{

const Ipv4Address ADDRESS_A("198.51.100.10"); //!< address of namespace A
const Ipv4Address ADDRESS_B("198.51.100.11"); //!< address of namespace B

/** @return "isolated" or "shared routes", for messages */
std::string
Mode(bool isolated)
{
    return isolated ? "isolated" : "shared routes";
}

/** @return the routes of a namespace, one "ip route"-like line each */
std::string
RouteLines(Ptr<Namespace> ns)
{
    std::ostringstream os;
    for (const Route& route : ns->GetRoutes())
    {
        os << route.destination << "/" << unsigned{route.prefixLength};
        if (route.HasGateway())
        {
            os << " via " << route.gateway;
        }
        if (route.preferredSource != Ipv4Address::GetAny())
        {
            os << " src " << route.preferredSource;
        }
        os << "; ";
    }
    return os.str();
}

/** @return a route to 203.0.113.0/24 through the first peer */
Route
RouteToFarNetwork()
{
    Route route;
    route.destination = Ipv4Address("203.0.113.0");
    route.prefixLength = 24;
    route.gateway = Ipv4Address("198.51.100.1");
    return route;
}

/** @return the IPv4 address of a socket address */
Ipv4Address
SenderAddress(const Address& address)
{
    return InetSocketAddress::ConvertFrom(address).GetIpv4();
}

/// One route table per host, or one per namespace.
class RouteTableTestCase : public TestCase
{
  public:
    RouteTableTestCase()
        : TestCase("routes are one table per host unless route isolation is on")
    {
    }

  private:
    void DoRun() override
    {
        // Without isolation: a change made anywhere applies everywhere.
        {
            Lan lan(false);
            Ptr<Process> a = lan.MakeContainer({"eth0"}, "eth0", ADDRESS_A);
            Ptr<Process> b = lan.MakeContainer({"eth0"}, "eth0", ADDRESS_B);
            NS_TEST_ASSERT_MSG_EQ(a->AddRoute(RouteToFarNetwork()).IsOk(), true, "A adds a route");
            const std::string expected = "198.51.100.0/24 src 198.51.100.10; "
                                         "198.51.100.0/24 src 198.51.100.11; "
                                         "203.0.113.0/24 via 198.51.100.1; ";
            NS_TEST_EXPECT_MSG_EQ(RouteLines(a->GetNamespace()), expected, "A's listing");
            NS_TEST_EXPECT_MSG_EQ(RouteLines(b->GetNamespace()),
                                  expected,
                                  "B lists the same table, with A's routes");
            NS_TEST_EXPECT_MSG_EQ(RouteLines(lan.host->GetInitialNamespace()),
                                  expected,
                                  "the initial namespace lists the same table");
            NS_TEST_EXPECT_MSG_EQ(b->AddRoute(RouteToFarNetwork()).GetErrno(),
                                  EEXIST,
                                  "B cannot add a route A added");
            RouteSelector selector;
            selector.destination = Ipv4Address("203.0.113.0");
            selector.prefixLength = 24;
            NS_TEST_EXPECT_MSG_EQ(b->DeleteRoute(selector).IsOk(), true, "B deletes A's route");
            NS_TEST_EXPECT_MSG_EQ(RouteLines(a->GetNamespace()).find("203.0.113.0"),
                                  std::string::npos,
                                  "the route B deleted is gone for A too");
            Lan::TearDown();
        }
        // With isolation: each namespace's table, filled from its own addresses.
        {
            Lan lan(true);
            Ptr<Process> a = lan.MakeContainer({"eth0"}, "eth0", ADDRESS_A);
            Ptr<Process> b = lan.MakeContainer({"eth0"}, "eth0", ADDRESS_B);
            NS_TEST_ASSERT_MSG_EQ(a->AddRoute(RouteToFarNetwork()).IsOk(), true, "A adds a route");
            NS_TEST_EXPECT_MSG_EQ(RouteLines(a->GetNamespace()),
                                  "198.51.100.0/24 src 198.51.100.10; "
                                  "203.0.113.0/24 via 198.51.100.1; ",
                                  "A lists its own routes only");
            NS_TEST_EXPECT_MSG_EQ(RouteLines(b->GetNamespace()),
                                  "198.51.100.0/24 src 198.51.100.11; ",
                                  "B lists its own connected route only");
            NS_TEST_EXPECT_MSG_EQ(RouteLines(lan.host->GetInitialNamespace()),
                                  "",
                                  "the initial namespace has no address and no route");
            NS_TEST_EXPECT_MSG_EQ(b->AddRoute(RouteToFarNetwork()).IsOk(),
                                  true,
                                  "B adds the same route to its own table");
            Lan::TearDown();
        }
    }
};

/// Whose addresses bind() accepts.
class BindLocalityTestCase : public TestCase
{
  public:
    BindLocalityTestCase()
        : TestCase("bind accepts another namespace's address only without route isolation")
    {
    }

  private:
    void DoRun() override
    {
        for (bool isolated : {false, true})
        {
            Lan lan(isolated);
            lan.MakeContainer({"eth0"}, "eth0", ADDRESS_A);
            Ptr<Process> b = lan.MakeContainer({"eth0"}, "eth0", ADDRESS_B);
            auto fd = b->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM);
            Status foreign = b->Bind(fd.GetValue(), ADDRESS_A, 5000);
            NS_TEST_EXPECT_MSG_EQ(foreign.GetErrno(),
                                  (isolated ? EADDRNOTAVAIL : 0),
                                  Mode(isolated) << ": bind to A's address from B: "
                                                 << foreign.ToString());
            auto other = b->Socket(NETNS_AF_INET, NETNS_SOCK_STREAM);
            Status nobody = b->Bind(other.GetValue(), Ipv4Address("198.51.100.99"), 5000);
            NS_TEST_EXPECT_MSG_EQ(nobody.GetErrno(),
                                  EADDRNOTAVAIL,
                                  Mode(isolated) << ": an address no namespace holds");
            Lan::TearDown();
        }
    }
};

/// Which source address an unbound socket gets.
class SourceSelectionTestCase : public TestCase
{
  public:
    SourceSelectionTestCase()
        : TestCase("unbound sockets take another namespace's address only without isolation")
    {
    }

  private:
    void DoRun() override
    {
        for (bool isolated : {false, true})
        {
            Lan lan(isolated);
            Ptr<Process> a = lan.MakeContainer({"eth0"}, "eth0", ADDRESS_A);
            Ptr<Process> b = lan.MakeContainer({"eth0"}, "eth0", ADDRESS_B);
            const Ipv4Address expected = isolated ? ADDRESS_B : ADDRESS_A;

            auto route = b->GetNamespace()->LookupRoute(lan.PeerAddress(0));
            NS_TEST_ASSERT_MSG_EQ(route.IsOk(), true, "B should have a route to the peer");
            NS_TEST_EXPECT_MSG_EQ(route.GetValue().preferredSource,
                                  expected,
                                  Mode(isolated) << ": source of B's route to the peer");

            Ptr<Socket> listener =
                Socket::CreateSocket(lan.peers.Get(0), UdpSocketFactory::GetTypeId());
            listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), 6000));
            Receiver atPeer;
            atPeer.Attach(listener);
            auto fd = b->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM);
            Simulator::ScheduleWithContext(b->GetNamespace()->GetNode()->GetId(),
                                           Seconds(1),
                                           [b, fd, &lan]() {
                                               b->SendTo(fd.GetValue(),
                                                         MakePayload("from B"),
                                                         lan.PeerAddress(0),
                                                         6000);
                                           });
            Simulator::Stop(Seconds(2));
            Simulator::Run();
            NS_TEST_ASSERT_MSG_EQ(atPeer.senders.size(), 1, "the peer should get B's datagram");
            NS_TEST_EXPECT_MSG_EQ(SenderAddress(atPeer.senders[0]),
                                  expected,
                                  Mode(isolated) << ": source address the peer sees");

            // A gateway route takes the source of the connected route to its gateway.
            Route viaPeer = RouteToFarNetwork();
            a->AddRoute(viaPeer);
            b->AddRoute(viaPeer);
            auto farRoute = b->GetNamespace()->LookupRoute(Ipv4Address("203.0.113.5"));
            NS_TEST_ASSERT_MSG_EQ(farRoute.IsOk(), true, "B should route to 203.0.113.5");
            NS_TEST_EXPECT_MSG_EQ(farRoute.GetValue().preferredSource,
                                  expected,
                                  Mode(isolated) << ": source through a gateway");
            Lan::TearDown();
        }
    }
};

/// Which namespace an incoming datagram reaches.
class UdpReceivePathTestCase : public TestCase
{
  public:
    UdpReceivePathTestCase()
        : TestCase("incoming datagrams reach the address holder only with route isolation")
    {
    }

  private:
    void DoRun() override
    {
        for (bool isolated : {false, true})
        {
            Lan lan(isolated);
            Ptr<Process> a = lan.MakeContainer({"eth0"}, "eth0", ADDRESS_A);
            Ptr<Process> b = lan.MakeContainer({"eth0"}, "eth0", ADDRESS_B);
            Receiver atA;
            Receiver atB;
            // A binds first; the 2006 kernel put B's later socket first in the hash chain.
            OpenServer(a, NETNS_SOCK_DGRAM, Ipv4Address::GetAny(), 5000, &atA);
            OpenServer(b, NETNS_SOCK_DGRAM, Ipv4Address::GetAny(), 5000, &atB);
            SendUdpFromNode(lan.peers.Get(0), ADDRESS_A, 5000, "for A", Seconds(1));
            SendUdpFromNode(lan.peers.Get(0), ADDRESS_B, 5000, "for B", Seconds(1.1));
            Simulator::Stop(Seconds(2));
            Simulator::Run();

            std::string gotA;
            std::string gotB;
            for (const std::string& p : atA.payloads)
            {
                gotA += p + ";";
            }
            for (const std::string& p : atB.payloads)
            {
                gotB += p + ";";
            }
            const std::string expectedA = isolated ? "for A;" : "";
            const std::string expectedB = isolated ? "for B;" : "for A;for B;";
            NS_TEST_EXPECT_MSG_EQ(gotA, expectedA, Mode(isolated) << ": what A's socket receives");
            NS_TEST_EXPECT_MSG_EQ(gotB, expectedB, Mode(isolated) << ": what B's socket receives");
            Lan::TearDown();
        }
    }
};

/// Among namespace-blind matches, specific beats wildcard and newest beats older.
class SocketMatchOrderTestCase : public TestCase
{
  public:
    SocketMatchOrderTestCase()
        : TestCase("without isolation a specific bind beats a wildcard and the newest bind wins")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(false);
        Ptr<Process> a = lan.MakeContainer({"eth0"}, "eth0", ADDRESS_A);
        Ptr<Process> b = lan.MakeContainer({"eth0"}, "eth0", ADDRESS_B);
        Ptr<Process> c = lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.12"));
        Receiver specificA;
        Receiver wildcardB;
        Receiver wildcardA;
        Receiver wildcardC;
        OpenServer(a, NETNS_SOCK_DGRAM, ADDRESS_A, 6000, &specificA);
        OpenServer(b, NETNS_SOCK_DGRAM, Ipv4Address::GetAny(), 6000, &wildcardB);
        OpenServer(a, NETNS_SOCK_DGRAM, Ipv4Address::GetAny(), 7000, &wildcardA);
        OpenServer(b, NETNS_SOCK_DGRAM, Ipv4Address::GetAny(), 7000, &wildcardB);
        OpenServer(c, NETNS_SOCK_DGRAM, Ipv4Address::GetAny(), 7000, &wildcardC);
        SendUdpFromNode(lan.peers.Get(0), ADDRESS_A, 6000, "specific", Seconds(1));
        SendUdpFromNode(lan.peers.Get(0), ADDRESS_A, 7000, "newest", Seconds(1.1));
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(specificA.payloads.size(),
                              1,
                              "A's specific bind should beat B's newer wildcard");
        NS_TEST_EXPECT_MSG_EQ(wildcardC.payloads.size(),
                              1,
                              "C's wildcard, bound last, should win over A's and B's");
        NS_TEST_EXPECT_MSG_EQ(wildcardA.payloads.size() + wildcardB.payloads.size(),
                              0,
                              "older wildcards should get nothing");
        Lan::TearDown();
    }
};

/// Which namespace accepts an incoming TCP connection, and keeps it.
class TcpReceivePathTestCase : public TestCase
{
  public:
    TcpReceivePathTestCase()
        : TestCase("incoming connections reach the address holder only with route isolation")
    {
    }

  private:
    void DoRun() override
    {
        for (bool isolated : {false, true})
        {
            Lan lan(isolated);
            Ptr<Process> a = lan.MakeContainer({"eth0"}, "eth0", ADDRESS_A);
            Ptr<Process> b = lan.MakeContainer({"eth0"}, "eth0", ADDRESS_B);
            Receiver atA;
            Receiver atB;
            OpenServer(a, NETNS_SOCK_STREAM, Ipv4Address::GetAny(), 7000, &atA);
            OpenServer(b, NETNS_SOCK_STREAM, Ipv4Address::GetAny(), 7000, &atB);
            bool connected = false;
            std::string text(3000, 'x'); // several segments, so the flow must stay put
            ConnectTcpFromNode(lan.peers.Get(0), ADDRESS_A, 7000, text, Seconds(1), &connected);
            Simulator::Stop(Seconds(3));
            Simulator::Run();

            NS_TEST_EXPECT_MSG_EQ(connected, true, Mode(isolated) << ": the peer connects");
            Receiver& expected = isolated ? atA : atB;
            Receiver& other = isolated ? atB : atA;
            NS_TEST_EXPECT_MSG_EQ(expected.accepted,
                                  1,
                                  Mode(isolated) << ": the accepting namespace");
            NS_TEST_EXPECT_MSG_EQ(expected.bytes,
                                  3000,
                                  Mode(isolated) << ": every byte reaches the accepting side");
            NS_TEST_EXPECT_MSG_EQ(other.accepted, 0, Mode(isolated) << ": the other namespace");
            Lan::TearDown();
        }
    }
};

/// Broadcasts reach every namespace with an address in the subnet.
class BroadcastTestCase : public TestCase
{
  public:
    BroadcastTestCase()
        : TestCase("broadcasts reach every namespace with an address in the subnet")
    {
    }

  private:
    void DoRun() override
    {
        for (bool isolated : {false, true})
        {
            Lan lan(isolated);
            Ptr<Process> a = lan.MakeContainer({"eth0"}, "eth0", ADDRESS_A);
            Ptr<Process> b = lan.MakeContainer({"eth0"}, "eth0", ADDRESS_B);
            Ptr<Process> c = lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("203.0.113.10"));
            Receiver atA;
            Receiver atB;
            Receiver atC;
            OpenServer(a, NETNS_SOCK_DGRAM, Ipv4Address::GetAny(), 6500, &atA);
            OpenServer(b, NETNS_SOCK_DGRAM, Ipv4Address::GetAny(), 6500, &atB);
            OpenServer(c, NETNS_SOCK_DGRAM, Ipv4Address::GetAny(), 6500, &atC);
            Ptr<Socket> subnet = SendUdpFromNode(lan.peers.Get(0),
                                                 "198.51.100.255",
                                                 6500,
                                                 "subnet",
                                                 Seconds(1));
            subnet->SetAllowBroadcast(true);
            Ptr<Socket> limited = SendUdpFromNode(lan.peers.Get(0),
                                                  Ipv4Address::GetBroadcast(),
                                                  6500,
                                                  "limited",
                                                  Seconds(1.5));
            limited->SetAllowBroadcast(true);
            Simulator::Stop(Seconds(2));
            Simulator::Run();
            const std::string mode = Mode(isolated);
            NS_TEST_EXPECT_MSG_EQ(atA.payloads.size(), 2, mode << ": A gets both broadcasts");
            NS_TEST_EXPECT_MSG_EQ(atB.payloads.size(), 2, mode << ": B gets both broadcasts");
            NS_TEST_ASSERT_MSG_EQ(atC.payloads.size(),
                                  1,
                                  mode << ": C, in another subnet, gets only 255.255.255.255");
            NS_TEST_EXPECT_MSG_EQ(atC.payloads[0], "limited", mode << ": C's datagram");
            Lan::TearDown();
        }
    }
};

/// Routes set with Ipv4StaticRoutingHelper on a host join its table.
class StaticRoutingHelperTestCase : public TestCase
{
  public:
    StaticRoutingHelperTestCase()
        : TestCase("routes added with Ipv4StaticRoutingHelper join the host's table")
    {
    }

  private:
    void DoRun() override
    {
        for (bool isolated : {false, true})
        {
            Lan lan(isolated);
            Ptr<Process> root = lan.host->CreateProcess(0);
            root->AddAddress("eth0", Ipv4Address("198.51.100.200"), 24);
            Ptr<Process> container = lan.MakeContainer({"eth0"}, "eth0", ADDRESS_A);
            Ipv4StaticRoutingHelper helper;
            Ptr<Ipv4StaticRouting> routing =
                helper.GetStaticRouting(lan.hostNode->GetObject<Ipv4>());
            NS_TEST_ASSERT_MSG_NE(routing, nullptr, "the helper should find the host's routing");
            routing->AddNetworkRouteTo("192.0.2.0", "255.255.255.0", "198.51.100.1", 1);

            auto fromHost = lan.host->GetInitialNamespace()->LookupRoute("192.0.2.9");
            NS_TEST_ASSERT_MSG_EQ(fromHost.IsOk(), true, "the host should use the helper's route");
            NS_TEST_EXPECT_MSG_EQ(fromHost.GetValue().gateway,
                                  Ipv4Address("198.51.100.1"),
                                  "gateway of the helper's route");
            NS_TEST_EXPECT_MSG_EQ(static_cast<int>(fromHost.GetValue().protocol),
                                  static_cast<int>(RouteProtocol::Static),
                                  "the route should be listed as static");
            auto fromContainer = container->GetNamespace()->LookupRoute("192.0.2.9");
            NS_TEST_EXPECT_MSG_EQ(fromContainer.IsOk(),
                                  !isolated,
                                  Mode(isolated) << ": the container uses the host's route");
            Lan::TearDown();
        }
    }
};

/// Test suite of the route model.
class RoutesTestSuite : public TestSuite
{
  public:
    RoutesTestSuite()
        : TestSuite("netns-routes", UNIT)
    {
        AddTestCase(new RouteTableTestCase, TestCase::QUICK);
        AddTestCase(new BindLocalityTestCase, TestCase::QUICK);
        AddTestCase(new SourceSelectionTestCase, TestCase::QUICK);
        AddTestCase(new UdpReceivePathTestCase, TestCase::QUICK);
        AddTestCase(new SocketMatchOrderTestCase, TestCase::QUICK);
        AddTestCase(new TcpReceivePathTestCase, TestCase::QUICK);
        AddTestCase(new BroadcastTestCase, TestCase::QUICK);
        AddTestCase(new StaticRoutingHelperTestCase, TestCase::QUICK);
    }
};

RoutesTestSuite g_routesTestSuite; //!< registers the suite

} // namespace
