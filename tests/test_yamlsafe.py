"""The strict YAML reader: located nodes, YAML 1.1 surprises kept visible, no tags or aliases."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from hitech_targets.yamlsafe import (
    Mapping,
    Scalar,
    Sequence,
    decode,
    kind_of,
    parse,
    read,
    resolve_plain,
)

# YAML 1.1 treats NEL and the Unicode line separators as line breaks: PyYAML cannot keep them.
_PRINTABLE = st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"))


def _node(text: str) -> Mapping:
    node, problems = parse(text, "f.yaml")
    assert problems == []
    assert isinstance(node, Mapping)
    return node


def test_scalars_keep_their_text_and_position() -> None:
    node = _node("a: 10.60\nb: '0755'\nc:\n  - x\n  - {d: 完成}\n")
    a = node.get("a")
    assert a == Scalar("10.60", True, 1, 4)
    assert isinstance(a, Scalar) and a.resolved == "float"  # YAML 1.1 would make it 10.6
    b = node.get("b")
    assert isinstance(b, Scalar) and not b.plain and b.resolved == "str" and b.value == "0755"
    c = node.get("c")
    assert isinstance(c, Sequence) and (c.line, c.column) == (4, 3)
    inner = c.items[1]
    assert isinstance(inner, Mapping) and inner.get("d") == Scalar("完成", True, 5, 9)
    entry = node.entry("c")
    assert entry is not None and (entry.line, entry.column) == (3, 1)
    assert node.keys() == ("a", "b", "c")


@pytest.mark.parametrize(
    ("text", "resolved"),
    [("no", "bool"), ("Yes", "bool"), ("on", "bool"), ("OFF", "bool"), ("y", "bool"),
     ("N", "bool"), ("0755", "int"), ("0x1F", "int"), ("1_000", "int"), ("1:20", "int"),
     ("10.60", "float"), (".inf", "float"), ("2022-02-24", "timestamp"), ("~", "null"),
     ("", "null"), ("null", "null"), ("833.02亿元", "str"), ("10.6%", "str"), ("1e8", "str"),
     ("zh-Hans", "str")],
)
def test_plain_scalars_resolve_as_yaml_1_1_would(text: str, resolved: str) -> None:
    assert resolve_plain(text) == resolved


def test_pyyaml_agrees_on_what_is_not_a_string() -> None:
    # the oracle: whatever resolve_plain calls non-str, PyYAML does not load as str (y/n aside)
    for text in ("no", "0755", "10.60", "2022-02-24", "~", "1:20"):
        assert not isinstance(yaml.safe_load(f"a: {text}")["a"], str)
    assert isinstance(yaml.safe_load("a: 1e8")["a"], str)


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ("a: 1\nb: 2\na: 3\n", 3, 1, "duplicate key 'a' (first at line 1)"),
        ("x:\n  a: 1\n  a: 1\n", 3, 3, "duplicate key 'a'"),
        ("a: &x 1\nb: *x\n", 1, 4, "anchor &x is not allowed"),
        ("a: !!python/name:os.system x\n", 1, 4, "tag !!python/name:os.system is not allowed"),
        ("a: !!int 3\n", 1, 4, "tag !!int is not allowed"),
        ("a: !local x\n", 1, 4, "tag !local is not allowed"),
        ("? [a]\n: b\n", 1, 3, "a key must be a plain word"),
        ("a: [b\n", 2, 1, "invalid YAML"),
        ("a: \x07\n", 1, 4, "control characters are not allowed"),
    ],
)
def test_refused_yaml(text: str, line: int, column: int, words: str) -> None:
    node, problems = parse(text, "f.yaml")
    assert node is None
    assert [(p.line, p.column) for p in problems] == [(line, column)]
    assert words in problems[0].message


def test_str_tag_is_allowed_and_makes_a_string() -> None:
    value = _node("a: !!str 0755\n").get("a")
    assert isinstance(value, Scalar) and value.resolved == "str" and value.value == "0755"


def test_one_problem_for_an_alias_bomb() -> None:
    text = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n"
    node, problems = parse(text, "f.yaml")
    assert node is None and len(problems) == 1
    assert "6 more" in problems[0].message  # 3 anchors + 4 aliases


@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n", "~\n"])
def test_empty_documents(text: str) -> None:
    node, problems = parse(text, "f.yaml")
    assert node is None and "empty file" in problems[0].message


def test_several_documents() -> None:
    node, problems = parse("a: 1\n---\nb: 2\n", "f.yaml")
    assert node is None and "several YAML documents" in problems[0].message


def test_decode_strips_bom_and_normalises_line_ends() -> None:
    text, problems = decode("\ufeffa: 1\r\nb: 2\rc: 3\n".encode(), "f.yaml")
    assert problems == [] and text == "a: 1\nb: 2\nc: 3\n"


def test_decode_locates_bad_bytes() -> None:
    text, problems = decode("a: 1\nb: 完成\n".encode("gb18030"), "f.yaml")
    assert text is None
    assert (problems[0].line, problems[0].column) == (2, 4)


def test_crlf_keeps_line_numbers() -> None:
    node, _ = read(b"a: 1\r\nb: 2\r\n", "f.yaml")
    assert isinstance(node, Mapping) and node.get("b") == Scalar("2", True, 2, 4)


def test_kind_of_names_shapes() -> None:
    node = _node("a: [1]\nb: {c: d}\ne: no\nf: x\n")
    kinds = [kind_of(e.value) for e in node.entries]
    assert kinds == ["a list", "a mapping", "a YAML boolean", "a string"]


def test_to_python_follows_the_core_schema() -> None:
    node = _node("a: [1, 1.5, true, null, no, '2022']\n")
    assert node.to_python() == {"a": [1, 1.5, True, None, "no", "2022"]}


def test_deep_nesting_does_not_crash() -> None:
    depth = 5000
    node, problems = parse("a: " + "[" * depth + "]" * depth + "\n", "f.yaml")
    assert node is not None or problems


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_parse_never_raises(text: str) -> None:
    node, problems = parse(text, "f.yaml")
    assert (node is None) == bool(problems)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.text(_PRINTABLE, min_size=1, max_size=5), st.text(_PRINTABLE, max_size=8),
                       max_size=5))
def test_strings_written_by_pyyaml_read_back_verbatim(data: dict[str, str]) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    node, problems = parse(text, "f.yaml")
    if not data:
        return
    assert problems == [] and isinstance(node, Mapping)
    for key, value in data.items():
        scalar = node.get(key)
        assert isinstance(scalar, Scalar)
        assert scalar.value == value
