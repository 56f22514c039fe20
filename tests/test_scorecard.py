"""The Scorecard: summary, selective-reporting rate, JSON contract, records, HTML, pandas."""

from __future__ import annotations

import json
import sys
from decimal import Decimal

import pytest
from ledger_factory import (
    Comparator,
    GoalPart,
    Measure,
    Status,
    count,
    goal,
    ledger,
    outcome,
    q,
)

from hitech_targets.errors import HitechTargetsError
from hitech_targets.scorecard import RECORD_FIELDS, STATUS_ORDER, Scorecard

GE = Comparator.GE


def _card(as_of: str = "2023-06-01") -> Scorecard:
    goals = [
        goal("plan.a", target=q("10", cmp=GE)),
        goal("plan.b", metric="fdi", target=q("8", cmp=GE)),
        goal("plan.c", metric="soft", target=q("15", cmp=GE)),
        goal(
            "plan.d",
            metric=None,
            measure=Measure.LEVEL,
            parts=[
                GoalPart("prov", count("13"), "省重点项目"),
                GoalPart("muni", count("31"), "市重点项目"),
            ],
        ),
    ]
    outcomes = [
        outcome("review.a", value=q("10.6")),
        outcome("review.c", metric="soft", value=q("10.7")),
        outcome("review.p", metric="prov", measure=Measure.LEVEL, value=count("13")),
    ]
    return ledger(goals, outcomes).reconcile(year=2022, as_of=as_of)


def test_summary_has_all_seven_statuses_in_fixed_order() -> None:
    card = _card()
    summary = card.summary()
    assert list(summary) == [s.value for s in STATUS_ORDER]
    assert list(summary) == [
        "met",
        "missed",
        "partially_met",
        "in_progress",
        "pending",
        "no_evidence",
        "not_comparable",
    ]
    assert summary == {
        "met": 1,
        "missed": 1,
        "partially_met": 1,
        "in_progress": 0,
        "pending": 0,
        "no_evidence": 1,
        "not_comparable": 0,
    }
    assert len(card) == 4
    assert [a.goal_id for a in card] == ["plan.a", "plan.b", "plan.c", "plan.d"]


def test_selective_reporting_rate() -> None:
    assert _card().selective_reporting_rate() == Decimal(1) / Decimal(4)
    assert _card(as_of="2023-02-15").selective_reporting_rate() is None  # nothing past grace


def test_json_contract_keys_and_byte_identity() -> None:
    card = _card()
    data = card.to_json()
    assert {"year", "as_of", "entity", "summary", "assessments"} <= set(data)
    first = data["assessments"][0]
    assert {
        "goal_id",
        "entity",
        "metric",
        "period",
        "status",
        "confidence",
        "target",
        "actual",
        "margin",
        "attainment",
        "reasons",
        "evidence",
        "override",
    } <= set(first)
    assert set(first["target"]) >= {"value", "low", "high", "unit", "comparator"}
    assert set(first["actual"]) >= {"value", "unit", "source", "preliminary"}
    assert first["actual"]["value"] == "10.6"
    assert isinstance(first["margin"], str)
    assert {"source", "published", "quote"} <= set(first["evidence"][0])
    assert data["assessments"][1]["actual"] is None
    text = json.dumps(data, ensure_ascii=False, indent=2)
    assert text == json.dumps(_card().to_json(), ensure_ascii=False, indent=2)


def test_records_flatten_parts() -> None:
    rows = _card().to_records()
    assert [r["goal_id"] for r in rows] == [
        "plan.a",
        "plan.b",
        "plan.c",
        "plan.d",
        "plan.d",
        "plan.d",
    ]
    assert [r["part"] for r in rows[3:]] == ["", "prov", "muni"]
    assert all(list(r) == list(RECORD_FIELDS) for r in rows)
    assert rows[0]["quote"] == "完成 review.a"
    assert rows[4]["status"] == "met"


def test_dataframe() -> None:
    frame = _card().to_dataframe()
    assert list(frame.columns) == list(RECORD_FIELDS)
    assert len(frame) == 6


def test_dataframe_without_pandas_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(HitechTargetsError, match=r'pip install "hitech-targets\[pandas\]"'):
        _card().to_dataframe()


def test_html_escapes_and_shows_status_as_text_and_colour() -> None:
    led = ledger([goal("plan.a", target=q("10", cmp=GE))], [outcome("review.a", value=q("10.6"))])
    card = led.reconcile(year=2022, as_of="2023-06-01")
    html = card._repr_html_()
    assert "<table" in html and ">met</td>" in html and "background:" in html
    import attrs

    target = attrs.evolve(q("10", cmp=GE), text="<b>两位数以上</b>")
    evil = ledger([goal("plan.a", metric="x-1", target=target)]).reconcile(
        year=2022, as_of="2023-06-01"
    )
    html = evil._repr_html_()
    assert ">no_evidence</td>" in html
    assert "&lt;b&gt;两位数以上&lt;/b&gt;" in html and "<b>" not in html


def test_report_delegates_lazily(monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    fake = types.ModuleType("hitech_targets.report")
    calls: list[tuple[object, dict[str, object]]] = []

    def report(card: object, **kwargs: object) -> str:
        calls.append((card, kwargs))
        return "rendered"

    fake.report = report  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "hitech_targets.report", fake)
    card = _card()
    assert card.report(locale="en") == "rendered"
    assert calls == [(card, {"locale": "en"})]


def test_status_values_are_the_model_statuses() -> None:
    assert set(STATUS_ORDER) == set(Status)
