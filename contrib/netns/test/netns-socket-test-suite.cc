/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Sockets: per-namespace bind tables, Linux's bind() rules, loopback
 * isolation and the errors of the socket calls.
 */
#include "netns-test-lan.h"

#include "ns3/netns-exec.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/test.h"
#include "ns3/udp-socket-factory.h"

#include <algorithm>

using namespace ns3;
using namespace ns3::netns;
using namespace ns3::netns::test;

namespace
{

/** @return a bound socket's fd, or -errno */
int
BoundSocket(Ptr<Process> process, int type, Ipv4Address address, uint16_t port, Status* status)
{
    auto fd = process->Socket(NETNS_AF_INET, type);
    if (!fd.IsOk())
    {
        *status = fd.GetStatus();
        return -fd.GetStatus().GetErrno();
    }
    *status = process->Bind(fd.GetValue(), address, port);
    return fd.GetValue();
}

/// The same address and port in several namespaces, but only once in one.
class SameAddressAndPortTestCase : public TestCase
{
  public:
    SameAddressAndPortTestCase()
        : TestCase("several namespaces bind one address and port; one namespace binds it once")
    {
    }

  private:
    void DoRun() override
    {
        for (bool isolated : {false, true})
        {
            for (int type : {NETNS_SOCK_DGRAM, NETNS_SOCK_STREAM})
            {
                const std::string what = std::string(isolated ? "isolated, " : "shared routes, ") +
                                         (type == NETNS_SOCK_DGRAM ? "UDP" : "TCP");
                Lan lan(isolated);
                const Ipv4Address address("198.51.100.10");
                Ptr<Process> a = lan.MakeContainer({"eth0"}, "eth0", address);
                Ptr<Process> b = lan.MakeContainer({"eth0"}, "eth0", address);
                Ptr<Process> c = lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.11"));
                Status status;
                BoundSocket(a, type, address, 8080, &status);
                NS_TEST_EXPECT_MSG_EQ(status.IsOk(), true, what << ": first namespace");
                BoundSocket(b, type, address, 8080, &status);
                NS_TEST_EXPECT_MSG_EQ(status.IsOk(), true, what << ": second namespace");
                BoundSocket(c, type, Ipv4Address::GetAny(), 8080, &status);
                NS_TEST_EXPECT_MSG_EQ(status.IsOk(), true, what << ": wildcard in a third");
                BoundSocket(a, type, address, 8080, &status);
                NS_TEST_EXPECT_MSG_EQ(status.GetErrno(),
                                      EADDRINUSE,
                                      what << ": a second bind in one namespace");
                NS_TEST_EXPECT_MSG_NE(status.GetMessage().find("198.51.100.10:8080"),
                                      std::string::npos,
                                      what << ": the message should name the address and port");
                Lan::TearDown();
            }
        }
    }
};

/// Linux's conflict rules inside one namespace, one row per case.
class BindConflictRulesTestCase : public TestCase
{
  public:
    BindConflictRulesTestCase()
        : TestCase("bind follows Linux's wildcard and SO_REUSEADDR rules in one namespace")
    {
    }

  private:
    struct Row
    {
        const char* name;
        int type;
        const char* first;
        bool firstReuse;
        bool firstListens;
        const char* second;
        bool secondReuse;
        int expectedErrno;
    };

