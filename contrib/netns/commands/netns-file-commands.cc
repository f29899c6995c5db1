/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-file-commands.h"

#include "ns3/netns-status.h"

namespace ns3
{
namespace netns
{

namespace
{

/** @return true for a word bash's echo takes as options: "-" followed only by n, e and E */
bool
IsEchoOption(const std::string& word)
{
    return word.size() > 1 && word[0] == '-' &&
           word.find_first_not_of("neE", 1) == std::string::npos;
}

} // namespace

void
FileCommands::Echo(const std::vector<std::string>& args, CommandResult& result)
{
    bool newline = true;
    std::size_t i = 0;
    for (; i < args.size() && IsEchoOption(args[i]); ++i)
    {
        // NOTE: -e is accepted but backslash escapes are printed as they are.
        if (args[i].find('n') != std::string::npos)
        {
            newline = false;
        }
    }
    std::string text;
    for (std::size_t j = i; j < args.size(); ++j)
    {
        text += (j > i ? " " : "") + args[j];
    }
    result.out += text + (newline ? "\n" : "");
}

void
FileCommands::Cat(Ptr<Process> process, const std::vector<std::string>& args, CommandResult& result)
{
    for (const std::string& path : args)
    {
        auto contents = process->ReadFile(path);
        if (!contents.IsOk())
        {
            result.Fail("cat: " + path + ": " + ErrnoText(contents.GetStatus().GetErrno()), 1);
            continue;
        }
        result.out += contents.GetValue();
    }
}

} // namespace netns
} // namespace ns3
