/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-script-values.h"

#include <cstdio>
#include <regex>
#include <string>

namespace ns3
{
namespace netns
{

std::optional<Time>
ParseScriptTime(const std::string& text)
{
    static const std::regex pattern("^([0-9]{1,9})(\\.[0-9]{1,9})?(s|ms|us|ns)?$");
    std::smatch match;
    if (!std::regex_match(text, match, pattern))
    {
        return std::nullopt;
    }
    const double value = std::stod(match[1].str() + match[2].str());
    const std::string unit = match[3].str();
    if (unit == "ms")
    {
        return MilliSeconds(value);
    }
    if (unit == "us")
    {
        return MicroSeconds(value);
    }
    if (unit == "ns")
    {
        return NanoSeconds(value);
    }
    return Seconds(value);
}

bool
IsValidDataRate(const std::string& text)
{
    static const std::regex pattern("^([0-9]{1,12}(\\.[0-9]{1,6})?)(bps|kbps|Kbps|Mbps|Gbps)$");
    std::smatch match;
    if (!std::regex_match(text, match, pattern))
    {
        return false;
    }
    double multiplier = 1;
    const std::string unit = match[3].str();
    if (unit == "kbps" || unit == "Kbps")
    {
        multiplier = 1e3;
    }
    else if (unit == "Mbps")
    {
        multiplier = 1e6;
    }
    else if (unit == "Gbps")
    {
        multiplier = 1e9;
    }
    // ns3::DataRate truncates the double NUMBER * multiplier to whole bit/s in
    // a uint64_t, and the CSMA and point-to-point devices divide by it: 0 bit/s
    // and values that do not fit would make them divide by zero.
    const double bitsPerSecond = std::stod(match[1].str()) * multiplier;
    return bitsPerSecond >= 1.0 && bitsPerSecond < 18446744073709551616.0;
}

bool
IsValidScriptName(const std::string& text)
{
    static const std::regex pattern("^[A-Za-z0-9_.-]{1,64}$");
    return std::regex_match(text, pattern) && text != "." && text != "..";
}

std::string
QuoteScriptText(const std::string& text)
{
    std::string quoted = "\"";
    for (unsigned char c : text)
    {
        if (c < 0x20 || c >= 0x7f)
        {
            char escaped[8];
            std::snprintf(escaped, sizeof(escaped), "\\x%02x", c);
            quoted += escaped;
        }
        else
        {
            quoted += static_cast<char>(c);
        }
    }
    return quoted + "\"";
}

std::string
EscapeControlBytes(const std::string& text)
{
    std::string printable;
    for (unsigned char c : text)
    {
        if (c < 0x20 || c == 0x7f)
        {
            char escaped[8];
            std::snprintf(escaped, sizeof(escaped), "\\x%02x", c);
            printable += escaped;
        }
        else
        {
            printable += static_cast<char>(c);
        }
    }
    return printable;
}

std::string
FormatScriptTime(Time time)
{
    char text[32];
    std::snprintf(text, sizeof(text), "%.3fs", time.GetSeconds());
    return text;
}

} // namespace netns
} // namespace ns3
