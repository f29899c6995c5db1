/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * ns3netns.applications: Application, UDP echo server and client, packet
 * sink, on-off and bulk-send applications, their helpers, and
 * ApplicationContainer.
 *
 * Tests: test/python/test_bindings_applications.py
 */
#include "netns-python-attributes.h"
#include "netns-python-support.h"

#include "ns3/application-container.h"
#include "ns3/application.h"
#include "ns3/bulk-send-application.h"
#include "ns3/bulk-send-helper.h"
#include "ns3/names.h"
#include "ns3/on-off-helper.h"
#include "ns3/onoff-application.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/packet-sink.h"
#include "ns3/seq-ts-size-header.h"
#include "ns3/socket-factory.h"
#include "ns3/socket.h"
#include "ns3/udp-echo-client.h"
#include "ns3/udp-echo-helper.h"
#include "ns3/udp-echo-server.h"
#include "ns3/udp-socket-factory.h"

#include <sstream>

namespace ns3
{
namespace python
{

namespace
{

/** Raise ValueError for a negative application start or stop time. */
void
CheckApplicationTime(const Time& time, const char* what)
{
    if (time.IsStrictlyNegative())
    {
        std::ostringstream os;
        os << what << " must not be negative, got " << time;
        throw py::value_error(os.str());
    }
}

/** @return a socket factory type named by text; raises ValueError for other names */
TypeId
LookupSocketFactory(const std::string& protocol)
{
    const TypeId tid = LookupTypeId(protocol);
    if (!tid.IsChildOf(SocketFactory::GetTypeId()))
    {
        throw py::value_error("\"" + protocol +
                              "\" is not a socket factory; use ns3::UdpSocketFactory or "
                              "ns3::TcpSocketFactory");
    }
    return tid;
}

/** @return the node of a name; raises ValueError when no node has it */
Ptr<Node>
FindNode(const std::string& name)
{
    Ptr<Node> node = Names::Find<Node>(name);
    if (!node)
    {
        throw py::value_error("no node is named \"" + name + "\"");
    }
    return node;
}

/**
 * An ns-3 application helper with the checks ns-3 leaves to asserts: the
 * attributes it passes to its factory, and the socket factory every node it
 * installs on must have (an application on a node without one crashes when
 * it starts).
 */
template <typename Helper>
class CheckedApplicationHelper
{
  public:
    /**
     * @param helper the ns-3 helper
     * @param application the type of the applications it creates
     * @param protocol the socket factory they use
     */
    CheckedApplicationHelper(Helper helper, TypeId application, TypeId protocol)
        : m_helper(std::move(helper)),
          m_application(application),
          m_protocol(protocol)
    {
    }

    /** Set an attribute of the applications created afterwards. */
    void SetAttribute(const std::string& name, py::handle value)
    {
        Ptr<AttributeValue> converted =
            MakeAttributeValue(m_application, name, value, AttributeUse::Construct);
        if (name == "Protocol")
        {
            m_protocol = DynamicCast<TypeIdValue>(converted)->Get();
        }
        m_helper.SetAttribute(name, *converted);
    }

    /** Install one application on each node, after checking them all. */
    ApplicationContainer Install(const NodeContainer& nodes) const
    {
        for (auto it = nodes.Begin(); it != nodes.End(); ++it)
        {
            EnsureLive(PeekPointer(*it));
            if (!(*it)->template GetObject<SocketFactory>(m_protocol))
            {
                throw py::value_error("node " + std::to_string((*it)->GetId()) + " has no " +
                                      m_protocol.GetName() +
                                      "; install an internet stack on it first");
            }
        }
        return m_helper.Install(nodes);
    }

    /** @return the ns-3 helper */
    Helper& GetHelper()
    {
        return m_helper;
    }

