/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Unit tests of the value syntax of scenario scripts: times, data rates,
 * names, and the escaping of script text in error messages.
 */
#include "ns3/netns-ifconfig-printer.h"
#include "ns3/netns-script-values.h"

#include <boost/test/unit_test.hpp>

using namespace ns3;
using namespace ns3::netns;

BOOST_AUTO_TEST_SUITE(script_values)

BOOST_AUTO_TEST_CASE(times_take_seconds_or_a_unit)
{
    BOOST_TEST(ParseScriptTime("1.5").value() == Seconds(1.5));
    BOOST_TEST(ParseScriptTime("2s").value() == Seconds(2));
    BOOST_TEST(ParseScriptTime("200ms").value() == MilliSeconds(200));
    BOOST_TEST(ParseScriptTime("50us").value() == MicroSeconds(50));
    BOOST_TEST(ParseScriptTime("7ns").value() == NanoSeconds(7));
    BOOST_TEST(!ParseScriptTime("-1"));
    BOOST_TEST(!ParseScriptTime("1.5min"));
    BOOST_TEST(!ParseScriptTime(".5"));
    BOOST_TEST(!ParseScriptTime("1e3"));
    BOOST_TEST(!ParseScriptTime(""));
}

BOOST_AUTO_TEST_CASE(rates_need_a_unit)
{
    BOOST_TEST(IsValidDataRate("100Mbps"));
    BOOST_TEST(IsValidDataRate("1.5Gbps"));
    BOOST_TEST(IsValidDataRate("9600bps"));
    BOOST_TEST(!IsValidDataRate("100"));
    BOOST_TEST(!IsValidDataRate("fast"));
    BOOST_TEST(!IsValidDataRate("100MBps"));
}

BOOST_AUTO_TEST_CASE(rates_fit_a_nonzero_uint64)
{
    BOOST_TEST(!IsValidDataRate("0bps"));
    BOOST_TEST(!IsValidDataRate("0Gbps"));
    BOOST_TEST(!IsValidDataRate("0.5bps"));
    BOOST_TEST(!IsValidDataRate("0.0001kbps"));
    BOOST_TEST(IsValidDataRate("1bps"));
    BOOST_TEST(IsValidDataRate("0.001kbps"));
    BOOST_TEST(IsValidDataRate("18446744073Gbps"));
    BOOST_TEST(!IsValidDataRate("18446744074Gbps"));
    BOOST_TEST(!IsValidDataRate("999999999999Gbps"));
}

BOOST_AUTO_TEST_CASE(names_fit_names_and_file_names)
{
    BOOST_TEST(IsValidScriptName("client-far"));
    BOOST_TEST(IsValidScriptName("h1.c_2"));
    BOOST_TEST(!IsValidScriptName(""));
    BOOST_TEST(!IsValidScriptName("a/b"));
    BOOST_TEST(!IsValidScriptName(".."));
    BOOST_TEST(!IsValidScriptName(std::string(65, 'a')));
}

BOOST_AUTO_TEST_CASE(control_bytes_are_escaped)
{
    BOOST_TEST(EscapeControlBytes("a\x01"
                                  "b\x7f") == "a\\x01b\\x7f");
    BOOST_TEST(EscapeControlBytes("plain") == "plain");
}

BOOST_AUTO_TEST_CASE(ifconfig_scales_bytes_like_net_tools)
{
    // Values and texts from net-tools 2.10's ifconfig on Debian 12.
    BOOST_TEST(IfconfigPrinter::ScaleBytes(0) == "0.0 B");
    BOOST_TEST(IfconfigPrinter::ScaleBytes(90) == "90.0 B");
    BOOST_TEST(IfconfigPrinter::ScaleBytes(77512) == "75.6 KiB");
    BOOST_TEST(IfconfigPrinter::ScaleBytes(82781466) == "78.9 MiB");
}

BOOST_AUTO_TEST_SUITE_END()
