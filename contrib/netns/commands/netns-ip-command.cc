/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-ip-command.h"

#include "netns-command-arguments.h"
#include "netns-ip-address-command.h"
#include "netns-ip-errors.h"
#include "netns-ip-link-command.h"
#include "netns-ip-options.h"
#include "netns-ip-route-command.h"

#include "ns3/log.h"

namespace ns3
{
namespace netns
{

NS_LOG_COMPONENT_DEFINE("NetnsIpCommand");

namespace
{

/// Usage text of the emulated ip, printed to standard error with status 255.
constexpr const char* USAGE =
    "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n"
    "where  OBJECT := { address | link | route }\n"
    "       OPTIONS := { -f[amily] { inet | inet6 } | -4 | -6 | -br[ief] | -o[neline] }\n";

/**
 * The objects of ip, in the order of the command table of iproute2 6.1's
 * ip/ip.c, so that an abbreviation picks the same object as there.
 */
const std::vector<std::string>&
ObjectTable()
{
    static const std::vector<std::string> objects{
        "address", "addrlabel", "maddress", "route", "rule",       "neighbor",    "neighbour",
        "ntable",  "ntbl",      "link",     "l2tp",  "fou",        "ila",         "macsec",
        "tunnel",  "tuntap",    "tap",      "token", "tcpmetrics", "tcp_metrics", "monitor",
        "xfrm",    "mroute",    "mrule",    "netns", "netconf",    "vrf",         "sr",
        "nexthop", "mptcp",     "ioam",     "stats", "help"};
    return objects;
}

/** Parse the global options; returns the index of the object word, or nullopt on error. */
std::optional<std::size_t>
ParseOptions(const std::vector<std::string>& args, IpOptions& options, CommandResult& result)
{
    std::size_t i = 0;
    for (; i < args.size() && args[i].size() > 1 && args[i][0] == '-'; ++i)
    {
        std::string option = args[i];
        if (option.compare(0, 2, "--") == 0)
        {
            option.erase(0, 1);
        }
        if (option == "-4")
        {
            options.family = IpFamily::Inet;
        }
        else if (option == "-6")
        {
            options.family = IpFamily::Inet6;
        }
        else if (option == "-br" || option == "-brief")
        {
            options.brief = true;
        }
        else if (MatchesKeyword(option, "-oneline") && option.size() > 1)
        {
            options.oneline = true;
        }
        else if (MatchesKeyword(option, "-family") && option.size() > 1)
        {
            if (i + 1 >= args.size())
            {
                IpErrors::Incomplete(result);
                return std::nullopt;
            }
            const std::string& family = args[++i];
            if (family == "inet")
            {
                options.family = IpFamily::Inet;
            }
            else if (family == "inet6")
            {
                options.family = IpFamily::Inet6;
            }
            else
            {
                IpErrors::InvalidArgument(result, family, "invalid protocol family");
                return std::nullopt;
            }
        }
        else
        {
            result.Fail("Option \"" + option + "\" is unknown, try \"ip -help\".", 255);
            return std::nullopt;
        }
    }
    return i;
}

} // namespace

void
IpCommand::Run(Ptr<Process> process, const std::vector<std::string>& args, CommandResult& result)
{
    NS_LOG_FUNCTION(process);
    IpOptions options;
    auto objectIndex = ParseOptions(args, options, result);
    if (!objectIndex)
    {
        return;
    }
    if (*objectIndex >= args.size())
    {
        result.err += USAGE;
        result.exitStatus = 255;
        return;
    }
    const std::string& word = args[*objectIndex];
    const std::vector<std::string> rest(args.begin() + *objectIndex + 1, args.end());
    std::string object;
    for (const std::string& candidate : ObjectTable())
    {
        if (MatchesKeyword(word, candidate))
        {
            object = candidate;
            break;
        }
    }
    if (object == "address")
    {
        IpAddressCommand::Run(process, options, rest, result);
    }
    else if (object == "link")
    {
        IpLinkCommand::Run(process, options, rest, result);
    }
    else if (object == "route")
    {
        IpRouteCommand::Run(process, options, rest, result);
    }
    else if (object == "help")
    {
        result.err += USAGE;
        result.exitStatus = 255;
    }
    else if (!object.empty())
    {
        result.Fail("Object \"" + word + "\" (ip " + object +
                        ") is not emulated: only link, address and route are.",
                    1);
    }
    else
    {
        result.Fail("Object \"" + word + "\" is unknown, try \"ip help\".", 1);
    }
}

} // namespace netns
} // namespace ns3
