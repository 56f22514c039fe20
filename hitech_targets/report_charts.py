"""The report's charts as views: which figures are drawn, phrased for one locale.

``charts`` draws; this module chooses what to draw from a Scorecard (attainment per goal, and
each headline metric over the years known on the as-of date with its targets) and labels it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
from markupsafe import Markup

from hitech_targets import charts
from hitech_targets.l10n import L10n
from hitech_targets.period import PeriodKind
from hitech_targets.phrases import N_
from hitech_targets.quantity import Measure, Quantity, Unit

if TYPE_CHECKING:
    from hitech_targets.ledger import Ledger
    from hitech_targets.scorecard import Scorecard


@attrs.frozen
class Chart:
    """A chart's visible caption and its inline SVG."""

    title: str
    svg: Markup


def _metric_name(ledger: Ledger, metric: str, l10n: L10n) -> str:
    try:
        return ledger.metric(metric).names.for_locale(l10n.locale)
    except KeyError:
        return metric


def attainment_chart(bars: Sequence[charts.Bar], l10n: L10n) -> Chart | None:
    """Attainment of each quantitative goal against the 100% target line; None without any."""
    if not bars:
        return None
    desc = "; ".join(f"{b.label}: {b.value_text} ({b.status_text})" for b in bars)
    title = l10n.gettext(N_("Attainment of quantitative goals against their targets"))
    return Chart(
        title,
        Markup(
            charts.attainment_chart(
                bars,
                chart_id="chart-attainment",
                title=title,
                desc=desc,
                target_label=l10n.gettext(N_("target")),
                tick_text=l10n.ratio,
            )
        ),
    )


def _scale(unit: Unit, l10n: L10n) -> tuple[Decimal, str]:
    """Divisor and axis label for a headline chart in ``unit``."""
    if unit in (Unit.CNY, Unit.USD):
        if l10n.is_chinese:
            word = "亿" if l10n.lang == "zh-Hans" else "億"
            return Decimal(10) ** 8, word + ("元" if unit is Unit.CNY else "美元")
        return Decimal(10) ** 9, ("CN¥" if unit is Unit.CNY else "US$") + " billion"
    if unit is Unit.PERCENT:
        return Decimal(1), "%"
    return Decimal(1), ""


def headline_charts(scorecard: Scorecard, l10n: L10n) -> list[Chart]:
    """Each headline metric over the years known on the as-of date, targets marked."""
    ledger = scorecard.ledger
    entities = sorted({scorecard.entity} if scorecard.entity else {a.entity for a in scorecard})
    out: list[Chart] = []
    for metric in (m for m in ledger.metrics if m.headline):
        for entity in entities:
            for measure in (Measure.LEVEL, Measure.GROWTH, Measure.SHARE):
                chart = _series(scorecard, l10n, metric.id, entity, measure, len(out) + 1)
                if chart is not None:
                    out.append(chart)
    return out


def _series(
    scorecard: Scorecard, l10n: L10n, metric: str, entity: str, measure: Measure, index: int
) -> Chart | None:
    ledger = scorecard.ledger
    best: dict[int, tuple[tuple[bool, dt.date, str, str], Quantity]] = {}
    for o in ledger.outcomes_for(entity=entity, metric=metric, published_by=scorecard.as_of):
        if o.measure is not measure or o.value is None or o.period.kind is not PeriodKind.YEAR:
            continue
        if o.cumulative:
            continue
        rank = (not o.preliminary, ledger.source(o.source).published, o.source, o.id)
        year = o.period.start.year
        if year not in best or rank > best[year][0]:
            best[year] = (rank, o.value)
    targets = [
        (g.period.start.year, g.target)
        for g in ledger.goals_for(entity=entity, metric=metric)
        if g.measure is measure
        and g.target is not None
        and g.period.kind is PeriodKind.YEAR
        and ledger.source(g.source).published <= scorecard.as_of
    ]
    quantities = [q for _, q in best.values()] + [t for _, t in targets]
    if not best or len(quantities) < 2 or len({q.unit for q in quantities}) != 1:
        return None
    unit = quantities[0].unit
    divisor, unit_label = _scale(unit, l10n)
    points = [
        charts.Point(year, q.point / divisor, l10n.quantity(q), "actual")
        for year, (_, q) in sorted(best.items())
    ] + [
        charts.Point(year, q.point / divisor, l10n.quantity(q), "target")
        for year, q in sorted(targets, key=lambda t: (t[0], t[1].point))
    ]
    name = _metric_name(ledger, metric, l10n)
    measure_label = l10n.gettext(_MEASURES[measure])
    title = l10n.gettext(N_("%(metric)s (%(measure)s) by year"), metric=name, measure=measure_label)
    actual_word, target_word = l10n.gettext(N_("reported")), l10n.gettext(N_("target"))
    desc = "; ".join(
        f"{p.year} {actual_word if p.marker == 'actual' else target_word}: {p.text}" for p in points
    )
    return Chart(
        title,
        Markup(
            charts.series_chart(
                points,
                chart_id=f"chart-series-{index}",
                title=title,
                desc=desc,
                unit_label=unit_label,
                legend=(actual_word, target_word),
                tick_text=lambda v: l10n.decimal(v, "#,##0.##"),
            )
        ),
    )


_MEASURES: dict[Measure, str] = {
    Measure.LEVEL: N_("level"),
    Measure.GROWTH: N_("growth"),
    Measure.SHARE: N_("share"),
}


__all__ = ["Chart", "attainment_chart", "headline_charts"]
