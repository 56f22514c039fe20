"""The cross-report audit on synthetic ledgers (and on the seed specs once they load)."""

from __future__ import annotations

import json
from decimal import Decimal

from ledger_factory import Comparator, Measure, goal, ledger, outcome, q, source, yi

from hitech_targets.audit import Finding, audit, selective_reporting

SOURCES = (
    source("plan", "2022-02-24"),
    source("news", "2023-01-12"),
    source("review", "2023-02-10"),
    source("later", "2024-02-01"),
)
AS_OF = "2024-06-01"


def _codes(findings: tuple[Finding, ...]) -> list[str]:
    return [f.code for f in findings]


def test_growth_disagreeing_with_levels_beyond_rounding() -> None:
    outcomes = [
        outcome("plan.l2021", src="plan", measure=Measure.LEVEL, period="2021", value=yi("833.02")),
        outcome("review.l2022", measure=Measure.LEVEL, value=yi("930")),
        outcome("review.g2022", value=q("12.5")),  # levels imply 11.64
    ]
    (finding,) = audit(ledger([], outcomes, sources=SOURCES), as_of=AS_OF)
    assert finding.code == "growth_mismatch"
    assert finding.args["implied"] == "11.64"
    assert finding.args["reported"] == "12.5"
    assert finding.args["difference_pp"] == "0.86"
    assert finding.records == ("plan.l2021", "review.g2022", "review.l2022")
    assert [e.source for e in finding.evidence] == ["plan", "review", "review"]


def test_growth_within_rounding_is_fine() -> None:
    outcomes = [
        outcome("plan.l2021", src="plan", measure=Measure.LEVEL, period="2021", value=yi("833.02")),
        outcome("review.l2022", measure=Measure.LEVEL, value=yi("930")),
        outcome("review.g2022", value=q("11.6")),
    ]
    assert audit(ledger([], outcomes, sources=SOURCES), as_of=AS_OF) == ()


def test_conflicting_figures_between_reports() -> None:
    outcomes = [
        outcome("review.o", measure=Measure.LEVEL, value=yi("332.5")),
        outcome("later.o", src="later", measure=Measure.LEVEL, value=yi("335.1")),
    ]
    findings = audit(ledger([], outcomes, sources=SOURCES), as_of=AS_OF)
    assert _codes(findings) == ["conflicting_figures"]
    assert findings[0].records == ("later.o", "review.o")
    # time travel: before the later report there is nothing to find
    assert audit(ledger([], outcomes, sources=SOURCES), as_of="2023-12-31") == ()


def test_preliminary_revised() -> None:
    outcomes = [
        outcome(
            "news.o",
            src="news",
            value=q("10", cmp=Comparator.APPROX, approximate=True),
            preliminary=True,
        ),
        outcome("review.o", value=q("9.2")),
    ]
    (finding,) = audit(ledger([], outcomes, sources=SOURCES), as_of=AS_OF)
    assert finding.code == "preliminary_revised"
    assert finding.args["preliminary_value"] == "~10"
    assert finding.args["final_value"] == "9.2"


def test_attainment_that_does_not_add_up() -> None:
    outcomes = [
        outcome(
            "review.ok",
            metric="a",
            measure=Measure.LEVEL,
            value=yi("635"),
            plan=yi("710"),
            attainment=q("89.4"),
        ),
        outcome(
            "review.bad",
            metric="b",
            measure=Measure.LEVEL,
            value=yi("635"),
            plan=yi("710"),
            attainment=q("91.4"),
        ),
    ]
    (finding,) = audit(ledger([], outcomes, sources=SOURCES), as_of=AS_OF)
    assert finding.code == "attainment_inconsistent"
    assert finding.records == ("review.bad",)
    assert finding.args["computed"] == "89.4"


def test_selective_reporting_rate_per_year() -> None:
    goals = [
        goal("plan.a", target=q("10", cmp=Comparator.GE)),
        goal("plan.b", metric="fdi", target=q("8", cmp=Comparator.GE)),
        goal("plan.c", metric="soft", target=q("15", cmp=Comparator.GE)),
    ]
    outcomes = [outcome("review.a", value=q("10.6"))]
    led = ledger(goals, outcomes, sources=SOURCES)
    (row,) = selective_reporting(led, as_of=AS_OF)
    assert (row.year, row.goals, row.mentioned, row.not_mentioned) == (2022, 3, 1, 2)
    assert row.rate == Decimal(2) / Decimal(3)
    assert row.to_json()["rate"] == "0.6667"
    findings = audit(led, as_of=AS_OF)
    assert _codes(findings) == ["goal_not_reported", "goal_not_reported"]
    assert findings[0].args["goal"] == "plan.b"
    # nothing past grace yet: no goals counted, rate null
    (early,) = selective_reporting(led, as_of="2023-01-01")
    assert early.goals == 0 and early.rate is None


