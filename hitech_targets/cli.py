"""The ``hitech-targets`` command: a thin layer over the public API.

Exit codes: 0 success, 1 the input is invalid (one problem per line on stderr), 2 usage error.
Bad input never produces a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from hitech_targets.errors import HitechTargetsError

#: Sub-command -> module in hitech_targets.commands that implements it.
COMMANDS: dict[str, str] = {
    "extract": "hitech_targets.commands.extract",
    "validate": "hitech_targets.commands.validate",
    "export": "hitech_targets.commands.export",
    "reconcile": "hitech_targets.commands.reconcile",
    "audit": "hitech_targets.commands.audit",
    "report": "hitech_targets.commands.report",
    "suggest": "hitech_targets.commands.suggest",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="hitech-targets",
        description="Structured, source-quoted goals and outcomes of Chinese zone reports.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name in COMMANDS:
        importlib.import_module(COMMANDS[name]).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except HitechTargetsError as error:
        for line in str(error).splitlines():
            sys.stderr.write(f"error: {line}\n")
        return 1
    except BrokenPipeError:
        return 0
    return code
