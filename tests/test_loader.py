"""The loader: the hostile corpus, file/directory/list inputs, defaults, texts, file order."""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from hitech_targets.errors import SpecError
from hitech_targets.loader import load, repository_root
from hitech_targets.period import Period
from hitech_targets.quantity import Measure, Unit

REPO = Path(__file__).resolve().parent.parent
HOSTILE = REPO / "tests" / "hostile"
REGISTRY = HOSTILE / "fixture" / "registry.yaml"

#: case file -> (line, column or None, words the single message must contain)
CASES: dict[str, tuple[int | None, int | None, tuple[str, ...]]] = {
    "duplicate_key.yaml": (40, 5, ("duplicate key 'value'", "first at line 39")),
    "unknown_key.yaml": (19, 5, ("unknown key 'strenght'", "did you mean 'strength'")),
    "yaml11_bool.yaml": (46, 18, ("preliminary must be true or false", "'yes'")),
    "yaml11_bool_string.yaml": (11, 9, ("YAML 1.1 boolean false", '"no"')),
    "octal.yaml": (6, 15, ("integer 493", '"0755"')),
    "bare_float.yaml": (45, 12, ("number 10.6", "figures are strings", '"10.60"')),
    "bare_int_period.yaml": (38, 13, ("integer 2021", '"2021"')),
    "python_tag.yaml": (4, 10, ("tag !!python/object/apply:os.system is not allowed",)),
    "custom_tag.yaml": (45, 12, ("tag !figure is not allowed",)),
    "alias_bomb.yaml": (2, 4, ("anchor &a is not allowed", "80 more")),
    "not_utf8.yaml": (5, 11, ("not UTF-8", "0xd6")),
    "empty.yaml": (None, None, ("empty file",)),
    "comments_only.yaml": (None, None, ("empty file",)),
    "several_documents.yaml": (None, None, ("several YAML documents",)),
    "not_a_mapping.yaml": (2, 1, ("a spec file must be a mapping", "not a list")),
    "syntax_error.yaml": (26, 9, ("invalid YAML",)),
    "wrong_type.yaml": (47, 9, ("ignore must be a list", "not a string")),
    "unquoted_date.yaml": (7, 14, ("YAML date", '"2022-02-24"')),
    "bad_date.yaml": (7, 14, ("not an ISO date", "YYYY-MM-DD")),
    "inverted_period.yaml": (17, 13, ("'2025-2021'", "inverted")),
    "bad_period.yaml": (17, 13, ("unreadable period", "2025Q1")),
    "bad_id.yaml": (21, 9, ("is not an id", "lower-case")),
    "bad_measure.yaml": (43, 14, ("measure 'grow' is not one of", "growth")),
    "bad_strength.yaml": (19, 15, ("strength 'strong' is not one of", "aspirational")),
    "bad_script.yaml": (8, 11, ("script 'zh-CN' is not one of", "zh-Hant")),
    "bad_progress.yaml": (46, 15, ("progress 'done' is not one of", "completed")),
    "bad_relation_kind.yaml": (52, 16, ("kind 'proxy' is not one of", "proxy_for")),
    "missing_quote.yaml": (28, 5, ("has no quote", "required")),
    "stretch_without_target.yaml": (18, 14, ("stretch but no target",)),
    "dangling_metric.yaml": (36, 13, ("metric 'industrial-value-addd'", "did you mean")),
    "dangling_entity.yaml": (12, 11, ("entity 'xiamen-torchh'",)),
    "dangling_part_metric.yaml": (26, 18, ("metric 'city-key-projects'",)),
    "dangling_goal.yaml": (46, 11, ("goal 'torch-2022-workplan.no-such-goal'",)),
    "goal_is_outcome.yaml": (46, 11, ("that is an outcome",)),
    "dangling_relation.yaml": (52, 35, ("metric 'software-it-revenue'",)),
    "dangling_parent.yaml": (51, 13, ("entity 'lianyungang'",)),
    "duplicate_id.yaml": (41, 9, ("duplicate outcome id", "duplicate_id.yaml:35:9")),
    "text_outside_repo.yaml": (9, 9, ("outside the repository root",)),
    "text_absolute.yaml": (9, 9, ("relative to the repository root",)),
    "missing_text.yaml": (9, 9, ("does not exist",)),
    "bad_figure.yaml": (39, 12, ("'八百多亿' is not a figure the grammar can read",)),
    "quote_not_in_source.yaml": (
        40, 12, ("quote not found", "closest passage: '完成规上工业增加值833.02亿元'"),
    ),
    "figure_not_in_quote.yaml": (
        39, 12, ("value 8.33亿元 is not a figure of the quote", "the quote says 833.02亿元"),
    ),
    "part_figure_not_in_quote.yaml": (26, 50, ("parts[1].target 30个", "13个, 31个")),
    "short_quote.yaml": (48, 12, ("too short", "at least 4 characters")),
}
VALID = ("valid.yaml", "bom_crlf.yaml", "traditional_quote.yaml")
#: cases that need a second spec beside them
COMPANIONS = {"x_duplicate_id_across_files.yaml": "valid.yaml"}


