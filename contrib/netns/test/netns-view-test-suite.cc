/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Device views: what a namespace sees, and the debugfs file that reveals
 * host devices to it.
 */
#include "netns-test-lan.h"

#include "ns3/test.h"

using namespace ns3;
using namespace ns3::netns;
using namespace ns3::netns::test;

namespace
{

/** @return the names of a namespace's view, in order */
std::vector<std::string>
ViewNames(Ptr<Namespace> ns)
{
    std::vector<std::string> names;
    for (const ViewEntry& entry : ns->GetView())
    {
        names.push_back(entry.name);
    }
    return names;
}

/** @return the view names joined by spaces, for messages */
std::string
Joined(const std::vector<std::string>& names)
{
    std::string text;
    for (const std::string& name : names)
    {
        text += (text.empty() ? "" : " ") + name;
    }
    return "[" + text + "]";
}

/// A new namespace sees nothing, yet its loopback works.
class EmptyViewTestCase : public TestCase
{
  public:
    EmptyViewTestCase()
        : TestCase("a new namespace sees no device, not even lo, but loopback works")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(false);
        Ptr<Process> process = lan.MakeContainer({}, "", Ipv4Address());
        Ptr<Namespace> ns = process->GetNamespace();
        NS_TEST_EXPECT_MSG_EQ(ns->GetView().size(), 0, "the view should be empty");
        auto listing = process->ReadFile(DEBUGFS_DEV_PATH);
        NS_TEST_ASSERT_MSG_EQ(listing.IsOk(), true, "reading the debugfs file should succeed");
        NS_TEST_EXPECT_MSG_EQ(listing.GetValue(), "", "the debugfs file should list nothing");
        auto procNetDev = process->ReadFile("/proc/net/dev");
        NS_TEST_ASSERT_MSG_EQ(procNetDev.IsOk(), true, "reading /proc/net/dev should succeed");
        NS_TEST_EXPECT_MSG_EQ(std::count(procNetDev.GetValue().begin(),
                                         procNetDev.GetValue().end(),
                                         '\n'),
                              2,
                              "/proc/net/dev should hold its two header lines only");
        NS_TEST_EXPECT_MSG_EQ(ns->GetAddresses().size(), 0, "no address should be listed");

        Receiver received;
        NS_TEST_ASSERT_MSG_EQ(
            OpenServer(process, NETNS_SOCK_DGRAM, Ipv4Address::GetLoopback(), 9000, &received)
                .IsOk(),
            true,
            "binding 127.0.0.1 should succeed in an empty namespace");
        auto client = process->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM);
        Simulator::ScheduleWithContext(ns->GetNode()->GetId(), Seconds(1), [process, client]() {
            process->SendTo(client.GetValue(), MakePayload("ping"), Ipv4Address::GetLoopback(), 9000);
        });
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(received.payloads.size(),
                              1,
                              "a datagram to 127.0.0.1 should arrive in an empty namespace");
        Lan::TearDown();
    }
};

/// Writing a name reveals the device to the writer's namespace only.
class RevealTestCase : public TestCase
{
  public:
    RevealTestCase()
        : TestCase("writing a device name reveals it to the writer's namespace only")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(false, 1, true);
        Ptr<Process> writer = lan.MakeContainer({}, "", Ipv4Address());
        Ptr<Process> other = lan.MakeContainer({}, "", Ipv4Address());
        auto written = writer->WriteFile(DEBUGFS_DEV_PATH, "eth1\n");
        NS_TEST_ASSERT_MSG_EQ(written.IsOk(), true, "the write should succeed: "
                                                        << written.GetStatus().ToString());
        NS_TEST_EXPECT_MSG_EQ(written.GetValue(), 5, "write() should report 5 bytes written");
        NS_TEST_EXPECT_MSG_EQ(Joined(ViewNames(writer->GetNamespace())),
                              "[eth1]",
                              "the writer should see eth1");
        NS_TEST_EXPECT_MSG_EQ(Joined(ViewNames(other->GetNamespace())),
                              "[]",
                              "another namespace should still see nothing");
        NS_TEST_EXPECT_MSG_EQ(Joined(ViewNames(lan.host->GetInitialNamespace())),
                              "[lo eth0 eth1]",
                              "the initial namespace should still see every device");

