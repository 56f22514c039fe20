"""Claim extraction against hand-checked expected lists of every seed, plus properties."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hitech_targets.extract import Claim, extract_claims
from hitech_targets.model import Strength
from hitech_targets.quantity import Comparator, Measure, Unit, decimal_str

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "data" / "expected_claims"
SEEDS = ("000", "001", "002", "003", "004")


def _load(seed: str) -> tuple[str, dict[str, Any]]:
    data = yaml.safe_load((EXPECTED / f"{seed}.yaml").read_text(encoding="utf-8"))
    text = (ROOT / "seeds" / data["seed"]).read_text(encoding="utf-8")
    return text, data


def _find(text: str, needle: str, occurrence: int | None) -> tuple[int, int]:
    """Span of the n-th (1-based) occurrence of ``needle``; the quote must be unambiguous."""
    starts = []
    position = text.find(needle)
    while position != -1:
        starts.append(position)
        position = text.find(needle, position + 1)
    assert starts, f"quote not in the seed: {needle!r}"
    if occurrence is None:
        assert len(starts) == 1, f"ambiguous quote, give an occurrence: {needle!r}"
        occurrence = 1
    return starts[occurrence - 1], starts[occurrence - 1] + len(needle)


def _fields(claim: Claim) -> dict[str, str | None]:
    quantity = claim.quantity
    return {
        "value": decimal_str(quantity.value),
        "low": decimal_str(quantity.low),
        "high": decimal_str(quantity.high),
        "unit": quantity.unit.value,
        "measure": claim.measure.value,
        "kind": claim.kind,
        "comparator": quantity.comparator.value,
    }


def _wanted(expected: dict[str, Any]) -> dict[str, str | None]:
    return {
        "value": expected.get("value"),
        "low": expected.get("low"),
        "high": expected.get("high"),
        "unit": expected["unit"],
        "measure": expected["measure"],
        "kind": expected["kind"],
        "comparator": expected["comparator"],
    }


def _match(
    text: str, data: dict[str, Any], claims: list[Claim], *, pending: bool = False
) -> list[str]:
    """Match expected claims one-to-one to found claims whose span overlaps the quote and whose
    figure fields are equal (augmenting paths); return a line per expected claim not found.

    Entries marked ``pending`` (a known gap, with its reason) are matched only when ``pending``.
    """
    expected = [c for c in data["claims"] if bool(c.get("pending")) == pending]
    spans = [_find(text, e["quote"], e.get("occurrence")) for e in expected]
    options: list[list[int]] = []
    for (start, end), item in zip(spans, expected, strict=True):
        wanted = _wanted(item)
        options.append(
            [
                index
                for index, claim in enumerate(claims)
                if claim.start < end and start < claim.end and _fields(claim) == wanted
            ]
        )
    owner: dict[int, int] = {}

    def assign(item: int, seen: set[int]) -> bool:
        for index in options[item]:
            if index in seen:
                continue
            seen.add(index)
            if index not in owner or assign(owner[index], seen):
                owner[index] = item
                return True
        return False

    missing = []
    for item, wanted in enumerate(expected):
        if not assign(item, set()):
            near = [
                f"{c.quote!r} {_fields(c)}"
                for c in claims
                if c.start < spans[item][1] and spans[item][0] < c.end
            ]
            missing.append(f"{wanted['quote']!r} {_wanted(wanted)} found: {near}")
    return missing


@pytest.fixture(scope="module", params=SEEDS)
def seed(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any], list[Claim]]:
    text, data = _load(request.param)
    return text, data, extract_claims(text)


def test_expected_claims_are_found(seed: tuple[str, dict[str, Any], list[Claim]]) -> None:
    text, data, claims = seed
    missing = _match(text, data, claims)
    expected = [c for c in data["claims"] if not c.get("pending")]
    assert not missing, f"{len(missing)} of {len(expected)} missing:\n" + "\n".join(missing)


def test_pending_claims_are_still_missing(
    seed: tuple[str, dict[str, Any], list[Claim]],
) -> None:
    """Known gaps stay visible: once one is found, its ``pending`` mark must go."""
    text, data, claims = seed
    pending = [c for c in data["claims"] if c.get("pending")]
    missing = _match(text, data, claims, pending=True)
    assert len(missing) == len(pending), "a pending claim is found now: remove its mark"


def test_negatives_are_never_claims(seed: tuple[str, dict[str, Any], list[Claim]]) -> None:
    text, data, claims = seed
    wrong = []
    for negative in data["negatives"]:
        needle = negative["text"]
        position = text.find(needle)
        assert position != -1, f"negative not in the seed: {needle!r}"
        while position != -1:
            end = position + len(needle)
            for claim in claims:
                if position <= claim.figure_start and claim.figure_end <= end:
                    wrong.append(f"{needle!r} ({negative['why']}): {claim.quote!r}")
            position = text.find(needle, position + 1)
    assert not wrong, "\n".join(wrong)


def test_spans_equal_quotes_on_seeds(seed: tuple[str, dict[str, Any], list[Claim]]) -> None:
    text, _, claims = seed
    for claim in claims:
        assert text[claim.start : claim.end] == claim.quote
        assert claim.start <= claim.figure_start < claim.figure_end <= claim.end


# --- the rules, on seed sentences ----------------------------------------------------------


def _claims_of(seed_id: str) -> tuple[str, list[Claim]]:
    text, _ = _load(seed_id)
    return text, extract_claims(text)


def _at(claims: list[Claim], text: str, needle: str) -> list[Claim]:
    start = text.index(needle)
    end = start + len(needle)
    return [c for c in claims if start <= c.figure_start and c.figure_end <= end]


def test_level_and_growth_share_a_subject() -> None:
    text, claims = _claims_of("001")
    level, growth = _at(claims, text, "完成规上工业增加值833.02亿元,同比增长10.6%")
    assert (level.measure, growth.measure) == (Measure.LEVEL, Measure.GROWTH)
    assert level.subject == growth.subject == "规上工业增加值"
    assert level.quote == "完成规上工业增加值833.02亿元"


def test_shared_subject_gives_two_goals_with_strength() -> None:
    text, claims = _claims_of("001")
    found = _at(claims, text, "规上工业增加值增速和固定资产投资额增长两位数以上")
    assert [c.subject for c in found] == ["规上工业增加值增速", "固定资产投资额"]
    for claim in found:
        assert claim.kind == "goal"
        assert claim.strength is Strength.ASPIRATIONAL
        assert claim.quantity.comparator is Comparator.GE
        assert decimal_str(claim.quantity.value) == "10"


def test_distributed_list_gives_each_subject_its_figure() -> None:
    text = "二、2023年工作要点\n软件和信息服务业营收、实际利用外资分别增长6%、8%以上。"
    claims = extract_claims(text)
    assert [(c.subject, decimal_str(c.quantity.value)) for c in claims] == [
        ("软件和信息服务业营收", "6"),
        ("实际利用外资", "8"),
    ]
    assert all(c.quantity.comparator is Comparator.GE and c.kind == "goal" for c in claims)


def test_two_tier_goal() -> None:
    text = "2023年预期目标：确保规上工业增加值增长12%，力争14%。"
    hard, stretch = extract_claims(text)
    assert (hard.strength, stretch.strength) == (Strength.HARD, Strength.ASPIRATIONAL)
    assert hard.measure is stretch.measure is Measure.GROWTH
    assert stretch.subject == "规上工业增加值"


def test_stretch_named_as_such() -> None:
    text = "2023年预期目标：确保规上工业增加值增长8%，奋斗目标10%。"
    hard, stretch = extract_claims(text)
    assert (hard.strength, stretch.strength) == (Strength.HARD, Strength.ASPIRATIONAL)
    assert (stretch.measure, stretch.subject) == (Measure.GROWTH, "规上工业增加值")


def test_a_qualifier_belongs_to_its_count() -> None:
    text, claims = _claims_of("000")
    (claim,) = _at(claims, text, "全年推动40个10亿元以上重大项目洽谈签约")
    assert decimal_str(claim.quantity.value) == "40"
    assert claim.quantity.classifier == "个"
    assert claim.subject == "10亿元以上重大项目"
    assert claim.kind == "goal"


def test_embedded_plan_figure() -> None:
    text = "2023年完成固定资产投资634.7亿元，完成年计划710亿元的89.4%。"
    result, plan, attainment = extract_claims(text)
    assert (result.kind, result.measure) == ("outcome", Measure.LEVEL)
    assert (plan.kind, decimal_str(plan.quantity.value)) == ("goal", "71000000000")
    assert attainment.measure is Measure.ATTAINMENT
    assert attainment.quote == "完成年计划710亿元的89.4%"
    assert result.subject == plan.subject == attainment.subject == "固定资产投资"


def test_self_reported_completion_is_attainment() -> None:
    text, claims = _claims_of("002")
    (claim,) = _at(claims, text, "完成年度計劃126.9%")
    assert claim.measure is Measure.ATTAINMENT
    assert claim.subject.startswith("高新區20個省重點項目")


def test_preliminary_and_traditional_subject_as_written() -> None:
    text, claims = _claims_of("002")
    (claim,) = _at(claims, text, "全年預計工業增加值增速10%左右")
    assert claim.preliminary
    assert claim.measure is Measure.GROWTH
    assert claim.subject == "全年預計工業增加值增速"
    assert not any(c.preliminary for c in claims if c is not claim)


def test_plan_section_and_goal_markers_decide_kind() -> None:
    text, claims = _claims_of("000")
    plan = text.index("二、2026年主要工作思路")
    assert all((c.kind == "goal") == (c.start > plan) for c in claims)
    text, claims = _claims_of("003")
    goals = [c for c in claims if c.kind == "goal"]
    assert [decimal_str(c.quantity.value) for c in goals] == ["80000000000", "100000000000"]


def test_ranks() -> None:
    text, claims = _claims_of("003")
    (rank,) = _at(claims, text, "名升至全国第 14 名")
    assert (rank.measure, rank.quantity.unit) == (Measure.RANK, Unit.RANK)
    (top,) = _at(claims, text, "连续多年排名全国前十")
    assert top.quantity.comparator is Comparator.LE


# --- properties --------------------------------------------------------------------------

_CJK_TEXT = st.text(
    alphabet=st.sampled_from(
        list("0123456789.%亿万元个家项以上超约近同比增长下降完成力争确保第一名,，。；、 \n“”")
    ),
    max_size=80,
)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=80), _CJK_TEXT))
def test_span_equals_quote_on_any_text(text: str) -> None:
    for claim in extract_claims(text):
        assert text[claim.start : claim.end] == claim.quote
        assert claim.start <= claim.figure_start < claim.figure_end <= claim.end
        assert claim.kind in ("goal", "outcome")


def _excerpt(seed_id: str, start: int, length: int) -> str:
    text, _ = _load(seed_id)
    start = start % max(1, len(text) - length)
    return text[start : start + length]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed_id=st.sampled_from(SEEDS),
    start=st.integers(min_value=0, max_value=30000),
    spaces=st.lists(st.tuples(st.integers(0, 400), st.sampled_from([" ", "\n", "\u3000", "\t"]))),
)
def test_span_equals_quote_with_whitespace_inserted(
    seed_id: str, start: int, spaces: list[tuple[int, str]]
) -> None:
    text = _excerpt(seed_id, start, 400)
    for position, space in sorted(spaces, reverse=True):
        position = min(position, len(text))
        text = text[:position] + space + text[position:]
    for claim in extract_claims(text):
        assert text[claim.start : claim.end] == claim.quote


@settings(max_examples=25, deadline=None)
@given(seed_id=st.sampled_from(SEEDS), start=st.integers(0, 30000), gap=st.integers(1, 9))
def test_spaces_between_chinese_characters_change_no_figure(
    seed_id: str, start: int, gap: int
) -> None:
    """The newspaper's spaced characters (同 比 增 长) read like the plain text."""
    text = _excerpt(seed_id, start, 300)
    spaced = "".join(
        char + " " if index % gap == 0 and "\u4e00" <= char <= "\u9fff" else char
        for index, char in enumerate(text)
    )

    def figures(source: str) -> list[tuple[str | None, str]]:
        return [
            (decimal_str(c.quantity.value), c.quantity.unit.value) for c in extract_claims(source)
        ]

    assert figures(spaced) == figures(text)


