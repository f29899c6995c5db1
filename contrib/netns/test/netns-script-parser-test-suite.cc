/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Scenario script parsing: what each directive accepts, and the file, line
 * and reason of every line it rejects. Also the pcap prefix checks of
 * ScenarioRunner::Build and NetnsHelper.
 */

#include "netns-script-test-prelude.h"

#include "ns3/csma-helper.h"
#include "ns3/names.h"
#include "ns3/netns-helper.h"
#include "ns3/netns-process.h"
#include "ns3/netns-scenario-runner.h"
#include "ns3/netns-script-parser.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <cerrno>
#include <filesystem>
#include <set>
#include <string>
#include <unistd.h>
#include <vector>

using namespace ns3;
using namespace ns3::netns;

namespace
{

/**
 * The prelude parses and yields what it declares.
 */
class ValidScriptTestCase : public TestCase
{
  public:
    ValidScriptTestCase()
        : TestCase("a valid script parses into its declarations")
    {
    }

  private:
    void DoRun() override
    {
        ScenarioScript script;
        auto errors = ScriptParser::Parse(test::SCRIPT_PRELUDE, "prelude.nss", script);
        NS_TEST_ASSERT_MSG_EQ(errors.size(), 0, "the prelude should parse without errors");
        NS_TEST_EXPECT_MSG_EQ(script.nodes.size(), 3, "three nodes");
        NS_TEST_EXPECT_MSG_EQ(script.nodes[0].host, true, "h1 is a host");
        NS_TEST_EXPECT_MSG_EQ(script.nodes[1].host, false, "r1 is a plain node");
        NS_TEST_EXPECT_MSG_EQ(script.links.size(), 2, "two links");
        NS_TEST_EXPECT_MSG_EQ(script.links[0].dataRate, "100Mbps", "csma rate");
        NS_TEST_EXPECT_MSG_EQ(script.links[0].delay, MicroSeconds(50), "csma delay");
        NS_TEST_EXPECT_MSG_EQ(script.links[1].pointToPoint, true, "p2p link");
        NS_TEST_EXPECT_MSG_EQ(script.addresses.size(), 3, "three addresses");
        NS_TEST_EXPECT_MSG_EQ(script.routes.size(), 1, "one route");
        NS_TEST_EXPECT_MSG_EQ(script.routes[0].prefixLength, 0, "a default route");
        NS_TEST_EXPECT_MSG_EQ(script.processes.size(), 1, "one process");
        NS_TEST_EXPECT_MSG_EQ(script.commands.size(), 1, "one command");
        NS_TEST_EXPECT_MSG_EQ(script.commands[0].command, "unshare -n", "the command text");
        NS_TEST_EXPECT_MSG_EQ(script.commands[0].line, 11, "the command's line");
        NS_TEST_EXPECT_MSG_EQ(script.applications.size(), 2, "two applications");
        NS_TEST_EXPECT_MSG_EQ(script.applications[0].process, "p1", "run by p1");
        NS_TEST_EXPECT_MSG_EQ(script.stop, Seconds(5), "stop time");
    }
};

/**
 * Comments, blank lines, CRLF line ends and the verbatim rest of "at" lines.
 */
class ScriptLexicalTestCase : public TestCase
{
  public:
    ScriptLexicalTestCase()
        : TestCase("comments, blank lines and CRLF are accepted; at keeps its command verbatim")
    {
    }

  private:
    void DoRun() override
    {
        const std::string text = std::string(test::SCRIPT_PRELUDE) +
                                 "\r\n"
                                 "   # an indented comment\r\n"
                                 "pcap out/x   # a trailing comment\r\n"
                                 "at 1.5 h1 p1 echo 'a  #b' > /sys/kernel/debug/net_ns/dev\r\n"
                                 "at 200ms h1 p1 ip link\n";
        ScenarioScript script;
        auto errors = ScriptParser::Parse(text, "lexical.nss", script);
        NS_TEST_ASSERT_MSG_EQ(errors.size(), 0, "the script should parse");
        NS_TEST_EXPECT_MSG_EQ(script.pcapPrefix, "out/x", "the comment is not part of the value");
        NS_TEST_EXPECT_MSG_EQ(script.commands[1].command,
                              "echo 'a  #b' > /sys/kernel/debug/net_ns/dev",
                              "the command is kept verbatim, without the CR");
        NS_TEST_EXPECT_MSG_EQ(script.commands[1].at, Seconds(1.5), "1.5 means seconds");
        NS_TEST_EXPECT_MSG_EQ(script.commands[2].at, MilliSeconds(200), "200ms");
    }
};

/// A line appended to the prelude and the reason its error must contain.
struct RejectedLine
{
    const char* line;   //!< the line
    const char* reason; //!< text the error must contain
};

/**
 * Every rejected line gets an error with the file, its line number and the reason.
 */
class RejectedLinesTestCase : public TestCase
{
  public:
    RejectedLinesTestCase()
        : TestCase("each rejected line is reported with its file, line number and reason")
    {
    }

