"""Sentence splitting with offsets and headings, on the real seeds and on arbitrary text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hitech_targets.sentences import is_broken, split_sentences
from hitech_targets.textnorm import fold

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def _containing(text: str, words: str):  # type: ignore[no-untyped-def]
    matches = [s for s in split_sentences(text) if fold(words) in s.folded]
    assert len(matches) == 1, [m.text for m in matches]
    return matches[0]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_offsets_are_verbatim_ordered_and_folded(prefix: str) -> None:
    text = _seed(prefix)
    sentences = split_sentences(text)
    assert len(sentences) > 20
    previous_end = 0
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.start >= previous_end
        assert sentence.text == sentence.text.strip()
        assert sentence.folded == fold(sentence.text)
        previous_end = sentence.end


def test_only_the_newspaper_page_is_broken() -> None:
    assert is_broken(_seed("003"))
    assert not any(is_broken(_seed(p)) for p in ("000", "001", "002", "004"))


def test_newspaper_sentences_run_across_broken_lines_and_spaced_characters() -> None:
    sentence = _containing(_seed("003"), "2021年达3453.8亿元,同比增长13.9%")
    assert "\n" in sentence.text and "同 比 增 长" in sentence.text
    assert sentence.text.startswith("2020 年，厦门火炬高新区规模以")
    assert sentence.text.endswith("约 8%；")


def test_newspaper_item_markers_start_a_new_sentence() -> None:
    sentence = _containing(_seed("003"), "经济指标稳中有进")
    assert sentence.text == "——经济指标稳中有进。"


def test_headings_of_the_2025_results() -> None:
    sentence = _containing(_seed("000"), "园区入选国家知识产权强国建设示范园区创建对象")
    assert sentence.sections == (
        "一、2025年工作总结",
        "(二)持续优化创新生态,发展动能实现新跃升",
        "二是持续培育创新主体",
    )
    assert not sentence.is_heading
    assert sentence.section.startswith("一、2025年工作总结 · (二)")
    plan = _containing(_seed("000"), "推进国家知识产权强国建设示范园区建设")
    assert plan.sections[:2] == ("二、2026年主要工作思路", "(二)坚持创新驱动,构筑区域科创高地")


def test_a_heading_sentence_carries_itself() -> None:
    heading = _containing(_seed("000"), "(四)不断深化益企服务")
    assert heading.is_heading
    assert heading.sections[-1] == "(四)不断深化益企服务,助企发展展现新作为"


def test_enumerated_tasks_split_on_semicolons_are_not_headings() -> None:
    text = _seed("002")
    for task in ("二是加快項目建設", "五是強化自身建設"):
        sentence = _containing(text, task)
        assert not sentence.is_heading
        assert sentence.text.startswith(task)
    assert _containing(text, "一是強化項目招引").text.startswith("當天的會議")


def test_short_lines_of_the_news_box_are_sub_headings() -> None:
    sentence = _containing(_seed("002"), "58個項目增資擴産,總投資超200億元。")
    assert sentence.sections == ("【數讀2024年】", "招商引資強磁場")


_ALPHABET = st.sampled_from(
    list("高新区建设项目完成。；，,：\n \u3000　“”()（）❶——1234abc同比增长")
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, max_size=120).map("".join))
def test_any_text_splits_into_verbatim_disjoint_covering_sentences(text: str) -> None:
    sentences = split_sentences(text)
    covered = set()
    last = 0
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.start >= last
        last = sentence.end
        covered.update(range(sentence.start, sentence.end))
    for index, char in enumerate(text):
        if re.match(r"[0-9A-Za-z\u3400-\u9fff]", char):
            assert index in covered
