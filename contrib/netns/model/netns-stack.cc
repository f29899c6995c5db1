/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-stack.h"

#include "netns-routing.h"
#include "netns-socket-factories.h"

#include "ns3/arp-l3-protocol.h"
#include "ns3/boolean.h"
#include "ns3/icmpv4-l4-protocol.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/tcp-l4-protocol.h"
#include "ns3/udp-l4-protocol.h"

namespace ns3
{
namespace netns
{

void
BuildIpv4Stack(Ptr<Node> node, Ptr<TrafficControlLayer> trafficControl)
{
    Ptr<ArpL3Protocol> arp = CreateObject<ArpL3Protocol>();
    node->AggregateObject(arp);

    Ptr<Ipv4L3Protocol> ipv4 = CreateObject<Ipv4L3Protocol>();
    ipv4->SetAttribute("IpForward", BooleanValue(false));
    node->AggregateObject(ipv4);
    node->AggregateObject(CreateObject<Icmpv4L4Protocol>());
    ipv4->SetRoutingProtocol(CreateObject<Routing>());

    node->AggregateObject(trafficControl);
    arp->SetTrafficControl(trafficControl);

    // Setting the node first stops the protocols from aggregating ns-3's own
    // socket factories, so that the module's factories are the only ones.
    Ptr<UdpL4Protocol> udp = CreateObject<UdpL4Protocol>();
    udp->SetNode(node);
    node->AggregateObject(udp);
    Ptr<NamespaceUdpSocketFactory> udpFactory = CreateObject<NamespaceUdpSocketFactory>();
    udpFactory->SetUdp(udp);
    node->AggregateObject(udpFactory);

    Ptr<TcpL4Protocol> tcp = CreateObject<TcpL4Protocol>();
    tcp->SetNode(node);
    node->AggregateObject(tcp);
    Ptr<NamespaceTcpSocketFactory> tcpFactory = CreateObject<NamespaceTcpSocketFactory>();
    tcpFactory->SetTcp(tcp);
    node->AggregateObject(tcpFactory);
}

} // namespace netns
} // namespace ns3
