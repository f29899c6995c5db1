/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Addresses and link administration inside namespaces.
 */
#include "netns-test-lan.h"

#include "ns3/test.h"

using namespace ns3;
using namespace ns3::netns;
using namespace ns3::netns::test;

namespace
{

/** @return the addresses joined by commas, for comparisons with readable failures */
std::string
Listing(Ptr<Namespace> ns)
{
    std::string text;
    for (const std::string& line : ListAddresses(ns))
    {
        text += (text.empty() ? "" : ", ") + line;
    }
    return text;
}

/// Addresses are per namespace, even on a shared device.
class AddressesArePrivateTestCase : public TestCase
{
  public:
    AddressesArePrivateTestCase()
        : TestCase("addresses on a shared device are listed only in their namespace")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(false);
        Ptr<Process> initialRoot = lan.host->CreateProcess(0);
        NS_TEST_ASSERT_MSG_EQ(
            initialRoot->AddAddress("eth0", Ipv4Address("198.51.100.200"), 24).IsOk(),
            true,
            "the initial namespace should address eth0");
        Ptr<Process> container = lan.MakeContainer({"eth0"}, "", Ipv4Address());
        NS_TEST_EXPECT_MSG_EQ(Listing(container->GetNamespace()),
                              "",
                              "a revealed device should show none of the initial addresses");

        NS_TEST_ASSERT_MSG_EQ(container->AddAddress("eth0", Ipv4Address("198.51.100.10"), 24).IsOk(),
                              true,
                              "the container should address its view of eth0");
        NS_TEST_EXPECT_MSG_EQ(Listing(container->GetNamespace()),
                              "eth0 198.51.100.10/24",
                              "the container should list only its own address");
        NS_TEST_EXPECT_MSG_EQ(Listing(lan.host->GetInitialNamespace()),
                              "lo 127.0.0.1/8, eth0 198.51.100.200/24",
                              "the initial namespace should list only its own addresses");
        Lan::TearDown();
    }
};

/// The duplicate check is per namespace.
class DuplicateAddressTestCase : public TestCase
{
  public:
    DuplicateAddressTestCase()
        : TestCase("two namespaces may hold one address; one namespace may not add it twice")
    {
    }

  private:
    void DoRun() override
    {
        for (bool isolated : {false, true})
        {
            Lan lan(isolated);
            Ptr<Process> a = lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.10"));
            Ptr<Process> b = lan.MakeContainer({"eth0"}, "", Ipv4Address());
            Status second = b->AddAddress("eth0", Ipv4Address("198.51.100.10"), 24);
            NS_TEST_EXPECT_MSG_EQ(second.IsOk(),
                                  true,
                                  "another namespace should add the same address: "
                                      << second.ToString());
            Status duplicate = a->AddAddress("eth0", Ipv4Address("198.51.100.10"), 24);
            NS_TEST_EXPECT_MSG_EQ(duplicate.GetErrno(),
                                  EEXIST,
                                  "adding an address twice in one namespace should fail");
            NS_TEST_EXPECT_MSG_NE(duplicate.GetMessage().find("198.51.100.10/24"),
                                  std::string::npos,
                                  "the message should name the address");
            NS_TEST_EXPECT_MSG_EQ(
                a->AddAddress("eth0", Ipv4Address("198.51.100.10"), 25).IsOk(),
                true,
                "the same address with another prefix length is a different address");
            Lan::TearDown();
        }
    }
};

/// Administration of devices outside the view fails with ENODEV.
class OutsideViewTestCase : public TestCase
{
  public:
    OutsideViewTestCase()
        : TestCase("administering a device outside the view fails with ENODEV")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(false, 1, true);
        Ptr<Process> container = lan.MakeContainer({"eth0"}, "", Ipv4Address());
        const Ipv4Address address("203.0.113.10");
        std::vector<std::pair<const char*, Status>> rows{
            {"address add", container->AddAddress("eth1", address, 24)},
            {"address del", container->DeleteAddress("eth1", address)},
            {"address flush", container->FlushAddresses("eth1").GetStatus()},
            {"link up", container->SetLinkUp("eth1", true)},
            {"mtu", container->SetMtu("eth1", 1400)},
            {"unknown device", container->AddAddress("eth9", address, 24)},
        };
        for (const auto& [operation, status] : rows)
        {
            NS_TEST_EXPECT_MSG_EQ(status.GetErrno(),
                                  ENODEV,
                                  operation << " should fail with ENODEV: " << status.ToString());
            NS_TEST_EXPECT_MSG_EQ(status.GetMessage().rfind("Cannot find device \"eth", 0),
                                  0,
                                  operation << ": iproute2's wording: " << status.GetMessage());
        }
        Route route;
        route.destination = Ipv4Address("192.0.2.0");
        route.prefixLength = 24;
        route.ifindex = lan.host->FindDevice("eth1")->ifindex;
        NS_TEST_EXPECT_MSG_EQ(container->AddRoute(route).GetErrno(),
                              ENODEV,
                              "a route through a device outside the view should fail");
        Lan::TearDown();
    }
};

