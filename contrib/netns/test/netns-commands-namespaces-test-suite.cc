/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * What the commands show and do in the June 2006 patch's namespaces, where
 * the emulator differs from a mainline kernel and no real-kernel recording
 * exists: empty new namespaces, the debugfs file, unshare, per-namespace
 * addresses, the shared route table, and errors of the shell layer.
 */

#include "netns-command-test-host.h"

#include "ns3/net-namespace.h"
#include "ns3/netns-exec.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace ns3;
using namespace ns3::netns;

namespace
{

/// Header lines of /proc/net/dev, as Linux prints them.
const std::string PROC_NET_DEV_HEADER =
    "Inter-|   Receive                                                |  Transmit\n"
    " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs "
    "drop fifo colls carrier compressed\n";

/// The debugfs file of the 2006 patch.
const std::string DEBUGFS = "/sys/kernel/debug/net_ns/dev";

/**
 * A new namespace lists nothing, not even lo.
 */
class EmptyNamespaceTestCase : public TestCase
{
  public:
    EmptyNamespaceTestCase()
        : TestCase("a new namespace lists no device in ip, ifconfig or the proc file")
    {
    }

  private:
    void DoRun() override
    {
        test::CommandTestHost built = test::BuildCommandTestHost(1);
        NS_TEST_ASSERT_MSG_EQ(Exec(built.root, "unshare -n").exitStatus, 0, "unshare -n");
        for (const char* command : {"ip link",
                                    "ip addr",
                                    "ip -br link",
                                    "ip -o addr",
                                    "ip route",
                                    "ifconfig",
                                    "ifconfig -a"})
        {
            const CommandResult result = Exec(built.root, command);
            NS_TEST_EXPECT_MSG_EQ(result.out, "", command << " prints nothing");
            NS_TEST_EXPECT_MSG_EQ(result.err, "", command << " reports no error");
            NS_TEST_EXPECT_MSG_EQ(result.exitStatus, 0, command << " succeeds");
        }
        NS_TEST_EXPECT_MSG_EQ(Exec(built.root, "cat /proc/net/dev").out,
                              PROC_NET_DEV_HEADER,
                              "/proc/net/dev has its header only");
        NS_TEST_EXPECT_MSG_EQ(Exec(built.root, "cat " + DEBUGFS).out, "", "the view is empty");
        const CommandResult lo = Exec(built.root, "ip link show lo");
        NS_TEST_EXPECT_MSG_EQ(lo.err, "Device \"lo\" does not exist.\n", "lo is not listed");
        NS_TEST_EXPECT_MSG_EQ(lo.exitStatus, 1, "show of a missing device exits 1");
        Simulator::Destroy();
    }
};

/**
 * Writing a name to the debugfs file reveals the device; its errors follow bash.
 */
class DebugfsRevealTestCase : public TestCase
{
  public:
    DebugfsRevealTestCase()
        : TestCase("echo NAME into the debugfs file reveals a device, with bash's errors")
    {
    }

