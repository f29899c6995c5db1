/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_SCRIPT_VALUES_H
#define NETNS_SCRIPT_VALUES_H

#include "ns3/nstime.h"

#include <optional>
#include <string>

namespace ns3
{
namespace netns
{

/**
 * Parse a time of a scenario script: a decimal number of seconds, or a
 * number with the unit s, ms, us or ns ("1.5", "1.5s", "200ms").
 * @param text the text
 * @return the time, or nullopt
 */
std::optional<Time> ParseScriptTime(const std::string& text);

/**
 * Check a data rate the way a script accepts it: a number and one of bps,
 * kbps, Kbps, Mbps, Gbps ("100Mbps"), which ns3::DataRate parses without
 * aborting, from 1 bit/s to below 2^64 bit/s.
 * @param text the text
 * @return true when valid
 */
bool IsValidDataRate(const std::string& text);

/**
 * Check a node, link or process name: 1 to 64 letters, digits, '-', '_'
 * or '.', so that it fits ns3::Names and pcap file names.
 * @param text the name
 * @return true when valid
 */
bool IsValidScriptName(const std::string& text);

/**
 * Quote script text for an error message: control bytes and bytes from
 * 0x7f up become \\xNN.
 * @param text the text
 * @return the text between double quotes
 */
std::string QuoteScriptText(const std::string& text);

/**
 * Escape control bytes for an error message: each becomes \xNN, so that a
 * message never carries raw bytes from a script.
 * @param text the text
 * @return the text with control bytes escaped
 */
std::string EscapeControlBytes(const std::string& text);

/**
 * Format a time for messages and logs.
 * @param time the time
 * @return seconds with three decimals and "s", such as "1.500s"
 */
std::string FormatScriptTime(Time time);

} // namespace netns
} // namespace ns3

#endif /* NETNS_SCRIPT_VALUES_H */
