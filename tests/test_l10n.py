"""Localisation: locale tags, figures the way each readership writes them, the catalogs."""

from __future__ import annotations

import ast
import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hypothesis import given, settings
from hypothesis import strategies as st

from hitech_targets.assessment import Reason
from hitech_targets.errors import ReportError
from hitech_targets.l10n import LOCALE_DIR, LOCALES, Units, localiser, resolve_locale
from hitech_targets.model import Status
from hitech_targets.phrases import FINDING_SENTENCES, PARAM_ROLES, REASON_SENTENCES
from hitech_targets.quantity import Comparator, Quantity, Unit

ROOT = Path(__file__).resolve().parent.parent
HANS, HANT, EN = (localiser(tag) for tag in LOCALES)


def _po(locale: str) -> Path:
    return LOCALE_DIR / locale / "LC_MESSAGES" / "hitech_targets.po"


def _catalog(locale: str):  # type: ignore[no-untyped-def]
    with _po(locale).open("rb") as handle:
        return read_po(handle, locale=locale)


# --- locale tags ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("zh_Hans_CN", "zh_Hans_CN"),
        ("zh-Hans", "zh_Hans_CN"),
        ("zh-Hans-CN", "zh_Hans_CN"),
        ("zh_CN", "zh_Hans_CN"),
        ("zh_Hant_TW", "zh_Hant_TW"),
        ("zh-Hant", "zh_Hant_TW"),
        ("zh-TW", "zh_Hant_TW"),
        ("en", "en"),
    ],
)
def test_locale_tags(tag: str, expected: str) -> None:
    assert resolve_locale(tag) == expected


@pytest.mark.parametrize("tag", ["fr", "zh_Hant_HK", "en_GB", "", "xx-!!", "zh"])
def test_unknown_locale_lists_the_valid_ones(tag: str) -> None:
    with pytest.raises(ReportError) as error:
        resolve_locale(tag)
    for valid in LOCALES:
        assert valid in str(error.value)


def test_lang_attributes() -> None:
    assert (HANS.lang, HANT.lang, EN.lang) == ("zh-Hans", "zh-Hant", "en")


# --- figures ----------------------------------------------------------------------------------


def test_money_in_yi_and_billion() -> None:
    value = Decimal("345380000000")  # 3453.8亿元, 001's 规上工业总产值
    assert HANS.amount(value, Unit.CNY) == "3,453.8亿元"
    assert HANT.amount(value, Unit.CNY) == "3,453.8億元"
    assert EN.amount(value, Unit.CNY) == "CN¥345.38 billion"


def test_money_in_wan_and_million() -> None:
    value = Decimal("16000000")  # 1600万元
    assert HANS.amount(value, Unit.CNY) == "1,600.0万元"
    assert HANT.amount(value, Unit.CNY) == "1,600.0萬元"
    assert EN.amount(value, Unit.CNY) == "CN¥16.0 million"


def test_us_dollars() -> None:
    value = Decimal("371000000")  # 約3.71億美元 in 002
    assert HANS.amount(value, Unit.USD) == "3.71亿美元"
    assert HANT.amount(value, Unit.USD) == "3.71億美元"
    assert EN.amount(value, Unit.USD) == "US$371.0 million"


def test_percent_has_one_decimal() -> None:
    for l10n in (HANS, HANT, EN):
        assert l10n.percent(Decimal("10.6")) == "10.6%"
        assert l10n.percent(Decimal("15")) == "15.0%"
        assert l10n.ratio(Decimal("1.2345")) == "123.5%"
        assert l10n.amount(Decimal("1234.5"), Unit.PERCENT) == "1,234.5%"


def test_percentage_points() -> None:
    assert HANS.amount(Decimal("2.3"), Unit.PP) == "2.3个百分点"
    assert HANT.amount(Decimal("2.3"), Unit.PP) == "2.3個百分點"
    assert EN.amount(Decimal("2.3"), Unit.PP) == "2.3 pp"


def test_signed_margins() -> None:
    assert HANS.amount(Decimal("2.6"), Unit.PP, signed=True) == "+2.6个百分点"
    assert EN.amount(Decimal("-1.25"), Unit.PP, signed=True) == "-1.3 pp"  # half up
    assert EN.amount(Decimal("0.04"), Unit.PP, signed=True) == "0.0 pp"  # no sign on zero
    assert HANS.amount(Decimal("-15"), Unit.COUNT, "家", signed=True) == "-15家"


def test_counts_keep_the_classifier_in_chinese_only() -> None:
    assert HANS.amount(Decimal(165), Unit.COUNT, "家") == "165家"
    assert HANT.amount(Decimal(165), Unit.COUNT, "个") == "165個"  # classifier in the script
    assert HANS.amount(Decimal(13), Unit.COUNT, "個") == "13个"
    assert EN.amount(Decimal(165), Unit.COUNT, "家") == "165"
    assert EN.amount(Decimal(14000), Unit.COUNT) == "14,000"


