"""Normalised records for analysts: every goal and outcome as one flat row, in JSON or CSV.

The JSON is a contract: an array of objects, goals first then outcomes, each sorted by id, with
the keys of ``CONTRACT_KEYS`` (never renamed) followed by the additions of ``EXTRA_KEYS``.
Decimals are strings in base units (yuan, not 亿元). The CSV has the same columns, nested values
as compact JSON, UTF-8 with a BOM so that spreadsheets open Chinese correctly, RFC 4180 quoting.
Output is byte-identical for identical input.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from hitech_targets.ledger import Ledger
from hitech_targets.model import Goal, GoalPart, Outcome
from hitech_targets.quantity import Quantity, decimal_str

#: The contract keys, in order.
CONTRACT_KEYS = ("kind", "id", "source", "entity", "metric", "period", "measure", "value", "low",
                 "high", "unit", "comparator", "strength", "preliminary", "quote")
#: Keys added after the contract keys.
EXTRA_KEYS = ("figure", "approximate", "classifier", "stretch", "attainment", "plan", "parts",
              "section", "description", "cumulative", "goal", "progress", "note", "override")


def quantity_json(quantity: Quantity | None) -> dict[str, Any] | None:
    """A quantity as a JSON object: decimals as strings in base units, the figure as written."""
    if quantity is None:
        return None
    return {
        "value": decimal_str(quantity.value),
        "low": decimal_str(quantity.low),
        "high": decimal_str(quantity.high),
        "unit": quantity.unit.value,
        "comparator": quantity.comparator.value,
        "approximate": quantity.approximate,
        "classifier": quantity.classifier,
        "figure": quantity.text,
    }


def _main(quantity: Quantity | None) -> dict[str, Any]:
    """The contract's flat figure columns for a record's main quantity."""
    if quantity is None:
        return {"value": None, "low": None, "high": None, "unit": None, "comparator": None}
    return {
        "value": decimal_str(quantity.value),
        "low": decimal_str(quantity.low),
        "high": decimal_str(quantity.high),
        "unit": quantity.unit.value,
        "comparator": quantity.comparator.value,
    }


def _part(part: GoalPart) -> dict[str, Any]:
    return {"metric": part.metric, "label": part.label, "measure": part.measure.value,
            "target": quantity_json(part.target)}


def goal_row(goal: Goal) -> dict[str, Any]:
    """One goal as an export object."""
    main = goal.target
    row: dict[str, Any] = {
        "kind": "goal", "id": goal.id, "source": goal.source, "entity": goal.entity,
        "metric": goal.metric, "period": goal.period.label, "measure": goal.measure.value,
        **_main(main),
        "strength": goal.strength.value if goal.strength else None,
        "preliminary": None, "quote": goal.quote,
        "figure": main.text if main else None,
        "approximate": main.approximate if main else None,
        "classifier": main.classifier if main else None,
        "stretch": quantity_json(goal.stretch), "attainment": None, "plan": None,
        "parts": [_part(p) for p in goal.parts],
        "section": goal.section, "description": goal.description, "cumulative": None,
        "goal": None, "progress": None, "note": None,
        "override": None if goal.override is None else {
            "status": goal.override.status.value, "reason": goal.override.reason,
            "date": goal.override.date.isoformat(), "by": goal.override.by,
        },
    }
    return row


def outcome_row(outcome: Outcome) -> dict[str, Any]:
    """One outcome as an export object."""
    main = outcome.value
    return {
        "kind": "outcome", "id": outcome.id, "source": outcome.source,
        "entity": outcome.entity, "metric": outcome.metric, "period": outcome.period.label,
        "measure": outcome.measure.value,
        **_main(main),
        "strength": None, "preliminary": outcome.preliminary, "quote": outcome.quote,
        "figure": main.text if main else None,
        "approximate": main.approximate if main else None,
        "classifier": main.classifier if main else None,
        "stretch": None, "attainment": quantity_json(outcome.attainment),
        "plan": quantity_json(outcome.plan), "parts": [], "section": None,
        "description": None, "cumulative": outcome.cumulative, "goal": outcome.goal,
        "progress": outcome.progress.value if outcome.progress else None,
        "note": outcome.note, "override": None,
    }


def rows(ledger: Ledger) -> list[dict[str, Any]]:
    """Goals (sorted by id) then outcomes (sorted by id), as export objects."""
    goals = sorted(ledger.goals, key=lambda g: g.id)
    outcomes = sorted(ledger.outcomes, key=lambda o: o.id)
    return [goal_row(g) for g in goals] + [outcome_row(o) for o in outcomes]


def to_json(ledger: Ledger) -> str:
    """The export JSON: indent 2, UTF-8 text unescaped, newline at the end."""
    return json.dumps(rows(ledger), ensure_ascii=False, indent=2) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return str(value)


def to_csv(ledger: Ledger) -> bytes:
    """The export CSV as bytes: UTF-8 with BOM, a header row, CRLF line ends (RFC 4180)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    columns = CONTRACT_KEYS + EXTRA_KEYS
    writer.writerow(columns)
    for row in rows(ledger):
        writer.writerow([_cell(row[key]) for key in columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
