"""Spec mappings → records: field readers and record rules, each with a located message."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from hitech_targets import fields
from hitech_targets.fields import FieldError
from hitech_targets.model import Progress, Script, Strength
from hitech_targets.period import Period, PeriodKind
from hitech_targets.quantity import Comparator, Measure, Unit
from hitech_targets.spec import read_spec
from hitech_targets.yamlsafe import Mapping, Node, parse


def _value(text: str) -> Node:
    node, problems = parse(f"k: {text}\n", "f.yaml")
    assert problems == [] and isinstance(node, Mapping)
    value = node.get("k")
    assert value is not None
    return value


def _error(reader: object, text: str, *args: object) -> str:
    with pytest.raises(FieldError) as caught:
        reader(  # type: ignore[operator]
            "f.yaml", _value(text), "k", *args)
    problem = caught.value.problem
    assert (problem.path, problem.line, problem.column) == ("f.yaml", 1, 4)
    return problem.message


def test_string_accepts_plain_and_quoted_text() -> None:
    assert fields.string("f", _value("完成规上工业增加值"), "k") == "完成规上工业增加值"
    assert fields.string("f", _value('"no"'), "k") == "no"
    assert fields.string("f", _value("'10.60'"), "k") == "10.60"


@pytest.mark.parametrize(
    ("text", "words"),
    [("no", "YAML 1.1 boolean false"), ("on", "boolean true"), ("0755", "integer 493"),
     ("10.60", "number 10.6"), ("2022-02-24", "YAML date"), ("[a]", "not a list"),
     ("{a: b}", "not a mapping"), ("' '", "is empty")],
)
def test_string_refuses_what_yaml_would_reinterpret(text: str, words: str) -> None:
    assert words in _error(fields.string, text)


def test_figure_keeps_the_text_as_written() -> None:
    quantity = fields.figure("f", _value("两位数以上"), "k")
    assert quantity.text == "两位数以上"
    assert (quantity.value, quantity.unit, quantity.comparator) == (
        Decimal(10), Unit.PERCENT, Comparator.GE)
    assert fields.figure("f", _value("833.02亿元"), "k").value == Decimal("83302000000")


def test_figure_errors() -> None:
    assert "figures are strings" in _error(fields.figure, "10.60")
    assert "not a figure the grammar can read" in _error(fields.figure, "很多")


def test_period_date_and_choice() -> None:
    plan = fields.period("f", _value('"十四五"'), "k")
    assert plan == Period.years(2021, 2025) and plan.kind is PeriodKind.PLAN
    assert fields.period("f", _value('"2025-01/05"'), "k") == Period.months(2025, 1, 5)
    assert "inverted" in _error(fields.period, '"2025-2021"')
    assert fields.date("f", _value('"2022-02-24"'), "k") == dt.date(2022, 2, 24)
    assert "not an ISO date" in _error(fields.date, '"20220224"')
    assert "not an ISO date" in _error(fields.date, '"2022-02-30"')
    assert fields.choice("f", _value("zh-Hant"), "k", Script) is Script.HANT
    assert "is not one of: hard, aspirational" in _error(fields.choice, "firm", Strength)


def test_boolean_integer_rate_identifier() -> None:
    assert fields.boolean("f", _value("true"), "k") is True
    assert "YAML 1.1 boolean" in _error(fields.boolean, "yes")
    assert "true or false" in _error(fields.boolean, '"true"')
    assert fields.integer("f", _value("2021"), "k") == 2021
    assert "whole number" in _error(fields.integer, "02021")
    assert "whole number" in _error(fields.integer, '"2021"')
    assert fields.rate("f", _value('"6.4515"'), "k") == Decimal("6.4515")
    assert "must be positive" in _error(fields.rate, '"0"')
    assert "not a decimal" in _error(fields.rate, '"6,45"')
    assert "figures" not in _error(fields.rate, "6.4515")
    assert fields.identifier("f", _value("xiamen-torch"), "k") == "xiamen-torch"
    assert "not an id" in _error(fields.identifier, "Xiamen")


SPEC = """\
source:
  id: s
  title: 标题
  issuer: 发布机构
  published: "2022-02-24"
  script: zh-Hans
  text: seeds/x.txt
defaults:
  entity: zone
  period: "2022"
goals:
  - id: s.a
    metric: m
    measure: growth
    target: 两位数以上
    stretch: 15%
    strength: hard
    quote: 增长两位数以上，力争15%
  - id: s.b
    measure: milestone
    entity: city
    period: "十四五"
    quote: 全面推进示范园区建设
    override: {status: in_progress, reason: 人工判断, date: "2023-01-05"}
