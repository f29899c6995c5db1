/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Processes: unshare(CLONE_NEWNET), credentials, inheritance, exit, and
 * applications run by a process.
 */
#include "netns-test-lan.h"

#include "ns3/applications-module.h"
#include "ns3/test.h"

using namespace ns3;
using namespace ns3::netns;
using namespace ns3::netns::test;

namespace
{

/// Unshare by root moves the caller, and only the caller, to a new namespace.
class UnshareByRootTestCase : public TestCase
{
  public:
    UnshareByRootTestCase()
        : TestCase("unshare by root gives the caller a new namespace")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(false);
        Ptr<Process> caller = lan.host->CreateProcess(0);
        Ptr<Process> bystander = lan.host->CreateProcess(0);
        Ptr<Namespace> initial = lan.host->GetInitialNamespace();
        std::vector<Ptr<Namespace>> created;
        lan.host->TraceConnectWithoutContext(
            "NamespaceCreated",
            MakeCallback(+[](std::vector<Ptr<Namespace>>* log, Ptr<Namespace> ns) {
                log->push_back(ns);
            }).Bind(&created));

        Status unshared = caller->Unshare(CLONE_NEWNET_MAINLINE);
        NS_TEST_ASSERT_MSG_EQ(unshared.IsOk(), true, "unshare by root should succeed: "
                                                         << unshared.ToString());
        NS_TEST_EXPECT_MSG_NE(caller->GetNamespace(), initial,
                              "the caller should have left the initial namespace");
        NS_TEST_EXPECT_MSG_EQ(caller->GetNamespace()->IsInitial(),
                              false,
                              "the caller's new namespace should not be the initial one");
        NS_TEST_EXPECT_MSG_EQ(bystander->GetNamespace(),
                              initial,
                              "another process should stay in the initial namespace");
        NS_TEST_EXPECT_MSG_EQ(lan.host->GetNamespaces().size(),
                              2,
                              "the host should list the initial and the new namespace");
        NS_TEST_EXPECT_MSG_NE(caller->GetNamespace()->GetNode(),
                              lan.hostNode,
                              "a new namespace should run on its own hidden node");
        NS_TEST_EXPECT_MSG_EQ(caller->GetNamespace()->GetNode()->GetSystemId(),
                              lan.hostNode->GetSystemId(),
                              "the hidden node should carry the host's system id");
        NS_TEST_ASSERT_MSG_EQ(created.size(), 1, "NamespaceCreated should fire once");
        NS_TEST_EXPECT_MSG_EQ(created[0], caller->GetNamespace(), "with the new namespace");
        Lan::TearDown();
    }
};

/// Sockets stay where they were created; later sockets and children follow the caller.
class SocketsAndChildrenTestCase : public TestCase
{
  public:
    SocketsAndChildrenTestCase()
        : TestCase("sockets stay in their namespace and children inherit the current one")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(false);
        Ptr<Process> process = lan.host->CreateProcess(0);
        Ptr<Namespace> initial = lan.host->GetInitialNamespace();
        auto before = process->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM);
        NS_TEST_ASSERT_MSG_EQ(before.IsOk(), true, "socket() should succeed");
        Ptr<Process> olderChild = process->Fork().GetValue();

        NS_TEST_ASSERT_MSG_EQ(process->Unshare(CLONE_NEWNET_PATCH_2006).IsOk(),
                              true,
                              "unshare by root should succeed");
        auto after = process->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM);
        NS_TEST_ASSERT_MSG_EQ(after.IsOk(), true, "socket() should succeed");
        Ptr<Process> youngerChild = process->Fork().GetValue();

        SocketAccount* beforeAccount = FindSocketAccount(process->GetSocket(before.GetValue()));
        SocketAccount* afterAccount = FindSocketAccount(process->GetSocket(after.GetValue()));
        NS_TEST_ASSERT_MSG_NE(beforeAccount, nullptr, "the socket should be a module socket");
        NS_TEST_ASSERT_MSG_NE(afterAccount, nullptr, "the socket should be a module socket");
        NS_TEST_EXPECT_MSG_EQ(beforeAccount->GetNamespace(),
                              initial,
                              "a socket made before unshare should stay in the initial namespace");
        NS_TEST_EXPECT_MSG_EQ(afterAccount->GetNamespace(),
                              process->GetNamespace(),
                              "a socket made after unshare should belong to the new namespace");
        NS_TEST_EXPECT_MSG_EQ(olderChild->GetNamespace(),
                              initial,
                              "a child forked before unshare should stay in the initial namespace");
        NS_TEST_EXPECT_MSG_EQ(youngerChild->GetNamespace(),
                              process->GetNamespace(),
                              "a child forked after unshare should inherit the new namespace");
        NS_TEST_EXPECT_MSG_EQ(youngerChild->GetParentPid(),
                              process->GetPid(),
                              "the child should know its parent");
        NS_TEST_EXPECT_MSG_EQ(youngerChild->GetUid(), 0, "the child should keep root's uid");
        Lan::TearDown();
    }
};

