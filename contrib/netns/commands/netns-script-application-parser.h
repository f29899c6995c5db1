/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_SCRIPT_APPLICATION_PARSER_H
#define NETNS_SCRIPT_APPLICATION_PARSER_H

#include "netns-scenario-script.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{
namespace netns
{

/**
 * @ingroup netns
 * Parses the "app" lines of scenario scripts: the application type, where
 * it runs, and its options with their defaults.
 */
class ScriptApplicationParser
{
  public:
    /**
     * Parse "app TYPE NODE|HOST/PROCESS OPTION VALUE...".
     * @param words the line's words, "app" first
     * @param line the line number, stored in the application
     * @param reason set to why the line is rejected
     * @return the application, or nullopt when the line is rejected
     */
    static std::optional<ScriptApplication> Parse(const std::vector<std::string>& words,
                                                  uint32_t line,
                                                  std::string& reason);
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_SCRIPT_APPLICATION_PARSER_H */
