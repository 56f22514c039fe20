"""Tunable rules of the reconciler: grace period and tolerances (see docs/status-rules.md)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from hitech_targets.quantity import decimal_str


def _decimal(value: object) -> Decimal:
    if isinstance(value, float):
        raise TypeError("tolerances are Decimal built from strings, never float")
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _non_negative(instance: object, attribute: attrs.Attribute[Any], value: Decimal) -> None:
    if not value.is_finite() or value < 0:
        raise ValueError(f"{attribute.name} must be a finite non-negative number, not {value}")


@attrs.frozen
class ReconcileOptions:
    """How strictly goals are scored.

    ``grace_days``: days after a period ends during which a goal without evidence is
    ``pending`` rather than ``no_evidence`` (annual reports appear in January-March).
    ``approx_tolerance_pp``: percentage points either side of an approximate (约/左右) growth or
    share figure. ``approx_tolerance_rel``: relative tolerance either side of an approximate
    level (0.02 = 2%). ``rounding_pp``: slack for figures rebuilt from rounded ones (growth
    implied by two levels, attainment implied by value and plan).
    """

    grace_days: int = attrs.field(default=90)
    approx_tolerance_pp: Decimal = attrs.field(
        default=Decimal("0.5"), converter=_decimal, validator=_non_negative
    )
    approx_tolerance_rel: Decimal = attrs.field(
        default=Decimal("0.02"), converter=_decimal, validator=_non_negative
    )
    rounding_pp: Decimal = attrs.field(
        default=Decimal("0.1"), converter=_decimal, validator=_non_negative
    )

    @grace_days.validator
    def _check_grace(self, attribute: attrs.Attribute[int], value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 3660:
            raise ValueError(f"grace_days must be an integer from 0 to 3660, not {value!r}")

    def to_json(self) -> dict[str, Any]:
        return {
            "grace_days": self.grace_days,
            "approx_tolerance_pp": decimal_str(self.approx_tolerance_pp),
            "approx_tolerance_rel": decimal_str(self.approx_tolerance_rel),
            "rounding_pp": decimal_str(self.rounding_pp),
        }
