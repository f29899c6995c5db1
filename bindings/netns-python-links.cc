/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * ns3netns.csma and ns3netns.point_to_point: the link helpers, with
 * attributes given by string or value, and pcap capture.
 *
 * Tests: test/python/test_bindings_links.py
 */
#include "netns-python-attributes.h"
#include "netns-python-pcap.h"
#include "netns-python-support.h"

#include "ns3/csma-helper.h"
#include "ns3/names.h"
#include "ns3/netns-helper.h"
#include "ns3/netns-names.h"
#include "ns3/netns-view-device.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/queue.h"

#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace ns3
{
namespace python
{

void
CheckPcapPrefix(const std::string& prefix)
{
    const std::string::size_type slash = prefix.rfind('/');
    const std::string directory =
        slash == std::string::npos ? "." : (slash == 0 ? "/" : prefix.substr(0, slash));

    struct stat info
    {
    };

    int errnum = 0;
    if (stat(directory.c_str(), &info) != 0)
    {
        errnum = errno;
    }
    else if (!S_ISDIR(info.st_mode))
    {
        errnum = ENOTDIR;
    }
    else if (access(directory.c_str(), W_OK | X_OK) != 0)
    {
        errnum = errno;
    }
    if (errnum != 0)
    {
        RaiseOsError(netns::Status::Error(errnum,
                                          "cannot create pcap files with prefix \"" + prefix +
                                              "\": directory \"" + directory +
                                              "\": " + netns::ErrnoText(errnum)));
    }
}

void
CheckPcapFiles(const std::string& prefix,
               const std::vector<Ptr<NetDevice>>& devices,
               const std::string& deviceType,
               bool explicitFilename)
{
    const TypeId captured = TypeId::LookupByName(deviceType);
    for (const Ptr<NetDevice>& device : devices)
    {
        // TypeId::IsChildOf is false for the type itself.
        const TypeId type = device ? device->GetInstanceTypeId() : captured;
        if (!device || (type != captured && !type.IsChildOf(captured)))
        {
            continue;
        }
        std::string filename = prefix;
        if (!explicitFilename)
        {
            filename = DynamicCast<netns::ViewDevice>(device)
                           ? NetnsHelper::GetViewFilename(prefix, device)
                           : PcapHelper().GetFilenameFromDevice(prefix, device);
        }
        netns::Status creatable = NetnsHelper::CheckPcapFile(filename);
        if (!creatable.IsOk())
        {
            RaiseOsError(netns::Status::Error(creatable.GetErrno(),
                                              "cannot create pcap files with prefix " +
                                                  netns::QuoteForMessage(prefix) + ": " +
                                                  creatable.GetMessage()));
        }
    }
}

std::vector<Ptr<NetDevice>>
DevicesOf(const NodeContainer& nodes)
{
    std::vector<Ptr<NetDevice>> devices;
    for (auto node = nodes.Begin(); node != nodes.End(); ++node)
    {
        for (uint32_t i = 0; i < (*node)->GetNDevices(); ++i)
        {
            devices.push_back((*node)->GetDevice(i));
        }
    }
    return devices;
}

namespace
{

/// Attributes given to SetQueue, checked and converted.
using CheckedAttributes = std::vector<std::pair<std::string, Ptr<AttributeValue>>>;

/**
 * Check a queue type and its attributes.
 * @param type a queue type, with or without the <Packet> item type
 * @param attributes attribute names and Python values
 * @return the full type name and the converted attributes
 */
std::pair<std::string, CheckedAttributes>
CheckQueue(std::string type, const py::kwargs& attributes)
{
    QueueBase::AppendItemTypeIfNotPresent(type, "Packet");
    const TypeId tid = LookupTypeId(type);
    if (!tid.IsChildOf(QueueBase::GetTypeId()) || !tid.HasConstructor())
    {
        throw py::value_error("\"" + type + "\" is not a queue type that can be created");
    }
    CheckedAttributes checked;
    for (const auto& [name, value] : attributes)
    {
        const std::string attribute = py::str(name);
        checked.emplace_back(attribute,
                             MakeAttributeValue(tid, attribute, value, AttributeUse::Construct));
    }
    if (checked.size() > 4)
    {
        throw py::value_error("SetQueue takes at most 4 attributes");
    }
    return {type, checked};
}

/**
 * Call a helper's variadic SetQueue with checked attributes.
 * @param helper CsmaHelper or PointToPointHelper
 * @param type the queue type
 * @param a the attributes, at most 4
 */
template <typename Helper>
void
ApplyQueue(Helper& helper, const std::string& type, const CheckedAttributes& a)
{
    switch (a.size())
    {
    case 0:
        helper.SetQueue(type);
        break;
    case 1:
        helper.SetQueue(type, a[0].first, *a[0].second);
        break;
    case 2:
        helper.SetQueue(type, a[0].first, *a[0].second, a[1].first, *a[1].second);
        break;
    case 3:
        helper.SetQueue(type,
                        a[0].first,
                        *a[0].second,
                        a[1].first,
                        *a[1].second,
                        a[2].first,
                        *a[2].second);
        break;
    default:
        helper.SetQueue(type,
                        a[0].first,
                        *a[0].second,
                        a[1].first,
                        *a[1].second,
                        a[2].first,
                        *a[2].second,
                        a[3].first,
                        *a[3].second);
        break;
    }
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

/** Bind the methods both link helpers share. */
template <typename Helper, typename Class>
void
DefineLinkMethods(Class& cls, const char* deviceType, const char* channelType)
{
    const TypeId device = TypeId::LookupByName(deviceType);
    const TypeId channel = TypeId::LookupByName(channelType);
    cls.def(
           "SetDeviceAttribute",
           [device](Helper& helper, const std::string& name, py::handle value) {
               helper.SetDeviceAttribute(
                   name,
                   *MakeAttributeValue(device, name, value, AttributeUse::Construct));
           },
           py::arg("name"),
           py::arg("value"),
           (std::string("Set an attribute of the ") + deviceType +
            " devices created afterwards, by string (\"10Mbps\") or value.")
               .c_str())
        .def(
            "SetChannelAttribute",
            [channel](Helper& helper, const std::string& name, py::handle value) {
                helper.SetChannelAttribute(
                    name,
                    *MakeAttributeValue(channel, name, value, AttributeUse::Construct));
            },
            py::arg("name"),
            py::arg("value"),
            (std::string("Set an attribute of the ") + channelType +
             " channels created afterwards, by string (\"2ms\") or value.")
                .c_str())
        .def(
            "SetQueue",
            [](Helper& helper, const std::string& type, const py::kwargs& attributes) {
                const auto [fullType, checked] = CheckQueue(type, attributes);
                ApplyQueue(helper, fullType, checked);
            },
            py::arg("type"),
            "Set the device queue type, such as \"ns3::DropTailQueue\", with up to 4 "
            "attributes as keyword arguments (MaxSize=\"100p\").");
    DefinePcapMethods<Helper>(cls, deviceType);
}

/** Bind CsmaHelper. */
void
RegisterCsmaHelper(py::module_& m)
{
    py::class_<CsmaHelper> cls(m,
                               "CsmaHelper",
                               "Builds CSMA links: one shared channel per Install() call.");
    cls.def(py::init<>(), "Create a helper with ns-3's default attributes.")
        .def(
            "Install",
            [](const CsmaHelper& helper, const NodeContainer& nodes) {
                EnsureLiveNodes(nodes);
                return helper.Install(nodes);
            },
            py::arg("nodes"),
            "Create one channel and attach a new device of each node to it.")
        .def(
            "Install",
            [](const CsmaHelper& helper, Ptr<Node> node) {
                EnsureLive(PeekPointer(node));
                return helper.Install(node);
            },
            NotNone("node"),
            "Create a channel with one device of the node on it.")
        .def(
            "Install",
            [](const CsmaHelper& helper, const std::string& name) {
                return helper.Install(FindNode(name));
            },
            py::arg("nodeName"),
            "Create a channel with one device of the named node on it.");
    DefineLinkMethods<CsmaHelper>(cls, "ns3::CsmaNetDevice", "ns3::CsmaChannel");
}

/** Bind PointToPointHelper. */
void
RegisterPointToPointHelper(py::module_& m)
{
    py::class_<PointToPointHelper> cls(m,
                                       "PointToPointHelper",
                                       "Builds point-to-point links between two nodes.");
    cls.def(py::init<>(), "Create a helper with ns-3's default attributes.")
        .def(
            "Install",
            [](PointToPointHelper& helper, const NodeContainer& nodes) {
                if (nodes.GetN() != 2)
                {
                    throw py::value_error("a point-to-point link joins exactly 2 nodes, got " +
                                          std::to_string(nodes.GetN()));
                }
                EnsureLiveNodes(nodes);
                return helper.Install(nodes);
            },
            py::arg("nodes"),
            "Link the two nodes of the container.")
        .def(
            "Install",
            [](PointToPointHelper& helper, Ptr<Node> a, Ptr<Node> b) {
                EnsureLive(PeekPointer(a));
                EnsureLive(PeekPointer(b));
                return helper.Install(a, b);
            },
            NotNone("a"),
            NotNone("b"),
            "Link two nodes.")
        .def(
            "Install",
            [](PointToPointHelper& helper, const std::string& a, const std::string& b) {
                return helper.Install(FindNode(a), FindNode(b));
            },
            py::arg("aName"),
            py::arg("bName"),
            "Link two named nodes.");
    DefineLinkMethods<PointToPointHelper>(cls,
                                          "ns3::PointToPointNetDevice",
                                          "ns3::PointToPointChannel");
}

} // namespace

void
RegisterCsma(py::module_& m)
{
    RegisterCsmaHelper(m);
}

void
RegisterPointToPoint(py::module_& m)
{
    RegisterPointToPointHelper(m);
}

} // namespace python
} // namespace ns3
