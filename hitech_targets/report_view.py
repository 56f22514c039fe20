"""What a compliance report shows, already phrased for one locale: the templates only lay it out.

``build_view`` turns a Scorecard (and the audit findings) into plain frozen records: goals
grouped by the section they were announced in, each with its verbatim quote, figures, status
label, reasons as sentences and numbered evidence footnotes; charts; methodology; sources.
Everything is ordered explicitly so that the output never depends on dict or set order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from hitech_targets import charts
from hitech_targets.assessment import Assessment, Evidence
from hitech_targets.errors import ReportError
from hitech_targets.l10n import N_, L10n, Units
from hitech_targets.model import Goal, Source
from hitech_targets.phrases import PROGRESS_NAMES, SOURCES_CHECKED
from hitech_targets.quantity import Measure, Quantity, Unit
from hitech_targets.report_charts import attainment_chart, headline_charts
from hitech_targets.report_records import (
    STATUS_ORDER,
    STATUS_STYLE,
    FindingView,
    Footnote,
    FxView,
    HeadlineItem,
    ReportView,
    Row,
    Section,
    SourceView,
)

if TYPE_CHECKING:
    from hitech_targets.ledger import Ledger
    from hitech_targets.scorecard import Scorecard

_PRELIMINARY = N_("preliminary")
_DERIVED = N_("derived")
_OVERRIDE = N_("analyst override")
_STRETCH = N_("stretch %(target)s: %(status)s")


def _script_lang(source: Source) -> str:
    return source.script.value


def _source_view(source: Source, l10n: L10n) -> SourceView:
    url = source.url if source.url and source.url.startswith(("https://", "http://")) else None
    return SourceView(
        id=source.id,
        title=source.title,
        issuer=source.issuer,
        doc_number=source.doc_number or "",
        published=l10n.date(source.published),
        url=url,
        path=source.text,
        lang=_script_lang(source),
    )


class _Notes:
    """Numbers evidence quotes in order of first appearance; the same quote keeps its number."""

    def __init__(self, ledger: Ledger, l10n: L10n) -> None:
        self._ledger, self._l10n = ledger, l10n
        self._numbers: dict[tuple[str, str], int] = {}
        self.notes: list[Footnote] = []

    def number(self, evidence: Evidence) -> int:
        key = (evidence.source, evidence.quote)
        if key not in self._numbers:
            source = _source(self._ledger, evidence.source)
            note = Footnote(
                len(self.notes) + 1,
                evidence.quote,
                _script_lang(source),
                _source_view(source, self._l10n),
            )
            self._numbers[key] = note.number
            self.notes.append(note)
        return self._numbers[key]


def _source(ledger: Ledger, source_id: str) -> Source:
    try:
        return ledger.source(source_id)
    except KeyError as error:
        raise ReportError(f"the scorecard cites unknown source {source_id!r}") from error


def _goal(ledger: Ledger, goal_id: str) -> Goal:
    try:
        return ledger.goal(goal_id)
    except KeyError as error:
        raise ReportError(f"the scorecard names unknown goal {goal_id!r}") from error


def _metric_name(ledger: Ledger, metric: str | None, l10n: L10n, fallback: str) -> str:
    if metric is None:
        return fallback
    try:
        return ledger.metric(metric).names.for_locale(l10n.locale)
    except KeyError:
        return metric


def level_unit(ledger: Ledger, metric: str | None) -> Unit | None:
    """The unit a metric's levels are reported in (for phrasing derived-growth reasons)."""
    if metric is None:
        return None
    for outcome in ledger.outcomes_for(metric=metric):
        if outcome.measure is Measure.LEVEL and outcome.value is not None:
            return outcome.value.unit
    for goal in ledger.goals_for(metric=metric):
        if goal.measure is Measure.LEVEL and goal.target is not None:
            return goal.target.unit
    return None


def _margin_unit(target: Quantity | None) -> Unit | None:
    if target is None:
        return None
    return Unit.PP if target.unit in (Unit.PERCENT, Unit.PP) else target.unit


