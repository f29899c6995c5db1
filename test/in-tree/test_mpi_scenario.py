"""A two-rank MPI run of netns-mpi-scenario equals a sequential run.

Needs an ns-3 source tree with contrib/netns in it, configured with
--enable-mpi --enable-examples and built. scripts/run-in-tree.sh builds one
and runs these tests with NETNS_NS3_TREE set to it. The comparison covers the result
line of every namespace (node id, system id, traffic counters, echo replies,
TCP bytes) and every pcap file, byte for byte.
"""

import os
import pathlib
import shutil
import struct
import subprocess

import pytest

TREE = os.environ.get("NETNS_NS3_TREE")
OUTPUT = pathlib.Path(os.environ.get("NETNS_MPI_OUTPUT", "netns-mpi-check"))
RANKS = 2
TIMEOUT_SECONDS = 300

pytestmark = pytest.mark.skipif(
    not TREE, reason="NETNS_NS3_TREE is not set to a built ns-3 tree with MPI"
)


def find_example():
    """Return the path of the built netns-mpi-scenario program."""
    examples = pathlib.Path(TREE, "build", "contrib", "netns", "examples")
    found = sorted(examples.glob("ns3*-netns-mpi-scenario*"))
    assert found, f"netns-mpi-scenario is not built in {examples}"
    return found[0]


def run(command, directory):
    """Run a command in a directory, failing the test with its output on error."""
    directory.mkdir(parents=True)
    result = subprocess.run(
        command,
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    assert result.returncode == 0, (
        f"{' '.join(map(str, command))} exited with {result.returncode}\n"
        f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    )
    return result.stdout


def read_results(directory):
    """Return the namespace result lines of every rank file, sorted, and the files' names."""
    files = sorted(directory.glob("namespaces-rank*.txt"))
    lines = [line for path in files for line in path.read_text().splitlines()]
    return sorted(lines), [path.name for path in files]


def pcap_records(path):
    """Return the (seconds, microseconds, captured bytes) of each record of a pcap file."""
    data = path.read_bytes()
    records = []
    offset = 24
    while offset < len(data):
        seconds, micros, captured, _ = struct.unpack_from("<IIII", data, offset)
        offset += 16
        records.append((seconds, micros, data[offset : offset + captured]))
        offset += captured
    return records


def describe_pcap_difference(expected, actual):
    """Describe the first record where two pcap files differ."""
    expected_records = pcap_records(expected)
    actual_records = pcap_records(actual)
    for index, (want, got) in enumerate(zip(expected_records, actual_records)):
        if want != got:
            return f"record {index}: sequential {want[:2]}, distributed {got[:2]}"
    return f"{len(expected_records)} records sequentially, {len(actual_records)} distributed"


@pytest.fixture(scope="module")
def example():
    return find_example()


@pytest.mark.parametrize("route_isolation", ["true", "false"])
def test_distributed_run_equals_sequential(example, route_isolation):
    case = OUTPUT / f"route-isolation-{route_isolation}"
    shutil.rmtree(case, ignore_errors=True)
    arguments = [f"--routeIsolation={route_isolation}", "--outputDir=out"]

    run([example, *arguments], case / "sequential")
    run(
        ["mpirun", "--allow-run-as-root", "-np", str(RANKS), example, "--distributed=true", *arguments],
        case / "distributed",
    )
    sequential_dir = case / "sequential" / "out"
    distributed_dir = case / "distributed" / "out"

    sequential, sequential_files = read_results(sequential_dir)
    distributed, distributed_files = read_results(distributed_dir)
    assert sequential_files == ["namespaces-rank0.txt"]
    assert distributed_files == [f"namespaces-rank{rank}.txt" for rank in range(RANKS)]
    assert len(sequential) == 4, "two hosts with two containers each should report 4 namespaces"
    for rank in range(RANKS):
        rank_lines = (distributed_dir / f"namespaces-rank{rank}.txt").read_text().splitlines()
        assert rank_lines, f"rank {rank} should report its own namespaces"
        assert all(line.startswith(f"h{rank} ") for line in rank_lines), (
            f"rank {rank} should report only namespaces of host h{rank}: {rank_lines}"
        )
    assert distributed == sequential

    sequential_pcaps = sorted(path.name for path in sequential_dir.glob("*.pcap"))
    distributed_pcaps = sorted(path.name for path in distributed_dir.glob("*.pcap"))
    assert sequential_pcaps, "the sequential run should write pcap files"
    assert distributed_pcaps == sequential_pcaps
    for name in sequential_pcaps:
        expected = sequential_dir / name
        actual = distributed_dir / name
        assert len(pcap_records(expected)) > 0, f"{name} should hold packets"
        assert expected.read_bytes() == actual.read_bytes(), (
            f"{name} differs: {describe_pcap_difference(expected, actual)}"
        )
