#!/bin/bash
# Set up the machine, build the module and run every test through ctest:
# the ns-3 TestSuites, the Boost.Test unit tests, the Python tests and the
# pcap checks. Extra arguments go to ctest, e.g. -R pcap.
set -euo pipefail
source "$(dirname "$0")/common.sh"

netns_ensure_packages "${NETNS_BUILD_PACKAGES[@]}" "${NETNS_TEST_PACKAGES[@]}"
netns_build
cd "$NETNS_BUILD_DIR"
exec ctest --output-on-failure "$@"
