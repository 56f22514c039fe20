"""Provenance: quotes occur in their source (any script, any spacing) and state the figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from hitech_targets.grammar import parse_quantity
from hitech_targets.provenance import (
    MIN_QUOTE_LENGTH,
    FigureCheck,
    QuoteCheck,
    SourceText,
    verify,
    verify_all,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _text(name: str) -> str:
    return next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def s001() -> SourceText:
    return SourceText.of(_text("001"))


@pytest.fixture(scope="module")
def s002() -> SourceText:
    return SourceText.of(_text("002"))


@pytest.fixture(scope="module")
def s003() -> SourceText:
    return SourceText.of(_text("003"))


def _check(quote: str, *figures: tuple[str, str]) -> QuoteCheck:
    return QuoteCheck(
        "src", quote, "spec.yaml", 3, 12,
        tuple(FigureCheck(key, parse_quantity(text), "spec.yaml", 4, 12)
              for key, text in figures),
    )


def test_a_faithful_quote_passes(s001: SourceText) -> None:
    check = _check("完成规上工业增加值833.02亿元,同比增长10.6%", ("value", "833.02亿元"))
    assert verify(check, s001) == []


def test_a_figure_the_quote_does_not_state(s001: SourceText) -> None:
    check = _check("完成规上工业增加值833.02亿元,同比增长10.6%", ("value", "8.33亿元"))
    (problem,) = verify(check, s001)
    assert (problem.line, problem.column) == (4, 12)
    assert problem.message.startswith("value 8.33亿元 is not a figure of the quote; the quote says")
    assert "833.02亿元" in problem.message and "10.6%" in problem.message


def test_the_same_figure_in_other_words_passes(s001: SourceText) -> None:
    # the spec may write the figure differently, as long as it is the same number and unit
    check = _check("完成规上工业增加值833.02亿元", ("value", "8330200万元"))
    assert verify(check, s001) == []


def test_a_quote_not_in_the_source_shows_the_closest_passage(s001: SourceText) -> None:
    (problem,) = verify(_check("完成规上工业增加值838.02亿元"), s001)
    assert (problem.line, problem.column) == (3, 12)
    assert "quote not found in source src" in problem.message
    assert "closest passage: '完成规上工业增加值833.02亿元'" in problem.message


def test_no_closest_passage_when_nothing_is_alike(s001: SourceText) -> None:
    (problem,) = verify(_check("Lorem ipsum dolor sit amet"), s001)
    assert "closest passage" not in problem.message


def test_traditional_source_quoted_in_either_script(s002: SourceText) -> None:
    traditional = _check("全年預計工業增加值增速10%左右", ("value", "10%左右"))
    simplified = _check("全年预计工业增加值增速10%左右", ("value", "10%左右"))
    assert verify(traditional, s002) == []
    assert verify(simplified, s002) == []


def test_spaced_pdf_text_and_line_breaks(s003: SourceText) -> None:
    check = _check("2021年达3453.8亿元，同比增长13.9%", ("value", "3453.8亿元"))
    assert verify(check, s003) == []


def test_full_width_digits_fold(s001: SourceText) -> None:
    assert verify(_check("完成规上工业增加值８３３.０２亿元"), s001) == []


def test_a_quote_too_short_to_be_unique(s001: SourceText) -> None:
    (problem,) = verify(_check("增长了"[:MIN_QUOTE_LENGTH - 1]), SourceText.of("增长了很多"))
    assert "too short" in problem.message
    assert verify(_check("同比增长"), s001) == []


def test_every_stated_figure_is_checked(s001: SourceText) -> None:
    check = _check("加快建设13个省重点项目和31个市重点项目",
                   ("parts[0].target", "13个"), ("parts[1].target", "30个"))
    (problem,) = verify(check, s001)
    assert problem.message.startswith("parts[1].target 30个")


def test_verify_all_prepares_each_source_once_and_skips_unknown_sources() -> None:
    checks = [_check("完成规上工业增加值833.02亿元"), _check("完成规上工业增加值833.02亿元")]
    other = QuoteCheck("elsewhere", "anything at all", "x.yaml", 1, 1)
    assert verify_all([*checks, other], {"src": _text("001")}) == []
    problems = verify_all([_check("不在原文中的句子")], {"src": _text("001")})
    assert len(problems) == 1


def test_verify_ledger_checks_a_ledger_built_in_code() -> None:
    import attrs

    from hitech_targets.loader import load
    from hitech_targets.provenance import verify_ledger

    hostile = Path(__file__).resolve().parent / "hostile"
    ledger = load([hostile / "fixture" / "registry.yaml", hostile / "valid.yaml"])
    assert verify_ledger(ledger) == []
    goal = ledger.goals[0]
    changed = attrs.evolve(ledger, goals=[attrs.evolve(goal, quote="原文没有这一句话")],
                           texts=ledger.texts, ignores=ledger.ignores)
    (problem,) = verify_ledger(changed)
    assert "quote not found" in problem.message
    assert goal.origin is not None and problem.line == goal.origin.line
