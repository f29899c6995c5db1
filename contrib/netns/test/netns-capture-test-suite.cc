/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Per-namespace pcap capture: which files NetnsCaptureHelper writes, how it
 * names them, what its manifest records, and that a rerun gives the same bytes.
 */
#include "netns-test-lan.h"

#include "ns3/netns-capture-helper.h"
#include "ns3/netns-exec.h"
#include "ns3/point-to-point-module.h"
#include "ns3/test.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

using namespace ns3;
using namespace ns3::netns;
using namespace ns3::netns::test;

namespace
{

/// UDP port of the container's server.
constexpr uint16_t SERVER_PORT = 9;

/**
 * A host "h1" with container c1 on a CSMA LAN with plain node "client", and
 * plain node "far" behind client on a point-to-point link.
 */
struct Scenario
{
    Ptr<Node> hostNode;     //!< h1
    Ptr<Host> host;         //!< its namespace support
    Ptr<Node> client;       //!< client, 198.51.100.1 on the LAN
    Ptr<Node> far;          //!< far, 203.0.113.2 on the point-to-point link
    Ptr<Process> container; //!< c1's root process
    Receiver received;      //!< what c1's server receives

    /**
     * Build the topology and the container.
     * @param reveal true to reveal eth0 to c1 and give it 198.51.100.10 now
     */
    explicit Scenario(bool reveal = true)
    {
        hostNode = CreateObject<Node>();
        client = CreateObject<Node>();
        far = CreateObject<Node>();
        Names::Add("h1", hostNode);
        Names::Add("client", client);
        Names::Add("far", far);
        CsmaHelper csma;
        NetDeviceContainer lan = csma.Install(NodeContainer(hostNode, client));
        PointToPointHelper p2p;
        NetDeviceContainer wan = p2p.Install(client, far);
        InternetStackHelper stack;
        stack.Install(NodeContainer(client, far));
        NetnsHelper netns;
        netns.Install(hostNode);
        host = NetnsHelper::GetHost(hostNode);
        Ipv4AddressHelper lanAddresses("198.51.100.0", "255.255.255.0");
        lanAddresses.Assign(NetDeviceContainer(lan.Get(1)));
        Ipv4AddressHelper wanAddresses("203.0.113.0", "255.255.255.0");
        wanAddresses.Assign(wan);
        Ipv4StaticRoutingHelper routing;
        routing.GetStaticRouting(far->GetObject<Ipv4>())->SetDefaultRoute("203.0.113.1", 1);

        container = host->CreateProcess(0);
        container->Unshare(CLONE_NEWNET_PATCH_2006);
        container->GetNamespace()->SetName("c1");
        if (reveal)
        {
            RevealAndServe();
        }
    }

    /** Reveal eth0 to c1, give it 198.51.100.10/24 and start a UDP server. */
    void RevealAndServe()
    {
        container->WriteFile(DEBUGFS_DEV_PATH, "eth0\n");
        container->AddAddress("eth0", Ipv4Address("198.51.100.10"), 24);
        OpenServer(container, NETNS_SOCK_DGRAM, Ipv4Address::GetAny(), SERVER_PORT, &received);
    }
};

/**
 * Read a whole file.
 * @param path the file
 * @return its bytes, empty when it cannot be read
 */
std::string
ReadBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/**
 * Read the link type from a little-endian pcap file header.
 * @param bytes the file
 * @return the link type, or 0xFFFFFFFF when the header is missing
 */
uint32_t
LinkTypeOfPcap(const std::string& bytes)
{
    if (bytes.size() < 24)
    {
        return 0xFFFFFFFF;
    }
    uint32_t linkType = 0;
    for (int i = 3; i >= 0; --i)
    {
        linkType = (linkType << 8) | static_cast<unsigned char>(bytes[20 + i]);
    }
    return linkType;
}

/**
 * Undo NetnsCaptureHelper::EncodeComponent and drop an "@ID" suffix.
 * @param component one file name component
 * @return the name it was made from
 */
std::string
DecodeComponent(const std::string& component)
{
    const std::string body = component.substr(0, component.find('@'));
    std::string name;
    for (std::size_t i = 0; i < body.size(); ++i)
    {
        if (body[i] == '%' && i + 2 < body.size())
        {
            name += static_cast<char>(std::stoi(body.substr(i + 1, 2), nullptr, 16));
            i += 2;
        }
        else
        {
            name += body[i];
        }
    }
    return name;
}

/**
 * Split a file name, without its prefix, into its components.
 * @param file A_B[_C].pcap
 * @return the components, without the extension
 */
std::vector<std::string>
SplitFileName(const std::string& file)
{
    std::vector<std::string> parts;
    const std::string stem = file.substr(0, file.size() - std::string(".pcap").size());
    std::size_t start = 0;
    while (true)
    {
        const std::size_t end = stem.find('_', start);
        parts.push_back(stem.substr(start, end - start));
        if (end == std::string::npos)
        {
            break;
        }
        start = end + 1;
    }
    return parts;
}

/** @return the files of a helper by file name */
std::map<std::string, NetnsCaptureFile>
FilesByName(const NetnsCaptureHelper& capture)
{
    std::map<std::string, NetnsCaptureFile> files;
    for (const NetnsCaptureFile& file : capture.GetFiles())
    {
        files[file.file] = file;
    }
    return files;
}

/**
 * Look up a file by name.
 * @param files the files by name
 * @param name the file name
 * @return the entry, or an empty one when the helper opened no such file
 */
NetnsCaptureFile
FindFile(const std::map<std::string, NetnsCaptureFile>& files, const std::string& name)
{
    auto found = files.find(name);
    return found == files.end() ? NetnsCaptureFile() : found->second;
}

/// Every capture point gets one file, with the link type of its framing.
class CaptureFilesTestCase : public TestCase
{
  public:
    CaptureFilesTestCase() :
        TestCase("capture writes one file per device, view and loopback")
    {
    }

