/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-command-dispatcher.h"

#include "netns-file-commands.h"
#include "netns-ifconfig-command.h"
#include "netns-ip-command.h"
#include "netns-unshare-command.h"

#include "ns3/log.h"
#include "ns3/netns-host.h"

namespace ns3
{
namespace netns
{

NS_LOG_COMPONENT_DEFINE("NetnsCommandDispatcher");

namespace
{

/// Exit status of a shell that cannot find a command.
constexpr int COMMAND_NOT_FOUND = 127;

} // namespace

bool
CommandDispatcher::IsKnown(const std::string& name)
{
    return name == "ip" || name == "ifconfig" || name == "unshare" || name == "echo" ||
           name == "cat";
}

void
CommandDispatcher::Run(Ptr<Process> process,
                       const std::vector<std::string>& words,
                       const std::string& redirectTarget,
                       CommandResult& result)
{
    NS_LOG_FUNCTION(process << words.size() << redirectTarget);
    if (words.empty())
    {
        return;
    }
    const std::string& name = words[0];
    if (!IsKnown(name))
    {
        result.Fail("bash: line 1: " + name + ": command not found", COMMAND_NOT_FOUND);
        return;
    }
    // The shell opens the target before the command runs; a file it cannot open stops it.
    if (!redirectTarget.empty() && redirectTarget != DEBUGFS_DEV_PATH)
    {
        auto opened = process->WriteFile(redirectTarget, "");
        if (!opened.IsOk())
        {
            result.Fail("bash: line 1: " + redirectTarget + ": " +
                            ErrnoText(opened.GetStatus().GetErrno()),
                        1);
            return;
        }
    }

    const std::vector<std::string> args(words.begin() + 1, words.end());
    if (name == "ip")
    {
        IpCommand::Run(process, args, result);
    }
    else if (name == "ifconfig")
    {
        IfconfigCommand::Run(process, args, result);
    }
    else if (name == "unshare")
    {
        UnshareCommand::Run(process, args, redirectTarget, result);
        return; // the command unshare runs applies the redirection itself
    }
    else if (name == "echo")
    {
        FileCommands::Echo(args, result);
    }
    else
    {
        FileCommands::Cat(process, args, result);
    }
    if (!redirectTarget.empty())
    {
        WriteRedirected(process, name, redirectTarget, result);
    }
}

void
CommandDispatcher::WriteRedirected(Ptr<Process> process,
                                   const std::string& command,
                                   const std::string& target,
                                   CommandResult& result)
{
    const std::string data = result.out;
    result.out.clear();
    if (data.empty())
    {
        return;
    }
    auto written = process->WriteFile(target, data);
    if (written.IsOk())
    {
        return;
    }
    // bash reports a failed write of its echo builtin as "bash: line 1: echo: write error: ...".
    const std::string writer = command == "echo" ? "bash: line 1: echo" : command;
    result.Fail(writer + ": write error: " + ErrnoText(written.GetStatus().GetErrno()), 1);
}

} // namespace netns
} // namespace ns3
