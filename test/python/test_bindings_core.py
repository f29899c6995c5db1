# SPDX-License-Identifier: GPL-2.0-only
"""Tests of ns3netns.core: Time, TypeId, Simulator, Object attributes and
traces, Names, Config and RngSeedManager, and the lifetime rules of Python
objects and callables across Simulator.Destroy()."""

import gc
import weakref

import pytest

from bindings_support import fresh_simulation, run_python  # noqa: F401
from ns3netns import applications, core, network


# Time ------------------------------------------------------------------------


def test_time_units():
    assert core.Seconds(1.5).GetSeconds() == 1.5
    assert core.MilliSeconds(3).GetMicroSeconds() == 3000
    assert core.MicroSeconds(2.5).GetNanoSeconds() == 2500
    assert core.NanoSeconds(7).GetTimeStep() == 7
    assert core.Minutes(1).GetSeconds() == 60.0
    assert core.MilliSeconds(-2).GetMilliSeconds() == -2


def test_time_from_text():
    assert core.Time("2ms") == core.MilliSeconds(2)
    assert core.Time("1.5") == core.Seconds(1.5)
    assert core.Time("3min") == core.Minutes(3)


def test_time_rejects_bad_text():
    with pytest.raises(ValueError) as error:
        core.Time("abc")
    assert str(error.value) == ('invalid time "abc": expected a number with an '
                                'optional unit, such as "2ms" or "1.5s"')
    with pytest.raises(ValueError) as error:
        core.Time("1 s")
    assert str(error.value) == ('invalid time "1 s": unknown time unit " s"; '
                                'use s, ms, us, ns, ps, fs, min, h, d or y')


def test_time_arithmetic_and_order():
    assert core.Seconds(1) + core.MilliSeconds(500) == core.Seconds(1.5)
    assert core.Seconds(1) - core.Seconds(3) == core.Seconds(-2)
    assert -core.Seconds(1) == core.Seconds(-1)
    assert core.MilliSeconds(2) * 3 == core.MilliSeconds(6)
    assert 3 * core.MilliSeconds(2) == core.MilliSeconds(6)
    assert core.MilliSeconds(1) < core.Seconds(1)
    assert core.Seconds(0).IsZero()
    assert core.Seconds(-1).IsStrictlyNegative()
    assert hash(core.Seconds(1)) == hash(core.MilliSeconds(1000))
    assert core.Seconds(2) >= core.Seconds(2)
    assert core.Seconds(3) > core.Seconds(2)
    assert core.Seconds(1) != core.Seconds(2)


def test_time_compares_with_other_types():
    assert core.Seconds(1) != None  # noqa: E711
    assert not core.Seconds(1) == "1s"
    with pytest.raises(TypeError):
        core.Seconds(1) < 5


def test_time_text_round_trip():
    assert str(core.Seconds(1)) == "+1e+09ns"
    assert repr(core.Seconds(1)) == 'Time("+1e+09ns")'
    assert core.Time(str(core.MilliSeconds(7))) == core.MilliSeconds(7)


# TypeId ----------------------------------------------------------------------


def test_typeid_lookup():
    tid = core.TypeId.LookupByName("ns3::UdpEchoClient")
    assert tid.GetName() == "ns3::UdpEchoClient"
    assert tid.GetParent().GetName() == "ns3::Application"
    assert tid.IsChildOf(core.TypeId.LookupByName("ns3::Object"))
    assert "MaxPackets" in tid.GetAttributeNames()
    assert "StartTime" in tid.GetAttributeNames()
    assert "RxWithAddresses" in tid.GetTraceSourceNames()
    assert repr(tid) == 'TypeId("ns3::UdpEchoClient")'


def test_typeid_unknown_name():
    with pytest.raises(ValueError) as error:
        core.TypeId.LookupByName("ns3::Nope")
    assert str(error.value) == 'no ns-3 type is registered under the name "ns3::Nope"'


# Simulator -------------------------------------------------------------------


def test_schedule_runs_callable_with_arguments():
    calls = []
    core.Simulator.Schedule(core.Seconds(2), lambda a, b: calls.append(
        (a, b, core.Simulator.Now())), "x", 3)
    core.Simulator.Run()
    assert calls == [("x", 3, core.Seconds(2))]


