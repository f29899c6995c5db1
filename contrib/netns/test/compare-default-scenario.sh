#!/bin/bash
# Check that the default scenario script gives the same per-namespace
# outcomes and echo replies as the C++ default scenario, in both route modes.
# Usage: compare-default-scenario.sh EXAMPLE_PROGRAM RUNNER_PROGRAM SCRIPT
set -u
example=$1 runner=$2 script=$3
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
cd "$workdir" || exit 1

# The outcomes both reports print: per namespace its address, TCP bytes
# received and echo requests by destination, and each client's echo replies.
# The rx/tx packet and byte columns are left out: they count every frame,
# and the script's loopback probe (a bulk sender) is not the C++ example's
# (a bare connect), so same-instant events and TCP segments can differ.
sections() {
    sed -n '/^Per-namespace summary/,/^$/p' "$1" |
        awk '/^Per-namespace|^ns |^$/ { print; next } { $3 = $4 = $5 = $6 = ""; print }'
    sed -n '/^Echo replies per client/,/^$/p' "$1"
}

status=0
for mode in off on; do
    if [ "$mode" = on ]; then example_flag=true; else example_flag=false; fi
    "$example" --routeIsolation=$example_flag --pcap=false >example.txt 2>&1 ||
        { echo "FAIL: $example --routeIsolation=$example_flag exited $?"; cat example.txt; status=1; continue; }
    "$runner" --routeIsolation=$mode --pcap=false --quiet "$script" >script.txt 2>&1 ||
        { echo "FAIL: $runner --routeIsolation=$mode exited $?"; cat script.txt; status=1; continue; }
    if [ -z "$(sections script.txt)" ]; then
        echo "FAIL: route isolation $mode: the script's report has no summary"
        status=1
    elif diff <(sections example.txt) <(sections script.txt); then
        echo "PASS: route isolation $mode: the script's outcomes match the example's"
    else
        echo "FAIL: route isolation $mode: outcomes differ (< example, > script)"
        status=1
    fi
done
exit $status