def _row(a: Assessment, goal: Goal, part: str, ctx: _Context) -> Row:
    l10n, ledger = ctx.l10n, ctx.ledger
    colour, icon = STATUS_STYLE[a.status]
    actual = ""
    if a.actual is not None:
        actual = l10n.quantity(a.actual.quantity)
        flags = [l10n.gettext(_PRELIMINARY)] if a.actual.preliminary else []
        flags += [l10n.gettext(_DERIVED)] if a.actual.derived else []
        actual += f" ({', '.join(flags)})" if flags else ""
    if not actual:
        progress = [r.args.get("progress", "") for r in a.reasons if r.code == "milestone_progress"]
        if progress and progress[-1] in PROGRESS_NAMES:
            actual = l10n.gettext(PROGRESS_NAMES[progress[-1]])
    margin_unit = _margin_unit(a.target)
    margin = ""
    if a.margin is not None and margin_unit is not None:
        classifier = a.target.classifier if a.target else None
        margin = l10n.amount(a.margin, margin_unit, classifier, signed=True)
    stretch = ""
    if a.stretch is not None:
        status = l10n.status_label(a.stretch_status) if a.stretch_status else "—"
        stretch = l10n.gettext(_STRETCH, target=l10n.quantity(a.stretch), status=status)
    units = Units(
        a.target.unit if a.target else None,
        level_unit(ledger, a.metric),
        ctx.outcome_unit,
        a.target.classifier if a.target else None,
    )
    reasons = tuple(l10n.reason(r, units) for r in a.reasons)
    if a.override:
        reasons = (l10n.gettext(_OVERRIDE), *reasons)
    data = (
        ("goal", a.goal_id),
        ("status", a.status.value),
        ("target", _point(a.target)),
        ("actual", _point(a.actual.quantity if a.actual else None)),
        ("margin", "" if a.margin is None else str(a.margin)),
        ("attainment", "" if a.attainment is None else str(a.attainment)),
    )
    fallback = goal.description or "、".join(p.label for p in goal.parts if p.label) or "—"
    name = _metric_name(ledger, a.metric, l10n, fallback)
    return Row(
        goal_id=a.goal_id,
        part=part,
        metric=a.metric or "",
        metric_name=name,
        period=a.period,
        quote=goal.quote,
        lang=_script_lang(_source(ledger, goal.source)),
        target=l10n.quantity(a.target) if a.target else "—",
        stretch=stretch,
        actual=actual or "—",
        margin=margin,
        attainment=l10n.ratio(a.attainment) if a.attainment is not None else "",
        status=a.status.value,
        status_label=l10n.status_label(a.status),
        colour=colour,
        icon=icon,
        confidence=a.confidence.value,
        confidence_label=l10n.confidence_label(a.confidence.value),
        reasons=reasons,
        notes=tuple(ctx.notes.number(e) for e in a.evidence),
        data=data,
        parts=tuple(
            _row(p, goal, _part_label(goal, p, i), ctx) for i, p in enumerate(a.parts, start=1)
        ),
    )


def _point(quantity: Quantity | None) -> str:
    if quantity is None:
        return ""
    return str(quantity.point)


def _part_label(goal: Goal, part: Assessment, index: int) -> str:
    for goal_part in goal.parts:
        if goal_part.metric == part.metric and goal_part.label:
            return goal_part.label
    return part.metric or str(index)


@attrs.frozen
class _Context:
    ledger: Ledger
    l10n: L10n
    notes: _Notes

    def outcome_unit(self, outcome_id: str) -> Unit | None:
        try:
            value = self.ledger.outcome(outcome_id).value
        except KeyError:
            return None
        return None if value is None else value.unit


def _order(goal: Goal) -> tuple[int, str]:
    line = goal.origin.line if goal.origin is not None and goal.origin.line is not None else 0
    return (line, goal.id)


def _sections(scorecard: Scorecard, ctx: _Context) -> tuple[Section, ...]:
    ledger = scorecard.ledger
    groups: dict[tuple[str, str], list[tuple[Goal, Assessment]]] = {}
    for a in scorecard.assessments:
        goal = _goal(ledger, a.goal_id)
        groups.setdefault((goal.source, goal.section), []).append((goal, a))

    def group_key(key: tuple[str, str]) -> tuple[dt.date, str, tuple[int, str], str]:
        first = min(_order(g) for g, _ in groups[key])
        return (_source(ledger, key[0]).published, key[0], first, key[1])

    sections = []
    for key in sorted(groups, key=group_key):
        members = sorted(groups[key], key=lambda pair: _order(pair[0]))
        rows = tuple(_row(a, g, "", ctx) for g, a in members)
        heading = key[1] or ctx.l10n.gettext(N_("Other goals"))
        sections.append(Section(heading, _source_view(_source(ledger, key[0]), ctx.l10n), rows))
    return tuple(sections)


