/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-exec.h"

#include "netns-command-dispatcher.h"
#include "netns-shell-words.h"

#include "ns3/log.h"

namespace ns3
{
namespace netns
{

NS_LOG_COMPONENT_DEFINE("NetnsExec");

namespace
{

/// Exit status bash gives a command line it cannot parse.
constexpr int SYNTAX_ERROR = 2;
/// Exit status when the process cannot run anything.
constexpr int CANNOT_RUN = 126;

} // namespace

CommandResult
Exec(Ptr<Process> process, const std::string& commandLine)
{
    NS_LOG_FUNCTION(process << commandLine);
    CommandResult result;
    if (!process || !process->IsAlive())
    {
        const std::string pid = process ? std::to_string(process->GetPid()) : "(none)";
        result.Fail("netns: cannot run \"" + commandLine + "\": process " + pid +
                        " has exited; run commands as a live process",
                    CANNOT_RUN);
        return result;
    }
    ShellWords words;
    Status parsed = words.Parse(commandLine);
    if (!parsed.IsOk())
    {
        result.Fail(parsed.GetMessage(), SYNTAX_ERROR);
        return result;
    }
    CommandDispatcher::Run(process, words.GetWords(), words.GetRedirectionTarget(), result);
    NS_LOG_INFO("process " << process->GetPid() << " ran \"" << commandLine << "\": exit status "
                           << result.exitStatus);
    return result;
}

} // namespace netns
} // namespace ns3
