/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-capture-helper.h"

#include "ns3/ipv4-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/loopback-net-device.h"
#include "ns3/mac48-address.h"
#include "ns3/names.h"
#include "ns3/net-namespace.h"
#include "ns3/netns-dispatcher.h"
#include "ns3/netns-host.h"
#include "ns3/netns-names.h"
#include "ns3/netns-view-device.h"
#include "ns3/node-list.h"
#include "ns3/pcap-file-wrapper.h"
#include "ns3/simple-ref-count.h"
#include "ns3/simulator.h"
#include "ns3/trace-helper.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NetnsCaptureHelper");

namespace netns
{

namespace
{

/// Snapshot length of every file: whole frames, as PcapHelper writes them.
constexpr uint32_t SNAPSHOT_LENGTH = 65535;

/// Namespace key of captures that belong to no namespace (devices of a node).
constexpr int64_t NO_NAMESPACE = -1;

/**
 * Check whether a string is valid UTF-8.
 * @param text the bytes
 * @return true when every sequence is well formed
 */
bool
IsValidUtf8(const std::string& text)
{
    std::size_t i = 0;
    while (i < text.size())
    {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 1;
        if (lead >= 0xF0 && lead <= 0xF4)
        {
            length = 4;
        }
        else if (lead >= 0xE0)
        {
            length = lead <= 0xEF ? 3 : 0;
        }
        else if (lead >= 0xC2)
        {
            length = 2;
        }
        else if (lead >= 0x80)
        {
            length = 0;
        }
        if (length == 0 || i + length > text.size())
        {
            return false;
        }
        for (std::size_t k = 1; k < length; ++k)
        {
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80)
            {
                return false;
            }
        }
        i += length;
    }
    return true;
}

/**
 * Quote a string as a JSON string literal. Bytes of a string that is not
 * valid UTF-8 are written as \\u00XX, so the manifest stays valid JSON.
 * @param text the bytes
 * @return the literal, quotes included
 */
std::string
JsonString(const std::string& text)
{
    const bool utf8 = IsValidUtf8(text);
    std::ostringstream out;
    out << '"';
    for (const char c : text)
    {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\')
        {
            out << '\\' << c;
        }
        else if (byte < 0x20 || (byte >= 0x80 && !utf8))
        {
            static const char* hex = "0123456789abcdef";
            out << "\\u00" << hex[byte >> 4] << hex[byte & 0xF];
        }
        else
        {
            out << c;
        }
    }
    out << '"';
    return out.str();
}

/**
 * Format an optional number as JSON.
 * @param value the number
 * @return its digits, or null
 */
std::string
JsonNumber(const std::optional<uint32_t>& value)
{
    return value ? std::to_string(*value) : "null";
}

/**
 * Format an IPv4 address as dotted quad.
 * @param address the address
 * @return the text
 */
std::string
AddressText(Ipv4Address address)
{
    std::ostringstream out;
    address.Print(out);
    return out.str();
}

/**
 * Format a device's MAC address.
 * @param device the device
 * @return aa:bb:cc:dd:ee:ff, or empty when the address is not a MAC-48 address
 */
std::string
MacText(Ptr<NetDevice> device)
{
    const Address address = device->GetAddress();
    if (!Mac48Address::IsMatchingType(address))
    {
        return "";
    }
    std::ostringstream out;
    out << Mac48Address::ConvertFrom(address);
    return out.str();
}

/**
 * Find the IPv4 interface of a stack's loopback device.
 * @param ipv4 the stack
 * @return the interface, or nullopt when the stack has none
 */
std::optional<uint32_t>
FindLoopbackInterface(Ptr<Ipv4L3Protocol> ipv4)
{
    for (uint32_t i = 0; i < ipv4->GetNInterfaces(); ++i)
    {
        if (DynamicCast<LoopbackNetDevice>(ipv4->GetNetDevice(i)))
        {
            return i;
        }
    }
    return std::nullopt;
}

/**
 * Pick the pcap link type of a device from its type.
 * @param device the device
 * @return the DLT, or nullopt when the helper does not know the device's framing
 */
std::optional<uint32_t>
LinkTypeOf(Ptr<NetDevice> device)
{
    if (DynamicCast<ViewDevice>(device))
    {
        return PcapHelper::DLT_EN10MB;
    }
    const TypeId type = device->GetInstanceTypeId();
    TypeId csma;
    if (TypeId::LookupByNameFailSafe("ns3::CsmaNetDevice", &csma) &&
        (type == csma || type.IsChildOf(csma)))
    {
        return PcapHelper::DLT_EN10MB;
    }
    TypeId pointToPoint;
    if (TypeId::LookupByNameFailSafe("ns3::PointToPointNetDevice", &pointToPoint) &&
        (type == pointToPoint || type.IsChildOf(pointToPoint)))
    {
        return PcapHelper::DLT_PPP;
    }
    return std::nullopt;
}

/**
 * Name a device of a plain node: its ns3::Names name, else eth<n> where n
 * counts the node's non-loopback devices before it.
 * @param node the node
 * @param device the device
 * @return the name
 */
std::string
PlainDeviceName(Ptr<Node> node, Ptr<NetDevice> device)
{
    if (DynamicCast<LoopbackNetDevice>(device))
    {
        return "lo";
    }
    const std::string given = Names::FindName(device);
    if (!given.empty())
    {
        return given;
    }
    uint32_t ethernetIndex = 0;
    for (uint32_t i = 0; i < device->GetIfIndex() && i < node->GetNDevices(); ++i)
    {
        if (!DynamicCast<LoopbackNetDevice>(node->GetDevice(i)))
        {
            ++ethernetIndex;
        }
    }
    return "eth" + std::to_string(ethernetIndex);
}

/**
 * Name a plain node the way Host::GetName() names a host.
 * @param node the node
 * @return its ns3::Names name, or node<id>
 */
std::string
NodeName(Ptr<Node> node)
{
    const std::string name = Names::FindName(node);
    return name.empty() ? "node" + std::to_string(node->GetId()) : name;
}

} // namespace

