/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_SOCKET_ACCOUNT_H
#define NETNS_SOCKET_ACCOUNT_H

#include "netns-credentials.h"
#include "netns-socket-table.h"
#include "netns-status.h"

#include "ns3/ipv4-address.h"
#include "ns3/ptr.h"
#include "ns3/socket.h"

namespace ns3
{
namespace netns
{

class Namespace;

/**
 * @ingroup netns
 * A bind() to check: who binds what, where.
 */
struct BindRequest
{
    Ptr<Namespace> ns;                        //!< namespace of the socket
    Credentials credentials;                  //!< credentials of the socket's creator
    Transport transport{Transport::Udp};      //!< UDP or TCP
    Ipv4Address address{Ipv4Address::GetAny()}; //!< requested local address
    uint16_t port{0};                         //!< requested port, 0 for ephemeral
    bool reuseAddress{false};                 //!< SO_REUSEADDR
    uint64_t socketId{0};                     //!< the socket, 0 for a dry run
    bool alreadyBound{false};                 //!< the socket already has a local end
    SocketBinding current;                    //!< its local end, when already bound
};

/**
 * @ingroup netns
 * Apply Linux's bind() rules, in the order inet_bind() applies them since
 * 2.6: address locality (EADDRNOTAVAIL), privileged port without
 * CAP_NET_BIND_SERVICE (EACCES), socket already bound (EINVAL), port
 * conflict within the namespace (EADDRINUSE).
 * @param request the bind to check
 * @return OK or the first rule broken, with a message naming the values
 */
Status CheckBindRules(const BindRequest& request);

/**
 * @ingroup netns
 * What a socket of a namespace carries besides its ns-3 state: its
 * namespace, its creator's credentials, its binding in the host's socket
 * table, and the Linux status of its last call.
 *
 * It applies Linux's bind() rules in the order inet_bind() applies them:
 * address locality (EADDRNOTAVAIL), privileged port (EACCES), already bound
 * (EINVAL), then port conflicts (EADDRINUSE).
 */
class SocketAccount
{
  public:
    SocketAccount() = default;

    /**
     * Count the socket in its namespace.
     * @param ns the namespace the socket belongs to
     * @param credentials credentials of the creating process
     * @param transport UDP or TCP
     */
    void Open(Ptr<Namespace> ns, const Credentials& credentials, Transport transport);

    /**
     * Make the account of a socket accepted from a listener: same namespace,
     * credentials and transport, new id.
     * @param listener the listener's account
     */
    void OpenAccepted(const SocketAccount& listener);

    /** Forget the binding and stop counting the socket; safe to call twice. */
    void Release();

    /**
     * Check a bind() before ns-3 performs it.
     * @param address local address
     * @param port local port, 0 for ephemeral
     * @return OK, EADDRNOTAVAIL, EACCES, EINVAL or EADDRINUSE
     */
    Status CheckBind(Ipv4Address address, uint16_t port) const;

    /**
     * Tell whether the socket's bound address is still local to its
     * namespace, as bind() would require. Linux fails each send from a
     * socket whose address was deleted with ENETUNREACH.
     * @return true when unbound, bound to 0.0.0.0, or bound to a local address
     */
    bool IsBoundAddressLocal() const;

    /**
     * Check a listen() before ns-3 performs it.
     * @return OK or EADDRINUSE
     */
    Status CheckListen() const;

    /**
     * Record the socket's binding in the host's table.
     * @param local local address
     * @param port local port
     * @param peer connected peer, 0.0.0.0 for none
     * @param peerPort connected peer port, 0 for none
     */
    void RecordBinding(Ipv4Address local, uint16_t port, Ipv4Address peer, uint16_t peerPort);

    /** Mark the socket as listening. */
    void MarkListening();

    /** @return true when the socket is counted in its namespace: opened and not yet released */
    bool IsOpen() const;

    /** @return true when the socket has a binding */
    bool IsBound() const;

    /** @return the binding; meaningful when IsBound() */
    const SocketBinding& GetBinding() const;

    /** @param enable SO_REUSEADDR */
    void SetReuseAddress(bool enable);

    /** @return SO_REUSEADDR */
    bool GetReuseAddress() const;

    /**
     * Record the outcome of the last call.
     * @param status OK or the failure
     */
    void SetLastStatus(const Status& status);

    /** @return the outcome of the last call */
    const Status& GetLastStatus() const;

    /** @return the ns-3 error matching the last failure */
    ns3::Socket::SocketErrno GetLastSocketErrno() const;

    /** @return the socket id */
    uint64_t GetId() const;

    /** @return the namespace, nullptr before Open */
    Ptr<Namespace> GetNamespace() const;

    /** @return the creator's credentials */
    const Credentials& GetCredentials() const;

    /** @return UDP or TCP */
    Transport GetTransport() const;

  private:
    Ptr<Namespace> m_namespace;          //!< namespace of the socket
    Credentials m_credentials;           //!< creator's credentials
    Transport m_transport{Transport::Udp}; //!< UDP or TCP
    uint64_t m_id{0};                    //!< socket id on the host
    bool m_open{false};                  //!< counted in the namespace
    bool m_bound{false};                 //!< recorded in the socket table
    SocketBinding m_binding;             //!< last recorded binding
    bool m_reuseAddress{false};          //!< SO_REUSEADDR
    Status m_lastStatus;                 //!< outcome of the last call
};

/**
 * @ingroup netns
 * Interface of the module's sockets, found with dynamic_cast on an ns-3 Socket.
 */
class NamespaceSocket
{
  public:
    virtual ~NamespaceSocket() = default;

    /** @return the socket's account */
    virtual SocketAccount& GetAccount() = 0;
};

/**
 * Convert an ns-3 socket error to the Linux errno a program would see.
 * @param error the ns-3 error
 * @return the errno value
 */
int ErrnoFromSocketError(ns3::Socket::SocketErrno error);

/**
 * @param socket an ns-3 socket
 * @return its account, or nullptr for sockets the module did not create
 */
SocketAccount* FindSocketAccount(Ptr<ns3::Socket> socket);

} // namespace netns
} // namespace ns3

#endif /* NETNS_SOCKET_ACCOUNT_H */
