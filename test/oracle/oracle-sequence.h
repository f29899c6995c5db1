/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_ORACLE_SEQUENCE_H
#define NETNS_ORACLE_SEQUENCE_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{
namespace netns
{
namespace oracle
{

/**
 * The topology of a sequence: one host with namespace support whose
 * devices eth0, eth1, eth2 each lead to a CSMA LAN with one plain peer.
 * LAN k has subnet 198.51.100.0/24, 203.0.113.0/24 or 192.0.2.0/24, and
 * its peer holds the subnet's address .1.
 */
struct Topology
{
    bool routeIsolation{false}; //!< the host's route model at the start
    uint32_t devices{1};        //!< 1 to 3
};

/**
 * One operation of a sequence, written one per line as a verb and its
 * arguments, for example "bind p2 3 198.51.100.10 5000 reuse".
 *
 * Processes are named by labels that spawn and fork give them; "p0" is a
 * root process in the initial namespace from the start. An operation that
 * names a label no earlier operation created is skipped by both the model
 * and the run, so that deleting operations while shrinking keeps the rest
 * meaningful.
 */
struct Operation
{
    std::string verb;              //!< spawn, fork, unshare, reveal, ...
    std::vector<std::string> args; //!< the arguments, as written

    /** @return the operation as one line of a sequence file */
    std::string ToString() const;
};

/** A topology and its operations. */
struct Sequence
{
    Topology topology;                 //!< the network the operations run on
    std::vector<Operation> operations; //!< in order

    /** @return the sequence in the replayable text form */
    std::string ToString() const;
};

/**
 * Parse the text form of a sequence.
 * @param text the text, as Sequence::ToString() writes it; '#' starts a comment
 * @param error set to the reason when parsing fails
 * @return the sequence, or nullopt
 */
std::optional<Sequence> ParseSequence(const std::string& text, std::string& error);

/**
 * Generate a random sequence; the same seed and index give the same sequence.
 * @param seed the run's seed
 * @param index the sequence's index in the run
 * @return the sequence
 */
Sequence GenerateSequence(uint64_t seed, uint64_t index);

/// Addresses of LAN k: the subnet's first three octets.
extern const char* const LAN_PREFIXES[3];

} // namespace oracle
} // namespace netns
} // namespace ns3

#endif /* NETNS_ORACLE_SEQUENCE_H */