def test_other_units() -> None:
    assert HANS.amount(Decimal(2334), Unit.MU) == "2,334亩"
    assert HANT.amount(Decimal(2334), Unit.MU) == "2,334畝"
    assert EN.amount(Decimal(2334), Unit.MU) == "2,334 mu"
    assert HANS.amount(Decimal(15000), Unit.M2) == "1.5万平方米"
    assert HANT.amount(Decimal(130000), Unit.M2) == "13.0萬平方公尺"
    assert EN.amount(Decimal(15000), Unit.M2) == "15,000 m²"
    assert HANS.amount(Decimal(1), Unit.RANK) == "第1"
    assert EN.amount(Decimal(1), Unit.RANK) == "No. 1"
    assert EN.amount(Decimal(20), Unit.TIMES) == "20×"


def test_comparators_are_worded() -> None:
    at_least = Quantity(Decimal(165), Unit.COUNT, Comparator.GE, classifier="家")
    assert HANS.quantity(at_least) == "165家以上"
    assert EN.quantity(at_least) == "at least 165"
    about = Quantity(Decimal("10"), Unit.PERCENT, Comparator.APPROX, approximate=True)
    assert HANT.quantity(about) == "約10.0%"
    assert EN.quantity(about) == "about 10.0%"
    nearly = Quantity(Decimal("16000000"), Unit.CNY, Comparator.LT, approximate=True)
    assert HANS.quantity(nearly) == "近1,600.0万元"
    over = Quantity(Decimal("40"), Unit.COUNT, Comparator.GT, classifier="个")
    assert HANT.quantity(over) == "超過40個"
    span = Quantity(None, Unit.PERCENT, Comparator.RANGE, low=Decimal(3), high=Decimal(5))
    assert HANS.quantity(span) == "3.0%至5.0%"
    assert EN.quantity(span) == "3.0% to 5.0%"


def test_dates() -> None:
    day = dt.date(2022, 2, 24)
    assert HANS.date(day) == "2022年2月24日"
    assert HANT.date(day) == "2022年2月24日"
    assert EN.date(day) == "February 24, 2022"


@settings(max_examples=60, deadline=None)
@given(st.decimals(min_value=1, max_value=10**13, places=2))
def test_money_round_trips_through_the_shown_figure(value: Decimal) -> None:
    """The shown figure, read back, is the value to the precision shown (never rescaled)."""
    for l10n, words in ((HANS, {"亿": 10**8, "万": 10**4}), (EN, {"billion": 10**9})):
        text = l10n.amount(value, Unit.CNY)
        number = Decimal(re.sub(r"[^0-9.]", "", text.split()[0] if l10n is EN else text))
        scale = next((size for word, size in words.items() if word in text), 1)
        if l10n is EN and "million" in text:
            scale = 10**6
        assert abs(number * scale - value) <= Decimal("0.005") * scale


# --- sentences --------------------------------------------------------------------------------


def test_reason_sentences_format_their_figures() -> None:
    reason = Reason(
        "at_or_above_target",
        {"actual": "12.6", "target": ">=10", "comparator": ">=", "unit": "percent"},
    )
    assert HANS.reason(reason) == "结果12.6%达到目标10.0%以上。"
    assert HANT.reason(reason) == "結果12.6%達到目標10.0%以上。"
    assert EN.reason(reason) == "The result 12.6% reaches the target at least 10.0%."


def test_reason_figures_use_the_outcome_unit() -> None:
    reason = Reason("bounded_evidence", {"outcome": "o1", "value": "~371000000"})
    units = Units(outcome=lambda oid: Unit.USD if oid == "o1" else None)
    assert "約3.71億美元" in HANT.reason(reason, units)


def test_unknown_reason_code_is_an_error_not_a_raw_code() -> None:
    with pytest.raises(ReportError, match="no reason sentence for code 'made_up_code'"):
        EN.reason(Reason("made_up_code", {}))
    with pytest.raises(ReportError, match="no finding sentence"):
        EN.finding("made_up_finding", {})


def test_status_labels_are_translated() -> None:
    assert [HANS.status_label(s) for s in Status] == [
        "已完成", "未完成", "部分完成", "推进中", "待评估", "未见报告", "口径不可比",
    ]  # fmt: skip
    assert HANT.status_label(Status.IN_PROGRESS) == "推進中"
    assert EN.status_label(Status.NO_EVIDENCE) == "No evidence"


def _is_code(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and re.fullmatch(r"[a-z][a-z_]+", node.value) is not None
    )


def _emitted_reason_codes() -> set[str]:
    """Every reason code the reconciler's modules can emit, read from their source."""
    codes: set[str] = set()
    for name in ("reconcile", "verdict", "compare", "derive", "evidence"):
        path = ROOT / "hitech_targets" / f"{name}.py"
        if not path.exists():
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if called in ("Reason", "Comparison", "_named") or (
                    called == "evolve" and any(k.arg == "code" for k in node.keywords)
                ):
                    for arg in [*node.args, *(k.value for k in node.keywords if k.arg == "code")]:
                        if _is_code(arg):
                            codes.add(arg.value)  # type: ignore[attr-defined]
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "code" for t in node.targets
            ):
                for const in ast.walk(node.value):
                    if _is_code(const):
                        codes.add(const.value)  # type: ignore[attr-defined]
    return codes


