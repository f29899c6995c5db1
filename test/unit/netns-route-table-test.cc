/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Unit tests of RouteTable: "ip route add" and the kernel's connected-route
 * append, "ip route del" selectors, longest prefix match with metric and
 * age order, and the listing order of "ip route show".
 */
#include "ns3/netns-route-table.h"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cerrno>
#include <functional>
#include <ostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace bdata = boost::unit_test::data;
using ns3::Ipv4Address;
using ns3::netns::ErrnoName;
using ns3::netns::PrefixToMask;
using ns3::netns::Route;
using ns3::netns::RouteProtocol;
using ns3::netns::RouteScope;
using ns3::netns::RouteSelector;
using ns3::netns::RouteTable;
using ns3::netns::Status;

namespace
{

/// A route table and helpers that build routes.
struct RouteTableFixture
{
    RouteTable table;

    /** @return an on-link route to a prefix through device 1, metric 0 */
    static Route OnLink(const char* destination, uint8_t prefixLength)
    {
        Route route;
        route.destination = Ipv4Address(destination);
        route.prefixLength = prefixLength;
        route.ifindex = 1;
        route.scope = RouteScope::Link;
        return route;
    }

    /** @return a route to a prefix through a gateway on device 1 */
    static Route Via(const char* destination,
                     uint8_t prefixLength,
                     const char* gateway,
                     uint32_t metric = 0)
    {
        Route route;
        route.destination = Ipv4Address(destination);
        route.prefixLength = prefixLength;
        route.gateway = Ipv4Address(gateway);
        route.ifindex = 1;
        route.metric = metric;
        return route;
    }

    /** @return a selector naming only a prefix, as "ip route del 10.2.0.0/24" does */
    static RouteSelector Prefix(const char* destination, uint8_t prefixLength)
    {
        RouteSelector selector;
        selector.destination = Ipv4Address(destination);
        selector.prefixLength = prefixLength;
        return selector;
    }

    /** @return the gateway of the route Lookup picks, or 255.255.255.255 when none */
    Ipv4Address GatewayFor(const char* destination,
                           const RouteTable::UsableFilter& usable = {}) const
    {
        auto route = table.Lookup(Ipv4Address(destination), usable);
        return route ? route->gateway : Ipv4Address::GetBroadcast();
    }
};

/// A route with every field that "ip route del" can select on set.
Route
SelectableRoute()
{
    Route route;
    route.destination = Ipv4Address("10.2.0.0");
    route.prefixLength = 24;
    route.gateway = Ipv4Address("10.1.0.1");
    route.ifindex = 2;
    route.preferredSource = Ipv4Address("10.1.0.10");
    route.metric = 100;
    route.protocol = RouteProtocol::Static;
    return route;
}

/// One selector field, set once to the route's value and once to another.
struct SelectorRow
{
    std::string label;                            //!< the field
    std::function<void(RouteSelector&)> match;    //!< sets the field to the route's value
    std::function<void(RouteSelector&)> mismatch; //!< sets the field to another value
};

std::ostream&
operator<<(std::ostream& os, const SelectorRow& row)
{
    return os << row.label;
}

const std::vector<SelectorRow> SELECTOR_FIELDS{
    {"destination",
     [](RouteSelector&) {},
     [](RouteSelector& s) { s.destination = Ipv4Address("10.3.0.0"); }},
    {"prefix length", [](RouteSelector&) {}, [](RouteSelector& s) { s.prefixLength = 16; }},
    {"gateway",
     [](RouteSelector& s) { s.gateway = Ipv4Address("10.1.0.1"); },
     [](RouteSelector& s) { s.gateway = Ipv4Address("10.1.0.254"); }},
    {"device", [](RouteSelector& s) { s.ifindex = 2; }, [](RouteSelector& s) { s.ifindex = 3; }},
    {"metric", [](RouteSelector& s) { s.metric = 100; }, [](RouteSelector& s) { s.metric = 0; }},
    {"preferred source",
     [](RouteSelector& s) { s.preferredSource = Ipv4Address("10.1.0.10"); },
     [](RouteSelector& s) { s.preferredSource = Ipv4Address("10.1.0.11"); }},
    {"protocol",
     [](RouteSelector& s) { s.protocol = RouteProtocol::Static; },
     [](RouteSelector& s) { s.protocol = RouteProtocol::Boot; }},
};

/** @return "10.1.0.0/24 metric 10 via 10.1.0.1" for readable list comparisons */
std::string
Describe(const Route& route)
{
    std::ostringstream os;
    os << route.destination << "/" << unsigned{route.prefixLength} << " metric " << route.metric
       << " via " << route.gateway;
    return os.str();
}

/** @return the descriptions of routes in order */
std::vector<std::string>
Describe(const std::vector<Route>& routes)
{
    std::vector<std::string> lines;
    for (const Route& route : routes)
    {
        lines.push_back(Describe(route));
    }
    return lines;
}

} // namespace