  private:
    void DoRun() override
    {
        test::CommandTestHost built = test::BuildCommandTestHost(2);
        Ptr<Process> c1 = built.root;
        NS_TEST_ASSERT_MSG_EQ(Exec(c1, "unshare -n").exitStatus, 0, "unshare -n");

        const CommandResult revealed = Exec(c1, "echo eth1 > " + DEBUGFS);
        NS_TEST_EXPECT_MSG_EQ(revealed.exitStatus, 0, "revealing eth1 succeeds");
        NS_TEST_EXPECT_MSG_EQ(revealed.out, "", "the echo goes to the file, not to stdout");
        NS_TEST_EXPECT_MSG_EQ(Exec(c1, "echo -n lo >> " + DEBUGFS).exitStatus,
                              0,
                              "a name without newline, appended, reveals lo");
        NS_TEST_EXPECT_MSG_EQ(Exec(c1, "cat " + DEBUGFS).out, "eth1\nlo\n", "the view in order");
        NS_TEST_EXPECT_MSG_EQ(
            Exec(c1, "echo eth1 > " + DEBUGFS).exitStatus, 0, "revealing a device twice succeeds");
        NS_TEST_EXPECT_MSG_EQ(
            Exec(c1, "cat " + DEBUGFS).out, "eth1\nlo\n", "and leaves the view unchanged");
        NS_TEST_EXPECT_MSG_EQ(Exec(c1, "ip -br link").out,
                              "lo               UNKNOWN        00:00:00:00:00:00 "
                              "<LOOPBACK,UP,LOWER_UP> \n"
                              "eth1             UP             02:00:00:00:00:02 "
                              "<BROADCAST,MULTICAST,UP,LOWER_UP> \n",
                              "ip lists the view by interface index");

        const CommandResult unknown = Exec(c1, "echo eth9 > " + DEBUGFS);
        NS_TEST_EXPECT_MSG_EQ(unknown.err,
                              "bash: line 1: echo: write error: No such device\n",
                              "an unknown name gives ENODEV in bash's words");
        NS_TEST_EXPECT_MSG_EQ(unknown.exitStatus, 1, "a failed echo exits 1");
        const CommandResult tooLong = Exec(c1, "echo abcdefghijklmnop > " + DEBUGFS);
        NS_TEST_EXPECT_MSG_EQ(tooLong.err,
                              "bash: line 1: echo: write error: Invalid argument\n",
                              "a 16-byte name gives EINVAL");
        NS_TEST_EXPECT_MSG_EQ(tooLong.exitStatus, 1, "a failed echo exits 1");

        // The wording above is bash's for a failed write, recorded from the real shell.
        std::ifstream recorded(std::filesystem::path(__FILE__).parent_path() / "golden" /
                               "bash-write-error.golden");
        std::string line;
        std::getline(recorded, line);
        NS_TEST_EXPECT_MSG_EQ(line,
                              "bash: line 1: echo: write error: No space left on device",
                              "the recorded bash wording, with /dev/full's errno");

        const CommandResult procWrite = Exec(c1, "echo x > /proc/net/dev");
        NS_TEST_EXPECT_MSG_EQ(procWrite.err,
                              "bash: line 1: /proc/net/dev: Permission denied\n",
                              "/proc/net/dev cannot be opened for writing");
        NS_TEST_EXPECT_MSG_EQ(procWrite.exitStatus, 1, "the redirection fails with status 1");
        Simulator::Destroy();
    }
};

/**
 * unshare -n with and without a command, and without the capability.
 */
class UnshareCommandTestCase : public TestCase
{
  public:
    UnshareCommandTestCase()
        : TestCase("unshare -n CMD runs CMD in a namespace that ends with it; without CMD the "
                   "process moves")
    {
    }

  private:
    void DoRun() override
    {
        test::CommandTestHost built = test::BuildCommandTestHost(1);
        Ptr<Namespace> initial = built.host->GetInitialNamespace();

        const CommandResult inChild = Exec(built.root, "unshare -n ip link");
        NS_TEST_EXPECT_MSG_EQ(inChild.out, "", "the child's new namespace lists nothing");
        NS_TEST_EXPECT_MSG_EQ(inChild.exitStatus, 0, "and the command succeeds");
        NS_TEST_EXPECT_MSG_EQ(built.root->GetNamespace(), initial, "the caller stays");
        NS_TEST_EXPECT_MSG_EQ(built.host->GetNamespaces().size(),
                              1,
                              "the child's namespace is freed when the child exits");

        const CommandResult status = Exec(built.root, "unshare --net ip link show eth9");
        NS_TEST_EXPECT_MSG_EQ(status.exitStatus, 1, "unshare returns the command's status");

        const CommandResult plain = Exec(built.root, "unshare ip -br link show eth0");
        NS_TEST_EXPECT_MSG_NE(plain.out.find("eth0"),
                              std::string::npos,
                              "without -n the command runs in the caller's namespace");

        const CommandResult other = Exec(built.root, "unshare -m ip link");
        NS_TEST_EXPECT_MSG_EQ(other.exitStatus, 1, "other namespace types are refused");
        NS_TEST_EXPECT_MSG_NE(
            other.err.find("not emulated"), std::string::npos, "saying they are not emulated");

        Ptr<Process> user = built.host->CreateProcess(1000);
        const CommandResult denied = Exec(user, "unshare -n");
        NS_TEST_EXPECT_MSG_EQ(denied.err,
                              "unshare: unshare failed: Operation not permitted\n",
                              "a process without CAP_SYS_ADMIN gets EPERM");
        NS_TEST_EXPECT_MSG_EQ(denied.exitStatus, 1, "unshare exits 1");
        NS_TEST_EXPECT_MSG_EQ(user->GetNamespace(), initial, "and stays where it was");

        NS_TEST_EXPECT_MSG_EQ(Exec(built.root, "unshare -n").exitStatus, 0, "unshare -n");
        NS_TEST_EXPECT_MSG_NE(built.root->GetNamespace(), initial, "moves the process itself");
        Simulator::Destroy();
    }
};

/**
 * Addresses are per namespace; routes are shared unless isolated.
 */
class AddressAndRouteScopeTestCase : public TestCase
{
  public:
    /**
     * @param isolated the host's route model
     */
    explicit AddressAndRouteScopeTestCase(bool isolated)
        : TestCase(std::string("addresses stay in their namespace; routes are ") +
                   (isolated ? "per namespace with route isolation" : "shared without it"))
        , m_isolated(isolated)
    {
    }

