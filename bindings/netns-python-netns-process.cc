/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * ns3netns.netns, process part: netns::Process with unshare, file access,
 * sockets through file descriptors, administration and applications.
 *
 * Tests: test/python/test_bindings_netns_process.py
 */
#include "netns-python-attributes.h"
#include "netns-python-support.h"

#include "ns3/application.h"
#include "ns3/net-namespace.h"
#include "ns3/netns-host.h"
#include "ns3/netns-process.h"
#include "ns3/packet.h"
#include "ns3/socket.h"

#include <algorithm>
#include <limits>

namespace ns3
{
namespace python
{

namespace
{

using netns::Process;

/** @return the socket of a descriptor; raises OSError(EBADF) as Process's calls do */
Ptr<Socket>
SocketOf(const Process& process, int fd)
{
    EnsureLive(&process);
    Ptr<Socket> socket = process.GetSocket(fd);
    if (!socket)
    {
        RaiseOsError(netns::Status::Error(EBADF,
                                          "bad file descriptor " + std::to_string(fd) +
                                              " in process " + std::to_string(process.GetPid())));
    }
    return socket;
}

/** @return a packet holding a copy of the bytes */
Ptr<Packet>
PacketOf(const py::bytes& data)
{
    const std::string bytes = data;
    return Create<Packet>(reinterpret_cast<const uint8_t*>(bytes.data()),
                          static_cast<uint32_t>(bytes.size()));
}

/** Raise ValueError when an application would be scheduled in the past. */
void
CheckApplicationTimes(Ptr<Application> application)
{
    for (const char* name : {"StartTime", "StopTime"})
    {
        TimeValue time;
        application->GetAttribute(name, time);
        if (time.Get().IsStrictlyNegative())
        {
            throw py::value_error(std::string("the application's ") + name +
                                  " must not be negative");
        }
    }
}

/** Bind identity, credentials, fork, unshare and exit. */
void
DefineLifecycle(py::class_<Process, Object, Ptr<Process>>& cls)
{
    cls.def("GetPid", Checked<&Process::GetPid>(), "Return the process id.")
        .def("GetParentPid", Checked<&Process::GetParentPid>(), "Return the parent's pid.")
        .def("GetUid", Checked<&Process::GetUid>(), "Return the user id.")
        .def("GetCredentials",
             Checked<&Process::GetCredentials>(),
             "Return a copy of the uid and capabilities.")
        .def("SetCapability",
             Checked<&Process::SetCapability>(),
             py::arg("capability"),
             py::arg("present"),
             "Grant or drop a capability, as capset(2).")
        .def("GetHost", Checked<&Process::GetHost>(), "Return the host.")
        .def("GetNamespace", Checked<&Process::GetNamespace>(), "Return the current namespace.")
        .def("IsAlive", Checked<&Process::IsAlive>(), "Return False once the process exited.")
        .def("GetExitStatus",
             Checked<&Process::GetExitStatus>(),
             "Return the exit status, meaningful after Exit().")
        .def("Fork",
             Checked<&Process::Fork>(),
             "Create a child with the same credentials and namespace; raises "
             "OSError(ESRCH) after exit.")
        .def("Unshare",
             Checked<static_cast<netns::Status (Process::*)(uint32_t)>(&Process::Unshare)>(),
             py::arg("flags"),
             "unshare(2) with numeric flags: CLONE_NEWNET (0x40000000) or the 2006 patch's "
             "CLONE_NEWNET_PATCH_2006 (0x08000000). Raises OSError(EPERM) without "
             "CAP_SYS_ADMIN and OSError(EINVAL) for other flags.")
        .def("Unshare",
             Checked<static_cast<netns::Status (Process::*)(const std::string&)>(
                 &Process::Unshare)>(),
             py::arg("flags"),
             "unshare(2) with flags by name: \"CLONE_NEWNET\".")
        .def("Exit",
             Checked<&Process::Exit>(),
             py::arg("status") = 0,
             "Exit: close every socket, stop every application, leave the namespace.");
}

/** Bind the emulated files. */
void
DefineFiles(py::class_<Process, Object, Ptr<Process>>& cls)
{
    cls.def("WriteFile",
            Checked<&Process::WriteFile>(),
            py::arg("path"),
            py::arg("data"),
            "Write to /sys/kernel/debug/net_ns/dev (reveal a device to the current namespace); "
            "returns the bytes written. Raises OSError: ENODEV (no such device, \"write "
            "error: No such device\"), EINVAL (name of 16 bytes or more), ENOENT, EACCES.")
        .def("ReadFile",
             Checked<&Process::ReadFile>(),
             py::arg("path"),
             "Read /sys/kernel/debug/net_ns/dev (the view) or /proc/net/dev (counters); raises "
             "OSError(ENOENT) for other paths.");
}

/** Bind the socket calls. */
void
DefineSockets(py::class_<Process, Object, Ptr<Process>>& cls)
{
    cls.def("Socket",
            Checked<&Process::Socket>(),
            py::arg("domain"),
            py::arg("type"),
            py::arg("protocol") = 0,
            "socket(2) in the current namespace: AF_INET with SOCK_STREAM or SOCK_DGRAM. "
            "Returns the file descriptor; raises OSError (EAFNOSUPPORT, EINVAL, "
            "EPROTONOSUPPORT).")
        .def("Bind",
             Checked<&Process::Bind>(),
             py::arg("fd"),
             py::arg("address"),
             py::arg("port"),
             "bind(2) with Linux's rules; raises OSError (EBADF, EINVAL, EADDRNOTAVAIL, "
             "EACCES, EADDRINUSE).")
        .def("Listen",
             Checked<&Process::Listen>(),
             py::arg("fd"),
             py::arg("backlog") = 128,
             "listen(2) on a TCP socket; raises OSError (EBADF, EOPNOTSUPP, EADDRINUSE).")
        .def("Connect",
             Checked<&Process::Connect>(),
             py::arg("fd"),
             py::arg("address"),
             py::arg("port"),
             "connect(2). A TCP handshake continues in the simulation: watch it with "
             "GetSocket(fd).SetConnectCallback().")
        .def("Send",
             Checked<&Process::Send>(),
             py::arg("fd"),
             NotNone("packet"),
             "send(2) a Packet on a connected socket; returns the bytes queued.")
        .def(
            "Send",
            [](Process& process, int fd, const py::bytes& data) {
                EnsureLive(&process);
                return Unwrap(process.Send(fd, PacketOf(data)));
            },
            py::arg("fd"),
            py::arg("data"),
            "send(2) bytes on a connected socket; returns the bytes queued.")
        .def("SendTo",
             Checked<&Process::SendTo>(),
             py::arg("fd"),
             NotNone("packet"),
             py::arg("address"),
             py::arg("port"),
             "sendto(2) a Packet; returns the bytes queued.")
        .def(
            "SendTo",
            [](Process& process,
               int fd,
               const py::bytes& data,
               Ipv4Address address,
               uint16_t port) {
                EnsureLive(&process);
                return Unwrap(process.SendTo(fd, PacketOf(data), address, port));
            },
            py::arg("fd"),
            py::arg("data"),
            py::arg("address"),
            py::arg("port"),
            "sendto(2) bytes; returns the bytes queued.")
        .def("SetReuseAddress",
             Checked<&Process::SetReuseAddress>(),
             py::arg("fd"),
             py::arg("enable"),
             "Set or clear SO_REUSEADDR, before bind.")
        .def("Close", Checked<&Process::Close>(), py::arg("fd"), "close(2).")
        .def("GetSocket",
             Checked<&Process::GetSocket>(),
             py::arg("fd"),
             "Return the ns-3 Socket of a descriptor, or None.")
        .def("GetFds", Checked<&Process::GetFds>(), "Return the open descriptors.")
        .def(
            "SetRecvCallback",
            [](Process& process, int fd, py::object callback) {
                // The Socket binding owns the callback slot logic.
                py::cast(SocketOf(process, fd)).attr("SetRecvCallback")(callback);
            },
            py::arg("fd"),
            py::arg("callback"),
            "Call callback(socket) when data arrives on a descriptor; None removes it. "
            "Raises OSError(EBADF) for an unknown descriptor.")
        .def(
            "Recv",
            [](Process& process, int fd, uint32_t maxSize) {
                return SocketOf(process, fd)->Recv(maxSize, 0);
            },
            py::arg("fd"),
            py::arg("maxSize") = std::numeric_limits<uint32_t>::max(),
            "Return the next packet queued on a descriptor, or None.")
        .def(
            "RecvFrom",
            [](Process& process, int fd, uint32_t maxSize) {
                Address from;
                Ptr<Packet> packet = SocketOf(process, fd)->RecvFrom(maxSize, 0, from);
                return py::make_tuple(packet, packet ? AddressToPython(from) : py::none());
            },
            py::arg("fd"),
            py::arg("maxSize") = std::numeric_limits<uint32_t>::max(),
            "Return (packet, sender) queued on a descriptor, or (None, None).");
}

/** Bind applications and administration. */
void
DefineAdministration(py::class_<Process, Object, Ptr<Process>>& cls)
{
    cls.def(
           "InstallApplication",
           [](Process& process, Ptr<Application> application) {
               EnsureLive(&process);
               CheckApplicationTimes(application);
               Check(process.InstallApplication(application));
           },
           NotNone("application"),
           "Run an application as this process in its current namespace, from its StartTime "
           "(relative to now) to its StopTime or the process's exit. Raises OSError(EBUSY) for "
           "an application already installed and OSError(ESRCH) after exit.")
        .def("GetApplications",
             Checked<&Process::GetApplications>(),
             "Return the applications the process installed.")
        .def(
            "GetApplicationStatus",
            [](const Process& process, Ptr<Application> application) {
                EnsureLive(&process);
                const std::vector<Ptr<Application>> installed = process.GetApplications();
                if (std::find(installed.begin(), installed.end(), application) == installed.end())
                {
                    RaiseOsError(process.GetApplicationStatus(application));
                }
                return process.GetApplicationStatus(application);
            },
            NotNone("application"),
            "Return a Status: OK, or why the application did not start (such as EACCES or "
            "EADDRINUSE for its port). Raises OSError(ENOENT) for an application this process "
            "did not install.")
        .def("AddAddress",
             Checked<&Process::AddAddress>(),
             py::arg("device"),
             py::arg("address"),
             py::arg("prefixLength"),
             py::arg("broadcast") = py::none(),
             "ip address add, with an optional broadcast address (brd); needs CAP_NET_ADMIN. "
             "Raises OSError (EPERM, ENODEV, EEXIST, EINVAL).")
        .def("SetAddressBroadcast",
             Checked<&Process::SetAddressBroadcast>(),
             py::arg("device"),
             py::arg("address"),
             py::arg("prefixLength"),
             py::arg("broadcast"),
             "Set or clear (None) the broadcast address of an address; needs CAP_NET_ADMIN. "
             "Raises OSError (EPERM, ENODEV, EADDRNOTAVAIL).")
        .def("DeleteAddress",
             Checked<&Process::DeleteAddress>(),
             py::arg("device"),
             py::arg("address"),
             py::arg("prefixLength") = py::none(),
             "ip address del; raises OSError (EPERM, ENODEV, EADDRNOTAVAIL).")
        .def("FlushAddresses",
             Checked<&Process::FlushAddresses>(),
             py::arg("device"),
             "ip address flush; returns the number deleted.")
        .def("SetLinkUp",
             Checked<&Process::SetLinkUp>(),
             py::arg("device"),
             py::arg("up"),
             "ip link set DEV up|down; raises OSError (EPERM, ENODEV).")
        .def("SetMtu",
             Checked<&Process::SetMtu>(),
             py::arg("device"),
             py::arg("mtu"),
             "ip link set DEV mtu N; raises OSError (EPERM, ENODEV, EINVAL).")
        .def("AddRoute",
             Checked<&Process::AddRoute>(),
             py::arg("route"),
             "ip route add; raises OSError (EPERM, ENODEV, ENETUNREACH, EEXIST, EINVAL).")
        .def("DeleteRoute",
             Checked<&Process::DeleteRoute>(),
             py::arg("selector"),
             "ip route del; raises OSError (EPERM, ESRCH).");
}

} // namespace

void
RegisterNetnsProcess(py::module_& m)
{
    py::class_<Process, Object, Ptr<Process>> cls(
        m,
        "Process",
        "A simulated task: pid, credentials and a current namespace, offering the system calls "
        "the module emulates. Every failure raises OSError with the Linux errno and a message "
        "naming the object. Create one with Host.CreateProcess().");
    DefineLifecycle(cls);
    DefineFiles(cls);
    DefineSockets(cls);
    DefineAdministration(cls);
}

} // namespace python
} // namespace ns3
