"""Text normalisation shared by the grammar, the extractor and the provenance check.

Normal form: NFKC per character (full-width digits and punctuation become ASCII), all white
space removed (Chinese has no word spaces; the newspaper seed breaks lines mid-phrase and spaces
characters), and optionally traditional script folded to simplified with OpenCC's character
config ``t2s`` (never a phrase config: those change vocabulary). Every normalised character keeps
the index of the original character it came from, so spans map back to the verbatim text.
"""

from __future__ import annotations

import functools
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


def _fold_char(char: str) -> str:
    if char.isspace():
        return ""
    folded = unicodedata.normalize("NFKC", char)
    return "".join(c for c in folded if not c.isspace())


def normalise(text: str, *, simplify: bool = True) -> Normalised:
    """Normalise ``text`` (width, white space, script) keeping the map back to it."""
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        if char.isascii() and not char.isspace():
            chars.append(char)
            offsets.append(index)
            continue
        for folded in _fold_char(char):
            chars.append(folded)
            offsets.append(index)
    joined = "".join(chars)
    if simplify and any(not c.isascii() for c in joined):
        converted = to_simplified(joined)
        if len(converted) != len(joined):  # a phrase mapping changed length: go char by char
            converted = "".join(to_simplified(c) or c for c in joined)
        joined = converted
    return Normalised(joined, tuple(offsets), len(text))


def fold(text: str, *, simplify: bool = True) -> str:
    """The normal form alone, for comparing two texts."""
    return normalise(text, simplify=simplify).text