def _relative(name: str) -> str:
    return str((HOSTILE / name).relative_to(REPO))


def test_every_hostile_file_is_in_a_table() -> None:
    on_disk = {p.name for p in HOSTILE.glob("*.yaml")}
    assert on_disk == set(CASES) | set(VALID) | set(COMPANIONS)


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_case_is_rejected_at_its_line(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    with pytest.raises(SpecError) as caught:
        load([_relative("fixture/registry.yaml"), _relative(name)])
    problems = caught.value.problems
    line, column, words = CASES[name]
    assert len(problems) == 1, "\n".join(map(str, problems))
    problem = problems[0]
    assert (problem.path, problem.line, problem.column) == (_relative(name), line, column)
    for word in words:
        assert word in problem.message
    assert "\n" not in problem.message


def test_duplicate_id_across_files_names_both_places(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    name = "x_duplicate_id_across_files.yaml"
    with pytest.raises(SpecError) as caught:
        load([_relative("fixture/registry.yaml"), _relative(name), _relative(COMPANIONS[name])])
    (problem,) = caught.value.problems
    assert (problem.path, problem.line, problem.column) == (_relative(name), 11, 9)
    assert "tests/hostile/valid.yaml:14:9" in problem.message


@pytest.mark.parametrize("name", VALID)
def test_valid_variants_load(name: str) -> None:
    ledger = load([REGISTRY, HOSTILE / name])
    assert [s.id for s in ledger.sources] == ["torch-2022-workplan"]
    assert len(ledger.goals) == 3 and len(ledger.outcomes) == 2


def test_bom_and_crlf_give_the_same_ledger_as_plain_lf() -> None:
    assert load([REGISTRY, HOSTILE / "bom_crlf.yaml"]) == load([REGISTRY, HOSTILE / "valid.yaml"])


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hitech_targets", *args],
        cwd=REPO, capture_output=True, text=True, encoding="utf-8", check=False,
    )


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_case_through_the_cli(name: str) -> None:
    result = _cli("validate", _relative("fixture/registry.yaml"), _relative(name))
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    line, column, _ = CASES[name]
    where = ":".join(str(x) for x in (_relative(name), line, column) if x is not None)
    assert lines[0].startswith(where + ": ")
    assert "Traceback" not in result.stderr


def test_cli_validate_summary_for_a_valid_spec() -> None:
    result = _cli("validate", _relative("fixture/registry.yaml"), _relative("valid.yaml"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "tests/hostile/fixture/registry.yaml, tests/hostile/valid.yaml: "
        "1 source, 3 goals, 2 outcomes: valid\n"
    )


def test_cli_validate_missing_path_is_a_usage_error() -> None:
    result = _cli("validate", "no/such/dir")
    assert result.returncode == 2
    assert "no such file or directory" in result.stderr
    assert "Traceback" not in result.stderr


def test_ledger_contents_of_the_valid_spec() -> None:
    ledger = load([REGISTRY, HOSTILE / "valid.yaml"])
    goal = ledger.goal("torch-2022-workplan.industrial-va-growth")
    assert goal.entity == "xiamen-torch"  # from defaults
    assert goal.source == "torch-2022-workplan"
    assert goal.period == Period.year(2022)
    assert goal.target is not None and goal.target.text == "两位数以上"
    assert goal.origin is not None
    assert (goal.origin.path, goal.origin.line, goal.origin.column) == (str(HOSTILE / "valid.yaml"),
                                                                         14, 5)
    compound = ledger.goal("torch-2022-workplan.key-projects")
    assert [p.target.value for p in compound.parts] == [13, 31]
    outcome = ledger.outcome("torch-2022-workplan.2021.industrial-va")
    assert outcome.value is not None and outcome.value.unit is Unit.CNY
    assert outcome.measure is Measure.LEVEL
    assert ledger.text("torch-2022-workplan").startswith("索引号")
    assert [i.quote for i in ledger.ignores["torch-2022-workplan"]] == ["2022年2月17日"]
    assert ledger.fx_rate(2021) is not None
    assert ledger.entity("xiamen-torch").parent == "xiamen"


def test_defaults_period_applies(tmp_path: Path) -> None:
    text = (HOSTILE / "valid.yaml").read_text(encoding="utf-8")
    text = text.replace("  entity: xiamen-torch\n", '  entity: xiamen-torch\n  period: "2021"\n')
    text = text.replace('    period: "2021"\n', "")
    _copy_fixture(tmp_path, text)
    ledger = load(tmp_path / "specs")
    assert {o.period for o in ledger.outcomes} == {Period.year(2021)}
    assert {g.period for g in ledger.goals} == {Period.year(2022)}


def _copy_fixture(root: Path, spec_text: str) -> None:
    """A tiny repository: pyproject.toml, the registry, one spec and its text."""
    (root / "pyproject.toml").write_text("", encoding="utf-8")
    (root / "specs" / "registry").mkdir(parents=True)
    shutil.copy(REGISTRY, root / "specs" / "registry" / "registry.yaml")
    (root / "tests" / "hostile" / "fixture").mkdir(parents=True)
    shutil.copy(HOSTILE / "fixture" / "source.txt", root / "tests/hostile/fixture/source.txt")
    (root / "specs" / "spec.yaml").write_text(spec_text, encoding="utf-8")


def test_a_directory_is_read_recursively(tmp_path: Path) -> None:
    _copy_fixture(tmp_path, (HOSTILE / "valid.yaml").read_text(encoding="utf-8"))
    assert load(tmp_path / "specs") == load([REGISTRY, HOSTILE / "valid.yaml"])
    assert repository_root(tmp_path / "specs") == tmp_path.resolve()


def test_root_without_markers_is_the_spec_directory_parent(tmp_path: Path) -> None:
    (tmp_path / "specs").mkdir()
    assert repository_root(tmp_path / "specs") == tmp_path.resolve()


def test_all_problems_of_a_run_are_reported_together(tmp_path: Path) -> None:
    text = (HOSTILE / "valid.yaml").read_text(encoding="utf-8")
    text = text.replace("strength: aspirational", "strength: strong")
    text = text.replace("value: 833.02亿元", "value: 8.33亿元")
    _copy_fixture(tmp_path, text)
    with pytest.raises(SpecError) as caught:
        load(tmp_path / "specs")
    assert [p.line for p in caught.value.problems] == [19, 39]


def test_missing_path_and_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match="no such file or directory"):
        load(tmp_path / "nothing")
    with pytest.raises(SpecError, match="no spec files"):
        load(tmp_path)


def test_entity_parent_cycle(tmp_path: Path) -> None:
    registry = REGISTRY.read_text(encoding="utf-8").replace(
        "    kind: city\n", "    kind: city\n    parent: xiamen-torch\n"
    )
    (tmp_path / "registry.yaml").write_text(registry, encoding="utf-8")
    with pytest.raises(SpecError, match="cycle"):
        load(tmp_path / "registry.yaml")


def test_the_real_seed_specs_load_if_present() -> None:
    specs = REPO / "specs"
    if not any(specs.glob("*.yaml")):
        pytest.skip("no seed specs yet")
    try:
        ledger = load(specs)
    except SpecError as error:  # report, but do not hide, the seed specs' own problems
        pytest.fail(f"the seed specs do not load:\n{error}")
    assert ledger.sources and ledger.goals and ledger.outcomes


@settings(max_examples=15, deadline=None)
@given(st.randoms(use_true_random=False))
def test_file_order_does_not_change_the_ledger(rng: random.Random) -> None:
    paths = [REGISTRY, HOSTILE / "valid.yaml", HOSTILE / "fixture" / "second_source.yaml"]
    shuffled = list(paths)
    rng.shuffle(shuffled)
    assert load(shuffled) == load(paths)
    assert load(shuffled).texts == load(paths).texts


def test_error_order_does_not_depend_on_file_order() -> None:
    paths = [REGISTRY, HOSTILE / "valid.yaml", HOSTILE / "x_duplicate_id_across_files.yaml"]
    messages = []
    for order in (paths, list(reversed(paths))):
        with pytest.raises(SpecError) as caught:
            load(order)
        messages.append(str(caught.value))
    assert messages[0] == messages[1]


_KEYS = st.sampled_from([
    "source", "goals", "outcomes", "ignore", "metrics", "entities", "fx_rates", "defaults", "id",
    "title", "issuer", "published", "script", "text", "metric", "entity", "measure", "period",
    "target", "value", "quote", "parts", "names", "zh-Hans", "zh-Hant", "en", "dimension",
    "relations", "kind", "parent", "year", "rate", "base", "override", "status", "date",
    "preliminary", "goal", "progress", "stretch", "strength", "reason", "x",
])
_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
    st.sampled_from(["2022", "833.02亿元", "10.6%", "zh-Hans", "level", "growth", "milestone",
                     "xiamen-torch", "industrial-value-added", "2025-2021", "2022-02-24",
                     "tests/hostile/fixture/source.txt", "../../x", "/etc/passwd",
                     "完成规上工业增加值833.02亿元", "no", "0755", "十四五", "两位数以上"]),
    st.text(max_size=10),
)
_TREES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=5),
    max_leaves=25,
)


