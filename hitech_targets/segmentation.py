"""Words for evidence search: the genre's stop, domain and synonym words, and jieba segmentation."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from hitech_targets.ledger import Ledger
from hitech_targets.sentences import Sentence, split_sentences
from hitech_targets.textnorm import fold


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
#: A token starting with the measure word 个 (个市 of 31个市重点项目) is a segmentation slip.
_CLASSIFIERS = frozenset("个")
_LONG_WORD = 4
_TOKEN_OK = re.compile(r"^[A-Za-z\u3400-\u9fff][A-Za-z\u3400-\u9fff·+-]*$")


@functools.cache
def segmenter(words: tuple[str, ...]) -> Any:
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


def tokenize(tokenizer: Any, folded: str) -> tuple[str, ...]:
    """Search-mode words of a folded text: CJK or Latin words of two characters or more."""
    return tuple(
        token.lower()
        for token in _search_words(tokenizer, folded)
        if len(token) >= 2 and _TOKEN_OK.match(token) and token[0] not in _CLASSIFIERS
    )


@attrs.frozen
class Analysed:
    """A source text's sentences and the search-mode words of each."""

    sentences: tuple[Sentence, ...]
    tokens: tuple[tuple[str, ...], ...]


@functools.lru_cache(maxsize=32)
def analyse(text: str, words: tuple[str, ...]) -> Analysed:
    """Split and segment one source text (cached: each source is segmented once)."""
    tokenizer = segmenter(words)
    sentences = split_sentences(text)
    return Analysed(sentences, tuple(tokenize(tokenizer, s.folded) for s in sentences))


def ledger_words(ledger: Ledger) -> tuple[str, ...]:
    """The words the segmenter must know: domain words, synonyms, metric and entity names."""
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


def entity_stop_words(ledger: Ledger, words: tuple[str, ...]) -> frozenset[str]:
    """Entity names and their parts (高新区 gives 新区 too): who, not what, a goal is about."""
    tokenizer = segmenter(words)
    names: set[str] = set()
    for entity in ledger.entities:
        for name in (entity.names.zh_hans, entity.names.zh_hant, *entity.aliases):
            folded = fold(name)
            names.add(folded.lower())
            if len(folded) <= _SHORT_NAME:  # parts of long names (产业, 技术) mean something
                names.update(tokenize(tokenizer, folded))
    return frozenset(names)
