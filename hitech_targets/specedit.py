"""Careful edits of spec files: append one record to a list, leaving every other byte alone.

A round trip through a YAML library re-indents, re-wraps and re-quotes what it does not
understand; an analyst's spec must come back byte for byte, comments included. So the edit is
textual: PyYAML's composer (with marks) finds where the ``outcomes:`` list ends and how its items
are indented, the new record is rendered as lines in that style and inserted there, and the
result is parsed again to check that the list gained exactly that record. The file is replaced
atomically (a temporary file in the same directory, then ``os.replace``).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from hitech_targets.errors import Problem, SpecError

_DEFAULT_DASH = 2  # spec-format.md style: "  - id: …" under a top-level key
_ITEM_OFFSET = 2  # "- " before the first key of an item


def _fail(path: Path, message: str, line: int | None = None) -> SpecError:
    return SpecError([Problem(str(path), line, None, message)])


def _safe_load(text: str) -> Any:
    import yaml

    loader = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
    return yaml.load(text, Loader=loader)


def scalar(value: str) -> str:
    """``value`` as a YAML scalar: plain when it reads back unchanged, else double-quoted."""
    plain_ok = (
        value == value.strip()
        and value != ""
        and "#" not in value
        and ": " not in value
        and "\n" not in value
        and not value.startswith(("'", '"', "[", "{", "&", "*", "!", "|", ">", "%", "@", "`", "-"))
    )
    if plain_ok:
        import yaml

        try:
            if _safe_load(f"k: {value}\n") == {"k": value}:
                return value
        except yaml.YAMLError:  # unreadable as plain: quoted below
            pass
    return json.dumps(value, ensure_ascii=False)


def render_item(record: Mapping[str, str], dash: int, newline: str = "\n") -> str:
    """The lines of one block-sequence item, its dash at column ``dash``."""
    lines = []
    for number, (key, value) in enumerate(record.items()):
        prefix = " " * dash + "- " if number == 0 else " " * (dash + _ITEM_OFFSET)
        lines.append(f"{prefix}{key}: {scalar(value)}")
    return newline.join(lines) + newline


def _last_leaf_end(node: Any) -> Any:
    """The end mark of the last scalar (or flow collection) of a block node."""
    import yaml

    while True:
        if isinstance(node, yaml.MappingNode) and node.value and not node.flow_style:
            node = node.value[-1][1]
        elif isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style:
            node = node.value[-1]
        else:
            return node.end_mark


def _insertion(text: str, path: Path, key: str) -> tuple[int, int | None, bool]:
    """Where to insert an item of the ``key`` list: (line index, dash column, needs key line).

    ``dash`` is None when the list is absent or empty (the house style is used then).
    """
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise _fail(path, f"not readable YAML: {error}", mark.line + 1 if mark else None) from None
    if root is None:
        return len(text.splitlines()), None, True
    if not isinstance(root, yaml.MappingNode):
        raise _fail(path, "a spec file must be a mapping at the top level", 1)
    for key_node, value in root.value:
        if key_node.value != key:
            continue
        line = key_node.start_mark.line + 1
        if isinstance(value, yaml.ScalarNode) and value.value in ("", "~", "null"):
            return (
                value.end_mark.line + 1 if value.value else key_node.end_mark.line + 1,
                None,
                False,
            )
        if not isinstance(value, yaml.SequenceNode):
            raise _fail(path, f"{key}: must be a list", line)
        if value.flow_style:
            raise _fail(
                path, f"{key}: is a flow list ([...]); write it as a block list to append", line
            )
        end = _last_leaf_end(value.value[-1])
        after = end.line + 1 if end.column > 0 else end.line
        return after, value.start_mark.column, False
    return len(text.splitlines()), None, True


def append_record(path: str | os.PathLike[str], key: str, record: Mapping[str, str]) -> str:
    """Append ``record`` to the top-level ``key`` list of the spec at ``path``; return the text.

    Every other byte of the file is kept. Raises SpecError (nothing written) when the file is
    not a readable spec, the list is not a block list, or the record's id is already there.
    """
    target = Path(path)
    try:
        original = target.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise _fail(target, f"cannot read: {error}") from None
    import yaml

    try:
        data = _safe_load(original) or {}
    except yaml.YAMLError as error:
        raise _fail(target, f"not readable YAML: {error}") from None
    if not isinstance(data, dict):
        raise _fail(target, "a spec file must be a mapping at the top level", 1)
    existing = data.get(key) or []
    record_id = record.get("id")
    ids = {
        item.get("id")
        for section in ("goals", "outcomes")
        for item in (data.get(section) or [])
        if isinstance(item, dict)
    }
    if record_id is not None and record_id in ids:
        raise _fail(target, f"id {record_id!r} already exists in this file")
    newline = "\r\n" if "\r\n" in original else "\n"
    line, dash, needs_key = _insertion(original, target, key)
    lines = original.splitlines(keepends=True)
    if lines and not lines[-1].endswith(("\n", "\r")) and line >= len(lines):
        lines[-1] += newline
    block = render_item(record, _DEFAULT_DASH if dash is None else dash, newline)
    if needs_key:
        block = f"{key}:{newline}{block}"
    edited = "".join(lines[:line]) + block + "".join(lines[line:])
    reread = _safe_load(edited)
    if not (
        isinstance(reread, dict)
        and isinstance(reread.get(key), list)
        and reread[key][:-1] == list(existing)
        and reread[key][-1] == dict(record)
    ):
        raise _fail(target, f"could not append to {key}: the edited file does not read back")
    _write_atomically(target, edited)
    return edited


def _write_atomically(target: Path, text: str) -> None:
    mode = target.stat().st_mode & 0o7777
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
