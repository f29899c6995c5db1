/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_IP_ADDRESS_COMMAND_H
#define NETNS_IP_ADDRESS_COMMAND_H

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
 * "ip address": show, add, delete and flush the IPv4 addresses of the
 * devices a namespace sees.
 */
class IpAddressCommand
{
  public:
    /**
     * Run "ip address ARGS".
     * @param process the process running the command, in its current namespace
     * @param options the global options
     * @param args the words after "address"
     * @param result filled with the output and exit status
     */
    static void Run(Ptr<Process> process,
                    const IpOptions& options,
                    const std::vector<std::string>& args,
                    CommandResult& result);

  private:
    /**
     * Run "ip address show [[dev] NAME] [up]".
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
     * Run "ip address add ADDR[/LEN] [brd ADDR|+|-] dev NAME".
     * @param process the process
     * @param args the words after "add"
     * @param result filled with the output and exit status
     */
    static void Add(Ptr<Process> process,
                    const std::vector<std::string>& args,
                    CommandResult& result);

    /**
     * Run "ip address del ADDR[/LEN] dev NAME".
     * @param process the process
     * @param args the words after "del"
     * @param result filled with the output and exit status
     */
    static void Delete(Ptr<Process> process,
                       const std::vector<std::string>& args,
                       CommandResult& result);

    /**
     * Run "ip address flush [dev] NAME".
     * @param process the process
     * @param args the words after "flush"
     * @param result filled with the output and exit status
     */
    static void Flush(Ptr<Process> process,
                      const std::vector<std::string>& args,
                      CommandResult& result);
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_IP_ADDRESS_COMMAND_H */
