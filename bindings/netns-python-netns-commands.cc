/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * ns3netns.netns, command part: Exec() (ip, ifconfig, unshare, echo and cat
 * run by a process) and scenario scripts (ScriptParser, ScenarioRunner,
 * ScenarioReport).
 *
 * Tests: test/python/test_bindings_netns_commands.py
 */
#include "netns-python-support.h"

#include "ns3/netns-command-result.h"
#include "ns3/netns-exec.h"
#include "ns3/netns-process.h"
#include "ns3/netns-scenario-report.h"
#include "ns3/netns-scenario-runner.h"
#include "ns3/netns-script-error.h"
#include "ns3/netns-script-parser.h"

#include <sstream>

namespace ns3
{
namespace python
{

namespace
{

using netns::ScenarioRunner;

/**
 * A ScenarioRunner with its transcript kept as text, tied to the
 * simulation it builds so that it refuses use after Simulator.Destroy().
 */
class PythonScenarioRunner
{
  public:
    /** Raise unless Build() ran in the current simulation. */
    void CheckBuilt() const
    {
        if (!m_generation)
        {
            throw std::runtime_error("call Build() first");
        }
        if (*m_generation != GetSimulationGeneration())
        {
            throw DisposedError("the scenario belongs to a simulation that Simulator.Destroy() "
                                "ended; parse and build it again");
        }
    }

    /** Build the script's simulation, once. */
    void Build(const netns::ScenarioScript& script)
    {
        if (m_generation)
        {
            throw std::runtime_error("Build() runs once per ScenarioRunner; create a new one");
        }
        runner.SetTranscript(&transcript);
        Check(runner.Build(script));
        m_generation = GetSimulationGeneration();
    }

    ScenarioRunner runner;         //!< the C++ runner
    std::ostringstream transcript; //!< output of the timed commands

