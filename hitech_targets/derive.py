"""Figures derived from reported ones, each with the Reason that records how.

Growth from two levels, a level from a base and a growth, currency conversion through the FX
registry, cumulative sums, and the plan implied by a self-reported attainment (with the check
that value / plan rounds to the stated percentage). Derived figures are exact Decimals; the
caller lowers confidence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

import attrs

from hitech_targets.assessment import Reason
from hitech_targets.ledger import Ledger
from hitech_targets.model import FxRate, Outcome
from hitech_targets.period import Period, PeriodKind
from hitech_targets.quantity import Comparator, Measure, Quantity, Unit, decimal_str

_HUNDRED = Decimal(100)
_GROWTH_PLACES = Decimal("0.01")
_MONEY = (Unit.CNY, Unit.USD)


@attrs.frozen
class Derived:
    """A derived figure and the reason step that explains it."""

    quantity: Quantity
    reason: Reason


def _s(value: Decimal | None) -> str:
    return decimal_str(value) or ""


def growth_from_levels(current: Quantity, previous: Quantity) -> Derived | None:
    """Growth in percent from a level and the previous period's level (None if not derivable).

    Rounded to 0.01 percent; approximate when either level is.
    """
    if current.unit is not previous.unit or previous.point == 0:
        return None
    if current.comparator not in (Comparator.EQ, Comparator.APPROX):
        return None
    if previous.comparator not in (Comparator.EQ, Comparator.APPROX):
        return None
    growth = ((current.point / previous.point - 1) * _HUNDRED).quantize(
        _GROWTH_PLACES, rounding=ROUND_HALF_UP
    )
    approximate = current.approximate or previous.approximate
    quantity = Quantity(
        growth,
        Unit.PERCENT,
        comparator=Comparator.APPROX if approximate else Comparator.EQ,
        approximate=approximate,
    )
    reason = Reason(
        "growth_from_levels",
        {"current": _s(current.point), "previous": _s(previous.point), "growth": _s(growth)},
    )
    return Derived(quantity, reason)


def level_from_growth(base: Quantity, growth: Quantity) -> Derived | None:
    """The level reached from last period's ``base`` and this period's ``growth`` percent."""
    if growth.unit is not Unit.PERCENT or base.comparator is not Comparator.EQ:
        return None
    if growth.comparator not in (Comparator.EQ, Comparator.APPROX):
        return None
    level = base.point * (1 + growth.point / _HUNDRED)
    approximate = base.approximate or growth.approximate
    quantity = Quantity(
        level,
        base.unit,
        comparator=Comparator.APPROX if approximate else Comparator.EQ,
        approximate=approximate,
    )
    reason = Reason(
        "level_from_growth",
        {"base": _s(base.point), "growth": _s(growth.point), "level": _s(level)},
    )
    return Derived(quantity, reason)


def convert(quantity: Quantity, to: Unit, rate: FxRate) -> Derived | None:
    """Convert a money figure between USD and CNY with ``rate`` (1 base = rate quote)."""
    if quantity.unit not in _MONEY or to not in _MONEY:
        return None
    if quantity.unit is to:
        return None
    if quantity.unit.value == rate.base and to.value == rate.quote:
        factor = rate.rate
    elif quantity.unit.value == rate.quote and to.value == rate.base:
        factor = 1 / rate.rate
    else:
        return None

    def scale(value: Decimal | None) -> Decimal | None:
        return None if value is None else (value * factor).quantize(Decimal("0.01"))

    converted = attrs.evolve(
        quantity,
        value=scale(quantity.value),
        low=scale(quantity.low),
        high=scale(quantity.high),
        unit=to,
        text=None,
    )
    reason = Reason(
        "currency_converted",
        {
            "from_unit": quantity.unit.value,
            "to_unit": to.value,
            "value": _s(quantity.point),
            "converted": _s(converted.point),
            "rate": _s(rate.rate),
            "year": str(rate.year),
            "fx_source": rate.source,
        },
    )
    return Derived(converted, reason)


def cumulative_sum(quantities: Sequence[Quantity]) -> Quantity | None:
    """The sum of yearly figures; exact only when every figure is; None when empty or mixed."""
    if not quantities:
        return None
    unit = quantities[0].unit
    if any(q.unit is not unit or q.comparator is Comparator.RANGE for q in quantities):
        return None
    total = sum((q.point for q in quantities), Decimal(0))
    exact = all(q.comparator is Comparator.EQ and not q.approximate for q in quantities)
    lower_bounds = all(
        q.comparator in (Comparator.EQ, Comparator.GE, Comparator.GT) for q in quantities
    )
    if exact:
        comparator = Comparator.EQ
    elif lower_bounds and not any(q.approximate for q in quantities):
        comparator = Comparator.GE
    else:
        comparator = Comparator.APPROX
    return Quantity(total, unit, comparator=comparator, approximate=comparator is Comparator.APPROX)


def places(value: Decimal) -> int:
    """Decimal places as written (116.02 → 2, 126.9 → 1, 200 → 0)."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _round_to(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def implied_plan(value: Decimal, attainment_pct: Decimal) -> Decimal | None:
    """The plan figure implied by a value and its share of plan (227.5亿 at 126.9% → 179.28亿).

    Rounded to one more place than the value carries, and to at least five significant
    digits, so that the rounding never moves the recomputed share by more than 0.005%.
    """
    if attainment_pct <= 0 or value <= 0:
        return None
    plan = value / (attainment_pct / _HUNDRED)
    exponent = value.normalize().as_tuple().exponent
    value_step = (exponent if isinstance(exponent, int) else 0) - 1
    step = Decimal(1).scaleb(min(value_step, plan.adjusted() - 4))
    return plan.quantize(step, rounding=ROUND_HALF_UP)


