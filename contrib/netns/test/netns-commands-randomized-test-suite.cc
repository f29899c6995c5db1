/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Runs thousands of generated command lines, built from the words of the
 * emulated programs, through netns::Exec: none may crash, and every failure
 * must explain itself on standard error. The seed is fixed, so a failure
 * names a command line that reproduces it.
 */

#include "netns-command-test-host.h"

#include "ns3/netns-exec.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <random>
#include <set>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::netns;

namespace
{

/// Seed of the command generator.
constexpr uint32_t GENERATOR_SEED = 20060609;
/// Command lines generated.
constexpr uint32_t GENERATED_COMMANDS = 4000;

/// Words the generator draws from, per position kind.
const std::vector<std::string>&
CommandWords()
{
    static const std::vector<std::string> words{"ip",
                                                "ifconfig",
                                                "unshare",
                                                "echo",
                                                "cat",
                                                "-4",
                                                "-6",
                                                "-o",
                                                "-br",
                                                "-x",
                                                "-family",
                                                "inet",
                                                "link",
                                                "addr",
                                                "a",
                                                "route",
                                                "r",
                                                "neigh",
                                                "show",
                                                "list",
                                                "add",
                                                "del",
                                                "flush",
                                                "get",
                                                "set",
                                                "dev",
                                                "eth0",
                                                "eth1",
                                                "eth9",
                                                "lo",
                                                "up",
                                                "down",
                                                "mtu",
                                                "1400",
                                                "40",
                                                "70000",
                                                "abc",
                                                "name",
                                                "wan0",
                                                "abcdefghijklmnop",
                                                "bad/name",
                                                "198.51.100.1/24",
                                                "198.51.100.1",
                                                "198.51.100.300",
                                                "203.0.113.0/24",
                                                "203.0.113.5/24",
                                                "default",
                                                "via",
                                                "198.51.100.254",
                                                "src",
                                                "metric",
                                                "7",
                                                "proto",
                                                "static",
                                                "kernel",
                                                "scope",
                                                "link",
                                                "table",
                                                "main",
                                                "brd",
                                                "+",
                                                "-",
                                                "broadcast",
                                                "netmask",
                                                "255.255.255.0",
                                                "-a",
                                                "-n",
                                                "--net",
                                                "-m",
                                                ">",
                                                ">>",
                                                "/sys/kernel/debug/net_ns/dev",
                                                "/proc/net/dev",
                                                "'",
                                                "\"",
                                                "|",
                                                "x"};
    return words;
}

/** @return a generated command line of one to eight words */
std::string
GenerateCommand(std::mt19937& random)
{
    static const std::vector<std::string> programs{
        "ip", "ip", "ip", "ifconfig", "unshare", "echo", "cat", "true"};
    const auto& words = CommandWords();
    std::string line = programs[random() % programs.size()];
    for (uint32_t n = random() % 8; n > 0; --n)
    {
        line += " " + words[random() % words.size()];
    }
    return line;
}

/**
 * Generated command lines never crash, and every failure has a message.
 */
class RandomizedCommandsTestCase : public TestCase
{
  public:
    RandomizedCommandsTestCase()
        : TestCase("generated command lines never crash and every failure is explained")
    {
    }

  private:
    void DoRun() override
    {
        test::CommandTestHost built = test::BuildCommandTestHost(2);
        std::vector<Ptr<Process>> processes{
            built.root, built.host->CreateProcess(0), built.host->CreateProcess(1000)};
        Exec(processes[1], "unshare -n");
        Exec(processes[1], "echo eth0 > /sys/kernel/debug/net_ns/dev");
        const std::set<int> statuses{0, 1, 2, 3, 126, 127, 255};
        std::mt19937 random(GENERATOR_SEED);
        uint32_t failures = 0;
        for (uint32_t i = 0; i < GENERATED_COMMANDS; ++i)
        {
            const std::string line = GenerateCommand(random);
            Ptr<Process> process = processes[random() % processes.size()];
            const CommandResult result = Exec(process, line);
            const std::string label = "command " + std::to_string(i) + " \"" + line + "\"";
            NS_TEST_EXPECT_MSG_EQ(statuses.count(result.exitStatus),
                                  1,
                                  label << ": exit status " << result.exitStatus
                                        << " is one the real tools use");
            if (result.exitStatus != 0)
            {
                ++failures;
                NS_TEST_EXPECT_MSG_EQ(
                    result.err.empty(), false, label << ": a failure writes to standard error");
            }
        }
        NS_TEST_EXPECT_MSG_GT(failures, 100, "the generator produces failing commands");
        NS_TEST_EXPECT_MSG_LT(failures, GENERATED_COMMANDS, "and succeeding ones");
        Simulator::Destroy();
    }
};

/**
 * Randomized command lines.
 */
class RandomizedCommandsTestSuite : public TestSuite
{
  public:
    RandomizedCommandsTestSuite()
        : TestSuite("netns-commands-randomized", UNIT)
    {
        AddTestCase(new RandomizedCommandsTestCase, TestCase::QUICK);
    }
};

/// The suite's only instance.
RandomizedCommandsTestSuite g_randomizedCommandsTestSuite;

} // namespace