/**
 * One open pcap file and the trace sinks that write to it.
 */
class CaptureSink : public SimpleRefCount<CaptureSink>
{
  public:
    /**
     * @param info the file's manifest entry
     * @param file the open file
     */
    CaptureSink(NetnsCaptureFile info, Ptr<PcapFileWrapper> file) :
        m_info(std::move(info)),
        m_file(file)
    {
    }

    /**
     * Write a frame, or a raw IPv4 packet for loopback captures.
     * @param packet the bytes to write
     */
    void WriteFrame(Ptr<const Packet> packet)
    {
        if (!m_file)
        {
            return;
        }
        m_file->Write(Simulator::Now(), packet);
        m_info.packets++;
        m_info.bytes += packet->GetSize();
    }

    /**
     * Sink of Ipv4L3Protocol's "Tx" trace: write packets sent on the
     * loopback interface.
     * @param packet the packet with its IPv4 header
     * @param ipv4 the stack
     * @param interface the interface the packet leaves on
     */
    void WriteLoopback(Ptr<const Packet> packet, Ptr<Ipv4> ipv4, uint32_t interface)
    {
        if (interface == m_loopbackInterface)
        {
            WriteFrame(packet);
        }
    }

    /**
     * Set the interface WriteLoopback() writes.
     * @param interface the loopback's IPv4 interface
     */
    void SetLoopbackInterface(uint32_t interface) { m_loopbackInterface = interface; }

    /** Close the file; later frames are dropped. */
    void Close()
    {
        if (m_file)
        {
            m_file->Close();
            m_file = nullptr;
        }
    }

    /** @return the manifest entry, with the counts so far */
    const NetnsCaptureFile& GetInfo() const { return m_info; }

  private:
    NetnsCaptureFile m_info;         //!< manifest entry
    Ptr<PcapFileWrapper> m_file;     //!< the file; null once closed
    uint32_t m_loopbackInterface{0}; //!< interface written by WriteLoopback()
};

/**
 * Everything NetnsCaptureHelper keeps: the files, the names given out and
 * what was captured. Reference counted because the device-addition
 * listeners on namespace nodes hold it too.
 */
class CaptureState : public SimpleRefCount<CaptureState>
{
  public:
    /**
     * @param directory where files go
     * @param prefix the first file name component
     */
    CaptureState(std::string directory, std::string prefix) :
        m_directory(std::move(directory)),
        m_prefix(std::move(prefix))
    {
    }

    /**
     * Limit the namespaces captured per host.
     * @param limit the largest number of non-initial namespaces per host
     */
    void SetMaxNamespacesPerHost(uint32_t limit) { m_maxNamespacesPerHost = limit; }

    /**
     * Capture one node, or the host of a namespace node.
     * @param node the node
     * @return OK or the first failure
     */
    Status CaptureNode(Ptr<Node> node);

    /**
     * Sink of the device-addition listener of a namespace node: capture
     * each view added to the namespace.
     * @param device the added device
     */
    void OnNamespaceDeviceAdded(Ptr<NetDevice> device);

    /** Close every file. */
    void Close();

    /** @return the manifest entries sorted by file name */
    std::vector<NetnsCaptureFile> GetFiles() const;

