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
import enum
import functools
import itertools
import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from hitech_targets.errors import HitechTargetsError
from hitech_targets.ledger import Ledger
from hitech_targets.model import Goal, Status
from hitech_targets.quantity import Measure
from hitech_targets.sentences import Sentence, split_sentences
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


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


#: Words that carry no meaning of their own in a zone's report (every goal 推进s and 加快s
#: something in the 高新区): removed from the query side only, so that BM25 ranks on what a
#: goal is about. Sentences keep every word (their length normalisation stays honest).
STOP_WORDS: frozenset[str] = frozenset(
    _words(
        """推进 推动 建设 加快 加大 加强 强化 深化 持续 全面 积极 提升 不断 着力 坚持 实施 开展
    支持 工作 重点 全力 大力 努力 力争 争取 一批 进一步 发展 高新区 高新 火炬 厦门
    扎实 切实 有效 尽快 尽早 快速 不断 更加 形成 一是 二是 三是 四是 五是 六是 打造 助力
    继续 保持 做好 落实 围绕 聚焦 提高 相关 各类 我市 全市 年度 一步 新增 以上 全年 超过"""
    )
)

#: Domain terms jieba's dictionary lacks; added to the segmenter (with the registries' metric
#: and entity names) so that 专精特新 or 知识产权 stay one word.
DOMAIN_WORDS: tuple[str, ...] = tuple(
    _words(
        """专精特新 小巨人 独角兽 瞪羚企业 知识产权 示范园区 智能制造 智改数转 益企服务 金砖
    人工智能 孵化器 众创空间 增资扩产 产业链 供应链 创新券 研发机构 重点项目 招商引资
    高新技术企业 国家级高企 单项冠军 卓越工厂 智能工厂 零碳园区 绿色工厂 上市企业 开源芯片
    创新赋能中心 科技小巨人 专业孵化器 公共服务平台 数字经济 软件园 同翔高新城 项目招引
    创新融合 自身建设 发展动能 发展后劲 发展质效 发展环境 发展合力"""
    )
)

#: The report genre's stock pairings: a goal worded with the key is reported in the other words
#: (a 项目招引 task comes back as 招商引资 and 签约; 自身建设 as 党建, 干部 and 廉洁). They join
#: the query at ``SYNONYM_WEIGHT`` of a goal's own words.
SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "招引": ("招商", "引资", "签约"),
    "项目建设": ("重点项目", "完成投资", "开工"),
    "创新融合": ("科技创新", "产业创新", "成果转化", "创新生态"),
    "自身建设": ("党建", "从严治党", "干部", "廉洁", "全面建设", "强基固本"),
    "益企服务": ("企业服务", "助企"),
    "发展环境": ("营商环境",),
    "ipo": ("上市",),
    "智能化改造": ("智改数转", "智能制造"),
    "孵化器": ("孵化",),
}
SYNONYM_WEIGHT = 0.5
#: A sentence's headings are part of its context: their own scores join its score at this
#: weight, so that among equal sentences the one under a heading about the goal comes first.
HEADING_WEIGHT = 0.5

#: Headings under which a source announces plans, not results.
_PLAN_HEADING = re.compile(r"要点|思路|计划|重点任务|预期目标|下一步|展望")
#: A token starting with the measure word 个 (个市 of 31个市重点项目) is a segmentation slip.
_CLASSIFIERS = frozenset("个")
_LIST_ITEM = re.compile(r"^[一二三四五六七八九十]是")
_LIST_LEAD = re.compile(r"(?:重点任务|工作要点|工作思路|预期目标)[:：]")
_LONG_WORD = 4
_TOKEN_OK = re.compile(r"^[A-Za-z\u3400-\u9fff][A-Za-z\u3400-\u9fff·+-]*$")


class Signal(enum.Enum):
    """What a sentence says about a goal: it is done, it is under way, or it is only named."""

    COMPLETION = "completion"
    PROGRESS = "progress"
    MENTION = "mention"


