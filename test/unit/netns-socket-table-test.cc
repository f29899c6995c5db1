/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Unit tests of SocketTable: Linux's bind() and listen() conflict rules
 * inside one namespace, and the namespace-blind choice of a receiving
 * socket that the 2006 network namespace patch made for incoming packets.
 */
#include "ns3/netns-socket-table.h"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cerrno>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace bdata = boost::unit_test::data;
using ns3::Ipv4Address;
using ns3::netns::ErrnoName;
using ns3::netns::SocketBinding;
using ns3::netns::SocketTable;
using ns3::netns::Status;
using ns3::netns::Transport;

namespace
{

/// Namespace ids used across the cases.
constexpr uint32_t NS_A = 21;
constexpr uint32_t NS_B = 22;
constexpr uint32_t NS_C = 23;
constexpr uint32_t NS_D = 24;

/// Service port of every case.
constexpr uint16_t PORT = 7;

/// Returned by the fixture's Match() when no socket receives the packet.
constexpr uint64_t NO_SOCKET = 0;

/// A socket table and shorthands that bind sockets with ids from 1 upwards.
struct SocketTableFixture
{
    SocketTable table;
    uint64_t nextSocketId{1};

    /** @return an unconnected binding with a fresh socket id */
    SocketBinding Make(uint32_t namespaceId,
                       Transport transport,
                       const char* local,
                       uint16_t port = PORT,
                       bool reuseAddress = false)
    {
        SocketBinding binding;
        binding.socketId = nextSocketId++;
        binding.namespaceId = namespaceId;
        binding.transport = transport;
        binding.local = Ipv4Address(local);
        binding.port = port;
        binding.reuseAddress = reuseAddress;
        return binding;
    }

    /** Check a binding against the table, insert it and return its socket id. */
    uint64_t Bind(const SocketBinding& binding)
    {
        const Status status = table.CheckBind(binding);
        BOOST_REQUIRE_MESSAGE(status.IsOk(), "set-up bind should succeed: " << status.ToString());
        table.Insert(binding);
        return binding.socketId;
    }

    /** Bind a UDP socket and return its socket id. */
    uint64_t BindUdp(uint32_t namespaceId, const char* local)
    {
        return Bind(Make(namespaceId, Transport::Udp, local));
    }

    /** Bind a UDP socket, connect it to a peer and return its socket id. */
    uint64_t BindConnectedUdp(uint32_t namespaceId,
                              const char* local,
                              const char* peer,
                              uint16_t peerPort)
    {
        SocketBinding binding = Make(namespaceId, Transport::Udp, local);
        binding.peer = Ipv4Address(peer);
        binding.peerPort = peerPort;
        return Bind(binding);
    }

    /** Bind a listening TCP socket and return its socket id. */
    uint64_t Listen(uint32_t namespaceId, const char* local)
    {
        SocketBinding binding = Make(namespaceId, Transport::Tcp, local);
        binding.listening = true;
        return Bind(binding);
    }

    /** @return the socket id picked for a packet, or NO_SOCKET */
    uint64_t Match(Transport transport,
                   const char* destination,
                   const char* source,
                   uint16_t sourcePort,
                   const SocketTable::NamespaceFilter& eligible = {}) const
    {
        auto binding = table.MatchIncoming(
            transport, Ipv4Address(destination), PORT, Ipv4Address(source), sourcePort, eligible);
        return binding ? binding->socketId : NO_SOCKET;
    }

    /** @return the socket id picked for a UDP packet from 10.1.0.2:5000 */
    uint64_t MatchUdp(const char* destination, const SocketTable::NamespaceFilter& eligible = {})
    {
        return Match(Transport::Udp, destination, "10.1.0.2", 5000, eligible);
    }
};

/// Namespace filter that admits every namespace except the listed ones.
struct AllBut
{
    std::vector<uint32_t> excluded; //!< namespaces that cannot receive

