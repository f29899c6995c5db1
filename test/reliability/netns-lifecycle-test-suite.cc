/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Lifecycle of namespaces: freeing when the last process exits and no
 * socket refers to the namespace, Simulator::Destroy() with namespaces
 * still alive, and a simulation that runs on after its scenario runner is
 * destroyed. Under scripts/run-sanitizers.sh, LeakSanitizer checks the
 * runner's exit too.
 */
#include "netns-test-lan.h"

#include "ns3/applications-module.h"
#include "ns3/names.h"
#include "ns3/netns-scenario-runner.h"
#include "ns3/netns-script-parser.h"
#include "ns3/test.h"

#include <cstring>
#include <new>

using namespace ns3;
using namespace ns3::netns;
using namespace ns3::netns::test;

namespace
{

/** @return true when the host's shared route table has a route with this source */
bool
SharedTableHasSource(Ptr<Host> host, Ipv4Address source)
{
    for (const netns::Route& route : host->GetInitialNamespace()->GetRoutes())
    {
        if (route.preferredSource == source)
        {
            return true;
        }
    }
    return false;
}

/// The last process's exit frees the view, sockets, addresses and routes.
class LastExitFreesTestCase : public TestCase
{
  public:
    LastExitFreesTestCase()
        : TestCase("last process exit frees view, sockets, addresses and routes")
    {
    }

  private:
    void DoRun() override
    {
        for (bool isolated : {false, true})
        {
            const std::string mode = isolated ? "isolated: " : "shared routes: ";
            Lan lan(isolated, 1, true);
            const Ipv4Address address("198.51.100.10");
            Ptr<Process> first = lan.MakeContainer({"eth0", "eth1", "lo"}, "eth0", address);
            Ptr<Process> second = first->Fork().GetValue();
            Ptr<Namespace> ns = first->GetNamespace();
            Receiver udp;
            Receiver tcp;
            NS_TEST_ASSERT_MSG_EQ(OpenServer(first, NETNS_SOCK_DGRAM, address, 5000, &udp).IsOk(),
                                  true,
                                  mode << "UDP server in the container");
            NS_TEST_ASSERT_MSG_EQ(
                OpenServer(second, NETNS_SOCK_STREAM, Ipv4Address::GetAny(), 8080, &tcp).IsOk(),
                true,
                mode << "TCP listener in the container");
            Dispatcher* eth0 = PeekPointer(lan.host->FindDevice("eth0")->dispatcher);
            Dispatcher* eth1 = PeekPointer(lan.host->FindDevice("eth1")->dispatcher);
            NS_TEST_EXPECT_MSG_EQ(eth0->GetNViews(), 1, mode << "eth0 has one view before");
            NS_TEST_EXPECT_MSG_EQ(SharedTableHasSource(lan.host, address),
                                  !isolated,
                                  mode << "the shared table has the connected route only "
                                          "without isolation");

            first->Exit(0);
            NS_TEST_EXPECT_MSG_EQ(ns->IsAlive(), true, mode << "one process still runs in it");
            NS_TEST_EXPECT_MSG_EQ(ns->GetSockets().size(),
                                  1,
                                  mode << "the exited process's socket is gone, the other stays");
            second->Exit(0);

            NS_TEST_EXPECT_MSG_EQ(ns->IsAlive(), false, mode << "freed after the last exit");
            NS_TEST_EXPECT_MSG_EQ(ns->GetView().size(), 0, mode << "no view");
            NS_TEST_EXPECT_MSG_EQ(ns->GetAddresses().size(), 0, mode << "no address");
            NS_TEST_EXPECT_MSG_EQ(ns->GetSockets().size(), 0, mode << "no socket listed");
            NS_TEST_EXPECT_MSG_EQ(ns->GetNOpenSockets(), 0, mode << "no socket counted");
            NS_TEST_EXPECT_MSG_EQ(ns->GetRoutes().size(), 0, mode << "no route listed");
            NS_TEST_EXPECT_MSG_EQ(lan.host->GetSocketTable().ListNamespace(ns->GetId()).size(),
                                  0,
                                  mode << "the host's socket table forgot its sockets");
            NS_TEST_EXPECT_MSG_EQ(lan.host->GetAddressRegistry().IsHeldAnywhere(address),
                                  false,
                                  mode << "the address registry forgot its address");
            NS_TEST_EXPECT_MSG_EQ(eth0->GetNViews(),
                                  0,
                                  mode << "eth0's dispatcher dropped the view");
            NS_TEST_EXPECT_MSG_EQ(eth1->GetNViews(),
                                  0,
                                  mode << "eth1's dispatcher dropped the view");
            NS_TEST_EXPECT_MSG_EQ(SharedTableHasSource(lan.host, address),
                                  false,
                                  mode << "its connected route left the shared table");
            NS_TEST_EXPECT_MSG_EQ(lan.host->GetNamespaces().size(),
                                  1,
                                  mode << "only the initial namespace is alive");
            NS_TEST_EXPECT_MSG_EQ((lan.host->FindDevice("eth0") != nullptr),
                                  true,
                                  mode << "the devices themselves stay");

            // A datagram to the freed namespace's address reaches no socket.
            SendUdpFromNode(lan.peers.Get(0), address, 5000, "after", Seconds(1));
            Simulator::Stop(Seconds(5));
            Simulator::Run();
            NS_TEST_EXPECT_MSG_EQ(udp.payloads.size(),
                                  0,
                                  mode << "a datagram to the freed address reaches nobody");
            Lan::TearDown();
        }
    }
};

/// A socket keeps its namespace alive after its process moved to another.
class SocketKeepsNamespaceTestCase : public TestCase
{
  public:
    SocketKeepsNamespaceTestCase()
        : TestCase("open socket keeps its namespace alive until closed")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(true);
        Ptr<Process> process = lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.10"));
        Ptr<Namespace> first = process->GetNamespace();
        auto fd = process->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM);
        NS_TEST_ASSERT_MSG_EQ(fd.IsOk(), true, "socket in the first namespace");
        NS_TEST_ASSERT_MSG_EQ(process->Unshare(CLONE_NEWNET_MAINLINE).IsOk(),
                              true,
                              "second unshare");
        NS_TEST_EXPECT_MSG_EQ(first->IsAlive(),
                              true,
                              "the socket created before unshare keeps the first namespace alive");
        NS_TEST_EXPECT_MSG_EQ(first->GetProcesses().size(), 0, "no process is in it any more");
        NS_TEST_EXPECT_MSG_EQ(process->Close(fd.GetValue()).IsOk(), true, "close the socket");
        NS_TEST_EXPECT_MSG_EQ(first->IsAlive(), false, "closing the last socket frees it");
        NS_TEST_EXPECT_MSG_EQ(first->GetView().size(), 0, "and drops its view");
        NS_TEST_EXPECT_MSG_EQ(process->GetNamespace()->IsAlive(),
                              true,
                              "the process's current namespace is untouched");
        Lan::TearDown();
    }
};

