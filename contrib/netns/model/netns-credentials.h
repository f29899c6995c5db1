/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_CREDENTIALS_H
#define NETNS_CREDENTIALS_H

#include <cstdint>
#include <string>

namespace ns3
{
namespace netns
{

/// The Linux capabilities the module checks, with their kernel bit numbers.
enum class Capability : uint8_t
{
    NetBindService = 10, //!< CAP_NET_BIND_SERVICE: bind ports below 1024
    NetAdmin = 12,       //!< CAP_NET_ADMIN: change addresses, links and routes
    NetRaw = 13,         //!< CAP_NET_RAW: raw and packet sockets
    SysAdmin = 21,       //!< CAP_SYS_ADMIN: unshare(CLONE_NEWNET)
};

/**
 * @ingroup netns
 * Who a process is, as the kernel checks it: user id and effective capabilities.
 */
struct Credentials
{
    uint32_t pid{0};           //!< process id, 0 for sockets made outside any process
    uint32_t uid{0};           //!< user id, 0 is root
    uint64_t capabilities{0};  //!< effective capability set, one bit per Capability

    /**
     * @param uid a user id
     * @return root's full capability set for uid 0, an empty set otherwise
     */
    static Credentials ForUser(uint32_t uid);

    /**
     * @param capability a capability
     * @return true when the set contains it
     */
    bool Has(Capability capability) const;

    /**
     * Add or remove a capability.
     * @param capability the capability
     * @param present true to add, false to remove
     */
    void Set(Capability capability, bool present);
};

/**
 * @param capability a capability
 * @return its kernel name, such as "CAP_NET_ADMIN"
 */
std::string CapabilityName(Capability capability);

} // namespace netns
} // namespace ns3

#endif /* NETNS_CREDENTIALS_H */
