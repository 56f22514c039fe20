"""Readers for the scalar fields of a spec: strings, ids, figures, periods, dates, enums.

Each reader takes a ``yamlsafe`` node and the key it was written under, and returns the typed
value or raises ``FieldError`` carrying a located ``Problem`` that says what is wrong and what
was expected. "Figures are strings": wherever a string is due, a plain scalar that YAML 1.1 would
read as something else (``no``, ``0755``, ``10.60``, ``2022-02-24``) is refused, not coerced.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import functools
import re
from collections.abc import Collection
from decimal import Decimal, InvalidOperation
from typing import TypeVar

import attrs

from hitech_targets.errors import PeriodError, Problem, QuantityError
from hitech_targets.grammar import parse_quantity
from hitech_targets.period import Period
from hitech_targets.quantity import Quantity
from hitech_targets.yamlsafe import Mapping, Node, Scalar, Sequence, kind_of

E = TypeVar("E", bound=enum.Enum)

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
_ID = re.compile(ID_PATTERN)
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_DATE = re.compile(DATE_PATTERN)
_INTEGER = re.compile(r"(0|[1-9][0-9]*)")
_RATE = re.compile(r"[0-9]+(\.[0-9]+)?")
_SURPRISES = {
    "bool": "the YAML 1.1 boolean {meaning}",
    "int": "the YAML integer {meaning}",
    "float": "the YAML number {meaning}",
    "timestamp": "a YAML date",
    "null": "empty (null)",
}


class FieldError(Exception):
    """A field that cannot be read; carries the located problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def show(text: str, limit: int = 60) -> str:
    """A value quoted for a one-line message: repr (escapes line breaks), clipped."""
    shown = repr(text)
    return shown if len(shown) <= limit else shown[: limit - 2] + "…'"


def fail(path: str, node: Node, message: str) -> FieldError:
    return FieldError(Problem(path, node.line, node.column, message))


def _meaning(scalar: Scalar) -> str:
    """What PyYAML would have made of a plain scalar, for the message."""
    import yaml

    if scalar.value in ("y", "Y", "n", "N"):
        return "true" if scalar.value in ("y", "Y") else "false"
    try:
        value = yaml.safe_load(scalar.value)
    except yaml.YAMLError:  # pragma: no cover - the scalar came out of a parse
        return scalar.value
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def string(path: str, node: Node, key: str, *, empty: bool = False,
           due: str = "a string") -> str:
    """A string; refuses lists, mappings and plain scalars YAML 1.1 reads as non-strings."""
    if not isinstance(node, Scalar):
        raise fail(path, node, f"{key} must be {due}, not {kind_of(node)}")
    resolved = node.resolved
    if resolved != "str":
        if not node.value:
            raise fail(path, node, f"{key} is empty: {due} is due here")
        template = _SURPRISES.get(resolved, "a YAML " + resolved)
        meaning = template.format(meaning=_meaning(node))
        raise fail(path, node, f"{key}: {node.value} is read as {meaning}; {due} is due here: "
                   f'write it quoted, "{node.value}"')
    if not empty and not node.value.strip():
        raise fail(path, node, f"{key} is empty: a non-empty string is due here")
    return node.value


def identifier(path: str, node: Node, key: str) -> str:
    """A lower-case id: letters, digits, '.', '_' and '-'."""
    text = string(path, node, key)
    if not _ID.match(text):
        raise fail(path, node, f"{key} {show(text)} is not an id: expected lower-case letters, "
                   "digits, '.', '_' or '-', starting with a letter or digit")
    return text


def figure(path: str, node: Node, key: str) -> Quantity:
    """A figure as written (``833.02亿元``, ``两位数以上``), read by the quantity grammar."""
    text = string(path, node, key, due="a figure written as a string (figures are strings)")
    quantity = _read_figure(text)
    if isinstance(quantity, str):
        raise fail(path, node, f"{key} {show(text)} is not a figure the grammar can read "
                   f"({quantity}); expected a figure as the source writes it, e.g. "
                   "833.02亿元, 10.6%, 13个, 两位数以上")
    return quantity


@functools.lru_cache(maxsize=65536)
def _read_figure(text: str) -> Quantity | str:
    """The quantity a figure states (its text kept as written), or why the grammar cannot read
    it; cached because specs repeat figures (13个, 10%) and Quantity is immutable."""
    try:
        quantity = parse_quantity(text)
    except (QuantityError, ValueError, ArithmeticError) as error:
        return str(error)
    return quantity if quantity.text == text else attrs.evolve(quantity, text=text)


