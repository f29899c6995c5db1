/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Fuzz target for scenario scripts: the input is a script. The parser
 * must return, with every error on a line of the script and no control byte
 * of the input in its reason. A script it accepts is built and run, for at
 * most three seconds of simulated time with at most twenty echo requests
 * per client, so that each input stays fast; building and running must
 * return without aborting the simulation.
 */
#include "fuzz-host.h"

#include "ns3/names.h"
#include "ns3/netns-scenario-runner.h"
#include "ns3/netns-script-parser.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

using namespace ns3;
using namespace ns3::netns;

namespace
{

/// Bytes per input; longer inputs are ignored.
constexpr std::size_t MAX_INPUT_BYTES = 8192;
/// Largest topology that is built and run; larger scripts are only parsed.
constexpr std::size_t MAX_ITEMS = 16;

/** Check that every error names a line of the script and carries no control byte. */
void
CheckErrors(const std::vector<ScriptError>& errors, const std::string& text)
{
    const auto lines = static_cast<uint32_t>(std::count(text.begin(), text.end(), '\n') + 1);
    for (const ScriptError& error : errors)
    {
        if (error.line == 0 || error.line > lines)
        {
            fuzz::ReportBrokenRule("fuzz-script",
                                   "error on line " + std::to_string(error.line) +
                                       " of a script of " + std::to_string(lines) +
                                       " lines: " + error.reason,
                                   text);
        }
        if (!fuzz::HasNoControlBytes(error.reason))
        {
            fuzz::ReportBrokenRule("fuzz-script", "a reason carries a control byte", text);
        }
    }
}

/** Bound the simulated time and traffic of an accepted script. */
void
ClampScript(ScenarioScript& script)
{
    script.stop = std::min(script.stop, Seconds(3));
    for (ScriptApplication& app : script.applications)
    {
        app.count = std::min<uint32_t>(app.count, 20);
        app.interval = std::max(app.interval, MilliSeconds(1));
        app.maxBytes = app.maxBytes == 0 ? 20000 : std::min<uint64_t>(app.maxBytes, 20000);
    }
}

/** @return true when the script is small enough to build and run */
bool
IsSmall(const ScenarioScript& script)
{
    return script.nodes.size() <= MAX_ITEMS && script.links.size() <= MAX_ITEMS &&
           script.applications.size() <= MAX_ITEMS && script.commands.size() <= 4 * MAX_ITEMS;
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size)
{
    if (size > MAX_INPUT_BYTES)
    {
        return -1;
    }
    const std::string text(reinterpret_cast<const char*>(data), size);
    ScenarioScript script;
    const std::vector<ScriptError> errors = ScriptParser::Parse(text, "fuzz.nss", script);
    CheckErrors(errors, text);
    if (!errors.empty() || !IsSmall(script))
    {
        return 0;
    }
    ClampScript(script);
    ScenarioRunner runner;
    runner.SetPcapEnabled(false);
    if (runner.Build(script).IsOk())
    {
        runner.Run();
    }
    Simulator::Destroy();
    Names::Clear();
    return 0;
}
