/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_STACK_H
#define NETNS_STACK_H

#include "ns3/node.h"
#include "ns3/traffic-control-layer.h"

namespace ns3
{
namespace netns
{

/**
 * @ingroup netns
 * Build the IPv4 stack of a host or namespace node: the steps of ns-3.37's
 * InternetStackHelper::Install for IPv4, with the given traffic-control
 * layer, the module's routing, and the module's UDP and TCP socket
 * factories in place of ns-3's.
 *
 * IP forwarding starts off, as in Linux (ns-3 defaults to on).
 * @param node a node without an IPv4 stack
 * @param trafficControl the traffic-control layer to aggregate
 */
void BuildIpv4Stack(Ptr<Node> node, Ptr<TrafficControlLayer> trafficControl);

} // namespace netns
} // namespace ns3

#endif /* NETNS_STACK_H */
