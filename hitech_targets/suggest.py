"""Evidence suggestions: the sentences of later sources most likely to report on a goal.

A goal's words (its quote and description, folded to simplified script, segmented with jieba,
generic words removed) are the query; the sentences of every source published after the goal's
source (and on or before ``as_of``) are the documents; BM25 (rank_bm25's ``BM25Okapi``) ranks
them. Plans (sentences under 工作要点, 工作思路, 下一步工作计划 … and the items of a 重点任务：
list), sentences about another zone (the newspaper page also covers 连云港 and 龙岩) and
sources that never name the goal's entity are not evidence and are left out. Each suggestion
says which words matched and what the sentence says about the goal (``Signal``); the suggested
status is never applied: an analyst accepts it (see ``specedit`` and ``hitech-targets suggest
--accept``) and the reconciler scores the record.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from hitech_targets.acceptance import evidence_id, evidence_record, one_line
from hitech_targets.errors import HitechTargetsError
from hitech_targets.ledger import Ledger
from hitech_targets.model import Goal, Status
from hitech_targets.quantity import Measure
from hitech_targets.segmentation import (
    DOMAIN_WORDS,
    STOP_WORDS,
    SYNONYM_WEIGHT,
    SYNONYMS,
    analyse,
    entity_stop_words,
    ledger_words,
    segmenter,
    tokenize,
)
from hitech_targets.sentences import Sentence
from hitech_targets.signals import (
    COMPLETION_WORDS,
    PROGRESS_WORDS,
    Signal,
    core_clause,
    signal_of,
)
from hitech_targets.textnorm import fold

__all__ = [
    "COMPLETION_WORDS",
    "DOMAIN_WORDS",
    "PROGRESS_WORDS",
    "STOP_WORDS",
    "SYNONYMS",
    "Signal",
    "Suggestion",
    "candidate_goals",
    "core_clause",
    "evidence_id",
    "evidence_record",
    "one_line",
    "signal_of",
    "suggest_all",
    "suggest_evidence",
    "suggest_for_year",
    "to_json",
]


#: A sentence's headings are part of its context: their own scores join its score at this
#: weight, so that among equal sentences the one under a heading about the goal comes first.
HEADING_WEIGHT = 0.5

#: Headings under which a source announces plans, not results.
_PLAN_HEADING = re.compile(r"要点|思路|计划|重点任务|预期目标|下一步|展望")
_LIST_ITEM = re.compile(r"^[一二三四五六七八九十]是")
_LIST_LEAD = re.compile(r"(?:重点任务|工作要点|工作思路|预期目标)[:：]")


@attrs.frozen
class Suggestion:
    """One ranked sentence that may report on a goal, with why it was ranked there.

    ``start``/``end`` are offsets of ``sentence`` in the source text; ``clause`` (at
    ``clause_start``/``clause_end``) is the core clause an accepted evidence record quotes.
    """

    goal_id: str
    rank: int
    score: Decimal
    source: str
    published: dt.date
    start: int
    end: int
    sentence: str
    matched: tuple[str, ...]
    signal: Signal
    suggested_status: Status | None
    section: str = ""
    clause: str = ""
    clause_start: int = 0
    clause_end: int = 0

    def to_json(self) -> dict[str, Any]:
        """The JSON contract object of ``hitech-targets suggest --format json``."""
        return {
            "goal_id": self.goal_id,
            "rank": self.rank,
            "score": str(self.score),
            "source": self.source,
            "published": self.published.isoformat(),
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "matched": list(self.matched),
            "signal": self.signal.value,
            "suggested_status": None
            if self.suggested_status is None
            else self.suggested_status.value,
        }


def _zone_names(ledger: Ledger, goal: Goal) -> list[tuple[str, str]]:
    """Unambiguous names of the goal's entity and of entities of the same kind, longest first.

    A name that is part of another entity's name (高新区 in 连云港高新区) is ambiguous and is
    not used to tell whose sentence it is.
    """
    try:
        kind = ledger.entity(goal.entity).kind
    except KeyError:
        return []
    pairs: list[tuple[str, str]] = []
    for entity in ledger.entities:
        if entity.kind != kind:
            continue
        for name in (entity.names.zh_hans, entity.names.zh_hant, *entity.aliases):
            pairs.append((fold(name), entity.id))
    all_names = [n for n, _ in pairs]
    unambiguous = [
        (name, eid)
        for name, eid in set(pairs)
        if len(name) >= 3 and not any(name != other and name in other for other in all_names)
    ]
    return sorted(unambiguous, key=lambda p: (-len(p[0]), p[0]))


def _other_zone_sentences(
    sentences: Sequence[Sentence], names: list[tuple[str, str]], entity: str
) -> set[int]:
    """Indices of sentences that follow a mention of another zone (and precede the next one)."""
    if not names:
        return set()
    pattern = re.compile("|".join(re.escape(n) for n, _ in names))
    owner = dict(names)
    context: str | None = None
    skipped: set[int] = set()
    for index, sentence in enumerate(sentences):
        mentions = [owner[m.group(0)] for m in pattern.finditer(sentence.folded)]
        if mentions:
            context = entity if entity in mentions else mentions[-1]
        if context is not None and context != entity:
            skipped.add(index)
    return skipped


def _plans(sentences: Sequence[Sentence]) -> list[bool]:
    """Which sentences announce plans rather than report results.

    Those under a plan heading (2026年主要工作思路, 下一步工作计划), and the items of a task list
    announced inside a sentence (重点任务：一是…；二是…；) up to the item that ends the list.
    """
    flags: list[bool] = []
    in_list = False
    for sentence in sentences:
        under_heading = any(_PLAN_HEADING.search(fold(h)) for h in sentence.sections)
        item = in_list and bool(_LIST_ITEM.match(sentence.folded))
        lead = bool(_LIST_LEAD.search(sentence.folded)) and sentence.folded.endswith(";")
        flags.append(under_heading or item or lead)
        if lead:
            in_list = True
        elif not item:
            in_list = False
        if item and not sentence.folded.endswith(";"):
            in_list = False
    return flags


def _query(tokenizer: Any, goal: Goal, stop: frozenset[str]) -> dict[str, float]:
    """The goal's words with their weights: its own words 1, their stock synonyms less."""
    text = fold(" ".join(p for p in (goal.quote, goal.description) if p))
    weights: dict[str, float] = {}
    for token in tokenize(tokenizer, text):
        if token not in stop:
            weights.setdefault(token, 1.0)
    for key, synonyms in SYNONYMS.items():
        if key in text.lower():
            for synonym in synonyms:
                weights.setdefault(synonym, SYNONYM_WEIGHT)
    return weights


