/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Replays the transcripts recorded from the real ip, ifconfig, unshare and
 * bash (the .golden files in test/golden, made by record-golden.sh there) against
 * the emulator, and compares standard output, standard error and exit
 * status of every command.
 */

#include "netns-command-test-host.h"

#include "ns3/netns-exec.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::netns;

namespace
{

/// One command of a transcript and what the real tool did.
struct GoldenCommand
{
    uint32_t uid{0};     //!< user id of the process, 0 for root
    std::string command; //!< the command line
    std::string out;     //!< expected standard output
    std::string err;     //!< expected standard error
    int exitStatus{0};   //!< expected exit status
    uint32_t line{0};    //!< line of the "$" in the file
};

/** @return the directory of the golden files, beside this source file */
std::filesystem::path
GoldenDirectory()
{
    return std::filesystem::path(__FILE__).parent_path() / "golden";
}

/** Read a transcript; an unreadable or malformed file gives an empty list and a message. */
std::vector<GoldenCommand>
ReadTranscript(const std::string& name, std::string& problem)
{
    std::vector<GoldenCommand> commands;
    std::ifstream file(GoldenDirectory() / name);
    if (!file)
    {
        problem = "cannot open " + (GoldenDirectory() / name).string();
        return commands;
    }
    std::string text;
    uint32_t number = 0;
    bool open = false;
    while (std::getline(file, text))
    {
        ++number;
        if (!open && text.rfind("$ ", 0) == 0)
        {
            GoldenCommand command;
            command.line = number;
            command.command = text.substr(2);
            if (command.command.rfind("(uid ", 0) == 0)
            {
                const std::size_t close = command.command.find(") ");
                command.uid = std::stoul(command.command.substr(5, close - 5));
                command.command = command.command.substr(close + 2);
            }
            commands.push_back(command);
            open = true;
        }
        else if (open && text.rfind("[rc=", 0) == 0)
        {
            commands.back().exitStatus = std::stoi(text.substr(4));
            open = false;
        }
        else if (open && text == "\\ No newline at end of output")
        {
            // The recorder ended the output with a line break it did not have.
            std::string& out = commands.back().out;
            if (!out.empty())
            {
                out.pop_back();
            }
        }
        else if (open && text.rfind("stderr: ", 0) == 0)
        {
            commands.back().err += text.substr(8) + "\n";
        }
        else if (open)
        {
            commands.back().out += text + "\n";
        }
        else
        {
            problem = name + ":" + std::to_string(number) + ": text outside a command";
            return {};
        }
    }
    return commands;
}

/**
 * Replays one transcript against an emulated state.
 */
class GoldenTranscriptTestCase : public TestCase
{
  public:
    /// How the emulated state that matches the recorded one is built.
    enum class State
    {
        Host,      //!< the initial namespace of a host with eth0 and eth1
        Container, //!< a namespace that revealed lo and eth0
    };

    /**
     * @param file the golden file
     * @param state the state to replay it on
     */
    GoldenTranscriptTestCase(const std::string& file, State state)
        : TestCase("the emulator reproduces " + file + " command by command")
        , m_file(file)
        , m_state(state)
    {
    }

  private:
    void DoRun() override
    {
        std::string problem;
        const std::vector<GoldenCommand> commands = ReadTranscript(m_file, problem);
        NS_TEST_ASSERT_MSG_EQ(problem, "", "the golden file should be readable");
        NS_TEST_ASSERT_MSG_GT(commands.size(), 0, "the golden file should hold commands");

        test::CommandTestHost built = test::BuildCommandTestHost(m_state == State::Host ? 2 : 1);
        Ptr<Process> root = built.root;
        if (m_state == State::Container)
        {
            NS_TEST_ASSERT_MSG_EQ(Exec(root, "unshare -n").exitStatus, 0, "unshare -n");
            NS_TEST_ASSERT_MSG_EQ(
                Exec(root, "echo lo > /sys/kernel/debug/net_ns/dev").exitStatus, 0, "revealing lo");
            NS_TEST_ASSERT_MSG_EQ(Exec(root, "echo eth0 > /sys/kernel/debug/net_ns/dev").exitStatus,
                                  0,
                                  "revealing eth0");
        }
        std::map<uint32_t, Ptr<Process>> processes{{0, root}};
        for (const GoldenCommand& expected : commands)
        {
            if (processes.count(expected.uid) == 0)
            {
                processes[expected.uid] = built.host->CreateProcess(expected.uid);
            }
            const CommandResult got = Exec(processes[expected.uid], expected.command);
            const std::string where =
                m_file + ":" + std::to_string(expected.line) + ": " + expected.command;
            NS_TEST_EXPECT_MSG_EQ(got.out, expected.out, where + ": standard output");
            NS_TEST_EXPECT_MSG_EQ(got.err, expected.err, where + ": standard error");
            NS_TEST_EXPECT_MSG_EQ(got.exitStatus, expected.exitStatus, where + ": exit status");
        }
        Simulator::Destroy();
    }

    std::string m_file; //!< the golden file
    State m_state;      //!< the emulated state
};

/**
 * The golden transcripts, one test case each.
 */
class CommandsGoldenTestSuite : public TestSuite
{
  public:
    CommandsGoldenTestSuite()
        : TestSuite("netns-commands-golden", UNIT)
    {
        using State = GoldenTranscriptTestCase::State;
        AddTestCase(new GoldenTranscriptTestCase("host-show.golden", State::Host), TestCase::QUICK);
        AddTestCase(new GoldenTranscriptTestCase("host-admin.golden", State::Host),
                    TestCase::QUICK);
        AddTestCase(new GoldenTranscriptTestCase("container.golden", State::Container),
                    TestCase::QUICK);
        AddTestCase(new GoldenTranscriptTestCase("errors.golden", State::Host), TestCase::QUICK);
        AddTestCase(new GoldenTranscriptTestCase("privileges.golden", State::Host),
                    TestCase::QUICK);
        AddTestCase(new GoldenTranscriptTestCase("shell.golden", State::Host), TestCase::QUICK);
        AddTestCase(new GoldenTranscriptTestCase("address-parts.golden", State::Host),
                    TestCase::QUICK);
        AddTestCase(new GoldenTranscriptTestCase("prefix-routes.golden", State::Host),
                    TestCase::QUICK);
        AddTestCase(new GoldenTranscriptTestCase("link-route-texts.golden", State::Host),
                    TestCase::QUICK);
        AddTestCase(new GoldenTranscriptTestCase("ifconfig-zero.golden", State::Host),
                    TestCase::QUICK);
    }
};

/// The suite's only instance.
CommandsGoldenTestSuite g_commandsGoldenTestSuite;

} // namespace