  private:
    void DoRun() override
    {
        test::CommandTestHost built = test::BuildCommandTestHost(2, m_isolated);
        Ptr<Process> host = built.root;
        Ptr<Process> c1 = built.host->CreateProcess(0);
        Ptr<Process> c2 = built.host->CreateProcess(0);
        for (Ptr<Process> container : {c1, c2})
        {
            NS_TEST_ASSERT_MSG_EQ(Exec(container, "unshare -n").exitStatus, 0, "unshare");
            NS_TEST_ASSERT_MSG_EQ(
                Exec(container, "echo eth0 > " + DEBUGFS).exitStatus, 0, "reveal eth0");
            NS_TEST_EXPECT_MSG_EQ(
                Exec(container, "ip addr add 198.51.100.10/24 dev eth0").exitStatus,
                0,
                "both containers may hold the same address");
        }
        NS_TEST_EXPECT_MSG_EQ(Exec(c1, "ip -br addr").out,
                              "eth0             UP             198.51.100.10/24 \n",
                              "the container lists its address");
        NS_TEST_EXPECT_MSG_EQ(Exec(host, "ip -br -4 addr").out,
                              "lo               UNKNOWN        127.0.0.1/8 \n",
                              "the initial namespace does not list the containers' addresses");

        NS_TEST_ASSERT_MSG_EQ(Exec(host, "ip addr add 203.0.113.1/24 dev eth1").exitStatus,
                              0,
                              "the host addresses eth1");
        const std::string hostRoute =
            "203.0.113.0/24 dev if3 proto kernel scope link src 203.0.113.1 \n";
        const std::string c1Route =
            "198.51.100.0/24 dev eth0 proto kernel scope link src 198.51.100.10 \n";
        const std::string listed = Exec(c1, "ip route").out;
        if (m_isolated)
        {
            NS_TEST_EXPECT_MSG_EQ(listed, c1Route, "a container lists only its own routes");
        }
        else
        {
            // eth1 is not in c1's view, so ip names it by index, as iproute2 does.
            NS_TEST_EXPECT_MSG_NE(listed.find(hostRoute),
                                  std::string::npos,
                                  "a container lists the host's routes through devices it "
                                  "cannot see");
        }

        NS_TEST_EXPECT_MSG_EQ(Exec(c1, "echo lo > " + DEBUGFS).exitStatus, 0, "reveal lo");
        NS_TEST_EXPECT_MSG_EQ(Exec(c1, "ip link set lo down").exitStatus, 0, "lo down in c1");
        NS_TEST_EXPECT_MSG_NE(
            Exec(c1, "ip -br link show lo").out.find("DOWN"), std::string::npos, "c1's lo is down");
        NS_TEST_EXPECT_MSG_NE(Exec(host, "ip -br link show lo").out.find("UNKNOWN"),
                              std::string::npos,
                              "the host's lo stays up");
        Simulator::Destroy();
    }

    bool m_isolated; //!< route model of the host
};

/**
 * Renaming follows the device's sharing; IPv6 and other objects are absent.
 */
class LinkRenameAndScopeTestCase : public TestCase
{
  public:
    LinkRenameAndScopeTestCase()
        : TestCase("ip link set DEV name renames until another namespace sees the device")
    {
    }

