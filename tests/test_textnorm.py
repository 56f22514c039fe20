"""Text normalisation: width, white space and script folded, offsets mapping back to the text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hitech_targets.textnorm import fold, normalise, to_simplified, to_traditional

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_white_space_and_width_are_folded() -> None:
    assert fold("同 比 增 长\n13.9%") == "同比增长13.9%"
    assert fold("８３３．０２亿元，") == "833.02亿元,"
    assert fold("\u3000完成\t") == "完成"


def test_script_is_folded_character_by_character() -> None:
    assert fold("全年預計工業增加值增速10%左右") == "全年预计工业增加值增速10%左右"
    assert to_simplified("軟體園") == "软体园"  # t2s, not the phrase config tw2sp (软件园)
    assert to_traditional("新增项目") == "新增項目"  # s2t keeps 新增 and 项目 as words
    assert fold("完成", simplify=False) == "完成"
    assert fold("億元", simplify=False) == "億元"


def test_offsets_map_back_to_the_original_text() -> None:
    text = "2021 年 达 3453.8 亿 元 ，同 比 增 长\n\n13.9%"
    normal = normalise(text)
    start = normal.text.index("3453.8亿元")
    first, last = normal.span(start, start + len("3453.8亿元"))
    assert text[first:last] == "3453.8 亿 元"
    assert normal.span(len(normal.text), len(normal.text)) == (len(text), len(text))


def test_the_spaced_newspaper_seed_contains_its_figures_once_folded() -> None:
    folded = fold(_seed("003"))
    assert "2021年达3453.8亿元,同比增长13.9%" in folded


def test_the_traditional_seed_folds_to_simplified() -> None:
    folded = fold(_seed("002"))
    assert "完成全社会固定资产投资477.34亿元" in folded
    assert "搭&&" in folded  # the lost characters stay visible


_TEXT = st.text(alphabet=st.sampled_from(
    [*"完成规上工业增加值億元萬個同比增長 \n\t\u3000１２３,.，。％%abcAB0123", "ﬁ", "㎡"]
), max_size=40)


@settings(max_examples=200)
@given(_TEXT)
def test_normalised_invariants(text: str) -> None:
    normal = normalise(text)
    assert len(normal.offsets) == len(normal.text)
    assert list(normal.offsets) == sorted(normal.offsets)
    assert all(0 <= o < len(text) for o in normal.offsets)
    assert not any(c.isspace() for c in normal.text)
    assert fold(normal.text) == normal.text  # idempotent


@settings(max_examples=100)
@given(_TEXT, _TEXT, _TEXT)
def test_a_folded_part_is_found_in_the_folded_whole(a: str, b: str, c: str) -> None:
    # the provenance check relies on this: a quote of a text is found in the text once folded
    assert fold(b) in fold(a + b + c)
