"""dump → load round trips: generated ledgers and the seed specs come back equal."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hitech_targets.dump import dump, figure_text, modeline
from hitech_targets.grammar import parse_quantity
from hitech_targets.ledger import Ledger
from hitech_targets.loader import load
from hitech_targets.model import (
    Dimension,
    Entity,
    FxRate,
    Goal,
    GoalPart,
    Ignore,
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
from hitech_targets.yamlsafe import read

REPO = Path(__file__).resolve().parent.parent

# Printable text that YAML can carry: no control characters, surrogates or line separators.
_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Co", "Cn")),
    min_size=1, max_size=12,
).filter(lambda s: bool(s.strip()))
_IDS = st.from_regex(r"[a-z][a-z0-9]{0,6}", fullmatch=True)
_PREFIXES = ("完成规上工业增加值", "新增国家级高企", "实际利用外资", "固定资产投资完成",
             "软件业营收达到")

_FIGURES = st.one_of(
    st.integers(1, 999).map(lambda n: f"{n}个"),
    st.integers(1, 9999).map(lambda n: f"{n}家"),
    st.decimals("0.1", "999.9", places=1).map(lambda d: f"{d}亿元"),
    st.decimals("0.1", "99.9", places=1).map(lambda d: f"{d}%"),
    st.decimals("0.1", "99.9", places=1).map(lambda d: f"{d}%以上"),
    st.integers(1, 500).map(lambda n: f"约{n}家"),
    st.integers(1, 500).map(lambda n: f"超{n}亿元"),
)
_PERIODS = st.one_of(
    st.integers(2011, 2030).map(Period.year),
    st.tuples(st.integers(2011, 2030), st.integers(1, 4)).map(lambda t: Period.quarter(*t)),
    st.sampled_from(["十四五", "2021-2023", "2025-01/05", "2025H1"]).map(Period.parse),
)


def _names(draw: Any) -> Names:
    return Names(draw(_TEXT), draw(_TEXT), draw(_TEXT))


def _quantity(text: str) -> Quantity:
    return parse_quantity(text)  # the grammar keeps the phrase as written in .text


@st.composite
def ledgers(draw: Any) -> tuple[Ledger, dict[str, str]]:
    """A ledger and the source texts (path → text) that make its quotes true."""
    metric_ids = draw(st.lists(_IDS, min_size=1, max_size=3, unique=True))
    metrics = []
    for mid in metric_ids:
        others = [m for m in metric_ids if m != mid]
        relations = tuple(
            Relation(draw(st.sampled_from(list(RelationKind))), other,
                     draw(st.none() | _TEXT))
            for other in draw(st.lists(st.sampled_from(others), max_size=1, unique=True))
        ) if others else ()
        metrics.append(Metric(
            f"m-{mid}", _names(draw), draw(st.sampled_from(list(Dimension))),
            description=draw(st.just("") | _TEXT),
            aliases=tuple(draw(st.lists(_TEXT, max_size=2))),
            relations=tuple(Relation(r.kind, f"m-{r.metric}", r.note) for r in relations),
            headline=draw(st.booleans()),
        ))
    city = Entity("city", _names(draw), "city")
    zone = Entity("zone", _names(draw), "zone", parent=draw(st.sampled_from([None, "city"])),
                  aliases=tuple(draw(st.lists(_TEXT, max_size=2))))
    entities = [city, zone]
    fx = [FxRate("USD", "CNY", year, Decimal(rate), draw(_TEXT))
          for year, rate in draw(st.dictionaries(st.integers(2015, 2030),
                                                 st.sampled_from(["6.4515", "7.1217", "6.9"]),
                                                 max_size=2)).items()]
    sources, goals, outcomes, texts, ignores = [], [], [], {}, {}
    record_ids = iter(range(10_000))
    for sid in draw(st.lists(_IDS, min_size=1, max_size=2, unique=True)):
        sid = f"s-{sid}"
        quotes: list[str] = []

        def quote_for(figures: list[str], suffix: str = "", quotes: list[str] = quotes) -> str:
            quote = draw(st.sampled_from(_PREFIXES)) + "，".join(figures) + suffix
            quotes.append(quote)
            return quote

        for _ in range(draw(st.integers(0, 3))):
            measure = draw(st.sampled_from([Measure.LEVEL, Measure.GROWTH, Measure.MILESTONE]))
            rid = f"{sid}.g{next(record_ids)}"
            common: dict[str, Any] = {
                "id": rid, "source": sid, "entity": draw(st.sampled_from(["city", "zone"])),
                "measure": measure, "period": draw(_PERIODS),
                "section": draw(st.just("") | _TEXT), "description": draw(st.just("") | _TEXT),
            }
            if draw(st.booleans()):
                common["override"] = Override(
                    draw(st.sampled_from(list(Status))), draw(_TEXT),
                    dt.date(2023, 1, draw(st.integers(1, 31))), draw(st.none() | _TEXT))
            if measure is Measure.MILESTONE:
                goals.append(Goal(quote=quote_for([], draw(_TEXT)), **common))
            elif draw(st.booleans()):
                figures = draw(st.lists(_FIGURES, min_size=1, max_size=2))
                parts = tuple(GoalPart(draw(st.sampled_from(metrics)).id, _quantity(f),
                                       draw(st.just("") | _TEXT)) for f in figures)
                goals.append(Goal(quote=quote_for(figures), parts=parts, **common))
            else:
                figures = draw(st.lists(_FIGURES, min_size=1, max_size=2))
                goals.append(Goal(
                    quote=quote_for(figures), metric=draw(st.sampled_from(metrics)).id,
                    target=_quantity(figures[0]),
                    stretch=_quantity(figures[1]) if len(figures) > 1 else None,
                    strength=draw(st.none() | st.sampled_from(list(Strength))), **common,
                ))
        for _ in range(draw(st.integers(0, 3))):
            figures = draw(st.lists(_FIGURES, min_size=1, max_size=2))
            goal_ids = [g.id for g in goals]
            outcomes.append(Outcome(
                f"{sid}.o{next(record_ids)}", sid, draw(st.sampled_from(["city", "zone"])),
                Measure.LEVEL, draw(_PERIODS), quote_for(figures),
                metric=draw(st.sampled_from(metrics)).id, value=_quantity(figures[0]),
                attainment=_quantity(figures[1]) if len(figures) > 1 else None,
                preliminary=draw(st.booleans()), cumulative=draw(st.booleans()),
                goal=draw(st.sampled_from([None, *goal_ids])),
                progress=draw(st.none() | st.sampled_from(list(Progress))),
                note=draw(st.just("") | _TEXT),
            ))
        ignored = tuple(Ignore(quote_for([], "签发"), draw(_TEXT))
                        for _ in range(draw(st.integers(0, 1))))
        path = f"texts/{sid}.txt"
        texts[path] = "\n".join(f"{q}。" for q in quotes) or "空白文本。"
        ignores[sid] = ignored
        sources.append(Source(
            sid, draw(_TEXT), draw(_TEXT), dt.date(2022, 2, draw(st.integers(1, 28))),
            draw(st.sampled_from(list(Script))), path,
            doc_number=draw(st.none() | _TEXT), index_number=draw(st.none() | _TEXT),
            url=draw(st.none() | st.just("https://example.org/a")),
            kind=draw(st.sampled_from(["report", "news", "letter", "newspaper"])),
            note=draw(st.just("") | _TEXT),
        ))
    ledger = Ledger(sources, entities, metrics, goals, outcomes, fx, ignores)
    return ledger, texts


def _write(root: Path, files: dict[str, str], texts: dict[str, str]) -> Path:
    for name, text in {**{f"specs/{k}": v for k, v in files.items()}, **texts}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "specs"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers())
def test_dump_then_load_gives_the_same_ledger(case: tuple[Ledger, dict[str, str]]) -> None:
    ledger, texts = case
    with tempfile.TemporaryDirectory() as tmp:
        loaded = load(_write(Path(tmp), dump(ledger), texts))
    assert loaded == ledger
    assert loaded.ignores == ledger.ignores
    assert {s.id: loaded.text(s.id) for s in ledger.sources} == {
        s.id: texts[s.text] for s in ledger.sources
    }


def test_seed_specs_round_trip(tmp_path: Path) -> None:
    ledger = load(REPO / "specs")
    files = dump(ledger)
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    assert load(_write(tmp_path, files, {})) == ledger


def test_dumped_files_start_with_the_modeline_and_use_no_aliases() -> None:
    files = dump(load(REPO / "specs"))
    for name, text in files.items():
        assert text.startswith(modeline(name.count("/")))
        node, problems = read(text.encode("utf-8"), name)  # refuses anchors, aliases, tags
        assert problems == [] and node is not None
        assert isinstance(yaml.safe_load(text), dict)
    assert "registry/metrics.yaml" in files


def test_figure_text_of_quantities_without_text_reads_back() -> None:
    cases = [
        Quantity(Decimal("83302000000"), Unit.CNY),
        Quantity(Decimal("10.6"), Unit.PERCENT, Comparator.GE),
        Quantity(Decimal("165"), Unit.COUNT, Comparator.GE, classifier="家"),
        Quantity(Decimal("200"), Unit.CNY, Comparator.GT),
        Quantity(Decimal("10"), Unit.PERCENT, Comparator.APPROX, approximate=True),
        Quantity(Decimal("3"), Unit.RANK),
    ]
    for quantity in cases:
        text = figure_text(quantity)
        assert parse_quantity(text).same_figure(quantity), text
        assert parse_quantity(text).comparator is quantity.comparator, text