    /** @return the failures of captures started while the simulation ran */
    const std::vector<std::string>& GetErrors() const
    {
        return m_errors;
    }

    /** @return the manifest path */
    std::string GetManifestPath() const
    {
        // Under MPI every rank writes a manifest of the nodes it owns; rank 0 keeps the plain name.
        const uint32_t rank = Simulator::GetSystemId();
        const std::string suffix = rank == 0 ? "" : "_rank" + std::to_string(rank);
        return m_directory + "/" + m_prefix + suffix + "_manifest.json";
    }

    /**
     * Write the manifest.
     * @return OK or the failure
     */
    Status WriteManifest() const;

  private:
    /**
     * Check the prefix and create the directory.
     * @return OK, EINVAL or the errno of the failed mkdir
     */
    Status Prepare();

    /**
     * Capture a host's devices and namespaces.
     * @param host the host
     * @return OK or the first failure
     */
    Status CaptureHost(Ptr<Host> host);

    /**
     * Capture a namespace's loopback and, through a listener, its views.
     * @param ns the namespace
     * @return OK or the first failure
     */
    Status CaptureNamespace(Ptr<Namespace> ns);

    /**
     * Capture a plain node's devices and loopback.
     * @param node the node
     * @return OK or the first failure
     */
    Status CapturePlainNode(Ptr<Node> node);

    /**
     * Open a file for a device and connect its "Sniffer" trace.
     * @param info the manifest entry, file name still empty
     * @param device the device
     * @return OK, or the failure; a device without known framing is
     *         skipped with a note in the manifest and is not a failure
     */
    Status CaptureDevice(NetnsCaptureFile info, Ptr<NetDevice> device);

    /**
     * Open a file for a stack's loopback and connect its "Tx" trace.
     * @param info the manifest entry, file name still empty
     * @param ipv4 the stack
     * @return OK or the failure
     */
    Status CaptureLoopback(NetnsCaptureFile info, Ptr<Ipv4L3Protocol> ipv4);

    /**
     * Open a pcap file.
     * @param info the manifest entry with its file name set
     * @return the sink, or the failure
     */
    Result<Ptr<CaptureSink>> OpenFile(NetnsCaptureFile& info);

    /**
     * Give a node its file name component.
     * @param nodeId the node id
     * @param name its name
     * @return the component, the same on every call for one node
     */
    std::string NodeComponent(uint32_t nodeId, const std::string& name);

    /**
     * Give a namespace its file name component.
     * @param nodeId the host's node id
     * @param namespaceId the namespace id
     * @param name its name
     * @return the component, the same on every call for one namespace
     */
    std::string NamespaceComponent(uint32_t nodeId, uint32_t namespaceId, const std::string& name);

    /**
     * Give a device its file name component within its node or namespace.
     * @param info the manifest entry
     * @param uniqueIndex an index unique in that scope
     * @return the component
     */
    std::string DeviceComponent(const NetnsCaptureFile& info, uint32_t uniqueIndex);

    /**
     * Write the "nodes" part of the manifest.
     * @param out the stream
     */
    void WriteNodes(std::ostream& out) const;

    /**
     * Write one host with its namespaces.
     * @param out the stream
     * @param host the host
     */
    void WriteHost(std::ostream& out, Ptr<Host> host) const;

    /**
     * Write one plain node with its addresses.
     * @param out the stream
     * @param node the node
     */
    void WritePlainNode(std::ostream& out, Ptr<Node> node) const;

    std::string m_directory;                      //!< where files go
    std::string m_prefix;                         //!< first file name component
    bool m_prepared{false};                       //!< directory exists and prefix is valid
    bool m_closed{false};                         //!< Close() was called
    std::vector<Ptr<CaptureSink>> m_sinks;        //!< open files in opening order
    std::set<std::string> m_fileNames;            //!< names of the files opened
    std::set<const NetDevice*> m_capturedDevices; //!< devices and views with a file
    std::set<const Ipv4*> m_capturedLoopbacks;    //!< stacks whose loopback has a file
    std::set<uint32_t> m_listenedNodes;           //!< namespace nodes with a listener
    std::set<uint32_t> m_hostNodes;               //!< node ids of captured hosts
    std::set<uint32_t> m_plainNodes;              //!< node ids of captured plain nodes
    std::set<std::pair<uint32_t, uint32_t>> m_capturedNamespaces; //!< (node id, namespace id)
    std::map<uint32_t, std::string> m_nodeComponents;             //!< by node id
    std::set<std::string> m_takenNodeComponents;                  //!< components given to nodes
    std::map<std::pair<uint32_t, uint32_t>, std::string> m_namespaceComponents; //!< by ids
    std::map<uint32_t, std::set<std::string>> m_takenNamespaceComponents;       //!< by node id
    std::map<std::pair<uint32_t, int64_t>, std::set<std::string>> m_takenDeviceComponents;
    uint32_t m_maxNamespacesPerHost{UINT32_MAX}; //!< non-initial namespaces captured per host
    std::map<uint32_t, uint32_t>
        m_namespacesPerHost;            //!< non-initial namespaces captured, by node id
    std::vector<std::string> m_skipped; //!< JSON objects of devices left out, with the reason
    std::vector<std::string> m_errors;  //!< failures of captures started by listeners
};