#: Words that report a thing as done (searched in the folded core clause).
COMPLETION_WORDS: tuple[str, ...] = tuple(
    _words(
        """建成 发行 获批 入选 入围 落地 竣工 投用 投产 完成 上市 获评 荣获 上榜 跻身 成立 设立 出台
    印发 收官 通过认定 通过国家 认定为 获得"""
    )
)
#: Words that report a thing as under way.
PROGRESS_WORDS: tuple[str, ...] = tuple(
    _words(
        """推进 加快 受理 启动 开工 编制 推动 开展 在建 封顶 加速 筹建 试点 培育 签约 申报
    创建"""
    )
)
#: Words that make a sentence a plan rather than a report: no status is suggested from it.
_PLAN_CUES = re.compile(
    r"力争|争取|(?<![年度])计划(?!\d)|拟|下一步|重点任务|预期目标"
    r"|将(?:坚持|继续|推动|推进|加快|着力|全面|认真|进一步|努力|大力)"
)
_COMPLETION = re.compile(
    "|".join(re.escape(w) for w in COMPLETION_WORDS)
    + r"|获[^，。；,;]{0,8}(?:奖|称号|认定|认证)"  # 获…二等奖, 获…认证
)
_PROGRESS = re.compile("|".join(re.escape(w) for w in PROGRESS_WORDS))
_YEAR = re.compile(r"(20\d\d)年")
_CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?]")


def signal_of(folded: str, *, goal_year: int | None = None, context: str | None = None) -> Signal:
    """The signal of a folded clause: completion words win over progress words.

    A plan (力争, 下一步 …) or a sentence that only speaks of years before the goal's is a
    mention: it cannot show that the goal was met. ``context`` is the whole folded sentence
    the clause comes from (plans and years are read there; the signal words in the clause).
    """
    around = folded if context is None else context
    if _PLAN_CUES.search(around):
        return Signal.MENTION
    years = [int(y) for y in _YEAR.findall(around)]
    if goal_year is not None and years and max(years) < goal_year:
        return Signal.MENTION
    if _COMPLETION.search(folded):
        return Signal.COMPLETION
    if _PROGRESS.search(folded):
        return Signal.PROGRESS
    return Signal.MENTION


def core_clause(sentence: Sentence, matched: Sequence[str]) -> tuple[str, int, int]:
    """The clauses of ``sentence`` from the first to the last holding a matched word.

    Returns the clause verbatim with its offsets in the source text; the whole sentence
    (without its final stop) when no clause holds a word on its own.
    """
    text = sentence.text
    bounds = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(text))]
    if bounds[-1] != len(text):
        bounds.append(len(text))
    clauses = list(itertools.pairwise(bounds))
    hits = [
        i for i, (s, e) in enumerate(clauses) if any(w in fold(text[s:e]).lower() for w in matched)
    ]
    first, last = (hits[0], hits[-1]) if hits else (0, len(clauses) - 1)
    start, end = clauses[first][0], clauses[last][1]
    while end > start and (text[end - 1].isspace() or _CLAUSE_BREAK.match(text[end - 1])):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return text[start:end], sentence.start + start, sentence.start + end


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


@functools.cache
def _segmenter(words: tuple[str, ...]) -> Any:
    """A jieba tokenizer of its own (the global one stays untouched) knowing ``words``."""
    import jieba  # heavy: imported on use

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in words:
        tokenizer.add_word(word)
    return tokenizer


def _search_words(tokenizer: Any, folded: str) -> Iterator[str]:
    """jieba's search mode, plus the four-character words inside longer words.

    Search mode yields the two- and three-character dictionary words inside a long word only:
    a registry name such as 省市重点项目完成投资 would hide 重点项目 and 完成投资.
    """
    for token in tokenizer.cut_for_search(folded):
        yield token
        if len(token) > _LONG_WORD:
            for start in range(len(token) - _LONG_WORD + 1):
                inner = token[start : start + _LONG_WORD]
                if tokenizer.FREQ.get(inner):
                    yield inner


def _tokens(tokenizer: Any, folded: str) -> tuple[str, ...]:
    """Search-mode words of a folded text: CJK or Latin words of two characters or more."""
    return tuple(
        token.lower()
        for token in _search_words(tokenizer, folded)
        if len(token) >= 2 and _TOKEN_OK.match(token) and token[0] not in _CLASSIFIERS
    )


