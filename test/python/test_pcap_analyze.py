"""Tests of tools/netns-pcap-analyze on the default scenario's captures.

ctest sets four variables. NETNS_SCENARIO names the built
netns-default-scenario and NETNS_PCAP_ANALYZE the analysis command.
NETNS_RUN_SCRIPT names the script runner and NETNS_DEFAULT_SCRIPT the same
scenario as a script. Scenario facts used here: host h1
runs containers c1 (10.1.0.10) and c2 (10.1.0.11); with shared routes c2,
bound last, receives the traffic for c1's address and replies with c1's
address as source, and with route isolation every container replies with its
own address.
"""

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

RUN_TIMEOUT_SECONDS = 300
EXIT_OK = 0
EXIT_FILE_ERROR = 1
EXIT_USAGE = 2
EXIT_FAULTS = 3
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def required_executable(variable):
    """Return the path in an environment variable, failing when unusable."""
    path = os.environ.get(variable)
    if not path:
        pytest.fail(f"{variable} is not set: ctest sets it; set it by hand to run pytest alone")
    if not os.access(path, os.X_OK):
        pytest.fail(f"{variable}={path} is not an executable file")
    return path


@pytest.fixture(scope="session")
def scenario():
    return required_executable("NETNS_SCENARIO")


@pytest.fixture(scope="session")
def analyzer():
    return required_executable("NETNS_PCAP_ANALYZE")


def run_scenario(scenario, directory, *arguments):
    """Run the scenario with its pcaps in directory; returns the manifest path."""
    result = subprocess.run(
        [scenario, f"--outputDir={directory}", *arguments],
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_SECONDS,
        check=False,
    )
    assert result.returncode == 0, f"scenario failed:\n{result.stdout}\n{result.stderr}"
    manifest = directory / "netns_manifest.json"
    assert manifest.is_file(), f"the scenario wrote no manifest in {directory}"
    return manifest


def analyze(analyzer, *arguments):
    """Run the analysis command with Debian's Python."""
    return subprocess.run(
        [sys.executable, analyzer, *map(str, arguments)],
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_SECONDS,
        check=False,
    )


@pytest.fixture(scope="module")
def shared_manifest(scenario, tmp_path_factory):
    return run_scenario(scenario, tmp_path_factory.mktemp("shared"))


@pytest.fixture(scope="module")
def isolated_manifest(scenario, tmp_path_factory):
    return run_scenario(scenario, tmp_path_factory.mktemp("isolated"), "--routeIsolation=true")


@pytest.fixture(scope="module")
def shared_report(analyzer, shared_manifest):
    result = analyze(analyzer, "--json", shared_manifest)
    assert result.returncode == EXIT_OK, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def isolated_report(analyzer, isolated_manifest):
    result = analyze(analyzer, "--json", isolated_manifest)
    assert result.returncode == EXIT_OK, result.stderr
    return json.loads(result.stdout)


def namespace_entry(report, label):
    matches = [entry for entry in report["namespaces"] if entry["label"] == label]
    assert len(matches) == 1, f"expected one entry {label!r} in {[e['label'] for e in report['namespaces']]}"
    return matches[0]


def copy_run(manifest, tmp_path):
    """Copy a run's directory so a test can damage its files."""
    target = tmp_path / "run"
    shutil.copytree(manifest.parent, target)
    return target / manifest.name


def test_shared_routes_flag_foreign_source(shared_report):
    faults = [f for f in shared_report["faults"] if f["kind"] == "foreign-source"]

    assert faults, "shared routes should show replies sent with c1's address from c2"
    assert {f["namespace"] for f in faults} == {"c2"}
    assert {f["source"] for f in faults} == {"10.1.0.10"}
    assert {tuple(f["holders"]) for f in faults} == {("c1",)}


def test_shared_routes_flag_misdelivery(shared_report):
    faults = [f for f in shared_report["faults"] if f["kind"] == "misdelivered"]

    assert faults, "shared routes should show c1's traffic delivered to c2"
    assert {f["namespace"] for f in faults} == {"c2"}
    assert {f["destination"] for f in faults} == {"10.1.0.10"}
    assert {f["protocol"] for f in faults} == {"udp", "tcp"}


