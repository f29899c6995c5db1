"""Run the default scenario and check its pcap files with tshark.

The scenario binary comes from the NETNS_SCENARIO environment variable,
which ctest sets to the built netns-default-scenario. Each run writes into
its own temporary directory. Capture files are found by the host,
namespace and device names in their file names, not by full names, so a
change of naming scheme that keeps those parts does not break the tests.

The checks rely on these facts of the scenario. Host "h1" runs containers
c1, c2, ... with addresses 10.1.0.10, 10.1.0.11, ... on its LAN device.
Every container serves UDP echo and TCP on port 7. The clients use
ephemeral ports, so a frame with source port 7 is always sent by h1.
"""

import os
import re
import shutil
import subprocess
import time
from collections import defaultdict

import pytest

HOST = "h1"
C1_ADDRESS = "10.1.0.10"
C2_ADDRESS = "10.1.0.11"
CONTAINER_ADDRESSES = {"c1": C1_ADDRESS, "c2": C2_ADDRESS}
SERVICE_PORT = "7"

# Exit status of the scenario for invalid command-line values.
USAGE_ERROR = 2
# Timeout of one scenario run, in seconds. It is a generous bound: the
# 1000-container run took 7.7 s on a 2-core development machine.
RUN_TIMEOUT_SECONDS = 300

TSHARK_FIELDS = (
    "eth.src",
    "ip.proto",
    "ip.src",
    "ip.dst",
    "udp.srcport",
    "udp.dstport",
    "tcp.srcport",
    "tcp.dstport",
    "arp.src.proto_ipv4",
)
IP_PROTOCOL = {"udp": "17", "tcp": "6"}

# Command-line arguments of the two route models, for parametrized tests.
MODES = [[], ["--routeIsolation=true"]]
MODE_IDS = ["shared", "isolated"]


@pytest.fixture(scope="session")
def scenario():
    """Return the path of the scenario binary, failing when it is missing."""
    path = os.environ.get("NETNS_SCENARIO")
    if not path:
        pytest.fail("NETNS_SCENARIO is not set: set it to the built netns-default-scenario")
    if not os.access(path, os.X_OK):
        pytest.fail(f"NETNS_SCENARIO={path} is not an executable file")
    if shutil.which("tshark") is None:
        pytest.fail("tshark not found: install the Debian package tshark")
    return path


def run_scenario(scenario, directory, *arguments):
    """Run the scenario in a directory, with its pcaps under directory/pcap."""
    directory.mkdir(parents=True, exist_ok=True)
    command = [scenario, f"--outputDir={directory / 'pcap'}", *arguments]
    return subprocess.run(
        command,
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_SECONDS,
        check=False,
    )


def describe(result):
    """Return the exit status and output of a run, for assertion messages."""
    return (
        f"exit status {result.returncode}\n--- stdout ---\n{result.stdout}"
        f"\n--- stderr ---\n{result.stderr}"
    )


def name_parts(path):
    """Return the alphanumeric parts of a capture file name without its suffix."""
    return set(re.split(r"[^A-Za-z0-9]+", path.stem)) - {""}


def is_container_part(part):
    return re.fullmatch(r"c[0-9]+", part) is not None


def all_captures(directory):
    return sorted(directory.rglob("*.pcap"))


def view_capture(directory, namespace):
    """Return the one capture of a namespace's view of a device on HOST."""
    captures = all_captures(directory)
    matches = [
        p for p in captures if {HOST, namespace} <= name_parts(p) and "lo" not in name_parts(p)
    ]
    assert len(matches) == 1, (
        f"expected one capture named after {HOST} and {namespace}, "
        f"found {[p.name for p in matches]} among {[p.name for p in captures]}"
    )
    return matches[0]


def is_host_device_capture(path):
    """Return whether a file is named after HOST, no container and no loopback."""
    parts = name_parts(path)
    return HOST in parts and "lo" not in parts and not any(is_container_part(x) for x in parts)


def physical_capture(directory):
    """Return the capture of HOST's LAN device, its only device."""
    captures = all_captures(directory)
    matches = [p for p in captures if is_host_device_capture(p)]
    if len(matches) > 1:
        matches = [p for p in matches if "phys" in name_parts(p)]
    assert len(matches) == 1, (
        f"expected one capture of {HOST}'s own device, "
        f"found {[p.name for p in matches]} among {[p.name for p in captures]}"
    )
    return matches[0]


