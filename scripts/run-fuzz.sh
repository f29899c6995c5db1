#!/bin/bash
# Fuzz the module's text entry points for a given time:
#
#   scripts/run-fuzz.sh TARGET SECONDS   one target
#   scripts/run-fuzz.sh all SECONDS      each target in turn, SECONDS each
#
# Targets: exec (command lines run by netns::Exec), debugfs (writes to
# /sys/kernel/debug/net_ns/dev), script (scenario scripts, parsed and, when
# accepted, built and run), manifest and pcap (the readers of
# netns-pcap-analyze). The first three are libFuzzer targets, built by clang
# with AddressSanitizer and UndefinedBehaviorSanitizer in the build of
# scripts/run-sanitizers.sh. manifest and pcap are Python, so they use the
# mutation harness test/fuzz/fuzz_capture_files.py: libFuzzer cannot reach
# Python code, and Debian does not package atheris.
#
# Each target starts from its seed corpus in test/fuzz/corpus/TARGET and
# keeps the inputs it finds in BUILD/fuzz-work/TARGET. A crash saves the
# input under BUILD/fuzz-artifacts/TARGET/ and prints how to replay it; the
# script then exits with status 1 after the remaining targets ran. Add the
# input to test/fuzz/regressions/TARGET/ once fixed: ctest replays it.
#
# Environment:
#   NETNS_SANITIZE_BUILD_DIR  instrumented build directory, shared with
#                             run-sanitizers.sh (default build-sanitize/)
#   NETNS_FUZZ_SEED           random seed of every target (default 1)
set -euo pipefail
source "$(dirname "$0")/common.sh"
source "$NETNS_ROOT/scripts/sanitize-common.sh"

NETNS_BUILD_DIR=${NETNS_SANITIZE_BUILD_DIR:-$NETNS_ROOT/build-sanitize}
NETNS_FUZZ_SEED=${NETNS_FUZZ_SEED:-1}
FUZZ_DIR=$NETNS_ROOT/test/fuzz
CXX_TARGETS=(exec debugfs script)
PYTHON_TARGETS=(manifest pcap)

usage() {
  echo "usage: $0 TARGET|all SECONDS; TARGET is one of ${CXX_TARGETS[*]} ${PYTHON_TARGETS[*]}" >&2
  exit 2
}

# Run a libFuzzer target; print "TARGET EXECUTIONS" on success.
fuzz_cxx() {
  local target=$1 seconds=$2
  local work=$NETNS_BUILD_DIR/fuzz-work/$target
  local artifacts=$NETNS_BUILD_DIR/fuzz-artifacts/$target
  local log=$NETNS_BUILD_DIR/fuzz-work/$target.log
  mkdir -p "$work" "$artifacts"
  if ! "$NETNS_BUILD_DIR/test/fuzz/netns-fuzz-$target" -max_total_time="$seconds" \
      -seed="$NETNS_FUZZ_SEED" -print_final_stats=1 -timeout=30 -rss_limit_mb=4096 \
      -artifact_prefix="$artifacts/" "$work" "$FUZZ_DIR/corpus/$target" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "error: $target crashed; the input is in $artifacts/ and the log in $log" >&2
    echo "replay: $NETNS_BUILD_DIR/test/fuzz/netns-fuzz-$target $artifacts/<file>" >&2
    return 1
  fi
  echo "$target $(sed -n 's/^stat::number_of_executed_units: *//p' "$log")"
}

# Run the Python harness on a target; print "TARGET EXECUTIONS" on success.
fuzz_python() {
  local target=$1 seconds=$2
  local artifacts=$NETNS_BUILD_DIR/fuzz-artifacts/$target
  local inputs=("$FUZZ_DIR/corpus/$target")
  [ "$target" = manifest ] && inputs+=("$FUZZ_DIR/corpus/pcap")
  local output
  output=$(PYTHONDONTWRITEBYTECODE=1 /usr/bin/python3 "$FUZZ_DIR/fuzz_capture_files.py" fuzz \
    "$target" --seconds "$seconds" --seed "$NETNS_FUZZ_SEED" --crashes "$artifacts" \
    "${inputs[@]}") || return 1
  echo "$target $(echo "$output" | sed -n 's/^[a-z]*: \([0-9]*\) executions.*/\1/p')"
}

main() {
  [ $# -eq 2 ] || usage
  local selected=$1 seconds=$2 targets=() target failed=0 line
  [[ $seconds =~ ^[0-9]+$ ]] || usage
  if [ "$selected" = all ]; then
    targets=("${CXX_TARGETS[@]}" "${PYTHON_TARGETS[@]}")
  elif [[ " ${CXX_TARGETS[*]} ${PYTHON_TARGETS[*]} " == *" $selected "* ]]; then
    targets=("$selected")
  else
    usage
  fi

  netns_ensure_packages "${NETNS_BUILD_PACKAGES[@]}" "${NETNS_TEST_PACKAGES[@]}" \
    "${NETNS_SANITIZE_PACKAGES[@]}"
  netns_build_sanitized >/dev/null
  netns_sanitizer_environment

  echo "target executions seconds"
  for target in "${targets[@]}"; do
    if [[ " ${CXX_TARGETS[*]} " == *" $target "* ]]; then
      line=$(fuzz_cxx "$target" "$seconds") || { failed=1; continue; }
    else
      line=$(fuzz_python "$target" "$seconds") || { failed=1; continue; }
    fi
    echo "$line $seconds"
  done
  [ "$failed" -eq 0 ] || { echo "error: at least one target crashed" >&2; exit 1; }
}

main "$@"
