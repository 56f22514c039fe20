"""Appending a record to a spec file keeps every other byte, comments included."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from hitech_targets.errors import SpecError
from hitech_targets.specedit import append_record, render_item, scalar

ROOT = Path(__file__).resolve().parent.parent

RECORD = {
    "id": "torch-2026-workplan.evidence.ip-demo-park",
    "measure": "milestone",
    "goal": "torch-2022-workplan.ip-demo-park",
    "progress": "completed",
    "period": "2022",
    "quote": "园区入选国家知识产权强国建设示范园区创建对象",
}

SPEC = """\
# yaml-language-server: $schema=../schema/spec.schema.json
source:
  id: demo   # trailing comment
goals:
  - id: demo.g   # a goal
    quote: "x: y"
outcomes:
  # ── 开篇 ──
  - id: demo.a
    quote: 'single quoted'   # keep me
  - {id: demo.b, quote: flow item}
  - id: demo.c
    note: |
      a block scalar
      of two lines

# comment of the ignore list
ignore:
  - quote: 2022年2月17日
    reason: signature date
"""


def _removed(edited: str, block: str) -> str:
    assert edited.count(block) == 1
    return edited.replace(block, "", 1)


def test_append_keeps_every_other_byte(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(SPEC, encoding="utf-8")
    edited = append_record(path, "outcomes", RECORD)
    assert path.read_text(encoding="utf-8") == edited
    block = render_item(RECORD, 2)
    assert _removed(edited, block) == SPEC
    data = yaml.safe_load(edited)
    assert data["outcomes"][-1] == RECORD
    assert [o["id"] for o in data["outcomes"]] == ["demo.a", "demo.b", "demo.c", RECORD["id"]]
    # inserted after the block scalar, before the blank line and the ignore list's comment
    assert edited.index(block) < edited.index("\n# comment of the ignore list")
    assert data["outcomes"][2]["note"] == "a block scalar\nof two lines\n"


def test_period_and_awkward_quotes_are_quoted(tmp_path: Path) -> None:
    assert scalar("2022") == '"2022"'
    assert scalar("completed") == "completed"
    assert scalar("a: b") == '"a: b"'
    assert scalar("“独角兽”类企业4家") == "“独角兽”类企业4家"
    assert scalar("#1 企业") == '"#1 企业"'
    assert scalar("- 列表") == '"- 列表"'


def test_indentless_lists_keep_their_style(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    text = "outcomes:\n- id: demo.a\n  quote: a\n"
    path.write_text(text, encoding="utf-8")
    edited = append_record(path, "outcomes", {"id": "demo.b", "quote": "b"})
    assert edited == text + "- id: demo.b\n  quote: b\n"


def test_missing_or_empty_list_is_created(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text("source:\n  id: demo\n", encoding="utf-8")
    edited = append_record(path, "outcomes", {"id": "demo.b"})
    assert edited == "source:\n  id: demo\noutcomes:\n  - id: demo.b\n"
    path.write_text("source:\n  id: demo\noutcomes:\nignore: []\n", encoding="utf-8")
    edited = append_record(path, "outcomes", {"id": "demo.b"})
    assert yaml.safe_load(edited)["outcomes"] == [{"id": "demo.b"}]
    assert edited.endswith("ignore: []\n")


def test_refusals_write_nothing(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(SPEC, encoding="utf-8")
    with pytest.raises(SpecError, match="already exists"):
        append_record(path, "outcomes", {"id": "demo.a"})
    with pytest.raises(SpecError, match="already exists"):
        append_record(path, "outcomes", {"id": "demo.g"})
    flow = tmp_path / "flow.yaml"
    flow.write_text("outcomes: [{id: demo.a}]\n", encoding="utf-8")
    with pytest.raises(SpecError, match="flow list"):
        append_record(flow, "outcomes", {"id": "demo.b"})
    broken = tmp_path / "broken.yaml"
    broken.write_text("outcomes:\n  - id: [\n", encoding="utf-8")
    with pytest.raises(SpecError, match="not readable"):
        append_record(broken, "outcomes", {"id": "demo.b"})
    assert path.read_text(encoding="utf-8") == SPEC
    assert flow.read_text(encoding="utf-8") == "outcomes: [{id: demo.a}]\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.yaml", "flow.yaml", "spec.yaml"]


def test_crlf_files_stay_crlf(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    original = SPEC.replace("\n", "\r\n")
    path.write_bytes(original.encode("utf-8"))
    append_record(path, "outcomes", RECORD)
    edited = path.read_bytes().decode("utf-8")
    assert _removed(edited, render_item(RECORD, 2, "\r\n")) == original


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "specs").glob("0*.yaml")))
def test_real_specs_keep_their_bytes(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    shutil.copyfile(ROOT / "specs" / name, path)
    original = path.read_text(encoding="utf-8")
    record = dict(RECORD, id="probe.evidence.x")
    edited = append_record(path, "outcomes", record)
    assert yaml.safe_load(edited)["outcomes"][-1] == record
    assert _removed(edited, render_item(record, 2)) == original


_TEXT = st.text(
    alphabet=st.sampled_from(list("园区入选“”：: #'\"-[]{}2022年,，。ab\\")),
    min_size=1,
    max_size=30,
)


@settings(max_examples=100, deadline=None)
@given(_TEXT)
def test_any_quote_reads_back(quote: str) -> None:
    rendered = render_item({"id": "demo.x", "quote": quote}, 2)
    assert yaml.safe_load("outcomes:\n" + rendered) == {
        "outcomes": [{"id": "demo.x", "quote": quote}]
    }
