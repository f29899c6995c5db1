/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_NAMES_H
#define NETNS_NAMES_H

#include "netns-status.h"

#include <cstddef>
#include <string>

namespace ns3
{
namespace netns
{

/// Size of the kernel's interface name buffer, terminating NUL included.
constexpr std::size_t IFNAMSIZ = 16;

/**
 * @ingroup netns
 * Check an interface name the way the kernel's dev_valid_name() does since
 * Linux 2.6.x: 1 to 15 bytes, not "." or "..", and no '/', ':' or white space.
 * @param name the candidate name
 * @return OK, or EINVAL with a message naming the value and the broken rule
 */
Status ValidateInterfaceName(const std::string& name);

/**
 * @ingroup netns
 * Check a namespace label the way iproute2's "ip netns add" checks a name:
 * not empty, not "." or "..", no '/', and at most 255 bytes (NAME_MAX).
 * @param name the candidate label
 * @return OK, or EINVAL with a message naming the value and the broken rule
 */
Status ValidateNamespaceName(const std::string& name);

/**
 * @ingroup netns
 * Quote a user-supplied value for an error message: printable ASCII is kept,
 * anything else becomes a \\xNN escape, so a message never carries raw
 * control bytes from input.
 * @param value the raw value
 * @return the value between double quotes
 */
std::string QuoteForMessage(const std::string& value);

} // namespace netns
} // namespace ns3

#endif /* NETNS_NAMES_H */
