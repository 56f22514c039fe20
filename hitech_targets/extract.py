"""Claim extraction: every numeric goal or outcome statement of a report, with its exact quote.

``extract_claims`` runs the quantity grammar over a whole document and keeps the figures a
reader would call a goal or a result, each with its subject (the metric as written), what it
measures, whether it is announced (goal) or reported (outcome), how firmly a goal is worded and
whether a result is preliminary. Years, dates, document numbers, ordinals, slogans and figures
that only qualify something else (10亿元以上重大项目, 百亿级) are never claims.

The analysis runs on the normal form of the text (``textnorm.normalise``: width folded, white
space removed, simplified script) so that the newspaper seed's broken lines and the traditional
seed read like the others; every span is mapped back, so ``text[claim.start:claim.end]`` is the
quote verbatim. The rules are documented in ``docs/extract.md``.
"""

from __future__ import annotations

import bisect
import re
from typing import Literal

import attrs

from hitech_targets.docstructure import Document, containing, inside_quotes
from hitech_targets.errors import QuantityError
from hitech_targets.grammar import QuantityMatch, _find_normalised
from hitech_targets.quantity import Comparator, Measure, Quantity, Strength, Unit
from hitech_targets.textnorm import Normalised

Kind = Literal["goal", "outcome"]


@attrs.frozen
class Claim:
    """One figure stated as a goal or a result.

    ``text[start:end] == quote`` (Python string indices of the text given); ``figure_start`` and
    ``figure_end`` delimit the quantity phrase itself inside the quote. ``subject`` is the metric
    as written (may be empty), ``kind`` is ``"goal"`` or ``"outcome"``, ``strength`` is set for
    goals worded with 确保 (hard) or 力争/争取/努力/奋斗 (aspirational), ``preliminary`` marks
    预计/有望/初步 figures.
    """

    start: int
    end: int
    quote: str
    subject: str
    measure: Measure
    quantity: Quantity
    kind: Kind
    strength: Strength | None = None
    preliminary: bool = False
    figure_start: int = 0
    figure_end: int = 0


# --- goal, result and measure wording -----------------------------------------------------

_GOAL_MARKERS = re.compile(
    r"力争|确保|争取|努力|奋斗目标|预期目标|目标是|目标为|下一步"
    r"|(?<![年度划])计划(?=新增|实现|完成|达到|达|投入|投资|建设|引进|培育|推动|突破|在)"
)
_STRENGTH_MARKERS = re.compile(r"确保|力争|争取|努力|奋斗")
_PRELIMINARY = re.compile(r"预计|有望|初步")
_PLAN_FIGURE = re.compile(r"(?:年度|全年|年)(?:计划|目标|任务)$")
_ATTAINMENT = re.compile(r"(?:完成|达到|达|为)了?(?:年度|全年|年|年初)?(?:计划|目标|任务)")
_SHARE = re.compile(r"占|比重|份额")
_GROWTH_SUBJECT = re.compile(r"增速|增幅|增长|增长率|增长速度")
_TIMES_GROWTH = re.compile(r"是.{0,12}的$")
_ABOUT_SHARE = re.compile(r"(?:约|大约)占[^占]{0,8}$")

# --- subjects ------------------------------------------------------------------------------

_LEADING = re.compile(
    r"^(?:其中|同时|并且|并|另外|此外|以及|及|和|与|、|——|—|目前|如今|当年|今年|去年|已|共有"
    r"|截至\d{4}年(?:底|末)?|到\d{4}年(?:底|末)?|\d{4}年(?:底|末|度)?|荣获|获得"
    r"|(?:比|较)(?:\d{4}年|去年|上年)(?:全年|同期)?|是(?=.{0,12}的$)"
    r"|奋斗目标|预期目标|目标|预计|有望|初步"
    r"|完成|实现|达到|新认定|推动|推进|加快|力争|确保|争取|努力|力促|加力|培育|全力|助力|协调"
    r"|组织|支持|持续|进一步|全面|累计|共计|共)+"
)
_TRAILING = re.compile(
    r"(?:完成|实现|达到|达|为|是|共计|共|累计|增至|升至|至|了|均|各|分别|约|新增|首次"
    r"|(?:比|较)\d{4}年|的)+$"
)
_PLAN_ONLY = re.compile(r"(?:完成|达到)?(?:年度|全年|年)?(?:计划|目标|任务)(?:的)?")
_SHARE_LEAD = re.compile(r"^(?:约|近|大约)?占(?:比)?(?:全国|全省|全市|全区|其)?")
_STREAK = re.compile(r"连续[\d一二三四五六七八九十多]+(?:年|次|届)")
_AFTER_CUT = re.compile(
    r"[、,，和及等]|获评|获得|获|入选|上榜|跻身|通过|进入|进行|完成|实现|建立|落地|开工|竣工"
    r"|入驻|洽谈|签约|参与|申报|办理|先行|解决|提供|牵头|增资|摘地|带来|开展|建设|加快|下沉"
)
_RANK_VERB = re.compile(r"位居|位列|名列|排名|排|居|列|进入|升至")
_SCOPE = re.compile(r"(?:全国|全省|全市|全区|全球|省|市|行业)$")
_SPLIT = re.compile(r"[、和及]")
_ARTICLE = re.compile(r"一[^\d]{1,2}")
_RESPECTIVELY = re.compile(r"分别[^、和及]{0,4}$")
_DISTRIBUTES = re.compile(r"(?:(?<![平年人户])均|各|分别)[^、和及]{0,4}$")
_LIST_CUTS = "、,，和及等"
_JOINERS = "、和及与"

