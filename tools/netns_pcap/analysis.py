"""Flows per namespace and the 2006 namespace patch's faults, from a capture run.

Two faults of the June 2006 network namespace patch show in the view
captures of a namespace:

* foreign source: the namespace sends a packet whose source address is held
  by another namespace of the same host (shared routes pick the source);
* misdelivery: a packet addressed to the namespace's MAC address arrives with
  a destination address the namespace does not hold (incoming packets are
  matched to sockets by address and port only).

Which namespace holds which address comes from the manifest, which records
the addresses at the end of the run.
"""

import ipaddress
from dataclasses import dataclass, field

import numpy as np

from .pcapfile import PROTOCOL_TCP, PROTOCOL_UDP, PcapError, mac_to_int, read_pcap

PROTOCOL_NAMES = {1: "icmp", PROTOCOL_TCP: "tcp", PROTOCOL_UDP: "udp"}

FOREIGN_SOURCE = "foreign-source"
MISDELIVERED = "misdelivered"


def address_text(value):
    """Format an IPv4 address stored as an integer."""
    return str(ipaddress.IPv4Address(int(value)))


def protocol_text(number):
    """Name an IP protocol number."""
    return PROTOCOL_NAMES.get(int(number), str(int(number)))


@dataclass
class Flow:
    """Packets of one 5-tuple through one capture file."""

    owner: tuple
    device: str
    file: str
    protocol: int
    source: int
    source_port: int
    destination: int
    destination_port: int
    packets: int
    bytes: int
    first: float
    last: float
    times: object = None

    def to_json(self):
        """Return the flow as a JSON-ready dict."""
        return {
            "device": self.device,
            "file": self.file,
            "protocol": protocol_text(self.protocol),
            "source": address_text(self.source),
            "source_port": self.source_port,
            "destination": address_text(self.destination),
            "destination_port": self.destination_port,
            "packets": self.packets,
            "bytes": self.bytes,
            "first": round(self.first, 9),
            "last": round(self.last, 9),
        }


@dataclass
class Fault:
    """Packets of one flow that show one fault in one view capture."""

    kind: str
    owner: tuple
    file: str
    device: str
    protocol: int
    source: int
    source_port: int
    destination: int
    destination_port: int
    packets: int
    first_frame: int
    first: float
    last: float
    holders: list

    def describe(self):
        """Return one sentence saying what is wrong."""
        holders = ", ".join(self.holders) if self.holders else "no namespace"
        if self.kind == FOREIGN_SOURCE:
            return f"sent with source {address_text(self.source)}, held by {holders}"
        return f"delivered for {address_text(self.destination)}, held by {holders}"

    def to_json(self, owners):
        """Return the fault as a JSON-ready dict."""
        owner = owners[self.owner]
        return {
            "kind": self.kind,
            "host": owner.host,
            "namespace": owner.namespace,
            "namespace_id": owner.namespace_id,
            "file": self.file,
            "device": self.device,
            "protocol": protocol_text(self.protocol),
            "source": address_text(self.source),
            "source_port": self.source_port,
            "destination": address_text(self.destination),
            "destination_port": self.destination_port,
            "packets": self.packets,
            "first_frame": self.first_frame,
            "first": round(self.first, 9),
            "last": round(self.last, 9),
            "holders": self.holders,
            "description": self.describe(),
        }


@dataclass
class FileResult:
    """Outcome of reading one capture file."""

    capture: object
    packets: int = 0
    ipv4_packets: int = 0
    unresolved_direction: int = 0
    errors: list = field(default_factory=list)

    @property
    def ok(self):
        """Return whether the file was read completely."""
        return not self.errors


@dataclass
class Report:
    """Everything the command prints."""

    manifest: object
    files: list
    flows: dict
    faults: list

    @property
    def failed_files(self):
        """Return the files that could not be read completely."""
        return [result for result in self.files if not result.ok]


def _group(keys):
    """Sort rows by keys and return the sort order and the group start indices."""
    order = np.lexsort(keys[::-1])
    sorted_keys = [key[order] for key in keys]
    change = np.zeros(len(order), dtype=bool)
    if len(order):
        change[0] = True
    for key in sorted_keys:
        change[1:] |= key[1:] != key[:-1]
    return order, np.flatnonzero(change)


def flows_of(packets, capture, keep_times=False):
    """Aggregate the IPv4 packets of one file into flows, ordered by first packet."""
    rows = np.flatnonzero(packets.ipv4)
    if len(rows) == 0:
        return []
    endpoints = (packets.source[rows] << 32) | packets.destination[rows]
    ports = (packets.protocol[rows] << 32) | (packets.source_port[rows] << 16)
    ports |= packets.destination_port[rows]
    order, starts = _group([endpoints.astype(np.uint64), ports.astype(np.uint64)])
    ordered = rows[order]
    times = packets.time[ordered]
    counts = np.diff(np.append(starts, len(ordered)))
    byte_sums = np.add.reduceat(packets.length[ordered], starts)
    firsts = np.minimum.reduceat(times, starts)
    lasts = np.maximum.reduceat(times, starts)
    flows = []
    for index, start in enumerate(starts):
        row = ordered[start]
        flows.append(
            Flow(
                owner=capture.owner,
                device=capture.device,
                file=capture.name,
                protocol=int(packets.protocol[row]),
                source=int(packets.source[row]),
                source_port=int(packets.source_port[row]),
                destination=int(packets.destination[row]),
                destination_port=int(packets.destination_port[row]),
                packets=int(counts[index]),
                bytes=int(byte_sums[index]),
                first=float(firsts[index]),
                last=float(lasts[index]),
                times=times[start : start + counts[index]] if keep_times else None,
            )
        )
    flows.sort(key=lambda f: (f.first, f.protocol, f.source, f.source_port, f.destination))
    return flows