/// Deleting an address the namespace does not hold fails with EADDRNOTAVAIL.
class DeleteInvisibleAddressTestCase : public TestCase
{
  public:
    DeleteInvisibleAddressTestCase()
        : TestCase("deleting an address not visible in the namespace fails with EADDRNOTAVAIL")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(false);
        Ptr<Process> owner = lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.10"));
        Ptr<Process> other = lan.MakeContainer({"eth0"}, "", Ipv4Address());
        Status deleted = other->DeleteAddress("eth0", Ipv4Address("198.51.100.10"), 24);
        NS_TEST_EXPECT_MSG_EQ(deleted.GetErrno(), EADDRNOTAVAIL, "deleting another's address");
        NS_TEST_EXPECT_MSG_EQ(Listing(owner->GetNamespace()),
                              "eth0 198.51.100.10/24",
                              "the owner should keep its address");
        NS_TEST_EXPECT_MSG_EQ(owner->DeleteAddress("eth0", Ipv4Address("198.51.100.10"), 16)
                                  .GetErrno(),
                              EADDRNOTAVAIL,
                              "a wrong prefix length should not match");
        NS_TEST_EXPECT_MSG_EQ(owner->DeleteAddress("eth0", Ipv4Address("198.51.100.10")).IsOk(),
                              true,
                              "the owner should delete its address");
        NS_TEST_EXPECT_MSG_EQ(Listing(owner->GetNamespace()), "", "nothing should be left");
        Lan::TearDown();
    }
};

/// Invalid values and missing capabilities.
class AddressErrorsTestCase : public TestCase
{
  public:
    AddressErrorsTestCase()
        : TestCase("address administration rejects bad values and missing capabilities")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(false);
        Ptr<Process> root = lan.MakeContainer({"eth0"}, "", Ipv4Address());
        Ptr<Process> user = lan.host->CreateProcess(1000);
        std::vector<std::tuple<const char*, Status, int>> rows{
            {"prefix 33", root->AddAddress("eth0", Ipv4Address("198.51.100.10"), 33), EINVAL},
            {"0.0.0.0", root->AddAddress("eth0", Ipv4Address("0.0.0.0"), 24), EINVAL},
            {"multicast", root->AddAddress("eth0", Ipv4Address("224.0.0.1"), 24), EINVAL},
            {"broadcast", root->AddAddress("eth0", Ipv4Address("255.255.255.255"), 24), EINVAL},
            {"mtu 67", root->SetMtu("eth0", 67), EINVAL},
            {"mtu 70000", root->SetMtu("eth0", 70000), EINVAL},
            {"add as uid 1000",
             user->AddAddress("eth0", Ipv4Address("198.51.100.10"), 24),
             EPERM},
            {"link as uid 1000", user->SetLinkUp("eth0", false), EPERM},
            {"route as uid 1000", user->DeleteRoute(RouteSelector()), EPERM},
        };
        for (const auto& [name, status, expected] : rows)
        {
            NS_TEST_EXPECT_MSG_EQ(status.GetErrno(),
                                  expected,
                                  name << ": unexpected outcome " << status.ToString());
        }
        Status refused = user->SetMtu("eth0", 1400);
        NS_TEST_EXPECT_MSG_NE(refused.GetMessage().find("CAP_NET_ADMIN"),
                              std::string::npos,
                              "the message should name the missing capability");
        NS_TEST_EXPECT_MSG_EQ(root->GetNamespace()->GetAddresses().size(),
                              0,
                              "no failed call should leave an address behind");