_QUALIFIER_UNITS = frozenset({Unit.CNY, Unit.USD, Unit.M2, Unit.MU})
_AFTER_SUBJECT_UNITS = frozenset({Unit.COUNT, Unit.CNY, Unit.USD, Unit.M2, Unit.MU})


@attrs.frozen
class _Figure:
    """A quantity match with its span in the normal form."""

    match: QuantityMatch
    start: int
    end: int


def extract_claims(text: str) -> list[Claim]:
    """Every numeric goal or outcome statement of ``text``, in document order.

    Never raises on a string: text the grammar cannot normalise yields no claims.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    try:
        matches, norm = _find_normalised(text)
    except QuantityError:
        return []
    figures = [
        _Figure(m, _index(norm, m.start), _index(norm, m.end)) for m in matches if m.end > m.start
    ]
    doc = Document.build(text, norm)
    figures = [f for f in figures if not _never_a_claim(f, doc)]
    figures = _drop_subject_counts(figures, doc)
    claims: list[Claim] = []
    by_clause: dict[tuple[int, int], list[_Figure]] = {}
    for figure in figures:
        by_clause.setdefault(containing(doc.clauses, figure.start), []).append(figure)
    for clause, inside in sorted(by_clause.items()):
        claims.extend(_clause_claims(inside, clause, doc, claims))
    unique = {(c.start, c.end, c.figure_start, c.subject): c for c in claims}
    return sorted(unique.values(), key=lambda c: (c.figure_start, c.start, c.end, c.subject))


def _index(norm: Normalised, original: int) -> int:
    return bisect.bisect_left(norm.offsets, original)


# --- what is never a claim ------------------------------------------------------------------


def _never_a_claim(figure: _Figure, doc: Document) -> bool:
    n = doc.n
    quantity = figure.match.quantity
    phrase = n[figure.start : figure.end]
    if inside_quotes(doc.quoted, figure.start):
        return True  # “四个意识”, “打造一个产业载体…”: slogans and titles
    if quantity.classifier == "类":
        return True  # 二类事业单位, 四类产业平台: categories, not counts
    if _ARTICLE.fullmatch(phrase):
        return True  # 一支队伍, 一份成绩单: the article "a"
    if (
        n[max(0, figure.start - 2) : figure.start] in ("连续", "先后")
        and quantity.classifier == "次"
    ):
        return True  # 连续五次, 先后3次: a streak, not a result
    if n[figure.end : figure.end + 2] == "规定":
        return True  # 八项规定
    following = n[figure.end : figure.end + 1]
    return (
        quantity.unit in _QUALIFIER_UNITS
        and phrase.endswith(("以上", "以下"))
        and bool(following)
        and _is_cjk(following)
        and following != "的"
    )  # 10亿元以上重大项目, 亿元以上项目: a class of things


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


def _drop_subject_counts(figures: list[_Figure], doc: Document) -> list[_Figure]:
    """Drop a count that is part of the next figure's subject (12个省重点项目完成投资189.35亿元)."""
    kept: list[_Figure] = []
    for index, figure in enumerate(figures):
        following = figures[index + 1] if index + 1 < len(figures) else None
        if (
            following is not None
            and figure.match.quantity.unit is Unit.COUNT
            and containing(doc.clauses, figure.start) == containing(doc.clauses, following.start)
            and "、" not in doc.n[figure.end : following.start]
            and doc.n[following.start - 1 : following.start] not in tuple(_JOINERS)
            and following.start > figure.end
        ):
            continue
        kept.append(figure)
    return kept


# --- claims of one clause -------------------------------------------------------------------


