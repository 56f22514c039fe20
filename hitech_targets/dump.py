"""Ledger → spec YAML, in the format ``loader`` reads, so that ``load(dump(ledger)) == ledger``.

One file per source (``<source id>.yaml``: source, goals, outcomes, ignore) and one per registry
(``registry/metrics.yaml``, ``registry/entities.yaml``, ``registry/fx.yaml``), each starting with
the schema modeline. Figures are written as the source wrote them (``Quantity.text``); a
quantity built in code without text is written in a plain form the grammar reads back.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import yaml

from hitech_targets.ledger import Ledger
from hitech_targets.model import (
    Entity,
    FxRate,
    Goal,
    GoalPart,
    Ignore,
    Metric,
    Names,
    Outcome,
    Override,
    Source,
)
from hitech_targets.quantity import Comparator, Quantity, Unit, decimal_str
from hitech_targets.yamlsafe import resolve_plain

SCHEMA_PATH = "schema/spec.schema.json"

_Dumper: type[Any] = yaml.CSafeDumper if yaml.__with_libyaml__ else yaml.SafeDumper


class _NoAliasDumper(_Dumper):  # type: ignore[misc]
    """Never writes anchors or aliases: the loader refuses them."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: Any, data: str) -> Any:
    # PyYAML writes y/n/Y/N plain, but YAML 1.1 readers (and the loader) take them for booleans.
    style = "'" if data and resolve_plain(data) != "str" else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_NoAliasDumper.add_representer(str, _represent_str)


def modeline(depth: int) -> str:
    """The yaml-language-server modeline of a spec ``depth`` directories below the specs root."""
    return f"# yaml-language-server: $schema={'../' * (depth + 1)}{SCHEMA_PATH}\n"


_SUFFIX = {
    Unit.CNY: "元",
    Unit.USD: "美元",
    Unit.PERCENT: "%",
    Unit.PP: "个百分点",
    Unit.MU: "亩",
    Unit.M2: "平方米",
    Unit.TIMES: "倍",
}


def figure_text(quantity: Quantity) -> str:
    """The figure as written when known, else a plain wording of it (833020000元, 10.6%)."""
    if quantity.text is not None:
        return quantity.text

    def number(value: Decimal | None) -> str:
        return decimal_str(value) or "0"

    if quantity.unit is Unit.RANK:
        return f"第{number(quantity.point)}名"
    suffix = _SUFFIX.get(quantity.unit, quantity.classifier or "个")
    if quantity.comparator is Comparator.RANGE:
        return f"{number(quantity.low)}-{number(quantity.high)}{suffix}"
    core = f"{number(quantity.value)}{suffix}"
    return {
        Comparator.GE: f"{core}以上",
        Comparator.GT: f"超过{core}",
        Comparator.LE: f"{core}以下",
        Comparator.LT: f"近{core}" if quantity.approximate else f"不到{core}",
        Comparator.APPROX: f"约{core}",
    }.get(quantity.comparator, core)


def _compact(record: dict[str, Any]) -> dict[str, Any]:
    """Drop keys whose value is the default (None, empty, False)."""
    return {
        k: v for k, v in record.items()
        if not (v is None or v is False or (isinstance(v, str | list | tuple) and not v))
    }


def _names(names: Names) -> dict[str, str]:
    return {"zh-Hans": names.zh_hans, "zh-Hant": names.zh_hant, "en": names.en}


def _figure(quantity: Quantity | None) -> str | None:
    return None if quantity is None else figure_text(quantity)


def _source(source: Source) -> dict[str, Any]:
    return _compact({
        "id": source.id,
        "title": source.title,
        "issuer": source.issuer,
        "doc_number": source.doc_number,
        "index_number": source.index_number,
        "published": source.published.isoformat(),
        "script": source.script.value,
        "text": source.text,
        "url": source.url,
        "kind": source.kind if source.kind != "report" else None,
        "note": source.note,
    })


def _part(part: GoalPart) -> dict[str, Any]:
    return _compact({
        "metric": part.metric,
        "target": figure_text(part.target),
        "label": part.label,
        "measure": part.measure.value if part.measure.value != "level" else None,
    })