BOOST_AUTO_TEST_SUITE(netns_route_table)

BOOST_AUTO_TEST_CASE(prefix_to_mask)
{
    BOOST_TEST(PrefixToMask(0) == 0x00000000u);
    BOOST_TEST(PrefixToMask(1) == 0x80000000u);
    BOOST_TEST(PrefixToMask(8) == 0xff000000u);
    BOOST_TEST(PrefixToMask(24) == 0xffffff00u);
    BOOST_TEST(PrefixToMask(31) == 0xfffffffeu);
    BOOST_TEST(PrefixToMask(32) == 0xffffffffu);
}

BOOST_AUTO_TEST_CASE(route_covers)
{
    const Route lan = RouteTableFixture::OnLink("10.1.0.0", 16);
    const Route any = RouteTableFixture::OnLink("0.0.0.0", 0);
    const Route host = RouteTableFixture::OnLink("10.1.0.10", 32);

    BOOST_TEST(lan.Covers(Ipv4Address("10.1.255.255")));
    BOOST_TEST(!lan.Covers(Ipv4Address("10.2.0.0")));
    BOOST_TEST(any.Covers(Ipv4Address("203.0.113.7")));
    BOOST_TEST(host.Covers(Ipv4Address("10.1.0.10")));
    BOOST_TEST(!host.Covers(Ipv4Address("10.1.0.11")));
}

BOOST_AUTO_TEST_CASE(route_has_gateway)
{
    BOOST_TEST(!RouteTableFixture::OnLink("10.1.0.0", 16).HasGateway());
    BOOST_TEST(RouteTableFixture::Via("10.2.0.0", 24, "10.1.0.1").HasGateway());
}

BOOST_FIXTURE_TEST_CASE(add_then_lookup, RouteTableFixture)
{
    const Status added = table.Add(Via("10.2.0.0", 24, "10.1.0.1"));

    BOOST_TEST(added.IsOk());
    BOOST_TEST(table.GetSize() == 1u);
    BOOST_TEST(GatewayFor("10.2.0.77") == Ipv4Address("10.1.0.1"));
}

BOOST_FIXTURE_TEST_CASE(lookup_empty_table, RouteTableFixture)
{
    BOOST_TEST(!table.Lookup(Ipv4Address("10.2.0.1"), {}).has_value());
}

BOOST_FIXTURE_TEST_CASE(add_same_prefix_and_metric_eexist, RouteTableFixture)
{
    BOOST_REQUIRE(table.Add(Via("10.2.0.0", 24, "10.1.0.1")).IsOk());

    const Status second = table.Add(Via("10.2.0.0", 24, "10.1.0.254"));

    BOOST_TEST(!second.IsOk());
    BOOST_TEST(ErrnoName(second.GetErrno()) == "EEXIST");
    BOOST_TEST(second.GetMessage() == "route to 10.2.0.0/24 with metric 0 already exists");
    BOOST_TEST(table.GetSize() == 1u);
}

BOOST_FIXTURE_TEST_CASE(add_identical_route_eexist, RouteTableFixture)
{
    BOOST_REQUIRE(table.Add(Via("10.2.0.0", 24, "10.1.0.1")).IsOk());

    const Status second = table.Add(Via("10.2.0.0", 24, "10.1.0.1"));

    BOOST_TEST(!second.IsOk());
    BOOST_TEST(ErrnoName(second.GetErrno()) == "EEXIST");
}