def _flat(rows: Sequence[Row]) -> list[Row]:
    out: list[Row] = []
    for row in rows:
        out.append(row)
        out.extend(row.parts)
    return out


def _csv_rows(sections: Sequence[Section]) -> tuple[dict[str, str], ...]:
    out = []
    for section in sections:
        for row in _flat(section.rows):
            data = dict(row.data)
            out.append(
                {
                    "goal_id": row.goal_id,
                    "part": row.part,
                    "section": section.heading,
                    "source": section.source.id,
                    "period": row.period,
                    "metric": row.metric,
                    "metric_name": row.metric_name,
                    "quote": row.quote,
                    "target": row.target,
                    "target_value": data["target"],
                    "actual": row.actual,
                    "actual_value": data["actual"],
                    "margin": row.margin,
                    "attainment": row.attainment,
                    "status": row.status,
                    "status_label": row.status_label,
                    "confidence": row.confidence,
                    "confidence_label": row.confidence_label,
                    "reasons": " ".join(row.reasons),
                    "evidence": " ".join(f"[{n}]" for n in row.notes),
                }
            )
    return tuple(out)


def _attainment_bars(sections: Sequence[Section]) -> list[charts.Bar]:
    bars = []
    for section in sections:
        for row in _flat(section.rows):
            value = dict(row.data)["attainment"]
            if value:
                label = row.metric_name + (f" · {row.part}" if row.part else "")
                label = label if len(label) <= 24 else label[:23] + "…"
                bars.append(
                    charts.Bar(label, Decimal(value), row.attainment, row.status_label, row.colour)
                )
    return bars


def _finding_subject(ctx: _Context, metric: str | None, params: dict[str, str]) -> str:
    """What a finding is about: the metric's name, or the goal's description or parts."""
    if metric is not None:
        return _metric_name(ctx.ledger, metric, ctx.l10n, metric)
    try:
        goal = ctx.ledger.goal(params.get("goal", ""))
    except KeyError:
        return "—"
    return goal.description or "、".join(p.label for p in goal.parts if p.label) or goal.id


def _findings(findings: Sequence[Any], ctx: _Context) -> tuple[FindingView, ...]:
    l10n, views = ctx.l10n, []
    units = Units(outcome=ctx.outcome_unit)
    for f in findings:
        records = tuple(str(r) for r in (getattr(f, "records", ()) or ()))
        params = {str(k): str(v) for k, v in dict(getattr(f, "params", ()) or ()).items()}
        extra = {"metric_name": _finding_subject(ctx, f.metric, params), "period": f.period or "—"}
        if len(records) == 1:
            extra["outcome"] = records[0]
        if f.code == "conflicting_figures":
            extra["figures"] = "; ".join(
                f"{r}: {l10n.figure(params[r], ctx.outcome_unit(r))}"
                for r in records
                if r in params
            )
        sentence = l10n.finding(f.code, {**params, **extra}, units)
        if f.code == "goal_not_reported" and params.get("sources_checked", "").isdigit():
            checked = l10n.decimal(Decimal(params["sources_checked"]))
            sentence += " " + l10n.gettext(SOURCES_CHECKED, sources_checked=checked)
        views.append(FindingView(f.code, sentence, records))
    return tuple(views)


def _fx_used(scorecard: Scorecard) -> tuple[Any, ...]:
    years: set[tuple[str, str, int]] = set()

    def walk(assessments: Sequence[Assessment]) -> None:
        for a in assessments:
            for r in a.reasons:
                args = r.args
                if r.code == "currency_converted" and args.get("year", "").isdigit():
                    pair = sorted((args.get("from_unit", "USD"), args.get("to_unit", "CNY")))
                    base, quote = ("USD", "CNY") if pair == ["CNY", "USD"] else (pair[0], pair[1])
                    years.add((base, quote, int(args["year"])))
            walk(a.parts)

    walk(scorecard.assessments)
    rates = [scorecard.ledger.fx_rate(y, b, q) for b, q, y in sorted(years)]
    return tuple(r for r in rates if r is not None)


