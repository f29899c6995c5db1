/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-unshare-command.h"

#include "netns-command-dispatcher.h"

#include "ns3/log.h"

#include <set>

namespace ns3
{
namespace netns
{

NS_LOG_COMPONENT_DEFINE("NetnsUnshareCommand");

namespace
{

/// Exit status of util-linux's unshare for its own failures.
constexpr int UNSHARE_FAILURE = 1;
/// Exit status of unshare when the command cannot be executed.
constexpr int EXEC_FAILURE = 127;
/// Hint util-linux prints after an option it does not know.
constexpr const char* HELP_HINT = "Try 'unshare --help' for more information.";

/** @return the util-linux 2.38 options of unshare other than -n that the module does not emulate */
bool
IsOtherNamespaceOption(const std::string& option)
{
    static const std::set<std::string> options{"-m",
                                               "-u",
                                               "-i",
                                               "-p",
                                               "-U",
                                               "-C",
                                               "-T",
                                               "-f",
                                               "-r",
                                               "-c",
                                               "--mount",
                                               "--uts",
                                               "--ipc",
                                               "--pid",
                                               "--user",
                                               "--cgroup",
                                               "--time",
                                               "--fork",
                                               "--map-root-user",
                                               "--map-current-user",
                                               "--mount-proc",
                                               "--kill-child",
                                               "--propagation",
                                               "--setgroups",
                                               "--keep-caps",
                                               "--root",
                                               "--wd",
                                               "--setuid",
                                               "--setgid"};
    return options.count(option) != 0;
}

/// The options of one unshare command line.
struct UnshareOptions
{
    bool net{false};                  //!< -n or --net
    std::vector<std::string> command; //!< the command to run, empty for the shell
};

/** Parse the options; on failure fill the result and return false. */
bool
ParseOptions(const std::vector<std::string>& args, UnshareOptions& options, CommandResult& result)
{
    std::size_t i = 0;
    for (; i < args.size() && args[i].size() > 1 && args[i][0] == '-'; ++i)
    {
        const std::string& word = args[i];
        if (word == "--")
        {
            ++i;
            break;
        }
        if (word == "--net" || word == "-n")
        {
            options.net = true;
            continue;
        }
        if (word.compare(0, 2, "--") == 0)
        {
            const std::string message = IsOtherNamespaceOption(word)
                                            ? "unshare: " + word +
                                                  " is not emulated: only the network "
                                                  "namespace (-n, --net) is"
                                            : "unshare: unrecognized option '" + word + "'";
            result.Fail(message, UNSHARE_FAILURE);
            if (!IsOtherNamespaceOption(word))
            {
                result.err += std::string(HELP_HINT) + "\n";
            }
            return false;
        }
        for (std::size_t k = 1; k < word.size(); ++k)
        {
            const std::string letter = std::string("-") + word[k];
            if (letter == "-n")
            {
                options.net = true;
                continue;
            }
            if (IsOtherNamespaceOption(letter))
            {
                result.Fail("unshare: " + letter +
                                " is not emulated: only the network namespace (-n, --net) is",
                            UNSHARE_FAILURE);
                return false;
            }
            result.Fail(std::string("unshare: invalid option -- '") + word[k] + "'",
                        UNSHARE_FAILURE);
            result.err += std::string(HELP_HINT) + "\n";
            return false;
        }
    }
    options.command.assign(args.begin() + i, args.end());
    return true;
}

/** Report a failed unshare(2) with util-linux's wording. */
void
ReportUnshareFailure(const Status& status, CommandResult& result)
{
    result.Fail("unshare: unshare failed: " + ErrnoText(status.GetErrno()), UNSHARE_FAILURE);
}

} // namespace

void
UnshareCommand::Run(Ptr<Process> process,
                    const std::vector<std::string>& args,
                    const std::string& redirectTarget,
                    CommandResult& result)
{
    NS_LOG_FUNCTION(process);
    UnshareOptions options;
    if (!ParseOptions(args, options, result))
    {
        return;
    }
    if (!options.command.empty() && !CommandDispatcher::IsKnown(options.command[0]))
    {
        result.Fail("unshare: failed to execute " + options.command[0] +
                        ": No such file or directory",
                    EXEC_FAILURE);
        return;
    }
    if (options.command.empty())
    {
        // The shell unshare would start replaces the caller in the new namespace.
        if (options.net)
        {
            Status unshared = process->Unshare("CLONE_NEWNET");
            if (!unshared.IsOk())
            {
                ReportUnshareFailure(unshared, result);
            }
        }
        return;
    }
    if (!options.net)
    {
        CommandDispatcher::Run(process, options.command, redirectTarget, result);
        return;
    }
    auto child = process->Fork();
    if (!child.IsOk())
    {
        ReportUnshareFailure(child.GetStatus(), result);
        return;
    }
    Ptr<Process> task = child.GetValue();
    Status unshared = task->Unshare("CLONE_NEWNET");
    if (!unshared.IsOk())
    {
        ReportUnshareFailure(unshared, result);
        task->Exit(UNSHARE_FAILURE);
        return;
    }
    CommandDispatcher::Run(task, options.command, redirectTarget, result);
    task->Exit(result.exitStatus);
}

} // namespace netns
} // namespace ns3
