"""Text normalisation shared by the grammar, the extractor and the provenance check.

Normal form: NFKC per character (full-width digits and punctuation become ASCII), all white
space removed (Chinese has no word spaces; the newspaper seed breaks lines mid-phrase and spaces
characters), and optionally traditional script folded to simplified with OpenCC's character
config ``t2s`` (never a phrase config: those change vocabulary). Every normalised character keeps
the index of the original character it came from, so spans map back to the verbatim text.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

import attrs


@functools.cache
def _converter(config: str) -> Any:
    import opencc  # imported on first use: keeps `import hitech_targets` fast

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional → simplified, character by character (OpenCC ``t2s``)."""
    return str(_converter("t2s").convert(text))


def to_traditional(text: str) -> str:
    """Simplified → traditional, character by character (OpenCC ``s2t``)."""
    return str(_converter("s2t").convert(text))


@attrs.frozen
class Normalised:
    """A normalised text and, for each of its characters, the index in the original text."""

    text: str
    offsets: tuple[int, ...]
    original_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text back to ``original[start:end]``."""
        if start >= len(self.offsets):
            return (self.original_length, self.original_length)
        first = self.offsets[start]
        last = self.offsets[end - 1] + 1 if end > start else first
        return (first, last)


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char.isspace():
        return ""
    folded = unicodedata.normalize("NFKC", char)
    return "".join(c for c in folded if not c.isspace())


@functools.lru_cache(maxsize=4096)
def _fold_run(run: str) -> tuple[str, tuple[int, ...] | None]:
    """Fold a run of changing characters; the offsets relative to the run, or None when the
    fold is one character for one (full-width ``，`` → ``,``)."""
    parts = [_fold_char(char) for char in run]
    folded = "".join(parts)
    if all(len(part) == 1 for part in parts):
        return folded, None
    relative = tuple(index for index, part in enumerate(parts) for _ in part)
    return folded, relative


@functools.cache
def _changing() -> re.Pattern[str]:
    """Runs of characters that per-character folding changes or drops (white space, full-width
    forms, compatibility characters) and all non-BMP characters. Every other character is kept
    as it is, so long stretches of ordinary text are copied at C speed (~10 ms to build)."""
    ranges: list[str] = []
    first = -1
    for code in range(0x10000):
        char = chr(code)
        changes = char.isspace() or unicodedata.normalize("NFKC", char) != char
        if changes and first < 0:
            first = code
        elif not changes and first >= 0:
            ranges.append(_class_range(first, code - 1))
            first = -1
    if first >= 0:
        ranges.append(_class_range(first, 0xFFFF))
    ranges.append(_class_range(0x10000, 0x10FFFF))
    return re.compile("[" + "".join(ranges) + "]+")


def _class_range(first: int, last: int) -> str:
    if first == last:
        return re.escape(chr(first))
    return f"{re.escape(chr(first))}-{re.escape(chr(last))}"


def normalise(text: str, *, simplify: bool = True) -> Normalised:
    """Normalise ``text`` (width, white space, script) keeping the map back to it."""
    chars: list[str] = []
    offsets: list[int] = []
    position = 0
    for run in _changing().finditer(text):
        start, end = run.span()
        if start > position:  # unchanged characters: copied as a block
            chars.append(text[position:start])
            offsets.extend(range(position, start))
        folded, relative = _fold_run(run.group())
        if folded:
            chars.append(folded)
            if relative is None:
                offsets.extend(range(start, end))
            else:
                offsets.extend([start + offset for offset in relative])
        position = end
    if position < len(text):
        chars.append(text[position:])
        offsets.extend(range(position, len(text)))
    joined = "".join(chars)
    if simplify and not joined.isascii():
        converted = to_simplified(joined)
        if len(converted) != len(joined):  # a phrase mapping changed length: go char by char
            converted = "".join(to_simplified(c) or c for c in joined)
        joined = converted
    return Normalised(joined, tuple(offsets), len(text))


def fold(text: str, *, simplify: bool = True) -> str:
    """The normal form alone, for comparing two texts."""
    return normalise(text, simplify=simplify).text
