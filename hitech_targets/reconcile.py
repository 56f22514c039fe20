"""Reconcile goals with outcomes: one explainable Assessment per goal of a year.

The rules (statuses, tolerances, grace period, confidence, reason codes) are documented in
``docs/status-rules.md``; this module applies them. Year selection: a goal belongs to the year
its period ends in (a 2022 goal to 2022, a 十四五 goal to 2025).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hitech_targets.errors import ReconcileError
from hitech_targets.judge import Context
from hitech_targets.ledger import Ledger
from hitech_targets.model import Goal
from hitech_targets.options import ReconcileOptions
from hitech_targets.scorecard import Scorecard
from hitech_targets.verdict import assess_goal


def parse_as_of(as_of: dt.date | str | None) -> dt.date:
    """``as_of`` as a date: a date, an ISO ``YYYY-MM-DD`` string, or None for today."""
    if as_of is None:
        return dt.date.today()
    if isinstance(as_of, dt.datetime):
        return as_of.date()
    if isinstance(as_of, dt.date):
        return as_of
    if isinstance(as_of, str):
        try:
            return dt.date.fromisoformat(as_of.strip())
        except ValueError:
            pass
    raise ReconcileError(f"as_of must be a date or 'YYYY-MM-DD', not {as_of!r}")


def _check_year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2200:
        raise ReconcileError(f"year must be a four-digit year, not {year!r}")
    return year


def _check_entity(ledger: Ledger, entity: str | None) -> None:
    if entity is None:
        return
    if ledger.goals_for(entity=entity) or any(e.id == entity for e in ledger.entities):
        return
    known = {e.id for e in ledger.entities} | {g.entity for g in ledger.goals}
    if entity not in known:
        listed = ", ".join(sorted(known)) or "none"
        raise ReconcileError(f"unknown entity {entity!r} (known: {listed})")


def goals_of_year(
    ledger: Ledger, year: int, entity: str | None, as_of: dt.date
) -> tuple[Goal, ...]:
    """Goals whose period ends in ``year``, announced by ``as_of`` (time travel), by id."""
    goals = ledger.goals_ending_in(year, entity)
    return tuple(g for g in goals if ledger.source(g.source).published <= as_of)


def reconcile(
    ledger: Ledger,
    year: int,
    entity: str | None = None,
    as_of: dt.date | str | None = None,
    options: ReconcileOptions | None = None,
    **overrides: Any,
) -> Scorecard:
    """Score the goals of ``year`` (of ``entity``, or of every entity) against what had been
    published by ``as_of`` (default today).

    ``overrides`` are ReconcileOptions fields (``grace_days=30``) applied on top of
    ``options``. Raises ReconcileError for a bad year, date, entity or option.
    """
    year = _check_year(year)
    day = parse_as_of(as_of)
    _check_entity(ledger, entity)
    opts = options or ReconcileOptions()
    if overrides:
        try:
            import attrs

            opts = attrs.evolve(opts, **overrides)
        except (TypeError, ValueError) as error:
            raise ReconcileError(f"invalid reconcile option: {error}") from error
    context = Context(ledger, day, opts)
    assessments = tuple(assess_goal(context, g) for g in goals_of_year(ledger, year, entity, day))
    return Scorecard(year, entity, day, assessments, opts, ledger)


__all__ = ["ReconcileOptions", "goals_of_year", "parse_as_of", "reconcile"]
