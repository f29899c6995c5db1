/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NAMESPACE_TCP_SOCKET_H
#define NAMESPACE_TCP_SOCKET_H

#include "netns-socket-account.h"

#include "ns3/tcp-socket-base.h"

namespace ns3
{
namespace netns
{

/**
 * @ingroup netns
 * A TCP socket of a namespace: ns-3's TcpSocketBase with Linux's bind() and
 * listen() rules in front of it and an entry in the host's socket table.
 * Sockets accepted from a listener belong to the listener's namespace and
 * carry its credentials.
 */
class NamespaceTcpSocket : public TcpSocketBase, public NamespaceSocket
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    TypeId GetInstanceTypeId() const override;

    NamespaceTcpSocket();

    /**
     * Copy a listener for a new connection; used by Fork().
     * @param listener the listening socket
     */
    NamespaceTcpSocket(const NamespaceTcpSocket& listener);

    ~NamespaceTcpSocket() override;

    /**
     * Count the socket in its namespace.
     * @param ns the namespace
     * @param credentials the creator's credentials
     */
    void Open(Ptr<Namespace> ns, const Credentials& credentials);

    SocketAccount& GetAccount() override;

    // Inherited from TcpSocketBase
    enum SocketErrno GetErrno() const override;
    int Bind() override;
    int Bind(const Address& address) override;
    int Connect(const Address& address) override;
    int Listen() override;
    int Close() override;

  protected:
    /**
     * Handle a segment, with two Linux behaviours ns-3.37 lacks. A RST|ACK
     * answering our SYN fails the connection with ECONNREFUSED through the
     * connection-failed callback (ns-3 ignores it, so a connect() to a
     * closed port hangs until its SYN retries run out). A RST without
     * timestamp option is accepted later on too (RFC 7323 section 3.2
     * exempts RST from the timestamp check; ns-3 drops it).
     * @param packet the segment, TCP header first
     * @param fromAddress the sender
     * @param toAddress the receiver
     */
    void DoForwardUp(Ptr<Packet> packet,
                     const Address& fromAddress,
                     const Address& toAddress) override;
    Ptr<TcpSocketBase> Fork() override;
    void CompleteFork(Ptr<Packet> p,
                      const TcpHeader& tcpHeader,
                      const Address& fromAddress,
                      const Address& toAddress) override;
    void DoDispose() override;

  private:
    /** Remove the socket from its owner's accepted connections; safe to call twice. */
    void LeaveOwner();

    /**
     * Close the connection as refused and tell the application.
     * @param peer the address that sent the RST
     */
    void RefuseConnection(const Address& peer);

    /**
     * Record the socket's ends in the socket table.
     * @param peer the connected peer, or an empty Address
     */
    void RecordEnds(const Address& peer);

    /**
     * Turn the result of a TcpSocketBase call into this socket's status.
     * @param result the call's return value
     * @param what the operation, for the message
     * @return the same result
     */
    int Finish(int result, const std::string& what);

    SocketAccount m_account;        //!< namespace, credentials, binding
    bool m_useAccountErrno{false};  //!< last failure came from the module's checks
    uint32_t m_ownerPid{0}; //!< process whose exit closes this accepted connection, 0 for none
};

} // namespace netns
} // namespace ns3

#endif /* NAMESPACE_TCP_SOCKET_H */
