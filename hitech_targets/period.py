"""Reporting periods: years, quarters, halves, month ranges, five-year plans and cumulative spans.

pendulum has no notion of "2025Q1" or "十四五", so periods are our own type; pendulum does the
date arithmetic (month ends, grace deadlines), imported on first use so that
``import hitech_targets.period`` stays cheap.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from typing import Any

import attrs

from hitech_targets.errors import PeriodError


def _month_end(year: int, month: int) -> dt.date:
    import pendulum

    end = pendulum.date(year, month, 1).end_of("month")
    return dt.date(end.year, end.month, end.day)


class PeriodKind(enum.Enum):
    """The shape of a period, which decides its label."""

    YEAR = "year"
    QUARTER = "quarter"
    HALF = "half"
    MONTHS = "months"
    PLAN = "plan"
    SPAN = "span"


#: Five-year plans by their Chinese ordinal name; inclusive calendar years.
FIVE_YEAR_PLANS: dict[str, tuple[int, int]] = {
    "十二五": (2011, 2015),
    "十三五": (2016, 2020),
    "十四五": (2021, 2025),
    "十五五": (2026, 2030),
}

_PLAN_NAMES = {v: k for k, v in FIVE_YEAR_PLANS.items()}


def _check_order(instance: Period, attribute: attrs.Attribute[Any], value: Any) -> None:
    if instance.end < instance.start:
        raise PeriodError(f"inverted period: {instance.start} is after {instance.end}")


@attrs.frozen(order=False)
class Period:
    """An inclusive range of calendar days with a kind; ``label`` is its canonical text.

    Labels: ``2022``, ``2025Q1``, ``2025H1``, ``2025-01/05`` (January to May), ``2021-2025`` for a
    multi-year plan or cumulative span (``十四五`` parses to the plan 2021-2025).
    """

    kind: PeriodKind = attrs.field(validator=attrs.validators.instance_of(PeriodKind))
    start: dt.date = attrs.field(validator=attrs.validators.instance_of(dt.date))
    end: dt.date = attrs.field(validator=[attrs.validators.instance_of(dt.date), _check_order])

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(PeriodKind.YEAR, dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        if not 1 <= quarter <= 4:
            raise PeriodError(f"quarter must be 1-4, not {quarter}")
        return cls.months(year, 3 * quarter - 2, 3 * quarter, kind=PeriodKind.QUARTER)

    @classmethod
    def half(cls, year: int, half: int) -> Period:
        if half not in (1, 2):
            raise PeriodError(f"half must be 1 or 2, not {half}")
        return cls.months(year, 6 * half - 5, 6 * half, kind=PeriodKind.HALF)

    @classmethod
    def months(
        cls, year: int, first: int, last: int, kind: PeriodKind = PeriodKind.MONTHS
    ) -> Period:
        if not (1 <= first <= 12 and 1 <= last <= 12):
            raise PeriodError(f"months must be 1-12: {first}-{last}")
        if last < first:
            raise PeriodError(f"inverted month range {year}-{first:02d}/{last:02d}")
        return cls(kind, dt.date(year, first, 1), _month_end(year, last))

    @classmethod
    def years(cls, first: int, last: int) -> Period:
        """Whole calendar years; the kind is PLAN exactly when the years are a five-year plan's.

        The label ``2021-2025`` cannot tell a plan from a span of the same years, so the kind is
        derived from the years and a label always parses back to an equal period. (Whether a
        figure is cumulative is said by the record, not the period.)
        """
        if last < first:
            raise PeriodError(f"inverted period {first}-{last}")
        kind = PeriodKind.PLAN if (first, last) in _PLAN_NAMES else PeriodKind.SPAN
        return cls(kind, dt.date(first, 1, 1), dt.date(last, 12, 31))

    @classmethod
    def parse(cls, label: str) -> Period:
        """Read a canonical label or a plan name (十四五); raises PeriodError otherwise."""
        if cls is Period and isinstance(label, str):
            return _parse_label(label)  # memoised: a corpus repeats a handful of labels
        return cls._parse(label)

    @classmethod
    def _parse(cls, label: str) -> Period:
        text = label.strip()
        if text in FIVE_YEAR_PLANS:
            first, last = FIVE_YEAR_PLANS[text]
            return cls.years(first, last)
        if m := re.fullmatch(r"(\d{4})", text):
            return cls.year(int(m[1]))
        if m := re.fullmatch(r"(\d{4})Q(\d)", text):
            return cls.quarter(int(m[1]), int(m[2]))
        if m := re.fullmatch(r"(\d{4})H(\d)", text):
            return cls.half(int(m[1]), int(m[2]))
        if m := re.fullmatch(r"(\d{4})-(\d{2})/(\d{2})", text):
            return cls.months(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{4})-(\d{4})", text):
            first, last = int(m[1]), int(m[2])
            return cls.years(first, last)
        raise PeriodError(
            f"unreadable period {label!r}: expected 2022, 2025Q1, 2025H1, 2025-01/05, "
            "2021-2025 or a plan name such as 十四五"
        )

    @property
    def label(self) -> str:
        """The canonical text of the period, as in the export contract."""
        y = self.start.year
        if self.kind is PeriodKind.YEAR:
            return str(y)
        if self.kind is PeriodKind.QUARTER:
            return f"{y}Q{(self.start.month + 2) // 3}"
        if self.kind is PeriodKind.HALF:
            return f"{y}H{(self.start.month + 5) // 6}"
        if self.kind is PeriodKind.MONTHS:
            return f"{y}-{self.start.month:02d}/{self.end.month:02d}"
        return f"{y}-{self.end.year}"

    @property
    def plan_name(self) -> str | None:
        """The five-year plan's name (十四五) when the period is exactly one."""
        return _PLAN_NAMES.get((self.start.year, self.end.year)) if self.is_multi_year else None

    @property
    def is_multi_year(self) -> bool:
        return self.kind in (PeriodKind.PLAN, PeriodKind.SPAN)

    @property
    def years_covered(self) -> range:
        return range(self.start.year, self.end.year + 1)

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps_year(self, year: int) -> bool:
        return self.start.year <= year <= self.end.year

    def due(self, grace_days: int = 0) -> dt.date:
        """The last day of the period plus ``grace_days`` (when its annual report is due)."""
        import pendulum

        due = pendulum.date(self.end.year, self.end.month, self.end.day).add(days=grace_days)
        return dt.date(due.year, due.month, due.day)

    def ends_by(self, day: dt.date, grace_days: int = 0) -> bool:
        """True when the period plus ``grace_days`` is over on ``day``."""
        return day > self.due(grace_days)

    def __str__(self) -> str:
        return self.label

    def sort_key(self) -> tuple[dt.date, dt.date, str]:
        return (self.start, self.end, self.kind.value)


@functools.lru_cache(maxsize=1024)
def _parse_label(label: str) -> Period:
    """``Period.parse`` of one label; Period is frozen, so equal labels share one object."""
    return Period._parse(label)
