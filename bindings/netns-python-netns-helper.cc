/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * ns3netns.netns, helper part: NetnsHelper (installs namespace support on
 * hosts) and NetnsCaptureHelper (pcaps of every device, view and loopback,
 * with a manifest).
 *
 * Tests: test/python/test_bindings_netns_helper.py
 */
#include "netns-python-pcap.h"
#include "netns-python-support.h"

#include "ns3/net-namespace.h"
#include "ns3/netns-capture-helper.h"
#include "ns3/netns-helper.h"
#include "ns3/netns-host.h"

namespace ns3
{
namespace python
{

namespace
{

/** Bind NetnsHelper. */
void
RegisterNetnsHelperClass(py::module_& m)
{
    py::class_<NetnsHelper> cls(
        m,
        "NetnsHelper",
        "Installs network namespace support on hosts, in place of InternetStackHelper: the "
        "same IPv4 stack with the module's traffic-control layer, routing and sockets, plus a "
        "netns.Host. Also writes pcaps of namespace views.");
    cls.def(py::init<>(), "Create a helper; route isolation is off, as in the 2006 patch.")
        .def("SetRouteIsolation",
             &NetnsHelper::SetRouteIsolation,
             py::arg("isolated"),
             "Give each namespace of hosts installed afterwards its own route table, address "
             "locality and receive path (True), or keep the 2006 patch's shared table (False).")
        .def(
            "Install",
            [](const NetnsHelper& helper, Ptr<Node> node) {
                EnsureLive(PeekPointer(node));
                Check(helper.Install(node));
            },
            NotNone("node"),
            "Install namespace support on a host. Raises OSError(EEXIST) when it is installed "
            "already and OSError(EBUSY) when the node has an IPv4 stack from another helper.")
        .def(
            "Install",
            [](const NetnsHelper& helper, const NodeContainer& nodes) {
                EnsureLiveNodes(nodes);
                Check(helper.Install(nodes));
            },
            py::arg("nodes"),
            "Install namespace support on several hosts; stops at the first failure and "
            "raises it.")
        .def_static(
            "GetHost",
            [](Ptr<Node> node) {
                EnsureLive(PeekPointer(node));
                return NetnsHelper::GetHost(node);
            },
            NotNone("node"),
            "Return the node's netns.Host, or None when support is not installed.")
        .def(
            "EnablePcapNamespace",
            [](NetnsHelper& helper, const std::string& prefix, Ptr<netns::Namespace> ns) {
                EnsureLive(PeekPointer(ns));
                CheckPcapPrefix(prefix);
                helper.EnablePcapNamespace(prefix, ns);
                RaiseSkippedPcap(helper);
            },
            py::arg("prefix"),
            NotNone("ns"),
            "Write a pcap of every view device of a namespace, PREFIX_HOST_NAMESPACE_DEVICE."
            "pcap; views revealed later are not captured.")
        .def_static(
            "GetViewFilename",
            [](const std::string& prefix, Ptr<NetDevice> view) {
                EnsureLive(PeekPointer(view));
                return NetnsHelper::GetViewFilename(prefix, view);
            },
            py::arg("prefix"),
            NotNone("view"),
            "Return the pcap file name of a view device.");
    DefinePcapMethods<NetnsHelper>(cls, "ns3::netns::ViewDevice");
}

/** Bind NetnsCaptureHelper and its file records. */
void
RegisterCaptureHelper(py::module_& m)
{
    py::class_<NetnsCaptureFile>(m, "NetnsCaptureFile", "One pcap file of NetnsCaptureHelper.")
        .def_readonly("file", &NetnsCaptureFile::file, "File name, without directory.")
        .def_readonly("kind", &NetnsCaptureFile::kind, "\"device\", \"view\" or \"loopback\".")
        .def_readonly("nodeId", &NetnsCaptureFile::nodeId, "ns-3 id of the host or node.")
        .def_readonly("node", &NetnsCaptureFile::node, "Host or node name.")
        .def_readonly("netnsHost",
                      &NetnsCaptureFile::netnsHost,
                      "True when the node has namespace support.")
        .def_readonly("namespaceId",
                      &NetnsCaptureFile::namespaceId,
                      "Namespace id, None for a device capture.")
        .def_readonly("namespaceName",
                      &NetnsCaptureFile::namespaceName,
                      "Namespace name, empty for a device capture.")
        .def_readonly("device", &NetnsCaptureFile::device, "Interface name.")
        .def_readonly("ifindex", &NetnsCaptureFile::ifindex, "Linux ifindex on hosts, or None.")
        .def_readonly("ns3DeviceIndex",
                      &NetnsCaptureFile::ns3DeviceIndex,
                      "Index among the ns-3 node's devices, or None.")
        .def_readonly("deviceType", &NetnsCaptureFile::deviceType, "ns-3 type of the device.")
        .def_readonly("linkType", &NetnsCaptureFile::linkType, "pcap link type (DLT).")
        .def_readonly("direction", &NetnsCaptureFile::direction, "\"both\", or \"out\".")
        .def_readonly("mac", &NetnsCaptureFile::mac, "MAC address, empty when none.")
        .def_readonly("packets", &NetnsCaptureFile::packets, "Packets written so far.")
        .def_readonly("bytes", &NetnsCaptureFile::bytes, "Bytes written so far.")
        .def(
            "__repr__",
            [](const NetnsCaptureFile& f) { return "<NetnsCaptureFile " + f.file + ">"; },
            "Return <NetnsCaptureFile name>.");

    py::class_<NetnsCaptureHelper>(
        m,
        "NetnsCaptureHelper",
        "Writes a pcap for every device of every node, every namespace view and every "
        "loopback, PREFIX_HOST[_NAMESPACE]_DEVICE.pcap, and a JSON manifest describing them. "
        "Files are flushed by Close() or when the helper is garbage collected.")
        .def(py::init<const std::string&, const std::string&>(),
             py::arg("directory"),
             py::arg("prefix") = "netns",
             "Create a helper writing into directory, created if missing.")
        .def("SetMaxNamespacesPerHost",
             &NetnsCaptureHelper::SetMaxNamespacesPerHost,
             py::arg("limit"),
             "Capture at most limit namespaces per host besides the initial one, lowest ids "
             "first, to bound the number of open files.")
        .def(
            "EnableAll",
            [](NetnsCaptureHelper& helper) { Check(helper.EnableAll()); },
            "Capture every node; again later captures what was added since. Raises OSError "
            "(EINVAL for an invalid prefix, or the errno of a file that cannot be created).")
        .def(
            "EnableNode",
            [](NetnsCaptureHelper& helper, Ptr<Node> node) {
                EnsureLive(PeekPointer(node));
                Check(helper.EnableNode(node));
            },
            NotNone("node"),
            "Capture one node: a host with its namespaces, or a plain node.")
        .def(
            "WriteManifest",
            [](const NetnsCaptureHelper& helper) { Check(helper.WriteManifest()); },
            "Write PREFIX_manifest.json; call it after Simulator.Run() and before "
            "Simulator.Destroy(). Raises OSError when the write fails.")
        .def("Close", &NetnsCaptureHelper::Close, "Flush and close every file.")
        .def("GetFiles",
             &NetnsCaptureHelper::GetFiles,
             "Return the files opened so far, sorted by name.")
        .def("GetManifestPath",
             &NetnsCaptureHelper::GetManifestPath,
             "Return the path of the manifest.")
        .def_static("EncodeComponent",
                    &NetnsCaptureHelper::EncodeComponent,
                    py::arg("name"),
                    "Encode a name for a file name: bytes outside [A-Za-z0-9.-] become %XX.");
}

} // namespace

void
RegisterNetnsHelper(py::module_& m)
{
    RegisterNetnsHelperClass(m);
    RegisterCaptureHelper(m);
}

} // namespace python
} // namespace ns3