  private:
    void DoRun() override
    {
        const std::vector<RejectedLine> cases{
            {"frobnicate x", "unknown directive \"frobnicate\""},
            {"node", "node needs at least one name"},
            {"node bad/name", "invalid name \"bad/name\""},
            {"host h1", "node h1 is declared twice"},
            {"csma", "csma needs a valid link name"},
            {"csma lan2 h1", "link lan2 needs two nodes or more"},
            {"p2p x r1 c1 h1", "link x needs exactly two nodes"},
            {"csma lan2 h1 ghost", "link lan2: unknown node ghost"},
            {"csma lan2 h1 h1 r1", "link lan2 lists node h1 twice"},
            {"csma lan2 h1 r1 rate fast", "invalid data rate \"fast\""},
            {"csma lan2 h1 r1 delay soon", "invalid delay \"soon\""},
            {"csma lan2 h1 r1 rate", "missing value after \"rate\""},
            {"csma lan2 h1 r1 rate 1Mbps colour red", "unknown link option \"colour\""},
            {"csma lan h1 r1", "link lan is declared twice"},
            {"address r1 eth0", "address takes NODE DEVICE ADDRESS/LENGTH"},
            {"address r1 eth0 198.51.100.300/24", "invalid address \"198.51.100.300/24\""},
            {"address r1 eth0 198.51.100.3", "invalid address \"198.51.100.3\""},
            {"address r1 eth7 198.51.100.3/24", "node r1 has no device eth7"},
            {"address ghost eth0 198.51.100.3/24", "unknown node ghost"},
            {"address h1 eth0 198.51.100.3/24", "h1 has namespace support"},
            {"route c1 203.0.113.0/24", "route takes NODE PREFIX via GATEWAY"},
            {"route c1 203.0.113.1/24 via 203.0.113.1", "host bits are set"},
            {"route c1 203.0.113.0/24 via 203.0.113.999", "invalid gateway"},
            {"route c1 198.51.100.0/24 via 198.51.100.1", "the gateway is in no subnet"},
            {"route c1 default via 203.0.113.1 metric x", "invalid metric \"x\""},
            {"process h1", "process takes HOST NAME [uid N]"},
            {"process h1 p2 uid -1", "invalid uid \"-1\""},
            {"process r1 p2", "process p2 needs a host"},
            {"process h1 p1", "process p1 is declared twice on host h1"},
            {"at 1 h1 p1", "at takes TIME HOST PROCESS COMMAND"},
            {"at soon h1 p1 ip link", "invalid time \"soon\""},
            {"at 1 h1 p1 echo 'x", "unexpected EOF while looking for matching"},
            {"at 1 h1 p1 ip link | cat", "the shell operator '|' is not emulated"},
            {"at 1 h1 ghost ip link", "unknown process ghost on host h1"},
            {"at 9 h1 p1 ip link", "after the end of the simulation"},
            {"app", "app takes TYPE NODE|HOST/PROCESS OPTIONS"},
            {"app ftp c1 port 21", "app takes TYPE"},
            {"app udp-echo-server c1", "udp-echo-server needs a port"},
            {"app udp-echo-server c1 port 70000", "invalid number \"70000\" for port"},
            {"app udp-echo-server c1 port 7 port 8", "option \"port\" is given twice"},
            {"app udp-echo-server c1 colour red port 7", "unknown option \"colour\""},
            {"app udp-echo-server c1 port", "missing value after \"port\""},
            {"app udp-echo-client c1 port 7", "udp-echo-client needs a destination"},
            {"app udp-echo-client c1 to nowhere port 7", "invalid address \"nowhere\" for to"},
            {"app packet-sink c1 port 9 protocol sctp", "invalid protocol \"sctp\""},
            {"app bulk-send c1 to 198.51.100.1 port 9 max-bytes lots", "invalid number \"lots\""},
            {"app udp-echo-server h1 port 7", "h1 has namespace support"},
            {"app udp-echo-server h1/ghost port 7", "unknown process ghost on host h1"},
            {"app udp-echo-server c1 port 7 start 2 stop 1", "stop must come after start"},
            {"app udp-echo-server c1 port 7 start 6", "start is after the end"},
            {"app udp-echo-server ghost port 7", "unknown node ghost"},
            {"route-isolation maybe", "invalid route-isolation \"maybe\""},
            {"stop 0", "invalid stop time \"0\""},
            {"stop", "stop takes one value"},
            {"pcap a b", "pcap takes one value"},
            {"node n\x01", "invalid name \"n\\x01\""},
        };
        const uint32_t line = test::SCRIPT_PRELUDE_LINES + 1;
        for (const RejectedLine& rejected : cases)
        {
            ScenarioScript script;
            const std::string text = std::string(test::SCRIPT_PRELUDE) + rejected.line + "\n";
            auto errors = ScriptParser::Parse(text, "case.nss", script);
            NS_TEST_EXPECT_MSG_EQ(errors.size(), 1, "\"" << rejected.line << "\" gives one error");
            if (errors.size() != 1)
            {
                continue;
            }
            NS_TEST_EXPECT_MSG_EQ(errors[0].file, "case.nss", rejected.line << ": the file");
            NS_TEST_EXPECT_MSG_EQ(errors[0].line, line, rejected.line << ": the line number");
            NS_TEST_EXPECT_MSG_NE(errors[0].reason.find(rejected.reason),
                                  std::string::npos,
                                  rejected.line << ": the reason \"" << errors[0].reason
                                                << "\" should contain \"" << rejected.reason
                                                << "\"");
            NS_TEST_EXPECT_MSG_EQ(
                errors[0].ToString().rfind("case.nss:" + std::to_string(line) + ": ", 0),
                0,
                rejected.line << ": FILE:LINE: REASON form");
        }
    }
};

/**
 * All errors of a file are reported in one pass, and an unreadable file gives one error.
 */
class ScriptErrorCollectionTestCase : public TestCase
{
  public:
    ScriptErrorCollectionTestCase()
        : TestCase("every bad line of a script is reported, not only the first")
    {
    }