  private:
    void DoRun() override
    {
        const std::string directory = CreateTempDirFilename("capture-files");
        Scenario scenario;
        SendUdpFromNode(
            scenario.client, Ipv4Address("198.51.100.10"), SERVER_PORT, "hello", Seconds(1));
        SendUdpFromNode(scenario.far, Ipv4Address("198.51.100.1"), SERVER_PORT, "far", Seconds(1));
        NetnsCaptureHelper capture(directory);
        Status enabled = capture.EnableAll();
        NS_TEST_ASSERT_MSG_EQ(
            enabled.IsOk(), true, "enabling capture should work: " << enabled.ToString());
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        capture.Close();

        const std::map<std::string, uint32_t> expected{
            {"netns_h1_eth0.pcap", 1},
            {"netns_h1_init_lo.pcap", 101},
            {"netns_h1_c1_eth0.pcap", 1},
            {"netns_h1_c1_lo.pcap", 101},
            {"netns_client_eth0.pcap", 1},
            {"netns_client_eth1.pcap", 9},
            {"netns_client_lo.pcap", 101},
            {"netns_far_eth0.pcap", 9},
            {"netns_far_lo.pcap", 101},
        };
        const auto files = FilesByName(capture);
        NS_TEST_EXPECT_MSG_EQ(
            files.size(), expected.size(), "one file per capture point should be opened");
        for (const auto& [name, linkType] : expected)
        {
            NS_TEST_ASSERT_MSG_EQ(files.count(name), 1, "capture should open " << name);
            NS_TEST_EXPECT_MSG_EQ(FindFile(files, name).linkType,
                                  linkType,
                                  name << " should have link type " << linkType);
            const std::string bytes = ReadBytes(directory + "/" + name);
            NS_TEST_EXPECT_MSG_EQ(LinkTypeOfPcap(bytes),
                                  linkType,
                                  "the header of " << name << " should carry link type "
                                                   << linkType);
        }
        NS_TEST_EXPECT_MSG_EQ(
            scenario.received.payloads.size(), 1, "c1's server should get the datagram");
        NS_TEST_EXPECT_MSG_GT(FindFile(files, "netns_h1_c1_eth0.pcap").packets,
                              0,
                              "c1's view of eth0 should record frames");
        NS_TEST_EXPECT_MSG_GT(
            FindFile(files, "netns_h1_eth0.pcap").packets, 0, "h1's eth0 should record frames");
        NS_TEST_EXPECT_MSG_GT(FindFile(files, "netns_far_eth0.pcap").packets,
                              0,
                              "far's point-to-point device should record frames");
        NS_TEST_EXPECT_MSG_EQ(FindFile(files, "netns_h1_c1_eth0.pcap").direction,
                              "both",
                              "a view file should hold both directions");
        NS_TEST_EXPECT_MSG_EQ(FindFile(files, "netns_h1_c1_lo.pcap").direction,
                              "out",
                              "a loopback file should hold sent packets");
        NS_TEST_EXPECT_MSG_EQ(FindFile(files, "netns_h1_c1_eth0.pcap").kind,
                              "view",
                              "c1's eth0 file should be a view capture");
        NS_TEST_EXPECT_MSG_EQ(FindFile(files, "netns_h1_eth0.pcap").kind,
                              "device",
                              "h1's eth0 file should be a device capture");
        NS_TEST_EXPECT_MSG_EQ(FindFile(files, "netns_h1_eth0.pcap").namespaceId.has_value(),
                              false,
                              "a host device belongs to no single namespace");

        // The view file holds exactly the frames the namespace counted on eth0.
        Ptr<Namespace> ns = scenario.container->GetNamespace();
        const DeviceCounters counters = ns->GetDeviceCounters(ns->FindInView("eth0")->ifindex);
        NS_TEST_EXPECT_MSG_EQ(FindFile(files, "netns_h1_c1_eth0.pcap").packets,
                              counters.rxPackets + counters.txPackets,
                              "the view file should hold every frame c1 sent or received on eth0");
        Lan::TearDown();
    }
};

/// Loopback traffic of a namespace lands in its own lo file, as raw IPv4.
class CaptureLoopbackTestCase : public TestCase
{
  public:
    CaptureLoopbackTestCase() :
        TestCase("namespace loopback traffic is written once as raw IPv4")
    {
    }

