/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_SCRIPT_PARSER_H
#define NETNS_SCRIPT_PARSER_H

#include "netns-scenario-script.h"
#include "netns-script-error.h"

#include <string>
#include <vector>

namespace ns3
{
namespace netns
{

/**
 * @ingroup netns
 * Parses scenario scripts: one directive per line, as described in
 * doc/scenario-scripts.rst.
 *
 * Parsing never stops at the first problem: every line that cannot be used
 * gets an error with its file, line number and reason, and the caller runs
 * nothing unless the list is empty. A second pass checks what single lines
 * cannot: that names exist, that devices and gateways fit the topology and
 * that times fall before the end of the simulation.
 */
class ScriptParser
{
  public:
    /**
     * Parse a script's text.
     * @param text the script
     * @param file the file name used in messages
     * @param script filled with what the script declares
     * @return the errors, empty when the script can run
     */
    static std::vector<ScriptError> Parse(const std::string& text,
                                          const std::string& file,
                                          ScenarioScript& script);

    /**
     * Read and parse a script file.
     * @param path the file
     * @param script filled with what the script declares
     * @return the errors, empty when the script can run; an unreadable file
     *         gives one error on line 0
     */
    static std::vector<ScriptError> ParseFile(const std::string& path, ScenarioScript& script);
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_SCRIPT_PARSER_H */
