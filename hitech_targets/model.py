"""The domain model: sources, entities, metrics, goals, outcomes and FX rates, as frozen records.

Every goal and outcome carries the exact quote it was read from; the loader verifies it against
the source text (see ``provenance``). Ids are plain strings cross-checked by the loader.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from decimal import Decimal
from typing import Any

import attrs

from hitech_targets.period import Period
from hitech_targets.quantity import Measure, Quantity, Strength

__all__ = [
    "Dimension",
    "Entity",
    "FxRate",
    "Goal",
    "GoalPart",
    "Ignore",
    "Metric",
    "Names",
    "Origin",
    "Outcome",
    "Override",
    "Progress",
    "Relation",
    "RelationKind",
    "Script",
    "Source",
    "Status",
    "Strength",
]

_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def _is_id(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not _ID.match(value):
        raise ValueError(
            f"{attribute.name} must be a lower-case id of letters, digits, '.', '_' or '-': "
            f"{value!r}"
        )


def _non_empty(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{attribute.name} must be a non-empty string")


_opt_id = attrs.validators.optional(_is_id)


class Script(enum.Enum):
    """The script a source is written in; quotes are kept in it verbatim."""

    HANS = "zh-Hans"
    HANT = "zh-Hant"


class Status(enum.Enum):
    """The verdict vocabulary; exactly these seven words."""

    MET = "met"
    MISSED = "missed"
    PARTIALLY_MET = "partially_met"
    IN_PROGRESS = "in_progress"
    PENDING = "pending"
    NO_EVIDENCE = "no_evidence"
    NOT_COMPARABLE = "not_comparable"


class Progress(enum.Enum):
    """What a milestone evidence sentence says: done, partly done, or under way."""

    COMPLETED = "completed"
    PARTIAL = "partial"
    IN_PROGRESS = "in_progress"


class Dimension(enum.Enum):
    """What kind of quantity a metric is."""

    MONEY = "money"
    COUNT = "count"
    RATIO = "ratio"
    AREA = "area"
    RANK = "rank"
    EVENT = "event"
    QUALITATIVE = "qualitative"


class RelationKind(enum.Enum):
    """How two metrics relate; related metrics are never silently merged.

    ``proxy_for``: a different definition that tracks the other (shown, scored not_comparable);
    ``part_of``: a component of the other; ``currency_variant``: the same concept counted in
    another currency, comparable through the FX registry.
    """

    PROXY_FOR = "proxy_for"
    PART_OF = "part_of"
    CURRENCY_VARIANT = "currency_variant"


@attrs.frozen
class Origin:
    """Where a record was written: spec file and 1-based line, for messages and edits."""

    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


@attrs.frozen
class Names:
    """A name in the three scripts/languages readers use."""

    zh_hans: str = attrs.field(validator=_non_empty)
    zh_hant: str = attrs.field(validator=_non_empty)
    en: str = attrs.field(validator=_non_empty)

    def for_locale(self, locale: str) -> str:
        """The name for a babel locale string (zh_Hans_CN, zh_Hant_TW, en …)."""
        if locale.startswith("zh_Hant") or locale.startswith("zh-Hant"):
            return self.zh_hant
        if locale.startswith("zh"):
            return self.zh_hans
        return self.en


@attrs.frozen
class Source:
    """One source document and the text file it was captured as."""

    id: str = attrs.field(validator=_is_id)
    title: str = attrs.field(validator=_non_empty)
    issuer: str = attrs.field(validator=_non_empty)
    published: dt.date = attrs.field(validator=attrs.validators.instance_of(dt.date))
    script: Script = attrs.field(validator=attrs.validators.instance_of(Script))
    text: str = attrs.field(validator=_non_empty)  # path of the text, relative to the repository
    doc_number: str | None = None  # 文号, e.g. 厦高工委〔2022〕10号
    index_number: str | None = None  # 索引号
    url: str | None = None
    kind: str = "report"
    note: str = ""
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class Entity:
    """Who a figure is about: a zone, a city …; zones may name their city as parent."""

    id: str = attrs.field(validator=_is_id)
    names: Names
    kind: str = attrs.field(validator=_non_empty)
    parent: str | None = attrs.field(default=None, validator=_opt_id)
    aliases: tuple[str, ...] = ()
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class Relation:
    """A declared relation from one metric to another."""

    kind: RelationKind
    metric: str = attrs.field(validator=_is_id)
    note: str | None = None


@attrs.frozen
class Metric:
    """A quantity a zone reports; a drifting definition is a separate metric with a relation."""

    id: str = attrs.field(validator=_is_id)
    names: Names
    dimension: Dimension
    description: str = ""
    aliases: tuple[str, ...] = ()
    relations: tuple[Relation, ...] = ()
    headline: bool = False  # charted over all years in the report
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)

    def related(self, kind: RelationKind) -> tuple[str, ...]:
        return tuple(r.metric for r in self.relations if r.kind is kind)


@attrs.frozen
class FxRate:
    """An annual average exchange rate: 1 ``base`` = ``rate`` ``quote`` (1 USD = 6.4515 CNY)."""

    base: str
    quote: str
    year: int
    rate: Decimal = attrs.field(validator=attrs.validators.instance_of(Decimal))
    source: str = attrs.field(validator=_non_empty)
    url: str | None = None
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)

    @rate.validator
    def _positive(self, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
        if value <= 0:
            raise ValueError(f"rate must be positive, not {value}")


@attrs.frozen
class Override:
    """An analyst's verdict that wins over the reconciler's, flagged as such in every output."""

    status: Status
    reason: str = attrs.field(validator=_non_empty)
    date: dt.date = attrs.field(validator=attrs.validators.instance_of(dt.date))
    by: str | None = None


@attrs.frozen
class GoalPart:
    """One part of a compound goal (13个省重点项目 and 31个市重点项目)."""

    metric: str = attrs.field(validator=_is_id)
    target: Quantity
    label: str = ""
    measure: Measure = Measure.LEVEL


@attrs.frozen
class Goal:
    """An announced goal, with the words it was announced in.

    Quantitative goals have ``target`` (and may have a ``stretch`` tier: 确保 X, 力争 Y);
    compound goals have ``parts``; milestones (``measure`` milestone) and zero-event goals
    (``measure`` event) may have no target.
    """

    id: str = attrs.field(validator=_is_id)
    source: str = attrs.field(validator=_is_id)
    entity: str = attrs.field(validator=_is_id)
    measure: Measure
    period: Period
    quote: str = attrs.field(validator=_non_empty)
    metric: str | None = attrs.field(default=None, validator=_opt_id)
    target: Quantity | None = None
    strength: Strength | None = None
    stretch: Quantity | None = None
    parts: tuple[GoalPart, ...] = ()
    section: str = ""
    description: str = ""
    override: Override | None = None
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def is_milestone(self) -> bool:
        return self.measure is Measure.MILESTONE

    @property
    def is_compound(self) -> bool:
        return bool(self.parts)


@attrs.frozen
class Outcome:
    """A reported result, with the words it was reported in.

    ``attainment`` is a self-reported share of plan (完成年度计划126.9%), ``plan`` an embedded plan
    figure (完成年计划710亿元的89.4%). Milestone evidence sets ``goal`` (the goal it reports on)
    and ``progress``.
    """

    id: str = attrs.field(validator=_is_id)
    source: str = attrs.field(validator=_is_id)
    entity: str = attrs.field(validator=_is_id)
    measure: Measure
    period: Period
    quote: str = attrs.field(validator=_non_empty)
    metric: str | None = attrs.field(default=None, validator=_opt_id)
    value: Quantity | None = None
    preliminary: bool = False
    cumulative: bool = False
    attainment: Quantity | None = None
    plan: Quantity | None = None
    goal: str | None = attrs.field(default=None, validator=_opt_id)
    progress: Progress | None = None
    note: str = ""
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class Ignore:
    """A figure of a source that is deliberately not captured, with the reason."""

    quote: str = attrs.field(validator=_non_empty)
    reason: str = attrs.field(validator=_non_empty)
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)