  private:
    void DoRun() override
    {
        ScenarioScript script;
        const std::string text = "node a\nbogus\nnode a\nstop -1\nat 1 a p ip link\n";
        auto errors = ScriptParser::Parse(text, "many.nss", script);
        NS_TEST_ASSERT_MSG_EQ(errors.size(), 4, "four problems");
        NS_TEST_EXPECT_MSG_EQ(errors[0].line, 2, "unknown directive on line 2");
        NS_TEST_EXPECT_MSG_EQ(errors[1].line, 4, "bad stop on line 4");
        NS_TEST_EXPECT_MSG_EQ(errors[2].line, 3, "duplicate node on line 3");
        NS_TEST_EXPECT_MSG_EQ(errors[3].line, 5, "unknown process on line 5");

        auto missing = ScriptParser::ParseFile("/nonexistent/dir/script.nss", script);
        NS_TEST_ASSERT_MSG_EQ(missing.size(), 1, "an unreadable file gives one error");
        NS_TEST_EXPECT_MSG_EQ(missing[0].line, 0, "on line 0");
        NS_TEST_EXPECT_MSG_NE(missing[0].reason.find("cannot open"),
                              std::string::npos,
                              "saying the file cannot be opened");
    }
};

/**
 * A pcap prefix whose files cannot be created fails Build with the errno and
 * the prefix, where ns-3's pcap writer would abort the program.
 */
class PcapPrefixTestCase : public TestCase
{
  public:
    PcapPrefixTestCase()
        : TestCase("Build rejects pcap prefixes whose files cannot be created")
    {
    }

  private:
    /** @return the result of Build for the script with the given pcap prefix */
    Status BuildWithPrefix(const std::string& prefix, const std::string& process)
    {
        ScenarioScript script;
        const std::string text = "host h1\nnode peer\ncsma lan h1 peer\nprocess h1 " + process +
                                 "\npcap " + prefix + "\nstop 1\n";
        const auto errors = ScriptParser::Parse(text, "pcap.nss", script);
        NS_TEST_EXPECT_MSG_EQ(errors.size(), 0, "the script parses: " << text);
        ScenarioRunner runner;
        runner.SetTranscript(nullptr);
        Status built = runner.Build(script);
        Simulator::Destroy();
        Names::Clear();
        return built;
    }

