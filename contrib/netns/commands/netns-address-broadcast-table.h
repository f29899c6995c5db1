/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_ADDRESS_BROADCAST_TABLE_H
#define NETNS_ADDRESS_BROADCAST_TABLE_H

#include "ns3/ipv4-address.h"
#include "ns3/net-namespace.h"
#include "ns3/object.h"

#include <cstdint>
#include <map>
#include <optional>
#include <tuple>

namespace ns3
{
namespace netns
{

/**
 * @ingroup netns
 * The broadcast addresses that ip and ifconfig set explicitly on a
 * namespace's IPv4 addresses, aggregated to the Namespace.
 *
 * Linux stores an address's broadcast only when one is given ("ip addr add
 * ... brd +", or ifconfig, which always sets one), and ip and ifconfig print
 * it only then. The namespace's own address list does not record whether a
 * broadcast was given, so the commands keep that here.
 *
 * NOTE: an address removed without the commands (through Namespace or
 * Process directly) keeps its entry until the commands add the same
 * address again without a broadcast.
 */
class AddressBroadcastTable : public Object
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * Find the table of a namespace, creating and aggregating it on first use.
     * @param ns the namespace
     * @return the table
     */
    static Ptr<AddressBroadcastTable> Of(Ptr<Namespace> ns);

    /**
     * Record or clear the broadcast address of an address.
     * @param ifindex the device's interface index
     * @param local the address
     * @param prefixLength its prefix length
     * @param broadcast the broadcast address, or nullopt when none was given
     */
    void Set(uint32_t ifindex,
             Ipv4Address local,
             uint8_t prefixLength,
             std::optional<Ipv4Address> broadcast);

    /**
     * Forget every address of a device.
     * @param ifindex the device's interface index
     */
    void ForgetDevice(uint32_t ifindex);

    /**
     * @param address an address as the namespace lists it
     * @return its broadcast address, or nullopt when none was given
     */
    std::optional<Ipv4Address> Find(const AddressEntry& address) const;

  private:
    /// Interface index, address in host order, prefix length.
    using Key = std::tuple<uint32_t, uint32_t, uint8_t>;

    std::map<Key, Ipv4Address> m_broadcasts; //!< broadcast address by address
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_ADDRESS_BROADCAST_TABLE_H */
