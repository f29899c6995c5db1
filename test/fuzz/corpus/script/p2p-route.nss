host h1
node router far
p2p wan h1 router rate 10Mbps delay 2ms
csma lan router far
address router eth0 203.0.113.1/24
address router eth1 192.0.2.1/24
address far eth0 192.0.2.2/24
route far 203.0.113.0/24 via 192.0.2.1 metric 5
process h1 root
at 0 h1 root ip addr add 203.0.113.10/24 dev eth0
at 0 h1 root ip route add 192.0.2.0/24 via 203.0.113.1
app udp-echo-server far port 9
app udp-echo-client h1/root to 192.0.2.2 port 9 count 3 size 100
stop 3s
