/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_COMMAND_ARGUMENTS_H
#define NETNS_COMMAND_ARGUMENTS_H

#include "ns3/ipv4-address.h"

#include <cstdint>
#include <optional>
#include <string>

namespace ns3
{
namespace netns
{

/**
 * @ingroup netns
 * An IPv4 prefix as iproute2 reads it: an address and an optional length.
 */
struct Ipv4Prefix
{
    Ipv4Address address;     //!< the address as given, host bits included
    uint8_t length{32};      //!< prefix length, 32 when none was given
    bool lengthGiven{false}; //!< true when the text had "/LEN"
};

/**
 * Check an abbreviated keyword the way iproute2's matches() does.
 * @param argument the word typed
 * @param keyword the full keyword
 * @return true when the word is a non-empty prefix of the keyword
 */
bool MatchesKeyword(const std::string& argument, const std::string& keyword);

/**
 * Parse a dotted-quad IPv4 address with exactly four decimal parts, as
 * inet_pton(AF_INET) accepts it.
 * @param text the text
 * @return the address, or nullopt
 */
std::optional<Ipv4Address> ParseIpv4Address(const std::string& text);

/**
 * Parse an IPv4 address as iproute2 6.1's get_addr_ipv4() does: one to four
 * dot-separated parts, each read by strtoul(part, &end, 0) and at most 255.
 * So "010" is octal 8, "0x0a" is 10, and missing low parts are zero
 * ("198.51.100" is 198.51.100.0).
 * @param text the text
 * @return the address, or nullopt
 */
std::optional<Ipv4Address> ParseIprouteIpv4Address(const std::string& text);

/**
 * Parse an IPv4 address as glibc's inet_aton() does, which net-tools'
 * ifconfig calls first: parts in C notation (octal, hexadecimal or
 * decimal), and a last part that fills the remaining bytes, so "10.1" is
 * 10.0.0.1 and "3325256709" is 198.51.100.5.
 * @param text the text
 * @return the address, or nullopt
 */
std::optional<Ipv4Address> ParseInetAton(const std::string& text);

/**
 * Parse an IPv4 prefix as iproute2's get_prefix() does: "default", "any"
 * and "all" mean 0.0.0.0/0, the address is read as ParseIprouteIpv4Address()
 * reads it, and the length is a number from 0 to 32 or a contiguous
 * dotted netmask ("/255.255.255.0").
 * @param text the text
 * @return the prefix, or nullopt
 */
std::optional<Ipv4Prefix> ParseIpv4Prefix(const std::string& text);

/**
 * Parse an unsigned number the way strtoul(text, NULL, 0) does, with a
 * maximum value.
 * @param text the text; "0x" starts hexadecimal, a leading "0" octal
 * @param maximum the largest value accepted
 * @return the value, or nullopt when the text is not a number or too large
 */
std::optional<uint32_t> ParseUnsigned(const std::string& text, uint32_t maximum);

/**
 * @param address an address
 * @return its dotted-quad text
 */
std::string FormatIpv4(Ipv4Address address);

} // namespace netns
} // namespace ns3

#endif /* NETNS_COMMAND_ARGUMENTS_H */
