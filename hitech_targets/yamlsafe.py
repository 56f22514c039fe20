"""A strict YAML reader: located plain data, nothing YAML 1.1 could silently reinterpret.

Specs are read from the parser's *events*, never through a constructor, so no tag can run code
and no alias can expand: tags other than ``!!str``, anchors and aliases are errors. Scalars keep
their text verbatim together with how YAML 1.1 would resolve them (``no`` → bool, ``0755`` → int,
``10.60`` → float), so the spec reader can refuse a bare number where a string is due instead of
receiving ``10.6``. Duplicate keys, which PyYAML would silently resolve to the last, are errors.
Every node carries the 1-based line and column of its first character.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from sys import intern
from typing import Any, NamedTuple

import attrs
import yaml
from yaml.resolver import Resolver

from hitech_targets.errors import Problem

_Loader: type[Any] = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader

_STR_TAG = "tag:yaml.org,2002:str"
_TAG_PREFIX = "tag:yaml.org,2002:"
#: YAML 1.1 booleans PyYAML does not resolve but other YAML 1.1 readers do.
_SHORT_BOOLS = frozenset({"y", "Y", "n", "N"})
#: What a plain scalar means under the YAML 1.2 core schema (used for booleans and JSON export).
_CORE_TRUE = frozenset({"true", "True", "TRUE"})
_CORE_FALSE = frozenset({"false", "False", "FALSE"})
_CORE_NULL = frozenset({"", "~", "null", "Null", "NULL"})
#: Scalars up to this length are interned: the same ids, keys and labels recur in every record.
_INTERNED_LENGTH = 40
_CORE_INT = re.compile(r"[-+]?[0-9]+")
_CORE_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")


class Scalar(NamedTuple):
    """A scalar: its verbatim text, whether it was written plain (unquoted), and where.

    (A named tuple rather than an attrs class: specs hold hundreds of thousands of scalars.)
    """

    value: str
    plain: bool
    line: int
    column: int

    @property
    def resolved(self) -> str:
        """How YAML 1.1 reads this scalar: ``str``, ``null``, ``bool``, ``int``, ``float`` …"""
        return resolve_plain(self.value) if self.plain else "str"

    @property
    def is_null(self) -> bool:
        return self.plain and self.resolved == "null"

    def to_python(self) -> Any:
        """The value under the YAML 1.2 core schema (what JSON Schema tools see)."""
        if not self.plain:
            return self.value
        text = self.value
        if text in _CORE_NULL:
            return None
        if text in _CORE_TRUE:
            return True
        if text in _CORE_FALSE:
            return False
        if _CORE_INT.fullmatch(text):
            return int(text)
        if _CORE_FLOAT.fullmatch(text):
            return float(text)
        return text


@attrs.frozen
class Sequence:
    """A sequence of nodes."""

    items: tuple[Node, ...]
    line: int
    column: int

    def to_python(self) -> list[Any]:
        return [item.to_python() for item in self.items]


class Entry(NamedTuple):
    """One key of a mapping: the key text, where the key is, and the value node."""

    key: str
    line: int
    column: int
    value: Node


@attrs.frozen
class Mapping:
    """A mapping with string keys, in file order; duplicate keys were refused on reading."""

    entries: tuple[Entry, ...]
    line: int
    column: int
    _index: dict[str, Entry] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, Entry] = {}
        for entry in self.entries:
            index.setdefault(entry.key, entry)
        object.__setattr__(self, "_index", index)

    def get(self, key: str) -> Node | None:
        entry = self._index.get(key)
        return None if entry is None else entry.value

    def entry(self, key: str) -> Entry | None:
        return self._index.get(key)

    def keys(self) -> tuple[str, ...]:
        return tuple(entry.key for entry in self.entries)

    def to_python(self) -> dict[str, Any]:
        return {entry.key: entry.value.to_python() for entry in self.entries}


Node = Scalar | Sequence | Mapping


def resolve_plain(text: str) -> str:
    """The YAML 1.1 type PyYAML gives a plain scalar (``str`` when none applies)."""
    if text in _SHORT_BOOLS:
        return "bool"
    resolvers = Resolver.yaml_implicit_resolvers.get(text[:1] if text else "", [])
    for tag, regexp in resolvers:
        if regexp.match(text):
            return str(tag).removeprefix(_TAG_PREFIX)
    return "str"


def kind_of(node: Node) -> str:
    """A short English name for the shape of a node, for messages."""
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    resolved = node.resolved
    return {
        "null": "empty (null)",
        "bool": "a YAML boolean",
        "int": "a YAML integer",
        "float": "a YAML number",
        "timestamp": "a YAML date",
    }.get(resolved, "a string")


def decode(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode a spec file: UTF-8 only, a leading BOM dropped, CRLF and CR turned into LF."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        message = (
            f"not UTF-8: byte 0x{data[error.start]:02x} cannot be decoded "
            "(save the file as UTF-8)"
        )
        return None, [Problem(path, line, column, message)]
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text, []


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_TAG_PREFIX) if tag.startswith(_TAG_PREFIX) else tag


def _position(text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


def _yaml_error(error: yaml.YAMLError, text: str, path: str) -> Problem:
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        context = f" ({error.context})" if error.context and error.problem else ""
        message = f"invalid YAML: {problem}{context}"
        if mark is not None:
            return Problem(path, mark.line + 1, mark.column + 1, message)
        return Problem(path, None, None, message)
    if isinstance(error, yaml.reader.ReaderError):
        line, column = _position(text, error.position)
        message = f"invalid YAML: {error.reason} (#x{error.character:04x})"
        return Problem(path, line, column, message)
    return Problem(path, None, None, f"invalid YAML: {' '.join(str(error).split())}")


class _Builder:
    """Turns the event stream into nodes, collecting every problem instead of stopping."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.references: list[tuple[Any, str]] = []

    def reference(self, event: Any, what: str) -> None:
        """Anchors and aliases: one problem per file, at the first (an alias bomb has many)."""
        self.references.append((event, what))

    def finish(self) -> None:
        if self.references:
            event, what = self.references[0]
            more = len(self.references) - 1
            extra = f" ({more} more anchors or aliases in this file)" if more else ""
            self.problem(event, f"{what} is not allowed: specs use no anchors or aliases; "
                         f"write the value out{extra}")

    def problem(self, event: Any, message: str) -> None:
        mark = event.start_mark
        self.problems.append(Problem(self.path, mark.line + 1, mark.column + 1, message))

    def check_node_event(self, event: Any) -> None:
        if event.anchor is not None:
            self.reference(event, f"anchor &{event.anchor}")
        tag = event.tag
        if tag is not None and tag != "!" and not (
            isinstance(event, yaml.ScalarEvent) and tag == _STR_TAG
        ) and tag not in ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
            self.problem(event, f"tag {_short_tag(tag)} is not allowed: specs hold plain "
                         "strings, lists and mappings only")

    def build(self, events: Iterator[Any]) -> list[Node | None]:
        """Every document of the stream (None for a document the builder had to abandon)."""
        documents: list[Node | None] = []
        stack: list[_Open] = []
        root: list[Node] = []
        add = self._add
        scalar_event = yaml.ScalarEvent
        for event in events:
            kind = type(event)
            if kind is scalar_event:
                tag = event.tag
                if tag is not None or event.anchor is not None:
                    self.check_node_event(event)
                plain = tag is None and not event.style and bool(event.implicit[0])
                value = event.value
                if len(value) <= _INTERNED_LENGTH:
                    value = intern(value)  # keys, ids and labels repeat in every record
                mark = event.start_mark
                scalar = Scalar(value, plain, mark.line + 1, mark.column + 1)
                if stack:
                    frame = stack[-1]
                    if frame.sequence:
                        frame.items.append(scalar)
                    elif frame.key is None:
                        frame.key = scalar
                    else:
                        add(stack, root, scalar)
                else:
                    root.append(scalar)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self.check_node_event(event)
                stack.append(_Open(kind is yaml.SequenceStartEvent, *_where(event)))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                node: Node
                if frame.sequence:
                    node = Sequence(tuple(frame.items), frame.line, frame.column)
                else:
                    node = Mapping(tuple(frame.items), frame.line, frame.column)
                self._add(stack, root, node)
            elif kind is yaml.AliasEvent:
                self.reference(event, f"alias *{event.anchor}")
                self._add(stack, root, Scalar("", True, *_where(event)))
            elif kind is yaml.DocumentStartEvent:
                root = []
            elif kind is yaml.DocumentEndEvent:
                documents.append(root[0] if root else None)
        self.finish()
        return documents

    def _add(self, stack: list[_Open], root: list[Node], node: Node) -> None:
        if not stack:
            root.append(node)
            return
        frame = stack[-1]
        if frame.sequence:
            frame.items.append(node)
            return
        key = frame.key
        if key is None:
            frame.key = node
            return
        frame.key = None
        if not isinstance(key, Scalar):
            self.problems.append(Problem(
                self.path, key.line, key.column,
                "a key must be a plain word, not a list or mapping",
            ))
            return
        first = frame.seen.get(key.value)
        if first is not None:
            self.problems.append(Problem(
                self.path, key.line, key.column,
                f"duplicate key {key.value!r} (first at line {first}): "
                "each key may appear once in a mapping",
            ))
            return
        frame.seen[key.value] = key.line
        frame.items.append(Entry(key.value, key.line, key.column, node))


