/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The rules that let a scenario run on several MPI ranks: a namespace's
 * hidden node takes its host's system id (the rank that runs it), and hidden
 * nodes take node ids in the order of the unshare calls, whatever the host,
 * so every rank that runs the same set-up numbers them alike.
 */
#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/netns-module.h"
#include "ns3/network-module.h"
#include "ns3/test.h"

#include <vector>

using namespace ns3;
using namespace ns3::netns;

namespace
{

/// Hosts on one CSMA LAN, each created with a given system id.
struct MultiRankLan
{
    NodeContainer hosts; //!< in the order of the system ids given

    /**
     * Build the LAN and install namespace support on every host.
     * @param systemIds system id of each host
     */
    explicit MultiRankLan(const std::vector<uint32_t>& systemIds)
    {
        for (uint32_t systemId : systemIds)
        {
            hosts.Add(CreateObject<Node>(systemId));
        }
        CsmaHelper csma;
        csma.Install(hosts);
        NetnsHelper netns;
        netns.Install(hosts);
    }

    /**
     * Unshare a new root process of a host and reveal eth0 to it.
     * @param index the host
     * @return the new namespace, or nullptr when a step failed
     */
    Ptr<Namespace> Unshare(uint32_t index) const
    {
        Ptr<Process> process = NetnsHelper::GetHost(hosts.Get(index))->CreateProcess(0);
        if (!process->Unshare("CLONE_NEWNET").IsOk() ||
            !process->WriteFile(DEBUGFS_DEV_PATH, "eth0\n").IsOk())
        {
            return nullptr;
        }
        return process->GetNamespace();
    }
};

/// A hidden node carries the system id of its host, not the default 0.
class HiddenNodeSystemIdTestCase : public TestCase
{
  public:
    HiddenNodeSystemIdTestCase()
        : TestCase("hidden node takes its host's system id")
    {
    }

  private:
    void DoRun() override
    {
        const std::vector<uint32_t> systemIds{0, 1, 3};
        MultiRankLan lan(systemIds);
        for (uint32_t i = 0; i < systemIds.size(); ++i)
        {
            for (uint32_t k = 0; k < 2; ++k)
            {
                Ptr<Namespace> ns = lan.Unshare(i);
                NS_TEST_ASSERT_MSG_NE(ns,
                                      nullptr,
                                      "unshare and reveal on host " << i << " should succeed");
                NS_TEST_EXPECT_MSG_EQ(ns->GetNode()->GetSystemId(),
                                      systemIds[i],
                                      "namespace " << k << " of host " << i
                                                   << " should run on the host's system id");
            }
        }
        Simulator::Destroy();
    }
};

/// Hidden nodes are numbered in unshare order after the user's nodes, on any host.
class HiddenNodeIdOrderTestCase : public TestCase
{
  public:
    HiddenNodeIdOrderTestCase()
        : TestCase("hidden node ids follow unshare order")
    {
    }

  private:
    /**
     * Build two hosts on ranks 0 and 1, unshare in a mixed host order and
     * return the node ids of the new namespaces.
     */
    std::vector<uint32_t> RunSetUp()
    {
        MultiRankLan lan({0, 1});
        std::vector<uint32_t> ids;
        for (uint32_t host : {1, 0, 1, 0})
        {
            Ptr<Namespace> ns = lan.Unshare(host);
            NS_TEST_EXPECT_MSG_NE(ns,
                                  nullptr,
                                  "unshare and reveal on host " << host << " should succeed");
            ids.push_back(ns ? ns->GetNode()->GetId() : UINT32_MAX);
        }
        return ids;
    }

    void DoRun() override
    {
        const std::vector<uint32_t> first = RunSetUp();
        Simulator::Destroy();
        const std::vector<uint32_t> second = RunSetUp();
        Simulator::Destroy();

        const std::vector<uint32_t> expected{2, 3, 4, 5};
        NS_TEST_ASSERT_MSG_EQ(first.size(), expected.size(), "four namespaces should be created");
        for (std::size_t i = 0; i < expected.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(first[i],
                                  expected[i],
                                  "the namespace of unshare call " << i
                                                                   << " should take the next id "
                                                                      "after the two hosts");
            NS_TEST_EXPECT_MSG_EQ(second[i],
                                  first[i],
                                  "repeating the same set-up should give unshare call "
                                      << i << " the same node id");
        }
    }
};

/// Test suite of the rules MPI distribution relies on.
class MpiRulesTestSuite : public TestSuite
{
  public:
    MpiRulesTestSuite()
        : TestSuite("netns-mpi", UNIT)
    {
        AddTestCase(new HiddenNodeSystemIdTestCase, TestCase::QUICK);
        AddTestCase(new HiddenNodeIdOrderTestCase, TestCase::QUICK);
    }
};

MpiRulesTestSuite g_mpiRulesTestSuite; //!< registers the suite

} // namespace