    void DoRun() override
    {
        const std::vector<Row> rows{
            {"UDP wildcard then specific", NETNS_SOCK_DGRAM, "0.0.0.0", false, false,
             "198.51.100.10", false, EADDRINUSE},
            {"UDP specific then wildcard", NETNS_SOCK_DGRAM, "198.51.100.10", false, false,
             "0.0.0.0", false, EADDRINUSE},
            {"UDP two specific addresses", NETNS_SOCK_DGRAM, "198.51.100.10", false, false,
             "198.51.100.11", false, 0},
            {"UDP wildcard and specific, both SO_REUSEADDR", NETNS_SOCK_DGRAM, "0.0.0.0", true,
             false, "198.51.100.10", true, 0},
            {"UDP wildcard and specific, one SO_REUSEADDR", NETNS_SOCK_DGRAM, "0.0.0.0", true,
             false, "198.51.100.10", false, EADDRINUSE},
            {"TCP wildcard then specific", NETNS_SOCK_STREAM, "0.0.0.0", false, false,
             "198.51.100.10", false, EADDRINUSE},
            {"TCP both SO_REUSEADDR, none listening", NETNS_SOCK_STREAM, "0.0.0.0", true, false,
             "198.51.100.10", true, 0},
            {"TCP both SO_REUSEADDR, first listening", NETNS_SOCK_STREAM, "0.0.0.0", true, true,
             "198.51.100.10", true, EADDRINUSE},
            {"TCP and UDP on one port", NETNS_SOCK_STREAM, "0.0.0.0", false, true, "0.0.0.0",
             false, 0},
        };
        for (const Row& row : rows)
        {
            Lan lan(true);
            Ptr<Process> p = lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.10"));
            p->AddAddress("eth0", Ipv4Address("198.51.100.11"), 24);
            auto first = p->Socket(NETNS_AF_INET, row.type);
            p->SetReuseAddress(first.GetValue(), row.firstReuse);
            Status bound = p->Bind(first.GetValue(), Ipv4Address(row.first), 9000);
            NS_TEST_ASSERT_MSG_EQ(bound.IsOk(), true, row.name << ": first bind " << bound.ToString());
            if (row.firstListens)
            {
                NS_TEST_ASSERT_MSG_EQ(p->Listen(first.GetValue()).IsOk(), true, row.name);
            }
            // The last row binds the second socket with the other transport.
            const bool otherTransport = std::string(row.name) == "TCP and UDP on one port";
            const int secondType = otherTransport ? NETNS_SOCK_DGRAM : row.type;
            auto second = p->Socket(NETNS_AF_INET, secondType);
            p->SetReuseAddress(second.GetValue(), row.secondReuse);
            Status outcome = p->Bind(second.GetValue(), Ipv4Address(row.second), 9000);
            NS_TEST_EXPECT_MSG_EQ(outcome.GetErrno(),
                                  row.expectedErrno,
                                  row.name << ": unexpected outcome " << outcome.ToString());
            Lan::TearDown();
        }
    }
};

/// listen() re-checks the port, as Linux does.
class ListenConflictTestCase : public TestCase
{
  public:
    ListenConflictTestCase()
        : TestCase("a second SO_REUSEADDR socket cannot listen on a held port")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(true);
        Ptr<Process> p = lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.10"));
        auto s1 = p->Socket(NETNS_AF_INET, NETNS_SOCK_STREAM);
        auto s2 = p->Socket(NETNS_AF_INET, NETNS_SOCK_STREAM);
        p->SetReuseAddress(s1.GetValue(), true);
        p->SetReuseAddress(s2.GetValue(), true);
        NS_TEST_ASSERT_MSG_EQ(p->Bind(s1.GetValue(), Ipv4Address::GetAny(), 8080).IsOk(), true, "s1");
        NS_TEST_ASSERT_MSG_EQ(p->Bind(s2.GetValue(), Ipv4Address("198.51.100.10"), 8080).IsOk(),
                              true,
                              "s2 may bind while nobody listens");
        NS_TEST_EXPECT_MSG_EQ(p->Listen(s1.GetValue()).IsOk(), true, "s1 may listen");
        NS_TEST_EXPECT_MSG_EQ(p->Listen(s2.GetValue()).GetErrno(),
                              EADDRINUSE,
                              "s2 may not listen while s1 listens");
        Lan::TearDown();
    }
};

/// listen() on an unbound socket binds an ephemeral port first, as Linux does.
class ListenAutobindTestCase : public TestCase
{
  public:
    ListenAutobindTestCase()
        : TestCase("listen on unbound socket binds ephemeral port")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(true);
        const Ipv4Address address("198.51.100.10");
        Ptr<Process> p = lan.MakeContainer({"eth0"}, "eth0", address);
        Ptr<Namespace> ns = p->GetNamespace();
        auto fd = p->Socket(NETNS_AF_INET, NETNS_SOCK_STREAM);
        NS_TEST_ASSERT_MSG_EQ(fd.IsOk(), true, "TCP socket");
        NS_TEST_ASSERT_MSG_EQ(p->Listen(fd.GetValue()).IsOk(), true, "listen without bind");

        const std::vector<SocketBinding> sockets = ns->GetSockets();
        NS_TEST_ASSERT_MSG_EQ(sockets.size(), 1, "the listener is listed");
        NS_TEST_EXPECT_MSG_EQ(sockets[0].local, Ipv4Address::GetAny(), "on the wildcard address");
        NS_TEST_EXPECT_MSG_NE(sockets[0].port, 0, "on a port, not 0");
        NS_TEST_EXPECT_MSG_EQ(sockets[0].listening, true, "listed as listening");
        Address name;
        NS_TEST_ASSERT_MSG_EQ(p->GetSocket(fd.GetValue())->GetSockName(name), 0, "getsockname");
        const uint16_t port = InetSocketAddress::ConvertFrom(name).GetPort();
        NS_TEST_EXPECT_MSG_EQ(port, sockets[0].port, "getsockname gives the listed port");

