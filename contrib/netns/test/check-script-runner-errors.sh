#!/bin/bash
# Check that netns-run-script runs nothing when a script has a bad line: it
# must exit 2, print no command output, and name every bad line as
# FILE:LINE: REASON.
# Usage: check-script-runner-errors.sh RUNNER_PROGRAM
set -u
runner=$1
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
cd "$workdir" || exit 1
cat >bad.nss <<'SCRIPT'
host h1
process h1 p1
at 0 h1 p1 unshare -n
at 1 h1 p1 ip link
csma lan h1 ghost
stop soon
SCRIPT
"$runner" --pcap=false bad.nss >out.txt 2>err.txt
status=$?
fail=0
[ $status -eq 2 ] || { echo "FAIL: exit status $status, expected 2"; fail=1; }
[ ! -s out.txt ] || { echo "FAIL: something ran:"; cat out.txt; fail=1; }
grep -qx 'bad.nss:6: invalid stop time "soon": use a positive time, such as 10 or 10s' err.txt ||
    { echo "FAIL: no error for line 6"; fail=1; }
grep -qx 'bad.nss:5: link lan: unknown node ghost' err.txt ||
    { echo "FAIL: no error for line 5"; fail=1; }
grep -qx '2 errors; nothing was run' err.txt || { echo "FAIL: no error count"; fail=1; }
[ $fail -eq 0 ] && echo "PASS: a bad script is rejected before anything runs" || cat err.txt
exit $fail
