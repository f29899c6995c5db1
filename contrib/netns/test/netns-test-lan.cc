/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-test-lan.h"

#include <sstream>

namespace ns3
{
namespace netns
{
namespace test
{

Lan::Lan(bool routeIsolation, uint32_t peerCount, bool secondLan)
{
    hostNode = CreateObject<Node>();
    peers.Create(peerCount);
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue("100Mbps"));
    csma.SetChannelAttribute("Delay", TimeValue(MicroSeconds(10)));
    lanDevices = csma.Install(NodeContainer(NodeContainer(hostNode), peers));
    if (secondLan)
    {
        farPeer = CreateObject<Node>();
        secondLanDevices = csma.Install(NodeContainer(hostNode, farPeer));
    }

    InternetStackHelper stack;
    stack.Install(peers);
    if (farPeer)
    {
        stack.Install(farPeer);
    }
    NetnsHelper netns;
    netns.SetRouteIsolation(routeIsolation);
    netns.Install(hostNode);
    host = NetnsHelper::GetHost(hostNode);

    Ipv4AddressHelper lan("198.51.100.0", "255.255.255.0");
    for (uint32_t i = 0; i < peerCount; ++i)
    {
        lan.Assign(NetDeviceContainer(lanDevices.Get(1 + i)));
    }
    if (farPeer)
    {
        Ipv4AddressHelper second("203.0.113.0", "255.255.255.0");
        second.Assign(NetDeviceContainer(secondLanDevices.Get(1)));
    }
}

void
Lan::TearDown()
{
    Simulator::Destroy();
    Names::Clear();
}

Ipv4Address
Lan::PeerAddress(uint32_t index) const
{
    return Ipv4Address(Ipv4Address("198.51.100.1").Get() + index);
}

Ptr<Process>
Lan::MakeContainer(const std::vector<std::string>& revealed,
                   const std::string& device,
                   Ipv4Address address,
                   uint8_t prefixLength)
{
    Ptr<Process> process = host->CreateProcess(0);
    process->Unshare(CLONE_NEWNET_PATCH_2006);
    for (const std::string& name : revealed)
    {
        process->WriteFile(DEBUGFS_DEV_PATH, name + "\n");
    }
    if (!device.empty())
    {
        process->AddAddress(device, address, prefixLength);
    }
    return process;
}

void
Receiver::Read(Ptr<Socket> socket)
{
    Address from;
    while (Ptr<Packet> packet = socket->RecvFrom(from))
    {
        if (packet->GetSize() == 0)
        {
            break;
        }
        std::string text(packet->GetSize(), '\0');
        packet->CopyData(reinterpret_cast<uint8_t*>(&text[0]), text.size());
        payloads.push_back(text);
        senders.push_back(from);
        bytes += packet->GetSize();
    }
}

void
Receiver::Attach(Ptr<Socket> socket)
{
    socket->SetRecvCallback(MakeCallback(&Receiver::Read, this));
    socket->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                              MakeCallback(
                                  +[](Receiver* self, Ptr<Socket> accepted, const Address&) {
                                      self->accepted++;
                                      accepted->SetRecvCallback(
                                          MakeCallback(&Receiver::Read, self));
                                  })
                                  .Bind(this));
}

Ptr<Packet>
MakePayload(const std::string& text)
{
    return Create<Packet>(reinterpret_cast<const uint8_t*>(text.data()),
                          static_cast<uint32_t>(text.size()));
}

Ptr<Socket>
SendUdpFromNode(Ptr<Node> node,
                Ipv4Address destination,
                uint16_t port,
                const std::string& text,
                Time when)
{
    Ptr<Socket> socket = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
    socket->Bind();
    Simulator::Schedule(when, [socket, destination, port, text]() {
        socket->SendTo(MakePayload(text), 0, InetSocketAddress(destination, port));
    });
    return socket;
}

Ptr<Socket>
ConnectTcpFromNode(Ptr<Node> node,
                   Ipv4Address destination,
                   uint16_t port,
                   const std::string& text,
                   Time when,
                   bool* connected)
{
    Ptr<Socket> socket = Socket::CreateSocket(node, TcpSocketFactory::GetTypeId());
    socket->SetConnectCallback(MakeCallback(
                                   +[](bool* flag, std::string payload, Ptr<Socket> s) {
                                       *flag = true;
                                       s->Send(MakePayload(payload));
                                   })
                                   .Bind(connected, text),
                               MakeNullCallback<void, Ptr<Socket>>());
    Simulator::ScheduleWithContext(node->GetId(), when, [socket, destination, port]() {
        socket->Connect(InetSocketAddress(destination, port));
    });
    return socket;
}

Status
OpenServer(Ptr<Process> process, int type, Ipv4Address address, uint16_t port, Receiver* receiver)
{
    auto fd = process->Socket(NETNS_AF_INET, type);
    if (!fd.IsOk())
    {
        return fd.GetStatus();
    }
    Status bound = process->Bind(fd.GetValue(), address, port);
    if (!bound.IsOk())
    {
        return bound;
    }
    if (type == NETNS_SOCK_STREAM)
    {
        Status listening = process->Listen(fd.GetValue());
        if (!listening.IsOk())
        {
            return listening;
        }
    }
    receiver->Attach(process->GetSocket(fd.GetValue()));
    return Status();
}

std::vector<std::string>
ListAddresses(Ptr<Namespace> ns)
{
    std::vector<std::string> listed;
    for (const AddressEntry& entry : ns->GetAddresses())
    {
        std::ostringstream os;
        os << entry.device << " " << entry.local << "/" << unsigned{entry.prefixLength};
        listed.push_back(os.str());
    }
    return listed;
}

} // namespace test
} // namespace netns
} // namespace ns3