def test_route_isolation_shows_no_fault(isolated_report):
    assert isolated_report["faults"] == []
    assert all(entry["status"] == "ok" for entry in isolated_report["files"])


def test_isolated_flows_per_namespace(isolated_report):
    for namespace, address in (("c1", "10.1.0.10"), ("c2", "10.1.0.11")):
        flows = namespace_entry(isolated_report, f"h1/{namespace}")["flows"]
        echo = [
            f
            for f in flows
            if f["protocol"] == "udp" and f["destination"] == address and f["destination_port"] == 7
        ]
        assert {f["source"] for f in echo} == {"10.1.0.2", "10.2.0.2"}
        assert [f["packets"] for f in echo] == [3, 3]
        assert all(f["first"] < f["last"] for f in echo)
        assert {f["device"] for f in flows} <= {"eth0", "lo"}


def test_point_to_point_flows_are_read(isolated_report):
    flows = namespace_entry(isolated_report, "client-far")["flows"]

    assert {f["device"] for f in flows} == {"eth0"}
    assert {f["destination"] for f in flows if f["source"] == "10.2.0.2"} == {
        "10.1.0.10",
        "10.1.0.11",
    }


def tshark_flow_counts(path):
    """Count IPv4 UDP and TCP packets per 5-tuple with tshark."""
    fields = ["ip.src", "ip.dst", "ip.proto", "udp.srcport", "udp.dstport", "tcp.srcport", "tcp.dstport"]
    command = ["tshark", "-n", "-r", str(path), "-Y", "ip", "-T", "fields", "-E", "occurrence=f"]
    for field in fields:
        command += ["-e", field]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    counts = Counter()
    for line in result.stdout.splitlines():
        source, destination, protocol, usport, udport, tsport, tdport = line.split("\t")
        name = {"17": "udp", "6": "tcp"}.get(protocol, protocol)
        counts[(name, source, int(usport or tsport or 0), destination, int(udport or tdport or 0))] += 1
    return counts


@pytest.mark.skipif(shutil.which("tshark") is None, reason="tshark is not installed")
def test_flow_counts_match_tshark(shared_report, shared_manifest):
    flows = namespace_entry(shared_report, "h1/c2")["flows"]
    ours = Counter()
    for f in flows:
        if f["device"] == "eth0":
            key = (f["protocol"], f["source"], f["source_port"], f["destination"], f["destination_port"])
            ours[key] += f["packets"]

    assert ours == tshark_flow_counts(shared_manifest.parent / "netns_h1_c2_eth0.pcap")


def test_table_lists_namespaces_and_faults(analyzer, isolated_manifest):
    result = analyze(analyzer, isolated_manifest)

    assert result.returncode == EXIT_OK, result.stderr
    assert "== h1/c1 (" in result.stdout
    assert "== h1/c2 (" in result.stdout
    assert "10.1.0.2:49153" in result.stdout
    assert "Faults of the 2006 namespace patch: 0" in result.stdout


def test_fail_on_fault_sets_exit_status(analyzer, shared_manifest, isolated_manifest):
    assert analyze(analyzer, "--fail-on-fault", shared_manifest).returncode == EXIT_FAULTS
    assert analyze(analyzer, "--fail-on-fault", isolated_manifest).returncode == EXIT_OK


def run_script(runner, script, directory, route_isolation):
    """Run the default scenario script in directory; returns the manifest path."""
    result = subprocess.run(
        [runner, "--quiet", f"--routeIsolation={route_isolation}", script],
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_SECONDS,
        check=False,
    )
    assert result.returncode == 0, f"script failed:\n{result.stdout}\n{result.stderr}"
    manifest = directory / "netns-output" / "netns-script_manifest.json"
    assert manifest.is_file(), f"the script wrote no manifest in {directory}"
    return manifest


@pytest.mark.parametrize("route_isolation", ["off", "on"])
def test_script_captures_are_analysed(analyzer, tmp_path, route_isolation):
    runner = required_executable("NETNS_RUN_SCRIPT")
    script = os.environ.get("NETNS_DEFAULT_SCRIPT", "")
    assert Path(script).is_file(), f"NETNS_DEFAULT_SCRIPT={script} is not a file"
    manifest = run_script(runner, script, tmp_path, route_isolation)

    result = analyze(analyzer, "--json", manifest)

    assert result.returncode == EXIT_OK, result.stderr
    report = json.loads(result.stdout)
    assert {"c1", "c2"} <= {entry["label"].split("/")[-1] for entry in report["namespaces"]}
    foreign = {(f["namespace"], f["source"]) for f in report["faults"] if f["kind"] == "foreign-source"}
    if route_isolation == "off":
        assert foreign == {("c2", "10.1.0.10")}
    else:
        assert report["faults"] == []


