"""Summary pages: counts per source, generated from the specs, committed byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from hitech_targets.ledger import Ledger
from hitech_targets.loader import load
from hitech_targets.period import Period
from hitech_targets.summary import GENERATED, main, pages, summarise, write_pages

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "docs" / "sources"


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return load(ROOT / "specs")


def test_committed_pages_are_regenerated_byte_for_byte(ledger: Ledger, tmp_path: Path) -> None:
    written = write_pages(ledger, tmp_path)
    assert sorted(p.name for p in written) == sorted(p.name for p in COMMITTED.glob("*.md"))
    for path in written:
        assert path.read_bytes() == (COMMITTED / path.name).read_bytes(), path.name


def test_counts_add_up_to_the_ledger(ledger: Ledger) -> None:
    summaries = summarise(ledger)
    assert [s.source.id for s in summaries] == [
        s.id for s in sorted(ledger.sources, key=lambda s: (s.published, s.id))]
    assert sum(s.goals + s.milestones for s in summaries) == len(ledger.goals)
    assert sum(s.outcomes for s in summaries) == len(ledger.outcomes)
    for s in summaries:
        assert sum(r.outcomes for r in s.by_period) == s.outcomes
        assert sum(r.goals + r.milestones for r in s.by_entity) == s.goals + s.milestones
        assert sum(r.goals + r.milestones for r in s.by_section) == s.goals + s.milestones
        assert s.ignores == len(ledger.ignores.get(s.source.id, ()))


def test_newspaper_page_counts_its_three_zones(ledger: Ledger) -> None:
    (paper,) = [s for s in summarise(ledger) if s.source.id == "newspaper-2022-decade"]
    assert set(paper.entities) == {"xiamen-torch", "lianyungang-hitech", "longyan-hitech",
                                   "longyan"}
    lianyungang = {r.key: r for r in paper.by_entity}["lianyungang-hitech"]
    assert lianyungang.goals == 2
    periods = [Period.parse(r.key) for r in paper.by_period]
    assert periods == sorted(periods, key=Period.sort_key)


def test_pages_are_marked_generated_and_link_every_source(ledger: Ledger) -> None:
    result = pages(ledger)
    assert all(content.startswith(GENERATED + "\n") for content in result.values())
    for source in ledger.sources:
        assert f"]({source.id}.md)" in result["index.md"]
        assert f"# {source.title}\n" in result[f"{source.id}.md"]
    assert pages(ledger) == result


def test_main_writes_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(ROOT / "specs"), str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "index.md").is_file()
    assert "index.md" in capsys.readouterr().out


def test_main_usage_and_bad_specs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage" in capsys.readouterr().err
    assert main([str(tmp_path / "missing"), str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.startswith("error:")