        Receiver received;
        received.Attach(p->GetSocket(fd.GetValue()));
        bool connected = false;
        ConnectTcpFromNode(lan.peers.Get(0), address, port, "data", Seconds(1), &connected);
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(connected, true, "a peer connects to the ephemeral port");
        NS_TEST_EXPECT_MSG_EQ(received.accepted, 1, "the listener accepts the connection");
        Lan::TearDown();
    }
};

/// Ports below 1024 need CAP_NET_BIND_SERVICE.
class PrivilegedPortTestCase : public TestCase
{
  public:
    PrivilegedPortTestCase()
        : TestCase("ports below 1024 need CAP_NET_BIND_SERVICE")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(false);
        Ptr<Process> user = lan.host->CreateProcess(1000);
        Ptr<Process> confined = lan.host->CreateProcess(0);
        confined->SetCapability(Capability::NetBindService, false);
        Ptr<Process> root = lan.host->CreateProcess(0);
        struct Row
        {
            const char* name;
            Ptr<Process> process;
            uint16_t port;
            int expectedErrno;
        };
        const std::vector<Row> rows{
            {"uid 1000, port 80", user, 80, EACCES},
            {"uid 1000, port 1023", user, 1023, EACCES},
            {"uid 1000, port 1024", user, 1024, 0},
            {"uid 1000, ephemeral", user, 0, 0},
            {"root without the capability, port 80", confined, 80, EACCES},
            {"root, port 80", root, 80, 0},
        };
        for (const Row& row : rows)
        {
            for (int type : {NETNS_SOCK_DGRAM, NETNS_SOCK_STREAM})
            {
                Status status;
                BoundSocket(row.process, type, Ipv4Address::GetAny(), row.port, &status);
                NS_TEST_EXPECT_MSG_EQ(status.GetErrno(),
                                      row.expectedErrno,
                                      row.name << ": unexpected outcome " << status.ToString());
                if (row.expectedErrno == EACCES)
                {
                    NS_TEST_EXPECT_MSG_NE(status.GetMessage().find("CAP_NET_BIND_SERVICE"),
                                          std::string::npos,
                                          row.name << ": the message should name the capability");
                }
            }
        }
        Lan::TearDown();
    }
};

/// Locality checks shared by both route models.
class BindLocalityTestCase : public TestCase
{
  public:
    BindLocalityTestCase()
        : TestCase("bind accepts local, loopback and broadcast addresses only")
    {
    }

  private:
    void DoRun() override
    {
        for (bool isolated : {false, true})
        {
            Lan lan(isolated);
            Ptr<Process> p = lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.10"));
            struct Row
            {
                const char* address;
                int expectedErrno;
            };
            const std::vector<Row> rows{
                {"198.51.100.10", 0},
                {"0.0.0.0", 0},
                {"127.0.0.1", 0},
                {"127.0.0.53", 0},
                {"198.51.100.255", 0},
                {"255.255.255.255", 0},
                {"224.0.0.251", 0},
                {"203.0.113.7", EADDRNOTAVAIL},
                {"198.51.100.99", EADDRNOTAVAIL},
            };
            uint16_t port = 7000; // one port per row, so that rows never conflict
            for (const Row& row : rows)
            {
                Status status;
                BoundSocket(p, NETNS_SOCK_DGRAM, Ipv4Address(row.address), port++, &status);
                NS_TEST_EXPECT_MSG_EQ(status.GetErrno(),
                                      row.expectedErrno,
                                      (isolated ? "isolated: " : "shared: ")
                                          << row.address << ": " << status.ToString());
            }
            Lan::TearDown();
        }
    }
};

/// Loopback is private to each namespace, for TCP and UDP, in both route models.
class LoopbackIsolationTestCase : public TestCase
{
  public:
    LoopbackIsolationTestCase()
        : TestCase("each namespace reaches only its own loopback listeners")
    {
    }

