/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_IFCONFIG_COMMAND_H
#define NETNS_IFCONFIG_COMMAND_H

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
 * The ifconfig command of net-tools 2.10: list devices ("ifconfig",
 * "ifconfig -a", "ifconfig DEV"), and configure one with the ioctls the real
 * tool issues, in the order of its arguments:
 * "ifconfig DEV [ADDR] [netmask MASK] [broadcast ADDR] [mtu N] [up|down]".
 *
 * Setting an address replaces the device's first address, with the class
 * A/B/C prefix length and broadcast the kernel's SIOCSIFADDR gives it, and
 * brings the device up, as net-tools does.
 */
class IfconfigCommand
{
  public:
    /**
     * Run "ifconfig ARGS".
     * @param process the process running the command, in its current namespace
     * @param args the words after "ifconfig"
     * @param result filled with the output and exit status
     */
    static void Run(Ptr<Process> process,
                    const std::vector<std::string>& args,
                    CommandResult& result);

  private:
    /**
     * List devices in the long format, sorted by name as net-tools sorts them.
     * @param process the process
     * @param all true for -a: include devices that are down
     * @param result filled with the output
     */
    static void List(Ptr<Process> process, bool all, CommandResult& result);

    /**
     * Apply "ifconfig DEV ACTION..." in argument order.
     * @param process the process
     * @param device the device name, truncated as the ioctl truncates it
     * @param actions the words after the device name
     * @param result filled with the output and exit status
     */
    static void Configure(Ptr<Process> process,
                          const std::string& device,
                          const std::vector<std::string>& actions,
                          CommandResult& result);
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_IFCONFIG_COMMAND_H */
