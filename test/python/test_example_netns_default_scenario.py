# SPDX-License-Identifier: GPL-2.0-only
"""The Python default scenario against the C++ one: for the same options
and seed, both must write the same files, byte for byte, print the same
report and exit with the same status.

NETNS_DEFAULT_SCENARIO names the C++ netns-default-scenario binary; ctest
sets it, and the tests skip without it.
"""

import os
import pathlib
import subprocess
import sys

import pytest

SOURCE_DIR = pathlib.Path(
    os.environ.get("NETNS_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
EXAMPLE = SOURCE_DIR / "contrib" / "netns" / "examples" / "python" / "netns_default_scenario.py"
CXX_SCENARIO = os.environ.get("NETNS_DEFAULT_SCENARIO")

needs_cxx = pytest.mark.skipif(
    not CXX_SCENARIO, reason="NETNS_DEFAULT_SCENARIO (set by ctest) names no C++ binary")


def run(command, output_dir, options):
    """Run a scenario with its output in output_dir; return the completed process."""
    environment = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run(command + [f"--outputDir={output_dir}"] + options,
                          capture_output=True, text=True, timeout=600,
                          env=environment, check=False)


def run_both(tmp_path, options):
    """Run the C++ and the Python scenario; return both results and directories."""
    cxx_dir, python_dir = tmp_path / "cxx", tmp_path / "python"
    cxx = run([CXX_SCENARIO], cxx_dir, options)
    python = run([sys.executable, str(EXAMPLE)], python_dir, options)
    return (cxx, cxx_dir), (python, python_dir)


def files_in(directory):
    """Return the names of the files in a directory, or [] when it does not exist."""
    return sorted(p.name for p in directory.iterdir()) if directory.exists() else []


@needs_cxx
@pytest.mark.parametrize("options", [
    [],
    ["--routeIsolation=true", "--containers=3"],
    ["--containers=4", "--seed=7", "--run=3"],
    ["--routeIsolation", "--containers=1"],
], ids=["default", "isolated-3", "seed-7-run-3", "isolated-1"])
def test_same_pcaps_as_cxx(tmp_path, options):
    (cxx, cxx_dir), (python, python_dir) = run_both(tmp_path, options)
    assert cxx.returncode == 0, cxx.stderr
    assert python.returncode == 0, python.stderr
    names = files_in(cxx_dir)
    assert any(name.endswith(".pcap") for name in names)
    assert files_in(python_dir) == names
    for name in names:
        assert (python_dir / name).read_bytes() == (cxx_dir / name).read_bytes(), name


@needs_cxx
def test_same_report_as_cxx(tmp_path):
    (cxx, cxx_dir), (python, python_dir) = run_both(tmp_path, ["--containers=3"])
    assert python.stdout.replace(str(python_dir), "DIR") == cxx.stdout.replace(
        str(cxx_dir), "DIR")
    assert python.stderr == cxx.stderr == ""


@needs_cxx
def test_without_pcap(tmp_path):
    (cxx, cxx_dir), (python, python_dir) = run_both(tmp_path, ["--pcap=false"])
    assert python.returncode == cxx.returncode == 0
    assert files_in(python_dir) == files_in(cxx_dir) == []
    assert "pcap files in" not in python.stdout


def test_rejects_container_count(tmp_path):
    result = run([sys.executable, str(EXAMPLE)], tmp_path, ["--containers=0"])
    assert result.returncode == 2
    assert result.stderr == "invalid --containers=0: choose 1 to 1000\n"


def test_help_lists_options(tmp_path):
    result = run([sys.executable, str(EXAMPLE)], tmp_path, ["--help"])
    assert result.returncode == 0
    for option in ("--routeIsolation", "--containers", "--outputDir", "--pcap",
                   "--seed", "--run"):
        assert option in result.stdout
