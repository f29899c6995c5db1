/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_ROUTE_TABLE_H
#define NETNS_ROUTE_TABLE_H

#include "netns-status.h"

#include "ns3/ipv4-address.h"

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <unordered_map>
#include <vector>

namespace ns3
{
namespace netns
{

/// Origin of a route, with the rtnetlink RTPROT_* values iproute2 prints.
enum class RouteProtocol : uint8_t
{
    Kernel = 2, //!< added by the kernel for an address (connected route)
    Boot = 3,   //!< added by "ip route add" without a proto keyword
    Static = 4, //!< added by an administrator ("proto static") or by ns-3 helpers
};

/// Scope of a route, with the rtnetlink RT_SCOPE_* values.
enum class RouteScope : uint8_t
{
    Universe = 0, //!< reaches beyond the link, through a gateway
    Link = 253,   //!< destination on the attached link
    Host = 254,   //!< destination on this host
};

/**
 * @ingroup netns
 * One IPv4 route of a main table, with the fields "ip route show" prints.
 */
struct Route
{
    Ipv4Address destination{Ipv4Address::GetAny()}; //!< network address, host bits zero
    uint8_t prefixLength{0};                          //!< 0 (default route) to 32
    Ipv4Address gateway{Ipv4Address::GetAny()};       //!< next hop, 0.0.0.0 when on-link
    uint32_t ifindex{0};                              //!< output device, host-wide index
    Ipv4Address preferredSource{Ipv4Address::GetAny()}; //!< "src", 0.0.0.0 when unset
    uint32_t metric{0};                                //!< "metric", lower wins
    RouteProtocol protocol{RouteProtocol::Boot};       //!< who added the route
    RouteScope scope{RouteScope::Universe};            //!< how far the destination is
    uint32_t owner{0}; //!< id of the namespace that added the route

    /** @return true when the route goes through a gateway */
    bool HasGateway() const;

    /**
     * @param address an IPv4 address
     * @return true when the address lies in the route's destination prefix
     */
    bool Covers(Ipv4Address address) const;
};

/**
 * @ingroup netns
 * Fields that select routes to delete, as "ip route del" takes them.
 * Unset fields match any route.
 */
struct RouteSelector
{
    Ipv4Address destination{Ipv4Address::GetAny()};   //!< required network address
    uint8_t prefixLength{0};                            //!< required prefix length
    std::optional<Ipv4Address> gateway;                 //!< "via", when given
    std::optional<uint32_t> ifindex;                    //!< "dev", when given
    std::optional<uint32_t> metric;                     //!< "metric", when given
    std::optional<Ipv4Address> preferredSource;         //!< "src", when given
    std::optional<RouteProtocol> protocol;              //!< "proto", when given
};

/**
 * @ingroup netns
 * An IPv4 main routing table with Linux's longest-prefix-match rules.
 *
 * Routes are kept in one hash map per prefix length, so a lookup probes at
 * most 33 buckets whatever the table size. Among routes to the same prefix
 * the lowest metric wins, then the earliest added, which is the order the
 * kernel's FIB keeps aliases in.
 */
class RouteTable
{
  public:
    /// A predicate that says whether a route may carry traffic now.
    using UsableFilter = std::function<bool(const Route&)>;

    /**
     * Add a route the way "ip route add" does (NLM_F_EXCL): a route to the
     * same prefix with the same metric already present gives EEXIST.
     * @param route the route; host bits of the destination must be zero
     * @return OK, EEXIST, or EINVAL for a malformed route
     */
    Status Add(const Route& route);

    /**
     * Add a route the way the kernel adds the connected route of a new address
     * (NLM_F_APPEND): routes to the same prefix may coexist, and only an
     * identical route gives EEXIST.
     * @param route the route
     * @return OK, EEXIST, or EINVAL for a malformed route
     */
    Status Append(const Route& route);

    /**
     * Delete the first route that the selector matches, as "ip route del" does.
     * @param selector which route to delete
     * @return OK, or ESRCH when no route matches
     */
    Status Delete(const RouteSelector& selector);

    /**
     * Delete every route for which the predicate is true.
     * @param predicate returns true for routes to delete
     * @return the number of routes deleted
     */
    std::size_t DeleteIf(const std::function<bool(const Route&)>& predicate);

    /**
     * Find the route Linux would use for a destination.
     * @param destination the destination address
     * @param usable skips routes that cannot carry traffic (device down or not visible)
     * @return the best usable route, or nullopt
     */
    std::optional<Route> Lookup(Ipv4Address destination, const UsableFilter& usable) const;

    /**
     * List all routes in the order "ip route show" prints them: by destination,
     * longer prefixes first, then by metric and age.
     * @return the routes
     */
    std::vector<Route> List() const;

    /** @return the number of routes */
    std::size_t GetSize() const;

  private:
    /**
     * Check a route before insertion.
     * @param route the route
     * @return OK or EINVAL naming the problem
     */
    static Status Validate(const Route& route);

    /**
     * Insert without checking for duplicates.
     * @param route the route
     */
    void Insert(const Route& route);

    /// Routes of one prefix length, keyed by destination network.
    using Bucket = std::unordered_map<uint32_t, std::vector<Route>>;

    std::array<Bucket, 33> m_buckets; //!< indexed by prefix length
    std::size_t m_size{0};            //!< number of routes
};

/**
 * Build the netmask of a prefix length.
 * @param prefixLength 0 to 32
 * @return the mask as a host-order integer
 */
uint32_t PrefixToMask(uint8_t prefixLength);

} // namespace netns
} // namespace ns3

#endif /* NETNS_ROUTE_TABLE_H */
