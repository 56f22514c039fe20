"""Load spec files into a ``Ledger``, refusing anything doubtful with ``FILE:LINE:COL`` problems.

``load(path)`` takes a directory (every ``*.yaml`` below it, recursively, in sorted order), a
single file, or a list of either. Each file is read strictly (``yamlsafe``), turned into records
(``spec``), then the loader checks what needs all files at once: ids unique across files,
references that resolve, source text files inside the repository root, and quotes that occur in
their source with the figures their records state (``provenance``). All problems of the run are
raised together in one ``SpecError``; nothing partial is returned.

The *repository root* of a spec path is the nearest ancestor of its directory (the directory
itself included) holding ``pyproject.toml`` or ``.git``; when there is none, the spec
directory's parent. Source ``text`` paths are relative to it and must stay inside it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from hitech_targets.errors import Problem, SpecError
from hitech_targets.ledger import Ledger
from hitech_targets.provenance import verify_all
from hitech_targets.spec import Declaration, SpecFile, read_spec
from hitech_targets.yamlsafe import read

PathLike = str | Path
_ROOT_MARKERS = ("pyproject.toml", ".git")


@attrs.frozen
class _SpecPath:
    """A spec file to read: its path as shown in messages and its repository root."""

    path: Path
    root: Path

    @property
    def shown(self) -> str:
        return str(self.path)


def repository_root(start: Path) -> Path:
    """The nearest ancestor of ``start`` (inclusive) with pyproject.toml or .git, else its parent.

    ``start`` is a spec directory; for a single spec file pass the directory it is in.
    """
    here = start.resolve()
    for candidate in (here, *here.parents):
        if any((candidate / marker).exists() for marker in _ROOT_MARKERS):
            return candidate
    return here.parent


def _spec_paths(paths: Iterable[PathLike]) -> tuple[list[_SpecPath], list[Problem]]:
    found: dict[Path, _SpecPath] = {}
    problems: list[Problem] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            root = repository_root(path)
            files = sorted(p for p in path.rglob("*.yaml") if p.is_file())
            if not files:
                problems.append(Problem(str(path), None, None,
                                        "no spec files (*.yaml) in this directory"))
            for file in files:
                found.setdefault(file.resolve(), _SpecPath(file, root))
        elif path.is_file():
            found.setdefault(path.resolve(), _SpecPath(path, repository_root(path.parent)))
        else:
            problems.append(Problem(str(path), None, None, "no such file or directory"))
    return sorted(found.values(), key=lambda s: s.shown), problems


def _read_text(spec: SpecFile, root: Path) -> tuple[str | None, list[Problem]]:
    """The text of a spec's source document, or the problem with its ``text`` path."""
    if spec.source is None:
        return None, []
    line, column = spec.text_at or (None, None)

    def problem(message: str) -> list[Problem]:
        return [Problem(spec.path, line, column, message)]

    relative = spec.source.text
    if Path(relative).is_absolute():
        return None, problem(f"text {relative!r} must be a path relative to the repository "
                             f"root ({root})")
    target = (root / relative).resolve()
    if not target.is_relative_to(root.resolve()):
        return None, problem(f"text {relative!r} is outside the repository root ({root}): "
                             "source texts must live inside the repository")
    try:
        data = target.read_bytes()
    except FileNotFoundError:
        return None, problem(f"text {relative!r} does not exist (looked for {target}); the path "
                             "is relative to the repository root")
    except OSError as error:
        return None, problem(f"text {relative!r} cannot be read: {error.strerror or error}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, problem(f"text {relative!r} is not UTF-8 (byte offset {error.start})")
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n"), []


def _where(declaration: Declaration) -> str:
    return f"{declaration.path}:{declaration.line}:{declaration.column}"


def _duplicates(specs: Sequence[SpecFile]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[tuple[str, str], Declaration] = {}
    for spec in specs:
        for declaration in spec.declarations:
            namespace = "record" if declaration.kind in ("goal", "outcome") else declaration.kind
            first = seen.setdefault((namespace, declaration.id), declaration)
            if first is not declaration:
                problems.append(Problem(
                    declaration.path, declaration.line, declaration.column,
                    f"duplicate {declaration.kind} id {declaration.id}: already declared as "
                    f"{first.kind} at {_where(first)}; ids must be unique across all specs",
                ))
    seen_fx: dict[tuple[str, str, int], str] = {}
    for spec in specs:
        for rate in spec.fx_rates:
            key = (rate.base, rate.quote, rate.year)
            where = str(rate.origin)
            first_fx = seen_fx.setdefault(key, where)
            if first_fx != where and rate.origin is not None:
                problems.append(Problem(
                    rate.origin.path, rate.origin.line, rate.origin.column,
                    f"duplicate FX rate {rate.base}/{rate.quote} {rate.year}: already given at "
                    f"{first_fx}",
                ))
    return problems


def _dangling(specs: Sequence[SpecFile]) -> list[Problem]:
    declared: dict[str, dict[str, str]] = {}
    for spec in specs:
        for declaration in spec.declarations:
            declared.setdefault(declaration.kind, {})[declaration.id] = declaration.kind
    problems: list[Problem] = []
    for spec in specs:
        for ref in spec.references:
            known = declared.get(ref.kind, {})
            if ref.id in known:
                continue
            message = f"{ref.what} names {ref.kind} {ref.id!r}, which no spec declares"
            if ref.kind == "goal" and ref.id in declared.get("outcome", {}):
                message = f"{ref.what} names {ref.id!r} as its goal, but that is an outcome"
            else:
                close = difflib.get_close_matches(ref.id, list(known), n=1)
                where = "registry" if ref.kind in ("metric", "entity") else "spec"
                message += f" (did you mean {close[0]!r}?)" if close else \
                    f"; declare it in the {ref.kind} {where} first"
            problems.append(Problem(ref.path, ref.line, ref.column, message))
    return problems


def _parent_cycles(specs: Sequence[SpecFile]) -> list[Problem]:
    parents = {e.id: e for spec in specs for e in spec.entities}
    problems: list[Problem] = []
    for entity in parents.values():
        seen = {entity.id}
        current = entity.parent
        while current is not None and current in parents:
            if current in seen:
                origin = entity.origin
                problems.append(Problem(
                    origin.path if origin else "?", origin.line if origin else None,
                    origin.column if origin else None,
                    f"entity {entity.id}: its parents form a cycle through {current}",
                ))
                break
            seen.add(current)
            current = parents[current].parent
    return problems


def load(path: PathLike | Iterable[PathLike]) -> Ledger:
    """Read specs into a Ledger; raises SpecError with every problem found (see module doc)."""
    paths = [path] if isinstance(path, str | Path) else list(path)
    spec_paths, problems = _spec_paths(paths)
    specs: list[SpecFile] = []
    roots: list[Path] = []
    unreadable = bool(problems)
    for spec_path in spec_paths:
        try:
            data = spec_path.path.read_bytes()
        except OSError as error:
            problems.append(Problem(spec_path.shown, None, None,
                                    f"cannot read: {error.strerror or error}"))
            unreadable = True
            continue
        node, found = read(data, spec_path.shown)
        problems.extend(found)
        if node is None:
            unreadable = True
            continue
        spec, found = read_spec(node, spec_path.shown)
        problems.extend(found)
        specs.append(spec)
        roots.append(spec_path.root)
    problems.extend(_duplicates(specs))
    if not unreadable:  # an unreadable file's ids are unknown: references would all dangle
        problems.extend(_dangling(specs))
    problems.extend(_parent_cycles(specs))
    texts: dict[str, str] = {}
    for spec, root in zip(specs, roots, strict=True):
        text, found = _read_text(spec, root)
        problems.extend(found)
        if text is not None and spec.source is not None:
            texts[spec.source.id] = text
    checks = (check for spec in specs for check in spec.checks)
    problems.extend(verify_all(checks, texts))
    if problems:
        raise SpecError(sorted(set(problems), key=_problem_order))
    return Ledger(
        sources=[s.source for s in specs if s.source is not None],
        entities=[e for s in specs for e in s.entities],
        metrics=[m for s in specs for m in s.metrics],
        goals=[g for s in specs for g in s.goals],
        outcomes=[o for s in specs for o in s.outcomes],
        fx_rates=[r for s in specs for r in s.fx_rates],
        ignores={s.source.id: s.ignores for s in specs if s.source is not None},
        texts=texts,
    )


def _problem_order(problem: Problem) -> tuple[str, int, int, str]:
    return (problem.path, problem.line or 0, problem.column or 0, problem.message)
