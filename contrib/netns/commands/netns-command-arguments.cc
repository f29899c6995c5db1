/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-command-arguments.h"

#include <arpa/inet.h>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <sstream>
#include <vector>

namespace ns3
{
namespace netns
{

namespace
{

/** @return the dot-separated decimal parts, or nullopt when one is not 0 to 255 */
std::optional<std::vector<uint32_t>>
SplitQuad(const std::string& text)
{
    std::vector<uint32_t> parts;
    std::string part;
    std::istringstream stream(text);
    while (std::getline(stream, part, '.'))
    {
        if (part.empty() || part.size() > 3 ||
            part.find_first_not_of("0123456789") != std::string::npos)
        {
            return std::nullopt;
        }
        const uint32_t value = static_cast<uint32_t>(std::stoul(part));
        if (value > 255)
        {
            return std::nullopt;
        }
        parts.push_back(value);
    }
    if (parts.empty() || parts.size() > 4 || text.back() == '.')
    {
        return std::nullopt;
    }
    return parts;
}

/** @return the address of up to four parts, missing low parts zero */
Ipv4Address
JoinQuad(const std::vector<uint32_t>& parts)
{
    uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i)
    {
        value = (value << 8) | (i < parts.size() ? parts[i] : 0);
    }
    return Ipv4Address(value);
}

/**
 * Read an unsigned number as iproute2's get_unsigned() does: strtoul(text,
 * &end, 0), so leading white space and a sign are accepted, and nothing may
 * follow the digits.
 */
std::optional<uint32_t>
IprouteUnsigned(const std::string& text)
{
    if (text.empty() || text.find('\0') != std::string::npos)
    {
        return std::nullopt;
    }
    errno = 0;
    char* end = nullptr;
    const unsigned long value = std::strtoul(text.c_str(), &end, 0);
    if (end == text.c_str() || *end != '\0' || errno == ERANGE || value > UINT_MAX)
    {
        return std::nullopt;
    }
    return static_cast<uint32_t>(value);
}

/**
 * Read a prefix length as iproute2's get_netmask() does: a number, or a
 * dotted netmask whose one bits are contiguous.
 */
std::optional<uint32_t>
IprouteNetmaskLength(const std::string& text)
{
    if (auto length = IprouteUnsigned(text))
    {
        return length;
    }
    auto mask = ParseIprouteIpv4Address(text);
    if (!mask)
    {
        return std::nullopt;
    }
    const uint32_t host = ~mask->Get();
    if ((host & (host + 1)) != 0)
    {
        return std::nullopt;
    }
    uint32_t length = 0;
    for (uint32_t bits = mask->Get(); bits != 0; bits <<= 1)
    {
        ++length;
    }
    return length;
}

} // namespace

bool
MatchesKeyword(const std::string& argument, const std::string& keyword)
{
    return !argument.empty() && argument.size() <= keyword.size() &&
           keyword.compare(0, argument.size(), argument) == 0;
}

std::optional<Ipv4Address>
ParseIpv4Address(const std::string& text)
{
    auto parts = SplitQuad(text);
    if (!parts || parts->size() != 4)
    {
        return std::nullopt;
    }
    return JoinQuad(*parts);
}

std::optional<Ipv4Address>
ParseIprouteIpv4Address(const std::string& text)
{
    if (text.find('\0') != std::string::npos)
    {
        return std::nullopt;
    }
    std::vector<uint32_t> parts;
    const char* part = text.c_str();
    while (parts.size() < 4)
    {
        char* end = nullptr;
        const unsigned long value = std::strtoul(part, &end, 0);
        if (end == part || value > 255)
        {
            return std::nullopt;
        }
        parts.push_back(static_cast<uint32_t>(value));
        if (*end == '\0')
        {
            return JoinQuad(parts);
        }
        if (*end != '.')
        {
            return std::nullopt;
        }
        part = end + 1;
    }
    return std::nullopt;
}

std::optional<Ipv4Address>
ParseInetAton(const std::string& text)
{
    struct in_addr address
    {
    };

    if (text.find('\0') != std::string::npos || inet_aton(text.c_str(), &address) == 0)
    {
        return std::nullopt;
    }
    return Ipv4Address(ntohl(address.s_addr));
}

std::optional<Ipv4Prefix>
ParseIpv4Prefix(const std::string& text)
{
    Ipv4Prefix prefix;
    if (text == "default" || text == "any" || text == "all")
    {
        prefix.address = Ipv4Address::GetAny();
        prefix.length = 0;
        prefix.lengthGiven = true;
        return prefix;
    }
    const std::size_t slash = text.find('/');
    auto address = ParseIprouteIpv4Address(text.substr(0, slash));
    if (!address)
    {
        return std::nullopt;
    }
    prefix.address = *address;
    if (slash != std::string::npos)
    {
        auto length = IprouteNetmaskLength(text.substr(slash + 1));
        if (!length || *length > 32)
        {
            return std::nullopt;
        }
        prefix.length = static_cast<uint8_t>(*length);
        prefix.lengthGiven = true;
    }
    return prefix;
}

std::optional<uint32_t>
ParseUnsigned(const std::string& text, uint32_t maximum)
{
    if (text.empty() || text.find_first_not_of("0123456789abcdefABCDEFxX") != std::string::npos)
    {
        return std::nullopt;
    }
    errno = 0;
    char* end = nullptr;
    const unsigned long long value = std::strtoull(text.c_str(), &end, 0);
    if (errno != 0 || *end != '\0' || value > maximum)
    {
        return std::nullopt;
    }
    return static_cast<uint32_t>(value);
}

std::string
FormatIpv4(Ipv4Address address)
{
    std::ostringstream os;
    os << address;
    return os.str();
}

} // namespace netns
} // namespace ns3
