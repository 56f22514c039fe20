"""Numerals as reports write them: Arabic (with thousands separators) and Chinese, read exactly.

The readers work on normalised text (``textnorm.normalise``: ASCII digits, simplified script).
They return ``Decimal`` built from strings, never floats, and raise ``QuantityError`` naming the
text for anything that is not a well-formed numeral: a silent wrong value is worse than none.
"""

from __future__ import annotations

import re
from decimal import Decimal

from hitech_targets.errors import QuantityError

#: Chinese digit characters and their values (〇 and 零 both zero; 两 as in 两家).
DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}

#: Place words inside a 万 section.
_SMALL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}

#: Every multiplier character, as used after a numeral (1.5万, 3000亿, 5千万).
MULTIPLIERS: dict[str, int] = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}

#: Characters a Chinese numeral is made of (regex class body, for the grammar).
CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿"

_ARABIC = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")


def read_arabic(text: str) -> Decimal:
    """``"1,200.5"`` → ``Decimal("1200.5")``; thousands groups must be exactly three digits."""
    if not _ARABIC.fullmatch(text):
        raise QuantityError("not an Arabic number", text)
    return Decimal(text.replace(",", ""))


def _read_section(text: str, whole: str) -> int:
    """A numeral below 10000: 一千二百三十四, 十二, 一百零五, colloquial 一千二 (= 1200)."""
    total = 0
    digit: int | None = None
    last_unit = 10000
    zero_seen = False
    for char in text:
        if char in DIGITS:
            if digit is not None:
                raise QuantityError("two digits in a row in a Chinese numeral", whole)
            digit = DIGITS[char]
            if digit == 0:
                zero_seen = True
                digit = None
        elif char in _SMALL_UNITS:
            unit = _SMALL_UNITS[char]
            if unit >= last_unit:
                raise QuantityError("place words out of order in a Chinese numeral", whole)
            if digit is None:
                if total or zero_seen:  # 一百十 / 一百零十: only a leading place word stands alone
                    raise QuantityError("place word without its digit", whole)
                digit = 1  # leading 十 = 10, 百 = 100
            total += digit * unit
            digit = None
            last_unit = unit
            zero_seen = False
        else:
            raise QuantityError("not a Chinese numeral", whole)
    if digit is not None:
        if not zero_seen and last_unit < 10000 and last_unit >= 100 and total:
            total += digit * last_unit // 10  # 一千二 = 1200, 一百五 = 150
        else:
            total += digit
    return total


def _read_big(text: str, whole: str) -> int:
    """A Chinese integer with 万 and 亿 sections (万亿 = 10^12)."""
    if not text:
        raise QuantityError("empty numeral", whole)
    if "亿" in text:
        left, _, right = text.partition("亿")
        if "亿" in right:
            raise QuantityError("two 亿 in a Chinese numeral", whole)
        high = _read_big(left, whole) if left else 1
        if right.startswith("万"):
            raise QuantityError("misplaced 万 in a Chinese numeral", whole)
        return high * 10**8 + _read_low(right, 10**8, whole)
    if "万" in text:
        left, _, right = text.partition("万")
        if "万" in right:
            raise QuantityError("two 万 in a Chinese numeral", whole)
        high = _read_section(left, whole) if left else 1
        return high * 10**4 + _read_low(right, 10**4, whole)
    return _read_section(text, whole)


def _read_low(text: str, scale: int, whole: str) -> int:
    """What follows a 万/亿: 零五, 三千, or the colloquial single digit (三万五 = 35000)."""
    if not text:
        return 0
    if len(text) == 1 and text in DIGITS and DIGITS[text] != 0:
        return DIGITS[text] * scale // 10
    value = _read_big(text, whole) if scale > 10**4 else _read_section(text, whole)
    if value >= scale:
        raise QuantityError("section too large in a Chinese numeral", whole)
    return value


def read_chinese(text: str) -> Decimal:
    """``"一千二百"`` → 1200, ``"三点五"`` → 3.5, ``"两"`` → 2, ``"万亿"`` → 10^12."""
    integer, dot, fraction = text.partition("点")
    if dot and (not fraction or any(c not in DIGITS for c in fraction)):
        raise QuantityError("bad decimals in a Chinese numeral", text)
    if not integer:
        raise QuantityError("not a Chinese numeral", text)
    if len(integer) > 1 and all(c in DIGITS for c in integer):
        raise QuantityError("digit string without place words", text)
    value = _read_big(integer, text)
    if not dot:
        return Decimal(value)
    digits = "".join(str(DIGITS[c]) for c in fraction)
    return Decimal(f"{value}.{digits}")


def read_number(text: str) -> Decimal:
    """An Arabic or Chinese numeral, or an Arabic number with trailing multipliers (1.5万)."""
    if not text:
        raise QuantityError("empty number", text)
    if text[0].isascii():
        match = _ARABIC.match(text)
        if match is None:
            raise QuantityError("not a number", text)
        value = read_arabic(match.group())
        rest = text[match.end() :]
        return value * multiplier(rest, whole=text) if rest else value
    return read_chinese(text)


def multiplier(text: str, *, whole: str | None = None) -> Decimal:
    """The product of magnitude words: ``"万"`` → 10^4, ``"万亿"`` → 10^12, ``"千万"`` → 10^7."""
    if not text:
        return Decimal(1)
    result = 1
    last = 10**13
    for char in text:
        factor = MULTIPLIERS.get(char)
        if factor is None:
            raise QuantityError("not a magnitude word", whole or text)
        if factor < 10**4 and factor >= last:  # 千百 is not a magnitude
            raise QuantityError("magnitude words out of order", whole or text)
        result *= factor
        last = factor
    return Decimal(result)


def write_chinese(value: int) -> str:
    """Write a non-negative integer in Chinese numerals (一千零二, 十二, 三万亿); for tests/docs."""
    if value < 0:
        raise ValueError("negative")
    if value == 0:
        return "零"
    return _write(value, leading=True)


def _write(value: int, *, leading: bool) -> str:
    for scale, name in ((10**8, "亿"), (10**4, "万")):
        if value >= scale:
            high, low = divmod(value, scale)
            text = _write(high, leading=leading) + name
            if low:
                text += ("零" if low < scale // 10 else "") + _write(low, leading=False)
            return text
    return _write_section(value, leading=leading)


def _write_section(value: int, *, leading: bool) -> str:
    chars = "零一二三四五六七八九"
    parts: list[str] = []
    zero_pending = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, value = divmod(value, unit)
        if digit:
            if zero_pending:
                parts.append("零")
                zero_pending = False
            parts.append(chars[digit] + name)
        elif parts:
            zero_pending = True
    text = "".join(parts)
    if leading and text.startswith("一十"):
        text = text[1:]
    return text
