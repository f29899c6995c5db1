/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-credentials.h"

namespace ns3
{
namespace netns
{

namespace
{

/** @return the bit of a capability in a capability set */
uint64_t
Bit(Capability capability)
{
    return uint64_t{1} << static_cast<uint8_t>(capability);
}

} // namespace

Credentials
Credentials::ForUser(uint32_t uid)
{
    Credentials credentials;
    credentials.uid = uid;
    if (uid == 0)
    {
        for (Capability c : {Capability::NetBindService,
                             Capability::NetAdmin,
                             Capability::NetRaw,
                             Capability::SysAdmin})
        {
            credentials.Set(c, true);
        }
    }
    return credentials;
}

bool
Credentials::Has(Capability capability) const
{
    return (capabilities & Bit(capability)) != 0;
}

void
Credentials::Set(Capability capability, bool present)
{
    if (present)
    {
        capabilities |= Bit(capability);
    }
    else
    {
        capabilities &= ~Bit(capability);
    }
}

std::string
CapabilityName(Capability capability)
{
    switch (capability)
    {
    case Capability::NetBindService:
        return "CAP_NET_BIND_SERVICE";
    case Capability::NetAdmin:
        return "CAP_NET_ADMIN";
    case Capability::NetRaw:
        return "CAP_NET_RAW";
    case Capability::SysAdmin:
        return "CAP_SYS_ADMIN";
    }
    return "CAP_" + std::to_string(static_cast<unsigned>(capability));
}

} // namespace netns
} // namespace ns3
