"""``hitech-targets suggest [SPECS] --year Y``: rank later sentences that may report on goals.

Shows, for each milestone goal due in the year (and each figure goal still without an
outcome), the best sentences of later sources with their score, signal and matched words.
``--accept GOAL_ID:N`` writes suggestion N as an evidence Outcome into the spec of the source
the sentence comes from; nothing is written without it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from hitech_targets.commands._specs import add_specs_argument, load_specs

if TYPE_CHECKING:
    from hitech_targets.ledger import Ledger
    from hitech_targets.suggest import Suggestion


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "suggest",
        help="suggest sentences of later sources as evidence for milestone goals",
        description="Rank the sentences of later sources that may report on each milestone goal "
        "of a year (and each figure goal with no outcome yet). Nothing is written unless "
        "--accept GOAL_ID:N names a suggestion.",
    )
    add_specs_argument(parser)
    parser.add_argument("--year", type=int, required=True, help="the year the goals are due")
    parser.add_argument("--entity", help="only goals of this entity id")
    parser.add_argument("--as-of", dest="as_of", type=_date, help="only sources published by then")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--limit", type=int, default=5, help="suggestions per goal (default 5)")
    parser.add_argument(
        "--accept",
        metavar="GOAL_ID:N",
        help="write suggestion N of GOAL_ID as an evidence outcome into its source's spec",
    )
    parser.add_argument(
        "--progress",
        choices=("completed", "partial", "in_progress"),
        help="with --accept: the progress to record instead of the one the signal suggests",
    )
    parser.set_defaults(run=_run)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {text!r}") from None


def _run(args: argparse.Namespace) -> int:
    from hitech_targets.suggest import suggest_for_year, to_json

    if args.limit < 1:
        sys.stderr.write("hitech-targets suggest: error: --limit must be at least 1\n")
        return 2
    ledger = load_specs("suggest", args.specs)
    if isinstance(ledger, int):
        return ledger
    if args.entity is not None and args.entity not in {e.id for e in ledger.entities}:
        sys.stderr.write(f"error: unknown entity {args.entity!r}\n")
        return 1
    results = suggest_for_year(
        ledger, args.year, entity=args.entity, as_of=args.as_of, limit=args.limit
    )
    if args.accept is not None:
        return _accept(args, ledger, results)
    if args.format == "json":
        sys.stdout.write(json.dumps(to_json(results), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(_table(ledger, results))
    return 0


def _refuse(message: str) -> int:
    sys.stderr.write(f"error: {message}\n")
    return 1


def _accept(args: argparse.Namespace, ledger: Ledger, results: dict[str, list[Suggestion]]) -> int:
    from hitech_targets.errors import SpecError
    from hitech_targets.loader import load
    from hitech_targets.specedit import append_record
    from hitech_targets.suggest import evidence_record

    goal_id, _, rank_text = str(args.accept).rpartition(":")
    if not goal_id or not rank_text.isdigit():
        return _refuse(f"--accept takes GOAL_ID:N (N the rank shown), not {args.accept!r}")
    if goal_id not in results:
        return _refuse(
            f"{goal_id} is not a candidate goal of {args.year}; see the list without --accept"
        )
    goal = ledger.goal(goal_id)
    if not goal.is_milestone:
        return _refuse(
            f"{goal_id} is a figure goal: write an outcome with its metric and value by hand"
        )
    rank = int(rank_text)
    suggestions = results[goal_id]
    if not 1 <= rank <= len(suggestions):
        return _refuse(f"{goal_id} has {len(suggestions)} suggestion(s); there is no rank {rank}")
    chosen = suggestions[rank - 1]
    source = ledger.source(chosen.source)
    if source.origin is None:
        return _refuse(f"source {source.id} has no spec file to write to")
    path = Path(source.origin.path)
    entity = goal.entity if _default_entity(path) != goal.entity else None
    record = evidence_record(goal, chosen, progress=args.progress, entity=entity)
    taken = {g.id for g in ledger.goals} | {o.id for o in ledger.outcomes}
    if record["id"] in taken:
        return _refuse(f"id {record['id']} already exists; edit that record instead")
    before = path.read_bytes()
    append_record(path, "outcomes", record)
    try:
        load(args.specs)
    except SpecError as error:
        path.write_bytes(before)
        sys.stderr.write("error: the edited spec does not load; it was restored:\n")
        for problem in error.problems:
            sys.stderr.write(f"{problem}\n")
        return 1
    sys.stdout.write(
        f"wrote {record['id']} ({record['progress']}) to {path}\n"
        f"  quote: {record['quote']}\n"
        f"next: hitech-targets validate {args.specs} && hitech-targets reconcile {args.specs} "
        f"--year {goal.period.end.year}\n"
    )
    return 0


def _default_entity(path: Path) -> str | None:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    defaults = data.get("defaults") if isinstance(data, dict) else None
    entity = defaults.get("entity") if isinstance(defaults, dict) else None
    return entity if isinstance(entity, str) else None


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _fit(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` terminal columns (CJK characters count two)."""
    from hitech_targets.suggest import one_line

    line = one_line(text)
    if _width(line) <= width:
        return line + " " * (width - _width(line))
    out, used = "", 0
    for char in line:
        w = _width(char)
        if used + w > width - 1:
            break
        out, used = out + char, used + w
    return out + "…" + " " * (width - used - 1)


def _table(ledger: Ledger, results: dict[str, list[Suggestion]]) -> str:
    columns = max(shutil.get_terminal_size((120, 24)).columns, 80)
    lines: list[str] = []
    for goal_id in sorted(results):
        goal = ledger.goal(goal_id)
        lines.append(f"{goal_id}  [{goal.measure.value}]  {' '.join(goal.quote.split())}")
        if not results[goal_id]:
            lines.append("   (no sentence of a later source matches)")
        for s in results[goal_id]:
            status = s.suggested_status.value if s.suggested_status else "-"
            head = f"{s.rank:>3} {s.score!s:>8} {s.signal.value:<10} {status:<11} {s.source:<24} "
            matched = " ".join(s.matched)
            room = columns - _width(head) - min(_width(matched), 30) - 3
            lines.append(f"{head}{_fit(s.sentence, max(room, 20))} | {matched}")
        lines.append("")
    if not results:
        lines.append("no milestone goal (or figure goal without an outcome) is due in that year")
    return "\n".join(lines) + "\n"