  private:
    void DoRun() override
    {
        for (bool isolated : {false, true})
        {
            Lan lan(isolated);
            Ptr<Process> a = lan.MakeContainer({}, "", Ipv4Address());
            Ptr<Process> b = lan.MakeContainer({}, "", Ipv4Address());
            Receiver udp;
            Receiver tcp;
            NS_TEST_ASSERT_MSG_EQ(
                OpenServer(a, NETNS_SOCK_DGRAM, Ipv4Address::GetLoopback(), 8080, &udp).IsOk(),
                true,
                "UDP bind in A");
            NS_TEST_ASSERT_MSG_EQ(
                OpenServer(a, NETNS_SOCK_STREAM, Ipv4Address::GetLoopback(), 8080, &tcp).IsOk(),
                true,
                "TCP listen in A");

            std::map<std::string, std::pair<bool, bool>> outcome; // connected, failed
            for (const auto& [name, process] :
                 std::vector<std::pair<std::string, Ptr<Process>>>{{"A", a}, {"B", b}})
            {
                auto udpFd = process->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM);
                auto tcpFd = process->Socket(NETNS_AF_INET, NETNS_SOCK_STREAM);
                Ptr<Socket> tcpSocket = process->GetSocket(tcpFd.GetValue());
                auto* flags = &outcome[name];
                tcpSocket->SetConnectCallback(
                    MakeCallback(+[](std::pair<bool, bool>* f, Ptr<Socket>) { f->first = true; })
                        .Bind(flags),
                    MakeCallback(+[](std::pair<bool, bool>* f, Ptr<Socket>) { f->second = true; })
                        .Bind(flags));
                const std::string text = "from " + name;
                Simulator::ScheduleWithContext(
                    process->GetNamespace()->GetNode()->GetId(),
                    Seconds(1),
                    [process = process, udpFd, tcpFd, text]() {
                        process->SendTo(udpFd.GetValue(),
                                        MakePayload(text),
                                        Ipv4Address::GetLoopback(),
                                        8080);
                        process->Connect(tcpFd.GetValue(), Ipv4Address::GetLoopback(), 8080);
                    });
            }
            Simulator::Stop(Seconds(3));
            Simulator::Run();

            const std::string mode = isolated ? "isolated: " : "shared routes: ";
            NS_TEST_ASSERT_MSG_EQ(udp.payloads.size(), 1, mode << "A's UDP listener gets one datagram");
            NS_TEST_EXPECT_MSG_EQ(udp.payloads[0], "from A", mode << "only A's own datagram");
            NS_TEST_EXPECT_MSG_EQ(tcp.accepted, 1, mode << "A's TCP listener accepts one connection");
            NS_TEST_EXPECT_MSG_EQ(outcome["A"].first, true, mode << "A connects to its own listener");
            NS_TEST_EXPECT_MSG_EQ(outcome["B"].first, false, mode << "B must not reach A's listener");
            NS_TEST_EXPECT_MSG_EQ(outcome["B"].second,
                                  true,
                                  mode << "B's connect is refused by its own loopback");
            Lan::TearDown();
        }
    }
};

/// A connect() to a closed port fails at once with ECONNREFUSED.
class ConnectionRefusedTestCase : public TestCase
{
  public:
    ConnectionRefusedTestCase()
        : TestCase("connecting to a closed port reports ECONNREFUSED")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(true);
        Ptr<Process> p = lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.10"));
        auto fd = p->Socket(NETNS_AF_INET, NETNS_SOCK_STREAM);
        Ptr<Socket> socket = p->GetSocket(fd.GetValue());
        Time failedAt = Seconds(-1);
        socket->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                                   MakeCallback(+[](Time* t, Ptr<Socket>) { *t = Now(); })
                                       .Bind(&failedAt));
        Simulator::ScheduleWithContext(p->GetNamespace()->GetNode()->GetId(),
                                       Seconds(1),
                                       [p, fd]() {
                                           p->Connect(fd.GetValue(), "198.51.100.1", 4444);
                                       });
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_GT(failedAt, Seconds(1), "the failure should be reported");
        NS_TEST_EXPECT_MSG_LT(failedAt, Seconds(1.1), "it should come with the peer's RST");
        SocketAccount* account = FindSocketAccount(socket);
        NS_TEST_EXPECT_MSG_EQ(account->GetLastStatus().GetErrno(),
                              ECONNREFUSED,
                              "the socket should hold ECONNREFUSED");
        Lan::TearDown();
    }
};

/// Linux's rules for broadcast destinations, which ns-3.37's own check misses.
class BroadcastDestinationTestCase : public TestCase
{
  public:
    BroadcastDestinationTestCase()
        : TestCase("broadcast destinations follow Linux")
    {
    }

