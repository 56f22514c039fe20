"""What a quantity grammar match states: its groups read into an exact ``Quantity``."""

from __future__ import annotations

import decimal
import re
from decimal import Decimal
from typing import Any, Literal

from hitech_targets import numerals
from hitech_targets.errors import QuantityError
from hitech_targets.quantity import Comparator, Quantity, Unit
from hitech_targets.wording import GROWTH_DOWN, PREFIXES, SUFFIXES, UNITS

#: The direction a growth word (增长, 下降 …) gives a figure.
Change = Literal["up", "down"]

#: Decimal arithmetic that refuses to round: a figure is exact or it is an error.
EXACT = decimal.Context(
    prec=60,
    traps=[decimal.Inexact, decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)
_BARE_MAGNITUDE = re.compile(r"[百千万亿]+")


def _combine(bounds: list[tuple[Comparator, bool]], phrase: str) -> tuple[Comparator, bool]:
    """Merge the bound words of one phrase (超…以上, 约…左右, 近) into one comparator."""
    approximate = any(approx for _, approx in bounds)
    strict = {c for c, _ in bounds if c is not Comparator.APPROX}
    if not strict:
        return (Comparator.APPROX if bounds else Comparator.EQ, approximate)
    if strict <= {Comparator.GE, Comparator.GT}:
        return (Comparator.GT if Comparator.GT in strict else Comparator.GE, approximate)
    if strict <= {Comparator.LE, Comparator.LT}:
        return (Comparator.LT if Comparator.LT in strict else Comparator.LE, approximate)
    raise QuantityError("contradictory bound words", phrase)


#: The comparator of the negated figure (a decline read as negative growth).
FLIP = {
    Comparator.GE: Comparator.LE,
    Comparator.GT: Comparator.LT,
    Comparator.LE: Comparator.GE,
    Comparator.LT: Comparator.GT,
    Comparator.EQ: Comparator.EQ,
    Comparator.APPROX: Comparator.APPROX,
    Comparator.RANGE: Comparator.RANGE,
}


def interpret(
    match: re.Match[str], phrase: str, sign: str | None
) -> tuple[Quantity, Change | None]:
    """The quantity a grammar match states; the caller sets an exact decimal context."""
    num, unit_word, magnitude, more1, more2, pre, post, growth, gsign = match.group(*_COMMON)
    bounds: list[tuple[Comparator, bool]] = []
    if pre:
        bounds.append(PREFIXES[pre])
    if post:
        bounds.append(SUFFIXES[post])
    change: Change | None = None
    if growth:
        change = "down" if any(word in growth for word in GROWTH_DOWN) else "up"
    negate = change == "down"
    if gsign:
        sign = gsign
    if sign in ("-", "−"):
        if negate:
            raise QuantityError("a minus sign and a word of decline", phrase)
        negate = True
    classifier: str | None = None
    value: Decimal | None = None

    if num is not None:  # the common case: number, magnitude, unit
        unit, factor, classifier = _unit(unit_word)
        more = more1 or more2
        if not pre and not more and _BARE_MAGNITUDE.fullmatch(num):
            raise QuantityError("a bare 百/千/万/亿 is a name unless bounded (超百家)", phrase)
        # plain Arabic numbers were checked by the grammar: digits and at most one point
        plain = num[0].isascii() and "," not in num
        number = Decimal(num) if plain else numerals.read_number(num)
        if unit_word == "成":
            _check_cheng(number, phrase)
        value = number * factor
        if magnitude:
            value *= numerals.multiplier(magnitude)
        if more:
            bounds.append((Comparator.GT, False))
        return _finish(value, unit, bounds, negate, classifier, change, phrase)
    g = match.groupdict()
    if g["lo"] is not None:
        return _range(g, bounds, change, negate, phrase)
    if g["places"]:
        value = Decimal(10) ** ({"两": 2, "二": 2, "三": 3}[g["places"]] - 1)
        unit = Unit.PERCENT
        bounds.append((Comparator.GE, False))
    elif g["fan"] is not None:
        times = numerals.DIGITS[g["fan"]] if g["fan"] else 1
        value, unit = Decimal(2**times - 1) * 100, Unit.PERCENT
        change = change or "up"
        if negate:
            raise QuantityError("a decline cannot double", phrase)
    elif g["negative"]:
        if negate or bounds:
            raise QuantityError("负增长 takes no other bound", phrase)
        return Quantity(Decimal(0), Unit.PERCENT, Comparator.LT, text=phrase), "down"
    elif g["rank"] or g["top"] or g["first"]:
        if negate or change:
            raise QuantityError("a rank has no sign or growth", phrase)
        value, unit = _read_count(g["rank"] or g["top"] or "1", phrase), Unit.RANK
        if value < 1:
            raise QuantityError("a rank starts at 1", phrase)
        if g["top"]:
            bounds.append((Comparator.LE, False))
    elif g["cden"]:
        numerator = numerals.read_number(g["cnum"])
        denominator = _read_count(g["cden"], phrase)
        value, unit = _share(numerator, denominator, phrase), Unit.PERCENT
    else:
        numerator, denominator = Decimal(g["fnum"]), Decimal(g["fden"])
        if numerator > denominator:
            raise QuantityError("a fraction larger than one is not a share", phrase)
        value, unit = _share(numerator, denominator, phrase), Unit.PERCENT

    return _finish(value, unit, bounds, negate, classifier, change, phrase)


def _finish(
    value: Decimal,
    unit: Unit,
    bounds: list[tuple[Comparator, bool]],
    negate: bool,
    classifier: str | None,
    change: Change | None,
    phrase: str,
) -> tuple[Quantity, Change | None]:
    if bounds:
        comparator, approximate = _combine(bounds, phrase)
    else:
        comparator, approximate = Comparator.EQ, False
    if negate:
        value, comparator = -value, FLIP[comparator]
    quantity = Quantity(
        _clean(value),
        unit,
        comparator,
        classifier=classifier,
        approximate=approximate,
        text=phrase,
    )
    return quantity, change


_COMMON = ("num", "unit", "mag", "more1", "more2", "pre", "post", "growth", "gsign")


def _range(
    g: dict[str, str | Any],
    bounds: list[tuple[Comparator, bool]],
    change: Change | None,
    negate: bool,
    phrase: str,
) -> tuple[Quantity, Change | None]:
    """``3~5个``, ``4.5%至5%``, ``3-5万元``: the low end shares the high end's unit."""
    high_unit, high_factor, classifier = _unit(g["hiunit"])
    magnitude = numerals.multiplier(g["himag"] or "")
    high_number = numerals.read_number(g["hi"])
    high = high_number * magnitude * high_factor
    if g["lounit"]:
        low_unit, low_factor, low_classifier = _unit(g["lounit"])
        if (low_unit, low_classifier, low_factor) != (high_unit, classifier, high_factor):
            raise QuantityError("a range with two different units", phrase)
        magnitude = Decimal(1)
    if g["lomag"]:
        magnitude = numerals.multiplier(g["lomag"])
    low_number = numerals.read_number(g["lo"])
    low = low_number * magnitude * high_factor
    if g["himore"]:
        raise QuantityError("余/多 in a range", phrase)
    if g["hiunit"] == "成":
        _check_cheng(high_number, phrase)
        _check_cheng(low_number, phrase)
    if any(comparator is not Comparator.APPROX for comparator, _ in bounds):
        raise QuantityError("a range takes no bound word", phrase)
    if negate:
        low, high = -high, -low
    if low > high:
        raise QuantityError("inverted range", phrase)
    quantity = Quantity(
        None,
        high_unit,
        Comparator.RANGE,
        low=_clean(low),
        high=_clean(high),
        classifier=classifier,
        approximate=bool(bounds),
        text=phrase,
    )
    return quantity, change


def _unit(word: str) -> tuple[Unit, Decimal, str | None]:
    if word in UNITS:
        unit, factor = UNITS[word]
        return unit, factor, None
    return Unit.COUNT, Decimal(1), word


def _check_cheng(number: Decimal, phrase: str) -> None:
    if not Decimal(0) <= number <= Decimal(10):
        raise QuantityError("成 counts tenths: at most 十成", phrase)


def _read_count(text: str, phrase: str) -> Decimal:
    value = numerals.read_number(text)
    if value != value.to_integral_value():
        raise QuantityError("not a whole number", phrase)
    return value


def _share(numerator: Decimal, denominator: Decimal, phrase: str) -> Decimal:
    if denominator == 0:
        raise QuantityError("division by zero", phrase)
    try:
        return numerator * 100 / denominator
    except decimal.Inexact:
        raise QuantityError("a fraction without an exact decimal value", phrase) from None


def _clean(value: Decimal) -> Decimal:
    """Plain canonical form: 3453.80 × 10^8 → 345380000000, 3.50 → 3.5."""
    value += 0  # -0 → 0
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()