def _clause_claims(
    figures: list[_Figure], clause: tuple[int, int], doc: Document, earlier: list[Claim]
) -> list[Claim]:
    n = doc.n
    claims: list[Claim] = []
    segment = clause[0]
    respective: list[tuple[str, int]] = []  # subjects of a 分别 list still to hand out
    starts: list[int] = []  # normal-form quote start of each claim of this clause
    for index, figure in enumerate(figures):
        limit = figures[index + 1].start if index + 1 < len(figures) else clause[1]
        before_start = _skip_leading(n, segment, figure.start)
        before = n[before_start : figure.start]
        after = n[figure.end : limit]
        quantity = figure.match.quantity
        measure = _measure(figure, n[clause[0] : figure.start], before, after)
        if _ABOUT_SHARE.search(before) and quantity.comparator is Comparator.EQ:
            quantity = attrs.evolve(quantity, comparator=Comparator.APPROX, approximate=True)
        quote_start, quote_end = before_start, figure.end
        subject_after = _subject_after(quantity, measure, after)
        if subject_after is not None:
            subject = subject_after
            quote_end = figure.end + after.index(subject_after) + len(subject_after)
        else:
            subject = _clean_subject(before, measure)
        parts = _shared_subjects(before, subject, measure, subject_after is not None)
        listed = _list_length(figures, index, n)
        if _RESPECTIVELY.search(before) and listed > 1:
            pieces = _respective(before, subject, listed)
            respective = [(p, before_start + o) for p, o in pieces[1:]]
            parts = pieces[:1] or parts
        elif respective and not subject and n[figure.start - 1 : figure.start] in _JOINERS:
            subject, quote_start = respective.pop(0)
            parts = [(subject, -1)]
        if before == "的" and claims:
            quote_start = starts[-1]  # 完成年计划710亿元的89.4%: quote the plan with its share
        if not subject:
            previous = _previous(figure, doc, claims) or _previous(figure, doc, earlier)
            if previous is not None:
                parts = [(previous.subject, -1)]
                if measure is Measure.LEVEL and previous.quantity.unit is quantity.unit:
                    measure = previous.measure  # 确保增长12%,力争14%: the tiers share a measure
        for number, (part_subject, part_offset) in enumerate(parts):
            start = quote_start + part_offset if number and part_offset >= 0 else quote_start
            written = _written(doc, part_subject, before_start, quote_end)
            claims.append(_claim(doc, figure, quantity, measure, written, start, quote_end))
            starts.append(start)
        segment = quote_end
    return claims


def _respective(before: str, subject: str, count: int) -> list[tuple[str, int]]:
    """The ``count`` subjects of 甲、乙分别增长6%、8%, with their offsets in ``before``."""
    base = before.find(subject)
    for splitter in ("、", "[、和及]"):
        pieces = re.split(splitter, subject)
        if len(pieces) == count and all(pieces):
            offsets, position = [], 0
            for piece in pieces:
                offsets.append(base + position)
                position += len(piece) + 1
            return list(zip(pieces, offsets, strict=True))
    return []


def _list_length(figures: list[_Figure], index: int, n: str) -> int:
    """How many figures from ``index`` on form a list (6%、8%以上)."""
    length = 1
    while index + length < len(figures):
        gap = n[figures[index + length - 1].end : figures[index + length].start]
        if gap not in tuple(_JOINERS):
            break
        length += 1
    return length


def _written(doc: Document, subject: str, start: int, end: int) -> str:
    """The subject in the script and width of the original (white space removed)."""
    found = doc.n.find(subject, start, end) if subject else -1
    if found < 0:
        return subject
    first, last = doc.original(found, found + len(subject))
    return "".join(doc.text[first:last].split())


def _skip_leading(n: str, start: int, end: int) -> int:
    while start < end and n[start] in _JOINERS + "——(（":
        start += 1
    for filler in ("其中", "同时", "此外", "另外"):
        if n.startswith(filler, start) and start + len(filler) < end:
            start += len(filler)
    return start


def _measure(figure: _Figure, clause_before: str, before: str, after: str) -> Measure:
    quantity, change = figure.match.quantity, figure.match.change
    if quantity.unit is Unit.RANK:
        return Measure.RANK
    if quantity.unit is Unit.PP or change is not None:
        return Measure.GROWTH
    if quantity.unit is Unit.TIMES:
        return Measure.GROWTH if _TIMES_GROWTH.search(before) else Measure.LEVEL
    if quantity.unit is Unit.PERCENT:
        if _ATTAINMENT.search(clause_before):
            return Measure.ATTAINMENT
        if _SHARE.search(clause_before) or after.startswith("的"):
            return Measure.SHARE
        if _GROWTH_SUBJECT.search(before):
            return Measure.GROWTH
    return Measure.LEVEL


