/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Fuzz target for writes to /sys/kernel/debug/net_ns/dev. The first byte
 * picks the writer (root in its own namespace, uid 1000 in the initial
 * namespace, or an exited process); the rest is written. A write either
 * succeeds, returns the byte count and lists the device in the writer's
 * view, or fails with the errno the 2006 patch gives, and its message
 * carries no control byte of the input.
 */
#include "fuzz-host.h"

#include "ns3/net-namespace.h"

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

using namespace ns3;
using namespace ns3::netns;

namespace
{

/** @return the data without one trailing newline, as the file reads a name */
std::string
NameOf(const std::string& data)
{
    if (!data.empty() && data.back() == '\n')
    {
        return data.substr(0, data.size() - 1);
    }
    return data;
}

/** Check a successful write: byte count, and the name now in the writer's view. */
void
CheckRevealed(Ptr<Process> writer, const std::string& data, std::size_t written)
{
    if (written != data.size())
    {
        fuzz::ReportBrokenRule("fuzz-debugfs",
                               "a successful write returned " + std::to_string(written) +
                                   " instead of the " + std::to_string(data.size()) +
                                   " bytes written",
                               data);
    }
    auto listing = writer->ReadFile(DEBUGFS_DEV_PATH);
    if (!listing.IsOk() ||
        ("\n" + listing.GetValue()).find("\n" + NameOf(data) + "\n") == std::string::npos)
    {
        fuzz::ReportBrokenRule("fuzz-debugfs",
                               "a revealed device is missing from the writer's view",
                               data);
    }
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* bytes, std::size_t size)
{
    if (size == 0 || size > 256)
    {
        return -1;
    }
    const std::string data(reinterpret_cast<const char*>(bytes) + 1, size - 1);
    fuzz::FuzzHost built = fuzz::BuildFuzzHost();
    Ptr<Process> exited = built.host->CreateProcess(0);
    exited->Exit(0);
    const Ptr<Process> writers[] = {built.container, built.user, exited};
    Ptr<Process> writer = writers[bytes[0] % 3];

    auto written = writer->WriteFile(DEBUGFS_DEV_PATH, data);
    if (written.IsOk())
    {
        CheckRevealed(writer, data, written.GetValue());
    }
    else
    {
        static const std::set<int> expected{EINVAL, ENODEV, ESRCH};
        const Status& status = written.GetStatus();
        if (expected.count(status.GetErrno()) == 0)
        {
            fuzz::ReportBrokenRule("fuzz-debugfs",
                                   "unexpected errno " + ErrnoName(status.GetErrno()),
                                   data);
        }
        if ((status.GetErrno() == ESRCH) != (writer == exited))
        {
            fuzz::ReportBrokenRule("fuzz-debugfs",
                                   "ESRCH must come from, and only from, an exited process",
                                   data);
        }
        if (!fuzz::HasNoControlBytes(status.GetMessage()))
        {
            fuzz::ReportBrokenRule("fuzz-debugfs",
                                   "the message carries a control byte: " + status.GetMessage(),
                                   data);
        }
    }
    fuzz::FinishFuzzInput();
    return 0;
}
