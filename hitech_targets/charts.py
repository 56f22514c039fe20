"""Inline SVG charts for the compliance report: no JavaScript, no external files.

Charts take figures already localised by the caller (``tick_text`` turns an axis value into
text), so this module knows geometry only. Every chart carries ``<title>`` and ``<desc>`` for
screen readers, and every status bar is labelled in words, never by colour alone.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from decimal import Decimal

import attrs
from markupsafe import escape

_WIDTH = 720
_LABEL_WIDTH = 230
_BAR_HEIGHT = 22
_BAR_GAP = 10
_PAD = 12
_AXIS_HEIGHT = 34
_PLOT_HEIGHT = 220


@attrs.frozen
class Bar:
    """One goal's attainment: ``value`` is a ratio (1 = target reached)."""

    label: str
    value: Decimal
    value_text: str
    status_text: str
    colour: str


@attrs.frozen
class Point:
    """One value of a series; ``marker`` ``target`` draws a hollow diamond instead of a dot."""

    year: int
    value: Decimal
    text: str
    marker: str = "actual"


def _n(x: float) -> str:
    """Coordinates with one decimal: stable text for byte-identical output."""
    text = f"{x:.1f}"
    return "0.0" if text == "-0.0" else text


def _nice_step(span: float, count: int = 5) -> float:
    """A 1-2-5 step that cuts ``span`` into about ``count`` intervals."""
    if span <= 0:
        return 1.0
    raw = span / count
    magnitude: float = 10.0 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _ticks(low: float, high: float) -> list[Decimal]:
    step = _nice_step(high - low)
    first = math.floor(low / step)
    last = math.ceil(high / step)
    return [Decimal(repr(round(i * step, 10))) for i in range(first, last + 1)]


def _open(chart_id: str, width: int, height: int, title: str, desc: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]


def attainment_chart(
    bars: Sequence[Bar],
    *,
    chart_id: str,
    title: str,
    desc: str,
    target_label: str,
    tick_text: Callable[[Decimal], str],
) -> str:
    """Horizontal bars of attainment (actual / target) with the target line at 100%."""
    top = max([Decimal("1.5")] + [b.value for b in bars])
    high = float(min(top, Decimal(3)))
    low = float(min([Decimal(0)] + [b.value for b in bars]))
    ticks = _ticks(low, high)
    low, high = float(ticks[0]), float(ticks[-1])
    plot_left = _LABEL_WIDTH + _PAD
    plot_width = _WIDTH - plot_left - 150

    def x(value: float) -> float:
        clipped = max(low, min(high, value))
        return plot_left + (clipped - low) / (high - low) * plot_width

    height = _PAD + len(bars) * (_BAR_HEIGHT + _BAR_GAP) + _AXIS_HEIGHT + _PAD
    axis_y = _PAD + len(bars) * (_BAR_HEIGHT + _BAR_GAP)
    out = _open(chart_id, _WIDTH, height, title, desc)
    for tick in ticks:
        tx = _n(x(float(tick)))
        out.append(
            f'<line x1="{tx}" y1="{_PAD}" x2="{tx}" y2="{_n(axis_y)}" class="grid" '
            f'stroke="#ddd" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{tx}" y="{_n(axis_y + 16)}" text-anchor="middle" font-size="11">'
            f"{escape(tick_text(tick))}</text>"
        )
    for index, bar in enumerate(bars):
        y = _PAD + index * (_BAR_HEIGHT + _BAR_GAP)
        start, end = x(max(low, 0.0)), x(float(bar.value))
        left, width = min(start, end), abs(end - start)
        overflow = float(bar.value) > high
        out.append(
            f'<text x="{_LABEL_WIDTH}" y="{_n(y + 15)}" text-anchor="end" font-size="12">'
            f"{escape(bar.label)}</text>"
        )
        out.append(
            f'<rect x="{_n(left)}" y="{y}" width="{_n(width)}" height="{_BAR_HEIGHT}" '
            f'fill="{escape(bar.colour)}" stroke="#555" stroke-width="0.5"/>'
        )
        label = f"{bar.value_text}{' ▸' if overflow else ''} · {bar.status_text}"
        out.append(
            f'<text x="{_n(max(start, end) + 6)}" y="{_n(y + 15)}" font-size="11">'
            f"{escape(label)}</text>"
        )
    target_x = _n(x(1.0))
    out.append(
        f'<line x1="{target_x}" y1="{_PAD - 6}" x2="{target_x}" y2="{_n(axis_y)}" '
        f'class="target" stroke="#b71c1c" stroke-width="2" stroke-dasharray="6 3"/>'
    )
    out.append(
        f'<text x="{target_x}" y="{_n(axis_y + 30)}" text-anchor="middle" font-size="11" '
        f'fill="#b71c1c">{escape(target_label)}</text>'
    )
    out.append("</svg>")
    return "\n".join(out)