        NS_TEST_ASSERT_MSG_EQ(root->AddAddress("eth0", Ipv4Address("198.51.100.10"), 24).IsOk(),
                              true,
                              "first address");
        NS_TEST_ASSERT_MSG_EQ(root->AddAddress("eth0", Ipv4Address("198.51.100.11"), 24).IsOk(),
                              true,
                              "second address");
        auto addresses = root->GetNamespace()->GetAddresses();
        NS_TEST_EXPECT_MSG_EQ(addresses[1].secondary,
                              true,
                              "a second address in the same subnet should be secondary");
        auto flushed = root->FlushAddresses("eth0");
        NS_TEST_EXPECT_MSG_EQ(flushed.GetValue(), 2, "flush should delete both addresses");
        Lan::TearDown();
    }
};

/// The device is shared: its state and MTU are the same in every view.
class SharedLinkStateTestCase : public TestCase
{
  public:
    SharedLinkStateTestCase()
        : TestCase("link state and MTU of a shared device change for every namespace")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(true);
        Ptr<Process> a = lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.10"));
        Ptr<Process> b = lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.11"));
        Receiver before;
        Receiver during;
        Receiver after;
        NS_TEST_ASSERT_MSG_EQ(
            OpenServer(b, NETNS_SOCK_DGRAM, Ipv4Address::GetAny(), 5000, &before).IsOk(),
            true,
            "bind");
        SendUdpFromNode(lan.peers.Get(0), "198.51.100.11", 5000, "before", Seconds(1));
        Simulator::Schedule(Seconds(2), [a]() { a->SetLinkUp("eth0", false); });
        Simulator::Schedule(Seconds(2.5), [b, &during]() {
            during.payloads.push_back(b->GetNamespace()->FindInView("eth0")->device->IsLinkUp()
                                          ? "up"
                                          : "down");
        });
        SendUdpFromNode(lan.peers.Get(0), "198.51.100.11", 5000, "during", Seconds(3));
        Simulator::Schedule(Seconds(4), [a]() { a->SetLinkUp("eth0", true); });
        SendUdpFromNode(lan.peers.Get(0), "198.51.100.11", 5000, "after", Seconds(5));
        Simulator::Stop(Seconds(6));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(during.payloads.size(), 1, "the state should have been sampled");
        NS_TEST_EXPECT_MSG_EQ(during.payloads[0],
                              "down",
                              "another namespace's view should go down with the device");
        std::string got;
        for (const std::string& p : before.payloads)
        {
            got += p + " ";
        }
        NS_TEST_EXPECT_MSG_EQ(got,
                              "before after ",
                              "nothing should arrive while a namespace holds the device down");

        NS_TEST_ASSERT_MSG_EQ(b->SetMtu("eth0", 1400).IsOk(), true, "set mtu");
        NS_TEST_EXPECT_MSG_EQ(a->GetNamespace()->FindInView("eth0")->device->GetMtu(),
                              1400,
                              "the other namespace's view should show the new MTU");
        NS_TEST_EXPECT_MSG_EQ(lan.lanDevices.Get(0)->GetMtu(), 1400, "the device itself too");
        Lan::TearDown();
    }
};

/// Secondary addresses: no prefix route of their own, and they go with their primary.
class SecondaryAddressTestCase : public TestCase
{
  public:
    SecondaryAddressTestCase()
        : TestCase("secondary addresses follow their primary address")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(true);
        Ptr<Process> p = lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.10"));
        NS_TEST_ASSERT_MSG_EQ(p->AddAddress("eth0", Ipv4Address("198.51.100.11"), 24).IsOk(),
                              true,
                              "second address in the subnet");
        NS_TEST_ASSERT_MSG_EQ(p->AddAddress("eth0", Ipv4Address("203.0.113.10"), 24).IsOk(),
                              true,
                              "address in another subnet");
        NS_TEST_EXPECT_MSG_EQ(p->GetNamespace()->GetRoutes().size(),
                              2,
                              "one prefix route per subnet, none for the secondary address");

        NS_TEST_ASSERT_MSG_EQ(p->DeleteAddress("eth0", Ipv4Address("198.51.100.10"), 24).IsOk(),
                              true,
                              "deleting the primary address");
        NS_TEST_EXPECT_MSG_EQ(Listing(p->GetNamespace()),
                              "eth0 203.0.113.10/24",
                              "the secondary should go with its primary");

