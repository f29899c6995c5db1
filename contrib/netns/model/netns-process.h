/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_PROCESS_H
#define NETNS_PROCESS_H

#include "netns-credentials.h"
#include "netns-route-table.h"
#include "netns-status.h"

#include "ns3/application.h"
#include "ns3/ipv4-address.h"
#include "ns3/object.h"
#include "ns3/socket.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ns3
{

class Packet;

namespace netns
{

class Host;
class Namespace;

/// unshare() flag for a new network namespace, as mainline Linux numbers it since 2.6.24.
constexpr uint32_t CLONE_NEWNET_MAINLINE = 0x40000000;
/// unshare() flag for a new network namespace in the June 2006 patch series
/// (mainline later gave this value to CLONE_NEWIPC).
constexpr uint32_t CLONE_NEWNET_PATCH_2006 = 0x08000000;

/// Socket domain accepted by Process::Socket, as in <sys/socket.h>.
constexpr int NETNS_AF_INET = 2;
/// Stream socket type, as in <sys/socket.h>.
constexpr int NETNS_SOCK_STREAM = 1;
/// Datagram socket type, as in <sys/socket.h>.
constexpr int NETNS_SOCK_DGRAM = 2;

/**
 * @ingroup netns
 * A simulated task: a pid, credentials and a current network namespace.
 *
 * It offers the system calls the module emulates: unshare(CLONE_NEWNET),
 * reads and writes of the debugfs and /proc files, sockets through a file
 * descriptor table, and the administration that ifconfig and ip perform.
 * Every call returns a Status or Result with a Linux errno and a message;
 * none aborts. ns-3 Applications run as the process that installs them: they
 * start and stop while it is the current task, so their sockets carry its
 * credentials, and they stop when it exits.
 */
class Process : public Object
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    Process();
    ~Process() override;

    /**
     * Start the process. Called by Host.
     * @param host the host
     * @param pid its process id
     * @param parentPid the parent's pid, 0 for none
     * @param credentials its credentials
     * @param ns its current namespace
     */
    void Setup(Ptr<Host> host,
               uint32_t pid,
               uint32_t parentPid,
               const Credentials& credentials,
               Ptr<Namespace> ns);

    /** @return the process id */
    uint32_t GetPid() const;

    /** @return the parent's process id, 0 for none */
    uint32_t GetParentPid() const;

    /** @return the user id */
    uint32_t GetUid() const;

    /** @return the credentials */
    const Credentials& GetCredentials() const;

    /**
     * Grant or drop a capability, as capset(2) would.
     * @param capability the capability
     * @param present true to grant
     */
    void SetCapability(Capability capability, bool present);

    /** @return the host */
    Ptr<Host> GetHost() const;

    /** @return the current namespace; after exit, the namespace the process was in */
    Ptr<Namespace> GetNamespace() const;

    /** @return false once the process has exited */
    bool IsAlive() const;

    /** @return the exit status, meaningful after exit */
    int GetExitStatus() const;

    /**
     * Create a child with the same credentials and namespace, as fork(2).
     * @return the child, or ESRCH when this process has exited
     */
    Result<Ptr<Process>> Fork();

    /**
     * Move to a new network namespace, as unshare(2). Needs CAP_SYS_ADMIN.
     * @param flags CLONE_NEWNET_PATCH_2006 or CLONE_NEWNET_MAINLINE
     * @return OK, EPERM without the capability, EINVAL for other flags
     */
    Status Unshare(uint32_t flags);

    /**
     * Move to a new network namespace, with flags given by name.
     * @param flags "CLONE_NEWNET", or several names joined by '|'
     * @return OK, EPERM without the capability, EINVAL for unknown names
     */
    Status Unshare(const std::string& flags);

    /**
     * Exit: stop every application, close every socket in the descriptor
     * table and every connection accepted from the process's listeners, and
     * leave the namespace.
     * @param status the exit status
     */
    void Exit(int status);

    /**
     * Record a connection forked from a listener that this process created,
     * so that Exit() closes it as Linux closes an exiting process's
     * descriptors. Called by NamespaceTcpSocket, which calls
     * ForgetAcceptedSocket() before it is destroyed. A process that has
     * exited closes the connection at once, as Linux resets connections
     * whose listener was closed before accept().
     * @param socket the new connection
     * @return true when the process recorded it, false when it closed it
     */
    bool AdoptAcceptedSocket(Ptr<ns3::Socket> socket);

    /**
     * Forget a connection recorded by AdoptAcceptedSocket().
     * @param socket the connection, which may be in its destructor
     */
    void ForgetAcceptedSocket(ns3::Socket* socket);

    /**
     * Write to a file the module emulates (/sys/kernel/debug/net_ns/dev).
     * @param path absolute path
     * @param data the bytes
     * @return bytes written, or ENOENT, EACCES, ENODEV, EINVAL
     */
    Result<std::size_t> WriteFile(const std::string& path, const std::string& data);

    /**
     * Read a file the module emulates (/sys/kernel/debug/net_ns/dev, /proc/net/dev).
     * @param path absolute path
     * @return the contents, or ENOENT
     */
    Result<std::string> ReadFile(const std::string& path);

    /**
     * Create a socket in the current namespace, as socket(2).
     * @param domain NETNS_AF_INET
     * @param type NETNS_SOCK_STREAM or NETNS_SOCK_DGRAM
     * @param protocol 0, or the matching IPPROTO_TCP (6) or IPPROTO_UDP (17)
     * @return the file descriptor, or EAFNOSUPPORT, EINVAL, EPROTONOSUPPORT
     */
    Result<int> Socket(int domain, int type, int protocol = 0);

    /**
     * Bind a socket, as bind(2), with Linux's rules.
     * @param fd the file descriptor
     * @param address local address, 0.0.0.0 for any
     * @param port local port, 0 for an ephemeral one
     * @return OK, EBADF, EINVAL (already bound), EADDRNOTAVAIL, EACCES or EADDRINUSE
     */
    Status Bind(int fd, Ipv4Address address, uint16_t port);

    /**
     * Listen on a TCP socket, as listen(2).
     * @param fd the file descriptor
     * @param backlog the queue length
     * @return OK, EBADF, EOPNOTSUPP (UDP) or EADDRINUSE
     */
    Status Listen(int fd, int backlog = 128);

    /**
     * Connect a socket, as connect(2). For TCP the handshake continues in the
     * simulation; watch it with GetSocket(fd)->SetConnectCallback().
     * @param fd the file descriptor
     * @param address remote address
     * @param port remote port
     * @return OK, EBADF, ENETUNREACH, EISCONN, EACCES (UDP to a broadcast
     *         without SO_BROADCAST), ...
     */
    Status Connect(int fd, Ipv4Address address, uint16_t port);

    /**
     * Send on a connected socket, as send(2).
     * @param fd the file descriptor
     * @param packet the payload
     * @return bytes queued, or the errno
     */
    Result<uint32_t> Send(int fd, Ptr<Packet> packet);

    /**
     * Send a datagram, as sendto(2).
     * @param fd the file descriptor
     * @param packet the payload
     * @param address remote address
     * @param port remote port
     * @return bytes queued, or the errno: EACCES for a broadcast without
     *         SO_BROADCAST, ENETUNREACH without a route, ...
     */
    Result<uint32_t> SendTo(int fd, Ptr<Packet> packet, Ipv4Address address, uint16_t port);

    /**
     * Set or clear SO_REUSEADDR, before bind.
     * @param fd the file descriptor
     * @param enable true to set
     * @return OK or EBADF
     */
    Status SetReuseAddress(int fd, bool enable);

    /**
     * Close a socket, as close(2).
     * @param fd the file descriptor
     * @return OK or EBADF
     */
    Status Close(int fd);

    /**
     * @param fd a file descriptor
     * @return the ns-3 socket, for callbacks and receive calls, or nullptr
     */
    Ptr<ns3::Socket> GetSocket(int fd) const;

    /** @return the open file descriptors */
    std::vector<int> GetFds() const;

    /**
     * Run an ns-3 Application as this process, in the current namespace. It
     * starts at its StartTime attribute (relative to now) and stops at its
     * StopTime, or when the process exits.
     * @param application the application, not yet installed anywhere
     * @return OK, EINVAL (null), EBUSY (already installed) or ESRCH (exited)
     */
    Status InstallApplication(Ptr<Application> application);

    /** @return the applications installed by this process, in install order */
    std::vector<Ptr<Application>> GetApplications() const;

    /**
     * @param application an application installed by this process
     * @return OK, or why it did not start (for example EACCES or EADDRINUSE
     *         for the port it would bind), or ENOENT when it is not installed here
     */
    Status GetApplicationStatus(Ptr<Application> application) const;

    /**
     * Add an IPv4 address (ip addr add). Needs CAP_NET_ADMIN.
     * @param device interface name
     * @param address the address
     * @param prefixLength prefix length
     * @param broadcast the broadcast address ("brd"), or nullopt for none
     * @return OK, EPERM, ENODEV, EEXIST or EINVAL
     */
    Status AddAddress(const std::string& device,
                      Ipv4Address address,
                      uint8_t prefixLength,
                      std::optional<Ipv4Address> broadcast = std::nullopt);

    /**
     * Set or clear the broadcast address of an address (SIOCSIFBRDADDR).
     * Needs CAP_NET_ADMIN.
     * @param device interface name
     * @param address the address
     * @param prefixLength its prefix length
     * @param broadcast the broadcast address, or nullopt to clear it
     * @return OK, EPERM, ENODEV or EADDRNOTAVAIL
     */
    Status SetAddressBroadcast(const std::string& device,
                               Ipv4Address address,
                               uint8_t prefixLength,
                               std::optional<Ipv4Address> broadcast);

    /**
     * Delete an IPv4 address (ip addr del). Needs CAP_NET_ADMIN.
     * @param device interface name
     * @param address the address
     * @param prefixLength prefix length, or nullopt for any
     * @return OK, EPERM, ENODEV or EADDRNOTAVAIL
     */
    Status DeleteAddress(const std::string& device,
                         Ipv4Address address,
                         std::optional<uint8_t> prefixLength = std::nullopt);

    /**
     * Delete every IPv4 address of a device (ip addr flush). Needs CAP_NET_ADMIN.
     * @param device interface name
     * @return the number deleted, EPERM or ENODEV
     */
    Result<uint32_t> FlushAddresses(const std::string& device);

    /**
     * Bring a device up or down (ip link set DEV up|down). Needs CAP_NET_ADMIN.
     * @param device interface name
     * @param up true for UP
     * @return OK, EPERM or ENODEV
     */
    Status SetLinkUp(const std::string& device, bool up);

    /**
     * Set a device's MTU (ip link set DEV mtu N). Needs CAP_NET_ADMIN.
     * @param device interface name
     * @param mtu bytes
     * @return OK, EPERM, ENODEV or EINVAL
     */
    Status SetMtu(const std::string& device, uint32_t mtu);

    /**
     * Add a route (ip route add). Needs CAP_NET_ADMIN.
     * @param route the route
     * @return OK, EPERM, ENODEV, ENETUNREACH, EEXIST or EINVAL
     */
    Status AddRoute(const Route& route);

    /**
     * Delete a route (ip route del). Needs CAP_NET_ADMIN.
     * @param selector which route
     * @return OK, EPERM or ESRCH
     */
    Status DeleteRoute(const RouteSelector& selector);

  protected:
    void DoDispose() override;

  private:
    /// An application run by the process, and how far it got.
    struct RunningApplication
    {
        Ptr<Application> application; //!< the application
        bool started{false};          //!< StartApplication ran
        bool stopped{false};          //!< StopApplication ran
        Status status;                //!< why it did not start, if it did not
    };

    /**
     * @param what the operation, for the message
     * @return OK, or ESRCH when the process has exited
     */
    Status CheckAlive(const std::string& what) const;

    /**
     * @param capability the capability needed
     * @param what the operation, for the message
     * @return OK, ESRCH, or EPERM naming the capability
     */
    Status CheckCapability(Capability capability, const std::string& what) const;

    /**
     * @param fd a file descriptor
     * @param socket set to its socket
     * @return OK or EBADF
     */
    Status LookupFd(int fd, Ptr<ns3::Socket>& socket) const;

    /**
     * Run an application's StartApplication as this process.
     * @param index the application's index in m_applications
     */
    void StartApplication(std::size_t index);

    /**
     * Run an application's StopApplication as this process.
     * @param index the application's index in m_applications
     */
    void StopApplication(std::size_t index);

    /**
     * Check, before an application starts, the bind() its attributes
     * announce ("Local", or "Port" for UDP servers). ns-3's applications
     * abort the simulation when bind() fails, so a bind that the kernel
     * rules would reject must stop the application from starting instead.
     * @param application the application
     * @return OK or the bind error
     */
    Status PreflightBind(Ptr<Application> application) const;

    /** @return /proc/net/dev as Linux formats it, for the current namespace */
    std::string FormatProcNetDev() const;

    Ptr<Host> m_host;                             //!< host
    Ptr<Namespace> m_namespace;                   //!< current namespace
    uint32_t m_pid{0};                            //!< process id
    uint32_t m_parentPid{0};                      //!< parent's pid
    Credentials m_credentials;                    //!< uid and capabilities
    bool m_alive{true};                           //!< false after Exit
    int m_exitStatus{0};                          //!< status given to Exit
    std::map<int, Ptr<ns3::Socket>> m_fds;        //!< file descriptor table
    /// Connections forked from its listeners, as plain pointers so that
    /// ns-3's TCP still destroys a connection it drops, which also removes
    /// it from the socket table. Each connection removes itself first.
    std::set<ns3::Socket*> m_accepted;
    std::vector<RunningApplication> m_applications; //!< applications run by the process
};

/**
 * @ingroup netns
 * Make a process the host's current task for the lifetime of the guard.
 */
class CurrentProcessGuard
{
  public:
    /**
     * @param host the host
     * @param process the process that runs code now
     */
    CurrentProcessGuard(Ptr<Host> host, Process* process);
    ~CurrentProcessGuard();
    CurrentProcessGuard(const CurrentProcessGuard&) = delete;
    CurrentProcessGuard& operator=(const CurrentProcessGuard&) = delete;

  private:
    Ptr<Host> m_host;     //!< host whose current task changes
    Process* m_previous;  //!< current task before the guard
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_PROCESS_H */
