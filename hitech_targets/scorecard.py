"""The Scorecard: every verdict of one reconciliation, with its summary and its renderings.

A Scorecard is what ``reconcile`` returns and what ``report`` renders. It only holds
Assessments and the request that produced them; the JSON, flat records, pandas frame and
Jupyter HTML are plain views of the same data.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from hitech_targets.assessment import Assessment
from hitech_targets.errors import HitechTargetsError
from hitech_targets.model import Status
from hitech_targets.options import ReconcileOptions
from hitech_targets.quantity import Quantity, decimal_str

if TYPE_CHECKING:  # runtime imports would be circular (reconcile builds Scorecards)
    from hitech_targets.ledger import Ledger

#: The statuses in the fixed order of every summary, table and chart.
STATUS_ORDER: tuple[Status, ...] = (
    Status.MET,
    Status.MISSED,
    Status.PARTIALLY_MET,
    Status.IN_PROGRESS,
    Status.PENDING,
    Status.NO_EVIDENCE,
    Status.NOT_COMPARABLE,
)

#: Background colours of the HTML table; the status is always written out as text too.
_COLOURS: dict[Status, str] = {
    Status.MET: "#c8e6c9",
    Status.MISSED: "#ffcdd2",
    Status.PARTIALLY_MET: "#ffe0b2",
    Status.IN_PROGRESS: "#bbdefb",
    Status.PENDING: "#eeeeee",
    Status.NO_EVIDENCE: "#d7ccc8",
    Status.NOT_COMPARABLE: "#f5f5f5",
}

#: Columns of ``to_records`` (and of the CSV output), in order.
RECORD_FIELDS: tuple[str, ...] = (
    "goal_id",
    "part",
    "entity",
    "metric",
    "period",
    "status",
    "confidence",
    "target",
    "target_value",
    "target_low",
    "target_high",
    "target_comparator",
    "unit",
    "stretch_target",
    "stretch_status",
    "actual_value",
    "actual_unit",
    "margin",
    "attainment",
    "override",
    "source",
    "published",
    "quote",
    "reasons",
)


def _text(quantity: Quantity | None) -> str | None:
    if quantity is None:
        return None
    if quantity.text:
        return quantity.text
    if quantity.value is None:
        return f"{decimal_str(quantity.low)}~{decimal_str(quantity.high)} {quantity.unit.value}"
    return f"{quantity.comparator.value}{decimal_str(quantity.value)} {quantity.unit.value}"


def _record(assessment: Assessment, part: str) -> dict[str, Any]:
    target = assessment.target
    actual = assessment.actual
    first = assessment.evidence[0] if assessment.evidence else None
    return {
        "goal_id": assessment.goal_id,
        "part": part,
        "entity": assessment.entity,
        "metric": assessment.metric,
        "period": assessment.period,
        "status": assessment.status.value,
        "confidence": assessment.confidence.value,
        "target": _text(target),
        "target_value": decimal_str(target.value) if target else None,
        "target_low": decimal_str(target.low) if target else None,
        "target_high": decimal_str(target.high) if target else None,
        "target_comparator": target.comparator.value if target else None,
        "unit": target.unit.value if target else (actual.quantity.unit.value if actual else None),
        "stretch_target": _text(assessment.stretch),
        "stretch_status": assessment.stretch_status.value if assessment.stretch_status else None,
        "actual_value": decimal_str(actual.quantity.point) if actual else None,
        "actual_unit": actual.quantity.unit.value if actual else None,
        "margin": decimal_str(assessment.margin),
        "attainment": decimal_str(assessment.attainment),
        "override": assessment.override,
        "source": actual.source if actual else (first.source if first else None),
        "published": first.published.isoformat() if first else None,
        "quote": first.quote if first else None,
        "reasons": ";".join(r.code for r in assessment.reasons),
    }


@attrs.frozen
class Scorecard:
    """The verdicts on the goals of ``year`` (for ``entity``, or every entity when None), as
    known on ``as_of``; iterate it for the Assessments, in goal-id order."""

    year: int
    entity: str | None
    as_of: dt.date
    assessments: tuple[Assessment, ...]
    options: ReconcileOptions
    ledger: Ledger = attrs.field(eq=False, repr=False)

    def __iter__(self) -> Iterator[Assessment]:
        return iter(self.assessments)

    def __len__(self) -> int:
        return len(self.assessments)

    def summary(self) -> dict[str, int]:
        """Goals per status, all seven statuses in the fixed order, zeros included."""
        counts = {status.value: 0 for status in STATUS_ORDER}
        for assessment in self.assessments:
            counts[assessment.status.value] += 1
        return counts

    def goals_past_grace(self) -> tuple[Assessment, ...]:
        """Assessments whose goal period plus the grace period is over on ``as_of``."""
        from hitech_targets.period import Period

        return tuple(
            a
            for a in self.assessments
            if Period.parse(a.period).ends_by(self.as_of, self.options.grace_days)
        )

    def selective_reporting_rate(self) -> Decimal | None:
        """Share of the year's goals past grace that no later report mentions (no_evidence);
        None when no goal is past grace. Exact ratio, not rounded."""
        past = self.goals_past_grace()
        if not past:
            return None
        silent = sum(1 for a in past if a.status is Status.NO_EVIDENCE)
        return Decimal(silent) / Decimal(len(past))

    def to_json(self) -> dict[str, Any]:
        """The ``reconcile --format json`` contract object (Decimals as strings)."""
        rate = self.selective_reporting_rate()
        return {
            "year": self.year,
            "as_of": self.as_of.isoformat(),
            "entity": self.entity,
            "summary": self.summary(),
            "selective_reporting_rate": None if rate is None else _ratio_str(rate),
            "options": self.options.to_json(),
            "assessments": [a.to_json() for a in self.assessments],
        }

    def to_records(self) -> list[dict[str, Any]]:
        """Flat rows (see ``RECORD_FIELDS``), one per goal, each part of a compound goal
        following its goal with ``part`` set to its label."""
        rows: list[dict[str, Any]] = []
        for assessment in self.assessments:
            rows.append(_record(assessment, ""))
            for index, part in enumerate(assessment.parts, start=1):
                label = part.metric or str(index)
                rows.append(_record(part, label))
        return rows

    def to_dataframe(self) -> Any:
        """The records as a pandas DataFrame (needs the optional pandas extra)."""
        try:
            import pandas as pd
        except ImportError as error:
            raise HitechTargetsError(
                'Scorecard.to_dataframe needs pandas: pip install "hitech-targets[pandas]"'
            ) from error
        return pd.DataFrame(self.to_records(), columns=list(RECORD_FIELDS))

    def _repr_html_(self) -> str:
        """A compact colour-coded table for Jupyter; status shown as colour and as text."""
        esc = html.escape
        head = "".join(
            f"<th>{esc(h)}</th>"
            for h in ("goal", "metric", "period", "status", "confidence", "target", "actual")
        )
        rows = []
        for row in self.to_records():
            status = Status(row["status"])
            goal = row["goal_id"] + (f" · {row['part']}" if row["part"] else "")
            actual = row["actual_value"]
            actual_text = "" if actual is None else f"{actual} {row['actual_unit']}"
            cells = (
                f"<td>{esc(goal)}</td><td>{esc(row['metric'] or '')}</td>"
                f"<td>{esc(row['period'])}</td>"
                f'<td style="background:{_COLOURS[status]}">{esc(status.value)}</td>'
                f"<td>{esc(row['confidence'])}</td><td>{esc(row['target'] or '')}</td>"
                f"<td>{esc(actual_text)}</td>"
            )
            rows.append(f"<tr>{cells}</tr>")
        summary = ", ".join(f"{k}: {v}" for k, v in self.summary().items() if v)
        caption = esc(
            f"{self.year} · {self.entity or 'all entities'} · as of {self.as_of.isoformat()}"
            + (f" · {summary}" if summary else "")
        )
        return (
            f'<table class="hitech-targets-scorecard"><caption>{caption}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )

    def report(self, **kwargs: Any) -> str:
        """Render the compliance report; see ``hitech_targets.report.report``."""
        from hitech_targets.report import report

        result: str = report(self, **kwargs)
        return result


def _ratio_str(value: Decimal) -> str:
    """A ratio for JSON: four decimal places, so that 1/3 is stable text."""
    text = decimal_str(value.quantize(Decimal("0.0001")))
    return text if text is not None else "0"


__all__ = ["RECORD_FIELDS", "STATUS_ORDER", "Scorecard"]