def _held_by(manifest, node_id, namespace_id, addresses):
    """Return, per address, whether the namespace holds it and whether another one does."""
    unique, inverse = np.unique(addresses, return_inverse=True)
    own = np.zeros(len(unique), dtype=bool)
    other = np.zeros(len(unique), dtype=bool)
    for index, value in enumerate(unique):
        holders = manifest.holders_of(node_id, int(value))
        own[index] = namespace_id in holders
        other[index] = bool(holders - {namespace_id})
    return own[inverse], other[inverse]


def view_directions(packets, capture, manifest):
    """Classify each frame of a view capture as sent, received, or undecided.

    A view shares its MAC address with the host device. A frame from another
    MAC was received; a unicast frame from the shared MAC to another MAC was
    sent. A frame from the shared MAC to the shared MAC or to a group address
    stayed inside the host: it was received when its destination address is
    the namespace's own, and is left undecided otherwise.
    """
    own_mac = np.uint64(mac_to_int(capture.mac))
    from_own = packets.source_mac == own_mac
    to_own = packets.destination_mac == own_mac
    to_group = (packets.destination_mac >> np.uint64(40)) & np.uint64(1) == np.uint64(1)
    destination_own, _ = _held_by(
        manifest, capture.node_id, capture.namespace_id, packets.destination
    )
    received = ~from_own | (to_own & destination_own)
    sent = from_own & ~to_own & ~to_group
    return sent, received, to_own


def _fault_groups(kind, mask, packets, capture, manifest, holder_addresses):
    """Aggregate the packets of a fault mask by flow."""
    rows = np.flatnonzero(mask)
    if len(rows) == 0:
        return []
    endpoints = ((packets.source[rows] << 32) | packets.destination[rows]).astype(np.uint64)
    ports = (packets.protocol[rows] << 32) | (packets.source_port[rows] << 16)
    ports = (ports | packets.destination_port[rows]).astype(np.uint64)
    order, starts = _group([endpoints, ports])
    ordered = rows[order]
    counts = np.diff(np.append(starts, len(ordered)))
    faults = []
    for index, start in enumerate(starts):
        members = ordered[start : start + counts[index]]
        row = members.min()
        address = int(holder_addresses[row])
        holders = sorted(
            str(manifest.namespace_names.get((capture.node_id, ns_id), ns_id))
            for ns_id in manifest.holders_of(capture.node_id, address)
        )
        faults.append(
            Fault(
                kind=kind,
                owner=capture.owner,
                file=capture.name,
                device=capture.device,
                protocol=int(packets.protocol[row]),
                source=int(packets.source[row]),
                source_port=int(packets.source_port[row]),
                destination=int(packets.destination[row]),
                destination_port=int(packets.destination_port[row]),
                packets=int(counts[index]),
                first_frame=int(row) + 1,
                first=float(packets.time[members].min()),
                last=float(packets.time[members].max()),
                holders=holders,
            )
        )
    return faults


def find_faults(packets, capture, manifest):
    """Return the faults one view capture shows and the number of undecided frames."""
    if capture.kind != "view" or not capture.mac or capture.namespace_id is None:
        return [], 0
    sent, received, to_own = view_directions(packets, capture, manifest)
    ipv4 = packets.ipv4
    source_own, source_other = _held_by(
        manifest, capture.node_id, capture.namespace_id, packets.source
    )
    destination_own, destination_other = _held_by(
        manifest, capture.node_id, capture.namespace_id, packets.destination
    )
    foreign = ipv4 & sent & source_other & ~source_own
    misdelivered = ipv4 & received & to_own & ~destination_own
    undecided = int(np.count_nonzero(ipv4 & ~sent & ~received))
    faults = _fault_groups(FOREIGN_SOURCE, foreign, packets, capture, manifest, packets.source)
    faults += _fault_groups(
        MISDELIVERED, misdelivered, packets, capture, manifest, packets.destination
    )
    return faults, undecided


def analyse(manifest, keep_times=False):
    """Read every file of a manifest; a file that fails is reported, not fatal."""
    results = []
    flows = {owner: [] for owner in manifest.owners}
    faults = []
    for capture in manifest.files:
        result = FileResult(capture=capture)
        results.append(result)
        try:
            packets = read_pcap(capture.path)
        except PcapError as error:
            result.errors.append(str(error))
            continue
        result.errors.extend(packets.errors)
        result.packets = len(packets)
        result.ipv4_packets = int(np.count_nonzero(packets.ipv4))
        flows[capture.owner].extend(flows_of(packets, capture, keep_times))
        file_faults, result.unresolved_direction = find_faults(packets, capture, manifest)
        faults.extend(file_faults)
    for owner_flows in flows.values():
        owner_flows.sort(key=lambda f: (f.first, f.device, f.protocol, f.source, f.source_port))
    faults.sort(key=lambda f: (f.owner[0], f.owner[1] or 0, f.file, f.first, f.kind))
    return Report(manifest=manifest, files=results, flows=flows, faults=faults)
