"""The benchmark tools: the generator's corpus loads with every check on; run.py --tiny runs.

No timing assertions: speed is measured by ``benchmarks/run.py`` only.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from hitech_targets.loader import load
from hitech_targets.model import Script

REPO = Path(__file__).resolve().parent.parent
GENERATE = REPO / "benchmarks" / "generate.py"
RUN = REPO / "benchmarks" / "run.py"


def _generate(out: Path, *extra: str) -> None:
    subprocess.run(
        [
            sys.executable,
            str(GENERATE),
            str(out),
            "--zones",
            "3",
            "--years",
            "2",
            "--jobs",
            "1",
            *extra,
        ],
        check=True,
        cwd=REPO,
        capture_output=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    _generate(out)
    return out


def test_corpus_loads_and_validates(corpus: Path) -> None:
    ledger = load(corpus / "specs")  # raises SpecError on any quote or figure not in its text
    assert len(ledger.sources) == 6
    assert len(ledger.entities) == 3
    per_source = len(ledger.goals) / 6, len(ledger.outcomes) / 6
    assert 50 <= per_source[0] <= 70 and 90 <= per_source[1] <= 140, per_source
    assert any(s.script is Script.HANT for s in ledger.sources)
    assert any(g.stretch is not None for g in ledger.goals)
    assert any(g.parts for g in ledger.goals)
    assert any(g.period.is_multi_year for g in ledger.goals)
    assert any(o.preliminary for o in ledger.outcomes)
    assert any(o.cumulative for o in ledger.outcomes)
    assert any(o.attainment is not None for o in ledger.outcomes)
    milestones = [o for o in ledger.outcomes if o.goal is not None]
    assert all(ledger.goal(o.goal).is_milestone for o in milestones if o.goal)


def test_traditional_quotes_are_written_in_traditional_script(corpus: Path) -> None:
    ledger = load(corpus / "specs")
    hant = {s.id for s in ledger.sources if s.script is Script.HANT}
    quotes = [o.quote for o in ledger.outcomes if o.source in hant]
    assert quotes and any(c in "".join(quotes) for c in "億萬業")


def test_generator_is_reproducible(corpus: Path, tmp_path: Path) -> None:
    _generate(tmp_path / "again")
    first = sorted(p.relative_to(corpus) for p in corpus.rglob("*") if p.is_file())
    second = sorted(
        p.relative_to(tmp_path / "again") for p in (tmp_path / "again").rglob("*") if p.is_file()
    )
    assert first == second
    for rel in first:
        assert (corpus / rel).read_bytes() == (tmp_path / "again" / rel).read_bytes(), rel


def test_another_seed_gives_another_corpus(corpus: Path, tmp_path: Path) -> None:
    _generate(tmp_path / "other", "--seed", "1")
    spec = next((corpus / "specs" / "zones").rglob("*.yaml")).relative_to(corpus)
    assert (corpus / spec).read_bytes() != (tmp_path / "other" / spec).read_bytes()


def test_specs_keep_figures_as_strings(corpus: Path) -> None:
    for path in (corpus / "specs").rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for record in data.get("goals", []) + data.get("outcomes", []):
            for key in ("target", "stretch", "value", "attainment", "plan", "period"):
                if key in record:
                    assert isinstance(record[key], str), (path, record["id"], key)


def test_run_tiny_completes() -> None:
    done = subprocess.run(
        [sys.executable, str(RUN), "--tiny"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "### Goals" in done.stdout
    assert "C-loader parse" in done.stdout
