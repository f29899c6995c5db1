/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-names.h"

#include <cstdio>

namespace ns3
{
namespace netns
{

namespace
{

/**
 * @return true for the bytes the kernel rejects in interface names: '/',
 *         ':' and what the kernel's own isspace() (lib/ctype.c) calls white
 *         space, which includes 0xA0 and, unlike the C library's, does not
 *         depend on a locale
 */
bool
IsForbiddenInInterfaceName(unsigned char c)
{
    switch (c)
    {
    case '/':
    case ':':
    case ' ':
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case 0xa0:
        return true;
    default:
        return false;
    }
}

} // namespace

std::string
QuoteForMessage(const std::string& value)
{
    std::string quoted = "\"";
    for (unsigned char c : value)
    {
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
        {
            quoted += static_cast<char>(c);
            continue;
        }
        char escape[8];
        std::snprintf(escape, sizeof(escape), "\\x%02x", c);
        quoted += escape;
    }
    return quoted + "\"";
}

Status
ValidateInterfaceName(const std::string& name)
{
    const std::string shown = QuoteForMessage(name);
    if (name.empty())
    {
        return Status::Error(EINVAL, "invalid interface name \"\": the name is empty");
    }
    if (name.size() >= IFNAMSIZ)
    {
        return Status::Error(EINVAL,
                             "invalid interface name " + shown + ": " +
                                 std::to_string(name.size()) + " bytes, the maximum is " +
                                 std::to_string(IFNAMSIZ - 1));
    }
    if (name == "." || name == "..")
    {
        return Status::Error(EINVAL, "invalid interface name " + shown + ": reserved name");
    }
    for (unsigned char c : name)
    {
        if (IsForbiddenInInterfaceName(c) || c == '\0')
        {
            return Status::Error(EINVAL,
                                 "invalid interface name " + shown +
                                     ": '/', ':', NUL and white space are not allowed");
        }
    }
    return Status();
}

Status
ValidateNamespaceName(const std::string& name)
{
    const std::string shown = QuoteForMessage(name);
    constexpr std::size_t nameMax = 255;
    if (name.empty())
    {
        return Status::Error(EINVAL, "invalid namespace name \"\": the name is empty");
    }
    if (name.size() > nameMax)
    {
        return Status::Error(EINVAL,
                             "invalid namespace name: " + std::to_string(name.size()) +
                                 " bytes, the maximum is " + std::to_string(nameMax));
    }
    if (name == "." || name == "..")
    {
        return Status::Error(EINVAL, "invalid namespace name " + shown + ": reserved name");
    }
    if (name.find('/') != std::string::npos || name.find('\0') != std::string::npos)
    {
        return Status::Error(EINVAL,
                             "invalid namespace name " + shown + ": '/' and NUL are not allowed");
    }
    return Status();
}

} // namespace netns
} // namespace ns3