  private:
    void DoRun() override
    {
        const std::string directory = CreateTempDirFilename("capture-loopback");
        Scenario scenario;
        Ptr<Process> process = scenario.container;
        Receiver received;
        OpenServer(process, NETNS_SOCK_DGRAM, Ipv4Address::GetLoopback(), 9000, &received);
        auto client = process->Socket(NETNS_AF_INET, NETNS_SOCK_DGRAM);
        Simulator::ScheduleWithContext(
            process->GetNamespace()->GetNode()->GetId(), Seconds(1), [process, client]() {
                process->SendTo(
                    client.GetValue(), MakePayload("ping"), Ipv4Address::GetLoopback(), 9000);
            });
        NetnsCaptureHelper capture(directory);
        capture.EnableAll();
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        capture.Close();

        NS_TEST_EXPECT_MSG_EQ(
            received.payloads.size(), 1, "the datagram should reach the loopback server");
        const auto files = FilesByName(capture);
        NS_TEST_EXPECT_MSG_EQ(FindFile(files, "netns_h1_c1_lo.pcap").packets,
                              1,
                              "c1's lo file should hold the datagram once");
        NS_TEST_EXPECT_MSG_EQ(FindFile(files, "netns_h1_init_lo.pcap").packets,
                              0,
                              "the initial namespace's lo should stay empty");
        const std::string bytes = ReadBytes(directory + "/netns_h1_c1_lo.pcap");
        const std::size_t ipBytes = 20 + 8 + 4;
        NS_TEST_ASSERT_MSG_EQ(bytes.size(),
                              24 + 16 + ipBytes,
                              "the file should hold one record of IPv4 + UDP + 4 bytes");
        NS_TEST_EXPECT_MSG_EQ(static_cast<unsigned char>(bytes[40]),
                              0x45,
                              "the record should start with an IPv4 header");
        Lan::TearDown();
    }
};

/// A view revealed after capture starts is captured from its first frame.
class CaptureLateRevealTestCase : public TestCase
{
  public:
    CaptureLateRevealTestCase() :
        TestCase("a view revealed after capture starts gets its own file")
    {
    }

