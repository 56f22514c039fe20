"""Judging one figure against one target: the shared context, timing rules (pending /
no_evidence), unit alignment, confidence, and the comparison that yields met / missed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

import attrs

from hitech_targets.assessment import Actual, Assessment, Confidence, Reason
from hitech_targets.compare import attainment, compare, margin
from hitech_targets.derive import (
    check_attainment,
    convert,
)
from hitech_targets.evidence import (
    as_evidence,
    choose,
    figure,
    sources_checked,
)
from hitech_targets.ledger import Ledger
from hitech_targets.model import Outcome, Status
from hitech_targets.options import ReconcileOptions
from hitech_targets.period import Period
from hitech_targets.quantity import (
    MU_IN_M2_DENOMINATOR,
    MU_IN_M2_NUMERATOR,
    Comparator,
    Measure,
    Quantity,
    Unit,
    decimal_str,
)


@attrs.frozen
class Context:
    """What every verdict of one reconciliation shares."""

    ledger: Ledger
    as_of: dt.date
    options: ReconcileOptions


@attrs.frozen
class Target:
    """What is scored: a goal, or one part of a compound goal."""

    goal_id: str
    entity: str
    metric: str | None
    measure: Measure
    period: Period
    target: Quantity | None
    stretch: Quantity | None
    announced: dt.date


@attrs.frozen
class Found:
    """An actual figure with how it was obtained."""

    quantity: Quantity
    outcome: Outcome
    reasons: tuple[Reason, ...] = ()
    evidence: tuple[Outcome, ...] = ()
    derived: bool = False
    converted: bool = False
    preliminary: bool = False
    conflict: bool = False


# --- shared pieces -------------------------------------------------------------------------


def blank(spec: Target, status: Status, reasons: Sequence[Reason]) -> Assessment:
    return Assessment(
        goal_id=spec.goal_id,
        entity=spec.entity,
        metric=spec.metric,
        period=spec.period.label,
        status=status,
        confidence=Confidence.HIGH,
        target=spec.target,
        stretch=spec.stretch,
        reasons=tuple(reasons),
    )


def timing(ctx: Context, spec: Target, extra: Sequence[Reason] = ()) -> Assessment:
    """pending while the period plus grace runs, no_evidence after it (nothing decides)."""
    grace = ctx.options.grace_days
    if not spec.period.ends_by(ctx.as_of, grace):
        reason = Reason(
            "not_yet_due",
            {
                "period": spec.period.label,
                "period_end": spec.period.end.isoformat(),
                "due": spec.period.due(grace).isoformat(),
                "grace_days": str(grace),
                "as_of": ctx.as_of.isoformat(),
            },
        )
        return blank(spec, Status.PENDING, (*extra, reason))
    reason = Reason(
        "no_outcome_reported",
        {
            "metric": spec.metric or "",
            "measure": spec.measure.value,
            "period": spec.period.label,
            "sources_checked": str(sources_checked(ctx.ledger, spec.announced, ctx.as_of)),
            "as_of": ctx.as_of.isoformat(),
        },
    )
    return blank(spec, Status.NO_EVIDENCE, (*extra, reason))


def confidence_of(found: Found) -> Confidence:
    q = found.quantity
    lowering = [
        found.preliminary,
        found.derived,
        found.converted,
        found.conflict,
        q.approximate or q.comparator not in (Comparator.EQ, Comparator.RANGE),
    ]
    count = sum(1 for flag in lowering if flag)
    return (Confidence.HIGH, Confidence.MEDIUM)[count] if count < 2 else Confidence.LOW


def found_from(ctx: Context, outcomes: Sequence[Outcome]) -> Found | None:
    choice = choose(ctx.ledger, outcomes, ctx.options)
    if choice is None:
        return None
    chosen = choice.chosen
    value = chosen.value
    if value is None:
        return None
    return Found(
        value,
        chosen,
        reasons=choice.reasons,
        evidence=choice.considered,
        preliminary=chosen.preliminary,
        conflict=bool(choice.conflicting),
    )


def to_unit(
    ctx: Context, found: Found, unit: Unit, year: int
) -> tuple[Found | None, Reason | None]:
    """Bring an actual figure into the target's unit (FX registry, 亩 ↔ m²)."""
    q = found.quantity
    if q.unit is unit:
        return found, None
    if {q.unit, unit} == {Unit.CNY, Unit.USD}:
        rate = ctx.ledger.fx_rate(year)
        if rate is None:
            return None, Reason(
                "fx_rate_missing", {"year": str(year), "base": "USD", "quote": "CNY"}
            )
        derived = convert(q, unit, rate)
        if derived is None:
            return None, Reason(
                "unit_mismatch", {"actual_unit": q.unit.value, "target_unit": unit.value}
            )
        return (
            attrs.evolve(
                found,
                quantity=derived.quantity,
                converted=True,
                reasons=(*found.reasons, derived.reason),
            ),
            None,
        )
    if {q.unit, unit} == {Unit.MU, Unit.M2}:
        factor = MU_IN_M2_NUMERATOR / MU_IN_M2_DENOMINATOR
        if unit is Unit.MU:
            factor = MU_IN_M2_DENOMINATOR / MU_IN_M2_NUMERATOR

        def scale(v: Decimal | None) -> Decimal | None:
            return None if v is None else v * factor

        area = attrs.evolve(
            q, value=scale(q.value), low=scale(q.low), high=scale(q.high), unit=unit, text=None
        )
        step = Reason("area_converted", {"from_unit": q.unit.value, "to_unit": unit.value})
        return attrs.evolve(
            found, quantity=area, converted=True, reasons=(*found.reasons, step)
        ), None
    return None, Reason("unit_mismatch", {"actual_unit": q.unit.value, "target_unit": unit.value})


