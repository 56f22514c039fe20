"""The verdict on one goal: status, confidence, figures, reasons as codes, and the evidence.

Reasons are structured codes with string parameters so that a report can phrase them in any
locale; the reconciler never writes prose.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from hitech_targets.model import Status
from hitech_targets.quantity import Comparator, Quantity, Unit, decimal_str


class Confidence(enum.Enum):
    """How much the verdict can be trusted; lowered by preliminary, approximate, derived,
    converted or proxy evidence."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


def _frozen_params(
    params: Mapping[str, object] | Iterable[tuple[str, object]],
) -> tuple[tuple[str, str], ...]:
    items = params.items() if isinstance(params, Mapping) else params
    return tuple(sorted((str(k), str(v)) for k, v in items))


@attrs.frozen
class Reason:
    """One step of the reasoning: a code (``comparator_met``, ``growth_from_levels`` …) and
    its parameters as strings."""

    code: str
    params: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_frozen_params)

    @property
    def args(self) -> dict[str, str]:
        return dict(self.params)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "params": dict(self.params)}


@attrs.frozen
class Evidence:
    """A quote that a verdict rests on, with its source and publication date."""

    source: str
    published: dt.date
    quote: str
    outcome_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "published": self.published.isoformat(),
            "quote": self.quote,
            "outcome": self.outcome_id,
        }


@attrs.frozen
class Actual:
    """The figure a verdict compared against the target, and where it came from."""

    quantity: Quantity
    source: str
    preliminary: bool = False
    derived: bool = False

    def to_json(self) -> dict[str, Any]:
        q = self.quantity
        return {
            "value": decimal_str(q.value if q.value is not None else q.low),
            "unit": q.unit.value,
            "source": self.source,
            "preliminary": self.preliminary,
            "derived": self.derived,
            "comparator": q.comparator.value,
            "approximate": q.approximate,
        }


def target_json(target: Quantity | None) -> dict[str, Any] | None:
    """The target object of the reconcile JSON contract."""
    if target is None:
        return None
    return {
        "value": decimal_str(target.value),
        "low": decimal_str(target.low),
        "high": decimal_str(target.high),
        "unit": target.unit.value,
        "comparator": target.comparator.value,
    }


@attrs.frozen
class Assessment:
    """The reconciler's verdict on one goal (or one part of a compound goal)."""

    goal_id: str
    entity: str
    metric: str | None
    period: str
    status: Status
    confidence: Confidence
    target: Quantity | None = None
    actual: Actual | None = None
    margin: Decimal | None = None  # percentage points for growth/share, base units for levels
    attainment: Decimal | None = None  # actual / target as a ratio (1.05 = 105%)
    reasons: tuple[Reason, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    override: bool = False
    stretch: Quantity | None = None
    stretch_status: Status | None = None
    parts: tuple[Assessment, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The object of the ``reconcile --format json`` contract (Decimals as strings)."""
        data: dict[str, Any] = {
            "goal_id": self.goal_id,
            "entity": self.entity,
            "metric": self.metric,
            "period": self.period,
            "status": self.status.value,
            "confidence": self.confidence.value,
            "target": target_json(self.target),
            "actual": self.actual.to_json() if self.actual else None,
            "margin": decimal_str(self.margin),
            "attainment": decimal_str(self.attainment),
            "reasons": [r.to_json() for r in self.reasons],
            "evidence": [e.to_json() for e in self.evidence],
            "override": self.override,
        }
        if self.stretch is not None:
            data["stretch"] = {
                "target": target_json(self.stretch),
                "status": self.stretch_status.value if self.stretch_status else None,
            }
        if self.parts:
            data["parts"] = [p.to_json() for p in self.parts]
        return data


__all__ = [
    "Actual",
    "Assessment",
    "Comparator",
    "Confidence",
    "Evidence",
    "Reason",
    "Unit",
    "target_json",
]