  private:
    void DoRun() override
    {
        const std::string directory = CreateTempDirFilename("capture-late");
        Scenario scenario(false);
        NetnsCaptureHelper capture(directory);
        capture.EnableAll();
        NS_TEST_EXPECT_MSG_EQ(FilesByName(capture).count("netns_h1_c1_eth0.pcap"),
                              0,
                              "no view file should exist before the reveal");

        Scenario* s = &scenario;
        Simulator::Schedule(Seconds(1), [s]() { s->RevealAndServe(); });
        SendUdpFromNode(
            scenario.client, Ipv4Address("198.51.100.10"), SERVER_PORT, "late", Seconds(2));
        Ptr<Process> late;
        Simulator::Schedule(Seconds(1), [s, &late]() {
            late = s->host->CreateProcess(0);
            late->Unshare(CLONE_NEWNET_PATCH_2006);
            late->GetNamespace()->SetName("c2");
        });
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        const auto files = FilesByName(capture);
        NS_TEST_ASSERT_MSG_EQ(
            files.count("netns_h1_c1_eth0.pcap"), 1, "eth0 revealed at 1 s should get a file");
        Ptr<Namespace> ns = scenario.container->GetNamespace();
        const DeviceCounters counters = ns->GetDeviceCounters(ns->FindInView("eth0")->ifindex);
        NS_TEST_EXPECT_MSG_GT(counters.rxPackets, 0, "c1 should receive frames after the reveal");
        NS_TEST_EXPECT_MSG_EQ(FindFile(files, "netns_h1_c1_eth0.pcap").packets,
                              counters.rxPackets + counters.txPackets,
                              "the late view's file should hold every frame from the first one");
        NS_TEST_EXPECT_MSG_EQ(
            scenario.received.payloads.size(), 1, "c1's server should get the datagram");

        NS_TEST_EXPECT_MSG_EQ(files.count("netns_h1_c2_lo.pcap"),
                              0,
                              "a namespace created after EnableAll() has no file yet");
        NS_TEST_ASSERT_MSG_EQ(
            capture.WriteManifest().IsOk(), true, "the manifest should be written");
        const std::string manifest = ReadBytes(capture.GetManifestPath());
        NS_TEST_EXPECT_MSG_NE(
            manifest.find("\"name\": \"c2\", \"alive\": true, \"captured\": false"),
            std::string::npos,
            "the manifest should list c2 as not captured");
        NS_TEST_ASSERT_MSG_EQ(capture.EnableAll().IsOk(), true, "enabling again should work");
        NS_TEST_EXPECT_MSG_EQ(FilesByName(capture).count("netns_h1_c2_lo.pcap"),
                              1,
                              "enabling again should capture c2");
        NS_TEST_EXPECT_MSG_EQ(capture.GetFiles().size(),
                              files.size() + 1,
                              "enabling again should open nothing twice");
        capture.Close();
        Lan::TearDown();
    }
};

/// The manifest lists each file and the addresses each namespace holds.
class CaptureManifestTestCase : public TestCase
{
  public:
    CaptureManifestTestCase() :
        TestCase("manifest lists files, link types and namespace addresses")
    {
    }

  private:
    void DoRun() override
    {
        const std::string directory = CreateTempDirFilename("capture-manifest");
        Scenario scenario;
        NetnsCaptureHelper capture(directory, "run1");
        capture.EnableAll();
        Simulator::Stop(Seconds(1));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(
            capture.WriteManifest().IsOk(), true, "the manifest should be written");
        NS_TEST_EXPECT_MSG_EQ(capture.GetManifestPath(),
                              directory + "/run1_manifest.json",
                              "the manifest should sit beside the files");
        const std::string manifest = ReadBytes(capture.GetManifestPath());
        const std::vector<std::string> expected{
            "\"format\": \"netns-capture-manifest\"",
            "{\"file\": \"run1_h1_c1_eth0.pcap\", \"kind\": \"view\", \"node_id\": 0, \"host\": "
            "\"h1\", "
            "\"netns_host\": true, \"namespace_id\": 1, \"namespace\": \"c1\", \"device\": "
            "\"eth0\", "
            "\"ifindex\": 2",
            "\"link_type\": 9, \"direction\": \"both\"",
            "\"link_type\": 101, \"direction\": \"out\"",
            "\"addresses\": [{\"device\": \"eth0\", \"address\": \"198.51.100.10\", "
            "\"prefix_length\": 24}]",
            "{\"device\": \"eth0\", \"address\": \"198.51.100.1\", \"prefix_length\": 24}",
            "\"route_isolation\": false",
        };
        for (const std::string& text : expected)
        {
            NS_TEST_EXPECT_MSG_NE(
                manifest.find(text), std::string::npos, "the manifest should contain " << text);
        }
        capture.Close();
        Lan::TearDown();
    }
};

/// A per-host namespace limit leaves the later namespaces out.
class CaptureNamespaceLimitTestCase : public TestCase
{
  public:
    CaptureNamespaceLimitTestCase() :
        TestCase("namespace limit leaves later namespaces uncaptured")
    {
    }

