"""Command line of netns-pcap-analyze."""

import argparse
import sys

from .analysis import analyse
from .manifest import ManifestError, load_manifest

EXIT_OK = 0
EXIT_FILE_ERROR = 1
EXIT_USAGE = 2
EXIT_FAULTS = 3


def build_parser():
    """Return the argument parser."""
    parser = argparse.ArgumentParser(
        prog="netns-pcap-analyze",
        description=(
            "Summarise the flows of each network namespace from the pcaps that the "
            "netns capture helper wrote, and flag the faults of the June 2006 namespace "
            "patch: packets sent with another namespace's source address, and packets "
            "delivered to a namespace that does not hold their destination address."
        ),
        epilog=(
            f"Exit status: {EXIT_OK} success; {EXIT_FILE_ERROR} a pcap file is missing, "
            f"truncated or not a pcap (the others are still analysed), or the manifest "
            f"lists a capture that failed during the run; {EXIT_USAGE} bad "
            f"arguments or an unusable manifest; {EXIT_FAULTS} faults found with "
            f"--fail-on-fault."
        ),
    )
    parser.add_argument("manifest", help="the PREFIX_manifest.json file written with the pcaps")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument(
        "--plot",
        metavar="DIR",
        help="also write one timeline PNG per namespace into DIR (created if missing)",
    )
    parser.add_argument(
        "--fail-on-fault",
        action="store_true",
        help=f"exit with status {EXIT_FAULTS} when faults are found",
    )
    return parser


def main(argv=None):
    """Run the command; returns the exit status."""
    arguments = build_parser().parse_args(argv)
    try:
        manifest = load_manifest(arguments.manifest)
    except ManifestError as error:
        print(f"netns-pcap-analyze: error: {error}", file=sys.stderr)
        return EXIT_USAGE

    report = analyse(manifest, keep_times=arguments.plot is not None)

    if arguments.json:
        from .report import to_json

        sys.stdout.write(to_json(report))
    else:
        from .report import format_table

        sys.stdout.write(format_table(report))

    if arguments.plot is not None:
        from .report import plot_timelines

        try:
            plot_timelines(report, arguments.plot)
        except OSError as error:
            print(
                f"netns-pcap-analyze: error: cannot write plots to {arguments.plot}: "
                f"{error.strerror}",
                file=sys.stderr,
            )
            return EXIT_USAGE

    for error in manifest.capture_errors:
        print(f"netns-pcap-analyze: {manifest.path}: capture failed: {error}", file=sys.stderr)
    for result in report.failed_files:
        for error in result.errors:
            print(f"netns-pcap-analyze: {result.capture.path}: {error}", file=sys.stderr)
    if report.failed_files or manifest.capture_errors:
        return EXIT_FILE_ERROR
    if arguments.fail_on_fault and report.faults:
        return EXIT_FAULTS
    return EXIT_OK