BOOST_FIXTURE_TEST_CASE(add_other_metric_coexists, RouteTableFixture)
{
    BOOST_REQUIRE(table.Add(Via("10.2.0.0", 24, "10.1.0.1", 0)).IsOk());

    const Status second = table.Add(Via("10.2.0.0", 24, "10.1.0.254", 10));

    BOOST_TEST(second.IsOk());
    BOOST_TEST(table.GetSize() == 2u);
}

BOOST_FIXTURE_TEST_CASE(add_other_prefix_length_coexists, RouteTableFixture)
{
    BOOST_REQUIRE(table.Add(Via("10.2.0.0", 24, "10.1.0.1")).IsOk());

    const Status second = table.Add(Via("10.2.0.0", 16, "10.1.0.1"));

    BOOST_TEST(second.IsOk());
    BOOST_TEST(table.GetSize() == 2u);
}

BOOST_FIXTURE_TEST_CASE(add_host_bits_einval, RouteTableFixture)
{
    const Status added = table.Add(Via("10.2.0.5", 24, "10.1.0.1"));

    BOOST_TEST(!added.IsOk());
    BOOST_TEST(ErrnoName(added.GetErrno()) == "EINVAL");
    BOOST_TEST(added.GetMessage() == "invalid prefix 10.2.0.5/24: host bits are set");
    BOOST_TEST(table.GetSize() == 0u);
}

BOOST_FIXTURE_TEST_CASE(add_default_with_host_bits_einval, RouteTableFixture)
{
    const Status added = table.Add(Via("10.0.0.1", 0, "10.1.0.1"));

    BOOST_TEST(!added.IsOk());
    BOOST_TEST(ErrnoName(added.GetErrno()) == "EINVAL");
}

BOOST_FIXTURE_TEST_CASE(add_prefix_33_einval, RouteTableFixture)
{
    const Status added = table.Add(OnLink("10.1.0.10", 33));

    BOOST_TEST(!added.IsOk());
    BOOST_TEST(ErrnoName(added.GetErrno()) == "EINVAL");
    BOOST_TEST(added.GetMessage() == "invalid prefix length 33: the maximum is 32");
    BOOST_TEST(table.GetSize() == 0u);
}

BOOST_FIXTURE_TEST_CASE(append_host_bits_einval, RouteTableFixture)
{
    const Status appended = table.Append(OnLink("10.1.0.10", 16));

    BOOST_TEST(!appended.IsOk());
    BOOST_TEST(ErrnoName(appended.GetErrno()) == "EINVAL");
    BOOST_TEST(table.GetSize() == 0u);
}

BOOST_FIXTURE_TEST_CASE(append_same_metric_coexists, RouteTableFixture)
{
    Route first = OnLink("10.1.0.0", 16);
    first.preferredSource = Ipv4Address("10.1.0.10");
    Route second = first;
    second.preferredSource = Ipv4Address("10.1.0.11");

    BOOST_TEST(table.Append(first).IsOk());
    BOOST_TEST(table.Append(second).IsOk());
    BOOST_TEST(table.GetSize() == 2u);
}

BOOST_FIXTURE_TEST_CASE(append_identical_eexist, RouteTableFixture)
{
    Route route = OnLink("10.1.0.0", 16);
    route.protocol = RouteProtocol::Kernel;
    BOOST_REQUIRE(table.Append(route).IsOk());

    const Status second = table.Append(route);

    BOOST_TEST(!second.IsOk());
    BOOST_TEST(ErrnoName(second.GetErrno()) == "EEXIST");
    BOOST_TEST(second.GetMessage() == "identical route to 10.1.0.0/16 already exists");
    BOOST_TEST(table.GetSize() == 1u);
}

// The owner records which namespace added a route. The kernel has no such
// field, so a route that differs only in its owner is a duplicate.
BOOST_FIXTURE_TEST_CASE(append_differing_owner_eexist, RouteTableFixture)
{
    Route route = OnLink("10.1.0.0", 16);
    route.owner = 1;
    BOOST_REQUIRE(table.Append(route).IsOk());
    route.owner = 2;

    const Status second = table.Append(route);

    BOOST_TEST(!second.IsOk());
    BOOST_TEST(ErrnoName(second.GetErrno()) == "EEXIST");
}