/// Without CAP_SYS_ADMIN unshare fails with EPERM and changes nothing.
class UnshareWithoutCapabilityTestCase : public TestCase
{
  public:
    UnshareWithoutCapabilityTestCase()
        : TestCase("unshare without CAP_SYS_ADMIN fails with EPERM and changes nothing")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(false);
        Ptr<Process> user = lan.host->CreateProcess(1000);
        Ptr<Process> confinedRoot = lan.host->CreateProcess(0);
        confinedRoot->SetCapability(Capability::SysAdmin, false);

        for (const Ptr<Process>& process : {user, confinedRoot})
        {
            Ptr<Namespace> before = process->GetNamespace();
            Status unshared = process->Unshare("CLONE_NEWNET");
            NS_TEST_EXPECT_MSG_EQ(unshared.GetErrno(),
                                  EPERM,
                                  "unshare without CAP_SYS_ADMIN should fail with EPERM");
            NS_TEST_EXPECT_MSG_NE(
                unshared.GetMessage().find("unshare failed: Operation not permitted"),
                std::string::npos,
                "the message should read like unshare(1)'s: " << unshared.GetMessage());
            NS_TEST_EXPECT_MSG_NE(unshared.GetMessage().find("CAP_SYS_ADMIN"),
                                  std::string::npos,
                                  "the message should name the missing capability");
            NS_TEST_EXPECT_MSG_EQ(process->GetNamespace(),
                                  before,
                                  "a refused unshare should leave the process where it was");
        }
        NS_TEST_EXPECT_MSG_EQ(lan.host->GetNamespaces().size(),
                              1,
                              "a refused unshare should create no namespace");
        Lan::TearDown();
    }
};

/// Flags are accepted by name and in both numbering schemes.
class UnshareFlagsTestCase : public TestCase
{
  public:
    UnshareFlagsTestCase()
        : TestCase("unshare accepts CLONE_NEWNET by name and in both numberings")
    {
    }

  private:
    struct NumericRow
    {
        const char* name;
        uint32_t flags;
        int expectedErrno;
        bool createsNamespace;
    };

    struct NamedRow
    {
        const char* name;
        std::string flags;
        int expectedErrno;
    };

