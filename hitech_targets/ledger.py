"""The Ledger: every loaded record, indexed by id, entity, metric, period and source."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from hitech_targets.model import (
    Entity,
    FxRate,
    Goal,
    Ignore,
    Metric,
    Outcome,
    RelationKind,
    Source,
)
from hitech_targets.period import Period

if TYPE_CHECKING:  # reconcile is a later stage; imported lazily in Ledger.reconcile
    from hitech_targets.scorecard import Scorecard


def _by_id(records: Iterable[Any]) -> dict[str, Any]:
    return {r.id: r for r in records}


def _sorted(records: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(sorted(records, key=lambda r: r.id))


def _group(records: Iterable[Any], key: Callable[[Any], Any]) -> dict[Any, tuple[Any, ...]]:
    """Index records by ``key``; each group keeps the (id) order of the input."""
    groups: dict[Any, list[Any]] = {}
    for record in records:
        groups.setdefault(key(record), []).append(record)
    return {k: tuple(v) for k, v in groups.items()}


def _relations(metrics: Iterable[Metric]) -> dict[Any, tuple[Any, ...]]:
    """(kind, metric id) → the ids related to it by that kind, declared in either direction."""
    found: dict[tuple[RelationKind, str], set[str]] = {}
    for metric in metrics:
        for relation in metric.relations:
            found.setdefault((relation.kind, metric.id), set()).add(relation.metric)
            if relation.metric != metric.id:
                found.setdefault((relation.kind, relation.metric), set()).add(metric.id)
    return {key: tuple(sorted(ids)) for key, ids in found.items()}


def _sorted_rates(rates: Iterable[FxRate]) -> tuple[FxRate, ...]:
    return tuple(sorted(rates, key=lambda r: (r.base, r.quote, r.year)))


@attrs.frozen(eq=True)
class Ledger:
    """All goals and outcomes of a set of specs, with the registries and source texts.

    Records are kept sorted by id so that a Ledger does not depend on the order files were read.
    ``texts`` maps a source id to the full text of its document.
    """

    sources: tuple[Source, ...] = attrs.field(converter=_sorted, default=())
    entities: tuple[Entity, ...] = attrs.field(converter=_sorted, default=())
    metrics: tuple[Metric, ...] = attrs.field(converter=_sorted, default=())
    goals: tuple[Goal, ...] = attrs.field(converter=_sorted, default=())
    outcomes: tuple[Outcome, ...] = attrs.field(converter=_sorted, default=())
    fx_rates: tuple[FxRate, ...] = attrs.field(converter=_sorted_rates, default=())
    ignores: Mapping[str, tuple[Ignore, ...]] = attrs.field(factory=dict, eq=False)
    texts: Mapping[str, str] = attrs.field(factory=dict, eq=False, repr=False)

    _sources: dict[str, Source] = attrs.field(init=False, eq=False, repr=False)
    _entities: dict[str, Entity] = attrs.field(init=False, eq=False, repr=False)
    _metrics: dict[str, Metric] = attrs.field(init=False, eq=False, repr=False)
    _goals: dict[str, Goal] = attrs.field(init=False, eq=False, repr=False)
    _outcomes: dict[str, Outcome] = attrs.field(init=False, eq=False, repr=False)
    _index: dict[str, dict[Any, tuple[Any, ...]]] = attrs.field(init=False, eq=False, repr=False)
    _published: tuple[dt.date, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # Indexes built once, so that lookups cost the size of the answer, not of the ledger.
        object.__setattr__(self, "_published", tuple(sorted(s.published for s in self.sources)))
        object.__setattr__(
            self,
            "_index",
            {
                "outcomes_em": _group(self.outcomes, lambda o: (o.entity, o.metric)),
                "outcomes_entity": _group(self.outcomes, lambda o: o.entity),
                "outcomes_metric": _group(self.outcomes, lambda o: o.metric),
                "outcomes_source": _group(self.outcomes, lambda o: o.source),
                "outcomes_goal": _group((o for o in self.outcomes if o.goal), lambda o: o.goal),
                "goals_entity": _group(self.goals, lambda g: g.entity),
                "goals_metric": _group(self.goals, lambda g: g.metric),
                "goals_source": _group(self.goals, lambda g: g.source),
                "goals_end_year": _group(self.goals, lambda g: g.period.end.year),
                "goals_entity_end_year": _group(
                    self.goals, lambda g: (g.entity, g.period.end.year)
                ),
                "metrics_related": _relations(self.metrics),
            },
        )
        object.__setattr__(self, "_sources", _by_id(self.sources))
        object.__setattr__(self, "_entities", _by_id(self.entities))
        object.__setattr__(self, "_metrics", _by_id(self.metrics))
        object.__setattr__(self, "_goals", _by_id(self.goals))
        object.__setattr__(self, "_outcomes", _by_id(self.outcomes))

    # --- lookups by id (KeyError names the missing id) ---
    def source(self, source_id: str) -> Source:
        return self._sources[source_id]

    def entity(self, entity_id: str) -> Entity:
        return self._entities[entity_id]

    def metric(self, metric_id: str) -> Metric:
        return self._metrics[metric_id]

    def goal(self, goal_id: str) -> Goal:
        return self._goals[goal_id]

    def outcome(self, outcome_id: str) -> Outcome:
        return self._outcomes[outcome_id]

    def text(self, source_id: str) -> str:
        """The full text of a source document."""
        return self.texts[source_id]

    # --- filtered views ---
    def goals_for(
        self,
        *,
        entity: str | None = None,
        metric: str | None = None,
        period: Period | None = None,
        source: str | None = None,
        year: int | None = None,
    ) -> tuple[Goal, ...]:
        """Goals matching every filter given; ``year`` keeps goals whose period covers it."""
        if entity is not None:
            pool = self._index["goals_entity"].get(entity, ())
        elif source is not None:
            pool = self._index["goals_source"].get(source, ())
        elif metric is not None:
            pool = self._index["goals_metric"].get(metric, ())
        else:
            pool = self.goals
        return tuple(
            g
            for g in pool
            if (entity is None or g.entity == entity)
            and (metric is None or g.metric == metric)
            and (period is None or g.period == period)
            and (source is None or g.source == source)
            and (year is None or g.period.overlaps_year(year))
        )

    def outcomes_for(
        self,
        *,
        entity: str | None = None,
        metric: str | None = None,
        period: Period | None = None,
        source: str | None = None,
        published_by: dt.date | None = None,
    ) -> tuple[Outcome, ...]:
        """Outcomes matching every filter; ``published_by`` keeps those known on that day."""
        if entity is not None and metric is not None:
            pool = self._index["outcomes_em"].get((entity, metric), ())
        elif entity is not None:
            pool = self._index["outcomes_entity"].get(entity, ())
        elif metric is not None:
            pool = self._index["outcomes_metric"].get(metric, ())
        elif source is not None:
            pool = self._index["outcomes_source"].get(source, ())
        else:
            pool = self.outcomes
        return tuple(
            o
            for o in pool
            if (entity is None or o.entity == entity)
            and (metric is None or o.metric == metric)
            and (period is None or o.period == period)
            and (source is None or o.source == source)
            and (published_by is None or self._sources[o.source].published <= published_by)
        )

    def goals_ending_in(self, year: int, entity: str | None = None) -> tuple[Goal, ...]:
        """Goals (of ``entity``, if given) whose period ends in ``year`` (十四五 ends in 2025)."""
        if entity is not None:
            return self._index["goals_entity_end_year"].get((entity, year), ())
        return self._index["goals_end_year"].get(year, ())

    def count_sources_published(self, after: dt.date, until: dt.date) -> int:
        """How many sources were published after ``after`` and on or before ``until``."""
        dates = self._published
        return max(0, bisect.bisect_right(dates, until) - bisect.bisect_right(dates, after))

    def evidence_for(self, goal_id: str) -> tuple[Outcome, ...]:
        """Outcomes that link themselves to a goal (milestone evidence)."""
        return self._index["outcomes_goal"].get(goal_id, ())

    def related_metrics(self, metric: str, kind: RelationKind) -> tuple[str, ...]:
        """Ids of the metrics related to ``metric`` by ``kind`` (declared on either side)."""
        related: tuple[str, ...] = self._index["metrics_related"].get((kind, metric), ())
        return related

    def fx_rate(self, year: int, base: str = "USD", quote: str = "CNY") -> FxRate | None:
        for rate in self.fx_rates:
            if rate.year == year and rate.base == base and rate.quote == quote:
                return rate
        return None

    def reconcile(
        self,
        year: int,
        entity: str | None = None,
        as_of: dt.date | str | None = None,
        **options: Any,
    ) -> Scorecard:
        """Score the goals of ``year`` against what was known on ``as_of``; see ``reconcile``."""
        from hitech_targets.reconcile import reconcile  # later stage: imported on use

        return reconcile(self, year=year, entity=entity, as_of=as_of, **options)
