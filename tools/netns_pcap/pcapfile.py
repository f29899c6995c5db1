"""Read classic pcap files into per-packet numpy arrays.

The reader walks the record headers in one Python loop and extracts every
header field with vectorised numpy indexing, which keeps a million-packet
file within a second or two. It understands the link types the netns
capture helper writes (Ethernet, PPP, raw IPv4) and Linux cooked capture.
"""

import struct
from dataclasses import dataclass, field

import numpy as np

LINKTYPE_ETHERNET = 1
LINKTYPE_PPP = 9
LINKTYPE_RAW = 101
LINKTYPE_LINUX_SLL = 113
LINKTYPE_IPV4 = 228

LINK_TYPE_NAMES = {
    LINKTYPE_ETHERNET: "EN10MB",
    LINKTYPE_PPP: "PPP",
    LINKTYPE_RAW: "RAW",
    LINKTYPE_LINUX_SLL: "LINUX_SLL",
    LINKTYPE_IPV4: "IPV4",
}

ETHERTYPE_IPV4 = 0x0800
ETHERTYPE_VLAN = 0x8100
PPP_IPV4 = 0x0021

PROTOCOL_TCP = 6
PROTOCOL_UDP = 17

GLOBAL_HEADER_BYTES = 24
RECORD_HEADER_BYTES = 16
MIN_IPV4_HEADER_BYTES = 20

# Magic number as read little-endian -> (byte order, timestamp unit in seconds).
MAGIC_NUMBERS = {
    0xA1B2C3D4: ("<", 1e-6),
    0xD4C3B2A1: (">", 1e-6),
    0xA1B23C4D: ("<", 1e-9),
    0x4D3CB2A1: (">", 1e-9),
}
PCAPNG_MAGIC = 0x0A0D0D0A


class PcapError(Exception):
    """A pcap file that cannot be read, or can be read only in part."""


@dataclass
class Packets:
    """Per-packet fields of one file; IPv4 fields are 0 where ``ipv4`` is False."""

    link_type: int
    time: np.ndarray
    length: np.ndarray
    ipv4: np.ndarray
    protocol: np.ndarray
    source: np.ndarray
    destination: np.ndarray
    source_port: np.ndarray
    destination_port: np.ndarray
    source_mac: np.ndarray
    destination_mac: np.ndarray
    errors: list = field(default_factory=list)

    def __len__(self):
        return len(self.time)


def _walk_records(data, byte_order):
    """Return record offsets and lengths, and an error for a truncated tail.

    Offsets point at the record headers. The loop is the only per-packet
    Python code of the reader, so it does as little as possible.
    """
    unpack_lengths = struct.Struct(byte_order + "II").unpack_from
    size = len(data)
    offsets = []
    append = offsets.append
    offset = GLOBAL_HEADER_BYTES
    last_header = size - RECORD_HEADER_BYTES
    try:
        while offset <= last_header:
            append(offset)
            offset += RECORD_HEADER_BYTES + unpack_lengths(data, offset + 8)[0]
    except struct.error:  # pragma: no cover - guarded by the loop condition
        pass
    error = None
    if offsets and offset > size:
        stated = offset - offsets[-1] - RECORD_HEADER_BYTES
        remaining = size - offsets[-1] - RECORD_HEADER_BYTES
        error = (
            f"truncated: packet {len(offsets)} at byte {offsets[-1]} says it has "
            f"{stated} bytes but only {remaining} remain; read the {len(offsets) - 1} "
            f"packets before it"
        )
        offsets.pop()
    elif offset < size:
        error = (
            f"truncated: {size - offset} bytes at byte {offset} are too short for a "
            f"packet header; read the {len(offsets)} packets before them"
        )
    return np.array(offsets, dtype=np.int64), error


def _gather(buffer, positions, valid, width):
    """Read big-endian unsigned integers of ``width`` bytes at ``positions``.

    Positions where ``valid`` is False give 0 and are never dereferenced.
    """
    safe = np.where(valid, positions, 0)
    value = np.zeros(len(positions), dtype=np.uint64)
    for k in range(width):
        value = (value << np.uint64(8)) | buffer[safe + k].astype(np.uint64)
    return np.where(valid, value, np.uint64(0))


def _network_offsets(buffer, start, captured, link_type):
    """Return the IPv4 header offset of each packet and whether it is IPv4."""
    zeros = np.zeros(len(start), dtype=bool)
    if link_type == LINKTYPE_ETHERNET:
        has_type = captured >= 14
        ethertype = _gather(buffer, start + 12, has_type, 2)
        vlan = ethertype == ETHERTYPE_VLAN
        inner = _gather(buffer, start + 16, vlan & (captured >= 18), 2)
        ethertype = np.where(vlan, inner, ethertype)
        return start + np.where(vlan, 18, 14), ethertype == ETHERTYPE_IPV4
    if link_type == LINKTYPE_PPP:
        # ns-3 writes the 2-byte protocol field only; full HDLC framing
        # starts with address 0xff and control 0x03.
        framed = (captured >= 2) & (_gather(buffer, start, captured >= 2, 2) == 0xFF03)
        header = np.where(framed, 2, 0)
        protocol = _gather(buffer, start + header, captured >= header + 2, 2)
        return start + header + 2, protocol == PPP_IPV4
    if link_type == LINKTYPE_LINUX_SLL:
        protocol = _gather(buffer, start + 14, captured >= 16, 2)
        return start + 16, protocol == ETHERTYPE_IPV4
    if link_type in (LINKTYPE_RAW, LINKTYPE_IPV4):
        return start, np.ones(len(start), dtype=bool)
    return start, zeros