  private:
    void DoRun() override
    {
        test::CommandTestHost built = test::BuildCommandTestHost(2);
        Ptr<Process> host = built.root;
        NS_TEST_EXPECT_MSG_EQ(Exec(host, "ip link set eth1 name wan0").exitStatus, 0, "rename");
        NS_TEST_EXPECT_MSG_EQ(
            Exec(host, "ip -br link show wan0").out.rfind("wan0 ", 0), 0, "the new name is listed");
        const CommandResult taken = Exec(host, "ip link set wan0 name eth0");
        NS_TEST_EXPECT_MSG_EQ(taken.err, "RTNETLINK answers: File exists\n", "a taken name");
        NS_TEST_EXPECT_MSG_EQ(taken.exitStatus, 2, "is refused by the kernel");

        Ptr<Process> c1 = built.host->CreateProcess(0);
        Exec(c1, "unshare -n");
        Exec(c1, "echo eth0 > " + DEBUGFS);
        const CommandResult busy = Exec(host, "ip link set eth0 name lan0");
        NS_TEST_EXPECT_MSG_EQ(busy.err,
                              "RTNETLINK answers: Device or resource busy\n",
                              "a device another namespace sees keeps its name");
        NS_TEST_EXPECT_MSG_EQ(busy.exitStatus, 2, "with status 2");

        for (const char* command : {"ip -6 addr", "ip -6 route", "ip -family inet6 addr"})
        {
            const CommandResult result = Exec(host, command);
            NS_TEST_EXPECT_MSG_EQ(result.out, "", command << ": the stacks have no IPv6");
            NS_TEST_EXPECT_MSG_EQ(result.exitStatus, 0, command << " succeeds");
        }
        NS_TEST_EXPECT_MSG_EQ(Exec(host, "ip -family inet addr").out,
                              Exec(host, "ip -4 addr").out,
                              "-family inet is -4");
        const CommandResult neigh = Exec(host, "ip neigh");
        NS_TEST_EXPECT_MSG_EQ(neigh.err,
                              "Object \"neigh\" (ip neighbor) is not emulated: only link, address "
                              "and route are.\n",
                              "real but unsupported objects say so");
        NS_TEST_EXPECT_MSG_EQ(neigh.exitStatus, 1, "with status 1");
        NS_TEST_EXPECT_MSG_EQ(Exec(host, "ip").exitStatus, 255, "ip alone prints its usage");
        Simulator::Destroy();
    }
};

/**
 * A non-initial namespace's lo is its own: MTU, name and state changes made
 * there leave the host's lo as it was.
 */
class OwnLoopbackChangesTestCase : public TestCase
{
  public:
    OwnLoopbackChangesTestCase()
        : TestCase("changes to a namespace's own lo leave the host's lo alone")
    {
    }

