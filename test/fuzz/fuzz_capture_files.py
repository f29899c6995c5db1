#!/usr/bin/python3
"""Fuzz the readers of netns-pcap-analyze: the capture manifest and pcap files.

libFuzzer cannot reach these readers, because they are Python, and atheris
(the coverage-guided Python fuzzer) is not packaged by Debian. This harness
is therefore mutation-based and blind to coverage. It mutates the inputs of
a corpus (bytes, integers at random offsets, and for manifests the JSON
tree itself), and runs each result through the whole command path:
load_manifest, analyse, and both report formats. An input may be rejected
only with ManifestError or PcapError, or be reported per file by the
analysis; any other exception, or an input that takes longer than the time
limit, is a crash. A crash is saved under the crash directory and stops the
run with status 1.

    fuzz_capture_files.py fuzz manifest --seconds 60 corpus/manifest corpus/pcap
    fuzz_capture_files.py replay pcap --work /tmp/replay corpus/pcap regressions/pcap

The manifest target needs the pcap corpus too, because its seeds name those
files; give the manifest directories first and the pcap directory last.
"""

import argparse
import hashlib
import json
import random
import shutil
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

from netns_pcap.analysis import analyse  # noqa: E402
from netns_pcap.manifest import ManifestError, load_manifest  # noqa: E402
from netns_pcap.pcapfile import PcapError, parse_bytes  # noqa: E402
from netns_pcap.report import format_table, to_json  # noqa: E402

# Wall-clock seconds one input may take before it counts as a crash.
INPUT_TIME_LIMIT = 10
# Inputs grow by mutation up to this many bytes.
MAX_INPUT_BYTES = 65536

# The manifest the pcap target runs its inputs under: one view capture of
# namespace c1, which holds 198.51.100.10, on an Ethernet link.
PCAP_TARGET_MANIFEST = {
    "format": "netns-capture-manifest",
    "version": 1,
    "prefix": "fuzz",
    "files": [
        {
            "file": "fuzz.pcap",
            "kind": "view",
            "node_id": 0,
            "host": "h1",
            "netns_host": True,
            "namespace_id": 1,
            "namespace": "c1",
            "device": "eth0",
            "link_type": 1,
            "direction": "both",
            "mac": "02:00:00:00:00:01",
        }
    ],
    "nodes": [
        {
            "node_id": 0,
            "name": "h1",
            "netns_host": True,
            "route_isolation": False,
            "namespaces": [
                {"id": 0, "name": "init", "addresses": []},
                {"id": 1, "name": "c1", "addresses": [{"address": "198.51.100.10"}]},
            ],
        }
    ],
}

INTERESTING_INTEGERS = [0, 1, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0xFFFF, 0x10000, 0x7FFFFFFF,
                        0xFFFFFFFF, 14, 16, 20, 24, 60, 64, 1500, 65535]
INTERESTING_VALUES = [None, True, False, 0, -1, 2**64, 1e308, float("nan"), "", "a/b", "..",
                      "300.1.2.3", "198.51.100.10", [], {}, [[[[[]]]]], "\u00e9\x00", "x" * 300]


class InputTimeout(Exception):
    """An input ran longer than INPUT_TIME_LIMIT."""


def _alarm(signum, frame):
    raise InputTimeout(f"input took more than {INPUT_TIME_LIMIT} s")


def read_inputs(paths):
    """Return (name, bytes) for each file and each file of each directory, in name order."""
    inputs = []
    for path in map(Path, paths):
        files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
        inputs.extend((f.name, f.read_bytes()) for f in files)
    return inputs


def mutate_bytes(data, rng, others):
    """Apply one to four byte-level mutations."""
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        choice = rng.randrange(7)
        position = rng.randrange(len(data) + 1)
        if choice == 0 and data:
            data[position % len(data)] ^= 1 << rng.randrange(8)
        elif choice == 1 and data:
            data[position % len(data)] = rng.randrange(256)
        elif choice == 2:
            data[position:position] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif choice == 3 and data:
            del data[position:position + rng.randint(1, 64)]
        elif choice == 4 and data:
            start = rng.randrange(len(data))
            chunk = data[start:start + rng.randint(1, 128)]
            data[position:position] = chunk
        elif choice == 5:
            value = rng.choice(INTERESTING_INTEGERS)
            width = rng.choice((1, 2, 4))
            order = rng.choice(("little", "big"))
            encoded = (value & ((1 << (8 * width)) - 1)).to_bytes(width, order)
            data[position:position + width] = encoded
        elif others:
            other = rng.choice(others)
            cut = rng.randrange(len(other) + 1)
            data = data[:position] + bytearray(other[cut:])
    return bytes(data[:MAX_INPUT_BYTES])


