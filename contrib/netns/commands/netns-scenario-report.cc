/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-scenario-report.h"

#include "netns-command-arguments.h"
#include "netns-script-values.h"

#include "ns3/bulk-send-application.h"
#include "ns3/packet-sink.h"

#include <iomanip>
#include <sstream>

namespace ns3
{
namespace netns
{

namespace
{

/** @return the first address of a namespace outside 127.0.0.0/8, or "-" */
std::string
MainAddress(Ptr<Namespace> ns)
{
    for (const AddressEntry& address : ns->GetAddresses())
    {
        if ((address.local.Get() >> 24) != 127)
        {
            return FormatIpv4(address.local);
        }
    }
    return "-";
}

/** @return the bytes TCP packet sinks in a namespace received from the network */
uint64_t
TcpBytes(const ScenarioRunner& runner, Ptr<Namespace> ns)
{
    uint64_t bytes = 0;
    for (const ScenarioRunner::ApplicationRecord& app : runner.GetApplications())
    {
        const ScriptApplication& declared = app.declaration;
        // Sinks bound to 127.0.0.0/8 serve the namespace itself; they are listed per application.
        if (app.ns == ns && declared.type == ScriptApplicationType::PacketSink && declared.tcp &&
            (declared.local.Get() >> 24) != 127 && app.application)
        {
            bytes += DynamicCast<PacketSink>(app.application)->GetTotalRx();
        }
    }
    return bytes;
}

/** @return where an application runs: "client-far" or "h1/c1" */
std::string
Where(const ScriptApplication& declared)
{
    return declared.process.empty() ? declared.node : declared.node + "/" + declared.process;
}

} // namespace

void
ScenarioReport::Print(const ScenarioRunner& runner, std::ostream& os)
{
    PrintNamespaces(runner, os);
    PrintEchoReplies(runner, os);
    PrintApplications(runner, os);
    PrintFailedCommands(runner, os);
}

void
ScenarioReport::PrintNamespaces(const ScenarioRunner& runner, std::ostream& os)
{
    for (const auto& [hostName, records] : runner.GetNamespaces())
    {
        Ptr<Host> host = runner.GetHost(hostName);
        os << "\nPer-namespace summary (host " << hostName << ", route isolation "
           << (host->IsRouteIsolated() ? "on" : "off") << ")\n";
        os << std::left << std::setw(6) << "ns" << std::setw(13) << "address" << std::right
           << std::setw(9) << "rx-pkts" << std::setw(10) << "rx-bytes" << std::setw(9) << "tx-pkts"
           << std::setw(10) << "tx-bytes" << std::setw(10) << "tcp-bytes"
           << "  echo requests answered, by destination\n";
        for (const ScenarioRunner::NamespaceRecord& record : records)
        {
            Ptr<Namespace> ns = record.ns;
            if (ns->IsInitial())
            {
                continue;
            }
            os << std::left << std::setw(6) << ns->GetName() << std::setw(13) << MainAddress(ns)
               << std::right << std::setw(9) << ns->GetRxPackets() << std::setw(10)
               << ns->GetRxBytes() << std::setw(9) << ns->GetTxPackets() << std::setw(10)
               << ns->GetTxBytes() << std::setw(10) << TcpBytes(runner, ns) << "  ";
            if (record.echoRequestsFor.empty())
            {
                os << "none";
            }
            for (const auto& [destination, count] : record.echoRequestsFor)
            {
                os << destination << " x" << count << " ";
            }
            os << "\n";
        }
    }
}

void
ScenarioReport::PrintEchoReplies(const ScenarioRunner& runner, std::ostream& os)
{
    // By client, then by target, as the default scenario example prints them.
    std::map<std::string, std::map<Ipv4Address, std::pair<uint32_t, uint32_t>>> replies;
    std::map<std::string, std::map<Ipv4Address, std::set<Ipv4Address>>> sources;
    for (const ScenarioRunner::ApplicationRecord& app : runner.GetApplications())
    {
        const ScriptApplication& declared = app.declaration;
        if (declared.type != ScriptApplicationType::UdpEchoClient)
        {
            continue;
        }
        auto& entry = replies[Where(declared)][*declared.remote];
        entry.first += app.replies;
        entry.second += declared.count;
        sources[Where(declared)][*declared.remote].insert(app.replySources.begin(),
                                                          app.replySources.end());
    }
    if (replies.empty())
    {
        return;
    }
    os << "\nEcho replies per client and target\n";
    for (const auto& [client, targets] : replies)
    {
        for (const auto& [target, counts] : targets)
        {
            os << "  " << std::left << std::setw(11) << client << " -> " << std::setw(11)
               << FormatIpv4(target) << std::right << " replies " << counts.first << "/"
               << counts.second << ", reply sources:";
            for (const Ipv4Address& source : sources[client][target])
            {
                os << " " << source;
            }
            os << "\n";
        }
    }
}

void
ScenarioReport::PrintApplications(const ScenarioRunner& runner, std::ostream& os)
{
    std::ostringstream lines;
    for (const ScenarioRunner::ApplicationRecord& app : runner.GetApplications())
    {
        const ScriptApplication& declared = app.declaration;
        const std::string prefix = "  line " + std::to_string(declared.line) + ": ";
        if (!app.status.IsOk())
        {
            lines << prefix << Where(declared) << ": not started: " << app.status.ToString()
                  << "\n";
            continue;
        }
        if (declared.type == ScriptApplicationType::PacketSink && app.application)
        {
            lines << prefix << "packet-sink " << Where(declared) << " "
                  << (declared.tcp ? "tcp " : "udp ") << declared.local << ":" << declared.port
                  << ": received " << DynamicCast<PacketSink>(app.application)->GetTotalRx()
                  << " bytes\n";
        }
        else if (declared.type == ScriptApplicationType::BulkSend && app.application)
        {
            Ptr<Socket> socket = DynamicCast<BulkSendApplication>(app.application)->GetSocket();
            lines << prefix << "bulk-send " << Where(declared) << " to " << *declared.remote << ":"
                  << declared.port << ": " << (socket ? "socket opened" : "no socket (not started)")
                  << "\n";
        }
    }
    if (!lines.str().empty())
    {
        os << "\nApplications\n" << lines.str();
    }
}

void
ScenarioReport::PrintFailedCommands(const ScenarioRunner& runner, std::ostream& os)
{
    std::ostringstream lines;
    for (const ScenarioRunner::CommandRecord& record : runner.GetCommands())
    {
        if (record.ran && record.result.exitStatus != 0)
        {
            std::string firstError = record.result.err.substr(0, record.result.err.find('\n'));
            lines << "  [" << FormatScriptTime(record.command.at) << "] " << record.command.host
                  << "/" << record.command.process << " $ " << record.command.command << ": exit "
                  << record.result.exitStatus << ": " << firstError << "\n";
        }
    }
    if (!lines.str().empty())
    {
        os << "\nCommands that failed\n" << lines.str();
    }
}

} // namespace netns
} // namespace ns3