def _as_date(as_of: dt.date | str | None) -> dt.date | None:
    if as_of is None or isinstance(as_of, dt.date):
        return as_of
    try:
        return dt.date.fromisoformat(as_of.strip())
    except ValueError:
        raise HitechTargetsError(f"as_of must be a date or 'YYYY-MM-DD', not {as_of!r}") from None


def _later_sources(ledger: Ledger, goal: Goal, as_of: dt.date | None) -> tuple[str, ...]:
    """Sources published after the goal's source and on or before ``as_of``, by id."""
    try:
        after = ledger.source(goal.source).published
    except KeyError:
        raise HitechTargetsError(f"goal {goal.id}: unknown source {goal.source!r}") from None
    return tuple(
        s.id
        for s in ledger.sources
        if s.published > after and (as_of is None or s.published <= as_of) and s.id in ledger.texts
    )


@attrs.frozen
class _Index:
    """BM25 over every sentence of a set of sources; built once per set within a call.

    ``headings[i]`` are the positions of the headings sentence ``i`` sits under; ``plan[i]``
    tells whether one of them announces plans; ``spans`` gives each source's positions.
    """

    entries: tuple[tuple[str, Sentence], ...]
    tokens: tuple[tuple[str, ...], ...]
    headings: tuple[tuple[int, ...], ...]
    plan: tuple[bool, ...]
    spans: tuple[tuple[str, int, int], ...]
    bm25: Any


