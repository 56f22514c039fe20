"""What a sentence says about a goal (completion, progress or a mention) and its core clause."""

from __future__ import annotations

import enum
import itertools
import re
from collections.abc import Sequence

from hitech_targets.sentences import Sentence
from hitech_targets.textnorm import fold


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


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
