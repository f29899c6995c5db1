/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-ip-errors.h"

#include "ns3/netns-status.h"

namespace ns3
{
namespace netns
{

namespace
{

/// Exit status of ip for a command line it cannot parse: exit(-1).
constexpr int PARSE_FAILURE = 255;
/// Exit status of ip when the kernel rejects a request.
constexpr int KERNEL_FAILURE = 2;
/// Exit status of ip for its own lookup failures.
constexpr int LOOKUP_FAILURE = 1;

} // namespace

void
IpErrors::Incomplete(CommandResult& result)
{
    result.Fail("Command line is not complete. Try option \"help\"", PARSE_FAILURE);
}

void
IpErrors::Garbage(CommandResult& result, const std::string& keyword, const std::string& argument)
{
    result.Fail("Error: either \"" + keyword + "\" is duplicate, or \"" + argument +
                    "\" is a garbage.",
                PARSE_FAILURE);
}

void
IpErrors::InvalidArgument(CommandResult& result,
                          const std::string& argument,
                          const std::string& what)
{
    result.Fail("Error: argument \"" + argument + "\" is wrong: " + what, PARSE_FAILURE);
}

void
IpErrors::CannotFindDevice(CommandResult& result, const std::string& name)
{
    result.Fail("Cannot find device \"" + name + "\"", LOOKUP_FAILURE);
}

void
IpErrors::DeviceDoesNotExist(CommandResult& result, const std::string& name)
{
    result.Fail("Device \"" + name + "\" does not exist.", LOOKUP_FAILURE);
}

void
IpErrors::Rtnetlink(CommandResult& result, int errnum)
{
    result.Fail("RTNETLINK answers: " + ErrnoText(errnum), KERNEL_FAILURE);
}

void
IpErrors::KernelMessage(CommandResult& result, const std::string& text)
{
    result.Fail("Error: " + text, KERNEL_FAILURE);
}

void
IpErrors::ExpectedPrefix(CommandResult& result, const std::string& argument)
{
    result.Fail("Error: any valid prefix is expected rather than \"" + argument + "\".",
                LOOKUP_FAILURE);
}

void
IpErrors::ExpectedAddress(CommandResult& result, const std::string& argument)
{
    result.Fail("Error: inet address is expected rather than \"" + argument + "\".",
                LOOKUP_FAILURE);
}

} // namespace netns
} // namespace ns3
