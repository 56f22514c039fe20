"""Periods: labels round-trip, plan names, inclusive bounds, month ends, inverted periods."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hitech_targets.errors import PeriodError
from hitech_targets.period import FIVE_YEAR_PLANS, Period, PeriodKind

_PERIODS = st.one_of(
    st.integers(1990, 2060).map(Period.year),
    st.tuples(st.integers(1990, 2060), st.integers(1, 4)).map(lambda t: Period.quarter(*t)),
    st.tuples(st.integers(1990, 2060), st.integers(1, 2)).map(lambda t: Period.half(*t)),
    st.tuples(st.integers(1990, 2060), st.integers(1, 12), st.integers(1, 12))
    .filter(lambda t: t[1] <= t[2]).map(lambda t: Period.months(*t)),
    st.tuples(st.integers(1990, 2060), st.integers(0, 10)).map(
        lambda t: Period.years(t[0], t[0] + t[1])),
)


@given(_PERIODS)
def test_label_parses_back_to_the_same_period(period: Period) -> None:
    assert Period.parse(period.label) == period
    assert str(period) == period.label


@pytest.mark.parametrize(
    ("label", "start", "end", "kind"),
    [
        ("2022", dt.date(2022, 1, 1), dt.date(2022, 12, 31), PeriodKind.YEAR),
        ("2025Q1", dt.date(2025, 1, 1), dt.date(2025, 3, 31), PeriodKind.QUARTER),
        ("2024H1", dt.date(2024, 1, 1), dt.date(2024, 6, 30), PeriodKind.HALF),
        ("2024-01/02", dt.date(2024, 1, 1), dt.date(2024, 2, 29), PeriodKind.MONTHS),
        ("2025-01/05", dt.date(2025, 1, 1), dt.date(2025, 5, 31), PeriodKind.MONTHS),
        ("十四五", dt.date(2021, 1, 1), dt.date(2025, 12, 31), PeriodKind.PLAN),
        ("2021-2025", dt.date(2021, 1, 1), dt.date(2025, 12, 31), PeriodKind.PLAN),
        ("2012-2021", dt.date(2012, 1, 1), dt.date(2021, 12, 31), PeriodKind.SPAN),
        (" 2022 ", dt.date(2022, 1, 1), dt.date(2022, 12, 31), PeriodKind.YEAR),
    ],
)
def test_parse(label: str, start: dt.date, end: dt.date, kind: PeriodKind) -> None:
    period = Period.parse(label)
    assert (period.start, period.end, period.kind) == (start, end, kind)


def test_plan_names_and_labels() -> None:
    assert Period.parse("十四五").label == "2021-2025"
    assert Period.parse("十四五").plan_name == "十四五"
    assert Period.parse("2012-2021").plan_name is None
    assert Period.year(2022).plan_name is None
    for name, (first, last) in FIVE_YEAR_PLANS.items():
        assert Period.parse(name) == Period.parse(f"{first}-{last}")


@pytest.mark.parametrize(
    "label", ["2025-2021", "2025-05/01", "2025Q5", "2025Q0", "2025H3", "2025-13/14", "二〇二二",
              "2022年", "", "22", "2022-1/5"],
)
def test_bad_labels_raise_period_error(label: str) -> None:
    with pytest.raises(PeriodError):
        Period.parse(label)


def test_inverted_period_is_refused_by_the_constructor() -> None:
    with pytest.raises(PeriodError, match="inverted"):
        Period(PeriodKind.SPAN, dt.date(2025, 1, 1), dt.date(2021, 12, 31))


def test_coverage_and_due_dates() -> None:
    plan = Period.parse("十四五")
    assert plan.is_multi_year and list(plan.years_covered) == [2021, 2022, 2023, 2024, 2025]
    assert plan.contains(Period.year(2023)) and not Period.year(2023).contains(plan)
    assert plan.overlaps_year(2025) and not plan.overlaps_year(2026)
    year = Period.year(2022)
    assert not year.ends_by(dt.date(2022, 12, 31))
    assert year.ends_by(dt.date(2023, 1, 1))
    assert not year.ends_by(dt.date(2023, 3, 31), grace_days=90)
    assert year.ends_by(dt.date(2023, 4, 1), grace_days=90)


@given(_PERIODS, _PERIODS)
def test_sort_key_orders_by_start_then_end(a: Period, b: Period) -> None:
    if a.sort_key() < b.sort_key():
        assert (a.start, a.end) <= (b.start, b.end)