  private:
    void DoRun() override
    {
        const std::string directory = CreateTempDirFilename("capture-limit");
        Scenario scenario;
        for (const std::string name : {"c2", "c3"})
        {
            Ptr<Process> process = scenario.host->CreateProcess(0);
            process->Unshare(CLONE_NEWNET_PATCH_2006);
            process->GetNamespace()->SetName(name);
            process->WriteFile(DEBUGFS_DEV_PATH, "eth0\n");
        }
        NetnsCaptureHelper capture(directory);
        capture.SetMaxNamespacesPerHost(2);
        NS_TEST_ASSERT_MSG_EQ(capture.EnableAll().IsOk(), true, "enabling capture should work");
        NS_TEST_ASSERT_MSG_EQ(capture.EnableAll().IsOk(), true, "enabling again should work");
        const auto files = FilesByName(capture);
        NS_TEST_EXPECT_MSG_EQ(files.count("netns_h1_c1_eth0.pcap"), 1, "c1 is within the limit");
        NS_TEST_EXPECT_MSG_EQ(files.count("netns_h1_c2_eth0.pcap"), 1, "c2 is within the limit");
        NS_TEST_EXPECT_MSG_EQ(files.count("netns_h1_c3_eth0.pcap"), 0, "c3 is over the limit");
        NS_TEST_EXPECT_MSG_EQ(files.count("netns_h1_c3_lo.pcap"), 0, "c3's lo is over the limit");
        NS_TEST_EXPECT_MSG_EQ(
            files.count("netns_h1_init_lo.pcap"), 1, "the initial namespace does not count");
        NS_TEST_ASSERT_MSG_EQ(
            capture.WriteManifest().IsOk(), true, "the manifest should be written");
        const std::string manifest = ReadBytes(capture.GetManifestPath());
        NS_TEST_EXPECT_MSG_NE(
            manifest.find("\"name\": \"c3\", \"alive\": true, \"captured\": false"),
            std::string::npos,
            "the manifest should list c3 as not captured");
        capture.Close();
        Lan::TearDown();
    }
};

/// Under MPI a rank captures only its own nodes.
class CaptureOwnRankTestCase : public TestCase
{
  public:
    CaptureOwnRankTestCase()
        : TestCase("nodes of another rank are not captured")
    {
    }

  private:
    void DoRun() override
    {
        const std::string directory = CreateTempDirFilename("capture-rank");
        Scenario scenario;
        // A sequential run is rank 0; a node with system id 1 belongs to rank 1.
        Ptr<Node> remote = CreateObject<Node>(1);
        Names::Add("remote", remote);
        CsmaHelper csma;
        csma.Install(NodeContainer(remote, CreateObject<Node>(1)));
        NetnsCaptureHelper capture(directory);
        NS_TEST_ASSERT_MSG_EQ(capture.EnableAll().IsOk(), true, "enabling capture should work");
        bool remoteCaptured = false;
        bool hostCaptured = false;
        for (const NetnsCaptureFile& file : capture.GetFiles())
        {
            remoteCaptured = remoteCaptured || file.node == "remote";
            hostCaptured = hostCaptured || file.node == "h1";
        }
        NS_TEST_EXPECT_MSG_EQ(hostCaptured, true, "rank 0's host should be captured");
        NS_TEST_EXPECT_MSG_EQ(remoteCaptured, false, "rank 1's node should be left to rank 1");
        NS_TEST_EXPECT_MSG_EQ(capture.GetManifestPath(),
                              directory + "/netns_manifest.json",
                              "rank 0 keeps the plain manifest name");
        capture.Close();
        Lan::TearDown();
    }
};

/// Names with the separator, escapes, markers and duplicates never collide.
class CaptureNamesTestCase : public TestCase
{
  public:
    CaptureNamesTestCase() :
        TestCase("file names stay distinct and decodable for adversarial names")
    {
    }

