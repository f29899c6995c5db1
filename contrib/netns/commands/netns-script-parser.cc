/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-script-parser.h"

#include "netns-command-arguments.h"
#include "netns-script-application-parser.h"
#include "netns-script-validator.h"
#include "netns-script-values.h"
#include "netns-shell-words.h"

#include "ns3/log.h"
#include "ns3/netns-route-table.h"

#include <fstream>
#include <sstream>

namespace ns3
{
namespace netns
{

NS_LOG_COMPONENT_DEFINE("NetnsScriptParser");

namespace
{

/// Maximum length of a script line, so that a binary file gives a few errors, not a flood.
constexpr std::size_t MAX_LINE_LENGTH = 4096;

/// Position of the parser, and the list that collects its errors.
struct LineContext
{
    const std::string& file;          //!< file name
    uint32_t line;                    //!< line number
    std::vector<ScriptError>& errors; //!< collected errors

    /**
     * Record an error on this line, control bytes escaped so that a message
     * never carries raw bytes from the script.
     * @param reason what is wrong
     * @return false, so that callers can return it
     */
    bool Error(const std::string& reason) const
    {
        errors.push_back({file, line, EscapeControlBytes(reason)});
        return false;
    }
};

/** @return the words of a line, split at blanks */
std::vector<std::string>
SplitWords(const std::string& text)
{
    std::vector<std::string> words;
    std::istringstream stream(text);
    std::string word;
    while (stream >> word)
    {
        words.push_back(word);
    }
    return words;
}

/** @return the line without a comment: '#' at the start of a word and what follows */
std::string
StripComment(const std::string& text)
{
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        if (text[i] == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t'))
        {
            return text.substr(0, i);
        }
    }
    return text;
}

bool
ParseNodes(const LineContext& at, const std::vector<std::string>& words, ScenarioScript& script)
{
    if (words.size() < 2)
    {
        return at.Error(words[0] + " needs at least one name, as in \"" + words[0] + " h1 h2\"");
    }
    for (std::size_t i = 1; i < words.size(); ++i)
    {
        if (!IsValidScriptName(words[i]))
        {
            return at.Error("invalid name " + QuoteScriptText(words[i]) +
                            ": use 1 to 64 letters, digits, '-', '_' or '.'");
        }
        script.nodes.push_back({words[i], words[0] == "host", at.line});
    }
    return true;
}

bool
ParseLink(const LineContext& at, const std::vector<std::string>& words, ScenarioScript& script)
{
    ScriptLink link;
    link.pointToPoint = words[0] == "p2p";
    link.dataRate = link.pointToPoint ? "10Mbps" : "100Mbps";
    link.delay = Seconds(0);
    link.line = at.line;
    if (words.size() < 2 || !IsValidScriptName(words[1]))
    {
        return at.Error(words[0] + " needs a valid link name first, as in \"" + words[0] +
                        " lan h1 h2\"");
    }
    link.name = words[1];
    std::size_t i = 2;
    for (; i < words.size() && words[i] != "rate" && words[i] != "delay"; ++i)
    {
        link.nodes.push_back(words[i]);
    }
    for (; i < words.size(); i += 2)
    {
        if (i + 1 >= words.size())
        {
            return at.Error("missing value after " + QuoteScriptText(words[i]));
        }
        const std::string& value = words[i + 1];
        if (words[i] == "rate")
        {
            if (!IsValidDataRate(value))
            {
                return at.Error(
                    "invalid data rate " + QuoteScriptText(value) +
                    ": use a number and bps, kbps, Mbps or Gbps, from 1bps to below 2^64 bps, "
                    "such as 100Mbps");
            }
            link.dataRate = value;
        }
        else if (words[i] == "delay")
        {
            auto delay = ParseScriptTime(value);
            if (!delay)
            {
                return at.Error("invalid delay " + QuoteScriptText(value) +
                                ": use seconds or a unit s, ms, us, ns, such as 2ms");
            }
            link.delay = *delay;
        }
        else
        {
            return at.Error("unknown link option " + QuoteScriptText(words[i]) +
                            ": expected rate or delay");
        }
    }
    script.links.push_back(link);
    return true;
}

bool
ParseAddress(const LineContext& at, const std::vector<std::string>& words, ScenarioScript& script)
{
    if (words.size() != 4)
    {
        return at.Error("address takes NODE DEVICE ADDRESS/LENGTH, as in "
                        "\"address router eth0 10.1.0.1/16\"");
    }
    auto prefix = ParseIpv4Address(words[3].substr(0, words[3].find('/')));
    auto full = ParseIpv4Prefix(words[3]);
    if (!prefix || !full || !full->lengthGiven || words[3] == "default")
    {
        return at.Error("invalid address " + QuoteScriptText(words[3]) + ": use A.B.C.D/LENGTH");
    }
    script.addresses.push_back({words[1], words[2], full->address, full->length, at.line});
    return true;
}

bool
ParseRoute(const LineContext& at, const std::vector<std::string>& words, ScenarioScript& script)
{
    if ((words.size() != 5 && words.size() != 7) || words[3] != "via" ||
        (words.size() == 7 && words[5] != "metric"))
    {
        return at.Error("route takes NODE PREFIX via GATEWAY [metric N], as in "
                        "\"route client 10.2.0.0/24 via 10.1.0.1\"");
    }
    auto prefix = ParseIpv4Prefix(words[2]);
    if (!prefix || (!prefix->lengthGiven && words[2] != "default"))
    {
        return at.Error("invalid destination " + QuoteScriptText(words[2]) +
                        ": use A.B.C.D/LENGTH or default");
    }
    if ((prefix->address.Get() & ~PrefixToMask(prefix->length)) != 0)
    {
        return at.Error("invalid destination " + QuoteScriptText(words[2]) + ": host bits are set");
    }
    auto gateway = ParseIpv4Address(words[4]);
    if (!gateway)
    {
        return at.Error("invalid gateway " + QuoteScriptText(words[4]) + ": use A.B.C.D");
    }
    ScriptRoute route{words[1], prefix->address, prefix->length, *gateway, 0, at.line};
    if (words.size() == 7)
    {
        auto metric = ParseUnsigned(words[6], UINT32_MAX);
        if (!metric)
        {
            return at.Error("invalid metric " + QuoteScriptText(words[6]));
        }
        route.metric = *metric;
    }
    script.routes.push_back(route);
    return true;
}

bool
ParseProcess(const LineContext& at, const std::vector<std::string>& words, ScenarioScript& script)
{
    if ((words.size() != 3 && words.size() != 5) || (words.size() == 5 && words[3] != "uid"))
    {
        return at.Error("process takes HOST NAME [uid N], as in \"process h1 c1 uid 0\"");
    }
    if (!IsValidScriptName(words[2]))
    {
        return at.Error("invalid process name " + QuoteScriptText(words[2]) +
                        ": use 1 to 64 letters, digits, '-', '_' or '.'");
    }
    ScriptProcess process{words[1], words[2], 0, at.line};
    if (words.size() == 5)
    {
        auto uid = ParseUnsigned(words[4], UINT32_MAX - 1);
        if (!uid || words[4].find_first_not_of("0123456789") != std::string::npos)
        {
            return at.Error("invalid uid " + QuoteScriptText(words[4]) + ": use a decimal number");
        }
        process.uid = *uid;
    }
    script.processes.push_back(process);
    return true;
}

bool
ParseCommand(const LineContext& at, const std::string& text, ScenarioScript& script)
{
    // "at TIME HOST PROCESS COMMAND...": the command is the rest of the line, verbatim.
    std::istringstream stream(text);
    std::string directive;
    std::string time;
    std::string host;
    std::string process;
    stream >> directive >> time >> host >> process;
    std::string command;
    std::getline(stream, command);
    const std::size_t first = command.find_first_not_of(" \t");
    command = first == std::string::npos ? "" : command.substr(first);
    if (process.empty() || command.empty())
    {
        return at.Error("at takes TIME HOST PROCESS COMMAND, as in "
                        "\"at 1.5 h1 c1 ip addr add 10.1.0.10/16 dev eth0\"");
    }
    if (!IsValidScriptName(host) || !IsValidScriptName(process))
    {
        return at.Error("invalid host or process name in " + QuoteScriptText(host + " " + process) +
                        ": use 1 to 64 letters, digits, '-', '_' or '.'");
    }
    auto when = ParseScriptTime(time);
    if (!when)
    {
        return at.Error("invalid time " + QuoteScriptText(time) +
                        ": use seconds or a unit s, ms, us, ns, such as 1.5 or 200ms");
    }
    ShellWords words;
    Status parsed = words.Parse(command);
    if (!parsed.IsOk())
    {
        return at.Error("invalid command " + QuoteScriptText(command) + ": " + parsed.GetMessage());
    }
    script.commands.push_back({*when, host, process, command, at.line});
    return true;
}

bool
ParseApplication(const LineContext& at,
                 const std::vector<std::string>& words,
                 ScenarioScript& script)
{
    std::string reason;
    auto app = ScriptApplicationParser::Parse(words, at.line, reason);
    if (!app)
    {
        return at.Error(reason);
    }
    script.applications.push_back(*app);
    return true;
}

bool
ParseSetting(const LineContext& at, const std::vector<std::string>& words, ScenarioScript& script)
{
    if (words.size() != 2)
    {
        return at.Error(words[0] + " takes one value");
    }
    if (words[0] == "route-isolation")
    {
        if (words[1] != "on" && words[1] != "off")
        {
            return at.Error("invalid route-isolation " + QuoteScriptText(words[1]) +
                            ": use on or off");
        }
        script.routeIsolation = words[1] == "on";
    }
    else if (words[0] == "pcap")
    {
        script.pcapPrefix = words[1];
    }
    else
    {
        auto stop = ParseScriptTime(words[1]);
        if (!stop || stop->IsZero())
        {
            return at.Error("invalid stop time " + QuoteScriptText(words[1]) +
                            ": use a positive time, such as 10 or 10s");
        }
        script.stop = *stop;
    }
    return true;
}

/** Parse one non-empty line. */
void
ParseLine(const LineContext& at, const std::string& raw, ScenarioScript& script)
{
    const std::vector<std::string> words = SplitWords(raw);
    const std::string& directive = words[0];
    if (directive == "at")
    {
        ParseCommand(at, raw, script);
        return;
    }
    const std::vector<std::string> stripped = SplitWords(StripComment(raw));
    if (directive == "node" || directive == "host")
    {
        ParseNodes(at, stripped, script);
    }
    else if (directive == "csma" || directive == "p2p")
    {
        ParseLink(at, stripped, script);
    }
    else if (directive == "address")
    {
        ParseAddress(at, stripped, script);
    }
    else if (directive == "route")
    {
        ParseRoute(at, stripped, script);
    }
    else if (directive == "process")
    {
        ParseProcess(at, stripped, script);
    }
    else if (directive == "app")
    {
        ParseApplication(at, stripped, script);
    }
    else if (directive == "route-isolation" || directive == "pcap" || directive == "stop")
    {
        ParseSetting(at, stripped, script);
    }
    else
    {
        at.Error("unknown directive " + QuoteScriptText(directive) +
                 ": expected node, host, csma, p2p, address, route, process, at, app, pcap, "
                 "route-isolation or stop");
    }
}

} // namespace

std::vector<ScriptError>
ScriptParser::Parse(const std::string& text, const std::string& file, ScenarioScript& script)
{
    NS_LOG_FUNCTION(file);
    script = ScenarioScript();
    script.file = file;
    std::vector<ScriptError> errors;
    std::istringstream lines(text);
    std::string raw;
    uint32_t number = 0;
    while (std::getline(lines, raw))
    {
        ++number;
        if (!raw.empty() && raw.back() == '\r')
        {
            raw.pop_back();
        }
        const LineContext at{file, number, errors};
        if (raw.size() > MAX_LINE_LENGTH)
        {
            at.Error("line of " + std::to_string(raw.size()) + " bytes; the maximum is " +
                     std::to_string(MAX_LINE_LENGTH));
            continue;
        }
        if (raw.find('\0') != std::string::npos)
        {
            at.Error("line contains a NUL byte; scripts are text files");
            continue;
        }
        const std::vector<std::string> words = SplitWords(StripComment(raw));
        if (words.empty())
        {
            continue;
        }
        ParseLine(at, raw, script);
    }
    // Checks across lines run even after line errors, so that one run lists every problem.
    ScriptValidator::Validate(script, errors);
    return errors;
}

std::vector<ScriptError>
ScriptParser::ParseFile(const std::string& path, ScenarioScript& script)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
    {
        return {{path, 0, "cannot open the script: check the path and its permissions"}};
    }
    std::ostringstream text;
    text << file.rdbuf();
    return Parse(text.str(), path, script);
}

} // namespace netns
} // namespace ns3
