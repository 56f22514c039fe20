"""The reconciler on small synthetic ledgers: one test (or more) per status rule."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from ledger_factory import (
    Comparator,
    FxRate,
    GoalPart,
    Measure,
    Override,
    Progress,
    Relation,
    RelationKind,
    Status,
    count,
    goal,
    ledger,
    metric,
    one,
    outcome,
    q,
    source,
    usd_yi,
    yi,
)

from hitech_targets.assessment import Confidence
from hitech_targets.errors import ReconcileError
from hitech_targets.reconcile import ReconcileOptions, reconcile

GE, GT, LE, LT, EQ, APPROX, RANGE = (
    Comparator.GE,
    Comparator.GT,
    Comparator.LE,
    Comparator.LT,
    Comparator.EQ,
    Comparator.APPROX,
    Comparator.RANGE,
)


def codes(assessment: object) -> list[str]:
    return [r.code for r in assessment.reasons]  # type: ignore[attr-defined]


def growth_case(target: object, actual: object, **kw: object) -> object:
    led = ledger([goal("plan.g", target=target)], [outcome("review.o", value=actual)])
    return one(led, **kw)


# --- comparators -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "actual", "status"),
    [
        (q("10", cmp=GE), q("10"), Status.MET),  # 以上 includes the bound
        (q("10", cmp=GE), q("9.9"), Status.MISSED),
        (q("10", cmp=GT), q("10"), Status.MISSED),  # 超 excludes it
        (q("10", cmp=GT), q("10.1"), Status.MET),
        (q("5", cmp=LE), q("5"), Status.MET),  # 以下/以内 include it
        (q("5", cmp=LE), q("5.1"), Status.MISSED),
        (q("5", cmp=LT), q("5"), Status.MISSED),
        (q(None, cmp=RANGE, low="6", high="7"), q("6"), Status.MET),  # ranges inclusive
        (q(None, cmp=RANGE, low="6", high="7"), q("7"), Status.MET),
        (q(None, cmp=RANGE, low="6", high="7"), q("7.1"), Status.MISSED),
        (q(None, cmp=RANGE, low="6", high="7"), q("5.9"), Status.MISSED),
        (q("15"), q("15"), Status.MET),  # a bare figure is a floor
        (q("15"), q("14.99"), Status.MISSED),
    ],
)
def test_comparators_at_and_around_the_bound(
    target: object, actual: object, status: Status
) -> None:
    assessment = growth_case(target, actual)
    assert assessment.status is status  # type: ignore[attr-defined]


def test_margin_in_points_and_attainment_ratio() -> None:
    a = growth_case(q("15", cmp=GE), q("10.7"))
    assert a.status is Status.MISSED  # type: ignore[attr-defined]
    assert a.margin == Decimal("-4.3")  # type: ignore[attr-defined]
    assert a.attainment == Decimal("0.7133")  # type: ignore[attr-defined]


def test_level_margin_in_base_units() -> None:
    led = ledger(
        [goal("plan.g", measure=Measure.LEVEL, target=yi("300", GE))],
        [outcome("review.o", measure=Measure.LEVEL, value=yi("332.5"))],
    )
    a = one(led)
    assert a.status is Status.MET
    assert a.margin == Decimal("3250000000")


# --- approximate targets and bounded outcomes ---------------------------------------------


def test_approximate_target_met_within_tolerance() -> None:
    a = growth_case(q("10", cmp=APPROX, approximate=True), q("9.6"))
    assert a.status is Status.MET  # type: ignore[attr-defined]
    assert "within_tolerance" in codes(a)


def test_approximate_target_missed_below_tolerance() -> None:
    a = growth_case(q("10", cmp=APPROX, approximate=True), q("9.4"))
    assert a.status is Status.MISSED  # type: ignore[attr-defined]


def test_tolerance_is_an_option() -> None:
    a = growth_case(
        q("10", cmp=APPROX, approximate=True), q("9.4"), approx_tolerance_pp=Decimal("1")
    )
    assert a.status is Status.MET  # type: ignore[attr-defined]


def test_approximate_level_target_uses_relative_tolerance() -> None:
    led = ledger(
        [goal("plan.g", measure=Measure.LEVEL, target=yi("100", APPROX, approximate=True))],
        [outcome("review.o", measure=Measure.LEVEL, value=yi("98.5"))],
    )
    assert one(led).status is Status.MET
    led2 = ledger(
        [goal("plan.g", measure=Measure.LEVEL, target=yi("100", APPROX, approximate=True))],
        [outcome("review.o", measure=Measure.LEVEL, value=yi("97.9"))],
    )
    assert one(led2).status is Status.MISSED


def test_approximate_outcome_cannot_decide_a_floor_at_its_value() -> None:
    # 2024: 工业增加值增速10%左右 against 两位数以上 (>= 10): undecidable, said so.
    a = growth_case(q("10", cmp=GE), q("10", cmp=APPROX, approximate=True))
    assert a.status is Status.NOT_COMPARABLE  # type: ignore[attr-defined]
    assert "bound_undecidable" in codes(a)


def test_approximate_outcome_far_above_decides_with_lower_confidence() -> None:
    a = growth_case(q("10", cmp=GE), q("21.5", cmp=APPROX, approximate=True))
    assert a.status is Status.MET  # type: ignore[attr-defined]
    assert a.confidence is Confidence.MEDIUM  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("target", "actual", "status"),
    [
        (count("1000", GE), count("1200", GT), Status.MET),  # 超1200家 decides >= 1000
        (count("1200", GE), count("1200", GT), Status.MET),  # > 1200 is >= 1200
        (count("1300", GE), count("1200", GT), Status.NOT_COMPARABLE),  # > 1200 says nothing
        (count("20000", GE), count("20000", LT, approximate=True), Status.MISSED),  # 近2万
        (count("19000", GE), count("20000", LT, approximate=True), Status.MET),
        (count("19900", GE), count("20000", LT, approximate=True), Status.NOT_COMPARABLE),
    ],
)
def test_bounded_outcomes_compared_honestly(target: object, actual: object, status: Status) -> None:
    led = ledger(
        [goal("plan.g", measure=Measure.LEVEL, metric="firms", target=target)],  # type: ignore[arg-type]
        [outcome("review.o", measure=Measure.LEVEL, metric="firms", value=actual)],  # type: ignore[arg-type]
    )
    assert one(led).status is status


# --- two-tier goals --------------------------------------------------------------------


def test_floor_decides_and_stretch_reported_beside_it() -> None:
    led = ledger(
        [goal("plan.g", target=q("12", cmp=GE), stretch=q("14", cmp=GE))],
        [outcome("review.o", value=q("13"))],
    )
    a = one(led)
    assert a.status is Status.MET
    assert a.stretch_status is Status.MISSED
    assert a.to_json()["stretch"]["status"] == "missed"


def test_stretch_met_too() -> None:
    led = ledger(
        [goal("plan.g", target=q("12", cmp=GE), stretch=q("14", cmp=GE))],
        [outcome("review.o", value=q("14.3"))],
    )
    a = one(led)
    assert (a.status, a.stretch_status) == (Status.MET, Status.MET)


# --- pending and no_evidence ----------------------------------------------------------------


def test_pending_within_grace_and_no_evidence_after() -> None:
    led = ledger([goal("plan.g", target=q("10", cmp=GE))])
    assert one(led, as_of="2023-03-31").status is Status.PENDING  # 2022-12-31 + 90 days
    after = one(led, as_of="2023-04-01")
    assert after.status is Status.NO_EVIDENCE
    (reason,) = after.reasons
    assert reason.code == "no_outcome_reported"
    assert reason.args["metric"] == "iva"
    assert reason.args["period"] == "2022"
    assert reason.args["sources_checked"] == "1"


def test_grace_days_option() -> None:
    led = ledger([goal("plan.g", target=q("10", cmp=GE))])
    assert one(led, as_of="2023-01-15", grace_days=10).status is Status.NO_EVIDENCE
    assert one(led, as_of="2023-01-15").status is Status.PENDING


def test_early_evidence_decides_within_grace() -> None:
    led = ledger([goal("plan.g", target=q("10", cmp=GE))], [outcome("review.o", value=q("11"))])
    assert one(led, as_of="2023-02-10").status is Status.MET


def test_no_evidence_is_never_missed() -> None:
    led = ledger(
        [goal("plan.g", target=q("10", cmp=GE))],
        [outcome("review.o", value=q("11"), period="2021")],
    )
    assert one(led).status is Status.NO_EVIDENCE


# --- time travel, supersession, conflicts ----------------------------------------------


def _three_sources() -> tuple[object, ...]:
    return (
        source("plan", "2022-02-24"),
        source("news", "2023-01-12"),
        source("review", "2023-02-10"),
        source("later", "2024-02-01"),
    )


def test_time_travel_ignores_sources_published_after_as_of() -> None:
    led = ledger(
        [goal("plan.g", target=q("10", cmp=GE))],
        [outcome("later.o", src="later", value=q("11"))],
        sources=_three_sources(),  # type: ignore[arg-type]
    )
    assert one(led, as_of="2023-12-31").status is Status.NO_EVIDENCE
    assert one(led, as_of="2024-02-01").status is Status.MET


def test_goals_announced_after_as_of_are_not_scored() -> None:
    led = ledger([goal("plan.g", target=q("10", cmp=GE))])
    assert len(led.reconcile(year=2022, as_of="2022-01-01")) == 0


def test_final_figure_supersedes_preliminary() -> None:
    led = ledger(
        [goal("plan.g", target=q("10", cmp=GE))],
        [
            outcome("news.o", src="news", value=q("10.5"), preliminary=True),
            outcome("review.o", value=q("9.8")),
        ],
        sources=_three_sources(),  # type: ignore[arg-type]
    )
    early = one(led, as_of="2023-01-31")
    assert early.status is Status.MET
    assert early.confidence is Confidence.MEDIUM
    assert "preliminary_evidence" in codes(early)
    final = one(led, as_of="2023-03-01")
    assert final.status is Status.MISSED
    assert final.actual is not None and final.actual.quantity.value == Decimal("9.8")
    superseded = next(r for r in final.reasons if r.code == "preliminary_superseded")
    assert superseded.args == {
        "preliminary": "news.o",
        "preliminary_value": "10.5",
        "final": "review.o",
        "final_value": "9.8",
        "revised": "true",
    }
    assert [e.outcome_id for e in final.evidence] == ["review.o", "news.o"]


def test_conflicting_finals_later_published_wins() -> None:
    led = ledger(
        [goal("plan.g", target=q("10", cmp=GE))],
        [outcome("review.o", value=q("9.9")), outcome("later.o", src="later", value=q("10.2"))],
        sources=_three_sources(),  # type: ignore[arg-type]
    )
    a = one(led, as_of="2024-06-01")
    assert a.status is Status.MET
    conflict = next(r for r in a.reasons if r.code == "conflicting_figures")
    assert conflict.args["used"] == "later.o"
    assert conflict.args["other"] == "review.o"
    assert conflict.args["rule"] == "later_published_final"
    assert a.confidence is Confidence.MEDIUM


def test_same_figure_twice_is_no_conflict() -> None:
    led = ledger(
        [goal("plan.g", target=q("10", cmp=GE))],
        [outcome("review.o", value=q("10.2")), outcome("later.o", src="later", value=q("10.2"))],
        sources=_three_sources(),  # type: ignore[arg-type]
    )
    a = one(led, as_of="2024-06-01")
    assert "conflicting_figures" not in codes(a)
    assert a.confidence is Confidence.HIGH


# --- derivations -----------------------------------------------------------------------


def test_growth_derived_from_levels_in_two_reports() -> None:
    led = ledger(
        [goal("plan.g", target=q("10", cmp=GE))],
        [
            outcome(
                "plan.o2021", src="plan", measure=Measure.LEVEL, period="2021", value=yi("833.02")
            ),
            outcome("review.o2022", measure=Measure.LEVEL, value=yi("930")),
        ],
    )
    a = one(led)
    assert a.status is Status.MET
    step = next(r for r in a.reasons if r.code == "growth_from_levels")
    assert step.args["growth"] == "11.64"
    assert step.args["previous_source"] == "plan"
    assert a.actual is not None and a.actual.derived
    assert a.confidence is Confidence.MEDIUM


def test_level_from_base_and_growth() -> None:
    led = ledger(
        [goal("plan.g", measure=Measure.LEVEL, target=yi("900", GE))],
        [
            outcome(
                "plan.o2021", src="plan", measure=Measure.LEVEL, period="2021", value=yi("833.02")
            ),
            outcome("review.g2022", value=q("10")),
        ],
    )
    a = one(led)
    assert a.status is Status.MET
    step = next(r for r in a.reasons if r.code == "level_from_growth")
    assert Decimal(step.args["level"]) == Decimal("833.02") * 110 * 1_000_000


def test_currency_variant_converted_through_fx_registry() -> None:
    metrics = [
        metric("fdi-cny"),
        metric("fdi-usd", Relation(RelationKind.CURRENCY_VARIANT, "fdi-cny")),
    ]
    fx = [FxRate("USD", "CNY", 2022, Decimal("6.7261"), "国家统计局")]
    g = goal("plan.g", metric="fdi-cny", measure=Measure.LEVEL, target=yi("20", GE))
    o = outcome(
        "review.o",
        metric="fdi-usd",
        measure=Measure.LEVEL,
        value=usd_yi("3.71", APPROX, approximate=True),
    )
    a = one(ledger([g], [o], metrics=metrics, fx=fx))
    assert a.status is Status.MET
    step = next(r for r in a.reasons if r.code == "currency_converted")
    assert step.args["rate"] == "6.7261"
    assert step.args["converted"] == "2495383100"
    assert a.confidence is Confidence.LOW  # converted and approximate


def test_missing_fx_rate_gives_no_verdict() -> None:
    metrics = [
        metric("fdi-cny"),
        metric("fdi-usd", Relation(RelationKind.CURRENCY_VARIANT, "fdi-cny")),
    ]
    g = goal("plan.g", metric="fdi-cny", measure=Measure.LEVEL, target=yi("20", GE))
    o = outcome("review.o", metric="fdi-usd", measure=Measure.LEVEL, value=usd_yi("3.71"))
    a = one(ledger([g], [o], metrics=metrics))
    assert a.status is Status.NOT_COMPARABLE
    assert "fx_rate_missing" in codes(a)
    assert [e.outcome_id for e in a.evidence] == ["review.o"]


def test_proxy_metric_shown_but_not_comparable() -> None:
    metrics = [
        metric("software-revenue"),
        metric(
            "park-internet-revenue",
            Relation(RelationKind.PROXY_FOR, "software-revenue", "口径不同"),
        ),
    ]
    g = goal("plan.g", metric="software-revenue", target=q("15", cmp=GE))
    o = outcome(
        "review.o", metric="park-internet-revenue", value=q("21.5", cmp=APPROX, approximate=True)
    )
    a = one(ledger([g], [o], metrics=metrics))
    assert a.status is Status.NOT_COMPARABLE
    (reason,) = a.reasons
    assert reason.code == "proxy_metric"
    assert reason.args["proxy"] == "park-internet-revenue"
    assert reason.args["note"] == "口径不同"
    assert a.confidence is Confidence.LOW
    assert len(a.evidence) == 1


# --- cumulative multi-year goals ---------------------------------------------------------


def _plan_goal(target: object) -> object:
    return goal(
        "plan.g",
        metric="firms",
        measure=Measure.LEVEL,
        period="十四五",
        target=target,  # type: ignore[arg-type]
    )


def _yearly(*values: str) -> list[object]:
    return [
        outcome(
            f"review.y{2021 + i}",
            metric="firms",
            measure=Measure.LEVEL,
            period=str(2021 + i),
            value=count(v),
        )
        for i, v in enumerate(values)
    ]


def test_multi_year_goal_belongs_to_its_last_year() -> None:
    led = ledger([_plan_goal(count("1000", GE))])  # type: ignore[list-item]
    assert len(led.reconcile(year=2025, as_of="2023-01-01")) == 1
    assert len(led.reconcile(year=2022, as_of="2023-01-01")) == 0


def test_cumulative_in_progress_while_period_runs() -> None:
    led = ledger([_plan_goal(count("1000", GE))], _yearly("200", "250"))  # type: ignore[list-item,arg-type]
    a = one(led, year=2025, as_of="2023-12-31")
    assert a.status is Status.IN_PROGRESS
    step = next(r for r in a.reasons if r.code == "cumulative_progress")
    assert step.args["share"] == "0.45"
    assert step.args["covered_to"] == "2022-12-31"


def test_cumulative_reached_early_is_met() -> None:
    led = ledger([_plan_goal(count("400", GE))], _yearly("200", "250"))  # type: ignore[list-item,arg-type]
    a = one(led, year=2025, as_of="2023-12-31")
    assert a.status is Status.MET
    assert "reached_early" in codes(a)


def test_cumulative_sum_decides_after_period() -> None:
    led = ledger([_plan_goal(count("1000", GE))], _yearly("200", "200", "200", "200", "150"))  # type: ignore[list-item,arg-type]
    a = one(led, year=2025, as_of="2026-06-01")
    assert a.status is Status.MISSED
    assert a.actual is not None and a.actual.quantity.value == 950


def test_cumulative_outcome_preferred_and_incomplete_after_grace() -> None:
    cumulative = outcome(
        "review.c",
        metric="firms",
        measure=Measure.LEVEL,
        period="2021-2023",
        value=count("800"),
        cumulative=True,
    )
    led = ledger([_plan_goal(count("1000", GE))], [*_yearly("200"), cumulative])  # type: ignore[list-item]
    a = one(led, year=2025, as_of="2026-06-01")
    assert a.status is Status.NOT_COMPARABLE
    assert "cumulative_incomplete" in codes(a)
    assert "cumulative_reported" in codes(a)


# --- attainment --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "stated", "plan_yi"),
    [
        ("189.35", "116.02", "163.205"),
        ("209.38", "115.88", "180.687"),
        ("227.5", "126.9", "179.28"),
        ("226.7", "123.1", "184.16"),
    ],
)
def test_plan_implied_by_self_reported_attainment(value: str, stated: str, plan_yi: str) -> None:
    led = ledger(
        [goal("plan.g", metric="key-investment", measure=Measure.LEVEL, target=yi("150", GE))],
        [
            outcome(
                "review.o",
                metric="key-investment",
                measure=Measure.LEVEL,
                value=yi(value),
                attainment=q(stated),
            )
        ],
    )
    a = one(led)
    implied = next(r for r in a.reasons if r.code == "plan_implied")
    assert all("E" not in v for r in a.reasons for _, v in r.params if v[:1].isdigit())
    assert Decimal(implied.args["plan"]) == Decimal(plan_yi) * 100_000_000
    assert "attainment_consistent" in codes(a)


def test_attainment_inconsistent_with_embedded_plan() -> None:
    o = outcome(
        "review.o",
        metric="k",
        measure=Measure.LEVEL,
        value=yi("635"),
        plan=yi("710"),
        attainment=q("89.9"),
    )
    a = one(ledger([goal("plan.g", metric="k", measure=Measure.LEVEL, target=yi("700", GE))], [o]))
    check = next(r for r in a.reasons if r.code == "attainment_inconsistent")
    assert check.args["computed"] == "89.4"


def test_attainment_goal_scored_on_stated_share() -> None:
    o = outcome(
        "review.o", metric="k", measure=Measure.LEVEL, value=yi("227.5"), attainment=q("126.9")
    )
    g = goal("plan.g", metric="k", measure=Measure.ATTAINMENT, target=q("100", cmp=GE))
    a = one(ledger([g], [o]))
    assert a.status is Status.MET
    assert a.actual is not None and a.actual.quantity.value == Decimal("126.9")


# --- events, ranks, compound, milestones, overrides ------------------------------------


def test_zero_event_goal() -> None:
    g = goal("plan.g", metric="accidents", measure=Measure.EVENT)
    none = outcome("review.o", metric="accidents", measure=Measure.EVENT, value=None)
    some = outcome("review.o", metric="accidents", measure=Measure.EVENT, value=count("1"))
    assert one(ledger([g], [none])).status is Status.MET
    assert (
        one(
            ledger(
                [g],
                [outcome("review.o", metric="accidents", measure=Measure.EVENT, value=count("0"))],
            )
        ).status
        is Status.MET
    )
    missed = one(ledger([g], [some]))
    assert missed.status is Status.MISSED
    assert "event_reported" in codes(missed)
    assert one(ledger([g])).status is Status.NO_EVIDENCE


def test_rank_with_target() -> None:
    g = goal("plan.g", metric="rank", measure=Measure.RANK, target=Quantity_rank("5", LE))
    assert (
        one(
            ledger(
                [g],
                [
                    outcome(
                        "review.o", metric="rank", measure=Measure.RANK, value=Quantity_rank("3")
                    )
                ],
            )
        ).status
        is Status.MET
    )
    assert (
        one(
            ledger(
                [g],
                [
                    outcome(
                        "review.o", metric="rank", measure=Measure.RANK, value=Quantity_rank("6")
                    )
                ],
            )
        ).status
        is Status.MISSED
    )
    first = goal("plan.g", metric="rank", measure=Measure.RANK, target=Quantity_rank("1"))
    assert (
        one(
            ledger(
                [first],
                [
                    outcome(
                        "review.o", metric="rank", measure=Measure.RANK, value=Quantity_rank("1")
                    )
                ],
            )
        ).status
        is Status.MET
    )
    assert (
        one(
            ledger(
                [first],
                [
                    outcome(
                        "review.o", metric="rank", measure=Measure.RANK, value=Quantity_rank("2")
                    )
                ],
            )
        ).status
        is Status.MISSED
    )


def Quantity_rank(value: str, cmp: Comparator = EQ) -> object:
    from hitech_targets.quantity import Quantity, Unit

    return Quantity(Decimal(value), Unit.RANK, comparator=cmp)


def test_qualitative_rank_goal() -> None:
    g = goal("plan.g", metric="rank", measure=Measure.RANK)  # 保持全市前列
    first = one(
        ledger(
            [g],
            [outcome("review.o", metric="rank", measure=Measure.RANK, value=Quantity_rank("1"))],
        )
    )  # type: ignore[arg-type]
    assert first.status is Status.MET
    third = one(
        ledger(
            [g],
            [outcome("review.o", metric="rank", measure=Measure.RANK, value=Quantity_rank("3"))],
        )
    )  # type: ignore[arg-type]
    assert third.status is Status.NOT_COMPARABLE
    assert "qualitative_rank_undecidable" in codes(third)


def _compound(gid: str = "plan.g") -> object:
    return goal(
        gid,
        metric=None,
        measure=Measure.LEVEL,
        parts=[
            GoalPart("provincial", count("13"), "省重点项目"),
            GoalPart("municipal", count("31"), "市重点项目"),
        ],
    )


def test_compound_goal_partially_met() -> None:
    outcomes = [
        outcome("review.p", metric="provincial", measure=Measure.LEVEL, value=count("13")),
        outcome("review.m", metric="municipal", measure=Measure.LEVEL, value=count("29")),
    ]
    a = one(ledger([_compound()], outcomes))  # type: ignore[list-item]
    assert a.status is Status.PARTIALLY_MET
    assert [p.status for p in a.parts] == [Status.MET, Status.MISSED]
    assert a.reasons[0].args["met"] == "1"


def test_compound_goal_all_met_and_none_reported() -> None:
    outcomes = [
        outcome("review.p", metric="provincial", measure=Measure.LEVEL, value=count("13")),
        outcome("review.m", metric="municipal", measure=Measure.LEVEL, value=count("37")),
    ]
    assert one(ledger([_compound()], outcomes)).status is Status.MET  # type: ignore[list-item]
    assert one(ledger([_compound()])).status is Status.NO_EVIDENCE  # type: ignore[list-item]


def _milestone(**kw: object) -> object:
    return goal("plan.g", metric=None, measure=Measure.MILESTONE, **kw)  # type: ignore[arg-type]


def _evidence(progress: Progress, period: str = "2022") -> object:
    return outcome(
        "review.m",
        metric=None,
        measure=Measure.MILESTONE,
        period=period,
        goal="plan.g",
        progress=progress,
    )


@pytest.mark.parametrize(
    ("progress", "as_of", "status"),
    [
        (Progress.COMPLETED, "2023-02-10", Status.MET),
        (Progress.PARTIAL, "2023-02-10", Status.PARTIALLY_MET),
        (Progress.IN_PROGRESS, "2023-02-10", Status.IN_PROGRESS),
        (Progress.IN_PROGRESS, "2023-06-01", Status.PARTIALLY_MET),  # unfinished at the deadline
    ],
)
def test_milestone_from_linked_outcomes(progress: Progress, as_of: str, status: Status) -> None:
    a = one(ledger([_milestone()], [_evidence(progress)]), as_of=as_of)  # type: ignore[list-item]
    assert a.status is status
    assert a.evidence[0].outcome_id == "review.m"


def test_milestone_evidence_before_its_period_does_not_count() -> None:
    led = ledger([_milestone(period="2023")], [_evidence(Progress.IN_PROGRESS, "2022")])  # type: ignore[list-item]
    a = one(led, year=2023, as_of="2023-06-01")
    assert a.status is Status.PENDING
    assert "evidence_before_period" in codes(a)


def test_override_wins_and_is_flagged() -> None:
    override = Override(
        Status.IN_PROGRESS, "2022年报告未出，人工判断", dt.date(2023, 1, 5), "analyst"
    )
    a = one(ledger([_milestone(override=override)]), as_of="2023-06-01")  # type: ignore[list-item]
    assert a.status is Status.IN_PROGRESS
    assert a.override is True
    assert a.to_json()["override"] is True
    first = a.reasons[0]
    assert first.code == "analyst_override"
    assert first.args["computed_status"] == "no_evidence"
    assert first.args["reason"] == "2022年报告未出，人工判断"
    assert first.args["date"] == "2023-01-05"


# --- request validation ------------------------------------------------------------------


def test_as_of_accepts_date_and_string_and_rejects_garbage() -> None:
    led = ledger([goal("plan.g", target=q("10", cmp=GE))])
    assert led.reconcile(year=2022, as_of=dt.date(2023, 5, 1)).as_of == dt.date(2023, 5, 1)
    assert led.reconcile(year=2022, as_of="2023-05-01").as_of == dt.date(2023, 5, 1)
    assert led.reconcile(year=2022).as_of == dt.date.today()
    with pytest.raises(ReconcileError):
        led.reconcile(year=2022, as_of="May 2023")


def test_unknown_entity_and_bad_year_and_bad_option() -> None:
    led = ledger([goal("plan.g", target=q("10", cmp=GE))])
    with pytest.raises(ReconcileError, match="unknown entity"):
        reconcile(led, 2022, entity="nowhere")
    with pytest.raises(ReconcileError):
        reconcile(led, "2022")  # type: ignore[arg-type]
    with pytest.raises(ReconcileError):
        reconcile(led, 2022, grace_days=-1)
    with pytest.raises(ValueError):
        ReconcileOptions(approx_tolerance_pp=Decimal("-1"))
    with pytest.raises(TypeError):
        ReconcileOptions(rounding_pp=0.1)  # type: ignore[arg-type]


def test_entity_filter() -> None:
    g_other = goal("plan.h", entity="other-zone", target=q("10", cmp=GE))
    led = ledger([goal("plan.g", target=q("10", cmp=GE)), g_other])
    assert len(led.reconcile(year=2022, as_of="2023-01-01")) == 2
    card = led.reconcile(year=2022, entity="other-zone", as_of="2023-01-01")
    assert [a.goal_id for a in card] == ["plan.h"]


# --- invariants (hypothesis) -------------------------------------------------------------

from hypothesis import (  # noqa: E402
    assume,
    given,
    settings,
)
from hypothesis import strategies as st  # noqa: E402

_RANK = {Status.MISSED: 0, Status.NOT_COMPARABLE: 1, Status.MET: 2}
_figures = st.decimals(min_value=-20, max_value=40, places=1)
_floor_comparators = st.sampled_from([GE, GT, EQ, APPROX])
_actual_comparators = st.sampled_from([EQ, GE, GT, LT, APPROX])


@settings(max_examples=80, deadline=None)
@given(
    target=_figures,
    actual=_figures,
    raise_by=st.decimals(min_value=0, max_value=10, places=1),
    cmp=_floor_comparators,
    actual_cmp=_actual_comparators,
)
def test_raising_an_outcome_never_worsens_a_floor_goal(
    target: Decimal, actual: Decimal, raise_by: Decimal, cmp: Comparator, actual_cmp: Comparator
) -> None:
    # a bare negative growth target (下降5%) is a ceiling, not a floor: see test_compare.py
    assume(not (cmp is EQ and target < 0))
    approx = cmp is APPROX
    t = q(str(target), cmp=cmp, approximate=approx)
    low = growth_case(t, q(str(actual), cmp=actual_cmp, approximate=actual_cmp is APPROX))
    high = growth_case(
        t, q(str(actual + raise_by), cmp=actual_cmp, approximate=actual_cmp is APPROX)
    )
    assert _RANK[high.status] >= _RANK[low.status]  # type: ignore[attr-defined]


def _json(led: object, **kw: object) -> str:
    import json

    card = led.reconcile(**kw)  # type: ignore[attr-defined]
    return json.dumps(card.to_json(), ensure_ascii=False, indent=2)


def _rich_records() -> tuple[list[object], list[object], list[object]]:
    sources = [
        source("plan", "2022-02-24"),
        source("news", "2023-01-12"),
        source("review", "2023-02-10"),
    ]
    goals = [
        goal("plan.a", target=q("10", cmp=GE), stretch=q("12", cmp=GE)),
        goal("plan.b", metric="fdi", target=q("8", cmp=GE)),
        _compound("plan.c"),
        _milestone(),
    ]
    outcomes = [
        outcome("news.a", src="news", value=q("10.5"), preliminary=True),
        outcome("review.a", value=q("10.6")),
        outcome("review.p", metric="provincial", measure=Measure.LEVEL, value=count("12")),
        _evidence(Progress.PARTIAL),
    ]
    return sources, goals, outcomes


@settings(max_examples=25, deadline=None)
@given(
    st.dates(min_value=dt.date(2022, 1, 1), max_value=dt.date(2024, 12, 31)),
    st.randoms(use_true_random=False),
)
def test_adding_a_source_published_after_as_of_changes_nothing(as_of: dt.date, rnd: object) -> None:
    sources, goals, outcomes = _rich_records()
    base = ledger(goals, outcomes, sources=sources)  # type: ignore[arg-type]
    after = (as_of + dt.timedelta(days=1)).isoformat()
    late_goal = goal("late.g", src="late", period=str(as_of.year), target=q("1", cmp=GE))
    late = [
        outcome("late.a", src="late", value=q("1")),
        outcome("late.b", src="late", metric="fdi", value=q("99")),
    ]
    bigger = ledger(
        [*goals, late_goal], [*outcomes, *late], sources=[*sources, source("late", after)]
    )  # type: ignore[list-item]
    for year in (2022, as_of.year):
        assert _json(base, year=year, as_of=as_of) == _json(bigger, year=year, as_of=as_of)


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False))
def test_record_order_changes_nothing(rnd: object) -> None:
    sources, goals, outcomes = _rich_records()
    shuffled = [list(x) for x in (sources, goals, outcomes)]
    for part in shuffled:
        rnd.shuffle(part)  # type: ignore[attr-defined]
    a = ledger(goals, outcomes, sources=sources)  # type: ignore[arg-type]
    b = ledger(shuffled[1], shuffled[2], sources=shuffled[0])  # type: ignore[arg-type]
    assert _json(a, year=2022, as_of="2023-06-01") == _json(b, year=2022, as_of="2023-06-01")


def test_same_input_gives_byte_identical_json() -> None:
    sources, goals, outcomes = _rich_records()
    first = _json(ledger(goals, outcomes, sources=sources), year=2022, as_of="2023-06-01")  # type: ignore[arg-type]
    second = _json(ledger(goals, outcomes, sources=sources), year=2022, as_of="2023-06-01")  # type: ignore[arg-type]
    assert first.encode() == second.encode()
    assert '"status": "partially_met"' in first


# --- the seed specs ----------------------------------------------------------------------

import json as _json_module  # noqa: E402
import subprocess  # noqa: E402
from functools import cache  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@cache
def _seeds() -> object:
    from hitech_targets.loader import load

    return load(ROOT / "specs")


def _cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    from ledger_factory import run_cli

    code, out, err = run_cli(*args)
    return subprocess.CompletedProcess(list(args), code, out, err)


def test_seed_2026_goals_all_pending_in_november_2026() -> None:
    result = _cli(
        "reconcile", "specs", "--year", "2026", "--as-of", "2026-11-22", "--format", "json"
    )
    assert result.returncode == 0, result.stderr.decode()
    data = _json_module.loads(result.stdout)
    assert data["year"] == 2026 and data["as_of"] == "2026-11-22" and data["entity"] is None
    assessments = data["assessments"]
    assert len(assessments) >= 10
    assert {a["status"] for a in assessments} == {"pending"}
    assert data["summary"]["pending"] == len(assessments)
    for a in assessments:
        assert a["reasons"][-1]["code"] == "not_yet_due"
        assert a["reasons"][-1]["params"]["due"] == "2027-03-31"


def test_seed_2022_goals_have_no_evidence_with_a_reason_saying_so() -> None:
    card = _seeds().reconcile(year=2022, as_of="2026-11-22")  # type: ignore[attr-defined]
    led = _seeds()
    goals_2022 = [g for g in led.goals if g.period.end.year == 2022]  # type: ignore[attr-defined]
    assert len(card) == len(goals_2022) >= 20
    for a in card:
        assert a.status is Status.NO_EVIDENCE, a.goal_id
        last = (a.parts[0] if a.parts else a).reasons[-1]
        assert last.code == "no_outcome_reported"
        assert last.args["period"] == "2022"
        assert int(last.args["sources_checked"]) >= 2  # 002, 004 and 000 came later
    assert card.selective_reporting_rate() == 1


def test_seed_2022_goals_pending_before_the_grace_ends() -> None:
    card = _seeds().reconcile(year=2022, as_of="2023-01-31")  # type: ignore[attr-defined]
    assert {a.status for a in card} == {Status.PENDING}


def test_seed_plan_completion_figures_verified_arithmetically() -> None:
    from hitech_targets.derive import check_attainment

    expected = {
        ("18935000000", "116.02"),
        ("20938000000", "115.88"),
        ("22750000000", "126.9"),
        ("22670000000", "123.1"),
    }
    found = set()
    for o in _seeds().outcomes:  # type: ignore[attr-defined]
        if o.attainment is None:
            continue
        key = (str(o.value.point.normalize().quantize(1)), str(o.attainment.point))
        found.add(key)
        check = check_attainment(
            o.value.point, o.attainment.point, o.plan.point if o.plan else None
        )
        assert check is not None and check.consistent, (o.id, check)
    assert expected <= found


def test_seed_json_byte_identical_and_independent_of_record_order() -> None:
    first = _cli("reconcile", "--year", "2025", "--as-of", "2026-11-22", "--format", "json")
    second = _cli("reconcile", "--year", "2025", "--as-of", "2026-11-22", "--format", "json")
    assert first.returncode == 0 and first.stdout == second.stdout
    led = _seeds()
    from hitech_targets.ledger import Ledger

    reversed_ledger = Ledger(
        sources=tuple(reversed(led.sources)),  # type: ignore[attr-defined]
        entities=tuple(reversed(led.entities)),  # type: ignore[attr-defined]
        metrics=tuple(reversed(led.metrics)),  # type: ignore[attr-defined]
        goals=tuple(reversed(led.goals)),  # type: ignore[attr-defined]
        outcomes=tuple(reversed(led.outcomes)),  # type: ignore[attr-defined]
        fx_rates=tuple(reversed(led.fx_rates)),  # type: ignore[attr-defined]
    )
    for year in (2022, 2025, 2026):
        assert _json(led, year=year, as_of="2026-11-22") == _json(
            reversed_ledger, year=year, as_of="2026-11-22"
        )


def test_cli_csv_has_bom_and_table_is_plain_text() -> None:
    csv_out = _cli("reconcile", "--year", "2022", "--as-of", "2026-11-22", "--format", "csv")
    assert csv_out.returncode == 0
    assert csv_out.stdout.startswith("\ufeffgoal_id,part,".encode())
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(csv_out.stdout.decode("utf-8-sig"))))
    assert {r["status"] for r in rows} == {"no_evidence"}
    assert {r["override"] for r in rows} == {"false"}
    table = _cli("reconcile", "--year", "2026", "--as-of", "2026-11-22")
    assert table.returncode == 0
    text = table.stdout.decode()
    assert "pending" in text and "not_yet_due" in text


def test_cli_bad_input_is_an_error_line_not_a_traceback() -> None:
    bad = _cli("reconcile", "--year", "2022", "--as-of", "22/11/2026")
    assert bad.returncode == 1
    assert bad.stderr.decode().startswith("error: as_of must be a date")
    unknown = _cli("reconcile", "--year", "2022", "--entity", "atlantis")
    assert unknown.returncode == 1 and b"unknown entity" in unknown.stderr
    missing = _cli("reconcile", "no-such-dir", "--year", "2022")
    assert missing.returncode == 2
    assert b"Traceback" not in bad.stderr + unknown.stderr + missing.stderr


def test_same_metric_in_another_currency_is_converted() -> None:
    # 实际利用外资: target in 亿元, 2025 outcome 约2.9亿美元
    fx = [FxRate("USD", "CNY", 2022, Decimal("7"), "国家统计局")]
    g = goal("plan.g", metric="fdi", measure=Measure.LEVEL, target=yi("20", GE))
    o = outcome("review.o", metric="fdi", measure=Measure.LEVEL, value=usd_yi("2.9"))
    a = one(ledger([g], [o], fx=fx))
    assert a.status is Status.MET
    assert a.actual is not None and a.actual.quantity.unit.value == "CNY"
    assert a.actual.quantity.value == Decimal("2030000000.00")
    assert a.confidence is Confidence.MEDIUM


def test_area_converted_exactly_and_unit_mismatch_not_compared() -> None:
    from hitech_targets.quantity import Quantity, Unit

    g = goal(
        "plan.g",
        metric="land",
        measure=Measure.LEVEL,
        target=Quantity(Decimal("1000"), Unit.MU, GE),
    )
    m2 = outcome(
        "review.o", metric="land", measure=Measure.LEVEL, value=Quantity(Decimal("700000"), Unit.M2)
    )
    a = one(ledger([g], [m2]))
    assert a.status is Status.MET  # 700000 m² = 1050 亩
    assert "area_converted" in codes(a)
    wrong = outcome("review.o", metric="land", measure=Measure.LEVEL, value=count("3"))
    b = one(ledger([g], [wrong]))
    assert b.status is Status.NOT_COMPARABLE
    assert "unit_mismatch" in codes(b)


def test_options_object_and_keywords() -> None:
    led = ledger([goal("plan.g", target=q("10", cmp=GE))])
    card = reconcile(led, 2022, as_of="2023-01-15", options=ReconcileOptions(grace_days=10))
    assert card.options.grace_days == 10
    assert card.assessments[0].status is Status.NO_EVIDENCE
    assert card.to_json()["options"]["grace_days"] == 10


def test_cli_grace_days_and_output_file(tmp_path: Path) -> None:
    out = tmp_path / "card.json"
    result = _cli(
        "reconcile",
        "--year",
        "2026",
        "--as-of",
        "2027-01-15",
        "--grace-days",
        "10",
        "--format",
        "json",
        "-o",
        str(out),
    )
    assert result.returncode == 0 and result.stdout == b""
    data = _json_module.loads(out.read_text(encoding="utf-8"))
    assert data["summary"]["no_evidence"] == len(data["assessments"]) > 0


def test_milestone_most_advanced_progress_counts() -> None:
    sources = [
        source("plan", "2022-02-24"),
        source("news", "2022-07-01"),
        source("review", "2023-02-10"),
    ]
    evidence = [
        outcome(
            "news.m",
            src="news",
            metric=None,
            measure=Measure.MILESTONE,
            goal="plan.g",
            progress=Progress.COMPLETED,
        ),
        outcome(
            "review.m",
            metric=None,
            measure=Measure.MILESTONE,
            goal="plan.g",
            progress=Progress.IN_PROGRESS,
        ),
    ]
    a = one(ledger([_milestone()], evidence, sources=sources), as_of="2023-03-01")  # type: ignore[list-item]
    assert a.status is Status.MET
    assert [e.outcome_id for e in a.evidence] == ["news.m", "review.m"]


def test_cumulative_pending_in_grace_when_incomplete() -> None:
    led = ledger([_plan_goal(count("1000", GE))], _yearly("200", "250"))  # type: ignore[list-item,arg-type]
    assert one(led, year=2025, as_of="2026-02-01").status is Status.PENDING