    void DoRun() override
    {
        const std::vector<NumericRow> numeric{
            {"the 2006 patch's value", CLONE_NEWNET_PATCH_2006, 0, true},
            {"mainline's value", CLONE_NEWNET_MAINLINE, 0, true},
            {"both values at once", CLONE_NEWNET_PATCH_2006 | CLONE_NEWNET_MAINLINE, 0, true},
            {"no flag", 0, 0, false},
            {"CLONE_NEWUTS", 0x04000000, EINVAL, false},
            {"CLONE_NEWNET with CLONE_NEWNS", CLONE_NEWNET_MAINLINE | 0x00020000, EINVAL, false},
        };
        for (const NumericRow& row : numeric)
        {
            Lan lan(false);
            Ptr<Process> process = lan.host->CreateProcess(0);
            Status unshared = process->Unshare(row.flags);
            NS_TEST_EXPECT_MSG_EQ(unshared.GetErrno(),
                                  row.expectedErrno,
                                  row.name << ": unexpected outcome " << unshared.ToString());
            NS_TEST_EXPECT_MSG_EQ(lan.host->GetNamespaces().size(),
                                  (row.createsNamespace ? 2 : 1),
                                  row.name << ": wrong number of namespaces");
            Lan::TearDown();
        }

        const std::vector<NamedRow> named{
            {"the name", "CLONE_NEWNET", 0},
            {"the name with blanks", " CLONE_NEWNET ", 0},
            {"an unemulated name", "CLONE_NEWNET|CLONE_NEWUTS", EINVAL},
            {"a number", "0x40000000", EINVAL},
            {"nothing", "", EINVAL},
        };
        for (const NamedRow& row : named)
        {
            Lan lan(false);
            Ptr<Process> process = lan.host->CreateProcess(0);
            Status unshared = process->Unshare(row.flags);
            NS_TEST_EXPECT_MSG_EQ(unshared.GetErrno(),
                                  row.expectedErrno,
                                  row.name << ": unexpected outcome " << unshared.ToString());
            Lan::TearDown();
        }
    }
};

/// A namespace lives while a process or a socket refers to it.
class NamespaceLifetimeTestCase : public TestCase
{
  public:
    NamespaceLifetimeTestCase()
        : TestCase("a namespace is freed when its last process exits and no socket refers to it")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(false);
        Ptr<Process> first =
            lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.10"));
        Ptr<Namespace> ns = first->GetNamespace();
        Ptr<Process> second = first->Fork().GetValue();
        auto fd = first->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM);
        NS_TEST_ASSERT_MSG_EQ(first->Bind(fd.GetValue(), Ipv4Address::GetAny(), 5000).IsOk(),
                              true,
                              "bind should succeed");

        first->Exit(0);
        NS_TEST_EXPECT_MSG_EQ(ns->IsAlive(), true, "a second process should keep it alive");

        // A socket opened by a process that then moves away keeps the namespace.
        auto held = second->Socket(NETNS_AF_INET, NETNS_SOCK_STREAM);
        NS_TEST_ASSERT_MSG_EQ(held.IsOk(), true, "socket() should succeed");
        NS_TEST_ASSERT_MSG_EQ(second->Unshare(CLONE_NEWNET_MAINLINE).IsOk(),
                              true,
                              "unshare should succeed");
        NS_TEST_EXPECT_MSG_EQ(ns->IsAlive(), true, "an open socket should keep it alive");
        NS_TEST_EXPECT_MSG_EQ(ns->GetNOpenSockets(), 1, "one socket should still be open");

        second->Close(held.GetValue());
        NS_TEST_EXPECT_MSG_EQ(ns->IsAlive(), false, "closing the last socket should free it");
        NS_TEST_EXPECT_MSG_EQ(ns->GetView().size(), 0, "a freed namespace should see nothing");
        NS_TEST_EXPECT_MSG_EQ(lan.host->GetAddressRegistry().IsHeldAnywhere(
                                  Ipv4Address("198.51.100.10")),
                              false,
                              "the freed namespace's address should be forgotten");
        const DeviceRecord* eth0 = lan.host->FindDevice("eth0");
        NS_TEST_ASSERT_MSG_NE(eth0, nullptr, "the device should still exist");
        NS_TEST_EXPECT_MSG_EQ(eth0->dispatcher->Sees(ns->GetId()),
                              false,
                              "the device should no longer deliver to the freed namespace");
        NS_TEST_EXPECT_MSG_EQ(lan.host->IsDeviceUp(eth0->ifindex),
                              true,
                              "freeing a namespace should leave the device up");
        NS_TEST_EXPECT_MSG_NE(lan.host->GetInitialNamespace()->FindInView("eth0"),
                              nullptr,
                              "the initial namespace should still see the device");
        NS_TEST_EXPECT_MSG_EQ(first->AddAddress("eth0", Ipv4Address("198.51.100.11"), 24).GetErrno(),
                              ESRCH,
                              "an exited process should get ESRCH");
        Lan::TearDown();
    }
};