def test_schedule_now_and_order():
    calls = []
    core.Simulator.Schedule(core.Seconds(1), calls.append, "second")
    core.Simulator.ScheduleNow(calls.append, "first")
    core.Simulator.Run()
    assert calls == ["first", "second"]


def test_schedule_with_context_sets_context():
    contexts = []
    core.Simulator.ScheduleWithContext(
        7, core.Seconds(1), lambda: contexts.append(core.Simulator.GetContext()))
    core.Simulator.Run()
    assert contexts == [7]


def test_schedule_destroy_runs_at_destroy():
    calls = []
    core.Simulator.ScheduleDestroy(calls.append, "destroyed")
    core.Simulator.Run()
    assert calls == []
    core.Simulator.Destroy()
    assert calls == ["destroyed"]


def test_schedule_rejects_negative_delay():
    with pytest.raises(ValueError) as error:
        core.Simulator.Schedule(core.Seconds(-1), print)
    assert str(error.value) == (
        "Simulator.Schedule: the delay must not be negative, got -1e+09ns")


def test_schedule_rejects_non_callable():
    with pytest.raises(TypeError):
        core.Simulator.Schedule(core.Seconds(1), 5)
    with pytest.raises(TypeError):
        core.Simulator.Schedule(core.Seconds(1), None)


def test_stop_after_delay():
    calls = []
    core.Simulator.Schedule(core.Seconds(1), calls.append, 1)
    core.Simulator.Schedule(core.Seconds(3), calls.append, 3)
    core.Simulator.Stop(core.Seconds(2))
    core.Simulator.Run()
    assert calls == [1]
    assert core.Simulator.Now() == core.Seconds(2)


def test_stop_rejects_negative_delay():
    with pytest.raises(ValueError) as error:
        core.Simulator.Stop(core.Seconds(-1))
    assert str(error.value) == (
        "Simulator.Stop: the delay must not be negative, got -1e+09ns")


def test_cancel_releases_callable():
    event = core.Simulator.Schedule(core.Seconds(1), print)
    assert core.GetPythonCallableCount() == 1
    assert event.IsRunning()
    core.Simulator.Cancel(event)
    assert core.GetPythonCallableCount() == 0
    assert event.IsExpired()
    assert core.Simulator.IsExpired(event)


def test_event_cancel_and_remove():
    calls = []
    first = core.Simulator.Schedule(core.Seconds(1), calls.append, 1)
    second = core.Simulator.Schedule(core.Seconds(2), calls.append, 2)
    assert core.Simulator.GetDelayLeft(second) == core.Seconds(2)
    first.Cancel()
    core.Simulator.Remove(second)
    assert core.GetPythonCallableCount() == 0
    core.Simulator.Run()
    assert calls == []


def test_event_of_destroyed_simulation_is_expired():
    event = core.Simulator.Schedule(core.Seconds(1), print)
    core.Simulator.Destroy()
    core.Simulator.Schedule(core.Seconds(5), print)
    assert event.IsExpired()
    assert core.Simulator.GetDelayLeft(event) == core.Seconds(0)
    core.Simulator.Remove(event)
    event.Cancel()
    assert core.GetPythonCallableCount() == 1


def test_callback_exception_stops_run():
    calls = []

    def fail():
        raise KeyError("boom")

    core.Simulator.Schedule(core.Seconds(1), fail)
    core.Simulator.Schedule(core.Seconds(2), calls.append, "later")
    with pytest.raises(KeyError) as error:
        core.Simulator.Run()
    assert error.value.args == ("boom",)
    assert core.Simulator.Now() == core.Seconds(1)
    assert calls == []


def test_run_inside_callback_raises():
    core.Simulator.Schedule(core.Seconds(1), core.Simulator.Run)
    with pytest.raises(RuntimeError) as error:
        core.Simulator.Run()
    assert str(error.value) == (
        "Simulator.Run() is already running; it cannot be called from a callback")


def test_destroy_inside_callback_raises():
    core.Simulator.Schedule(core.Seconds(1), core.Simulator.Destroy)
    with pytest.raises(RuntimeError) as error:
        core.Simulator.Run()
    assert str(error.value) == (
        "Simulator.Destroy() cannot be called while Simulator.Run() runs; call "
        "Simulator.Stop() and destroy after Run() returns")


