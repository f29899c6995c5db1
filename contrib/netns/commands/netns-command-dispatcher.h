/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_COMMAND_DISPATCHER_H
#define NETNS_COMMAND_DISPATCHER_H

#include "netns-command-result.h"

#include "ns3/netns-process.h"

#include <string>
#include <vector>

namespace ns3
{
namespace netns
{

/**
 * @ingroup netns
 * Runs one command, given as words, as a shell would after splitting the
 * line: picks the emulated program by name and applies an output
 * redirection to the files the module emulates.
 */
class CommandDispatcher
{
  public:
    /**
     * @param name a command name
     * @return true for the emulated programs: ip, ifconfig, unshare, echo, cat
     */
    static bool IsKnown(const std::string& name);

    /**
     * Run a command in the process's current namespace.
     * @param process the process
     * @param words the command name and its arguments
     * @param redirectTarget file standard output goes to, empty for none
     * @param result filled with the output and exit status
     */
    static void Run(Ptr<Process> process,
                    const std::vector<std::string>& words,
                    const std::string& redirectTarget,
                    CommandResult& result);

  private:
    /**
     * Write a command's standard output to the redirection target.
     * @param process the process
     * @param command the command name, for the message
     * @param target the file
     * @param result the command's result; its output moves to the file
     */
    static void WriteRedirected(Ptr<Process> process,
                                const std::string& command,
                                const std::string& target,
                                CommandResult& result);
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_COMMAND_DISPATCHER_H */
