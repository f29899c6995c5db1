/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "namespace-udp-socket.h"

#include "net-namespace.h"
#include "netns-address-registry.h"
#include "netns-host.h"
#include "netns-private-member.h"

#include "ns3/boolean.h"
#include "ns3/inet-socket-address.h"
#include "ns3/integer.h"
#include "ns3/ipv4-end-point-demux.h"
#include "ns3/ipv4-end-point.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-route.h"
#include "ns3/ipv4-routing-protocol.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/udp-l4-protocol.h"
#include "ns3/uinteger.h"

#include <sstream>

namespace ns3
{
namespace netns
{

NS_LOG_COMPONENT_DEFINE("NamespaceUdpSocket");

// NOTE: ns-3.37's UdpSocketImpl::Connect does not set its endpoint's peer,
// and neither UdpSocketImpl nor UdpL4Protocol offers access to the endpoint,
// so the module reads the private UdpL4Protocol::m_endPoints.

/// Tag naming UdpL4Protocol::m_endPoints for PrivateMemberAccess.
struct UdpEndPointsTag
{
    /// Type of the member.
    using Member = Ipv4EndPointDemux* UdpL4Protocol::*;
    /** @return the member pointer, defined by the instantiation below */
    friend Member GetPrivateMember(UdpEndPointsTag);
};

template struct PrivateMemberAccess<UdpEndPointsTag, &UdpL4Protocol::m_endPoints>;

NS_OBJECT_ENSURE_REGISTERED(NamespaceUdpSocket);

TypeId
NamespaceUdpSocket::GetTypeId()
{
    static TypeId tid = TypeId("ns3::netns::NamespaceUdpSocket")
                            .SetParent<UdpSocket>()
                            .SetGroupName("Netns")
                            .AddConstructor<NamespaceUdpSocket>();
    return tid;
}

NamespaceUdpSocket::NamespaceUdpSocket()
{
    NS_LOG_FUNCTION(this);
}

NamespaceUdpSocket::~NamespaceUdpSocket()
{
    NS_LOG_FUNCTION(this);
    if (m_inner)
    {
        // UdpL4Protocol keeps its own reference to the inner socket, so cut
        // the callbacks that point back here before this object goes away.
        m_inner->SetRecvCallback(MakeNullCallback<void, Ptr<ns3::Socket>>());
        m_inner->SetSendCallback(MakeNullCallback<void, Ptr<ns3::Socket>, uint32_t>());
        m_inner->SetDataSentCallback(MakeNullCallback<void, Ptr<ns3::Socket>, uint32_t>());
        m_inner->Close();
    }
    m_account.Release();
}

void
NamespaceUdpSocket::DoDispose()
{
    NS_LOG_FUNCTION(this);
    if (m_inner)
    {
        m_inner->SetRecvCallback(MakeNullCallback<void, Ptr<ns3::Socket>>());
        m_inner->SetSendCallback(MakeNullCallback<void, Ptr<ns3::Socket>, uint32_t>());
        m_inner->SetDataSentCallback(MakeNullCallback<void, Ptr<ns3::Socket>, uint32_t>());
        m_inner->Close();
        m_inner = nullptr;
    }
    m_udp = nullptr;
    m_account.Release();
    UdpSocket::DoDispose();
}

void
NamespaceUdpSocket::Setup(Ptr<UdpL4Protocol> udp, Ptr<Namespace> ns, const Credentials& credentials)
{
    NS_LOG_FUNCTION(this << udp << ns << credentials.pid);
    m_udp = udp;
    m_inner = DynamicCast<UdpSocket>(udp->CreateSocket());
    NS_ASSERT_MSG(m_inner, "UdpL4Protocol::CreateSocket returned no UdpSocket");
    m_inner->SetRecvCallback(MakeCallback(&NamespaceUdpSocket::ForwardRecv, this));
    m_inner->SetSendCallback(MakeCallback(&NamespaceUdpSocket::ForwardSend, this));
    m_inner->SetDataSentCallback(MakeCallback(&NamespaceUdpSocket::ForwardDataSent, this));
    // This socket applies Linux's broadcast rules itself before each send.
    // ns-3.37 rejects any destination equal to an output address's
    // broadcast, and derives one for /31 and /32 prefixes too, where Linux
    // has none, so its check stays off.
    m_inner->SetAllowBroadcast(true);
    if (ns)
    {
        m_account.Open(ns, credentials, Transport::Udp);
    }
}

SocketAccount&
NamespaceUdpSocket::GetAccount()
{
    return m_account;
}

void
NamespaceUdpSocket::ForwardRecv(Ptr<ns3::Socket> inner)
{
    NotifyDataRecv();
}

void
NamespaceUdpSocket::ForwardSend(Ptr<ns3::Socket> inner, uint32_t available)
{
    NotifySend(available);
}

void
NamespaceUdpSocket::ForwardDataSent(Ptr<ns3::Socket> inner, uint32_t size)
{
    NotifyDataSent(size);
}

void
NamespaceUdpSocket::SyncOptions()
{
    m_inner->SetIpTos(GetIpTos());
    m_inner->SetPriority(GetPriority());
    m_inner->SetRecvPktInfo(IsRecvPktInfo());
    m_inner->SetIpRecvTos(IsIpRecvTos());
    m_inner->SetIpRecvTtl(IsIpRecvTtl());
}

void
NamespaceUdpSocket::RecordLocalEnd()
{
    Address local;
    if (m_inner->GetSockName(local) != 0 || !InetSocketAddress::IsMatchingType(local))
    {
        return;
    }
    const InetSocketAddress inet = InetSocketAddress::ConvertFrom(local);
    if (inet.GetPort() == 0)
    {
        return;
    }
    m_account.RecordBinding(inet.GetIpv4(), inet.GetPort(), m_peer, m_peerPort);
    if (m_connected)
    {
        SetEndPointPeer(inet);
    }
}

Ipv4EndPoint*
NamespaceUdpSocket::FindEndPoint(const InetSocketAddress& local) const
{
    Ipv4EndPointDemux* demux =
        m_udp ? PeekPointer(m_udp)->*GetPrivateMember(UdpEndPointsTag()) : nullptr;
    if (demux == nullptr)
    {
        return nullptr;
    }
    // ns-3's demultiplexer keeps one endpoint per local address, port and
    // bound device, so these three find the inner socket's endpoint.
    const Ptr<NetDevice> device = m_inner->GetBoundNetDevice();
    for (Ipv4EndPoint* endPoint : demux->GetAllEndPoints())
    {
        if (endPoint->GetLocalAddress() == local.GetIpv4() &&
            endPoint->GetLocalPort() == local.GetPort() && endPoint->GetBoundNetDevice() == device)
        {
            return endPoint;
        }
    }
    return nullptr;
}

void
NamespaceUdpSocket::SetEndPointPeer(const InetSocketAddress& local)
{
    Ipv4EndPoint* endPoint = FindEndPoint(local);
    if (endPoint != nullptr)
    {
        NS_LOG_LOGIC("endpoint " << local.GetIpv4() << ":" << local.GetPort()
                                 << " now receives only from " << m_peer << ":" << m_peerPort);
        endPoint->SetPeer(m_peer, m_peerPort);
    }
}

Ptr<Ipv4Route>
NamespaceUdpSocket::LookupRoute(Ipv4Address destination) const
{
    Ptr<Ipv4> ipv4 = m_inner->GetNode() ? m_inner->GetNode()->GetObject<Ipv4>() : nullptr;
    Ptr<Ipv4RoutingProtocol> routing = ipv4 ? ipv4->GetRoutingProtocol() : nullptr;
    if (!routing)
    {
        return nullptr;
    }
    Ipv4Header header;
    header.SetDestination(destination);
    header.SetProtocol(UdpL4Protocol::PROT_NUMBER);
    Socket::SocketErrno error;
    return routing->RouteOutput(Create<Packet>(), header, m_inner->GetBoundNetDevice(), error);
}

int
NamespaceUdpSocket::Fail(const Status& status)
{
    m_account.SetLastStatus(status);
    m_useAccountErrno = true;
    return -1;
}

int
NamespaceUdpSocket::RejectNonLocalSource(const std::string& operation)
{
    std::ostringstream message;
    message << operation << ": the bound address " << m_account.GetBinding().local
            << " is no longer an address of the namespace";
    return Fail(Status::Error(ENETUNREACH, message.str()));
}

int
NamespaceUdpSocket::RejectUnreachable(const std::string& operation, Ipv4Address destination)
{
    std::ostringstream message;
    message << operation << ": no route to " << destination;
    return Fail(Status::Error(ENETUNREACH, message.str()));
}

int
NamespaceUdpSocket::Finish(int result, const std::string& what)
{
    m_useAccountErrno = false;
    if (result >= 0)
    {
        m_account.SetLastStatus(Status());
        return result;
    }
    const int errnum = ErrnoFromSocketError(m_inner->GetErrno());
    m_account.SetLastStatus(Status::Error(errnum, what + " failed: " + ErrnoText(errnum)));
    return result;
}

bool
NamespaceUdpSocket::IsBroadcastDestination(Ipv4Address destination) const
{
    if (destination.IsBroadcast())
    {
        return true;
    }
    const Ptr<Namespace> ns = m_account.GetNamespace();
    const Ptr<Host> host = ns ? ns->GetHost() : nullptr;
    if (!host)
    {
        return false;
    }
    // NOTE: a broadcast address set with "brd" or SIOCSIFBRDADDR is not
    // checked here, because the registry records only subnet-directed
    // broadcasts. Linux adds a broadcast route for it.

    // Most destinations are no broadcast of any namespace, so one lookup
    // settles them.
    const AddressRegistry& registry = host->GetAddressRegistry();
    if (!registry.IsSubnetBroadcast(destination))
    {
        return false;
    }
    // Without route isolation the host has one local table, which contains the
    // broadcast routes of every namespace's addresses.
    return !host->IsRouteIsolated() || registry.IsSubnetBroadcastOf(destination, ns->GetId());
}

int
NamespaceUdpSocket::RejectBroadcast(const std::string& operation, Ipv4Address destination)
{
    std::ostringstream message;
    message << operation << ": " << destination << " is a broadcast address and SO_BROADCAST is off";
    return Fail(Status::Error(EACCES, message.str()));
}

Socket::SocketErrno
NamespaceUdpSocket::GetErrno() const
{
    if (m_useAccountErrno)
    {
        return m_account.GetLastSocketErrno();
    }
    return m_inner ? m_inner->GetErrno() : ERROR_BADF;
}

Socket::SocketType
NamespaceUdpSocket::GetSocketType() const
{
    return NS3_SOCK_DGRAM;
}

Ptr<Node>
NamespaceUdpSocket::GetNode() const
{
    return m_inner ? m_inner->GetNode() : nullptr;
}

int
NamespaceUdpSocket::Bind(const Address& address)
{
    NS_LOG_FUNCTION(this << address);
    if (!InetSocketAddress::IsMatchingType(address))
    {
        return Finish(m_inner->Bind(address), "bind");
    }
    const InetSocketAddress inet = InetSocketAddress::ConvertFrom(address);
    Status allowed = m_account.CheckBind(inet.GetIpv4(), inet.GetPort());
    if (!allowed.IsOk())
    {
        NS_LOG_LOGIC("bind to " << inet.GetIpv4() << ":" << inet.GetPort()
                                << " rejected: " << allowed.ToString());
        return Fail(allowed);
    }
    SyncOptions();
    const int result = Finish(m_inner->Bind(address), "bind");
    if (result == 0)
    {
        RecordLocalEnd();
    }
    return result;
}

int
NamespaceUdpSocket::Bind()
{
    NS_LOG_FUNCTION(this);
    Status allowed = m_account.CheckBind(Ipv4Address::GetAny(), 0);
    if (!allowed.IsOk())
    {
        return Fail(allowed);
    }
    const int result = Finish(m_inner->Bind(), "bind");
    if (result == 0)
    {
        RecordLocalEnd();
    }
    return result;
}

int
NamespaceUdpSocket::Bind6()
{
    return Finish(m_inner->Bind6(), "bind");
}

int
NamespaceUdpSocket::Close()
{
    NS_LOG_FUNCTION(this);
    const int result = Finish(m_inner->Close(), "close");
    m_account.Release();
    return result;
}

int
NamespaceUdpSocket::ShutdownSend()
{
    const int result = Finish(m_inner->ShutdownSend(), "shutdown");
    m_shutdownSend = m_shutdownSend || result == 0;
    return result;
}

int
NamespaceUdpSocket::ShutdownRecv()
{
    return Finish(m_inner->ShutdownRecv(), "shutdown");
}

void
NamespaceUdpSocket::BindLocalAddressTo(Ipv4Address source)
{
    Address local;
    if (m_inner->GetSockName(local) != 0 || !InetSocketAddress::IsMatchingType(local))
    {
        return;
    }
    const InetSocketAddress inet = InetSocketAddress::ConvertFrom(local);
    if (inet.GetIpv4() != Ipv4Address::GetAny() || source == Ipv4Address::GetAny())
    {
        return;
    }
    Ipv4EndPoint* endPoint = FindEndPoint(inet);
    if (endPoint != nullptr)
    {
        NS_LOG_LOGIC("connected socket on port " << inet.GetPort() << " takes address " << source);
        endPoint->SetLocalAddress(source);
    }
}

int
NamespaceUdpSocket::Connect(const Address& address)
{
    NS_LOG_FUNCTION(this << address);
    Ptr<Ipv4Route> route;
    Address target = address;
    if (InetSocketAddress::IsMatchingType(address))
    {
        // Linux binds an unbound datagram socket to an ephemeral port first,
        // so getsockname() gives the port and the peer's replies arrive
        // before the first send.
        if (!m_account.IsBound() && Bind() != 0)
        {
            return -1;
        }
        Ipv4Address peer = InetSocketAddress::ConvertFrom(address).GetIpv4();
        if (peer == Ipv4Address::GetAny())
        {
            // Linux connects to 0.0.0.0 as to the socket's own address, or
            // to 127.0.0.1 when it is bound to none.
            const Ipv4Address local = m_account.GetBinding().local;
            peer = local != Ipv4Address::GetAny() ? local : Ipv4Address::GetLoopback();
            target = InetSocketAddress(peer, InetSocketAddress::ConvertFrom(address).GetPort());
        }
        route = LookupRoute(peer);
        if (!route)
        {
            return RejectUnreachable("connect", peer);
        }
        if (!m_allowBroadcast && IsBroadcastDestination(peer))
        {
            return RejectBroadcast("connect", peer);
        }
    }
    const int result = Finish(m_inner->Connect(target), "connect");
    if (result == 0 && InetSocketAddress::IsMatchingType(target))
    {
        const InetSocketAddress peer = InetSocketAddress::ConvertFrom(target);
        m_peer = peer.GetIpv4();
        m_peerPort = peer.GetPort();
        m_connected = true;
        BindLocalAddressTo(route->GetSource());
        RecordLocalEnd();
    }
    if (result == 0)
    {
        NotifyConnectionSucceeded();
    }
    return result;
}

int
NamespaceUdpSocket::Listen()
{
    return Finish(m_inner->Listen(), "listen");
}

uint32_t
NamespaceUdpSocket::GetTxAvailable() const
{
    return m_inner->GetTxAvailable();
}

int
NamespaceUdpSocket::Send(Ptr<Packet> p, uint32_t flags)
{
    NS_LOG_FUNCTION(this << p << flags);
    SyncOptions();
    if (m_connected && m_peer.IsBroadcast())
    {
        return SendLimitedBroadcast(p, m_peerPort, true);
    }
    if (m_connected && !m_account.IsBoundAddressLocal())
    {
        return RejectNonLocalSource("send");
    }
    // Linux checks a broadcast peer in connect() only, so send() skips the check.
    const int result = Finish(m_inner->Send(p, flags), "send");
    if (!m_account.IsBound())
    {
        RecordLocalEnd(); // ns-3 binds an unbound socket on its first send
    }
    return result;
}

int
NamespaceUdpSocket::SendLimitedBroadcast(Ptr<Packet> p, uint16_t port, bool connected)
{
    const std::string operation = connected ? "send" : "sendto";
    const Ipv4Address destination = Ipv4Address::GetBroadcast();
    // Linux binds an unbound socket first, then routes 255.255.255.255 like
    // any destination, and checks SO_BROADCAST at sendto() and connect().
    if (!m_account.IsBound() && Bind() != 0)
    {
        return -1;
    }
    if (!m_account.IsBoundAddressLocal())
    {
        return RejectNonLocalSource(operation);
    }
    Ptr<Ipv4Route> route = LookupRoute(destination);
    if (!route)
    {
        return RejectUnreachable(operation, destination);
    }
    if (!connected && !m_allowBroadcast)
    {
        return RejectBroadcast(operation, destination);
    }
    if (m_shutdownSend)
    {
        return Fail(Status::Error(EPIPE, operation + ": the socket is shut down for sending"));
    }
    const uint32_t size = p->GetSize();
    if (size > GetTxAvailable())
    {
        return Fail(Status::Error(EMSGSIZE,
                                  operation + ": " + std::to_string(size) +
                                      " bytes exceed the maximum datagram size"));
    }
    Address local;
    m_inner->GetSockName(local);
    const InetSocketAddress inet = InetSocketAddress::ConvertFrom(local);
    const Ipv4Address source =
        inet.GetIpv4() != Ipv4Address::GetAny() ? inet.GetIpv4() : route->GetSource();
    uint8_t priority = GetPriority();
    if (GetIpTos() != 0)
    {
        SocketIpTosTag tos;
        tos.SetTos(GetIpTos());
        p->ReplacePacketTag(tos);
        priority = IpTos2Priority(GetIpTos());
    }
    if (priority != 0)
    {
        SocketPriorityTag tag;
        tag.SetPriority(priority);
        p->ReplacePacketTag(tag);
    }
    NS_LOG_LOGIC("limited broadcast from " << source << ":" << inet.GetPort() << " via "
                                           << route->GetOutputDevice()->GetIfIndex());
    m_udp->Send(p->Copy(), source, destination, inet.GetPort(), port, route);
    m_useAccountErrno = false;
    m_account.SetLastStatus(Status());
    NotifyDataSent(size);
    NotifySend(GetTxAvailable());
    return static_cast<int>(size);
}

int
NamespaceUdpSocket::SendTo(Ptr<Packet> p, uint32_t flags, const Address& toAddress)
{
    NS_LOG_FUNCTION(this << p << flags << toAddress);
    SyncOptions();
    if (InetSocketAddress::IsMatchingType(toAddress))
    {
        const InetSocketAddress to = InetSocketAddress::ConvertFrom(toAddress);
        const Ipv4Address destination = to.GetIpv4();
        if (destination.IsBroadcast())
        {
            return SendLimitedBroadcast(p, to.GetPort(), false);
        }
        if (!m_allowBroadcast && IsBroadcastDestination(destination))
        {
            // Linux binds an unbound socket before it looks at the route.
            if (!m_account.IsBound() && Bind() != 0)
            {
                return -1;
            }
            return RejectBroadcast("sendto", destination);
        }
        if (m_account.IsBound() && m_account.GetBinding().local != Ipv4Address::GetAny())
        {
            // ns-3 sends from a socket bound to an address without checking
            // that the address is still local or that a route exists, and
            // Linux fails with ENETUNREACH in both cases.
            if (!m_account.IsBoundAddressLocal())
            {
                return RejectNonLocalSource("sendto");
            }
            if (!LookupRoute(destination))
            {
                return RejectUnreachable("sendto", destination);
            }
        }
    }
    const int result = Finish(m_inner->SendTo(p, flags, toAddress), "sendto");
    if (!m_account.IsBound())
    {
        RecordLocalEnd();
    }
    return result;
}

uint32_t
NamespaceUdpSocket::GetRxAvailable() const
{
    return m_inner->GetRxAvailable();
}

Ptr<Packet>
NamespaceUdpSocket::Recv(uint32_t maxSize, uint32_t flags)
{
    return m_inner->Recv(maxSize, flags);
}

Ptr<Packet>
NamespaceUdpSocket::RecvFrom(uint32_t maxSize, uint32_t flags, Address& fromAddress)
{
    return m_inner->RecvFrom(maxSize, flags, fromAddress);
}

int
NamespaceUdpSocket::GetSockName(Address& address) const
{
    return m_inner->GetSockName(address);
}

int
NamespaceUdpSocket::GetPeerName(Address& address) const
{
    return m_inner->GetPeerName(address);
}

bool
NamespaceUdpSocket::SetAllowBroadcast(bool allowBroadcast)
{
    m_allowBroadcast = allowBroadcast;
    return true;
}

bool
NamespaceUdpSocket::GetAllowBroadcast() const
{
    return m_allowBroadcast;
}

void
NamespaceUdpSocket::BindToNetDevice(Ptr<NetDevice> netdevice)
{
    ns3::Socket::BindToNetDevice(netdevice);
    m_inner->BindToNetDevice(netdevice);
}

void
NamespaceUdpSocket::SetIpTtl(uint8_t ipTtl)
{
    ns3::Socket::SetIpTtl(ipTtl);
    if (m_inner)
    {
        m_inner->SetIpTtl(ipTtl);
    }
}

uint8_t
NamespaceUdpSocket::GetIpTtl() const
{
    return m_inner ? m_inner->GetIpTtl() : ns3::Socket::GetIpTtl();
}

int
NamespaceUdpSocket::MulticastJoinGroup(uint32_t interface, const Address& groupAddress)
{
    return Finish(m_inner->MulticastJoinGroup(interface, groupAddress), "multicast join");
}

int
NamespaceUdpSocket::MulticastLeaveGroup(uint32_t interface, const Address& groupAddress)
{
    return Finish(m_inner->MulticastLeaveGroup(interface, groupAddress), "multicast leave");
}

// The attribute accessors run during construction, before Setup() creates the
// inner socket; that socket then starts from the same attribute defaults.

void
NamespaceUdpSocket::SetRcvBufSize(uint32_t size)
{
    if (m_inner)
    {
        m_inner->SetAttribute("RcvBufSize", UintegerValue(size));
    }
}

uint32_t
NamespaceUdpSocket::GetRcvBufSize() const
{
    UintegerValue value;
    if (m_inner)
    {
        m_inner->GetAttribute("RcvBufSize", value);
    }
    return static_cast<uint32_t>(value.Get());
}

void
NamespaceUdpSocket::SetIpMulticastTtl(uint8_t ipTtl)
{
    if (m_inner)
    {
        m_inner->SetAttribute("IpMulticastTtl", UintegerValue(ipTtl));
    }
}

uint8_t
NamespaceUdpSocket::GetIpMulticastTtl() const
{
    UintegerValue value;
    if (m_inner)
    {
        m_inner->GetAttribute("IpMulticastTtl", value);
    }
    return static_cast<uint8_t>(value.Get());
}

void
NamespaceUdpSocket::SetIpMulticastIf(int32_t ipIf)
{
    if (m_inner)
    {
        m_inner->SetAttribute("IpMulticastIf", IntegerValue(ipIf));
    }
}

int32_t
NamespaceUdpSocket::GetIpMulticastIf() const
{
    IntegerValue value(-1);
    if (m_inner)
    {
        m_inner->GetAttribute("IpMulticastIf", value);
    }
    return static_cast<int32_t>(value.Get());
}

void
NamespaceUdpSocket::SetIpMulticastLoop(bool loop)
{
    if (m_inner)
    {
        m_inner->SetAttribute("IpMulticastLoop", BooleanValue(loop));
    }
}

bool
NamespaceUdpSocket::GetIpMulticastLoop() const
{
    BooleanValue value;
    if (m_inner)
    {
        m_inner->GetAttribute("IpMulticastLoop", value);
    }
    return value.Get();
}

void
NamespaceUdpSocket::SetMtuDiscover(bool discover)
{
    if (m_inner)
    {
        m_inner->SetAttribute("MtuDiscover", BooleanValue(discover));
    }
}

bool
NamespaceUdpSocket::GetMtuDiscover() const
{
    BooleanValue value;
    if (m_inner)
    {
        m_inner->GetAttribute("MtuDiscover", value);
    }
    return value.Get();
}

} // namespace netns
} // namespace ns3