        NS_TEST_ASSERT_MSG_EQ(writer->WriteFile(DEBUGFS_DEV_PATH, "eth0").IsOk(),
                              true,
                              "a write without newline should work too");
        auto listing = writer->ReadFile(DEBUGFS_DEV_PATH);
        NS_TEST_EXPECT_MSG_EQ(listing.GetValue(),
                              "eth1\neth0\n",
                              "reading should list the view in reveal order, one per line");

        // Sharing, not moving: the same device in a second namespace.
        NS_TEST_ASSERT_MSG_EQ(other->WriteFile(DEBUGFS_DEV_PATH, "eth1\n").IsOk(),
                              true,
                              "a device another namespace sees should still be revealable");
        NS_TEST_EXPECT_MSG_EQ(Joined(ViewNames(writer->GetNamespace())),
                              "[eth1 eth0]",
                              "the first namespace should keep eth1");
        const ViewEntry* first = writer->GetNamespace()->FindInView("eth1");
        const ViewEntry* second = other->GetNamespace()->FindInView("eth1");
        NS_TEST_EXPECT_MSG_EQ(first->ifindex, second->ifindex, "both see the same device");
        NS_TEST_EXPECT_MSG_EQ(first->device->GetAddress(),
                              lan.secondLanDevices.Get(0)->GetAddress(),
                              "a view should carry the host device's MAC address");
        NS_TEST_EXPECT_MSG_EQ(first->device->GetMtu(),
                              lan.secondLanDevices.Get(0)->GetMtu(),
                              "a view should carry the host device's MTU");
        Lan::TearDown();
    }
};

/// The write needs no capability: the file is mode 0666.
class RevealNeedsNoCapabilityTestCase : public TestCase
{
  public:
    RevealNeedsNoCapabilityTestCase()
        : TestCase("revealing a device needs no capability")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(false);
        Ptr<Process> root = lan.MakeContainer({}, "", Ipv4Address());
        Ptr<Process> child = root->Fork().GetValue();
        for (Capability c : {Capability::NetBindService,
                             Capability::NetAdmin,
                             Capability::NetRaw,
                             Capability::SysAdmin})
        {
            child->SetCapability(c, false);
        }
        auto written = child->WriteFile(DEBUGFS_DEV_PATH, "eth0\n");
        NS_TEST_EXPECT_MSG_EQ(written.IsOk(), true, "a process without capabilities may write");
        NS_TEST_EXPECT_MSG_NE(root->GetNamespace()->FindInView("eth0"),
                              nullptr,
                              "the device should now be in the shared namespace's view");
        Lan::TearDown();
    }
};

/// Error returns of the debugfs write, one row per input.
class RevealErrorsTestCase : public TestCase
{
  public:
    RevealErrorsTestCase()
        : TestCase("debugfs writes fail with ENODEV for unknown names and EINVAL for long ones")
    {
    }

  private:
    struct Row
    {
        const char* name;
        std::string data;
        int expectedErrno;
    };