Status
CaptureState::Prepare()
{
    if (m_prepared)
    {
        return Status();
    }
    if (m_prefix.empty() || m_prefix.find('/') != std::string::npos)
    {
        return Status::Error(EINVAL,
                             "invalid capture file prefix " + QuoteForMessage(m_prefix) +
                                 ": use a non-empty name without '/'");
    }
    std::error_code error;
    std::filesystem::create_directories(m_directory.empty() ? "." : m_directory, error);
    if (error)
    {
        return Status::Error(error.value(),
                             "cannot create capture directory " + QuoteForMessage(m_directory) +
                                 ": " + error.message());
    }
    m_prepared = true;
    return Status();
}

Status
CaptureState::CaptureNode(Ptr<Node> node)
{
    NS_LOG_FUNCTION(this << node);
    Status prepared = Prepare();
    if (!prepared.IsOk())
    {
        return prepared;
    }
    if (m_closed)
    {
        return Status::Error(EBADF, "the capture helper's files were closed; create a new helper");
    }
    if (Ptr<Host> host = node->GetObject<Host>())
    {
        return CaptureHost(host);
    }
    if (Ptr<Namespace> ns = node->GetObject<Namespace>())
    {
        // A hidden namespace node: its host captures it.
        return ns->GetHost() ? CaptureHost(ns->GetHost()) : Status();
    }
    return CapturePlainNode(node);
}

Status
CaptureState::CaptureHost(Ptr<Host> host)
{
    NS_LOG_FUNCTION(this << host->GetName());
    m_hostNodes.insert(host->GetNode()->GetId());
    for (const DeviceRecord& record : host->GetDevices())
    {
        if (record.loopback || m_capturedDevices.count(PeekPointer(record.device)))
        {
            continue;
        }
        NetnsCaptureFile info;
        info.kind = "device";
        info.nodeId = host->GetNode()->GetId();
        info.node = host->GetName();
        info.netnsHost = true;
        info.device = record.name;
        info.ifindex = record.ifindex;
        info.ns3DeviceIndex = record.device->GetIfIndex();
        Status captured = CaptureDevice(info, record.device);
        if (!captured.IsOk())
        {
            return captured;
        }
    }
    for (const Ptr<Namespace>& ns : host->GetNamespaces())
    {
        const uint32_t nodeId = host->GetNode()->GetId();
        const bool known = m_capturedNamespaces.count({nodeId, ns->GetId()}) > 0;
        if (!ns->IsInitial() && !known)
        {
            if (m_namespacesPerHost[nodeId] >= m_maxNamespacesPerHost)
            {
                NS_LOG_LOGIC("namespace " << ns->GetName() << " over the per-host limit");
                continue;
            }
            m_namespacesPerHost[nodeId]++;
        }
        Status captured = CaptureNamespace(ns);
        if (!captured.IsOk())
        {
            return captured;
        }
    }
    return Status();
}

Status
CaptureState::CaptureNamespace(Ptr<Namespace> ns)
{
    NS_LOG_FUNCTION(this << ns->GetName());
    Ptr<Node> hostNode = ns->GetHost()->GetNode();
    m_capturedNamespaces.insert({hostNode->GetId(), ns->GetId()});
    Ptr<Ipv4L3Protocol> ipv4 = ns->GetNode()->GetObject<Ipv4L3Protocol>();
    if (ipv4 && !m_capturedLoopbacks.count(PeekPointer(ipv4)))
    {
        NetnsCaptureFile info;
        info.kind = "loopback";
        info.nodeId = hostNode->GetId();
        info.node = ns->GetHost()->GetName();
        info.netnsHost = true;
        info.namespaceId = ns->GetId();
        info.namespaceName = ns->GetName();
        info.device = "lo";
        info.ifindex = 1;
        Status captured = CaptureLoopback(info, ipv4);
        if (!captured.IsOk())
        {
            return captured;
        }
    }
    if (ns->IsInitial() || m_listenedNodes.count(ns->GetNode()->GetId()))
    {
        // The initial namespace's view is the host devices, captured as such.
        return Status();
    }
    // The listener is called at once for every device the node has, and then
    // for each view revealed later, before that view carries a frame.
    m_listenedNodes.insert(ns->GetNode()->GetId());
    const std::size_t errorsBefore = m_errors.size();
    ns->GetNode()->RegisterDeviceAdditionListener(
        MakeCallback(&CaptureState::OnNamespaceDeviceAdded, Ptr<CaptureState>(this)));
    if (m_errors.size() > errorsBefore)
    {
        return Status::Error(EIO, m_errors.back());
    }
    return Status();
}

