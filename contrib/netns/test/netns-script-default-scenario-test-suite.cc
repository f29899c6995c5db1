/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Runs the default scenario script (examples/netns-default-scenario.nss)
 * in both route modes and checks the outcomes the C++ default scenario
 * (examples/netns-default-scenario.cc) checks.
 */

#include "ns3/names.h"
#include "ns3/netns-scenario-runner.h"
#include "ns3/netns-script-parser.h"
#include "ns3/packet-sink.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <filesystem>

using namespace ns3;
using namespace ns3::netns;

namespace
{

/// Bytes each client sends to each container over TCP, as the script sets it.
constexpr uint64_t TCP_BYTES_PER_CLIENT = 20000;

/** @return the shipped script */
std::string
ScriptPath()
{
    return (std::filesystem::path(__FILE__).parent_path().parent_path() / "examples" /
            "netns-default-scenario.nss")
        .string();
}

/**
 * Runs the default scenario script in one route mode and checks its outcomes.
 */
class DefaultScenarioScriptTestCase : public TestCase
{
  public:
    /**
     * @param isolated the route mode
     */
    explicit DefaultScenarioScriptTestCase(bool isolated)
        : TestCase(std::string("the default scenario script gives the example's outcomes with ") +
                   (isolated ? "route isolation" : "the 2006 patch's shared routes"))
        , m_isolated(isolated)
    {
    }

  private:
    void DoRun() override
    {
        ScenarioScript script;
        const std::vector<ScriptError> errors = ScriptParser::ParseFile(ScriptPath(), script);
        NS_TEST_ASSERT_MSG_EQ(errors.size(), 0, "the shipped script should parse");

        ScenarioRunner runner;
        runner.OverrideRouteIsolation(m_isolated);
        runner.SetPcapEnabled(false);
        NS_TEST_ASSERT_MSG_EQ(runner.Build(script).IsOk(), true, "the script should build");
        runner.Run();

        CheckCommands(runner);
        CheckLoopback(runner);
        if (m_isolated)
        {
            CheckIsolated(runner);
        }
        else
        {
            CheckShared(runner);
        }
        Simulator::Destroy();
        Names::Clear();
    }

    /** The non-root unshare fails; c2's route add fails only with shared routes. */
    void CheckCommands(const ScenarioRunner& runner)
    {
        bool userChecked = false;
        for (const ScenarioRunner::CommandRecord& record : runner.GetCommands())
        {
            NS_TEST_EXPECT_MSG_EQ(record.ran, true, record.command.command << " should run");
            if (record.command.process == "user")
            {
                userChecked = true;
                NS_TEST_EXPECT_MSG_EQ(record.result.exitStatus, 1, "unshare by uid 1000 fails");
                NS_TEST_EXPECT_MSG_EQ(record.result.err,
                                      "unshare: unshare failed: Operation not permitted\n",
                                      "unshare by uid 1000 reports EPERM");
            }
            else if (record.command.process == "c2" &&
                     record.command.command.rfind("ip route add", 0) == 0)
            {
                NS_TEST_EXPECT_MSG_EQ(record.result.exitStatus,
                                      (m_isolated ? 0 : 2),
                                      "c2's route add fails only with shared routes");
            }
            else
            {
                NS_TEST_EXPECT_MSG_EQ(
                    record.result.exitStatus, 0, record.command.command << " should succeed");
            }
        }
        NS_TEST_EXPECT_MSG_EQ(userChecked, true, "the script has the non-root unshare");
    }

    /** c1 reaches its loopback service; c2's connection to 127.0.0.1:8080 stays in c2. */
    void CheckLoopback(const ScenarioRunner& runner)
    {
        bool found = false;
        for (const ScenarioRunner::ApplicationRecord& app : runner.GetApplications())
        {
            const ScriptApplication& declared = app.declaration;
            if (declared.type == ScriptApplicationType::PacketSink && declared.port == 8080)
            {
                found = true;
                // 100 bytes from c1's own bulk sender, none from c2's.
                NS_TEST_EXPECT_MSG_EQ(DynamicCast<PacketSink>(app.application)->GetTotalRx(),
                                      100,
                                      "c1's loopback service hears c1 only");
            }
        }
        NS_TEST_EXPECT_MSG_EQ(found, true, "the script has the loopback service");
    }

    /** Each container receives its own requests and replies from its own address. */
    void CheckIsolated(const ScenarioRunner& runner)
    {
        const auto namespaces = runner.GetNamespaces();
        for (const auto& record : namespaces.at("h1"))
        {
            if (record.ns->IsInitial())
            {
                continue;
            }
            const Ipv4Address own = record.ns->GetAddresses().front().local;
            NS_TEST_EXPECT_MSG_EQ(record.echoRequestsFor.size(), 1, "one destination only");
            NS_TEST_EXPECT_MSG_EQ(record.echoRequestsFor.count(own), 1, "its own address");
        }
        for (const ScenarioRunner::ApplicationRecord& app : runner.GetApplications())
        {
            const ScriptApplication& declared = app.declaration;
            if (declared.type == ScriptApplicationType::UdpEchoClient)
            {
                NS_TEST_EXPECT_MSG_EQ(app.replies, declared.count, "every echo is answered");
                NS_TEST_EXPECT_MSG_EQ(app.replySources.size(), 1, "from one address");
                NS_TEST_EXPECT_MSG_EQ(
                    app.replySources.count(*declared.remote), 1, "from the address asked");
            }
            if (declared.type == ScriptApplicationType::PacketSink && declared.port == 7)
            {
                NS_TEST_EXPECT_MSG_EQ(DynamicCast<PacketSink>(app.application)->GetTotalRx(),
                                      2 * TCP_BYTES_PER_CLIENT,
                                      "each container's TCP server gets both clients' bytes");
            }
        }
    }

    /** The 2006 patch's faults show: misdelivery and foreign source addresses. */
    void CheckShared(const ScenarioRunner& runner)
    {
        bool misdelivered = false;
        const auto namespaces = runner.GetNamespaces();
        for (const auto& record : namespaces.at("h1"))
        {
            if (record.ns->IsInitial())
            {
                continue;
            }
            const Ipv4Address own = record.ns->GetAddresses().front().local;
            for (const auto& [destination, count] : record.echoRequestsFor)
            {
                misdelivered = misdelivered || destination != own;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(
            misdelivered, true, "a container receives requests sent to another container");
        bool foreignSource = false;
        for (const ScenarioRunner::ApplicationRecord& app : runner.GetApplications())
        {
            for (const Ipv4Address& source : app.replySources)
            {
                foreignSource = foreignSource || source != *app.declaration.remote;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(
            foreignSource, true, "replies leave with another container's address");
    }

    bool m_isolated; //!< route mode of the run
};

/**
 * The default scenario script in both route modes.
 */
class DefaultScenarioScriptTestSuite : public TestSuite
{
  public:
    DefaultScenarioScriptTestSuite()
        : TestSuite("netns-script-default-scenario", SYSTEM)
    {
        AddTestCase(new DefaultScenarioScriptTestCase(false), TestCase::QUICK);
        AddTestCase(new DefaultScenarioScriptTestCase(true), TestCase::QUICK);
    }
};

/// The suite's only instance.
DefaultScenarioScriptTestSuite g_defaultScenarioScriptTestSuite;

} // namespace
