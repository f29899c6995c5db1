/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NAMESPACE_UDP_SOCKET_H
#define NAMESPACE_UDP_SOCKET_H

#include "netns-socket-account.h"

#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-route.h"
#include "ns3/udp-socket.h"

namespace ns3
{

class Ipv4EndPoint;

class UdpL4Protocol;

namespace netns
{

/**
 * @ingroup netns
 * A UDP socket of a namespace: ns-3's UDP socket with Linux's bind() rules
 * in front of it and an entry in the host's socket table.
 *
 * ns-3 does not install the header of its UDP socket implementation, so
 * this class wraps one instead of deriving from it. Every call is forwarded;
 * callbacks of the inner socket are re-raised with this socket as argument,
 * so applications only ever see the wrapper. Socket options that ns-3 stores
 * in non-virtual setters of ns3::Socket (IP_TOS, priority, IP_PKTINFO and
 * the like) are copied to the inner socket before each bind and send.
 */
class NamespaceUdpSocket : public UdpSocket, public NamespaceSocket
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    NamespaceUdpSocket();
    ~NamespaceUdpSocket() override;

    /**
     * Create the inner socket and count this socket in its namespace.
     * @param udp the namespace's UDP protocol
     * @param ns the namespace
     * @param credentials the creator's credentials
     */
    void Setup(Ptr<UdpL4Protocol> udp, Ptr<Namespace> ns, const Credentials& credentials);

    SocketAccount& GetAccount() override;

    // Inherited from ns3::Socket
    enum SocketErrno GetErrno() const override;
    enum SocketType GetSocketType() const override;
    Ptr<Node> GetNode() const override;
    int Bind(const Address& address) override;
    int Bind() override;
    int Bind6() override;
    int Close() override;
    int ShutdownSend() override;
    int ShutdownRecv() override;
    int Connect(const Address& address) override;
    int Listen() override;
    uint32_t GetTxAvailable() const override;
    int Send(Ptr<Packet> p, uint32_t flags) override;
    int SendTo(Ptr<Packet> p, uint32_t flags, const Address& toAddress) override;
    uint32_t GetRxAvailable() const override;
    Ptr<Packet> Recv(uint32_t maxSize, uint32_t flags) override;
    Ptr<Packet> RecvFrom(uint32_t maxSize, uint32_t flags, Address& fromAddress) override;
    int GetSockName(Address& address) const override;
    int GetPeerName(Address& address) const override;
    bool SetAllowBroadcast(bool allowBroadcast) override;
    bool GetAllowBroadcast() const override;
    void BindToNetDevice(Ptr<NetDevice> netdevice) override;
    void SetIpTtl(uint8_t ipTtl) override;
    uint8_t GetIpTtl() const override;

    // Inherited from ns3::UdpSocket
    int MulticastJoinGroup(uint32_t interface, const Address& groupAddress) override;
    int MulticastLeaveGroup(uint32_t interface, const Address& groupAddress) override;

  protected:
    void DoDispose() override;

  private:
    // Inherited from ns3::UdpSocket: attribute accessors
    void SetRcvBufSize(uint32_t size) override;
    uint32_t GetRcvBufSize() const override;
    void SetIpMulticastTtl(uint8_t ipTtl) override;
    uint8_t GetIpMulticastTtl() const override;
    void SetIpMulticastIf(int32_t ipIf) override;
    int32_t GetIpMulticastIf() const override;
    void SetIpMulticastLoop(bool loop) override;
    bool GetIpMulticastLoop() const override;
    void SetMtuDiscover(bool discover) override;
    bool GetMtuDiscover() const override;

    /** Copy the options kept by ns3::Socket's non-virtual setters to the inner socket. */
    void SyncOptions();

    /**
     * Record the inner socket's local end in the socket table after a bind,
     * and give a connected socket's endpoint its peer.
     */
    void RecordLocalEnd();

    /**
     * Set the peer of the inner socket's endpoint, so that ns-3's
     * demultiplexer gives the socket only the peer's datagrams, as Linux
     * does for a connected UDP socket.
     * @param local the inner socket's local end
     */
    void SetEndPointPeer(const InetSocketAddress& local);

