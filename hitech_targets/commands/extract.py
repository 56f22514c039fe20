"""``hitech-targets extract FILE... [--format json|table]``: the claims of source documents.

The JSON form is a contract (see ``docs/extract.md``): one array, one object per claim, keys
``file start end quote subject kind measure value low high unit classifier comparator strength
preliminary``; decimals as strings in base units; byte-identical output for identical input.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hitech_targets.commands._table import render, width
from hitech_targets.quantity import decimal_str

if TYPE_CHECKING:  # the extractor compiles its grammar on import: loaded when the command runs
    from hitech_targets.extract import Claim


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "extract",
        help="list every numeric goal and result of source documents",
        description="List every numeric goal and outcome statement of UTF-8 text files.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text of a source")
    parser.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="table (default, for reading) or json (the contract)",
    )
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    texts: list[tuple[str, str]] = []
    failed = False
    for name in args.files:
        try:
            texts.append((name, Path(name).read_bytes().decode("utf-8")))
        except UnicodeDecodeError as error:
            sys.stderr.write(f"error: {name}: not UTF-8 (byte {error.start})\n")
            failed = True
        except OSError as error:
            sys.stderr.write(f"error: {name}: {error.strerror or error}\n")
            failed = True
    if failed:
        return 1
    from hitech_targets.extract import extract_claims

    results = [(name, extract_claims(text)) for name, text in texts]
    if args.format == "json":
        sys.stdout.write(claims_json(results))
    else:
        sys.stdout.write(claims_table(results))
    return 0


def claim_record(file: str, claim: Claim) -> dict[str, Any]:
    """The JSON contract object of one claim."""
    quantity = claim.quantity
    return {
        "file": file,
        "start": claim.start,
        "end": claim.end,
        "quote": claim.quote,
        "subject": claim.subject,
        "kind": claim.kind,
        "measure": claim.measure.value,
        "value": decimal_str(quantity.value),
        "low": decimal_str(quantity.low),
        "high": decimal_str(quantity.high),
        "unit": quantity.unit.value,
        "classifier": quantity.classifier,
        "comparator": quantity.comparator.value,
        "strength": claim.strength.value if claim.strength is not None else None,
        "preliminary": claim.preliminary,
    }


def claims_json(results: list[tuple[str, list[Claim]]]) -> str:
    """One JSON array of every claim, files in the order given, claims in document order."""
    records = [claim_record(name, claim) for name, claims in results for claim in claims]
    return json.dumps(records, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


#: Subjects longer than this many terminal columns are cut in the table (never in JSON).
_SUBJECT_COLUMNS = 30


def _clip(text: str, columns: int) -> str:
    """``text`` cut to ``columns`` terminal columns, with … when cut."""
    if width(text) <= columns:
        return text
    while width(text) > columns - 1:
        text = text[:-1]
    return text + "…"


def _figure(claim: Claim) -> str:
    quantity = claim.quantity
    if quantity.value is None:
        return f"{decimal_str(quantity.low)}..{decimal_str(quantity.high)}"
    sign = "" if quantity.comparator.value == "=" else quantity.comparator.value
    return f"{sign}{decimal_str(quantity.value)}"


def claims_table(results: list[tuple[str, list[Claim]]]) -> str:
    """Per file, aligned columns for a terminal (CJK characters count two columns)."""
    header = ("AT", "KIND", "MEASURE", "FIGURE", "UNIT", "STRENGTH", "SUBJECT", "QUOTE")
    blocks: list[str] = []
    for name, claims in results:
        rows = [
            (
                str(claim.start),
                claim.kind + ("*" if claim.preliminary else ""),
                claim.measure.value,
                _figure(claim),
                claim.quantity.unit.value,
                claim.strength.value if claim.strength is not None else "",
                _clip(claim.subject, _SUBJECT_COLUMNS) or "-",
                " ".join(claim.quote.split()),
            )
            for claim in claims
        ]
        blocks.append(f"{name}: {len(claims)} claims\n" + render(header, rows))
    text = "\n".join(blocks)
    if any(claim.preliminary for _, claims in results for claim in claims):
        text += "\n* preliminary (预计/有望/初步)\n"
    return text
