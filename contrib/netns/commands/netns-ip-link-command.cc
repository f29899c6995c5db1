/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-ip-link-command.h"

#include "netns-command-arguments.h"
#include "netns-ip-errors.h"
#include "netns-ip-link-printer.h"
#include "netns-link-state.h"

#include "ns3/log.h"
#include "ns3/net-namespace.h"
#include "ns3/netns-host.h"
#include "ns3/netns-names.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <optional>

namespace ns3
{
namespace netns
{

NS_LOG_COMPONENT_DEFINE("NetnsIpLinkCommand");

namespace
{

/// Linux's minimum MTU for a device carrying IPv4 (RFC 791's 68 bytes).
constexpr uint32_t MIN_MTU = 68;
/// Largest MTU of a veth device, and the largest ns-3 devices can store.
constexpr uint32_t MAX_MTU = 65535;

/** @return false for names iproute2's check_altifname() rejects: empty, '/', white space */
bool
IsValidDeviceArgument(const std::string& name)
{
    if (name.empty())
    {
        return false;
    }
    for (char c : name)
    {
        if (c == '/' || std::isspace(static_cast<unsigned char>(c)))
        {
            return false;
        }
    }
    return true;
}

/** Read an int as iproute2's get_integer() does: strtol(text, &end, 0), nothing after it. */
std::optional<int>
ParseInteger(const std::string& text)
{
    if (text.empty() || text.find('\0') != std::string::npos)
    {
        return std::nullopt;
    }
    errno = 0;
    char* end = nullptr;
    const long value = std::strtol(text.c_str(), &end, 0);
    if (end == text.c_str() || *end != '\0' || errno == ERANGE || value > INT_MAX ||
        value < INT_MIN)
    {
        return std::nullopt;
    }
    return static_cast<int>(value);
}

/** Fill the result with iproute2's duparg() error for a keyword given twice. */
void
Duplicate(CommandResult& result, const std::string& keyword, const std::string& value)
{
    result.Fail("Error: duplicate \"" + keyword + "\": \"" + value + "\" is the second value.",
                255);
}

/// Changes requested by an "ip link set" command line.
struct LinkChanges
{
    std::string device;              //!< the device
    std::optional<bool> up;          //!< "up" or "down"
    std::optional<int> mtu;          //!< "mtu N", as the int iproute2 sends
    std::optional<std::string> name; //!< "name NEW"
};

/** Parse "ip link set" arguments; on failure fill the result and return nullopt. */
std::optional<LinkChanges>
ParseSet(const std::vector<std::string>& args, CommandResult& result)
{
    LinkChanges changes;
    for (std::size_t i = 0; i < args.size(); ++i)
    {
        const std::string& word = args[i];
        if (word == "up" || word == "down")
        {
            changes.up = word == "up";
            continue;
        }
        if (word == "name" || word == "mtu" || word == "dev")
        {
            if (i + 1 >= args.size())
            {
                IpErrors::Incomplete(result);
                return std::nullopt;
            }
            const std::string& value = args[++i];
            if (word == "name")
            {
                if (changes.name)
                {
                    Duplicate(result, word, value);
                    return std::nullopt;
                }
                if (!ValidateInterfaceName(value).IsOk())
                {
                    IpErrors::InvalidArgument(result, value, "\"name\" not a valid ifname");
                    return std::nullopt;
                }
                changes.name = value;
            }
            else if (word == "mtu")
            {
                // iproute2 marks "no mtu yet" with -1, so "mtu -1 mtu 1400" is no duplicate.
                if (changes.mtu && *changes.mtu != -1)
                {
                    Duplicate(result, word, value);
                    return std::nullopt;
                }
                auto mtu = ParseInteger(value);
                if (!mtu)
                {
                    IpErrors::InvalidArgument(result, value, "Invalid \"mtu\" value\n");
                    return std::nullopt;
                }
                changes.mtu = *mtu;
            }
            else
            {
                if (!IsValidDeviceArgument(value))
                {
                    IpErrors::InvalidArgument(result, value, "\"dev\" not a valid ifname");
                    return std::nullopt;
                }
                if (!changes.device.empty())
                {
                    IpErrors::Garbage(result, "dev", value);
                    return std::nullopt;
                }
                changes.device = value;
            }
            continue;
        }
        if (!changes.device.empty())
        {
            IpErrors::Garbage(result, "dev", word);
            return std::nullopt;
        }
        changes.device = word;
    }
    if (changes.device.empty())
    {
        result.Fail("Not enough information: \"dev\" argument is required.", 255);
        return std::nullopt;
    }
    return changes;
}

/** Apply the MTU change with the kernel's range checks. */
void
ApplyMtu(Ptr<Process> process, const LinkChanges& changes, CommandResult& result)
{
    if (*changes.mtu < static_cast<int>(MIN_MTU))
    {
        IpErrors::KernelMessage(result, "mtu less than device minimum.");
        return;
    }
    if (*changes.mtu > static_cast<int>(MAX_MTU))
    {
        IpErrors::KernelMessage(result, "mtu greater than device maximum.");
        return;
    }
    Status set = process->SetMtu(changes.device, static_cast<uint32_t>(*changes.mtu));
    if (set.GetErrno() == EINVAL)
    {
        IpErrors::KernelMessage(result, "mtu greater than device maximum.");
    }
    else if (!set.IsOk())
    {
        IpErrors::Rtnetlink(result, set.GetErrno());
    }
}

} // namespace

void
IpLinkCommand::Run(Ptr<Process> process,
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
    if (MatchesKeyword(verb, "show") || MatchesKeyword(verb, "list") || verb == "lst")
    {
        Show(process, options, rest, result);
    }
    else if (MatchesKeyword(verb, "set"))
    {
        Set(process, rest, result);
    }
    else
    {
        result.Fail("Command \"" + verb + "\" is unknown, try \"ip link help\".", 255);
    }
}

void
IpLinkCommand::Show(Ptr<Process> process,
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
    std::vector<LinkState> links;
    if (device.empty())
    {
        links = LinkStateReader::List(ns);
    }
    else
    {
        auto link = LinkStateReader::Find(ns, device);
        if (!link)
        {
            IpErrors::DeviceDoesNotExist(result, device);
            return;
        }
        links.push_back(*link);
    }

    for (const LinkState& link : links)
    {
        if (upOnly && !link.IsUp())
        {
            continue;
        }
        if (options.brief)
        {
            result.out += IpLinkPrinter::FormatBriefColumns(link) + link.address + " " +
                          IpLinkPrinter::FormatFlags(link.flags) + " \n";
            continue;
        }
        const std::string separator = options.oneline ? "\\" : "\n";
        result.out += IpLinkPrinter::FormatHeader(link, true) + separator +
                      IpLinkPrinter::FormatLinkLayer(link) + "\n";
    }
}

void
IpLinkCommand::Set(Ptr<Process> process,
                   const std::vector<std::string>& args,
                   CommandResult& result)
{
    auto changes = ParseSet(args, result);
    if (!changes)
    {
        return;
    }
    Ptr<Namespace> ns = process->GetNamespace();
    if (!ns->FindInView(changes->device))
    {
        IpErrors::CannotFindDevice(result, changes->device);
        return;
    }
    // rtnetlink checks CAP_NET_ADMIN on the request as a whole, before any change.
    if (!process->GetCredentials().Has(Capability::NetAdmin))
    {
        IpErrors::Rtnetlink(result, EPERM);
        return;
    }

    // Linux's do_setlink() applies the name first, then the MTU, then the flags.
    if (changes->name && *changes->name != changes->device)
    {
        Status renamed = ns->RenameDevice(changes->device, *changes->name);
        if (!renamed.IsOk())
        {
            IpErrors::Rtnetlink(result, renamed.GetErrno());
            return;
        }
        changes->device = *changes->name;
    }
    if (changes->mtu)
    {
        ApplyMtu(process, *changes, result);
        if (result.exitStatus != 0)
        {
            return;
        }
    }
    if (changes->up)
    {
        Status set = process->SetLinkUp(changes->device, *changes->up);
        if (!set.IsOk())
        {
            IpErrors::Rtnetlink(result, set.GetErrno());
        }
    }
}

} // namespace netns
} // namespace ns3
