"""Export: the JSON contract (exact keys, order, decimals in base units) and the CSV twin."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from hitech_targets.export import CONTRACT_KEYS, EXTRA_KEYS, rows, to_csv, to_json
from hitech_targets.ledger import Ledger
from hitech_targets.loader import load

REPO = Path(__file__).resolve().parent.parent
HOSTILE = REPO / "tests" / "hostile"


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return load([HOSTILE / "fixture" / "registry.yaml", HOSTILE / "valid.yaml"])


def test_contract_keys_come_first_in_order(ledger: Ledger) -> None:
    for row in json.loads(to_json(ledger)):
        assert tuple(row)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS
        assert tuple(row) == CONTRACT_KEYS + EXTRA_KEYS


def test_goals_then_outcomes_each_sorted_by_id(ledger: Ledger) -> None:
    data = json.loads(to_json(ledger))
    kinds = [r["kind"] for r in data]
    assert kinds == ["goal"] * 3 + ["outcome"] * 2
    goal_ids = [r["id"] for r in data if r["kind"] == "goal"]
    assert goal_ids == sorted(goal_ids)


def test_values_are_decimal_strings_in_base_units(ledger: Ledger) -> None:
    by_id = {r["id"]: r for r in json.loads(to_json(ledger))}
    level = by_id["torch-2022-workplan.2021.industrial-va"]
    assert (level["value"], level["unit"], level["comparator"]) == ("83302000000", "CNY", "=")
    assert (level["period"], level["measure"], level["entity"]) == ("2021", "level", "xiamen-torch")
    assert level["preliminary"] is False and level["strength"] is None
    assert level["quote"] == "完成规上工业增加值833.02亿元" and level["figure"] == "833.02亿元"
    growth = by_id["torch-2022-workplan.industrial-va-growth"]
    assert (growth["value"], growth["unit"], growth["comparator"]) == ("10", "percent", ">=")
    assert growth["strength"] == "aspirational" and growth["low"] is None
    event = by_id["torch-2022-workplan.no-major-accident"]
    assert event["value"] is None and event["unit"] is None
    compound = by_id["torch-2022-workplan.key-projects"]
    assert [p["target"]["value"] for p in compound["parts"]] == ["13", "31"]
    assert compound["metric"] is None


def test_json_is_stable_text(ledger: Ledger) -> None:
    text = to_json(ledger)
    assert text == to_json(ledger)
    assert text.endswith("]\n") and "完成" in text  # ensure_ascii=False
    assert text.startswith('[\n  {\n    "kind": "goal"')


def test_csv_has_bom_header_and_the_same_rows(ledger: Ledger) -> None:
    data = to_csv(ledger)
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data
    reader = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(reader[0]) == CONTRACT_KEYS + EXTRA_KEYS
    assert len(reader) == 1 + len(rows(ledger))
    by_id = {r[1]: dict(zip(reader[0], r, strict=True)) for r in reader[1:]}
    compound = by_id["torch-2022-workplan.key-projects"]
    assert json.loads(compound["parts"])[0]["target"]["figure"] == "13个"
    assert by_id["torch-2022-workplan.2021.industrial-va"]["preliminary"] == "false"


def _cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "hitech_targets", *args], cwd=REPO,
                          capture_output=True, check=False)


def test_cli_export_json_and_csv_are_byte_identical_across_runs(tmp_path: Path) -> None:
    spec = str(HOSTILE / "valid.yaml")
    registry = HOSTILE / "fixture" / "registry.yaml"
    # export takes one SPECS path: give it a directory holding both files
    specs = tmp_path / "specs"
    specs.mkdir()
    (specs / "registry.yaml").write_bytes(registry.read_bytes())
    text = Path(spec).read_text(encoding="utf-8")
    (specs / "valid.yaml").write_text(text.replace("tests/hostile/fixture/source.txt",
                                                   "source.txt"), encoding="utf-8")
    (tmp_path / "source.txt").write_bytes((HOSTILE / "fixture" / "source.txt").read_bytes())
    first = _cli("export", str(specs), "--format", "json")
    second = _cli("export", str(specs), "--format", "json")
    assert first.returncode == 0, first.stderr.decode()
    assert first.stdout == second.stdout
    assert len(json.loads(first.stdout)) == 5
    out = tmp_path / "out.csv"
    result = _cli("export", str(specs), "--format", "csv", "-o", str(out))
    assert result.returncode == 0 and out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_cli_export_invalid_specs_and_bad_usage() -> None:
    bad = _cli("export", str(HOSTILE / "octal.yaml"))
    assert bad.returncode == 1 and b"Traceback" not in bad.stderr
    assert _cli("export", "no/such/dir").returncode == 2
    assert _cli("export", "--format", "xml").returncode == 2


def test_seed_specs_export() -> None:
    data = json.loads(to_json(load(REPO / "specs")))
    assert {r["kind"] for r in data} == {"goal", "outcome"}
    for row in data:
        assert row["unit"] in (None, "CNY", "USD", "percent", "pp", "count", "mu", "m2",
                               "times", "rank")
        for key in ("value", "low", "high"):
            assert row[key] is None or ("e" not in row[key].lower() and "." not in row[key][-1:])