def read_frames(path):
    """Return one dict of TSHARK_FIELDS per frame, with "" for absent fields."""
    command = ["tshark", "-n", "-r", str(path), "-T", "fields"]
    command += ["-E", "separator=/t", "-E", "occurrence=f"]
    for field in TSHARK_FIELDS:
        command += ["-e", field]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"tshark failed on {path}: {result.stderr}"
    return [dict(zip(TSHARK_FIELDS, line.split("\t"))) for line in result.stdout.splitlines()]


def transport_frames(frames, transport):
    """Keep the frames whose outer IPv4 header carries UDP or TCP."""
    return [f for f in frames if f["ip.proto"] == IP_PROTOCOL[transport]]


def request_targets(frames, transport):
    """Map each client endpoint to the container address it sent port-7 requests to."""
    targets = defaultdict(set)
    for f in transport_frames(frames, transport):
        if f[f"{transport}.dstport"] == SERVICE_PORT:
            targets[(f["ip.src"], f[f"{transport}.srcport"])].add(f["ip.dst"])
    for endpoint, addresses in targets.items():
        assert len(addresses) == 1, f"client {endpoint} sent to several targets: {addresses}"
    return {endpoint: addresses.pop() for endpoint, addresses in targets.items()}


def replies_with_target(frames, transport):
    """Return (source address, target the request went to) for each frame from port 7."""
    targets = request_targets(frames, transport)
    pairs = []
    for f in transport_frames(frames, transport):
        if f[f"{transport}.srcport"] != SERVICE_PORT:
            continue
        endpoint = (f["ip.dst"], f[f"{transport}.dstport"])
        assert endpoint in targets, f"reply to {endpoint} matches no request in the capture"
        pairs.append((f["ip.src"], targets[endpoint]))
    return pairs


def host_mac(physical_frames):
    """Return the one MAC address that sends frames from port 7 on HOST's device."""
    macs = {
        f["eth.src"]
        for f in physical_frames
        if SERVICE_PORT in (f["udp.srcport"], f["tcp.srcport"])
    }
    assert len(macs) == 1, f"frames from port 7 leave with several MAC addresses: {macs}"
    return macs.pop()


def sent_source_addresses(view_frames, mac):
    """Return the IPv4 or ARP sender address of every frame the namespace sent."""
    sources = []
    for f in view_frames:
        if f["eth.src"] != mac:
            continue
        sources.append(f["ip.src"] or f["arp.src.proto_ipv4"])
    return sources


def summary_ok_lines(stdout):
    return [line for line in stdout.splitlines() if line.strip().startswith("[ ok ]")]


@pytest.fixture(scope="module")
def isolated_run(scenario, tmp_path_factory):
    directory = tmp_path_factory.mktemp("isolated")
    return directory, run_scenario(scenario, directory, "--routeIsolation=true")


@pytest.fixture(scope="module")
def shared_run(scenario, tmp_path_factory):
    directory = tmp_path_factory.mktemp("shared")
    return directory, run_scenario(scenario, directory)


@pytest.fixture(scope="module")
def isolated_physical(isolated_run):
    directory, result = isolated_run
    assert result.returncode == 0, describe(result)
    return read_frames(physical_capture(directory))


@pytest.fixture(scope="module")
def shared_physical(shared_run):
    directory, result = shared_run
    assert result.returncode == 0, describe(result)
    return read_frames(physical_capture(directory))


@pytest.mark.parametrize("mode", ["isolated", "shared"])
def test_exit_status_and_summary(mode, request):
    _, result = request.getfixturevalue(f"{mode}_run")

    assert result.returncode == 0, describe(result)
    assert len(summary_ok_lines(result.stdout)) >= 3, describe(result)
    assert "[FAIL]" not in result.stdout, describe(result)


def test_isolated_udp_reply_source_is_target(isolated_physical):
    pairs = replies_with_target(isolated_physical, "udp")

    assert {target for _, target in pairs} == set(CONTAINER_ADDRESSES.values())
    wrong = [(source, target) for source, target in pairs if source != target]
    assert wrong == [], "echo replies should leave with the address the request was sent to"


def test_isolated_tcp_source_is_target(isolated_physical):
    pairs = replies_with_target(isolated_physical, "tcp")

    assert {target for _, target in pairs} == set(CONTAINER_ADDRESSES.values())
    wrong = [(source, target) for source, target in pairs if source != target]
    assert wrong == [], "TCP segments should leave with the address the client connected to"