def test_script_captures_are_reproducible(tmp_path):
    runner = required_executable("NETNS_RUN_SCRIPT")
    script = os.environ.get("NETNS_DEFAULT_SCRIPT", "")
    runs = []
    for name in ("first", "second"):
        (tmp_path / name).mkdir()
        manifest = run_script(runner, script, tmp_path / name, "off")
        runs.append({p.name: p.read_bytes() for p in sorted(manifest.parent.iterdir())})

    assert len(runs[0]) == 14  # 13 pcaps and the manifest
    assert runs[0] == runs[1]


def test_plot_writes_png_per_namespace(analyzer, isolated_manifest, isolated_report, tmp_path):
    result = analyze(analyzer, "--plot", tmp_path / "plots", isolated_manifest)

    assert result.returncode == EXIT_OK, result.stderr
    pngs = sorted((tmp_path / "plots").glob("*.png"))
    assert len(pngs) == len(isolated_report["namespaces"])
    assert (tmp_path / "plots" / "timeline_h1_c1@1.png") in pngs
    assert all(p.read_bytes().startswith(PNG_SIGNATURE) for p in pngs)


def file_status(report, name):
    return next(entry for entry in report["files"] if entry["file"] == name)


def test_missing_file_is_reported_and_others_analysed(analyzer, shared_manifest, tmp_path):
    manifest = copy_run(shared_manifest, tmp_path)
    missing = manifest.parent / "netns_h1_c1_eth0.pcap"
    missing.unlink()

    result = analyze(analyzer, "--json", manifest)

    assert result.returncode == EXIT_FILE_ERROR
    assert f"{missing}: file not found" in result.stderr
    report = json.loads(result.stdout)
    assert file_status(report, missing.name)["status"] == "error"
    assert file_status(report, "netns_h1_c2_eth0.pcap")["status"] == "ok"
    assert report["faults"], "the remaining files should still show the faults"


def test_capture_error_in_manifest_is_reported(analyzer, shared_manifest, tmp_path):
    manifest = copy_run(shared_manifest, tmp_path)
    document = json.loads(manifest.read_text())
    document["errors"] = ["ENAMETOOLONG: cannot create pcap file \"x\": File name too long"]
    manifest.write_text(json.dumps(document))

    result = analyze(analyzer, "--json", manifest)

    assert result.returncode == EXIT_FILE_ERROR
    assert f"{manifest}: capture failed: ENAMETOOLONG" in result.stderr
    report = json.loads(result.stdout)
    assert report["errors"] == [f"{manifest}: capture failed: {document['errors'][0]}"]
    assert report["faults"], "the files are still analysed"


def test_manifest_errors_must_be_strings(analyzer, shared_manifest, tmp_path):
    manifest = copy_run(shared_manifest, tmp_path)
    document = json.loads(manifest.read_text())
    document["errors"] = [7]
    manifest.write_text(json.dumps(document))

    result = analyze(analyzer, manifest)

    assert result.returncode == EXIT_USAGE
    assert "errors must be a list of strings" in result.stderr


def test_truncated_file_keeps_packets_before_cut(analyzer, shared_manifest, tmp_path):
    manifest = copy_run(shared_manifest, tmp_path)
    damaged = manifest.parent / "netns_h1_c2_eth0.pcap"
    data = damaged.read_bytes()
    damaged.write_bytes(data[: len(data) - 5])

    result = analyze(analyzer, "--json", manifest)

    assert result.returncode == EXIT_FILE_ERROR
    assert f"{damaged}: truncated" in result.stderr
    entry = file_status(json.loads(result.stdout), damaged.name)
    assert entry["status"] == "error"
    assert entry["packets"] > 0, "packets before the cut should still be read"


