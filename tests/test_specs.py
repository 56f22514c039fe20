"""The committed specs: they load, quote their seeds faithfully and say what the seeds say."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from hitech_targets.coverage import document_coverage
from hitech_targets.ledger import Ledger
from hitech_targets.loader import load
from hitech_targets.model import Dimension, RelationKind, Script, Strength
from hitech_targets.period import Period
from hitech_targets.quantity import Comparator, Measure, Quantity, Unit
from hitech_targets.textnorm import fold

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / "specs"

#: source id -> (seed file, publication date, script)
SOURCES = {
    "torch-2022-workplan": ("seeds/001_61a3d4affb09c4ff.txt", "2022-02-24", Script.HANS),
    "torch-2026-workplan": ("seeds/000_47153831da318765.txt", "2026-02-12", Script.HANS),
    "torch-2025-news": ("seeds/002_58bfb63406a29642.txt", "2025-01-11", Script.HANT),
    "newspaper-2022-decade": ("seeds/003_f158e68e355136ae.txt", "2022-10-15", Script.HANS),
    "xiamen-stb-2025-reply": ("seeds/004_bc873c37896dcc4b.txt", "2025-05-20", Script.HANS),
}


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return load(SPECS)


def _q(q: Quantity | None) -> tuple[Comparator, Decimal | None, Unit]:
    assert q is not None
    return (q.comparator, q.value, q.unit)


# --- sources ---------------------------------------------------------------------------------


def test_the_five_seeds_are_captured(ledger: Ledger) -> None:
    assert {s.id for s in ledger.sources} == set(SOURCES)
    for source in ledger.sources:
        path, published, script = SOURCES[source.id]
        assert source.text == path
        assert (ROOT / source.text).is_file()
        assert source.published == dt.date.fromisoformat(published)
        assert source.script is script


def test_inferred_dates_are_explained(ledger: Ledger) -> None:
    assert "2026-02-11" in ledger.source("torch-2026-workplan").note
    assert "推定" in ledger.source("torch-2025-news").note
    assert "二十大" in ledger.source("newspaper-2022-decade").note


def test_every_quote_occurs_in_its_seed(ledger: Ledger) -> None:
    for record in (*ledger.goals, *ledger.outcomes):
        text = (ROOT / ledger.source(record.source).text).read_text(encoding="utf-8")
        assert fold(record.quote) in fold(text), record.id


def test_traditional_source_is_quoted_in_traditional_script(ledger: Ledger) -> None:
    text = (ROOT / SOURCES["torch-2025-news"][0]).read_text(encoding="utf-8")
    verbatim = fold(text, simplify=False)
    records = [*ledger.goals_for(source="torch-2025-news"),
               *ledger.outcomes_for(source="torch-2025-news")]
    assert records
    for record in records:
        assert fold(record.quote, simplify=False) in verbatim, record.id


def test_ids_name_their_source_and_outcomes_their_period(ledger: Ledger) -> None:
    for goal in ledger.goals:
        assert goal.id.startswith(goal.source + "."), goal.id
    for outcome in ledger.outcomes:
        source, period, _slug = outcome.id.split(".", 2)
        assert source == outcome.source, outcome.id
        assert period == outcome.period.label.lower(), outcome.id


# --- 001: the 2022 预期目标 and the 2021 results -----------------------------------------------


@pytest.mark.parametrize(
    ("goal_id", "metric", "measure", "target"),
    [
        ("torch-2022-workplan.industrial-va-growth", "industrial-value-added", Measure.GROWTH,
         (Comparator.GE, Decimal(10), Unit.PERCENT)),
        ("torch-2022-workplan.fixed-asset-investment-growth", "fixed-asset-investment",
         Measure.GROWTH, (Comparator.GE, Decimal(10), Unit.PERCENT)),
        ("torch-2022-workplan.software-it-services-revenue-growth",
         "software-it-services-revenue", Measure.GROWTH,
         (Comparator.GE, Decimal(15), Unit.PERCENT)),
        ("torch-2022-workplan.fdi-growth", "fdi-actual-cny", Measure.GROWTH,
         (Comparator.GE, Decimal(8), Unit.PERCENT)),
        ("torch-2022-workplan.new-national-high-tech-enterprises",
         "new-national-high-tech-enterprises", Measure.LEVEL,
         (Comparator.GE, Decimal(165), Unit.COUNT)),
    ],
)
def test_expected_targets_of_2022(
    ledger: Ledger, goal_id: str, metric: str, measure: Measure,
    target: tuple[Comparator, Decimal, Unit],
) -> None:
    goal = ledger.goal(goal_id)
    assert (goal.metric, goal.measure, goal.entity) == (metric, measure, "xiamen-torch")
    assert goal.period == Period.parse("2022")
    assert _q(goal.target) == target
    assert goal.strength is Strength.ASPIRATIONAL  # 力争 … 努力: the whole paragraph


def test_2021_headline_results(ledger: Ledger) -> None:
    va = ledger.outcome("torch-2022-workplan.2021.industrial-va")
    assert _q(va.value) == (Comparator.EQ, Decimal("83302000000"), Unit.CNY)
    growth = ledger.outcome("torch-2022-workplan.2021.industrial-va-growth")
    assert _q(growth.value) == (Comparator.EQ, Decimal("10.6"), Unit.PERCENT)
    output = ledger.outcome("torch-2022-workplan.2021.industrial-output")
    assert _q(output.value) == (Comparator.EQ, Decimal("345380000000"), Unit.CNY)
    fdi = ledger.outcome("torch-2022-workplan.2021.fdi")
    assert fdi.metric == "fdi-actual-cny"
    assert _q(fdi.value) == (Comparator.EQ, Decimal("3500000000"), Unit.CNY)
    hte = ledger.outcome("torch-2022-workplan.2021.national-high-tech-enterprises")
    assert _q(hte.value) == (Comparator.GT, Decimal(1200), Unit.COUNT)


@pytest.mark.parametrize(
    ("outcome_id", "value", "attainment"),
    [
        ("torch-2022-workplan.2021.provincial-key-projects-investment", "18935000000", "116.02"),
        ("torch-2022-workplan.2021.municipal-key-projects-investment", "20938000000", "115.88"),
        ("torch-2025-news.2024.provincial-key-projects-investment", "22750000000", "126.9"),
        ("torch-2026-workplan.2025.key-projects-investment", "22670000000", "123.1"),
    ],
)
def test_key_project_investment_and_plan_completion(
    ledger: Ledger, outcome_id: str, value: str, attainment: str
) -> None:
    outcome = ledger.outcome(outcome_id)
    assert _q(outcome.value) == (Comparator.EQ, Decimal(value), Unit.CNY)
    assert _q(outcome.attainment) == (Comparator.EQ, Decimal(attainment), Unit.PERCENT)


def test_compound_key_project_goal(ledger: Ledger) -> None:
    goal = ledger.goal("torch-2022-workplan.key-projects")
    assert [(p.metric, p.target.value) for p in goal.parts] == [
        ("provincial-key-projects", Decimal(13)),
        ("municipal-key-projects", Decimal(31)),
    ]


def test_safety_goal_is_a_hard_event(ledger: Ledger) -> None:
    goal = ledger.goal("torch-2022-workplan.no-major-accident")
    assert (goal.measure, goal.strength, goal.target) == (Measure.EVENT, Strength.HARD, None)


def test_milestones_have_descriptions(ledger: Ledger) -> None:
    milestones = [g for g in ledger.goals if g.is_milestone]
    assert len([g for g in milestones if g.source == "torch-2022-workplan"]) >= 15
    for goal in milestones:
        assert goal.description and goal.metric is None and goal.target is None, goal.id


# --- 000 and 002 -----------------------------------------------------------------------------


def test_2026_goals_and_2025_results(ledger: Ledger) -> None:
    signed = ledger.goal("torch-2026-workplan.new-signed-investment")
    assert _q(signed.target) == (Comparator.GE, Decimal("180000000000"), Unit.CNY)
    assert _q(ledger.goal("torch-2026-workplan.capacity-expansion-projects").target) == (
        Comparator.GT, Decimal(120), Unit.COUNT)
    fdi = ledger.outcome("torch-2026-workplan.2025.fdi")
    assert fdi.metric == "fdi-actual-usd"
    assert _q(fdi.value) == (Comparator.APPROX, Decimal("290000000"), Unit.USD)
    reits = ledger.outcome("torch-2026-workplan.2025.reits-accepted")
    assert reits.goal == "torch-2026-workplan.reits-issue"
    assert ledger.goal("torch-2026-workplan.reits-issue").is_milestone


def test_preliminary_news_figures(ledger: Ledger) -> None:
    va = ledger.outcome("torch-2025-news.2024.industrial-va-growth")
    assert va.preliminary
    assert _q(va.value) == (Comparator.APPROX, Decimal(10), Unit.PERCENT)
    assert ledger.metric(va.metric or "").related(RelationKind.PROXY_FOR) == (
        "industrial-value-added",)
    fdi = ledger.outcome("torch-2025-news.2024.fdi")
    assert _q(fdi.value) == (Comparator.APPROX, Decimal("371000000"), Unit.USD)
    assert len(ledger.goals_for(source="torch-2025-news", year=2025)) == 5


# --- 003 and 004: other entities -------------------------------------------------------------


def test_lianyungang_fourteenth_plan_goals(ledger: Ledger) -> None:
    goals = ledger.goals_for(entity="lianyungang-hitech")
    assert {g.id: _q(g.target) for g in goals} == {
        "newspaper-2022-decade.lianyungang-new-industrial-investment":
            (Comparator.EQ, Decimal("80000000000"), Unit.CNY),
        "newspaper-2022-decade.lianyungang-new-leading-industry-output":
            (Comparator.EQ, Decimal("100000000000"), Unit.CNY),
    }
    for goal in goals:
        assert goal.period.plan_name == "十四五"


def test_newspaper_cumulative_span(ledger: Ledger) -> None:
    span = Period.parse("2012-2021")
    talents = ledger.outcome("newspaper-2022-decade.2012-2021.high-level-talents")
    assert (talents.period, talents.cumulative) == (span, True)
    assert talents.value is not None and talents.value.value == Decimal(2665)
    longyan = ledger.outcomes_for(entity="longyan-hitech", period=Period.parse("2020"))
    assert {o.value.value for o in longyan if o.value} == {Decimal("54.3"), Decimal("4.97")}
    city = ledger.outcome("newspaper-2022-decade.2020.longyan-city-rd-share")
    assert city.entity == "longyan"


def test_city_figures_are_the_citys(ledger: Ledger) -> None:
    letter = ledger.outcomes_for(source="xiamen-stb-2025-reply")
    # The city's figures, and a district's (集美区) on its own entity: never the zone's.
    assert letter and {o.entity for o in letter} == {"xiamen", "jimei"}
    assert {o.id for o in letter if o.entity == "jimei"} == {
        "xiamen-stb-2025-reply.2025.jimei-collective-projects",
        "xiamen-stb-2025-reply.2025.jimei-collective-villages",
        "xiamen-stb-2025-reply.2025.jimei-collective-income",
    }
    hte = ledger.outcome("xiamen-stb-2025-reply.2024.national-high-tech-enterprises")
    assert _q(hte.value) == (Comparator.EQ, Decimal(4735), Unit.COUNT)
    share = ledger.outcome("xiamen-stb-2025-reply.2025q1.high-tech-manufacturing-share")
    assert share.period == Period.parse("2025Q1")
    assert "规模一是工业增加值" in share.quote  # the source's typo, quoted verbatim
    pp = ledger.outcome("xiamen-stb-2025-reply.2025q1.high-tech-manufacturing-share-change")
    assert _q(pp.value) == (Comparator.EQ, Decimal("1.7"), Unit.PP)
    since_2021 = ledger.outcomes_for(source="xiamen-stb-2025-reply",
                                     period=Period.parse("2021-2025"))
    assert len(since_2021) == 7 and all(o.cumulative for o in since_2021)


# --- registries ------------------------------------------------------------------------------


def test_entities_and_parents(ledger: Ledger) -> None:
    parents = {e.id: e.parent for e in ledger.entities}
    assert parents == {
        "xiamen": None, "xiamen-torch": "xiamen", "jimei": "xiamen",
        "lianyungang": None, "lianyungang-hitech": "lianyungang",
        "longyan": None, "longyan-hitech": "longyan",
    }


def test_metric_registry(ledger: Ledger) -> None:
    used = {g.metric for g in ledger.goals if g.metric}
    used |= {p.metric for g in ledger.goals for p in g.parts}
    used |= {o.metric for o in ledger.outcomes if o.metric}
    assert used == {m.id for m in ledger.metrics}  # every metric used, none orphaned
    headline = [m.id for m in ledger.metrics if m.headline]
    assert 5 <= len(headline) <= 8
    assert "industrial-value-added" in headline
    software = ledger.metric("software-park-internet-revenue")
    assert software.related(RelationKind.PROXY_FOR) == ("software-it-services-revenue",)
    assert ledger.metric("software-revenue").related(RelationKind.PROXY_FOR) == (
        "software-it-services-revenue",)
    usd = ledger.metric("fdi-actual-usd")
    assert usd.related(RelationKind.CURRENCY_VARIANT) == ("fdi-actual-cny",)
    assert ledger.metric("provincial-dev-zone-rank").dimension is Dimension.RANK


def test_fx_rates(ledger: Ledger) -> None:
    rates = {r.year: r.rate for r in ledger.fx_rates}
    assert rates == {2021: Decimal("6.4515"), 2022: Decimal("6.7261"), 2024: Decimal("7.1217")}
    assert all("统计公报" in r.source for r in ledger.fx_rates)
    usd_years = {o.period.start.year for o in ledger.outcomes
                 if o.value is not None and o.value.unit is Unit.USD}
    assert usd_years - set(rates) <= {2025}  # 2025: official rate not yet recorded


# --- coverage: every figure the extractor reports is captured or ignored ----------------------


def test_coverage_is_complete_on_every_seed(ledger: Ledger) -> None:
    coverages = {c.source: c for c in document_coverage(ledger)}
    assert set(coverages) == set(SOURCES)
    for source_id, coverage in coverages.items():
        assert coverage.total > 0, source_id
        assert [c.quote for c in coverage.uncovered] == [], source_id
        assert coverage.captured + coverage.ignored == coverage.total
        assert coverage.percent == Decimal(100)
    # most figures are captured as records, not waved away as ignored
    assert all(c.captured >= 0.8 * c.total for c in coverages.values())
