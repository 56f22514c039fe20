"""Provenance: every quote occurs in its source document and states the figures of its record.

A spec may only say what the source says. Each goal, outcome and ignore names a ``quote``; the
quote must occur in the source text after ``textnorm.fold`` (white space, width and script
folded, so a quote of a traditional-script source may be written in either script), must be at
least ``MIN_QUOTE_LENGTH`` characters long so that it points at one passage, and every figure the
record states (value, target, stretch, attainment, plan, each part's target) must be one of the
figures ``grammar.find_quantities`` reads in the quote.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import attrs

from hitech_targets.errors import Problem
from hitech_targets.grammar import _find_normalised, find_quantities
from hitech_targets.model import Origin
from hitech_targets.quantity import Quantity
from hitech_targets.textnorm import Normalised, fold, normalise, to_simplified

if TYPE_CHECKING:  # the ledger module is the same stage; imported for types only
    from hitech_targets.ledger import Ledger

#: A quote shorter than this (after folding) could point anywhere: it is refused.
MIN_QUOTE_LENGTH = 4
#: The closest passage is searched only in texts up to this length (difflib is quadratic).
_CLOSEST_LIMIT = 200_000


@attrs.frozen
class FigureCheck:
    """A figure a record states, the key it was written under, and where."""

    key: str
    quantity: Quantity
    path: str
    line: int | None
    column: int | None


@attrs.frozen
class QuoteCheck:
    """One quote to verify against a source text, with the figures it must state."""

    source: str
    quote: str
    path: str
    line: int | None
    column: int | None
    figures: tuple[FigureCheck, ...] = ()


@attrs.frozen
class SourceText:
    """A source document prepared once for many quote look-ups."""

    text: str
    normalised: Normalised

    @classmethod
    def of(cls, text: str) -> SourceText:
        return cls(text, normalise(text))


def _figure_label(quantity: Quantity) -> str:
    return quantity.text or str(quantity.point)


_Said = tuple[tuple[str, Quantity], ...]


class _QuoteMemo:
    """What was learnt about the quotes of one source (its records repeat quotes); dropped
    once the source is verified, so nothing outlives a load."""

    __slots__ = ("figures", "normal", "simplified")

    def __init__(self) -> None:
        self.normal: dict[str, Normalised] = {}
        self.figures: dict[str, _Said] = {}
        self.simplified: dict[str, _Said] = {}


def _quote_normal(quote: str, memo: _QuoteMemo) -> Normalised:
    normal = memo.normal.get(quote)
    if normal is None:
        normal = memo.normal[quote] = normalise(quote)
    return normal


def _quote_figures(quote: str, memo: _QuoteMemo) -> _Said:
    """The figures of a quote as (phrase as written, quantity)."""
    said = memo.figures.get(quote)
    if said is None:
        matches, _ = _find_normalised(quote, _quote_normal(quote, memo))
        said = memo.figures[quote] = tuple((quote[m.start : m.end], m.quantity) for m in matches)
    return said


def _simplified_figures(quote: str, memo: _QuoteMemo) -> _Said:
    """Figures the grammar reads only once the quote is in simplified script (億 → 亿 …)."""
    said = memo.simplified.get(quote)
    if said is None:
        simplified = to_simplified(quote)
        if simplified == quote or len(simplified) != len(quote):
            said = ()
        else:
            said = tuple(
                (quote[m.start : m.end], m.quantity) for m in find_quantities(simplified)
            )
        memo.simplified[quote] = said
    return said


def _closest(quote: str, source: SourceText) -> str | None:
    """The passage of the source most like the quote, verbatim, or None when none is close."""
    folded = fold(quote)
    haystack = source.normalised.text
    if not folded or not haystack or len(haystack) > _CLOSEST_LIMIT:
        return None
    matcher = difflib.SequenceMatcher(None, haystack, folded, autojunk=False)
    block = matcher.find_longest_match(0, len(haystack), 0, len(folded))
    if block.size < max(2, len(folded) // 4):
        return None
    start = max(0, block.a - block.b)
    end = min(len(haystack), start + len(folded))
    first, last = source.normalised.span(start, end)
    return " ".join(source.text[first:last].split())


def _show(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def verify(check: QuoteCheck, source: SourceText, memo: _QuoteMemo | None = None) -> list[Problem]:
    """The problems of one quote against its prepared source (empty when it is faithful)."""
    if memo is None:
        memo = _QuoteMemo()
    folded = _quote_normal(check.quote, memo).text
    if folded not in source.normalised.text:
        message = f"quote not found in source {check.source}: {_show(check.quote)!r}"
        closest = _closest(check.quote, source)
        if closest:
            message += f"; closest passage: {_show(closest)!r}"
        return [Problem(check.path, check.line, check.column, message)]
    if len(folded) < MIN_QUOTE_LENGTH:
        return [Problem(
            check.path, check.line, check.column,
            f"quote {check.quote!r} is too short to point at one passage: quote at least "
            f"{MIN_QUOTE_LENGTH} characters of the source",
        )]
    problems: list[Problem] = []
    for figure in check.figures:
        said = _quote_figures(check.quote, memo)
        if any(figure.quantity.same_figure(q) for _, q in said):
            continue
        if any(figure.quantity.same_figure(q) for _, q in _simplified_figures(check.quote, memo)):
            continue
        says = ", ".join(phrase for phrase, _ in said) or "no figure"
        problems.append(Problem(
            figure.path, figure.line, figure.column,
            f"{figure.key} {_figure_label(figure.quantity)} is not a figure of the quote; "
            f"the quote says {says}",
        ))
    return problems


def verify_all(checks: Iterable[QuoteCheck], texts: Mapping[str, str]) -> list[Problem]:
    """Verify many quotes; each source text is prepared once. Unknown sources are skipped.

    Checks are verified source by source, so that only one prepared text (and what was learnt
    about its quotes) is alive at a time; problems come back in the order of ``checks``.
    """
    by_source: dict[str, list[tuple[int, QuoteCheck]]] = {}
    for index, check in enumerate(checks):
        if check.source in texts:
            by_source.setdefault(check.source, []).append((index, check))
    found: dict[int, list[Problem]] = {}
    for source_id, group in by_source.items():
        source = SourceText.of(texts[source_id])
        memo = _QuoteMemo()
        for index, check in group:
            problems = verify(check, source, memo)
            if problems:
                found[index] = problems
    return [problem for index in sorted(found) for problem in found[index]]


def ledger_checks(ledger: Ledger) -> list[QuoteCheck]:
    """The quote checks of an already built ledger (records located by their ``origin``)."""

    def where(origin: Origin | None) -> tuple[str, int | None, int | None]:
        return (origin.path, origin.line, origin.column) if origin else ("<ledger>", None, None)

    def check(source: str, quote: str, origin: Origin | None,
              figures: Iterable[tuple[str, Quantity | None]]) -> QuoteCheck:
        path, line, column = where(origin)
        return QuoteCheck(source, quote, path, line, column, tuple(
            FigureCheck(key, quantity, path, line, column)
            for key, quantity in figures if quantity is not None
        ))

    checks = [
        check(goal.source, goal.quote, goal.origin, [
            ("target", goal.target), ("stretch", goal.stretch),
            *((f"parts[{i}].target", part.target) for i, part in enumerate(goal.parts)),
        ])
        for goal in ledger.goals
    ]
    checks.extend(
        check(outcome.source, outcome.quote, outcome.origin, [
            ("value", outcome.value), ("attainment", outcome.attainment), ("plan", outcome.plan),
        ])
        for outcome in ledger.outcomes
    )
    checks.extend(
        check(source, ignore.quote, ignore.origin, [])
        for source, ignores in sorted(ledger.ignores.items()) for ignore in ignores
    )
    return checks


def verify_ledger(ledger: Ledger) -> list[Problem]:
    """Verify every quote of a ledger built in code against ``ledger.texts``."""
    return verify_all(ledger_checks(ledger), ledger.texts)
