/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_ORACLE_HARNESS_H
#define NETNS_ORACLE_HARNESS_H

#include "oracle-sequence.h"

#include <cstdint>
#include <string>

namespace ns3
{
namespace netns
{
namespace oracle
{

/** The verdict on one sequence run against the module. */
struct RunResult
{
    bool passed{true};      //!< every step matched the model
    std::string category;   //!< what differed first: errno, fd, delivery or listing
    std::string message;    //!< the operation, the expected and the observed values
    uint64_t operations{0}; //!< operations run and checked
    uint64_t skipped{0};    //!< operations both sides skipped
    uint64_t deliveries{0}; //!< datagrams and accepted connections the model expected
};

/**
 * Run a sequence against the real module and compare every step with the
 * reference model: the errno and descriptor each call returns, which
 * sockets receive each datagram and from which source address, and every
 * listing (views, addresses, bound sockets, routes, freed namespaces and
 * processes). The simulation is destroyed afterwards.
 * @param sequence the sequence
 * @param trace print each step and its outcome to standard output
 * @return the verdict; the first difference stops the run
 */
RunResult RunSequence(const Sequence& sequence, bool trace = false);

} // namespace oracle
} // namespace netns
} // namespace ns3

#endif /* NETNS_ORACLE_HARNESS_H */
