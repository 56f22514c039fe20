"""``hitech-targets export [SPECS] --format json|csv [-o PATH]``: the normalised records."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hitech_targets.commands._specs import add_specs_argument, load_specs


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "export",
        help="write every goal and outcome as JSON or CSV rows",
        description="Export the goals (then the outcomes) of the specs, sorted by id, with "
        "decimals as strings in base units. CSV is UTF-8 with a BOM.",
    )
    add_specs_argument(parser)
    parser.add_argument("--format", choices=("json", "csv"), default="json",
                        help="output format (default: json)")
    parser.add_argument("-o", "--output", metavar="PATH", help="write here instead of stdout")
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    from hitech_targets.export import to_csv, to_json

    ledger = load_specs("export", args.specs)
    if isinstance(ledger, int):
        return ledger
    data = to_json(ledger).encode("utf-8") if args.format == "json" else to_csv(ledger)
    if args.output is None or args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    try:
        Path(args.output).write_bytes(data)
    except OSError as error:
        sys.stderr.write(f"hitech-targets export: error: cannot write {args.output}: "
                         f"{error.strerror or error}\n")
        return 2
    return 0
