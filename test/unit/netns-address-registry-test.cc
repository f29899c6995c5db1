/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Unit tests of AddressRegistry: which namespaces hold which addresses, in
 * what order, and which namespaces a subnet-directed broadcast reaches.
 */
#include "ns3/netns-address-registry.h"

#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <vector>

using ns3::Ipv4Address;
using ns3::netns::AddressHolder;
using ns3::netns::AddressRegistry;

namespace
{

/// Namespace ids and device indexes used across the cases.
constexpr uint32_t NS_A = 11;
constexpr uint32_t NS_B = 12;
constexpr uint32_t NS_C = 13;
constexpr uint32_t ETH0 = 2;
constexpr uint32_t ETH1 = 3;

/// A registry and a shorthand to add addresses.
struct RegistryFixture
{
    AddressRegistry registry;

    /** Record an address and return what AddressRegistry::Add returned. */
    bool Hold(const char* address, uint32_t namespaceId, uint32_t ifindex, uint8_t prefixLength)
    {
        return registry.Add(Ipv4Address(address),
                            AddressHolder{namespaceId, ifindex, prefixLength});
    }

    /** Forget an address and return what AddressRegistry::Remove returned. */
    bool Drop(const char* address, uint32_t namespaceId, uint32_t ifindex, uint8_t prefixLength)
    {
        return registry.Remove(Ipv4Address(address),
                               AddressHolder{namespaceId, ifindex, prefixLength});
    }

    /** @return the namespace ids of an address's holders, in order */
    std::vector<uint32_t> HolderNamespaces(const char* address) const
    {
        std::vector<uint32_t> ids;
        for (const AddressHolder& holder : registry.GetHolders(Ipv4Address(address)))
        {
            ids.push_back(holder.namespaceId);
        }
        return ids;
    }

    /** @return the namespaces a broadcast reaches */
    std::vector<uint32_t> Members(const char* broadcast) const
    {
        return registry.GetBroadcastMembers(Ipv4Address(broadcast));
    }
};

/// Namespace filter that admits every namespace except one.
struct AllBut
{
    uint32_t excluded; //!< the namespace to skip

