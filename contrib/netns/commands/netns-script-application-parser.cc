/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-script-application-parser.h"

#include "netns-command-arguments.h"
#include "netns-script-values.h"

#include <map>
#include <set>

namespace ns3
{
namespace netns
{

namespace
{

/** Record why a line is rejected; returns false so that callers can return it. */
bool
Reject(std::string& reason, const std::string& text)
{
    reason = text;
    return false;
}

/** Record why a line is rejected; returns no application. */
std::optional<ScriptApplication>
RejectLine(std::string& reason, const std::string& text)
{
    reason = text;
    return std::nullopt;
}

/** Set one option of an application; false, with the reason, when the value is invalid. */
bool
ParseOption(const std::string& key,
            const std::string& value,
            ScriptApplication& app,
            std::string& reason)
{
    if (key == "to" || key == "local")
    {
        auto address = ParseIpv4Address(value);
        if (!address)
        {
            return Reject(reason, "invalid address " + QuoteScriptText(value) + " for " + key);
        }
        if (key == "to")
        {
            app.remote = *address;
        }
        else
        {
            app.local = *address;
        }
        return true;
    }
    if (key == "start" || key == "stop" || key == "interval")
    {
        auto time = ParseScriptTime(value);
        if (!time)
        {
            return Reject(reason, "invalid time " + QuoteScriptText(value) + " for " + key);
        }
        if (key == "start")
        {
            app.start = *time;
        }
        else if (key == "stop")
        {
            app.stop = *time;
        }
        else
        {
            app.interval = *time;
        }
        return true;
    }
    if (key == "protocol")
    {
        if (value != "tcp" && value != "udp")
        {
            return Reject(reason,
                          "invalid protocol " + QuoteScriptText(value) + ": use tcp or udp");
        }
        app.tcp = value == "tcp";
        return true;
    }
    const uint32_t maximum = key == "port" ? 65535 : UINT32_MAX;
    auto number = ParseUnsigned(value, maximum);
    if (!number || value.find_first_not_of("0123456789") != std::string::npos)
    {
        return Reject(reason, "invalid number " + QuoteScriptText(value) + " for " + key);
    }
    if (key == "port")
    {
        app.port = static_cast<uint16_t>(*number);
    }
    else if (key == "count")
    {
        app.count = *number;
    }
    else if (key == "size")
    {
        app.size = *number;
    }
    else
    {
        app.maxBytes = *number;
    }
    return true;
}

/** @return the option names an application type accepts */
const std::set<std::string>&
ApplicationOptions(ScriptApplicationType type)
{
    static const std::set<std::string> server{"port", "start", "stop"};
    static const std::set<std::string> client{
        "to", "port", "count", "interval", "size", "start", "stop"};
    static const std::set<std::string> sink{"protocol", "local", "port", "start", "stop"};
    static const std::set<std::string> bulk{"to", "port", "max-bytes", "start", "stop"};
    switch (type)
    {
    case ScriptApplicationType::UdpEchoServer:
        return server;
    case ScriptApplicationType::UdpEchoClient:
        return client;
    case ScriptApplicationType::PacketSink:
        return sink;
    case ScriptApplicationType::BulkSend:
        break;
    }
    return bulk;
}

} // namespace

std::optional<ScriptApplication>
ScriptApplicationParser::Parse(const std::vector<std::string>& words,
                               uint32_t line,
                               std::string& reason)
{
    static const std::map<std::string, ScriptApplicationType> types{
        {"udp-echo-server", ScriptApplicationType::UdpEchoServer},
        {"udp-echo-client", ScriptApplicationType::UdpEchoClient},
        {"packet-sink", ScriptApplicationType::PacketSink},
        {"bulk-send", ScriptApplicationType::BulkSend}};
    if (words.size() < 3 || types.count(words[1]) == 0)
    {
        return RejectLine(reason,
                          "app takes TYPE NODE|HOST/PROCESS OPTIONS..., with TYPE one of "
                          "udp-echo-server, udp-echo-client, packet-sink, bulk-send");
    }
    ScriptApplication app;
    app.type = types.at(words[1]);
    app.tcp = app.type == ScriptApplicationType::BulkSend;
    app.line = line;
    const std::size_t slash = words[2].find('/');
    app.node = words[2].substr(0, slash);
    if (slash != std::string::npos)
    {
        app.process = words[2].substr(slash + 1);
    }
    if (!IsValidScriptName(app.node) ||
        (slash != std::string::npos && !IsValidScriptName(app.process)))
    {
        return RejectLine(reason,
                          "invalid place " + QuoteScriptText(words[2]) +
                              ": use NODE, or HOST/PROCESS for an application a process runs");
    }
    std::set<std::string> seen;
    for (std::size_t i = 3; i < words.size(); i += 2)
    {
        const std::string& key = words[i];
        if (ApplicationOptions(app.type).count(key) == 0)
        {
            return RejectLine(reason,
                              "unknown option " + QuoteScriptText(key) + " for " + words[1]);
        }
        if (!seen.insert(key).second)
        {
            return RejectLine(reason, "option " + QuoteScriptText(key) + " is given twice");
        }
        if (i + 1 >= words.size())
        {
            return RejectLine(reason, "missing value after " + QuoteScriptText(key));
        }
        if (!ParseOption(key, words[i + 1], app, reason))
        {
            return std::nullopt;
        }
    }
    if (seen.count("port") == 0)
    {
        return RejectLine(reason, words[1] + " needs a port, as in \"port 7\"");
    }
    const bool client = app.type == ScriptApplicationType::UdpEchoClient ||
                        app.type == ScriptApplicationType::BulkSend;
    if (client && seen.count("to") == 0)
    {
        return RejectLine(reason, words[1] + " needs a destination, as in \"to 10.1.0.10\"");
    }
    return app;
}

} // namespace netns
} // namespace ns3
