"""Outcome choice: time travel, supersession of preliminary figures, conflicts."""

from __future__ import annotations

import datetime as dt

from ledger_factory import Measure, goal, ledger, outcome, q, source

from hitech_targets.evidence import choose, known_outcomes, same_figure, sources_checked
from hitech_targets.period import Period

SOURCES = (
    source("plan", "2022-02-24"),
    source("news", "2023-01-12"),
    source("review", "2023-02-10"),
    source("zlater", "2023-02-10"),
)


def _led(*outcomes: object) -> object:
    return ledger([goal("plan.g")], outcomes, sources=SOURCES)  # type: ignore[arg-type]


def test_known_outcomes_respect_as_of_and_measure() -> None:
    led = _led(
        outcome("news.o", src="news", value=q("10"), preliminary=True),
        outcome("review.o", value=q("10.6")),
        outcome("review.l", measure=Measure.LEVEL, value=q("1")),
    )
    kw = {
        "entity": "xiamen-torch",
        "metric": "iva",
        "period": Period.parse("2022"),
        "measure": Measure.GROWTH,
    }
    assert [o.id for o in known_outcomes(led, as_of=dt.date(2023, 1, 31), **kw)] == ["news.o"]  # type: ignore[arg-type]
    assert [o.id for o in known_outcomes(led, as_of=dt.date(2023, 2, 10), **kw)] == [
        "news.o",
        "review.o",
    ]  # type: ignore[arg-type]


def test_only_preliminaries_latest_wins() -> None:
    a = outcome("news.o", src="news", value=q("10"), preliminary=True)
    b = outcome("review.o", value=q("10.2"), preliminary=True)
    choice = choose(_led(a, b), [a, b])  # type: ignore[arg-type]
    assert choice is not None and choice.chosen.id == "review.o"
    assert choice.reasons[0].args["rule"] == "latest_preliminary"


def test_final_beats_later_preliminary() -> None:
    final = outcome("news.o", src="news", value=q("10.6"))
    prelim = outcome("review.o", value=q("10"), preliminary=True)
    choice = choose(_led(final, prelim), [prelim, final])  # type: ignore[arg-type]
    assert choice is not None and choice.chosen.id == "news.o"
    assert choice.superseded == (prelim,)


def test_conflict_tie_on_date_broken_by_source_id_whatever_the_order() -> None:
    a = outcome("review.o", value=q("10.6"))
    b = outcome("zlater.o", src="zlater", value=q("10.8"))
    led = _led(a, b)
    for order in ([a, b], [b, a]):
        choice = choose(led, order)  # type: ignore[arg-type]
        assert choice is not None and choice.chosen.id == "zlater.o"
        assert choice.conflicting == (a,)
        assert choice.reasons[0].args["rule"] == "later_published_final"


def test_same_figure_ignores_wording_but_not_comparator() -> None:
    import attrs

    a = outcome("review.o", value=attrs.evolve(q("10"), text="10%"))
    b = outcome("news.o", src="news", value=attrs.evolve(q("10"), text="百分之十"))
    c = outcome("news.p", src="news", value=q("10", cmp=q("1").comparator.__class__.GT))
    assert same_figure(a, b)
    assert not same_figure(a, c)


def test_sources_checked_counts_sources_between_goal_and_as_of() -> None:
    led = _led()
    assert sources_checked(led, dt.date(2022, 2, 24), dt.date(2023, 2, 10)) == 3  # type: ignore[arg-type]
    assert sources_checked(led, dt.date(2022, 2, 24), dt.date(2023, 1, 31)) == 1  # type: ignore[arg-type]


def test_compatible_finals_are_not_a_conflict_but_the_later_is_used() -> None:
    from ledger_factory import Comparator

    a = outcome("review.o", value=q("42", cmp=Comparator.APPROX, approximate=True))
    b = outcome("zlater.o", src="zlater", value=q("42", cmp=Comparator.GE))
    choice = choose(_led(a, b), [a, b])  # type: ignore[arg-type]
    assert choice is not None and choice.chosen.id == "zlater.o"
    assert choice.conflicting == ()
    assert choice.reasons[0].args["rule"] == "final_figure"
