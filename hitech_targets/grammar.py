"""The Chinese quantity grammar: target and result wording read into exact ``Quantity`` values.

One compiled grammar serves both entry points, so that a figure read from a spec
(``parse_quantity("两位数以上")``) and the same figure found in a quote (``find_quantities``)
are the same ``Quantity``. The grammar runs on normalised text (``textnorm``: full-width folded,
white space removed, simplified script) and spans are mapped back to the text as given.
The wording it knows is tabulated in ``docs/grammar.md``.
"""

from __future__ import annotations

import decimal
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Literal

import attrs

from hitech_targets import numerals
from hitech_targets.errors import QuantityError
from hitech_targets.quantity import Comparator, Quantity, Unit
from hitech_targets.textnorm import Normalised, normalise

Change = Literal["up", "down"]

# ---------------------------------------------------------------------------------------------
# The grammar (on normalised text)

_CN = numerals.CHINESE_NUMERAL_CHARS
_CN_DIGITS = "零〇一二两三四五六七八九"
# Numbers are atomic (possessive): the engine never retries a shorter reading of a number.
_AR_NUM = r"(?>[0-9]{1,3}(?:,[0-9]{3})++(?![0-9,])|[0-9]++)(?:\.[0-9]++)?+"
_CN_NUM = rf"[{_CN}]++(?:点[{_CN_DIGITS}]++)?+"
# A number starts a quantity only where it is not the tail of another token: not inside a
# longer number, a code (XM00203-03, 4399) or an ordinal (第三次). Letters before a number are
# checked by the scanner (GDP8812亿元 is a figure, A1项目 is not).
_AR_GUARD = r"(?<![0-9._/第])(?<![0-9][,\-~—–])"
_CN_GUARD = rf"(?<![第{_CN}点数几])"  # 数十家, 几十家 are not 十家


def _number(name: str) -> str:
    return rf"(?P<{name}>{_AR_GUARD}{_AR_NUM}|{_CN_GUARD}{_CN_NUM})"


_MAGNITUDE = r"(?:[百千]?万亿|[百千]?万|[百千]?亿|千|百)"
_MORE = r"(?:余|多)"

#: Unit words → (unit, factor to the base unit). Counts are handled by ``_CLASSIFIERS``.
_UNITS: dict[str, tuple[Unit, Decimal]] = {
    "元": (Unit.CNY, Decimal(1)),
    "美元": (Unit.USD, Decimal(1)),
    "%": (Unit.PERCENT, Decimal(1)),
    "个百分点": (Unit.PP, Decimal(1)),
    "百分点": (Unit.PP, Decimal(1)),
    "成": (Unit.PERCENT, Decimal(10)),
    "倍": (Unit.TIMES, Decimal(1)),
    "亩": (Unit.MU, Decimal(1)),
    "平方米": (Unit.M2, Decimal(1)),
    "平米": (Unit.M2, Decimal(1)),
    "m2": (Unit.M2, Decimal(1)),
    "公顷": (Unit.M2, Decimal(10000)),
    "平方公里": (Unit.M2, Decimal(1000000)),
    "平方千米": (Unit.M2, Decimal(1000000)),
    "km2": (Unit.M2, Decimal(1000000)),
}

#: Counting words (simplified), each with the words that, following it, make it part of
#: another word (3人才 is not "3 people"; 八项规定 is a name).
_CLASSIFIERS: dict[str, tuple[str, ...]] = {
    "家次": (),
    "人次": (),
    "户次": (),
    "项次": (),
    "家": (),
    "个": (),
    "项": ("规定",),
    "名": tuple("单称义列额"),
    "人": tuple("才民员大口均工"),
    "件": (),
    "套": (),
    "笔": (),
    "宗": (),
    "场": tuple("景地所"),
    "批": tuple("复示准"),
    "条": tuple("例件"),
    "所": tuple("有在属以谓"),
    "支": tuple("持撑付出"),
    "座": ("谈",),
    "次": tuple("会全党代"),
    "户": tuple("口籍"),
    "位": tuple("数于居列置"),
    "台": tuple("企湾商胞阶"),
    "辆": (),
    "栋": (),
    "幢": (),
    "例": ("如",),
    "篇": ("章",),
    "枚": (),
    "款": (),
    "种": tuple("子植"),
    "类": (),
    "份": ("额",),
    "只": tuple("有要是能"),
}
_CHENG_NOT = "立功为员果本交熟都绩效长型就品套片像年不"


