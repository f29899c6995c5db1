/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-process.h"

#include "net-namespace.h"
#include "netns-application-launcher.h"
#include "netns-host.h"
#include "netns-names.h"
#include "netns-socket-account.h"

#include "ns3/address.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/type-id.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <cstdio>
#include <sstream>

namespace ns3
{
namespace netns
{

NS_LOG_COMPONENT_DEFINE("NetnsProcess");

NS_OBJECT_ENSURE_REGISTERED(Process);

namespace
{

/// Path of the per-namespace device statistics file.
constexpr const char* PROC_NET_DEV_PATH = "/proc/net/dev";

/// Lowest file descriptor handed out; 0 to 2 are the standard streams.
constexpr int FIRST_FD = 3;

/** @return "0x40000000" */
std::string
HexText(uint32_t value)
{
    char text[16];
    std::snprintf(text, sizeof(text), "0x%08x", value);
    return text;
}

/** @return the text with leading and trailing blanks removed */
std::string
Trim(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
    {
        return "";
    }
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

} // namespace

CurrentProcessGuard::CurrentProcessGuard(Ptr<Host> host, Process* process)
    : m_host(host),
      m_previous(host ? host->SetCurrentProcess(process) : nullptr)
{
}

CurrentProcessGuard::~CurrentProcessGuard()
{
    if (m_host)
    {
        m_host->SetCurrentProcess(m_previous);
    }
}

TypeId
Process::GetTypeId()
{
    static TypeId tid = TypeId("ns3::netns::Process")
                            .SetParent<Object>()
                            .SetGroupName("Netns")
                            .AddConstructor<Process>();
    return tid;
}

Process::Process()
{
    NS_LOG_FUNCTION(this);
}

Process::~Process()
{
    NS_LOG_FUNCTION(this);
}

void
Process::DoDispose()
{
    NS_LOG_FUNCTION(this);
    for (RunningApplication& running : m_applications)
    {
        running.application->Dispose();
    }
    m_applications.clear();
    m_fds.clear();
    m_accepted.clear();
    m_namespace = nullptr;
    m_host = nullptr;
    Object::DoDispose();
}

void
Process::Setup(Ptr<Host> host,
               uint32_t pid,
               uint32_t parentPid,
               const Credentials& credentials,
               Ptr<Namespace> ns)
{
    NS_LOG_FUNCTION(this << pid << parentPid << credentials.uid);
    m_host = host;
    m_pid = pid;
    m_parentPid = parentPid;
    m_credentials = credentials;
    m_credentials.pid = pid;
    m_namespace = ns;
    ns->AddProcess(pid);
}

uint32_t
Process::GetPid() const
{
    return m_pid;
}

uint32_t
Process::GetParentPid() const
{
    return m_parentPid;
}

uint32_t
Process::GetUid() const
{
    return m_credentials.uid;
}

const Credentials&
Process::GetCredentials() const
{
    return m_credentials;
}

void
Process::SetCapability(Capability capability, bool present)
{
    m_credentials.Set(capability, present);
}

Ptr<Host>
Process::GetHost() const
{
    return m_host;
}

Ptr<Namespace>
Process::GetNamespace() const
{
    return m_namespace;
}

bool
Process::IsAlive() const
{
    return m_alive && m_host;
}

int
Process::GetExitStatus() const
{
    return m_exitStatus;
}

Status
Process::CheckAlive(const std::string& what) const
{
    if (!IsAlive())
    {
        return Status::Error(ESRCH,
                             what + ": process " + std::to_string(m_pid) + " has exited");
    }
    return Status();
}

Status
Process::CheckCapability(Capability capability, const std::string& what) const
{
    Status alive = CheckAlive(what);
    if (!alive.IsOk())
    {
        return alive;
    }
    if (!m_credentials.Has(capability))
    {
        return Status::Error(EPERM,
                             what + ": Operation not permitted: " + CapabilityName(capability) +
                                 " is required and process " + std::to_string(m_pid) +
                                 " (uid " + std::to_string(m_credentials.uid) + ") lacks it");
    }
    return Status();
}

Result<Ptr<Process>>
Process::Fork()
{
    NS_LOG_FUNCTION(this);
    Status alive = CheckAlive("fork");
    if (!alive.IsOk())
    {
        return alive;
    }
    Ptr<Process> child = CreateObject<Process>();
    const uint32_t pid = m_host->AdoptProcess(child);
    child->Setup(m_host, pid, m_pid, m_credentials, m_namespace);
    return child;
}

Status
Process::Unshare(uint32_t flags)
{
    NS_LOG_FUNCTION(this << flags);
    Status alive = CheckAlive("unshare");
    if (!alive.IsOk())
    {
        return alive;
    }
    const uint32_t supported = CLONE_NEWNET_PATCH_2006 | CLONE_NEWNET_MAINLINE;
    if ((flags & ~supported) != 0)
    {
        return Status::Error(EINVAL,
                             "unshare failed: Invalid argument: flags " +
                                 HexText(flags & ~supported) +
                                 " are not emulated; only CLONE_NEWNET is");
    }
    if (flags == 0)
    {
        return Status();
    }
    Status allowed = CheckCapability(Capability::SysAdmin, "unshare(CLONE_NEWNET)");
    if (!allowed.IsOk())
    {
        return Status::Error(EPERM,
                             "unshare failed: Operation not permitted: CLONE_NEWNET needs " +
                                 CapabilityName(Capability::SysAdmin) + ", which process " +
                                 std::to_string(m_pid) + " (uid " +
                                 std::to_string(m_credentials.uid) + ") lacks");
    }
    Ptr<Namespace> previous = m_namespace;
    m_namespace = m_host->CreateNamespace();
    m_namespace->AddProcess(m_pid);
    previous->RemoveProcess(m_pid);
    NS_LOG_INFO("process " << m_pid << " on host " << m_host->GetName()
                           << " moved to namespace " << m_namespace->GetName());
    return Status();
}

Status
Process::Unshare(const std::string& flags)
{
    uint32_t value = 0;
    std::istringstream names(flags);
    std::string name;
    bool any = false;
    while (std::getline(names, name, '|'))
    {
        name = Trim(name);
        if (name == "CLONE_NEWNET")
        {
            value |= CLONE_NEWNET_MAINLINE;
            any = true;
            continue;
        }
        return Status::Error(EINVAL,
                             "unshare failed: Invalid argument: unknown or unsupported flag " +
                                 QuoteForMessage(name) + "; only CLONE_NEWNET is emulated");
    }
    if (!any)
    {
        return Status::Error(EINVAL, "unshare failed: Invalid argument: no flag given");
    }
    return Unshare(value);
}

void
Process::Exit(int status)
{
    NS_LOG_FUNCTION(this << status);
    if (!IsAlive())
    {
        return;
    }
    {
        CurrentProcessGuard guard(m_host, this);
        for (std::size_t i = 0; i < m_applications.size(); ++i)
        {
            StopApplication(i);
        }
        for (auto& [fd, socket] : m_fds)
        {
            socket->Close();
        }
        m_fds.clear();
        // Connections accepted from the process's listeners reach its
        // applications through ns-3's accept callback, not the descriptor
        // table, and the applications may have kept them open.
        // Take references first, because closing may let ns-3's TCP drop a socket.
        const std::vector<Ptr<ns3::Socket>> accepted(m_accepted.begin(), m_accepted.end());
        m_accepted.clear();
        for (const Ptr<ns3::Socket>& socket : accepted)
        {
            const SocketAccount* account = FindSocketAccount(socket);
            if (account == nullptr || account->IsOpen())
            {
                socket->Close();
            }
        }
    }
    m_alive = false;
    m_exitStatus = status;
    Ptr<Namespace> ns = m_namespace;
    ns->RemoveProcess(m_pid);
    NS_LOG_INFO("process " << m_pid << " on host " << m_host->GetName() << " exited with status "
                           << status);
}

bool
Process::AdoptAcceptedSocket(Ptr<ns3::Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    if (!IsAlive())
    {
        NS_LOG_LOGIC("process " << m_pid
                                << " has exited: closing the connection forked from its listener");
        CurrentProcessGuard guard(m_host, this);
        socket->Close();
        return false;
    }
    m_accepted.insert(PeekPointer(socket));
    return true;
}

void
Process::ForgetAcceptedSocket(ns3::Socket* socket)
{
    m_accepted.erase(socket);
}

Result<std::size_t>
Process::WriteFile(const std::string& path, const std::string& data)
{
    NS_LOG_FUNCTION(this << path);
    Status alive = CheckAlive("write " + path);
    if (!alive.IsOk())
    {
        return alive;
    }
    if (path == DEBUGFS_DEV_PATH)
    {
        // The file is mode 0666 in the patch: no capability is checked.
        return m_host->WriteDebugfsDev(m_namespace, data);
    }
    if (path == PROC_NET_DEV_PATH)
    {
        return Status::Error(EACCES, "cannot open " + path + " for writing: Permission denied");
    }
    return Status::Error(ENOENT, path + ": No such file or directory");
}

Result<std::string>
Process::ReadFile(const std::string& path)
{
    NS_LOG_FUNCTION(this << path);
    Status alive = CheckAlive("read " + path);
    if (!alive.IsOk())
    {
        return alive;
    }
    if (path == DEBUGFS_DEV_PATH)
    {
        return m_host->ReadDebugfsDev(m_namespace);
    }
    if (path == PROC_NET_DEV_PATH)
    {
        return FormatProcNetDev();
    }
    return Status::Error(ENOENT, path + ": No such file or directory");
}

std::string
Process::FormatProcNetDev() const
{
    std::string text =
        "Inter-|   Receive                                                |  Transmit\n"
        " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets "
        "errs drop fifo colls carrier compressed\n";
    for (const ViewEntry& entry : m_namespace->GetView())
    {
        const DeviceCounters counters = m_namespace->GetDeviceCounters(entry.ifindex);
        char line[256];
        // Same field widths as the kernel's dev_seq_printf_stats().
        std::snprintf(line,
                      sizeof(line),
                      "%6s:%8llu %7llu %4u %4u %4u %5u %10u %9u %8llu %7llu %4u %4u %4u %5u %7u "
                      "%10u\n",
                      entry.name.c_str(),
                      static_cast<unsigned long long>(counters.rxBytes),
                      static_cast<unsigned long long>(counters.rxPackets),
                      0u,
                      0u,
                      0u,
                      0u,
                      0u,
                      0u,
                      static_cast<unsigned long long>(counters.txBytes),
                      static_cast<unsigned long long>(counters.txPackets),
                      0u,
                      0u,
                      0u,
                      0u,
                      0u,
                      0u);
        text += line;
    }
    return text;
}

Result<int>
Process::Socket(int domain, int type, int protocol)
{
    NS_LOG_FUNCTION(this << domain << type << protocol);
    Status alive = CheckAlive("socket");
    if (!alive.IsOk())
    {
        return alive;
    }
    if (domain != NETNS_AF_INET)
    {
        return Status::Error(EAFNOSUPPORT,
                             "socket: address family " + std::to_string(domain) +
                                 " is not supported; only AF_INET (2) is emulated");
    }
    TypeId factory;
    if (type == NETNS_SOCK_STREAM && (protocol == 0 || protocol == 6))
    {
        factory = TcpSocketFactory::GetTypeId();
    }
    else if (type == NETNS_SOCK_DGRAM && (protocol == 0 || protocol == 17))
    {
        factory = UdpSocketFactory::GetTypeId();
    }
    else if (type == NETNS_SOCK_STREAM || type == NETNS_SOCK_DGRAM)
    {
        return Status::Error(EPROTONOSUPPORT,
                             "socket: protocol " + std::to_string(protocol) +
                                 " does not match socket type " + std::to_string(type));
    }
    else
    {
        return Status::Error(EINVAL,
                             "socket: type " + std::to_string(type) +
                                 " is not emulated; use SOCK_STREAM (1) or SOCK_DGRAM (2)");
    }
    Ptr<ns3::Socket> socket;
    {
        CurrentProcessGuard guard(m_host, this);
        socket = ns3::Socket::CreateSocket(m_namespace->GetNode(), factory);
    }
    int fd = FIRST_FD;
    while (m_fds.count(fd) != 0)
    {
        ++fd;
    }
    m_fds[fd] = socket;
    return fd;
}

Status
Process::LookupFd(int fd, Ptr<ns3::Socket>& socket) const
{
    Status alive = CheckAlive("fd " + std::to_string(fd));
    if (!alive.IsOk())
    {
        return alive;
    }
    auto it = m_fds.find(fd);
    if (it == m_fds.end())
    {
        return Status::Error(EBADF,
                             "bad file descriptor " + std::to_string(fd) + " in process " +
                                 std::to_string(m_pid));
    }
    socket = it->second;
    return Status();
}

namespace
{

/** @return the Linux status of a socket call that returned a negative value */
Status
SocketFailure(Ptr<ns3::Socket> socket, const std::string& what)
{
    SocketAccount* account = FindSocketAccount(socket);
    if (account && !account->GetLastStatus().IsOk())
    {
        return account->GetLastStatus();
    }
    const int errnum = ErrnoFromSocketError(socket->GetErrno());
    return Status::Error(errnum, what + " failed: " + ErrnoText(errnum));
}

} // namespace

Status
Process::Bind(int fd, Ipv4Address address, uint16_t port)
{
    NS_LOG_FUNCTION(this << fd << address << port);
    Ptr<ns3::Socket> socket;
    Status found = LookupFd(fd, socket);
    if (!found.IsOk())
    {
        return found;
    }
    CurrentProcessGuard guard(m_host, this);
    if (socket->Bind(InetSocketAddress(address, port)) != 0)
    {
        return SocketFailure(socket, "bind");
    }
    return Status();
}

Status
Process::Listen(int fd, int backlog)
{
    NS_LOG_FUNCTION(this << fd << backlog);
    Ptr<ns3::Socket> socket;
    Status found = LookupFd(fd, socket);
    if (!found.IsOk())
    {
        return found;
    }
    if (socket->GetSocketType() != ns3::Socket::NS3_SOCK_STREAM)
    {
        return Status::Error(EOPNOTSUPP,
                             "listen: Operation not supported on datagram socket " +
                                 std::to_string(fd));
    }
    CurrentProcessGuard guard(m_host, this);
    if (socket->Listen() != 0)
    {
        return SocketFailure(socket, "listen");
    }
    return Status();
}

Status
Process::Connect(int fd, Ipv4Address address, uint16_t port)
{
    NS_LOG_FUNCTION(this << fd << address << port);
    Ptr<ns3::Socket> socket;
    Status found = LookupFd(fd, socket);
    if (!found.IsOk())
    {
        return found;
    }
    CurrentProcessGuard guard(m_host, this);
    if (socket->Connect(InetSocketAddress(address, port)) != 0)
    {
        return SocketFailure(socket, "connect");
    }
    return Status();
}

Result<uint32_t>
Process::Send(int fd, Ptr<Packet> packet)
{
    Ptr<ns3::Socket> socket;
    Status found = LookupFd(fd, socket);
    if (!found.IsOk())
    {
        return found;
    }
    if (!packet)
    {
        return Status::Error(EINVAL, "send: no packet given for fd " + std::to_string(fd));
    }
    CurrentProcessGuard guard(m_host, this);
    const int sent = socket->Send(packet, 0);
    if (sent < 0)
    {
        const Status failed = SocketFailure(socket, "send");
        return Status::Error(failed.GetErrno(),
                             failed.GetMessage() + " (fd " + std::to_string(fd) + ", " +
                                 std::to_string(packet->GetSize()) + " bytes)");
    }
    return static_cast<uint32_t>(sent);
}

Result<uint32_t>
Process::SendTo(int fd, Ptr<Packet> packet, Ipv4Address address, uint16_t port)
{
    Ptr<ns3::Socket> socket;
    Status found = LookupFd(fd, socket);
    if (!found.IsOk())
    {
        return found;
    }
    if (!packet)
    {
        return Status::Error(EINVAL, "sendto: no packet given for fd " + std::to_string(fd));
    }
    CurrentProcessGuard guard(m_host, this);
    const int sent = socket->SendTo(packet, 0, InetSocketAddress(address, port));
    if (sent < 0)
    {
        const Status failed = SocketFailure(socket, "sendto");
        std::ostringstream context;
        context << " (fd " << fd << " to " << address << ":" << port << ", " << packet->GetSize()
                << " bytes)";
        return Status::Error(failed.GetErrno(), failed.GetMessage() + context.str());
    }
    return static_cast<uint32_t>(sent);
}

Status
Process::SetReuseAddress(int fd, bool enable)
{
    Ptr<ns3::Socket> socket;
    Status found = LookupFd(fd, socket);
    if (!found.IsOk())
    {
        return found;
    }
    SocketAccount* account = FindSocketAccount(socket);
    if (!account)
    {
        return Status::Error(ENOTSOCK, "fd " + std::to_string(fd) + " is not a module socket");
    }
    account->SetReuseAddress(enable);
    return Status();
}

Status
Process::Close(int fd)
{
    NS_LOG_FUNCTION(this << fd);
    Ptr<ns3::Socket> socket;
    Status found = LookupFd(fd, socket);
    if (!found.IsOk())
    {
        return found;
    }
    m_fds.erase(fd);
    CurrentProcessGuard guard(m_host, this);
    socket->Close();
    return Status();
}

Ptr<ns3::Socket>
Process::GetSocket(int fd) const
{
    auto it = m_fds.find(fd);
    return it == m_fds.end() ? nullptr : it->second;
}

std::vector<int>
Process::GetFds() const
{
    std::vector<int> fds;
    for (const auto& [fd, socket] : m_fds)
    {
        fds.push_back(fd);
    }
    return fds;
}

Status
Process::InstallApplication(Ptr<Application> application)
{
    NS_LOG_FUNCTION(this << application);
    Status alive = CheckAlive("install application");
    if (!alive.IsOk())
    {
        return alive;
    }
    if (!application)
    {
        return Status::Error(EINVAL, "install application: no application given");
    }
    if (application->GetNode())
    {
        return Status::Error(EBUSY,
                             "install application: it already runs on node " +
                                 std::to_string(application->GetNode()->GetId()));
    }
    TimeValue start;
    TimeValue stop;
    application->GetAttribute("StartTime", start);
    application->GetAttribute("StopTime", stop);
    application->SetNode(m_namespace->GetNode());

    const std::size_t index = m_applications.size();
    RunningApplication running;
    running.application = application;
    m_applications.push_back(running);
    // The events check the process's state when they run, so an exit or a
    // failed start needs no cancellation (ScheduleWithContext returns no EventId).
    const uint32_t context = m_namespace->GetNode()->GetId();
    Simulator::ScheduleWithContext(context, start.Get(), &Process::StartApplication, this, index);
    // ns-3 reads a StopTime of zero as "never stop".
    if (!stop.Get().IsZero())
    {
        Simulator::ScheduleWithContext(context,
                                       stop.Get(),
                                       &Process::StopApplication,
                                       this,
                                       index);
    }
    return Status();
}

std::vector<Ptr<Application>>
Process::GetApplications() const
{
    std::vector<Ptr<Application>> applications;
    for (const RunningApplication& running : m_applications)
    {
        applications.push_back(running.application);
    }
    return applications;
}

Status
Process::GetApplicationStatus(Ptr<Application> application) const
{
    for (const RunningApplication& running : m_applications)
    {
        if (running.application == application)
        {
            return running.status;
        }
    }
    return Status::Error(ENOENT,
                         "the application was not installed by process " + std::to_string(m_pid));
}

Status
Process::PreflightBind(Ptr<Application> application) const
{
    BindRequest request;
    request.ns = m_namespace;
    request.credentials = m_credentials;

    TypeIdValue protocol;
    if (application->GetAttributeFailSafe("Protocol", protocol) &&
        protocol.Get() == TcpSocketFactory::GetTypeId())
    {
        request.transport = Transport::Tcp;
    }
    AddressValue local;
    UintegerValue port;
    if (application->GetAttributeFailSafe("Local", local) &&
        InetSocketAddress::IsMatchingType(local.Get()))
    {
        const InetSocketAddress inet = InetSocketAddress::ConvertFrom(local.Get());
        request.address = inet.GetIpv4();
        request.port = inet.GetPort();
    }
    else if (application->GetAttributeFailSafe("Port", port))
    {
        request.transport = Transport::Udp; // UDP servers of ns-3 name their port "Port"
        request.port = static_cast<uint16_t>(port.Get());
    }
    else
    {
        return Status();
    }
    return CheckBindRules(request);
}

void
Process::StartApplication(std::size_t index)
{
    if (!IsAlive() || index >= m_applications.size())
    {
        return;
    }
    RunningApplication& running = m_applications[index];
    if (running.started)
    {
        return;
    }
    CurrentProcessGuard guard(m_host, this);
    Status preflight = PreflightBind(running.application);
    if (!preflight.IsOk())
    {
        running.status = preflight;
        NS_LOG_WARN("process " << m_pid << " on host " << m_host->GetName() << ": application "
                               << running.application->GetInstanceTypeId().GetName()
                               << " not started: " << preflight.ToString()
                               << "; pick another port or run it as a privileged process");
        return;
    }
    running.started = true;
    StartApplicationNow(running.application);
}

void
Process::StopApplication(std::size_t index)
{
    if (index >= m_applications.size())
    {
        return; // disposed meanwhile
    }
    RunningApplication& running = m_applications[index];
    if (!running.started || running.stopped)
    {
        return;
    }
    CurrentProcessGuard guard(m_host, this);
    running.stopped = true;
    StopApplicationNow(running.application);
}

Status
Process::AddAddress(const std::string& device,
                    Ipv4Address address,
                    uint8_t prefixLength,
                    std::optional<Ipv4Address> broadcast)
{
    Status allowed = CheckCapability(Capability::NetAdmin, "ip address add");
    return allowed.IsOk() ? m_namespace->AddAddress(device, address, prefixLength, broadcast)
                          : allowed;
}

Status
Process::SetAddressBroadcast(const std::string& device,
                             Ipv4Address address,
                             uint8_t prefixLength,
                             std::optional<Ipv4Address> broadcast)
{
    Status allowed = CheckCapability(Capability::NetAdmin, "set broadcast address");
    if (!allowed.IsOk())
    {
        return allowed;
    }
    const ViewEntry* entry = m_namespace->FindInView(device);
    if (!entry)
    {
        return Status::Error(ENODEV, "Cannot find device " + QuoteForMessage(device));
    }
    return m_namespace->SetAddressBroadcast(entry->ifindex, address, prefixLength, broadcast);
}

Status
Process::DeleteAddress(const std::string& device,
                       Ipv4Address address,
                       std::optional<uint8_t> prefixLength)
{
    Status allowed = CheckCapability(Capability::NetAdmin, "ip address del");
    return allowed.IsOk() ? m_namespace->DeleteAddress(device, address, prefixLength) : allowed;
}

Result<uint32_t>
Process::FlushAddresses(const std::string& device)
{
    Status allowed = CheckCapability(Capability::NetAdmin, "ip address flush");
    if (!allowed.IsOk())
    {
        return allowed;
    }
    return m_namespace->FlushAddresses(device);
}

Status
Process::SetLinkUp(const std::string& device, bool up)
{
    Status allowed = CheckCapability(Capability::NetAdmin, "ip link set");
    return allowed.IsOk() ? m_namespace->SetLinkUp(device, up) : allowed;
}

Status
Process::SetMtu(const std::string& device, uint32_t mtu)
{
    Status allowed = CheckCapability(Capability::NetAdmin, "ip link set mtu");
    return allowed.IsOk() ? m_namespace->SetMtu(device, mtu) : allowed;
}

Status
Process::AddRoute(const Route& route)
{
    Status allowed = CheckCapability(Capability::NetAdmin, "ip route add");
    return allowed.IsOk() ? m_namespace->AddRoute(route) : allowed;
}

Status
Process::DeleteRoute(const RouteSelector& selector)
{
    Status allowed = CheckCapability(Capability::NetAdmin, "ip route del");
    return allowed.IsOk() ? m_namespace->DeleteRoute(selector) : allowed;
}

} // namespace netns
} // namespace ns3
