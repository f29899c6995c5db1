/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-helper.h"

#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/netns-capture-helper.h"
#include "ns3/netns-names.h"
#include "ns3/netns-stack.h"
#include "ns3/netns-traffic-control.h"
#include "ns3/netns-view-device.h"
#include "ns3/packet-socket-factory.h"
#include "ns3/pcap-file-wrapper.h"

#include <cerrno>
#include <climits>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NetnsHelper");

NetnsHelper::NetnsHelper() = default;

void
NetnsHelper::SetRouteIsolation(bool isolated)
{
    m_routeIsolation = isolated;
}

netns::Status
NetnsHelper::Install(Ptr<Node> node) const
{
    NS_LOG_FUNCTION(this << node);
    if (!node)
    {
        return netns::Status::Error(EINVAL, "NetnsHelper::Install: no node given");
    }
    if (node->GetObject<netns::Host>())
    {
        return netns::Status::Error(EEXIST,
                                    "node " + std::to_string(node->GetId()) +
                                        " already has network namespace support");
    }
    if (node->IsInitialized())
    {
        // ns-3 initializes a node's objects once, at its first event, so a
        // stack aggregated later would stay uninitialized.
        return netns::Status::Error(EBUSY,
                                    "node " + std::to_string(node->GetId()) +
                                        " is already initialized; install NetnsHelper before "
                                        "Simulator::Run(), or in the event that creates the node");
    }
    if (node->GetObject<Ipv4>())
    {
        return netns::Status::Error(EBUSY,
                                    "node " + std::to_string(node->GetId()) +
                                        " already has an IPv4 stack (from InternetStackHelper?); "
                                        "install NetnsHelper on hosts instead of it, since "
                                        "namespaces cannot be isolated on a stock stack");
    }
    netns::BuildIpv4Stack(node, CreateObject<netns::HostTrafficControl>());
    node->AggregateObject(CreateObject<PacketSocketFactory>());

    Ptr<netns::Host> host = CreateObject<netns::Host>();
    host->SetRouteIsolation(m_routeIsolation);
    node->AggregateObject(host);
    host->Setup(node);
    return netns::Status();
}

netns::Status
NetnsHelper::Install(const NodeContainer& nodes) const
{
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        netns::Status installed = Install(*it);
        if (!installed.IsOk())
        {
            return installed;
        }
    }
    return netns::Status();
}

Ptr<netns::Host>
NetnsHelper::GetHost(Ptr<Node> node)
{
    return node ? node->GetObject<netns::Host>() : nullptr;
}

std::string
NetnsHelper::GetViewFilename(const std::string& prefix, Ptr<NetDevice> view)
{
    Ptr<netns::Namespace> ns = view->GetNode()->GetObject<netns::Namespace>();
    if (!ns || !ns->GetHost())
    {
        return prefix + "_node" + std::to_string(view->GetNode()->GetId()) + "_if" +
               std::to_string(view->GetIfIndex()) + ".pcap";
    }
    std::string device = "if" + std::to_string(view->GetIfIndex());
    for (const netns::ViewEntry& entry : ns->GetView())
    {
        if (entry.device == view)
        {
            device = entry.name;
        }
    }
    return FormatViewFilename(prefix, ns->GetHost()->GetName(), ns->GetName(), device);
}

std::string
NetnsHelper::FormatViewFilename(const std::string& prefix,
                                const std::string& host,
                                const std::string& ns,
                                const std::string& device)
{
    // Encoded components contain no '_', so the three names are separated unambiguously.
    return prefix + "_" + NetnsCaptureHelper::EncodeComponent(host) + "_" +
           NetnsCaptureHelper::EncodeComponent(ns) + "_" +
           NetnsCaptureHelper::EncodeComponent(device) + ".pcap";
}

void
NetnsHelper::EnablePcapNamespace(const std::string& prefix, Ptr<netns::Namespace> ns)
{
    NS_LOG_FUNCTION(this << prefix << ns);
    if (!ns)
    {
        NS_LOG_WARN("EnablePcapNamespace: no namespace given; pass Process::GetNamespace()");
        return;
    }
    for (const netns::ViewEntry& entry : ns->GetView())
    {
        if (DynamicCast<netns::ViewDevice>(entry.device))
        {
            EnablePcapInternal(prefix, entry.device, false, false);
        }
    }
}

void
NetnsHelper::EnablePcapInternal(std::string prefix,
                                Ptr<NetDevice> nd,
                                bool promiscuous,
                                bool explicitFilename)
{
    Ptr<netns::ViewDevice> view = DynamicCast<netns::ViewDevice>(nd);
    if (!view)
    {
        NS_LOG_WARN("NetnsHelper captures view devices only; capture device "
                    << nd->GetIfIndex() << " of node " << nd->GetNode()->GetId()
                    << " with the helper of its link type");
        return;
    }
    const std::string filename = explicitFilename ? prefix : GetViewFilename(prefix, view);
    netns::Status creatable = CheckPcapFile(filename);
    if (!creatable.IsOk())
    {
        NS_LOG_WARN("no pcap of view device " << view->GetIfIndex() << " of node "
                                              << view->GetNode()->GetId() << ": "
                                              << creatable.ToString());
        if (m_pcapError.IsOk())
        {
            m_pcapError = creatable;
        }
        return;
    }
    PcapHelper pcapHelper;
    Ptr<PcapFileWrapper> file =
        pcapHelper.CreateFile(filename, std::ios::out, PcapHelper::DLT_EN10MB);
    pcapHelper.HookDefaultSink<netns::ViewDevice>(view, "Sniffer", file);
}

netns::Status
NetnsHelper::CheckPcapFile(const std::string& filename)
{
    const std::string quoted = netns::QuoteForMessage(filename);
    if (filename.find('\0') != std::string::npos)
    {
        return netns::Status::Error(EINVAL,
                                    "cannot create pcap file " + quoted +
                                        ": the name contains a NUL byte");
    }
    const std::string::size_type slash = filename.rfind('/');
    const std::string directory =
        slash == std::string::npos ? "." : (slash == 0 ? "/" : filename.substr(0, slash));
    const std::string base = slash == std::string::npos ? filename : filename.substr(slash + 1);
    long maxName = pathconf(directory.c_str(), _PC_NAME_MAX);
    if (maxName <= 0)
    {
        maxName = NAME_MAX;
    }
    if (base.empty() || filename.size() >= PATH_MAX ||
        base.size() > static_cast<std::size_t>(maxName))
    {
        const int errnum = base.empty() ? EISDIR : ENAMETOOLONG;
        return netns::Status::Error(errnum,
                                    "cannot create pcap file " + quoted + ": " +
                                        netns::ErrnoText(errnum));
    }

    struct stat existing
    {
    };

    const bool existed = stat(filename.c_str(), &existing) == 0;
    const int fd = open(filename.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0)
    {
        const int errnum = errno;
        return netns::Status::Error(errnum,
                                    "cannot create pcap file " + quoted + ": " +
                                        netns::ErrnoText(errnum));
    }
    close(fd);
    if (!existed)
    {
        // ns-3 creates the file again when it opens it, and a skipped capture leaves no file.
        unlink(filename.c_str());
    }
    return netns::Status();
}

netns::Status
NetnsHelper::TakePcapError()
{
    netns::Status error = m_pcapError;
    m_pcapError = netns::Status();
    return error;
}

} // namespace ns3