  private:
    void DoRun() override
    {
        for (bool isolated : {false, true})
        {
            const std::string mode = isolated ? "isolated: " : "shared routes: ";
            Lan lan(isolated);
            Ptr<Process> p =
                lan.MakeContainer({"eth0", "lo"}, "eth0", Ipv4Address("198.51.100.10"), 24);
            NS_TEST_ASSERT_MSG_EQ(p->AddAddress("eth0", "203.0.113.20", 31).IsOk(), true, "a /31");
            NS_TEST_ASSERT_MSG_EQ(p->AddAddress("lo", "198.51.100.77", 32).IsOk(), true, "a /32");
            auto fd = p->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM);
            Ptr<Socket> socket = p->GetSocket(fd.GetValue());

            const Status subnet =
                p->SendTo(fd.GetValue(), MakePayload("x"), "198.51.100.255", 9).GetStatus();
            NS_TEST_EXPECT_MSG_EQ(subnet.GetErrno(), EACCES, mode << "subnet broadcast");
            NS_TEST_EXPECT_MSG_NE(subnet.GetMessage().find("198.51.100.255"),
                                  std::string::npos,
                                  mode << "the message should name the address");
            Address local;
            socket->GetSockName(local);
            NS_TEST_EXPECT_MSG_NE(InetSocketAddress::ConvertFrom(local).GetPort(),
                                  0,
                                  mode << "the refused sendto() still binds, as on Linux");
            auto other = p->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM);
            NS_TEST_EXPECT_MSG_EQ(p->Connect(other.GetValue(), "198.51.100.255", 9).GetErrno(),
                                  EACCES,
                                  mode << "connect() to a broadcast");

            NS_TEST_EXPECT_MSG_EQ(
                p->SendTo(fd.GetValue(), MakePayload("x"), "203.0.113.21", 9).IsOk(),
                true,
                mode << "the peer of a /31 is no broadcast");
            Receiver receiver;
            NS_TEST_ASSERT_MSG_EQ(
                OpenServer(p, NETNS_SOCK_DGRAM, Ipv4Address::GetAny(), 53, &receiver).IsOk(),
                true,
                mode << "wildcard server");
            NS_TEST_EXPECT_MSG_EQ(
                p->SendTo(fd.GetValue(), MakePayload("to lo"), "198.51.100.77", 53).IsOk(),
                true,
                mode << "an address held as /32 on lo is no broadcast");

            socket->SetAllowBroadcast(true);
            NS_TEST_EXPECT_MSG_EQ(
                p->SendTo(fd.GetValue(), MakePayload("x"), "198.51.100.255", 9).IsOk(),
                true,
                mode << "subnet broadcast with SO_BROADCAST");
            Simulator::Stop(Seconds(1));
            Simulator::Run();
            const std::vector<std::string> onLo{"to lo"};
            NS_TEST_EXPECT_MSG_EQ((receiver.payloads == onLo), true, mode << "the /32 datagram");
            Lan::TearDown();
        }
    }
};

/// 255.255.255.255 is routed like any destination, as Linux does.
class LimitedBroadcastTestCase : public TestCase
{
  public:
    LimitedBroadcastTestCase()
        : TestCase("limited broadcast follows the route")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(true, 1, true);
        // eth1 is revealed without an address: ns-3's own limited-broadcast
        // loop aborts on such an interface.
        Ptr<Process> p =
            lan.MakeContainer({"eth0", "eth1"}, "eth0", Ipv4Address("198.51.100.10"), 24);
        Receiver atPeer;
        Ptr<Socket> server = Socket::CreateSocket(lan.peers.Get(0), UdpSocketFactory::GetTypeId());
        server->Bind(InetSocketAddress(Ipv4Address::GetAny(), 9));
        atPeer.Attach(server);

