"""Every command and Python snippet in README.md and docs/ runs, and says what it prints.

The conventions (documented for authors in docs/index.md, "Examples are tested"):

- ```` ```python ```` blocks run in order, one namespace per Markdown file; a block of ``>>>``
  lines is a doctest and its shown output is compared.
- ```` ```console ```` blocks: a line starting with ``$ `` is a command (a trailing ``\\``
  continues it on the next line); the lines after it, up to the next command, are its output.
  ```` ```bash ````, ```` ```sh ```` and ```` ```shell ```` blocks hold commands only, one per
  line (``#`` comments ignored).
- Commands run with bash in a fresh working directory per Markdown file, where ``specs`` is a
  symlink to the repository's specs and ``seeds`` a copy of its seeds, so nothing they write
  dirties the repository. Python blocks run in the same directory, after the page's commands.
  ``python3`` is the interpreter running the tests.
- ``pip install`` steps and the test command itself (``pytest``) are not run; the rest of a
  ``&&`` chain is. A leading ``.venv/bin/`` is dropped (the interpreter running the tests
  provides the console scripts).
- A command must exit 0, unless it ends with a comment ``# exit N``.
- Shown output is checked: the output lines must occur in the command's output (stdout and
  stderr, trailing white space ignored) as one contiguous run; a line ``...`` or ``…`` skips
  any number of lines, and ``...`` inside a line stands for any text.
- ``<!-- docs-test: write PATH -->`` on the line before a block writes the block's text to PATH
  in the working directory (how a walkthrough creates the spec it then validates), and
  ``<!-- docs-test: append PATH -->`` appends it;
  ``<!-- docs-test: skip -->`` keeps one block from running. Blocks fenced ``text``, ``yaml``,
  ``json`` or without a language are never run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Generated pages whose fenced blocks are signatures, not examples.
_NOT_EXAMPLES = {"docs/api.md"}
_SHELLS = {"bash", "sh", "shell"}
_RUN = {"python", "console", *_SHELLS}
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\s`]*)")
_DIRECTIVE = re.compile(
    r"^\s*<!--\s*docs-test:\s*(?P<verb>write|append|skip)\s*(?P<arg>\S*)\s*-->\s*$"
)
_EXIT = re.compile(r"\s+#\s*exit\s+(?P<code>\d+)\s*$")
_SKIPPED = re.compile(
    r"^(?:python3?\s+-m\s+)?pip3?\s+install\b|^(?:python3?\s+-m\s+)?pytest\b"
)
_ELLIPSIS = {"...", "…"}
_TIMEOUT = 180


class Block(NamedTuple):
    """One fenced block of a Markdown file."""

    path: str
    line: int
    lang: str
    text: str
    directive: tuple[str, str] | None


class Command(NamedTuple):
    """One shell command of a block, with what the docs say it exits with and prints."""

    line: int
    text: str
    exit_code: int
    output: list[str]


def doc_files() -> list[Path]:
    """README.md and every Markdown page under docs/, generated reference pages excepted."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    return [p for p in pages if p.relative_to(ROOT).as_posix() not in _NOT_EXAMPLES]


def blocks(path: Path, shown: str | None = None) -> Iterator[Block]:
    """The fenced blocks of ``path`` with their language, first line and directive."""
    lines = path.read_text(encoding="utf-8").splitlines()
    shown = shown or path.relative_to(ROOT).as_posix()
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if opening is None:
            i += 1
            continue
        indent, fence = len(opening["indent"]), opening["fence"]
        previous = next((ln for ln in reversed(lines[:i]) if ln.strip()), "")
        directive = _DIRECTIVE.match(previous)
        body: list[str] = []
        j = i + 1
        while j < len(lines):
            stripped = lines[j].strip()
            if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                break
            head = lines[j][:indent]
            body.append(lines[j][indent:] if not head.strip() else lines[j].lstrip())
            j += 1
        yield Block(
            shown,
            i + 1,
            opening["info"].lower(),
            "\n".join(body) + "\n",
            (directive["verb"], directive["arg"]) if directive else None,
        )
        i = j + 1


def commands(block: Block) -> list[Command]:
    """The commands of a console or shell block, continuation lines joined."""
    found: list[Command] = []
    pending: list[str] = []
    start = 0
    for offset, raw in enumerate(block.text.splitlines()):
        line = raw.rstrip()
        if pending:
            pending.append(line)
        elif block.lang == "console":
            if line.startswith("$ "):
                pending, start = [line[2:]], block.line + 1 + offset
            elif found:
                found[-1].output.append(line)
        elif line.strip() and not line.lstrip().startswith("#"):
            pending, start = [line], block.line + 1 + offset
        if pending and not pending[-1].endswith("\\"):
            text = "\n".join(pending)
            expected = _EXIT.search(text)
            code = int(expected["code"]) if expected else 0
            found.append(Command(start, text, code, []))
            pending = []
    if pending:
        raise AssertionError(f"{block.path}:{block.line}: command ends with a backslash")
    return found