def series_chart(
    points: Sequence[Point],
    *,
    chart_id: str,
    title: str,
    desc: str,
    unit_label: str,
    legend: tuple[str, str],
    tick_text: Callable[[Decimal], str],
) -> str:
    """Values of one metric over the years (dots joined by a line), targets as diamonds."""
    years = sorted({p.year for p in points})
    values = [float(p.value) for p in points]
    ticks = _ticks(min([0.0, *values]), max([0.0, *values]) * 1.1 or 1.0)
    low, high = float(ticks[0]), float(ticks[-1])
    left, right, top = 90, _WIDTH - 40, 28
    bottom = top + _PLOT_HEIGHT
    height = bottom + 52

    def x(year: int) -> float:
        if len(years) == 1:
            return (left + right) / 2
        span = years[-1] - years[0]
        return left + 30 + (year - years[0]) / span * (right - left - 60)

    def y(value: float) -> float:
        return bottom - (value - low) / (high - low) * _PLOT_HEIGHT

    out = _open(chart_id, _WIDTH, height, title, desc)
    out.append(f'<text x="{left}" y="16" font-size="11">{escape(unit_label)}</text>')
    for tick in ticks:
        ty = _n(y(float(tick)))
        out.append(
            f'<line x1="{left}" y1="{ty}" x2="{right}" y2="{ty}" stroke="#ddd" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{left - 6}" y="{ty}" text-anchor="end" dominant-baseline="middle" '
            f'font-size="11">{escape(tick_text(tick))}</text>'
        )
    for year in years:
        out.append(
            f'<text x="{_n(x(year))}" y="{bottom + 18}" text-anchor="middle" font-size="11">'
            f"{year}</text>"
        )
    actual = sorted((p for p in points if p.marker == "actual"), key=lambda p: p.year)
    if len(actual) > 1:
        path = " ".join(f"{_n(x(p.year))},{_n(y(float(p.value)))}" for p in actual)
        out.append(f'<polyline points="{path}" fill="none" stroke="#1565c0" stroke-width="2"/>')
    for p in sorted(points, key=lambda p: (p.year, p.marker, p.value)):
        px, py = x(p.year), y(float(p.value))
        if p.marker == "target":
            out.append(
                f'<path d="M{_n(px)},{_n(py - 7)} L{_n(px + 7)},{_n(py)} L{_n(px)},{_n(py + 7)} '
                f'L{_n(px - 7)},{_n(py)} Z" fill="#fff" stroke="#b71c1c" stroke-width="2">'
                f"<title>{escape(p.text)}</title></path>"
            )
        else:
            out.append(
                f'<circle cx="{_n(px)}" cy="{_n(py)}" r="5" fill="#1565c0">'
                f"<title>{escape(p.text)}</title></circle>"
            )
            anchor = "middle"
            if len(years) > 1 and p.year == years[0]:
                anchor = "start"
            elif len(years) > 1 and p.year == years[-1]:
                anchor = "end"
            out.append(
                f'<text x="{_n(px)}" y="{_n(py - 10)}" text-anchor="{anchor}" font-size="11">'
                f"{escape(p.text)}</text>"
            )
    legend_y = bottom + 40
    out.append(f'<circle cx="{left + 6}" cy="{legend_y - 4}" r="5" fill="#1565c0"/>')
    out.append(f'<text x="{left + 16}" y="{legend_y}" font-size="11">{escape(legend[0])}</text>')
    lx = left + 200
    out.append(
        f'<path d="M{lx},{legend_y - 11} L{lx + 7},{legend_y - 4} L{lx},{legend_y + 3} '
        f'L{lx - 7},{legend_y - 4} Z" fill="#fff" stroke="#b71c1c" stroke-width="2"/>'
    )
    out.append(f'<text x="{lx + 12}" y="{legend_y}" font-size="11">{escape(legend[1])}</text>')
    out.append("</svg>")
    return "\n".join(out)


__all__ = ["Bar", "Point", "attainment_chart", "series_chart"]