void
CaptureState::OnNamespaceDeviceAdded(Ptr<NetDevice> device)
{
    Ptr<ViewDevice> view = DynamicCast<ViewDevice>(device);
    if (m_closed || !view || m_capturedDevices.count(PeekPointer(device)))
    {
        return;
    }
    Ptr<Namespace> ns = view->GetNode()->GetObject<Namespace>();
    Ptr<Host> host = ns ? ns->GetHost() : nullptr;
    const DeviceRecord* record = host ? host->FindDeviceRecord(view->GetLowerDevice()) : nullptr;
    if (!record)
    {
        NS_LOG_WARN("view device " << device->GetIfIndex() << " of node "
                                   << view->GetNode()->GetId()
                                   << " stands for no host device; not captured");
        return;
    }
    NetnsCaptureFile info;
    info.kind = "view";
    info.nodeId = host->GetNode()->GetId();
    info.node = host->GetName();
    info.netnsHost = true;
    info.namespaceId = ns->GetId();
    info.namespaceName = ns->GetName();
    info.device = record->name;
    info.ifindex = record->ifindex;
    info.ns3DeviceIndex = device->GetIfIndex();
    Status captured = CaptureDevice(info, device);
    if (!captured.IsOk())
    {
        NS_LOG_WARN("view " << record->name << " of namespace " << ns->GetName() << " on host "
                            << host->GetName() << " not captured: " << captured.ToString());
        m_errors.push_back(captured.ToString());
    }
}

Status
CaptureState::CapturePlainNode(Ptr<Node> node)
{
    NS_LOG_FUNCTION(this << node->GetId());
    m_plainNodes.insert(node->GetId());
    const std::string name = NodeName(node);
    for (uint32_t i = 0; i < node->GetNDevices(); ++i)
    {
        Ptr<NetDevice> device = node->GetDevice(i);
        if (DynamicCast<LoopbackNetDevice>(device) || m_capturedDevices.count(PeekPointer(device)))
        {
            continue;
        }
        NetnsCaptureFile info;
        info.kind = "device";
        info.nodeId = node->GetId();
        info.node = name;
        info.device = PlainDeviceName(node, device);
        info.ns3DeviceIndex = i;
        Status captured = CaptureDevice(info, device);
        if (!captured.IsOk())
        {
            return captured;
        }
    }
    Ptr<Ipv4L3Protocol> ipv4 = node->GetObject<Ipv4L3Protocol>();
    if (ipv4 && !m_capturedLoopbacks.count(PeekPointer(ipv4)))
    {
        NetnsCaptureFile info;
        info.kind = "loopback";
        info.nodeId = node->GetId();
        info.node = name;
        info.device = "lo";
        return CaptureLoopback(info, ipv4);
    }
    return Status();
}

Status
CaptureState::CaptureDevice(NetnsCaptureFile info, Ptr<NetDevice> device)
{
    info.deviceType = device->GetInstanceTypeId().GetName();
    info.mac = MacText(device);
    const std::optional<uint32_t> linkType = LinkTypeOf(device);
    if (!linkType || !device->GetInstanceTypeId().LookupTraceSourceByName("Sniffer"))
    {
        NS_LOG_WARN("device " << info.device << " of " << info.node << " (" << info.deviceType
                              << ") has no Sniffer trace of a known link type; not captured");
        m_capturedDevices.insert(PeekPointer(device));
        m_skipped.push_back("{\"host\": " + JsonString(info.node) +
                            ", \"node_id\": " + std::to_string(info.nodeId) +
                            ", \"device\": " + JsonString(info.device) +
                            ", \"device_type\": " + JsonString(info.deviceType) +
                            ", \"reason\": \"no Sniffer trace of a known pcap link type\"}");
        return Status();
    }
    info.linkType = *linkType;
    info.direction = "both";
    info.file = m_prefix + "_" + NodeComponent(info.nodeId, info.node) + "_";
    if (info.namespaceId)
    {
        info.file += NamespaceComponent(info.nodeId, *info.namespaceId, info.namespaceName) + "_";
    }
    info.file += DeviceComponent(info, info.ns3DeviceIndex.value_or(0)) + ".pcap";

    Result<Ptr<CaptureSink>> opened = OpenFile(info);
    if (!opened.IsOk())
    {
        return opened.GetStatus();
    }
    Ptr<CaptureSink> sink = opened.GetValue();
    device->TraceConnectWithoutContext("Sniffer", MakeCallback(&CaptureSink::WriteFrame, sink));
    m_capturedDevices.insert(PeekPointer(device));
    NS_LOG_INFO("capturing " << info.kind << " " << info.device << " of " << info.node << " in "
                             << info.file);
    return Status();
}

