/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_UNSHARE_COMMAND_H
#define NETNS_UNSHARE_COMMAND_H

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
 * The unshare command of util-linux, for the network namespace only.
 *
 * "unshare -n CMD ARGS" runs CMD in a child process that unshares first.
 * The child exits when CMD ends, which frees the namespace unless a socket
 * still refers to it. "unshare -n" without a command stands for the shell
 * the real tool would start: the process itself moves to a new namespace,
 * so later commands of the same process run there. Scenario scripts use
 * that form to build containers.
 */
class UnshareCommand
{
  public:
    /**
     * Run "unshare ARGS".
     * @param process the process running the command
     * @param args the words after "unshare"
     * @param redirectTarget file the command's standard output goes to, empty for none
     * @param result filled with the output and exit status
     */
    static void Run(Ptr<Process> process,
                    const std::vector<std::string>& args,
                    const std::string& redirectTarget,
                    CommandResult& result);
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_UNSHARE_COMMAND_H */
