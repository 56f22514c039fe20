"""``hitech-targets validate [PATH...]``: load specs and report every problem, or a summary."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEFAULT_PATH = "specs/"


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "validate",
        help="check spec files: syntax, references, quotes and figures against the sources",
        description="Load spec files and report every problem as FILE:LINE:COL: message "
        "(exit 1), or print a one-line summary (exit 0).",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help=f"spec directories or files (default: {DEFAULT_PATH})")
    parser.add_argument("--coverage", action="store_true",
                        help="also check completeness: every figure that extract finds in a "
                        "source text must be captured by a record of its spec or ignored with a "
                        "reason; prints the figures per document and exits 1 below 100%%")
    parser.set_defaults(run=_run)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _run(args: argparse.Namespace) -> int:
    from hitech_targets.errors import SpecError
    from hitech_targets.loader import load

    paths: list[str] = list(args.paths) or [DEFAULT_PATH]
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        for path in missing:
            sys.stderr.write(f"hitech-targets validate: error: no such file or directory: "
                             f"{path}\n")
        return 2
    try:
        ledger = load(paths)
    except SpecError as error:
        for problem in error.problems:
            sys.stderr.write(f"{problem}\n")
        return 1
    where = ", ".join(p.rstrip("/") or p for p in paths)
    sys.stdout.write(
        f"{where}: {_plural(len(ledger.sources), 'source')}, {_plural(len(ledger.goals), 'goal')}"
        f", {_plural(len(ledger.outcomes), 'outcome')}: valid\n"
    )
    if args.coverage:
        from hitech_targets.coverage import document_coverage, format_coverage

        coverages = document_coverage(ledger)
        sys.stdout.write(format_coverage(coverages, ledger))
        missing_count = sum(len(c.uncovered) for c in coverages)
        if missing_count:
            sys.stderr.write(
                f"coverage: {missing_count} figure(s) of the source texts are neither captured "
                "nor ignored (listed above as 'uncovered FILE:LINE')\n"
            )
            return 1
    return 0
