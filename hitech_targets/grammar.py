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

import attrs

from hitech_targets import numerals
from hitech_targets.errors import QuantityError
from hitech_targets.interpret import EXACT, FLIP, Change, interpret
from hitech_targets.quantity import Comparator, Quantity
from hitech_targets.textnorm import Normalised, normalise
from hitech_targets.wording import (
    BASIS,
    CHENG_NOT,
    CLASSIFIERS,
    GROWTH_DOWN,
    GROWTH_UP,
    PREFIXES,
    SUFFIXES,
    UNITS,
)

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


def _alternatives(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so 超过 wins over 超)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _unit_pattern(name: str) -> str:
    plain = [w for w in UNITS if w not in ("成", "倍")]
    counted = [
        re.escape(word) + (f"(?!{_alternatives(stops)})" if stops else "")
        for word, stops in sorted(CLASSIFIERS.items(), key=lambda kv: len(kv[0]), reverse=True)
    ]
    return (
        rf"(?P<{name}>{_alternatives(plain)}|成(?![{CHENG_NOT}])|倍(?!增)|"
        + "|".join(counted)
        + ")(?![级/])"  # 千亿元级 is a grade, 3万元/平方米 a price
    )


_RANK_END = r"(?:名|位|(?=[,。;:、!?)\]”’」』】]|$))"
_RANGE_SEP = r"[-~—–〜至到]"

_CORE = rf"""
(?P<growth>(?:{_alternatives(BASIS)})?(?:{_alternatives(GROWTH_DOWN + GROWTH_UP)})了?
    (?P<gsign>[-−])?)?
(?P<pre>{_alternatives(PREFIXES)})?
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
(?P<post>{_alternatives(w for w in SUFFIXES if w != "上下")}|上下(?!游))?
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
        | {w[0] for w in UNITS}
        | {w[0] for w in CLASSIFIERS}
    )
    after_numeral = "(?=[" + re.escape("".join(sorted(follow))) + "])"
    words = {*BASIS, *GROWTH_UP, *GROWTH_DOWN, *PREFIXES}
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
    with decimal.localcontext(EXACT):
        try:
            quantity, _ = interpret(match, text, sign)
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
    return _find_normalised(text)[0]


def _find_normalised(
    text: str, normal: Normalised | None = None
) -> tuple[list[QuantityMatch], Normalised]:
    """``find_quantities`` and the normal form it ran on (the extractor reuses it); ``normal``
    is ``normalise(text)`` when the caller has it already."""
    if normal is None:
        normal = _normalise(text)
    source = normal.text
    found: list[QuantityMatch] = []
    spans: list[tuple[int, int]] = []  # the matches' spans in the normalised text
    readings: dict[tuple[str, ...], _Reading | None] = {}  # phrases repeat within a document
    position = 0
    scan = _SCAN.match
    starts = _STARTS.search
    numeral_run = _NUMERAL_RUN.match
    with decimal.localcontext(EXACT):
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
    return _distribute(found, spans, source), normal


# ---------------------------------------------------------------------------------------------
# Scanner hits in context


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
            reading = interpret(match, phrase, None)
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
    unit = match.group("unit") or match.group("hiunit")
    if pre is None and body in ("一", "二"):
        return unit not in CLASSIFIERS
    # 十九届, 十六届: a session's ordinal; only 两届 counts sessions
    if unit == "届":
        return body.startswith("两")
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
    return attrs.evolve(quantity, value=-quantity.value, comparator=FLIP[quantity.comparator])