def parse_bytes(data):
    """Parse the bytes of a pcap file into Packets.

    Raises PcapError when nothing can be read. A truncated tail gives the
    packets before it, with the problem recorded in ``errors``.
    """
    if len(data) < GLOBAL_HEADER_BYTES:
        raise PcapError(
            f"truncated: {len(data)} bytes, shorter than the {GLOBAL_HEADER_BYTES}-byte pcap "
            f"file header"
        )
    magic = struct.unpack_from("<I", data, 0)[0]
    if magic == PCAPNG_MAGIC:
        raise PcapError("pcapng file; convert it with: editcap -F pcap IN OUT")
    if magic not in MAGIC_NUMBERS:
        raise PcapError(f"not a pcap file: magic number 0x{magic:08x} is not a pcap magic number")
    byte_order, unit = MAGIC_NUMBERS[magic]
    link_type = struct.unpack_from(byte_order + "I", data, 20)[0] & 0x0FFFFFFF

    offsets, error = _walk_records(data, byte_order)
    buffer = np.frombuffer(data, dtype=np.uint8)
    packets = _fields(buffer, offsets, byte_order, unit, link_type)
    if error:
        packets.errors.append(error)
    return packets


def _record_headers(buffer, offsets, byte_order):
    """Return seconds, sub-seconds, captured and original lengths of each record."""
    dtype = np.dtype(byte_order + "u4")
    columns = np.empty((4, len(offsets)), dtype=np.uint64)
    for k in range(4):
        index = offsets[:, None] + 4 * k + np.arange(4)
        columns[k] = buffer[index].copy().view(dtype).reshape(-1)
    return columns


def _fields(buffer, offsets, byte_order, unit, link_type):
    """Extract time, length, addresses, ports and MAC addresses of every packet."""
    seconds, fraction, captured, original = _record_headers(buffer, offsets, byte_order)
    start = offsets + RECORD_HEADER_BYTES
    captured = captured.astype(np.int64)
    time = seconds.astype(np.float64) + fraction.astype(np.float64) * unit

    ip_start, ipv4 = _network_offsets(buffer, start, captured, link_type)
    ip_room = captured - (ip_start - start)
    ipv4 &= ip_room >= MIN_IPV4_HEADER_BYTES
    first = _gather(buffer, ip_start, ipv4, 1)
    ipv4 &= (first >> np.uint64(4)) == 4
    header_length = ((first & np.uint64(0x0F)) * np.uint64(4)).astype(np.int64)

    protocol = _gather(buffer, ip_start + 9, ipv4, 1)
    source = _gather(buffer, ip_start + 12, ipv4, 4)
    destination = _gather(buffer, ip_start + 16, ipv4, 4)
    fragment_offset = _gather(buffer, ip_start + 6, ipv4, 2) & np.uint64(0x1FFF)

    has_ports = (
        ipv4
        & ((protocol == PROTOCOL_TCP) | (protocol == PROTOCOL_UDP))
        & (fragment_offset == 0)
        & (ip_room >= header_length + 4)
    )
    l4_start = ip_start + header_length
    source_port = _gather(buffer, l4_start, has_ports, 2)
    destination_port = _gather(buffer, l4_start + 2, has_ports, 2)

    ethernet = np.full(len(start), link_type == LINKTYPE_ETHERNET) & (captured >= 14)
    destination_mac = _gather(buffer, start, ethernet, 6)
    source_mac = _gather(buffer, start + 6, ethernet, 6)

    return Packets(
        link_type=link_type,
        time=time,
        length=original.astype(np.int64),
        ipv4=ipv4,
        protocol=protocol.astype(np.int64),
        source=source.astype(np.int64),
        destination=destination.astype(np.int64),
        source_port=source_port.astype(np.int64),
        destination_port=destination_port.astype(np.int64),
        source_mac=source_mac,
        destination_mac=destination_mac,
    )


def read_pcap(path):
    """Read a pcap file; raises PcapError naming the problem (without the path)."""
    try:
        with open(path, "rb") as stream:
            data = stream.read()
    except FileNotFoundError:
        raise PcapError("file not found") from None
    except IsADirectoryError:
        raise PcapError("is a directory, not a pcap file") from None
    except PermissionError:
        raise PcapError("permission denied") from None
    except OSError as error:
        raise PcapError(f"cannot read: {error.strerror}") from None
    return parse_bytes(data)


def mac_to_int(text):
    """Convert aa:bb:cc:dd:ee:ff to the integer the reader stores."""
    return int(text.replace(":", "").replace("-", ""), 16)
