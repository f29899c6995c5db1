/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_TEST_LAN_H
#define NETNS_TEST_LAN_H

#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/netns-module.h"
#include "ns3/network-module.h"

#include <string>
#include <vector>

namespace ns3
{
namespace netns
{
namespace test
{

/**
 * A test topology: one host with namespace support and plain peers on a
 * CSMA LAN 198.51.100.0/24. The host's LAN device is eth0 and has no
 * address; peer i has 198.51.100.(1 + i). With a second LAN the host also
 * has eth1 on 203.0.113.0/24, where one more peer has 203.0.113.1.
 */
class Lan
{
  public:
    /**
     * Build the topology.
     * @param routeIsolation the host's route model
     * @param peers number of plain peers on the first LAN
     * @param secondLan add eth1 and a peer on 203.0.113.0/24
     */
    explicit Lan(bool routeIsolation, uint32_t peers = 1, bool secondLan = false);

    /** Destroy the simulator and forget the names; call at the end of a test case. */
    static void TearDown();

    Ptr<Node> hostNode;                  //!< the host
    Ptr<Host> host;                      //!< its namespace support
    NodeContainer peers;                 //!< plain nodes on the first LAN
    Ptr<Node> farPeer;                   //!< the peer on the second LAN, if any
    NetDeviceContainer lanDevices;       //!< host first, then peers
    NetDeviceContainer secondLanDevices; //!< host, then the far peer

    /**
     * @param index peer index
     * @return the peer's address
     */
    Ipv4Address PeerAddress(uint32_t index) const;

    /**
     * Create a root process, unshare, reveal devices and add an address.
     * @param revealed device names to write to the debugfs file
     * @param device the device to address, or "" for none
     * @param address the address
     * @param prefixLength its prefix length
     * @return the process, now in its new namespace
     */
    Ptr<Process> MakeContainer(const std::vector<std::string>& revealed,
                               const std::string& device,
                               Ipv4Address address,
                               uint8_t prefixLength = 24);
};

/**
 * Records what a UDP or TCP socket receives.
 */
struct Receiver
{
    std::vector<std::string> payloads; //!< payloads in arrival order
    std::vector<Address> senders;      //!< sender of each payload
    uint32_t accepted{0};              //!< TCP connections accepted
    uint32_t bytes{0};                 //!< bytes received

    /**
     * Read everything pending on a socket.
     * @param socket the socket
     */
    void Read(Ptr<Socket> socket);

    /**
     * Make the socket report to this receiver, and its accepted connections too.
     * @param socket a UDP socket or a listening TCP socket
     */
    void Attach(Ptr<Socket> socket);
};

/**
 * @param text payload text
 * @return a packet carrying it
 */
Ptr<Packet> MakePayload(const std::string& text);

/**
 * Send one UDP datagram from a plain node.
 * @param node the sender
 * @param destination destination address
 * @param port destination port
 * @param text payload text
 * @param when simulation time to send at
 * @return the sender's socket, to read replies from
 */
Ptr<Socket> SendUdpFromNode(Ptr<Node> node,
                            Ipv4Address destination,
                            uint16_t port,
                            const std::string& text,
                            Time when);

/**
 * Open a TCP connection from a plain node at a given time and send text.
 * @param node the sender
 * @param destination destination address
 * @param port destination port
 * @param text bytes to send once connected
 * @param when simulation time to connect at
 * @param connected set to true when the connection succeeds
 * @return the socket
 */
Ptr<Socket> ConnectTcpFromNode(Ptr<Node> node,
                               Ipv4Address destination,
                               uint16_t port,
                               const std::string& text,
                               Time when,
                               bool* connected);

/**
 * Open a socket in a process, bind it, and listen when it is TCP.
 * @param process the process
 * @param type NETNS_SOCK_DGRAM or NETNS_SOCK_STREAM
 * @param address local address
 * @param port local port
 * @param receiver records what arrives
 * @return the bind status
 */
Status OpenServer(Ptr<Process> process,
                  int type,
                  Ipv4Address address,
                  uint16_t port,
                  Receiver* receiver);

/**
 * @param ns a namespace
 * @return its addresses as "DEV ADDR/LEN" strings
 */
std::vector<std::string> ListAddresses(Ptr<Namespace> ns);

} // namespace test
} // namespace netns
} // namespace ns3

#endif /* NETNS_TEST_LAN_H */