  private:
    Helper m_helper;      //!< the ns-3 helper
    TypeId m_application; //!< type of the applications created
    TypeId m_protocol;    //!< socket factory they use
};

/** Bind SetAttribute and the three Install overloads of a helper class. */
template <typename Checked, typename Class>
void
DefineHelperMethods(Class& cls)
{
    cls.def("SetAttribute",
            &Checked::SetAttribute,
            py::arg("name"),
            py::arg("value"),
            "Set an attribute of the applications created afterwards; raises AttributeError, "
            "TypeError or ValueError as Object.SetAttribute does.")
        .def(
            "Install",
            [](const Checked& helper, Ptr<Node> node) {
                return helper.Install(NodeContainer(node));
            },
            NotNone("node"),
            "Install one application on a node. Raises ValueError when the node lacks the "
            "socket factory the application uses.")
        .def(
            "Install",
            [](const Checked& helper, const NodeContainer& nodes) { return helper.Install(nodes); },
            py::arg("nodes"),
            "Install one application on each node.")
        .def(
            "Install",
            [](const Checked& helper, const std::string& name) {
                return helper.Install(NodeContainer(FindNode(name)));
            },
            py::arg("nodeName"),
            "Install one application on the node of a name.");
}

using CheckedUdpEchoServerHelper = CheckedApplicationHelper<UdpEchoServerHelper>;
using CheckedUdpEchoClientHelper = CheckedApplicationHelper<UdpEchoClientHelper>;
using CheckedPacketSinkHelper = CheckedApplicationHelper<PacketSinkHelper>;
using CheckedOnOffHelper = CheckedApplicationHelper<OnOffHelper>;
using CheckedBulkSendHelper = CheckedApplicationHelper<BulkSendHelper>;

/** Bind Application and the application classes. */
void
RegisterApplicationClasses(py::module_& m)
{
    py::class_<Application, Object, Ptr<Application>>(
        m,
        "Application",
        "Base of ns-3 applications. An application runs on one node (or, installed by "
        "netns.Process.InstallApplication, as a process in a namespace).")
        .def(
            "SetStartTime",
            [](Application& application, const Time& start) {
                CheckApplicationTime(start, "the start time");
                application.SetStartTime(start);
            },
            py::arg("start"),
            "Set when the application starts, relative to its installation.")
        .def(
            "SetStopTime",
            [](Application& application, const Time& stop) {
                CheckApplicationTime(stop, "the stop time");
                application.SetStopTime(stop);
            },
            py::arg("stop"),
            "Set when the application stops; zero means never.")
        .def("GetNode",
             &Application::GetNode,
             "Return the node, or None before installation and after Simulator.Destroy().");

    py::class_<UdpEchoServer, Application, Ptr<UdpEchoServer>>(
        m,
        "UdpEchoServer",
        "Returns every UDP datagram to its sender. Attribute: Port. Traces: Rx, "
        "RxWithAddresses.")
        .def(py::init([]() { return CreateObject<UdpEchoServer>(); }), "Create the server.");

    py::class_<UdpEchoClient, Application, Ptr<UdpEchoClient>>(
        m,
        "UdpEchoClient",
        "Sends UDP echo requests. Attributes: RemoteAddress, RemotePort, MaxPackets, Interval, "
        "PacketSize. Traces: Tx, Rx, TxWithAddresses, RxWithAddresses.")
        .def(py::init([]() { return CreateObject<UdpEchoClient>(); }), "Create the client.")
        .def("SetFill",
             py::overload_cast<std::string>(&UdpEchoClient::SetFill),
             py::arg("fill"),
             "Send this text, NUL-terminated, as the payload of every request.")
        .def("SetDataSize",
             &UdpEchoClient::SetDataSize,
             py::arg("dataSize"),
             "Set the payload size and drop any fill.")
        .def("GetDataSize", &UdpEchoClient::GetDataSize, "Return the payload size.");

    py::class_<PacketSink, Application, Ptr<PacketSink>>(
        m,
        "PacketSink",
        "Receives and counts traffic. Attributes: Local, Protocol. Traces: Rx, "
        "RxWithAddresses, RxWithSeqTsSize.")
        .def(py::init([]() { return CreateObject<PacketSink>(); }), "Create the sink.")
        .def("GetTotalRx", &PacketSink::GetTotalRx, "Return the bytes received so far.")
        .def("GetListeningSocket",
             &PacketSink::GetListeningSocket,
             "Return the listening socket, None before the start.")
        .def(
            "GetAcceptedSockets",
            [](const PacketSink& sink) {
                const std::list<Ptr<Socket>> sockets = sink.GetAcceptedSockets();
                return std::vector<Ptr<Socket>>(sockets.begin(), sockets.end());
            },
            "Return the TCP connections accepted so far.");

    py::class_<OnOffApplication, Application, Ptr<OnOffApplication>>(
        m,
        "OnOffApplication",
        "Sends at a constant rate during on periods. Attributes: Remote, Protocol, DataRate, "
        "PacketSize, OnTime, OffTime, MaxBytes. Traces: Tx, TxWithAddresses, TxWithSeqTsSize.")
        .def(py::init([]() { return CreateObject<OnOffApplication>(); }), "Create the sender.")
        .def("GetSocket",
             &OnOffApplication::GetSocket,
             "Return the sending socket, None before the start.");

    py::class_<BulkSendApplication, Application, Ptr<BulkSendApplication>>(
        m,
        "BulkSendApplication",
        "Sends as fast as TCP allows. Attributes: Remote, Protocol, SendSize, MaxBytes. "
        "Traces: Tx, TxWithSeqTsSize.")
        .def(py::init([]() { return CreateObject<BulkSendApplication>(); }), "Create the sender.")
        .def("GetSocket",
             &BulkSendApplication::GetSocket,
             "Return the sending socket, None before the start.");

    py::class_<SeqTsSizeHeader, Header>(
        m,
        "SeqTsSizeHeader",
        "Sequence number, send time and size, as the RxWithSeqTsSize and TxWithSeqTsSize "
        "traces pass them.")
        .def(py::init<>(), "Create an empty header.")
        .def("GetSeq", &SeqTsSizeHeader::GetSeq, "Return the sequence number.")
        .def("GetTs", &SeqTsSizeHeader::GetTs, "Return the send time.")
        .def("GetSize", &SeqTsSizeHeader::GetSize, "Return the size.");
}

/** Bind ApplicationContainer. */
void
RegisterApplicationContainer(py::module_& m)
{
    py::class_<ApplicationContainer>(m, "ApplicationContainer", "An ordered list of applications.")
        .def(py::init<>(), "Create an empty container.")
        .def(py::init<Ptr<Application>>(), NotNone("application"), "Hold one application.")
        .def(
            "Add",
            [](ApplicationContainer& apps, Ptr<Application> app) { apps.Add(app); },
            NotNone("application"),
            "Append an application.")
        .def(
            "Add",
            [](ApplicationContainer& apps, const ApplicationContainer& other) { apps.Add(other); },
            py::arg("other"),
            "Append the applications of another container.")
        .def(
            "Get",
            [](const ApplicationContainer& apps, uint32_t i) {
                if (i >= apps.GetN())
                {
                    throw py::index_error("application index " + std::to_string(i) +
                                          " is out of range (" + std::to_string(apps.GetN()) +
                                          " present)");
                }
                return apps.Get(i);
            },
            py::arg("i"),
            "Return application i.")
        .def("GetN", &ApplicationContainer::GetN, "Return the number of applications.")
        .def("__len__", &ApplicationContainer::GetN, "Return the number of applications.")
        .def(
            "__iter__",
            [](const ApplicationContainer& apps) {
                return py::make_iterator<py::return_value_policy::copy>(apps.Begin(), apps.End());
            },
            py::keep_alive<0, 1>(),
            "Iterate over the applications.")
        .def(
            "Start",
            [](ApplicationContainer& apps, const Time& start) {
                CheckApplicationTime(start, "the start time");
                apps.Start(start);
            },
            py::arg("start"),
            "Set the start time of every application.")
        .def(
            "Stop",
            [](ApplicationContainer& apps, const Time& stop) {
                CheckApplicationTime(stop, "the stop time");
                apps.Stop(stop);
            },
            py::arg("stop"),
            "Set the stop time of every application.");
}

/** Bind the application helpers. */
void
RegisterHelpers(py::module_& m)
{
    py::class_<CheckedUdpEchoServerHelper> server(m,
                                                  "UdpEchoServerHelper",
                                                  "Installs UdpEchoServer applications.");
    server.def(py::init([](uint16_t port) {
                   return CheckedUdpEchoServerHelper(UdpEchoServerHelper(port),
                                                     UdpEchoServer::GetTypeId(),
                                                     UdpSocketFactory::GetTypeId());
               }),
               py::arg("port"),
               "Create a helper for servers on a port.");
    DefineHelperMethods<CheckedUdpEchoServerHelper>(server);

    py::class_<CheckedUdpEchoClientHelper> client(m,
                                                  "UdpEchoClientHelper",
                                                  "Installs UdpEchoClient applications.");
    client
        .def(py::init([](py::handle address, uint16_t port) {
                 return CheckedUdpEchoClientHelper(
                     UdpEchoClientHelper(AddressFromPython(address), port),
                     UdpEchoClient::GetTypeId(),
                     UdpSocketFactory::GetTypeId());
             }),
             py::arg("address"),
             py::arg("port"),
             "Create a helper for clients of a server address (Ipv4Address or dotted quad) "
             "and port.")
        .def(py::init([](py::handle address) {
                 return CheckedUdpEchoClientHelper(UdpEchoClientHelper(AddressFromPython(address)),
                                                   UdpEchoClient::GetTypeId(),
                                                   UdpSocketFactory::GetTypeId());
             }),
             py::arg("address"),
             "Create a helper for clients of a server InetSocketAddress or \"A.B.C.D:PORT\".")
        .def(
            "SetFill",
            [](CheckedUdpEchoClientHelper& helper, Ptr<Application> app, const std::string& fill) {
                if (!DynamicCast<UdpEchoClient>(app))
                {
                    throw py::type_error("SetFill needs a UdpEchoClient");
                }
                helper.GetHelper().SetFill(app, fill);
            },
            NotNone("app"),
            py::arg("fill"),
            "Send this text, NUL-terminated, as the payload of the client's requests.");
    DefineHelperMethods<CheckedUdpEchoClientHelper>(client);

    py::class_<CheckedPacketSinkHelper> sink(m,
                                             "PacketSinkHelper",
                                             "Installs PacketSink applications.");
    sink.def(py::init([](const std::string& protocol, py::handle address) {
                 const TypeId factory = LookupSocketFactory(protocol);
                 return CheckedPacketSinkHelper(
                     PacketSinkHelper(protocol, AddressFromPython(address)),
                     PacketSink::GetTypeId(),
                     factory);
             }),
             py::arg("protocol"),
             py::arg("address"),
             "Create a helper for sinks of a socket factory (\"ns3::TcpSocketFactory\" or "
             "\"ns3::UdpSocketFactory\") on a local address such as "
             "InetSocketAddress(Ipv4Address.GetAny(), 9).");
    DefineHelperMethods<CheckedPacketSinkHelper>(sink);

    py::class_<CheckedOnOffHelper> onOff(m, "OnOffHelper", "Installs OnOffApplication senders.");
    onOff
        .def(py::init([](const std::string& protocol, py::handle address) {
                 const TypeId factory = LookupSocketFactory(protocol);
                 return CheckedOnOffHelper(OnOffHelper(protocol, AddressFromPython(address)),
                                           OnOffApplication::GetTypeId(),
                                           factory);
             }),
             py::arg("protocol"),
             py::arg("address"),
             "Create a helper for senders of a socket factory to a remote address.")
        .def(
            "SetConstantRate",
            [](CheckedOnOffHelper& helper, const DataRate& dataRate, uint32_t packetSize) {
                if (packetSize == 0)
                {
                    throw py::value_error("the packet size must be at least 1 byte");
                }
                if (dataRate.GetBitRate() == 0)
                {
                    // OnOffApplication divides by the rate when it schedules a send.
                    throw py::value_error("invalid data rate 0bps: a data rate must be at "
                                          "least 1bps");
                }
                helper.GetHelper().SetConstantRate(dataRate, packetSize);
            },
            py::arg("dataRate"),
            py::arg("packetSize") = 512,
            "Send continuously at dataRate in packets of packetSize bytes.");
    DefineHelperMethods<CheckedOnOffHelper>(onOff);

    py::class_<CheckedBulkSendHelper> bulk(m,
                                           "BulkSendHelper",
                                           "Installs BulkSendApplication senders.");
    bulk.def(py::init([](const std::string& protocol, py::handle address) {
                 const TypeId factory = LookupSocketFactory(protocol);
                 return CheckedBulkSendHelper(BulkSendHelper(protocol, AddressFromPython(address)),
                                              BulkSendApplication::GetTypeId(),
                                              factory);
             }),
             py::arg("protocol"),
             py::arg("address"),
             "Create a helper for senders of a socket factory to a remote address.");
    DefineHelperMethods<CheckedBulkSendHelper>(bulk);
}

} // namespace

void
RegisterApplications(py::module_& m)
{
    RegisterApplicationClasses(m);
    RegisterApplicationContainer(m);
    RegisterHelpers(m);
}

} // namespace python
} // namespace ns3