class Tracker:
    """A callable whose lifetime a weak reference observes."""

    def __init__(self):
        self.calls = 0

    def __call__(self, *args):
        self.calls += 1


def test_schedule_keeps_callable_alive():
    tracker = Tracker()
    watch = weakref.ref(tracker)
    core.Simulator.Schedule(core.Seconds(1), tracker)
    del tracker
    gc.collect()
    assert watch() is not None
    core.Simulator.Run()
    assert core.GetPythonCallableCount() == 0
    gc.collect()
    assert watch() is None


def test_destroy_releases_pending_callables():
    tracker = Tracker()
    watch = weakref.ref(tracker)
    core.Simulator.Schedule(core.Seconds(5), tracker)
    client = applications.UdpEchoClient()
    client.TraceConnectWithoutContext("Tx", tracker)
    del tracker
    core.Simulator.Destroy()
    gc.collect()
    assert core.GetPythonCallableCount() == 0
    assert watch() is None


# Use after Simulator.Destroy() ----------------------------------------------


def test_node_outliving_destroy_raises():
    node = network.Node()
    assert node.GetId() == 0
    core.Simulator.Destroy()
    with pytest.raises(core.DisposedError) as error:
        node.GetId()
    assert str(error.value) == (
        "ns3::Node (node 0) belongs to a simulation that Simulator.Destroy() "
        "ended; build the scenario again to use it")
    assert isinstance(error.value, RuntimeError)


def test_old_node_is_not_a_new_node():
    old = network.Node()
    core.Simulator.Destroy()
    new = network.Node()
    assert new.GetId() == 0
    with pytest.raises(core.DisposedError):
        old.GetNDevices()
    with pytest.raises(core.DisposedError):
        old.SetAttribute("SystemId", 0)


