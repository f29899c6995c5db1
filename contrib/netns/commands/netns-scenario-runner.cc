/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-scenario-runner.h"

#include "netns-exec.h"
#include "netns-script-values.h"

#include "ns3/bulk-send-application.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/loopback-net-device.h"
#include "ns3/names.h"
#include "ns3/netns-names.h"
#include "ns3/packet-sink.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/udp-echo-client.h"
#include "ns3/udp-echo-server.h"
#include "ns3/udp-header.h"
#include "ns3/udp-l4-protocol.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <filesystem>
#include <iostream>
#include <system_error>

namespace ns3
{
namespace netns
{

NS_LOG_COMPONENT_DEFINE("NetnsScenarioRunner");

namespace
{

/** @return the N-th device of a node that is not its loopback */
Ptr<NetDevice>
EthernetDevice(Ptr<Node> node, uint32_t index)
{
    uint32_t seen = 0;
    for (uint32_t i = 0; i < node->GetNDevices(); ++i)
    {
        Ptr<NetDevice> device = node->GetDevice(i);
        if (DynamicCast<LoopbackNetDevice>(device))
        {
            continue;
        }
        if (seen++ == index)
        {
            return device;
        }
    }
    return nullptr;
}

/** @return the interface of a node whose subnet contains an address, or -1 */
int32_t
InterfaceOnSubnet(Ptr<Ipv4> ipv4, Ipv4Address address)
{
    for (uint32_t i = 0; i < ipv4->GetNInterfaces(); ++i)
    {
        for (uint32_t j = 0; j < ipv4->GetNAddresses(i); ++j)
        {
            const Ipv4InterfaceAddress entry = ipv4->GetAddress(i, j);
            if (entry.GetLocal().CombineMask(entry.GetMask()) ==
                address.CombineMask(entry.GetMask()))
            {
                return static_cast<int32_t>(i);
            }
        }
    }
    return -1;
}

/** Record a reply received by a UDP echo client. */
void
RecordEchoReply(ScenarioRunner::ApplicationRecord* record,
                Ptr<const Packet> packet,
                const Address& from,
                const Address& to)
{
    record->replies++;
    if (InetSocketAddress::IsMatchingType(from))
    {
        record->replySources.insert(InetSocketAddress::ConvertFrom(from).GetIpv4());
    }
}

/** Count a UDP datagram entering a namespace when it goes to an echo server's port. */
void
CountEchoRequest(const std::set<uint16_t>* echoPorts,
                 std::map<Ipv4Address, uint32_t>* requestsFor,
                 Ptr<const Packet> packet,
                 uint32_t ifindex)
{
    Ptr<Packet> copy = packet->Copy();
    Ipv4Header ip;
    if (copy->RemoveHeader(ip) == 0 || ip.GetProtocol() != UdpL4Protocol::PROT_NUMBER)
    {
        return;
    }
    UdpHeader udp;
    if (copy->PeekHeader(udp) != 0 && echoPorts->count(udp.GetDestinationPort()) != 0)
    {
        (*requestsFor)[ip.GetDestination()]++;
    }
}

/** @return the directory part of a script's pcap prefix, "." when it has none */
std::string
PcapDirectory(const std::string& prefix)
{
    const std::filesystem::path directory = std::filesystem::path(prefix).parent_path();
    return directory.empty() ? "." : directory.string();
}

/** @return the file-name part of a script's pcap prefix */
std::string
PcapFilePrefix(const std::string& prefix)
{
    return std::filesystem::path(prefix).filename().string();
}

/**
 * Check that the pcap files and the manifest the script can lead to can be
 * created, so that nothing runs when one cannot. Each check uses the longest
 * name of its kind: a device of each node and a view of each process's
 * namespace, with a 15-byte device name (IFNAMSIZ - 1) of bytes that need
 * encoding.
 */
Status
CheckPcapFiles(const ScenarioScript& script)
{
    const std::string& prefix = script.pcapPrefix;
    if (PcapFilePrefix(prefix).empty())
    {
        return Status::Error(EINVAL,
                             "invalid pcap prefix " + QuoteForMessage(prefix) +
                                 ": it ends in '/' and names no file");
    }
    const std::string directory = PcapDirectory(prefix) + "/";
    const std::string start = directory + PcapFilePrefix(prefix) + "_";
    // A device may be renamed to any 15 bytes, each of which may encode as %XX.
    const std::string longestDevice =
        NetnsCaptureHelper::EncodeComponent(std::string(15, '_')) + ".pcap";
    std::vector<std::string> filenames{start + "manifest.json"};
    for (const ScriptNode& declared : script.nodes)
    {
        filenames.push_back(start + NetnsCaptureHelper::EncodeComponent(declared.name) + "_" +
                            longestDevice);
    }
    for (const ScriptProcess& declared : script.processes)
    {
        // A process's Nth namespace is named PROCESS-N, so N is at most its unshare count.
        uint32_t unshares = 0;
        for (const ScriptCommand& command : script.commands)
        {
            if (command.host == declared.host && command.process == declared.name &&
                command.command.rfind("unshare", 0) == 0)
            {
                ++unshares;
            }
        }
        const std::string name =
            declared.name + (unshares > 1 ? "-" + std::to_string(unshares) : std::string());
        filenames.push_back(start + NetnsCaptureHelper::EncodeComponent(declared.host) + "_" +
                            NetnsCaptureHelper::EncodeComponent(name) + "_" + longestDevice);
    }
    for (const std::string& filename : filenames)
    {
        Status creatable = NetnsHelper::CheckPcapFile(filename);
        if (!creatable.IsOk())
        {
            return Status::Error(creatable.GetErrno(),
                                 "invalid pcap prefix " + QuoteForMessage(prefix) + ": " +
                                     creatable.GetMessage());
        }
    }
    return Status();
}

} // namespace

ScenarioRunner::ScenarioRunner()
{
    NS_LOG_FUNCTION(this);
}

ScenarioRunner::~ScenarioRunner()
{
    NS_LOG_FUNCTION(this);
    for (const TraceConnection& connection : m_traceConnections)
    {
        connection.object->TraceDisconnectWithoutContext(connection.source, connection.sink);
    }
    m_liveness.reset();
}

void
ScenarioRunner::ConnectTrace(Ptr<Object> object,
                             const std::string& source,
                             const CallbackBase& sink)
{
    if (object->TraceConnectWithoutContext(source, sink))
    {
        m_traceConnections.push_back({object, source, sink});
    }
}

void
ScenarioRunner::ScheduleMember(uint32_t context,
                               Time delay,
                               void (ScenarioRunner::*member)(std::size_t),
                               std::size_t index)
{
    std::weak_ptr<bool> liveness = m_liveness;
    Simulator::ScheduleWithContext(context, delay, [this, liveness, member, index]() {
        if (!liveness.expired())
        {
            (this->*member)(index);
        }
    });
}

void
ScenarioRunner::SetTranscript(std::ostream* transcript)
{
    m_transcript = transcript;
}

void
ScenarioRunner::OverrideRouteIsolation(bool isolated)
{
    m_routeIsolationOverride = isolated;
}

void
ScenarioRunner::SetPcapEnabled(bool enabled)
{
    m_pcapEnabled = enabled;
}

const std::vector<std::string>&
ScenarioRunner::GetCaptureErrors() const
{
    return m_captureErrors;
}

const ScenarioScript&
ScenarioRunner::GetScript() const
{
    return m_script;
}

const std::vector<ScenarioRunner::CommandRecord>&
ScenarioRunner::GetCommands() const
{
    return m_commands;
}

const std::vector<ScenarioRunner::ApplicationRecord>&
ScenarioRunner::GetApplications() const
{
    return m_applications;
}

std::map<std::string, std::vector<ScenarioRunner::NamespaceRecord>>
ScenarioRunner::GetNamespaces() const
{
    std::map<std::string, std::vector<NamespaceRecord>> copy;
    for (const auto& [host, records] : m_namespaces)
    {
        copy[host].assign(records.begin(), records.end());
    }
    return copy;
}

Ptr<Host>
ScenarioRunner::GetHost(const std::string& name) const
{
    auto it = m_hosts.find(name);
    return it == m_hosts.end() ? nullptr : it->second;
}

Ptr<Process>
ScenarioRunner::GetProcess(const std::string& host, const std::string& name) const
{
    auto it = m_processes.find({host, name});
    return it == m_processes.end() ? nullptr : it->second;
}

Status
ScenarioRunner::Build(const ScenarioScript& script)
{
    NS_LOG_FUNCTION(this << script.file);
    m_script = script;
    if (m_routeIsolationOverride)
    {
        m_script.routeIsolation = *m_routeIsolationOverride;
    }
    for (const ScriptNode& declared : m_script.nodes)
    {
        if (Names::Find<Node>(declared.name))
        {
            return Status::Error(
                EEXIST, "node name " + declared.name + " is already registered with ns3::Names");
        }
    }
    // ns-3's pcap writer aborts when it cannot open a file, so check the directory first.
    if (m_pcapEnabled && !m_script.pcapPrefix.empty())
    {
        const std::filesystem::path directory =
            std::filesystem::path(m_script.pcapPrefix).parent_path();
        std::error_code failure;
        if (!directory.empty())
        {
            std::filesystem::create_directories(directory, failure);
        }
        if (failure || (!directory.empty() && !std::filesystem::is_directory(directory)))
        {
            return Status::Error(failure ? failure.value() : ENOTDIR,
                                 "cannot create the pcap directory " + directory.string() + ": " +
                                     (failure ? failure.message() : "Not a directory"));
        }
        Status creatable = CheckPcapFiles(m_script);
        if (!creatable.IsOk())
        {
            return creatable;
        }
    }
    for (const ScriptApplication& declared : m_script.applications)
    {
        if (declared.type == ScriptApplicationType::UdpEchoServer)
        {
            m_echoPorts.insert(declared.port);
        }
    }
    for (const ScriptNode& declared : m_script.nodes)
    {
        Ptr<Node> node = CreateObject<Node>();
        Names::Add(declared.name, node);
        m_nodes[declared.name] = node;
    }
    BuildLinks();
    ConfigurePlainNodes();
    if (m_pcapEnabled && !m_script.pcapPrefix.empty())
    {
        m_capture = std::make_unique<NetnsCaptureHelper>(PcapDirectory(m_script.pcapPrefix),
                                                         PcapFilePrefix(m_script.pcapPrefix));
        Status captured = m_capture->EnableAll();
        if (!captured.IsOk())
        {
            return Status::Error(captured.GetErrno(),
                                 "invalid pcap prefix " + QuoteForMessage(m_script.pcapPrefix) +
                                     ": " + captured.GetMessage());
        }
    }
    CreateProcesses();
    ScheduleCommands();
    ScheduleApplications();
    return Status();
}

void
ScenarioRunner::BuildLinks()
{
    for (const ScriptLink& link : m_script.links)
    {
        NodeContainer attached;
        for (const std::string& name : link.nodes)
        {
            attached.Add(m_nodes.at(name));
        }
        if (link.pointToPoint)
        {
            m_p2p.SetDeviceAttribute("DataRate", StringValue(link.dataRate));
            m_p2p.SetChannelAttribute("Delay", TimeValue(link.delay));
            m_p2p.Install(attached);
        }
        else
        {
            m_csma.SetChannelAttribute("DataRate", StringValue(link.dataRate));
            m_csma.SetChannelAttribute("Delay", TimeValue(link.delay));
            m_csma.Install(attached);
        }
    }

    // Plain nodes first, then hosts, each in declaration order.
    InternetStackHelper stack;
    for (const ScriptNode& declared : m_script.nodes)
    {
        if (!declared.host)
        {
            stack.Install(m_nodes.at(declared.name));
        }
    }
    m_netns.SetRouteIsolation(m_script.routeIsolation);
    for (const ScriptNode& declared : m_script.nodes)
    {
        if (declared.host)
        {
            m_netns.Install(m_nodes.at(declared.name));
            m_hosts[declared.name] = NetnsHelper::GetHost(m_nodes.at(declared.name));
        }
    }
}

void
ScenarioRunner::ConfigurePlainNodes()
{
    for (const ScriptAddress& declared : m_script.addresses)
    {
        Ptr<Node> node = m_nodes.at(declared.node);
        Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
        Ptr<NetDevice> device = EthernetDevice(node, std::stoul(declared.device.substr(3)));
        int32_t interface = ipv4->GetInterfaceForDevice(device);
        if (interface < 0)
        {
            interface = static_cast<int32_t>(ipv4->AddInterface(device));
        }
        const Ipv4Mask mask(PrefixToMask(declared.prefixLength));
        ipv4->AddAddress(interface, Ipv4InterfaceAddress(declared.address, mask));
        ipv4->SetMetric(interface, 1);
        ipv4->SetUp(interface);
    }
    Ipv4StaticRoutingHelper routing;
    for (const ScriptRoute& declared : m_script.routes)
    {
        Ptr<Ipv4> ipv4 = m_nodes.at(declared.node)->GetObject<Ipv4>();
        const int32_t interface = InterfaceOnSubnet(ipv4, declared.gateway);
        Ptr<Ipv4StaticRouting> table = routing.GetStaticRouting(ipv4);
        if (declared.prefixLength == 0)
        {
            table->SetDefaultRoute(declared.gateway, interface, declared.metric);
        }
        else
        {
            table->AddNetworkRouteTo(declared.destination,
                                     Ipv4Mask(PrefixToMask(declared.prefixLength)),
                                     declared.gateway,
                                     interface,
                                     declared.metric);
        }
    }
}

void
ScenarioRunner::CreateProcesses()
{
    for (const ScriptProcess& declared : m_script.processes)
    {
        m_processes[{declared.host, declared.name}] =
            m_hosts.at(declared.host)->CreateProcess(declared.uid);
    }
    // The sink takes a pointer to const; binding a non-const pointer would
    // make ns-3's Callback downcast to the wrong CallbackImpl type.
    const std::set<uint16_t>* echoPorts = &m_echoPorts;
    for (const auto& [name, host] : m_hosts)
    {
        m_namespaces[name].push_back({host->GetInitialNamespace(), {}});
        ConnectTrace(m_namespaces[name].back().ns,
                     "Rx",
                     MakeBoundCallback(&CountEchoRequest,
                                       echoPorts,
                                       &m_namespaces[name].back().echoRequestsFor));
    }
}

void
ScenarioRunner::ScheduleCommands()
{
    m_commands.reserve(m_script.commands.size());
    for (const ScriptCommand& declared : m_script.commands)
    {
        m_commands.push_back({declared, false, {}});
        if (declared.at.IsZero())
        {
            // Commands at time 0 run now, before the simulation starts, the way C++
            // scenarios configure their namespaces before Simulator::Run().
            RunCommand(m_commands.size() - 1);
            continue;
        }
        const uint32_t context = m_nodes.at(declared.host)->GetId();
        ScheduleMember(context, declared.at, &ScenarioRunner::RunCommand, m_commands.size() - 1);
    }
}

void
ScenarioRunner::RunCommand(std::size_t index)
{
    CommandRecord& record = m_commands[index];
    const ScriptCommand& declared = record.command;
    Ptr<Process> process = m_processes.at({declared.host, declared.process});
    record.result = Exec(process, declared.command);
    record.ran = true;
    if (m_transcript)
    {
        *m_transcript << "[" << FormatScriptTime(Simulator::Now()) << "] " << declared.host << "/"
                      << declared.process << " $ " << declared.command << "\n"
                      << record.result.out << record.result.err;
        if (record.result.exitStatus != 0)
        {
            *m_transcript << "[exit " << record.result.exitStatus << "]\n";
        }
    }
    AdoptNamespaces(declared.host, declared.process);
}

std::string
ScenarioRunner::UniqueNamespaceName(const std::string& hostName, const std::string& byProcess) const
{
    // A process that unshares again names its second namespace PROCESS-2, then
    // PROCESS-3..., skipping names of other namespaces and processes of the host.
    const auto taken = [&](const std::string& name) {
        for (const NamespaceRecord& record : m_namespaces.at(hostName))
        {
            if (record.ns->GetName() == name)
            {
                return true;
            }
        }
        return name != byProcess && m_processes.count({hostName, name}) > 0;
    };
    std::string name = byProcess;
    for (uint32_t suffix = 2; taken(name); ++suffix)
    {
        name = byProcess + "-" + std::to_string(suffix);
    }
    return name;
}

void
ScenarioRunner::AdoptNamespaces(const std::string& hostName, const std::string& byProcess)
{
    Ptr<Host> host = m_hosts.at(hostName);
    std::deque<NamespaceRecord>& records = m_namespaces[hostName];
    Ptr<Namespace> current = m_processes.at({hostName, byProcess})->GetNamespace();
    const std::set<uint16_t>* echoPorts = &m_echoPorts; // pointer to const, as the sink takes
    for (const Ptr<Namespace>& ns : host->GetNamespaces())
    {
        bool known = false;
        for (const NamespaceRecord& record : records)
        {
            known = known || record.ns == ns;
        }
        if (!known)
        {
            if (ns == current)
            {
                ns->SetName(UniqueNamespaceName(hostName, byProcess));
            }
            records.push_back({ns, {}});
            ConnectTrace(
                ns,
                "Rx",
                MakeBoundCallback(&CountEchoRequest, echoPorts, &records.back().echoRequestsFor));
        }
    }
    if (!m_capture || !current || current->IsInitial())
    {
        return;
    }
    // The namespace has its name now, so its files are named after it.
    Status captured = m_capture->EnableAll();
    if (!captured.IsOk())
    {
        std::cerr << m_script.file << ": " << captured.ToString() << "\n";
        m_captureErrors.push_back(captured.ToString());
    }
}

Ptr<Application>
ScenarioRunner::CreateApplication(const ScriptApplication& declared)
{
    const TypeId protocol =
        declared.tcp ? TcpSocketFactory::GetTypeId() : UdpSocketFactory::GetTypeId();
    switch (declared.type)
    {
    case ScriptApplicationType::UdpEchoServer:
    {
        Ptr<UdpEchoServer> server = CreateObject<UdpEchoServer>();
        server->SetAttribute("Port", UintegerValue(declared.port));
        return server;
    }
    case ScriptApplicationType::UdpEchoClient:
    {
        Ptr<UdpEchoClient> client = CreateObject<UdpEchoClient>();
        client->SetRemote(InetSocketAddress(*declared.remote, declared.port));
        client->SetAttribute("MaxPackets", UintegerValue(declared.count));
        client->SetAttribute("Interval", TimeValue(declared.interval));
        client->SetAttribute("PacketSize", UintegerValue(declared.size));
        return client;
    }
    case ScriptApplicationType::PacketSink:
    {
        Ptr<PacketSink> sink = CreateObject<PacketSink>();
        sink->SetAttribute("Protocol", TypeIdValue(protocol));
        sink->SetAttribute("Local", AddressValue(InetSocketAddress(declared.local, declared.port)));
        return sink;
    }
    case ScriptApplicationType::BulkSend:
        break;
    }
    Ptr<BulkSendApplication> bulk = CreateObject<BulkSendApplication>();
    bulk->SetAttribute("Protocol", TypeIdValue(protocol));
    bulk->SetAttribute("Remote", AddressValue(InetSocketAddress(*declared.remote, declared.port)));
    bulk->SetAttribute("MaxBytes", UintegerValue(declared.maxBytes));
    return bulk;
}

void
ScenarioRunner::ScheduleApplications()
{
    m_applications.reserve(m_script.applications.size());
    for (const ScriptApplication& declared : m_script.applications)
    {
        m_applications.push_back({declared, nullptr, nullptr, Status(), 0, {}});
        ApplicationRecord& record = m_applications.back();
        const std::size_t index = m_applications.size() - 1;
        if (!declared.process.empty())
        {
            // Scheduled after the commands, so the commands of the same instant run first.
            ScheduleMember(m_nodes.at(declared.node)->GetId(),
                           declared.start,
                           &ScenarioRunner::StartProcessApplication,
                           index);
            continue;
        }
        record.application = CreateApplication(declared);
        m_nodes.at(declared.node)->AddApplication(record.application);
        record.application->SetStartTime(declared.start);
        record.application->SetStopTime(declared.stop.value_or(m_script.stop));
        if (declared.type == ScriptApplicationType::UdpEchoClient)
        {
            ConnectTrace(record.application,
                         "RxWithAddresses",
                         MakeBoundCallback(&RecordEchoReply, &record));
        }
    }
}

void
ScenarioRunner::StartProcessApplication(std::size_t index)
{
    ApplicationRecord& record = m_applications[index];
    const ScriptApplication& declared = record.declaration;
    Ptr<Process> process = m_processes.at({declared.node, declared.process});
    record.application = CreateApplication(declared);
    record.application->SetStartTime(Seconds(0));
    if (declared.stop)
    {
        record.application->SetStopTime(*declared.stop - declared.start);
    }
    if (declared.type == ScriptApplicationType::UdpEchoClient)
    {
        ConnectTrace(record.application,
                     "RxWithAddresses",
                     MakeBoundCallback(&RecordEchoReply, &record));
    }
    record.ns = process->GetNamespace();
    record.status = process->InstallApplication(record.application);
    if (!record.status.IsOk())
    {
        NS_LOG_WARN("application of line " << declared.line
                                           << " not installed: " << record.status.ToString());
    }
}

void
ScenarioRunner::Run()
{
    NS_LOG_FUNCTION(this);
    Simulator::Stop(m_script.stop);
    Simulator::Run();
    if (m_capture)
    {
        // Views revealed during the run are captured by a listener, whose
        // failures only the helper records.
        for (const std::string& failed : m_capture->GetErrors())
        {
            std::cerr << m_script.file << ": " << failed << "\n";
            m_captureErrors.push_back(failed);
        }
        Status written = m_capture->WriteManifest();
        if (!written.IsOk())
        {
            std::cerr << m_script.file << ": " << written.ToString() << "\n";
            m_captureErrors.push_back(written.ToString());
        }
    }
    // Applications that never started report why.
    for (ApplicationRecord& record : m_applications)
    {
        Ptr<Process> process =
            record.declaration.process.empty()
                ? nullptr
                : m_processes.at({record.declaration.node, record.declaration.process});
        if (process && record.application && record.status.IsOk())
        {
            record.status = process->GetApplicationStatus(record.application);
        }
    }
}

} // namespace netns
} // namespace ns3