def _heading_positions(sentences: Sequence[Sentence], offset: int) -> list[tuple[int, ...]]:
    """For each sentence, the positions of the heading sentences above it (not itself)."""
    stack: list[int] = []
    result: list[tuple[int, ...]] = []
    for index, sentence in enumerate(sentences):
        depth = len(sentence.sections)
        if sentence.is_heading:
            stack = stack[: max(depth - 1, 0)]
            result.append(tuple(stack))
            stack.append(offset + index)
        else:
            stack = stack[:depth]
            result.append(tuple(stack))
    return result


def _build_index(ledger: Ledger, source_ids: tuple[str, ...], words: tuple[str, ...]) -> _Index:
    from rank_bm25 import BM25Okapi  # heavy (numpy): imported on use

    entries: list[tuple[str, Sentence]] = []
    tokens: list[tuple[str, ...]] = []
    headings: list[tuple[int, ...]] = []
    spans: list[tuple[str, int, int]] = []
    for source_id in source_ids:
        analysed = analyse(ledger.text(source_id), words)
        offset = len(entries)
        spans.append((source_id, offset, offset + len(analysed.sentences)))
        headings.extend(_heading_positions(analysed.sentences, offset))
        entries.extend((source_id, s) for s in analysed.sentences)
        tokens.extend(analysed.tokens)
    bm25 = BM25Okapi([list(t) for t in tokens]) if tokens else None
    plan = tuple(
        flag for _, first, last in spans for flag in _plans([s for _, s in entries[first:last]])
    )
    return _Index(tuple(entries), tuple(tokens), tuple(headings), plan, tuple(spans), bm25)


def _rank(
    ledger: Ledger,
    goal: Goal,
    index: _Index,
    words: tuple[str, ...],
    stop: frozenset[str],
    limit: int,
) -> list[Suggestion]:
    if index.bm25 is None:
        return []
    query = _query(segmenter(words), goal, stop)
    if not query:
        return []
    own = sum(weight * index.bm25.get_scores([term]) for term, weight in query.items())
    names = _zone_names(ledger, goal)
    own_names = [n for n, eid in names if eid == goal.entity]
    skipped: set[int] = set()
    for _, first, last in index.spans:
        sentences = [s for _, s in index.entries[first:last]]
        if own_names and not any(n in s.folded for s in sentences for n in own_names):
            skipped.update(range(first, last))  # a source that never names the goal's entity
            continue
        skipped.update(first + i for i in _other_zone_sentences(sentences, names, goal.entity))
    ranked: list[tuple[float, str, int, int]] = []
    for position, (source_id, sentence) in enumerate(index.entries):
        if position in skipped or index.plan[position]:
            continue
        if own[position] <= 0 or not query.keys() & set(index.tokens[position]):
            continue
        score = float(own[position]) + HEADING_WEIGHT * sum(
            float(own[h]) for h in index.headings[position]
        )
        ranked.append((-round(score, 9), source_id, sentence.start, position))
    ranked.sort()
    return [
        _suggestion(ledger, goal, index, query, rank, -negative, position)
        for rank, (negative, _, _, position) in enumerate(ranked[:limit], start=1)
    ]


def _suggestion(
    ledger: Ledger,
    goal: Goal,
    index: _Index,
    query: Mapping[str, float],
    rank: int,
    score: float,
    position: int,
) -> Suggestion:
    source_id, sentence = index.entries[position]
    present = set(index.tokens[position])
    matched = tuple(t for t in query if t in present)
    clause, clause_start, clause_end = core_clause(sentence, matched)
    signal = signal_of(fold(clause), goal_year=goal.period.end.year, context=sentence.folded)
    return Suggestion(
        goal_id=goal.id,
        rank=rank,
        score=Decimal(repr(score)).quantize(Decimal("0.0001")),
        source=source_id,
        published=ledger.source(source_id).published,
        start=sentence.start,
        end=sentence.end,
        sentence=sentence.text,
        matched=matched,
        signal=signal,
        suggested_status=_status(goal, signal),
        section=sentence.section,
        clause=clause,
        clause_start=clause_start,
        clause_end=clause_end,
    )