# --- the CLI -----------------------------------------------------------------------------

CONTRACT_KEYS = {
    "file",
    "start",
    "end",
    "quote",
    "subject",
    "kind",
    "measure",
    "value",
    "low",
    "high",
    "unit",
    "classifier",
    "comparator",
    "strength",
    "preliminary",
}


def _cli(*args: str) -> tuple[int, str, str]:
    import contextlib
    import io

    from hitech_targets.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exit_:
            code = int(exit_.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_cli_json_contract(tmp_path: Path) -> None:
    seed_file = str(ROOT / "seeds" / "002_58bfb63406a29642.txt")
    code, out, err = _cli("extract", "--format", "json", seed_file)
    assert (code, err) == (0, "")
    assert out.endswith("]\n")
    records = json.loads(out)
    text = Path(seed_file).read_bytes().decode("utf-8")
    assert len(records) == len(extract_claims(text))
    for record in records:
        assert set(record) == CONTRACT_KEYS
        assert record["file"] == seed_file
        assert text[record["start"] : record["end"]] == record["quote"]
        assert record["kind"] in ("goal", "outcome")
        assert record["measure"] in ("level", "growth", "share", "attainment", "rank")
        assert record["strength"] in ("hard", "aspirational", None)
        assert isinstance(record["preliminary"], bool)
        if record["comparator"] == "range":
            assert record["value"] is None and record["low"] and record["high"]
        else:
            Decimal(record["value"])
    first = records[0]
    assert (first["value"], first["unit"], first["comparator"]) == ("10", "percent", "~")
    assert first["preliminary"] is True
    assert _cli("extract", "--format", "json", seed_file)[1] == out  # byte-identical


def test_cli_json_base_units(tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    source.write_text(
        "二、2023年工作要点\n完成规上工业增加值833.02亿元，同比下降18.4%；营收下降3%以上，"
        "投资增长两位数以上，产值翻一番。\n",
        encoding="utf-8",
    )
    code, out, _ = _cli("extract", "--format", "json", str(source))
    assert code == 0
    figures = [(r["measure"], r["value"], r["unit"], r["comparator"]) for r in json.loads(out)]
    assert figures == [
        ("level", "83302000000", "CNY", "="),
        ("growth", "-18.4", "percent", "="),
        ("growth", "-3", "percent", "<="),
        ("growth", "10", "percent", ">="),
        ("growth", "100", "percent", "="),
    ]


def test_cli_bad_files(tmp_path: Path) -> None:
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("增长10%".encode("gb18030"))
    missing = tmp_path / "missing.txt"
    code, out, err = _cli("extract", str(latin), str(missing))
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert lines[0].startswith(f"error: {latin}: not UTF-8")
    assert lines[1].startswith(f"error: {missing}: ")
    assert "Traceback" not in err


def test_cli_table_is_aligned() -> None:
    import unicodedata

    seed_file = str(ROOT / "seeds" / "002_58bfb63406a29642.txt")
    code, out, _ = _cli("extract", seed_file)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"{seed_file}: 51 claims"
    header = lines[1]
    quote_column = header.index("QUOTE")

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

    assert set(lines[2].replace(" ", "")) == {"-"}  # the header rule
    rows = [line for line in lines[3:] if line and not line.startswith("*")]
    assert len(rows) == 51
    for row in rows:
        cut = next(i for i in range(len(row) + 1) if width(row[:i]) >= quote_column)
        assert width(row[:cut]) == quote_column
        assert row[cut - 2 : cut] == "  "