def _alternatives(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so 超过 wins over 超)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _unit_pattern(name: str) -> str:
    plain = [w for w in _UNITS if w not in ("成", "倍")]
    counted = [
        re.escape(word) + (f"(?!{_alternatives(stops)})" if stops else "")
        for word, stops in sorted(_CLASSIFIERS.items(), key=lambda kv: len(kv[0]), reverse=True)
    ]
    return (
        rf"(?P<{name}>{_alternatives(plain)}|成(?![{_CHENG_NOT}])|倍(?!增)|"
        + "|".join(counted)
        + ")(?![级/])"  # 千亿元级 is a grade, 3万元/平方米 a price
    )


_GROWTH_UP = ("增长", "增加", "提高", "提升", "上升", "上涨")
_GROWTH_DOWN = ("负增长", "下降", "减少", "降低", "下滑", "回落")
_BASIS = ("同比", "环比", "比上年", "较上年", "比去年", "较去年")

#: Bound words before the number → (comparator, approximate).
_PREFIXES: dict[str, tuple[Comparator, bool]] = {
    "大约": (Comparator.APPROX, True),
    "约为": (Comparator.APPROX, True),
    "约": (Comparator.APPROX, True),
    "将近": (Comparator.LT, True),
    "接近": (Comparator.LT, True),
    "近": (Comparator.LT, True),
    "超过": (Comparator.GT, False),
    "超出": (Comparator.GT, False),
    "超": (Comparator.GT, False),
    "逾": (Comparator.GT, False),
    "突破": (Comparator.GT, False),
    "高于": (Comparator.GT, False),
    "多于": (Comparator.GT, False),
    "不少于": (Comparator.GE, False),
    "不低于": (Comparator.GE, False),
    "至少": (Comparator.GE, False),
    "最少": (Comparator.GE, False),
    "最低": (Comparator.GE, False),
    "不超过": (Comparator.LE, False),
    "不高于": (Comparator.LE, False),
    "不多于": (Comparator.LE, False),
    "最多": (Comparator.LE, False),
    "最高": (Comparator.LE, False),
    "控制在": (Comparator.LE, False),
    "不足": (Comparator.LT, False),
    "不到": (Comparator.LT, False),
    "不满": (Comparator.LT, False),
    "低于": (Comparator.LT, False),
    "少于": (Comparator.LT, False),
}

#: Bound words after the unit.
_SUFFIXES: dict[str, tuple[Comparator, bool]] = {
    "及以上": (Comparator.GE, False),
    "或以上": (Comparator.GE, False),
    "以上": (Comparator.GE, False),
    "及以下": (Comparator.LE, False),
    "或以下": (Comparator.LE, False),
    "以下": (Comparator.LE, False),
    "以内": (Comparator.LE, False),
    "左右": (Comparator.APPROX, True),
    "上下": (Comparator.APPROX, True),
}

_RANK_END = r"(?:名|位|(?=[,。;:、!?)\]”’」』】]|$))"
_RANGE_SEP = r"[-~—–〜至到]"

