"""Sentences of a source text, with their offsets and the headings they sit under.

Reports are written in paragraphs (one per line) whose sentences end in 。！？ or, inside
enumerations, ；. The newspaper seed comes from a PDF: lines break mid-word and characters
are spaced out (同 比 增 长). Such a text is recognised by how few of its characters sit on
lines that end in punctuation; its line breaks are then soft (a sentence runs on across them)
except before a new item marker (——, ▶, ❶, 【, •). Every sentence keeps the verbatim span of
the original text (``text[start:end]``) and its normalised form (``textnorm.normalise``:
width folded, white space removed, simplified script) for comparison.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

import attrs

from hitech_targets.textnorm import normalise

#: Characters that end a sentence; ； ends one too: enumerated tasks are separated by it.
_TERMINATORS = frozenset("。！？!?；;")
#: Closing marks that belong to the sentence they follow (……。” stays one sentence).
_CLOSERS = frozenset("”’」』）)】〕>》\"'")
#: Line endings that show a line was ended on purpose (used to recognise PDF line breaks).
_LINE_END = re.compile(r"[。！？；：”」）)!?;:]\s*$")
#: In a broken (PDF) text, a line starting with one of these starts a new item.
_ITEM_START = re.compile(r"^\s*(?:——|▶|[❶-❿①-⑩]|【|•|[一二三四五六七八九十]+、)")
_SOFT_LINES_BELOW = 0.5

_CN_NUM = "一二三四五六七八九十"
_LEVEL1 = re.compile(rf"^(?:[{_CN_NUM}]+、|【.+】$)")
_LEVEL2 = re.compile(rf"^[(（][{_CN_NUM}]+[)）]")
_LEVEL3 = re.compile(rf"^[{_CN_NUM}]是")
_LEVEL3_MAX = 24  # a 一是… heading is short: 一是项目策划有“深”度。
_BARE_HEADING_MAX = 12  # a short line without punctuation: 招商引資強磁場
#: A short line of words alone (招商引資強磁場) is a sub-heading: no digits, stops or brackets.
_BARE_HEADING = re.compile(rf"^[^0-9()（）【】。！？!?；;:：]{{2,{_BARE_HEADING_MAX}}}$")
_HAS_WORD = re.compile(r"[0-9A-Za-z\u3400-\u9fff]")


@attrs.frozen
class Sentence:
    """One sentence: its span in the original text, verbatim and normalised, and its headings.

    ``sections`` is the heading path (level 1 to 3) the sentence sits under, each heading as
    written without its final stop; ``is_heading`` marks a sentence that is itself a heading.
    """

    start: int
    end: int
    text: str
    folded: str
    sections: tuple[str, ...] = ()
    is_heading: bool = False

    @property
    def section(self) -> str:
        """The heading path as one string: ``一、2025年工作总结 · (一)强力实施项目攻坚…``."""
        return " · ".join(self.sections)


def is_broken(text: str) -> bool:
    """True for a text whose line breaks fall mid-sentence (PDF extraction)."""
    total = ended = 0
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        total += len(stripped)
        if _LINE_END.search(stripped):
            ended += len(stripped)
    return total > 0 and ended / total < _SOFT_LINES_BELOW


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the lines of ``text`` without their line break."""
    position = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        yield position, position + len(body)
        position += len(line)


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: one per line, or runs of soft-broken lines in a PDF text."""
    lines = [(s, e) for s, e in _lines(text) if text[s:e].strip()]
    if not is_broken(text):
        return lines
    blocks: list[tuple[int, int]] = []
    for start, end in lines:
        if blocks and not _ITEM_START.match(text[start:end]):
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
    return blocks


def _split_block(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence spans inside one block, white space trimmed."""
    begin = start
    index = start
    while index < end:
        if text[index] in _TERMINATORS:
            index += 1
            while index < end and text[index] in _CLOSERS:
                index += 1
            yield begin, index
            begin = index
        else:
            index += 1
    if begin < end:
        yield begin, end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _heading_level(folded: str, *, first: bool, whole_line: bool, after_list: bool) -> int:
    """0 for body text, else the heading level (1: 一、 2: (一) 3: 一是) of a sentence.

    ``after_list`` is true when the previous sentence of the paragraph ended in ； or ：, so
    that a 一是… there is an item of an enumeration, not a heading.
    """
    if first and whole_line and _LEVEL1.match(folded) and len(folded) <= 40:
        return 1
    if first and _LEVEL2.match(folded) and not folded.endswith(";"):
        return 2
    if (
        _LEVEL3.match(folded)
        and len(folded) <= _LEVEL3_MAX
        and not folded.endswith(";")
        and not after_list
    ):
        return 3
    if whole_line and _BARE_HEADING.match(folded):
        return 2
    return 0


def _heading_text(text: str) -> str:
    return " ".join(text.split()).rstrip("。；;")


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences of ``text`` in order, with offsets, normal forms and heading paths."""
    norm = normalise(text)
    offsets = norm.offsets
    broken = is_broken(text)
    path: list[str] = []
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(text):
        spans = [_trim(text, s, e) for s, e in _split_block(text, block_start, block_end)]
        spans = [(s, e) for s, e in spans if e > s]
        for position, (start, end) in enumerate(spans):
            low = bisect.bisect_left(offsets, start)
            high = bisect.bisect_left(offsets, end)
            folded = norm.text[low:high]
            if not _HAS_WORD.search(folded):
                continue
            after_list = position > 0 and text[spans[position - 1][1] - 1] in "；;：:"
            level = (
                0
                if broken
                else _heading_level(
                    folded,
                    first=position == 0,
                    whole_line=len(spans) == 1,
                    after_list=after_list,
                )
            )
            if level:
                del path[level - 1 :]
                while len(path) < level - 1:
                    path.append("")
                path.append(_heading_text(text[start:end]))
            sentences.append(
                Sentence(
                    start=start,
                    end=end,
                    text=text[start:end],
                    folded=folded,
                    sections=tuple(p for p in path if p),
                    is_heading=bool(level),
                )
            )
    return tuple(sentences)
