"""Quantities: exact Decimals, ranges, comparators, same_figure, the contract's decimal strings."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hitech_targets.errors import QuantityError
from hitech_targets.quantity import Comparator, Quantity, Unit, decimal_str


def test_values_are_decimals_built_from_strings() -> None:
    quantity = Quantity("833.02", Unit.CNY)
    assert quantity.value == Decimal("833.02")
    assert Quantity(13, Unit.COUNT).value == Decimal(13)
    with pytest.raises(TypeError, match="never float"):
        Quantity(833.02, Unit.CNY)


def test_ranges_need_low_and_high_in_order() -> None:
    quantity = Quantity(None, Unit.PERCENT, Comparator.RANGE, low=Decimal(3), high=Decimal(5))
    assert quantity.point == Decimal(3)
    with pytest.raises(ValueError, match="inverted range"):
        Quantity(None, Unit.PERCENT, Comparator.RANGE, low=Decimal(5), high=Decimal(3))
    with pytest.raises(ValueError, match="needs low and high"):
        Quantity(Decimal(4), Unit.PERCENT, Comparator.RANGE, low=Decimal(3), high=Decimal(5))
    with pytest.raises(ValueError, match="needs a value"):
        Quantity(None, Unit.PERCENT)
    with pytest.raises(ValueError, match="no low/high"):
        Quantity(Decimal(1), Unit.PERCENT, low=Decimal(1))


def test_unit_and_comparator_are_checked() -> None:
    with pytest.raises(TypeError):
        Quantity(Decimal(1), "percent")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Quantity(Decimal(1), Unit.PERCENT, ">=")  # type: ignore[arg-type]


def test_same_figure_ignores_wording_but_not_number_or_unit() -> None:
    at_least = Quantity(Decimal(10), Unit.PERCENT, Comparator.GE, text="两位数以上")
    exact = Quantity(Decimal(10), Unit.PERCENT, text="10%")
    assert at_least.same_figure(exact) and exact.same_figure(at_least)
    assert not exact.same_figure(Quantity(Decimal(10), Unit.PP))
    assert not exact.same_figure(Quantity(Decimal("10.6"), Unit.PERCENT))
    assert Quantity(Decimal("10.60"), Unit.PERCENT).same_figure(exact.__class__("10.6",
                                                                               Unit.PERCENT))


def test_text_is_not_part_of_equality() -> None:
    assert Quantity(Decimal(1), Unit.COUNT, text="1个") == Quantity(Decimal(1), Unit.COUNT)
    assert Quantity(Decimal(1), Unit.COUNT, classifier="家") != Quantity(Decimal(1), Unit.COUNT)


@pytest.mark.parametrize(
    ("value", "text"),
    [("83302000000", "83302000000"), ("8.33E+10", "83300000000"), ("10.60", "10.6"),
     ("0.0001", "0.0001"), ("1E-7", "0.0000001"), ("-5", "-5"), ("0", "0"), ("100.00", "100")],
)
def test_decimal_str(value: str, text: str) -> None:
    assert decimal_str(Decimal(value)) == text


def test_decimal_str_none() -> None:
    assert decimal_str(None) is None


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**15, max_value=10**15,
                   places=6))
def test_decimal_str_is_exact_and_plain(value: Decimal) -> None:
    text = decimal_str(value)
    assert text is not None
    assert Decimal(text) == value
    assert "E" not in text.upper()
    assert not (("." in text) and text.endswith("0"))


def test_point_of_a_broken_range_raises_quantity_error() -> None:
    quantity = Quantity(Decimal(1), Unit.COUNT)
    object.__setattr__(quantity, "value", None)
    with pytest.raises(QuantityError):
        _ = quantity.point
