#!/bin/bash
# Build the module and run the isolation oracle on many random sequences:
#
#   scripts/run-oracle-soak.sh [SEQUENCES] [SEED]    (default 100000 and 1)
#
# Each failing sequence is shrunk, printed in its replayable form and saved
# in BUILD/oracle-failures/; replay one with
#   BUILD/test/oracle/netns-oracle --replay=FILE --trace
# Copy a fixed fault's file to test/oracle/regressions/ so that ctest keeps
# replaying it. Exit status 1 when a sequence failed.
set -euo pipefail
source "$(dirname "$0")/common.sh"

sequences=${1:-100000}
seed=${2:-1}
[[ $sequences =~ ^[0-9]+$ && $seed =~ ^[0-9]+$ ]] ||
  { echo "usage: $0 [SEQUENCES] [SEED]" >&2; exit 2; }

netns_ensure_packages "${NETNS_BUILD_PACKAGES[@]}"
netns_build >/dev/null
exec "$NETNS_BUILD_DIR/test/oracle/netns-oracle" --sequences="$sequences" --seed="$seed" \
  --saveDir="$NETNS_BUILD_DIR/oracle-failures"
