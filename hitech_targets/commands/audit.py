"""``hitech-targets audit [SPECS] [--year Y] [--entity E] [--as-of D] [--format json|table]``."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from hitech_targets.commands._specs import add_specs_argument, load_specs

if TYPE_CHECKING:
    from hitech_targets.audit import Finding, SelectiveReporting



def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "audit",
        help="find figures that disagree between reports, and goals nobody reports on",
        description="Cross-report audit: growth that disagrees with the levels, figures that "
        "differ between reports, preliminary figures revised, attainments that do not add "
        "up, and per year the share of goals no later report mentions. JSON is a contract.",
    )
    add_specs_argument(parser)
    parser.add_argument("--year", type=int, help="only figures and goals of this year")
    parser.add_argument("--entity", help="only this entity")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="what was known that day")
    parser.add_argument("--format", choices=("json", "table"), default="json")
    parser.set_defaults(run=_run)


def render_json(findings: tuple[Finding, ...], selective: tuple[SelectiveReporting, ...]) -> bytes:
    import json

    data = {
        "findings": [f.to_json() for f in findings],
        "selective_reporting": [s.to_json() for s in selective],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def render_table(findings: tuple[Finding, ...], selective: tuple[SelectiveReporting, ...]) -> bytes:
    from hitech_targets.commands._table import render

    rows = [
        [
            f.code,
            str(f.year or ""),
            f.metric or "",
            f.period or "",
            ", ".join(f.records),
            "; ".join(f"{k}={v}" for k, v in f.params if k not in ("as_of",)),
        ]
        for f in findings
    ]
    text = render(["finding", "year", "metric", "period", "records", "details"], rows)
    srows = [
        [
            str(s.year),
            str(s.goals),
            str(s.mentioned),
            str(s.not_mentioned),
            "" if s.rate is None else f"{s.rate * 100:.1f}%",
        ]
        for s in selective
    ]
    text += "\nselective reporting\n" + render(
        ["year", "goals past grace", "mentioned", "not mentioned", "rate"], srows
    )
    return text.encode("utf-8")


def _run(args: argparse.Namespace) -> int:
    from hitech_targets.audit import audit, selective_reporting

    ledger = load_specs("audit", args.specs)
    if isinstance(ledger, int):
        return ledger
    findings = audit(ledger, year=args.year, entity=args.entity, as_of=args.as_of)
    selective = selective_reporting(ledger, year=args.year, entity=args.entity, as_of=args.as_of)
    render = render_json if args.format == "json" else render_table
    sys.stdout.buffer.write(render(findings, selective))
    sys.stdout.buffer.flush()
    return 0
