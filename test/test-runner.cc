/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * ns-3 test runner for the netns module's TestSuites. Debian ships the
 * runner's library code in libns3-core but no runner program.
 */
#include "ns3/test.h"

int
main(int argc, char* argv[])
{
    return ns3::TestRunner::Run(argc, argv);
}
