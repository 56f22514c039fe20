"""Cross-report audit: figures that disagree between reports, or with themselves.

Finds reported growth that disagrees with the growth implied by levels (beyond rounding),
different final figures for the same entity/metric/measure/period, preliminary figures revised
later, self-reported attainments that do not add up (value / plan vs the stated percentage),
and goals that no later report mentions. ``selective_reporting`` gives the yearly share of
goals nobody reports on.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from hitech_targets.assessment import Evidence
from hitech_targets.derive import check_attainment, growth_from_levels
from hitech_targets.evidence import as_evidence, choose, consistent, figure, recency_key
from hitech_targets.ledger import Ledger
from hitech_targets.model import Outcome, Status
from hitech_targets.options import ReconcileOptions
from hitech_targets.period import Period, PeriodKind
from hitech_targets.quantity import Comparator, Measure, Unit, decimal_str
from hitech_targets.reconcile import goals_of_year, parse_as_of, reconcile

#: Finding codes, in the order findings of one group are listed.
CODES = (
    "growth_mismatch",
    "conflicting_figures",
    "preliminary_revised",
    "attainment_inconsistent",
    "goal_not_reported",
)


def _params(params: dict[str, object]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, str(v)) for k, v in params.items()))


@attrs.frozen
class Finding:
    """One audit finding: a code, what it is about, its parameters and the records involved."""

    code: str
    year: int | None
    entity: str | None
    metric: str | None
    period: str | None
    params: tuple[tuple[str, str], ...] = ()
    records: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()

    @property
    def args(self) -> dict[str, str]:
        return dict(self.params)

    def sort_key(self) -> tuple[int, str, str, str, str, tuple[str, ...]]:
        return (
            self.year or 0,
            self.entity or "",
            self.metric or "",
            self.period or "",
            self.code,
            self.records,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "year": self.year,
            "entity": self.entity,
            "metric": self.metric,
            "period": self.period,
            "params": dict(self.params),
            "records": list(self.records),
            "evidence": [e.to_json() for e in self.evidence],
        }


@attrs.frozen
class SelectiveReporting:
    """Per year: goals past their grace period, how many a later report mentions, the rate."""

    year: int
    goals: int
    mentioned: int
    not_mentioned: int

    @property
    def rate(self) -> Decimal | None:
        if self.goals == 0:
            return None
        return Decimal(self.not_mentioned) / Decimal(self.goals)

    def to_json(self) -> dict[str, Any]:
        rate = self.rate
        return {
            "year": self.year,
            "goals": self.goals,
            "mentioned": self.mentioned,
            "not_mentioned": self.not_mentioned,
            "rate": None if rate is None else decimal_str(rate.quantize(Decimal("0.0001"))),
        }


def _known(ledger: Ledger, as_of: dt.date, year: int | None, entity: str | None) -> list[Outcome]:
    return [
        o
        for o in ledger.outcomes
        if ledger.source(o.source).published <= as_of
        and (year is None or o.period.end.year == year)
        and (entity is None or o.entity == entity)
        and o.metric is not None
        and o.value is not None
    ]


def _group(outcomes: Iterable[Outcome]) -> dict[tuple[str, str, str, Period, bool], list[Outcome]]:
    groups: dict[tuple[str, str, str, Period, bool], list[Outcome]] = defaultdict(list)
    for o in outcomes:
        groups[(o.entity, o.metric or "", o.measure.value, o.period, o.cumulative)].append(o)
    return groups


def _finding(code: str, outcomes: list[Outcome], ledger: Ledger, **params: object) -> Finding:
    first = outcomes[0]
    return Finding(
        code,
        first.period.end.year,
        first.entity,
        first.metric,
        first.period.label,
        _params(params),
        tuple(sorted(o.id for o in outcomes)),
        as_evidence(
            ledger, sorted(outcomes, key=lambda o: (ledger.source(o.source).published, o.id))
        ),
    )


def _figure_findings(
    ledger: Ledger, outcomes: list[Outcome], options: ReconcileOptions
) -> list[Finding]:
    found = []
    for group in _group(outcomes).values():
        finals = sorted(
            (o for o in group if not o.preliminary), key=lambda o: recency_key(ledger, o)
        )
        for i, a in enumerate(finals):
            for b in finals[i + 1 :]:
                if a.source != b.source and not consistent(a, b, options):
                    found.append(
                        _finding(
                            "conflicting_figures",
                            [a, b],
                            ledger,
                            earlier=a.id,
                            earlier_value=figure(a.value),
                            later=b.id,
                            later_value=figure(b.value),
                            rule="later_published_final",
                            # each figure keyed by its outcome id too, for table renderers
                            **{a.id: figure(a.value), b.id: figure(b.value)},
                        )
                    )
        choice = choose(ledger, group, options)
        if choice is None or choice.chosen.preliminary:
            continue
        for prelim in (o for o in group if o.preliminary):
            if not consistent(prelim, choice.chosen, options):
                found.append(
                    _finding(
                        "preliminary_revised",
                        [prelim, choice.chosen],
                        ledger,
                        preliminary=prelim.id,
                        preliminary_value=figure(prelim.value),
                        final=choice.chosen.id,
                        final_value=figure(choice.chosen.value),
                    )
                )
    return found


def _growth_findings(
    ledger: Ledger,
    outcomes: list[Outcome],
    as_of: dt.date,
    options: ReconcileOptions,
    entity: str | None = None,
) -> list[Finding]:
    found = []
    everything = _known(ledger, as_of, None, entity)  # levels of every year, same entity
    levels: dict[tuple[str, str, int], list[Outcome]] = defaultdict(list)
    for o in everything:
        if o.measure is Measure.LEVEL and o.period.kind is PeriodKind.YEAR and not o.cumulative:
            levels[(o.entity, o.metric or "", o.period.start.year)].append(o)
    for o in outcomes:
        if o.measure is not Measure.GROWTH or o.period.kind is not PeriodKind.YEAR:
            continue
        if o.value is None or o.value.unit is not Unit.PERCENT:
            continue
        year = o.period.start.year
        now = choose(ledger, levels.get((o.entity, o.metric or "", year), []), options)
        before = choose(ledger, levels.get((o.entity, o.metric or "", year - 1), []), options)
        if now is None or before is None or now.chosen.value is None or before.chosen.value is None:
            continue
        derived = growth_from_levels(now.chosen.value, before.chosen.value)
        if derived is None:
            continue
        slack = options.rounding_pp
        if o.value.approximate or o.value.comparator is Comparator.APPROX:
            slack = options.approx_tolerance_pp
        reported = o.value.point
        implied = derived.quantity.point
        exact = o.value.comparator in (Comparator.EQ, Comparator.APPROX)
        if exact and abs(reported - implied) > slack:
            found.append(
                _finding(
                    "growth_mismatch",
                    [o, now.chosen, before.chosen],
                    ledger,
                    reported=figure(o.value),
                    implied=decimal_str(implied),
                    difference_pp=decimal_str(reported - implied),
                    tolerance_pp=decimal_str(slack),
                    growth_outcome=o.id,
                    level=now.chosen.id,
                    previous_level=before.chosen.id,
                )
            )
    return found


def _attainment_findings(ledger: Ledger, outcomes: list[Outcome]) -> list[Finding]:
    found = []
    for o in outcomes:
        if o.value is None or o.attainment is None or o.plan is None:
            continue
        check = check_attainment(o.value.point, o.attainment.point, o.plan.point)
        if check is not None and not check.consistent:
            found.append(
                _finding(
                    "attainment_inconsistent",
                    [o],
                    ledger,
                    value=figure(o.value),
                    plan=figure(o.plan),
                    stated=decimal_str(o.attainment.point),
                    computed=decimal_str(check.computed),
                )
            )
    return found


def _goal_years(ledger: Ledger, as_of: dt.date, year: int | None) -> list[int]:
    years = sorted(
        {g.period.end.year for g in ledger.goals if ledger.source(g.source).published <= as_of}
    )
    return [y for y in years if year is None or y == year]


def selective_reporting(
    ledger: Ledger,
    *,
    year: int | None = None,
    entity: str | None = None,
    as_of: dt.date | str | None = None,
    options: ReconcileOptions | None = None,
) -> tuple[SelectiveReporting, ...]:
    """Per year with goals: goals past grace, how many a later report mentions, the rate."""
    day = parse_as_of(as_of)
    result = []
    for y in _goal_years(ledger, day, year):
        if not goals_of_year(ledger, y, entity, day):
            continue
        card = reconcile(ledger, y, entity=entity, as_of=day, options=options)
        past = card.goals_past_grace()
        silent = sum(1 for a in past if a.status is Status.NO_EVIDENCE)
        result.append(SelectiveReporting(y, len(past), len(past) - silent, silent))
    return tuple(result)


def _silence_findings(
    ledger: Ledger, year: int | None, entity: str | None, day: dt.date, options: ReconcileOptions
) -> list[Finding]:
    found = []
    for y in _goal_years(ledger, day, year):
        if not goals_of_year(ledger, y, entity, day):
            continue
        card = reconcile(ledger, y, entity=entity, as_of=day, options=options)
        for a in card.goals_past_grace():
            if a.status is not Status.NO_EVIDENCE:
                continue
            g = ledger.goal(a.goal_id)
            src = ledger.source(g.source)
            found.append(
                Finding(
                    "goal_not_reported",
                    y,
                    g.entity,
                    g.metric,
                    g.period.label,
                    _params({"goal": g.id, **a.reasons[-1].args}),
                    (g.id,),
                    (Evidence(g.source, src.published, g.quote, None),),
                )
            )
    return found


def audit(
    ledger: Ledger,
    *,
    year: int | None = None,
    entity: str | None = None,
    as_of: dt.date | str | None = None,
    options: ReconcileOptions | None = None,
) -> tuple[Finding, ...]:
    """Every finding about figures of ``year`` (by the year their period ends; all years when
    None) known on ``as_of`` (default today), sorted by year, entity, metric, period, code."""
    day = parse_as_of(as_of)
    opts = options or ReconcileOptions()
    outcomes = _known(ledger, day, year, entity)
    findings = [
        *_figure_findings(ledger, outcomes, opts),
        *_growth_findings(ledger, outcomes, day, opts, entity),
        *_attainment_findings(ledger, outcomes),
        *_silence_findings(ledger, year, entity, day, opts),
    ]
    return tuple(sorted(findings, key=Finding.sort_key))


__all__ = ["CODES", "Finding", "SelectiveReporting", "audit", "selective_reporting"]
