"""The Ledger: sorted records, id lookups, and filtered views that agree with plain filtering."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_dump import ledgers

from hitech_targets.ledger import Ledger
from hitech_targets.loader import load
from hitech_targets.period import Period

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seeds() -> Ledger:
    return load(REPO / "specs")


def test_records_are_sorted_and_order_does_not_matter(seeds: Ledger) -> None:
    assert [g.id for g in seeds.goals] == sorted(g.id for g in seeds.goals)
    shuffled = Ledger(
        sources=reversed(seeds.sources), entities=reversed(seeds.entities),
        metrics=reversed(seeds.metrics), goals=reversed(seeds.goals),
        outcomes=reversed(seeds.outcomes), fx_rates=reversed(seeds.fx_rates),
    )
    assert shuffled == seeds


def test_lookups(seeds: Ledger) -> None:
    goal = seeds.goals[0]
    assert seeds.goal(goal.id) is goal
    assert seeds.source(goal.source).id == goal.source
    assert seeds.entity(goal.entity).id == goal.entity
    outcome = seeds.outcomes[0]
    assert seeds.outcome(outcome.id) is outcome
    assert seeds.text(outcome.source)
    with pytest.raises(KeyError):
        seeds.goal("no-such-goal")
    rate = seeds.fx_rate(2021)
    assert rate is not None and (rate.base, rate.quote, rate.year) == ("USD", "CNY", 2021)
    assert seeds.fx_rate(1999) is None


def test_texts_and_ignores_are_not_part_of_equality(seeds: Ledger) -> None:
    bare = Ledger(seeds.sources, seeds.entities, seeds.metrics, seeds.goals, seeds.outcomes,
                  seeds.fx_rates)
    assert bare == seeds and bare.texts == {}


_FILTERS = st.fixed_dictionaries({}, optional={
    "entity": st.sampled_from(["city", "zone", "elsewhere"]),
    "period": st.sampled_from([Period.year(2022), Period.parse("十四五")]),
    "year": st.integers(2019, 2031),
})


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers(), _FILTERS, st.data())
def test_filtered_views_agree_with_plain_filtering(
    case: tuple[Ledger, dict[str, str]], filters: dict[str, object], data: st.DataObject
) -> None:
    ledger, _ = case
    metric = data.draw(st.none() | st.sampled_from([m.id for m in ledger.metrics]))
    source = data.draw(st.none() | st.sampled_from([s.id for s in ledger.sources]))
    entity = filters.get("entity")
    period = filters.get("period")
    year = filters.get("year")
    goals = ledger.goals_for(entity=entity, metric=metric, period=period, source=source,
                             year=year)  # type: ignore[arg-type]
    assert goals == tuple(
        g for g in ledger.goals
        if entity in (None, g.entity) and metric in (None, g.metric)
        and period in (None, g.period) and source in (None, g.source)
        and (year is None or g.period.overlaps_year(year))  # type: ignore[arg-type]
    )
    day = dt.date(2022, 2, 15)
    outcomes = ledger.outcomes_for(entity=entity, metric=metric, period=period, source=source,
                                   published_by=day)  # type: ignore[arg-type]
    assert outcomes == tuple(
        o for o in ledger.outcomes
        if entity in (None, o.entity) and metric in (None, o.metric)
        and period in (None, o.period) and source in (None, o.source)
        and ledger.source(o.source).published <= day
    )
    for goal in ledger.goals:
        assert ledger.evidence_for(goal.id) == tuple(
            o for o in ledger.outcomes if o.goal == goal.id)
        assert goal in ledger.goals_ending_in(goal.period.end.year)
