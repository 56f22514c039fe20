"""Inline SVG charts: well-formed, accessible, escaped, deterministic, honest geometry."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from hitech_targets.charts import Bar, Point, attainment_chart, series_chart

SVG = "{http://www.w3.org/2000/svg}"


def _bars() -> list[Bar]:
    return [
        Bar("规上工业增加值", Decimal("1.26"), "126.0%", "已完成", "#a5d6a7"),
        Bar("新增国家级高企", Decimal("0.9091"), "90.9%", "未完成", "#ef9a9a"),
        Bar("<script>x</script>", Decimal("4.5"), "450.0%", "已完成", "#a5d6a7"),
    ]


def _attainment() -> str:
    return attainment_chart(
        _bars(),
        chart_id="c1",
        title="量化目标完成率",
        desc="规上工业增加值: 126.0%",
        target_label="目标",
        tick_text=lambda v: f"{v * 100:.0f}%",
    )


def test_attainment_chart_is_accessible_svg() -> None:
    root = ET.fromstring(_attainment())
    assert root.tag == SVG + "svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c1-title c1-desc"
    assert root.find(SVG + "title").text == "量化目标完成率"  # type: ignore[union-attr]
    assert root.find(SVG + "desc").text == "规上工业增加值: 126.0%"  # type: ignore[union-attr]
    texts = [t.text for t in root.iter(SVG + "text")]
    assert "126.0% · 已完成" in texts  # status in words, not colour alone
    assert "90.9% · 未完成" in texts
    assert "<script>x</script>" in texts  # escaped text, parsed back intact
    assert "<script>" not in _attainment()


def test_target_line_is_at_100_percent() -> None:
    root = ET.fromstring(_attainment())
    target = next(line for line in root.iter(SVG + "line") if line.get("class") == "target")
    ticks = {t.text: t.get("x") for t in root.iter(SVG + "text")}
    assert ticks["100%"] == target.get("x1") == target.get("x2")


def test_bar_lengths_are_proportional() -> None:
    root = ET.fromstring(_attainment())
    rects = [r for r in root.iter(SVG + "rect")]
    ticks = {t.text: float(t.get("x") or 0) for t in root.iter(SVG + "text")}
    zero, hundred = ticks["0%"], ticks["100%"]
    width = float(rects[0].get("width") or 0)
    assert abs(width - 1.26 * (hundred - zero)) < 0.2
    overflow = [t.text for t in root.iter(SVG + "text") if t.text and "▸" in t.text]
    assert overflow == ["450.0% ▸ · 已完成"]  # clipped at 300% and marked


def test_series_chart_marks_targets() -> None:
    svg = series_chart(
        [
            Point(2021, Decimal("833.02"), "833.02亿元"),
            Point(2022, Decimal("900"), "900.0亿元"),
            Point(2022, Decimal("880"), "880.0亿元以上", "target"),
        ],
        chart_id="c2",
        title="规上工业增加值（总量）历年走势",
        desc="2021: 833.02亿元",
        unit_label="亿元",
        legend=("报告值", "目标"),
        tick_text=lambda v: f"{v:,}",
    )
    root = ET.fromstring(svg)
    assert len(list(root.iter(SVG + "circle"))) == 3  # two values and the legend dot
    diamonds = [p for p in root.iter(SVG + "path") if p.find(SVG + "title") is not None]
    assert [d.find(SVG + "title").text for d in diamonds] == ["880.0亿元以上"]  # type: ignore[union-attr]
    assert root.find(SVG + "polyline") is not None
    years = [t.text for t in root.iter(SVG + "text") if t.text in ("2021", "2022")]
    assert years == ["2021", "2022"]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(2015, 2030),
            st.decimals(min_value=-50, max_value=10**6, places=2),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_series_chart_is_deterministic_and_well_formed(values: list[tuple[int, Decimal]]) -> None:
    points = [Point(y, v, str(v)) for y, v in values]

    def draw() -> str:
        return series_chart(
            points,
            chart_id="p",
            title="t",
            desc="d",
            unit_label="u",
            legend=("a", "b"),
            tick_text=str,
        )

    first = draw()
    assert first == draw()
    ET.fromstring(first)
    assert not re.search(r"=\"[^\"]*\b(nan|inf)\b", first)
