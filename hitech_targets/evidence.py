"""Which outcomes count as evidence for a figure, and which one a verdict uses.

Time travel: only outcomes of sources published on or before ``as_of`` exist. Among the
outcomes for one entity, metric, measure and period a final figure supersedes a preliminary
one; two different final figures are a conflict, and the later-published one wins (a later
report has had the chance to correct the earlier; ties go to the later source id, then the
later outcome id, so the choice never depends on file order).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from hitech_targets.assessment import Evidence, Reason
from hitech_targets.compare import compatible
from hitech_targets.ledger import Ledger
from hitech_targets.model import Outcome
from hitech_targets.options import ReconcileOptions
from hitech_targets.period import Period
from hitech_targets.quantity import Measure, Quantity, decimal_str


@attrs.frozen
class Choice:
    """The outcome a verdict uses, what it set aside, and the reasons for the choice."""

    chosen: Outcome
    superseded: tuple[Outcome, ...] = ()
    conflicting: tuple[Outcome, ...] = ()
    reasons: tuple[Reason, ...] = ()

    @property
    def considered(self) -> tuple[Outcome, ...]:
        return (self.chosen, *self.superseded, *self.conflicting)


def published(ledger: Ledger, outcome: Outcome) -> dt.date:
    """The publication date of the source an outcome was read from."""
    return ledger.source(outcome.source).published


def recency_key(ledger: Ledger, outcome: Outcome) -> tuple[dt.date, str, str]:
    """Sort key: publication date, then source id, then outcome id (later is greater)."""
    return (published(ledger, outcome), outcome.source, outcome.id)


def known_outcomes(
    ledger: Ledger,
    *,
    entity: str,
    metric: str,
    period: Period,
    measure: Measure,
    as_of: dt.date,
) -> tuple[Outcome, ...]:
    """Outcomes with a figure for exactly this entity, metric, measure and period, published
    by ``as_of``."""
    return tuple(
        o
        for o in ledger.outcomes_for(
            entity=entity, metric=metric, period=period, published_by=as_of
        )
        if o.measure is measure and o.value is not None
    )


def figure(quantity: Quantity | None) -> str:
    """A figure as a reason parameter: comparator and value(s) in base units (``>=1200``)."""
    if quantity is None:
        return ""
    if quantity.value is None:
        return f"{decimal_str(quantity.low)}..{decimal_str(quantity.high)}"
    prefix = "" if quantity.comparator.value == "=" else quantity.comparator.value
    return f"{prefix}{decimal_str(quantity.value)}"


def same_figure(a: Outcome, b: Outcome) -> bool:
    """True when two outcomes state the same figure with the same comparator."""
    if a.value is None or b.value is None:
        return a.value is None and b.value is None
    return a.value.same_figure(b.value) and a.value.comparator is b.value.comparator


def consistent(a: Outcome, b: Outcome, options: ReconcileOptions | None = None) -> bool:
    """True when two outcomes' figures can both be true (约42% and 42%以上 can)."""
    if a.value is None or b.value is None:
        return a.value is None and b.value is None
    return compatible(a.value, b.value, options or ReconcileOptions())


def choose(
    ledger: Ledger, outcomes: Iterable[Outcome], options: ReconcileOptions | None = None
) -> Choice | None:
    """Pick the outcome a verdict rests on (None when there is none); see the module doc.

    Final figures that differ but can both be true (约42%, 42%以上) are not a conflict; the
    later-published one is used all the same.
    """
    pool = sorted(outcomes, key=lambda o: recency_key(ledger, o), reverse=True)
    if not pool:
        return None
    finals = [o for o in pool if not o.preliminary]
    prelims = [o for o in pool if o.preliminary]
    if not finals:
        chosen = prelims[0]
        reason = _chosen_reason(ledger, chosen, "latest_preliminary")
        return Choice(chosen, superseded=tuple(prelims[1:]), reasons=(reason,))
    chosen = finals[0]
    conflicting = tuple(o for o in finals[1:] if not consistent(o, chosen, options))
    rule = "later_published_final" if conflicting else "final_figure"
    reasons = [_chosen_reason(ledger, chosen, rule)]
    for other in conflicting:
        reasons.append(
            Reason(
                "conflicting_figures",
                {
                    "used": chosen.id,
                    "used_value": figure(chosen.value),
                    "used_published": published(ledger, chosen).isoformat(),
                    "other": other.id,
                    "other_value": figure(other.value),
                    "other_published": published(ledger, other).isoformat(),
                    "rule": "later_published_final",
                },
            )
        )
    for prelim in prelims:
        reasons.append(
            Reason(
                "preliminary_superseded",
                {
                    "preliminary": prelim.id,
                    "preliminary_value": figure(prelim.value),
                    "final": chosen.id,
                    "final_value": figure(chosen.value),
                    "revised": str(not same_figure(prelim, chosen)).lower(),
                },
            )
        )
    repeated = tuple(o for o in finals[1:] if o not in conflicting)
    return Choice(
        chosen,
        superseded=(*prelims, *repeated),
        conflicting=conflicting,
        reasons=tuple(reasons),
    )


def _chosen_reason(ledger: Ledger, outcome: Outcome, rule: str) -> Reason:
    return Reason(
        "outcome_used",
        {
            "outcome": outcome.id,
            "source": outcome.source,
            "published": published(ledger, outcome).isoformat(),
            "value": figure(outcome.value),
            "preliminary": str(outcome.preliminary).lower(),
            "rule": rule,
        },
    )


def as_evidence(ledger: Ledger, outcomes: Iterable[Outcome]) -> tuple[Evidence, ...]:
    """Evidence records of outcomes, in the given order, without duplicates."""
    seen: set[str] = set()
    result = []
    for o in outcomes:
        if o.id in seen:
            continue
        seen.add(o.id)
        result.append(Evidence(o.source, published(ledger, o), o.quote, o.id))
    return tuple(result)


def sources_checked(ledger: Ledger, after: dt.date, as_of: dt.date) -> int:
    """How many sources were published after ``after`` and on or before ``as_of``."""
    return ledger.count_sources_published(after, as_of)
