"""A report's structure for claim extraction: clauses, sentences, quotes, plan/result sections."""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Sequence

import attrs

from hitech_targets.textnorm import Normalised, normalise

#: Characters that end a clause (list commas 、 do not: they separate list items in a clause).
_CLAUSE_STOPS = frozenset("，,。；;：:！？!?❶❷❸❹❺❻❼❽❾❿•▶【】")
#: Characters that end a sentence: the scope of 力争, 确保, 预计 ….
_SENTENCE_STOPS = frozenset("。；;！？!?❶❷❸❹❺❻❼❽❾❿•▶【】")
_NEWLINE = re.compile("\n")
_LINE_END = re.compile(r"[。！？；：”」）)!?;:]\s*$")

_HEADING = re.compile(r"^[一二三四五六七八九十]+、(?P<title>.{1,40})$")
_PLAN_WORDS = re.compile(r"要点|思路|计划|任务|目标|安排|打算")
_RESULT_WORDS = re.compile(r"总结|成效|回顾|成绩|情况")
_INLINE_PLAN = re.compile(r"(?:重点任务|主要任务|工作要点|预期目标)[:：]")
_INLINE_RESULT = re.compile(r"【数读")
_QUOTED_MAX = 60  # a quoted slogan or title is at most this long


@attrs.frozen
class Document:
    """The normal form with its clauses, sentences, quoted spans and section modes."""

    text: str
    norm: Normalised
    clauses: tuple[tuple[int, int], ...]
    sentences: tuple[tuple[int, int], ...]
    quoted: tuple[tuple[int, int], ...]
    plan_marks: tuple[tuple[int, bool], ...]  # (normal index, True for a plan section)

    @classmethod
    def build(cls, text: str, norm: Normalised) -> Document:
        broken = _is_broken(text)
        breaks = frozenset() if broken else _paragraph_breaks(text, norm)
        return cls(
            text=text,
            norm=norm,
            clauses=_spans(norm.text, _CLAUSE_STOPS, breaks),
            sentences=_spans(norm.text, _SENTENCE_STOPS, breaks),
            quoted=_quoted(norm.text),
            plan_marks=_plan_marks(text, norm, broken),
        )

    @property
    def n(self) -> str:
        return self.norm.text

    def sentence(self, index: int) -> tuple[int, int]:
        return containing(self.sentences, index)

    def in_plan(self, index: int) -> bool:
        marks = self.plan_marks
        before = bisect.bisect_right(marks, (index, True))  # every mark at or before index
        return marks[before - 1][1] if before else False

    def original(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.span(start, end)


def _is_broken(text: str) -> bool:
    """True for PDF text whose line breaks fall mid-sentence (the newspaper seed)."""
    total = ended = 0
    for line in text.splitlines():
        stripped = line.strip()
        if stripped:
            total += len(stripped)
            ended += len(stripped) if _LINE_END.search(stripped) else 0
    return total > 0 and ended / total < 0.5


def _paragraph_breaks(text: str, norm: Normalised) -> frozenset[int]:
    """Normal indices that start a new line (for a text whose lines are paragraphs)."""
    offsets = norm.offsets
    size = len(offsets)
    breaks: set[int] = set()
    for newline in _NEWLINE.finditer(text):
        # a newline leaves no normal character: the next one is the first with a later offset
        index = bisect.bisect_right(offsets, newline.start())
        if 0 < index < size:
            breaks.add(index)
    return frozenset(breaks)


def _spans(n: str, stops: frozenset[str], breaks: frozenset[int]) -> tuple[tuple[int, int], ...]:
    """Spans of ``n`` cut at every stop character (dropped) and before every break index."""
    stop_at = {found.start() for found in _stop_pattern(stops).finditer(n)}
    spans: list[tuple[int, int]] = []
    begin = 0
    for index in sorted(stop_at.union(breaks)):
        if index in breaks and index > begin:
            spans.append((begin, index))
            begin = index
        if index in stop_at:
            if index > begin:
                spans.append((begin, index))
            begin = index + 1
    if begin < len(n):
        spans.append((begin, len(n)))
    return tuple(spans)


@functools.cache
def _stop_pattern(stops: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(char) for char in sorted(stops)) + "]")


def containing(spans: Sequence[tuple[int, int]], index: int) -> tuple[int, int]:
    """The span of sorted ``spans`` that contains ``index``, else the empty span at it."""
    position = bisect.bisect_right(spans, (index, len(spans) + 10**9)) - 1
    if position >= 0 and spans[position][0] <= index < spans[position][1]:
        return spans[position]
    return (index, index)


def _quoted(n: str) -> tuple[tuple[int, int], ...]:
    """Spans inside “…” and 《…》 (slogans and titles), at most 60 characters, within a sentence."""
    spans: list[tuple[int, int]] = []
    for opening, closing in (("“", "”"), ("《", "》"), ("「", "」")):
        for found in re.finditer(re.escape(opening), n):
            end = n.find(closing, found.end(), found.end() + _QUOTED_MAX)
            if end != -1 and "。" not in n[found.end() : end]:
                spans.append((found.end(), end))
    return tuple(sorted(spans))


def _plan_marks(text: str, norm: Normalised, broken: bool) -> tuple[tuple[int, bool], ...]:
    """Where plan sections (工作要点, 工作思路, 重点任务 …) and result sections begin; headings
    are lines, so a PDF text (``broken``) has inline marks only."""
    marks: list[tuple[int, bool]] = []
    if not broken:
        position = 0
        for line in text.splitlines(keepends=True):
            heading = _HEADING.match(normalise(line).text) if _may_be_heading(line) else None
            if heading:
                title = heading.group("title")
                plan = bool(_PLAN_WORDS.search(title)) and not _RESULT_WORDS.search(title)
                start = bisect.bisect_left(norm.offsets, position)
                marks.append((start, plan))
            position += len(line)
    for found in _INLINE_PLAN.finditer(norm.text):
        marks.append((found.start(), True))
    for found in _INLINE_RESULT.finditer(norm.text):
        marks.append((found.start(), False))
    return tuple(sorted(marks))


_HEADING_FIRST = frozenset("一二三四五六七八九十")
_HEADING_COMMA = re.compile("[\u3001\ufe11\ufe51\uff64]")


def _may_be_heading(line: str) -> bool:
    """Cheap pre-check for ``_HEADING``: the line has a 、 (or a form NFKC folds to 、) and its
    first character in normal form is a numeral 一…十 (compatibility forms such as ⼀ or ㊀
    fold to one; OpenCC maps no other character to these), so other lines need not be
    normalised."""
    if _HEADING_COMMA.search(line) is None:
        return False
    for char in line:
        folded = _fold_first(char)
        if folded:
            return folded in _HEADING_FIRST
    return False


@functools.lru_cache(maxsize=4096)
def _fold_first(char: str) -> str:
    """The first character ``char`` folds to in normal form before OpenCC ("" for white space)."""
    if char.isspace():
        return ""
    return "".join(unicodedata.normalize("NFKC", char).split())[:1]


def inside_quotes(spans: tuple[tuple[int, int], ...], index: int) -> bool:
    """True when ``index`` falls inside one of the quoted spans (``Document.quoted``)."""
    first = bisect.bisect_left(spans, (index - _QUOTED_MAX, 0))
    last = bisect.bisect_right(spans, (index, len(spans) + 10**9))
    return any(start <= index < end for start, end in spans[first:last])