def _containers(node, trail=()):
    """Yield (container, key) for every slot of a JSON tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield node, key
            yield from _containers(value, trail + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield node, index
            yield from _containers(value, trail + (index,))


def mutate_json(data, rng):
    """Change one slot of a JSON document: delete it, replace it, or duplicate it."""
    try:
        document = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return None
    slots = list(_containers(document))
    if not slots:
        return None
    container, key = rng.choice(slots)
    choice = rng.randrange(3)
    if choice == 0:
        del container[key]
    elif choice == 1:
        container[key] = rng.choice(INTERESTING_VALUES)
    elif isinstance(container, list):
        container.insert(key, container[key])
    else:
        container[key] = [container[key], container[key]]
    return json.dumps(document, allow_nan=True).encode()


def mutate(target, data, rng, others):
    """Return a mutated input for the target."""
    if target == "manifest" and rng.random() < 0.6:
        mutated = mutate_json(data, rng)
        if mutated is not None:
            return mutated
    return mutate_bytes(data, rng, others)


class Runner:
    """Runs inputs of one target in a work directory."""

    def __init__(self, target, work, pcap_fixtures):
        self.target = target
        self.work = Path(work)
        self.work.mkdir(parents=True, exist_ok=True)
        for name, data in pcap_fixtures:
            (self.work / name).write_bytes(data)
        self.pcap_manifest = self.work / "fuzz_pcap_manifest.json"
        self.pcap_manifest.write_text(json.dumps(PCAP_TARGET_MANIFEST))

    def run(self, data):
        """Run one input; return True when the readers accepted it.

        Raises whatever the readers raise beyond their own errors.
        """
        if self.target == "pcap":
            try:
                parse_bytes(data)
            except PcapError:
                return False
            (self.work / "fuzz.pcap").write_bytes(data)
            manifest_path = self.pcap_manifest
        else:
            manifest_path = self.work / "fuzz_manifest.json"
            manifest_path.write_bytes(data)
        try:
            manifest = load_manifest(manifest_path)
        except ManifestError:
            return False
        report = analyse(manifest, keep_times=False)
        to_json(report)
        format_table(report)
        return True


def run_guarded(runner, data):
    """Return (accepted, None) when the input passes, else (False, the traceback text)."""
    signal.alarm(INPUT_TIME_LIMIT)
    try:
        return runner.run(data), None
    except Exception:  # noqa: BLE001 - any other exception is the finding
        return False, traceback.format_exc()
    finally:
        signal.alarm(0)


def save_crash(crashes, target, data, trace):
    """Write a crashing input and its traceback; return the input's path."""
    crashes = Path(crashes)
    crashes.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha1(data).hexdigest()[:16]
    path = crashes / f"{target}-crash-{digest}"
    path.write_bytes(data)
    path.with_suffix(".txt").write_text(trace)
    return path


def split_inputs(target, paths):
    """Return the target's seeds and the pcap fixtures the manifests name."""
    inputs = read_inputs(paths)
    if target == "manifest":
        seeds = [(n, d) for n, d in inputs if not n.endswith(".pcap")]
        fixtures = [(n, d) for n, d in inputs if n.endswith(".pcap")]
        return seeds, fixtures
    return inputs, []


def command_fuzz(arguments):
    """Mutate the corpus for a number of seconds; return the exit status."""
    seeds, fixtures = split_inputs(arguments.target, arguments.inputs)
    if not seeds:
        print(f"error: no {arguments.target} seeds in {arguments.inputs}", file=sys.stderr)
        return 2
    rng = random.Random(arguments.seed)
    work = arguments.work or tempfile.mkdtemp(prefix=f"fuzz-{arguments.target}-")
    runner = Runner(arguments.target, work, fixtures)
    pool = [data for _, data in seeds]
    executions = 0
    deadline = time.monotonic() + arguments.seconds
    while time.monotonic() < deadline:
        data = mutate(arguments.target, rng.choice(pool), rng, pool)
        accepted, trace = run_guarded(runner, data)
        executions += 1
        if trace is not None:
            path = save_crash(arguments.crashes, arguments.target, data, trace)
            print(trace, file=sys.stderr)
            print(f"{arguments.target}: crash after {executions} executions; input saved "
                  f"as {path}; replay it with: {sys.argv[0]} replay {arguments.target} "
                  f"--work DIR {path}", file=sys.stderr)
            return 1
        # Keep an input the readers accepted as a new parent now and then, so
        # that mutations stack on inputs that reach the analysis.
        if accepted and len(pool) < 512 and rng.random() < 0.05:
            pool.append(data)
    print(f"{arguments.target}: {executions} executions in {arguments.seconds} s, no crash "
          f"(seed {arguments.seed})")
    if not arguments.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def command_replay(arguments):
    """Run each input once; return the exit status."""
    seeds, fixtures = split_inputs(arguments.target, arguments.inputs)
    runner = Runner(arguments.target, arguments.work, fixtures)
    failures = 0
    for name, data in seeds:
        _, trace = run_guarded(runner, data)
        if trace is not None:
            failures += 1
            print(f"{name}: crash\n{trace}", file=sys.stderr)
    print(f"{arguments.target}: replayed {len(seeds)} inputs, {failures} crashes")
    return 1 if failures else 0


def main(argv=None):
    """Parse the command line and run the command."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    fuzz = commands.add_parser("fuzz", help="mutate a corpus for a number of seconds")
    fuzz.add_argument("target", choices=("manifest", "pcap"))
    fuzz.add_argument("inputs", nargs="+", help="corpus files or directories")
    fuzz.add_argument("--seconds", type=float, default=60, help="run time in seconds")
    fuzz.add_argument("--seed", type=int, default=20060609, help="mutation random seed")
    fuzz.add_argument("--work", help="directory for the files under test (default: a temporary one)")
    fuzz.add_argument("--crashes", default="fuzz-crashes", help="directory for crashing inputs")
    replay = commands.add_parser("replay", help="run each input once")
    replay.add_argument("target", choices=("manifest", "pcap"))
    replay.add_argument("inputs", nargs="+", help="input files or directories")
    replay.add_argument("--work", required=True, help="directory for the files under test")
    arguments = parser.parse_args(argv)
    signal.signal(signal.SIGALRM, _alarm)
    if arguments.command == "fuzz":
        return command_fuzz(arguments)
    return command_replay(arguments)


if __name__ == "__main__":
    sys.exit(main())
