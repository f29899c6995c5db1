/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_IP_ROUTE_COMMAND_H
#define NETNS_IP_ROUTE_COMMAND_H

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
 * "ip route": show, add, delete and look up IPv4 routes of the main table
 * that the process's namespace uses. Without route isolation that is the
 * host's one table, shared by every namespace as in the June 2006 patch.
 */
class IpRouteCommand
{
  public:
    /**
     * Run "ip route ARGS".
     * @param process the process running the command, in its current namespace
     * @param options the global options
     * @param args the words after "route"
     * @param result filled with the output and exit status
     */
    static void Run(Ptr<Process> process,
                    const IpOptions& options,
                    const std::vector<std::string>& args,
                    CommandResult& result);

  private:
    /**
     * Run "ip route show [PREFIX] [dev NAME] [proto P] [table main]".
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
     * Run "ip route add|del PREFIX [via GW] [dev NAME] [src ADDR] [metric N]
     * [proto P] [scope S] [table main]".
     * @param process the process
     * @param args the words after the verb
     * @param add true for add, false for del
     * @param result filled with the output and exit status
     */
    static void Modify(Ptr<Process> process,
                       const std::vector<std::string>& args,
                       bool add,
                       CommandResult& result);

    /**
     * Run "ip route get ADDR".
     * @param process the process
     * @param args the words after "get"
     * @param result filled with the output and exit status
     */
    static void Get(Ptr<Process> process,
                    const std::vector<std::string>& args,
                    CommandResult& result);
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_IP_ROUTE_COMMAND_H */