@attrs.frozen
class AttainmentCheck:
    """Whether value / plan rounds to the stated percentage."""

    consistent: bool
    computed: Decimal
    plan: Decimal
    plan_implied: bool
    reason: Reason


def check_attainment(
    value: Decimal, stated_pct: Decimal, plan: Decimal | None = None
) -> AttainmentCheck | None:
    """Recompute the share of plan at the stated precision and compare it with the statement.

    With no plan given, the plan implied by value and statement (rounded as ``implied_plan``)
    is used: the check then asks whether a plan figure written to the value's precision can
    give the stated share.
    """
    implied = plan is None
    basis = implied_plan(value, stated_pct) if plan is None else plan
    if basis is None or basis <= 0:
        return None
    decimals = places(stated_pct)
    computed = _round_to(value / basis * _HUNDRED, decimals)
    consistent = computed == stated_pct
    code = "attainment_consistent" if consistent else "attainment_inconsistent"
    reason = Reason(
        code,
        {
            "value": _s(value),
            "plan": _s(basis),
            "plan_implied": str(implied).lower(),
            "stated": _s(stated_pct),
            "computed": _s(computed),
        },
    )
    return AttainmentCheck(consistent, computed, basis, implied, reason)


@attrs.frozen
class Cumulative:
    """Progress toward a multi-year level: the total so far and what it rests on.

    ``covered_to`` is the last day the total covers; ``complete`` when it covers the whole
    goal period; ``preliminary`` when a figure it rests on is.
    """

    quantity: Quantity
    outcomes: tuple[Outcome, ...]
    covered_to: dt.date
    complete: bool
    reason: Reason
    preliminary: bool = False


def cumulative_progress(
    ledger: Ledger, *, entity: str, metric: str, period: Period, as_of: dt.date
) -> Cumulative | None:
    """The best-covering evidence of a multi-year total: a cumulative outcome starting with the
    period (十四五以来, 累计) or the sum of yearly outcomes; the one covering later wins, a
    cumulative figure on a tie. Superseded and conflicting figures are resolved per period as
    in ``evidence.choose``.
    """
    from hitech_targets.evidence import choose

    known = [
        o
        for o in ledger.outcomes_for(entity=entity, metric=metric, published_by=as_of)
        if o.measure is Measure.LEVEL and o.value is not None and period.contains(o.period)
    ]
    spans: dict[Period, list[Outcome]] = {}
    yearly: dict[int, list[Outcome]] = {}
    for o in known:
        if o.period.start == period.start and (o.cumulative or o.period.is_multi_year):
            spans.setdefault(o.period, []).append(o)
        elif o.period.kind is PeriodKind.YEAR and not o.cumulative:
            yearly.setdefault(o.period.start.year, []).append(o)
    best_span: Cumulative | None = None
    if spans:
        span = max(spans, key=lambda p: p.end)
        choice = choose(ledger, spans[span])
        if choice is not None and choice.chosen.value is not None:
            best_span = Cumulative(
                choice.chosen.value,
                choice.considered,
                span.end,
                span.end >= period.end,
                Reason(
                    "cumulative_reported",
                    {
                        "outcome": choice.chosen.id,
                        "covers": span.label,
                        "total": _s(choice.chosen.value.point),
                    },
                ),
                choice.chosen.preliminary,
            )
    best_sum: Cumulative | None = None
    years = [y for y in period.years_covered if y in yearly]
    contiguous = [y for i, y in enumerate(years) if y == period.start.year + i]
    if contiguous:
        chosen: list[Outcome] = []
        considered: list[Outcome] = []
        for y in contiguous:
            choice = choose(ledger, yearly[y])
            if choice is None:
                break
            chosen.append(choice.chosen)
            considered.extend(choice.considered)
        total = cumulative_sum([o.value for o in chosen if o.value is not None])
        if total is not None and len(chosen) == len(contiguous):
            end = dt.date(contiguous[-1], 12, 31)
            best_sum = Cumulative(
                total,
                tuple(considered),
                end,
                end >= period.end,
                Reason(
                    "cumulative_sum",
                    {
                        "years": ",".join(str(y) for y in contiguous),
                        "outcomes": ",".join(o.id for o in chosen),
                        "total": _s(total.point),
                    },
                ),
                any(o.preliminary for o in chosen),
            )
    candidates = [c for c in (best_span, best_sum) if c is not None]
    if not candidates:
        return None
    return max(candidates, key=lambda c: (c.covered_to, c is best_span))
