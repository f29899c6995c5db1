/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-route-table.h"

#include <algorithm>
#include <sstream>

namespace ns3
{
namespace netns
{

uint32_t
PrefixToMask(uint8_t prefixLength)
{
    if (prefixLength == 0)
    {
        return 0;
    }
    return ~uint32_t{0} << (32 - prefixLength);
}

bool
Route::HasGateway() const
{
    return gateway != Ipv4Address::GetAny();
}

bool
Route::Covers(Ipv4Address address) const
{
    const uint32_t mask = PrefixToMask(prefixLength);
    return (address.Get() & mask) == destination.Get();
}

namespace
{

/** @return true when two routes would be the same FIB alias */
bool
IsSameRoute(const Route& a, const Route& b)
{
    return a.destination == b.destination && a.prefixLength == b.prefixLength &&
           a.gateway == b.gateway && a.ifindex == b.ifindex &&
           a.preferredSource == b.preferredSource && a.metric == b.metric &&
           a.protocol == b.protocol && a.scope == b.scope;
}

/** @return "198.51.100.0/24" */
std::string
PrefixText(Ipv4Address destination, uint8_t prefixLength)
{
    std::ostringstream os;
    os << destination << "/" << unsigned{prefixLength};
    return os.str();
}

/** @return true when the selector picks the route */
bool
Matches(const RouteSelector& selector, const Route& route)
{
    return route.destination == selector.destination &&
           route.prefixLength == selector.prefixLength &&
           (!selector.gateway || *selector.gateway == route.gateway) &&
           (!selector.ifindex || *selector.ifindex == route.ifindex) &&
           (!selector.metric || *selector.metric == route.metric) &&
           (!selector.preferredSource || *selector.preferredSource == route.preferredSource) &&
           (!selector.protocol || *selector.protocol == route.protocol);
}

} // namespace

Status
RouteTable::Validate(const Route& route)
{
    if (route.prefixLength > 32)
    {
        return Status::Error(EINVAL,
                             "invalid prefix length " + std::to_string(route.prefixLength) +
                                 ": the maximum is 32");
    }
    if ((route.destination.Get() & ~PrefixToMask(route.prefixLength)) != 0)
    {
        return Status::Error(EINVAL,
                             "invalid prefix " +
                                 PrefixText(route.destination, route.prefixLength) +
                                 ": host bits are set");
    }
    return Status();
}

void
RouteTable::Insert(const Route& route)
{
    auto& aliases = m_buckets[route.prefixLength][route.destination.Get()];
    // Keep aliases ordered by metric; a new route goes after older ones of the same metric.
    auto position = std::upper_bound(aliases.begin(),
                                     aliases.end(),
                                     route.metric,
                                     [](uint32_t metric, const Route& r) { return metric < r.metric; });
    aliases.insert(position, route);
    ++m_size;
}

Status
RouteTable::Add(const Route& route)
{
    Status valid = Validate(route);
    if (!valid.IsOk())
    {
        return valid;
    }
    const Bucket& bucket = m_buckets[route.prefixLength];
    auto it = bucket.find(route.destination.Get());
    if (it != bucket.end())
    {
        for (const Route& existing : it->second)
        {
            if (existing.metric == route.metric)
            {
                return Status::Error(EEXIST,
                                     "route to " +
                                         PrefixText(route.destination, route.prefixLength) +
                                         " with metric " + std::to_string(route.metric) +
                                         " already exists");
            }
        }
    }
    Insert(route);
    return Status();
}

Status
RouteTable::Append(const Route& route)
{
    Status valid = Validate(route);
    if (!valid.IsOk())
    {
        return valid;
    }
    const Bucket& bucket = m_buckets[route.prefixLength];
    auto it = bucket.find(route.destination.Get());
    if (it != bucket.end())
    {
        for (const Route& existing : it->second)
        {
            if (IsSameRoute(existing, route))
            {
                return Status::Error(EEXIST,
                                     "identical route to " +
                                         PrefixText(route.destination, route.prefixLength) +
                                         " already exists");
            }
        }
    }
    Insert(route);
    return Status();
}

Status
RouteTable::Delete(const RouteSelector& selector)
{
    if (selector.prefixLength <= 32)
    {
        Bucket& bucket = m_buckets[selector.prefixLength];
        auto it = bucket.find(selector.destination.Get());
        if (it != bucket.end())
        {
            auto& aliases = it->second;
            auto victim = std::find_if(aliases.begin(), aliases.end(), [&](const Route& r) {
                return Matches(selector, r);
            });
            if (victim != aliases.end())
            {
                aliases.erase(victim);
                --m_size;
                if (aliases.empty())
                {
                    bucket.erase(it);
                }
                return Status();
            }
        }
    }
    return Status::Error(ESRCH,
                         "no route to " + PrefixText(selector.destination, selector.prefixLength) +
                             " matches");
}

std::size_t
RouteTable::DeleteIf(const std::function<bool(const Route&)>& predicate)
{
    std::size_t deleted = 0;
    for (Bucket& bucket : m_buckets)
    {
        for (auto it = bucket.begin(); it != bucket.end();)
        {
            auto& aliases = it->second;
            auto end = std::remove_if(aliases.begin(), aliases.end(), predicate);
            deleted += static_cast<std::size_t>(aliases.end() - end);
            aliases.erase(end, aliases.end());
            it = aliases.empty() ? bucket.erase(it) : std::next(it);
        }
    }
    m_size -= deleted;
    return deleted;
}

std::optional<Route>
RouteTable::Lookup(Ipv4Address destination, const UsableFilter& usable) const
{
    for (int length = 32; length >= 0; --length)
    {
        const Bucket& bucket = m_buckets[length];
        if (bucket.empty())
        {
            continue;
        }
        const uint32_t key = destination.Get() & PrefixToMask(static_cast<uint8_t>(length));
        auto it = bucket.find(key);
        if (it == bucket.end())
        {
            continue;
        }
        for (const Route& route : it->second)
        {
            if (!usable || usable(route))
            {
                return route;
            }
        }
    }
    return std::nullopt;
}

std::vector<Route>
RouteTable::List() const
{
    std::vector<Route> routes;
    routes.reserve(m_size);
    for (const Bucket& bucket : m_buckets)
    {
        for (const auto& [key, aliases] : bucket)
        {
            routes.insert(routes.end(), aliases.begin(), aliases.end());
        }
    }
    // stable_sort keeps the age order of aliases with equal keys.
    std::stable_sort(routes.begin(), routes.end(), [](const Route& a, const Route& b) {
        if (a.destination != b.destination)
        {
            return a.destination.Get() < b.destination.Get();
        }
        if (a.prefixLength != b.prefixLength)
        {
            return a.prefixLength > b.prefixLength;
        }
        return a.metric < b.metric;
    });
    return routes;
}

std::size_t
RouteTable::GetSize() const
{
    return m_size;
}

} // namespace netns
} // namespace ns3
