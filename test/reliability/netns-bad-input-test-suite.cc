/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Bad input for every public entry point, one table row per case, each
 * with the errno and the message text it must give. The rows cover names
 * that are empty, 15, 16 or more bytes long or contain '/', unknown
 * devices, a repeated reveal, privileged ports and prefix lengths. They
 * also cover calls after the process or the namespace is gone, and null
 * pointers where the API takes a Ptr.
 */
#include "netns-test-lan.h"

#include "ns3/applications-module.h"
#include "ns3/netns-capture-helper.h"
#include "ns3/netns-exec.h"
#include "ns3/netns-script-parser.h"
#include "ns3/test.h"

#include <functional>

using namespace ns3;
using namespace ns3::netns;
using namespace ns3::netns::test;

namespace
{

/// The state every row starts from, built afresh for each row.
struct Fixture
{
    Lan lan{true, 1, true};
    Ptr<Process> container; //!< root, in a namespace that sees eth0 with 198.51.100.10/24
    Ptr<Process> user;      //!< uid 1000 in the initial namespace
    Ptr<Process> exited;    //!< a root process that has exited
    Ptr<Namespace> freed;   //!< a namespace whose only process exited

    Fixture()
    {
        container = lan.MakeContainer({"eth0"}, "eth0", Ipv4Address("198.51.100.10"));
        user = lan.host->CreateProcess(1000);
        exited = lan.host->CreateProcess(0);
        exited->Exit(0);
        Ptr<Process> brief = lan.MakeContainer({"eth1"}, "eth1", Ipv4Address("203.0.113.10"));
        freed = brief->GetNamespace();
        brief->Exit(0);
    }

    /** @return a UDP socket of the container, bound to 198.51.100.10:5000 */
    int BoundSocket()
    {
        const int fd = container->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM).GetValue();
        container->Bind(fd, Ipv4Address("198.51.100.10"), 5000);
        return fd;
    }
};

/// One case: a call on a fresh fixture, and the errno and message it must give.
struct Row
{
    const char* name;                     //!< the case
    std::function<Status(Fixture&)> call; //!< the call
    int expectedErrno;                    //!< 0 for success
    const char* expectedText;             //!< a part of the message, "" for success
};

Status
WriteDev(Ptr<Process> p, const std::string& data)
{
    return p->WriteFile(DEBUGFS_DEV_PATH, data).GetStatus();
}

Status
Command(Ptr<Process> p, const std::string& line, int failureErrno)
{
    const CommandResult result = Exec(p, line);
    return result.exitStatus == 0 ? Status() : Status::Error(failureErrno, result.err);
}