outcomes:
  - id: s.c
    metric: m
    measure: attainment
    period: "2021"
    attainment: 116.02%
    plan: 710亿元
    preliminary: true
    goal: s.b
    progress: partial
    quote: 完成年计划710亿元的116.02%
ignore:
  - {quote: 2022年2月17日, reason: 签发日期}
"""


def _spec(text: str = SPEC) -> tuple[object, list[str]]:
    node, problems = parse(text, "s.yaml")
    assert node is not None, problems
    spec, found = read_spec(node, "s.yaml")
    return spec, [str(p) for p in found]


def test_a_source_spec_becomes_records() -> None:
    spec, problems = _spec()
    assert problems == []
    goal_a, goal_b = spec.goals  # type: ignore[attr-defined]
    assert (goal_a.entity, goal_a.period, goal_a.source) == ("zone", Period.year(2022), "s")
    assert goal_a.stretch.text == "15%" and goal_a.strength is Strength.HARD
    assert (goal_b.entity, goal_b.period.label) == ("city", "2021-2025")
    assert goal_b.override.date == dt.date(2023, 1, 5)
    (outcome,) = spec.outcomes  # type: ignore[attr-defined]
    assert outcome.measure is Measure.ATTAINMENT and outcome.preliminary
    assert outcome.progress is Progress.PARTIAL and outcome.plan.value == Decimal(71_000_000_000)
    assert [r.kind for r in spec.references] == [  # type: ignore[attr-defined]
        "entity", "metric", "entity", "metric", "goal"]
    checks = spec.checks  # type: ignore[attr-defined]
    assert [c.quote for c in checks][-1] == "2022年2月17日"
    assert [f.key for f in checks[0].figures] == ["target", "stretch"]
    assert [f.key for f in checks[2].figures] == ["attainment", "plan"]
    assert goal_a.origin.line == 12 and goal_a.origin.column == 5


@pytest.mark.parametrize(
    ("old", "new", "where", "words"),
    [
        ("    target: 两位数以上\n    stretch: 15%\n", "    stretch: 15%\n", "15:14",
         "stretch but no target"),
        ("    target: 两位数以上\n    stretch: 15%\n", "", "12:5", "needs a target"),
        ("    metric: m\n    measure: growth\n", "    measure: growth\n", "12:5", "has no metric"),
        ("defaults:\n  entity: zone\n  period: \"2022\"\n", "", "9:5", "has no entity"),
        ("    attainment: 116.02%\n", "", "26:5", "needs a value or an attainment"),
        ("  published: \"2022-02-24\"\n", "", "2:3", "the source has no published"),
        ("source:\n", "sauce:\n", "1:1", "unknown key 'sauce'"),
        ("    override: {status: in_progress,", "    override: {status: done,", "24:24",
         "status 'done'"),
    ],
)
def test_record_rules(old: str, new: str, where: str, words: str) -> None:
    assert old in SPEC
    _, problems = _spec(SPEC.replace(old, new))
    assert any(p.startswith(f"s.yaml:{where}: ") and words in p for p in problems), problems


def test_goals_without_a_source_are_refused() -> None:
    _, problems = _spec("goals: []\n")
    assert problems == [
        "s.yaml:1:1: goals need a source in the same file: add source: {id: ..., ...}"
    ]


def test_registry_records() -> None:
    text = """\
metrics:
  - id: m
    names: {zh-Hans: 增加值, zh-Hant: 增加值, en: Value added}
    dimension: money
    relations: [{kind: proxy_for, metric: other, note: 口径不同}]
entities:
  - {id: zone, names: {zh-Hans: 园区, zh-Hant: 園區, en: Zone}, kind: zone, parent: city}
fx_rates:
  - {base: USD, quote: CNY, year: 2021, rate: "6.4515", source: 国家统计局}
"""
    spec, problems = _spec(text)
    assert problems == []
    assert spec.metrics[0].relations[0].metric == "other"  # type: ignore[attr-defined]
    assert spec.entities[0].parent == "city"  # type: ignore[attr-defined]
    assert spec.fx_rates[0].rate == Decimal("6.4515")  # type: ignore[attr-defined]
    _, problems = _spec(text.replace("base: USD", "base: usd").replace("en: Zone", "fr: Zone"))
    assert len(problems) == 3, problems  # bad currency, unknown key fr, missing en