_CORE = rf"""
(?P<growth>(?:{_alternatives(_BASIS)})?(?:{_alternatives(_GROWTH_DOWN + _GROWTH_UP)})了?
    (?P<gsign>[-−])?)?
(?P<pre>{_alternatives(_PREFIXES)})?
(?:
    (?P<places>[两二三])位数
  | 翻了?(?P<fan>[一两二三四]?)番
  | (?P<negative>负增长)
  | 第(?P<rank>[0-9]++|[{_CN}]++){_RANK_END}
  | 前(?P<top>[0-9]++|[{_CN}]++){_RANK_END}
  | (?P<first>首位)
  | (?P<cden>{_AR_GUARD}[0-9]++|[{_CN}]++)分之(?P<cnum>{_AR_NUM}|{_CN_NUM})
  | (?P<fnum>{_AR_GUARD}[0-9]++)/(?P<fden>[0-9]++)(?![0-9/])
  | (?>{_number("lo")}(?P<lomag>{_MAGNITUDE})?(?:{_unit_pattern("lounit")})?){_RANGE_SEP}
    (?P<hi>{_AR_NUM}|{_CN_NUM})(?P<himag>{_MAGNITUDE})?(?P<himore>{_MORE})?{_unit_pattern("hiunit")}
  | {_number("num")}(?P<more1>{_MORE})?(?P<mag>{_MAGNITUDE})?(?P<more2>{_MORE})?
    {_unit_pattern("unit")}
)
(?P<post>{_alternatives(w for w in _SUFFIXES if w != "上下")}|上下(?!游))?
"""

_SCAN = re.compile(_CORE, re.VERBOSE)


def _starts_pattern() -> str:
    """Where a match can start: a digit, a Chinese numeral, 第/前/首/翻/负, or the first two
    characters of a growth or bound word. Written as a branch of literals so that the regex
    engine skips to candidates with its character-set scan (a plain ``search`` of the grammar
    tries every position; trying only here is several times faster). A Chinese numeral must
    be followed by what can follow one in a phrase (一是, 统一 are skipped) and digits must not
    be a year or a date (2022年, 2月17日)."""
    follow = (
        set(_CN)
        | set("点分余多至到~-—–〜位")
        | {w[0] for w in _UNITS}
        | {w[0] for w in _CLASSIFIERS}
    )
    after_numeral = "(?=[" + re.escape("".join(sorted(follow))) + "])"
    words = {*_BASIS, *_GROWTH_UP, *_GROWTH_DOWN, *_PREFIXES}
    singles = set("第前首翻负") | {w for w in words if len(w) == 1}
    pairs = {w[:2] for w in words if len(w) > 1 and w[0] not in singles}
    return "|".join(
        [re.escape(w) for w in sorted(pairs | singles)]
        + [digit + "(?![0-9]*[年月日号])" for digit in "0123456789"]
        + [re.escape(char) + after_numeral for char in sorted(_CN)]
    )


_STARTS = re.compile(_starts_pattern())
_NUMERAL_RUN = re.compile(rf"[0-9]+|[{_CN}]+")

_SIGNS = ("-", "+", "−")
_OPENING_QUOTES = frozenset("“‘「『\"'《〈(【")
_BARE_MAGNITUDE = re.compile(r"[百千万亿]+")

# ---------------------------------------------------------------------------------------------
# Public API


@attrs.frozen
class QuantityMatch:
    """One quantity phrase found in a text.

    ``text[start:end]`` of the text given is the phrase verbatim (``phrase``). ``change`` is
    ``"up"``/``"down"`` when a growth word (增长, 下降 …) is part of the phrase (a ``"down"``
    phrase has its value negated). ``distributed`` is true when the comparator or the growth
    word was taken from a neighbour in a list (分别增长6%、8%以上: both are ``>=``, both up), so
    re-parsing the phrase alone gives the undistributed reading.
    """

    start: int
    end: int
    phrase: str
    quantity: Quantity
    change: Change | None = None
    distributed: bool = False


def parse_quantity(text: str) -> Quantity:
    """Read ONE quantity phrase ("833.02亿元", "約3.71億美元", "两位数以上") exactly.

    Raises ``QuantityError`` naming the text for anything the grammar cannot read.
    """
    if not isinstance(text, str):
        raise QuantityError("a quantity phrase must be a string", repr(text))
    normal = _normalise(text)
    sign = normal.text[:1] if normal.text[:1] in _SIGNS else None  # only a lone phrase has one
    match = _SCAN.fullmatch(normal.text, 1 if sign else 0)
    if match is None:
        raise QuantityError("not a quantity the grammar knows", text)
    with decimal.localcontext(_EXACT):
        try:
            quantity, _ = _interpret(match, text, sign)
        except QuantityError as error:
            if error.text == text:
                raise
            raise QuantityError(str(error), text) from None
        except (decimal.DecimalException, ArithmeticError, ValueError) as error:
            raise QuantityError(f"cannot be read exactly ({type(error).__name__})", text) from None
    return quantity


