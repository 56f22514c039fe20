"""docs/api.md is what scripts/gen_api_docs.py writes, and every public name is documented."""

from __future__ import annotations

import importlib
import importlib.util
import inspect
from pathlib import Path
from types import ModuleType

import pytest

import hitech_targets

ROOT = Path(__file__).resolve().parent.parent
API_PAGE = ROOT / "docs" / "api.md"


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    path = ROOT / "scripts" / "gen_api_docs.py"
    spec = importlib.util.spec_from_file_location("gen_api_docs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _definition(name: str) -> object:
    return getattr(importlib.import_module(hitech_targets._EXPORTS[name]), name)


def test_committed_page_is_the_generated_one(generator: ModuleType) -> None:
    committed = API_PAGE.read_text(encoding="utf-8")
    assert committed == generator.render(), (
        "docs/api.md is stale: run python3 scripts/gen_api_docs.py"
    )


def test_all_lists_exactly_the_exports() -> None:
    assert sorted(hitech_targets.__all__) == sorted(hitech_targets._EXPORTS)


@pytest.mark.parametrize("name", hitech_targets.__all__)
def test_every_public_name_has_its_own_docstring(name: str) -> None:
    obj = _definition(name)
    own = vars(obj).get("__doc__") if inspect.isclass(obj) else getattr(obj, "__doc__", None)
    assert isinstance(own, str) and own.strip(), f"{name} has no docstring of its own"


@pytest.mark.parametrize("name", hitech_targets.__all__)
def test_every_public_name_appears_in_the_reference(name: str) -> None:
    page = API_PAGE.read_text(encoding="utf-8")
    assert f"\n## `{name}`\n" in page
    doc = inspect.getdoc(_definition(name)) or ""
    assert doc.splitlines()[0] in page


def test_public_names_are_their_definitions_whatever_was_imported_first() -> None:
    for module in set(hitech_targets._EXPORTS.values()):
        importlib.import_module(module)
    wrong = [n for n in hitech_targets.__all__ if getattr(hitech_targets, n) is not _definition(n)]
    assert wrong == []
