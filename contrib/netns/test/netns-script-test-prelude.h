/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * A small valid scenario script that the script tests extend line by line.
 */
#ifndef NETNS_SCRIPT_TEST_PRELUDE_H
#define NETNS_SCRIPT_TEST_PRELUDE_H

namespace ns3
{
namespace netns
{
namespace test
{

/// Lines in SCRIPT_PRELUDE; a line appended to it has number SCRIPT_PRELUDE_LINES + 1.
constexpr unsigned SCRIPT_PRELUDE_LINES = 14;

/// A valid script: every directive once, all names and devices declared.
constexpr const char* SCRIPT_PRELUDE = "# prelude of the script tests\n"
                                       "host h1\n"
                                       "node r1 c1\n"
                                       "csma lan h1 r1 rate 100Mbps delay 50us\n"
                                       "p2p wan r1 c1 rate 10Mbps delay 2ms\n"
                                       "address r1 eth0 198.51.100.1/24\n"
                                       "address r1 eth1 203.0.113.1/24\n"
                                       "address c1 eth0 203.0.113.2/24\n"
                                       "route c1 default via 203.0.113.1\n"
                                       "process h1 p1 uid 0\n"
                                       "at 0 h1 p1 unshare -n\n"
                                       "app udp-echo-server h1/p1 port 7 start 1\n"
                                       "app udp-echo-client c1 to 198.51.100.10 port 7 start 2\n"
                                       "stop 5\n";

} // namespace test
} // namespace netns
} // namespace ns3

#endif /* NETNS_SCRIPT_TEST_PRELUDE_H */
