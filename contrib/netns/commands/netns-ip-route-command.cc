/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-ip-route-command.h"

#include "netns-command-arguments.h"
#include "netns-ip-errors.h"
#include "netns-ip-route-printer.h"
#include "netns-link-state.h"

#include "ns3/log.h"
#include "ns3/net-namespace.h"

#include <algorithm>
#include <optional>
#include <set>

namespace ns3
{
namespace netns
{

NS_LOG_COMPONENT_DEFINE("NetnsIpRouteCommand");

namespace
{

/// Number of the main routing table (RT_TABLE_MAIN).
constexpr uint32_t MAIN_TABLE = 254;

/// Fields of an "ip route add" or "ip route del" request.
struct RouteRequest
{
    std::optional<Ipv4Prefix> destination; //!< the destination prefix
    std::optional<Ipv4Address> gateway;    //!< "via"
    std::string device;                    //!< "dev"
    std::optional<Ipv4Address> source;     //!< "src"
    std::optional<uint32_t> metric;        //!< "metric"
    std::optional<RouteProtocol> protocol; //!< "proto"
    std::optional<RouteScope> scope;       //!< "scope"
};

/** @return the protocol named by a word of "proto", or nullopt */
std::optional<RouteProtocol>
ParseProtocol(const std::string& word)
{
    if (word == "kernel")
    {
        return RouteProtocol::Kernel;
    }
    if (word == "boot")
    {
        return RouteProtocol::Boot;
    }
    if (word == "static")
    {
        return RouteProtocol::Static;
    }
    auto number = ParseUnsigned(word, 255);
    if (number && (*number == 2 || *number == 3 || *number == 4))
    {
        return static_cast<RouteProtocol>(*number);
    }
    return std::nullopt;
}

/** @return the scope named by a word of "scope", or nullopt */
std::optional<RouteScope>
ParseScope(const std::string& word)
{
    if (word == "global" || word == "universe")
    {
        return RouteScope::Universe;
    }
    if (word == "link")
    {
        return RouteScope::Link;
    }
    if (word == "host")
    {
        return RouteScope::Host;
    }
    return std::nullopt;
}

/** @return true when "table WORD" names the main table */
bool
IsMainTable(const std::string& word)
{
    auto number = ParseUnsigned(word, UINT32_MAX);
    return word == "main" || (number && *number == MAIN_TABLE);
}

/** Parse one keyword and its value into the request; false when the result was filled. */
bool
ParseKeyword(const std::string& keyword,
             const std::string& value,
             RouteRequest& request,
             CommandResult& result)
{
    if (keyword == "via" || keyword == "src")
    {
        auto address = ParseIprouteIpv4Address(value);
        if (!address)
        {
            IpErrors::ExpectedAddress(result, value);
            return false;
        }
        (keyword == "via" ? request.gateway : request.source) = *address;
    }
    else if (keyword == "dev" || keyword == "oif")
    {
        request.device = value;
    }
    else if (keyword == "metric" || keyword == "priority" || keyword == "preference")
    {
        request.metric = ParseUnsigned(value, UINT32_MAX);
        if (!request.metric)
        {
            IpErrors::InvalidArgument(result, value, "\"metric\" value is invalid\n");
            return false;
        }
    }
    else if (keyword == "proto")
    {
        request.protocol = ParseProtocol(value);
        if (!request.protocol)
        {
            IpErrors::InvalidArgument(result, value, "\"protocol\" value is invalid\n");
            return false;
        }
    }
    else if (keyword == "scope")
    {
        request.scope = ParseScope(value);
        if (!request.scope)
        {
            IpErrors::InvalidArgument(result, value, "invalid \"scope\" value\n");
            return false;
        }
    }
    else if (keyword == "table" && !IsMainTable(value))
    {
        // NOTE: Linux accepts any table number; the emulated stacks have only the main one.
        result.Fail("Error: only the main routing table is emulated, not table \"" + value + "\".",
                    2);
        return false;
    }
    return true;
}

/** Parse "add" and "del" arguments; on failure fill the result and return nullopt. */
std::optional<RouteRequest>
ParseRequest(const std::vector<std::string>& args, CommandResult& result)
{
    static const std::vector<std::string> keywords{"via",
                                                   "src",
                                                   "dev",
                                                   "oif",
                                                   "metric",
                                                   "priority",
                                                   "preference",
                                                   "proto",
                                                   "scope",
                                                   "table"};
    RouteRequest request;
    for (std::size_t i = 0; i < args.size(); ++i)
    {
        std::string word = args[i];
        if (std::find(keywords.begin(), keywords.end(), word) != keywords.end())
        {
            if (i + 1 >= args.size())
            {
                IpErrors::Incomplete(result);
                return std::nullopt;
            }
            if (!ParseKeyword(word, args[++i], request, result))
            {
                return std::nullopt;
            }
            continue;
        }
        if (word == "unicast")
        {
            continue;
        }
        if (word == "to")
        {
            if (i + 1 >= args.size())
            {
                IpErrors::Incomplete(result);
                return std::nullopt;
            }
            word = args[++i];
        }
        if (request.destination)
        {
            IpErrors::Garbage(result, "to", word);
            return std::nullopt;
        }
        request.destination = ParseIpv4Prefix(word);
        if (!request.destination)
        {
            IpErrors::ExpectedPrefix(result, word);
            return std::nullopt;
        }
    }
    if (!request.destination)
    {
        IpErrors::Incomplete(result);
        return std::nullopt;
    }
    return request;
}

} // namespace

void
IpRouteCommand::Run(Ptr<Process> process,
                    const IpOptions& options,
                    const std::vector<std::string>& args,
                    CommandResult& result)
{
    NS_LOG_FUNCTION(process);
    if (args.empty())
    {
        Show(process, options, args, result);
        return;
    }
    const std::string& verb = args[0];
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (MatchesKeyword(verb, "add"))
    {
        Modify(process, rest, true, result);
    }
    else if (MatchesKeyword(verb, "delete"))
    {
        Modify(process, rest, false, result);
    }
    else if (MatchesKeyword(verb, "show") || MatchesKeyword(verb, "list") || verb == "lst")
    {
        Show(process, options, rest, result);
    }
    else if (MatchesKeyword(verb, "get"))
    {
        Get(process, rest, result);
    }
    else
    {
        result.Fail("Command \"" + verb + "\" is unknown, try \"ip route help\".", 255);
    }
}

void
IpRouteCommand::Show(Ptr<Process> process,
                     const IpOptions& options,
                     const std::vector<std::string>& args,
                     CommandResult& result)
{
    Ptr<Namespace> ns = process->GetNamespace();
    std::optional<Ipv4Prefix> exact;
    std::optional<uint32_t> ifindex;
    std::optional<RouteProtocol> protocol;
    for (std::size_t i = 0; i < args.size(); ++i)
    {
        std::string word = args[i];
        const bool takesValue =
            word == "dev" || word == "proto" || word == "table" || word == "exact" || word == "to";
        if (takesValue && i + 1 >= args.size())
        {
            IpErrors::Incomplete(result);
            return;
        }
        const std::string value = takesValue ? args[++i] : word;
        if (word == "dev")
        {
            const ViewEntry* entry = ns->FindInView(value);
            if (!entry)
            {
                IpErrors::CannotFindDevice(result, value);
                return;
            }
            ifindex = entry->ifindex;
        }
        else if (word == "proto")
        {
            protocol = ParseProtocol(value);
            if (!protocol)
            {
                IpErrors::InvalidArgument(result, value, "invalid \"protocol\"");
                return;
            }
        }
        else if (word == "table")
        {
            if (!IsMainTable(value) && value != "all")
            {
                result.Fail("Error: only the main routing table is emulated, not table \"" + value +
                                "\".",
                            2);
                return;
            }
        }
        else
        {
            // A bare prefix selects routes to exactly that prefix, as "exact PREFIX" does.
            exact = ParseIpv4Prefix(value);
            if (!exact)
            {
                IpErrors::ExpectedPrefix(result, value);
                return;
            }
        }
    }
    if (options.family == IpFamily::Inet6)
    {
        return;
    }
    for (const Route& route : ns->GetRoutes())
    {
        if ((exact &&
             (route.destination != exact->address || route.prefixLength != exact->length)) ||
            (ifindex && route.ifindex != *ifindex) || (protocol && route.protocol != *protocol))
        {
            continue;
        }
        result.out += IpRoutePrinter::Format(ns, route, !ifindex, !protocol) + "\n";
    }
}

void
IpRouteCommand::Modify(Ptr<Process> process,
                       const std::vector<std::string>& args,
                       bool add,
                       CommandResult& result)
{
    auto request = ParseRequest(args, result);
    if (!request)
    {
        return;
    }
    Ptr<Namespace> ns = process->GetNamespace();
    std::optional<uint32_t> ifindex;
    if (!request->device.empty())
    {
        const ViewEntry* entry = ns->FindInView(request->device);
        if (!entry)
        {
            IpErrors::CannotFindDevice(result, request->device);
            return;
        }
        ifindex = entry->ifindex;
    }
    // rtnetlink checks CAP_NET_ADMIN before the FIB looks at the request.
    if (!process->GetCredentials().Has(Capability::NetAdmin))
    {
        IpErrors::Rtnetlink(result, EPERM);
        return;
    }
    const Ipv4Prefix& prefix = *request->destination;
    if ((prefix.address.Get() & ~PrefixToMask(prefix.length)) != 0)
    {
        IpErrors::KernelMessage(result, "Invalid prefix for given prefix length.");
        return;
    }

    if (!add)
    {
        RouteSelector selector;
        selector.destination = prefix.address;
        selector.prefixLength = prefix.length;
        selector.gateway = request->gateway;
        selector.ifindex = ifindex;
        selector.metric = request->metric;
        selector.preferredSource = request->source;
        selector.protocol = request->protocol;
        Status deleted = process->DeleteRoute(selector);
        if (!deleted.IsOk())
        {
            IpErrors::Rtnetlink(result, deleted.GetErrno());
        }
        return;
    }

    if (!ifindex && !request->gateway)
    {
        IpErrors::Rtnetlink(result, ENODEV);
        return;
    }
    Route route;
    route.destination = prefix.address;
    route.prefixLength = prefix.length;
    route.gateway = request->gateway.value_or(Ipv4Address::GetAny());
    route.ifindex = ifindex.value_or(0);
    route.preferredSource = request->source.value_or(Ipv4Address::GetAny());
    route.metric = request->metric.value_or(0);
    route.protocol = request->protocol.value_or(RouteProtocol::Boot);
    // iproute2 gives a route without a gateway link scope unless the request sets one.
    route.scope =
        request->scope.value_or(request->gateway ? RouteScope::Universe : RouteScope::Link);
    Status added = process->AddRoute(route);
    if (added.IsOk())
    {
        return;
    }
    switch (added.GetErrno())
    {
    case ENETUNREACH:
        IpErrors::KernelMessage(result, "Nexthop has invalid gateway.");
        break;
    case EINVAL:
        IpErrors::KernelMessage(result, "Invalid prefsrc address.");
        break;
    default:
        IpErrors::Rtnetlink(result, added.GetErrno());
        break;
    }
}

namespace
{

/// Keywords of iproute2 6.1's "ip route get" that the emulation does not implement.
const std::set<std::string> UNSUPPORTED_GET_KEYWORDS{"from",
                                                     "iif",
                                                     "oif",
                                                     "mark",
                                                     "tos",
                                                     "dsfield",
                                                     "vrf",
                                                     "ipproto",
                                                     "sport",
                                                     "dport",
                                                     "connected",
                                                     "fibmatch",
                                                     "as"};

} // namespace

void
IpRouteCommand::Get(Ptr<Process> process,
                    const std::vector<std::string>& args,
                    CommandResult& result)
{
    std::optional<Ipv4Address> destination;
    for (std::size_t i = 0; i < args.size(); ++i)
    {
        std::string word = args[i];
        if (word == "to")
        {
            if (i + 1 >= args.size())
            {
                IpErrors::Incomplete(result);
                return;
            }
            word = args[++i];
        }
        else if (UNSUPPORTED_GET_KEYWORDS.count(word) != 0)
        {
            result.Fail("Error: \"" + word +
                            "\" is not supported: the emulated ip route get takes only a "
                            "destination address.",
                        1);
            return;
        }
        auto prefix = ParseIpv4Prefix(word);
        if (!prefix || word == "default" || word == "any" || word == "all")
        {
            IpErrors::ExpectedPrefix(result, word);
            return;
        }
        if (destination)
        {
            IpErrors::Garbage(result, "to", word);
            return;
        }
        // iproute2 6.1 warns and then looks up the address alone, as a /32.
        if (prefix->length != 32)
        {
            result.err += "Warning: /" + std::to_string(prefix->length) +
                          " as prefix is invalid, only /32 (or none) is supported.\n";
        }
        destination = prefix->address;
    }
    if (!destination)
    {
        result.Fail("need at least a destination address", 1);
        return;
    }

    Ptr<Namespace> ns = process->GetNamespace();
    const std::string uid = " uid " + std::to_string(process->GetUid()) + " \n";
    const std::string target = FormatIpv4(*destination);
    // The namespace's own addresses and 127.0.0.0/8 go through its loopback.
    const bool loopbackRange = (destination->Get() >> 24) == 127;
    if (loopbackRange || ns->HoldsAddress(*destination))
    {
        const std::string source = loopbackRange ? "127.0.0.1" : target;
        result.out += "local " + target + " dev lo src " + source + uid + "    cache <local> \n";
        return;
    }
    auto found = ns->LookupRoute(*destination);
    if (!found.IsOk())
    {
        IpErrors::Rtnetlink(result, found.GetStatus().GetErrno());
        return;
    }
    const Route& route = found.GetValue();
    std::string line = target + " ";
    if (route.HasGateway())
    {
        line += "via " + FormatIpv4(route.gateway) + " ";
    }
    line += "dev " + LinkStateReader::IndexToName(ns, route.ifindex) + " src " +
            FormatIpv4(route.preferredSource);
    result.out += line + uid + "    cache \n";
}

} // namespace netns
} // namespace ns3
