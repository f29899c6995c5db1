/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Unit tests of the argument parsing the emulated ip and ifconfig share:
 * keyword abbreviations, IPv4 addresses and prefixes, and numbers.
 */
#include "ns3/netns-command-arguments.h"

#include <boost/test/unit_test.hpp>

using namespace ns3;
using namespace ns3::netns;

BOOST_AUTO_TEST_SUITE(command_arguments)

BOOST_AUTO_TEST_CASE(keywords_match_by_prefix)
{
    BOOST_TEST(MatchesKeyword("a", "address"));
    BOOST_TEST(MatchesKeyword("address", "address"));
    BOOST_TEST(!MatchesKeyword("", "address"));
    BOOST_TEST(!MatchesKeyword("addresses", "address"));
    BOOST_TEST(!MatchesKeyword("x", "address"));
}

BOOST_AUTO_TEST_CASE(addresses_need_four_decimal_parts)
{
    BOOST_TEST(ParseIpv4Address("198.51.100.1").value() == Ipv4Address("198.51.100.1"));
    BOOST_TEST(!ParseIpv4Address("198.51.100"));
    BOOST_TEST(!ParseIpv4Address("198.51.100.256"));
    BOOST_TEST(!ParseIpv4Address("198.51.100.1."));
    BOOST_TEST(!ParseIpv4Address("198.51..1"));
    BOOST_TEST(!ParseIpv4Address("0x1.2.3.4"));
    BOOST_TEST(!ParseIpv4Address(""));
}

BOOST_AUTO_TEST_CASE(prefixes_follow_iproute2)
{
    auto prefix = ParseIpv4Prefix("203.0.113.0/24");
    BOOST_TEST(prefix.has_value());
    BOOST_TEST(prefix->address == Ipv4Address("203.0.113.0"));
    BOOST_TEST(prefix->length == 24);
    BOOST_TEST(prefix->lengthGiven);

    auto host = ParseIpv4Prefix("203.0.113.7");
    BOOST_TEST(host->length == 32);
    BOOST_TEST(!host->lengthGiven);

    auto shortForm = ParseIpv4Prefix("10/8");
    BOOST_TEST(shortForm->address == Ipv4Address("10.0.0.0"));

    auto any = ParseIpv4Prefix("default");
    BOOST_TEST(any->length == 0);
    BOOST_TEST(any->address == Ipv4Address::GetAny());

    BOOST_TEST(!ParseIpv4Prefix("203.0.113.0/33"));
    BOOST_TEST(!ParseIpv4Prefix("203.0.113.0/"));
    BOOST_TEST(!ParseIpv4Prefix("999.1.1.1/24"));
}

BOOST_AUTO_TEST_CASE(numbers_follow_strtoul_base_zero)
{
    BOOST_TEST(ParseUnsigned("1400", 65535).value() == 1400u);
    BOOST_TEST(ParseUnsigned("0x10", 65535).value() == 16u);
    BOOST_TEST(ParseUnsigned("010", 65535).value() == 8u);
    BOOST_TEST(!ParseUnsigned("65536", 65535));
    BOOST_TEST(!ParseUnsigned("-1", 65535));
    BOOST_TEST(!ParseUnsigned("12abc", 65535));
    BOOST_TEST(!ParseUnsigned("", 65535));
    BOOST_TEST(!ParseUnsigned("99999999999999999999999", UINT32_MAX));
}

BOOST_AUTO_TEST_SUITE_END()
