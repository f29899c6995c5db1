"""Load the JSON manifest that the netns capture helper writes beside its pcaps."""

import ipaddress
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST_FORMAT = "netns-capture-manifest"
SUPPORTED_VERSIONS = (1,)


class ManifestError(Exception):
    """A manifest that cannot be used at all."""


@dataclass
class CaptureFile:
    """One pcap file as the manifest lists it."""

    path: Path
    name: str
    kind: str
    node_id: int
    host: str
    namespace_id: object
    namespace: object
    device: str
    link_type: int
    direction: str
    mac: object
    netns_host: bool

    @property
    def owner(self):
        """Key of the namespace (or plain node, or host devices) the file belongs to."""
        return (self.node_id, self.namespace_id)


@dataclass
class Owner:
    """A namespace, the devices of a host, or a plain node, for grouping flows."""

    node_id: int
    host: str
    namespace_id: object
    namespace: object
    netns_host: bool

    @property
    def label(self):
        """Return the name printed for the owner."""
        if self.namespace_id is not None:
            return f"{self.host}/{self.namespace}"
        if self.netns_host:
            return f"{self.host} (host devices)"
        return self.host


@dataclass
class Manifest:
    """Files and address ownership of one capture run."""

    path: Path
    files: list
    owners: dict
    route_isolation: dict
    # (node id, IPv4 address as int) -> set of namespace ids holding it
    holders: dict = field(default_factory=dict)
    namespace_names: dict = field(default_factory=dict)
    # captures that failed while the simulation ran, as the writer reported them
    capture_errors: list = field(default_factory=list)

    def holders_of(self, node_id, address):
        """Return the ids of the namespaces of a host that hold an address."""
        return self.holders.get((node_id, address), frozenset())


def _require(entry, key, where):
    if key not in entry:
        raise ManifestError(f"{where} has no {key!r} field")
    return entry[key]


def _require_int(entry, key, where):
    """Return an integer field, rejecting floats (1e400 is infinity), strings and booleans."""
    value = _require(entry, key, where)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ManifestError(f"{where}: {key} must be an integer, not {value!r}")
    return value


def _optional_int(entry, key, where):
    """Return an integer field that may be null, rejecting other types."""
    value = entry.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ManifestError(f"{where}: {key} must be an integer or null, not {value!r}")
    return value


def _optional_str(entry, key, where):
    """Return a string field that may be null, rejecting other types."""
    value = entry.get(key)
    if value is not None and not isinstance(value, str):
        raise ManifestError(f"{where}: {key} must be a string or null, not {value!r}")
    return value


MAC_PATTERN = re.compile(r"[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}")


def _optional_mac(entry, where):
    """Return the mac field, null or six colon-separated hex octets."""
    mac = _optional_str(entry, "mac", where)
    if mac is not None and not MAC_PATTERN.fullmatch(mac):
        raise ManifestError(f"{where}: invalid MAC address {mac!r}; expected aa:bb:cc:dd:ee:ff")
    return mac


def _parse_file(entry, directory, index):
    where = f"files[{index}]"
    name = _require(entry, "file", where)
    if not isinstance(name, str) or "/" in name or "\0" in name or not name:
        raise ManifestError(f"{where}: invalid file name {name!r}")
    return CaptureFile(
        path=directory / name,
        name=name,
        kind=_require(entry, "kind", where),
        node_id=_require_int(entry, "node_id", where),
        host=str(_require(entry, "host", where)),
        namespace_id=_optional_int(entry, "namespace_id", where),
        namespace=_optional_str(entry, "namespace", where),
        device=str(_require(entry, "device", where)),
        link_type=_require_int(entry, "link_type", where),
        direction=str(entry.get("direction", "both")),
        mac=_optional_mac(entry, where),
        netns_host=bool(entry.get("netns_host", False)),
    )


def _address_value(text, where):
    try:
        return int(ipaddress.IPv4Address(text))
    except ValueError:
        raise ManifestError(f"{where}: invalid IPv4 address {text!r}") from None


def _parse_nodes(nodes, manifest):
    for index, node in enumerate(nodes):
        where = f"nodes[{index}]"
        node_id = _require_int(node, "node_id", where)
        if not node.get("netns_host"):
            continue
        manifest.route_isolation[node_id] = bool(node.get("route_isolation", False))
        for ns_index, namespace in enumerate(node.get("namespaces", [])):
            ns_where = f"{where}.namespaces[{ns_index}]"
            namespace_id = _require_int(namespace, "id", ns_where)
            manifest.namespace_names[(node_id, namespace_id)] = namespace.get("name")
            for address in namespace.get("addresses", []):
                value = _address_value(_require(address, "address", ns_where), ns_where)
                manifest.holders.setdefault((node_id, value), set()).add(namespace_id)


def _parse_capture_errors(errors):
    """Return the manifest's list of capture failures, each a string."""
    if not isinstance(errors, list) or not all(isinstance(error, str) for error in errors):
        raise ManifestError(f"errors must be a list of strings, not {errors!r}")
    return list(errors)


def load_manifest(path):
    """Read and check a manifest; raises ManifestError naming the problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ManifestError(f"{path}: manifest not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ManifestError(f"{path}: cannot read the manifest: {error}") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ManifestError(
            f"{path}: invalid JSON at line {error.lineno} column {error.colno}: {error.msg}"
        ) from None
    except RecursionError:
        raise ManifestError(f"{path}: invalid manifest: JSON nested too deeply") from None
    except ValueError as error:
        # Python 3.11 rejects integers of more than 4300 digits with a plain ValueError.
        raise ManifestError(f"{path}: invalid JSON: {error}") from None
    if not isinstance(document, dict) or document.get("format") != MANIFEST_FORMAT:
        raise ManifestError(f"{path}: not a netns capture manifest (no format {MANIFEST_FORMAT!r})")
    if document.get("version") not in SUPPORTED_VERSIONS:
        raise ManifestError(
            f"{path}: unsupported manifest version {document.get('version')!r}; "
            f"this tool reads version {', '.join(map(str, SUPPORTED_VERSIONS))}"
        )
    try:
        files = [
            _parse_file(entry, path.parent, index)
            for index, entry in enumerate(document.get("files", []))
        ]
        manifest = Manifest(path=path, files=files, owners={}, route_isolation={})
        _parse_nodes(document.get("nodes", []), manifest)
        manifest.capture_errors = _parse_capture_errors(document.get("errors", []))
    except ManifestError as error:
        raise ManifestError(f"{path}: {error}") from None
    except (TypeError, ValueError, AttributeError, OverflowError) as error:
        raise ManifestError(f"{path}: malformed entry: {error}") from None
    for capture in files:
        if capture.owner not in manifest.owners:
            manifest.owners[capture.owner] = Owner(
                node_id=capture.node_id,
                host=capture.host,
                namespace_id=capture.namespace_id,
                namespace=capture.namespace,
                netns_host=capture.netns_host,
            )
    return manifest