def judge(ctx: Context, spec: Target, found: Found) -> Assessment:
    """Compare the actual figure with the target (and stretch) and build the Assessment."""
    reasons = list(found.reasons)
    evidence = as_evidence(ctx.ledger, found.evidence or (found.outcome,))
    if found.preliminary:
        reasons.append(Reason("preliminary_evidence", {"outcome": found.outcome.id}))
    if found.quantity.approximate or found.quantity.comparator not in (
        Comparator.EQ,
        Comparator.RANGE,
    ):
        reasons.append(
            Reason(
                "bounded_evidence",
                {
                    "outcome": found.outcome.id,
                    "comparator": found.quantity.comparator.value,
                    "value": figure(found.quantity),
                    "approximate": str(found.quantity.approximate).lower(),
                },
            )
        )
    reasons.extend(_attainment_reasons(found.outcome))
    actual = Actual(
        found.quantity, found.outcome.source, found.preliminary, found.derived or found.converted
    )
    base = blank(spec, Status.NOT_COMPARABLE, ())
    if spec.target is None:
        reasons.append(Reason("no_target", {"goal": spec.goal_id}))
        return attrs.evolve(
            base,
            reasons=tuple(reasons),
            actual=actual,
            evidence=evidence,
            confidence=confidence_of(found),
        )
    adjusted, problem = to_unit(ctx, found, spec.target.unit, spec.period.end.year)
    if adjusted is None:
        if problem is not None:
            reasons.append(problem)
        return attrs.evolve(
            base,
            reasons=tuple(reasons),
            actual=actual,
            evidence=evidence,
            confidence=Confidence.LOW,
        )
    if adjusted is not found:
        reasons = list(adjusted.reasons) + reasons[len(found.reasons) :]
        actual = Actual(adjusted.quantity, found.outcome.source, found.preliminary, True)
    q = adjusted.quantity
    comparison = compare(q, spec.target, spec.measure, ctx.options)
    params = {
        "actual": figure(q),
        "target": figure(spec.target),
        "comparator": spec.target.comparator.value,
        "unit": spec.target.unit.value,
    }
    if comparison.tolerance is not None:
        params["tolerance"] = decimal_str(comparison.tolerance) or "0"
    reasons.append(Reason(comparison.code, params))
    status = {True: Status.MET, False: Status.MISSED, None: Status.NOT_COMPARABLE}[comparison.met]
    stretch_status = None
    if spec.stretch is not None and comparison.met is not None:
        s = compare(q, spec.stretch, spec.measure, ctx.options)
        stretch_status = {True: Status.MET, False: Status.MISSED, None: Status.NOT_COMPARABLE}[
            s.met
        ]
        reasons.append(
            Reason(
                "stretch_" + (stretch_status.value),
                {"actual": figure(q), "stretch": figure(spec.stretch), "rule": s.code},
            )
        )
    return attrs.evolve(
        base,
        status=status,
        confidence=confidence_of(adjusted),
        actual=actual,
        margin=margin(q, spec.target)
        if spec.measure is not Measure.RANK
        else spec.target.point - q.point,
        attainment=attainment(q, spec.target) if spec.measure is not Measure.RANK else None,
        reasons=tuple(reasons),
        evidence=evidence,
        stretch_status=stretch_status,
    )


def _attainment_reasons(outcome: Outcome) -> tuple[Reason, ...]:
    """Implied plan and the arithmetic check of a self-reported share of plan."""
    if outcome.attainment is None or outcome.value is None or outcome.measure is Measure.ATTAINMENT:
        return ()
    if outcome.attainment.unit is not Unit.PERCENT or outcome.value.comparator is not Comparator.EQ:
        return ()
    plan = outcome.plan.point if outcome.plan is not None else None
    check = check_attainment(outcome.value.point, outcome.attainment.point, plan)
    if check is None:
        return ()
    steps = []
    if check.plan_implied:
        steps.append(
            Reason(
                "plan_implied",
                {
                    "outcome": outcome.id,
                    "value": figure(outcome.value),
                    "attainment": figure(outcome.attainment),
                    "plan": decimal_str(check.plan) or "",
                },
            )
        )
    steps.append(attrs.evolve(check.reason, params={**check.reason.args, "outcome": outcome.id}))
    return tuple(steps)
