"""Derivations: growth from levels, level from growth, FX, cumulative sums, attainment checks."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ledger_factory import YI, Comparator, FxRate, count, q, usd_yi, yi

from hitech_targets.derive import (
    check_attainment,
    convert,
    cumulative_sum,
    growth_from_levels,
    implied_plan,
    level_from_growth,
    places,
)
from hitech_targets.quantity import Unit

# The four plan-completion statements of the seeds (001 twice, 002, 000).
SEED_ATTAINMENTS = [
    ("189.35", "116.02"),  # 12个省重点项目完成投资189.35亿元,完成年度计划116.02%
    ("209.38", "115.88"),  # 37个市重点项目完成投资209.38亿元,完成年度计划115.88%
    ("227.5", "126.9"),  # 20個省重點項目完成投資227.5億元,完成年度計劃126.9%
    ("226.7", "123.1"),  # 51个省市重点项目完成投资226.7亿元,完成年度计划123.1%
]


@pytest.mark.parametrize(("value", "stated"), SEED_ATTAINMENTS)
def test_seed_attainments_add_up(value: str, stated: str) -> None:
    check = check_attainment(Decimal(value) * YI, Decimal(stated))
    assert check is not None
    assert check.consistent, check.reason
    assert check.plan_implied
    # the implied plan, recomputed independently, reproduces the stated share when rounded
    ratio = Decimal(value) / (check.plan / YI) * 100
    assert ratio.quantize(Decimal(1).scaleb(-places(Decimal(stated)))) == Decimal(stated)


def test_implied_plan_of_227_5_at_126_9() -> None:
    plan = implied_plan(Decimal("227.5") * YI, Decimal("126.9"))
    assert plan == Decimal("179.28") * YI
    assert abs(plan - Decimal("227.5") * YI / Decimal("1.269")) < Decimal("0.01") * YI


def test_embedded_plan_mismatch_detected() -> None:
    # 完成年计划710亿元的89.4%: 635/710 = 89.44 → consistent; 89.9 is not
    ok = check_attainment(Decimal("635") * YI, Decimal("89.4"), Decimal("710") * YI)
    bad = check_attainment(Decimal("635") * YI, Decimal("89.9"), Decimal("710") * YI)
    assert ok is not None and ok.consistent
    assert bad is not None and not bad.consistent and bad.computed == Decimal("89.4")
    assert bad.reason.code == "attainment_inconsistent"


def test_growth_from_levels() -> None:
    d = growth_from_levels(yi("3453.8"), yi("3032.3"))
    assert d is not None
    assert d.quantity.value == Decimal("13.90")
    assert d.reason.args == {
        "current": "345380000000",
        "previous": "303230000000",
        "growth": "13.9",
    }


def test_growth_from_bounded_levels_is_not_derived() -> None:
    assert growth_from_levels(count("1200", Comparator.GT), count("1000")) is None
    assert growth_from_levels(yi("1"), count("1")) is None
    assert growth_from_levels(yi("1"), yi("0")) is None


def test_level_from_growth() -> None:
    d = level_from_growth(yi("100"), q("10"))
    assert d is not None and d.quantity.value == Decimal("110") * YI
    approx = level_from_growth(yi("100"), q("10", cmp=Comparator.APPROX, approximate=True))
    assert approx is not None and approx.quantity.approximate


def test_fx_conversion_both_ways_and_bounds_kept() -> None:
    rate = FxRate("USD", "CNY", 2024, Decimal("7.1217"), "国家统计局")
    to_cny = convert(usd_yi("3.71", Comparator.APPROX, approximate=True), Unit.CNY, rate)
    assert to_cny is not None
    assert to_cny.quantity.value == Decimal("2642150700.00")
    assert to_cny.quantity.comparator is Comparator.APPROX
    back = convert(yi("71.217"), Unit.USD, rate)
    assert back is not None and back.quantity.value == Decimal("1000000000.00")
    assert convert(count("1"), Unit.CNY, rate) is None
    assert to_cny.reason.args["fx_source"] == "国家统计局"


def test_cumulative_sum_keeps_honesty() -> None:
    assert cumulative_sum([count("1"), count("2")]) == count("3")
    lower = cumulative_sum([count("1"), count("2", Comparator.GT)])
    assert lower is not None and lower.comparator is Comparator.GE
    approx = cumulative_sum([count("1"), count("2", Comparator.APPROX, approximate=True)])
    assert approx is not None and approx.comparator is Comparator.APPROX
    assert cumulative_sum([]) is None
    assert cumulative_sum([count("1"), yi("1")]) is None


@given(
    value=st.decimals(min_value=1, max_value=100000, places=2),
    stated=st.decimals(min_value=50, max_value=200, places=1),
)
def test_implied_plan_always_reproduces_its_statement_within_rounding(
    value: Decimal, stated: Decimal
) -> None:
    plan = implied_plan(value * YI, stated)
    assert plan is not None
    recomputed = value * YI / plan * 100
    # plan kept to five significant digits at least: the share moves by under 0.005%
    assert abs(recomputed - stated) <= stated * Decimal("0.00005")
