# The default scenario as a scenario script: the same topology, containers
# and traffic as netns-default-scenario.cc, without C++.
#
#   client-far 10.2.0.2
#        |  point-to-point 10.2.0.0/24
#   router 10.2.0.1 / 10.1.0.1
#        |
#   =====+============== CSMA LAN 10.1.0.0/16 =====================
#        |                              |
#   client-lan 10.1.0.2            host "h1", eth0 (no address in the
#                                  initial namespace)
#                                    ns c1: 10.1.0.10  UDP echo :7, TCP sink :7,
#                                                      TCP sink 127.0.0.1:8080
#                                    ns c2: 10.1.0.11  UDP echo :7, TCP sink :7
#
# Run it with:  netns-run-script contrib/netns/examples/netns-default-scenario.nss
# and with --routeIsolation=on for a route table per namespace.

# Topology, in the example's creation order: h1, client-lan, router, client-far.
host h1
node client-lan router client-far
csma lan h1 client-lan router rate 100Mbps delay 50us
p2p wan router client-far rate 10Mbps delay 2ms
address router eth0 10.1.0.1/16
address client-lan eth0 10.1.0.2/16
address router eth1 10.2.0.1/24
address client-far eth0 10.2.0.2/24
route client-lan 10.2.0.0/24 via 10.1.0.1 metric 1
route client-far default via 10.2.0.1 metric 1

# One root process per container, and a process without capabilities.
process h1 c1 uid 0
process h1 c2 uid 0
process h1 user uid 1000

# Each container unshares, reveals eth0, takes an address and a route. With
# the 2006 patch's shared routes, c2's "ip route add" fails: File exists.
at 0 h1 c1 unshare -n
at 0 h1 c1 echo eth0 > /sys/kernel/debug/net_ns/dev
at 0 h1 c1 ip addr add 10.1.0.10/16 dev eth0
at 0 h1 c1 ip route add 10.2.0.0/24 via 10.1.0.1
at 0 h1 c2 unshare -n
at 0 h1 c2 echo eth0 > /sys/kernel/debug/net_ns/dev
at 0 h1 c2 ip addr add 10.1.0.11/16 dev eth0
at 0 h1 c2 ip route add 10.2.0.0/24 via 10.1.0.1
# A process without CAP_SYS_ADMIN cannot unshare.
at 0 h1 user unshare -n

# Servers in each container, started at 1 s.
app udp-echo-server h1/c1 port 7 start 1
app packet-sink h1/c1 protocol tcp port 7 start 1
app udp-echo-server h1/c2 port 7 start 1
app packet-sink h1/c2 protocol tcp port 7 start 1
# c1's loopback-only service; c1 reaches it, c2 (another namespace) does not.
app packet-sink h1/c1 protocol tcp local 127.0.0.1 port 8080 start 1
app bulk-send h1/c1 to 127.0.0.1 port 8080 max-bytes 100 start 1.5
app bulk-send h1/c2 to 127.0.0.1 port 8080 max-bytes 100 start 1.5

# Each client sends three UDP echo requests and 20000 bytes of TCP to each container.
app udp-echo-client client-far to 10.1.0.10 port 7 count 3 interval 1 size 64 start 2.000 stop 9
app bulk-send client-far to 10.1.0.10 port 7 max-bytes 20000 start 3.000 stop 9
app udp-echo-client client-far to 10.1.0.11 port 7 count 3 interval 1 size 64 start 2.001 stop 9
app bulk-send client-far to 10.1.0.11 port 7 max-bytes 20000 start 3.001 stop 9
app udp-echo-client client-lan to 10.1.0.10 port 7 count 3 interval 1 size 64 start 2.000 stop 9
app bulk-send client-lan to 10.1.0.10 port 7 max-bytes 20000 start 3.000 stop 9
app udp-echo-client client-lan to 10.1.0.11 port 7 count 3 interval 1 size 64 start 2.001 stop 9
app bulk-send client-lan to 10.1.0.11 port 7 max-bytes 20000 start 3.001 stop 9

pcap netns-output/netns-script
stop 10
