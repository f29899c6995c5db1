/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Unit tests of Credentials and of the capability names.
 */
#include "ns3/netns-credentials.h"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace bdata = boost::unit_test::data;
using ns3::netns::Capability;
using ns3::netns::CapabilityName;
using ns3::netns::Credentials;

namespace
{

/// One capability with its kernel name and bit number (include/uapi/linux/capability.h).
struct CapabilityRow
{
    Capability capability; //!< the capability
    std::string name;      //!< expected kernel name
    unsigned bit;          //!< its bit in the capability set
};

std::ostream&
operator<<(std::ostream& os, const CapabilityRow& row)
{
    return os << row.name;
}

const std::vector<CapabilityRow> CAPABILITIES{
    {Capability::NetBindService, "CAP_NET_BIND_SERVICE", 10},
    {Capability::NetAdmin, "CAP_NET_ADMIN", 12},
    {Capability::NetRaw, "CAP_NET_RAW", 13},
    {Capability::SysAdmin, "CAP_SYS_ADMIN", 21},
};

} // namespace

BOOST_AUTO_TEST_SUITE(netns_credentials)

BOOST_DATA_TEST_CASE(capability_name, bdata::make(CAPABILITIES), row)
{
    BOOST_TEST(CapabilityName(row.capability) == row.name);
}

BOOST_DATA_TEST_CASE(capability_bit, bdata::make(CAPABILITIES), row)
{
    Credentials credentials;
    credentials.Set(row.capability, true);

    BOOST_TEST(credentials.capabilities == (uint64_t{1} << row.bit));
}

BOOST_AUTO_TEST_CASE(capability_name_of_unlisted_bit)
{
    BOOST_TEST(CapabilityName(static_cast<Capability>(7)) == "CAP_7");
}

BOOST_DATA_TEST_CASE(root_has_capability, bdata::make(CAPABILITIES), row)
{
    const Credentials root = Credentials::ForUser(0);

    BOOST_TEST(root.Has(row.capability));
}

BOOST_DATA_TEST_CASE(user_lacks_capability, bdata::make(CAPABILITIES), row)
{
    const Credentials user = Credentials::ForUser(1000);

    BOOST_TEST(!user.Has(row.capability));
}

BOOST_AUTO_TEST_CASE(for_user_sets_uid)
{
    BOOST_TEST(Credentials::ForUser(0).uid == 0u);
    BOOST_TEST(Credentials::ForUser(1000).uid == 1000u);
    BOOST_TEST(Credentials::ForUser(1000).pid == 0u);
}

BOOST_AUTO_TEST_CASE(user_capability_set_is_empty)
{
    BOOST_TEST(Credentials::ForUser(1000).capabilities == 0u);
    BOOST_TEST(Credentials::ForUser(65534).capabilities == 0u);
}

BOOST_AUTO_TEST_CASE(default_credentials_have_no_capability)
{
    const Credentials credentials;

    BOOST_TEST(credentials.uid == 0u);
    BOOST_TEST(credentials.capabilities == 0u);
    BOOST_TEST(!credentials.Has(Capability::SysAdmin));
}

BOOST_AUTO_TEST_CASE(set_adds_one_capability)
{
    Credentials user = Credentials::ForUser(1000);

    user.Set(Capability::NetBindService, true);

    BOOST_TEST(user.Has(Capability::NetBindService));
    BOOST_TEST(!user.Has(Capability::NetAdmin));
    BOOST_TEST(!user.Has(Capability::NetRaw));
    BOOST_TEST(!user.Has(Capability::SysAdmin));
}

BOOST_AUTO_TEST_CASE(set_twice_keeps_capability)
{
    Credentials user = Credentials::ForUser(1000);

    user.Set(Capability::NetAdmin, true);
    user.Set(Capability::NetAdmin, true);

    BOOST_TEST(user.Has(Capability::NetAdmin));
    BOOST_TEST(user.capabilities == (uint64_t{1} << 12));
}

BOOST_AUTO_TEST_CASE(drop_one_capability_from_root)
{
    Credentials root = Credentials::ForUser(0);

    root.Set(Capability::SysAdmin, false);

    BOOST_TEST(!root.Has(Capability::SysAdmin));
    BOOST_TEST(root.Has(Capability::NetBindService));
    BOOST_TEST(root.Has(Capability::NetAdmin));
    BOOST_TEST(root.Has(Capability::NetRaw));
    BOOST_TEST(root.uid == 0u);
}

BOOST_AUTO_TEST_CASE(drop_absent_capability)
{
    Credentials user = Credentials::ForUser(1000);

    user.Set(Capability::NetRaw, false);

    BOOST_TEST(user.capabilities == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