    void DoRun() override
    {
        const std::filesystem::path directory = std::filesystem::temp_directory_path() /
                                                ("netns-pcap-prefix-" + std::to_string(::getpid()));
        std::filesystem::remove_all(directory);
        std::filesystem::create_directories(directory);

        Status proc = BuildWithPrefix("/proc/netns-pcap-test", "c1");
        NS_TEST_EXPECT_MSG_EQ(proc.GetErrno(), ENOENT, "no file can be created in /proc");
        NS_TEST_EXPECT_MSG_NE(proc.GetMessage().find("\"/proc/netns-pcap-test\""),
                              std::string::npos,
                              "the message names the prefix: " << proc.GetMessage());

        const std::string longName = (directory / std::string(250, 'a')).string();
        Status tooLong = BuildWithPrefix(longName, "c1");
        NS_TEST_EXPECT_MSG_EQ(tooLong.GetErrno(), ENAMETOOLONG, "a 250-byte file name prefix");

        // Physical names fit, but a view of the 60-byte process's namespace does not.
        const std::string longView = (directory / std::string(180, 'v')).string();
        Status viewTooLong = BuildWithPrefix(longView, std::string(60, 'p'));
        NS_TEST_EXPECT_MSG_EQ(viewTooLong.GetErrno(), ENAMETOOLONG, "a long view name");

        Status trailingSlash = BuildWithPrefix(directory.string() + "/", "c1");
        NS_TEST_EXPECT_MSG_EQ(trailingSlash.GetErrno(), EINVAL, "a prefix naming no file");

        Status fits = BuildWithPrefix((directory / "ok").string(), "c1");
        NS_TEST_EXPECT_MSG_EQ(fits.IsOk(), true, "a writable prefix: " << fits.ToString());
        std::set<std::string> written;
        for (const auto& file : std::filesystem::directory_iterator(directory))
        {
            written.insert(file.path().filename().string());
        }
        // Build captures the devices and loopbacks, and the checks leave no file behind.
        const std::set<std::string> expected{"ok_h1_eth0.pcap",
                                             "ok_h1_init_lo.pcap",
                                             "ok_peer_eth0.pcap",
                                             "ok_peer_lo.pcap"};
        std::string listed;
        for (const std::string& name : written)
        {
            listed += " " + name;
        }
        NS_TEST_EXPECT_MSG_EQ((written == expected), true, "the files Build opened:" << listed);
        std::filesystem::remove_all(directory);
    }
};

/**
 * NetnsHelper skips a view pcap it cannot create and reports it, where ns-3's
 * pcap writer would abort the program.
 */
class HelperPcapErrorTestCase : public TestCase
{
  public:
    HelperPcapErrorTestCase()
        : TestCase("NetnsHelper reports pcap files it cannot create")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes;
        nodes.Create(2);
        NetDeviceContainer devices = CsmaHelper().Install(nodes);
        NetnsHelper helper;
        NS_TEST_ASSERT_MSG_EQ(helper.Install(nodes.Get(0)).IsOk(), true, "install");
        Ptr<Process> container = NetnsHelper::GetHost(nodes.Get(0))->CreateProcess(0);
        NS_TEST_ASSERT_MSG_EQ(container->Unshare("CLONE_NEWNET").IsOk(), true, "unshare");
        NS_TEST_ASSERT_MSG_EQ(container->WriteFile(DEBUGFS_DEV_PATH, "eth0\n").IsOk(),
                              true,
                              "reveal eth0");

        helper.EnablePcapAll("/proc/netns-pcap-test");
        Status skipped = helper.TakePcapError();
        NS_TEST_EXPECT_MSG_EQ(skipped.GetErrno(), ENOENT, "the /proc file is skipped");
        NS_TEST_EXPECT_MSG_NE(skipped.GetMessage().find("/proc/netns-pcap-test"),
                              std::string::npos,
                              "the message names the file: " << skipped.GetMessage());
        NS_TEST_EXPECT_MSG_EQ(helper.TakePcapError().IsOk(), true, "the error is taken once");