/// A connection accepted from a listener goes when the listening process exits.
class ExitClosesAcceptedTestCase : public TestCase
{
  public:
    ExitClosesAcceptedTestCase()
        : TestCase("exit closes accepted connections and frees")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(true);
        const Ipv4Address address("198.51.100.10");
        Ptr<Process> server = lan.MakeContainer({"eth0"}, "eth0", address);
        Ptr<Namespace> ns = server->GetNamespace();
        Receiver received;
        NS_TEST_ASSERT_MSG_EQ(
            OpenServer(server, NETNS_SOCK_STREAM, Ipv4Address::GetAny(), 8080, &received).IsOk(),
            true,
            "TCP listener in the container");
        bool connected = false;
        ConnectTcpFromNode(lan.peers.Get(0), address, 8080, "data", Seconds(1), &connected);
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(received.accepted, 1, "the container accepted the connection");

        server->Exit(0);
        Simulator::Stop(Seconds(6));
        Simulator::Run();
        // Linux closes every descriptor of an exiting process, and a
        // connection not yet accept()ed is reset with its listener.
        NS_TEST_EXPECT_MSG_EQ(ns->GetSockets().size(),
                              0,
                              "no socket of the exited process is left in the namespace");
        NS_TEST_EXPECT_MSG_EQ(ns->IsAlive(),
                              false,
                              "the namespace is freed once its only process exited");
        Lan::TearDown();
    }
};

