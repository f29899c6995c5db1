/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "namespace-tcp-socket.h"

#include "net-namespace.h"
#include "netns-host.h"
#include "netns-process.h"

#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/tcp-header.h"
#include "ns3/tcp-option.h"

#include <sstream>

namespace ns3
{
namespace netns
{

NS_LOG_COMPONENT_DEFINE("NamespaceTcpSocket");

NS_OBJECT_ENSURE_REGISTERED(NamespaceTcpSocket);

TypeId
NamespaceTcpSocket::GetTypeId()
{
    static TypeId tid = TypeId("ns3::netns::NamespaceTcpSocket")
                            .SetParent<TcpSocketBase>()
                            .SetGroupName("Netns")
                            .AddConstructor<NamespaceTcpSocket>();
    return tid;
}

TypeId
NamespaceTcpSocket::GetInstanceTypeId() const
{
    return NamespaceTcpSocket::GetTypeId();
}

NamespaceTcpSocket::NamespaceTcpSocket()
{
    NS_LOG_FUNCTION(this);
}

NamespaceTcpSocket::NamespaceTcpSocket(const NamespaceTcpSocket& listener)
    : TcpSocketBase(listener)
{
    NS_LOG_FUNCTION(this << &listener);
    m_account.OpenAccepted(listener.m_account);
}

NamespaceTcpSocket::~NamespaceTcpSocket()
{
    NS_LOG_FUNCTION(this);
    LeaveOwner();
    m_account.Release();
}

void
NamespaceTcpSocket::DoDispose()
{
    NS_LOG_FUNCTION(this);
    LeaveOwner();
    m_account.Release();
    TcpSocketBase::DoDispose();
}

void
NamespaceTcpSocket::Open(Ptr<Namespace> ns, const Credentials& credentials)
{
    m_account.Open(ns, credentials, Transport::Tcp);
}

SocketAccount&
NamespaceTcpSocket::GetAccount()
{
    return m_account;
}

int
NamespaceTcpSocket::Finish(int result, const std::string& what)
{
    m_useAccountErrno = false;
    if (result >= 0)
    {
        m_account.SetLastStatus(Status());
        return result;
    }
    const int errnum = ErrnoFromSocketError(TcpSocketBase::GetErrno());
    m_account.SetLastStatus(Status::Error(errnum, what + " failed: " + ErrnoText(errnum)));
    return result;
}

Socket::SocketErrno
NamespaceTcpSocket::GetErrno() const
{
    if (m_useAccountErrno)
    {
        return m_account.GetLastSocketErrno();
    }
    return TcpSocketBase::GetErrno();
}

void
NamespaceTcpSocket::RecordEnds(const Address& peer)
{
    Address local;
    if (GetSockName(local) != 0 || !InetSocketAddress::IsMatchingType(local))
    {
        return;
    }
    const InetSocketAddress inetLocal = InetSocketAddress::ConvertFrom(local);
    Ipv4Address peerAddress = Ipv4Address::GetAny();
    uint16_t peerPort = 0;
    if (InetSocketAddress::IsMatchingType(peer))
    {
        const InetSocketAddress inetPeer = InetSocketAddress::ConvertFrom(peer);
        peerAddress = inetPeer.GetIpv4();
        peerPort = inetPeer.GetPort();
    }
    m_account.RecordBinding(inetLocal.GetIpv4(), inetLocal.GetPort(), peerAddress, peerPort);
}

int
NamespaceTcpSocket::Bind()
{
    NS_LOG_FUNCTION(this);
    Status allowed = m_account.CheckBind(Ipv4Address::GetAny(), 0);
    if (!allowed.IsOk())
    {
        m_account.SetLastStatus(allowed);
        m_useAccountErrno = true;
        return -1;
    }
    const int result = Finish(TcpSocketBase::Bind(), "bind");
    if (result == 0)
    {
        RecordEnds(Address());
    }
    return result;
}

int
NamespaceTcpSocket::Bind(const Address& address)
{
    NS_LOG_FUNCTION(this << address);
    if (!InetSocketAddress::IsMatchingType(address))
    {
        return Finish(TcpSocketBase::Bind(address), "bind");
    }
    const InetSocketAddress inet = InetSocketAddress::ConvertFrom(address);
    Status allowed = m_account.CheckBind(inet.GetIpv4(), inet.GetPort());
    if (!allowed.IsOk())
    {
        NS_LOG_LOGIC("bind to " << inet.GetIpv4() << ":" << inet.GetPort()
                                << " rejected: " << allowed.ToString());
        m_account.SetLastStatus(allowed);
        m_useAccountErrno = true;
        return -1;
    }
    const int result = Finish(TcpSocketBase::Bind(address), "bind");
    if (result == 0)
    {
        RecordEnds(Address());
    }
    return result;
}

int
NamespaceTcpSocket::Connect(const Address& address)
{
    NS_LOG_FUNCTION(this << address);
    const int result = Finish(TcpSocketBase::Connect(address), "connect");
    if (result == 0)
    {
        RecordEnds(address);
    }
    return result;
}

int
NamespaceTcpSocket::Listen()
{
    NS_LOG_FUNCTION(this);
    Status allowed = m_account.CheckListen();
    if (!allowed.IsOk())
    {
        m_account.SetLastStatus(allowed);
        m_useAccountErrno = true;
        return -1;
    }
    // Linux's inet_listen() binds an unbound socket to an ephemeral port
    // first, while ns-3.37 would listen without an endpoint and accept nothing.
    if (!m_account.IsBound() && m_endPoint == nullptr && m_state == CLOSED)
    {
        NS_LOG_LOGIC("listen() on an unbound socket: binding an ephemeral port first");
        if (Bind() != 0)
        {
            return -1;
        }
    }
    const bool wasBound = m_account.IsBound();
    const int result = Finish(TcpSocketBase::Listen(), "listen");
    if (result == 0)
    {
        if (!wasBound)
        {
            RecordEnds(Address());
        }
        m_account.MarkListening();
    }
    return result;
}

int
NamespaceTcpSocket::Close()
{
    NS_LOG_FUNCTION(this);
    // ns-3.37 keeps the endpoint of a socket closed in state CLOSED (bound but
    // never connected or listening), so its port stayed taken; Linux frees it.
    const bool unused = m_state == CLOSED;
    const int result = Finish(TcpSocketBase::Close(), "close");
    if (unused)
    {
        DeallocateEndPoint();
    }
    m_account.Release();
    return result;
}

void
NamespaceTcpSocket::DoForwardUp(Ptr<Packet> packet,
                                const Address& fromAddress,
                                const Address& toAddress)
{
    // Read the flags byte (offset 13 of the TCP header) instead of parsing the
    // whole header with its options: this runs for every segment.
    constexpr uint32_t flagsOffset = 13;
    uint8_t header[flagsOffset + 1] = {};
    const bool complete = packet->CopyData(header, sizeof(header)) == sizeof(header);
    const uint8_t flags = header[flagsOffset];
    const bool reset = complete && (flags & TcpHeader::RST);
    if (reset && m_state == SYN_SENT && (flags & TcpHeader::ACK))
    {
        RefuseConnection(fromAddress);
        return;
    }
    bool bareReset = false;
    if (reset && m_timestampEnabled)
    {
        TcpHeader tcpHeader;
        packet->PeekHeader(tcpHeader);
        bareReset = !tcpHeader.HasOption(TcpOption::TS);
    }
    if (bareReset)
    {
        NS_LOG_LOGIC("accepting a RST without timestamp option, as RFC 7323 and Linux do");
        m_timestampEnabled = false;
    }
    TcpSocketBase::DoForwardUp(packet, fromAddress, toAddress);
    if (bareReset)
    {
        m_timestampEnabled = true;
    }
}

void
NamespaceTcpSocket::RefuseConnection(const Address& peer)
{
    std::ostringstream peerText;
    if (InetSocketAddress::IsMatchingType(peer))
    {
        const InetSocketAddress inet = InetSocketAddress::ConvertFrom(peer);
        peerText << inet.GetIpv4() << ":" << inet.GetPort();
    }
    NS_LOG_LOGIC("RST in SYN_SENT from " << peerText.str() << ": connection refused");
    m_account.SetLastStatus(
        Status::Error(ECONNREFUSED, "connect to " + peerText.str() + ": Connection refused"));
    m_useAccountErrno = true;
    // The application hears of the failure, not of a normal close.
    m_closeNotified = true;
    CancelAllTimers();
    CloseAndNotify();
    m_account.Release();
    NotifyConnectionFailed();
}

Ptr<TcpSocketBase>
NamespaceTcpSocket::Fork()
{
    return CopyObject<NamespaceTcpSocket>(this);
}

void
NamespaceTcpSocket::CompleteFork(Ptr<Packet> p,
                                 const TcpHeader& tcpHeader,
                                 const Address& fromAddress,
                                 const Address& toAddress)
{
    NS_LOG_FUNCTION(this << p << tcpHeader << fromAddress << toAddress);
    TcpSocketBase::CompleteFork(p, tcpHeader, fromAddress, toAddress);
    RecordEnds(fromAddress);
    // The connection belongs to the process that created the listener, so
    // that its exit closes the connection.
    Ptr<Namespace> ns = m_account.GetNamespace();
    const uint32_t pid = m_account.GetCredentials().pid;
    Ptr<Process> owner =
        (ns && ns->GetHost() && pid != 0) ? ns->GetHost()->GetProcess(pid) : nullptr;
    if (owner && owner->AdoptAcceptedSocket(this))
    {
        m_ownerPid = pid;
    }
}

void
NamespaceTcpSocket::LeaveOwner()
{
    if (m_ownerPid == 0)
    {
        return;
    }
    Ptr<Namespace> ns = m_account.GetNamespace();
    Ptr<Process> owner = (ns && ns->GetHost()) ? ns->GetHost()->GetProcess(m_ownerPid) : nullptr;
    if (owner)
    {
        owner->ForgetAcceptedSocket(this);
    }
    m_ownerPid = 0;
}

} // namespace netns
} // namespace ns3
