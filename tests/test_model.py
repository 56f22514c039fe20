"""Model records: validators refuse bad ids and empty names; origins never affect equality."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

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
    Relation,
    RelationKind,
    Script,
    Source,
    Status,
)
from hitech_targets.period import Period
from hitech_targets.quantity import Measure, Quantity, Unit

NAMES = Names("厦门火炬高新区", "廈門火炬高新區", "Xiamen Torch")


def test_names_for_locale() -> None:
    assert NAMES.for_locale("zh_Hans_CN") == "厦门火炬高新区"
    assert NAMES.for_locale("zh_Hant_TW") == "廈門火炬高新區"
    assert NAMES.for_locale("zh-Hant") == "廈門火炬高新區"
    assert NAMES.for_locale("zh") == "厦门火炬高新区"
    assert NAMES.for_locale("en_US") == "Xiamen Torch"
    with pytest.raises(ValueError, match="non-empty"):
        Names(" ", "a", "b")


@pytest.mark.parametrize("bad", ["Xiamen", "", "-x", "a b", "厦门", "a/b"])
def test_ids_are_lower_case_words(bad: str) -> None:
    with pytest.raises(ValueError, match="lower-case id"):
        Entity(bad, NAMES, "zone")


def test_entity_parent_must_be_an_id() -> None:
    assert Entity("xiamen-torch", NAMES, "zone", parent="xiamen").parent == "xiamen"
    with pytest.raises(ValueError):
        Entity("xiamen-torch", NAMES, "zone", parent="Xiamen")


def test_metric_relations() -> None:
    metric = Metric("software-internet-revenue", NAMES, Dimension.MONEY, relations=(
        Relation(RelationKind.PROXY_FOR, "software-it-services-revenue"),
        Relation(RelationKind.PART_OF, "software-revenue"),
    ))
    assert metric.related(RelationKind.PROXY_FOR) == ("software-it-services-revenue",)
    assert metric.related(RelationKind.CURRENCY_VARIANT) == ()


def test_fx_rate_is_a_positive_decimal() -> None:
    assert FxRate("USD", "CNY", 2021, Decimal("6.4515"), "统计公报").rate == Decimal("6.4515")
    with pytest.raises(ValueError, match="positive"):
        FxRate("USD", "CNY", 2021, Decimal(0), "统计公报")
    with pytest.raises(TypeError):
        FxRate("USD", "CNY", 2021, 6.4515, "统计公报")  # type: ignore[arg-type]


def test_source_fields_are_typed() -> None:
    source = Source("s", "标题", "机构", dt.date(2022, 2, 24), Script.HANS, "seeds/x.txt")
    assert source.kind == "report" and source.note == ""
    with pytest.raises(TypeError):
        Source("s", "标题", "机构", "2022-02-24", Script.HANS, "x")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Source("s", "标题", "机构", dt.date(2022, 2, 24), "zh-Hans", "x")  # type: ignore[arg-type]


def _goal(**changes: object) -> Goal:
    fields: dict[str, object] = {
        "id": "s.g", "source": "s", "entity": "zone", "measure": Measure.LEVEL,
        "period": Period.year(2022), "quote": "加快建设13个省重点项目", "metric": "m",
        "target": Quantity(Decimal(13), Unit.COUNT),
    }
    fields.update(changes)
    return Goal(**fields)  # type: ignore[arg-type]


def test_goal_kinds() -> None:
    assert not _goal().is_milestone and not _goal().is_compound
    assert _goal(measure=Measure.MILESTONE, metric=None, target=None).is_milestone
    part = GoalPart("m", Quantity(Decimal(13), Unit.COUNT), "省重点项目")
    assert _goal(parts=(part,), target=None).is_compound
    with pytest.raises(ValueError, match="non-empty"):
        _goal(quote="")


def test_origin_does_not_affect_equality() -> None:
    here, there = Origin("a.yaml", 1, 1), Origin("b.yaml", 9, 3)
    assert _goal(origin=here) == _goal(origin=there)
    assert hash(_goal(origin=here)) == hash(_goal(origin=there))
    assert Ignore("2022年2月17日", "date", here) == Ignore("2022年2月17日", "date", there)
    assert str(Origin("a.yaml", 4, 7)) == "a.yaml:4:7"
    assert str(Origin("a.yaml", 4)) == "a.yaml:4"
    assert str(Origin("a.yaml")) == "a.yaml"


def test_outcome_defaults_and_override() -> None:
    outcome = Outcome("s.o", "s", "zone", Measure.GROWTH, Period.year(2021),
                      "同比增长10.6%", metric="m", value=Quantity(Decimal("10.6"), Unit.PERCENT))
    assert not outcome.preliminary and not outcome.cumulative and outcome.goal is None
    override = Override(Status.IN_PROGRESS, "人工判断", dt.date(2023, 1, 5))
    assert override.by is None
    with pytest.raises(ValueError):
        Override(Status.MET, "", dt.date(2023, 1, 5))
