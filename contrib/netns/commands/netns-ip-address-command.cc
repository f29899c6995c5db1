/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-ip-address-command.h"

#include "netns-command-arguments.h"
#include "netns-ip-errors.h"
#include "netns-ip-link-printer.h"
#include "netns-link-state.h"

#include "ns3/log.h"
#include "ns3/net-namespace.h"
#include "ns3/netns-route-table.h"

#include <optional>

namespace ns3
{
namespace netns
{

NS_LOG_COMPONENT_DEFINE("NetnsIpAddressCommand");

namespace
{

/// Fields of an "ip address add" or "ip address del" request.
struct AddressRequest
{
    std::optional<Ipv4Prefix> local;       //!< the address, with its prefix length
    std::string device;                    //!< "dev"
    std::optional<std::string> brd;        //!< "brd" value: "+", "-" or an address
    std::optional<Ipv4Address> brdAddress; //!< the parsed explicit "brd" address
};

/** @return true for 127.0.0.0/8, which Linux gives host scope */
bool
IsLoopbackAddress(Ipv4Address address)
{
    return (address.Get() >> 24) == 127;
}

/** Parse the arguments of "add" and "del"; on failure fill the result and return nullopt. */
std::optional<AddressRequest>
ParseRequest(const std::vector<std::string>& args, CommandResult& result)
{
    AddressRequest request;
    for (std::size_t i = 0; i < args.size(); ++i)
    {
        const std::string& word = args[i];
        const bool takesValue =
            word == "dev" || word == "local" || word == "brd" || MatchesKeyword(word, "broadcast");
        if (takesValue && i + 1 >= args.size())
        {
            IpErrors::Incomplete(result);
            return std::nullopt;
        }
        std::string value = takesValue ? args[++i] : word;
        if (word == "dev")
        {
            request.device = value;
            continue;
        }
        if (word == "brd" || MatchesKeyword(word, "broadcast"))
        {
            if (value != "+" && value != "-")
            {
                request.brdAddress = ParseIprouteIpv4Address(value);
                if (!request.brdAddress)
                {
                    IpErrors::ExpectedAddress(result, value);
                    return std::nullopt;
                }
            }
            request.brd = value;
            continue;
        }
        if (request.local)
        {
            IpErrors::Garbage(result, "local", value);
            return std::nullopt;
        }
        request.local = ParseIpv4Prefix(value);
        if (!request.local || value == "default" || value == "any" || value == "all")
        {
            IpErrors::ExpectedPrefix(result, value);
            return std::nullopt;
        }
    }
    if (request.device.empty())
    {
        result.Fail("Not enough information: \"dev\" argument is required.", 1);
        return std::nullopt;
    }
    return request;
}

/** @return the broadcast address an "ip address add" request sets, if any */
std::optional<Ipv4Address>
RequestedBroadcast(const AddressRequest& request)
{
    if (!request.brd)
    {
        return std::nullopt;
    }
    if (request.brdAddress)
    {
        return request.brdAddress;
    }
    const uint32_t mask = PrefixToMask(request.local->length);
    const uint32_t local = request.local->address.Get();
    // iproute2 computes "brd +" and "brd -" only for prefixes of 30 bits or less.
    if (request.local->length > 30)
    {
        return std::nullopt;
    }
    return Ipv4Address(*request.brd == "+" ? (local | ~mask) : (local & mask));
}

/** @return the address line of "ip address show", without the lifetime line */
std::string
FormatAddressLine(const AddressEntry& address, std::optional<Ipv4Address> broadcast)
{
    std::string line =
        "    inet " + FormatIpv4(address.local) + "/" + std::to_string(address.prefixLength);
    if (broadcast)
    {
        line += " brd " + FormatIpv4(*broadcast);
    }
    line += IsLoopbackAddress(address.local) ? " scope host" : " scope global";
    if (address.secondary)
    {
        line += " secondary";
    }
    return line + " " + address.device;
}

/// Second line of every address: emulated addresses never expire.
constexpr const char* LIFETIME_LINE = "       valid_lft forever preferred_lft forever";

} // namespace

void
IpAddressCommand::Run(Ptr<Process> process,
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
        Add(process, rest, result);
    }
    else if (MatchesKeyword(verb, "delete"))
    {
        Delete(process, rest, result);
    }
    else if (MatchesKeyword(verb, "show") || MatchesKeyword(verb, "list") || verb == "lst")
    {
        Show(process, options, rest, result);
    }
    else if (MatchesKeyword(verb, "flush"))
    {
        Flush(process, rest, result);
    }
    else
    {
        result.Fail("Command \"" + verb + "\" is unknown, try \"ip address help\".", 255);
    }
}

void
IpAddressCommand::Show(Ptr<Process> process,
                       const IpOptions& options,
                       const std::vector<std::string>& args,
                       CommandResult& result)
{
    std::string device;
    bool upOnly = false;
    for (std::size_t i = 0; i < args.size(); ++i)
    {
        if (args[i] == "up")
        {
            upOnly = true;
            continue;
        }
        std::string name = args[i];
        if (name == "dev")
        {
            if (i + 1 >= args.size())
            {
                IpErrors::Incomplete(result);
                return;
            }
            name = args[++i];
        }
        if (!device.empty())
        {
            IpErrors::Garbage(result, "dev", name);
            return;
        }
        device = name;
    }

    Ptr<Namespace> ns = process->GetNamespace();
    if (!device.empty() && !ns->FindInView(device))
    {
        IpErrors::DeviceDoesNotExist(result, device);
        return;
    }
    if (options.family == IpFamily::Inet6)
    {
        return; // the emulated stacks have no IPv6 addresses
    }
    const std::vector<AddressEntry> addresses = ns->GetAddresses();
    for (const LinkState& link : LinkStateReader::List(ns))
    {
        if ((!device.empty() && link.name != device) || (upOnly && !link.IsUp()))
        {
            continue;
        }
        std::vector<AddressEntry> own;
        for (const AddressEntry& address : addresses)
        {
            if (address.ifindex == link.ifindex)
            {
                own.push_back(address);
            }
        }
        if (own.empty() && options.family == IpFamily::Inet)
        {
            continue;
        }
        if (options.brief)
        {
            result.out += IpLinkPrinter::FormatBriefColumns(link);
            for (const AddressEntry& address : own)
            {
                result.out +=
                    FormatIpv4(address.local) + "/" + std::to_string(address.prefixLength) + " ";
            }
            result.out += "\n";
            continue;
        }
        if (options.oneline)
        {
            for (const AddressEntry& address : own)
            {
                result.out += std::to_string(link.ifindex) + ": " + link.name +
                              FormatAddressLine(address, address.configuredBroadcast) + "\\" +
                              LIFETIME_LINE + "\n";
            }
            continue;
        }
        result.out += IpLinkPrinter::FormatHeader(link, false) + "\n";
        if (options.family != IpFamily::Inet)
        {
            result.out += IpLinkPrinter::FormatLinkLayer(link) + "\n";
        }
        for (const AddressEntry& address : own)
        {
            result.out +=
                FormatAddressLine(address, address.configuredBroadcast) + "\n" + LIFETIME_LINE + "\n";
        }
    }
}

void
IpAddressCommand::Add(Ptr<Process> process,
                      const std::vector<std::string>& args,
                      CommandResult& result)
{
    auto request = ParseRequest(args, result);
    if (!request)
    {
        return;
    }
    Ptr<Namespace> ns = process->GetNamespace();
    const ViewEntry* entry = ns->FindInView(request->device);
    if (!entry)
    {
        IpErrors::CannotFindDevice(result, request->device);
        return;
    }
    if (!request->local)
    {
        // A request without IFA_LOCAL reaches the kernel, which rejects it.
        IpErrors::Rtnetlink(result, EOPNOTSUPP);
        return;
    }
    Status added = process->AddAddress(request->device,
                                       request->local->address,
                                       request->local->length,
                                       RequestedBroadcast(*request));
    if (added.GetErrno() == EEXIST)
    {
        IpErrors::KernelMessage(result, "ipv4: Address already assigned.");
        return;
    }
    if (!added.IsOk())
    {
        IpErrors::Rtnetlink(result, added.GetErrno());
        return;
    }
}

void
IpAddressCommand::Delete(Ptr<Process> process,
                         const std::vector<std::string>& args,
                         CommandResult& result)
{
    auto request = ParseRequest(args, result);
    if (!request)
    {
        return;
    }
    Ptr<Namespace> ns = process->GetNamespace();
    const ViewEntry* entry = ns->FindInView(request->device);
    if (!entry)
    {
        IpErrors::CannotFindDevice(result, request->device);
        return;
    }
    if (!request->local)
    {
        IpErrors::Rtnetlink(result, EOPNOTSUPP);
        return;
    }
    std::optional<uint8_t> length;
    if (request->local->lengthGiven)
    {
        length = request->local->length;
    }
    else
    {
        const std::string shown = FormatIpv4(request->local->address) + "/32";
        result.err += "Warning: Executing wildcard deletion to stay compatible with old "
                      "scripts.\n"
                      "         Explicitly specify the prefix length (" +
                      shown +
                      ") to avoid this warning.\n"
                      "         This special behaviour is likely to disappear in further "
                      "releases,\n"
                      "         fix your scripts!\n";
    }
    Status deleted = process->DeleteAddress(request->device, request->local->address, length);
    if (deleted.GetErrno() == EADDRNOTAVAIL)
    {
        IpErrors::KernelMessage(result, "ipv4: Address not found.");
        return;
    }
    if (!deleted.IsOk())
    {
        IpErrors::Rtnetlink(result, deleted.GetErrno());
        return;
    }
}

void
IpAddressCommand::Flush(Ptr<Process> process,
                        const std::vector<std::string>& args,
                        CommandResult& result)
{
    if (args.empty())
    {
        result.Fail("Flush requires arguments.", 1);
        return;
    }
    std::string device = args[0];
    if (device == "dev")
    {
        if (args.size() < 2)
        {
            IpErrors::Incomplete(result);
            return;
        }
        device = args[1];
    }
    const std::size_t consumed = args[0] == "dev" ? 2 : 1;
    if (args.size() > consumed)
    {
        IpErrors::Garbage(result, "dev", args[consumed]);
        return;
    }
    Ptr<Namespace> ns = process->GetNamespace();
    const ViewEntry* entry = ns->FindInView(device);
    if (!entry)
    {
        IpErrors::DeviceDoesNotExist(result, device);
        return;
    }
    const uint32_t ifindex = entry->ifindex;
    bool hasAddresses = false;
    for (const AddressEntry& address : ns->GetAddresses())
    {
        hasAddresses = hasAddresses || address.ifindex == ifindex;
    }
    if (!hasAddresses)
    {
        return; // ip sends no delete request when the dump finds nothing
    }
    auto flushed = process->FlushAddresses(device);
    if (!flushed.IsOk())
    {
        result.Fail("Failed to send flush request: " + ErrnoText(flushed.GetStatus().GetErrno()),
                    255);
        return;
    }
}

} // namespace netns
} // namespace ns3