    void DoRun() override
    {
        const std::vector<Row> rows{
            {"unknown name", "eth9\n", ENODEV},
            {"empty write", "", ENODEV},
            {"newline only", "\n", ENODEV},
            {"15-byte unknown name", "abcdefghijklmno", ENODEV},
            {"16-byte name", "abcdefghijklmnop", EINVAL},
            {"16-byte name and newline", "abcdefghijklmnop\n", EINVAL},
            {"two newlines", "eth0\n\n", ENODEV},
            {"slash", "eth0/x", ENODEV},
            {"NUL byte", std::string("eth0\0", 5), ENODEV},
            {"known name", "eth0\n", 0},
            {"lo", "lo\n", 0},
        };
        for (const Row& row : rows)
        {
            Lan lan(false);
            Ptr<Process> process = lan.MakeContainer({}, "", Ipv4Address());
            auto written = process->WriteFile(DEBUGFS_DEV_PATH, row.data);
            NS_TEST_EXPECT_MSG_EQ(written.GetStatus().GetErrno(),
                                  row.expectedErrno,
                                  row.name << ": unexpected outcome "
                                           << written.GetStatus().ToString());
            if (row.expectedErrno == ENODEV)
            {
                NS_TEST_EXPECT_MSG_NE(written.GetStatus().GetMessage().find(
                                          "write error: No such device"),
                                      std::string::npos,
                                      row.name << ": the message should read like the shell's");
            }
            if (row.expectedErrno != 0)
            {
                NS_TEST_EXPECT_MSG_EQ(process->GetNamespace()->GetView().size(),
                                      0,
                                      row.name << ": a failed write should reveal nothing");
            }
            Lan::TearDown();
        }
    }
};

/// A repeated reveal succeeds and changes nothing.
class RepeatedRevealTestCase : public TestCase
{
  public:
    RepeatedRevealTestCase()
        : TestCase("revealing a device twice succeeds and changes nothing")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(false);
        Ptr<Process> process = lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.10"));
        const uint32_t interface = process->GetNamespace()->FindInView("eth0")->interface;
        auto again = process->WriteFile(DEBUGFS_DEV_PATH, "eth0\n");
        NS_TEST_EXPECT_MSG_EQ(again.IsOk(), true, "a repeated reveal should succeed");
        NS_TEST_EXPECT_MSG_EQ(process->GetNamespace()->GetView().size(),
                              1,
                              "the view should still hold one entry");
        NS_TEST_EXPECT_MSG_EQ(process->GetNamespace()->FindInView("eth0")->interface,
                              interface,
                              "the view entry should be the same interface");
        NS_TEST_EXPECT_MSG_EQ(ListAddresses(process->GetNamespace()).size(),
                              1,
                              "the namespace's address should survive");
        auto initialAgain =
            lan.host->CreateProcess(0)->WriteFile(DEBUGFS_DEV_PATH, "eth0\n");
        NS_TEST_EXPECT_MSG_EQ(initialAgain.IsOk(),
                              true,
                              "the initial namespace already sees eth0; writing it succeeds");
        Lan::TearDown();
    }
};

/// The initial namespace sees every device, with Linux's numbering.
class InitialViewTestCase : public TestCase
{
  public:
    InitialViewTestCase()
        : TestCase("the initial namespace sees every host device, lo first")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(false, 1, true);
        Ptr<Namespace> initial = lan.host->GetInitialNamespace();
        NS_TEST_EXPECT_MSG_EQ(Joined(ViewNames(initial)), "[lo eth0 eth1]", "initial view");
        NS_TEST_EXPECT_MSG_EQ(initial->FindInView("lo")->ifindex, 1, "lo should be ifindex 1");
        NS_TEST_EXPECT_MSG_EQ(initial->FindInView("eth0")->ifindex, 2, "eth0 should be 2");
        NS_TEST_EXPECT_MSG_EQ(initial->FindInView("eth1")->ifindex, 3, "eth1 should be 3");
        auto listing = lan.host->CreateProcess(0)->ReadFile(DEBUGFS_DEV_PATH);
        NS_TEST_EXPECT_MSG_EQ(listing.GetValue(), "lo\neth0\neth1\n", "initial listing");