def _load_text(data: bytes) -> bool:
    """Load one spec beside the fixture registry and text; True when it is valid."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "pyproject.toml").write_text("", encoding="utf-8")
        (root / "tests/hostile/fixture").mkdir(parents=True)
        shutil.copy(HOSTILE / "fixture/source.txt", root / "tests/hostile/fixture/source.txt")
        (root / "spec.yaml").write_bytes(data)
        try:
            load([REGISTRY, root / "spec.yaml"])
        except SpecError as error:
            assert error.problems
            assert all("\n" not in p.message for p in error.problems)
            return False
        return True


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_loader_raises_only_spec_error_on_any_text(text: str) -> None:
    _load_text(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=50, deadline=None)
@given(st.binary())
def test_loader_raises_only_spec_error_on_any_bytes(data: bytes) -> None:
    _load_text(data)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(_KEYS, _TREES, max_size=6))
def test_loader_raises_only_spec_error_on_yaml_mappings(tree: dict[str, object]) -> None:
    _load_text(yaml.safe_dump(tree, allow_unicode=True).encode("utf-8"))


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_loader_raises_only_spec_error_on_mutated_valid_specs(data: st.DataObject) -> None:
    lines = (HOSTILE / "valid.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 3))):
        index = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "dup", "replace", "indent"]))
        if action == "drop":
            del lines[index]
        elif action == "dup":
            lines.insert(index, lines[index])
        elif action == "indent":
            lines[index] = "  " + lines[index]
        else:
            key = lines[index].split(":")[0]
            value = data.draw(_SCALARS.map(lambda v: yaml.safe_dump(v).split("\n")[0]))
            lines[index] = f"{key}: {value}\n"
        if not lines:
            break
    _load_text("".join(lines).encode("utf-8"))


def test_the_mutation_harness_loads_the_unmutated_spec() -> None:
    assert _load_text((HOSTILE / "valid.yaml").read_bytes())  # quotes verified against the text
    assert not _load_text(b"not: [valid")



def test_cli_validate_coverage_reports_uncovered_figures() -> None:
    result = _cli("validate", _relative("fixture/registry.yaml"), _relative("valid.yaml"),
                  "--coverage")
    assert result.returncode == 1  # incomplete coverage fails the check
    assert "neither captured nor ignored" in result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].endswith(": valid")
    assert lines[1].startswith("torch-2022-workplan: ")
    assert any("uncovered tests/hostile/fixture/source.txt:" in line and "3453.8亿元" in line
               for line in lines)
    assert lines[-1].startswith("total: ")


def test_cli_validate_coverage_passes_on_the_committed_specs() -> None:
    result = _cli("validate", "specs", "--coverage")
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"total: (\d+) of \1 claims covered \(100\.0%\)",
                        result.stdout.splitlines()[-1])
