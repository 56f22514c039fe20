"""docs/tutorial.ipynb runs from top to bottom and shows what the tutorial promises.

The notebook is built by scripts/build_notebook.py; these tests execute the committed copy in a
fresh python3 kernel (nbclient), so a change of the library that breaks the tutorial fails here.
"""

from __future__ import annotations

import copy
import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "docs" / "tutorial.ipynb"


def _builder() -> ModuleType:
    path = ROOT / "scripts" / "build_notebook.py"
    spec = importlib.util.spec_from_file_location("build_notebook", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    return _builder()


@pytest.fixture(scope="module")
def committed() -> Any:
    return nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]


@pytest.fixture(scope="module")
def executed(builder: ModuleType, committed: Any) -> Any:
    nb = copy.deepcopy(committed)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return builder.execute(nb)


def _cell(nb: Any, starts: str) -> Any:
    found = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith(starts)]
    assert len(found) == 1, f"expected one code cell starting with {starts!r}"
    return found[0]


def _text(cell: Any, mime: str = "text/plain") -> str:
    parts: list[str] = []
    for output in cell.outputs:
        if output.output_type == "stream" and mime == "text/plain":
            parts.append(output.text)
        elif output.output_type in ("execute_result", "display_data"):
            parts.append(str(output.data.get(mime, "")))
    return "".join(parts)


def test_committed_cells_are_the_builders(builder: ModuleType, committed: Any) -> None:
    assert [(("md" if c.cell_type == "markdown" else "py"), c.source) for c in committed.cells] == (
        builder.CELLS
    ), "docs/tutorial.ipynb is stale: run python3 scripts/build_notebook.py"


def test_committed_notebook_has_its_outputs(committed: Any) -> None:
    nbformat.validate(committed)
    code = [c for c in committed.cells if c.cell_type == "code"]
    silent = [c.source.splitlines()[0] for c in code if not c.outputs]
    assert silent == ["import tempfile"], "commit the notebook with its outputs"  # the set-up cell
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]
    assert all("execution" not in c.metadata for c in code), "timings must be stripped"


def test_notebook_executes_without_errors(executed: Any) -> None:
    errors = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error"]
    assert errors == []


def test_notebook_shows_the_scorecard_dataframe_chart_audit_and_report(executed: Any) -> None:
    loaded = _text(_cell(executed, "ledger = load("))
    assert "5 sources" in loaded and "torch-2026-workplan" in loaded
    summaries = _text(_cell(executed, 'AS_OF = "2026-11-22"'))
    assert summaries.startswith("2025: {'met': ") and "\n2026: {'met': " in summaries
    table = _text(_cell(executed, "card_2025"), "text/html")
    assert "<table" in table and "torch-2025-news" in table
    frame = _text(_cell(executed, "df = card_2026.to_dataframe()"), "text/html")
    assert "<table" in frame and "goal_id" in frame and "torch-2026-workplan." in frame
    counts = _text(_cell(executed, "import pandas as pd"))
    assert "2026" in counts and "pending" in counts
    svg = _text(_cell(executed, "from hitech_targets.l10n import localiser"), "image/svg+xml")
    assert svg.lstrip().startswith("<svg") and "<title" in svg
    audit = _text(_cell(executed, "findings = audit("))
    assert "selective-reporting rate 2025: " in audit
    written = _text(_cell(executed, "from hitech_targets.report import write_report"))
    assert "report-2025.html" in written and "2025" in written.splitlines()[1]
