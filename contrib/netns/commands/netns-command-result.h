/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_COMMAND_RESULT_H
#define NETNS_COMMAND_RESULT_H

#include <string>

namespace ns3
{
namespace netns
{

/**
 * @ingroup netns
 * What a command run by netns::Exec() left behind: its exit status and the
 * text it wrote to standard output and standard error.
 */
struct CommandResult
{
    int exitStatus{0}; //!< exit status, 0 on success, as the real tool returns it
    std::string out;   //!< standard output
    std::string err;   //!< standard error

    /**
     * Append a line to standard error and set the exit status.
     * @param line the text, without the trailing newline
     * @param status the exit status
     */
    void Fail(const std::string& line, int status)
    {
        err += line + "\n";
        exitStatus = status;
    }
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_COMMAND_RESULT_H */
