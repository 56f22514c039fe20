"""Rebuild the report's gettext catalogs with babel's own tooling (pybabel).

    .venv/bin/python scripts/build_catalogs.py          # extract -> update (or init) -> compile
    .venv/bin/python scripts/build_catalogs.py --check  # fail if a catalog is stale or incomplete

Extraction follows ``babel.cfg`` (Python sources and the Jinja2 templates, through
``jinja2.ext:babel_extract``) into ``hitech_targets/locales/hitech_targets.pot``; each locale's
``.po`` is updated from it (created when missing) and compiled to ``.mo``. Translations are
written in the ``.po`` files; ``--check`` verifies every message is translated, nothing is
fuzzy, and each committed ``.mo`` is what compiling its ``.po`` gives.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "hitech_targets" / "locales"
DOMAIN = "hitech_targets"
POT = LOCALE_DIR / f"{DOMAIN}.pot"
LOCALES = ("zh_Hans_CN", "zh_Hant_TW", "en")


def _pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])  # type: ignore[no-untyped-call]


def _po(locale: str) -> Path:
    return LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def build() -> None:
    """Extract, update (or initialise) and compile every locale's catalog."""
    LOCALE_DIR.mkdir(parents=True, exist_ok=True)
    os.chdir(ROOT)  # source locations in the catalogs are relative to the repository
    _pybabel(
        "extract", "-F", str(ROOT / "babel.cfg"), "-o", str(POT),
        "--project", "hitech-targets", "--version", "0.1.0", "--sort-by-file",
        "--copyright-holder", "hitech-targets contributors", "--no-wrap", ".",
    )  # fmt: skip
    for locale in LOCALES:
        if _po(locale).exists():
            _pybabel(
                "update", "-i", str(POT), "-d", str(LOCALE_DIR), "-D", DOMAIN, "-l", locale,
                "--no-fuzzy-matching", "--ignore-obsolete", "--no-wrap",
            )  # fmt: skip
        else:
            _pybabel(
                "init", "-i", str(POT), "-d", str(LOCALE_DIR), "-D", DOMAIN, "-l", locale,
                "--no-wrap",
            )  # fmt: skip
    _pybabel("compile", "-d", str(LOCALE_DIR), "-D", DOMAIN, "--statistics")


def problems() -> list[str]:
    """What is stale or incomplete in the committed catalogs (empty when all is well)."""
    found: list[str] = []
    with POT.open("rb") as handle:
        template = read_po(handle)
    wanted = {m.id for m in template if m.id}
    for locale in LOCALES:
        with _po(locale).open("rb") as handle:
            catalog = read_po(handle, locale=locale)
        have = {m.id for m in catalog if m.id}
        found += [f"{locale}: missing {m!r}" for m in sorted(wanted - have, key=str)]
        for message in catalog:
            if message.id and (not message.string or message.fuzzy):
                found.append(f"{locale}: untranslated or fuzzy {message.id!r}")
        compiled = io.BytesIO()
        write_mo(compiled, catalog)
        mo = _po(locale).with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != compiled.getvalue():
            found.append(f"{locale}: {mo.name} is not the compiled {_po(locale).name}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify instead of rebuilding")
    args = parser.parse_args(argv)
    if args.check:
        issues = problems()
        for issue in issues:
            sys.stderr.write(issue + "\n")
        return 1 if issues else 0
    build()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
