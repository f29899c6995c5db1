/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The isolation oracle: random topologies and operation sequences run
 * against the module and checked, after every step, against an
 * independent reference model (oracle-model.cc).
 *
 *     netns-oracle --sequences=100000 --seed=1      soak run
 *     netns-oracle --replay=test/oracle/regressions/x.seq --trace
 *
 * A soak run generates sequence i of seed s the same way every time, and
 * runs the sequences in child processes, so a crash is caught like a
 * mismatch. A failure is shrunk by delta debugging over its operations,
 * printed, and saved as a replayable file in --save-dir. Exit status: 0
 * when every sequence passed, 1 on a failure, 2 for bad options.
 */
#include "oracle-harness.h"
#include "oracle-sequence.h"
#include "oracle-shrink.h"

#include "ns3/command-line.h"

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace ns3;
using namespace ns3::netns::oracle;

namespace
{

/// Progress a worker process shares with the parent.
struct Progress
{
    uint64_t current;    //!< index of the sequence running now
    uint64_t sequences;  //!< sequences that passed
    uint64_t operations; //!< operations checked
    uint64_t skipped;    //!< operations both sides skipped
    uint64_t deliveries; //!< datagrams and connections whose receiver was checked
    int failed;          //!< 1 when sequence `current` failed without crashing
};

/** Run sequences [first, end) until one fails; @return after the last or the failure */
void
RunWorker(uint64_t seed, uint64_t first, uint64_t end, Progress* progress)
{
    for (uint64_t index = first; index < end; ++index)
    {
        progress->current = index;
        const RunResult result = RunSequence(GenerateSequence(seed, index));
        progress->operations += result.operations;
        progress->skipped += result.skipped;
        progress->deliveries += result.deliveries;
        if (!result.passed)
        {
            progress->failed = 1;
            return;
        }
        ++progress->sequences;
    }
}

/** Shrink, print and save one failing sequence. */
void
ReportFailure(uint64_t seed, uint64_t index, const std::string& saveDir)
{
    const Sequence original = GenerateSequence(seed, index);
    const RunResult first = RunIsolated(original);
    std::cout << "sequence " << index << " of seed " << seed << " failed (" << first.category
              << "):\n"
              << first.message << "\nshrinking " << original.operations.size()
              << " operations...\n";
    const Sequence minimal = first.passed ? original : Shrink(original, first.category);
    const RunResult again = RunIsolated(minimal);
    std::ostringstream text;
    text << "# Found by netns-oracle --seed=" << seed << " (sequence " << index << "), shrunk from "
         << original.operations.size() << " operations.\n# " << again.category << ": ";
    for (char c : again.message)
    {
        text << c << (c == '\n' ? "# " : "");
    }
    text << "\n" << minimal.ToString();
    std::filesystem::create_directories(saveDir);
    const std::string path =
        saveDir + "/oracle-" + std::to_string(seed) + "-" + std::to_string(index) + ".seq";
    std::ofstream(path) << text.str();
    std::cout << text.str() << "saved as " << path
              << "; replay with: netns-oracle --replay=" << path << " --trace\n";
}

int
Soak(uint64_t seed,
     uint64_t first,
     uint64_t count,
     uint32_t maxFailures,
     const std::string& saveDir)
{
    auto* progress = static_cast<Progress*>(
        mmap(nullptr, sizeof(Progress), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0));
    std::memset(progress, 0, sizeof(Progress));
    const auto start = std::chrono::steady_clock::now();
    const uint64_t end = first + count;
    uint32_t failures = 0;
    for (uint64_t next = first; next < end && failures < maxFailures;)
    {
        progress->failed = 0;
        progress->current = next;
        const pid_t worker = fork();
        if (worker == 0)
        {
            RunWorker(seed, next, end, progress);
            _exit(0);
        }
        int status = 0;
        waitpid(worker, &status, 0);
        const bool crashed = !(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        if (!crashed && !progress->failed)
        {
            break;
        }
        ++failures;
        ReportFailure(seed, progress->current, saveDir);
        next = progress->current + 1;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "netns-oracle: seed " << seed << ", " << progress->sequences
              << " sequences passed, " << failures << " failed; " << progress->operations
              << " operations checked (" << progress->skipped << " skipped), "
              << progress->deliveries
              << " deliveries (datagrams and accepted connections) as expected; " << seconds
              << " s\n";
    return failures == 0 ? 0 : 1;
}

int
Replay(const std::string& path, bool trace)
{
    std::ifstream file(path);
    if (!file)
    {
        std::cerr << "error: cannot read " << path << "\n";
        return 2;
    }
    std::stringstream text;
    text << file.rdbuf();
    std::string error;
    const auto sequence = ParseSequence(text.str(), error);
    if (!sequence)
    {
        std::cerr << "error: " << path << ": " << error << "\n";
        return 2;
    }
    const RunResult result = RunSequence(*sequence, trace);
    if (!result.passed)
    {
        std::cout << path << ": " << result.category << "\n" << result.message << "\n";
        return 1;
    }
    std::cout << path << ": passed, " << result.operations << " operations checked\n";
    return 0;
}

} // namespace

int
main(int argc, char* argv[])
{
    uint64_t sequences = 1000;
    uint64_t seed = 1;
    uint64_t first = 0;
    uint32_t maxFailures = 3;
    std::string replay;
    std::string saveDir = "oracle-failures";
    bool trace = false;

    CommandLine cmd(__FILE__);
    cmd.Usage("Check the module against the isolation oracle's reference model.");
    cmd.AddValue("sequences", "Number of random sequences to run", sequences);
    cmd.AddValue("seed", "Seed of the sequence generator", seed);
    cmd.AddValue("first", "Index of the first sequence", first);
    cmd.AddValue("maxFailures", "Stop after this many failing sequences", maxFailures);
    cmd.AddValue("saveDir", "Directory for shrunk failing sequences", saveDir);
    cmd.AddValue("replay", "Run one sequence file instead of random ones", replay);
    cmd.AddValue("trace", "Print each step of a replayed sequence", trace);
    cmd.Parse(argc, argv);

    if (!replay.empty())
    {
        return Replay(replay, trace);
    }
    return Soak(seed, first, sequences, maxFailures, saveDir);
}
