"""Write docs/tutorial.ipynb from the cells below, execute it, and save it with its outputs.

Run ``python3 scripts/build_notebook.py`` after changing the cells, the specs or anything the
notebook shows. The output is deterministic: cell ids are numbered, execution timing and other
metadata that change from run to run are stripped, so an unchanged notebook rebuilds to the same
bytes. ``tests/test_notebook.py`` executes the committed notebook and checks that its cells are
the ones written here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "docs" / "tutorial.ipynb"
KERNEL = "python3"
TIMEOUT = 300

#: (kind, source) pairs: "md" for Markdown cells, "py" for code cells.
CELLS: list[tuple[str, str]] = [
    (
        "md",
        """# hitech-targets tutorial

Load the bundled specs, score the goals of 2025 and 2026 as known on 22 November 2026, look at
the verdicts as a table, a DataFrame and a chart, audit the reports, and write a compliance
report. Run it from the repository root or from `docs/`. The command-line equivalents are in
the [quickstart](quickstart.md).""",
    ),
    (
        "py",
        """import tempfile
from pathlib import Path

from IPython.display import SVG

from hitech_targets import audit, load

# The repository root: where this notebook is run from, or the parent of docs/.
ROOT = Path.cwd() if (Path.cwd() / "specs").is_dir() else Path.cwd().parent""",
    ),
    (
        "md",
        """## Load the specs

`load` reads every spec file, checks each quote against its source text and each figure
against its quote, and returns a `Ledger`; any problem raises `SpecError` listing them all.""",
    ),
    (
        "py",
        """ledger = load(ROOT / "specs")
print(len(ledger.sources), "sources,", len(ledger.goals), "goals,",
      len(ledger.outcomes), "outcomes")
for source in ledger.sources:
    print(source.published, source.id, "-", source.title)""",
    ),
    (
        "md",
        """## Reconcile two years

`as_of` is the day of knowledge: only sources published by then count. The goals of 2025 have
been reported on (the 2026 work report); those of 2026 are still running.""",
    ),
    (
        "py",
        """AS_OF = "2026-11-22"
card_2025 = ledger.reconcile(year=2025, as_of=AS_OF)
card_2026 = ledger.reconcile(year=2026, as_of=AS_OF)
print("2025:", card_2025.summary())
print("2026:", card_2026.summary())""",
    ),
    (
        "md",
        """## The scorecard as a table

A `Scorecard` shows itself as a colour-coded table in Jupyter; the status is written out too,
never shown by colour alone.""",
    ),
    ("py", "card_2025"),
    (
        "md",
        """## As a DataFrame

`to_dataframe()` gives one row per goal (and per part of a compound goal), with the target, the
actual figure, margin, attainment, status, confidence and reasons.""",
    ),
    (
        "py",
        """df = card_2026.to_dataframe()
df[["goal_id", "metric", "target", "status", "confidence"]].head(10)""",
    ),
    (
        "py",
        """import pandas as pd

both = pd.concat([card_2025.to_dataframe(), card_2026.to_dataframe()], keys=[2025, 2026])
both.groupby([both.index.get_level_values(0), "status"]).size().rename("goals")""",
    ),
    (
        "md",
        """## A chart

The report draws its charts as inline SVG (no JavaScript). The headline metrics over the years
known on the as-of date, targets as diamonds:""",
    ),
    (
        "py",
        """from hitech_targets.l10n import localiser
from hitech_targets.report_charts import headline_charts

charts = headline_charts(card_2025, localiser("en"))
for chart in charts:
    print(chart.title)
chart = next((c for c in charts if c.title.startswith("Value added")), charts[0])
SVG(str(chart.svg))""",
    ),
    (
        "md",
        """## The audit

`audit` looks for figures that disagree between reports, preliminary figures revised by final
ones, attainments that do not add up, and goals that no later report mentions.""",
    ),
    (
        "py",
        """findings = audit(ledger, year=2025, as_of=AS_OF)
for finding in findings:
    print(finding.code, finding.metric, finding.period, ", ".join(finding.records))
rate = card_2025.selective_reporting_rate()
print("selective-reporting rate 2025:", "n/a" if rate is None else f"{rate:.1%}")""",
    ),
    (
        "md",
        """## Write the report

`write_report` renders the whole report, then moves it into place atomically. Here it goes to a
temporary directory; `format` is `html`, `md`, `json` or `csv`, `locale` `en`, `zh_Hans_CN` or
`zh_Hant_TW`.""",
    ),
    (
        "py",
        """from hitech_targets.report import write_report

out_dir = Path(tempfile.mkdtemp())
html_path = write_report(card_2025, out_dir / "report-2025.html", locale="en")
md_path = write_report(card_2025, out_dir / "report-2025.md", locale="zh_Hant_TW", format="md")
print(html_path.name, html_path.stat().st_size, "bytes")
print("\\n".join(md_path.read_text(encoding="utf-8").splitlines()[:3]))""",
    ),
    (
        "md",
        """In a notebook the report can also be shown inline:
`HTML(card_2025.report(locale="en"))`.
Next: [writing a spec for a new report](writing-specs.md).""",
    ),
]


def build() -> Any:
    """A fresh notebook of CELLS, without outputs, with stable cell ids and metadata."""
    nb = nbformat.v4.new_notebook()  # type: ignore[no-untyped-call]
    for index, (kind, source) in enumerate(CELLS):
        new = nbformat.v4.new_markdown_cell if kind == "md" else nbformat.v4.new_code_cell
        cell = new(source)  # type: ignore[no-untyped-call]
        cell["id"] = f"cell-{index:02d}"
        nb.cells.append(cell)
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": KERNEL},
        "language_info": {"name": "python"},
    }
    return nb


def ensure_kernel() -> None:
    """Make the python3 kernel findable: jupyter_client offers ipykernel's own when it is
    installed; where even that is missing, install its kernelspec for the user."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec(KERNEL)
    except NoSuchKernel:
        from ipykernel.kernelspec import install

        install(user=True)


def execute(nb: Any, cwd: Path = ROOT) -> Any:
    """Run every cell of ``nb`` in a python3 kernel started in ``cwd``; raises on any error."""
    ensure_kernel()
    client = NotebookClient(
        nb,
        kernel_name=KERNEL,
        timeout=TIMEOUT,
        record_timing=False,
        resources={"metadata": {"path": str(cwd)}},
    )
    client.execute()
    return nb


def scrub(nb: Any) -> Any:
    """Drop what changes from run to run: timings, kernel versions, widget state."""
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": KERNEL},
        "language_info": {"name": "python"},
    }
    for cell in nb.cells:
        cell.metadata = {}
        for output in cell.get("outputs", []):
            output.get("metadata", {}).pop("execution", None)
    return nb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("-o", "--output", type=Path, default=NOTEBOOK)
    args = parser.parse_args(argv)
    nb = scrub(execute(build()))
    nbformat.validate(nb)
    text: str = nbformat.writes(nb)  # type: ignore[no-untyped-call]
    args.output.write_text(text + "\n", encoding="utf-8")
    sys.stdout.write(f"wrote {args.output}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