@pytest.mark.parametrize("namespace", sorted(CONTAINER_ADDRESSES))
def test_isolated_view_shows_only_own_source(namespace, isolated_run, isolated_physical):
    directory, _ = isolated_run
    mac = host_mac(isolated_physical)

    sources = sent_source_addresses(read_frames(view_capture(directory, namespace)), mac)

    assert sources, f"the view capture of {namespace} shows nothing it sent"
    assert set(sources) == {CONTAINER_ADDRESSES[namespace]}


def test_shared_c2_replies_use_c1_address(shared_physical):
    pairs = replies_with_target(shared_physical, "udp")

    sources_for_c2 = [source for source, target in pairs if target == C2_ADDRESS]
    assert sources_for_c2, "no echo reply to a request sent to c2's address"
    assert set(sources_for_c2) == {C1_ADDRESS}


def test_shared_c1_requests_reach_c2_view(shared_run):
    directory, result = shared_run
    assert result.returncode == 0, describe(result)

    frames = transport_frames(read_frames(view_capture(directory, "c2")), "udp")
    requests = [
        f for f in frames if f["udp.dstport"] == SERVICE_PORT and f["ip.dst"] == C1_ADDRESS
    ]

    assert requests, "c2's view capture shows no echo request addressed to c1"


def test_shared_c1_view_gets_no_requests(shared_run):
    directory, result = shared_run
    assert result.returncode == 0, describe(result)

    frames = transport_frames(read_frames(view_capture(directory, "c1")), "udp")
    requests = [f for f in frames if f["udp.dstport"] == SERVICE_PORT]

    assert requests == [], "c2, bound last, should receive every echo request, c1 none"


def test_shared_c2_sends_with_c1_address(shared_run, shared_physical):
    directory, _ = shared_run
    mac = host_mac(shared_physical)

    frames = transport_frames(read_frames(view_capture(directory, "c2")), "udp")
    sources = {f["ip.src"] for f in frames if f["eth.src"] == mac}

    assert sources == {C1_ADDRESS}, "c2 should send with c1's address, from the shared routes"


@pytest.mark.parametrize("mode_arguments", MODES, ids=MODE_IDS)
def test_same_seed_gives_identical_pcaps(mode_arguments, scenario, tmp_path):
    runs = []
    for name in ("first", "second"):
        directory = tmp_path / name
        result = run_scenario(scenario, directory, "--seed=7", *mode_arguments)
        assert result.returncode == 0, describe(result)
        runs.append({p.relative_to(directory): p.read_bytes() for p in all_captures(directory)})

    first, second = runs
    assert first, "the scenario wrote no pcap file"
    assert sorted(first) == sorted(second)
    differing = [str(name) for name in first if first[name] != second[name]]
    assert differing == [], "pcap files differ between two runs with the same seed"


@pytest.mark.parametrize("mode_arguments", MODES, ids=MODE_IDS)
def test_other_seed_exits_zero(mode_arguments, scenario, tmp_path):
    result = run_scenario(scenario, tmp_path, "--seed=12345", "--run=3", *mode_arguments)

    assert result.returncode == 0, describe(result)


@pytest.mark.parametrize("mode_arguments", MODES, ids=MODE_IDS)
def test_one_container_exits_zero(mode_arguments, scenario, tmp_path):
    result = run_scenario(scenario, tmp_path, "--containers=1", *mode_arguments)

    assert result.returncode == 0, describe(result)
    assert summary_ok_lines(result.stdout), describe(result)


def test_thousand_containers_exit_zero(scenario, tmp_path, record_property):
    start = time.monotonic()
    result = run_scenario(scenario, tmp_path, "--containers=1000", "--pcap=false")
    elapsed = time.monotonic() - start
    record_property("seconds", round(elapsed, 1))

    assert result.returncode == 0, describe(result)
    assert "[FAIL]" not in result.stdout, describe(result)
    assert not (tmp_path / "pcap").exists(), "--pcap=false should write no pcap directory"


@pytest.mark.parametrize("count", [0, 1001])
def test_container_count_out_of_range(count, scenario, tmp_path):
    result = run_scenario(scenario, tmp_path, f"--containers={count}")

    assert result.returncode == USAGE_ERROR, describe(result)
    assert re.search(rf"containers\W*{count}\b", result.stderr), describe(result)
