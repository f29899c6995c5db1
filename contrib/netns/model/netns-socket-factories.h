/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_SOCKET_FACTORIES_H
#define NETNS_SOCKET_FACTORIES_H

#include "ns3/tcp-socket-factory.h"
#include "ns3/udp-socket-factory.h"

namespace ns3
{

class TcpL4Protocol;
class UdpL4Protocol;

namespace netns
{

/**
 * @ingroup netns
 * Creates NamespaceUdpSocket objects for Socket::CreateSocket(node,
 * UdpSocketFactory::GetTypeId()) on a host or namespace node. Each socket
 * belongs to the node's namespace and carries the credentials of the host's
 * current process.
 */
class NamespaceUdpSocketFactory : public UdpSocketFactory
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * @param udp the node's UDP protocol
     */
    void SetUdp(Ptr<UdpL4Protocol> udp);

    Ptr<Socket> CreateSocket() override;

  protected:
    void DoDispose() override;

  private:
    Ptr<UdpL4Protocol> m_udp; //!< the node's UDP protocol
};

/**
 * @ingroup netns
 * Creates NamespaceTcpSocket objects, configured from the node's
 * TcpL4Protocol attributes (congestion control, recovery, RTT estimator)
 * the way ns-3's own TCP factory configures them.
 */
class NamespaceTcpSocketFactory : public TcpSocketFactory
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * @param tcp the node's TCP protocol
     */
    void SetTcp(Ptr<TcpL4Protocol> tcp);

    Ptr<Socket> CreateSocket() override;

  protected:
    void DoDispose() override;

  private:
    Ptr<TcpL4Protocol> m_tcp; //!< the node's TCP protocol
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_SOCKET_FACTORIES_H */
