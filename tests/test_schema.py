"""The JSON Schema: it accepts every seed spec and the documented example; modelines point at it."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from hitech_targets.dump import dump
from hitech_targets.loader import load
from hitech_targets.yamlsafe import read

REPO = Path(__file__).resolve().parent.parent
SCHEMA_FILE = REPO / "schema" / "spec.schema.json"
DOC = REPO / "docs" / "spec-format.md"
SPEC_FILES = sorted((REPO / "specs").rglob("*.yaml"))


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _data(text: str, name: str) -> Any:
    node, problems = read(text.encode("utf-8"), name)
    assert problems == [] and node is not None, problems
    return node.to_python()


def _errors(validator: jsonschema.Draft202012Validator, data: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


def _modeline(path: Path, base: Path) -> str:
    depth = len(path.relative_to(base).parts)  # specs/x.yaml -> 2 parts up to the repository
    return f"# yaml-language-server: $schema={'../' * (depth - 1)}schema/spec.schema.json"


@pytest.mark.parametrize("path", SPEC_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_spec_file_is_valid_under_the_schema(
    path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    text = path.read_text(encoding="utf-8-sig")
    assert _errors(validator, _data(text, str(path))) == []


@pytest.mark.parametrize("path", SPEC_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_spec_file_starts_with_the_modeline(path: Path) -> None:
    first = path.read_text(encoding="utf-8-sig").splitlines()[0]
    assert first == _modeline(path, REPO)
    target = path.parent / first.split("$schema=", 1)[1]
    assert target.resolve() == SCHEMA_FILE.resolve()


def _doc_blocks() -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    return re.findall(r"```yaml\n(.*?)```", text, flags=re.DOTALL)


def test_every_yaml_example_of_the_docs_is_valid(
    validator: jsonschema.Draft202012Validator,
) -> None:
    blocks = _doc_blocks()
    assert len(blocks) >= 4
    for block in blocks:
        if "source:" not in block and "metrics:" not in block:
            continue  # the bare modeline
        assert _errors(validator, _data(block, "doc")) == [], block[:80]


def test_the_full_example_of_the_docs_loads(tmp_path: Path) -> None:
    spec, registry = _doc_blocks()[-2:]
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    (tmp_path / "specs" / "registry").mkdir(parents=True)
    (tmp_path / "specs" / "example.yaml").write_text(spec, encoding="utf-8")
    (tmp_path / "specs" / "registry" / "registry.yaml").write_text(registry, encoding="utf-8")
    ledger = load(tmp_path / "specs")
    assert len(ledger.goals) == 4 and len(ledger.outcomes) == 3
    assert spec.startswith(_modeline(tmp_path / "specs" / "example.yaml", tmp_path))


def test_the_schema_refuses_what_the_loader_refuses(
    validator: jsonschema.Draft202012Validator,
) -> None:
    good = {"source": {"id": "s", "title": "t", "issuer": "i", "published": "2022-02-24",
                       "script": "zh-Hans", "text": "x.txt"},
            "goals": [{"id": "s.a", "measure": "growth", "quote": "q", "target": "10%"}]}
    assert _errors(validator, good) == []
    bad_cases: list[tuple[str, Any]] = [
        ("figure as a number", {"target": 10.6}),
        ("period as a number", {"period": 2022}),
        ("bad measure", {"measure": "grow"}),
        ("unknown key", {"strenght": "hard"}),
        ("stretch without target", {"target": None, "stretch": "15%"}),
        ("upper-case id", {"id": "S.A"}),
    ]
    for name, change in bad_cases:
        goal = {**good["goals"][0], **change}  # type: ignore[index]
        goal = {k: v for k, v in goal.items() if v is not None}
        assert _errors(validator, {**good, "goals": [goal]}), name
    assert _errors(validator, {"goals": []})  # goals need a source
    assert _errors(validator, {"fx_rates": [{"base": "USD", "quote": "CNY", "year": "2021",
                                             "rate": "6.4", "source": "s"}]})


def test_dumped_specs_are_valid_under_the_schema(
    validator: jsonschema.Draft202012Validator,
) -> None:
    for name, text in dump(load(REPO / "specs")).items():
        assert _errors(validator, _data(text, name)) == [], name