  private:
    void DoRun() override
    {
        test::CommandTestHost built = test::BuildCommandTestHost(1);
        Ptr<Process> c1 = built.host->CreateProcess(0);
        NS_TEST_ASSERT_MSG_EQ(Exec(c1, "unshare -n").exitStatus, 0, "unshare -n");
        NS_TEST_ASSERT_MSG_EQ(Exec(c1, "echo lo > " + DEBUGFS).exitStatus, 0, "reveal lo");
        const std::string hostLo = Exec(built.root, "ip link show lo").out;
        NS_TEST_ASSERT_MSG_NE(hostLo.find("mtu 65536"), std::string::npos, "host lo MTU");

        NS_TEST_EXPECT_MSG_EQ(Exec(c1, "ip link set lo mtu 1280").exitStatus, 0, "ip mtu");
        NS_TEST_EXPECT_MSG_NE(Exec(c1, "ip link show lo").out.find("mtu 1280"),
                              std::string::npos,
                              "the namespace's lo has the new MTU");
        NS_TEST_EXPECT_MSG_EQ(Exec(built.root, "ip link show lo").out,
                              hostLo,
                              "ip link set lo mtu leaves the host's lo");
        NS_TEST_EXPECT_MSG_EQ(Exec(c1, "ifconfig lo mtu 1500").exitStatus, 0, "ifconfig mtu");
        NS_TEST_EXPECT_MSG_NE(Exec(c1, "ip link show lo").out.find("mtu 1500"),
                              std::string::npos,
                              "ifconfig sets the namespace's lo MTU");
        NS_TEST_EXPECT_MSG_EQ(Exec(built.root, "ip link show lo").out,
                              hostLo,
                              "ifconfig lo mtu leaves the host's lo");

        NS_TEST_EXPECT_MSG_EQ(Exec(c1, "ip link set lo down").exitStatus, 0, "lo down");
        NS_TEST_EXPECT_MSG_NE(Exec(c1, "ip link show lo").out.find("state DOWN"),
                              std::string::npos,
                              "the namespace's lo is down");
        NS_TEST_EXPECT_MSG_EQ(Exec(built.root, "ip link show lo").out,
                              hostLo,
                              "ip link set lo down leaves the host's lo");
        NS_TEST_EXPECT_MSG_EQ(Exec(c1, "ip link set lo up").exitStatus, 0, "lo up");

        NS_TEST_EXPECT_MSG_EQ(Exec(c1, "ip link set lo name lo2").exitStatus, 0, "rename lo");
        NS_TEST_EXPECT_MSG_EQ(Exec(c1, "cat " + DEBUGFS).out, "lo2\n", "the view has lo2");
        NS_TEST_EXPECT_MSG_EQ(Exec(built.root, "ip link show lo").out,
                              hostLo,
                              "the host's lo keeps its name");
        NS_TEST_EXPECT_MSG_EQ(Exec(built.root, "ip link show lo2").exitStatus,
                              1,
                              "the host has no lo2");
        const CommandResult nameTaken = Exec(c1, "ip link set lo2 name eth0");
        NS_TEST_EXPECT_MSG_EQ(nameTaken.err,
                              "RTNETLINK answers: File exists\n",
                              "the name of a host device is taken");
        NS_TEST_EXPECT_MSG_EQ(nameTaken.exitStatus, 2, "a taken name exits 2");
        NS_TEST_EXPECT_MSG_EQ(built.host->SetDeviceName(built.node->GetDevice(0), "lo2").GetErrno(),
                              EEXIST,
                              "the host cannot take the name of the namespace's lo");
        NS_TEST_EXPECT_MSG_EQ(Exec(c1, "ip link set lo2 name lo").exitStatus,
                              0,
                              "the namespace's lo takes its name back");
        Simulator::Destroy();
    }
};

/**
 * The shell layer: exited processes, unsupported operators, unknown commands.
 */
class ShellLayerTestCase : public TestCase
{
  public:
    ShellLayerTestCase()
        : TestCase("Exec reports exited processes and unsupported shell syntax without aborting")
    {
    }

  private:
    void DoRun() override
    {
        test::CommandTestHost built = test::BuildCommandTestHost(1);
        const CommandResult pipe = Exec(built.root, "ip link | cat");
        NS_TEST_EXPECT_MSG_EQ(pipe.exitStatus, 2, "a pipe is a syntax error here");
        NS_TEST_EXPECT_MSG_NE(
            pipe.err.find("'|' is not emulated"), std::string::npos, "naming the operator");
        NS_TEST_EXPECT_MSG_EQ(Exec(built.root, "").exitStatus, 0, "an empty line does nothing");
        NS_TEST_EXPECT_MSG_EQ(Exec(built.root, "   ").out, "", "nor does a blank one");

        Ptr<Process> gone = built.host->CreateProcess(0);
        gone->Exit(0);
        const CommandResult exited = Exec(gone, "ip link");
        NS_TEST_EXPECT_MSG_EQ(exited.exitStatus, 126, "an exited process cannot run commands");
        NS_TEST_EXPECT_MSG_NE(
            exited.err.find("has exited"), std::string::npos, "and the message says why");
        const CommandResult none = Exec(nullptr, "ip link");
        NS_TEST_EXPECT_MSG_EQ(none.exitStatus, 126, "a null process cannot run commands");
        Simulator::Destroy();
    }
};

/**
 * Flags of a point-to-point device.
 */
class PointToPointFlagsTestCase : public TestCase
{
  public:
    PointToPointFlagsTestCase()
        : TestCase("a point-to-point device shows POINTOPOINT and NOARP, not BROADCAST")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes;
        nodes.Create(2);
        PointToPointHelper p2p;
        p2p.Install(nodes);
        NetnsHelper helper;
        helper.Install(nodes.Get(0));
        Ptr<Process> root = NetnsHelper::GetHost(nodes.Get(0))->CreateProcess(0);
        const std::string header = Exec(root, "ip link show eth0").out;
        NS_TEST_EXPECT_MSG_NE(header.find("POINTOPOINT"), std::string::npos, header);
        NS_TEST_EXPECT_MSG_NE(header.find("NOARP"), std::string::npos, header);
        NS_TEST_EXPECT_MSG_EQ(header.find("BROADCAST"), std::string::npos, header);
        const std::string ifconfig = Exec(root, "ifconfig eth0").out;
        NS_TEST_EXPECT_MSG_NE(ifconfig.find("POINTOPOINT"), std::string::npos, ifconfig);
        Simulator::Destroy();
    }
};

