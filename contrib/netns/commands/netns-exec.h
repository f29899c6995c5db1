/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_EXEC_H
#define NETNS_EXEC_H

#include "netns-command-result.h"

#include "ns3/netns-process.h"

#include <string>

namespace ns3
{
namespace netns
{

/**
 * @ingroup netns
 * Run a command line as a process, in the process's current namespace, the
 * way "bash -c LINE" would run it there.
 *
 * Emulated programs: ip (link, address, route; options -4, -6, -o, -br),
 * printing as iproute2 6.1 does, and ifconfig, printing as net-tools 2.10
 * does. Also unshare -n, echo (with "> /sys/kernel/debug/net_ns/dev" to
 * reveal a device) and cat of that file and of /proc/net/dev. Output and error texts and exit
 * statuses follow the real tools on Debian 12; the 2006 patch's profile differs from a mainline
 * kernel in what a namespace lists (a new one lists nothing, not even lo). Other programs give
 * bash's "command not found" and status 127.
 *
 * The command takes effect at once, in the current simulation time; call
 * it from a scheduled event to run it during a simulation. It never aborts
 * on user input: every failure is reported through the returned exit status
 * and standard error.
 *
 * @param process the process that runs the command
 * @param commandLine one simple command, with at most one "> FILE" or ">> FILE"
 * @return the exit status and the text written to standard output and error
 */
CommandResult Exec(Ptr<Process> process, const std::string& commandLine);

} // namespace netns
} // namespace ns3

#endif /* NETNS_EXEC_H */
