/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Fuzz target for netns::Exec: each line of the input is a command line,
 * run in turn by root in the initial namespace, by root in a namespace of
 * its own, and by uid 1000. Every line must leave an exit status the real
 * tools use, a failure must write to standard error, and every address a
 * namespace lists must be one the host's address registry says it holds.
 */
#include "fuzz-host.h"

#include "ns3/net-namespace.h"
#include "ns3/netns-exec.h"

#include <cstddef>
#include <cstdint>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::netns;

namespace
{

/// Lines run per input; the rest of a longer input is ignored.
constexpr std::size_t MAX_LINES = 12;
/// Bytes per input; longer inputs are ignored, they add nothing but time.
constexpr std::size_t MAX_INPUT_BYTES = 4096;

/** Abort when a namespace lists an address the registry does not give it. */
void
CheckAddressRegistry(Ptr<Host> host, const std::string& line)
{
    for (const Ptr<Namespace>& ns : host->GetNamespaces())
    {
        for (const AddressEntry& entry : ns->GetAddresses())
        {
            if ((entry.local.Get() >> 24) == 127)
            {
                continue; // loopback addresses stay out of the registry by design
            }
            if (!host->GetAddressRegistry().IsHeldBy(entry.local, ns->GetId()))
            {
                std::ostringstream rule;
                rule << "namespace " << ns->GetName() << " lists " << entry.local << " on "
                     << entry.device << " but the address registry does not give it the address";
                fuzz::ReportBrokenRule("fuzz-exec", rule.str(), line);
            }
        }
    }
}

/** Run one line and check the rules every command keeps. */
void
RunLine(Ptr<Process> process, Ptr<Host> host, const std::string& line)
{
    static const std::set<int> statuses{0, 1, 2, 3, 126, 127, 255};
    const CommandResult result = Exec(process, line);
    if (statuses.count(result.exitStatus) == 0)
    {
        fuzz::ReportBrokenRule("fuzz-exec",
                               "exit status " + std::to_string(result.exitStatus) +
                                   " is not one the emulated tools use",
                               line);
    }
    if (result.exitStatus != 0 && result.err.empty())
    {
        fuzz::ReportBrokenRule("fuzz-exec",
                               "a failed command wrote nothing to standard error",
                               line);
    }
    CheckAddressRegistry(host, line);
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size)
{
    if (size > MAX_INPUT_BYTES)
    {
        return -1;
    }
    const std::string input(reinterpret_cast<const char*>(data), size);
    fuzz::FuzzHost built = fuzz::BuildFuzzHost();
    const std::vector<Ptr<Process>> processes{built.root, built.container, built.user};

    std::istringstream lines(input);
    std::string line;
    for (std::size_t i = 0; i < MAX_LINES && std::getline(lines, line); ++i)
    {
        RunLine(processes[i % processes.size()], built.host, line);
    }
    fuzz::FinishFuzzInput();
    return 0;
}
