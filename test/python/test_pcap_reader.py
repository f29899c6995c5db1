"""Tests of the pcap reader and direction rules of tools/netns_pcap on crafted bytes.

NETNS_PCAP_ANALYZE names tools/netns-pcap-analyze; the package beside it is
imported from there.
"""

import os
import struct
import sys
from pathlib import Path

import pytest

TOOLS = Path(os.environ.get("NETNS_PCAP_ANALYZE", "tools/netns-pcap-analyze")).resolve().parent
sys.path.insert(0, str(TOOLS))

from netns_pcap import pcapfile  # noqa: E402
from netns_pcap.analysis import find_faults, view_directions  # noqa: E402
from netns_pcap.manifest import CaptureFile, Manifest  # noqa: E402

OWN_MAC = bytes.fromhex("000000000001")
PEER_MAC = bytes.fromhex("000000000002")
BROADCAST_MAC = b"\xff" * 6


def ipv4_udp(source, destination, source_port=1000, destination_port=7, payload=b"abcd"):
    udp = struct.pack("!HHHH", source_port, destination_port, 8 + len(payload), 0) + payload
    return struct.pack(
        "!BBHHHBBH4s4s",
        0x45,
        0,
        20 + len(udp),
        0,
        0,
        64,
        17,
        0,
        bytes(map(int, source.split("."))),
        bytes(map(int, destination.split("."))),
    ) + udp


def ethernet(destination_mac, source_mac, payload):
    return destination_mac + source_mac + b"\x08\x00" + payload


def pcap(frames, link_type=1, magic=0xA1B2C3D4, order="<"):
    header = struct.pack(order + "IHHiIII", magic, 2, 4, 0, 0, 65535, link_type)
    records = b"".join(
        struct.pack(order + "IIII", 1, 500 * (i + 1), len(f), len(f)) + f for i, f in enumerate(frames)
    )
    return header + records


def test_big_endian_nanosecond_file():
    data = pcap([ipv4_udp("10.0.0.1", "10.0.0.2")], link_type=101, magic=0xA1B23C4D, order=">")

    packets = pcapfile.parse_bytes(data)

    assert len(packets) == 1
    assert packets.ipv4.tolist() == [True]
    assert packets.time[0] == pytest.approx(1.0000005)
    assert packets.source_port.tolist() == [1000]


def test_ppp_with_and_without_hdlc_framing():
    short = b"\x00\x21" + ipv4_udp("10.0.0.1", "10.0.0.2")
    framed = b"\xff\x03\x00\x21" + ipv4_udp("10.0.0.3", "10.0.0.4")

    packets = pcapfile.parse_bytes(pcap([short, framed], link_type=9))

    assert packets.ipv4.tolist() == [True, True]
    assert [pcapfile.mac_to_int("00:00:00:00:00:00")] * 2 == packets.source_mac.tolist()
    assert packets.destination.tolist() == [0x0A000002, 0x0A000004]


def test_non_ipv4_and_short_frames_have_no_flow_fields():
    arp = BROADCAST_MAC + PEER_MAC + b"\x08\x06" + bytes(28)
    cut_ip = ethernet(OWN_MAC, PEER_MAC, ipv4_udp("10.0.0.1", "10.0.0.2")[:12])

    packets = pcapfile.parse_bytes(pcap([arp, cut_ip]))

    assert packets.ipv4.tolist() == [False, False]


def test_pcapng_is_rejected_with_conversion_hint():
    with pytest.raises(pcapfile.PcapError, match="pcapng file; convert it with: editcap"):
        pcapfile.parse_bytes(struct.pack("<I", 0x0A0D0D0A) + bytes(40))


def test_trailing_bytes_shorter_than_record_header():
    data = pcap([ipv4_udp("10.0.0.1", "10.0.0.2")], link_type=101) + b"\x01\x02\x03"

    packets = pcapfile.parse_bytes(data)

    assert len(packets) == 1
    assert packets.errors == [
        "truncated: 3 bytes at byte 72 are too short for a packet header; "
        "read the 1 packets before them"
    ]


def view_of(namespace_id):
    return CaptureFile(
        path=Path("x.pcap"),
        name="x.pcap",
        kind="view",
        node_id=0,
        host="h1",
        namespace_id=namespace_id,
        namespace=f"c{namespace_id}",
        device="eth0",
        link_type=1,
        direction="both",
        mac="00:00:00:00:00:01",
        netns_host=True,
    )


def two_namespaces():
    ten, eleven = 0x0A01000A, 0x0A01000B
    return Manifest(
        path=Path("m.json"),
        files=[],
        owners={},
        route_isolation={0: False},
        holders={(0, ten): {1}, (0, eleven): {2}},
        namespace_names={(0, 1): "c1", (0, 2): "c2"},
    )


def test_view_directions_from_mac_addresses():
    frames = [
        ethernet(OWN_MAC, PEER_MAC, ipv4_udp("10.1.0.2", "10.1.0.10")),  # from the wire
        ethernet(PEER_MAC, OWN_MAC, ipv4_udp("10.1.0.10", "10.1.0.2")),  # to the wire
        ethernet(OWN_MAC, OWN_MAC, ipv4_udp("10.1.0.11", "10.1.0.10")),  # hairpin to c1
        ethernet(OWN_MAC, OWN_MAC, ipv4_udp("10.1.0.10", "10.1.0.11")),  # hairpin from c1
        ethernet(BROADCAST_MAC, OWN_MAC, ipv4_udp("10.1.0.10", "10.1.255.255")),
    ]
    packets = pcapfile.parse_bytes(pcap(frames))

    sent, received, _ = view_directions(packets, view_of(1), two_namespaces())

    assert sent.tolist() == [False, True, False, False, False]
    assert received.tolist() == [True, False, True, False, False]


def test_faults_of_one_view():
    frames = [
        ethernet(PEER_MAC, OWN_MAC, ipv4_udp("10.1.0.10", "10.1.0.2", 7, 1000)),  # c1's source
        ethernet(OWN_MAC, PEER_MAC, ipv4_udp("10.1.0.2", "10.1.0.10")),  # for c1
        ethernet(PEER_MAC, OWN_MAC, ipv4_udp("10.1.0.11", "10.1.0.2", 7, 1000)),  # own source
        ethernet(OWN_MAC, PEER_MAC, ipv4_udp("10.1.0.2", "10.1.0.11")),  # own destination
        ethernet(OWN_MAC, OWN_MAC, ipv4_udp("10.1.0.10", "10.1.0.12")),  # undecided hairpin
    ]
    packets = pcapfile.parse_bytes(pcap(frames))

    faults, undecided = find_faults(packets, view_of(2), two_namespaces())

    assert [(f.kind, f.first_frame, f.holders) for f in faults] == [
        ("foreign-source", 1, ["c1"]),
        ("misdelivered", 2, ["c1"]),
    ]
    assert undecided == 1
