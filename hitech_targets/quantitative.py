"""Quantitative goals: direct outcomes, derivations (growth from levels, level from growth,
currency variants), proxies shown but not scored, and multi-year cumulative goals.
"""

from __future__ import annotations

import attrs

from hitech_targets.assessment import Assessment, Confidence, Reason
from hitech_targets.derive import (
    cumulative_progress,
    growth_from_levels,
    level_from_growth,
)
from hitech_targets.evidence import (
    as_evidence,
    figure,
    known_outcomes,
    recency_key,
)
from hitech_targets.judge import (
    Context,
    Found,
    Target,
    blank,
    found_from,
    judge,
    timing,
    to_unit,
)
from hitech_targets.model import Outcome, RelationKind, Status
from hitech_targets.period import Period, PeriodKind
from hitech_targets.quantity import (
    Comparator,
    Measure,
    decimal_str,
)

# --- quantitative goals --------------------------------------------------------------------


def outcomes_of(
    ctx: Context, spec: Target, metric: str, measure: Measure, period: Period
) -> tuple[Outcome, ...]:
    return known_outcomes(
        ctx.ledger,
        entity=spec.entity,
        metric=metric,
        period=period,
        measure=measure,
        as_of=ctx.as_of,
    )


def _attainment_outcomes(ctx: Context, spec: Target) -> tuple[Outcome, ...]:
    """Outcomes stating a share of plan: attainment measure, or an ``attainment`` field."""
    if spec.metric is None:
        return ()
    result = []
    for o in ctx.ledger.outcomes_for(
        entity=spec.entity, metric=spec.metric, period=spec.period, published_by=ctx.as_of
    ):
        if o.measure is Measure.ATTAINMENT and o.value is not None:
            result.append(o)
        elif o.attainment is not None:
            result.append(attrs.evolve(o, value=o.attainment, measure=Measure.ATTAINMENT))
    return tuple(result)


def _previous_year(period: Period) -> Period | None:
    if period.kind is not PeriodKind.YEAR:
        return None
    return Period.year(period.start.year - 1)


def _derive(ctx: Context, spec: Target) -> Found | None:
    """Growth from two levels, or a level from last year's level and this year's growth."""
    if spec.metric is None:
        return None
    previous = _previous_year(spec.period)
    if previous is None:
        return None
    if spec.measure is Measure.GROWTH:
        now = found_from(ctx, outcomes_of(ctx, spec, spec.metric, Measure.LEVEL, spec.period))
        before = found_from(ctx, outcomes_of(ctx, spec, spec.metric, Measure.LEVEL, previous))
        if now is None or before is None:
            return None
        derived = growth_from_levels(now.quantity, before.quantity)
    elif spec.measure is Measure.LEVEL:
        before = found_from(ctx, outcomes_of(ctx, spec, spec.metric, Measure.LEVEL, previous))
        now = found_from(ctx, outcomes_of(ctx, spec, spec.metric, Measure.GROWTH, spec.period))
        if now is None or before is None:
            return None
        derived = level_from_growth(before.quantity, now.quantity)
    else:
        return None
    if derived is None:
        return None
    step = attrs.evolve(
        derived.reason,
        params={
            **derived.reason.args,
            "current_outcome": now.outcome.id,
            "previous_outcome": before.outcome.id,
            "current_source": now.outcome.source,
            "previous_source": before.outcome.source,
        },
    )
    return Found(
        derived.quantity,
        now.outcome,
        reasons=(*now.reasons, *before.reasons, step),
        evidence=(*now.evidence, *before.evidence),
        derived=True,
        preliminary=now.preliminary or before.preliminary,
        conflict=now.conflict or before.conflict,
    )


def _related(ctx: Context, metric: str, kind: RelationKind) -> tuple[str, ...]:
    """Metrics related to ``metric`` by ``kind``, declared in either direction."""
    return ctx.ledger.related_metrics(metric, kind)


def _currency_variant(
    ctx: Context, spec: Target
) -> tuple[Found | None, tuple[Reason, ...], tuple[Outcome, ...]]:
    if spec.metric is None or spec.target is None:
        return None, (), ()
    if spec.measure not in (Measure.LEVEL,):
        return None, (), ()
    for variant in _related(ctx, spec.metric, RelationKind.CURRENCY_VARIANT):
        found = found_from(ctx, outcomes_of(ctx, spec, variant, spec.measure, spec.period))
        if found is None:
            continue
        step = Reason(
            "currency_variant_used",
            {"metric": spec.metric, "variant": variant, "outcome": found.outcome.id},
        )
        converted, problem = to_unit(ctx, found, spec.target.unit, spec.period.end.year)
        if converted is None:
            return None, (*found.reasons, step, *(r for r in [problem] if r)), found.evidence
        return attrs.evolve(converted, reasons=(step, *converted.reasons), converted=True), (), ()
    return None, (), ()


