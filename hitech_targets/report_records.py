"""The frozen records of a compliance report, phrased for one locale, that the templates lay out."""

from __future__ import annotations

from typing import Any

import attrs

from hitech_targets.model import Status
from hitech_targets.report_charts import Chart

#: Status order of the headline panel (the Scorecard's summary order).
STATUS_ORDER: tuple[Status, ...] = (
    Status.MET,
    Status.MISSED,
    Status.PARTIALLY_MET,
    Status.IN_PROGRESS,
    Status.PENDING,
    Status.NO_EVIDENCE,
    Status.NOT_COMPARABLE,
)
#: Badge colour and symbol per status; the label is always written beside them.
STATUS_STYLE: dict[Status, tuple[str, str]] = {
    Status.MET: ("#a5d6a7", "✓"),
    Status.MISSED: ("#ef9a9a", "✗"),
    Status.PARTIALLY_MET: ("#ffcc80", "◐"),
    Status.IN_PROGRESS: ("#90caf9", "→"),
    Status.PENDING: ("#e0e0e0", "…"),
    Status.NO_EVIDENCE: ("#bcaaa4", "?"),
    Status.NOT_COMPARABLE: ("#cfd8dc", "≠"),
}


@attrs.frozen
class Footnote:
    number: int
    quote: str
    lang: str
    source: SourceView


@attrs.frozen
class SourceView:
    id: str
    title: str
    issuer: str
    doc_number: str
    published: str
    url: str | None
    path: str
    lang: str


@attrs.frozen
class Row:
    goal_id: str
    part: str
    metric: str
    metric_name: str
    period: str
    quote: str
    lang: str
    target: str
    stretch: str
    actual: str
    margin: str
    attainment: str
    status: str
    status_label: str
    colour: str
    icon: str
    confidence: str
    confidence_label: str
    reasons: tuple[str, ...]
    notes: tuple[int, ...]
    data: tuple[tuple[str, str], ...]
    parts: tuple[Row, ...] = ()


@attrs.frozen
class Section:
    heading: str
    source: SourceView
    rows: tuple[Row, ...]


@attrs.frozen
class HeadlineItem:
    status: str
    label: str
    count: int
    colour: str
    icon: str


@attrs.frozen
class FindingView:
    code: str
    sentence: str
    records: tuple[str, ...]


@attrs.frozen
class FxView:
    pair: str
    year: int
    rate: str
    source: str
    url: str | None


@attrs.frozen
class ReportView:
    lang: str
    locale: str
    title: str
    entity_name: str
    year: int
    as_of: str
    goals_total: int
    headline: tuple[HeadlineItem, ...]
    rate: str
    sections: tuple[Section, ...]
    footnotes: tuple[Footnote, ...]
    charts: tuple[Chart, ...]
    findings: tuple[FindingView, ...]
    status_rules: tuple[tuple[str, str, str], ...]
    tolerances: tuple[tuple[str, str], ...]
    fx: tuple[FxView, ...]
    sources: tuple[SourceView, ...]
    built: str | None
    metadata: dict[str, Any] = attrs.field(eq=False, repr=False)
    csv_rows: tuple[dict[str, str], ...] = attrs.field(eq=False, repr=False)