Status
CaptureState::CaptureLoopback(NetnsCaptureFile info, Ptr<Ipv4L3Protocol> ipv4)
{
    const std::optional<uint32_t> interface = FindLoopbackInterface(ipv4);
    if (!interface)
    {
        return Status();
    }
    Ptr<NetDevice> device = ipv4->GetNetDevice(*interface);
    info.deviceType = device->GetInstanceTypeId().GetName();
    info.ns3DeviceIndex = device->GetIfIndex();
    info.linkType = PcapHelper::DLT_RAW;
    // Every packet sent on lo is received by the same stack, so the sent
    // packets are the whole traffic, each written once.
    info.direction = "out";
    info.file = m_prefix + "_" + NodeComponent(info.nodeId, info.node) + "_";
    if (info.namespaceId)
    {
        info.file += NamespaceComponent(info.nodeId, *info.namespaceId, info.namespaceName) + "_";
    }
    info.file += DeviceComponent(info, device->GetIfIndex()) + ".pcap";

    Result<Ptr<CaptureSink>> opened = OpenFile(info);
    if (!opened.IsOk())
    {
        return opened.GetStatus();
    }
    Ptr<CaptureSink> sink = opened.GetValue();
    sink->SetLoopbackInterface(*interface);
    ipv4->TraceConnectWithoutContext("Tx", MakeCallback(&CaptureSink::WriteLoopback, sink));
    m_capturedLoopbacks.insert(PeekPointer(ipv4));
    return Status();
}

Result<Ptr<CaptureSink>>
CaptureState::OpenFile(NetnsCaptureFile& info)
{
    if (!m_fileNames.insert(info.file).second)
    {
        // The component rules exclude this; failing beats overwriting a capture.
        return Status::Error(
            EEXIST, "capture file name " + QuoteForMessage(info.file) + " is already in use");
    }
    const std::string path = m_directory + "/" + info.file;
    Ptr<PcapFileWrapper> file = CreateObject<PcapFileWrapper>();
    errno = 0;
    file->Open(path, std::ios::out | std::ios::binary);
    if (file->Fail())
    {
        const int error = errno != 0 ? errno : EIO;
        return Status::Error(
            error, "cannot open pcap file " + QuoteForMessage(path) + ": " + std::strerror(error));
    }
    file->Init(info.linkType, SNAPSHOT_LENGTH, 0);
    if (file->Fail())
    {
        return Status::Error(EIO, "cannot write the header of pcap file " + QuoteForMessage(path));
    }
    Ptr<CaptureSink> sink = Create<CaptureSink>(info, file);
    m_sinks.push_back(sink);
    return sink;
}

std::string
CaptureState::NodeComponent(uint32_t nodeId, const std::string& name)
{
    auto known = m_nodeComponents.find(nodeId);
    if (known != m_nodeComponents.end())
    {
        return known->second;
    }
    std::string component = NetnsCaptureHelper::EncodeComponent(name);
    if (m_takenNodeComponents.count(component))
    {
        component += "@" + std::to_string(nodeId);
    }
    m_takenNodeComponents.insert(component);
    m_nodeComponents[nodeId] = component;
    return component;
}

std::string
CaptureState::NamespaceComponent(uint32_t nodeId, uint32_t namespaceId, const std::string& name)
{
    auto known = m_namespaceComponents.find({nodeId, namespaceId});
    if (known != m_namespaceComponents.end())
    {
        return known->second;
    }
    std::string component = NetnsCaptureHelper::EncodeComponent(name);
    std::set<std::string>& taken = m_takenNamespaceComponents[nodeId];
    if (taken.count(component))
    {
        component += "@" + std::to_string(namespaceId);
    }
    taken.insert(component);
    m_namespaceComponents[{nodeId, namespaceId}] = component;
    return component;
}

