#!/bin/bash
# Set up the machine, build the module and run the default scenario.
# Extra arguments go to the scenario, e.g. --routeIsolation=true --containers=10.
set -euo pipefail
source "$(dirname "$0")/common.sh"

netns_ensure_packages "${NETNS_BUILD_PACKAGES[@]}"
netns_build
cd "$NETNS_ROOT"
exec "$NETNS_BUILD_DIR/netns-default-scenario" "$@"
