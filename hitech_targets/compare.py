"""Compare an outcome figure with a target figure, honestly.

Both figures are read as sets of possible true values: an outcome 超1200家 says only "more than
1200", 约3.71亿 says "3.71亿 give or take the tolerance". A target is met when every value the
outcome allows satisfies it, missed when none does, and undecided otherwise.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from hitech_targets.options import ReconcileOptions
from hitech_targets.quantity import Comparator, Measure, Quantity, Unit

#: Relative measures: tolerances in percentage points, margins in percentage points.
_RELATIVE_UNITS = (Unit.PERCENT, Unit.PP)

_RATIO_PLACES = Decimal("0.0001")


@attrs.frozen
class Interval:
    """A set of numbers ``low..high``; None is unbounded; ``*_open`` excludes the end."""

    low: Decimal | None
    high: Decimal | None
    low_open: bool = False
    high_open: bool = False

    def all_at_least(self, bound: Decimal, strict: bool) -> bool:
        if self.low is None:
            return False
        return self.low > bound or (self.low == bound and (not strict or self.low_open))

    def none_at_least(self, bound: Decimal, strict: bool) -> bool:
        if self.high is None:
            return False
        return self.high < bound or (self.high == bound and (strict or self.high_open))

    def all_at_most(self, bound: Decimal, strict: bool) -> bool:
        if self.high is None:
            return False
        return self.high < bound or (self.high == bound and (not strict or self.high_open))

    def none_at_most(self, bound: Decimal, strict: bool) -> bool:
        if self.low is None:
            return False
        return self.low > bound or (self.low == bound and (strict or self.low_open))


@attrs.frozen
class Comparison:
    """The outcome of comparing: ``met`` True/False, or None when the figures cannot decide.

    ``code`` names the rule applied (a reason code); ``tolerance`` is set when an approximate
    figure was widened.
    """

    met: bool | None
    code: str
    tolerance: Decimal | None = None


def tolerance(quantity: Quantity, options: ReconcileOptions) -> Decimal:
    """The half-width of an approximate figure: points for growth/share, relative for levels."""
    if quantity.unit in _RELATIVE_UNITS:
        return options.approx_tolerance_pp
    return abs(quantity.point) * options.approx_tolerance_rel


def possible_values(quantity: Quantity, options: ReconcileOptions) -> Interval:
    """The values an outcome figure allows (超 → open above, 近 → just below, 约 → ± tolerance)."""
    c = quantity.comparator
    if c is Comparator.RANGE:
        return Interval(quantity.low, quantity.high)
    v = quantity.point
    if c is Comparator.APPROX:
        tol = tolerance(quantity, options)
        return Interval(v - tol, v + tol)
    if c is Comparator.GE:
        return Interval(v, None)
    if c is Comparator.GT:
        return Interval(v, None, low_open=True)
    if c in (Comparator.LE, Comparator.LT):
        low = v - tolerance(quantity, options) if quantity.approximate else None
        return Interval(low, v, high_open=c is Comparator.LT)
    if quantity.approximate:
        tol = tolerance(quantity, options)
        return Interval(v - tol, v + tol)
    return Interval(v, v)


def compatible(a: Quantity, b: Quantity, options: ReconcileOptions) -> bool:
    """True when two figures can both be true (约42% and 42%以上 can; 3家 and 5家 cannot)."""
    if a.unit is not b.unit:
        return False
    x, y = possible_values(a, options), possible_values(b, options)
    return not (_before(x, y) or _before(y, x))


def _before(x: Interval, y: Interval) -> bool:
    """True when every value of ``x`` is below every value of ``y``."""
    if x.high is None or y.low is None:
        return False
    return x.high < y.low or (x.high == y.low and (x.high_open or y.low_open))


def _floor(values: Interval, bound: Decimal, strict: bool) -> bool | None:
    if values.all_at_least(bound, strict):
        return True
    if values.none_at_least(bound, strict):
        return False
    return None


def _ceiling(values: Interval, bound: Decimal, strict: bool) -> bool | None:
    if values.all_at_most(bound, strict):
        return True
    if values.none_at_most(bound, strict):
        return False
    return None


def compare(
    actual: Quantity, target: Quantity, measure: Measure, options: ReconcileOptions
) -> Comparison:
    """Decide whether ``actual`` satisfies ``target`` as worded.

    以上/不少于 (>=) include the bound, 超 (>) excludes it, 以下/以内 (<=) include it; a bare
    figure is a floor (完成 X means at least X) except for ranks, where it is a ceiling (第3
    or better), and a bare decline (下降5%) is a ceiling on growth; 左右 (~) and 近 as a target
    are a floor lowered by the tolerance; ranges are inclusive both ends.
    For ranks a smaller number is better, so every comparator is read on the rank scale.
    """
    values = possible_values(actual, options)
    c = target.comparator
    if measure is Measure.RANK:
        return _compare_rank(values, target)
    if c is Comparator.RANGE:
        low, high = target.low, target.high
        if low is None or high is None:  # unreachable: Quantity validates ranges
            return Comparison(None, "target_unreadable")
        above = _floor(values, low, strict=False)
        below = _ceiling(values, high, strict=False)
        if above is True and below is True:
            return Comparison(True, "within_range")
        if above is False or below is False:
            return Comparison(False, "outside_range")
        return Comparison(None, "bound_undecidable")
    t = target.point
    if c is Comparator.EQ and measure is Measure.GROWTH and t < 0:
        # 下降5%: a promised fall of at least 5%, so a growth of -5 or lower meets it
        return _named(_ceiling(values, t, strict=False), "at_or_below_target", "above_ceiling")
    if c is Comparator.LT and target.approximate:
        c = Comparator.APPROX  # 近100家 as a target means about 100: scored with the tolerance
    if c in (Comparator.GE, Comparator.EQ):
        return _named(_floor(values, t, strict=False), "at_or_above_target", "below_target")
    if c is Comparator.GT:
        return _named(_floor(values, t, strict=True), "above_target", "not_above_target")
    if c is Comparator.LE:
        return _named(_ceiling(values, t, strict=False), "at_or_below_target", "above_ceiling")
    if c is Comparator.LT:
        return _named(_ceiling(values, t, strict=True), "below_ceiling", "not_below_ceiling")
    tol = tolerance(target, options)
    result = _floor(values, t - tol, strict=False)
    if result is True and values.high is not None and values.high <= t + tol:
        return Comparison(True, "within_tolerance", tol)
    return _named(result, "above_approximate_target", "below_tolerance", tol)


def _named(result: bool | None, met: str, missed: str, tol: Decimal | None = None) -> Comparison:
    if result is None:
        return Comparison(None, "bound_undecidable", tol)
    return Comparison(result, met if result else missed, tol)


def _compare_rank(values: Interval, target: Quantity) -> Comparison:
    c = target.comparator
    if c is Comparator.RANGE:
        high = target.high if target.high is not None else target.point
        return _named(_ceiling(values, high, strict=False), "rank_reached", "rank_not_reached")
    t = target.point
    if c in (Comparator.EQ, Comparator.LE, Comparator.APPROX):
        return _named(_ceiling(values, t, strict=False), "rank_reached", "rank_not_reached")
    if c is Comparator.LT:
        return _named(_ceiling(values, t, strict=True), "rank_reached", "rank_not_reached")
    strict = c is Comparator.GT
    return _named(_floor(values, t, strict=strict), "rank_reached", "rank_not_reached")


def margin(actual: Quantity, target: Quantity) -> Decimal:
    """Actual minus target, in the target's unit (percentage points for growth/share)."""
    return actual.point - target.point


def attainment(actual: Quantity, target: Quantity) -> Decimal | None:
    """Actual over target as a ratio to four places (1.05 = 105%); None for a zero target."""
    if target.point == 0:
        return None
    return (actual.point / target.point).quantize(_RATIO_PLACES)
