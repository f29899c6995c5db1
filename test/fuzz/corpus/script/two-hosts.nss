host h1 h2
node peer
csma lan h1 h2 peer rate 100Mbps delay 1ms
address peer eth0 198.51.100.1/24
process h1 c1
process h2 c2 uid 1000
at 0 h1 c1 unshare -n
at 0 h1 c1 echo eth0 > /sys/kernel/debug/net_ns/dev
at 0 h1 c1 ip addr add 198.51.100.10/24 dev eth0
at 0.5 h2 c2 ip addr add 198.51.100.11/24 dev eth0
app udp-echo-server h1/c1 port 7
app udp-echo-client peer to 198.51.100.10 port 7 count 2 interval 0.1 start 1
app packet-sink h1/c1 protocol tcp port 8080
app bulk-send peer to 198.51.100.10 port 8080 max-bytes 2000 start 1
route-isolation on
stop 2
