"""``hitech-targets report [SPECS] --year Y [--entity E] [--as-of D] --locale L --format F
[-o PATH]``: the yearly compliance report."""

from __future__ import annotations

import argparse
import sys

from hitech_targets.commands._specs import add_specs_argument, load_specs

LOCALE_CHOICES = ("zh_Hans_CN", "zh_Hant_TW", "en")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "report",
        help="the yearly compliance report in HTML, Markdown, JSON or CSV",
        description="Render the compliance report of YEAR: headline counts, every goal with its "
        "quote, figures, status and evidence, audit findings, charts, methodology and sources, "
        "in simplified Chinese, traditional Chinese or English. Output is byte-identical for "
        "identical input; -o writes atomically.",
    )
    add_specs_argument(parser)
    parser.add_argument("--year", type=int, required=True, help="goals whose period ends then")
    parser.add_argument("--entity", help="only this entity's goals (default: every entity)")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="what was known that day")
    parser.add_argument("--grace-days", type=int, help="days after a period before no_evidence")
    parser.add_argument(
        "--locale",
        default="en",
        metavar="LOCALE",
        help=f"{' | '.join(LOCALE_CHOICES)} (zh-Hans, zh-Hant accepted; default: en)",
    )
    parser.add_argument("--format", choices=("html", "md", "json", "csv"), default="html")
    parser.add_argument(
        "--build-time", action="store_true", help="stamp the build time (output then varies)"
    )
    parser.add_argument("-o", "--output", metavar="PATH", help="write here instead of stdout")
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    from hitech_targets.l10n import resolve_locale
    from hitech_targets.reconcile import reconcile
    from hitech_targets.report import report, write_report

    locale = resolve_locale(args.locale)  # before loading: a typo fails fast
    ledger = load_specs("report", args.specs)
    if isinstance(ledger, int):
        return ledger
    overrides = {} if args.grace_days is None else {"grace_days": args.grace_days}
    card = reconcile(ledger, args.year, entity=args.entity, as_of=args.as_of, **overrides)
    options = {"locale": locale, "format": args.format, "include_build_time": args.build_time}
    if args.output is None or args.output == "-":
        sys.stdout.buffer.write(report(card, **options).encode("utf-8"))
        sys.stdout.buffer.flush()
        return 0
    try:
        write_report(card, args.output, **options)
    except OSError as error:
        sys.stderr.write(f"hitech-targets report: error: cannot write {args.output}: {error}\n")
        return 2
    return 0
