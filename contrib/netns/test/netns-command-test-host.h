/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * A host with namespace support for the command tests: lo, and eth0, eth1...
 * on CSMA links to peer nodes, so that each has carrier, with the MACs
 * 02:00:00:00:00:01, :02... that test/golden/record-golden.sh gives the
 * real veth devices.
 */
#ifndef NETNS_COMMAND_TEST_HOST_H
#define NETNS_COMMAND_TEST_HOST_H

#include "ns3/csma-helper.h"
#include "ns3/mac48-address.h"
#include "ns3/netns-exec.h"
#include "ns3/netns-helper.h"
#include "ns3/netns-host.h"
#include "ns3/netns-process.h"
#include "ns3/node-container.h"

#include <cstdio>
#include <string>

namespace ns3
{
namespace netns
{
namespace test
{

/// A host built for a command test.
struct CommandTestHost
{
    Ptr<Node> node;      //!< the host node
    Ptr<Host> host;      //!< its namespace support
    Ptr<Process> root;   //!< a root process in the initial namespace
    NodeContainer peers; //!< the other end of each CSMA link
};

/**
 * Build a host with the given number of Ethernet devices.
 * @param devices number of devices besides lo
 * @param routeIsolation the route model of the host
 * @return the host
 */
inline CommandTestHost
BuildCommandTestHost(uint32_t devices, bool routeIsolation = false)
{
    CommandTestHost built;
    built.node = CreateObject<Node>();
    built.peers.Create(devices);
    CsmaHelper csma;
    for (uint32_t i = 0; i < devices; ++i)
    {
        NetDeviceContainer pair = csma.Install(NodeContainer(built.node, built.peers.Get(i)));
        char mac[32];
        std::snprintf(mac, sizeof(mac), "02:00:00:00:00:%02x", i + 1);
        pair.Get(0)->SetAddress(Mac48Address(mac));
    }
    NetnsHelper helper;
    helper.SetRouteIsolation(routeIsolation);
    helper.Install(built.node);
    built.host = NetnsHelper::GetHost(built.node);
    built.root = built.host->CreateProcess(0);
    return built;
}

} // namespace test
} // namespace netns
} // namespace ns3

#endif /* NETNS_COMMAND_TEST_HOST_H */