class _Open:
    """A collection being read: its items (or entries) so far and, in a mapping, the key."""

    __slots__ = ("column", "items", "key", "line", "seen", "sequence")

    def __init__(self, sequence: bool, line: int, column: int) -> None:
        self.sequence = sequence
        self.line = line
        self.column = column
        self.items: list[Any] = []
        self.key: Node | None = None
        self.seen: dict[str, int] = {}


def _where(event: Any) -> tuple[int, int]:
    return event.start_mark.line + 1, event.start_mark.column + 1


def parse(text: str, path: str) -> tuple[Node | None, list[Problem]]:
    """Read one YAML document from ``text`` into nodes; problems are located in ``path``.

    Returns ``(None, problems)`` when the text is not usable: syntax errors, tags, anchors,
    aliases, duplicate or complex keys, several documents, or no document at all.
    """
    builder = _Builder(path)
    try:
        documents = builder.build(iter(yaml.parse(text, Loader=_Loader)))
    except yaml.YAMLError as error:
        builder.finish()
        return None, [*builder.problems, _yaml_error(error, text, path)]
    except RecursionError:  # libyaml is iterative; the pure-Python parser may recurse
        return None, [Problem(path, None, None, "invalid YAML: nested too deeply")]
    if builder.problems:
        return None, builder.problems
    if len(documents) > 1:
        return None, [Problem(path, None, None, "several YAML documents (---) in one file: "
                              "write one spec per file")]
    node = documents[0] if documents else None
    if node is None or (isinstance(node, Scalar) and node.is_null):
        return None, [Problem(path, None, None, "empty file: expected a spec mapping with "
                              "source, goals, outcomes or a registry (metrics, entities, "
                              "fx_rates)")]
    return node, []


def read(data: bytes, path: str) -> tuple[Node | None, list[Problem]]:
    """Decode and parse the bytes of a spec file (see ``decode`` and ``parse``)."""
    text, problems = decode(data, path)
    if text is None:
        return None, problems
    return parse(text, path)
