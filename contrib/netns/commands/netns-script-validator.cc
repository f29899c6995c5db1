/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-script-validator.h"

#include "netns-script-values.h"

#include "ns3/netns-route-table.h"

#include <functional>
#include <map>
#include <set>
#include <string>

namespace ns3
{
namespace netns
{

namespace
{

/// Declared names and device counts, as the checks use them.
struct Declarations
{
    std::map<std::string, const ScriptNode*> nodes;          //!< nodes by name
    std::map<std::string, uint32_t> deviceCount;             //!< devices per node
    std::set<std::pair<std::string, std::string>> processes; //!< (host, process)
};

/** Collect nodes and processes, reporting duplicates. */
Declarations
Collect(const ScenarioScript& script,
        const std::function<void(uint32_t, const std::string&)>& error)
{
    Declarations declared;
    for (const ScriptNode& node : script.nodes)
    {
        if (!declared.nodes.emplace(node.name, &node).second)
        {
            error(node.line, "node " + node.name + " is declared twice");
        }
    }
    for (const ScriptLink& link : script.links)
    {
        for (const std::string& name : link.nodes)
        {
            declared.deviceCount[name]++;
        }
    }
    for (const ScriptProcess& process : script.processes)
    {
        auto node = declared.nodes.find(process.host);
        if (node == declared.nodes.end() || !node->second->host)
        {
            error(process.line,
                  "process " + process.name + " needs a host declared with \"host " + process.host +
                      "\"");
        }
        else if (!declared.processes.emplace(process.host, process.name).second)
        {
            error(process.line,
                  "process " + process.name + " is declared twice on host " + process.host);
        }
    }
    return declared;
}

} // namespace

void
ScriptValidator::Validate(const ScenarioScript& script, std::vector<ScriptError>& errors)
{
    auto error = [&](uint32_t line, const std::string& reason)
    {
        errors.push_back({script.file, line, EscapeControlBytes(reason)});
    };
    const Declarations declared = Collect(script, error);
    auto plainNode = [&](uint32_t line, const std::string& name, const std::string& what)
    {
        auto node = declared.nodes.find(name);
        if (node == declared.nodes.end())
        {
            error(line, what + ": unknown node " + name);
            return false;
        }
        if (node->second->host)
        {
            error(line,
                  what + ": " + name +
                      " has namespace support; configure it with timed ip commands of a "
                      "process instead");
            return false;
        }
        return true;
    };

    std::set<std::string> linkNames;
    for (const ScriptLink& link : script.links)
    {
        if (!linkNames.insert(link.name).second)
        {
            error(link.line, "link " + link.name + " is declared twice");
        }
        if (link.pointToPoint ? link.nodes.size() != 2 : link.nodes.size() < 2)
        {
            error(
                link.line,
                "link " + link.name +
                    (link.pointToPoint ? " needs exactly two nodes" : " needs two nodes or more"));
        }
        std::set<std::string> attached;
        for (const std::string& name : link.nodes)
        {
            if (declared.nodes.count(name) == 0)
            {
                error(link.line, "link " + link.name + ": unknown node " + name);
            }
            else if (!attached.insert(name).second)
            {
                error(link.line, "link " + link.name + " lists node " + name + " twice");
            }
        }
    }

    for (const ScriptAddress& address : script.addresses)
    {
        if (!plainNode(address.line, address.node, "address"))
        {
            continue;
        }
        const uint32_t devices =
            declared.deviceCount.count(address.node) ? declared.deviceCount.at(address.node) : 0;
        const std::string& device = address.device;
        const bool valid = device.size() > 3 && device.compare(0, 3, "eth") == 0 &&
                           device.find_first_not_of("0123456789", 3) == std::string::npos &&
                           device.size() < 8 && std::stoul(device.substr(3)) < devices;
        if (!valid)
        {
            error(address.line,
                  "address: node " + address.node + " has no device " + device + " (it has " +
                      std::to_string(devices) + ", eth0 onwards, in link order)");
        }
    }

    for (const ScriptRoute& route : script.routes)
    {
        if (!plainNode(route.line, route.node, "route"))
        {
            continue;
        }
        bool onLink = false;
        for (const ScriptAddress& address : script.addresses)
        {
            const uint32_t mask = PrefixToMask(address.prefixLength);
            onLink = onLink || (address.node == route.node &&
                                (address.address.Get() & mask) == (route.gateway.Get() & mask));
        }
        if (!onLink)
        {
            error(route.line,
                  "route: the gateway is in no subnet of node " + route.node +
                      "'s addresses; declare the address first");
        }
    }

    for (const ScriptCommand& command : script.commands)
    {
        if (declared.processes.count({command.host, command.process}) == 0)
        {
            error(command.line,
                  "at: unknown process " + command.process + " on host " + command.host +
                      "; declare it with \"process " + command.host + " " + command.process + "\"");
        }
        if (command.at > script.stop)
        {
            error(command.line,
                  "at: " + FormatScriptTime(command.at) + " is after the end of the simulation (" +
                      FormatScriptTime(script.stop) + ")");
        }
    }

    for (const ScriptApplication& app : script.applications)
    {
        if (app.process.empty())
        {
            plainNode(app.line, app.node, "app");
        }
        else if (declared.processes.count({app.node, app.process}) == 0)
        {
            error(app.line, "app: unknown process " + app.process + " on host " + app.node);
        }
        if (app.stop && *app.stop <= app.start)
        {
            error(app.line, "app: stop must come after start");
        }
        if (app.start > script.stop)
        {
            error(app.line, "app: start is after the end of the simulation");
        }
    }
}

} // namespace netns
} // namespace ns3
