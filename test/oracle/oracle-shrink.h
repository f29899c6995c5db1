/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_ORACLE_SHRINK_H
#define NETNS_ORACLE_SHRINK_H

#include "oracle-harness.h"
#include "oracle-sequence.h"

#include <string>

namespace ns3
{
namespace netns
{
namespace oracle
{

/**
 * Run a sequence in a child process, so that a crash (an abort inside ns-3
 * or the module, or a sanitizer report) is a verdict, not the end of the run.
 * @param sequence the sequence
 * @return the verdict; a crash gives category "crash" and the signal
 */
RunResult RunIsolated(const Sequence& sequence);

/**
 * Shrink a failing sequence by delta debugging over its operations: drop
 * chunks, then single operations, while the failure keeps its category.
 * Each candidate runs in a child process.
 * @param sequence a sequence that fails
 * @param category the failure's category
 * @return the smallest failing sequence found
 */
Sequence Shrink(const Sequence& sequence, const std::string& category);

} // namespace oracle
} // namespace netns
} // namespace ns3

#endif /* NETNS_ORACLE_SHRINK_H */
