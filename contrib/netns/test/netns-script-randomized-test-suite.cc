/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Feeds the scenario script parser thousands of generated lines, valid
 * ones, mutated ones and random bytes, and runs a sample of the accepted
 * scripts. The generator's seed is fixed, so a failure names a line that
 * reproduces it.
 */

#include "netns-script-test-prelude.h"

#include "ns3/names.h"
#include "ns3/netns-scenario-runner.h"
#include "ns3/netns-script-parser.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::netns;

namespace
{

/// Seed of the line generator.
constexpr uint32_t GENERATOR_SEED = 20060609;
/// Lines generated and parsed.
constexpr uint32_t GENERATED_LINES = 5000;
/// Accepted scripts that are also built and run.
constexpr uint32_t SCRIPTS_RUN = 25;

/// Lines the mutations start from: one or more per directive.
const std::vector<std::string>&
TemplateLines()
{
    static const std::vector<std::string> lines{
        "node n2 n3",
        "host h2",
        "csma lan2 h1 r1 c1 rate 1Gbps delay 10us",
        "p2p wan2 h1 c1 rate 5Mbps delay 1ms",
        "address r1 eth0 198.51.100.7/24",
        "address c1 eth0 203.0.113.9/25",
        "route c1 198.51.100.0/24 via 203.0.113.1 metric 3",
        "route c1 default via 203.0.113.1",
        "process h1 p2 uid 1000",
        "at 1 h1 p1 echo eth0 > /sys/kernel/debug/net_ns/dev",
        "at 1.5 h1 p1 ip addr add 198.51.100.10/24 dev eth0",
        "at 2s h1 p1 ip route add 203.0.113.0/24 via 198.51.100.1",
        "at 3000ms h1 p1 ifconfig eth0 198.51.100.11 netmask 255.255.255.0 up",
        "at 2 h1 p1 cat /proc/net/dev",
        "app udp-echo-server h1/p1 port 9 start 1 stop 4",
        "app udp-echo-client c1 to 198.51.100.10 port 9 count 2 interval 0.5 size 32 start 2",
        "app packet-sink h1/p1 protocol tcp local 0.0.0.0 port 80 start 1",
        "app packet-sink c1 protocol udp port 81",
        "app bulk-send c1 to 198.51.100.10 port 80 max-bytes 1000 start 2 stop 4",
        "route-isolation on",
        "pcap",
        "stop 4",
        "# comment",
        "",
    };
    return lines;
}

/// Words the mutations insert.
const std::vector<std::string>&
Vocabulary()
{
    static const std::vector<std::string> words{"node",
                                                "host",
                                                "csma",
                                                "p2p",
                                                "address",
                                                "route",
                                                "process",
                                                "at",
                                                "app",
                                                "pcap",
                                                "stop",
                                                "route-isolation",
                                                "h1",
                                                "r1",
                                                "c1",
                                                "p1",
                                                "ghost",
                                                "eth0",
                                                "eth1",
                                                "eth9",
                                                "via",
                                                "metric",
                                                "uid",
                                                "port",
                                                "to",
                                                "start",
                                                "stop",
                                                "count",
                                                "rate",
                                                "delay",
                                                "0",
                                                "1",
                                                "-1",
                                                "4294967296",
                                                "99999999999999999999",
                                                "0x10",
                                                "1e3",
                                                "1.",
                                                ".5",
                                                "198.51.100.1",
                                                "198.51.100.0/24",
                                                "203.0.113.256",
                                                "10/8",
                                                "default",
                                                "on",
                                                "off",
                                                "tcp",
                                                "udp",
                                                "1Mbps",
                                                "fast",
                                                "5ms",
                                                "ms",
                                                "'",
                                                "\"",
                                                "|",
                                                ">",
                                                "/",
                                                "",
                                                "#",
                                                "udp-echo-server",
                                                "udp-echo-client",
                                                "packet-sink",
                                                "bulk-send",
                                                "h1/p1",
                                                "h1/",
                                                "/p1",
                                                "ip",
                                                "link",
                                                "unshare",
                                                "-n"};
    return words;
}

/** @return a line of random bytes, control and high bytes included */
std::string
RandomBytes(std::mt19937& random)
{
    std::uniform_int_distribution<int> length(0, 80);
    std::uniform_int_distribution<int> byte(1, 255);
    std::string line;
    for (int i = length(random); i > 0; --i)
    {
        const char c = static_cast<char>(byte(random));
        if (c != '\n')
        {
            line += c;
        }
    }
    return line;
}

/** @return a template line with up to three token mutations */
std::string
MutatedLine(std::mt19937& random)
{
    const auto& templates = TemplateLines();
    const auto& vocabulary = Vocabulary();
    std::istringstream stream(templates[random() % templates.size()]);
    std::vector<std::string> tokens;
    std::string token;
    while (stream >> token)
    {
        tokens.push_back(token);
    }
    for (uint32_t m = random() % 4; m > 0; --m)
    {
        const uint32_t kind = random() % 4;
        const std::size_t at = tokens.empty() ? 0 : random() % tokens.size();
        if (kind == 0 && !tokens.empty())
        {
            tokens.erase(tokens.begin() + at);
        }
        else if (kind == 1)
        {
            tokens.insert(tokens.begin() + at, vocabulary[random() % vocabulary.size()]);
        }
        else if (kind == 2 && !tokens.empty())
        {
            tokens[at] = vocabulary[random() % vocabulary.size()];
        }
        else if (!tokens.empty())
        {
            tokens[at] += RandomBytes(random).substr(0, 3);
        }
    }
    std::string line;
    for (const std::string& t : tokens)
    {
        line += (line.empty() ? "" : " ") + t;
    }
    return line;
}

/** @return true when a message contains no control byte */
bool
IsPrintable(const std::string& text)
{
    for (unsigned char c : text)
    {
        if (c < 0x20 || c == 0x7f)
        {
            return false;
        }
    }
    return true;
}

/**
 * Thousands of generated lines: no crash, and every rejection explained.
 */
class RandomizedScriptLinesTestCase : public TestCase
{
  public:
    RandomizedScriptLinesTestCase()
        : TestCase("generated script lines never crash the parser and every rejection has a "
                   "message")
    {
    }

