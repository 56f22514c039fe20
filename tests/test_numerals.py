"""Numeral readers: Arabic with separators, Chinese numerals, magnitude words."""

from __future__ import annotations

import contextlib
from decimal import Decimal

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hitech_targets import numerals
from hitech_targets.errors import QuantityError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("两", "2"),
        ("十", "10"),
        ("十二", "12"),
        ("二十", "20"),
        ("一百零五", "105"),
        ("一百一十", "110"),
        ("一千二百", "1200"),
        ("一千二", "1200"),  # colloquial: 一千二 = 1200
        ("三万五", "35000"),
        ("一千零一十", "1010"),
        ("十万零一十", "100010"),
        ("两万", "20000"),
        ("百", "100"),  # 超百家
        ("万", "10000"),  # 突破万家
        ("千亿", "100000000000"),
        ("万亿", "1000000000000"),
        ("一万亿", "1000000000000"),
        ("一亿二千万", "120000000"),
        ("三点五", "3.5"),
        ("十二点零五", "12.05"),
        ("七", "7"),
    ],
)
def test_read_chinese(text: str, expected: str) -> None:
    assert numerals.read_chinese(text) == Decimal(expected)


@pytest.mark.parametrize(
    "text",
    [
        "十四五",
        "十五五",
        "一二",
        "二〇二二",
        "一百十",
        "一万二万",
        "点五",
        "三点",
        "亿亿",
        "千百",
        "",
    ],
)
def test_read_chinese_rejects(text: str) -> None:
    with pytest.raises(QuantityError):
        numerals.read_chinese(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("833.02", "833.02"), ("1,200", "1200"), ("1,234,567.5", "1234567.5"), ("0592", "592")],
)
def test_read_arabic(text: str, expected: str) -> None:
    assert numerals.read_arabic(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["1,20", "12,3456", "1.", ".5", "1,200,", "3e5", "１２"])
def test_read_arabic_rejects(text: str) -> None:
    with pytest.raises(QuantityError):
        numerals.read_arabic(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("万", 10**4), ("亿", 10**8), ("万亿", 10**12), ("千万", 10**7), ("百万", 10**6), ("", 1)],
)
def test_multiplier(text: str, expected: int) -> None:
    assert numerals.multiplier(text) == expected


def test_read_number_mixes_arabic_and_magnitude() -> None:
    assert numerals.read_number("1.5万") == Decimal("15000")
    assert numerals.read_number("3453.8亿") == Decimal("345380000000")


@settings(deadline=None)  # timing varies on a loaded machine; speed is not tested
@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_chinese_numerals_agree_with_cn2an(value: int) -> None:
    assert numerals.read_chinese(cn2an.an2cn(value)) == value


@settings(deadline=None)
@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_write_then_read_round_trips(value: int) -> None:
    written = numerals.write_chinese(value)
    assert numerals.read_chinese(written) == value


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=99999999))
def test_writer_matches_cn2an(value: int) -> None:
    # our writer (used in grammar tests) writes what cn2an writes, so neither is hand-waved
    assert numerals.write_chinese(value) == cn2an.an2cn(value)


@settings(deadline=None)
@given(st.text(max_size=12))
def test_read_number_raises_only_quantity_error(text: str) -> None:
    with contextlib.suppress(QuantityError):
        numerals.read_number(text)
