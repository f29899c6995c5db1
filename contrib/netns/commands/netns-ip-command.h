/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_IP_COMMAND_H
#define NETNS_IP_COMMAND_H

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
 * The ip command of iproute2 6.1: global options (-4, -6, -o, -br,
 * -family), then the link, address or route object, abbreviated as ip
 * allows ("ip a", "ip r", "ip li sh").
 */
class IpCommand
{
  public:
    /**
     * Run "ip ARGS".
     * @param process the process running the command, in its current namespace
     * @param args the words after "ip"
     * @param result filled with the output and exit status
     */
    static void Run(Ptr<Process> process,
                    const std::vector<std::string>& args,
                    CommandResult& result);
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_IP_COMMAND_H */
