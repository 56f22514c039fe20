"""A small ledger and hand-made Scorecard for the report tests, quoting the real seed documents.

The assessments are written by hand (not by the reconciler) so that report tests pin the
rendering of each figure, status and reason independently of the reconciler's rules.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hitech_targets.assessment import Actual, Assessment, Confidence, Evidence, Reason
from hitech_targets.ledger import Ledger
from hitech_targets.model import (
    Dimension,
    Entity,
    FxRate,
    Goal,
    GoalPart,
    Metric,
    Names,
    Origin,
    Outcome,
    Script,
    Source,
    Status,
)
from hitech_targets.options import ReconcileOptions
from hitech_targets.period import Period
from hitech_targets.quantity import Comparator, Measure, Quantity, Unit
from hitech_targets.scorecard import Scorecard

Y22 = Period.year(2022)
Y21 = Period.year(2021)
Y24 = Period.year(2024)

SOURCES = (
    Source(
        id="torch-2022-workplan",
        title="厦门火炬高新区2021年度工作总结和2022年度工作要点",
        issuer="中共厦门市委火炬高新区工委、厦门火炬高新区管委会",
        published=dt.date(2022, 2, 24),
        script=Script.HANS,
        text="seeds/001_61a3d4affb09c4ff.txt",
        doc_number="厦高工委〔2022〕10号",
    ),
    Source(
        id="torch-2025-news",
        title="廈門火炬高新區2024年主要經濟指標穩中有進",
        issuer="廈門日報",
        published=dt.date(2025, 1, 11),
        script=Script.HANT,
        text="seeds/002_58bfb63406a29642.txt",
        url="https://example.org/news?id=1&x=<b>",
        kind="news",
    ),
    Source(
        id="torch-2023-report",
        title="厦门火炬高新区2022年工作总结",
        issuer="厦门火炬高新区管委会",
        published=dt.date(2023, 2, 1),
        script=Script.HANS,
        text="seeds/000_47153831da318765.txt",
        url="javascript:alert(1)",
    ),
)

ENTITY = Entity(
    id="xiamen-torch",
    names=Names("厦门火炬高新区", "廈門火炬高新區", "Xiamen Torch Hi-tech Zone"),
    kind="zone",
)

METRICS = (
    Metric(
        id="industrial-output",
        names=Names("规上工业总产值", "規上工業總產值", "Industrial output above designated size"),
        dimension=Dimension.MONEY,
        headline=True,
    ),
    Metric(
        id="industrial-value-added",
        names=Names("规上工业增加值", "規上工業增加值", "Value added of industry"),
        dimension=Dimension.MONEY,
        headline=True,
    ),
    Metric(
        id="new-national-hte",
        names=Names("新增国家级高企", "新增國家級高企", "New national high-tech enterprises"),
        dimension=Dimension.COUNT,
    ),
    Metric(
        id="provincial-key-projects",
        names=Names("省重点项目", "省重點項目", "Provincial key projects"),
        dimension=Dimension.COUNT,
    ),
    Metric(
        id="municipal-key-projects",
        names=Names("市重点项目", "市重點項目", "Municipal key projects"),
        dimension=Dimension.COUNT,
    ),
    Metric(
        id="foreign-investment-usd",
        names=Names("实际利用外资", "實際利用外資", "Foreign investment actually used"),
        dimension=Dimension.MONEY,
    ),
)

PLAN_QUOTE = (
    "其中规上工业增加值增速和固定资产投资额增长两位数以上,软件与信息服务业营收增长15%以上,"
    "实际利用外资增长8%以上,新增国家级高企165家以上"
)

GOALS = (
    Goal(
        id="torch-2022-workplan.industrial-va-growth",
        source="torch-2022-workplan",
        entity="xiamen-torch",
        measure=Measure.GROWTH,
        period=Y22,
        quote="规上工业增加值增速和固定资产投资额增长两位数以上",
        metric="industrial-value-added",
        target=Quantity(Decimal("10"), Unit.PERCENT, Comparator.GE, text="两位数以上"),
        section="二、2022年工作要点 · 预期目标",
        origin=Origin("specs/001.yaml", 30),
    ),
    Goal(
        id="torch-2022-workplan.new-hte",
        source="torch-2022-workplan",
        entity="xiamen-torch",
        measure=Measure.LEVEL,
        period=Y22,
        quote="新增国家级高企165家以上",
        metric="new-national-hte",
        target=Quantity(Decimal("165"), Unit.COUNT, Comparator.GE, classifier="家"),
        section="二、2022年工作要点 · 预期目标",
        origin=Origin("specs/001.yaml", 60),
    ),
    Goal(
        id="torch-2022-workplan.key-projects",
        source="torch-2022-workplan",
        entity="xiamen-torch",
        measure=Measure.LEVEL,
        period=Y22,
        quote="加快建设13个省重点项目和31个市重点项目",
        parts=(
            GoalPart("provincial-key-projects", Quantity(Decimal(13), Unit.COUNT), "省重点项目"),
            GoalPart("municipal-key-projects", Quantity(Decimal(31), Unit.COUNT), "市重点项目"),
        ),
        section="二、2022年工作要点 · (五)一是",
        origin=Origin("specs/001.yaml", 90),
    ),
    Goal(
        id="torch-2022-workplan.xss",
        source="torch-2022-workplan",
        entity="xiamen-torch",
        measure=Measure.MILESTONE,
        period=Y22,
        quote="<script>alert(1)</script> | 全面推进",
        description="<img src=x onerror=alert(2)>",
        section="<b>三、</b>",
        origin=Origin("specs/001.yaml", 120),
    ),
)

OUTCOMES = (
    Outcome(
        id="torch-2022-workplan.2021.industrial-output",
        source="torch-2022-workplan",
        entity="xiamen-torch",
        measure=Measure.LEVEL,
        period=Y21,
        quote="完成规上工业总产值3453.8亿元",
        metric="industrial-output",
        value=Quantity(Decimal("345380000000"), Unit.CNY),
    ),
    Outcome(
        id="torch-2023-report.2022.industrial-output",
        source="torch-2023-report",
        entity="xiamen-torch",
        measure=Measure.LEVEL,
        period=Y22,
        quote="规上工业总产值3600亿元",
        metric="industrial-output",
        value=Quantity(Decimal("360000000000"), Unit.CNY),
    ),
    Outcome(
        id="torch-2023-report.2022.industrial-va-growth",
        source="torch-2023-report",
        entity="xiamen-torch",
        measure=Measure.GROWTH,
        period=Y22,
        quote="规上工业增加值增长12.6%",
        metric="industrial-value-added",
        value=Quantity(Decimal("12.6"), Unit.PERCENT),
    ),
    Outcome(
        id="torch-2025-news.2024.industrial-va-growth",
        source="torch-2025-news",
        entity="xiamen-torch",
        measure=Measure.GROWTH,
        period=Y24,
        quote="全年預計工業增加值增速10%左右",
        metric="industrial-value-added",
        value=Quantity(Decimal("10"), Unit.PERCENT, Comparator.APPROX, approximate=True),
        preliminary=True,
    ),
    Outcome(
        id="torch-2025-news.2024.fdi",
        source="torch-2025-news",
        entity="xiamen-torch",
        measure=Measure.LEVEL,
        period=Y24,
        quote="外資促到資約3.71億美元",
        metric="foreign-investment-usd",
        value=Quantity(Decimal("371000000"), Unit.USD, Comparator.APPROX, approximate=True),
    ),
)

FX = (FxRate("USD", "CNY", 2022, Decimal("6.7261"), "国家统计局《2022年统计公报》"),)

LEDGER = Ledger(
    sources=SOURCES,
    entities=(ENTITY,),
    metrics=METRICS,
    goals=GOALS,
    outcomes=OUTCOMES,
    fx_rates=FX,
)


def _evidence(outcome_id: str) -> Evidence:
    outcome = LEDGER.outcome(outcome_id)
    return Evidence(
        outcome.source, LEDGER.source(outcome.source).published, outcome.quote, outcome_id
    )


def assessments() -> tuple[Assessment, ...]:
    """One assessment per goal, covering met, missed, partially met and no evidence."""
    growth_target = GOALS[0].target
    growth = Assessment(
        goal_id=GOALS[0].id,
        entity="xiamen-torch",
        metric="industrial-value-added",
        period="2022",
        status=Status.MET,
        confidence=Confidence.HIGH,
        target=growth_target,
        actual=Actual(Quantity(Decimal("12.6"), Unit.PERCENT), "torch-2023-report"),
        margin=Decimal("2.6"),
        attainment=Decimal("1.26"),
        reasons=(
            Reason(
                "outcome_used",
                {
                    "outcome": "torch-2023-report.2022.industrial-va-growth",
                    "source": "torch-2023-report",
                    "published": "2023-02-01",
                    "value": "12.6",
                    "preliminary": "false",
                    "rule": "only",
                },
            ),
            Reason(
                "at_or_above_target",
                {"actual": "12.6", "target": ">=10", "comparator": ">=", "unit": "percent"},
            ),
        ),
        evidence=(_evidence("torch-2023-report.2022.industrial-va-growth"),),
    )
    hte = Assessment(
        goal_id=GOALS[1].id,
        entity="xiamen-torch",
        metric="new-national-hte",
        period="2022",
        status=Status.MISSED,
        confidence=Confidence.MEDIUM,
        target=GOALS[1].target,
        actual=Actual(Quantity(Decimal(150), Unit.COUNT, classifier="家"), "torch-2023-report"),
        margin=Decimal(-15),
        attainment=Decimal("0.9091"),
        reasons=(
            Reason(
                "below_target",
                {"actual": "150", "target": ">=165", "comparator": ">=", "unit": "count"},
            ),
        ),
        evidence=(_evidence("torch-2023-report.2022.industrial-va-growth"),),
    )
    part1 = Assessment(
        goal_id=GOALS[2].id,
        entity="xiamen-torch",
        metric="provincial-key-projects",
        period="2022",
        status=Status.MET,
        confidence=Confidence.HIGH,
        target=Quantity(Decimal(13), Unit.COUNT),
        actual=Actual(Quantity(Decimal(13), Unit.COUNT), "torch-2023-report"),
        margin=Decimal(0),
        attainment=Decimal(1),
    )
    part2 = Assessment(
        goal_id=GOALS[2].id,
        entity="xiamen-torch",
        metric="municipal-key-projects",
        period="2022",
        status=Status.NO_EVIDENCE,
        confidence=Confidence.LOW,
        target=Quantity(Decimal(31), Unit.COUNT),
        reasons=(
            Reason(
                "no_outcome_reported",
                {
                    "metric": "municipal-key-projects",
                    "measure": "level",
                    "period": "2022",
                    "sources_checked": "2",
                },
            ),
        ),
    )
    compound = Assessment(
        goal_id=GOALS[2].id,
        entity="xiamen-torch",
        metric=None,
        period="2022",
        status=Status.PARTIALLY_MET,
        confidence=Confidence.LOW,
        reasons=(Reason("parts_summary", {"met": "1", "parts": "2", "statuses": "met"}),),
        parts=(part1, part2),
    )
    xss = Assessment(
        goal_id=GOALS[3].id,
        entity="xiamen-torch",
        metric=None,
        period="2022",
        status=Status.NO_EVIDENCE,
        confidence=Confidence.LOW,
        reasons=(
            Reason(
                "analyst_override",
                {
                    "status": "no_evidence",
                    "computed_status": "pending",
                    "reason": "<script>alert(3)</script>",
                    "date": "2023-01-05",
                    "by": "",
                },
            ),
            Reason(
                "currency_converted",
                {
                    "from_unit": "USD",
                    "to_unit": "CNY",
                    "value": "371000000",
                    "converted": "2495383100",
                    "rate": "6.7261",
                    "year": "2022",
                },
            ),
        ),
        override=True,
    )
    return (growth, hte, compound, xss)


def scorecard(as_of: dt.date = dt.date(2023, 6, 30)) -> Scorecard:
    return Scorecard(2022, "xiamen-torch", as_of, assessments(), ReconcileOptions(), LEDGER)