def _override(override: Override | None) -> dict[str, Any] | None:
    if override is None:
        return None
    return _compact({
        "status": override.status.value,
        "reason": override.reason,
        "date": override.date.isoformat(),
        "by": override.by,
    })


def _goal(goal: Goal) -> dict[str, Any]:
    return _compact({
        "id": goal.id,
        "section": goal.section,
        "metric": goal.metric,
        "entity": goal.entity,
        "measure": goal.measure.value,
        "period": goal.period.label,
        "target": _figure(goal.target),
        "stretch": _figure(goal.stretch),
        "strength": goal.strength.value if goal.strength else None,
        "parts": [_part(p) for p in goal.parts],
        "description": goal.description,
        "override": _override(goal.override),
        "quote": goal.quote,
    })


def _outcome(outcome: Outcome) -> dict[str, Any]:
    return _compact({
        "id": outcome.id,
        "metric": outcome.metric,
        "entity": outcome.entity,
        "measure": outcome.measure.value,
        "period": outcome.period.label,
        "value": _figure(outcome.value),
        "attainment": _figure(outcome.attainment),
        "plan": _figure(outcome.plan),
        "preliminary": outcome.preliminary,
        "cumulative": outcome.cumulative,
        "goal": outcome.goal,
        "progress": outcome.progress.value if outcome.progress else None,
        "note": outcome.note,
        "quote": outcome.quote,
    })


def _ignore(ignore: Ignore) -> dict[str, Any]:
    return {"quote": ignore.quote, "reason": ignore.reason}


def _metric(metric: Metric) -> dict[str, Any]:
    return _compact({
        "id": metric.id,
        "names": _names(metric.names),
        "aliases": list(metric.aliases),
        "dimension": metric.dimension.value,
        "headline": metric.headline,
        "description": metric.description,
        "relations": [
            _compact({"kind": r.kind.value, "metric": r.metric, "note": r.note})
            for r in metric.relations
        ],
    })


def _entity(entity: Entity) -> dict[str, Any]:
    return _compact({
        "id": entity.id,
        "names": _names(entity.names),
        "kind": entity.kind,
        "parent": entity.parent,
        "aliases": list(entity.aliases),
    })


def _fx(rate: FxRate) -> dict[str, Any]:
    return _compact({
        "base": rate.base,
        "quote": rate.quote,
        "year": rate.year,
        "rate": str(rate.rate),
        "source": rate.source,
        "url": rate.url,
    })


def _yaml(data: dict[str, Any], depth: int) -> str:
    body = yaml.dump(
        data, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False,
        default_flow_style=False, width=4096,
    )
    return modeline(depth) + body


def dump(ledger: Ledger) -> dict[str, str]:
    """Spec files for a ledger: relative file name → YAML text (see module doc)."""
    files: dict[str, str] = {}
    if ledger.metrics:
        files["registry/metrics.yaml"] = _yaml(
            {"metrics": [_metric(m) for m in ledger.metrics]}, 1)
    if ledger.entities:
        files["registry/entities.yaml"] = _yaml(
            {"entities": [_entity(e) for e in ledger.entities]}, 1)
    if ledger.fx_rates:
        files["registry/fx.yaml"] = _yaml({"fx_rates": [_fx(r) for r in ledger.fx_rates]}, 1)
    goals_of: dict[str, list[dict[str, Any]]] = {}
    outcomes_of: dict[str, list[dict[str, Any]]] = {}
    for goal in ledger.goals:
        goals_of.setdefault(goal.source, []).append(_goal(goal))
    for outcome in ledger.outcomes:
        outcomes_of.setdefault(outcome.source, []).append(_outcome(outcome))
    for source in ledger.sources:
        spec: dict[str, Any] = {"source": _source(source)}
        goals = goals_of.get(source.id, [])
        outcomes = outcomes_of.get(source.id, [])
        ignores = [_ignore(i) for i in ledger.ignores.get(source.id, ())]
        spec.update(_compact({"goals": goals, "outcomes": outcomes, "ignore": ignores}))
        files[f"{source.id}.yaml"] = _yaml(spec, 0)
    return files
