/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_SCRIPT_ERROR_H
#define NETNS_SCRIPT_ERROR_H

#include <cstdint>
#include <string>

namespace ns3
{
namespace netns
{

/**
 * @ingroup netns
 * A line of a scenario script that cannot be used, and why.
 */
struct ScriptError
{
    std::string file;   //!< the script's file name
    uint32_t line{0};   //!< 1-based line number
    std::string reason; //!< what is wrong, naming the value

    /** @return "FILE:LINE: REASON", the way compilers report errors */
    std::string ToString() const
    {
        return file + ":" + std::to_string(line) + ": " + reason;
    }
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_SCRIPT_ERROR_H */