  private:
    void DoRun() override
    {
        const std::string directory = CreateTempDirFilename("capture-names");
        // Host names that join to the same text with '-' or '_', and one
        // that equals the default name of an unnamed node (node 5).
        const std::vector<std::string> hostNames{"a-b", "a", "a_b", "a%5Fb", "node5", ""};
        const std::vector<std::vector<std::string>> namespaceNames{
            {"c", "b-c", "x"},
            {"b-c", "c", "b_c"},
            {"x", "x", "init"},
            {"@1", "%", "ns2"},
            {"ns1", "na\xc3\xafve space", "x"},
            {"y"},
        };
        std::vector<Ptr<Host>> hosts;
        NodeContainer nodes;
        nodes.Create(hostNames.size());
        CsmaHelper csma;
        NetDeviceContainer devices = csma.Install(nodes);
        NetnsHelper netns;
        for (uint32_t i = 0; i < nodes.GetN(); ++i)
        {
            if (!hostNames[i].empty())
            {
                Names::Add(hostNames[i], nodes.Get(i));
            }
            netns.Install(nodes.Get(i));
            hosts.push_back(NetnsHelper::GetHost(nodes.Get(i)));
        }
        NS_TEST_ASSERT_MSG_EQ(nodes.Get(5)->GetId(), 5, "the unnamed host should be node 5");
        // Device names with '-' and '_' on two hosts.
        hosts[0]->SetDeviceName(devices.Get(0), "e-0");
        hosts[2]->SetDeviceName(devices.Get(2), "e_0");
        for (uint32_t i = 0; i < hosts.size(); ++i)
        {
            for (const std::string& name : namespaceNames[i])
            {
                Ptr<Process> process = hosts[i]->CreateProcess(0);
                process->Unshare(CLONE_NEWNET_PATCH_2006);
                NS_TEST_ASSERT_MSG_EQ(process->GetNamespace()->SetName(name).IsOk(),
                                      true,
                                      "namespace name " << name << " should be accepted");
                process->WriteFile(DEBUGFS_DEV_PATH, hosts[i]->GetDevices().back().name + "\n");
            }
        }
        NetnsCaptureHelper capture(directory, "p_x");
        NS_TEST_ASSERT_MSG_EQ(capture.EnableAll().IsOk(), true, "enabling capture should work");

        std::set<std::string> names;
        std::size_t expectedFiles = 0;
        for (uint32_t i = 0; i < hosts.size(); ++i)
        {
            expectedFiles += 2 + 2 * namespaceNames[i].size(); // eth, init lo, views and los
        }
        for (const NetnsCaptureFile& file : capture.GetFiles())
        {
            NS_TEST_EXPECT_MSG_EQ(names.insert(file.file).second,
                                  true,
                                  "file name " << file.file << " should be used once");
            NS_TEST_EXPECT_MSG_EQ(
                file.file.rfind("p_x_", 0), 0, file.file << " should start with the prefix");
            NS_TEST_EXPECT_MSG_EQ(std::filesystem::exists(directory + "/" + file.file),
                                  true,
                                  file.file << " should exist");
            const std::vector<std::string> parts =
                SplitFileName(file.file.substr(std::string("p_x_").size()));
            const std::size_t expectedParts = file.namespaceId ? 3 : 2;
            NS_TEST_ASSERT_MSG_EQ(parts.size(),
                                  expectedParts,
                                  file.file << " should have " << expectedParts << " components");
            NS_TEST_EXPECT_MSG_EQ(DecodeComponent(parts.front()),
                                  file.node,
                                  file.file << " should decode to host " << file.node);
            NS_TEST_EXPECT_MSG_EQ(DecodeComponent(parts.back()),
                                  file.device,
                                  file.file << " should decode to device " << file.device);
            if (file.namespaceId)
            {
                NS_TEST_EXPECT_MSG_EQ(DecodeComponent(parts[1]),
                                      file.namespaceName,
                                      file.file << " should decode to namespace "
                                                << file.namespaceName);
            }
        }
        NS_TEST_EXPECT_MSG_EQ(
            names.size(), expectedFiles, "every capture point should have a file");
        NS_TEST_EXPECT_MSG_EQ(
            names.count("p_x_a-b_b-c_e-0.pcap"), 1, "hyphens should stay literal");
        NS_TEST_EXPECT_MSG_EQ(
            names.count("p_x_a_b-c_eth0.pcap"), 1, "host a's namespace b-c should be readable");
        NS_TEST_EXPECT_MSG_EQ(
            names.count("p_x_a_b%5Fc_eth0.pcap"), 1, "underscores should be escaped");
        NS_TEST_EXPECT_MSG_EQ(
            names.count("p_x_a%255Fb_%401_eth0.pcap"), 1, "'%' and '@' should be escaped");
        NS_TEST_EXPECT_MSG_EQ(names.count("p_x_node5@5_y_eth0.pcap"),
                              1,
                              "the unnamed node 5 should yield to the node named node5");
        NS_TEST_EXPECT_MSG_EQ(names.count("p_x_a%5Fb_x_e%5F0.pcap"),
                              1,
                              "underscores in device names should be escaped");
        NS_TEST_EXPECT_MSG_EQ(names.count("p_x_a%5Fb_x@2_e%5F0.pcap"),
                              1,
                              "a repeated namespace name should get the namespace id");
        NS_TEST_EXPECT_MSG_EQ(names.count("p_x_a%5Fb_init@3_lo.pcap"),
                              1,
                              "a namespace named init should not take the initial one's name");
        NS_TEST_EXPECT_MSG_EQ(names.count("p_x_node5_na%C3%AFve%20space_eth0.pcap"),
                              1,
                              "UTF-8 and spaces should be escaped byte by byte");
        capture.Close();
        Lan::TearDown();
    }
};

/// The component encoding of single names.
class EncodeComponentTestCase : public TestCase
{
  public:
    EncodeComponentTestCase() :
        TestCase("component encoding keeps [A-Za-z0-9.-] and escapes the rest")
    {
    }

