# SPDX-License-Identifier: GPL-2.0-only
"""Tests of ns3netns.netns commands: Exec() and Process.Exec() running ip,
ifconfig, unshare, echo and cat, and scenario scripts run from Python."""

import pytest

from bindings_support import build_lan, fresh_simulation  # noqa: F401
from ns3netns import core, netns

SCRIPT = """host h1
node peer
csma lan h1 peer rate 100Mbps delay 50us
address peer eth0 198.51.100.1/24
process h1 c1 uid 0
at 0 h1 c1 unshare -n
at 0 h1 c1 echo eth0 > /sys/kernel/debug/net_ns/dev
at 0 h1 c1 ip addr add 198.51.100.10/24 dev eth0
at 1 h1 c1 ip route
app udp-echo-server h1/c1 port 7 start 0.5
app udp-echo-client peer to 198.51.100.10 port 7 count 2 interval 1 size 64 start 1 stop 5
stop 6
"""


# Exec ------------------------------------------------------------------------


def test_exec_configures_a_namespace():
    lan = build_lan()
    process = lan.host.CreateProcess()
    for line in ("unshare -n", "echo eth0 > /sys/kernel/debug/net_ns/dev",
                 "ip addr add 198.51.100.10/24 dev eth0"):
        result = process.Exec(line)
        assert (result.exitStatus, result.out, result.err) == (0, "", "")
    assert process.GetNamespace().HoldsAddress("198.51.100.10")
    routes = netns.Exec(process, "ip route")
    assert routes.out == ("198.51.100.0/24 dev eth0 proto kernel scope link "
                          "src 198.51.100.10 \n")
    assert process.Exec("cat /sys/kernel/debug/net_ns/dev").out == "eth0\n"


def test_exec_failures_do_not_raise():
    lan = build_lan()
    process = lan.host.CreateProcess()
    process.Exec("unshare -n")
    result = process.Exec("ifconfig eth9 198.51.100.3")
    assert result.exitStatus == 255
    assert result.err == ("SIOCSIFADDR: No such device\n"
                          "eth9: ERROR while getting interface flags: No such device\n")
    missing = process.Exec("nope")
    assert missing.exitStatus == 127
    assert missing.err == "bash: line 1: nope: command not found\n"
    denied = netns.Exec(lan.host.CreateProcess(1000), "unshare -n")
    assert denied.exitStatus == 1
    assert denied.err == "unshare: unshare failed: Operation not permitted\n"


def test_exec_rejects_disposed_and_none():
    process = build_lan().host.CreateProcess()
    with pytest.raises(TypeError):
        netns.Exec(None, "ip link")
    core.Simulator.Destroy()
    with pytest.raises(core.DisposedError):
        process.Exec("ip link")


# Scenario scripts ------------------------------------------------------------


def test_parse_script():
    script, errors = netns.ScriptParser.Parse(SCRIPT, "demo.nss")
    assert errors == []
    assert script.file == "demo.nss"
    assert script.stop == core.Seconds(6)
    assert [c.command for c in script.commands][-1] == "ip route"
    assert script.commands[-1].at == core.Seconds(1)
    assert script.commands[-1].line == 9


def test_parse_errors():
    _, errors = netns.ScriptParser.Parse("host\nbogus line\n")
    assert [str(e) for e in errors] == [
        '<string>:1: host needs at least one name, as in "host h1 h2"',
        '<string>:2: unknown directive "bogus": expected node, host, csma, p2p, address, '
        "route, process, at, app, pcap, route-isolation or stop"]
    assert errors[1].line == 2
    _, missing = netns.ScriptParser.ParseFile("/nonexistent.nss")
    assert missing[0].ToString() == (
        "/nonexistent.nss:0: cannot open the script: check the path and its permissions")


def test_run_script():
    script, _ = netns.ScriptParser.Parse(SCRIPT, "demo.nss")
    runner = netns.ScenarioRunner()
    runner.Build(script)
    runner.Run()
    assert [(c.command.command, c.ran, c.result.exitStatus)
            for c in runner.GetCommands()][-1] == ("ip route", True, 0)
    assert "[1.000s] h1/c1 $ ip route\n198.51.100.0/24 dev eth0" in runner.GetTranscript()
    report = runner.Report()
    assert "peer        -> 198.51.100.10 replies 2/2" in report
    assert isinstance(runner.GetHost("h1"), netns.Host)
    assert runner.GetHost("peer") is None
    assert runner.GetProcess("h1", "c1").GetNamespace().GetName() == "c1"
    assert runner.GetProcess("h1", "nope") is None


def test_runner_misuse():
    script, _ = netns.ScriptParser.Parse(SCRIPT)
    runner = netns.ScenarioRunner()
    with pytest.raises(RuntimeError) as error:
        runner.Run()
    assert str(error.value) == "call Build() first"
    runner.Build(script)
    with pytest.raises(RuntimeError) as error:
        runner.Build(script)
    assert str(error.value) == "Build() runs once per ScenarioRunner; create a new one"
    core.Simulator.Destroy()
    with pytest.raises(core.DisposedError) as error:
        runner.Report()
    assert str(error.value) == ("the scenario belongs to a simulation that Simulator.Destroy() "
                                "ended; parse and build it again")


def test_runner_name_taken():
    build_lan()  # names its host h1
    script, _ = netns.ScriptParser.Parse(SCRIPT)
    with pytest.raises(FileExistsError) as error:
        netns.ScenarioRunner().Build(script)
    assert error.value.strerror == "node name h1 is already registered with ns3::Names"