BOOST_FIXTURE_TEST_CASE(add_after_append_same_metric_eexist, RouteTableFixture)
{
    BOOST_REQUIRE(table.Append(OnLink("10.1.0.0", 16)).IsOk());

    const Status added = table.Add(Via("10.1.0.0", 16, "10.1.0.1"));

    BOOST_TEST(!added.IsOk());
    BOOST_TEST(ErrnoName(added.GetErrno()) == "EEXIST");
}

BOOST_FIXTURE_TEST_CASE(delete_empty_table_esrch, RouteTableFixture)
{
    const Status deleted = table.Delete(Prefix("10.2.0.0", 24));

    BOOST_TEST(!deleted.IsOk());
    BOOST_TEST(ErrnoName(deleted.GetErrno()) == "ESRCH");
    BOOST_TEST(deleted.GetMessage() == "no route to 10.2.0.0/24 matches");
}

BOOST_FIXTURE_TEST_CASE(delete_prefix_33_esrch, RouteTableFixture)
{
    BOOST_REQUIRE(table.Add(OnLink("10.1.0.10", 32)).IsOk());

    const Status deleted = table.Delete(Prefix("10.1.0.10", 33));

    BOOST_TEST(!deleted.IsOk());
    BOOST_TEST(ErrnoName(deleted.GetErrno()) == "ESRCH");
    BOOST_TEST(table.GetSize() == 1u);
}

BOOST_DATA_TEST_CASE_F(RouteTableFixture,
                       delete_selector_mismatch_esrch,
                       bdata::make(SELECTOR_FIELDS),
                       row)
{
    BOOST_REQUIRE(table.Add(SelectableRoute()).IsOk());
    RouteSelector selector = Prefix("10.2.0.0", 24);
    row.mismatch(selector);

    const Status deleted = table.Delete(selector);

    BOOST_TEST(!deleted.IsOk());
    BOOST_TEST(ErrnoName(deleted.GetErrno()) == "ESRCH");
    BOOST_TEST(table.GetSize() == 1u);
}

BOOST_DATA_TEST_CASE_F(RouteTableFixture, delete_selector_match, bdata::make(SELECTOR_FIELDS), row)
{
    BOOST_REQUIRE(table.Add(SelectableRoute()).IsOk());
    RouteSelector selector = Prefix("10.2.0.0", 24);
    row.match(selector);

    const Status deleted = table.Delete(selector);

    BOOST_TEST(deleted.IsOk());
    BOOST_TEST(table.GetSize() == 0u);
    BOOST_TEST(!table.Lookup(Ipv4Address("10.2.0.1"), {}).has_value());
}

BOOST_FIXTURE_TEST_CASE(delete_all_fields_match, RouteTableFixture)
{
    BOOST_REQUIRE(table.Add(SelectableRoute()).IsOk());
    RouteSelector selector = Prefix("10.2.0.0", 24);
    for (const SelectorRow& row : SELECTOR_FIELDS)
    {
        row.match(selector);
    }

    const Status deleted = table.Delete(selector);

    BOOST_TEST(deleted.IsOk());
    BOOST_TEST(table.GetSize() == 0u);
}

BOOST_FIXTURE_TEST_CASE(delete_prefix_removes_first_alias, RouteTableFixture)
{
    BOOST_REQUIRE(table.Add(Via("10.2.0.0", 24, "10.1.0.2", 20)).IsOk());
    BOOST_REQUIRE(table.Add(Via("10.2.0.0", 24, "10.1.0.1", 10)).IsOk());

    const Status deleted = table.Delete(Prefix("10.2.0.0", 24));

    BOOST_TEST(deleted.IsOk());
    BOOST_TEST(table.GetSize() == 1u);
    BOOST_TEST(GatewayFor("10.2.0.1") == Ipv4Address("10.1.0.2"));
}

BOOST_FIXTURE_TEST_CASE(delete_by_gateway_picks_alias, RouteTableFixture)
{
    BOOST_REQUIRE(table.Append(Via("10.2.0.0", 24, "10.1.0.1")).IsOk());
    BOOST_REQUIRE(table.Append(Via("10.2.0.0", 24, "10.1.0.2")).IsOk());
    RouteSelector selector = Prefix("10.2.0.0", 24);
    selector.gateway = Ipv4Address("10.1.0.2");

    const Status deleted = table.Delete(selector);

    BOOST_TEST(deleted.IsOk());
    BOOST_TEST(table.GetSize() == 1u);
    BOOST_TEST(GatewayFor("10.2.0.1") == Ipv4Address("10.1.0.1"));
}

