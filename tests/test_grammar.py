"""The quantity grammar: parse_quantity on single phrases, find_quantities on whole seed texts."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from decimal import Decimal
from pathlib import Path

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hitech_targets import numerals, textnorm
from hitech_targets.errors import QuantityError
from hitech_targets.grammar import QuantityMatch, find_quantities, parse_quantity
from hitech_targets.quantity import Comparator, Quantity, Unit

SEEDS = Path(__file__).parent.parent / "seeds"
SEED_TEXTS = {path.name[:3]: path.read_text(encoding="utf-8") for path in SEEDS.glob("*.txt")}

EQ, GE, GT, LE, LT, APPROX, RANGE = (
    Comparator.EQ,
    Comparator.GE,
    Comparator.GT,
    Comparator.LE,
    Comparator.LT,
    Comparator.APPROX,
    Comparator.RANGE,
)

# (phrase as in a seed, value, unit, comparator, classifier, approximate)
PHRASES: list[tuple[str, str, Unit, Comparator, str | None, bool]] = [
    ("833.02亿元", "83302000000", Unit.CNY, EQ, None, False),
    ("3453.8亿元", "345380000000", Unit.CNY, EQ, None, False),
    ("約3.71億美元", "371000000", Unit.USD, APPROX, None, True),
    ("约3.71億美元", "371000000", Unit.USD, APPROX, None, True),
    ("477.34億元", "47734000000", Unit.CNY, EQ, None, False),
    ("超百家", "100", Unit.COUNT, GT, "家", False),
    ("两位数以上", "10", Unit.PERCENT, GE, None, False),
    ("增长两位数以上", "10", Unit.PERCENT, GE, None, False),
    ("超过两位数", "10", Unit.PERCENT, GT, None, False),
    ("下降18.4%", "-18.4", Unit.PERCENT, EQ, None, False),
    ("同比下降100%", "-100", Unit.PERCENT, EQ, None, False),
    ("下降3%以上", "-3", Unit.PERCENT, LE, None, False),
    ("165家以上", "165", Unit.COUNT, GE, "家", False),
    ("1800亿元以上", "180000000000", Unit.CNY, GE, None, False),
    ("不少于200项", "200", Unit.COUNT, GE, "项", False),
    ("不少于1.5亿元", "150000000", Unit.CNY, GE, None, False),
    ("超120个", "120", Unit.COUNT, GT, "个", False),
    ("1500亩", "1500", Unit.MU, EQ, None, False),
    ("603畝", "603", Unit.MU, EQ, None, False),
    ("近65万平方米", "650000", Unit.M2, LT, None, True),
    ("13万平方米", "130000", Unit.M2, EQ, None, False),
    ("13萬平方米", "130000", Unit.M2, EQ, None, False),
    ("1.5万平方米", "15000", Unit.M2, EQ, None, False),
    ("12.46 平方公里", "12460000", Unit.M2, EQ, None, False),
    ("5.6%", "5.6", Unit.PERCENT, EQ, None, False),
    ("2.5个百分点", "2.5", Unit.PP, EQ, None, False),
    ("提高1.7个百分点", "1.7", Unit.PP, EQ, None, False),
    ("第14名", "14", Unit.RANK, EQ, None, False),
    ("第 14 名", "14", Unit.RANK, EQ, None, False),
    ("第一名", "1", Unit.RANK, EQ, None, False),
    ("第一", "1", Unit.RANK, EQ, None, False),
    ("第 1位", "1", Unit.RANK, EQ, None, False),
    ("前五名", "5", Unit.RANK, LE, None, False),
    ("前十", "10", Unit.RANK, LE, None, False),
    ("3 倍", "3", Unit.TIMES, EQ, None, False),
    ("3 倍左右", "3", Unit.TIMES, APPROX, None, True),
    ("4.5 倍", "4.5", Unit.TIMES, EQ, None, False),
    ("近20倍", "20", Unit.TIMES, LT, None, True),
    ("1/4", "25", Unit.PERCENT, EQ, None, False),
    ("近七成", "70", Unit.PERCENT, LT, None, True),
    ("近六成", "60", Unit.PERCENT, LT, None, True),
    ("近2万家次", "20000", Unit.COUNT, LT, "家次", True),
    ("2534人次", "2534", Unit.COUNT, EQ, "人次", False),
    ("2465套", "2465", Unit.COUNT, EQ, "套", False),
    ("超1.1万套", "11000", Unit.COUNT, GT, "套", False),
    ("100多家", "100", Unit.COUNT, GT, "家", False),
    ("10余个", "10", Unit.COUNT, GT, "个", False),
    ("70余所", "70", Unit.COUNT, GT, "所", False),
    ("131個", "131", Unit.COUNT, EQ, "个", False),
    ("10%左右", "10", Unit.PERCENT, APPROX, None, True),
    ("同比增長約21.5%", "21.5", Unit.PERCENT, APPROX, None, True),
    ("突 破 3000 亿 元", "300000000000", Unit.CNY, GT, None, False),
    ("突破万家", "10000", Unit.COUNT, GT, "家", False),
    ("超 1.4 万家", "14000", Unit.COUNT, GT, "家", False),
    ("42%以上", "42", Unit.PERCENT, GE, None, False),
    ("不足50%", "50", Unit.PERCENT, LT, None, False),
    ("近1600万元", "16000000", Unit.CNY, LT, None, True),
    ("509.1万元", "5091000", Unit.CNY, EQ, None, False),
    ("两家", "2", Unit.COUNT, EQ, "家", False),
    ("十二家", "12", Unit.COUNT, EQ, "家", False),
    ("一千二百家", "1200", Unit.COUNT, EQ, "家", False),
    ("百分之三点五", "3.5", Unit.PERCENT, EQ, None, False),
    ("翻一番", "100", Unit.PERCENT, EQ, None, False),
    ("翻两番", "300", Unit.PERCENT, EQ, None, False),
    ("１２０．５％", "120.5", Unit.PERCENT, EQ, None, False),
    ("１，２００家", "1200", Unit.COUNT, EQ, "家", False),
    ("1,200家", "1200", Unit.COUNT, EQ, "家", False),
    ("3000 亿 元", "300000000000", Unit.CNY, EQ, None, False),
    ("2万亿元", "2000000000000", Unit.CNY, EQ, None, False),
    ("控制在3%以内", "3", Unit.PERCENT, LE, None, False),
    ("-18.4%", "-18.4", Unit.PERCENT, EQ, None, False),
    ("负增长", "0", Unit.PERCENT, LT, None, False),
]


@pytest.mark.parametrize(("text", "value", "unit", "comparator", "classifier", "approx"), PHRASES)
def test_parse_quantity_reads_seed_phrases(
    text: str,
    value: str,
    unit: Unit,
    comparator: Comparator,
    classifier: str | None,
    approx: bool,
) -> None:
    quantity = parse_quantity(text)
    assert quantity.value == Decimal(value)
    assert (quantity.unit, quantity.comparator) == (unit, comparator)
    assert quantity.classifier == classifier
    assert quantity.approximate is approx
    assert quantity.text == text


@pytest.mark.parametrize(
    ("text", "low", "high", "unit", "classifier"),
    [
        ("3~5个", "3", "5", Unit.COUNT, "个"),
        ("3～5个", "3", "5", Unit.COUNT, "个"),
        ("10-20家", "10", "20", Unit.COUNT, "家"),
        ("4.5%至5%", "4.5", "5", Unit.PERCENT, None),
        ("三至五家", "3", "5", Unit.COUNT, "家"),
        ("3-5万元", "30000", "50000", Unit.CNY, None),
        ("下降3~5%", "-5", "-3", Unit.PERCENT, None),
    ],
)
def test_ranges(text: str, low: str, high: str, unit: Unit, classifier: str | None) -> None:
    quantity = parse_quantity(text)
    assert quantity.comparator is RANGE and quantity.value is None
    assert (quantity.low, quantity.high) == (Decimal(low), Decimal(high))
    assert (quantity.unit, quantity.classifier) == (unit, classifier)


def test_approximate_range() -> None:
    quantity = parse_quantity("约3~5个")
    assert quantity.comparator is RANGE and quantity.approximate


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2022年",
        "2月17日",
        "〔2022〕10号",
        "0592-2021807",
        "4+4+6",
        "8.6代线",
        "5G",
        "十四五",
        "4399",
        "833.02",
        "亿元",
        "万家",  # a bare magnitude is a name (百城千校万人) unless bounded: 突破万家
        "1/3",  # no exact decimal
        "5/4",  # not a share
        "十成以上的",
        "12成",  # 成 counts tenths
        "5~3个",  # inverted
        "3个~5家",  # two units
        "超5%以下",  # contradictory bounds
        "约3~5个以上",
        "下降-5%",
        "1,20家",
        "一二三家",
        "9" * 80 + "亿元",  # beyond exact arithmetic
        "3%%",
    ],
)
def test_parse_quantity_rejects(text: str) -> None:
    with pytest.raises(QuantityError) as caught:
        parse_quantity(text)
    assert caught.value.text == text


def test_error_names_the_phrase() -> None:
    with pytest.raises(QuantityError, match="八成多一点"):
        parse_quantity("八成多一点")


def test_traditional_and_simplified_agree() -> None:
    assert parse_quantity("同比增長8.5%") == parse_quantity("同比增长8.5%")
    assert parse_quantity("超400億元") == parse_quantity("超400亿元")


# ---------------------------------------------------------------------------------------------
# property tests: numbers written every way come back exact

decimals = st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False)


def _arabic(value: Decimal, *, separators: bool) -> str:
    return f"{value:,f}" if separators else f"{value:f}"


@settings(deadline=None)  # timing varies on a loaded machine; speed is not tested
@given(decimals, st.booleans())
def test_arabic_percent_round_trips(value: Decimal, separators: bool) -> None:
    quantity = parse_quantity(_arabic(value, separators=separators) + "%")
    assert quantity.value == value and quantity.unit is Unit.PERCENT


@settings(deadline=None)
@given(decimals, st.sampled_from([("万", 10**4), ("亿", 10**8), ("万亿", 10**12), ("", 1)]))
def test_magnitudes_round_trip(value: Decimal, magnitude: tuple[str, int]) -> None:
    word, factor = magnitude
    quantity = parse_quantity(f"{value:f}{word}元")
    assert quantity.value == value * factor and quantity.unit is Unit.CNY


@settings(deadline=None)
@given(decimals)
def test_full_width_round_trips(value: Decimal) -> None:
    wide = unicodedata.normalize("NFC", _arabic(value, separators=True))
    wide = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() or c in ",." else c for c in wide)
    quantity = parse_quantity(wide + "亿美元")
    assert quantity.value == value * 10**8 and quantity.unit is Unit.USD


@settings(deadline=None)
@given(
    st.integers(min_value=1, max_value=10**12),
    st.sampled_from(["家", "个", "项", "名", "人次", "套"]),
)
def test_chinese_numerals_round_trip(value: int, classifier: str) -> None:
    for written in (cn2an.an2cn(value), numerals.write_chinese(value)):
        quantity = parse_quantity(written + classifier)
        assert quantity.value == value
        assert (quantity.unit, quantity.classifier) == (Unit.COUNT, classifier)


@settings(deadline=None)
@given(
    st.integers(min_value=0, max_value=99999),
    st.text(alphabet="0123456789", min_size=1, max_size=4),
    st.sampled_from(
        [("亿元", 10**8, Unit.CNY), ("万平方米", 10**4, Unit.M2), ("%", 1, Unit.PERCENT)]
    ),
)
def test_chinese_decimals_round_trip(
    integer: int, decimals: str, unit: tuple[str, int, Unit]
) -> None:
    word, factor, base = unit
    written = (
        numerals.write_chinese(integer)
        + "点"
        + "".join("零一二三四五六七八九"[int(d)] for d in decimals)
    )
    quantity = parse_quantity(written + word)
    assert quantity.value == Decimal(f"{integer}.{decimals}") * factor
    assert quantity.unit is base


@settings(deadline=None)
@given(
    decimals,
    st.sampled_from(["新增", "完成", "实现营收", "，其中", "达"]),
    st.sampled_from([("亿元", 10**8, Unit.CNY), ("家", 1, Unit.COUNT), ("%", 1, Unit.PERCENT)]),
)
def test_numbers_in_sentences_are_found_exactly(
    value: Decimal, before: str, unit: tuple[str, int, Unit]
) -> None:
    word, factor, base = unit
    text = f"2022年{before}{value:,f}{word}，同比增长"
    (match,) = find_quantities(text)
    assert match.quantity.value == value * factor and match.quantity.unit is base
    assert text[match.start : match.end] == f"{value:,f}{word}"


@settings(deadline=None)
@given(st.text(max_size=20))
def test_parse_quantity_raises_only_quantity_error(text: str) -> None:
    try:
        quantity = parse_quantity(text)
    except QuantityError:
        return
    assert isinstance(quantity, Quantity) and quantity.text == text


@settings(deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("0123456789.,%~-第前超近约以上下余多万亿元家个成倍两十百千一")
        ),
        max_size=14,
    )
)
def test_parse_quantity_on_grammar_alphabet_raises_only_quantity_error(text: str) -> None:
    with contextlib.suppress(QuantityError):
        parse_quantity(text)


# ---------------------------------------------------------------------------------------------
# find_quantities on the seeds


def _found(seed: str) -> list[QuantityMatch]:
    return find_quantities(SEED_TEXTS[seed])


def _figures(seed: str) -> set[tuple[str, Decimal | None, Unit, Comparator]]:
    return {
        (textnorm.fold(m.phrase), m.quantity.value, m.quantity.unit, m.quantity.comparator)
        for m in _found(seed)
    }


@pytest.mark.parametrize(
    ("seed", "phrase", "value", "unit", "comparator"),
    [
        ("001", "833.02亿元", "83302000000", Unit.CNY, EQ),
        ("001", "同比增长10.6%", "10.6", Unit.PERCENT, EQ),
        ("001", "增长两位数以上", "10", Unit.PERCENT, GE),
        ("001", "增长15%以上", "15", Unit.PERCENT, GE),
        ("001", "165家以上", "165", Unit.COUNT, GE),
        ("001", "超百家", "100", Unit.COUNT, GT),
        ("001", "近2万家次", "20000", Unit.COUNT, LT),
        ("001", "较去年增长近七成", "70", Unit.PERCENT, LT),
        ("001", "同比下降100%", "-100", Unit.PERCENT, EQ),
        ("001", "前五名", "5", Unit.RANK, LE),
        ("001", "1500亩", "1500", Unit.MU, EQ),
        ("001", "近65万平方米", "650000", Unit.M2, LT),
        ("001", "3家", "3", Unit.COUNT, EQ),  # 4399等3家企业
        ("000", "超120个", "120", Unit.COUNT, GT),
        ("000", "1800亿元以上", "180000000000", Unit.CNY, GE),
        ("000", "不少于200项", "200", Unit.COUNT, GE),
        ("000", "约2.9亿美元", "290000000", Unit.USD, APPROX),
        ("000", "近20倍", "20", Unit.TIMES, LT),
        ("002", "约3.71亿美元", "371000000", Unit.USD, APPROX),
        ("002", "13万平方米", "130000", Unit.M2, EQ),
        ("002", "2465套", "2465", Unit.COUNT, EQ),
        ("002", "603亩", "603", Unit.MU, EQ),
        ("002", "超45%", "45", Unit.PERCENT, GT),
        ("003", "第14名", "14", Unit.RANK, EQ),
        ("003", "突破3000亿元", "300000000000", Unit.CNY, GT),
        ("003", "同比增长13.9%", "13.9", Unit.PERCENT, EQ),
        ("003", "3倍左右", "3", Unit.TIMES, APPROX),
        ("003", "4.5倍", "4.5", Unit.TIMES, EQ),
        ("003", "增长近4倍", "4", Unit.TIMES, LT),
        ("003", "1/4", "25", Unit.PERCENT, EQ),
        ("003", "前十", "10", Unit.RANK, LE),
        ("003", "12.46平方公里", "12460000", Unit.M2, EQ),
        ("004", "提高2.5个百分点", "2.5", Unit.PP, EQ),
        ("004", "增长超过20%", "20", Unit.PERCENT, GT),
        ("004", "近千家", "1000", Unit.COUNT, LT),
    ],
)
def test_seed_figures_are_found(
    seed: str, phrase: str, value: str, unit: Unit, comparator: Comparator
) -> None:
    assert (phrase, Decimal(value), unit, comparator) in _figures(seed)


@pytest.mark.parametrize(
    ("seed", "not_a_quantity"),
    [
        ("001", "4399"),
        ("001", "〔2022〕10号"),
        ("001", "五促一保一防一控"),
        ("001", "第三次"),
        ("001", "“三高”"),
        ("001", "一是"),
        ("001", "“四个意识”"),
        ("001", "“两个确立”"),
        ("001", "第十一次"),
        ("001", "十九届"),
        ("001", "百城千校万人"),
        ("001", "一支"),
        ("001", "6代项目"),
        ("002", "“4+4+6”"),
        ("002", "8.6代"),
        ("002", "Micro-LED"),
        ("002", "“十四五”"),
        ("002", "“十五五”"),
        ("000", "八项规定"),
        ("000", "“第一议题”"),
        ("000", "第一批"),
        ("003", "5G"),
        ("003", "“1+N”"),
        ("003", "二类事业单位"),
        ("003", "“十百千万”"),
        ("004", "0592-2021807"),
        ("004", "第0161号"),
        ("004", "五次会议"),
        ("004", "8英寸"),
    ],
)
def test_seed_non_quantities_are_skipped(seed: str, not_a_quantity: str) -> None:
    text = SEED_TEXTS[seed]
    start = text.index(not_a_quantity)
    end = start + len(not_a_quantity)
    overlapping = [m.phrase for m in _found(seed) if m.start < end and start < m.end]
    assert overlapping == []


_DATE = re.compile(r"\d{4}\s*年(?:\s*度)?|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{2}-\d{2}")


@pytest.mark.parametrize("seed", sorted(SEED_TEXTS))
def test_no_year_or_date_is_a_quantity(seed: str) -> None:
    text = SEED_TEXTS[seed]
    dates = [m.span() for m in _DATE.finditer(text)]
    assert dates  # every seed has dates: the test can fail
    for match in find_quantities(text):
        for start, end in dates:
            assert not (match.start < end and start < match.end), (match.phrase, text[start:end])


@pytest.mark.parametrize("seed", sorted(SEED_TEXTS))
def test_spans_are_verbatim_and_reparse_the_same(seed: str) -> None:
    text = SEED_TEXTS[seed]
    matches = find_quantities(text)
    assert len(matches) > 20
    previous_end = 0
    for match in matches:
        assert previous_end <= match.start < match.end
        previous_end = match.end
        assert text[match.start : match.end] == match.phrase == match.quantity.text
        assert match.phrase == match.phrase.strip()
        if not match.distributed:
            assert parse_quantity(match.phrase) == match.quantity


def test_traditional_seed_reads_like_its_simplified_form() -> None:
    text = SEED_TEXTS["002"]
    simplified = textnorm.to_simplified(text)
    assert [m.quantity for m in find_quantities(text)] == [
        m.quantity for m in find_quantities(simplified)
    ]


def test_list_shares_bound_and_growth_word() -> None:
    text = "软件和信息服务业营收、实际利用外资分别增长6%、8%以上"
    first, second = find_quantities(text)
    assert (first.phrase, second.phrase) == ("增长6%", "8%以上")
    assert first.quantity.comparator is GE and second.quantity.comparator is GE
    assert first.change == second.change == "up"
    assert first.distributed and second.distributed
    assert parse_quantity(first.phrase).comparator is EQ  # the phrase alone says "="


def test_list_shares_decline() -> None:
    first, second = find_quantities("能耗分别下降3%、5%以上")
    assert (first.quantity.value, second.quantity.value) == (Decimal(-3), Decimal(-5))
    assert first.quantity.comparator is LE and second.quantity.comparator is LE
    assert second.change == "down"


def test_list_shares_approximation() -> None:
    first, second = find_quantities("分别为约3%、5%左右")
    assert first.quantity.comparator is APPROX and second.quantity.comparator is APPROX
    assert second.distributed is False and first.distributed is False  # 约 is its own


def test_list_of_different_units_does_not_share() -> None:
    first, second = find_quantities("6%、8个以上")
    assert (first.quantity.comparator, second.quantity.comparator) == (EQ, GE)


def test_unrelated_neighbours_do_not_share() -> None:
    matches = find_quantities("新增33家省企业技术中心,4个市联合实验室、5家以上市级新型研发机构")
    assert [m.quantity.comparator for m in matches] == [EQ, EQ, GE]
    assert not any(m.distributed for m in matches)


def test_growth_word_sets_change() -> None:
    (up,) = find_quantities("规上工业增加值同比增长14.3%")
    (down,) = find_quantities("事故起数同比下降100%")
    (level,) = find_quantities("实现一般公共预算总收入160.3亿元")
    assert (up.change, down.change, level.change) == ("up", "down", None)
    assert up.phrase == "同比增长14.3%"


def test_company_name_digits_are_not_counted() -> None:
    matches = find_quantities("4399等3家企业获评中国“软件百强”")
    assert [(m.phrase, m.quantity.value) for m in matches] == [("3家", Decimal(3))]


def test_circled_and_spaced_digits_are_not_numbers() -> None:
    assert find_quantities("①3家") == []  # NFKC would read ①3 as 13
    assert [m.phrase for m in find_quantities("2021 100家")] == []  # two numbers run together


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("增速为-5%", []),  # the scanner reads no bare signs, and never drops one
        ("负5%", []),
        ("增长-5%", [("增长-5%", "-5")]),
        ("数十家企业", []),  # "several tens", not 10
        ("几十家企业", []),
        ("二十多家企业", [("二十多家", "20")]),
        ("实现翻了一番", [("翻了一番", "100")]),
        ("产值增长一倍", [("增长一倍", "1")]),
        ("建设一批项目、二期工程", []),
        ("提升至2020年的54.3%", [("54.3%", "54.3")]),  # 提升至 is a level, not growth
        ("全国第一、全省第二位", [("第一", "1"), ("第二位", "2")]),
        ("前三季度增长5%", [("增长5%", "5")]),
        ("厦门市GDP 8812.05亿元", [("8812.05亿元", "881205000000")]),  # an acronym
        ("GDP8812亿元", [("8812亿元", "881200000000")]),
        ("A1项目、iPhone15款", []),  # a letter glued to digits: part of a name
        ("5G基站3000个", [("3000个", "3000")]),
        ("均价3万元/平方米", []),  # a price per unit is not an amount of yuan
    ],
)
def test_scan_context_rules(text: str, found: list[tuple[str, str]]) -> None:
    assert [(m.phrase, str(m.quantity.point)) for m in find_quantities(text)] == found


def test_rank_takes_no_growth_or_sign() -> None:
    for text in ("下降第一名", "-第一名", "增长前十"):
        with pytest.raises(QuantityError):
            parse_quantity(text)


def test_broken_lines_map_back_to_the_original() -> None:
    text = SEED_TEXTS["003"]
    (match,) = [m for m in find_quantities(text) if m.quantity.value == Decimal("13.9")]
    assert match.phrase == "同 比 增 长\n\n13.9%"


phrase_strategy = st.sampled_from([p[0] for p in PHRASES])
filler = st.sampled_from(["，", "。", "企业", "2022年", " ", "\n", "、", "完成", "其中", "共"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(filler, phrase_strategy), min_size=1, max_size=6))
def test_found_phrases_reparse_to_the_same_quantity(parts: list[tuple[str, str]]) -> None:
    text = "".join(a + b for a, b in parts) + "。"
    for match in find_quantities(text):
        assert text[match.start : match.end] == match.phrase
        if not match.distributed:
            assert parse_quantity(match.phrase) == match.quantity


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_find_quantities_raises_only_quantity_error(text: str) -> None:
    try:
        matches = find_quantities(text)
    except QuantityError:
        return
    for match in matches:
        assert text[match.start : match.end] == match.phrase


# ---------------------------------------------------------------------------------------------
# the fast path of textnorm.normalise that the scanner relies on


def _reference_normalise(text: str) -> tuple[str, tuple[int, ...]]:
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        if char.isspace():
            continue
        for folded in unicodedata.normalize("NFKC", char):
            if not folded.isspace():
                chars.append(folded)
                offsets.append(index)
    return textnorm.to_simplified("".join(chars)), tuple(offsets)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30) | st.sampled_from(sorted(SEED_TEXTS.values())))
def test_normalise_matches_per_character_reference(text: str) -> None:
    try:
        expected = _reference_normalise(text)
    except (UnicodeError, ValueError):
        return
    normal = textnorm.normalise(text)
    assert (normal.text, normal.offsets) == expected
