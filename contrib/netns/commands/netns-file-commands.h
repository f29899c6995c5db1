/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_FILE_COMMANDS_H
#define NETNS_FILE_COMMANDS_H

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
 * The echo and cat commands, enough to write a device name to
 * /sys/kernel/debug/net_ns/dev and to read that file and /proc/net/dev.
 */
class FileCommands
{
  public:
    /**
     * Run bash's echo builtin: the arguments joined by blanks and a newline,
     * none with -n. The -e and -E options are accepted and ignored.
     * @param args the words after "echo"
     * @param result filled with the output
     */
    static void Echo(const std::vector<std::string>& args, CommandResult& result);

    /**
     * Run cat on files the process can read.
     * @param process the process
     * @param args the file names
     * @param result filled with the contents, and an error per file that cannot be read
     */
    static void Cat(Ptr<Process> process,
                    const std::vector<std::string>& args,
                    CommandResult& result);
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_FILE_COMMANDS_H */