BOOST_FIXTURE_TEST_CASE(delete_twice_esrch, RouteTableFixture)
{
    BOOST_REQUIRE(table.Add(Via("10.2.0.0", 24, "10.1.0.1")).IsOk());
    BOOST_REQUIRE(table.Delete(Prefix("10.2.0.0", 24)).IsOk());

    const Status again = table.Delete(Prefix("10.2.0.0", 24));

    BOOST_TEST(!again.IsOk());
    BOOST_TEST(ErrnoName(again.GetErrno()) == "ESRCH");
}

BOOST_FIXTURE_TEST_CASE(delete_then_add_again, RouteTableFixture)
{
    BOOST_REQUIRE(table.Add(Via("10.2.0.0", 24, "10.1.0.1")).IsOk());
    BOOST_REQUIRE(table.Delete(Prefix("10.2.0.0", 24)).IsOk());

    const Status added = table.Add(Via("10.2.0.0", 24, "10.1.0.2"));

    BOOST_TEST(added.IsOk());
    BOOST_TEST(GatewayFor("10.2.0.1") == Ipv4Address("10.1.0.2"));
}

BOOST_FIXTURE_TEST_CASE(delete_if_by_owner, RouteTableFixture)
{
    const std::vector<std::pair<uint32_t, uint32_t>> ownerAndMetric{{1, 0}, {2, 10}, {1, 20}};
    for (const auto& [owner, metric] : ownerAndMetric)
    {
        Route route = Via("10.2.0.0", 24, "10.1.0.1", metric);
        route.owner = owner;
        BOOST_REQUIRE(table.Add(route).IsOk());
    }
    Route other = OnLink("10.1.0.0", 16);
    other.owner = 1;
    BOOST_REQUIRE(table.Add(other).IsOk());

    const std::size_t deleted = table.DeleteIf([](const Route& r) { return r.owner == 1; });

    BOOST_TEST(deleted == 3u);
    BOOST_TEST(table.GetSize() == 1u);
    BOOST_TEST(table.List().size() == 1u);
    BOOST_TEST(table.List().front().owner == 2u);
    BOOST_TEST(!table.Lookup(Ipv4Address("10.1.0.5"), {}).has_value());
}

BOOST_FIXTURE_TEST_CASE(delete_if_nothing_matches, RouteTableFixture)
{
    BOOST_REQUIRE(table.Add(Via("10.2.0.0", 24, "10.1.0.1")).IsOk());

    const std::size_t deleted = table.DeleteIf([](const Route&) { return false; });

    BOOST_TEST(deleted == 0u);
    BOOST_TEST(table.GetSize() == 1u);
}

BOOST_FIXTURE_TEST_CASE(longest_prefix_wins, RouteTableFixture)
{
    BOOST_REQUIRE(table.Add(Via("0.0.0.0", 0, "10.9.0.0")).IsOk());
    BOOST_REQUIRE(table.Add(Via("10.0.0.0", 8, "10.9.0.8")).IsOk());
    BOOST_REQUIRE(table.Add(Via("10.2.0.0", 16, "10.9.0.16")).IsOk());
    BOOST_REQUIRE(table.Add(Via("10.2.3.0", 24, "10.9.0.24")).IsOk());
    BOOST_REQUIRE(table.Add(Via("10.2.3.4", 32, "10.9.0.32")).IsOk());

    BOOST_TEST(GatewayFor("10.2.3.4") == Ipv4Address("10.9.0.32"));
    BOOST_TEST(GatewayFor("10.2.3.5") == Ipv4Address("10.9.0.24"));
    BOOST_TEST(GatewayFor("10.2.4.4") == Ipv4Address("10.9.0.16"));
    BOOST_TEST(GatewayFor("10.3.3.4") == Ipv4Address("10.9.0.8"));
    BOOST_TEST(GatewayFor("203.0.113.1") == Ipv4Address("10.9.0.0"));
}

BOOST_FIXTURE_TEST_CASE(longest_prefix_wins_over_metric, RouteTableFixture)
{
    BOOST_REQUIRE(table.Add(Via("10.2.0.0", 16, "10.9.0.16", 0)).IsOk());
    BOOST_REQUIRE(table.Add(Via("10.2.3.0", 24, "10.9.0.24", 1000)).IsOk());

    BOOST_TEST(GatewayFor("10.2.3.1") == Ipv4Address("10.9.0.24"));
}

