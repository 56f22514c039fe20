"""Coverage: which figures of each source document the specs capture, ignore, or miss.

``document_coverage`` runs ``extract_claims`` over every source text of a ledger and sorts each
claim into one of three bins:

- **captured**: some goal or outcome *of that source* has a quote that, located in the source
  text after ``textnorm.fold`` (white space, width and script folded), contains the claim's
  figure phrase, and one of the record's figures (a goal's target, stretch or part targets; an
  outcome's value, attainment or plan) is the claim's figure (``Quantity.same_figure``: the same
  unit and numbers; the comparator is not compared, since a spec may restate it);
- **ignored**: not captured, and an ``ignore`` entry of that source has a quote that, located the
  same way, contains the claim's figure phrase;
- **uncovered**: everything else: the figures a spec author still has to capture or ignore.

``hitech-targets validate --coverage`` prints ``format_coverage``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from decimal import ROUND_DOWN, Decimal

import attrs

from hitech_targets.errors import HitechTargetsError
from hitech_targets.extract import Claim, extract_claims
from hitech_targets.ledger import Ledger
from hitech_targets.model import Goal, Outcome
from hitech_targets.quantity import Quantity, decimal_str
from hitech_targets.textnorm import Normalised, fold, normalise


@attrs.frozen
class DocumentCoverage:
    """How completely the specs capture the claims of one source document."""

    source: str
    total: int
    captured: int
    ignored: int
    uncovered: tuple[Claim, ...]

    @property
    def percent(self) -> Decimal:
        """Captured plus ignored, as a percentage of all claims (100 for a text without any),
        rounded down to one decimal so that 99.95 with one claim missing never shows 100.0."""
        if self.total == 0:
            return Decimal(100)
        share = Decimal(self.captured + self.ignored) * 100 / Decimal(self.total)
        return share.quantize(Decimal("0.1"), rounding=ROUND_DOWN)


def document_coverage(ledger: Ledger) -> tuple[DocumentCoverage, ...]:
    """One DocumentCoverage per source of ``ledger``, in source id order.

    Raises ``HitechTargetsError`` for a source whose text the ledger does not hold.
    """
    result: list[DocumentCoverage] = []
    for source in ledger.sources:
        try:
            text = ledger.text(source.id)
        except KeyError:
            raise HitechTargetsError(f"{source.id}: no text loaded for {source.text}") from None
        goals = list(ledger.goals_for(source=source.id))
        outcomes = list(ledger.outcomes_for(source=source.id))
        ignores = [i.quote for i in ledger.ignores.get(source.id, ())]
        result.append(_coverage(source.id, text, goals, outcomes, ignores))
    return tuple(result)


def _coverage(
    source: str, text: str, goals: list[Goal], outcomes: list[Outcome], ignores: list[str]
) -> DocumentCoverage:
    norm = normalise(text)
    records = [(r.quote, _goal_figures(r)) for r in goals] + [
        (r.quote, _outcome_figures(r)) for r in outcomes
    ]
    record_spans = [(_spans(norm, quote), figures) for quote, figures in records]
    ignore_spans = [span for quote in ignores for span in _spans(norm, quote)]
    claims = extract_claims(text)
    captured = ignored = 0
    uncovered: list[Claim] = []
    for claim in claims:
        figure = _normal_span(norm, claim.figure_start, claim.figure_end)
        if any(
            _contains(spans, figure) and any(claim.quantity.same_figure(f) for f in figures)
            for spans, figures in record_spans
        ):
            captured += 1
        elif _contains(ignore_spans, figure):
            ignored += 1
        else:
            uncovered.append(claim)
    return DocumentCoverage(source, len(claims), captured, ignored, tuple(uncovered))


def _goal_figures(goal: Goal) -> tuple[Quantity, ...]:
    figures = [goal.target, goal.stretch, *(part.target for part in goal.parts)]
    return tuple(f for f in figures if f is not None)


def _outcome_figures(outcome: Outcome) -> tuple[Quantity, ...]:
    figures = [outcome.value, outcome.attainment, outcome.plan]
    return tuple(f for f in figures if f is not None)


def _spans(norm: Normalised, quote: str) -> list[tuple[int, int]]:
    """Every occurrence of the folded quote in the normal form of the source."""
    needle = fold(quote)
    if not needle:
        return []
    spans = []
    position = norm.text.find(needle)
    while position != -1:
        spans.append((position, position + len(needle)))
        position = norm.text.find(needle, position + 1)
    return spans


def _normal_span(norm: Normalised, start: int, end: int) -> tuple[int, int]:
    return bisect.bisect_left(norm.offsets, start), bisect.bisect_left(norm.offsets, end)


def _contains(spans: Iterable[tuple[int, int]], inner: tuple[int, int]) -> bool:
    return any(start <= inner[0] and inner[1] <= end for start, end in spans)


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _figure(claim: Claim) -> str:
    quantity = claim.quantity
    if quantity.value is None:
        number = f"{decimal_str(quantity.low)}..{decimal_str(quantity.high)}"
    else:
        sign = "" if quantity.comparator.value == "=" else quantity.comparator.value
        number = f"{sign}{decimal_str(quantity.value)}"
    return f"{number} {quantity.unit.value}"


def format_coverage(coverages: Sequence[DocumentCoverage], ledger: Ledger | None = None) -> str:
    """Per document: claims, captured, ignored, uncovered and the percentage, then each
    uncovered claim (``FILE:LINE`` when ``ledger`` is given) ready to capture or ignore."""
    lines: list[str] = []
    for coverage in coverages:
        where = coverage.source
        text = None
        if ledger is not None:
            try:
                where = ledger.source(coverage.source).text
                text = ledger.text(coverage.source)
            except KeyError:
                pass
        lines.append(
            f"{coverage.source}: {coverage.total} claims, {coverage.captured} captured, "
            f"{coverage.ignored} ignored, {len(coverage.uncovered)} uncovered "
            f"({coverage.percent}% covered)"
        )
        for claim in coverage.uncovered:
            at = f"{where}:{_line(text, claim.start)}" if text is not None else where
            quote = " ".join(claim.quote.split())
            lines.append(
                f"  uncovered {at}: {claim.kind} {claim.measure.value} {_figure(claim)}: {quote}"
            )
    total = sum(c.total for c in coverages)
    covered = sum(c.captured + c.ignored for c in coverages)
    overall = DocumentCoverage("", total, covered, 0, ())
    lines.append(f"total: {covered} of {total} claims covered ({overall.percent}%)")
    return "\n".join(lines) + "\n"