  private:
    void DoRun() override
    {
        std::mt19937 random(GENERATOR_SEED);
        const uint32_t lineNumber = test::SCRIPT_PRELUDE_LINES + 1;
        uint32_t accepted = 0;
        uint32_t rejected = 0;
        uint32_t run = 0;
        for (uint32_t i = 0; i < GENERATED_LINES; ++i)
        {
            const std::string line = random() % 5 == 0 ? RandomBytes(random) : MutatedLine(random);
            ScenarioScript script;
            const std::string text = std::string(test::SCRIPT_PRELUDE) + line + "\n";
            const auto errors = ScriptParser::Parse(text, "random.nss", script);
            const std::string label = "generated line " + std::to_string(i) + " \"" + line + "\"";
            bool onThisLine = false;
            for (const ScriptError& error : errors)
            {
                NS_TEST_EXPECT_MSG_EQ(error.file, "random.nss", label << ": file of the error");
                NS_TEST_EXPECT_MSG_GT(error.line, 0, label << ": the error has a line");
                NS_TEST_EXPECT_MSG_LT(error.line, lineNumber + 1, label << ": a line of the file");
                NS_TEST_EXPECT_MSG_EQ(error.reason.empty(), false, label << ": a reason");
                NS_TEST_EXPECT_MSG_EQ(
                    IsPrintable(error.reason), true, label << ": the reason has no control bytes");
                onThisLine = onThisLine || error.line == lineNumber;
            }
            if (errors.empty())
            {
                ++accepted;
                if (run < SCRIPTS_RUN && i % 7 == 0)
                {
                    ++run;
                    RunAccepted(script, label);
                }
                continue;
            }
            ++rejected;
            // A new stop time may push earlier lines past the end; those lines get the error.
            const bool stopLine = line.find("stop") != std::string::npos;
            NS_TEST_EXPECT_MSG_EQ(onThisLine || stopLine,
                                  true,
                                  label << ": a rejected line gets an error on its own line");
        }
        NS_TEST_EXPECT_MSG_GT(accepted, 100, "the generator produces valid lines too");
        NS_TEST_EXPECT_MSG_GT(rejected, 1000, "the generator produces invalid lines");
        NS_TEST_EXPECT_MSG_EQ(run, SCRIPTS_RUN, "a sample of accepted scripts ran");
    }

    /** Build and run an accepted script; it must finish without crashing. */
    void RunAccepted(const ScenarioScript& script, const std::string& label)
    {
        ScenarioRunner runner;
        runner.SetPcapEnabled(false);
        Status built = runner.Build(script);
        NS_TEST_EXPECT_MSG_EQ(built.IsOk(), true, label << ": the accepted script builds");
        if (built.IsOk())
        {
            runner.Run();
        }
        Simulator::Destroy();
        Names::Clear();
    }
};

/**
 * Randomized scenario script parsing.
 */
class RandomizedScriptTestSuite : public TestSuite
{
  public:
    RandomizedScriptTestSuite()
        : TestSuite("netns-script-randomized", UNIT)
    {
        AddTestCase(new RandomizedScriptLinesTestCase, TestCase::QUICK);
    }
};

/// The suite's only instance.
RandomizedScriptTestSuite g_randomizedScriptTestSuite;

} // namespace