def find_quantities(text: str) -> list[QuantityMatch]:
    """Every quantity phrase in ``text`` (any length, any script, broken lines), in order.

    Bare numbers are not quantities: a number needs a unit, a counting word or a number word
    (两位数, 翻一番, 第一名 …). Years, dates, document numbers, codes and ordinals are skipped.
    """
    if not isinstance(text, str):
        raise QuantityError("find_quantities needs a string", repr(text))
    normal = _normalise(text)
    source = normal.text
    found: list[QuantityMatch] = []
    spans: list[tuple[int, int]] = []  # the matches' spans in the normalised text
    readings: dict[tuple[str, ...], _Reading | None] = {}  # phrases repeat within a document
    position = 0
    scan = _SCAN.match
    starts = _STARTS.search
    numeral_run = _NUMERAL_RUN.match
    with decimal.localcontext(_EXACT):
        while True:
            start = starts(source, position)
            if start is None:
                break
            match = scan(source, start.start())
            if match is None:
                # no match can start later inside the same numeral (the guards forbid it)
                run = numeral_run(source, start.start())
                position = run.end() if run else start.start() + 1
                continue
            result = _scan_match(match, normal, text, readings)
            if result is None:
                position = match.start() + 1
                continue
            found.append(result)
            spans.append(match.span())
            position = match.end()
    return _distribute(found, spans, source)


# ---------------------------------------------------------------------------------------------
# Interpretation

#: Decimal arithmetic that refuses to round: a figure is exact or it is an error.
_EXACT = decimal.Context(
    prec=60,
    traps=[decimal.Inexact, decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)


def _normalise(text: str) -> Normalised:
    try:
        return normalise(text)
    except (UnicodeError, ValueError) as error:  # e.g. lone surrogates that OpenCC rejects
        raise QuantityError(f"text cannot be normalised ({error})", text) from None


_Reading = tuple[Quantity, "Change | None"]


def _scan_match(
    match: re.Match[str],
    normal: Normalised,
    text: str,
    readings: dict[tuple[str, ...], _Reading | None],
) -> QuantityMatch | None:
    """Interpret a scanner hit, or None when context shows it is not a quantity."""
    first, last = match.span()
    num, lo, fnum = match.group("num", "lo", "fnum")
    body = num or lo
    if first and (body or fnum):
        before = match.string[first - 1]
        if before in _MINUS_SIGNS and _minus_before(match):
            return None  # -5% / 负5%: the scanner reads no signs, and never drops one
        if (
            before.isascii()
            and before.isalpha()
            and not _ACRONYM_BEFORE.search(match.string, max(0, first - 12), first)
        ):
            return None  # A1项目, iPhone15款: part of a name; GDP8812亿元 is a figure
    if body is not None and not body[0].isascii() and not _chinese_count_stands(match, body):
        return None
    offsets = normal.offsets
    start, end = offsets[first], offsets[last - 1] + 1
    phrase = text[start:end]
    normal_phrase = match.group()
    if phrase != normal_phrase and not _digits_are_written(match, normal, text):
        return None
    # the grammar looks at most two characters back and one ahead: same context, same reading
    source = match.string
    key = (source[max(0, first - 2) : first], normal_phrase, source[last : last + 1], phrase)
    if key in readings:
        reading = readings[key]
    else:
        try:
            reading = _interpret(match, phrase, None)
        except (QuantityError, decimal.DecimalException, ArithmeticError, ValueError):
            reading = None
        readings[key] = reading
    if reading is None:
        return None
    return QuantityMatch(start, end, phrase, reading[0], reading[1])


_MINUS_SIGNS = "-−负"
#: An all-capitals acronym of two or more letters right before a number (GDP, CPI, TOP).
_ACRONYM_BEFORE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2,}$")