BOOST_FIXTURE_TEST_CASE(default_route_matches_everything, RouteTableFixture)
{
    BOOST_REQUIRE(table.Add(Via("0.0.0.0", 0, "10.1.0.1")).IsOk());

    BOOST_TEST(GatewayFor("0.0.0.0") == Ipv4Address("10.1.0.1"));
    BOOST_TEST(GatewayFor("127.0.0.1") == Ipv4Address("10.1.0.1"));
    BOOST_TEST(GatewayFor("255.255.255.255") == Ipv4Address("10.1.0.1"));
}

BOOST_FIXTURE_TEST_CASE(host_route_matches_one_address, RouteTableFixture)
{
    BOOST_REQUIRE(table.Add(Via("10.1.0.10", 32, "10.1.0.1")).IsOk());

    BOOST_TEST(table.Lookup(Ipv4Address("10.1.0.10"), {}).has_value());
    BOOST_TEST(!table.Lookup(Ipv4Address("10.1.0.11"), {}).has_value());
    BOOST_TEST(!table.Lookup(Ipv4Address("10.1.0.9"), {}).has_value());
}

BOOST_FIXTURE_TEST_CASE(lowest_metric_wins, RouteTableFixture)
{
    BOOST_REQUIRE(table.Add(Via("10.2.0.0", 24, "10.1.0.100", 100)).IsOk());
    BOOST_REQUIRE(table.Add(Via("10.2.0.0", 24, "10.1.0.10", 10)).IsOk());
    BOOST_REQUIRE(table.Add(Via("10.2.0.0", 24, "10.1.0.50", 50)).IsOk());

    BOOST_TEST(GatewayFor("10.2.0.1") == Ipv4Address("10.1.0.10"));
}

BOOST_FIXTURE_TEST_CASE(oldest_alias_wins_at_equal_metric, RouteTableFixture)
{
    BOOST_REQUIRE(table.Append(Via("10.2.0.0", 24, "10.1.0.1")).IsOk());
    BOOST_REQUIRE(table.Append(Via("10.2.0.0", 24, "10.1.0.2")).IsOk());
    BOOST_REQUIRE(table.Append(Via("10.2.0.0", 24, "10.1.0.3")).IsOk());

    BOOST_TEST(GatewayFor("10.2.0.1") == Ipv4Address("10.1.0.1"));
}

BOOST_FIXTURE_TEST_CASE(next_alias_after_oldest_deleted, RouteTableFixture)
{
    BOOST_REQUIRE(table.Append(Via("10.2.0.0", 24, "10.1.0.1")).IsOk());
    BOOST_REQUIRE(table.Append(Via("10.2.0.0", 24, "10.1.0.2")).IsOk());
    RouteSelector selector = Prefix("10.2.0.0", 24);
    selector.gateway = Ipv4Address("10.1.0.1");
    BOOST_REQUIRE(table.Delete(selector).IsOk());

    BOOST_TEST(GatewayFor("10.2.0.1") == Ipv4Address("10.1.0.2"));
}

BOOST_FIXTURE_TEST_CASE(usable_filter_skips_alias, RouteTableFixture)
{
    BOOST_REQUIRE(table.Add(Via("10.2.0.0", 24, "10.1.0.1", 0)).IsOk());
    BOOST_REQUIRE(table.Add(Via("10.2.0.0", 24, "10.1.0.2", 10)).IsOk());
    auto skipFirst = [](const Route& r) { return r.gateway != Ipv4Address("10.1.0.1"); };

    BOOST_TEST(GatewayFor("10.2.0.1", skipFirst) == Ipv4Address("10.1.0.2"));
}

BOOST_FIXTURE_TEST_CASE(usable_filter_falls_back_to_shorter_prefix, RouteTableFixture)
{
    BOOST_REQUIRE(table.Add(Via("0.0.0.0", 0, "10.1.0.254")).IsOk());
    Route downDevice = Via("10.2.0.0", 24, "10.1.0.1");
    downDevice.ifindex = 7;
    BOOST_REQUIRE(table.Add(downDevice).IsOk());
    auto skipDevice7 = [](const Route& r) { return r.ifindex != 7; };

    BOOST_TEST(GatewayFor("10.2.0.1", skipDevice7) == Ipv4Address("10.1.0.254"));
}