@attrs.frozen
class _Analysed:
    sentences: tuple[Sentence, ...]
    tokens: tuple[tuple[str, ...], ...]


@functools.lru_cache(maxsize=32)
def _analyse(text: str, words: tuple[str, ...]) -> _Analysed:
    """Split and segment one source text (cached: each source is segmented once)."""
    tokenizer = _segmenter(words)
    sentences = split_sentences(text)
    return _Analysed(sentences, tuple(_tokens(tokenizer, s.folded) for s in sentences))


def _ledger_words(ledger: Ledger) -> tuple[str, ...]:
    names: set[str] = set(DOMAIN_WORDS)
    for key, synonyms in SYNONYMS.items():
        names.update((key, *synonyms))
    for metric in ledger.metrics:
        names.update((metric.names.zh_hans, metric.names.zh_hant, *metric.aliases))
    for entity in ledger.entities:
        names.update((entity.names.zh_hans, entity.names.zh_hant, *entity.aliases))
    folded = {fold(n) for n in names}
    return tuple(sorted(w for w in folded if 2 <= len(w) <= 12 and _TOKEN_OK.match(w)))


_SHORT_NAME = 5


def _entity_stop_words(ledger: Ledger, words: tuple[str, ...]) -> frozenset[str]:
    """Entity names and their parts (高新区 gives 新区 too): who, not what, a goal is about."""
    tokenizer = _segmenter(words)
    names: set[str] = set()
    for entity in ledger.entities:
        for name in (entity.names.zh_hans, entity.names.zh_hant, *entity.aliases):
            folded = fold(name)
            names.add(folded.lower())
            if len(folded) <= _SHORT_NAME:  # parts of long names (产业, 技术) mean something
                names.update(_tokens(tokenizer, folded))
    return frozenset(names)


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
    for token in _tokens(tokenizer, text):
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
        analysed = _analyse(ledger.text(source_id), words)
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
    query = _query(_segmenter(words), goal, stop)
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
    words = _ledger_words(ledger)
    stop = STOP_WORDS | _entity_stop_words(ledger, words)
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


def one_line(text: str) -> str:
    """``text`` on one line: white space dropped except between two Latin letters or digits."""
    words = text.split()
    out = words[0] if words else ""
    for word in words[1:]:
        joiner = " " if out[-1:].isascii() and out[-1:].isalnum() and word[0].isascii() else ""
        out += joiner + word
    return out


def evidence_id(goal: Goal, source_id: str) -> str:
    """``<source id>.evidence.<goal slug>``: the id of an accepted suggestion's record."""
    prefix = goal.source + "."
    slug = goal.id[len(prefix) :] if goal.id.startswith(prefix) else goal.id
    return f"{source_id}.evidence.{slug}"


def evidence_record(
    goal: Goal,
    suggestion: Suggestion,
    *,
    progress: str | None = None,
    entity: str | None = None,
) -> dict[str, str]:
    """The Outcome record an accepted suggestion becomes, as spec-file strings.

    ``progress`` defaults to what the signal says (completion → completed, progress →
    in_progress); a mere mention has none and must be given. ``entity`` is written only when
    the spec's default entity is not the goal's (pass the goal's entity then).
    """
    if progress is None:
        progress = {Signal.COMPLETION: "completed", Signal.PROGRESS: "in_progress"}.get(
            suggestion.signal
        )
    if progress not in ("completed", "partial", "in_progress"):
        raise HitechTargetsError(
            f"{goal.id}: rank {suggestion.rank} only mentions the goal (no completion or progress "
            "words); give --progress completed|partial|in_progress to record it anyway"
        )
    record = {"id": evidence_id(goal, suggestion.source)}
    if entity is not None:
        record["entity"] = entity
    record.update(
        measure="milestone",
        goal=goal.id,
        progress=progress,
        period=goal.period.label,
        quote=one_line(suggestion.clause or suggestion.sentence),
    )
    return record