def test_truncated_header_is_reported(analyzer, shared_manifest, tmp_path):
    manifest = copy_run(shared_manifest, tmp_path)
    damaged = manifest.parent / "netns_h1_c1_lo.pcap"
    damaged.write_bytes(damaged.read_bytes()[:10])

    result = analyze(analyzer, manifest)

    assert result.returncode == EXIT_FILE_ERROR
    assert f"{damaged}: truncated: 10 bytes" in result.stderr
    assert "== h1/c2 (" in result.stdout


def test_non_pcap_file_is_reported(analyzer, shared_manifest, tmp_path):
    manifest = copy_run(shared_manifest, tmp_path)
    damaged = manifest.parent / "netns_router_eth0.pcap"
    damaged.write_text("this is not a capture file, just some text\n")

    result = analyze(analyzer, "--json", manifest)

    assert result.returncode == EXIT_FILE_ERROR
    assert f"{damaged}: not a pcap file" in result.stderr
    report = json.loads(result.stdout)
    assert file_status(report, damaged.name)["status"] == "error"
    assert sum(entry["status"] == "ok" for entry in report["files"]) == len(report["files"]) - 1


def test_missing_manifest_is_usage_error(analyzer, tmp_path):
    result = analyze(analyzer, tmp_path / "absent_manifest.json")

    assert result.returncode == EXIT_USAGE
    assert f"{tmp_path / 'absent_manifest.json'}: manifest not found" in result.stderr


def test_invalid_manifest_is_usage_error(analyzer, tmp_path):
    manifest = tmp_path / "broken_manifest.json"
    manifest.write_text('{"format": "netns-capture-manifest", "version": 1, "files": [')

    result = analyze(analyzer, manifest)

    assert result.returncode == EXIT_USAGE
    assert f"{manifest}: invalid JSON at line 1" in result.stderr


def test_other_json_is_usage_error(analyzer, tmp_path):
    manifest = tmp_path / "other.json"
    manifest.write_text('{"files": []}')

    result = analyze(analyzer, manifest)

    assert result.returncode == EXIT_USAGE
    assert "not a netns capture manifest" in result.stderr


MANIFEST_START = '{"format": "netns-capture-manifest", "version": 1, '
VIEW_ENTRY = '"file": "a.pcap", "kind": "view", "host": "h", "device": "eth0"'


@pytest.mark.parametrize(
    "text, message",
    [
        (MANIFEST_START + '"files": [{' + VIEW_ENTRY + ', "node_id": 1e400, "link_type": 1}]}',
         "node_id must be an integer, not inf"),
        (MANIFEST_START + '"files": [{' + VIEW_ENTRY + ', "node_id": 0, "link_type": 1e400}]}',
         "link_type must be an integer, not inf"),
        (MANIFEST_START + '"files": [{' + VIEW_ENTRY + ', "node_id": 0.5, "link_type": 1}]}',
         "node_id must be an integer, not 0.5"),
        (MANIFEST_START + '"files": [], "nodes": [{"node_id": 0, "netns_host": true, '
         '"namespaces": [{"id": -1e400}]}]}',
         "id must be an integer, not -inf"),
        (MANIFEST_START + '"files": [], "nodes": [{"node_id": 1e400}]}',
         "node_id must be an integer, not inf"),
        (MANIFEST_START + '"files": ' + "[" * 100000 + "]" * 100000 + "}",
         "JSON nested too deeply"),
        (MANIFEST_START + '"files": [], "nodes": [{"node_id": ' + "9" * 5000 + "}]}",
         "invalid JSON"),
    ],
    ids=["file-node-id", "link-type", "fraction", "namespace-id", "node-id", "nested", "digits"],
)
def test_out_of_range_manifest_is_usage_error(analyzer, tmp_path, text, message):
    manifest = tmp_path / "netns_manifest.json"
    manifest.write_text(text)

    result = analyze(analyzer, manifest)

    assert result.returncode == EXIT_USAGE, result.stderr
    assert f"{manifest}: " in result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_same_seed_gives_identical_manifest_and_pcaps(scenario, tmp_path):
    runs = []
    for name in ("first", "second"):
        manifest = run_scenario(scenario, tmp_path / name, "--seed=7")
        runs.append({p.name: p.read_bytes() for p in sorted(manifest.parent.iterdir())})

    first, second = runs
    assert "netns_manifest.json" in first
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
