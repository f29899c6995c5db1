/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_SCRIPT_VALIDATOR_H
#define NETNS_SCRIPT_VALIDATOR_H

#include "netns-scenario-script.h"
#include "netns-script-error.h"

#include <vector>

namespace ns3
{
namespace netns
{

/**
 * @ingroup netns
 * Checks what single lines of a scenario script cannot: that every name a
 * line uses is declared once, that devices and gateways fit the topology,
 * and that times fall before the end of the simulation.
 */
class ScriptValidator
{
  public:
    /**
     * Check a parsed script; errors point at the line of the declaration at fault.
     * @param script the script
     * @param errors receives one error per problem
     */
    static void Validate(const ScenarioScript& script, std::vector<ScriptError>& errors);
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_SCRIPT_VALIDATOR_H */
