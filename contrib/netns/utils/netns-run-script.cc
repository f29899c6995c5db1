/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Runs a scenario script: a text file of topology, processes, timed
 * commands and applications (grammar in contrib/netns/doc/scenario-scripts.rst).
 *
 *     netns-run-script contrib/netns/examples/netns-default-scenario.nss
 *     netns-run-script --routeIsolation=on --pcap=false my-scenario.nss
 *
 * The whole script is parsed first; when a line is wrong, every problem is
 * printed as FILE:LINE: REASON and nothing runs (exit status 2). Otherwise
 * the timed commands print their output as they run, and a report of what
 * each namespace, client and application observed follows. The exit status
 * is 1 when a pcap capture failed during the run.
 */

#include "ns3/command-line.h"
#include "ns3/netns-scenario-report.h"
#include "ns3/netns-scenario-runner.h"
#include "ns3/netns-script-parser.h"
#include "ns3/simulator.h"

#include <iostream>

using namespace ns3;

int
main(int argc, char* argv[])
{
    std::string script;
    std::string routeIsolation = "script";
    bool pcap = true;
    bool quiet = false;

    CommandLine cmd(__FILE__);
    cmd.Usage("Run a netns scenario script.");
    cmd.AddNonOption("script", "Scenario script file", script);
    cmd.AddValue("routeIsolation",
                 "Route model of every host: on, off, or script (the script's route-isolation "
                 "line, off when it has none)",
                 routeIsolation);
    cmd.AddValue("pcap", "Write the pcap files the script's pcap line asks for", pcap);
    cmd.AddValue("quiet", "Do not print the timed commands and their output", quiet);
    cmd.Parse(argc, argv);

    if (script.empty())
    {
        std::cerr << "error: no script given; usage: netns-run-script [options] FILE\n";
        return 2;
    }
    if (routeIsolation != "on" && routeIsolation != "off" && routeIsolation != "script")
    {
        std::cerr << "error: invalid --routeIsolation=" << routeIsolation
                  << ": use on, off or script\n";
        return 2;
    }

    netns::ScenarioScript parsed;
    const std::vector<netns::ScriptError> errors = netns::ScriptParser::ParseFile(script, parsed);
    if (!errors.empty())
    {
        for (const netns::ScriptError& error : errors)
        {
            std::cerr << error.ToString() << "\n";
        }
        std::cerr << errors.size() << (errors.size() == 1 ? " error" : " errors")
                  << "; nothing was run\n";
        return 2;
    }

    netns::ScenarioRunner runner;
    if (routeIsolation != "script")
    {
        runner.OverrideRouteIsolation(routeIsolation == "on");
    }
    runner.SetPcapEnabled(pcap);
    runner.SetTranscript(quiet ? nullptr : &std::cout);
    netns::Status built = runner.Build(parsed);
    if (!built.IsOk())
    {
        std::cerr << script << ": " << built.ToString() << "\n";
        return 2;
    }
    runner.Run();
    netns::ScenarioReport::Print(runner, std::cout);
    Simulator::Destroy();
    // A capture that failed during the run leaves the pcaps incomplete.
    return runner.GetCaptureErrors().empty() ? 0 : 1;
}
