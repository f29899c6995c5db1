/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-socket-factories.h"

#include "namespace-tcp-socket.h"
#include "namespace-udp-socket.h"
#include "net-namespace.h"
#include "netns-host.h"

#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/object-factory.h"
#include "ns3/rtt-estimator.h"
#include "ns3/tcp-congestion-ops.h"
#include "ns3/tcp-l4-protocol.h"
#include "ns3/tcp-recovery-ops.h"
#include "ns3/type-id.h"
#include "ns3/udp-l4-protocol.h"

namespace ns3
{
namespace netns
{

NS_LOG_COMPONENT_DEFINE("NetnsSocketFactories");

NS_OBJECT_ENSURE_REGISTERED(NamespaceUdpSocketFactory);
NS_OBJECT_ENSURE_REGISTERED(NamespaceTcpSocketFactory);

namespace
{

/** @return the namespace a protocol object's node carries, or nullptr */
Ptr<Namespace>
NamespaceOf(Ptr<Object> protocol)
{
    return protocol ? protocol->GetObject<Namespace>() : nullptr;
}

/** @return the credentials of whatever process is running on the namespace's host */
Credentials
CurrentCredentials(Ptr<Namespace> ns)
{
    if (!ns || !ns->GetHost())
    {
        return Credentials::ForUser(0);
    }
    return ns->GetHost()->GetCurrentCredentials();
}

/** Create an object from the TypeId held by an attribute of another object. */
template <typename T>
Ptr<T>
CreateFromTypeIdAttribute(Ptr<Object> owner, const std::string& attribute)
{
    TypeIdValue type;
    owner->GetAttribute(attribute, type);
    ObjectFactory factory;
    factory.SetTypeId(type.Get());
    return factory.Create<T>();
}

} // namespace

TypeId
NamespaceUdpSocketFactory::GetTypeId()
{
    static TypeId tid = TypeId("ns3::netns::NamespaceUdpSocketFactory")
                            .SetParent<UdpSocketFactory>()
                            .SetGroupName("Netns")
                            .AddConstructor<NamespaceUdpSocketFactory>();
    return tid;
}

void
NamespaceUdpSocketFactory::SetUdp(Ptr<UdpL4Protocol> udp)
{
    m_udp = udp;
}

Ptr<Socket>
NamespaceUdpSocketFactory::CreateSocket()
{
    NS_LOG_FUNCTION(this);
    Ptr<Namespace> ns = NamespaceOf(m_udp);
    Ptr<NamespaceUdpSocket> socket = CreateObject<NamespaceUdpSocket>();
    socket->Setup(m_udp, ns, CurrentCredentials(ns));
    return socket;
}

void
NamespaceUdpSocketFactory::DoDispose()
{
    m_udp = nullptr;
    UdpSocketFactory::DoDispose();
}

TypeId
NamespaceTcpSocketFactory::GetTypeId()
{
    static TypeId tid = TypeId("ns3::netns::NamespaceTcpSocketFactory")
                            .SetParent<TcpSocketFactory>()
                            .SetGroupName("Netns")
                            .AddConstructor<NamespaceTcpSocketFactory>();
    return tid;
}

void
NamespaceTcpSocketFactory::SetTcp(Ptr<TcpL4Protocol> tcp)
{
    m_tcp = tcp;
}

Ptr<Socket>
NamespaceTcpSocketFactory::CreateSocket()
{
    NS_LOG_FUNCTION(this);
    Ptr<NamespaceTcpSocket> socket = CreateObject<NamespaceTcpSocket>();
    socket->SetNode(m_tcp->GetObject<Node>());
    socket->SetTcp(m_tcp);
    socket->SetRtt(CreateFromTypeIdAttribute<RttEstimator>(m_tcp, "RttEstimatorType"));
    socket->SetCongestionControlAlgorithm(
        CreateFromTypeIdAttribute<TcpCongestionOps>(m_tcp, "SocketType"));
    socket->SetRecoveryAlgorithm(CreateFromTypeIdAttribute<TcpRecoveryOps>(m_tcp, "RecoveryType"));
    Ptr<Namespace> ns = NamespaceOf(m_tcp);
    if (ns)
    {
        socket->Open(ns, CurrentCredentials(ns));
    }
    return socket;
}

void
NamespaceTcpSocketFactory::DoDispose()
{
    m_tcp = nullptr;
    TcpSocketFactory::DoDispose();
}

} // namespace netns
} // namespace ns3
