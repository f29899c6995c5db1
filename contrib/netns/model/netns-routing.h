/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_ROUTING_H
#define NETNS_ROUTING_H

#include "ns3/ipv4-static-routing.h"

namespace ns3
{
namespace netns
{

class Namespace;

/**
 * @ingroup netns
 * IPv4 routing of one namespace, on the namespace's RouteTable.
 *
 * In the 2006 patch's mode every namespace of a host uses the host's one
 * table, and a namespace accepts packets for any address of the host; with
 * route isolation each namespace uses its own table and accepts only its
 * own addresses. Addresses of 127.0.0.0/8 and the namespace's own addresses
 * always go through the namespace's loopback, so loopback stays private.
 *
 * It derives from Ipv4StaticRouting so that Ipv4StaticRoutingHelper keeps
 * working on hosts: routes added through that helper are moved into the
 * namespace's table (as "proto static") before the next lookup or listing.
 */
class Routing : public Ipv4StaticRouting
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    Routing();
    ~Routing() override;

    /**
     * Move routes added with Ipv4StaticRoutingHelper into the namespace's table.
     */
    void ImportHelperRoutes();

    // Inherited from Ipv4RoutingProtocol
    Ptr<Ipv4Route> RouteOutput(Ptr<Packet> p,
                               const Ipv4Header& header,
                               Ptr<NetDevice> oif,
                               Socket::SocketErrno& sockerr) override;
    bool RouteInput(Ptr<const Packet> p,
                    const Ipv4Header& header,
                    Ptr<const NetDevice> idev,
                    UnicastForwardCallback ucb,
                    MulticastForwardCallback mcb,
                    LocalDeliverCallback lcb,
                    ErrorCallback ecb) override;
    void NotifyInterfaceUp(uint32_t interface) override;
    void NotifyInterfaceDown(uint32_t interface) override;
    void NotifyAddAddress(uint32_t interface, Ipv4InterfaceAddress address) override;
    void NotifyRemoveAddress(uint32_t interface, Ipv4InterfaceAddress address) override;
    void SetIpv4(Ptr<Ipv4> ipv4) override;
    void PrintRoutingTable(Ptr<OutputStreamWrapper> stream,
                           Time::Unit unit = Time::S) const override;

  protected:
    void DoDispose() override;

  private:
    /** @return the namespace this routing serves, or nullptr before set-up */
    Namespace* GetNamespace() const;

    /**
     * Add the connected routes of an interface's addresses.
     * @param interface the interface
     */
    void AddConnectedRoutes(uint32_t interface);

    /**
     * @param interface an interface
     * @param index an address index on it
     * @return true when an earlier address of the interface covers the same subnet
     */
    bool IsSecondary(uint32_t interface, uint32_t index) const;

    /**
     * Build the loopback route to a local address.
     * @param destination the address
     * @param source the source to use
     * @return the route
     */
    Ptr<Ipv4Route> LoopbackRoute(Ipv4Address destination, Ipv4Address source) const;

    /**
     * @param destination an address
     * @param iif the receiving interface
     * @return true when the namespace must deliver the packet locally
     */
    bool IsLocalDestination(Ipv4Address destination, uint32_t iif) const;

    Ptr<Ipv4> m_ipv4;                      //!< the namespace's IPv4 stack
    mutable Namespace* m_namespace{nullptr}; //!< found on first use; shares the node's lifetime
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_ROUTING_H */