def _subject_after(quantity: Quantity, measure: Measure, after: str) -> str | None:
    """The subject when it follows the figure (新增8家省级企业技术中心), else None."""
    if not after:
        return None
    if measure is Measure.SHARE and after.startswith("的"):
        tail = after[1:]
    elif quantity.unit in _AFTER_SUBJECT_UNITS and (
        _is_cjk(after[0]) or after[0] == "“" or (after[0].isdigit() and _is_cjk(after[-1]))
    ):  # a digit here starts a qualifier: 40个10亿元以上重大项目
        if after[0] in "的等":
            return None
        tail = after
    else:
        return None
    depth = 0
    for index, char in enumerate(tail):
        depth += {"“": 1, "”": -1}.get(char, 0)
        if depth == 0 and index > 0 and _AFTER_CUT.match(tail, index):
            if index <= 2 and tail[index] not in _LIST_CUTS:  # 企业获市专利奖: 企业 says little
                return _up_to_list(tail)
            return tail[:index]
    return tail


def _up_to_list(tail: str) -> str:
    for index, char in enumerate(tail):
        if char in _LIST_CUTS:
            return tail[:index]
    return tail


def _clean_subject(before: str, measure: Measure) -> str:
    subject = _TRAILING.sub("", _LEADING.sub("", before))
    if measure is Measure.SHARE:
        subject = _SHARE_LEAD.sub("", subject)
    if measure is Measure.RANK:
        subject = _STREAK.sub("", subject)
        verb = _RANK_VERB.search(subject)
        if verb:
            subject = subject[: verb.start()] if verb.start() > 0 else subject[verb.end() :]
        subject = _TRAILING.sub("", _SCOPE.sub("", subject))
        subject = _SCOPE.sub("", subject)
    if _PLAN_ONLY.fullmatch(subject):
        return ""  # 完成年度计划116.02%: the subject is the figure planned
    return subject.strip("、,，")


def _previous(figure: _Figure, doc: Document, earlier: list[Claim]) -> Claim | None:
    """The previous claim of the same sentence that has a subject (…833.02亿元,同比增长10.6%)."""
    sentence = doc.sentence(figure.start)
    start = doc.original(sentence[0], sentence[0] + 1)[0]
    for claim in reversed(earlier):
        if claim.figure_start < start:
            break
        if claim.subject:
            return claim
    return None


def _shared_subjects(
    before: str, subject: str, measure: Measure, after: bool
) -> list[tuple[str, int]]:
    """Split 事故起数、死亡人数均… or 各新增1家 into one subject each, with their offsets.

    Only for growth, share and rank figures, or when 均/各/分别 distributes the figure; never
    across 等 (an enumeration of examples names one group).
    """
    distributes = _DISTRIBUTES.search(before) is not None
    if (
        after
        or not subject
        or "等" in subject
        or not _SPLIT.search(subject)
        or not (distributes or measure in (Measure.GROWTH, Measure.SHARE, Measure.RANK))
    ):
        return [(subject, before.find(subject) if subject else -1)]
    parts: list[tuple[str, int]] = []
    base = before.find(subject)
    offset = 0
    for piece in _SPLIT.split(subject):
        if piece:
            parts.append((piece, base + offset if base >= 0 else -1))
        offset += len(piece) + 1
    return parts


def _claim(
    doc: Document,
    figure: _Figure,
    quantity: Quantity,
    measure: Measure,
    subject: str,
    start: int,
    end: int,
) -> Claim:
    n = doc.n
    original_start, original_end = doc.original(start, end)
    sentence = doc.sentence(figure.start)
    before_in_sentence = n[sentence[0] : figure.start]
    plan_figure = (
        figure.match.quantity.unit is not Unit.PERCENT
        and _PLAN_FIGURE.search(n[max(0, figure.start - 4) : figure.start]) is not None
        and n[figure.end : figure.end + 1] == "的"
    )
    goal = (
        doc.in_plan(figure.start)
        or plan_figure
        or _GOAL_MARKERS.search(before_in_sentence) is not None
    )
    kind: Kind = "goal" if goal else "outcome"
    return Claim(
        start=original_start,
        end=original_end,
        quote=doc.text[original_start:original_end],
        subject=subject,
        measure=measure,
        quantity=quantity,
        kind=kind,
        strength=_strength(before_in_sentence) if goal else None,
        preliminary=bool(_PRELIMINARY.search(before_in_sentence)),
        figure_start=figure.match.start,
        figure_end=figure.match.end,
    )


def _strength(before: str) -> Strength | None:

    markers = _STRENGTH_MARKERS.findall(before)
    if not markers:
        return None
    return Strength.HARD if markers[-1] == "确保" else Strength.ASPIRATIONAL
