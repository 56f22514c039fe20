"""Exact quantities: a value (or range) in base units with its comparator, as a target is worded."""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

import attrs

from hitech_targets.errors import QuantityError


class Unit(enum.Enum):
    """Base units; the values are the strings of the JSON contracts."""

    CNY = "CNY"
    USD = "USD"
    PERCENT = "percent"
    PP = "pp"
    COUNT = "count"
    MU = "mu"
    M2 = "m2"
    TIMES = "times"
    RANK = "rank"


class Comparator(enum.Enum):
    """How a value bounds the truth: 以上 ``>=``, 超 ``>``, 约/左右 ``~``, 3~5 ``range``."""

    EQ = "="
    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"
    APPROX = "~"
    RANGE = "range"


class Measure(enum.Enum):
    """What a figure measures; the same words as the extract and export contracts."""

    LEVEL = "level"
    GROWTH = "growth"
    SHARE = "share"
    ATTAINMENT = "attainment"
    RANK = "rank"
    EVENT = "event"
    MILESTONE = "milestone"


class Strength(enum.Enum):
    """How firmly a goal is worded: 确保 is hard; 力争/争取/努力/奋斗目标 aspirational.

    Defined with the wording (an early stage) so the extractor can use it; re-exported by model.
    """

    HARD = "hard"
    ASPIRATIONAL = "aspirational"


#: One 亩 is exactly 10000/15 square metres; kept as a ratio because it has no finite decimal.
MU_IN_M2_NUMERATOR = Decimal(10000)
MU_IN_M2_DENOMINATOR = Decimal(15)


def _check_range(instance: Quantity, attribute: attrs.Attribute[Any], value: Any) -> None:
    if instance.comparator is Comparator.RANGE:
        if instance.low is None or instance.high is None or instance.value is not None:
            raise ValueError("a range needs low and high and no single value")
        if instance.low > instance.high:
            raise ValueError(f"inverted range {instance.low}..{instance.high}")
    elif instance.value is None or instance.low is not None or instance.high is not None:
        raise ValueError("a non-range quantity needs a value and no low/high")


def _decimal_or_none(value: object) -> Decimal | None:
    if value is None or isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        raise TypeError("figures are Decimal built from strings, never float")
    return Decimal(str(value))


@attrs.frozen
class Quantity:
    """An exact figure in base units.

    ``value`` is set for everything but ranges; ranges set ``low`` and ``high``. ``approximate``
    marks 约/左右/上下/近 (近 is ``<`` and approximate: just below). ``classifier`` keeps the
    counting word (家, 个, 项 …) of counts. ``text`` is the phrase as written, when known.
    """

    value: Decimal | None = attrs.field(converter=_decimal_or_none, validator=_check_range)
    unit: Unit = attrs.field(validator=attrs.validators.instance_of(Unit))
    comparator: Comparator = attrs.field(
        default=Comparator.EQ, validator=attrs.validators.instance_of(Comparator)
    )
    low: Decimal | None = attrs.field(default=None, converter=_decimal_or_none)
    high: Decimal | None = attrs.field(default=None, converter=_decimal_or_none)
    classifier: str | None = None
    approximate: bool = False
    text: str | None = attrs.field(default=None, eq=False)

    @property
    def point(self) -> Decimal:
        """A single representative value: the value, or a range's lower end (its floor)."""
        if self.value is not None:
            return self.value
        if self.low is None:  # unreachable: the validator requires low for ranges
            raise QuantityError("quantity without value or low bound", self.text or "")
        return self.low

    def same_figure(self, other: Quantity) -> bool:
        """True when both state the same number(s) in the same unit, whatever the wording."""
        return (
            self.unit is other.unit
            and self.value == other.value
            and self.low == other.low
            and self.high == other.high
        )


def decimal_str(value: Decimal | None) -> str | None:
    """Format a Decimal for the JSON contracts: plain notation, no exponent, no trailing zeros."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    text = format(value.normalize(), "f")
    return text