    bool operator()(uint32_t namespaceId) const
    {
        for (uint32_t id : excluded)
        {
            if (id == namespaceId)
            {
                return false;
            }
        }
        return true;
    }
};

/// A socket already bound, a second bind() in the same namespace, and the verdict.
struct BindRow
{
    std::string label;     //!< the rule the row exercises
    Transport transport;   //!< both sockets use it
    const char* existing;  //!< address of the bound socket
    bool existingReuse;    //!< SO_REUSEADDR on the bound socket
    bool existingListens;  //!< the bound TCP socket is listening
    const char* candidate; //!< address of the new bind()
    bool candidateReuse;   //!< SO_REUSEADDR on the new socket
    bool conflict;         //!< whether the new bind() fails with EADDRINUSE
};

std::ostream&
operator<<(std::ostream& os, const BindRow& row)
{
    return os << row.label;
}

// Short names that keep each rule on one line.
constexpr Transport UDP = Transport::Udp;
constexpr Transport TCP = Transport::Tcp;
const char* const ANY = "0.0.0.0";
const char* const A10 = "10.1.0.10";
const char* const A11 = "10.1.0.11";

/// Linux bind rules, from inet_csk_bind_conflict() and udp_lib_lport_inuse().
const std::vector<BindRow> BIND_RULES{
    // label, transport, existing: address, reuse, listens; new: address, reuse; conflict
    {"UDP same address", UDP, A10, false, false, A10, false, true},
    {"UDP wildcard then specific", UDP, ANY, false, false, A10, false, true},
    {"UDP specific then wildcard", UDP, A10, false, false, ANY, false, true},
    {"UDP wildcard twice", UDP, ANY, false, false, ANY, false, true},
    {"UDP two specific addresses", UDP, A10, false, false, A11, false, false},
    {"UDP both SO_REUSEADDR", UDP, A10, true, false, A10, true, false},
    {"UDP both SO_REUSEADDR, wildcard", UDP, ANY, true, false, A10, true, false},
    {"UDP only bound socket SO_REUSEADDR", UDP, A10, true, false, A10, false, true},
    {"UDP only new socket SO_REUSEADDR", UDP, A10, false, false, A10, true, true},
    {"TCP same address", TCP, A10, false, false, A10, false, true},
    {"TCP wildcard then specific", TCP, ANY, false, false, A10, false, true},
    {"TCP specific then wildcard", TCP, A10, false, false, ANY, false, true},
    {"TCP two specific addresses", TCP, A10, false, false, A11, false, false},
    {"TCP both SO_REUSEADDR, not listening", TCP, A10, true, false, A10, true, false},
    {"TCP both SO_REUSEADDR, listening", TCP, A10, true, true, A10, true, true},
    {"TCP both SO_REUSEADDR, wildcard listening", TCP, ANY, true, true, A10, true, true},
    {"TCP listening, other specific address", TCP, A10, false, true, A11, false, false},
    {"TCP only new socket SO_REUSEADDR", TCP, A10, false, false, A10, true, true},
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(netns_socket_table, SocketTableFixture)

BOOST_DATA_TEST_CASE_F(SocketTableFixture, bind_rules, bdata::make(BIND_RULES), row)
{
    SocketBinding existing = Make(NS_A, row.transport, row.existing, PORT, row.existingReuse);
    existing.listening = row.existingListens;
    table.Insert(existing);
    const SocketBinding candidate =
        Make(NS_A, row.transport, row.candidate, PORT, row.candidateReuse);

    const Status status = table.CheckBind(candidate);

    BOOST_TEST(status.IsOk() == !row.conflict);
    BOOST_TEST(ErrnoName(status.GetErrno()) == (row.conflict ? "EADDRINUSE" : "OK"));
}

BOOST_DATA_TEST_CASE_F(SocketTableFixture,
                       bind_rules_ignore_other_namespaces,
                       bdata::make(BIND_RULES),
                       row)
{
    SocketBinding existing = Make(NS_A, row.transport, row.existing, PORT, row.existingReuse);
    existing.listening = row.existingListens;
    table.Insert(existing);
    const SocketBinding candidate =
        Make(NS_B, row.transport, row.candidate, PORT, row.candidateReuse);

    const Status status = table.CheckBind(candidate);

    BOOST_TEST(status.IsOk());
}

BOOST_AUTO_TEST_CASE(bind_conflict_message)
{
    BindUdp(NS_A, "0.0.0.0");

    const Status status = table.CheckBind(Make(NS_A, Transport::Udp, "10.1.0.10"));

    BOOST_TEST(status.GetMessage() == "UDP address 10.1.0.10:7 is already in use in this "
                                      "namespace (bound to 0.0.0.0:7)");
}

BOOST_AUTO_TEST_CASE(bind_other_port_no_conflict)
{
    BindUdp(NS_A, "0.0.0.0");

    const Status status = table.CheckBind(Make(NS_A, Transport::Udp, "0.0.0.0", PORT + 1));

    BOOST_TEST(status.IsOk());
}

BOOST_AUTO_TEST_CASE(bind_other_transport_no_conflict)
{
    BindUdp(NS_A, "0.0.0.0");

    const Status status = table.CheckBind(Make(NS_A, Transport::Tcp, "0.0.0.0"));

    BOOST_TEST(status.IsOk());
}

BOOST_AUTO_TEST_CASE(bind_same_socket_no_conflict)
{
    const SocketBinding binding = Make(NS_A, Transport::Udp, "0.0.0.0");
    table.Insert(binding);

    const Status status = table.CheckBind(binding);

    BOOST_TEST(status.IsOk());
}

BOOST_AUTO_TEST_CASE(bind_after_remove_no_conflict)
{
    const uint64_t first = BindUdp(NS_A, "0.0.0.0");
    BOOST_REQUIRE(table.Remove(first));

    const Status status = table.CheckBind(Make(NS_A, Transport::Udp, "0.0.0.0"));

    BOOST_TEST(status.IsOk());
}

BOOST_AUTO_TEST_CASE(listen_unbound_einval)
{
    const Status status = table.CheckListen(99);

    BOOST_TEST(!status.IsOk());
    BOOST_TEST(ErrnoName(status.GetErrno()) == "EINVAL");
    BOOST_TEST(status.GetMessage() == "socket 99 is not bound");
}

BOOST_AUTO_TEST_CASE(listen_sole_socket)
{
    const uint64_t id = Bind(Make(NS_A, Transport::Tcp, "0.0.0.0"));

    const Status status = table.CheckListen(id);

    BOOST_TEST(status.IsOk());
}

// Linux 2.6.17's inet_csk_bind_conflict() looks only at the state of the
// other sockets, so the first of two SO_REUSEADDR sockets may listen.
BOOST_AUTO_TEST_CASE(listen_first_of_reuse_pair)
{
    const uint64_t first = Bind(Make(NS_A, Transport::Tcp, "10.1.0.10", PORT, true));
    Bind(Make(NS_A, Transport::Tcp, "10.1.0.10", PORT, true));

    const Status status = table.CheckListen(first);

    BOOST_TEST(status.IsOk());
}

BOOST_AUTO_TEST_CASE(listen_second_of_reuse_pair_eaddrinuse)
{
    SocketBinding first = Make(NS_A, Transport::Tcp, "10.1.0.10", PORT, true);
    Bind(first);
    const uint64_t second = Bind(Make(NS_A, Transport::Tcp, "10.1.0.10", PORT, true));
    BOOST_REQUIRE(table.CheckListen(first.socketId).IsOk());
    first.listening = true;
    table.Insert(first);

    const Status status = table.CheckListen(second);

    BOOST_TEST(!status.IsOk());
    BOOST_TEST(ErrnoName(status.GetErrno()) == "EADDRINUSE");
    BOOST_TEST(status.GetMessage() == "cannot listen on TCP 10.1.0.10:7: another socket bound "
                                      "to 10.1.0.10:7 holds the port in this namespace");
}

BOOST_AUTO_TEST_CASE(listen_specific_under_wildcard_listener_eaddrinuse)
{
    SocketBinding wildcard = Make(NS_A, Transport::Tcp, "0.0.0.0", PORT, true);
    Bind(wildcard);
    const uint64_t specific = Bind(Make(NS_A, Transport::Tcp, "10.1.0.10", PORT, true));
    BOOST_REQUIRE(table.CheckListen(wildcard.socketId).IsOk());
    wildcard.listening = true;
    table.Insert(wildcard);

    const Status status = table.CheckListen(specific);

    BOOST_TEST(!status.IsOk());
    BOOST_TEST(ErrnoName(status.GetErrno()) == "EADDRINUSE");
}

BOOST_AUTO_TEST_CASE(listen_on_distinct_addresses)
{
    const uint64_t first = Bind(Make(NS_A, Transport::Tcp, "10.1.0.10", PORT, true));
    Bind(Make(NS_A, Transport::Tcp, "10.1.0.11", PORT, true));

    const Status status = table.CheckListen(first);

    BOOST_TEST(status.IsOk());
}

BOOST_AUTO_TEST_CASE(listen_ignores_other_namespaces)
{
    const uint64_t mine = Bind(Make(NS_A, Transport::Tcp, "10.1.0.10", PORT, true));
    Listen(NS_B, "10.1.0.10");
    Listen(NS_C, "0.0.0.0");

    const Status status = table.CheckListen(mine);

    BOOST_TEST(status.IsOk());
}

BOOST_AUTO_TEST_CASE(match_no_socket)
{
    BOOST_TEST(MatchUdp("10.1.0.10") == NO_SOCKET);
}

BOOST_AUTO_TEST_CASE(match_wildcard)
{
    const uint64_t wildcard = BindUdp(NS_A, "0.0.0.0");

    BOOST_TEST(MatchUdp("10.1.0.10") == wildcard);
    BOOST_TEST(MatchUdp("192.0.2.1") == wildcard);
}

BOOST_AUTO_TEST_CASE(match_other_port_or_transport)
{
    BindUdp(NS_A, "0.0.0.0");
    Bind(Make(NS_B, Transport::Udp, "0.0.0.0", PORT + 1));

    BOOST_TEST(Match(Transport::Tcp, "10.1.0.10", "10.1.0.2", 5000) == NO_SOCKET);
    auto other = table.MatchIncoming(
        Transport::Udp, Ipv4Address("10.1.0.10"), PORT + 2, Ipv4Address("10.1.0.2"), 5000, {});
    BOOST_TEST(!other.has_value());
}

BOOST_AUTO_TEST_CASE(match_specific_needs_destination)
{
    BindUdp(NS_A, "10.1.0.10");

    BOOST_TEST(MatchUdp("10.1.0.11") == NO_SOCKET);
}

BOOST_AUTO_TEST_CASE(specific_beats_later_wildcard)
{
    const uint64_t specific = BindUdp(NS_A, "10.1.0.10");
    const uint64_t wildcard = BindUdp(NS_B, "0.0.0.0");

    BOOST_TEST(MatchUdp("10.1.0.10") == specific);
    BOOST_TEST(MatchUdp("10.1.0.11") == wildcard);
}

BOOST_AUTO_TEST_CASE(specific_beats_earlier_wildcard)
{
    BindUdp(NS_A, "0.0.0.0");
    const uint64_t specific = BindUdp(NS_B, "10.1.0.10");

    BOOST_TEST(MatchUdp("10.1.0.10") == specific);
}

// Binding the best tier first shows that recency never overrides the tier.
BOOST_AUTO_TEST_CASE(match_tiers_bound_best_first)
{
    const std::vector<uint64_t> tiers{
        BindConnectedUdp(NS_A, "10.1.0.10", "10.1.0.2", 5000),
        BindConnectedUdp(NS_B, "0.0.0.0", "10.1.0.2", 5000),
        BindUdp(NS_C, "10.1.0.10"),
        BindUdp(NS_D, "0.0.0.0"),
    };
    const std::vector<std::string> names{
        "connected and specific", "connected", "specific", "wildcard"};

    for (std::size_t i = 0; i < tiers.size(); ++i)
    {
        BOOST_TEST_CONTEXT("best remaining tier: " << names[i])
        {
            BOOST_TEST(MatchUdp("10.1.0.10") == tiers[i]);
        }
        BOOST_REQUIRE(table.Remove(tiers[i]));
    }
    BOOST_TEST(MatchUdp("10.1.0.10") == NO_SOCKET);
}

BOOST_AUTO_TEST_CASE(match_tiers_bound_best_last)
{
    const uint64_t wildcard = BindUdp(NS_D, "0.0.0.0");
    const uint64_t specific = BindUdp(NS_C, "10.1.0.10");
    const uint64_t connected = BindConnectedUdp(NS_B, "0.0.0.0", "10.1.0.2", 5000);
    const uint64_t connectedSpecific = BindConnectedUdp(NS_A, "10.1.0.10", "10.1.0.2", 5000);

    BOOST_TEST(MatchUdp("10.1.0.10") == connectedSpecific);
    BOOST_REQUIRE(table.Remove(connectedSpecific));
    BOOST_TEST(MatchUdp("10.1.0.10") == connected);
    BOOST_REQUIRE(table.Remove(connected));
    BOOST_TEST(MatchUdp("10.1.0.10") == specific);
    BOOST_REQUIRE(table.Remove(specific));
    BOOST_TEST(MatchUdp("10.1.0.10") == wildcard);
}

BOOST_AUTO_TEST_CASE(connected_needs_matching_peer)
{
    BindConnectedUdp(NS_A, "10.1.0.10", "10.1.0.2", 5000);
    const uint64_t wildcard = BindUdp(NS_B, "0.0.0.0");

    BOOST_TEST(Match(Transport::Udp, "10.1.0.10", "10.1.0.2", 5001) == wildcard);
    BOOST_TEST(Match(Transport::Udp, "10.1.0.10", "10.1.0.3", 5000) == wildcard);
}

BOOST_AUTO_TEST_CASE(most_recent_wildcard_wins)
{
    BindUdp(NS_A, "0.0.0.0");
    BindUdp(NS_B, "0.0.0.0");
    const uint64_t latest = BindUdp(NS_C, "0.0.0.0");

    BOOST_TEST(MatchUdp("10.1.0.10") == latest);
}

BOOST_AUTO_TEST_CASE(most_recent_specific_wins)
{
    BindUdp(NS_A, "10.1.0.10");
    const uint64_t latest = BindUdp(NS_B, "10.1.0.10");

    BOOST_TEST(MatchUdp("10.1.0.10") == latest);
}

BOOST_AUTO_TEST_CASE(most_recent_connected_wins)
{
    BindConnectedUdp(NS_A, "10.1.0.10", "10.1.0.2", 5000);
    const uint64_t latest = BindConnectedUdp(NS_B, "10.1.0.10", "10.1.0.2", 5000);

    BOOST_TEST(MatchUdp("10.1.0.10") == latest);
}

BOOST_AUTO_TEST_CASE(previous_socket_after_latest_removed)
{
    const uint64_t first = BindUdp(NS_A, "0.0.0.0");
    const uint64_t second = BindUdp(NS_B, "0.0.0.0");
    BOOST_REQUIRE(table.Remove(second));

    BOOST_TEST(MatchUdp("10.1.0.10") == first);
}

BOOST_AUTO_TEST_CASE(filter_skips_latest)
{
    const uint64_t first = BindUdp(NS_A, "0.0.0.0");
    BindUdp(NS_B, "0.0.0.0");

    BOOST_TEST(MatchUdp("10.1.0.10", AllBut{{NS_B}}) == first);
}

BOOST_AUTO_TEST_CASE(filter_falls_to_lower_tier)
{
    BindConnectedUdp(NS_A, "10.1.0.10", "10.1.0.2", 5000);
    BindUdp(NS_B, "10.1.0.10");
    const uint64_t wildcard = BindUdp(NS_C, "0.0.0.0");

    BOOST_TEST(MatchUdp("10.1.0.10", AllBut{{NS_A, NS_B}}) == wildcard);
}

BOOST_AUTO_TEST_CASE(filter_rejects_all)
{
    BindUdp(NS_A, "10.1.0.10");
    BindUdp(NS_B, "0.0.0.0");

    BOOST_TEST(MatchUdp("10.1.0.10", AllBut{{NS_A, NS_B}}) == NO_SOCKET);
}

BOOST_AUTO_TEST_CASE(tcp_bound_but_not_listening_ignored)
{
    Bind(Make(NS_A, Transport::Tcp, "0.0.0.0"));

    BOOST_TEST(Match(Transport::Tcp, "10.1.0.10", "10.1.0.2", 5000) == NO_SOCKET);
}

BOOST_AUTO_TEST_CASE(tcp_listener_matched)
{
    const uint64_t listener = Listen(NS_A, "0.0.0.0");

    BOOST_TEST(Match(Transport::Tcp, "10.1.0.10", "10.1.0.2", 5000) == listener);
}

BOOST_AUTO_TEST_CASE(tcp_specific_listener_beats_later_wildcard)
{
    const uint64_t specific = Listen(NS_A, "10.1.0.10");
    const uint64_t wildcard = Listen(NS_B, "0.0.0.0");

    BOOST_TEST(Match(Transport::Tcp, "10.1.0.10", "10.1.0.2", 5000) == specific);
    BOOST_TEST(Match(Transport::Tcp, "10.1.0.11", "10.1.0.2", 5000) == wildcard);
}

BOOST_AUTO_TEST_CASE(tcp_established_beats_listener)
{
    Listen(NS_A, "10.1.0.10");
    SocketBinding established = Make(NS_B, Transport::Tcp, "10.1.0.10");
    established.peer = Ipv4Address("10.1.0.2");
    established.peerPort = 5000;
    table.Insert(established);

    BOOST_TEST(Match(Transport::Tcp, "10.1.0.10", "10.1.0.2", 5000) == established.socketId);
}

// Linux hashes a TCP socket into the listening table at listen(), not at
// bind(), so the socket that listened last wins among equals.
BOOST_AUTO_TEST_CASE(tcp_latest_listen_wins)
{
    SocketBinding early = Make(NS_A, Transport::Tcp, "0.0.0.0");
    table.Insert(early);
    Listen(NS_B, "0.0.0.0");
    early.listening = true;
    table.Insert(early);

    BOOST_TEST(Match(Transport::Tcp, "10.1.0.10", "10.1.0.2", 5000) == early.socketId);
}

BOOST_AUTO_TEST_CASE(insert_assigns_increasing_sequence)
{
    SocketBinding first = Make(NS_A, Transport::Udp, "0.0.0.0");
    first.sequence = 999;
    table.Insert(first);
    const uint64_t second = BindUdp(NS_B, "0.0.0.0");

    const auto firstStored = table.Find(first.socketId);
    const auto secondStored = table.Find(second);

    BOOST_REQUIRE(firstStored.has_value());
    BOOST_REQUIRE(secondStored.has_value());
    BOOST_TEST(firstStored->sequence != 999u);
    BOOST_TEST(firstStored->sequence < secondStored->sequence);
}

BOOST_AUTO_TEST_CASE(insert_replaces_binding)
{
    SocketBinding binding = Make(NS_A, Transport::Udp, "0.0.0.0");
    table.Insert(binding);
    const uint64_t originalSequence = table.Find(binding.socketId)->sequence;
    binding.local = Ipv4Address("10.1.0.10");
    binding.reuseAddress = true;

    table.Insert(binding);

    const auto stored = table.Find(binding.socketId);
    BOOST_REQUIRE(stored.has_value());
    BOOST_TEST(table.GetSize() == 1u);
    BOOST_TEST(stored->local == Ipv4Address("10.1.0.10"));
    BOOST_TEST(stored->reuseAddress);
    BOOST_TEST(stored->sequence == originalSequence);
}

BOOST_AUTO_TEST_CASE(insert_replacement_drops_old_index)
{
    SocketBinding binding = Make(NS_A, Transport::Udp, "0.0.0.0");
    table.Insert(binding);
    binding.local = Ipv4Address("10.1.0.10");

    table.Insert(binding);

    BOOST_TEST(MatchUdp("10.1.0.11") == NO_SOCKET);
    BOOST_TEST(MatchUdp("10.1.0.10") == binding.socketId);
    BOOST_TEST(table.CheckBind(Make(NS_A, Transport::Udp, "10.1.0.11")).IsOk());
}

BOOST_AUTO_TEST_CASE(insert_connect_moves_to_connected_tier)
{
    SocketBinding binding = Make(NS_A, Transport::Udp, "10.1.0.10");
    table.Insert(binding);
    binding.peer = Ipv4Address("10.1.0.2");
    binding.peerPort = 5000;

    table.Insert(binding);

    BOOST_TEST(Match(Transport::Udp, "10.1.0.10", "10.1.0.2", 5000) == binding.socketId);
    BOOST_TEST(Match(Transport::Udp, "10.1.0.10", "10.1.0.3", 5000) == NO_SOCKET);
}

BOOST_AUTO_TEST_CASE(remove_forgets_socket)
{
    const uint64_t id = BindUdp(NS_A, "0.0.0.0");

    BOOST_TEST(table.Remove(id));

    BOOST_TEST(!table.Find(id).has_value());
    BOOST_TEST(table.GetSize() == 0u);
    BOOST_TEST(MatchUdp("10.1.0.10") == NO_SOCKET);
    BOOST_TEST(table.ListNamespace(NS_A).empty());
}

BOOST_AUTO_TEST_CASE(remove_unknown_returns_false)
{
    const uint64_t id = BindUdp(NS_A, "0.0.0.0");
    BOOST_REQUIRE(table.Remove(id));

    BOOST_TEST(!table.Remove(id));
    BOOST_TEST(!table.Remove(12345));
}

BOOST_AUTO_TEST_CASE(remove_connected_socket)
{
    const uint64_t connected = BindConnectedUdp(NS_A, "10.1.0.10", "10.1.0.2", 5000);
    const uint64_t wildcard = BindUdp(NS_B, "0.0.0.0");

    BOOST_REQUIRE(table.Remove(connected));

    BOOST_TEST(MatchUdp("10.1.0.10") == wildcard);
}

BOOST_AUTO_TEST_CASE(list_namespace_in_bind_order)
{
    const uint64_t first = Bind(Make(NS_A, Transport::Tcp, "0.0.0.0", 80));
    BindUdp(NS_B, "0.0.0.0");
    const uint64_t second = BindUdp(NS_A, "10.1.0.10");
    const uint64_t third = Bind(Make(NS_A, Transport::Udp, "0.0.0.0", 53));

    std::vector<uint64_t> listed;
    for (const SocketBinding& binding : table.ListNamespace(NS_A))
    {
        listed.push_back(binding.socketId);
    }

    const std::vector<uint64_t> expected{first, second, third};
    BOOST_TEST(listed == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(find_unknown_socket)
{
    BOOST_TEST(!table.Find(42).has_value());
}

BOOST_AUTO_TEST_CASE(is_connected_needs_peer_port)
{
    SocketBinding binding;
    BOOST_TEST(!binding.IsConnected());

    binding.peer = Ipv4Address("10.1.0.2");
    BOOST_TEST(!binding.IsConnected());

    binding.peerPort = 5000;
    BOOST_TEST(binding.IsConnected());
}

BOOST_AUTO_TEST_SUITE_END()
