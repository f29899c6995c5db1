/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * How frames cross a shared host device: to which namespace each goes, and
 * which never reach the wire.
 */
#include "netns-test-lan.h"

#include "ns3/test.h"

using namespace ns3;
using namespace ns3::netns;
using namespace ns3::netns::test;

namespace
{

/// Frames on the host device's wire, counted by the CSMA promiscuous sniffer.
struct WireLog
{
    uint32_t frames{0}; //!< frames seen on the wire

    /** Count one frame. */
    void Count(Ptr<const Packet>)
    {
        ++frames;
    }
};

/// Namespaces on one device talk through the host, never through the wire.
class HairpinTestCase : public TestCase
{
  public:
    HairpinTestCase()
        : TestCase("namespaces on one device reach each other inside the host")
    {
    }

  private:
    void DoRun() override
    {
        for (bool isolated : {false, true})
        {
            Lan lan(isolated);
            Ptr<Process> a = lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.10"));
            Ptr<Process> b = lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.11"));
            Ptr<Process> initialRoot = lan.host->CreateProcess(0);
            initialRoot->AddAddress("eth0", Ipv4Address("198.51.100.200"), 24);
            WireLog wire;
            lan.lanDevices.Get(0)->TraceConnectWithoutContext("PromiscSniffer",
                                                              MakeCallback(&WireLog::Count, &wire));
            Receiver atB;
            Receiver atInitial;
            Receiver atA;
            OpenServer(b, NETNS_SOCK_DGRAM, Ipv4Address::GetAny(), 5000, &atB);
            OpenServer(initialRoot, NETNS_SOCK_DGRAM, Ipv4Address::GetAny(), 5001, &atInitial);
            OpenServer(a, NETNS_SOCK_DGRAM, Ipv4Address::GetAny(), 5002, &atA);
            auto fromA = a->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM);
            auto fromInitial = initialRoot->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM);
            Simulator::ScheduleWithContext(a->GetNamespace()->GetNode()->GetId(),
                                           Seconds(1),
                                           [a, fromA]() {
                                               a->SendTo(fromA.GetValue(),
                                                         MakePayload("a to b"),
                                                         "198.51.100.11",
                                                         5000);
                                               a->SendTo(fromA.GetValue(),
                                                         MakePayload("a to init"),
                                                         "198.51.100.200",
                                                         5001);
                                           });
            Simulator::ScheduleWithContext(lan.hostNode->GetId(),
                                           Seconds(2),
                                           [initialRoot, fromInitial]() {
                                               initialRoot->SendTo(fromInitial.GetValue(),
                                                                   MakePayload("init to a"),
                                                                   "198.51.100.10",
                                                                   5002);
                                           });
            Simulator::Stop(Seconds(3));
            Simulator::Run();

            const std::string mode = isolated ? "isolated: " : "shared routes: ";
            NS_TEST_EXPECT_MSG_EQ(atB.payloads.size(), 1, mode << "B gets A's datagram");
            NS_TEST_EXPECT_MSG_EQ(atInitial.payloads.size(),
                                  1,
                                  mode << "the initial namespace gets A's datagram");
            NS_TEST_EXPECT_MSG_EQ(atA.payloads.size(),
                                  1,
                                  mode << "A gets the initial namespace's datagram");
            // Only the ARP requests are broadcast, so only they reach the wire.
            NS_TEST_EXPECT_MSG_EQ(wire.frames,
                                  3,
                                  mode << "only the three ARP requests go on the wire");
            Lan::TearDown();
        }
    }
};

/// ARP frames reach only the namespace holding the target address.
class ArpDispatchTestCase : public TestCase
{
  public:
    ArpDispatchTestCase()
        : TestCase("ARP frames reach only the namespace holding the target address")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(true);
        Ptr<Process> a = lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.10"));
        Ptr<Process> b = lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.11"));
        SendUdpFromNode(lan.peers.Get(0), "198.51.100.10", 9, "x", Seconds(1));
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_GT(a->GetNamespace()->GetRxPackets(),
                              0,
                              "the holder of the target gets the ARP request");
        NS_TEST_EXPECT_MSG_EQ(b->GetNamespace()->GetRxPackets(),
                              0,
                              "another namespace on the device gets nothing");
        Lan::TearDown();
    }
};

/// Frames no namespace claims go to the initial namespace.
class UnclaimedFramesTestCase : public TestCase
{
  public:
    UnclaimedFramesTestCase()
        : TestCase("frames for addresses no namespace holds go to the initial namespace")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(false);
        Ptr<Process> a = lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.10"));
        SendUdpFromNode(lan.peers.Get(0), "198.51.100.77", 9, "nobody", Seconds(1));
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(a->GetNamespace()->GetRxPackets(),
                              0,
                              "the container gets no frame for an address it lacks");
        NS_TEST_EXPECT_MSG_GT(lan.host->GetInitialNamespace()->GetRxPackets(),
                              0,
                              "the initial namespace gets the unclaimed ARP requests");
        Lan::TearDown();
    }
};

/// A freed namespace's view receives nothing.
class FreedViewTestCase : public TestCase
{
  public:
    FreedViewTestCase()
        : TestCase("a freed namespace receives nothing and the device keeps working")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(true);
        Ptr<Process> gone = lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.10"));
        Ptr<Process> staying = lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.11"));
        Ptr<Namespace> freed = gone->GetNamespace();
        gone->Exit(0);
        Receiver atStaying;
        OpenServer(staying, NETNS_SOCK_DGRAM, Ipv4Address::GetAny(), 5000, &atStaying);
        SendUdpFromNode(lan.peers.Get(0), "198.51.100.10", 5000, "to the freed", Seconds(1));
        SendUdpFromNode(lan.peers.Get(0), "198.51.100.11", 5000, "to the living", Seconds(1.5));
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(freed->GetRxPackets(), 0, "the freed namespace gets nothing");
        NS_TEST_ASSERT_MSG_EQ(atStaying.payloads.size(), 1, "the other namespace still works");
        NS_TEST_EXPECT_MSG_EQ(atStaying.payloads[0], "to the living", "its own datagram");
        Lan::TearDown();
    }
};

/// Test suite of the frame dispatcher.
class DispatchTestSuite : public TestSuite
{
  public:
    DispatchTestSuite()
        : TestSuite("netns-dispatch", UNIT)
    {
        AddTestCase(new HairpinTestCase, TestCase::QUICK);
        AddTestCase(new ArpDispatchTestCase, TestCase::QUICK);
        AddTestCase(new UnclaimedFramesTestCase, TestCase::QUICK);
        AddTestCase(new FreedViewTestCase, TestCase::QUICK);
    }
};

DispatchTestSuite g_dispatchTestSuite; //!< registers the suite

} // namespace