/**
 * ip route get with a selector the emulation does not implement.
 */
class RouteGetSelectorTestCase : public TestCase
{
  public:
    RouteGetSelectorTestCase()
        : TestCase("ip route get rejects oif by name")
    {
    }

  private:
    void DoRun() override
    {
        test::CommandTestHost built = test::BuildCommandTestHost(1);
        NS_TEST_ASSERT_MSG_EQ(Exec(built.root, "ip addr add 198.51.100.1/24 dev eth0").exitStatus,
                              0,
                              "adding an address");
        for (const std::string selector : {"oif eth0", "from 198.51.100.1", "iif eth0"})
        {
            const CommandResult got = Exec(built.root, "ip route get 198.51.100.9 " + selector);
            const std::string keyword = selector.substr(0, selector.find(' '));
            NS_TEST_EXPECT_MSG_EQ(got.exitStatus, 1, selector);
            NS_TEST_EXPECT_MSG_EQ(got.out, "", selector);
            NS_TEST_EXPECT_MSG_EQ(got.err,
                                  "Error: \"" + keyword +
                                      "\" is not supported: the emulated ip route get takes "
                                      "only a destination address.\n",
                                  selector);
        }
    }
};

/**
 * ifconfig -a lists devices in net-tools' order, not bytewise.
 */
class IfconfigOrderTestCase : public TestCase
{
  public:
    IfconfigOrderTestCase()
        : TestCase("ifconfig -a orders eth2 before eth10")
    {
    }

  private:
    void DoRun() override
    {
        test::CommandTestHost built = test::BuildCommandTestHost(3);
        NS_TEST_ASSERT_MSG_EQ(Exec(built.root, "ip link set eth0 name eth10").exitStatus,
                              0,
                              "renaming eth0");
        const CommandResult listed = Exec(built.root, "ifconfig -a");
        NS_TEST_ASSERT_MSG_EQ(listed.exitStatus, 0, "ifconfig -a");
        std::string names;
        std::istringstream lines(listed.out);
        for (std::string line; std::getline(lines, line);)
        {
            if (!line.empty() && line[0] != ' ')
            {
                names += line.substr(0, line.find(':')) + " ";
            }
        }
        NS_TEST_EXPECT_MSG_EQ(names, "eth1 eth2 eth10 lo ", "net-tools' nstrcmp() order");
    }
};

/**
 * Namespace behaviour of the commands.
 */
class CommandsNamespacesTestSuite : public TestSuite
{
  public:
    CommandsNamespacesTestSuite()
        : TestSuite("netns-commands-namespaces", UNIT)
    {
        AddTestCase(new EmptyNamespaceTestCase, TestCase::QUICK);
        AddTestCase(new DebugfsRevealTestCase, TestCase::QUICK);
        AddTestCase(new UnshareCommandTestCase, TestCase::QUICK);
        AddTestCase(new AddressAndRouteScopeTestCase(false), TestCase::QUICK);
        AddTestCase(new AddressAndRouteScopeTestCase(true), TestCase::QUICK);
        AddTestCase(new LinkRenameAndScopeTestCase, TestCase::QUICK);
        AddTestCase(new OwnLoopbackChangesTestCase, TestCase::QUICK);
        AddTestCase(new ShellLayerTestCase, TestCase::QUICK);
        AddTestCase(new PointToPointFlagsTestCase, TestCase::QUICK);
        AddTestCase(new RouteGetSelectorTestCase, TestCase::QUICK);
        AddTestCase(new IfconfigOrderTestCase, TestCase::QUICK);
    }
};

/// The suite's only instance.
CommandsNamespacesTestSuite g_commandsNamespacesTestSuite;

} // namespace