def _minus_before(match: re.Match[str]) -> bool:
    """True when the number that starts the match is preceded by a minus sign (not a dash)."""
    source, start = match.string, match.start()
    before = source[start - 1]
    if before in "−负":
        return True
    return before == "-" and (start < 2 or not source[start - 2].isdigit())


def _chinese_count_stands(match: re.Match[str], body: str) -> bool:
    """Context rules for counts in Chinese numerals, which double as names and ordinals."""
    pre, growth = match.group("pre", "growth")
    if pre is None and growth is None:
        before = match.string[match.start() - 1] if match.start() else ""
        if before in _OPENING_QUOTES:
            return False  # “四个意识”, “两个覆盖”: slogans, not counts
    # 一批/一支 are articles ("a"); 二类/二期 are ordinals (counts say 两); 一倍, 一成 are figures
    if pre is None and body in ("一", "二"):
        return (match.group("unit") or match.group("hiunit")) not in _CLASSIFIERS
    return True


_NUMBER_GROUPS = ("num", "lo", "hi", "fnum", "fden", "rank", "top")


def _digits_are_written(match: re.Match[str], normal: Normalised, text: str) -> bool:
    """Digits must be digits in the original, in one run: not ① (NFKC "1") nor "2021 100"."""
    offsets = normal.offsets
    for name, value in zip(_NUMBER_GROUPS, match.group(*_NUMBER_GROUPS), strict=True):
        if value is None or not value[0].isascii():
            continue
        first, last = match.span(name)
        original = text[offsets[first] : offsets[last - 1] + 1]
        if original == value:
            continue
        for char in original:
            if char.isspace() or (char.isdigit() and not char.isdecimal()):
                return False
    return True


def _combine(bounds: list[tuple[Comparator, bool]], phrase: str) -> tuple[Comparator, bool]:
    """Merge the bound words of one phrase (超…以上, 约…左右, 近) into one comparator."""
    approximate = any(approx for _, approx in bounds)
    strict = {c for c, _ in bounds if c is not Comparator.APPROX}
    if not strict:
        return (Comparator.APPROX if bounds else Comparator.EQ, approximate)
    if strict <= {Comparator.GE, Comparator.GT}:
        return (Comparator.GT if Comparator.GT in strict else Comparator.GE, approximate)
    if strict <= {Comparator.LE, Comparator.LT}:
        return (Comparator.LT if Comparator.LT in strict else Comparator.LE, approximate)
    raise QuantityError("contradictory bound words", phrase)


_FLIP = {
    Comparator.GE: Comparator.LE,
    Comparator.GT: Comparator.LT,
    Comparator.LE: Comparator.GE,
    Comparator.LT: Comparator.GT,
    Comparator.EQ: Comparator.EQ,
    Comparator.APPROX: Comparator.APPROX,
    Comparator.RANGE: Comparator.RANGE,
}