def _documented_reason_codes() -> set[str]:
    """Codes in the first column of docs/status-rules.md's reason table (`a` / `b` rows too)."""
    doc = ROOT / "docs" / "status-rules.md"
    if not doc.exists():
        return set()
    codes: set[str] = set()
    for line in doc.read_text(encoding="utf-8").splitlines():
        if line.startswith("| `"):
            codes.update(re.findall(r"`([a-z][a-z_]+)`", line.split("|")[1]))
    return codes


def test_documented_codes_are_found() -> None:
    documented = _documented_reason_codes()
    if documented:
        assert {"analyst_override", "below_target", "milestone_progress"} <= documented


def test_every_reason_code_has_a_sentence() -> None:
    emitted = _emitted_reason_codes() | _documented_reason_codes()
    emitted |= {"stretch_" + s.value for s in (Status.MET, Status.MISSED, Status.NOT_COMPARABLE)}
    emitted -= {"down", "true", "record", "registry", "later_published_final", "only"}
    missing = sorted(emitted - set(REASON_SENTENCES))
    assert missing == []


def test_every_finding_code_has_a_sentence() -> None:
    from hitech_targets.audit import CODES

    assert sorted(set(CODES) - set(FINDING_SENTENCES)) == []


@pytest.mark.parametrize("locale", LOCALES)
def test_every_sentence_renders_with_its_parameters(locale: str) -> None:
    """Each sentence, given plausible values for its placeholders, renders without a gap."""
    l10n = localiser(locale)
    samples = {"date": "2025-01-11", "status": "met", "bool": "true", "int": "3"}
    for table, phrase in ((REASON_SENTENCES, l10n.reason), (FINDING_SENTENCES, None)):
        for code, template in table.items():
            names = re.findall(r"%\((\w+)\)s", template)
            params = {}
            for name in names:
                role = PARAM_ROLES.get((code, name)) or PARAM_ROLES.get(("", name), "text")
                params[name] = samples.get(role, "12.5")
            params.setdefault("unit", "percent")
            if phrase is not None:
                text = phrase(Reason(code, params))
            else:
                text = l10n.finding(code, params)
            assert "%(" not in text and "—" not in text, (code, text)
            if locale != "en":
                assert re.search(r"[\u4e00-\u9fff]", text), (code, text)


# --- catalogs ---------------------------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_catalog_is_complete(locale: str) -> None:
    catalog = _catalog(locale)
    with (LOCALE_DIR / "hitech_targets.pot").open("rb") as handle:
        template = read_po(handle)
    assert {m.id for m in template if m.id} <= {m.id for m in catalog if m.id}
    untranslated = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
    assert untranslated == []
    for table in (REASON_SENTENCES, FINDING_SENTENCES):
        for code, message in table.items():
            assert catalog.get(message) is not None, (locale, code)
            assert catalog.get(message).string, (locale, code)


@pytest.mark.parametrize("locale", LOCALES)
def test_placeholders_survive_translation(locale: str) -> None:
    for message in _catalog(locale):
        if message.id:
            wanted = sorted(re.findall(r"%\((\w+)\)s", message.id))
            assert sorted(re.findall(r"%\((\w+)\)s", message.string)) == wanted, message.id


@pytest.mark.parametrize("locale", LOCALES)
def test_compiled_catalog_matches_its_source(locale: str) -> None:
    compiled = io.BytesIO()
    write_mo(compiled, _catalog(locale))
    mo = _po(locale).with_suffix(".mo")
    assert mo.read_bytes() == compiled.getvalue(), "run scripts/build_catalogs.py"


def test_template_lists_every_message_of_the_sources() -> None:
    """The .pot is up to date: extracting from the sources (babel.cfg) finds nothing new."""
    with (ROOT / "babel.cfg").open() as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found = {
        message
        for _, _, message, _, _ in extract_from_dir(str(ROOT), method_map, options_map)
        if isinstance(message, str)
    }
    with (LOCALE_DIR / "hitech_targets.pot").open("rb") as handle:
        template = {m.id for m in read_po(handle) if m.id}
    assert found == template


def test_chinese_catalogs_are_in_their_own_script() -> None:
    """Character by character: no traditional form in zh_Hans_CN, no simplified in zh_Hant_TW."""
    from hitech_targets.textnorm import to_simplified, to_traditional

    for locale, convert in (("zh_Hans_CN", to_simplified), ("zh_Hant_TW", to_traditional)):
        for message in _catalog(locale):
            wrong = [c for c in message.string if message.id and convert(c) != c]
            assert wrong == [], (locale, message.string)
