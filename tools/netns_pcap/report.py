"""Print an analysis as a table or as JSON, and draw timelines."""

import json
from pathlib import Path

from .analysis import address_text, protocol_text


def _endpoint(address, port, protocol):
    text = address_text(address)
    return f"{text}:{port}" if protocol_text(protocol) in ("tcp", "udp") else text


def _owner_order(report):
    return sorted(report.manifest.owners, key=lambda key: (key[0], -1 if key[1] is None else key[1]))


def format_table(report):
    """Return the analysis as text: flows per namespace, faults, file problems."""
    owners = report.manifest.owners
    lines = []
    for key in _owner_order(report):
        owner = owners[key]
        flows = report.flows[key]
        lines.append(f"== {owner.label} ({len(flows)} flows)")
        if flows:
            lines.append(
                f"  {'device':<8} {'proto':<5} {'source':<21} {'destination':<21} "
                f"{'packets':>8} {'bytes':>10} {'first s':>12} {'last s':>12}"
            )
        for flow in flows:
            lines.append(
                f"  {flow.device:<8} {protocol_text(flow.protocol):<5} "
                f"{_endpoint(flow.source, flow.source_port, flow.protocol):<21} "
                f"{_endpoint(flow.destination, flow.destination_port, flow.protocol):<21} "
                f"{flow.packets:>8} {flow.bytes:>10} {flow.first:>12.6f} {flow.last:>12.6f}"
            )
        lines.append("")
    lines.append(f"Faults of the 2006 namespace patch: {len(report.faults)}")
    for fault in report.faults:
        owner = owners[fault.owner]
        lines.append(
            f"  {fault.kind:<15} {owner.label} {fault.device}: "
            f"{protocol_text(fault.protocol)} "
            f"{_endpoint(fault.source, fault.source_port, fault.protocol)} -> "
            f"{_endpoint(fault.destination, fault.destination_port, fault.protocol)}, "
            f"{fault.packets} packets from frame {fault.first_frame} "
            f"({fault.first:.6f} s) in {fault.file}: {fault.describe()}"
        )
    undecided = sum(result.unresolved_direction for result in report.files)
    if undecided:
        lines.append(
            f"  {undecided} host-internal frames of unknown direction were not checked"
        )
    for error in report.manifest.capture_errors:
        lines.append(f"error: {report.manifest.path}: capture failed: {error}")
    for result in report.failed_files:
        for error in result.errors:
            lines.append(f"error: {result.capture.path}: {error}")
    return "\n".join(lines) + "\n"


def to_json(report):
    """Return the analysis as a JSON document (a str)."""
    owners = report.manifest.owners
    document = {
        "manifest": str(report.manifest.path),
        "files": [
            {
                "file": result.capture.name,
                "path": str(result.capture.path),
                "host": result.capture.host,
                "namespace": result.capture.namespace,
                "device": result.capture.device,
                "kind": result.capture.kind,
                "link_type": result.capture.link_type,
                "status": "ok" if result.ok else "error",
                "errors": result.errors,
                "packets": result.packets,
                "ipv4_packets": result.ipv4_packets,
                "unresolved_direction": result.unresolved_direction,
            }
            for result in report.files
        ],
        "namespaces": [
            {
                "label": owners[key].label,
                "node_id": owners[key].node_id,
                "host": owners[key].host,
                "namespace_id": owners[key].namespace_id,
                "namespace": owners[key].namespace,
                "flows": [flow.to_json() for flow in report.flows[key]],
            }
            for key in _owner_order(report)
        ],
        "faults": [fault.to_json(owners) for fault in report.faults],
        "errors": [
            f"{report.manifest.path}: capture failed: {error}"
            for error in report.manifest.capture_errors
        ]
        + [
            f"{result.capture.path}: {error}"
            for result in report.failed_files
            for error in result.errors
        ],
    }
    return json.dumps(document, indent=2) + "\n"


def plot_file_name(owner):
    """Return the PNG name of an owner's timeline, built like the pcap names."""
    parts = [owner.host] + ([owner.namespace] if owner.namespace_id is not None else [])
    encoded = []
    for part in parts:
        encoded.append(
            "".join(
                c if c.isascii() and (c.isalnum() or c in ".-") else "".join(
                    f"%{b:02X}" for b in c.encode("utf-8")
                )
                for c in str(part)
            )
        )
    suffix = f"@{owner.namespace_id}" if owner.namespace_id is not None else ""
    return "timeline_" + "_".join(encoded) + suffix + ".png"


# Points drawn per flow at most; longer flows are thinned evenly.
MAX_POINTS_PER_FLOW = 20000


def plot_timelines(report, directory):
    """Write one PNG per namespace: a row per flow, a mark per packet.

    Returns the paths written.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for key in _owner_order(report):
        owner = report.manifest.owners[key]
        flows = report.flows[key]
        height = 1.5 + 0.3 * max(len(flows), 1)
        figure, axes = plt.subplots(figsize=(10, min(height, 40)))
        labels = []
        for row, flow in enumerate(flows):
            times = flow.times if flow.times is not None else [flow.first, flow.last]
            step = max(1, len(times) // MAX_POINTS_PER_FLOW)
            axes.plot(times[::step], [row] * len(times[::step]), "|", markersize=8)
            labels.append(
                f"{flow.device} {protocol_text(flow.protocol)} "
                f"{_endpoint(flow.source, flow.source_port, flow.protocol)} > "
                f"{_endpoint(flow.destination, flow.destination_port, flow.protocol)}"
            )
        axes.set_yticks(range(len(labels)))
        axes.set_yticklabels(labels, fontsize=7)
        axes.set_xlabel("simulation time (s)")
        axes.set_title(f"{owner.label}: {len(flows)} flows")
        if not flows:
            axes.text(0.5, 0.5, "no IPv4 traffic", ha="center", transform=axes.transAxes)
        figure.tight_layout()
        path = directory / plot_file_name(owner)
        figure.savefig(path, dpi=100, metadata={"Software": None})
        plt.close(figure)
        written.append(path)
    return written
