"""Spec files → model records: one parsed YAML mapping becomes a ``SpecFile``, with located errors.

A spec file holds one source with its goals, outcomes and ignores, and/or registry entries
(metrics, entities, FX rates). Reading one file needs nothing from the others: references
between files (metrics, entities, goals) are collected as ``Reference`` and checked by the loader
once every file is read, and quotes become ``QuoteCheck`` for ``provenance``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any, TypeVar

import attrs

from hitech_targets import fields
from hitech_targets.errors import Problem
from hitech_targets.fields import FieldError
from hitech_targets.model import (
    Dimension,
    Entity,
    FxRate,
    Goal,
    GoalPart,
    Ignore,
    Metric,
    Names,
    Origin,
    Outcome,
    Override,
    Progress,
    Relation,
    RelationKind,
    Script,
    Source,
    Status,
    Strength,
)
from hitech_targets.provenance import FigureCheck, QuoteCheck
from hitech_targets.quantity import Measure, Quantity
from hitech_targets.yamlsafe import Mapping, Node, Scalar

T = TypeVar("T")

SOURCE_KINDS = ("report", "news", "letter", "newspaper")

TOP_KEYS = ("source", "defaults", "goals", "outcomes", "ignore", "metrics", "entities", "fx_rates")
SOURCE_KEYS = ("id", "title", "issuer", "doc_number", "index_number", "published", "script",
               "text", "url", "kind", "note")
DEFAULTS_KEYS = ("entity", "period")
GOAL_KEYS = ("id", "metric", "entity", "measure", "period", "target", "stretch", "strength",
             "parts", "section", "description", "override", "quote")
PART_KEYS = ("metric", "target", "label", "measure")
OVERRIDE_KEYS = ("status", "reason", "date", "by")
OUTCOME_KEYS = ("id", "metric", "entity", "measure", "period", "value", "preliminary",
                "cumulative", "attainment", "plan", "goal", "progress", "note", "quote")
IGNORE_KEYS = ("quote", "reason")
METRIC_KEYS = ("id", "names", "aliases", "dimension", "headline", "description", "relations")
RELATION_KEYS = ("kind", "metric", "note")
ENTITY_KEYS = ("id", "names", "kind", "parent", "aliases")
NAMES_KEYS = ("zh-Hans", "zh-Hant", "en")
FX_KEYS = ("base", "quote", "year", "rate", "source", "url")

#: Measures whose goals state a figure (a target or parts).
#: (A rank goal may be directional, 争先进位, and event and milestone goals need no figure.)
QUANTITATIVE = frozenset({Measure.LEVEL, Measure.GROWTH, Measure.SHARE, Measure.ATTAINMENT})


@attrs.frozen
class Reference:
    """An id one record names (``kind``: metric, entity, goal), checked across all files."""

    kind: str
    id: str
    what: str
    path: str
    line: int
    column: int


@attrs.frozen
class Declaration:
    """An id a file declares (``kind``: source, metric, entity, goal, outcome), even if invalid."""

    kind: str
    id: str
    path: str
    line: int
    column: int


@attrs.frozen
class SpecFile:
    """Everything one spec file declares, before cross-file checks."""

    path: str
    source: Source | None = None
    goals: tuple[Goal, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    ignores: tuple[Ignore, ...] = ()
    metrics: tuple[Metric, ...] = ()
    entities: tuple[Entity, ...] = ()
    fx_rates: tuple[FxRate, ...] = ()
    references: tuple[Reference, ...] = ()
    declarations: tuple[Declaration, ...] = ()
    checks: tuple[QuoteCheck, ...] = ()
    #: where the source's text path is written, for the loader's file checks
    text_at: tuple[int, int] | None = None


class _Record:
    """Reads the keys of one record mapping, collecting a problem per bad field."""

    def __init__(self, path: str, node: Mapping, what: str, problems: list[Problem]) -> None:
        self.path = path
        self.node = node
        self.what = what
        self.problems = problems
        self.failed = False

    def field(self, key: str, reader: Callable[[str, Node, str], T], *,
              required: bool = False, absent: str | None = None) -> T | None:
        node = self.node.get(key)
        if node is None or (isinstance(node, Scalar) and node.is_null):
            if required:
                self.complain(absent or f"{self.what} has no {key}: {key} is required")
            return None
        try:
            return reader(self.path, node, key)
        except FieldError as error:
            self.problems.append(error.problem)
            self.failed = True
            return None

    def has(self, key: str) -> bool:
        """True when the key is written with a non-null value."""
        node = self.node.get(key)
        return node is not None and not (isinstance(node, Scalar) and node.is_null)

    def complain(self, message: str, node: Node | None = None) -> None:
        where = node if node is not None else self.node
        self.problems.append(Problem(self.path, where.line, where.column, message))
        self.failed = True

    def at(self, key: str) -> tuple[int, int]:
        node = self.node.get(key)
        where = node if node is not None else self.node
        return where.line, where.column

    def origin(self) -> Origin:
        return Origin(self.path, self.node.line, self.node.column)


def _choice(kind: type[Any]) -> Callable[[str, Node, str], Any]:
    return lambda path, node, key: fields.choice(path, node, key, kind)


class _Missing(Exception):
    """A required value is absent; its problem is already recorded."""


def _must(value: T | None) -> T:
    if value is None:
        raise _Missing
    return value


def _build(record: _Record, make: Callable[[], T]) -> T | None:
    """Construct a model record unless a field failed; model validators become problems."""
    if record.failed:
        return None
    try:
        return make()
    except _Missing:  # every path that leaves a value unset records a problem; never silent
        record.complain(f"invalid {record.what}: a required value is missing")
        return None
    except (ValueError, TypeError) as error:
        record.complain(f"invalid {record.what}: {error}")
        return None


class _FileReader:
    """Reads one file's top-level mapping into a SpecFile."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.references: list[Reference] = []
        self.declarations: list[Declaration] = []
        self.checks: list[QuoteCheck] = []
        self.source_id = "unknown"
        self.default_entity: str | None = None
        self.default_period: Any = None

    def record(self, node: Node, what: str, allowed: Collection[str]) -> _Record | None:
        try:
            mapping = fields.mapping(self.path, node, what)
        except FieldError as error:
            self.problems.append(error.problem)
            return None
        record = _Record(self.path, mapping, what, self.problems)
        unknown = fields.unknown_keys(self.path, mapping, what, allowed)
        if unknown:
            self.problems.extend(unknown)
            record.failed = True
        return record

    def items(self, top: Mapping, key: str, what: str) -> tuple[Node, ...]:
        node = top.get(key)
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return ()
        try:
            return fields.sequence(self.path, node, key, what).items
        except FieldError as error:
            self.problems.append(error.problem)
            return ()

    def declare(self, record: _Record, kind: str) -> str | None:
        ident = record.field("id", fields.identifier, required=True)
        if ident is not None:
            line, column = record.at("id")
            self.declarations.append(Declaration(kind, ident, self.path, line, column))
        return ident

    def refer(self, record: _Record, kind: str, key: str, ident: str | None, what: str) -> None:
        if ident is not None:
            line, column = record.at(key)
            self.references.append(Reference(kind, ident, what, self.path, line, column))

    def figure(self, record: _Record, key: str, figures: list[FigureCheck], *,
               label: str | None = None) -> Quantity | None:
        quantity = record.field(key, fields.figure)
        if quantity is not None:
            line, column = record.at(key)
            figures.append(FigureCheck(label or key, quantity, self.path, line, column))
        return quantity

    def quote(self, record: _Record, figures: list[FigureCheck]) -> str | None:
        quote = record.field("quote", fields.string, required=True)
        if quote is not None:
            line, column = record.at("quote")
            self.checks.append(
                QuoteCheck(self.source_id, quote, self.path, line, column, tuple(figures))
            )
        return quote

    # --- registries -------------------------------------------------------------------------
    def names(self, path: str, node: Node, key: str) -> Names:
        record = self.record(node, key, NAMES_KEYS)
        if record is None:
            raise _Reported
        hans = record.field("zh-Hans", fields.string, required=True)
        hant = record.field("zh-Hant", fields.string, required=True)
        en = record.field("en", fields.string, required=True)
        if record.failed or hans is None or hant is None or en is None:
            raise _Reported()
        return Names(hans, hant, en)

    def metric(self, node: Node) -> Metric | None:
        record = self.record(node, "a metric", METRIC_KEYS)
        if record is None:
            return None
        ident = self.declare(record, "metric")
        names = self._names(record)
        dimension = record.field("dimension", _choice(Dimension), required=True)
        aliases = record.field("aliases", fields.strings) or ()
        headline = record.field("headline", fields.boolean) or False
        description = record.field("description", fields.string) or ""
        relations: list[Relation] = []
        for item in self.items(record.node, "relations", "relations"):
            relation = self.relation(item, ident)
            if relation is None:
                record.failed = True
            else:
                relations.append(relation)
        return _build(record, lambda: Metric(
            _must(ident), _must(names), _must(dimension), description, aliases,
            tuple(relations), headline,
            origin=record.origin(),
        ))

    def relation(self, node: Node, owner: str | None) -> Relation | None:
        record = self.record(node, "a relation", RELATION_KEYS)
        if record is None:
            return None
        kind = record.field("kind", _choice(RelationKind), required=True)
        target = record.field("metric", fields.identifier, required=True)
        note = record.field("note", fields.string)
        if target is not None and target == owner:
            record.complain(f"metric {owner} cannot relate to itself", record.node.get("metric"))
        self.refer(record, "metric", "metric", target, f"relation of metric {owner}")
        return _build(record, lambda: Relation(_must(kind), _must(target), note))

    def _names(self, record: _Record) -> Names | None:
        try:
            return record.field("names", self.names, required=True)
        except _Reported:
            record.failed = True
            return None

    def entity(self, node: Node) -> Entity | None:
        record = self.record(node, "an entity", ENTITY_KEYS)
        if record is None:
            return None
        ident = self.declare(record, "entity")
        names = self._names(record)
        kind = record.field("kind", fields.string, required=True)
        parent = record.field("parent", fields.identifier)
        aliases = record.field("aliases", fields.strings) or ()
        self.refer(record, "entity", "parent", parent, f"parent of entity {ident}")
        return _build(record, lambda: Entity(
            _must(ident), _must(names), _must(kind), parent, aliases, origin=record.origin(),
        ))

    def fx_rate(self, node: Node) -> FxRate | None:
        record = self.record(node, "an FX rate", FX_KEYS)
        if record is None:
            return None
        base = record.field("base", _currency, required=True)
        quote = record.field("quote", _currency, required=True)
        year = record.field("year", fields.integer, required=True)
        value = record.field("rate", fields.rate, required=True)
        source = record.field("source", fields.string, required=True)
        url = record.field("url", fields.string)
        return _build(record, lambda: FxRate(
            _must(base), _must(quote), _must(year), _must(value), _must(source), url,
            origin=record.origin(),
        ))

    # --- a source and its records -----------------------------------------------------------
    def source(self, node: Node) -> Source | None:
        record = self.record(node, "the source", SOURCE_KEYS)
        if record is None:
            return None
        ident = self.declare(record, "source")
        if ident is not None:
            self.source_id = ident
        title = record.field("title", fields.string, required=True)
        issuer = record.field("issuer", fields.string, required=True)
        published = record.field("published", fields.date, required=True)
        script = record.field("script", _choice(Script), required=True)
        text = record.field("text", fields.string, required=True)
        doc_number = record.field("doc_number", fields.string)
        index_number = record.field("index_number", fields.string)
        url = record.field("url", fields.string)
        kind = record.field("kind", lambda p, n, k: fields.word(p, n, k, SOURCE_KINDS))
        note = record.field("note", lambda p, n, k: fields.string(p, n, k, empty=True))
        return _build(record, lambda: Source(
            _must(ident), _must(title), _must(issuer), _must(published), _must(script),
            _must(text),
            doc_number, index_number, url, kind or "report", note or "",
            origin=record.origin(),
        ))

    def defaults(self, node: Node) -> None:
        record = self.record(node, "defaults", DEFAULTS_KEYS)
        if record is None:
            return
        self.default_entity = record.field("entity", fields.identifier)
        self.refer(record, "entity", "entity", self.default_entity, "defaults")
        self.default_period = record.field("period", fields.period)

    def _common(self, record: _Record, kind: str) -> tuple[Any, ...]:
        """id, entity, measure and period, with the file's defaults applied."""
        ident = self.declare(record, kind)
        entity = record.field("entity", fields.identifier)
        if not record.has("entity"):
            entity = self.default_entity
            if entity is None:
                record.complain(f"{kind} {ident} has no entity: add entity, or defaults: "
                                "{entity: ...} to the file")
        else:
            self.refer(record, "entity", "entity", entity, f"{kind} {ident}")
        measure = record.field("measure", _choice(Measure), required=True)
        period = record.field("period", fields.period)
        if not record.has("period"):
            period = self.default_period
            if period is None:
                record.complain(f"{kind} {ident} has no period: add period, or defaults: "
                                "{period: ...} to the file")
        return ident, entity, measure, period

    def goal(self, node: Node) -> Goal | None:
        record = self.record(node, "a goal", GOAL_KEYS)
        if record is None:
            return None
        ident, entity, measure, period = self._common(record, "goal")
        metric = record.field("metric", fields.identifier)
        self.refer(record, "metric", "metric", metric, f"goal {ident}")
        figures: list[FigureCheck] = []
        target = self.figure(record, "target", figures)
        stretch = self.figure(record, "stretch", figures)
        strength = record.field("strength", _choice(Strength))
        parts = self.parts(record, ident, figures)
        override = self.override(record)
        section = record.field("section", fields.string) or ""
        description = record.field("description", fields.string) or ""
        quote = self.quote(record, figures)
        if record.has("parts") and record.has("target"):
            record.complain(f"goal {ident} has both target and parts: a compound goal states "
                            "its targets in its parts", record.node.get("parts"))
        if record.has("stretch") and not record.has("target"):
            record.complain(f"goal {ident} has a stretch but no target: the target is the "
                            "floor (确保), the stretch the tier above it (力争)",
                            record.node.get("stretch"))
        if measure in QUANTITATIVE and not record.has("target") and not record.has("parts") \
                and not record.has("stretch"):
            record.complain(f"a {measure.value} goal needs a target (or parts); only rank, event "
                            "and milestone goals may have none")
        if measure not in (Measure.MILESTONE, None) and not record.has("metric") \
                and not record.has("parts"):
            record.complain(f"goal {ident} has no metric: only milestone and compound goals "
                            "may omit it")
        return _build(record, lambda: Goal(
            _must(ident), self.source_id, _must(entity), _must(measure), _must(period),
            _must(quote), metric, target, strength, stretch, parts, section, description, override,
            origin=record.origin(),
        ))

    def parts(self, record: _Record, owner: str | None,
              figures: list[FigureCheck]) -> tuple[GoalPart, ...]:
        parts: list[GoalPart] = []
        for index, item in enumerate(self.items(record.node, "parts", "goal parts")):
            part = self.part(item, index, owner, figures)
            if part is None:
                record.failed = True
            else:
                parts.append(part)
        if record.has("parts") and not parts and not record.failed:
            record.complain("parts is empty: list the parts of the compound goal",
                            record.node.get("parts"))
        return tuple(parts)

    def part(self, node: Node, index: int, owner: str | None,
             figures: list[FigureCheck]) -> GoalPart | None:
        record = self.record(node, "a goal part", PART_KEYS)
        if record is None:
            return None
        metric = record.field("metric", fields.identifier, required=True)
        self.refer(record, "metric", "metric", metric, f"part of goal {owner}")
        target = self.figure(record, "target", figures, label=f"parts[{index}].target")
        if not record.has("target"):
            record.complain("a goal part needs a target")
        label = record.field("label", fields.string) or ""
        measure = record.field("measure", _choice(Measure)) or Measure.LEVEL
        return _build(record, lambda: GoalPart(_must(metric), _must(target), label, measure))

    def override(self, record: _Record) -> Override | None:
        node = record.node.get("override")
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return None
        sub = self.record(node, "an override", OVERRIDE_KEYS)
        if sub is None:
            record.failed = True
            return None
        status = sub.field("status", _choice(Status), required=True)
        reason = sub.field("reason", fields.string, required=True)
        day = sub.field("date", fields.date, required=True)
        by = sub.field("by", fields.string)
        built = _build(sub, lambda: Override(_must(status), _must(reason), _must(day), by))
        if built is None:
            record.failed = True
        return built

    def outcome(self, node: Node) -> Outcome | None:
        record = self.record(node, "an outcome", OUTCOME_KEYS)
        if record is None:
            return None
        ident, entity, measure, period = self._common(record, "outcome")
        metric = record.field("metric", fields.identifier)
        self.refer(record, "metric", "metric", metric, f"outcome {ident}")
        figures: list[FigureCheck] = []
        value = self.figure(record, "value", figures)
        attainment = self.figure(record, "attainment", figures)
        plan = self.figure(record, "plan", figures)
        preliminary = record.field("preliminary", fields.boolean) or False
        cumulative = record.field("cumulative", fields.boolean) or False
        goal = record.field("goal", fields.identifier)
        self.refer(record, "goal", "goal", goal, f"outcome {ident}")
        progress = record.field("progress", _choice(Progress))
        note = record.field("note", fields.string) or ""
        quote = self.quote(record, figures)
        if measure in (Measure.LEVEL, Measure.GROWTH, Measure.SHARE, Measure.RANK) \
                and not record.has("value"):
            record.complain(f"a {measure.value} outcome needs a value")
        if measure is Measure.ATTAINMENT and not record.has("value") \
                and not record.has("attainment"):
            record.complain("an attainment outcome needs a value or an attainment")
        if measure not in (Measure.MILESTONE, None) and not record.has("metric"):
            record.complain(f"outcome {ident} has no metric: only milestone outcomes may omit it")
        return _build(record, lambda: Outcome(
            _must(ident), self.source_id, _must(entity), _must(measure), _must(period),
            _must(quote), metric, value, preliminary, cumulative, attainment, plan, goal,
            progress, note,
            origin=record.origin(),
        ))

    def ignore(self, node: Node) -> Ignore | None:
        record = self.record(node, "an ignore entry", IGNORE_KEYS)
        if record is None:
            return None
        reason = record.field("reason", fields.string, required=True)
        quote = self.quote(record, [])
        return _build(record, lambda: Ignore(_must(quote), _must(reason), origin=record.origin()))