def test_findings_json_is_deterministic_whatever_the_record_order() -> None:
    outcomes = [
        outcome("review.o", measure=Measure.LEVEL, value=yi("332.5")),
        outcome("later.o", src="later", measure=Measure.LEVEL, value=yi("335.1")),
        outcome("news.g", src="news", value=q("10"), preliminary=True),
        outcome("review.g", value=q("9.2")),
    ]
    a = audit(ledger([], outcomes, sources=SOURCES), as_of=AS_OF)
    b = audit(ledger([], list(reversed(outcomes)), sources=tuple(reversed(SOURCES))), as_of=AS_OF)
    dump = [json.dumps(f.to_json(), ensure_ascii=False) for f in a]
    assert dump == [json.dumps(f.to_json(), ensure_ascii=False) for f in b]
    assert set(a[0].to_json()) == {
        "code",
        "year",
        "entity",
        "metric",
        "period",
        "params",
        "records",
        "evidence",
    }


def test_compatible_wordings_are_not_a_conflict() -> None:
    # 约占全市42% (2022-02) and 在厦门市占比42%以上 (2022-10) can both be true.
    outcomes = [
        outcome(
            "review.o",
            metric="share",
            measure=Measure.SHARE,
            value=q("42", cmp=Comparator.APPROX, approximate=True),
        ),
        outcome(
            "later.o",
            src="later",
            metric="share",
            measure=Measure.SHARE,
            value=q("42", cmp=Comparator.GE),
        ),
    ]
    assert audit(ledger([], outcomes, sources=SOURCES), as_of=AS_OF) == ()


def test_preliminary_confirmed_within_its_approximation_is_not_a_revision() -> None:
    outcomes = [
        outcome(
            "news.o",
            src="news",
            value=q("10", cmp=Comparator.APPROX, approximate=True),
            preliminary=True,
        ),
        outcome("review.o", value=q("10.2")),
    ]
    assert audit(ledger([], outcomes, sources=SOURCES), as_of=AS_OF) == ()


# --- the seed specs ----------------------------------------------------------------------

import subprocess  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    from ledger_factory import run_cli

    code, out, err = run_cli(*args)
    return subprocess.CompletedProcess(list(args), code, out, err)


def test_seed_audit_json_contract() -> None:
    first = _cli("audit", "specs", "--as-of", "2026-11-22")
    second = _cli("audit", "--as-of", "2026-11-22", "--format", "json")
    assert first.returncode == 0, first.stderr.decode()
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert set(data) == {"findings", "selective_reporting"}
    years = {row["year"]: row for row in data["selective_reporting"]}
    assert set(years[2022]) == {"year", "goals", "mentioned", "not_mentioned", "rate"}
    # no seed reports on 2022: every 2022 goal is unmentioned
    assert years[2022]["goals"] == years[2022]["not_mentioned"] > 0
    assert years[2022]["rate"] == "1"
    assert years[2026]["goals"] == 0 and years[2026]["rate"] is None
    keys = [
        (
            f["year"] or 0,
            f["entity"] or "",
            f["metric"] or "",
            f["period"] or "",
            f["code"],
            f["records"],
        )
        for f in data["findings"]
    ]
    assert keys == sorted(keys)
    silent = [f for f in data["findings"] if f["code"] == "goal_not_reported" and f["year"] == 2022]
    assert len(silent) == years[2022]["not_mentioned"]


def test_seed_audit_conflicts_are_real_disagreements() -> None:
    from hitech_targets.evidence import consistent
    from hitech_targets.loader import load

    led = load(ROOT / "specs")
    findings = audit(led, as_of="2026-11-22")
    for f in findings:
        if f.code == "conflicting_figures":
            a, b = (led.outcome(r) for r in f.records)
            assert a.source != b.source and not consistent(a, b)
    # 约占全市42% (001) and 在厦门市占比42%以上 (003) can both be true: not flagged
    assert not any(f.metric == "industrial-output-city-share" for f in findings)


def test_seed_audit_table() -> None:
    result = _cli("audit", "--year", "2022", "--as-of", "2026-11-22", "--format", "table")
    assert result.returncode == 0
    assert "selective reporting" in result.stdout.decode()
    assert "100.0%" in result.stdout.decode()
