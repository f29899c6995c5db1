# SPDX-License-Identifier: GPL-2.0-only
"""Shared set-up of the tests of the ns3netns Python bindings.

Each test module imports ``fresh_simulation`` (an autouse fixture) so that
every test starts with an empty simulation, no names, no allocated
addresses and default attribute values, and ``build_lan`` for a small
network with one namespace host.
"""

import os
import subprocess
import sys

import pytest

from ns3netns import core, csma, internet, netns, network


@pytest.fixture(autouse=True)
def fresh_simulation():
    """Reset every process-wide ns-3 state after the test."""
    yield
    core.Simulator.Destroy()
    core.Names.Clear()
    internet.Ipv4AddressGenerator.Reset()
    core.Config.Reset()


class Lan:
    """A CSMA LAN: host h1 with namespace support, and plain node peer."""

    def __init__(self, route_isolation=False):
        nodes = network.NodeContainer()
        nodes.Create(2)
        self.host_node = nodes.Get(0)
        self.peer = nodes.Get(1)
        core.Names.Add("h1", self.host_node)
        self.devices = csma.CsmaHelper().Install(nodes)
        internet.InternetStackHelper().Install(self.peer)
        helper = netns.NetnsHelper()
        helper.SetRouteIsolation(route_isolation)
        helper.Install(self.host_node)
        self.host = netns.NetnsHelper.GetHost(self.host_node)
        addresses = internet.Ipv4AddressHelper("198.51.100.0", "255.255.255.0")
        addresses.Assign(network.NetDeviceContainer(self.devices.Get(1)))
        self.peer_address = network.Ipv4Address("198.51.100.1")

    def container(self, address, uid=0):
        """Return a root process in a new namespace whose view has eth0 with address/24."""
        process = self.host.CreateProcess(uid)
        process.Unshare("CLONE_NEWNET")
        process.WriteFile(netns.DEBUGFS_DEV_PATH, "eth0\n")
        process.AddAddress("eth0", address, 24)
        return process


def build_lan(route_isolation=False):
    """Build a Lan; see its class."""
    return Lan(route_isolation)


def run_python(code, timeout=120):
    """Run code in a fresh interpreter with the bindings importable."""
    environment = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run([sys.executable, "-c", code], capture_output=True,
                          text=True, timeout=timeout, env=environment,
                          check=False)