def _interpret(
    match: re.Match[str], phrase: str, sign: str | None
) -> tuple[Quantity, Change | None]:
    """The quantity a grammar match states; the caller sets an exact decimal context."""
    num, unit_word, magnitude, more1, more2, pre, post, growth, gsign = match.group(*_COMMON)
    bounds: list[tuple[Comparator, bool]] = []
    if pre:
        bounds.append(_PREFIXES[pre])
    if post:
        bounds.append(_SUFFIXES[post])
    change: Change | None = None
    if growth:
        change = "down" if any(word in growth for word in _GROWTH_DOWN) else "up"
    negate = change == "down"
    if gsign:
        sign = gsign
    if sign in ("-", "−"):
        if negate:
            raise QuantityError("a minus sign and a word of decline", phrase)
        negate = True
    classifier: str | None = None
    value: Decimal | None = None

    if num is not None:  # the common case: number, magnitude, unit
        unit, factor, classifier = _unit(unit_word)
        more = more1 or more2
        if not pre and not more and _BARE_MAGNITUDE.fullmatch(num):
            raise QuantityError("a bare 百/千/万/亿 is a name unless bounded (超百家)", phrase)
        # plain Arabic numbers were checked by the grammar: digits and at most one point
        plain = num[0].isascii() and "," not in num
        number = Decimal(num) if plain else numerals.read_number(num)
        if unit_word == "成":
            _check_cheng(number, phrase)
        value = number * factor
        if magnitude:
            value *= numerals.multiplier(magnitude)
        if more:
            bounds.append((Comparator.GT, False))
        return _finish(value, unit, bounds, negate, classifier, change, phrase)
    g = match.groupdict()
    if g["lo"] is not None:
        return _range(g, bounds, change, negate, phrase)
    if g["places"]:
        value = Decimal(10) ** ({"两": 2, "二": 2, "三": 3}[g["places"]] - 1)
        unit = Unit.PERCENT
        bounds.append((Comparator.GE, False))
    elif g["fan"] is not None:
        times = numerals.DIGITS[g["fan"]] if g["fan"] else 1
        value, unit = Decimal(2**times - 1) * 100, Unit.PERCENT
        change = change or "up"
        if negate:
            raise QuantityError("a decline cannot double", phrase)
    elif g["negative"]:
        if negate or bounds:
            raise QuantityError("负增长 takes no other bound", phrase)
        return Quantity(Decimal(0), Unit.PERCENT, Comparator.LT, text=phrase), "down"
    elif g["rank"] or g["top"] or g["first"]:
        if negate or change:
            raise QuantityError("a rank has no sign or growth", phrase)
        value, unit = _read_count(g["rank"] or g["top"] or "1", phrase), Unit.RANK
        if value < 1:
            raise QuantityError("a rank starts at 1", phrase)
        if g["top"]:
            bounds.append((Comparator.LE, False))
    elif g["cden"]:
        numerator = numerals.read_number(g["cnum"])
        denominator = _read_count(g["cden"], phrase)
        value, unit = _share(numerator, denominator, phrase), Unit.PERCENT
    else:
        numerator, denominator = Decimal(g["fnum"]), Decimal(g["fden"])
        if numerator > denominator:
            raise QuantityError("a fraction larger than one is not a share", phrase)
        value, unit = _share(numerator, denominator, phrase), Unit.PERCENT

    return _finish(value, unit, bounds, negate, classifier, change, phrase)


def _finish(
    value: Decimal,
    unit: Unit,
    bounds: list[tuple[Comparator, bool]],
    negate: bool,
    classifier: str | None,
    change: Change | None,
    phrase: str,
) -> tuple[Quantity, Change | None]:
    if bounds:
        comparator, approximate = _combine(bounds, phrase)
    else:
        comparator, approximate = Comparator.EQ, False
    if negate:
        value, comparator = -value, _FLIP[comparator]
    quantity = Quantity(
        _clean(value),
        unit,
        comparator,
        classifier=classifier,
        approximate=approximate,
        text=phrase,
    )
    return quantity, change


_COMMON = ("num", "unit", "mag", "more1", "more2", "pre", "post", "growth", "gsign")


def _range(
    g: dict[str, str | Any],
    bounds: list[tuple[Comparator, bool]],
    change: Change | None,
    negate: bool,
    phrase: str,
) -> tuple[Quantity, Change | None]:
    """``3~5个``, ``4.5%至5%``, ``3-5万元``: the low end shares the high end's unit."""
    high_unit, high_factor, classifier = _unit(g["hiunit"])
    magnitude = numerals.multiplier(g["himag"] or "")
    high_number = numerals.read_number(g["hi"])
    high = high_number * magnitude * high_factor
    if g["lounit"]:
        low_unit, low_factor, low_classifier = _unit(g["lounit"])
        if (low_unit, low_classifier, low_factor) != (high_unit, classifier, high_factor):
            raise QuantityError("a range with two different units", phrase)
        magnitude = Decimal(1)
    if g["lomag"]:
        magnitude = numerals.multiplier(g["lomag"])
    low_number = numerals.read_number(g["lo"])
    low = low_number * magnitude * high_factor
    if g["himore"]:
        raise QuantityError("余/多 in a range", phrase)
    if g["hiunit"] == "成":
        _check_cheng(high_number, phrase)
        _check_cheng(low_number, phrase)
    if any(comparator is not Comparator.APPROX for comparator, _ in bounds):
        raise QuantityError("a range takes no bound word", phrase)
    if negate:
        low, high = -high, -low
    if low > high:
        raise QuantityError("inverted range", phrase)
    quantity = Quantity(
        None,
        high_unit,
        Comparator.RANGE,
        low=_clean(low),
        high=_clean(high),
        classifier=classifier,
        approximate=bool(bounds),
        text=phrase,
    )
    return quantity, change


