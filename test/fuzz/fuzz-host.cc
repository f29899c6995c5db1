/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "fuzz-host.h"

#include "ns3/csma-helper.h"
#include "ns3/names.h"
#include "ns3/netns-helper.h"
#include "ns3/netns-names.h"
#include "ns3/simulator.h"

#include <cstdio>
#include <cstdlib>

namespace ns3
{
namespace netns
{
namespace fuzz
{

FuzzHost
BuildFuzzHost()
{
    FuzzHost built;
    built.node = CreateObject<Node>();
    built.peers.Create(2);
    CsmaHelper csma;
    for (uint32_t i = 0; i < built.peers.GetN(); ++i)
    {
        csma.Install(NodeContainer(built.node, built.peers.Get(i)));
    }
    NetnsHelper helper;
    helper.Install(built.node);
    built.host = NetnsHelper::GetHost(built.node);
    built.root = built.host->CreateProcess(0);
    built.container = built.host->CreateProcess(0);
    built.container->Unshare(CLONE_NEWNET_PATCH_2006);
    built.container->WriteFile(DEBUGFS_DEV_PATH, "eth0\n");
    built.container->AddAddress("eth0", Ipv4Address("198.51.100.10"), 24);
    built.user = built.host->CreateProcess(1000);
    return built;
}

void
FinishFuzzInput()
{
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    Simulator::Destroy();
    Names::Clear();
}

void
ReportBrokenRule(const char* target, const std::string& rule, const std::string& input)
{
    std::fprintf(stderr,
                 "%s: %s\ninput: %s\n",
                 target,
                 rule.c_str(),
                 QuoteForMessage(input).c_str());
    std::abort();
}

bool
HasNoControlBytes(const std::string& text)
{
    for (unsigned char c : text)
    {
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
        {
            return false;
        }
    }
    return true;
}

} // namespace fuzz
} // namespace netns
} // namespace ns3