def runnable(command: str) -> str | None:
    """``command`` without its pip-install and pytest steps; None when nothing is left."""
    segments = [s.strip() for s in command.split("&&")]
    segments = [re.sub(r"^\.venv/bin/", "", s) for s in segments]
    kept = [s for s in segments if not _SKIPPED.match(s)]
    return " && ".join(kept) if kept else None


def contains(actual: list[str], expected: list[str]) -> bool:
    """Whether the ``expected`` lines occur in ``actual``, ``...`` lines skipping any lines."""
    chunks: list[list[str]] = [[]]
    for line in expected:
        if line.strip() in _ELLIPSIS:
            chunks.append([])
        else:
            chunks[-1].append(line.rstrip())
    position = 0
    for chunk in (c for c in chunks if c):
        patterns = [_line_pattern(line) for line in chunk]
        for start in range(position, len(actual) - len(chunk) + 1):
            window = actual[start : start + len(chunk)]
            if all(p.fullmatch(line) for p, line in zip(patterns, window, strict=True)):
                position = start + len(chunk)
                break
        else:
            return False
    return True


def _line_pattern(line: str) -> re.Pattern[str]:
    """A shown line as a pattern: ``...`` inside it stands for any text."""
    return re.compile(".*".join(re.escape(part) for part in line.split("...")))


def workdir(tmp_path: Path) -> Path:
    """A scratch directory that looks like the repository to the commands of the docs."""
    (tmp_path / "specs").symlink_to(ROOT / "specs", target_is_directory=True)
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path


def _shims(directory: Path) -> Path:
    """``python3``/``python`` as the interpreter running the tests, and ``hitech-targets`` as
    its module when the console script is not where the interpreter's scripts are."""
    directory.mkdir(exist_ok=True)
    interpreter = f'exec "{sys.executable}" "$@"'
    programs = {"python3": interpreter, "python": interpreter}
    if shutil.which("hitech-targets", path=_path()) is None:
        programs["hitech-targets"] = f'exec "{sys.executable}" -m hitech_targets "$@"'
    for name, line in programs.items():
        shim = directory / name
        shim.write_text(f"#!/bin/sh\n{line}\n", encoding="utf-8")
        shim.chmod(0o755)
    return directory


def _path() -> str:
    return f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"