/// Applications run as their process: they start, and stop when it exits.
class ApplicationLifecycleTestCase : public TestCase
{
  public:
    ApplicationLifecycleTestCase()
        : TestCase("applications run in the process's namespace and stop when it exits")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(true);
        Ptr<Process> container =
            lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.10"));
        Ptr<UdpEchoServer> echo = CreateObject<UdpEchoServer>();
        echo->SetAttribute("Port", UintegerValue(7));
        echo->SetStartTime(Seconds(1));
        NS_TEST_ASSERT_MSG_EQ(container->InstallApplication(echo).IsOk(),
                              true,
                              "installing an application should succeed");
        NS_TEST_EXPECT_MSG_EQ(echo->GetNode(),
                              container->GetNamespace()->GetNode(),
                              "the application should run on the namespace's node");
        NS_TEST_EXPECT_MSG_EQ(container->InstallApplication(echo).GetErrno(),
                              EBUSY,
                              "installing the same application twice should fail with EBUSY");
        NS_TEST_EXPECT_MSG_EQ(container->InstallApplication(nullptr).GetErrno(),
                              EINVAL,
                              "installing no application should fail with EINVAL");

        Receiver early;
        Receiver late;
        Ptr<Socket> earlySocket =
            SendUdpFromNode(lan.peers.Get(0), "198.51.100.10", 7, "early", Seconds(2));
        early.Attach(earlySocket);
        Ptr<Socket> lateSocket =
            SendUdpFromNode(lan.peers.Get(0), "198.51.100.10", 7, "late", Seconds(4));
        late.Attach(lateSocket);
        Simulator::Schedule(Seconds(3), &Process::Exit, container, 0);
        Simulator::Stop(Seconds(5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(early.payloads.size(), 1, "the echo server should answer at 2 s");
        NS_TEST_EXPECT_MSG_EQ(late.payloads.size(),
                              0,
                              "the echo server should be stopped after its process exited");
        NS_TEST_EXPECT_MSG_EQ(container->GetNamespace()->IsAlive(),
                              false,
                              "the namespace should be freed once the server closed its sockets");
        Lan::TearDown();
    }
};

/// An application whose bind the kernel rules reject does not start.
class ApplicationBindRejectedTestCase : public TestCase
{
  public:
    ApplicationBindRejectedTestCase()
        : TestCase("an application whose port needs a missing capability does not start")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(false);
        Ptr<Process> user = lan.host->CreateProcess(1000);
        Ptr<UdpEchoServer> privileged = CreateObject<UdpEchoServer>();
        privileged->SetAttribute("Port", UintegerValue(7));
        privileged->SetStartTime(Seconds(1));
        Ptr<PacketSink> unprivileged = CreateObject<PacketSink>();
        unprivileged->SetAttribute("Protocol", TypeIdValue(TcpSocketFactory::GetTypeId()));
        unprivileged->SetAttribute("Local",
                                   AddressValue(InetSocketAddress(Ipv4Address::GetAny(), 8080)));
        unprivileged->SetStartTime(Seconds(1));
        NS_TEST_ASSERT_MSG_EQ(user->InstallApplication(privileged).IsOk(),
                              true,
                              "installing should succeed; the bind is checked at start");
        NS_TEST_ASSERT_MSG_EQ(user->InstallApplication(unprivileged).IsOk(),
                              true,
                              "installing should succeed");
        Simulator::Stop(Seconds(2));
        Simulator::Run();