        helper.EnablePcapNamespace(std::string("bad\0prefix", 10), container->GetNamespace());
        NS_TEST_EXPECT_MSG_EQ(helper.TakePcapError().GetErrno(), EINVAL, "a NUL byte");
        NS_TEST_EXPECT_MSG_EQ(NetnsHelper::CheckPcapFile(std::string(300, 'x')).GetErrno(),
                              ENAMETOOLONG,
                              "a 300-byte file name");
        NS_TEST_EXPECT_MSG_EQ(NetnsHelper::CheckPcapFile("/tmp/").GetErrno(),
                              EISDIR,
                              "a name ending in a slash");
        Simulator::Destroy();
    }
};

/**
 * Each namespace view gets its own pcap file: names are encoded, and a
 * process that unshares twice names its second namespace PROCESS-2.
 */
class ViewPcapNamesTestCase : public TestCase
{
  public:
    ViewPcapNamesTestCase()
        : TestCase("view pcap names are distinct per namespace")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_EXPECT_MSG_NE(NetnsHelper::FormatViewFilename("p", "a", "b-c", "eth0"),
                              NetnsHelper::FormatViewFilename("p", "a-b", "c", "eth0"),
                              "a dash in a name does not merge two files");
        NS_TEST_EXPECT_MSG_EQ(NetnsHelper::FormatViewFilename("p", "a_b", "c", "eth0"),
                              "p_a%5Fb_c_eth0.pcap",
                              "an underscore is encoded");

        const std::filesystem::path directory = std::filesystem::temp_directory_path() /
                                                ("netns-view-names-" + std::to_string(::getpid()));
        std::filesystem::remove_all(directory);
        const std::string text = "host h1\nnode peer\ncsma lan h1 peer\nprocess h1 c1\n"
                                 "at 0 h1 c1 unshare -n\n"
                                 "at 0 h1 c1 echo eth0 > /sys/kernel/debug/net_ns/dev\n"
                                 "at 1 h1 c1 unshare -n\n"
                                 "at 1 h1 c1 echo eth0 > /sys/kernel/debug/net_ns/dev\n"
                                 "pcap " +
                                 (directory / "p").string() + "\nstop 2\n";
        ScenarioScript script;
        NS_TEST_ASSERT_MSG_EQ(ScriptParser::Parse(text, "twice.nss", script).size(), 0, "parse");
        {
            ScenarioRunner runner;
            runner.SetTranscript(nullptr);
            NS_TEST_ASSERT_MSG_EQ(runner.Build(script).IsOk(), true, "build");
            runner.Run();
            Simulator::Destroy();
        }
        Names::Clear();
        NS_TEST_EXPECT_MSG_EQ(std::filesystem::exists(directory / "p_h1_c1_eth0.pcap"),
                              true,
                              "the first namespace's view");
        NS_TEST_EXPECT_MSG_EQ(std::filesystem::exists(directory / "p_h1_c1-2_eth0.pcap"),
                              true,
                              "the second namespace's view");
        NS_TEST_EXPECT_MSG_EQ(std::filesystem::exists(directory / "p_h1_eth0.pcap"),
                              true,
                              "the host's device");
        NS_TEST_EXPECT_MSG_EQ(std::filesystem::exists(directory / "p_h1_c1_lo.pcap"),
                              true,
                              "the first namespace's loopback");
        NS_TEST_EXPECT_MSG_EQ(std::filesystem::exists(directory / "p_manifest.json"),
                              true,
                              "the manifest");
        std::filesystem::remove_all(directory);
    }
};

/**
 * Scenario script parsing.
 */
class ScriptParserTestSuite : public TestSuite
{
  public:
    ScriptParserTestSuite()
        : TestSuite("netns-script-parser", UNIT)
    {
        AddTestCase(new ValidScriptTestCase, TestCase::QUICK);
        AddTestCase(new ScriptLexicalTestCase, TestCase::QUICK);
        AddTestCase(new RejectedLinesTestCase, TestCase::QUICK);
        AddTestCase(new ScriptErrorCollectionTestCase, TestCase::QUICK);
        AddTestCase(new PcapPrefixTestCase, TestCase::QUICK);
        AddTestCase(new HelperPcapErrorTestCase, TestCase::QUICK);
        AddTestCase(new ViewPcapNamesTestCase, TestCase::QUICK);
    }
};

/// The suite's only instance.
ScriptParserTestSuite g_scriptParserTestSuite;

} // namespace