        NS_TEST_ASSERT_MSG_EQ(p->AddAddress("eth0", Ipv4Address("203.0.113.11"), 24).IsOk(),
                              true,
                              "a new secondary");
        NS_TEST_ASSERT_MSG_EQ(p->DeleteAddress("eth0", Ipv4Address("203.0.113.11"), 24).IsOk(),
                              true,
                              "deleting a secondary address");
        NS_TEST_EXPECT_MSG_EQ(Listing(p->GetNamespace()),
                              "eth0 203.0.113.10/24",
                              "deleting a secondary leaves its primary");
        Lan::TearDown();
    }
};

/// A broadcast address is kept only when one is given, and goes with its address.
class ConfiguredBroadcastTestCase : public TestCase
{
  public:
    ConfiguredBroadcastTestCase()
        : TestCase("a broadcast address is kept only when given")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(false);
        Ptr<Process> p = lan.MakeContainer({"eth0"}, "", Ipv4Address());
        const uint32_t eth0 = p->GetNamespace()->FindInView("eth0")->ifindex;
        p->AddAddress("eth0", Ipv4Address("198.51.100.10"), 24);
        p->AddAddress("eth0", Ipv4Address("203.0.113.10"), 24, Ipv4Address("203.0.113.255"));
        auto addresses = p->GetNamespace()->GetAddresses();
        NS_TEST_ASSERT_MSG_EQ(addresses.size(), 2, "two addresses");
        NS_TEST_EXPECT_MSG_EQ(addresses[0].configuredBroadcast.has_value(),
                              false,
                              "no broadcast was given for the first address");
        NS_TEST_EXPECT_MSG_EQ(addresses[1].configuredBroadcast.value_or(Ipv4Address::GetAny()),
                              Ipv4Address("203.0.113.255"),
                              "the second address keeps the broadcast it was given");

        NS_TEST_EXPECT_MSG_EQ(p->SetAddressBroadcast("eth0",
                                                     Ipv4Address("198.51.100.10"),
                                                     24,
                                                     Ipv4Address("198.51.100.255"))
                                  .IsOk(),
                              true,
                              "setting a broadcast later");
        NS_TEST_EXPECT_MSG_EQ(p->SetAddressBroadcast("eth0",
                                                     Ipv4Address("198.51.100.99"),
                                                     24,
                                                     Ipv4Address("198.51.100.255"))
                                  .GetErrno(),
                              EADDRNOTAVAIL,
                              "setting the broadcast of an address not held");
        NS_TEST_EXPECT_MSG_EQ(p->GetNamespace()->SetAddressBroadcast(eth0 + 7,
                                                                     Ipv4Address("198.51.100.10"),
                                                                     24,
                                                                     std::nullopt)
                                  .GetErrno(),
                              EADDRNOTAVAIL,
                              "an interface the namespace does not have");

        p->DeleteAddress("eth0", Ipv4Address("203.0.113.10"), 24);
        p->AddAddress("eth0", Ipv4Address("203.0.113.10"), 24);
        addresses = p->GetNamespace()->GetAddresses();
        NS_TEST_EXPECT_MSG_EQ(addresses[1].configuredBroadcast.has_value(),
                              false,
                              "a deleted address's broadcast must not come back with it");
        Lan::TearDown();
    }
};

/// Test suite of addresses.
class AddressTestSuite : public TestSuite
{
  public:
    AddressTestSuite()
        : TestSuite("netns-address", UNIT)
    {
        AddTestCase(new AddressesArePrivateTestCase, TestCase::QUICK);
        AddTestCase(new DuplicateAddressTestCase, TestCase::QUICK);
        AddTestCase(new OutsideViewTestCase, TestCase::QUICK);
        AddTestCase(new DeleteInvisibleAddressTestCase, TestCase::QUICK);
        AddTestCase(new AddressErrorsTestCase, TestCase::QUICK);
        AddTestCase(new SharedLinkStateTestCase, TestCase::QUICK);
        AddTestCase(new SecondaryAddressTestCase, TestCase::QUICK);
        AddTestCase(new ConfiguredBroadcastTestCase, TestCase::QUICK);
    }
};

AddressTestSuite g_addressTestSuite; //!< registers the suite

} // namespace