        Status privilegedStatus = user->GetApplicationStatus(privileged);
        NS_TEST_EXPECT_MSG_EQ(privilegedStatus.GetErrno(),
                              EACCES,
                              "port 7 without CAP_NET_BIND_SERVICE should stop the start");
        NS_TEST_EXPECT_MSG_EQ(user->GetApplicationStatus(unprivileged).IsOk(),
                              true,
                              "port 8080 needs no capability");
        auto sockets = user->GetNamespace()->GetSockets();
        NS_TEST_ASSERT_MSG_EQ(sockets.size(), 1, "only the packet sink should have bound");
        NS_TEST_EXPECT_MSG_EQ(sockets[0].port, 8080, "the sink should listen on 8080");
        NS_TEST_EXPECT_MSG_EQ(user->GetApplicationStatus(CreateObject<PacketSink>()).GetErrno(),
                              ENOENT,
                              "asking about a foreign application should fail with ENOENT");
        Lan::TearDown();
    }
};

/// System calls of an exited process fail with ESRCH.
class ExitedProcessTestCase : public TestCase
{
  public:
    ExitedProcessTestCase()
        : TestCase("every call of an exited process fails with ESRCH")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(false);
        Ptr<Process> process = lan.host->CreateProcess(0);
        process->Exit(3);
        NS_TEST_EXPECT_MSG_EQ(process->IsAlive(), false, "the process should be gone");
        NS_TEST_EXPECT_MSG_EQ(process->GetExitStatus(), 3, "the exit status should be kept");
        NS_TEST_EXPECT_MSG_EQ(process->Unshare(CLONE_NEWNET_MAINLINE).GetErrno(),
                              ESRCH,
                              "unshare");
        NS_TEST_EXPECT_MSG_EQ(process->Fork().GetStatus().GetErrno(), ESRCH, "fork");
        NS_TEST_EXPECT_MSG_EQ(process->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM).GetStatus().GetErrno(),
                              ESRCH,
                              "socket");
        NS_TEST_EXPECT_MSG_EQ(process->WriteFile(DEBUGFS_DEV_PATH, "eth0").GetStatus().GetErrno(),
                              ESRCH,
                              "write");
        NS_TEST_EXPECT_MSG_EQ(process->SetLinkUp("eth0", true).GetErrno(), ESRCH, "link set");
        NS_TEST_EXPECT_MSG_EQ(process->InstallApplication(CreateObject<UdpEchoServer>()).GetErrno(),
                              ESRCH,
                              "application install");
        process->Exit(4);
        NS_TEST_EXPECT_MSG_EQ(process->GetExitStatus(), 3, "a second exit should change nothing");
        NS_TEST_EXPECT_MSG_EQ(lan.host->GetProcesses().size(),
                              0,
                              "the host should list no running process");
        Lan::TearDown();
    }
};

/// Test suite of processes.
class ProcessTestSuite : public TestSuite
{
  public:
    ProcessTestSuite()
        : TestSuite("netns-process", UNIT)
    {
        AddTestCase(new UnshareByRootTestCase, TestCase::QUICK);
        AddTestCase(new SocketsAndChildrenTestCase, TestCase::QUICK);
        AddTestCase(new UnshareWithoutCapabilityTestCase, TestCase::QUICK);
        AddTestCase(new UnshareFlagsTestCase, TestCase::QUICK);
        AddTestCase(new NamespaceLifetimeTestCase, TestCase::QUICK);
        AddTestCase(new ApplicationLifecycleTestCase, TestCase::QUICK);
        AddTestCase(new ApplicationBindRejectedTestCase, TestCase::QUICK);
        AddTestCase(new ExitedProcessTestCase, TestCase::QUICK);
    }
};

ProcessTestSuite g_processTestSuite; //!< registers the suite

} // namespace
