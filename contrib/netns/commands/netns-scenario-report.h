/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_SCENARIO_REPORT_H
#define NETNS_SCENARIO_REPORT_H

#include "netns-scenario-runner.h"

#include <ostream>

namespace ns3
{
namespace netns
{

/**
 * @ingroup netns
 * Prints what a scenario run observed: a per-namespace summary of each
 * host, the echo replies of each client, the applications, and the
 * commands that failed. The summary and the replies have the layout of the
 * default scenario example (examples/netns-default-scenario.cc), so the two
 * reports can be compared line by line.
 */
class ScenarioReport
{
  public:
    /**
     * Print the report of a finished run.
     * @param runner the runner, after Run()
     * @param os the stream
     */
    static void Print(const ScenarioRunner& runner, std::ostream& os);

  private:
    /**
     * Print the per-namespace summary of every host.
     * @param runner the runner
     * @param os the stream
     */
    static void PrintNamespaces(const ScenarioRunner& runner, std::ostream& os);

    /**
     * Print the echo replies each client received, by target.
     * @param runner the runner
     * @param os the stream
     */
    static void PrintEchoReplies(const ScenarioRunner& runner, std::ostream& os);

    /**
     * Print what each packet sink and bulk sender moved, and why an application did not start.
     * @param runner the runner
     * @param os the stream
     */
    static void PrintApplications(const ScenarioRunner& runner, std::ostream& os);

    /**
     * Print the timed commands that exited with a non-zero status.
     * @param runner the runner
     * @param os the stream
     */
    static void PrintFailedCommands(const ScenarioRunner& runner, std::ostream& os);
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_SCENARIO_REPORT_H */