  private:
    void DoRun() override
    {
        const std::vector<std::pair<std::string, std::string>> cases{
            {"eth0", "eth0"},
            {"client-lan", "client-lan"},
            {"a.b", "a.b"},
            {"a_b", "a%5Fb"},
            {"50%", "50%25"},
            {"x@1", "x%401"},
            {"a b", "a%20b"},
            {"a:b", "a%3Ab"},
            {std::string("\x01\xff", 2), "%01%FF"},
            {"", ""},
        };
        for (const auto& [name, component] : cases)
        {
            NS_TEST_EXPECT_MSG_EQ(NetnsCaptureHelper::EncodeComponent(name),
                                  component,
                                  "name " << QuoteForMessage(name) << " should encode as "
                                          << component);
        }
    }
};

/**
 * Run the scenario with capture into a directory.
 * @param directory where the files go
 */
void
RunCapturedScenario(const std::string& directory)
{
    Scenario scenario;
    SendUdpFromNode(scenario.client, Ipv4Address("198.51.100.10"), SERVER_PORT, "one", Seconds(1));
    SendUdpFromNode(scenario.far, Ipv4Address("198.51.100.1"), SERVER_PORT, "two", Seconds(1.5));
    NetnsCaptureHelper capture(directory);
    capture.EnableAll();
    Simulator::Stop(Seconds(3));
    Simulator::Run();
    capture.WriteManifest();
    capture.Close();
    Lan::TearDown();
}

/**
 * Run RunCapturedScenario() in a child process, so that each run starts
 * from the same global state: ns-3 numbers random streams and MAC addresses
 * from process-wide counters that Simulator::Destroy() does not reset.
 * @param directory where the child writes
 * @param seed the seed
 * @return the files the child wrote, empty when the child failed
 */
std::map<std::string, std::string>
RunInChildProcess(const std::string& directory, uint32_t seed)
{
    const pid_t child = fork();
    if (child == 0)
    {
        RngSeedManager::SetSeed(seed);
        RunCapturedScenario(directory);
        _exit(0);
    }
    int status = -1;
    if (child < 0 || waitpid(child, &status, 0) != child || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0)
    {
        return {};
    }
    std::map<std::string, std::string> contents;
    for (const auto& entry : std::filesystem::directory_iterator(directory))
    {
        contents[entry.path().filename().string()] = ReadBytes(entry.path().string());
    }
    return contents;
}

/// Two runs with the same inputs and seed give the same bytes.
class CaptureDeterminismTestCase : public TestCase
{
  public:
    CaptureDeterminismTestCase() :
        TestCase("two identical runs write byte-identical pcaps and manifest")
    {
    }

  private:
    void DoRun() override
    {
        const auto first = RunInChildProcess(CreateTempDirFilename("capture-run-a"), 7);
        const auto second = RunInChildProcess(CreateTempDirFilename("capture-run-b"), 7);
        NS_TEST_ASSERT_MSG_GT(first.size(), 1, "the first run should write pcaps and a manifest");
        NS_TEST_ASSERT_MSG_EQ(
            first.size(), second.size(), "both runs should write the same number of files");
        NS_TEST_EXPECT_MSG_EQ(
            first.count("netns_manifest.json"), 1, "the run should write a manifest");
        for (const auto& [name, bytes] : first)
        {
            NS_TEST_ASSERT_MSG_EQ(second.count(name), 1, "the second run should write " << name);
            NS_TEST_EXPECT_MSG_EQ(
                (second.at(name) == bytes), true, name << " should be byte-identical in both runs");
        }
        NS_TEST_EXPECT_MSG_GT(
            first.at("netns_h1_c1_eth0.pcap").size(), 24, "the view file should hold frames");
    }
};

/// Errors a user can cause come back as a status, not an abort.
class CaptureErrorsTestCase : public TestCase
{
  public:
    CaptureErrorsTestCase() :
        TestCase("invalid prefix and unusable directory return errors")
    {
    }