def _status(goal: Goal, signal: Signal) -> Status | None:
    """What an accepted suggestion would make of a milestone goal; figures decide the others."""
    if not goal.is_milestone:
        return None
    return {Signal.COMPLETION: Status.MET, Signal.PROGRESS: Status.IN_PROGRESS}.get(signal)


def _check_limit(limit: int) -> None:
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise HitechTargetsError(f"limit must be a positive integer, not {limit!r}")


def suggest_evidence(
    ledger: Ledger,
    goal: Goal | str,
    *,
    as_of: dt.date | str | None = None,
    limit: int = 5,
) -> list[Suggestion]:
    """The ``limit`` sentences of later sources most likely to report on ``goal``, best first.

    Ties are broken by source id and position, so the order is deterministic.
    """
    return suggest_all(ledger, [goal], as_of=as_of, limit=limit).get(
        goal if isinstance(goal, str) else goal.id, []
    )


def suggest_all(
    ledger: Ledger,
    goals: Iterable[Goal | str],
    *,
    as_of: dt.date | str | None = None,
    limit: int = 5,
) -> dict[str, list[Suggestion]]:
    """Suggestions for several goals; sources are segmented and indexed once per call."""
    _check_limit(limit)
    day = _as_date(as_of)
    words = ledger_words(ledger)
    stop = STOP_WORDS | entity_stop_words(ledger, words)
    indexes: dict[tuple[str, ...], _Index] = {}
    result: dict[str, list[Suggestion]] = {}
    for item in goals:
        goal = _goal(ledger, item)
        sources = _later_sources(ledger, goal, day)
        if sources not in indexes:
            indexes[sources] = _build_index(ledger, sources, words)
        result[goal.id] = _rank(ledger, goal, indexes[sources], words, stop, limit)
    return result


def _goal(ledger: Ledger, goal: Goal | str) -> Goal:
    if isinstance(goal, Goal):
        return goal
    try:
        return ledger.goal(goal)
    except KeyError:
        raise HitechTargetsError(f"unknown goal {goal!r}") from None


def _has_outcome(ledger: Ledger, goal: Goal, as_of: dt.date | None) -> bool:
    metrics = [p.metric for p in goal.parts] or ([goal.metric] if goal.metric else [])
    if not metrics:
        return False
    return all(
        any(
            o.period.overlaps_year(goal.period.end.year)
            for o in ledger.outcomes_for(entity=goal.entity, metric=m, published_by=as_of)
        )
        for m in metrics
    )


def candidate_goals(
    ledger: Ledger,
    year: int,
    *,
    entity: str | None = None,
    as_of: dt.date | str | None = None,
) -> tuple[Goal, ...]:
    """Goals due in ``year`` that need evidence: milestones, and figures with no outcome yet.

    A goal is due in the year its period ends (a 十四五 goal in 2025), as in ``reconcile``.
    """
    day = _as_date(as_of)
    return tuple(
        g
        for g in ledger.goals_for(entity=entity)
        if g.period.end.year == year
        and (
            g.is_milestone
            or (g.measure is not Measure.MILESTONE and not _has_outcome(ledger, g, day))
        )
    )


def suggest_for_year(
    ledger: Ledger,
    year: int,
    *,
    entity: str | None = None,
    as_of: dt.date | str | None = None,
    limit: int = 5,
) -> dict[str, list[Suggestion]]:
    """Suggestions for every candidate goal of ``year`` (see ``candidate_goals``), by goal id."""
    goals = candidate_goals(ledger, year, entity=entity, as_of=as_of)
    return suggest_all(ledger, goals, as_of=as_of, limit=limit)


def to_json(suggestions: Mapping[str, Sequence[Suggestion]]) -> list[dict[str, Any]]:
    """All suggestions as contract objects, ordered by goal id then rank."""
    return [s.to_json() for goal_id in sorted(suggestions) for s in suggestions[goal_id]]
