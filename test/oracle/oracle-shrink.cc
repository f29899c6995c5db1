/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "oracle-shrink.h"

#include <cstring>
#include <string>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ns3
{
namespace netns
{
namespace oracle
{

namespace
{

/// The verdict a child writes for its parent, in memory both share.
struct SharedVerdict
{
    int passed;         //!< 1 when the sequence passed
    char category[64];  //!< the failure's category
    char message[4096]; //!< the failure's description
};

} // namespace

RunResult
RunIsolated(const Sequence& sequence)
{
    void* memory = mmap(nullptr,
                        sizeof(SharedVerdict),
                        PROT_READ | PROT_WRITE,
                        MAP_SHARED | MAP_ANONYMOUS,
                        -1,
                        0);
    auto* shared = static_cast<SharedVerdict*>(memory);
    std::memset(shared, 0, sizeof(SharedVerdict));
    const pid_t child = fork();
    if (child == 0)
    {
        const RunResult result = RunSequence(sequence);
        shared->passed = result.passed ? 1 : 0;
        std::strncpy(shared->category, result.category.c_str(), sizeof(shared->category) - 1);
        std::strncpy(shared->message, result.message.c_str(), sizeof(shared->message) - 1);
        _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    RunResult result;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
    {
        result.passed = shared->passed == 1;
        result.category = shared->category;
        result.message = shared->message;
    }
    else
    {
        result.passed = false;
        result.category = "crash";
        result.message = WIFSIGNALED(status)
                             ? "the run was killed by signal " + std::to_string(WTERMSIG(status))
                             : "the run exited with status " + std::to_string(WEXITSTATUS(status));
    }
    munmap(memory, sizeof(SharedVerdict));
    return result;
}

Sequence
Shrink(const Sequence& sequence, const std::string& category)
{
    Sequence best = sequence;
    auto fails = [&category](const Sequence& candidate) {
        const RunResult result = RunIsolated(candidate);
        return !result.passed && result.category == category;
    };
    // ddmin: try removing each of n chunks; on success keep the smaller
    // sequence, else split into twice as many chunks, down to single operations.
    std::size_t chunks = 2;
    while (best.operations.size() >= 2)
    {
        const std::size_t size = best.operations.size();
        const std::size_t chunk = (size + chunks - 1) / chunks;
        bool reduced = false;
        for (std::size_t start = 0; start < size; start += chunk)
        {
            Sequence candidate = best;
            auto first = candidate.operations.begin() + static_cast<std::ptrdiff_t>(start);
            candidate.operations.erase(
                first,
                first + static_cast<std::ptrdiff_t>(std::min(chunk, size - start)));
            if (fails(candidate))
            {
                best = candidate;
                chunks = std::max<std::size_t>(chunks - 1, 2);
                reduced = true;
                break;
            }
        }
        if (!reduced)
        {
            if (chunk == 1)
            {
                break;
            }
            chunks = std::min(chunks * 2, size);
        }
    }
    return best;
}

} // namespace oracle
} // namespace netns
} // namespace ns3