std::vector<Row>
Rows()
{
    const Ipv4Address local("198.51.100.10");
    return {
        // unshare(2)
        {"unshare without a flag name",
         [](Fixture& f) { return f.container->Unshare(""); },
         EINVAL,
         "no flag given"},
        {"unshare with an unknown flag name",
         [](Fixture& f) { return f.container->Unshare("CLONE_NEWPID"); },
         EINVAL,
         "unknown or unsupported flag \"CLONE_NEWPID\""},
        {"unshare with an unknown flag bit",
         [](Fixture& f) { return f.container->Unshare(0x1u); },
         EINVAL,
         "flags 0x00000001 are not emulated"},
        {"unshare as uid 1000",
         [](Fixture& f) { return f.user->Unshare("CLONE_NEWNET"); },
         EPERM,
         "unshare failed: Operation not permitted"},
        {"unshare after exit",
         [](Fixture& f) { return f.exited->Unshare("CLONE_NEWNET"); },
         ESRCH,
         "has exited"},

        // writes to /sys/kernel/debug/net_ns/dev
        {"reveal an empty name",
         [](Fixture& f) { return WriteDev(f.container, "\n"); },
         ENODEV,
         "has no device named \"\""},
        {"reveal a 15-byte unknown name",
         [](Fixture& f) { return WriteDev(f.container, "abcdefghijklmno"); },
         ENODEV,
         "has no device named \"abcdefghijklmno\""},
        {"reveal a 16-byte name",
         [](Fixture& f) { return WriteDev(f.container, "abcdefghijklmnop"); },
         EINVAL,
         "is 16 bytes; names have at most 15"},
        {"reveal a name with '/'",
         [](Fixture& f) { return WriteDev(f.container, "eth0/x\n"); },
         ENODEV,
         "has no device named \"eth0/x\""},
        {"reveal an unknown device",
         [](Fixture& f) { return WriteDev(f.container, "eth9\n"); },
         ENODEV,
         "write error: No such device"},
        {"reveal a device twice",
         [](Fixture& f) {
             Status again = WriteDev(f.container, "eth0\n");
             const bool once = f.container->GetNamespace()->GetView().size() == 1;
             return again.IsOk() && !once ? Status::Error(EEXIST, "listed twice") : again;
         },
         0,
         ""},
        {"reveal after exit",
         [](Fixture& f) { return WriteDev(f.exited, "eth0\n"); },
         ESRCH,
         "has exited"},
        {"write /proc/net/dev",
         [](Fixture& f) { return f.container->WriteFile("/proc/net/dev", "x").GetStatus(); },
         EACCES,
         "Permission denied"},
        {"write an unknown file",
         [](Fixture& f) {
             return f.container->WriteFile("/sys/kernel/debug/net_ns/x", "eth0").GetStatus();
         },
         ENOENT,
         "No such file or directory"},
        {"read an unknown file",
         [](Fixture& f) { return f.container->ReadFile("/proc/net/x").GetStatus(); },
         ENOENT,
         "No such file or directory"},

        // addresses
        {"add an address on an unknown device",
         [local](Fixture& f) { return f.container->AddAddress("eth9", local, 24); },
         ENODEV,
         "Cannot find device \"eth9\""},
        {"add an address on a device outside the view",
         [local](Fixture& f) { return f.container->AddAddress("eth1", local, 24); },
         ENODEV,
         "Cannot find device \"eth1\""},
        {"add an address on a 16-byte device name",
         [local](Fixture& f) { return f.container->AddAddress("abcdefghijklmnop", local, 24); },
         ENODEV,
         "Cannot find device \"abcdefghijklmnop\""},
        {"add an address with prefix length 33",
         [](Fixture& f) {
             return f.container->AddAddress("eth0", Ipv4Address("198.51.100.20"), 33);
         },
         EINVAL,
         "invalid prefix length 33"},
        {"add 0.0.0.0",
         [](Fixture& f) { return f.container->AddAddress("eth0", Ipv4Address::GetAny(), 24); },
         EINVAL,
         "not a unicast address"},
        {"add an address twice",
         [local](Fixture& f) { return f.container->AddAddress("eth0", local, 24); },
         EEXIST,
         "already exists on eth0"},
        {"add an address as uid 1000",
         [local](Fixture& f) { return f.user->AddAddress("eth0", local, 24); },
         EPERM,
         "CAP_NET_ADMIN"},
        {"add an address after exit",
         [local](Fixture& f) { return f.exited->AddAddress("eth0", local, 24); },
         ESRCH,
         "has exited"},
        {"delete an address not held",
         [](Fixture& f) {
             return f.container->DeleteAddress("eth0", Ipv4Address("198.51.100.99"));
         },
         EADDRNOTAVAIL,
         "is not assigned to eth0"},
        {"add an address in a freed namespace",
         [local](Fixture& f) { return f.freed->AddAddress("eth1", local, 24); },
         ESRCH,
         "has been freed"},

        // links and routes
        {"set MTU 40",
         [](Fixture& f) { return f.container->SetMtu("eth0", 40); },
         EINVAL,
         "invalid MTU 40"},
        {"set MTU 70000",
         [](Fixture& f) { return f.container->SetMtu("eth0", 70000); },
         EINVAL,
         "invalid MTU 70000"},
        {"add a route with prefix length 33",
         [](Fixture& f) {
             netns::Route route;
             route.destination = Ipv4Address("10.0.0.0");
             route.prefixLength = 33;
             route.ifindex = f.container->GetNamespace()->FindInView("eth0")->ifindex;
             return f.container->AddRoute(route);
         },
         EINVAL,
         "invalid prefix length 33"},
        {"add a route on no device",
         [](Fixture& f) { return f.container->AddRoute(netns::Route()); },
         ENODEV,
         "Cannot find device with index 0"},
        {"install on a node already initialized",
         [](Fixture&) {
             Ptr<Node> node = CreateObject<Node>();
             node->Initialize();
             return NetnsHelper().Install(node);
         },
         EBUSY,
         "is already initialized; install NetnsHelper before Simulator::Run()"},
        {"change route isolation after unshare",
         [](Fixture& f) { return f.lan.host->SetRouteIsolation(false); },
         EBUSY,
         "cannot change route isolation"},

        // sockets
        {"socket of family 99",
         [](Fixture& f) { return f.container->Socket(99, NETNS_SOCK_DGRAM).GetStatus(); },
         EAFNOSUPPORT,
         "address family 99"},
        {"socket of type 5",
         [](Fixture& f) { return f.container->Socket(NETNS_AF_INET, 5).GetStatus(); },
         EINVAL,
         "type 5 is not emulated"},
        {"UDP socket with protocol TCP",
         [](Fixture& f) {
             return f.container->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM, 6).GetStatus();
         },
         EPROTONOSUPPORT,
         "protocol 6 does not match"},
        {"bind a bad descriptor",
         [local](Fixture& f) { return f.container->Bind(42, local, 5000); },
         EBADF,
         "bad file descriptor 42"},
        {"bind port 80 as uid 1000",
         [](Fixture& f) {
             const int fd = f.user->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM).GetValue();
             return f.user->Bind(fd, Ipv4Address::GetAny(), 80);
         },
         EACCES,
         "binding port 80 needs CAP_NET_BIND_SERVICE"},
        {"bind an address of no namespace",
         [](Fixture& f) {
             const int fd = f.container->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM).GetValue();
             return f.container->Bind(fd, Ipv4Address("192.0.2.99"), 5000);
         },
         EADDRNOTAVAIL,
         "cannot bind to 192.0.2.99"},
        {"bind an address of another namespace with route isolation",
         [](Fixture& f) {
             const int fd = f.user->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM).GetValue();
             return f.user->Bind(fd, Ipv4Address("198.51.100.10"), 5000);
         },
         EADDRNOTAVAIL,
         "not held by namespace init"},
        {"bind a bound socket again",
         [local](Fixture& f) { return f.container->Bind(f.BoundSocket(), local, 5001); },
         EINVAL,
         "already bound to 198.51.100.10:5000"},
        {"bind a port in use",
         [local](Fixture& f) {
             f.BoundSocket();
             const int fd = f.container->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM).GetValue();
             return f.container->Bind(fd, Ipv4Address::GetAny(), 5000);
         },
         EADDRINUSE,
         "0.0.0.0:5000 is already in use"},
        {"listen on a UDP socket",
         [](Fixture& f) { return f.container->Listen(f.BoundSocket()); },
         EOPNOTSUPP,
         "Operation not supported"},
        {"close a descriptor twice",
         [](Fixture& f) {
             const int fd = f.BoundSocket();
             f.container->Close(fd);
             return f.container->Close(fd);
         },
         EBADF,
         "bad file descriptor"},
        {"sendto 255.255.255.255 without a route",
         [](Fixture& f) {
             const int fd = f.container->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM).GetValue();
             return f.container->SendTo(fd, MakePayload("x"), Ipv4Address::GetBroadcast(), 9)
                 .GetStatus();
         },
         ENETUNREACH,
         "sendto: no route to 255.255.255.255"},
        {"sendto a subnet broadcast without SO_BROADCAST",
         [](Fixture& f) {
             return f.container->SendTo(f.BoundSocket(), MakePayload("x"), "198.51.100.255", 9)
                 .GetStatus();
         },
         EACCES,
         "sendto: 198.51.100.255 is a broadcast address and SO_BROADCAST is off"},
        {"connect without a route",
         [](Fixture& f) {
             const int fd = f.container->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM).GetValue();
             return f.container->Connect(fd, "192.0.2.5", 9);
         },
         ENETUNREACH,
         "connect: no route to 192.0.2.5"},
        {"sendto with a null packet",
         [local](Fixture& f) {
             return f.container->SendTo(f.BoundSocket(), nullptr, local, 5000).GetStatus();
         },
         EINVAL,
         "no packet given"},
        {"send with a null packet",
         [](Fixture& f) { return f.container->Send(f.BoundSocket(), nullptr).GetStatus(); },
         EINVAL,
         "no packet given"},
        {"socket after exit",
         [](Fixture& f) { return f.exited->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM).GetStatus(); },
         ESRCH,
         "has exited"},

        // processes and applications
        {"fork after exit",
         [](Fixture& f) { return f.exited->Fork().GetStatus(); },
         ESRCH,
         "has exited"},
        {"install a null application",
         [](Fixture& f) { return f.container->InstallApplication(nullptr); },
         EINVAL,
         "no application given"},
        {"install an application twice",
         [](Fixture& f) {
             Ptr<UdpEchoServer> echo = CreateObject<UdpEchoServer>();
             f.container->InstallApplication(echo);
             return f.container->InstallApplication(echo);
         },
         EBUSY,
         "already runs on node"},
        {"install an application after exit",
         [](Fixture& f) { return f.exited->InstallApplication(CreateObject<UdpEchoServer>()); },
         ESRCH,
         "has exited"},
        {"command line after exit",
         [](Fixture& f) { return Command(f.exited, "ip addr", ESRCH); },
         ESRCH,
         "has exited"},
        {"command line of a null process",
         [](Fixture& f) { return Command(nullptr, "ip addr", ESRCH); },
         ESRCH,
         "process (none) has exited"},

        // names
        {"namespace name empty",
         [](Fixture& f) { return f.container->GetNamespace()->SetName(""); },
         EINVAL,
         "the name is empty"},
        {"namespace name with '/'",
         [](Fixture& f) { return f.container->GetNamespace()->SetName("a/b"); },
         EINVAL,
         "invalid namespace name \"a/b\""},
        {"namespace name \"..\"",
         [](Fixture& f) { return f.container->GetNamespace()->SetName(".."); },
         EINVAL,
         "reserved name"},
        {"namespace name of 256 bytes",
         [](Fixture& f) { return f.container->GetNamespace()->SetName(std::string(256, 'n')); },
         EINVAL,
         "invalid namespace name"},
        {"device name of 15 bytes",
         [](Fixture& f) {
             return f.lan.host->SetDeviceName(f.lan.secondLanDevices.Get(0), "abcdefghijklmno");
         },
         0,
         ""},
        {"device name of 16 bytes",
         [](Fixture& f) {
             return f.lan.host->SetDeviceName(f.lan.secondLanDevices.Get(0), "abcdefghijklmnop");
         },
         EINVAL,
         "invalid interface name \"abcdefghijklmnop\""},
        {"device name with '/'",
         [](Fixture& f) { return f.lan.host->SetDeviceName(f.lan.secondLanDevices.Get(0), "a/b"); },
         EINVAL,
         "invalid interface name \"a/b\""},
        {"device name already taken",
         [](Fixture& f) {
             return f.lan.host->SetDeviceName(f.lan.secondLanDevices.Get(0), "eth0");
         },
         EEXIST,
         "already has a device named \"eth0\""},
        {"rename a revealed device",
         [](Fixture& f) { return f.lan.host->SetDeviceName(f.lan.lanDevices.Get(0), "wan0"); },
         EBUSY,
         "already seen by other namespaces"},
        {"rename a null device",
         [](Fixture& f) { return f.lan.host->SetDeviceName(nullptr, "wan0"); },
         ENODEV,
         "is not a device of host"},

        // helper and scenario scripts
        {"install on a null node",
         [](Fixture&) { return NetnsHelper().Install(Ptr<Node>()); },
         EINVAL,
         "no node given"},
        {"capture a null node",
         [](Fixture&) { return NetnsCaptureHelper("bad-input").EnableNode(nullptr); },
         EINVAL,
         "no node given"},
        {"debugfs write for a null namespace",
         [](Fixture& f) { return f.lan.host->WriteDebugfsDev(nullptr, "eth0").GetStatus(); },
         EINVAL,
         "no namespace given for the writer"},
        {"debugfs read for a null namespace",
         [](Fixture& f) {
             const std::string listing = f.lan.host->ReadDebugfsDev(nullptr);
             return listing.empty() ? Status() : Status::Error(EINVAL, "listed " + listing);
         },
         0,
         ""},
        {"capture a null namespace",
         [](Fixture&) {
             NetnsHelper().EnablePcapNamespace("bad-input", nullptr);
             return Status();
         },
         0,
         ""},
        {"install twice",
         [](Fixture& f) { return NetnsHelper().Install(f.lan.hostNode); },
         EEXIST,
         "already has network namespace support"},
        {"install on a node with a stock stack",
         [](Fixture& f) { return NetnsHelper().Install(f.lan.peers.Get(0)); },
         EBUSY,
         "already has an IPv4 stack"},
        {"script with port 70000",
         [](Fixture&) {
             ScenarioScript script;
             auto errors = ScriptParser::Parse("node n\napp udp-echo-server n port 70000\n",
                                               "bad.nss",
                                               script);
             return errors.empty() ? Status() : Status::Error(EINVAL, errors[0].ToString());
         },
         EINVAL,
         "bad.nss:2: invalid number \"70000\" for port"},
    };
}

/// Every row gives its errno and its message.
class BadInputTableTestCase : public TestCase
{
  public:
    BadInputTableTestCase()
        : TestCase("bad input gives the documented errno and message")
    {
    }

  private:
    void DoRun() override
    {
        for (const Row& row : Rows())
        {
            Status status;
            {
                Fixture fixture;
                status = row.call(fixture);
                Lan::TearDown();
            }
            NS_TEST_EXPECT_MSG_EQ(ErrnoName(status.GetErrno()),
                                  ErrnoName(row.expectedErrno),
                                  row.name << ": " << status.ToString());
            NS_TEST_EXPECT_MSG_NE(status.GetMessage().find(row.expectedText),
                                  std::string::npos,
                                  row.name << ": the message \"" << status.GetMessage()
                                           << "\" should contain \"" << row.expectedText << "\"");
        }
    }
};

/// Bad input for every public entry point.
class BadInputTestSuite : public TestSuite
{
  public:
    BadInputTestSuite()
        : TestSuite("netns-bad-input", UNIT)
    {
        AddTestCase(new BadInputTableTestCase, TestCase::QUICK);
    }
};

BadInputTestSuite g_badInputTestSuite; //!< registers the suite

} // namespace
