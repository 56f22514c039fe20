"""Localisation for readers of simplified Chinese, traditional Chinese and English.

Numbers, dates and percentages come from babel with an explicit locale; Chinese money is
written in 万/亿 and English money in million/billion, grouped the local way (babel's compact
formats do not group, so we divide ourselves). Interface strings and the sentences of the
reconciler's reason codes come from gettext catalogs compiled by babel. Quotes are never
converted: they stay in the script of their source.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import attrs

from hitech_targets.assessment import Reason
from hitech_targets.errors import ReportError
from hitech_targets.model import Status
from hitech_targets.phrases import (
    COMPARATOR_NAMES,
    FINDING_SENTENCES,
    MEASURE_NAMES,
    N_,
    PARAM_ROLES,
    PROGRESS_NAMES,
    REASON_SENTENCES,
    UNIT_NAMES,
)
from hitech_targets.quantity import Comparator, Quantity, Unit

#: The locales a report can be written in, as babel locale identifiers.
LOCALES: tuple[str, ...] = ("zh_Hans_CN", "zh_Hant_TW", "en")
#: gettext domain of the catalogs in ``hitech_targets/locales``.
DOMAIN = "hitech_targets"
LOCALE_DIR = Path(__file__).parent / "locales"

_HTML_LANG = {"zh_Hans_CN": "zh-Hans", "zh_Hant_TW": "zh-Hant", "en": "en"}


#: Status labels, in words: the report shows them beside the colour, never colour alone.
STATUS_LABELS: dict[Status, str] = {
    Status.MET: N_("Met"),
    Status.MISSED: N_("Missed"),
    Status.PARTIALLY_MET: N_("Partially met"),
    Status.IN_PROGRESS: N_("In progress"),
    Status.PENDING: N_("Pending"),
    Status.NO_EVIDENCE: N_("No evidence"),
    Status.NOT_COMPARABLE: N_("Not comparable"),
}

#: What each status means, for the methodology section.
STATUS_RULES: dict[Status, str] = {
    Status.MET: N_("The reported result satisfies the target as worded."),
    Status.MISSED: N_("The reported result falls short of the target as worded."),
    Status.PARTIALLY_MET: N_(
        "Some parts of a compound goal were met and others not, or a milestone was partly done."
    ),
    Status.IN_PROGRESS: N_(
        "Later reports describe work under way, or a multi-year goal is still running."
    ),
    Status.PENDING: N_("The period, plus the grace period, is not over yet on the as-of date."),
    Status.NO_EVIDENCE: N_("The period and grace period are over and no later report mentions it."),
    Status.NOT_COMPARABLE: N_(
        "The only evidence is measured differently (another definition, area or unit)."
    ),
}

CONFIDENCE_LABELS: dict[str, str] = {
    "high": N_("High"),
    "medium": N_("Medium"),
    "low": N_("Low"),
}

_COMPARATORS: dict[Comparator, str] = {
    Comparator.EQ: N_("%(value)s"),
    Comparator.GE: N_("at least %(value)s"),
    Comparator.GT: N_("more than %(value)s"),
    Comparator.LE: N_("at most %(value)s"),
    Comparator.LT: N_("less than %(value)s"),
    Comparator.APPROX: N_("about %(value)s"),
}
_NEARLY = N_("nearly %(value)s")
_RANGE = N_("%(low)s to %(high)s")

#: Unit words the way each readership writes them (babel.units has no 亩, 万 or 百分点).
_ZH_WORDS: dict[str, dict[str, str]] = {
    "zh-Hans": {"亿": "亿", "万": "万", "pp": "个百分点", "mu": "亩", "m2": "平方米"},
    "zh-Hant": {"亿": "億", "万": "萬", "pp": "個百分點", "mu": "畝", "m2": "平方公尺"},
}
_EN_MONEY_PREFIX = {Unit.CNY: "CN¥", Unit.USD: "US$"}
_ZH_MONEY_WORD = {Unit.CNY: "元", Unit.USD: "美元"}
_SCALED = "#,##0.0#"
_PLAIN = "#,##0.##"
_ONE_DECIMAL = "#,##0.0"


def resolve_locale(tag: str) -> str:
    """The supported locale a tag names (zh_Hans_CN, zh-Hans, zh-Hant-TW, en …).

    Raises ReportError listing the valid locales for anything else.
    """
    from babel import Locale, UnknownLocaleError

    valid = ", ".join(LOCALES)
    try:
        loc = Locale.parse(tag, sep="-" if "-" in tag else "_")
    except (ValueError, TypeError, UnknownLocaleError) as error:
        raise ReportError(f"unknown locale {tag!r}: use one of {valid}") from error
    key = (loc.language, loc.script, loc.territory)
    if key in {("zh", "Hans", None), ("zh", "Hans", "CN"), ("zh", None, "CN")}:
        return "zh_Hans_CN"
    if key in {("zh", "Hant", None), ("zh", "Hant", "TW"), ("zh", None, "TW")}:
        return "zh_Hant_TW"
    if key == ("en", None, None):
        return "en"
    raise ReportError(f"unsupported locale {tag!r}: use one of {valid}")


@functools.cache
def translations(locale: str) -> Any:
    """The compiled gettext catalog of a supported locale (babel.support.Translations)."""
    from babel.support import Translations

    catalog = Translations.load(str(LOCALE_DIR), locales=[locale], domain=DOMAIN)
    if not isinstance(catalog, Translations):
        raise ReportError(f"no compiled catalog for {locale} in {LOCALE_DIR}")
    return catalog


@functools.cache
def localiser(tag: str) -> L10n:
    """The L10n of a locale tag (see ``resolve_locale``)."""
    locale = resolve_locale(tag)
    return L10n(locale=locale, translations=translations(locale))


def _to_script(text: str, script: str) -> str:
    from hitech_targets.textnorm import to_simplified, to_traditional

    return to_traditional(text) if script == "zh-Hant" else to_simplified(text)


@attrs.frozen
class L10n:
    """Formatting and translation for one locale; get one with ``localiser(tag)``."""

    locale: str
    translations: Any = attrs.field(eq=False, repr=False)

    @property
    def lang(self) -> str:
        """The BCP 47 tag for ``lang`` attributes: zh-Hans, zh-Hant or en."""
        return _HTML_LANG[self.locale]

    @property
    def is_chinese(self) -> bool:
        return self.locale.startswith("zh")

    def gettext(self, message: str, **params: object) -> str:
        """The translation of ``message``, with ``%(name)s`` placeholders filled in."""
        text: str = self.translations.ugettext(message)
        return text % params if params else text

    # --- numbers and units ---------------------------------------------------------------
    def decimal(self, value: Decimal, pattern: str = _PLAIN) -> str:
        """A number in a babel pattern, rounded half up (四舍五入) as statistics are."""
        from babel.numbers import format_decimal

        rounded = _half_up(value, _places(pattern))
        return str(format_decimal(rounded, format=pattern, locale=self.locale))

    def ratio(self, value: Decimal) -> str:
        """A ratio as a percentage with one decimal: 1.2345 → 123.5%."""
        from babel.numbers import format_percent

        rounded = _half_up(value, 3)
        return str(format_percent(rounded, format="#,##0.0%", locale=self.locale))

    def percent(self, value: Decimal) -> str:
        """A figure in percent (10.6 → 10.6%), one decimal."""
        return self.ratio(value / 100)

    def date(self, day: dt.date) -> str:
        from babel.dates import format_date

        return str(format_date(day, format="long", locale=self.locale))

    def _words(self) -> dict[str, str]:
        return _ZH_WORDS["zh-Hant" if self.lang == "zh-Hant" else "zh-Hans"]

    def _money(self, value: Decimal, unit: Unit) -> str:
        magnitude = abs(value)
        if self.is_chinese:
            words = self._words()
            for size, word in ((Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万")):
                if magnitude >= size:
                    number = self.decimal(magnitude / size, _SCALED)
                    return f"{number}{words[word]}{_ZH_MONEY_WORD[unit]}"
            return f"{self.decimal(magnitude, _SCALED)}{_ZH_MONEY_WORD[unit]}"
        prefix = _EN_MONEY_PREFIX[unit]
        for size, word in ((Decimal(10) ** 9, " billion"), (Decimal(10) ** 6, " million")):
            if magnitude >= size:
                return f"{prefix}{self.decimal(magnitude / size, _SCALED)}{word}"
        return f"{prefix}{self.decimal(magnitude, _SCALED)}"

    def _magnitude(self, value: Decimal, unit: Unit, classifier: str | None) -> str:
        magnitude = abs(value)
        if unit in (Unit.CNY, Unit.USD):
            return self._money(value, unit)
        if unit is Unit.PERCENT:
            return self.percent(magnitude)
        if unit is Unit.PP:
            pp = self.decimal(magnitude, _ONE_DECIMAL)
            return f"{pp}{self._words()['pp']}" if self.is_chinese else f"{pp} pp"
        if unit is Unit.COUNT:
            number = self.decimal(magnitude)
            if self.is_chinese and classifier:
                return number + _to_script(classifier, self.lang)
            return number
        if unit is Unit.MU:
            return self.decimal(magnitude) + (self._words()["mu"] if self.is_chinese else " mu")
        if unit is Unit.M2:
            if not self.is_chinese:
                return f"{self.decimal(magnitude)} m²"
            if magnitude >= 10**4:
                words = self._words()
                return f"{self.decimal(magnitude / 10**4, _SCALED)}{words['万']}{words['m2']}"
            return self.decimal(magnitude) + self._words()["m2"]
        if unit is Unit.TIMES:
            return self.decimal(magnitude) + ("倍" if self.is_chinese else "×")
        if unit is Unit.RANK:
            return f"第{self.decimal(magnitude)}" if self.is_chinese else f"No. {magnitude}"
        raise ReportError(f"no format for unit {unit.value!r}")

    def amount(
        self, value: Decimal, unit: Unit, classifier: str | None = None, *, signed: bool = False
    ) -> str:
        """A figure in its unit, scaled and grouped for the locale: 3,453.8亿元, CN¥345.38
        billion, 10.6%, 2.3个百分点, 165家. ``signed`` prefixes + to positive figures."""
        text = self._magnitude(value, unit, classifier)
        if unit is Unit.RANK or not re.search(r"[1-9]", text):
            return text  # a figure shown as zero gets no sign
        if value < 0:
            return "-" + text
        return "+" + text if signed else text

    def quantity(self, quantity: Quantity) -> str:
        """A target or result as meant: ``at least 10.0%``, ``1.5万平方米至2万平方米``."""
        unit, classifier = quantity.unit, quantity.classifier
        if quantity.comparator is Comparator.RANGE and quantity.low is not None:
            high = quantity.high if quantity.high is not None else quantity.low
            return self.gettext(
                _RANGE,
                low=self.amount(quantity.low, unit, classifier),
                high=self.amount(high, unit, classifier),
            )
        value = self.amount(quantity.point, unit, classifier)
        if quantity.comparator is Comparator.LT and quantity.approximate:
            return self.gettext(_NEARLY, value=value)
        return self.gettext(_COMPARATORS[quantity.comparator], value=value)

    # --- labels and sentences ---------------------------------------------------------------
    def status_label(self, status: Status) -> str:
        return self.gettext(STATUS_LABELS[status])

    def status_rule(self, status: Status) -> str:
        return self.gettext(STATUS_RULES[status])

    def confidence_label(self, confidence: str) -> str:
        return self.gettext(CONFIDENCE_LABELS[confidence])

    def reason(self, reason: Reason, units: Units | None = None) -> str:
        """The sentence for one reasoning step, its figures in the units ``units`` names."""
        return self._sentence(REASON_SENTENCES, reason.code, reason.args, units or Units())

    def finding(self, code: str, params: Mapping[str, str], units: Units | None = None) -> str:
        """The sentence for one audit finding."""
        return self._sentence(FINDING_SENTENCES, code, params, units or Units())

    def _sentence(
        self,
        templates: Mapping[str, str],
        code: str,
        params: Mapping[str, str],
        units: Units,
    ) -> str:
        template = templates.get(code)
        if template is None:
            kind = "reason" if templates is REASON_SENTENCES else "finding"
            raise ReportError(f"no {kind} sentence for code {code!r}: add it to the catalogs")
        values = _Defaults(
            {name: self._param(code, name, value, params, units) for name, value in params.items()}
        )
        return self.gettext(template) % values

    def _param(
        self,
        code: str,
        name: str,
        value: str,
        params: Mapping[str, str],
        units: Units,
    ) -> str:
        role = PARAM_ROLES.get((code, name)) or PARAM_ROLES.get(("", name), "text")
        unit = _unit(params.get("unit", "")) or units.target
        level = units.level or unit
        if value == "":
            return "—"
        if role == "date":
            try:
                return self.date(dt.date.fromisoformat(value))
            except ValueError:
                return value
        if role == "status":
            try:
                return self.status_label(Status(value))
            except ValueError:
                return value
        if role == "bool":
            return self.gettext(N_("yes") if value == "true" else N_("no"))
        if role == "unit_name":
            return self.gettext(UNIT_NAMES[value]) if value in UNIT_NAMES else value
        if role == "progress":
            return self.gettext(PROGRESS_NAMES[value]) if value in PROGRESS_NAMES else value
        if role == "measure":
            return self.gettext(MEASURE_NAMES[value]) if value in MEASURE_NAMES else value
        if role == "comparator":
            return self.gettext(COMPARATOR_NAMES[value]) if value in COMPARATOR_NAMES else value
        if role == "int":
            return self.decimal(Decimal(value)) if _is_number(value) else value
        if role == "decimal":
            return self.decimal(Decimal(value), "#,##0.0###") if _is_number(value) else value
        if role == "ratio":
            return self.ratio(Decimal(value)) if _is_number(value) else value
        if role.startswith("outcome:"):
            named = params.get(role.partition(":")[2], "")
            role = "outcome"
            level = (units.outcome(named) if units.outcome and named else None) or level
        figure_unit = {
            "unit": unit,
            "level": level,
            "outcome": level,
            "percent": Unit.PERCENT,
            "pp": Unit.PP,
            "count": Unit.COUNT,
            "rank": Unit.RANK,
            "from": _unit(params.get("from_unit", "")),
            "to": _unit(params.get("to_unit", "")),
            "tolerance": Unit.PP if unit in (Unit.PERCENT, Unit.PP) else unit,
        }.get(role)
        if role == "text":
            return value
        classifier = units.classifier if role in ("unit", "tolerance") else None
        return self.figure(value, figure_unit, classifier)

    def figure(self, text: str, unit: Unit | None, classifier: str | None = None) -> str:
        """A figure written the reconciler's way (``>=10.6``, ``3..5``) in ``unit``; the
        text unchanged when it is not a figure or the unit is unknown."""
        quantity = _figure(text, unit, classifier) if unit is not None else None
        return text if quantity is None else self.quantity(quantity)


def _places(pattern: str) -> int:
    """The most fraction digits a babel number pattern shows."""
    positive = pattern.split(";")[0]
    return len(re.sub(r"[^0#]", "", positive.partition(".")[2]))


def _half_up(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _is_number(text: str) -> bool:
    try:
        return Decimal(text).is_finite()
    except ArithmeticError:
        return False


def _unit(text: str) -> Unit | None:
    try:
        return Unit(text)
    except ValueError:
        return None


_FIGURE = re.compile(r"(>=|<=|>|<|~|=)?(-?\d+(?:\.\d+)?)")
_RANGE_FIGURE = re.compile(r"(-?\d+(?:\.\d+)?)\.\.(-?\d+(?:\.\d+)?)")


def _figure(text: str, unit: Unit, classifier: str | None = None) -> Quantity | None:
    """A reason parameter figure (``>=10.6``, ``~3.71e8`` written plainly, ``3..5``) as a
    Quantity in ``unit``; None when it is not a figure."""
    if m := _RANGE_FIGURE.fullmatch(text):
        low, high = Decimal(m[1]), Decimal(m[2])
        return Quantity(None, unit, Comparator.RANGE, low=low, high=high, classifier=classifier)
    if m := _FIGURE.fullmatch(text):
        comparator = Comparator(m[1]) if m[1] else Comparator.EQ
        approximate = comparator is Comparator.APPROX
        return Quantity(
            Decimal(m[2]), unit, comparator, classifier=classifier, approximate=approximate
        )
    return None


@attrs.frozen
class Units:
    """The units a reason's bare figures are in: the target's, the metric's levels', and a
    lookup of the unit of an outcome by id (for figures quoted from an outcome)."""

    target: Unit | None = None
    level: Unit | None = None
    outcome: Callable[[str], Unit | None] | None = attrs.field(default=None, eq=False)
    classifier: str | None = None


class _Defaults(dict[str, str]):
    """Placeholders a sentence names but the code did not supply show as an em dash."""

    def __missing__(self, key: str) -> str:
        return "—"


__all__ = [
    "CONFIDENCE_LABELS",
    "LOCALES",
    "N_",
    "STATUS_LABELS",
    "STATUS_RULES",
    "L10n",
    "Units",
    "localiser",
    "resolve_locale",
    "translations",
]
