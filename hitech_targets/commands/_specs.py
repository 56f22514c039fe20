"""What the commands that read specs share: the SPECS argument and loading it or an exit code."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hitech_targets.ledger import Ledger

DEFAULT_PATH = "specs"


def add_specs_argument(parser: argparse.ArgumentParser) -> None:
    """The optional positional SPECS (a directory or a file), ``specs`` by default."""
    parser.add_argument(
        "specs",
        nargs="?",
        default=DEFAULT_PATH,
        metavar="SPECS",
        help=f"spec directory or file (default: {DEFAULT_PATH})",
    )


def load_specs(command: str, path: str) -> Ledger | int:
    """The Ledger of ``path``, or the exit code after saying why not on stderr.

    A missing path is a usage error (2); invalid specs print one problem per line (1).
    """
    from hitech_targets.errors import SpecError
    from hitech_targets.loader import load

    if not Path(path).exists():
        sys.stderr.write(f"hitech-targets {command}: error: no such file or directory: {path}\n")
        return 2
    try:
        return load(path)
    except SpecError as error:
        for problem in error.problems:
            sys.stderr.write(f"{problem}\n")
        return 1