/// A connection outlives the close of its listener and goes at the process's exit.
class ExitClosesAcceptedAfterListenerTestCase : public TestCase
{
  public:
    ExitClosesAcceptedAfterListenerTestCase()
        : TestCase("exit closes accepted connection of a closed listener")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(false);
        const Ipv4Address address("198.51.100.10");
        Ptr<Process> server = lan.MakeContainer({"eth0"}, "eth0", address);
        Ptr<Process> sibling = server->Fork().GetValue();
        Ptr<Namespace> ns = server->GetNamespace();
        Receiver received;
        NS_TEST_ASSERT_MSG_EQ(
            OpenServer(server, NETNS_SOCK_STREAM, Ipv4Address::GetAny(), 8080, &received).IsOk(),
            true,
            "TCP listener in the container");
        bool connected = false;
        ConnectTcpFromNode(lan.peers.Get(0), address, 8080, "data", Seconds(1), &connected);
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(received.accepted, 1, "the container accepted the connection");
        NS_TEST_EXPECT_MSG_EQ(ns->GetNOpenSockets(), 2, "the listener and the connection");

        const std::vector<int> fds = server->GetFds();
        NS_TEST_ASSERT_MSG_EQ(fds.size(), 1, "the listener is the only descriptor");
        NS_TEST_EXPECT_MSG_EQ(server->Close(fds[0]).IsOk(), true, "close the listener");
        NS_TEST_EXPECT_MSG_EQ(ns->GetNOpenSockets(),
                              1,
                              "the accepted connection outlives its listener, as in Linux");

        server->Exit(0);
        NS_TEST_EXPECT_MSG_EQ(ns->GetNOpenSockets(), 0, "the exit closed the connection");
        NS_TEST_EXPECT_MSG_EQ(ns->GetSockets().size(), 0, "no socket is listed");
        NS_TEST_EXPECT_MSG_EQ(ns->IsAlive(), true, "the forked sibling keeps the namespace");
        sibling->Exit(0);
        NS_TEST_EXPECT_MSG_EQ(ns->IsAlive(), false, "freed after the sibling's exit");
        Lan::TearDown();
    }
};

/// Simulator::Destroy() with live namespaces leaves only the test's references.
class DestroyWithLiveNamespacesTestCase : public TestCase
{
  public:
    DestroyWithLiveNamespacesTestCase()
        : TestCase("Simulator::Destroy with live namespaces releases every object")
    {
    }

  private:
    void DoRun() override
    {
        for (bool isolated : {false, true})
        {
            const std::string mode = isolated ? "isolated: " : "shared routes: ";
            std::vector<Ptr<Object>> watched;
            {
                Lan lan(isolated, 2, true);
                for (uint32_t i = 0; i < 3; ++i)
                {
                    Ptr<Process> p = lan.MakeContainer({"eth0", "eth1", "lo"},
                                                       "eth0",
                                                       Ipv4Address(0xc6336410 + i));
                    auto fd = p->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM);
                    p->Bind(fd.GetValue(), Ipv4Address::GetAny(), 5000);
                    auto tcp = p->Socket(NETNS_AF_INET, NETNS_SOCK_STREAM);
                    p->Bind(tcp.GetValue(), Ipv4Address::GetAny(), 8080);
                    p->Listen(tcp.GetValue());
                    Ptr<UdpEchoServer> echo = CreateObject<UdpEchoServer>();
                    echo->SetAttribute("Port", UintegerValue(7));
                    p->InstallApplication(echo);
                    // One object per aggregate: aggregated objects share one
                    // reference count (a namespace with its node, the host with
                    // the host node).
                    watched.push_back(p);
                    watched.push_back(p->GetNamespace());
                }
                watched.push_back(lan.host);
                SendUdpFromNode(lan.peers.Get(0), Ipv4Address(0xc6336410), 7, "echo", Seconds(1));
                bool connected = false;
                ConnectTcpFromNode(lan.peers.Get(1),
                                   Ipv4Address(0xc6336411),
                                   8080,
                                   "data",
                                   Seconds(1),
                                   &connected);
                Simulator::Stop(Seconds(3));
                Simulator::Run();
                NS_TEST_EXPECT_MSG_EQ(connected, true, mode << "traffic ran before the destroy");
                Lan::TearDown();
            }
            for (std::size_t i = 0; i < watched.size(); ++i)
            {
                NS_TEST_EXPECT_MSG_EQ(watched[i]->GetReferenceCount(),
                                      1,
                                      mode << "object " << i << " ("
                                           << watched[i]->GetInstanceTypeId().GetName()
                                           << ") is referenced only by the test after "
                                              "Simulator::Destroy");
            }
        }
    }
};