def build_view(
    scorecard: Scorecard, l10n: L10n, findings: Sequence[Any], built: dt.datetime | None
) -> ReportView:
    """Everything the report shows, phrased in ``l10n``'s locale."""
    ledger = scorecard.ledger
    ctx = _Context(ledger, l10n, _Notes(ledger, l10n))
    sections = _sections(scorecard, ctx)
    if scorecard.entity is None:
        entity_name = l10n.gettext(N_("All entities"))
    else:
        try:
            entity_name = ledger.entity(scorecard.entity).names.for_locale(l10n.locale)
        except KeyError:
            entity_name = scorecard.entity
    summary = scorecard.summary()
    headline = tuple(
        HeadlineItem(s.value, l10n.status_label(s), summary.get(s.value, 0), *STATUS_STYLE[s])
        for s in STATUS_ORDER
    )
    rate = scorecard.selective_reporting_rate()
    chart_list = [c for c in [attainment_chart(_attainment_bars(sections), l10n)] if c]
    chart_list += headline_charts(scorecard, l10n)
    opts = scorecard.options
    tolerances = (
        (
            l10n.gettext(N_("Grace period after a period ends")),
            l10n.gettext(N_("%(days)s days"), days=opts.grace_days),
        ),
        (
            l10n.gettext(N_("Tolerance of approximate growth and share figures")),
            l10n.amount(opts.approx_tolerance_pp, Unit.PP),
        ),
        (
            l10n.gettext(N_("Tolerance of approximate levels")),
            l10n.ratio(opts.approx_tolerance_rel),
        ),
        (
            l10n.gettext(N_("Rounding slack of derived figures")),
            l10n.amount(opts.rounding_pp, Unit.PP),
        ),
    )
    fx = tuple(
        FxView(
            f"{r.base}/{r.quote}",
            r.year,
            l10n.decimal(r.rate, "#,##0.0###"),
            r.source,
            r.url if r.url and r.url.startswith(("https://", "http://")) else None,
        )
        for r in _fx_used(scorecard)
    )
    used = {s.source.id for s in sections} | {n.source.id for n in ctx.notes.notes}
    sources = tuple(
        _source_view(s, l10n)
        for s in sorted(ledger.sources, key=lambda s: (s.published, s.id))
        if s.id in used
    )
    finding_views = _findings(findings, ctx)
    title = l10n.gettext(
        N_("%(entity)s: goals for %(year)s and how they were met"),
        entity=entity_name,
        year=scorecard.year,
    )
    metadata: dict[str, Any] = {
        "locale": l10n.locale,
        "title": title,
        "findings": [f.to_json() for f in findings],
        "sources": [
            {
                "id": s.id,
                "title": s.title,
                "issuer": s.issuer,
                "doc_number": s.doc_number or None,
                "published": ledger.source(s.id).published.isoformat(),
                "url": s.url,
                "text": s.path,
            }
            for s in sources
        ],
        "methodology": {
            "options": opts.to_json(),
            "statuses": {s.value: l10n.status_rule(s) for s in STATUS_ORDER},
            "fx_rates": [
                {
                    "base": r.base,
                    "quote": r.quote,
                    "year": r.year,
                    "rate": str(r.rate),
                    "source": r.source,
                    "url": r.url,
                }
                for r in _fx_used(scorecard)
            ],
        },
    }
    if built is not None:
        metadata["built_at"] = built.isoformat()
    return ReportView(
        lang=l10n.lang,
        locale=l10n.locale,
        title=title,
        entity_name=entity_name,
        year=scorecard.year,
        as_of=l10n.date(scorecard.as_of),
        goals_total=len(scorecard),
        headline=headline,
        rate="—" if rate is None else l10n.ratio(rate),
        sections=sections,
        footnotes=tuple(ctx.notes.notes),
        charts=tuple(chart_list),
        findings=finding_views,
        status_rules=tuple(
            (s.value, l10n.status_label(s), l10n.status_rule(s)) for s in STATUS_ORDER
        ),
        tolerances=tolerances,
        fx=fx,
        sources=sources,
        built=None if built is None else built.isoformat(),
        metadata=metadata,
        csv_rows=_csv_rows(sections),
    )


__all__ = ["STATUS_ORDER", "STATUS_STYLE", "ReportView", "build_view", "level_unit"]