class _Reported(Exception):
    """A nested record failed; its problems are already recorded."""


def _currency(path: str, node: Node, key: str) -> str:
    text = fields.string(path, node, key)
    if len(text) != 3 or not text.isascii() or not text.isupper() or not text.isalpha():
        raise fields.fail(path, node, f"{key} {fields.show(text)} is not a currency code: "
                          "expected three capital letters such as USD or CNY")
    return text


def read_spec(node: Node, path: str) -> tuple[SpecFile, list[Problem]]:
    """Read one parsed spec file; the problems are empty when every record is valid."""
    reader = _FileReader(path)
    try:
        top = fields.mapping(path, node, "a spec file")
    except FieldError as error:
        return SpecFile(path), [error.problem]
    reader.problems.extend(fields.unknown_keys(path, top, "a spec file", TOP_KEYS))
    source: Source | None = None
    text_at: tuple[int, int] | None = None
    source_node = top.get("source")
    if source_node is not None:
        source = reader.source(source_node)
        if isinstance(source_node, Mapping) and (text_node := source_node.get("text")):
            text_at = (text_node.line, text_node.column)
    else:
        for key in ("defaults", "goals", "outcomes", "ignore"):
            if (entry := top.entry(key)) is not None:
                reader.problems.append(Problem(
                    path, entry.line, entry.column,
                    f"{key} need a source in the same file: add source: {{id: ..., ...}}",
                ))
    if (defaults := top.get("defaults")) is not None:
        reader.defaults(defaults)
    goals = _collect(reader.goal, reader.items(top, "goals", "goals"))
    outcomes = _collect(reader.outcome, reader.items(top, "outcomes", "outcomes"))
    ignores = _collect(reader.ignore, reader.items(top, "ignore", "ignore entries"))
    metrics = _collect(reader.metric, reader.items(top, "metrics", "metrics"))
    entities = _collect(reader.entity, reader.items(top, "entities", "entities"))
    fx_rates = _collect(reader.fx_rate, reader.items(top, "fx_rates", "FX rates"))
    spec = SpecFile(
        path, source, goals, outcomes, ignores, metrics, entities, fx_rates,
        tuple(reader.references), tuple(reader.declarations), tuple(reader.checks), text_at,
    )
    return spec, reader.problems


def _collect(read: Callable[[Node], T | None], nodes: tuple[Node, ...]) -> tuple[T, ...]:
    built = (read(node) for node in nodes)
    return tuple(record for record in built if record is not None)