        auto fd = p->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM);
        Ptr<Socket> socket = p->GetSocket(fd.GetValue());
        const Ipv4Address all = Ipv4Address::GetBroadcast();
        const Status noRoute = p->SendTo(fd.GetValue(), MakePayload("x"), all, 9).GetStatus();
        NS_TEST_EXPECT_MSG_EQ(noRoute.GetErrno(), ENETUNREACH, "no route, as on Linux");
        NS_TEST_EXPECT_MSG_NE(noRoute.GetMessage().find("255.255.255.255"),
                              std::string::npos,
                              "the message names the address");
        NS_TEST_ASSERT_MSG_EQ(Exec(p, "ip route add default via 198.51.100.1").exitStatus,
                              0,
                              "default route");
        NS_TEST_EXPECT_MSG_EQ(
            p->SendTo(fd.GetValue(), MakePayload("x"), all, 9).GetStatus().GetErrno(),
            EACCES,
            "a route, but no SO_BROADCAST");

        bool flagSeenInCallback = true;
        socket->SetDataSentCallback(MakeCallback(+[](bool* seen, Ptr<Socket> s, uint32_t) {
                                        *seen = s->GetAllowBroadcast();
                                    }).Bind(&flagSeenInCallback));
        NS_TEST_EXPECT_MSG_EQ(
            p->SendTo(fd.GetValue(), MakePayload("unicast"), lan.PeerAddress(0), 9).IsOk(),
            true,
            "a unicast datagram");
        NS_TEST_EXPECT_MSG_EQ(flagSeenInCallback,
                              false,
                              "a callback during the send sees SO_BROADCAST off");

        socket->SetAllowBroadcast(true);
        NS_TEST_EXPECT_MSG_EQ(p->SendTo(fd.GetValue(), MakePayload("sendto"), all, 9).IsOk(),
                              true,
                              "with SO_BROADCAST");
        auto connected = p->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM);
        Ptr<Socket> connectedSocket = p->GetSocket(connected.GetValue());
        connectedSocket->SetAllowBroadcast(true);
        NS_TEST_EXPECT_MSG_EQ(p->Connect(connected.GetValue(), all, 9).IsOk(),
                              true,
                              "connect() with SO_BROADCAST");
        connectedSocket->SetAllowBroadcast(false);
        NS_TEST_EXPECT_MSG_EQ(p->Send(connected.GetValue(), MakePayload("send")).IsOk(),
                              true,
                              "send() checks SO_BROADCAST only at connect(), as Linux does");
        Simulator::Stop(Seconds(1));
        Simulator::Run();

        std::vector<std::string> arrived = atPeer.payloads;
        std::sort(arrived.begin(), arrived.end());
        const std::vector<std::string> expected{"send", "sendto", "unicast"};
        NS_TEST_EXPECT_MSG_EQ((arrived == expected), true, "the peer gets all three");
        for (const Address& sender : atPeer.senders)
        {
            NS_TEST_EXPECT_MSG_EQ(InetSocketAddress::ConvertFrom(sender).GetIpv4(),
                                  Ipv4Address("198.51.100.10"),
                                  "each comes from the route's source");
        }
        Lan::TearDown();
    }
};

/// connect() binds an unbound UDP socket, as Linux does.
class ConnectAutobindTestCase : public TestCase
{
  public:
    ConnectAutobindTestCase()
        : TestCase("UDP connect binds source and port")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(true);
        Ptr<Process> p = lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.10"), 24);
        auto fd = p->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM);
        Ptr<Socket> socket = p->GetSocket(fd.GetValue());
        const Ipv4Address peer = lan.PeerAddress(0);
        NS_TEST_ASSERT_MSG_EQ(p->Connect(fd.GetValue(), peer, 7000).IsOk(), true, "connect");
        Address local;
        socket->GetSockName(local);
        const uint16_t port = InetSocketAddress::ConvertFrom(local).GetPort();
        NS_TEST_EXPECT_MSG_NE(port, 0, "getsockname() gives the ephemeral port");
        NS_TEST_EXPECT_MSG_EQ(InetSocketAddress::ConvertFrom(local).GetIpv4(),
                              Ipv4Address("198.51.100.10"),
                              "and the route's source address");
        NS_TEST_ASSERT_MSG_EQ(p->AddAddress("eth0", "198.51.100.11", 24).IsOk(), true, "address");
        auto other = p->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM);
        NS_TEST_EXPECT_MSG_EQ(p->Bind(other.GetValue(), "198.51.100.11", port).IsOk(),
                              true,
                              "another address may take the connected socket's port");
        auto wildcard = p->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM);
        NS_TEST_EXPECT_MSG_EQ(p->Bind(wildcard.GetValue(), Ipv4Address::GetAny(), port).GetErrno(),
                              EADDRINUSE,
                              "the wildcard address may not");

        auto toAny = p->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM);
        NS_TEST_EXPECT_MSG_EQ(p->Connect(toAny.GetValue(), Ipv4Address::GetAny(), 9).IsOk(),
                              true,
                              "connect() to 0.0.0.0");
        Address anyPeer;
        p->GetSocket(toAny.GetValue())->GetPeerName(anyPeer);
        NS_TEST_EXPECT_MSG_EQ(InetSocketAddress::ConvertFrom(anyPeer).GetIpv4(),
                              Ipv4Address::GetLoopback(),
                              "Linux connects an unbound socket to 0.0.0.0 as to 127.0.0.1");

        auto unreachable = p->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM);
        const Status noRoute = p->Connect(unreachable.GetValue(), "203.0.113.5", 9);
        NS_TEST_EXPECT_MSG_EQ(noRoute.GetErrno(), ENETUNREACH, "connect() without a route");
        NS_TEST_EXPECT_MSG_NE(noRoute.GetMessage().find("203.0.113.5"),
                              std::string::npos,
                              "the message names the address");
        NS_TEST_EXPECT_MSG_EQ(
            p->SendTo(other.GetValue(), MakePayload("x"), "203.0.113.5", 9).GetStatus().GetErrno(),
            ENETUNREACH,
            "sendto() without a route from a socket bound to an address");
        const uint32_t id = p->GetNamespace()->GetId();
        NS_TEST_EXPECT_MSG_EQ(lan.host->GetSocketTable().ListNamespace(id).size(),
                              4,
                              "the socket table lists the four bound sockets");

        // The peer's datagram arrives before the socket sends anything.
        Receiver receiver;
        receiver.Attach(socket);
        Ptr<Socket> sender = Socket::CreateSocket(lan.peers.Get(0), UdpSocketFactory::GetTypeId());
        sender->Bind(InetSocketAddress(Ipv4Address::GetAny(), 7000));
        Simulator::Schedule(Seconds(1), [sender, port]() {
            sender->SendTo(MakePayload("first"), 0, InetSocketAddress("198.51.100.10", port));
        });
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        const std::vector<std::string> expected{"first"};
        NS_TEST_EXPECT_MSG_EQ((receiver.payloads == expected), true, "the peer's datagram");
        Lan::TearDown();
    }
};

