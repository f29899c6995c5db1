/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-socket-account.h"

#include "net-namespace.h"
#include "netns-host.h"

#include "ns3/log.h"

#include <sstream>

namespace ns3
{
namespace netns
{

NS_LOG_COMPONENT_DEFINE("NetnsSocketAccount");

namespace
{

/// Ports below this need CAP_NET_BIND_SERVICE (PROT_SOCK in the kernel).
constexpr uint16_t PROT_SOCK = 1024;

/** @return "198.51.100.10:8080" */
std::string
EndpointText(Ipv4Address address, uint16_t port)
{
    std::ostringstream os;
    os << address << ":" << port;
    return os.str();
}

/** @return the address in dotted-quad form */
std::string
AddressText(Ipv4Address address)
{
    std::ostringstream os;
    os << address;
    return os.str();
}

} // namespace

void
SocketAccount::Open(Ptr<Namespace> ns, const Credentials& credentials, Transport transport)
{
    NS_LOG_FUNCTION(this << ns << credentials.pid << static_cast<int>(transport));
    m_namespace = ns;
    m_credentials = credentials;
    m_transport = transport;
    m_id = ns->GetHost()->AllocateSocketId();
    m_open = true;
    ns->AddSocket();
}

void
SocketAccount::OpenAccepted(const SocketAccount& listener)
{
    m_open = false;
    m_bound = false;
    m_reuseAddress = listener.m_reuseAddress;
    m_lastStatus = Status();
    if (listener.m_namespace)
    {
        Open(listener.m_namespace, listener.m_credentials, listener.m_transport);
    }
}

void
SocketAccount::Release()
{
    NS_LOG_FUNCTION(this << m_id);
    if (m_bound && m_namespace && m_namespace->GetHost())
    {
        m_namespace->GetHost()->GetSocketTable().Remove(m_id);
    }
    m_bound = false;
    if (m_open && m_namespace)
    {
        m_open = false;
        m_namespace->RemoveSocket();
    }
}

namespace
{

/**
 * @return true when bind() may use the address in the namespace: held by
 *         it (or, in the 2006 patch's mode, by any namespace of the host),
 *         loopback, multicast or broadcast
 */
bool
IsLocalForBind(const Namespace& ns, Ipv4Address address)
{
    if ((address.Get() >> 24) == 127)
    {
        return true; // every namespace has its own loopback up
    }
    if (address.IsMulticast() || address.IsBroadcast())
    {
        return true;
    }
    Ptr<Host> host = ns.GetHost();
    const AddressRegistry& registry = host->GetAddressRegistry();
    if (host->IsRouteIsolated())
    {
        return registry.IsHeldBy(address, ns.GetId()) ||
               registry.IsSubnetBroadcastOf(address, ns.GetId());
    }
    // The 2006 patch checked locality against the host's one local table.
    return registry.IsHeldAnywhere(address) || registry.IsSubnetBroadcast(address);
}

} // namespace

Status
CheckBindRules(const BindRequest& request)
{
    const Ptr<Namespace>& ns = request.ns;
    if (!ns || !ns->GetHost() || !ns->IsAlive())
    {
        return Status::Error(ESRCH, "the socket's namespace no longer exists");
    }
    if (request.address != Ipv4Address::GetAny() && !IsLocalForBind(*ns, request.address))
    {
        Ptr<Host> host = ns->GetHost();
        const std::string where = host->IsRouteIsolated()
                                      ? "namespace " + ns->GetName()
                                      : "any namespace of host " + host->GetName();
        return Status::Error(EADDRNOTAVAIL,
                             "cannot bind to " + AddressText(request.address) +
                                 ": the address is not held by " + where);
    }
    if (request.port != 0 && request.port < PROT_SOCK &&
        !request.credentials.Has(Capability::NetBindService))
    {
        return Status::Error(EACCES,
                             "binding port " + std::to_string(request.port) + " needs " +
                                 CapabilityName(Capability::NetBindService) + ", which process " +
                                 std::to_string(request.credentials.pid) + " (uid " +
                                 std::to_string(request.credentials.uid) + ") lacks");
    }
    if (request.alreadyBound)
    {
        return Status::Error(EINVAL,
                             "the socket is already bound to " +
                                 EndpointText(request.current.local, request.current.port));
    }
    if (request.port == 0)
    {
        return Status(); // ns-3 picks a free ephemeral port
    }
    SocketBinding candidate;
    candidate.socketId = request.socketId;
    candidate.namespaceId = ns->GetId();
    candidate.transport = request.transport;
    candidate.local = request.address;
    candidate.port = request.port;
    candidate.reuseAddress = request.reuseAddress;
    return ns->GetHost()->GetSocketTable().CheckBind(candidate);
}

bool
SocketAccount::IsBoundAddressLocal() const
{
    if (!m_bound || !m_namespace || m_binding.local == Ipv4Address::GetAny())
    {
        return true;
    }
    return IsLocalForBind(*m_namespace, m_binding.local);
}

Status
SocketAccount::CheckBind(Ipv4Address address, uint16_t port) const
{
    BindRequest request;
    request.ns = m_namespace;
    request.credentials = m_credentials;
    request.transport = m_transport;
    request.address = address;
    request.port = port;
    request.reuseAddress = m_reuseAddress;
    request.socketId = m_id;
    request.alreadyBound = m_bound;
    request.current = m_binding;
    return CheckBindRules(request);
}

Status
SocketAccount::CheckListen() const
{
    if (!m_bound || !m_namespace || !m_namespace->GetHost())
    {
        return Status(); // NamespaceTcpSocket::Listen binds an unbound socket to an ephemeral port
    }
    return m_namespace->GetHost()->GetSocketTable().CheckListen(m_id);
}

void
SocketAccount::RecordBinding(Ipv4Address local, uint16_t port, Ipv4Address peer, uint16_t peerPort)
{
    NS_LOG_FUNCTION(this << m_id << local << port << peer << peerPort);
    if (!m_namespace || !m_namespace->GetHost())
    {
        return;
    }
    const bool listening = m_bound && m_binding.listening;
    m_binding = SocketBinding();
    m_binding.socketId = m_id;
    m_binding.namespaceId = m_namespace->GetId();
    m_binding.transport = m_transport;
    m_binding.local = local;
    m_binding.port = port;
    m_binding.peer = peer;
    m_binding.peerPort = peerPort;
    m_binding.reuseAddress = m_reuseAddress;
    m_binding.listening = listening && peerPort == 0;
    m_namespace->GetHost()->GetSocketTable().Insert(m_binding);
    m_bound = true;
}

void
SocketAccount::MarkListening()
{
    if (!m_bound || !m_namespace || !m_namespace->GetHost())
    {
        return;
    }
    m_binding.listening = true;
    m_namespace->GetHost()->GetSocketTable().Insert(m_binding);
}

bool
SocketAccount::IsOpen() const
{
    return m_open;
}

bool
SocketAccount::IsBound() const
{
    return m_bound;
}

const SocketBinding&
SocketAccount::GetBinding() const
{
    return m_binding;
}

void
SocketAccount::SetReuseAddress(bool enable)
{
    m_reuseAddress = enable;
    // Linux reads SO_REUSEADDR when a later bind() checks for conflicts, so
    // a bound socket's recorded binding follows the option.
    if (m_bound && m_namespace && m_namespace->GetHost())
    {
        m_binding.reuseAddress = enable;
        m_namespace->GetHost()->GetSocketTable().SetReuseAddress(m_id, enable);
    }
}

bool
SocketAccount::GetReuseAddress() const
{
    return m_reuseAddress;
}

void
SocketAccount::SetLastStatus(const Status& status)
{
    m_lastStatus = status;
}

const Status&
SocketAccount::GetLastStatus() const
{
    return m_lastStatus;
}

ns3::Socket::SocketErrno
SocketAccount::GetLastSocketErrno() const
{
    switch (m_lastStatus.GetErrno())
    {
    case 0:
        return ns3::Socket::ERROR_NOTERROR;
    case EADDRINUSE:
        return ns3::Socket::ERROR_ADDRINUSE;
    case EADDRNOTAVAIL:
        return ns3::Socket::ERROR_ADDRNOTAVAIL;
    case ENETUNREACH:
    case EHOSTUNREACH:
        return ns3::Socket::ERROR_NOROUTETOHOST;
    case ENODEV:
        return ns3::Socket::ERROR_NODEV;
    case EBADF:
        return ns3::Socket::ERROR_BADF;
    case EOPNOTSUPP:
    case EACCES: // ns-3 has no permission error; OPNOTSUPP is the nearest refusal
        return ns3::Socket::ERROR_OPNOTSUPP;
    default:
        return ns3::Socket::ERROR_INVAL;
    }
}

uint64_t
SocketAccount::GetId() const
{
    return m_id;
}

Ptr<Namespace>
SocketAccount::GetNamespace() const
{
    return m_namespace;
}

const Credentials&
SocketAccount::GetCredentials() const
{
    return m_credentials;
}

Transport
SocketAccount::GetTransport() const
{
    return m_transport;
}

int
ErrnoFromSocketError(ns3::Socket::SocketErrno error)
{
    switch (error)
    {
    case ns3::Socket::ERROR_NOTERROR:
        return 0;
    case ns3::Socket::ERROR_ISCONN:
        return EISCONN;
    case ns3::Socket::ERROR_NOTCONN:
        return ENOTCONN;
    case ns3::Socket::ERROR_MSGSIZE:
        return EMSGSIZE;
    case ns3::Socket::ERROR_AGAIN:
        return EAGAIN;
    case ns3::Socket::ERROR_SHUTDOWN:
        return EPIPE; // Linux reports a send after shutdown as EPIPE
    case ns3::Socket::ERROR_OPNOTSUPP:
        return EOPNOTSUPP;
    case ns3::Socket::ERROR_AFNOSUPPORT:
        return EAFNOSUPPORT;
    case ns3::Socket::ERROR_INVAL:
        return EINVAL;
    case ns3::Socket::ERROR_BADF:
        return EBADF;
    case ns3::Socket::ERROR_NOROUTETOHOST:
        return ENETUNREACH;
    case ns3::Socket::ERROR_NODEV:
        return ENODEV;
    case ns3::Socket::ERROR_ADDRNOTAVAIL:
        return EADDRNOTAVAIL;
    case ns3::Socket::ERROR_ADDRINUSE:
        return EADDRINUSE;
    case ns3::Socket::SOCKET_ERRNO_LAST:
        break;
    }
    return EINVAL;
}

SocketAccount*
FindSocketAccount(Ptr<ns3::Socket> socket)
{
    auto* nsSocket = dynamic_cast<NamespaceSocket*>(PeekPointer(socket));
    return nsSocket ? &nsSocket->GetAccount() : nullptr;
}

} // namespace netns
} // namespace ns3
