#!/bin/bash
# Record the golden outputs of ip, ifconfig, unshare and the shell on the
# real kernel, for the command tests (test/netns-commands-golden-test-suite.cc)
# to compare the emulator against line by line.
#
# Usage, as root on Debian 12 with iproute2 6.1 and net-tools 2.10:
#     bash record-golden.sh            # rewrites the *.golden files beside it
#     bash record-golden.sh errors     # rewrites errors.golden only
#
# Each session file is a transcript: "$ COMMAND" (or "$ (uid N) COMMAND" for
# a process without capabilities), then the command's standard output as
# printed, its standard error with each line prefixed "stderr: ", and
# "[rc=N]". Output that does not end in a newline is followed by the line
# "\ No newline at end of output", as diff marks it. The emulator test builds the same state and replays every
# command of the file in order.
#
# The real state (built by setup_* below) and the emulated one (built by the
# test) are the same. It is a namespace with lo up and eth0 (ifindex 2, MAC
# 02:00:00:00:00:01), plus eth1 (ifindex 3, MAC 02:00:00:00:00:02) for the
# host sessions, all up with carrier and without addresses. Here eth0 and
# eth1 are veth ends whose peers are up in a second namespace. IPv6 is disabled
# in the namespaces because the emulated stacks have no IPv6; with it, ip
# and ifconfig would print inet6 lines and counters would count router
# solicitations.
#
# Normalised, because a veth has them and an emulated device cannot:
#  - the "@ifN" suffix ip prints after a veth's name (the peer's ifindex);
#  - " link-netns NAME" / " link-netnsid N" (the peer's namespace).
# Nothing else is changed: MACs are set to the emulator's, qlen is 1000 on
# both, and counters stay zero because no packet is sent.
#
# Safety: only namespaces named bugcorp-golden-*, addresses in
# 198.51.100.0/24, 203.0.113.0/24 and 127.0.0.0/8, no default route,
# nothing attached to the machine's own interfaces; everything is deleted
# on exit.
set -u
export LC_ALL=C
cd "$(dirname "$0")"

HOST_NS=bugcorp-golden-host
PEER_NS=bugcorp-golden-peer
CREATED_NS=()
cleanup() {
    local n
    for n in "${CREATED_NS[@]}"; do ip netns del "$n" 2>/dev/null; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "$(id -u)" -ne 0 ]; then
    echo "error: run as root: the script creates network namespaces" >&2
    exit 1
fi
for tool in ip ifconfig unshare setpriv; do
    command -v "$tool" >/dev/null || { echo "error: $tool is missing (apt-get install iproute2 net-tools util-linux)" >&2; exit 1; }
done

make_namespace() {
    case "$1" in bugcorp-golden-*) ;; *) echo "refusing namespace name $1" >&2; exit 2;; esac
    if [ -e "/run/netns/$1" ]; then
        echo "error: namespace $1 already exists; delete it with: ip netns del $1" >&2
        exit 2
    fi
    ip netns add "$1" || exit 2
    CREATED_NS+=("$1")
    ip netns exec "$1" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
        net.ipv6.conf.default.disable_ipv6=1 || exit 2
}

# A namespace with lo up and the given number of veth devices eth0, eth1...
# (MAC 02:00:00:00:00:01, :02...), up, with their peers up in PEER_NS.
setup_namespace() {
    local devices=$1 i
    cleanup
    CREATED_NS=()
    make_namespace "$HOST_NS"
    make_namespace "$PEER_NS"
    ip -n "$HOST_NS" link set lo up
    for ((i = 0; i < devices; i++)); do
        ip -n "$HOST_NS" link add "eth$i" address "02:00:00:00:00:0$((i + 1))" type veth \
            peer name "peer$i" address "02:00:00:00:00:1$((i + 1))" netns "$PEER_NS" || exit 2
        ip -n "$PEER_NS" link set "peer$i" up
        ip -n "$HOST_NS" link set "eth$i" up
    done
    # Wait, at most 3 s, until every device reports carrier.
    for ((i = 0; i < 30; i++)); do
        ip -n "$HOST_NS" link show | grep -q NO-CARRIER || break
        sleep 0.1
    done
}

normalise() {
    perl -pe 's/^(\d+: \w+)\@if\d+:/$1:/;
              s/^(\w+)\@if\d+ +(?=[A-Z])/sprintf("%-17s", $1)/e;
              s/ link-netns(id)? \S+//'
}

# Run one command of a session inside HOST_NS and append its transcript.
run() {
    local uid="" command out err rc i
    if [ "$1" = "--uid" ]; then uid=$2; shift 2; fi
    command=$1
    out=$(mktemp) err=$(mktemp)
    if [ -n "$uid" ]; then
        echo "\$ (uid $uid) $command"
        timeout 20 ip netns exec "$HOST_NS" setpriv --reuid="$uid" --regid="$uid" \
            --clear-groups bash -c "$command" >"$out" 2>"$err"
    else
        echo "\$ $command"
        timeout 20 ip netns exec "$HOST_NS" bash -c "$command" >"$out" 2>"$err"
    fi
    rc=$?
    # A veth reports carrier a moment after it comes up. Wait (at most 3 s)
    # so that the next command reads the settled state, as the emulator shows it.
    case "$command" in
    *up*) for ((i = 0; i < 30; i++)); do
              ip -n "$HOST_NS" link show | grep -q NO-CARRIER || break
              sleep 0.1
          done ;;
    esac
    normalise <"$out"
    if [ -s "$out" ] && [ -n "$(tail -c 1 "$out")" ]; then
        echo
        echo '\ No newline at end of output'
    fi
    sed 's/^/stderr: /' "$err"
    echo "[rc=$rc]"
    rm -f "$out" "$err"
}

source ./golden-sessions.sh

# The sessions named on the command line, or none for every session.
SELECTED_SESSIONS=" $* "

record() {
    local name=$1 devices=$2
    if [ "$SELECTED_SESSIONS" != "  " ] && [[ "$SELECTED_SESSIONS" != *" $name "* ]]; then
        return
    fi
    setup_namespace "$devices"
    "session_$name" >"$name.golden"
    echo "recorded $name.golden ($(grep -c '^\$ ' "$name.golden") commands)"
}

record host-show 2
record host-admin 2
record container 1
record errors 2
record privileges 2
record shell 2
record address-parts 2
record prefix-routes 2
record link-route-texts 2
record ifconfig-zero 2

if [ "$SELECTED_SESSIONS" != "  " ]; then
    exit 0
fi

# Reference for the emulated debugfs write error: bash's wording of a failed
# echo, recorded with /dev/full since mainline has no net_ns debugfs file.
bash -c 'echo x > /dev/full' 2>bash-write-error.golden
echo "recorded bash-write-error.golden"