        // A device added after set-up is picked up on first use.
        CsmaHelper csma;
        Ptr<Node> late = CreateObject<Node>();
        NetDeviceContainer devices = csma.Install(NodeContainer(lan.hostNode, late));
        const DeviceRecord* added = lan.host->FindDevice("eth2");
        NS_TEST_ASSERT_MSG_NE(added, nullptr, "a device added later should be named eth2");
        NS_TEST_EXPECT_MSG_EQ(added->device, devices.Get(0), "eth2 should be the new device");
        NS_TEST_EXPECT_MSG_EQ(Joined(ViewNames(initial)),
                              "[lo eth0 eth1 eth2]",
                              "the initial namespace should see the new device");
        Lan::TearDown();
    }
};

/// Device names come from ns3::Names when valid, and can be set before use.
class DeviceNamingTestCase : public TestCase
{
  public:
    DeviceNamingTestCase()
        : TestCase("devices take valid ns3::Names names and can be renamed before use")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Node> hostNode = CreateObject<Node>();
        Ptr<Node> peer = CreateObject<Node>();
        CsmaHelper csma;
        NetDeviceContainer first = csma.Install(NodeContainer(hostNode, peer));
        NetDeviceContainer second = csma.Install(NodeContainer(hostNode, peer));
        NetDeviceContainer third = csma.Install(NodeContainer(hostNode, peer));
        Names::Add("uplink", first.Get(0));
        Names::Add("a-name-longer-than-15", second.Get(0));
        NetnsHelper netns;
        NS_TEST_ASSERT_MSG_EQ(netns.Install(hostNode).IsOk(), true, "install should succeed");
        Ptr<Host> host = NetnsHelper::GetHost(hostNode);

        NS_TEST_EXPECT_MSG_EQ(host->FindDeviceRecord(first.Get(0))->name,
                              "uplink",
                              "a valid ns3::Names name should become the interface name");
        NS_TEST_EXPECT_MSG_EQ(host->FindDeviceRecord(second.Get(0))->name,
                              "eth0",
                              "an invalid name should fall back to eth<n>");
        NS_TEST_EXPECT_MSG_EQ(host->SetDeviceName(third.Get(0), "wan0").IsOk(),
                              true,
                              "renaming an unused device should succeed");
        NS_TEST_EXPECT_MSG_EQ(host->SetDeviceName(third.Get(0), "uplink").GetErrno(),
                              EEXIST,
                              "a taken name should fail with EEXIST");
        NS_TEST_EXPECT_MSG_EQ(host->SetDeviceName(third.Get(0), "way-too-long-name").GetErrno(),
                              EINVAL,
                              "a 17-byte name should fail with EINVAL");
        NS_TEST_EXPECT_MSG_EQ(host->SetDeviceName(peer->GetDevice(0), "x0").GetErrno(),
                              ENODEV,
                              "another node's device should fail with ENODEV");
        Ptr<Process> container = host->CreateProcess(0);
        container->Unshare(CLONE_NEWNET_MAINLINE);
        container->WriteFile(DEBUGFS_DEV_PATH, "wan0");
        NS_TEST_EXPECT_MSG_EQ(host->SetDeviceName(third.Get(0), "wan1").GetErrno(),
                              EBUSY,
                              "a device another namespace sees should not be renamed");
        Simulator::Destroy();
        Names::Clear();
    }
};

/// Test suite of device views.
class ViewTestSuite : public TestSuite
{
  public:
    ViewTestSuite()
        : TestSuite("netns-view", UNIT)
    {
        AddTestCase(new EmptyViewTestCase, TestCase::QUICK);
        AddTestCase(new RevealTestCase, TestCase::QUICK);
        AddTestCase(new RevealNeedsNoCapabilityTestCase, TestCase::QUICK);
        AddTestCase(new RevealErrorsTestCase, TestCase::QUICK);
        AddTestCase(new RepeatedRevealTestCase, TestCase::QUICK);
        AddTestCase(new InitialViewTestCase, TestCase::QUICK);
        AddTestCase(new DeviceNamingTestCase, TestCase::QUICK);
    }
};

ViewTestSuite g_viewTestSuite; //!< registers the suite

} // namespace