def _environment(shims: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{shims}{os.pathsep}{_path()}"
    env.update(COLUMNS="120", LC_ALL="C.UTF-8", PYTHONIOENCODING="utf-8", NO_COLOR="1")
    return env


def run_command(block: Block, command: Command, cwd: Path) -> None:
    script = runnable(command.text)
    if script is None:
        return
    done = subprocess.run(
        ["bash", "-c", script],
        cwd=cwd,
        env=_environment(cwd / ".bin"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        timeout=_TIMEOUT,
        check=False,
    )
    where = f"{block.path}:{command.line}: {command.text!r}"
    assert done.returncode == command.exit_code, (
        f"{where} exited {done.returncode}, the docs say {command.exit_code}:\n{done.stdout}"
    )
    shown = [ln for ln in command.output if ln.strip()]
    actual = [ln.rstrip() for ln in done.stdout.splitlines() if ln.strip()]
    assert contains(actual, shown), (
        f"{where}: the docs show\n" + "\n".join(shown) + "\nbut it printed\n" + done.stdout
    )


#: Runs the Python blocks of one page in a fresh interpreter, as a reader would in a new
#: session: one namespace, blocks in order, ``>>>`` blocks as doctests.
_PYTHON_RUNNER = r"""
import doctest, json, sys, traceback
namespace = {"__name__": "__main__"}
flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
for where, text in json.load(open(sys.argv[1], encoding="utf-8")):
    if text.lstrip().startswith(">>>"):
        test = doctest.DocTestParser().get_doctest(text, namespace, where, where, 0)
        runner = doctest.DocTestRunner(optionflags=flags)
        report = []
        runner.run(test, out=report.append, clear_globs=False)
        if runner.failures:
            sys.stderr.write(f"{where}: doctest failed\n" + "".join(report))
            sys.exit(1)
        continue
    try:
        exec(compile(text, where, "exec"), namespace)
    except Exception:
        sys.stderr.write(f"{where}: the example raised\n" + traceback.format_exc())
        sys.exit(1)
"""


def run_python(page_blocks: list[Block], cwd: Path) -> None:
    """Run the Python blocks of one page in a subprocess (see ``_PYTHON_RUNNER``)."""
    if not page_blocks:
        return
    script = cwd / ".docs-python.json"
    script.write_text(
        json.dumps([(f"{b.path}:{b.line}", b.text) for b in page_blocks], ensure_ascii=False),
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-c", _PYTHON_RUNNER, str(script)],
        cwd=cwd,
        env=_environment(cwd / ".bin"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        timeout=_TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stdout


@pytest.mark.parametrize(
    "page", doc_files(), ids=lambda p: p.relative_to(ROOT).as_posix()
)
def test_examples_run(page: Path, tmp_path: Path) -> None:
    cwd = workdir(tmp_path)
    _shims(cwd / ".bin")
    python: list[Block] = []
    for block in blocks(page):
        if block.directive and block.directive[0] in ("write", "append"):
            target = cwd / block.directive[1]
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("a" if block.directive[0] == "append" else "w", encoding="utf-8") as f:
                f.write(block.text)
            continue
        if block.lang not in _RUN or (block.directive and block.directive[0] == "skip"):
            continue
        if block.lang == "python":
            python.append(block)
        else:
            for command in commands(block):
                run_command(block, command, cwd)
    run_python(python, cwd)


# --- the runner's own rules, on small Markdown texts ----------------------------------------


def _blocks_of(text: str, tmp_path: Path) -> list[Block]:
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    return list(blocks(page, "page.md"))


def test_console_commands_outputs_and_exit_codes(tmp_path: Path) -> None:
    text = (
        "Intro\n\n<!-- docs-test: write a/b.yaml -->\n```yaml\nx: 1\n```\n\n"
        "```console\n$ hitech-targets validate specs \\\n    --flag\nspecs: valid\n...\nend\n"
        "$ false  # exit 1\n```\n\n   ```python\n   print(1)\n   ```\n"
    )
    found = _blocks_of(text, tmp_path)
    assert [b.lang for b in found] == ["yaml", "console", "python"]
    assert found[0].directive == ("write", "a/b.yaml") and found[0].text == "x: 1\n"
    assert found[2].text == "print(1)\n"
    first, second = commands(found[1])
    assert first.text == "hitech-targets validate specs \\\n    --flag"
    assert first.output == ["specs: valid", "...", "end"] and first.exit_code == 0
    assert second.exit_code == 1 and second.line == found[1].line + 6


def test_install_and_pytest_steps_are_not_run() -> None:
    assert runnable('python3 -m pip install -e ".[dev]" && python3 -m pytest') is None
    assert runnable("python3 -m pip install -e . && hitech-targets report specs") == (
        "hitech-targets report specs"
    )
    assert runnable(".venv/bin/hitech-targets validate specs") == "hitech-targets validate specs"


def test_shown_output_must_occur_in_order() -> None:
    actual = ["a", "b", "c", "d"]
    assert contains(actual, ["b", "c"])
    assert contains(actual, ["a", "...", "d"])
    assert not contains(actual, ["a", "c"])
    assert not contains(actual, ["d", "...", "a"])
    assert contains(actual, [])
    assert contains(["total: 395 of 395 claims"], ["total: ... of ... claims"])
    assert not contains(["total: 395 of 395 claims"], ["total: ... of ... figures"])


_LINK = re.compile(r"\]\((?P<target>[^)\s]+)\)")


@pytest.mark.parametrize(
    "page", doc_files(), ids=lambda p: p.relative_to(ROOT).as_posix()
)
def test_relative_links_resolve(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    broken = []
    for match in _LINK.finditer(text):
        target = match["target"].split("#", 1)[0]
        if not target or re.match(r"^[a-z]+:", target):
            continue
        if not (page.parent / target).exists():
            broken.append(match["target"])
    assert broken == [], f"{page.relative_to(ROOT)}: links to missing files: {broken}"


def test_readme_test_command_is_the_ci_command() -> None:
    """The README's second set-up command is exactly what .ci/run runs (after its installs)."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    ci_command = [ln for ln in ci.splitlines() if "pytest" in ln and not ln.startswith("#")]
    readme = [c.text for b in blocks(ROOT / "README.md") if b.lang in _SHELLS for c in commands(b)]
    assert 'python3 -m pip install -e ".[dev]" && python3 -m pytest' in readme
    assert len(ci_command) == 1 and ci_command[0].replace(" -q", "") == readme[-1]