BOOST_FIXTURE_TEST_CASE(usable_filter_rejects_all, RouteTableFixture)
{
    BOOST_REQUIRE(table.Add(Via("0.0.0.0", 0, "10.1.0.254")).IsOk());
    BOOST_REQUIRE(table.Add(Via("10.2.0.0", 24, "10.1.0.1")).IsOk());

    const auto route = table.Lookup(Ipv4Address("10.2.0.1"), [](const Route&) { return false; });

    BOOST_TEST(!route.has_value());
}

BOOST_FIXTURE_TEST_CASE(lookup_returns_every_field, RouteTableFixture)
{
    BOOST_REQUIRE(table.Add(SelectableRoute()).IsOk());

    const auto route = table.Lookup(Ipv4Address("10.2.0.200"), {});

    BOOST_REQUIRE(route.has_value());
    BOOST_TEST(route->destination == Ipv4Address("10.2.0.0"));
    BOOST_TEST(unsigned{route->prefixLength} == 24u);
    BOOST_TEST(route->gateway == Ipv4Address("10.1.0.1"));
    BOOST_TEST(route->ifindex == 2u);
    BOOST_TEST(route->preferredSource == Ipv4Address("10.1.0.10"));
    BOOST_TEST(route->metric == 100u);
    BOOST_TEST(static_cast<int>(route->protocol) == static_cast<int>(RouteProtocol::Static));
}

BOOST_FIXTURE_TEST_CASE(list_order, RouteTableFixture)
{
    BOOST_REQUIRE(table.Add(Via("192.168.0.0", 16, "10.1.0.1")).IsOk());
    BOOST_REQUIRE(table.Add(Via("10.1.0.0", 16, "10.1.0.1")).IsOk());
    BOOST_REQUIRE(table.Add(Via("10.1.0.0", 24, "10.1.0.1", 20)).IsOk());
    BOOST_REQUIRE(table.Append(Via("10.1.0.0", 24, "10.1.0.2", 10)).IsOk());
    BOOST_REQUIRE(table.Append(Via("10.1.0.0", 24, "10.1.0.3", 10)).IsOk());
    BOOST_REQUIRE(table.Add(Via("0.0.0.0", 0, "10.1.0.1")).IsOk());
    BOOST_REQUIRE(table.Add(Via("10.0.0.0", 8, "10.1.0.1")).IsOk());
    BOOST_REQUIRE(table.Add(Via("10.1.0.7", 32, "10.1.0.1")).IsOk());

    const std::vector<std::string> expected{
        "0.0.0.0/0 metric 0 via 10.1.0.1",
        "10.0.0.0/8 metric 0 via 10.1.0.1",
        "10.1.0.0/24 metric 10 via 10.1.0.2",
        "10.1.0.0/24 metric 10 via 10.1.0.3",
        "10.1.0.0/24 metric 20 via 10.1.0.1",
        "10.1.0.0/16 metric 0 via 10.1.0.1",
        "10.1.0.7/32 metric 0 via 10.1.0.1",
        "192.168.0.0/16 metric 0 via 10.1.0.1",
    };
    BOOST_TEST(Describe(table.List()) == expected, boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(list_empty, RouteTableFixture)
{
    BOOST_TEST(table.List().empty());
    BOOST_TEST(table.GetSize() == 0u);
}

BOOST_FIXTURE_TEST_CASE(size_tracks_changes, RouteTableFixture)
{
    BOOST_REQUIRE(table.Add(Via("10.2.0.0", 24, "10.1.0.1")).IsOk());
    BOOST_REQUIRE(table.Append(Via("10.2.0.0", 24, "10.1.0.2")).IsOk());
    BOOST_REQUIRE(!table.Add(Via("10.2.0.0", 24, "10.1.0.3")).IsOk());
    BOOST_TEST(table.GetSize() == 2u);

    BOOST_REQUIRE(table.Delete(Prefix("10.2.0.0", 24)).IsOk());
    BOOST_TEST(table.GetSize() == 1u);
    BOOST_TEST(table.List().size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
