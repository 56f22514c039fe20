"""What an accepted evidence suggestion becomes: its record id and its Outcome record fields."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hitech_targets.errors import HitechTargetsError
from hitech_targets.model import Goal
from hitech_targets.signals import Signal

if TYPE_CHECKING:  # suggest imports this module: the class is needed for annotations only
    from hitech_targets.suggest import Suggestion


def one_line(text: str) -> str:
    """``text`` on one line: white space dropped except between two Latin letters or digits."""
    words = text.split()
    out = words[0] if words else ""
    for word in words[1:]:
        joiner = " " if out[-1:].isascii() and out[-1:].isalnum() and word[0].isascii() else ""
        out += joiner + word
    return out


def evidence_id(goal: Goal, source_id: str) -> str:
    """``<source id>.evidence.<goal slug>``: the id of an accepted suggestion's record."""
    prefix = goal.source + "."
    slug = goal.id[len(prefix) :] if goal.id.startswith(prefix) else goal.id
    return f"{source_id}.evidence.{slug}"


def evidence_record(
    goal: Goal,
    suggestion: Suggestion,
    *,
    progress: str | None = None,
    entity: str | None = None,
) -> dict[str, str]:
    """The Outcome record an accepted suggestion becomes, as spec-file strings.

    ``progress`` defaults to what the signal says (completion → completed, progress →
    in_progress); a mere mention has none and must be given. ``entity`` is written only when
    the spec's default entity is not the goal's (pass the goal's entity then).
    """
    if progress is None:
        progress = {Signal.COMPLETION: "completed", Signal.PROGRESS: "in_progress"}.get(
            suggestion.signal
        )
    if progress not in ("completed", "partial", "in_progress"):
        raise HitechTargetsError(
            f"{goal.id}: rank {suggestion.rank} only mentions the goal (no completion or progress "
            "words); give --progress completed|partial|in_progress to record it anyway"
        )
    record = {"id": evidence_id(goal, suggestion.source)}
    if entity is not None:
        record["entity"] = entity
    record.update(
        measure="milestone",
        goal=goal.id,
        progress=progress,
        period=goal.period.label,
        quote=one_line(suggestion.clause or suggestion.sentence),
    )
    return record