    bool operator()(uint32_t namespaceId) const
    {
        return namespaceId != excluded;
    }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(netns_address_registry, RegistryFixture)

BOOST_AUTO_TEST_CASE(empty_registry)
{
    BOOST_TEST(!registry.IsHeldAnywhere(Ipv4Address("10.1.0.10")));
    BOOST_TEST(!registry.IsHeldBy(Ipv4Address("10.1.0.10"), NS_A));
    BOOST_TEST(registry.GetHolders(Ipv4Address("10.1.0.10")).empty());
    BOOST_TEST(!registry.FindHolder(Ipv4Address("10.1.0.10"), {}).has_value());
    BOOST_TEST(!registry.IsSubnetBroadcast(Ipv4Address("10.1.255.255")));
    BOOST_TEST(Members("10.1.255.255").empty());
}

BOOST_AUTO_TEST_CASE(add_records_holder)
{
    BOOST_TEST(Hold("10.1.0.10", NS_A, ETH0, 16));

    BOOST_TEST(registry.IsHeldAnywhere(Ipv4Address("10.1.0.10")));
    BOOST_TEST(registry.IsHeldBy(Ipv4Address("10.1.0.10"), NS_A));
    BOOST_TEST(!registry.IsHeldBy(Ipv4Address("10.1.0.10"), NS_B));
    BOOST_TEST(!registry.IsHeldAnywhere(Ipv4Address("10.1.0.11")));
}

BOOST_AUTO_TEST_CASE(add_keeps_device_and_prefix)
{
    BOOST_REQUIRE(Hold("10.1.0.10", NS_A, ETH1, 24));

    const std::vector<AddressHolder> holders = registry.GetHolders(Ipv4Address("10.1.0.10"));

    BOOST_REQUIRE(holders.size() == 1u);
    BOOST_TEST(holders[0].namespaceId == NS_A);
    BOOST_TEST(holders[0].ifindex == ETH1);
    BOOST_TEST(unsigned{holders[0].prefixLength} == 24u);
}

BOOST_AUTO_TEST_CASE(add_same_holder_twice_rejected)
{
    BOOST_REQUIRE(Hold("10.1.0.10", NS_A, ETH0, 16));

    BOOST_TEST(!Hold("10.1.0.10", NS_A, ETH0, 16));
    BOOST_TEST(registry.GetHolders(Ipv4Address("10.1.0.10")).size() == 1u);
}

// Linux keeps 192.0.2.11/32 and 192.0.2.11/24 on one device as two addresses.
BOOST_AUTO_TEST_CASE(same_address_with_two_prefixes)
{
    BOOST_REQUIRE(Hold("192.0.2.11", NS_A, ETH0, 32));
    BOOST_REQUIRE(Hold("192.0.2.11", NS_A, ETH0, 24));

    BOOST_TEST(registry.GetHolders(Ipv4Address("192.0.2.11")).size() == 2u);
    BOOST_TEST(registry.IsSubnetBroadcastOf(Ipv4Address("192.0.2.255"), NS_A));
    const std::vector<uint32_t> members{NS_A};
    BOOST_TEST(Members("192.0.2.255") == members, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(remove_one_prefix_of_an_address)
{
    BOOST_REQUIRE(Hold("192.0.2.11", NS_A, ETH0, 32));
    BOOST_REQUIRE(Hold("192.0.2.11", NS_A, ETH0, 24));

    BOOST_TEST(!Drop("192.0.2.11", NS_A, ETH0, 16));
    BOOST_REQUIRE(Drop("192.0.2.11", NS_A, ETH0, 24));

    BOOST_TEST(registry.IsHeldBy(Ipv4Address("192.0.2.11"), NS_A));
    BOOST_TEST(!registry.IsSubnetBroadcast(Ipv4Address("192.0.2.255")));

    BOOST_REQUIRE(Drop("192.0.2.11", NS_A, ETH0, 32));
    BOOST_TEST(!registry.IsHeldAnywhere(Ipv4Address("192.0.2.11")));
}

BOOST_AUTO_TEST_CASE(remove_namespace_drops_every_prefix)
{
    BOOST_REQUIRE(Hold("192.0.2.11", NS_A, ETH0, 32));
    BOOST_REQUIRE(Hold("192.0.2.11", NS_A, ETH0, 24));

    BOOST_TEST(registry.RemoveNamespace(NS_A) == 2u);
    BOOST_TEST(!registry.IsHeldAnywhere(Ipv4Address("192.0.2.11")));
    BOOST_TEST(!registry.IsSubnetBroadcast(Ipv4Address("192.0.2.255")));
}

BOOST_AUTO_TEST_CASE(same_address_in_two_namespaces)
{
    BOOST_TEST(Hold("10.1.0.10", NS_A, ETH0, 16));
    BOOST_TEST(Hold("10.1.0.10", NS_B, ETH0, 16));

    BOOST_TEST(registry.IsHeldBy(Ipv4Address("10.1.0.10"), NS_A));
    BOOST_TEST(registry.IsHeldBy(Ipv4Address("10.1.0.10"), NS_B));
}

BOOST_AUTO_TEST_CASE(same_address_on_two_devices)
{
    BOOST_TEST(Hold("10.1.0.10", NS_A, ETH0, 16));
    BOOST_TEST(Hold("10.1.0.10", NS_A, ETH1, 16));

    BOOST_TEST(registry.GetHolders(Ipv4Address("10.1.0.10")).size() == 2u);
}

BOOST_AUTO_TEST_CASE(holders_in_add_order)
{
    BOOST_REQUIRE(Hold("10.1.0.10", NS_C, ETH0, 16));
    BOOST_REQUIRE(Hold("10.1.0.10", NS_A, ETH0, 16));
    BOOST_REQUIRE(Hold("10.1.0.10", NS_B, ETH0, 16));

    const std::vector<uint32_t> expected{NS_C, NS_A, NS_B};
    BOOST_TEST(HolderNamespaces("10.1.0.10") == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(readded_holder_goes_last)
{
    BOOST_REQUIRE(Hold("10.1.0.10", NS_A, ETH0, 16));
    BOOST_REQUIRE(Hold("10.1.0.10", NS_B, ETH0, 16));
    BOOST_REQUIRE(Drop("10.1.0.10", NS_A, ETH0, 16));
    BOOST_REQUIRE(Hold("10.1.0.10", NS_A, ETH0, 16));

    const std::vector<uint32_t> expected{NS_B, NS_A};
    BOOST_TEST(HolderNamespaces("10.1.0.10") == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(remove_one_holder)
{
    BOOST_REQUIRE(Hold("10.1.0.10", NS_A, ETH0, 16));
    BOOST_REQUIRE(Hold("10.1.0.10", NS_B, ETH0, 16));

    BOOST_TEST(Drop("10.1.0.10", NS_A, ETH0, 16));

    BOOST_TEST(!registry.IsHeldBy(Ipv4Address("10.1.0.10"), NS_A));
    BOOST_TEST(registry.IsHeldBy(Ipv4Address("10.1.0.10"), NS_B));
    BOOST_TEST(registry.IsHeldAnywhere(Ipv4Address("10.1.0.10")));
}

BOOST_AUTO_TEST_CASE(remove_last_holder)
{
    BOOST_REQUIRE(Hold("10.1.0.10", NS_A, ETH0, 16));

    BOOST_TEST(Drop("10.1.0.10", NS_A, ETH0, 16));

    BOOST_TEST(!registry.IsHeldAnywhere(Ipv4Address("10.1.0.10")));
    BOOST_TEST(registry.GetHolders(Ipv4Address("10.1.0.10")).empty());
}

BOOST_AUTO_TEST_CASE(remove_unknown_returns_false)
{
    BOOST_REQUIRE(Hold("10.1.0.10", NS_A, ETH0, 16));

    BOOST_TEST(!Drop("10.1.0.11", NS_A, ETH0, 16));
    BOOST_TEST(!Drop("10.1.0.10", NS_B, ETH0, 16));
    BOOST_TEST(!Drop("10.1.0.10", NS_A, ETH1, 16));
    BOOST_TEST(registry.IsHeldBy(Ipv4Address("10.1.0.10"), NS_A));
}

BOOST_AUTO_TEST_CASE(remove_twice_returns_false)
{
    BOOST_REQUIRE(Hold("10.1.0.10", NS_A, ETH0, 16));
    BOOST_REQUIRE(Drop("10.1.0.10", NS_A, ETH0, 16));

    BOOST_TEST(!Drop("10.1.0.10", NS_A, ETH0, 16));
}

BOOST_AUTO_TEST_CASE(remove_namespace_drops_only_its_addresses)
{
    BOOST_REQUIRE(Hold("10.1.0.10", NS_A, ETH0, 16));
    BOOST_REQUIRE(Hold("10.1.0.10", NS_A, ETH1, 16));
    BOOST_REQUIRE(Hold("192.0.2.1", NS_A, ETH1, 24));
    BOOST_REQUIRE(Hold("10.1.0.10", NS_B, ETH0, 16));
    BOOST_REQUIRE(Hold("10.1.0.11", NS_B, ETH0, 16));

    const std::size_t removed = registry.RemoveNamespace(NS_A);

    BOOST_TEST(removed == 3u);
    BOOST_TEST(!registry.IsHeldBy(Ipv4Address("10.1.0.10"), NS_A));
    BOOST_TEST(!registry.IsHeldAnywhere(Ipv4Address("192.0.2.1")));
    BOOST_TEST(registry.IsHeldBy(Ipv4Address("10.1.0.10"), NS_B));
    BOOST_TEST(registry.IsHeldBy(Ipv4Address("10.1.0.11"), NS_B));
    BOOST_TEST(registry.GetHolders(Ipv4Address("10.1.0.10")).size() == 1u);
}

BOOST_AUTO_TEST_CASE(remove_namespace_drops_broadcast_membership)
{
    BOOST_REQUIRE(Hold("10.1.0.10", NS_A, ETH0, 16));
    BOOST_REQUIRE(Hold("10.1.0.11", NS_B, ETH0, 16));
    BOOST_REQUIRE(Hold("192.0.2.1", NS_A, ETH1, 24));

    BOOST_REQUIRE(registry.RemoveNamespace(NS_A) == 2u);

    const std::vector<uint32_t> expected{NS_B};
    BOOST_TEST(Members("10.1.255.255") == expected, boost::test_tools::per_element());
    BOOST_TEST(!registry.IsSubnetBroadcastOf(Ipv4Address("10.1.255.255"), NS_A));
    BOOST_TEST(!registry.IsSubnetBroadcast(Ipv4Address("192.0.2.255")));
}

BOOST_AUTO_TEST_CASE(remove_namespace_twice)
{
    BOOST_REQUIRE(Hold("10.1.0.10", NS_A, ETH0, 16));
    BOOST_REQUIRE(registry.RemoveNamespace(NS_A) == 1u);

    BOOST_TEST(registry.RemoveNamespace(NS_A) == 0u);
    BOOST_TEST(registry.RemoveNamespace(NS_C) == 0u);
}

BOOST_AUTO_TEST_CASE(namespace_can_add_again_after_removal)
{
    BOOST_REQUIRE(Hold("10.1.0.10", NS_A, ETH0, 16));
    BOOST_REQUIRE(registry.RemoveNamespace(NS_A) == 1u);

    BOOST_TEST(Hold("10.1.0.10", NS_A, ETH0, 16));
    BOOST_TEST(registry.IsHeldBy(Ipv4Address("10.1.0.10"), NS_A));
    BOOST_TEST(registry.RemoveNamespace(NS_A) == 1u);
}

BOOST_AUTO_TEST_CASE(subnet_broadcast_of_slash_16)
{
    BOOST_REQUIRE(Hold("10.1.0.10", NS_A, ETH0, 16));

    BOOST_TEST(registry.IsSubnetBroadcast(Ipv4Address("10.1.255.255")));
    BOOST_TEST(registry.IsSubnetBroadcastOf(Ipv4Address("10.1.255.255"), NS_A));
    BOOST_TEST(!registry.IsSubnetBroadcastOf(Ipv4Address("10.1.255.255"), NS_B));
    BOOST_TEST(!registry.IsSubnetBroadcast(Ipv4Address("10.1.0.255")));
    BOOST_TEST(!registry.IsSubnetBroadcast(Ipv4Address("255.255.255.255")));
}

BOOST_AUTO_TEST_CASE(subnet_broadcast_of_slash_30)
{
    BOOST_REQUIRE(Hold("198.51.100.1", NS_A, ETH0, 30));

    BOOST_TEST(registry.IsSubnetBroadcast(Ipv4Address("198.51.100.3")));
    BOOST_TEST(!registry.IsSubnetBroadcast(Ipv4Address("198.51.100.255")));
}

BOOST_AUTO_TEST_CASE(broadcast_members_in_join_order)
{
    BOOST_REQUIRE(Hold("10.1.0.12", NS_C, ETH0, 16));
    BOOST_REQUIRE(Hold("10.1.0.10", NS_A, ETH0, 16));
    BOOST_REQUIRE(Hold("10.1.0.11", NS_B, ETH0, 16));

    const std::vector<uint32_t> expected{NS_C, NS_A, NS_B};
    BOOST_TEST(Members("10.1.255.255") == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(broadcast_member_listed_once)
{
    BOOST_REQUIRE(Hold("10.1.0.10", NS_A, ETH0, 16));
    BOOST_REQUIRE(Hold("10.1.0.11", NS_B, ETH0, 16));
    BOOST_REQUIRE(Hold("10.1.0.20", NS_A, ETH0, 16));
    BOOST_REQUIRE(Hold("10.1.0.30", NS_A, ETH1, 16));

    const std::vector<uint32_t> expected{NS_A, NS_B};
    BOOST_TEST(Members("10.1.255.255") == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(broadcast_needs_matching_prefix)
{
    BOOST_REQUIRE(Hold("10.1.0.10", NS_A, ETH0, 16));
    BOOST_REQUIRE(Hold("10.1.0.11", NS_B, ETH0, 24));

    const std::vector<uint32_t> wide{NS_A};
    const std::vector<uint32_t> narrow{NS_B};
    BOOST_TEST(Members("10.1.255.255") == wide, boost::test_tools::per_element());
    BOOST_TEST(Members("10.1.0.255") == narrow, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(broadcast_member_kept_by_other_address)
{
    BOOST_REQUIRE(Hold("10.1.0.10", NS_A, ETH0, 16));
    BOOST_REQUIRE(Hold("10.1.0.20", NS_A, ETH0, 16));

    BOOST_REQUIRE(Drop("10.1.0.10", NS_A, ETH0, 16));

    BOOST_TEST(registry.IsSubnetBroadcastOf(Ipv4Address("10.1.255.255"), NS_A));

    BOOST_REQUIRE(Drop("10.1.0.20", NS_A, ETH0, 16));

    BOOST_TEST(!registry.IsSubnetBroadcastOf(Ipv4Address("10.1.255.255"), NS_A));
    BOOST_TEST(!registry.IsSubnetBroadcast(Ipv4Address("10.1.255.255")));
}

// RFC 3021: a /31 is a point-to-point link whose two addresses are both hosts.
BOOST_AUTO_TEST_CASE(slash_31_has_no_broadcast)
{
    BOOST_REQUIRE(Hold("198.51.100.0", NS_A, ETH0, 31));
    BOOST_REQUIRE(Hold("198.51.100.1", NS_B, ETH0, 31));

    BOOST_TEST(!registry.IsSubnetBroadcast(Ipv4Address("198.51.100.1")));
    BOOST_TEST(!registry.IsSubnetBroadcast(Ipv4Address("198.51.100.0")));
    BOOST_TEST(Members("198.51.100.1").empty());
    BOOST_TEST(registry.IsHeldBy(Ipv4Address("198.51.100.1"), NS_B));
}

BOOST_AUTO_TEST_CASE(slash_32_has_no_broadcast)
{
    BOOST_REQUIRE(Hold("203.0.113.9", NS_A, ETH0, 32));

    BOOST_TEST(!registry.IsSubnetBroadcast(Ipv4Address("203.0.113.9")));
    BOOST_TEST(!registry.IsSubnetBroadcastOf(Ipv4Address("203.0.113.9"), NS_A));
    BOOST_TEST(Members("203.0.113.9").empty());
}

BOOST_AUTO_TEST_CASE(remove_slash_32_address)
{
    BOOST_REQUIRE(Hold("203.0.113.9", NS_A, ETH0, 32));

    BOOST_TEST(Drop("203.0.113.9", NS_A, ETH0, 32));
    BOOST_TEST(!registry.IsHeldAnywhere(Ipv4Address("203.0.113.9")));
}

BOOST_AUTO_TEST_CASE(find_holder_without_filter_is_earliest)
{
    BOOST_REQUIRE(Hold("10.1.0.10", NS_B, ETH0, 16));
    BOOST_REQUIRE(Hold("10.1.0.10", NS_A, ETH0, 16));

    const auto holder = registry.FindHolder(Ipv4Address("10.1.0.10"), {});

    BOOST_REQUIRE(holder.has_value());
    BOOST_TEST(*holder == NS_B);
}

BOOST_AUTO_TEST_CASE(find_holder_skips_ineligible)
{
    BOOST_REQUIRE(Hold("10.1.0.10", NS_B, ETH0, 16));
    BOOST_REQUIRE(Hold("10.1.0.10", NS_A, ETH0, 16));
    BOOST_REQUIRE(Hold("10.1.0.10", NS_C, ETH0, 16));

    const auto holder = registry.FindHolder(Ipv4Address("10.1.0.10"), AllBut{NS_B});

    BOOST_REQUIRE(holder.has_value());
    BOOST_TEST(*holder == NS_A);
}

BOOST_AUTO_TEST_CASE(find_holder_none_eligible)
{
    BOOST_REQUIRE(Hold("10.1.0.10", NS_A, ETH0, 16));

    const auto holder = registry.FindHolder(Ipv4Address("10.1.0.10"), AllBut{NS_A});

    BOOST_TEST(!holder.has_value());
}

BOOST_AUTO_TEST_CASE(find_holder_unknown_address)
{
    BOOST_REQUIRE(Hold("10.1.0.10", NS_A, ETH0, 16));

    BOOST_TEST(!registry.FindHolder(Ipv4Address("10.1.0.11"), {}).has_value());
}

BOOST_AUTO_TEST_CASE(find_holder_after_earliest_removed)
{
    BOOST_REQUIRE(Hold("10.1.0.10", NS_A, ETH0, 16));
    BOOST_REQUIRE(Hold("10.1.0.10", NS_B, ETH0, 16));
    BOOST_REQUIRE(Drop("10.1.0.10", NS_A, ETH0, 16));

    const auto holder = registry.FindHolder(Ipv4Address("10.1.0.10"), {});

    BOOST_REQUIRE(holder.has_value());
    BOOST_TEST(*holder == NS_B);
}

BOOST_AUTO_TEST_SUITE_END()
