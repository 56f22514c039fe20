"""Comparing an actual figure with a target as worded, on the seeds' own wording."""

from __future__ import annotations

import pytest

from hitech_targets.compare import compare
from hitech_targets.grammar import parse_quantity
from hitech_targets.options import ReconcileOptions
from hitech_targets.quantity import Measure

OPTIONS = ReconcileOptions()


@pytest.mark.parametrize(
    ("actual", "target", "measure", "met"),
    [
        # 以上 includes the bound, 超 excludes it
        ("165家", "165家以上", Measure.LEVEL, True),
        ("165家", "超165家", Measure.LEVEL, False),
        ("10%", "两位数以上", Measure.GROWTH, True),
        ("9.9%", "两位数以上", Measure.GROWTH, False),
        # a bare decline is a ceiling on growth: 下降5% is met by a fall of 5% or more
        ("下降6%", "下降5%", Measure.GROWTH, True),
        ("下降5%", "下降5%", Measure.GROWTH, True),
        ("下降1%", "下降5%", Measure.GROWTH, False),
        ("增长2%", "下降5%", Measure.GROWTH, False),
        # 下降3%以上 is growth <= -3
        ("下降4%", "下降3%以上", Measure.GROWTH, True),
        ("下降2%", "下降3%以上", Measure.GROWTH, False),
        # 近 as a target means about, scored with the tolerance (2% of the target for levels)
        ("99家", "近100家", Measure.LEVEL, True),
        ("100家", "近100家", Measure.LEVEL, True),
        ("90家", "近100家", Measure.LEVEL, False),
        # ranks: smaller is better
        ("第1名", "第3名", Measure.RANK, True),
        ("第4名", "第3名", Measure.RANK, False),
    ],
)
def test_compare_as_worded(actual: str, target: str, measure: Measure, met: bool) -> None:
    result = compare(parse_quantity(actual), parse_quantity(target), measure, OPTIONS)
    assert result.met is met, result
