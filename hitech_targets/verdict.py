"""The verdict on one goal: which rule applies, what evidence it rests on, and why.

Dispatches by the kind of goal (override, compound, milestone, event, rank, multi-year,
quantitative) and returns an Assessment whose ``reasons`` are the ordered steps of the
reasoning. The rules are documented in docs/status-rules.md.
"""

from __future__ import annotations

import attrs

from hitech_targets.assessment import Actual, Assessment, Confidence, Evidence, Reason
from hitech_targets.compare import compare
from hitech_targets.evidence import (
    as_evidence,
    figure,
    published,
)
from hitech_targets.judge import (
    Context,
    Target,
    blank,
    confidence_of,
    found_from,
    timing,
)
from hitech_targets.model import Goal, Progress, Status
from hitech_targets.quantitative import assess_quantitative, outcomes_of
from hitech_targets.quantity import (
    Comparator,
    Measure,
    Quantity,
    Unit,
)

_PROGRESS_RANK = {Progress.IN_PROGRESS: 0, Progress.PARTIAL: 1, Progress.COMPLETED: 2}
_PROGRESS_STATUS = {
    Progress.COMPLETED: Status.MET,
    Progress.PARTIAL: Status.PARTIALLY_MET,
    Progress.IN_PROGRESS: Status.IN_PROGRESS,
}


# --- entry point ---------------------------------------------------------------------------


def assess_goal(ctx: Context, goal: Goal) -> Assessment:
    """The Assessment of one goal, with an analyst override applied last (and flagged)."""
    result = _assess(ctx, goal)
    if goal.override is None:
        return result
    o = goal.override
    reason = Reason(
        "analyst_override",
        {
            "status": o.status.value,
            "computed_status": result.status.value,
            "reason": o.reason,
            "date": o.date.isoformat(),
            "by": o.by or "",
        },
    )
    return attrs.evolve(result, status=o.status, override=True, reasons=(reason, *result.reasons))


def _target_of(ctx: Context, goal: Goal) -> Target:
    return Target(
        goal.id,
        goal.entity,
        goal.metric,
        goal.measure,
        goal.period,
        goal.target,
        goal.stretch,
        ctx.ledger.source(goal.source).published,
    )


def _assess(ctx: Context, goal: Goal) -> Assessment:
    if goal.is_compound:
        return _compound(ctx, goal)
    if goal.measure is Measure.MILESTONE:
        return _milestone(ctx, goal)
    spec = _target_of(ctx, goal)
    if goal.measure is Measure.EVENT and goal.target is None:
        return _event(ctx, spec)
    if goal.measure is Measure.RANK and goal.target is None:
        return _qualitative_rank(ctx, spec)
    return assess_quantitative(ctx, spec)


# --- special kinds of goal -----------------------------------------------------------------


def _event(ctx: Context, spec: Target) -> Assessment:
    """Zero-event goals: met when an outcome reports none (value absent or 0), missed when one
    reports events."""
    if spec.metric is None:
        return timing(ctx, spec)
    outcomes = [
        o if o.value is not None else attrs.evolve(o, value=Quantity("0", Unit.COUNT))
        for o in ctx.ledger.outcomes_for(
            entity=spec.entity, metric=spec.metric, period=spec.period, published_by=ctx.as_of
        )
        if o.measure is Measure.EVENT
    ]
    found = found_from(ctx, outcomes)
    if found is None:
        return timing(ctx, spec)
    zero = Quantity("0", Unit.COUNT, comparator=Comparator.LE)
    comparison = compare(found.quantity, zero, Measure.EVENT, ctx.options)
    code = {True: "no_event_reported", False: "event_reported", None: "bound_undecidable"}[
        comparison.met
    ]
    status = {True: Status.MET, False: Status.MISSED, None: Status.NOT_COMPARABLE}[comparison.met]
    reasons = (
        *found.reasons,
        Reason(code, {"outcome": found.outcome.id, "events": figure(found.quantity)}),
    )
    return attrs.evolve(
        blank(spec, status, reasons),
        confidence=confidence_of(found),
        actual=Actual(found.quantity, found.outcome.source, found.preliminary),
        evidence=as_evidence(ctx.ledger, found.evidence),
    )