std::string
CaptureState::DeviceComponent(const NetnsCaptureFile& info, uint32_t uniqueIndex)
{
    const int64_t scope = info.namespaceId ? static_cast<int64_t>(*info.namespaceId) : NO_NAMESPACE;
    std::set<std::string>& taken = m_takenDeviceComponents[{info.nodeId, scope}];
    std::string component = NetnsCaptureHelper::EncodeComponent(info.device);
    if (taken.count(component))
    {
        component += "@" + std::to_string(uniqueIndex);
    }
    taken.insert(component);
    return component;
}

void
CaptureState::Close()
{
    m_closed = true;
    for (const Ptr<CaptureSink>& sink : m_sinks)
    {
        sink->Close();
    }
}

std::vector<NetnsCaptureFile>
CaptureState::GetFiles() const
{
    std::vector<NetnsCaptureFile> files;
    for (const Ptr<CaptureSink>& sink : m_sinks)
    {
        files.push_back(sink->GetInfo());
    }
    std::sort(
        files.begin(), files.end(), [](const auto& a, const auto& b) { return a.file < b.file; });
    return files;
}

Status
CaptureState::WriteManifest() const
{
    NS_LOG_FUNCTION(this);
    std::ostringstream out;
    out << "{\n  \"format\": \"netns-capture-manifest\",\n  \"version\": 1,\n";
    out << "  \"prefix\": " << JsonString(m_prefix) << ",\n  \"files\": [";
    const std::vector<NetnsCaptureFile> files = GetFiles();
    for (std::size_t i = 0; i < files.size(); ++i)
    {
        const NetnsCaptureFile& f = files[i];
        out << (i ? ",\n" : "\n") << "    {\"file\": " << JsonString(f.file)
            << ", \"kind\": " << JsonString(f.kind) << ", \"node_id\": " << f.nodeId
            << ", \"host\": " << JsonString(f.node)
            << ", \"netns_host\": " << (f.netnsHost ? "true" : "false")
            << ", \"namespace_id\": " << JsonNumber(f.namespaceId) << ", \"namespace\": "
            << (f.namespaceId ? JsonString(f.namespaceName) : std::string("null"))
            << ", \"device\": " << JsonString(f.device)
            << ", \"ifindex\": " << JsonNumber(f.ifindex)
            << ", \"ns3_device_index\": " << JsonNumber(f.ns3DeviceIndex)
            << ", \"device_type\": " << JsonString(f.deviceType)
            << ", \"link_type\": " << f.linkType << ", \"direction\": " << JsonString(f.direction)
            << ", \"mac\": " << (f.mac.empty() ? std::string("null") : JsonString(f.mac))
            << ", \"packets\": " << f.packets << ", \"bytes\": " << f.bytes << "}";
    }
    out << "\n  ],\n  \"nodes\": [";
    WriteNodes(out);
    out << "\n  ],\n  \"skipped\": [";
    for (std::size_t i = 0; i < m_skipped.size(); ++i)
    {
        out << (i ? ",\n    " : "\n    ") << m_skipped[i];
    }
    out << "\n  ],\n  \"errors\": [";
    for (std::size_t i = 0; i < m_errors.size(); ++i)
    {
        out << (i ? ",\n    " : "\n    ") << JsonString(m_errors[i]);
    }
    out << "\n  ]\n}\n";

    const std::string path = GetManifestPath();
    std::ofstream file(path, std::ios::out | std::ios::binary | std::ios::trunc);
    file << out.str();
    file.close();
    if (file.fail())
    {
        return Status::Error(EIO, "cannot write capture manifest " + QuoteForMessage(path));
    }
    return Status();
}

void
CaptureState::WriteNodes(std::ostream& out) const
{
    std::set<uint32_t> nodeIds = m_hostNodes;
    nodeIds.insert(m_plainNodes.begin(), m_plainNodes.end());
    bool first = true;
    for (const uint32_t id : nodeIds)
    {
        Ptr<Node> node = id < NodeList::GetNNodes() ? NodeList::GetNode(id) : nullptr;
        if (!node)
        {
            continue;
        }
        out << (first ? "\n" : ",\n");
        first = false;
        if (Ptr<Host> host = node->GetObject<Host>())
        {
            WriteHost(out, host);
        }
        else
        {
            WritePlainNode(out, node);
        }
    }
}

