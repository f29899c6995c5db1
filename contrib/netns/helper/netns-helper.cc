/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-helper.h"

#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/netns-stack.h"
#include "ns3/netns-traffic-control.h"
#include "ns3/netns-view-device.h"
#include "ns3/packet-socket-factory.h"
#include "ns3/pcap-file-wrapper.h"

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
        return prefix + "-node" + std::to_string(view->GetNode()->GetId()) + "-" +
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
    return prefix + "-" + ns->GetHost()->GetName() + "-" + ns->GetName() + "-" + device + ".pcap";
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
    PcapHelper pcapHelper;
    Ptr<PcapFileWrapper> file =
        pcapHelper.CreateFile(filename, std::ios::out, PcapHelper::DLT_EN10MB);
    pcapHelper.HookDefaultSink<netns::ViewDevice>(view, "Sniffer", file);
}

} // namespace ns3
