"""The exception hierarchy: every error the library raises on bad input is one of these."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs


class HitechTargetsError(Exception):
    """Base class of every error raised by hitech_targets on bad input."""


class QuantityError(HitechTargetsError, ValueError):
    """A quantity phrase the grammar cannot read; names the offending text."""

    def __init__(self, message: str, text: str) -> None:
        super().__init__(f"{message}: {text!r}")
        self.text = text


class PeriodError(HitechTargetsError, ValueError):
    """A period label that is malformed or inverted."""


@attrs.frozen
class Problem:
    """One located problem in a spec file: ``FILE:LINE:COL: message`` (line and column 1-based)."""

    path: str
    line: int | None
    column: int | None
    message: str

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class SpecError(HitechTargetsError):
    """One or more problems found while loading specs; nothing partial is returned."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: Sequence[Problem] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems) or "invalid spec")


class ReconcileError(HitechTargetsError):
    """A reconciliation request that cannot be answered (unknown entity, bad year …)."""


class ReportError(HitechTargetsError):
    """A report that cannot be built (unknown locale or format …)."""