def period(path: str, node: Node, key: str) -> Period:
    """A period label: 2022, 2025Q1, 2025H1, 2025-01/05, 2021-2025 or a plan name."""
    text = string(path, node, key, due="a period label written as a string")
    try:
        return Period.parse(text)
    except PeriodError as error:
        raise fail(path, node, f"{key} {show(text)}: {error}") from None


def date(path: str, node: Node, key: str) -> dt.date:
    """An ISO date written as a quoted string: "2022-02-24"."""
    text = string(path, node, key, due="an ISO date written as a string")
    try:
        if not _DATE.match(text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise fail(path, node, f"{key} {show(text)} is not an ISO date: expected YYYY-MM-DD, "
                   'e.g. "2022-02-24"') from None


def choice(path: str, node: Node, key: str, kind: type[E]) -> E:
    """One of the words of an enum."""
    text = string(path, node, key)
    member: E | None = _members(kind).get(text)
    if member is not None:
        return member
    words = ", ".join(str(m.value) for m in kind)
    raise fail(path, node, f"{key} {show(text)} is not one of: {words}")


@functools.lru_cache(maxsize=64)
def _members(kind: type[E]) -> dict[str, E]:
    """An enum's members by their (string) value, the first member winning as in iteration."""
    members: dict[str, E] = {}
    for member in kind:
        if isinstance(member.value, str):
            members.setdefault(member.value, member)
    return members


def word(path: str, node: Node, key: str, words: Collection[str]) -> str:
    """One of a fixed set of strings."""
    text = string(path, node, key)
    if text not in words:
        raise fail(path, node, f"{key} {show(text)} is not one of: {', '.join(words)}")
    return text


def boolean(path: str, node: Node, key: str) -> bool:
    """``true`` or ``false``, unquoted; YAML 1.1 spellings (yes/no/on/off) are refused."""
    if isinstance(node, Scalar) and node.plain and node.value in ("true", "false"):
        return node.value == "true"
    shown = show(node.value) if isinstance(node, Scalar) else kind_of(node)
    why = ""
    if isinstance(node, Scalar) and node.plain and node.resolved == "bool":
        why = " (a YAML 1.1 boolean other readers take for a string)"
    raise fail(path, node, f"{key} must be true or false (unquoted), not {shown}{why}")


def integer(path: str, node: Node, key: str) -> int:
    """A plain decimal integer without leading zeros (a year: 2021)."""
    if isinstance(node, Scalar) and node.plain and _INTEGER.fullmatch(node.value):
        return int(node.value)
    shown = show(node.value) if isinstance(node, Scalar) else kind_of(node)
    raise fail(path, node, f"{key} must be an unquoted whole number such as 2021, not {shown}")


def rate(path: str, node: Node, key: str) -> Decimal:
    """A positive decimal written as a string: "6.4515"."""
    text = string(path, node, key, due="a decimal written as a string")
    try:
        if not _RATE.fullmatch(text):
            raise InvalidOperation(text)
        value = Decimal(text)
    except InvalidOperation:
        raise fail(path, node, f"{key} {show(text)} is not a decimal: expected digits with an "
                   'optional decimal point, quoted, e.g. "6.4515"') from None
    if value <= 0:
        raise fail(path, node, f"{key} {show(text)} must be positive")
    return value


def strings(path: str, node: Node, key: str) -> tuple[str, ...]:
    """A list of non-empty strings."""
    if not isinstance(node, Sequence):
        raise fail(path, node, f"{key} must be a list of strings, not {kind_of(node)}")
    return tuple(string(path, item, f"{key} item") for item in node.items)


def mapping(path: str, node: Node, what: str) -> Mapping:
    """A mapping, or a FieldError naming what was expected."""
    if not isinstance(node, Mapping):
        raise fail(path, node, f"{what} must be a mapping of keys, not {kind_of(node)}")
    return node


def sequence(path: str, node: Node, key: str, what: str) -> Sequence:
    """A list, or a FieldError naming what was expected."""
    if not isinstance(node, Sequence):
        raise fail(path, node, f"{key} must be a list of {what}, not {kind_of(node)}")
    return node


def unknown_keys(
    path: str, node: Mapping, what: str, allowed: Collection[str]
) -> list[Problem]:
    """A problem for each key the record does not know, with a suggestion when one is close."""
    problems: list[Problem] = []
    for entry in node.entries:
        if entry.key in allowed:
            continue
        close = difflib.get_close_matches(entry.key, list(allowed), n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        problems.append(Problem(
            path, entry.line, entry.column,
            f"unknown key {show(entry.key)} in {what}: {hint}expected one of: "
            + ", ".join(sorted(allowed)),
        ))
    return problems
