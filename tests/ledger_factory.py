"""Small synthetic ledgers for the reconciler, derivation, scorecard and audit tests.

Figures are written the way the seeds write them (亿元 in base units, percent as numbers).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from hitech_targets.assessment import Assessment
from hitech_targets.ledger import Ledger
from hitech_targets.model import (
    Dimension,
    Entity,
    FxRate,
    Goal,
    GoalPart,
    Metric,
    Names,
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
from hitech_targets.period import Period
from hitech_targets.quantity import Comparator, Measure, Quantity, Unit

YI = Decimal(100_000_000)
ZONE = "xiamen-torch"


def q(
    value: str | None,
    unit: Unit = Unit.PERCENT,
    cmp: Comparator = Comparator.EQ,
    *,
    low: str | None = None,
    high: str | None = None,
    approximate: bool = False,
) -> Quantity:
    return Quantity(
        None if value is None else Decimal(value),
        unit,
        comparator=cmp,
        low=None if low is None else Decimal(low),
        high=None if high is None else Decimal(high),
        approximate=approximate,
    )


def yi(value: str, cmp: Comparator = Comparator.EQ, *, approximate: bool = False) -> Quantity:
    """An amount in 亿元 (10^8 CNY)."""
    return Quantity(Decimal(value) * YI, Unit.CNY, comparator=cmp, approximate=approximate)


def usd_yi(value: str, cmp: Comparator = Comparator.EQ, *, approximate: bool = False) -> Quantity:
    return Quantity(Decimal(value) * YI, Unit.USD, comparator=cmp, approximate=approximate)


def count(value: str, cmp: Comparator = Comparator.EQ, *, approximate: bool = False) -> Quantity:
    return Quantity(Decimal(value), Unit.COUNT, comparator=cmp, approximate=approximate)


def source(sid: str, published: str) -> Source:
    return Source(
        id=sid,
        title=f"报告 {sid}",
        issuer="厦门火炬高新区管委会",
        published=dt.date.fromisoformat(published),
        script=Script.HANS,
        text=f"seeds/{sid}.txt",
    )


def metric(mid: str, *relations: Relation, dimension: Dimension = Dimension.MONEY) -> Metric:
    return Metric(
        id=mid,
        names=Names(mid, mid, mid),
        dimension=dimension,
        relations=tuple(relations),
    )


def goal(
    gid: str,
    *,
    src: str = "plan",
    metric: str | None = "iva",
    measure: Measure = Measure.GROWTH,
    period: str = "2022",
    target: Quantity | None = None,
    stretch: Quantity | None = None,
    parts: Iterable[GoalPart] = (),
    override: Override | None = None,
    entity: str = ZONE,
    strength: Strength | None = None,
) -> Goal:
    return Goal(
        id=gid,
        source=src,
        entity=entity,
        measure=measure,
        period=Period.parse(period),
        quote=f"目标 {gid}",
        metric=metric,
        target=target,
        stretch=stretch,
        parts=tuple(parts),
        override=override,
        strength=strength,
    )


def outcome(
    oid: str,
    *,
    src: str = "review",
    metric: str | None = "iva",
    measure: Measure = Measure.GROWTH,
    period: str = "2022",
    value: Quantity | None = None,
    preliminary: bool = False,
    cumulative: bool = False,
    attainment: Quantity | None = None,
    plan: Quantity | None = None,
    goal: str | None = None,
    progress: Progress | None = None,
    entity: str = ZONE,
) -> Outcome:
    return Outcome(
        id=oid,
        source=src,
        entity=entity,
        measure=measure,
        period=Period.parse(period),
        quote=f"完成 {oid}",
        metric=metric,
        value=value,
        preliminary=preliminary,
        cumulative=cumulative,
        attainment=attainment,
        plan=plan,
        goal=goal,
        progress=progress,
    )


DEFAULT_SOURCES = (source("plan", "2022-02-24"), source("review", "2023-02-10"))


def ledger(
    goals: Iterable[Goal] = (),
    outcomes: Iterable[Outcome] = (),
    *,
    sources: Iterable[Source] = DEFAULT_SOURCES,
    metrics: Iterable[Metric] = (),
    fx: Iterable[FxRate] = (),
) -> Ledger:
    entity = Entity(ZONE, Names("厦门火炬高新区", "廈門火炬高新區", "Xiamen Torch"), "zone")
    return Ledger(
        sources=tuple(sources),
        entities=(entity,),
        metrics=tuple(metrics),
        goals=tuple(goals),
        outcomes=tuple(outcomes),
        fx_rates=tuple(fx),
    )


def one(led: Ledger, year: int = 2022, as_of: str = "2023-12-31", **options: object) -> Assessment:
    """The single assessment of ``year`` in ``led``."""
    card = led.reconcile(year=year, as_of=as_of, **options)
    (assessment,) = card.assessments
    result: Assessment = assessment
    return result


__all__ = [
    "YI",
    "ZONE",
    "Comparator",
    "FxRate",
    "GoalPart",
    "Measure",
    "Override",
    "Progress",
    "Relation",
    "RelationKind",
    "Status",
    "count",
    "goal",
    "ledger",
    "metric",
    "one",
    "outcome",
    "q",
    "source",
    "usd_yi",
    "yi",
]


def run_cli(*args: str) -> tuple[int, bytes, bytes]:
    """Run the ``hitech-targets`` command in-process: (exit code, stdout bytes, stderr bytes)."""
    import contextlib
    import io
    import os

    from hitech_targets.cli import main

    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    cwd = os.getcwd()
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as stop:
                code = int(stop.code or 0)
            out.flush()
            err.flush()
    finally:
        os.chdir(cwd)
    return code, out.buffer.getvalue(), err.buffer.getvalue()  # type: ignore[attr-defined]