void
CaptureState::WriteHost(std::ostream& out, Ptr<Host> host) const
{
    const uint32_t nodeId = host->GetNode()->GetId();
    out << "    {\"node_id\": " << nodeId << ", \"name\": " << JsonString(host->GetName())
        << ", \"netns_host\": true, \"route_isolation\": "
        << (host->IsRouteIsolated() ? "true" : "false") << ", \"namespaces\": [";
    bool firstNamespace = true;
    for (uint32_t id = 0; Ptr<Namespace> ns = host->GetNamespace(id); ++id)
    {
        out << (firstNamespace ? "\n" : ",\n") << "      {\"id\": " << id
            << ", \"name\": " << JsonString(ns->GetName())
            << ", \"alive\": " << (ns->IsAlive() ? "true" : "false")
            << ", \"captured\": " << (m_capturedNamespaces.count({nodeId, id}) ? "true" : "false")
            << ", \"view\": [";
        firstNamespace = false;
        bool firstEntry = true;
        for (const ViewEntry& entry : ns->GetView())
        {
            out << (firstEntry ? "" : ", ") << "{\"device\": " << JsonString(entry.name)
                << ", \"ifindex\": " << entry.ifindex << ", \"mac\": "
                << (entry.device && !MacText(entry.device).empty()
                        ? JsonString(MacText(entry.device))
                        : std::string("null"))
                << "}";
            firstEntry = false;
        }
        out << "], \"addresses\": [";
        bool firstAddress = true;
        for (const AddressEntry& address : ns->GetAddresses())
        {
            out << (firstAddress ? "" : ", ") << "{\"device\": " << JsonString(address.device)
                << ", \"address\": \"" << AddressText(address.local)
                << "\", \"prefix_length\": " << unsigned{address.prefixLength} << "}";
            firstAddress = false;
        }
        out << "]}";
    }
    out << "\n    ]}";
}

void
CaptureState::WritePlainNode(std::ostream& out, Ptr<Node> node) const
{
    out << "    {\"node_id\": " << node->GetId() << ", \"name\": " << JsonString(NodeName(node))
        << ", \"netns_host\": false, \"addresses\": [";
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    bool first = true;
    for (uint32_t i = 0; ipv4 && i < ipv4->GetNInterfaces(); ++i)
    {
        const std::string device = PlainDeviceName(node, ipv4->GetNetDevice(i));
        for (uint32_t k = 0; k < ipv4->GetNAddresses(i); ++k)
        {
            const Ipv4InterfaceAddress address = ipv4->GetAddress(i, k);
            out << (first ? "" : ", ") << "{\"device\": " << JsonString(device)
                << ", \"address\": \"" << AddressText(address.GetLocal())
                << "\", \"prefix_length\": " << address.GetMask().GetPrefixLength() << "}";
            first = false;
        }
    }
    out << "]}";
}

} // namespace netns

NetnsCaptureHelper::NetnsCaptureHelper(const std::string& directory, const std::string& prefix) :
    m_state(Create<netns::CaptureState>(directory, prefix))
{
}

NetnsCaptureHelper::~NetnsCaptureHelper()
{
    m_state->Close();
}

void
NetnsCaptureHelper::SetMaxNamespacesPerHost(uint32_t limit)
{
    m_state->SetMaxNamespacesPerHost(limit);
}

netns::Status
NetnsCaptureHelper::EnableAll()
{
    NS_LOG_FUNCTION(this);
    for (uint32_t id = 0; id < NodeList::GetNNodes(); ++id)
    {
        Ptr<Node> node = NodeList::GetNode(id);
        if (node->GetSystemId() != Simulator::GetSystemId())
        {
            continue; // under MPI another rank owns the node and captures it
        }
        netns::Status enabled = m_state->CaptureNode(node);
        if (!enabled.IsOk())
        {
            return enabled;
        }
    }
    return netns::Status();
}

netns::Status
NetnsCaptureHelper::EnableNode(Ptr<Node> node)
{
    NS_LOG_FUNCTION(this << node);
    if (!node)
    {
        return netns::Status::Error(EINVAL, "NetnsCaptureHelper::EnableNode: no node given");
    }
    return m_state->CaptureNode(node);
}

netns::Status
NetnsCaptureHelper::WriteManifest() const
{
    return m_state->WriteManifest();
}

void
NetnsCaptureHelper::Close()
{
    m_state->Close();
}

std::vector<NetnsCaptureFile>
NetnsCaptureHelper::GetFiles() const
{
    return m_state->GetFiles();
}

std::string
NetnsCaptureHelper::GetManifestPath() const
{
    return m_state->GetManifestPath();
}

std::vector<std::string>
NetnsCaptureHelper::GetErrors() const
{
    return m_state->GetErrors();
}

std::string
NetnsCaptureHelper::EncodeComponent(const std::string& name)
{
    static const char* hex = "0123456789ABCDEF";
    std::string component;
    for (const char c : name)
    {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
            (byte >= '0' && byte <= '9') || byte == '.' || byte == '-')
        {
            component += c;
        }
        else
        {
            component += '%';
            component += hex[byte >> 4];
            component += hex[byte & 0xF];
        }
    }
    return component;
}

} // namespace ns3