def _proxy(ctx: Context, spec: Target) -> Assessment | None:
    """Outcomes of a proxy metric: shown as evidence, never a verdict."""
    if spec.metric is None:
        return None
    outcomes: list[Outcome] = []
    reasons: list[Reason] = []
    for other in _related(ctx, spec.metric, RelationKind.PROXY_FOR):
        found = outcomes_of(ctx, spec, other, spec.measure, spec.period)
        if found:
            note = ""
            for m in ctx.ledger.metrics:
                for r in m.relations:
                    if r.kind is RelationKind.PROXY_FOR and {m.id, r.metric} == {
                        spec.metric,
                        other,
                    }:
                        note = r.note or ""
            reasons.append(
                Reason(
                    "proxy_metric",
                    {
                        "metric": spec.metric,
                        "proxy": other,
                        "outcomes": ",".join(o.id for o in found),
                        "note": note,
                    },
                )
            )
            outcomes.extend(found)
    if not outcomes:
        return None
    result = blank(spec, Status.NOT_COMPARABLE, reasons)
    return attrs.evolve(
        result, confidence=Confidence.LOW, evidence=as_evidence(ctx.ledger, outcomes)
    )


def assess_quantitative(ctx: Context, spec: Target) -> Assessment:
    if spec.period.is_multi_year and spec.measure is Measure.LEVEL:
        return _cumulative(ctx, spec)
    found = _direct(ctx, spec)
    pre: tuple[Reason, ...] = ()
    shown: tuple[Outcome, ...] = ()
    if found is None:
        found = _derive(ctx, spec)
    if found is None:
        found, pre, shown = _currency_variant(ctx, spec)
        if found is None and pre:
            result = blank(spec, Status.NOT_COMPARABLE, pre)
            return attrs.evolve(
                result, evidence=as_evidence(ctx.ledger, shown), confidence=Confidence.LOW
            )
    if found is None:
        proxy = _proxy(ctx, spec)
        if proxy is not None:
            return proxy
        return timing(ctx, spec)
    return judge(ctx, spec, found)


def _cumulative(ctx: Context, spec: Target) -> Assessment:
    """A multi-year level: judged on the total once it covers the period; before that met
    early when a floor is already reached, else in_progress while the period runs, pending in
    the grace period, not_comparable after it (the total does not cover the period)."""
    if spec.metric is None:
        return timing(ctx, spec)
    progress = cumulative_progress(
        ctx.ledger, entity=spec.entity, metric=spec.metric, period=spec.period, as_of=ctx.as_of
    )
    if progress is None:
        return _proxy(ctx, spec) or timing(ctx, spec)
    latest = max(progress.outcomes, key=lambda o: recency_key(ctx.ledger, o))
    found = Found(
        progress.quantity,
        latest,
        reasons=(progress.reason,),
        evidence=progress.outcomes,
        derived=progress.reason.code == "cumulative_sum",
        preliminary=progress.preliminary,
    )
    result = judge(ctx, spec, found)
    if progress.complete or spec.target is None or result.status is Status.NOT_COMPARABLE:
        return result
    step = Reason(
        "cumulative_progress",
        {
            "total": figure(progress.quantity),
            "target": figure(spec.target),
            "share": decimal_str(result.attainment) or "",
            "covered_to": progress.covered_to.isoformat(),
            "period_end": spec.period.end.isoformat(),
        },
    )
    floor = spec.target.comparator in (
        Comparator.GE,
        Comparator.GT,
        Comparator.EQ,
        Comparator.APPROX,
    )
    if result.status is Status.MET and floor:
        return attrs.evolve(
            result,
            reasons=(
                *result.reasons,
                step,
                Reason("reached_early", {"covered_to": progress.covered_to.isoformat()}),
            ),
        )
    if not spec.period.ends_by(ctx.as_of):
        status = Status.IN_PROGRESS
    elif not spec.period.ends_by(ctx.as_of, ctx.options.grace_days):
        status = Status.PENDING
    else:
        status = Status.NOT_COMPARABLE
        step = attrs.evolve(step, code="cumulative_incomplete")
    return attrs.evolve(result, status=status, stretch_status=None, reasons=(*result.reasons, step))


def _direct(ctx: Context, spec: Target) -> Found | None:
    if spec.metric is None:
        return None
    if spec.measure is Measure.ATTAINMENT:
        return found_from(ctx, _attainment_outcomes(ctx, spec))
    return found_from(ctx, outcomes_of(ctx, spec, spec.metric, spec.measure, spec.period))