/// Linux fails each send from an address the namespace no longer has.
class DeletedSourceAddressTestCase : public TestCase
{
  public:
    DeletedSourceAddressTestCase()
        : TestCase("send from deleted address fails")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(true);
        Ptr<Process> p = lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.10"), 24);
        NS_TEST_ASSERT_MSG_EQ(p->AddAddress("eth0", "198.51.100.11", 24).IsOk(), true, "address");
        auto bound = p->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM);
        NS_TEST_ASSERT_MSG_EQ(p->Bind(bound.GetValue(), "198.51.100.10", 5000).IsOk(),
                              true,
                              "bind");
        auto connected = p->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM);
        NS_TEST_ASSERT_MSG_EQ(p->Connect(connected.GetValue(), lan.PeerAddress(0), 9).IsOk(),
                              true,
                              "connect, which takes 198.51.100.10");
        NS_TEST_ASSERT_MSG_EQ(Exec(p, "ip addr del 198.51.100.10/24 dev eth0").exitStatus,
                              0,
                              "delete the address");

        const Status sendto =
            p->SendTo(bound.GetValue(), MakePayload("x"), lan.PeerAddress(0), 9).GetStatus();
        NS_TEST_EXPECT_MSG_EQ(sendto.GetErrno(), ENETUNREACH, "sendto()");
        NS_TEST_EXPECT_MSG_NE(sendto.GetMessage().find("198.51.100.10"),
                              std::string::npos,
                              "the message names the address: " << sendto.GetMessage());
        NS_TEST_EXPECT_MSG_EQ(
            p->Send(connected.GetValue(), MakePayload("x")).GetStatus().GetErrno(),
            ENETUNREACH,
            "send() on the connected socket");
        Lan::TearDown();
    }
};

/// Processes may send before Simulator::Run(), before ns-3 sets up queue discs.
class SendBeforeRunTestCase : public TestCase
{
  public:
    SendBeforeRunTestCase()
        : TestCase("sends before Simulator::Run arrive")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(true);
        Ptr<Node> peer = lan.peers.Get(0);
        Receiver udp;
        Ptr<Socket> udpServer = Socket::CreateSocket(peer, UdpSocketFactory::GetTypeId());
        udpServer->Bind(InetSocketAddress(Ipv4Address::GetAny(), 7000));
        udp.Attach(udpServer);
        Receiver tcp;
        Ptr<Socket> tcpServer = Socket::CreateSocket(peer, TcpSocketFactory::GetTypeId());
        tcpServer->Bind(InetSocketAddress(Ipv4Address::GetAny(), 7001));
        tcpServer->Listen();
        tcp.Attach(tcpServer);

        Ptr<Process> initial = lan.host->CreateProcess(0);
        NS_TEST_ASSERT_MSG_EQ(initial->AddAddress("eth0", "198.51.100.50", 24).IsOk(),
                              true,
                              "address in the initial namespace");
        Ptr<Process> container =
            lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.10"), 24);
        const Ipv4Address peerAddress = lan.PeerAddress(0);
        for (const auto& [text, process] :
             std::vector<std::pair<std::string, Ptr<Process>>>{{"initial", initial},
                                                               {"container", container}})
        {
            auto fd = process->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM);
            NS_TEST_EXPECT_MSG_EQ(
                process->SendTo(fd.GetValue(), MakePayload(text), peerAddress, 7000).IsOk(),
                true,
                text << ": sendto() before Simulator::Run()");
        }
        auto stream = container->Socket(NETNS_AF_INET, NETNS_SOCK_STREAM);
        NS_TEST_EXPECT_MSG_EQ(container->Connect(stream.GetValue(), peerAddress, 7001).IsOk(),
                              true,
                              "connect() before Simulator::Run()");
        Simulator::Stop(Seconds(1));
        Simulator::Run();

        std::vector<std::string> arrived = udp.payloads;
        std::sort(arrived.begin(), arrived.end());
        const std::vector<std::string> expected{"container", "initial"};
        NS_TEST_EXPECT_MSG_EQ((arrived == expected), true, "both datagrams arrive");
        NS_TEST_EXPECT_MSG_EQ(tcp.accepted, 1, "the connection is accepted");
        Lan::TearDown();
    }
};

