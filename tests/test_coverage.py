"""Coverage of source claims by spec records, on real seed text and small Ledgers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from hitech_targets.coverage import DocumentCoverage, document_coverage, format_coverage
from hitech_targets.errors import HitechTargetsError
from hitech_targets.extract import extract_claims
from hitech_targets.grammar import parse_quantity
from hitech_targets.ledger import Ledger
from hitech_targets.model import Goal, Ignore, Outcome, Script, Source
from hitech_targets.period import Period
from hitech_targets.quantity import Measure

ROOT = Path(__file__).resolve().parent.parent
SEED_001 = "seeds/001_61a3d4affb09c4ff.txt"
SEED_002 = "seeds/002_58bfb63406a29642.txt"
SEED_003 = "seeds/003_f158e68e355136ae.txt"


def _text(path: str) -> str:
    return (ROOT / path).read_text(encoding="utf-8")


def _source(source_id: str, path: str, script: Script = Script.HANS) -> Source:
    return Source(
        id=source_id,
        title="title",
        issuer="issuer",
        published=dt.date(2022, 2, 24),
        script=script,
        text=path,
    )


def _outcome(
    slug: str, source: str, quote: str, value: str, measure: Measure = Measure.LEVEL, **extra: str
) -> Outcome:
    figures = {key: parse_quantity(figure) for key, figure in extra.items()}
    return Outcome(
        id=f"{source}.{slug}",
        source=source,
        entity="xiamen-torch",
        measure=measure,
        period=Period.year(2021),
        quote=quote,
        value=parse_quantity(value),
        **figures,  # type: ignore[arg-type]
    )


def _goal(slug: str, source: str, quote: str, target: str) -> Goal:
    return Goal(
        id=f"{source}.{slug}",
        source=source,
        entity="xiamen-torch",
        measure=Measure.GROWTH,
        period=Period.year(2022),
        quote=quote,
        target=parse_quantity(target),
    )


def _ledger_001(**overrides: object) -> Ledger:
    source = "torch-2022"
    parts: dict[str, object] = {
        "sources": [_source(source, SEED_001)],
        "outcomes": [
            _outcome("va", source, "完成规上工业增加值833.02亿元", "833.02亿元"),
            _outcome(
                "va-growth",
                source,
                "完成规上工业增加值833.02亿元,同比增长10.6%",
                "10.6%",
                Measure.GROWTH,
            ),
            _outcome(
                "provincial",
                source,
                "12个省重点项目完成投资189.35亿元,完成年度计划116.02%",
                "189.35亿元",
                attainment="116.02%",
            ),
        ],
        "goals": [
            _goal(
                "va-goal", source, "规上工业增加值增速和固定资产投资额增长两位数以上", "两位数以上"
            )
        ],
        "ignores": {source: (Ignore("每年安排不少于1.5亿元专项资金", "a policy, not a result"),)},
        "texts": {source: _text(SEED_001)},
    }
    parts.update(overrides)
    return Ledger(**parts)  # type: ignore[arg-type]


def test_captured_ignored_and_uncovered_on_seed_001() -> None:
    (coverage,) = document_coverage(_ledger_001())
    total = len(extract_claims(_text(SEED_001)))
    assert coverage.source == "torch-2022"
    assert coverage.total == total
    # 833.02亿元, 10.6%, 189.35亿元, 116.02%, and 两位数以上 twice (two subjects share it)
    assert coverage.captured == 6
    assert coverage.ignored == 1
    assert len(coverage.uncovered) == total - 7
    text = _text(SEED_001)
    phrases = {text[c.figure_start : c.figure_end] for c in coverage.uncovered}
    for done in ("833.02亿元", "同比增长10.6%", "增长两位数以上", "不少于1.5亿元", "116.02%"):
        assert done not in phrases
    assert "3453.8亿元" in phrases
    assert coverage.percent == (Decimal(7) * 100 / Decimal(total)).quantize(
        Decimal("0.1"), rounding="ROUND_DOWN"
    )


def test_a_different_figure_is_not_captured() -> None:
    source = "torch-2022"
    ledger = _ledger_001(
        outcomes=[_outcome("va", source, "完成规上工业增加值833.02亿元", "833亿元")],
        goals=[],
        ignores={},
    )
    (coverage,) = document_coverage(ledger)
    assert coverage.captured == 0
    assert any("833.02" in c.quote for c in coverage.uncovered)


def test_records_of_another_source_capture_nothing() -> None:
    ledger = _ledger_001(
        sources=[_source("torch-2022", SEED_001), _source("other", SEED_001)],
        texts={"torch-2022": _text(SEED_001), "other": _text(SEED_001)},
    )
    first, second = document_coverage(ledger)
    assert (first.source, second.source) == ("other", "torch-2022")
    assert (first.captured, first.ignored) == (0, 0)
    assert (second.captured, second.ignored) == (6, 1)


def test_quotes_compare_folded_traditional_and_broken_lines() -> None:
    news, paper = "torch-2025-news", "paper"
    ledger = Ledger(
        sources=[_source(news, SEED_002, Script.HANT), _source(paper, SEED_003)],
        outcomes=[
            # written in simplified script for a traditional source
            _outcome("fai", news, "完成全社会固定资产投资477.34亿元", "477.34亿元"),
            # the newspaper spaces characters and breaks lines: 同 比 增 长\n\n13.9%
            _outcome(
                "growth", paper, "同比增长13.9%，在厦门市占比42%以上", "13.9%", Measure.GROWTH
            ),
        ],
        texts={news: _text(SEED_002), paper: _text(SEED_003)},
    )
    coverage = {c.source: c for c in document_coverage(ledger)}
    assert coverage[news].captured == 1
    assert coverage[paper].captured == 1


def test_percent_rounds_down_and_empty_text_is_complete() -> None:
    assert DocumentCoverage("x", 2000, 1999, 0, ()).percent == Decimal("99.9")
    assert DocumentCoverage("x", 3, 1, 1, ()).percent == Decimal("66.6")
    assert DocumentCoverage("x", 0, 0, 0, ()).percent == Decimal(100)


def test_missing_text_is_an_error() -> None:
    ledger = Ledger(sources=[_source("torch-2022", SEED_001)])
    with pytest.raises(HitechTargetsError, match="torch-2022"):
        document_coverage(ledger)


def test_format_coverage() -> None:
    ledger = _ledger_001()
    coverages = document_coverage(ledger)
    report = format_coverage(coverages, ledger)
    lines = report.splitlines()
    (coverage,) = coverages
    assert lines[0] == (
        f"torch-2022: {coverage.total} claims, 6 captured, 1 ignored, "
        f"{len(coverage.uncovered)} uncovered ({coverage.percent}% covered)"
    )
    first = coverage.uncovered[0]
    line = _text(SEED_001).count("\n", 0, first.start) + 1
    assert lines[1] == (
        f"  uncovered {SEED_001}:{line}: outcome level 345380000000 CNY: "
        "完成规上工业总产值3453.8亿元"
    )
    assert len(lines) == 2 + len(coverage.uncovered)
    assert lines[-1] == f"total: 7 of {coverage.total} claims covered ({coverage.percent}%)"
    assert report.endswith("\n")
    assert format_coverage(coverages).splitlines()[1].startswith("  uncovered torch-2022: ")