  private:
    void DoRun() override
    {
        const std::string directory = CreateTempDirFilename("capture-errors");
        Scenario scenario;
        NetnsCaptureHelper slashPrefix(directory, "a/b");
        Status badPrefix = slashPrefix.EnableAll();
        NS_TEST_EXPECT_MSG_EQ(badPrefix.GetErrno(), EINVAL, "a prefix with '/' should give EINVAL");
        NetnsCaptureHelper emptyPrefix(directory, "");
        NS_TEST_EXPECT_MSG_EQ(
            emptyPrefix.EnableAll().GetErrno(), EINVAL, "an empty prefix should give EINVAL");

        std::filesystem::create_directories(directory);
        const std::string plainFile = directory + "/not-a-directory";
        std::ofstream(plainFile) << "x";
        NetnsCaptureHelper underFile(plainFile + "/sub");
        Status badDirectory = underFile.EnableAll();
        NS_TEST_EXPECT_MSG_EQ(
            badDirectory.IsOk(), false, "a directory under a regular file should fail");
        NS_TEST_EXPECT_MSG_NE(badDirectory.GetMessage().find("not-a-directory"),
                              std::string::npos,
                              "the message should name the path: " << badDirectory.GetMessage());
        NS_TEST_EXPECT_MSG_EQ(
            underFile.EnableNode(nullptr).GetErrno(), EINVAL, "a null node should give EINVAL");
        Lan::TearDown();

        // A view revealed later whose file name is too long: the helper
        // records the failure for GetErrors() and the manifest.
        Lan lan(true);
        NetnsCaptureHelper longPrefix(directory, std::string(200, 'p'));
        NS_TEST_ASSERT_MSG_EQ(longPrefix.EnableAll().IsOk(), true, "the host's files fit");
        Ptr<Process> root = lan.host->CreateProcess(0);
        const std::string renamed(15, '_'); // encoded as 45 bytes
        NS_TEST_ASSERT_MSG_EQ(Exec(root, "ip link set eth0 down").exitStatus, 0, "down");
        NS_TEST_ASSERT_MSG_EQ(Exec(root, "ip link set eth0 name " + renamed).exitStatus,
                              0,
                              "rename");
        Ptr<Process> container = lan.host->CreateProcess(0);
        NS_TEST_ASSERT_MSG_EQ(container->Unshare("CLONE_NEWNET").IsOk(), true, "unshare");
        container->GetNamespace()->SetName("c1");
        NS_TEST_ASSERT_MSG_EQ(longPrefix.EnableAll().IsOk(), true, "capture c1");
        NS_TEST_EXPECT_MSG_EQ(longPrefix.GetErrors().size(), 0, "no failure yet");
        NS_TEST_ASSERT_MSG_EQ(container->WriteFile(DEBUGFS_DEV_PATH, renamed + "\n").IsOk(),
                              true,
                              "reveal");
        const std::vector<std::string> errors = longPrefix.GetErrors();
        NS_TEST_ASSERT_MSG_EQ(errors.size(), 1, "the view's capture failed");
        NS_TEST_EXPECT_MSG_EQ(errors[0].rfind("ENAMETOOLONG", 0), 0, "errno: " << errors[0]);
        NS_TEST_ASSERT_MSG_EQ(longPrefix.WriteManifest().IsOk(), true, "manifest");
        NS_TEST_EXPECT_MSG_NE(ReadBytes(longPrefix.GetManifestPath()).find("\"ENAMETOOLONG"),
                              std::string::npos,
                              "the manifest lists the failure");
        longPrefix.Close();
        Lan::TearDown();
    }
};

/// The capture test suite.
class NetnsCaptureTestSuite : public TestSuite
{
  public:
    NetnsCaptureTestSuite() :
        TestSuite("netns-capture", UNIT)
    {
        AddTestCase(new EncodeComponentTestCase, TestCase::QUICK);
        AddTestCase(new CaptureFilesTestCase, TestCase::QUICK);
        AddTestCase(new CaptureLoopbackTestCase, TestCase::QUICK);
        AddTestCase(new CaptureLateRevealTestCase, TestCase::QUICK);
        AddTestCase(new CaptureManifestTestCase, TestCase::QUICK);
        AddTestCase(new CaptureNamespaceLimitTestCase, TestCase::QUICK);
        AddTestCase(new CaptureOwnRankTestCase, TestCase::QUICK);
        AddTestCase(new CaptureNamesTestCase, TestCase::QUICK);
        AddTestCase(new CaptureDeterminismTestCase, TestCase::QUICK);
        AddTestCase(new CaptureErrorsTestCase, TestCase::QUICK);
    }
};

/// Registers the suite with the test runner.
static NetnsCaptureTestSuite g_netnsCaptureTestSuite;

} // namespace
