/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_IP_LINK_COMMAND_H
#define NETNS_IP_LINK_COMMAND_H

#include "netns-command-result.h"
#include "netns-ip-options.h"

#include "ns3/netns-process.h"

#include <string>
#include <vector>

namespace ns3
{
namespace netns
{

/**
 * @ingroup netns
 * "ip link": show devices, and set a device up or down, its MTU or its name.
 */
class IpLinkCommand
{
  public:
    /**
     * Run "ip link ARGS".
     * @param process the process running the command, in its current namespace
     * @param options the global options
     * @param args the words after "link"
     * @param result filled with the output and exit status
     */
    static void Run(Ptr<Process> process,
                    const IpOptions& options,
                    const std::vector<std::string>& args,
                    CommandResult& result);

  private:
    /**
     * Run "ip link show [[dev] NAME] [up]".
     * @param process the process
     * @param options the global options
     * @param args the words after "show"
     * @param result filled with the output and exit status
     */
    static void Show(Ptr<Process> process,
                     const IpOptions& options,
                     const std::vector<std::string>& args,
                     CommandResult& result);

    /**
     * Run "ip link set [dev] NAME { up | down | mtu N | name NEW } ...".
     * @param process the process
     * @param args the words after "set"
     * @param result filled with the output and exit status
     */
    static void Set(Ptr<Process> process,
                    const std::vector<std::string>& args,
                    CommandResult& result);
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_IP_LINK_COMMAND_H */
