"""``hitech-targets reconcile [SPECS] --year Y [--entity E] [--as-of D] [--format F]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hitech_targets.commands._specs import add_specs_argument, load_specs

if TYPE_CHECKING:
    from hitech_targets.scorecard import Scorecard



def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "reconcile",
        help="score the goals of a year against the reported outcomes",
        description="Score every goal whose period ends in YEAR against the outcomes published "
        "by --as-of (default today): status, confidence, figures, reasons and evidence. JSON "
        "is a contract (decimals as strings, byte-identical for identical input); CSV is "
        "UTF-8 with a BOM.",
    )
    add_specs_argument(parser)
    parser.add_argument("--year", type=int, required=True, help="goals whose period ends then")
    parser.add_argument("--entity", help="only this entity's goals (default: every entity)")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="what was known that day")
    parser.add_argument("--grace-days", type=int, help="days after a period before no_evidence")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")
    parser.add_argument("-o", "--output", metavar="PATH", help="write here instead of stdout")
    parser.set_defaults(run=_run)


def render_json(card: Scorecard) -> bytes:
    import json

    return (json.dumps(card.to_json(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def render_csv(card: Scorecard) -> bytes:
    import csv
    import io

    from hitech_targets.scorecard import RECORD_FIELDS

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(RECORD_FIELDS), lineterminator="\r\n")
    writer.writeheader()
    for row in card.to_records():
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return buffer.getvalue().encode("utf-8-sig")


def render_table(card: Scorecard) -> bytes:
    from hitech_targets.commands._table import render

    rows = []
    for r in card.to_records():
        actual = "" if r["actual_value"] is None else f"{r['actual_value']} {r['actual_unit']}"
        rows.append(
            [
                ("  · " + r["part"]) if r["part"] else r["goal_id"],
                r["period"],
                r["status"] + (" (override)" if r["override"] else ""),
                r["confidence"],
                r["target"] or "",
                actual,
                r["margin"] or "",
                _deciding_reason(r),
            ]
        )
    headers = ["goal", "period", "status", "confidence", "target", "actual", "margin", "reason"]
    summary = "  ".join(f"{k} {v}" for k, v in card.summary().items())
    head = (
        f"{card.year} · {card.entity or 'all entities'} · as of {card.as_of.isoformat()}\n"
        f"{summary}\n\n"
    )
    return (head + render(headers, rows)).encode("utf-8")


def _run(args: argparse.Namespace) -> int:
    from hitech_targets.reconcile import reconcile

    ledger = load_specs("reconcile", args.specs)
    if isinstance(ledger, int):
        return ledger
    overrides = {} if args.grace_days is None else {"grace_days": args.grace_days}
    card = reconcile(ledger, args.year, entity=args.entity, as_of=args.as_of, **overrides)
    renderers = {"json": render_json, "csv": render_csv, "table": render_table}
    data = renderers[args.format](card)
    if args.output is None or args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    try:
        Path(args.output).write_bytes(data)
    except OSError as error:
        sys.stderr.write(f"hitech-targets reconcile: error: cannot write {args.output}: {error}\n")
        return 2
    return 0


def _deciding_reason(record: dict[str, Any]) -> str:
    """The reason that decided the status: an override's, else the last step's."""
    codes = record["reasons"].split(";") if record["reasons"] else []
    if not codes:
        return ""
    return str(codes[0] if record["override"] else codes[-1])
