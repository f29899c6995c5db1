"""The Waf build (wscript-compat/wscript) reads the same file lists as CMake.

The wscript parses contrib/netns/netns-sources.cmake itself. These tests
evaluate that file with CMake (cmake -P) and check that the wscript's parser
returns the same lists, that every listed file exists, and that the parser
rejects syntax it does not understand instead of dropping files.
"""

import importlib.machinery
import importlib.util
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
MODULE_DIR = ROOT / "contrib" / "netns"
SOURCES_FILE = MODULE_DIR / "netns-sources.cmake"
WSCRIPT = ROOT / "wscript-compat" / "wscript"
MODULE_LISTS = {
    "sources": "NETNS_SOURCES",
    "headers": "NETNS_HEADERS",
    "test_sources": "NETNS_TEST_SOURCES",
    "examples": "NETNS_EXAMPLES",
}


def load_wscript():
    """Import the wscript (a Python file without the .py suffix) as a module."""
    sys.dont_write_bytecode = True
    loader = importlib.machinery.SourceFileLoader("netns_wscript", str(WSCRIPT))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def cmake_lists(path, names):
    """Evaluate a CMake list file with cmake -P and return the named lists."""
    script = path.parent / "dump-lists.cmake"
    lines = [f'include("{path}")']
    lines += [f'message(STATUS "{name}=${{{name}}}")' for name in names]
    script.write_text("\n".join(lines) + "\n")
    result = subprocess.run(
        ["cmake", "-P", str(script)], capture_output=True, text=True, check=True
    )
    lists = {}
    for line in (result.stdout + result.stderr).splitlines():
        line = line.removeprefix("-- ")
        name, separator, value = line.partition("=")
        if separator and name in names:
            lists[name] = value.split(";") if value else []
    return lists


@pytest.fixture(scope="module")
def wscript():
    return load_wscript()


@pytest.fixture(scope="module")
def cmake(tmp_path_factory):
    copy = tmp_path_factory.mktemp("cmake") / SOURCES_FILE.name
    copy.write_text(SOURCES_FILE.read_text())
    return cmake_lists(copy, list(MODULE_LISTS.values()))


@pytest.mark.parametrize("key", sorted(MODULE_LISTS))
def test_wscript_list_equals_cmake(wscript, cmake, key):
    files = wscript.read_module_lists(str(MODULE_DIR))
    assert files[key] == cmake[MODULE_LISTS[key]]


@pytest.mark.parametrize("key", ["sources", "headers", "test_sources"])
def test_listed_files_exist(wscript, key):
    files = wscript.read_module_lists(str(MODULE_DIR))
    assert files[key], f"the {key} list should not be empty"
    missing = [name for name in files[key] if not (MODULE_DIR / name).is_file()]
    assert missing == []


def test_listed_examples_exist(wscript):
    examples = wscript.read_module_lists(str(MODULE_DIR))["examples"]
    assert "netns-mpi-scenario" in examples
    missing = [name for name in examples if not (MODULE_DIR / "examples" / f"{name}.cc").is_file()]
    assert missing == []


def test_parser_matches_cmake_on_appends_and_references(wscript, tmp_path):
    path = tmp_path / "lists.cmake"
    path.write_text(
        "# comment (with parentheses)\n"
        "set(A\n    a.cc  # trailing comment\n    b.cc\n)\n"
        "set(EMPTY\n)\n"
        "set(B ${A} ${EMPTY} c.cc)\n"
        "list(APPEND B ${A})\n"
        "list(APPEND C d.cc)\n"
    )
    expected = cmake_lists(path, ["A", "B", "C", "EMPTY"])
    parsed = wscript.read_cmake_lists(str(path))
    assert parsed["A"] == expected["A"] == ["a.cc", "b.cc"]
    assert parsed["B"] == expected["B"] == ["a.cc", "b.cc", "c.cc", "a.cc", "b.cc"]
    assert parsed["C"] == expected["C"] == ["d.cc"]
    assert parsed["EMPTY"] == expected["EMPTY"] == []


@pytest.mark.parametrize(
    "text, message",
    [
        ("list(REMOVE_ITEM A a.cc)\n", "unsupported list(REMOVE_ITEM A a.cc)"),
        ("set(B ${A})\n", "${A} is used before it is set"),
        ("set(A a.cc)\nset(B dir/${A})\n", "unsupported reference inside 'dir/${A}'"),
    ],
)
def test_parser_rejects_unsupported_syntax(wscript, tmp_path, text, message):
    path = tmp_path / "lists.cmake"
    path.write_text(text)
    with pytest.raises(ValueError) as error:
        wscript.read_cmake_lists(str(path))
    assert str(error.value) == f"{path}: {message}"
