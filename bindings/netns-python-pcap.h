/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The EnablePcap family of ns-3's PcapHelperForDevice, bound with the
 * checks ns-3 leaves to aborts: a file that cannot be created aborts the
 * process, and so does an unknown node or device index.
 */
#ifndef NETNS_PYTHON_PCAP_H
#define NETNS_PYTHON_PCAP_H

#include "netns-python-support.h"

#include "ns3/netns-helper.h"
#include "ns3/node-container.h"
#include "ns3/node-list.h"
#include "ns3/trace-helper.h"

#include <string>
#include <type_traits>
#include <vector>

namespace ns3
{
namespace python
{

/**
 * Raise OSError unless pcap files with this prefix can be created: the
 * prefix's directory (the current one when it has none) must exist and be
 * writable.
 * @param prefix the file name prefix, or the file name itself
 */
void CheckPcapPrefix(const std::string& prefix);

/**
 * Raise OSError unless ns-3 can create the pcap file of each device of the
 * given type, since ns-3's pcap writer aborts the process when it cannot.
 * @param prefix the file name prefix, or the file name itself
 * @param devices the devices the call captures; those of other types are skipped
 * @param deviceType the TypeId name of the devices the helper captures
 * @param explicitFilename true when prefix is the file name itself
 */
void CheckPcapFiles(const std::string& prefix,
                    const std::vector<Ptr<NetDevice>>& devices,
                    const std::string& deviceType,
                    bool explicitFilename);

/** @return every device of the nodes */
std::vector<Ptr<NetDevice>> DevicesOf(const NodeContainer& nodes);

/**
 * Raise OSError when NetnsHelper skipped a pcap file it could not create.
 * Other helpers are checked before the call, by CheckPcapFiles.
 * @param helper the helper
 */
template <typename Helper>
void
RaiseSkippedPcap(Helper& helper)
{
    if constexpr (std::is_same_v<Helper, NetnsHelper>)
    {
        netns::Status skipped = helper.TakePcapError();
        if (!skipped.IsOk())
        {
            RaiseOsError(skipped);
        }
    }
}

/**
 * Bind EnablePcap and EnablePcapAll on a helper class derived from
 * PcapHelperForDevice.
 * @tparam Helper the helper type
 * @tparam Class the pybind11 class
 * @param cls the class being bound
 */
template <typename Helper, typename Class>
void
DefinePcapMethods(Class& cls, const std::string& deviceType)
{
    cls.def(
           "EnablePcap",
           [deviceType](Helper& helper,
                        const std::string& prefix,
                        Ptr<NetDevice> device,
                        bool promiscuous,
                        bool explicitFilename) {
               EnsureLive(PeekPointer(device));
               CheckPcapPrefix(prefix);
               CheckPcapFiles(prefix, {device}, deviceType, explicitFilename);
               helper.EnablePcap(prefix, device, promiscuous, explicitFilename);
               RaiseSkippedPcap(helper);
           },
           py::arg("prefix"),
           NotNone("device"),
           py::arg("promiscuous") = false,
           py::arg("explicitFilename") = false,
           "Write a pcap of one device to PREFIX-NODE-DEVICE.pcap, or to prefix itself when "
           "explicitFilename is True. Raises OSError when the directory cannot take the file. "
           "As in C++, ns-3 completes the file when it destroys the device: after "
           "Simulator.Destroy() once nothing, Python included, refers to the device. "
           "netns.NetnsCaptureHelper.Close() completes its files at any time.")
        .def(
            "EnablePcap",
            [deviceType](Helper& helper,
                         const std::string& prefix,
                         const NetDeviceContainer& devices,
                         bool promiscuous) {
                EnsureLiveDevices(devices);
                CheckPcapPrefix(prefix);
                CheckPcapFiles(prefix,
                               std::vector<Ptr<NetDevice>>(devices.Begin(), devices.End()),
                               deviceType,
                               false);
                helper.EnablePcap(prefix, devices, promiscuous);
                RaiseSkippedPcap(helper);
            },
            py::arg("prefix"),
            py::arg("devices"),
            py::arg("promiscuous") = false,
            "Write a pcap of each device of the container.")
        .def(
            "EnablePcap",
            [deviceType](Helper& helper,
                         const std::string& prefix,
                         const NodeContainer& nodes,
                         bool promiscuous) {
                EnsureLiveNodes(nodes);
                CheckPcapPrefix(prefix);
                CheckPcapFiles(prefix, DevicesOf(nodes), deviceType, false);
                helper.EnablePcap(prefix, nodes, promiscuous);
                RaiseSkippedPcap(helper);
            },
            py::arg("prefix"),
            py::arg("nodes"),
            py::arg("promiscuous") = false,
            "Write a pcap of each device of the helper's type on the given nodes.")
        .def(
            "EnablePcap",
            [deviceType](Helper& helper,
                         const std::string& prefix,
                         uint32_t nodeId,
                         uint32_t deviceId,
                         bool promiscuous) {
                if (nodeId >= NodeList::GetNNodes())
                {
                    throw py::value_error("no node has id " + std::to_string(nodeId));
                }
                if (deviceId >= NodeList::GetNode(nodeId)->GetNDevices())
                {
                    throw py::value_error("node " + std::to_string(nodeId) + " has no device " +
                                          std::to_string(deviceId));
                }
                CheckPcapPrefix(prefix);
                CheckPcapFiles(prefix,
                               {NodeList::GetNode(nodeId)->GetDevice(deviceId)},
                               deviceType,
                               false);
                helper.EnablePcap(prefix, nodeId, deviceId, promiscuous);
                RaiseSkippedPcap(helper);
            },
            py::arg("prefix"),
            py::arg("nodeId"),
            py::arg("deviceId"),
            py::arg("promiscuous") = false,
            "Write a pcap of device deviceId of node nodeId.")
        .def(
            "EnablePcapAll",
            [deviceType](Helper& helper, const std::string& prefix, bool promiscuous) {
                CheckPcapPrefix(prefix);
                CheckPcapFiles(prefix, DevicesOf(NodeContainer::GetGlobal()), deviceType, false);
                helper.EnablePcapAll(prefix, promiscuous);
                RaiseSkippedPcap(helper);
            },
            py::arg("prefix"),
            py::arg("promiscuous") = false,
            "Write a pcap of every device of the helper's type in the simulation.");
}

} // namespace python
} // namespace ns3

#endif /* NETNS_PYTHON_PCAP_H */