  private:
    std::optional<uint64_t> m_generation; //!< simulation of Build(), once it ran
};

/** Bind CommandResult, Exec() and Process.Exec(). */
void
RegisterExec(py::module_& m)
{
    py::class_<netns::CommandResult>(m,
                                     "CommandResult",
                                     "What a command left behind: exit status, standard output "
                                     "and standard error.")
        .def_readonly("exitStatus",
                      &netns::CommandResult::exitStatus,
                      "Exit status, 0 on success, as the real tool returns it.")
        .def_readonly("out", &netns::CommandResult::out, "Standard output.")
        .def_readonly("err", &netns::CommandResult::err, "Standard error.")
        .def(
            "__repr__",
            [](const netns::CommandResult& result) {
                return "<CommandResult exit " + std::to_string(result.exitStatus) + ">";
            },
            "Return <CommandResult exit N>.");

    const char* execDoc =
        "Run a command line as a process, in its current namespace, as bash -c would: ip "
        "(link, address, route), ifconfig, unshare -n, echo NAME > "
        "/sys/kernel/debug/net_ns/dev, and cat of that file or /proc/net/dev. Output, errors "
        "and exit statuses follow iproute2 6.1 and net-tools 2.10. A failing command does not "
        "raise: read exitStatus and err, as from a shell. The command takes effect at the "
        "current simulation time.";
    m.def(
        "Exec",
        [](Ptr<netns::Process> process, const std::string& commandLine) {
            EnsureLive(PeekPointer(process));
            return netns::Exec(process, commandLine);
        },
        NotNone("process"),
        py::arg("commandLine"),
        execDoc);
    py::reinterpret_borrow<py::class_<netns::Process, Object, Ptr<netns::Process>>>(
        m.attr("Process"))
        .def(
            "Exec",
            [](Ptr<netns::Process> self, const std::string& commandLine) {
                EnsureLive(PeekPointer(self));
                return netns::Exec(self, commandLine);
            },
            py::arg("commandLine"),
            execDoc);
}

/** Bind ScriptError, ScenarioScript and ScriptParser. */
void
RegisterScripts(py::module_& m)
{
    py::class_<netns::ScriptError>(m, "ScriptError", "A script line that cannot be used.")
        .def_readonly("file", &netns::ScriptError::file, "The script's file name.")
        .def_readonly("line", &netns::ScriptError::line, "1-based line number.")
        .def_readonly("reason", &netns::ScriptError::reason, "What is wrong.")
        .def("ToString", &netns::ScriptError::ToString, "Return FILE:LINE: REASON.")
        .def("__str__", &netns::ScriptError::ToString, "Return FILE:LINE: REASON.");

    py::class_<netns::ScriptCommand>(m, "ScriptCommand", "A command a process runs at a time.")
        .def_readonly("at", &netns::ScriptCommand::at, "Simulation time.")
        .def_readonly("host", &netns::ScriptCommand::host, "The host.")
        .def_readonly("process", &netns::ScriptCommand::process, "The process.")
        .def_readonly("command", &netns::ScriptCommand::command, "The command line.")
        .def_readonly("line", &netns::ScriptCommand::line, "Line of the declaration.");

    py::class_<netns::ScenarioScript>(
        m,
        "ScenarioScript",
        "A parsed scenario script, from ScriptParser.Parse(); the text format is described "
        "in contrib/netns/doc/scenario-scripts.rst.")
        .def_readonly("file", &netns::ScenarioScript::file, "File name, for messages.")
        .def_readonly("commands", &netns::ScenarioScript::commands, "Timed commands.")
        .def_readwrite("routeIsolation",
                       &netns::ScenarioScript::routeIsolation,
                       "True when each namespace gets its own routes.")
        .def_readwrite("pcapPrefix",
                       &netns::ScenarioScript::pcapPrefix,
                       "pcap file prefix, empty for none.")
        .def_readwrite("stop", &netns::ScenarioScript::stop, "Simulation end.");

    py::class_<netns::ScriptParser>(m, "ScriptParser", "Parses scenario scripts.")
        .def_static(
            "Parse",
            [](const std::string& text, const std::string& file) {
                netns::ScenarioScript script;
                std::vector<netns::ScriptError> errors =
                    netns::ScriptParser::Parse(text, file, script);
                return py::make_tuple(script, errors);
            },
            py::arg("text"),
            py::arg("file") = "<string>",
            "Return (script, errors); the script can run only when errors is empty.")
        .def_static(
            "ParseFile",
            [](const std::string& path) {
                netns::ScenarioScript script;
                std::vector<netns::ScriptError> errors =
                    netns::ScriptParser::ParseFile(path, script);
                return py::make_tuple(script, errors);
            },
            py::arg("path"),
            "Read and parse a script file; an unreadable file gives one error on line 0.");
}

/** Bind ScenarioRunner and its command records. */
void
RegisterRunner(py::module_& m)
{
    py::class_<ScenarioRunner::CommandRecord>(m,
                                              "CommandRecord",
                                              "A timed command of a scenario and what it did.")
        .def_readonly("command", &ScenarioRunner::CommandRecord::command, "The command.")
        .def_readonly("ran", &ScenarioRunner::CommandRecord::ran, "False until its time came.")
        .def_readonly("result", &ScenarioRunner::CommandRecord::result, "Its output and status.");

    py::class_<PythonScenarioRunner>(
        m,
        "ScenarioRunner",
        "Builds and runs the simulation a ScenarioScript describes. The transcript of timed "
        "commands is kept as text.")
        .def(py::init<>(), "Create a runner.")
        .def(
            "OverrideRouteIsolation",
            [](PythonScenarioRunner& self, bool isolated) {
                self.runner.OverrideRouteIsolation(isolated);
            },
            py::arg("isolated"),
            "Override the script's route isolation setting; call before Build().")
        .def(
            "SetPcapEnabled",
            [](PythonScenarioRunner& self, bool enabled) { self.runner.SetPcapEnabled(enabled); },
            py::arg("enabled"),
            "Write no pcap file when False, whatever the script requests.")
        .def("Build",
             &PythonScenarioRunner::Build,
             py::arg("script"),
             "Build the topology and schedule the script's events, once per runner. Raises "
             "OSError: EEXIST when a node name is taken in ns3::Names, ENOENT when the pcap "
             "directory cannot be created.")
        .def(
            "Run",
            [](PythonScenarioRunner& self) {
                self.CheckBuilt();
                RunSimulator([&self]() { self.runner.Run(); });
            },
            "Run the simulation to the script's stop time.")
        .def(
            "GetCommands",
            [](const PythonScenarioRunner& self) { return self.runner.GetCommands(); },
            "Return the timed commands in file order, with their results once run.")
        .def(
            "GetHost",
            [](const PythonScenarioRunner& self, const std::string& name) {
                self.CheckBuilt();
                return self.runner.GetHost(name);
            },
            py::arg("name"),
            "Return the netns.Host of a node of the script, or None for a plain node.")
        .def(
            "GetProcess",
            [](const PythonScenarioRunner& self, const std::string& host, const std::string& name) {
                self.CheckBuilt();
                return self.runner.GetProcess(host, name);
            },
            py::arg("host"),
            py::arg("name"),
            "Return a process of a host by its script name, or None.")
        .def(
            "GetTranscript",
            [](const PythonScenarioRunner& self) { return self.transcript.str(); },
            "Return the transcript of the timed commands run so far.")
        .def(
            "Report",
            [](const PythonScenarioRunner& self) {
                self.CheckBuilt();
                std::ostringstream report;
                netns::ScenarioReport::Print(self.runner, report);
                return report.str();
            },
            "Return the report netns-run-script prints: namespaces, echo replies, "
            "applications and failed commands. Call it before Simulator.Destroy().");
}

} // namespace

void
RegisterNetnsCommands(py::module_& m)
{
    RegisterExec(m);
    RegisterScripts(m);
    RegisterRunner(m);
}

} // namespace python
} // namespace ns3
