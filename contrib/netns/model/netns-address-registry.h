/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_ADDRESS_REGISTRY_H
#define NETNS_ADDRESS_REGISTRY_H

#include "ns3/ipv4-address.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <unordered_map>
#include <vector>

namespace ns3
{
namespace netns
{

/**
 * @ingroup netns
 * One IPv4 address configured in one namespace on one device.
 */
struct AddressHolder
{
    uint32_t namespaceId{0}; //!< the namespace holding the address
    uint32_t ifindex{0};     //!< host-wide index of the device carrying it
    uint8_t prefixLength{0}; //!< prefix length of the address
};

/**
 * @ingroup netns
 * Which namespaces of a host hold which IPv4 addresses.
 *
 * The dispatcher and the locality checks ask this registry on every packet
 * and every bind(), so every question is answered from hash maps: by
 * address, and by subnet-directed broadcast address. Holders of one address
 * are kept in the order they added it.
 */
class AddressRegistry
{
  public:
    /// A predicate on namespace ids.
    using NamespaceFilter = std::function<bool(uint32_t namespaceId)>;

    /**
     * Record an address.
     * @param address the local address
     * @param holder the namespace and device that have the address, and its
     *        prefix length
     * @return false when that exact holder already had the address; one
     *         namespace may hold an address on one device with several
     *         prefix lengths, as Linux allows
     */
    bool Add(Ipv4Address address, const AddressHolder& holder);

    /**
     * Forget an address of one namespace on one device with one prefix length.
     * @param address the local address
     * @param holder the namespace, device and prefix length given to Add
     * @return false when it was not recorded
     */
    bool Remove(Ipv4Address address, const AddressHolder& holder);

    /**
     * Forget every address of a namespace.
     * @param namespaceId the namespace
     * @return the number of addresses forgotten
     */
    std::size_t RemoveNamespace(uint32_t namespaceId);

    /**
     * @param address an address
     * @return true when any namespace of the host holds it
     */
    bool IsHeldAnywhere(Ipv4Address address) const;

    /**
     * @param address an address
     * @param namespaceId a namespace
     * @return true when that namespace holds the address on any device
     */
    bool IsHeldBy(Ipv4Address address, uint32_t namespaceId) const;

    /**
     * Find the earliest holder of an address that passes a filter.
     * @param address the address
     * @param eligible returns true for namespaces that may receive
     * @return the namespace id, or nullopt
     */
    std::optional<uint32_t> FindHolder(Ipv4Address address, const NamespaceFilter& eligible) const;

    /**
     * @param address an address
     * @return all holders in the order they added the address
     */
    std::vector<AddressHolder> GetHolders(Ipv4Address address) const;

    /**
     * List the namespaces that hold an address whose subnet-directed
     * broadcast address is the given one.
     * @param broadcast a subnet-directed broadcast address
     * @return namespace ids without repetition, in the order they joined
     */
    std::vector<uint32_t> GetBroadcastMembers(Ipv4Address broadcast) const;

    /**
     * @param broadcast an address
     * @return true when it is the subnet-directed broadcast of any held address
     */
    bool IsSubnetBroadcast(Ipv4Address broadcast) const;

    /**
     * @param broadcast an address
     * @param namespaceId a namespace
     * @return true when it is the subnet-directed broadcast of an address the namespace holds
     */
    bool IsSubnetBroadcastOf(Ipv4Address broadcast, uint32_t namespaceId) const;

  private:
    /**
     * @param address a local address
     * @param prefixLength its prefix length
     * @return the subnet-directed broadcast, or nullopt for /31 and /32 prefixes
     */
    static std::optional<uint32_t> BroadcastOf(Ipv4Address address, uint8_t prefixLength);

    std::unordered_map<uint32_t, std::vector<AddressHolder>> m_byAddress; //!< by address
    std::unordered_map<uint32_t, std::vector<AddressHolder>> m_byBroadcast; //!< by broadcast
    std::unordered_map<uint32_t, std::vector<uint32_t>> m_byNamespace; //!< addresses per namespace
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_ADDRESS_REGISTRY_H */
