#!/bin/bash
# Build the netns module inside ns-3's own source tree and test it there:
# fetch ns-3.37 through Debian's source package, copy contrib/netns into the
# tree's contrib/, configure with tests, examples and MPI for the modules the
# module needs, build, then run
#   - ns-3's test.py on the netns-* suites and on the examples listed in
#     contrib/netns/test/examples-to-run.py,
#   - the check that netns-mpi-scenario gives the same per-namespace results
#     and pcaps on two MPI ranks as in one process.
#
# Usage, as root on Debian 12 (installs what is missing with apt-get):
#   scripts/run-in-tree.sh            reuse a tree fetched and built before
#   scripts/run-in-tree.sh --fresh    delete the work directory first
#
# Environment:
#   NETNS_IN_TREE_DIR  work directory owned by this script (default:
#                      build-in-tree/ at the repository root)
#   NETNS_NS3_TREE     an ns-3 source tree (CMake-based; 3.37 was tried) to
#                      use instead of Debian's; its contrib/netns is replaced
#   NETNS_JOBS         parallel compile jobs (default 2)
set -euo pipefail
source "$(dirname "$0")/common.sh"

NETNS_IN_TREE_DIR=${NETNS_IN_TREE_DIR:-$NETNS_ROOT/build-in-tree}
NETNS_JOBS=${NETNS_JOBS:-2}
# Modules to build; ns-3 adds the modules they depend on.
NETNS_IN_TREE_MODULES="core;network;internet;csma;point-to-point;applications;traffic-control;mpi;netns"
NETNS_IN_TREE_PACKAGES=(dpkg-dev cmake ninja-build g++ python3 python3-pytest
                        libopenmpi-dev openmpi-bin)

# Print a step header with the time since the script started.
netns_step() {
  echo "== [$(date -u +%T), +${SECONDS}s] $*"
}

# Make apt know the ns3 source package: add deb-src lines where the apt
# sources lack them (deb822 debian.sources or one-line sources.list), then
# update the package lists.
netns_enable_deb_src() {
  local sources=/etc/apt/sources.list.d/debian.sources list=/etc/apt/sources.list
  if apt-cache showsrc ns3 2>/dev/null | grep -q '^Package: ns3$'; then
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: apt knows no source package ns3; add deb-src lines to the apt" \
      "sources and run apt-get update, or run this script as root" >&2
    exit 1
  fi
  if [ -f "$sources" ] && ! grep -q '^Types:.*deb-src' "$sources"; then
    sed -i 's/^Types: deb$/Types: deb deb-src/' "$sources"
  fi
  if [ -f "$list" ] && grep -q '^deb ' "$list" && ! grep -q '^deb-src ' "$list"; then
    grep '^deb ' "$list" | sed 's/^deb /deb-src /' >>"$list"
  fi
  echo "Enabled deb-src in the apt sources; updating the package lists"
  apt-get update -q >/dev/null || { echo "error: apt-get update failed" >&2; exit 1; }
}

# Print the ns-3 directory (the one holding the ns3 script) under the work directory.
netns_find_fetched_tree() {
  [ -d "$NETNS_IN_TREE_DIR/source" ] || return 0
  find "$NETNS_IN_TREE_DIR/source" -mindepth 3 -maxdepth 3 -name ns3 -type f \
    -path '*/ns-3.*/ns3' 2>/dev/null | head -n 1 | xargs -r dirname
}

# Fetch and unpack Debian's ns3 source package unless it is there already.
netns_fetch_ns3() {
  local tree
  tree=$(netns_find_fetched_tree)
  if [ -n "$tree" ]; then
    echo "Reusing the ns-3 source tree $tree"
    return 0
  fi
  netns_enable_deb_src
  rm -rf "$NETNS_IN_TREE_DIR/source"
  mkdir -p "$NETNS_IN_TREE_DIR/source"
  (cd "$NETNS_IN_TREE_DIR/source" && apt-get source -q ns3) ||
    { echo "error: apt-get source ns3 failed" >&2; exit 1; }
  tree=$(netns_find_fetched_tree)
  [ -n "$tree" ] ||
    { echo "error: no ns-3.*/ns3 found under $NETNS_IN_TREE_DIR/source" >&2; exit 1; }
}

# Replace the tree's contrib/netns with a copy of the repository's.
# cp -a keeps modification times, so unchanged files are not rebuilt.
netns_copy_module() {
  local tree=$1
  rm -rf "$tree/contrib/netns"
  cp -a "$NETNS_ROOT/contrib/netns" "$tree/contrib/netns"
}