def _unit(word: str) -> tuple[Unit, Decimal, str | None]:
    if word in _UNITS:
        unit, factor = _UNITS[word]
        return unit, factor, None
    return Unit.COUNT, Decimal(1), word


def _check_cheng(number: Decimal, phrase: str) -> None:
    if not Decimal(0) <= number <= Decimal(10):
        raise QuantityError("成 counts tenths: at most 十成", phrase)


def _read_count(text: str, phrase: str) -> Decimal:
    value = numerals.read_number(text)
    if value != value.to_integral_value():
        raise QuantityError("not a whole number", phrase)
    return value


def _share(numerator: Decimal, denominator: Decimal, phrase: str) -> Decimal:
    if denominator == 0:
        raise QuantityError("division by zero", phrase)
    try:
        return numerator * 100 / denominator
    except decimal.Inexact:
        raise QuantityError("a fraction without an exact decimal value", phrase) from None


def _clean(value: Decimal) -> Decimal:
    """Plain canonical form: 3453.80 × 10^8 → 345380000000, 3.50 → 3.5."""
    value += 0  # -0 → 0
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


# ---------------------------------------------------------------------------------------------
# Lists: 分别增长6%、8%以上


_LIST_JOINERS = frozenset("、和及与或")


def _distribute(
    found: list[QuantityMatch], spans: list[tuple[int, int]], source: str
) -> list[QuantityMatch]:
    """Share a trailing bound word backwards and a leading growth word forwards in a list."""
    groups: list[list[int]] = []
    for index in range(1, len(found)):
        gap_start, gap_end = spans[index - 1][1], spans[index][0]
        if (
            gap_end == gap_start + 1
            and source[gap_start] in _LIST_JOINERS
            and found[index - 1].quantity.unit is found[index].quantity.unit
        ):
            if groups and groups[-1][-1] == index - 1:
                groups[-1].append(index)
            else:
                groups.append([index - 1, index])
    if not groups:
        return found
    result = list(found)
    for members in groups:
        first = result[members[0]]
        for index in members[1:]:
            current = result[index]
            if first.change is not None and current.change is None:
                quantity = current.quantity
                if first.change == "down":
                    quantity = _negated(quantity)
                result[index] = attrs.evolve(
                    current, quantity=quantity, change=first.change, distributed=True
                )
        last = result[members[-1]]
        for index in members[:-1]:
            current = result[index]
            if (
                last.quantity.comparator is not Comparator.EQ
                and last.quantity.comparator is not Comparator.RANGE
                and current.quantity.comparator is Comparator.EQ
                and current.quantity.value is not None
                and current.change == last.change
            ):
                quantity = attrs.evolve(
                    current.quantity,
                    comparator=last.quantity.comparator,
                    approximate=last.quantity.approximate,
                )
                result[index] = attrs.evolve(current, quantity=quantity, distributed=True)
    return result


def _negated(quantity: Quantity) -> Quantity:
    if quantity.comparator is Comparator.RANGE:
        if quantity.low is None or quantity.high is None:
            return quantity
        return attrs.evolve(quantity, low=-quantity.high, high=-quantity.low)
    if quantity.value is None:
        return quantity
    return attrs.evolve(quantity, value=-quantity.value, comparator=_FLIP[quantity.comparator])