def test_interpreter_exit_after_destroy_is_clean():
    result = run_python(
        "from ns3netns import core, network, applications\n"
        "node = network.Node()\n"
        "client = applications.UdpEchoClient()\n"
        "client.TraceConnectWithoutContext('Tx', lambda p: None)\n"
        "core.Simulator.Schedule(core.Seconds(1), print, 'never')\n"
        "core.Simulator.Destroy()\n"
        "try:\n"
        "    node.GetNDevices()\n"
        "except core.DisposedError:\n"
        "    print('raised')\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "raised\n"


def test_interpreter_exit_without_destroy_is_clean():
    result = run_python(
        "from ns3netns import core, network\n"
        "node = network.Node()\n"
        "core.Simulator.Schedule(core.Seconds(1), print, 'pending')\n"
        "print(node.GetId())\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "0\n"


# Attributes ------------------------------------------------------------------


def test_attribute_set_by_value_and_text():
    client = applications.UdpEchoClient()
    client.SetAttribute("MaxPackets", 7)
    assert client.GetAttribute("MaxPackets") == 7
    client.SetAttribute("MaxPackets", "9")
    assert client.GetAttribute("MaxPackets") == 9
    client.SetAttribute("Interval", "250ms")
    assert client.GetAttribute("Interval") == core.MilliSeconds(250)
    client.SetAttribute("Interval", core.Seconds(2))
    assert client.GetAttribute("Interval") == core.Seconds(2)


def test_attribute_address_values():
    client = applications.UdpEchoClient()
    client.SetAttribute("RemoteAddress", "198.51.100.7")
    assert client.GetAttribute("RemoteAddress") == network.Ipv4Address("198.51.100.7")
    client.SetAttribute("RemoteAddress", network.InetSocketAddress("198.51.100.8", 9))
    assert client.GetAttribute("RemoteAddress") == network.InetSocketAddress(
        "198.51.100.8", 9)


def test_attribute_typeid_and_pointer_values():
    sender = applications.OnOffApplication()
    assert sender.GetAttribute("Protocol").GetName() == "ns3::UdpSocketFactory"
    sender.SetAttribute("Protocol", "ns3::TcpSocketFactory")
    assert sender.GetAttribute("Protocol").GetName() == "ns3::TcpSocketFactory"
    sender.SetAttribute("OnTime", "ns3::ConstantRandomVariable[Constant=2]")
    on_time = sender.GetAttribute("OnTime")
    assert on_time.GetInstanceTypeId().GetName() == "ns3::ConstantRandomVariable"
    assert on_time.GetAttribute("Constant") == 2.0


def test_attribute_unknown_name():
    with pytest.raises(AttributeError) as error:
        applications.UdpEchoClient().SetAttribute("Nope", 1)
    assert str(error.value) == 'ns3::UdpEchoClient has no attribute "Nope"'
    with pytest.raises(AttributeError):
        applications.UdpEchoClient().GetAttribute("Nope")


def test_attribute_read_only():
    with pytest.raises(AttributeError) as error:
        network.Node().SetAttribute("Id", 3)
    assert str(error.value) == 'attribute "Id" of ns3::Node cannot be set'


def test_attribute_wrong_type():
    with pytest.raises(TypeError) as error:
        applications.UdpEchoClient().SetAttribute("MaxPackets", core.Seconds(1))
    assert str(error.value) == (
        'attribute "MaxPackets" of ns3::UdpEchoClient takes int or str, not Time')
    with pytest.raises(TypeError):
        applications.UdpEchoClient().SetAttribute("MaxPackets", None)


@pytest.mark.parametrize("value, message", [
    ("abc", 'invalid value "abc" for attribute "MaxPackets" of '
            "ns3::UdpEchoClient: expected a non-negative decimal integer"),
    (-1, 'invalid value "-1" for attribute "MaxPackets" of '
         "ns3::UdpEchoClient: expected uint32_t 0:4294967295"),
    (2 ** 40, 'invalid value "1099511627776" for attribute "MaxPackets" of '
              "ns3::UdpEchoClient: expected uint32_t 0:4294967295"),
    (2 ** 70, 'invalid value "1180591620717411303424" for attribute '
              '"MaxPackets" of ns3::UdpEchoClient: expected uint32_t '
              "0:4294967295"),
])
def test_attribute_invalid_number(value, message):
    with pytest.raises(ValueError) as error:
        applications.UdpEchoClient().SetAttribute("MaxPackets", value)
    assert str(error.value) == message


@pytest.mark.parametrize("value, reason", [
    ("ns3::Nope[Constant=2]", 'no type is registered under the name "ns3::Nope"'),
    ("ns3::ConstantRandomVariable[Nope=2]",
     'ns3::ConstantRandomVariable has no attribute "Nope"'),
    ("ns3::ConstantRandomVariable[Constant=x]",
     'invalid value "x" for attribute "Constant" of '
     "ns3::ConstantRandomVariable: expected a decimal number"),
    ("ns3::ConstantRandomVariable[Constant=2", "expected ns3::TypeName or "
     "ns3::TypeName[Name=Value|...]"),
    ("ns3::ConstantRandomVariable[Constant=1 ]",
     "an object description must not contain white space"),
    ("ns3::Ipv4Header", "type ns3::Ipv4Header is not an object that can be "
                        "created by name"),
    ("ns3::Node", "expected ns3::Ptr< ns3::RandomVariableStream >"),
])
def test_attribute_invalid_object_description(value, reason):
    with pytest.raises(ValueError) as error:
        applications.OnOffApplication().SetAttribute("OnTime", value)
    assert str(error.value) == (f'invalid value "{value}" for attribute '
                                f'"OnTime" of ns3::OnOffApplication: {reason}')


def test_attribute_object_of_wrong_type():
    with pytest.raises(ValueError) as error:
        applications.OnOffApplication().SetAttribute("OnTime", network.Node())
    assert str(error.value) == (
        'invalid value "<ns3::Node object>" for attribute "OnTime" of '
        "ns3::OnOffApplication: expected ns3::Ptr< ns3::RandomVariableStream >")


@pytest.mark.parametrize("text", ["fast", "10 Mbps", "10furlongs"])
def test_attribute_invalid_data_rate(text):
    with pytest.raises(ValueError) as error:
        applications.OnOffApplication().SetAttribute("DataRate", text)
    assert str(error.value) == (
        f'invalid value "{text}" for attribute "DataRate" of '
        "ns3::OnOffApplication: expected a number and a unit, such as 10Mbps")


# Trace sources ---------------------------------------------------------------


def test_trace_unknown_source():
    with pytest.raises(AttributeError) as error:
        applications.UdpEchoClient().TraceConnectWithoutContext("Nope", print)
    assert str(error.value) == 'ns3::UdpEchoClient has no trace source "Nope"'


def test_trace_rejects_none_sink():
    with pytest.raises(TypeError):
        applications.UdpEchoClient().TraceConnectWithoutContext("Tx", None)


def test_trace_signatures_listed():
    signatures = core.GetSupportedTraceSignatures()
    assert "ns3::Packet::TracedCallback" in signatures
    assert "ns3::netns::Namespace::PacketTracedCallback" in signatures
    assert signatures == sorted(signatures)


# Names -----------------------------------------------------------------------


def test_names_add_and_find():
    node = network.Node()
    core.Names.Add("n1", node)
    assert core.Names.FindName(node) == "n1"
    assert core.Names.FindPath(node) == "/Names/n1"
    found = core.Names.Find("n1")
    assert isinstance(found, network.Node)
    assert found.GetId() == node.GetId()
    assert core.Names.Find("/Names/n1").GetId() == node.GetId()
    assert core.Names.Find("nope") is None
    core.Names.Clear()
    assert core.Names.Find("n1") is None


@pytest.mark.parametrize("name, message", [
    ("", 'invalid name "": use a non-empty name without \'/\''),
    ("a/b", 'invalid name "a/b": use a non-empty name without \'/\''),
])
def test_names_invalid(name, message):
    with pytest.raises(ValueError) as error:
        core.Names.Add(name, network.Node())
    assert str(error.value) == message


def test_names_taken_twice():
    node = network.Node()
    core.Names.Add("n1", node)
    with pytest.raises(ValueError) as error:
        core.Names.Add("n1", network.Node())
    assert str(error.value) == (
        'the name "n1" is already taken; Names.Clear() removes all names')
    with pytest.raises(ValueError) as error:
        core.Names.Add("n2", node)
    assert str(error.value) == 'the object already has the name "n1"'


# Config and RngSeedManager ---------------------------------------------------


def test_config_set_default():
    core.Config.SetDefault("ns3::UdpEchoClient::MaxPackets", 5)
    assert applications.UdpEchoClient().GetAttribute("MaxPackets") == 5
    core.Config.Reset()
    assert applications.UdpEchoClient().GetAttribute("MaxPackets") == 100


def test_config_set_default_errors():
    with pytest.raises(ValueError) as error:
        core.Config.SetDefault("MaxPackets", 5)
    assert str(error.value) == (
        'invalid attribute path "MaxPackets": expected ns3::TypeName::AttributeName')
    with pytest.raises(ValueError) as error:
        core.Config.SetDefault("ns3::Nope::MaxPackets", 5)
    assert str(error.value) == 'no ns-3 type is registered under the name "ns3::Nope"'
    with pytest.raises(AttributeError) as error:
        core.Config.SetDefault("ns3::UdpEchoClient::Nope", 5)
    assert str(error.value) == 'ns3::UdpEchoClient has no attribute "Nope"'
    with pytest.raises(ValueError):
        core.Config.SetDefault("ns3::UdpEchoClient::Interval", "soon")


def test_config_global_values():
    assert core.Config.GetGlobal("ChecksumEnabled") is False
    core.Config.SetGlobal("ChecksumEnabled", True)
    assert core.Config.GetGlobal("ChecksumEnabled") is True
    with pytest.raises(ValueError) as error:
        core.Config.SetGlobal("Nope", 1)
    assert str(error.value) == 'no global value is named "Nope"'


def test_rng_seed_and_run():
    core.RngSeedManager.SetSeed(9)
    core.RngSeedManager.SetRun(4)
    assert core.RngSeedManager.GetSeed() == 9
    assert core.RngSeedManager.GetRun() == 4
    with pytest.raises(ValueError) as error:
        core.RngSeedManager.SetSeed(-1)
    assert str(error.value) == ('invalid value "-1" for global value "RngSeed": '
                                "expected uint32_t 0:4294967295")
