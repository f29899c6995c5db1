/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_FUZZ_HOST_H
#define NETNS_FUZZ_HOST_H

#include "ns3/netns-host.h"
#include "ns3/netns-process.h"
#include "ns3/node-container.h"

#include <cstdint>
#include <string>

namespace ns3
{
namespace netns
{
namespace fuzz
{

/**
 * A host for one fuzz input: eth0 and eth1 on CSMA links to plain peers,
 * and three processes: root in the initial namespace, root in a namespace
 * of its own that sees eth0 with 198.51.100.10/24, and uid 1000 in the
 * initial namespace.
 */
struct FuzzHost
{
    Ptr<Node> node;         //!< the host node
    Ptr<Host> host;         //!< its namespace support
    Ptr<Process> root;      //!< root in the initial namespace
    Ptr<Process> container; //!< root in its own namespace
    Ptr<Process> user;      //!< uid 1000 in the initial namespace
    NodeContainer peers;    //!< the other end of each link
};

/**
 * Build the host of one fuzz input.
 * @return the host
 */
FuzzHost BuildFuzzHost();

/**
 * Run the simulation for a second of simulated time, then destroy it and
 * forget every ns3::Names entry, so that the next input starts afresh.
 */
void FinishFuzzInput();

/**
 * Stop the fuzzer with a message: an input broke a rule every input must keep.
 * @param target the fuzz target's name
 * @param rule the rule, for the message
 * @param input the input, printed with control bytes escaped
 */
[[noreturn]] void ReportBrokenRule(const char* target,
                                   const std::string& rule,
                                   const std::string& input);

/**
 * @param text a message
 * @return true when it has no control byte but tab and newline; bytes from
 *         0x80 up may be UTF-8 text and are allowed
 */
bool HasNoControlBytes(const std::string& text);

} // namespace fuzz
} // namespace netns
} // namespace ns3

#endif /* NETNS_FUZZ_HOST_H */