/// The simulation runs on safely after the ScenarioRunner that built it is destroyed.
class RunnerDestroyedBeforeRunTestCase : public TestCase
{
  public:
    RunnerDestroyedBeforeRunTestCase()
        : TestCase("simulation runs after its scenario runner is destroyed")
    {
    }

  private:
    void DoRun() override
    {
        // A timed command at 1 s, a process application, and a client on a
        // plain node whose datagrams enter the namespace and whose replies
        // would reach the runner's trace sinks.
        const std::string text = "host h1\n"
                                 "node c1\n"
                                 "csma lan h1 c1 rate 100Mbps delay 50us\n"
                                 "address c1 eth0 198.51.100.2/24\n"
                                 "process h1 p1 uid 0\n"
                                 "at 0 h1 p1 unshare -n\n"
                                 "at 0 h1 p1 echo eth0 > /sys/kernel/debug/net_ns/dev\n"
                                 "at 0 h1 p1 ip addr add 198.51.100.10/24 dev eth0\n"
                                 "at 1 h1 p1 ip addr add 198.51.100.11/24 dev eth0\n"
                                 "app udp-echo-server h1/p1 port 7 start 1\n"
                                 "app udp-echo-client c1 to 198.51.100.10 port 7 count 3 "
                                 "interval 0.5 size 32 start 1.5\n"
                                 "stop 5\n";
        ScenarioScript script;
        const std::vector<ScriptError> errors = ScriptParser::Parse(text, "destroyed.nss", script);
        NS_TEST_ASSERT_MSG_EQ(errors.size(), 0, "the script parses");

        // The runner lives in storage the test owns, so that the test can
        // overwrite it after the destructor. A sink or event still bound to
        // the runner then reads the pattern and crashes, instead of reading
        // freed memory that still looks valid.
        alignas(ScenarioRunner) unsigned char storage[sizeof(ScenarioRunner)];
        ScenarioRunner* runner = new (storage) ScenarioRunner;
        runner->SetPcapEnabled(false);
        NS_TEST_ASSERT_MSG_EQ(runner->Build(script).IsOk(), true, "the script builds");
        Ptr<Process> process = runner->GetProcess("h1", "p1");
        NS_TEST_ASSERT_MSG_EQ((process != nullptr), true, "the runner created p1");
        Ptr<Namespace> ns = process->GetNamespace();
        NS_TEST_EXPECT_MSG_EQ(ns->GetAddresses().size(), 1, "the commands at 0 s ran");
        runner->~ScenarioRunner();
        std::memset(storage, 0xa5, sizeof(storage));

        Simulator::Stop(Seconds(5));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(ns->GetAddresses().size(),
                              1,
                              "the command at 1 s did not run after the runner was destroyed");
        NS_TEST_EXPECT_MSG_EQ(process->GetApplications().size(),
                              0,
                              "the process application was not installed after the runner "
                              "was destroyed");
        Simulator::Destroy();
        Names::Clear();
    }
};

/// Lifecycle of namespaces.
class LifecycleTestSuite : public TestSuite
{
  public:
    LifecycleTestSuite()
        : TestSuite("netns-lifecycle", UNIT)
    {
        AddTestCase(new LastExitFreesTestCase, TestCase::QUICK);
        AddTestCase(new SocketKeepsNamespaceTestCase, TestCase::QUICK);
        AddTestCase(new ExitClosesAcceptedTestCase, TestCase::QUICK);
        AddTestCase(new ExitClosesAcceptedAfterListenerTestCase, TestCase::QUICK);
        AddTestCase(new DestroyWithLiveNamespacesTestCase, TestCase::QUICK);
        AddTestCase(new RunnerDestroyedBeforeRunTestCase, TestCase::QUICK);
    }
};

LifecycleTestSuite g_lifecycleTestSuite; //!< registers the suite

} // namespace