/// Errors of the socket calls themselves.
class SocketCallErrorsTestCase : public TestCase
{
  public:
    SocketCallErrorsTestCase()
        : TestCase("socket calls reject bad descriptors, families, types and states")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(false);
        Ptr<Process> p = lan.host->CreateProcess(0);
        NS_TEST_EXPECT_MSG_EQ(p->Socket(10, NETNS_SOCK_DGRAM).GetStatus().GetErrno(),
                              EAFNOSUPPORT,
                              "AF_INET6");
        NS_TEST_EXPECT_MSG_EQ(p->Socket(NETNS_AF_INET, 3).GetStatus().GetErrno(),
                              EINVAL,
                              "SOCK_RAW is not emulated");
        NS_TEST_EXPECT_MSG_EQ(p->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM, 6).GetStatus().GetErrno(),
                              EPROTONOSUPPORT,
                              "a datagram socket with IPPROTO_TCP");
        NS_TEST_EXPECT_MSG_EQ(p->Bind(42, Ipv4Address::GetAny(), 80).GetErrno(), EBADF, "bind");
        NS_TEST_EXPECT_MSG_EQ(p->Close(42).GetErrno(), EBADF, "close");
        auto udp = p->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM);
        NS_TEST_EXPECT_MSG_EQ(udp.GetValue(), 3, "the first descriptor should be 3");
        NS_TEST_EXPECT_MSG_EQ(p->Listen(udp.GetValue()).GetErrno(), EOPNOTSUPP, "listen on UDP");
        NS_TEST_EXPECT_MSG_EQ(p->Send(udp.GetValue(), nullptr).GetStatus().GetErrno(),
                              EINVAL,
                              "send without packet");
        NS_TEST_ASSERT_MSG_EQ(p->Bind(udp.GetValue(), Ipv4Address::GetAny(), 5000).IsOk(),
                              true,
                              "first bind");
        NS_TEST_EXPECT_MSG_EQ(p->Bind(udp.GetValue(), Ipv4Address::GetAny(), 5001).GetErrno(),
                              EINVAL,
                              "a bound socket cannot bind again");
        NS_TEST_EXPECT_MSG_EQ(p->Close(udp.GetValue()).IsOk(), true, "close");
        NS_TEST_EXPECT_MSG_EQ(p->Close(udp.GetValue()).GetErrno(), EBADF, "close twice");
        auto reused = p->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM);
        NS_TEST_EXPECT_MSG_EQ(reused.GetValue(), 3, "the lowest free descriptor is reused");
        NS_TEST_EXPECT_MSG_EQ(p->Bind(reused.GetValue(), Ipv4Address::GetAny(), 5000).IsOk(),
                              true,
                              "a closed socket's port should be free again");
        Lan::TearDown();
    }
};

/// Test suite of sockets.
class SocketTestSuite : public TestSuite
{
  public:
    SocketTestSuite()
        : TestSuite("netns-socket", UNIT)
    {
        AddTestCase(new SameAddressAndPortTestCase, TestCase::QUICK);
        AddTestCase(new BindConflictRulesTestCase, TestCase::QUICK);
        AddTestCase(new ListenConflictTestCase, TestCase::QUICK);
        AddTestCase(new ListenAutobindTestCase, TestCase::QUICK);
        AddTestCase(new PrivilegedPortTestCase, TestCase::QUICK);
        AddTestCase(new BindLocalityTestCase, TestCase::QUICK);
        AddTestCase(new LoopbackIsolationTestCase, TestCase::QUICK);
        AddTestCase(new ConnectionRefusedTestCase, TestCase::QUICK);
        AddTestCase(new BroadcastDestinationTestCase, TestCase::QUICK);
        AddTestCase(new LimitedBroadcastTestCase, TestCase::QUICK);
        AddTestCase(new SendBeforeRunTestCase, TestCase::QUICK);
        AddTestCase(new ConnectAutobindTestCase, TestCase::QUICK);
        AddTestCase(new DeletedSourceAddressTestCase, TestCase::QUICK);
        AddTestCase(new SocketCallErrorsTestCase, TestCase::QUICK);
    }
};

SocketTestSuite g_socketTestSuite; //!< registers the suite

} // namespace