    /**
     * Find the inner socket's endpoint in ns-3's demultiplexer.
     * @param local the inner socket's local end
     * @return the endpoint, or nullptr
     */
    Ipv4EndPoint* FindEndPoint(const InetSocketAddress& local) const;

    /**
     * Give a socket bound to the wildcard address the source address of
     * its connected route, as Linux's connect() does: getsockname() and the
     * socket table show it, and bind() conflicts follow it.
     * @param source the route's source address
     */
    void BindLocalAddressTo(Ipv4Address source);

    /**
     * Look a destination up in the namespace's routes, as the inner socket
     * would when sending.
     * @param destination the destination
     * @return the route, or nullptr when there is none
     */
    Ptr<Ipv4Route> LookupRoute(Ipv4Address destination) const;

    /**
     * Fail with ENETUNREACH for a destination without a route.
     * @param operation the operation, for the message
     * @param destination the destination
     * @return -1
     */
    int RejectUnreachable(const std::string& operation, Ipv4Address destination);

    /**
     * Fail with ENETUNREACH, as Linux does, when the socket's bound address
     * is no longer local to its namespace.
     * @param operation the operation, for the message
     * @return -1
     */
    int RejectNonLocalSource(const std::string& operation);

    /**
     * Turn the result of an inner call into this socket's status.
     * @param result the inner call's return value
     * @param what the operation, for the message
     * @return the same result
     */
    int Finish(int result, const std::string& what);

    /**
     * Record a failure found by the module's own checks, which GetErrno()
     * and the socket account then report.
     * @param status the failure, with its errno and message
     * @return -1
     */
    int Fail(const Status& status);

    /**
     * Tell whether Linux would route a destination as a broadcast: the
     * limited broadcast, or the subnet-directed broadcast of an address
     * with a prefix shorter than /31 that the namespace can see as local.
     * @param destination the destination address
     * @return true for a broadcast destination
     */
    bool IsBroadcastDestination(Ipv4Address destination) const;

    /**
     * Send to 255.255.255.255 as Linux does: out of the route's device only,
     * ENETUNREACH without a route. ns-3.37's UdpSocketImpl sends a copy from
     * every interface instead, and aborts on an interface without an address,
     * such as a revealed device the namespace has not addressed.
     * @param p the payload
     * @param port the destination port
     * @param connected true for send() on a connected socket, which skips the
     *        SO_BROADCAST check as Linux does; false for sendto()
     * @return the bytes sent, or -1
     */
    int SendLimitedBroadcast(Ptr<Packet> p, uint16_t port, bool connected);

    /**
     * Reject a broadcast destination on a socket without SO_BROADCAST with
     * EACCES, as Linux does.
     * @param operation the operation, for the message
     * @param destination the destination
     * @return -1
     */
    int RejectBroadcast(const std::string& operation, Ipv4Address destination);

    /** Re-raise the inner socket's receive callback. @param inner the inner socket */
    void ForwardRecv(Ptr<ns3::Socket> inner);
    /** Re-raise the inner socket's send callback. @param inner the inner socket @param available bytes free */
    void ForwardSend(Ptr<ns3::Socket> inner, uint32_t available);
    /** Re-raise the inner socket's data-sent callback. @param inner the inner socket @param size bytes sent */
    void ForwardDataSent(Ptr<ns3::Socket> inner, uint32_t size);

    Ptr<UdpSocket> m_inner;       //!< ns-3's UDP socket doing the work
    Ptr<UdpL4Protocol> m_udp;     //!< the namespace's UDP, whose demultiplexer holds the endpoint
    bool m_connected{false};      //!< connect() to an IPv4 peer succeeded
    SocketAccount m_account;      //!< namespace, credentials, binding
    Ipv4Address m_peer;           //!< connected peer, for the socket table
    uint16_t m_peerPort{0};       //!< connected peer port
    bool m_useAccountErrno{false}; //!< last failure came from the module's checks
    bool m_allowBroadcast{false};  //!< SO_BROADCAST as the application set it
    bool m_shutdownSend{false};    //!< shutdown(SHUT_WR) succeeded
};

} // namespace netns
} // namespace ns3

#endif /* NAMESPACE_UDP_SOCKET_H */
