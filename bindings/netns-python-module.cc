/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The ns3netns extension module: one submodule per ns-3 module it covers,
 * registered in dependency order so that base classes exist before the
 * classes derived from them.
 */
#include "netns-python-support.h"

PYBIND11_MODULE(ns3netns, m)
{
    namespace py = pybind11;
    using namespace ns3::python;

    m.doc() = "Python bindings of ns-3 (the parts a namespace scenario needs) and of the netns "
              "module, which gives simulated hosts Linux network namespaces as the June 2006 "
              "netdev patch series defined them.";

    py::module_ core = m.def_submodule("core", "Simulator, Time, Object, Names, Config.");
    py::module_ network =
        m.def_submodule("network", "Nodes, devices, packets, addresses and sockets.");
    py::module_ internet =
        m.def_submodule("internet", "Internet stack, IPv4 addresses, static routes and headers.");
    py::module_ applications =
        m.def_submodule("applications", "UDP echo, packet sink, on-off and bulk-send.");
    py::module_ csma = m.def_submodule("csma", "CSMA (Ethernet-like) links.");
    py::module_ pointToPoint = m.def_submodule("point_to_point", "Point-to-point links.");
    py::module_ netns =
        m.def_submodule("netns", "Hosts, network namespaces, processes and their helper.");

    RegisterCore(core);
    RegisterNetwork(network);
    RegisterInternet(internet);
    RegisterApplications(applications);
    RegisterCsma(csma);
    RegisterPointToPoint(pointToPoint);
    RegisterNetnsModel(netns);
    RegisterNetnsProcess(netns);
    RegisterNetnsHelper(netns);
    RegisterNetnsCommands(netns);

    // Make "import ns3netns.core" work as well as "from ns3netns import core".
    py::dict modules = py::module_::import("sys").attr("modules");
    for (const char* name :
         {"core", "network", "internet", "applications", "csma", "point_to_point", "netns"})
    {
        modules[py::str(std::string("ns3netns.") + name)] = m.attr(name);
    }
}