# Configure with tests, examples and MPI; tests and examples only for netns.
netns_configure_tree() {
  local tree=$1
  (cd "$tree" && /usr/bin/python3 ./ns3 configure -G Ninja --enable-tests --enable-examples --enable-mpi \
     --enable-modules="$NETNS_IN_TREE_MODULES" \
     --filter-module-examples-and-tests=netns) >"$NETNS_IN_TREE_DIR/configure.log" 2>&1 ||
    { tail -n 40 "$NETNS_IN_TREE_DIR/configure.log" >&2
      echo "error: ns3 configure failed; see $NETNS_IN_TREE_DIR/configure.log" >&2; exit 1; }
  sed -n -e '/Modules configured to be built/,/^$/p' -e '/Modules that cannot be built/,/^$/p' \
    "$NETNS_IN_TREE_DIR/configure.log"
}

# Run test.py twice: on the netns-* suites (ns-3 always builds its "test"
# module, whose suites are not run here), then with --constrain=example,
# which runs only the examples of examples-to-run.py files whose programs
# are built, that is the netns ones. Fail unless every listed example ran.
netns_run_test_py() {
  local tree=$1 results=$NETNS_IN_TREE_DIR/test-py-results expected ran
  (cd "$tree" && /usr/bin/python3 ./test.py --no-build --nocolor --jobs="$NETNS_JOBS" \
     --suite='netns-*' --text="$results-suites") ||
    netns_test_py_failed "$results-suites.txt"
  (cd "$tree" && /usr/bin/python3 ./test.py --no-build --nocolor --jobs="$NETNS_JOBS" \
     --constrain=example --text="$results-examples") | tee "$NETNS_IN_TREE_DIR/examples.log" ||
    netns_test_py_failed "$results-examples.txt"
  expected=$(/usr/bin/python3 -c 'import runpy, sys; print(len(runpy.run_path(sys.argv[1])["cpp_examples"]))' \
    "$tree/contrib/netns/test/examples-to-run.py")
  ran=$(grep -c '] PASS: Example ' "$NETNS_IN_TREE_DIR/examples.log" || true)
  if [ "$ran" -ne "$expected" ]; then
    echo "error: test.py passed $ran examples; examples-to-run.py lists $expected" >&2
    exit 1
  fi
}

# Print the failed tests of a test.py text report and exit.
netns_test_py_failed() {
  grep -B 2 -A 20 -E "<Result>(FAIL|CRASH)" "$1" | head -n 120 >&2 || true
  echo "error: test.py failed; details in $1" >&2
  exit 1
}

main() {
  if [ "${1:-}" = "--fresh" ]; then
    rm -rf "$NETNS_IN_TREE_DIR"
  fi
  mkdir -p "$NETNS_IN_TREE_DIR"

  netns_step "Installing missing packages"
  netns_ensure_packages "${NETNS_IN_TREE_PACKAGES[@]}"

  local tree=${NETNS_NS3_TREE:-}
  if [ -z "$tree" ]; then
    netns_step "Fetching ns-3 source"
    netns_fetch_ns3
    tree=$(netns_find_fetched_tree)
  fi
  echo "ns-3 tree: $tree (version $(cat "$tree/VERSION" 2>/dev/null || echo unknown))"

  netns_step "Copying contrib/netns into the tree"
  netns_copy_module "$tree"

  netns_step "Configuring"
  netns_configure_tree "$tree"

  netns_step "Building with $NETNS_JOBS jobs"
  # cmake --build, because ./ns3 build caps -j at the number of cores minus one.
  cmake --build "$tree/cmake-cache" -j "$NETNS_JOBS" >"$NETNS_IN_TREE_DIR/build.log" 2>&1 ||
    { grep -B 2 -A 12 -E "error|FAILED" "$NETNS_IN_TREE_DIR/build.log" | head -n 80 >&2
      echo "error: ns3 build failed; see $NETNS_IN_TREE_DIR/build.log" >&2; exit 1; }
  grep -c "warning:" "$NETNS_IN_TREE_DIR/build.log" | sed 's/^/Compiler warnings: /' || true

  netns_step "Running test.py on the netns-* suites and the netns examples"
  netns_run_test_py "$tree"

  netns_step "Comparing the MPI run of netns-mpi-scenario with a sequential run"
  NETNS_NS3_TREE="$tree" NETNS_MPI_OUTPUT="$NETNS_IN_TREE_DIR/mpi-check" \
    /usr/bin/python3 -m pytest -v -p no:cacheprovider "$NETNS_ROOT/test/in-tree"

  netns_step "In-tree build and tests passed"
}

main "$@"
