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

#include "ns3/node-list.h"
#include "ns3/trace-helper.h"

#include <string>

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
 * Bind EnablePcap and EnablePcapAll on a helper class derived from
 * PcapHelperForDevice.
 * @tparam Helper the helper type
 * @tparam Class the pybind11 class
 * @param cls the class being bound
 */
template <typename Helper, typename Class>
void
DefinePcapMethods(Class& cls)
{
    cls.def(
           "EnablePcap",
           [](Helper& helper,
              const std::string& prefix,
              Ptr<NetDevice> device,
              bool promiscuous,
              bool explicitFilename) {
               EnsureLive(PeekPointer(device));
               CheckPcapPrefix(prefix);
               helper.EnablePcap(prefix, device, promiscuous, explicitFilename);
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
            [](Helper& helper,
               const std::string& prefix,
               const NetDeviceContainer& devices,
               bool promiscuous) {
                EnsureLiveDevices(devices);
                CheckPcapPrefix(prefix);
                helper.EnablePcap(prefix, devices, promiscuous);
            },
            py::arg("prefix"),
            py::arg("devices"),
            py::arg("promiscuous") = false,
            "Write a pcap of each device of the container.")
        .def(
            "EnablePcap",
            [](Helper& helper,
               const std::string& prefix,
               const NodeContainer& nodes,
               bool promiscuous) {
                EnsureLiveNodes(nodes);
                CheckPcapPrefix(prefix);
                helper.EnablePcap(prefix, nodes, promiscuous);
            },
            py::arg("prefix"),
            py::arg("nodes"),
            py::arg("promiscuous") = false,
            "Write a pcap of each device of the helper's type on the given nodes.")
        .def(
            "EnablePcap",
            [](Helper& helper,
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
                helper.EnablePcap(prefix, nodeId, deviceId, promiscuous);
            },
            py::arg("prefix"),
            py::arg("nodeId"),
            py::arg("deviceId"),
            py::arg("promiscuous") = false,
            "Write a pcap of device deviceId of node nodeId.")
        .def(
            "EnablePcapAll",
            [](Helper& helper, const std::string& prefix, bool promiscuous) {
                CheckPcapPrefix(prefix);
                helper.EnablePcapAll(prefix, promiscuous);
            },
            py::arg("prefix"),
            py::arg("promiscuous") = false,
            "Write a pcap of every device of the helper's type in the simulation.");
}

} // namespace python
} // namespace ns3

#endif /* NETNS_PYTHON_PCAP_H */
