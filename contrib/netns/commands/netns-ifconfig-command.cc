/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-ifconfig-command.h"

#include "netns-command-arguments.h"
#include "netns-ifconfig-printer.h"
#include "netns-link-state.h"

#include "ns3/log.h"
#include "ns3/net-namespace.h"
#include "ns3/netns-names.h"
#include "ns3/netns-route-table.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <functional>
#include <optional>

namespace ns3
{
namespace netns
{

NS_LOG_COMPONENT_DEFINE("NetnsIfconfigCommand");

namespace
{

/// net-tools' exit status after printing its usage (E_USAGE).
constexpr int USAGE_STATUS = 3;

/// Usage text of net-tools 2.10's ifconfig, printed when an option lacks its value.
constexpr const char* USAGE =
    "Usage:\n"
    "  ifconfig [-a] [-v] [-s] <interface> [[<AF>] <address>]\n"
    "  [add <address>[/<prefixlen>]]\n"
    "  [del <address>[/<prefixlen>]]\n"
    "  [[-]broadcast [<address>]]  [[-]pointopoint [<address>]]\n"
    "  [netmask <address>]  [dstaddr <address>]  [tunnel <address>]\n"
    "  [outfill <NN>] [keepalive <NN>]\n"
    "  [hw <HW> <address>]  [mtu <NN>]\n"
    "  [[-]trailers]  [[-]arp]  [[-]allmulti]\n"
    "  [multicast]  [[-]promisc]\n"
    "  [mem_start <NN>]  [io_addr <NN>]  [irq <NN>]  [media <type>]\n"
    "  [txqueuelen <NN>]\n"
    "  [name <newname>]\n"
    "  [[-]dynamic]\n"
    "  [up|down] ...\n"
    "\n"
    "  <HW>=Hardware Type.\n"
    "  List of possible hardware types:\n"
    "    loop (Local Loopback) slip (Serial Line IP) cslip (VJ Serial Line IP) \n"
    "    slip6 (6-bit Serial Line IP) cslip6 (VJ 6-bit Serial Line IP) adaptive (Adaptive "
    "Serial Line IP) \n"
    "    ash (Ash) ether (Ethernet) ax25 (AMPR AX.25) \n"
    "    netrom (AMPR NET/ROM) rose (AMPR ROSE) tunnel (IPIP Tunnel) \n"
    "    ppp (Point-to-Point Protocol) hdlc ((Cisco)-HDLC) lapb (LAPB) \n"
    "    arcnet (ARCnet) dlci (Frame Relay DLCI) frad (Frame Relay Access Device) \n"
    "    sit (IPv6-in-IPv4) fddi (Fiber Distributed Data Interface) hippi (HIPPI) \n"
    "    irda (IrLAP) ec (Econet) x25 (generic X.25) \n"
    "    eui64 (Generic EUI-64) \n"
    "  <AF>=Address family. Default: inet\n"
    "  List of possible address families:\n"
    "    unix (UNIX Domain) inet (DARPA Internet) inet6 (IPv6) \n"
    "    ax25 (AMPR AX.25) netrom (AMPR NET/ROM) rose (AMPR ROSE) \n"
    "    ipx (Novell IPX) ddp (Appletalk DDP) ec (Econet) \n"
    "    ash (Ash) x25 (CCITT X.25) \n";

/// Help hint net-tools prints after an argument it cannot use.
constexpr const char* HELP_HINT = "ifconfig: `--help' gives usage information.";

/** @return the first IPv4 address of a device, which SIOCGIFADDR returns */
std::optional<AddressEntry>
FirstAddress(Ptr<Namespace> ns, uint32_t ifindex)
{
    for (const AddressEntry& address : ns->GetAddresses())
    {
        if (address.ifindex == ifindex)
        {
            return address;
        }
    }
    return std::nullopt;
}

/** @return the prefix length Linux's inet_abc_len() gives an address, or nullopt (class D/E) */
std::optional<uint8_t>
ClassfulLength(Ipv4Address address)
{
    const uint32_t top = address.Get() >> 24;
    if (address.Get() == 0)
    {
        return 0;
    }
    if (top < 128)
    {
        return 8;
    }
    if (top < 192)
    {
        return 16;
    }
    if (top < 224)
    {
        return 24;
    }
    return std::nullopt;
}

/** @return the broadcast SIOCSIFADDR and SIOCSIFNETMASK compute, if the device broadcasts */
std::optional<Ipv4Address>
DefaultBroadcast(const LinkState& link, Ipv4Address local, uint8_t length)
{
    if (!(link.flags & LINK_FLAG_BROADCAST) || length >= 31)
    {
        return std::nullopt;
    }
    return Ipv4Address(local.Get() | ~PrefixToMask(length));
}

/** @return a mask's prefix length, or nullopt when its one bits are not contiguous */
std::optional<uint8_t>
MaskLength(Ipv4Address mask)
{
    for (uint8_t length = 0; length <= 32; ++length)
    {
        if (PrefixToMask(length) == mask.Get())
        {
            return length;
        }
    }
    return std::nullopt;
}

/** Replace the first address, as devinet_ioctl(SIOCSIFADDR) does; returns an errno. */
int
SetAddress(Ptr<Process> process, const LinkState& link, Ipv4Address local)
{
    Ptr<Namespace> ns = process->GetNamespace();
    auto length = ClassfulLength(local);
    if (!length)
    {
        return EINVAL;
    }
    auto old = FirstAddress(ns, link.ifindex);
    if (old && old->local == local)
    {
        return 0;
    }
    if (old)
    {
        Status deleted = process->DeleteAddress(link.name, old->local, old->prefixLength);
        if (!deleted.IsOk())
        {
            return deleted.GetErrno();
        }
    }
    // 0.0.0.0 only removes the old address, because the kernel's __inet_insert_ifa()
    // discards an address whose local part is zero.
    if (local == Ipv4Address::GetAny())
    {
        return 0;
    }
    Status added =
        process->AddAddress(link.name, local, *length, DefaultBroadcast(link, local, *length));
    return added.GetErrno();
}

/** Change the first address's mask, as devinet_ioctl(SIOCSIFNETMASK) does; returns an errno. */
int
SetNetmask(Ptr<Process> process, const LinkState& link, Ipv4Address mask)
{
    Ptr<Namespace> ns = process->GetNamespace();
    auto old = FirstAddress(ns, link.ifindex);
    if (!old)
    {
        return EADDRNOTAVAIL;
    }
    auto length = MaskLength(mask);
    if (!length)
    {
        return EINVAL;
    }
    if (*length == old->prefixLength)
    {
        return 0;
    }
    std::optional<Ipv4Address> broadcast = old->configuredBroadcast;
    // The kernel recomputes the broadcast only when it was the default one of the old mask
    // and the new prefix is shorter than /31; otherwise it keeps the broadcast as it was.
    if (broadcast &&
        *broadcast == Ipv4Address(old->local.Get() | ~PrefixToMask(old->prefixLength)))
    {
        if (auto recomputed = DefaultBroadcast(link, old->local, *length))
        {
            broadcast = recomputed;
        }
    }
    Status deleted = process->DeleteAddress(link.name, old->local, old->prefixLength);
    if (!deleted.IsOk())
    {
        return deleted.GetErrno();
    }
    Status added = process->AddAddress(link.name, old->local, *length, broadcast);
    return added.GetErrno();
}

/** Set the first address's broadcast, as devinet_ioctl(SIOCSIFBRDADDR) does; returns an errno. */
int
SetBroadcast(Ptr<Process> process, const LinkState& link, Ipv4Address broadcast)
{
    Ptr<Namespace> ns = process->GetNamespace();
    auto old = FirstAddress(ns, link.ifindex);
    if (!old)
    {
        return EADDRNOTAVAIL;
    }
    return process->SetAddressBroadcast(link.name, old->local, old->prefixLength, broadcast)
        .GetErrno();
}

/**
 * Compare device names as net-tools 2.10's nstrcmp() does: the parts before the
 * trailing digits first, the shorter such part first, then the trailing numbers,
 * then the whole names bytewise. So eth2 sorts before eth10, and eth10 before eth1a.
 */
int
CompareInterfaceNames(const std::string& a, const std::string& b)
{
    auto stemLength = [](const std::string& name) {
        std::size_t length = name.size();
        while (length > 0 && std::isdigit(static_cast<unsigned char>(name[length - 1])))
        {
            --length;
        }
        return length;
    };
    const std::size_t aStem = stemLength(a);
    const std::size_t bStem = stemLength(b);
    const int stems = a.compare(0, std::min(aStem, bStem), b, 0, std::min(aStem, bStem));
    if (stems != 0)
    {
        return stems;
    }
    if (aStem != bStem)
    {
        return aStem < bStem ? -1 : 1;
    }
    const long aNumber = std::atol(a.c_str() + aStem);
    const long bNumber = std::atol(b.c_str() + bStem);
    if (aNumber != bNumber)
    {
        return aNumber < bNumber ? -1 : 1;
    }
    return a.compare(b);
}

/**
 * Report a parse failure of an address argument the way net-tools' resolver does.
 * NOTE: net-tools tries getnetbyname() and gethostbyname() after inet_aton(), so
 * the real ifconfig accepts names from /etc/networks and /etc/hosts; the emulator
 * resolves no name.
 */
void
UnknownHost(const std::string& word, bool withHint, CommandResult& result)
{
    const bool numeric = word.find_first_not_of("0123456789.") == std::string::npos;
    result.err += word + (numeric ? ": Unknown host\n" : ": Host name lookup failure\n");
    if (withHint)
    {
        result.err += std::string(HELP_HINT) + "\n";
    }
    result.exitStatus = 1;
}

} // namespace

void
IfconfigCommand::Run(Ptr<Process> process,
                     const std::vector<std::string>& args,
                     CommandResult& result)
{
    NS_LOG_FUNCTION(process);
    bool all = false;
    std::size_t i = 0;
    for (; i < args.size() && !args[i].empty() && args[i][0] == '-'; ++i)
    {
        if (args[i] == "-a")
        {
            all = true;
            continue;
        }
        if (args[i] == "-v")
        {
            continue;
        }
        result.Fail("ifconfig: option `" + args[i] + "' not recognised.", 1);
        result.err += std::string(HELP_HINT) + "\n";
        return;
    }
    if (i >= args.size())
    {
        List(process, all, result);
        return;
    }
    // The ioctls copy the name into a 16-byte buffer: longer names are cut to 15 bytes.
    const std::string device = args[i].substr(0, IFNAMSIZ - 1);
    const std::vector<std::string> actions(args.begin() + i + 1, args.end());
    if (!actions.empty())
    {
        Configure(process, device, actions, result);
        return;
    }
    Ptr<Namespace> ns = process->GetNamespace();
    auto link = LinkStateReader::Find(ns, device);
    if (!link)
    {
        result.Fail(device + ": error fetching interface information: Device not found", 1);
        return;
    }
    std::optional<IfconfigPrinter::PrimaryAddress> primary;
    if (auto first = FirstAddress(ns, link->ifindex))
    {
        primary = IfconfigPrinter::PrimaryAddress{
            first->local, first->prefixLength, first->configuredBroadcast};
    }
    result.out += IfconfigPrinter::Format(*link, primary);
}

void
IfconfigCommand::List(Ptr<Process> process, bool all, CommandResult& result)
{
    Ptr<Namespace> ns = process->GetNamespace();
    // net-tools inserts each device of /proc/net/dev (ifindex order) into its list,
    // scanning from the end, and keeps the list ordered by nstrcmp().
    std::vector<LinkState> links;
    for (const LinkState& link : LinkStateReader::List(ns))
    {
        auto position = links.end();
        while (position != links.begin() &&
               CompareInterfaceNames(link.name, (position - 1)->name) < 0)
        {
            --position;
        }
        links.insert(position, link);
    }
    for (const LinkState& link : links)
    {
        if (!all && !link.IsUp())
        {
            continue;
        }
        std::optional<IfconfigPrinter::PrimaryAddress> primary;
        if (auto first = FirstAddress(ns, link.ifindex))
        {
            primary = IfconfigPrinter::PrimaryAddress{
                first->local, first->prefixLength, first->configuredBroadcast};
        }
        result.out += IfconfigPrinter::Format(link, primary);
    }
}

void
IfconfigCommand::Configure(Ptr<Process> process,
                           const std::string& device,
                           const std::vector<std::string>& actions,
                           CommandResult& result)
{
    Ptr<Namespace> ns = process->GetNamespace();
    const bool admin = process->GetCredentials().Has(Capability::NetAdmin);
    // net-tools ORs each step's status into one: -1 (exit 255) wins over 1.
    int failure = 0;

    // One "set" ioctl: privilege first, then the device, then the change itself.
    auto ioctl = [&](const std::string& name, const std::function<int(const LinkState&)>& apply)
    {
        auto link = LinkStateReader::Find(ns, device);
        int errnum = !admin ? EPERM : (!link ? ENODEV : apply(*link));
        if (errnum != 0)
        {
            result.err += name + ": " + ErrnoText(errnum) + "\n";
            failure = failure == -1 ? -1 : 1;
        }
    };
    // set_flag()/clr_flag(): read the flags (no privilege needed), then write them.
    auto setFlag = [&](bool up)
    {
        if (!ns->FindInView(device))
        {
            result.err += device + ": ERROR while getting interface flags: No such device\n";
            failure = -1;
            return;
        }
        Status set = process->SetLinkUp(device, up);
        if (!set.IsOk())
        {
            result.err += "SIOCSIFFLAGS: " + ErrnoText(set.GetErrno()) + "\n";
            failure = -1;
        }
    };

    for (std::size_t i = 0; i < actions.size(); ++i)
    {
        const std::string& word = actions[i];
        if (word == "up" || word == "down")
        {
            setFlag(word == "up");
            continue;
        }
        if (word == "netmask" || word == "broadcast" || word == "mtu")
        {
            if (i + 1 >= actions.size())
            {
                result.err += USAGE;
                result.exitStatus = USAGE_STATUS;
                return;
            }
            const std::string& value = actions[++i];
            if (word == "mtu")
            {
                auto mtu = ParseUnsigned(value, UINT32_MAX);
                ioctl("SIOCSIFMTU",
                      [&](const LinkState& link)
                      { return mtu ? process->SetMtu(link.name, *mtu).GetErrno() : EINVAL; });
                continue;
            }
            auto address = ParseInetAton(value);
            if (!address)
            {
                UnknownHost(value, false, result);
                return;
            }
            if (word == "netmask")
            {
                ioctl("SIOCSIFNETMASK",
                      [&](const LinkState& link) { return SetNetmask(process, link, *address); });
            }
            else
            {
                ioctl("SIOCSIFBRDADDR",
                      [&](const LinkState& link) { return SetBroadcast(process, link, *address); });
            }
            continue;
        }
        auto address = ParseInetAton(word);
        if (!address)
        {
            UnknownHost(word, true, result);
            return;
        }
        ioctl("SIOCSIFADDR",
              [&](const LinkState& link) { return SetAddress(process, link, *address); });
        setFlag(true);
    }
    result.exitStatus = failure == -1 ? 255 : failure;
}

} // namespace netns
} // namespace ns3