def _qualitative_rank(ctx: Context, spec: Target) -> Assessment:
    """全市前列/领先 with no number: met only by a reported rank of 1, else not_comparable."""
    if spec.metric is None:
        return timing(ctx, spec)
    found = found_from(ctx, outcomes_of(ctx, spec, spec.metric, Measure.RANK, spec.period))
    if found is None:
        return timing(ctx, spec)
    first = found.quantity.comparator is Comparator.EQ and found.quantity.point == 1
    code = "rank_first" if first else "qualitative_rank_undecidable"
    reasons = (
        *found.reasons,
        Reason(code, {"outcome": found.outcome.id, "rank": figure(found.quantity)}),
    )
    return attrs.evolve(
        blank(spec, Status.MET if first else Status.NOT_COMPARABLE, reasons),
        confidence=confidence_of(found),
        actual=Actual(found.quantity, found.outcome.source, found.preliminary),
        evidence=as_evidence(ctx.ledger, found.evidence),
    )


def _milestone(ctx: Context, goal: Goal) -> Assessment:
    """Status from outcome records that link the goal: completed → met, partial →
    partially_met, in_progress → in_progress (partially_met once the period plus grace is
    over). Evidence from before the goal's period is shown but does not count."""
    spec = _target_of(ctx, goal)
    linked = sorted(
        (
            o
            for o in ctx.ledger.evidence_for(goal.id)
            if published(ctx.ledger, o) <= ctx.as_of
        ),
        key=lambda o: (published(ctx.ledger, o), o.source, o.id),
    )
    early = [o for o in linked if o.period.end < goal.period.start]
    usable = [o for o in linked if o.period.end >= goal.period.start and o.progress is not None]
    pre = tuple(
        Reason("evidence_before_period", {"outcome": o.id, "period": o.period.label}) for o in early
    )
    if not usable:
        result = timing(ctx, spec, pre)
        return attrs.evolve(result, evidence=as_evidence(ctx.ledger, early))
    best = max(
        usable,
        key=lambda o: (
            _PROGRESS_RANK.get(o.progress, -1) if o.progress else -1,
            published(ctx.ledger, o),
            o.source,
            o.id,
        ),
    )
    progress = best.progress
    if progress is None:  # unreachable: filtered above
        return timing(ctx, spec, pre)
    status = _PROGRESS_STATUS[progress]
    reasons = [
        *pre,
        Reason(
            "milestone_progress",
            {
                "outcome": best.id,
                "progress": progress.value,
                "published": published(ctx.ledger, best).isoformat(),
            },
        ),
    ]
    if status is Status.IN_PROGRESS and goal.period.ends_by(ctx.as_of, ctx.options.grace_days):
        status = Status.PARTIALLY_MET
        reasons.append(
            Reason(
                "unfinished_at_deadline",
                {"period_end": goal.period.end.isoformat(), "as_of": ctx.as_of.isoformat()},
            )
        )
    others = [o for o in reversed(linked) if o is not best]
    return attrs.evolve(
        blank(spec, status, reasons),
        confidence=Confidence.MEDIUM if best.preliminary else Confidence.HIGH,
        evidence=as_evidence(ctx.ledger, [best, *others]),
    )


def _compound(ctx: Context, goal: Goal) -> Assessment:
    """Each part scored on its own; all parts alike → that status; some met → partially_met;
    otherwise missed > in_progress > pending > not_comparable > no_evidence."""
    announced = ctx.ledger.source(goal.source).published
    parts = tuple(
        assess_quantitative(
            ctx,
            Target(
                goal.id, goal.entity, p.metric, p.measure, goal.period, p.target, None, announced
            ),
        )
        for p in goal.parts
    )
    statuses = [p.status for p in parts]
    met = statuses.count(Status.MET)
    if len(set(statuses)) == 1:
        status = statuses[0]
    elif met:
        status = Status.PARTIALLY_MET
    else:
        status = next(
            s
            for s in (
                Status.MISSED,
                Status.IN_PROGRESS,
                Status.PENDING,
                Status.NOT_COMPARABLE,
                Status.NO_EVIDENCE,
            )
            if s in statuses
        )
    reason = Reason(
        "parts_summary",
        {
            "met": str(met),
            "parts": str(len(parts)),
            "statuses": ",".join(s.value for s in statuses),
        },
    )
    confidences = [p.confidence for p in parts]
    confidence = min(confidences, key=[Confidence.LOW, Confidence.MEDIUM, Confidence.HIGH].index)
    evidence: list[Evidence] = []
    for p in parts:
        evidence.extend(e for e in p.evidence if e not in evidence)
    return Assessment(
        goal_id=goal.id,
        entity=goal.entity,
        metric=goal.metric,
        period=goal.period.label,
        status=status,
        confidence=confidence,
        reasons=(reason,),
        evidence=tuple(evidence),
        parts=parts,
    )
