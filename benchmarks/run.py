"""Measure hitech-targets at national scale, each figure against a floor measured in the same run.

Generates (or reuses) the synthetic corpus of ``benchmarks/generate.py`` and measures, in fresh
subprocesses so that one step's memory and caches do not colour the next:

- load + validate + provenance check (``hitech_targets.load``), against parsing the same YAML
  files with PyYAML's C loader alone;
- reconcile of every zone-year (one call per year for all zones, plus the mean of per-zone
  calls), and one report per format for one zone-year;
- ``extract_claims`` throughput on the seeds and on synthetic texts, in MB/s of UTF-8, against
  one regular-expression pass over the same text;
- cold ``import hitech_targets`` against a bare ``python -c pass`` (medians of several runs);
- peak memory (``ru_maxrss``) of the subprocess doing load + reconcile.

Every time is taken twice: wall clock and CPU time of the process. On a shared machine the
wall clock includes waiting for other processes; the goals are judged on CPU time, which is
what the wall clock would be on an otherwise idle machine (all measured code is one thread).

It prints a table and writes the figures, the machine and the exact command into
``docs/performance.md`` between markers, keeping hand-written text outside them.

Usage: ``python benchmarks/run.py [--scales 1,3,10] [--out docs/performance.md] [--tiny]``
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
GENERATOR = Path(__file__).resolve().parent / "generate.py"
SEEDS = REPO / "seeds"
BEGIN = "<!-- BEGIN benchmark results: written by benchmarks/run.py, do not edit by hand -->"
END = "<!-- END benchmark results -->"
FORMATS = ("html", "md", "json", "csv")
GIB = 2**30

#: The goals of the issue: (key, wording).
GOALS = (
    ("load", "load + validate + reconcile within 2x the C-loader parse of the same YAML"),
    ("linear", "linear growth: 10x data within 11x time (load + reconcile)"),
    ("extract", "extraction at least 10 MB/s of report text (synthetic texts)"),
    ("import", "cold `import hitech_targets` under 150 ms above a bare interpreter"),
    ("memory", "peak memory under 2 GB for the 10x corpus (load + reconcile)"),
)

Result = dict[str, Any]


class _Clock:
    """Wall-clock and CPU seconds since start (or the last ``lap``)."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def read(self) -> dict[str, float]:
        return {"wall": time.perf_counter() - self.wall, "cpu": time.process_time() - self.cpu}


def _scaled(times: dict[str, float], factor: float) -> dict[str, float]:
    return {k: v * factor for k, v in times.items()}


def _plus(a: dict[str, float], b: dict[str, float]) -> dict[str, float]:
    return {k: a[k] + b[k] for k in a}


# --- children: each runs in a fresh interpreter and prints one JSON line -----------------------


def _maxrss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB


def _spec_files(corpus: Path) -> list[Path]:
    return sorted((corpus / "specs").rglob("*.yaml"))


def _child_floor(corpus: str) -> Result:
    """Parse every spec file with PyYAML's C loader, nothing else: the floor of loading."""
    import yaml

    files = _spec_files(Path(corpus))
    size = sum(f.stat().st_size for f in files)
    clock = _Clock()
    for file in files:
        with open(file, "rb") as stream:
            yaml.load(stream, Loader=yaml.CSafeLoader)
    return {"time": clock.read(), "files": len(files), "bytes": size, "maxrss": _maxrss_bytes()}


def _child_load(corpus: str, budget: float, sample: int) -> Result:
    """Load + validate + provenance, reconcile every zone-year, one report per format."""
    clock = _Clock()
    from hitech_targets.loader import load
    from hitech_targets.reconcile import reconcile
    from hitech_targets.report import report

    result: Result = {"import": clock.read()}
    clock = _Clock()
    ledger = load(Path(corpus) / "specs")
    result["load"] = clock.read()
    result["load_maxrss"] = _maxrss_bytes()
    result["goals"] = len(ledger.goals)
    result["outcomes"] = len(ledger.outcomes)
    result["sources"] = len(ledger.sources)
    years = sorted({g.period.end.year for g in ledger.goals if not g.period.is_multi_year})
    zone_ids = sorted(e.id for e in ledger.entities)
    as_of = f"{years[-1] + 1}-12-31"

    # every zone-year: one call per year covering all zones; stops after ``budget`` seconds
    statuses: dict[str, int] = {}
    done, clock = 0, _Clock()
    for year in years:
        card = reconcile(ledger, year, as_of=as_of)
        done += 1
        for key, count in card.summary().items():
            statuses[key] = statuses.get(key, 0) + count
        if clock.read()["wall"] > budget:
            break
    spent = clock.read()
    result["reconcile"] = {
        "time": spent,
        "years_done": done,
        "years": len(years),
        "estimated": _scaled(spent, len(years) / done),
        "statuses": statuses,
    }
    result["reconcile_maxrss"] = _maxrss_bytes()

    # a sample of per-zone calls: the latency of one zone-year
    calls, clock = 0, _Clock()
    for zone in zone_ids[:sample]:
        reconcile(ledger, years[len(years) // 2], entity=zone, as_of=as_of)
        calls += 1
        if clock.read()["wall"] > budget / 4:
            break
    result["zone_call"] = _scaled(clock.read(), 1 / calls)

    # one report per format for one zone-year, best of three
    card = reconcile(ledger, years[len(years) // 2], entity=zone_ids[0], as_of=as_of)
    reports: Result = {}
    for fmt in FORMATS:
        best: dict[str, float] = {"wall": float("inf"), "cpu": float("inf")}
        size = 0
        try:
            for _ in range(3):
                clock = _Clock()
                text = report(card, locale="zh_Hans_CN", format=fmt)
                lap = clock.read()
                best = {k: min(best[k], lap[k]) for k in best}
                size = len(text.encode("utf-8"))
        except Exception as error:  # a broken report must not hide the other figures
            reports[fmt] = {"error": f"{type(error).__name__}: {error}"}
            continue
        reports[fmt] = {"time": best, "bytes": size, "goals": len(card)}
    result["reports"] = reports
    result["maxrss"] = _maxrss_bytes()
    return result


def _throughput(func: Callable[[str], object], texts: Sequence[str], minimum: float) -> Result:
    """MB/s of UTF-8 for ``func`` over ``texts``, repeated until ``minimum`` CPU seconds passed."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    rounds, clock = 0, _Clock()
    while True:
        for text in texts:
            func(text)
        rounds += 1
        spent = clock.read()
        if spent["cpu"] >= minimum:
            break
    return {
        "text_bytes": size,
        "rounds": rounds,
        "time": spent,
        "mb_per_s": {k: size * rounds / v / 1e6 for k, v in spent.items()},
    }


def _regex_pass(text: str) -> int:
    return sum(1 for _ in re.finditer(r"\d+(?:\.\d+)?", text))


def _child_extract(corpus: str, texts_limit: int, minimum: float) -> Result:
    """extract_claims MB/s on the seeds and on synthetic texts; the floor is one regex pass."""
    from hitech_targets.extract import extract_claims

    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    files = sorted((Path(corpus) / "texts").rglob("*.txt"))
    step = max(1, len(files) // texts_limit)
    synthetic = [p.read_text(encoding="utf-8") for p in files[::step][:texts_limit]]
    extract_claims(seeds[0])  # warm lazy imports and caches outside the timing
    result: Result = {"claims_seeds": sum(len(extract_claims(t)) for t in seeds)}
    for name, texts in (("seeds", seeds), ("synthetic", synthetic)):
        result[name] = {
            "texts": len(texts),
            "extract": _throughput(extract_claims, texts, minimum),
            "floor": _throughput(_regex_pass, texts, minimum / 4),
        }
    return result


def _child(argv: Sequence[str]) -> int:
    # the checkout's package, whatever the editable install says: measure the working tree
    sys.path.insert(0, str(REPO))
    task, payload = argv[0], json.loads(argv[1])
    tasks: dict[str, Callable[..., Result]] = {
        "floor": _child_floor,
        "load": _child_load,
        "extract": _child_extract,
    }
    print(json.dumps(tasks[task](**payload)))
    return 0


def _spawn(task: str, timeout: float, **payload: Any) -> Result:
    """Run a child task in a fresh interpreter; its last stdout line is the JSON result."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", task, json.dumps(payload)]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, cwd=REPO, check=False
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["no output"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


# --- parent ---------------------------------------------------------------------------------


def _timed_run(command: Sequence[str]) -> dict[str, float]:
    """Wall time of a subprocess and its CPU time (user + system, from RUSAGE_CHILDREN)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=REPO, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu}


def _imports(runs: int) -> Result:
    """Medians of cold ``import hitech_targets`` and bare interpreter start, interleaved."""
    commands = {
        "bare": "pass",
        "package": "import hitech_targets",
        "public_api": "from hitech_targets import load, reconcile, report",
    }
    laps: dict[str, list[dict[str, float]]] = {k: [] for k in commands}
    for _ in range(runs):
        for key, code in commands.items():
            laps[key].append(_timed_run([sys.executable, "-c", code]))
    result: Result = {"runs": runs}
    for key, runs_of in laps.items():
        result[key] = {k: statistics.median(r[k] for r in runs_of) for k in ("wall", "cpu")}
    return result


def _generator_digest() -> str:
    return hashlib.sha256(GENERATOR.read_bytes()).hexdigest()[:16]


def _corpus(base: Path, scale: int, zones: int, years: int, seed: int, fresh: bool) -> Result:
    """Generate the corpus for ``scale`` unless one with the same parameters is there."""
    directory = base / f"scale-{scale}"
    stamp: Result = {
        "zones": zones,
        "years": years,
        "scale": scale,
        "seed": seed,
        "generator": _generator_digest(),
    }
    stamp_file = directory / "corpus.json"
    if not fresh and stamp_file.exists():
        old = json.loads(stamp_file.read_text(encoding="utf-8"))
        if {k: old.get(k) for k in stamp} == stamp:
            return {**old, "path": str(directory), "reused": True}
    if directory.exists():
        shutil.rmtree(directory)
    started = time.perf_counter()
    command = [sys.executable, str(GENERATOR), str(directory), "--zones", str(zones),
               "--years", str(years), "--scale", str(scale), "--seed", str(seed)]  # fmt: skip
    subprocess.run(command, check=True, cwd=REPO, capture_output=True)
    stamp["generate_seconds"] = round(time.perf_counter() - started, 2)
    stamp["yaml_bytes"] = sum(f.stat().st_size for f in _spec_files(directory))
    stamp["text_bytes"] = sum(f.stat().st_size for f in (directory / "texts").rglob("*.txt"))
    stamp_file.write_text(json.dumps(stamp, indent=2) + "\n", encoding="utf-8")
    return {**stamp, "path": str(directory), "reused": False}


def _machine() -> Result:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory_gib": round(memory / GIB, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "loadavg": os.getloadavg(),
    }


# --- report ---------------------------------------------------------------------------------


def _s(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.1f} s"


def _t(times: dict[str, float] | None) -> str:
    """CPU time, with the wall clock in brackets."""
    if not times:
        return "—"
    return f"{_s(times['cpu'])} ({_s(times['wall'])})"


def _ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None or b == 0 else a / b


def _verdict(ok: bool | None, text: str) -> str:
    return f"{'not measured' if ok is None else 'met' if ok else 'NOT met'} ({text})"


def _ok(run: Result) -> bool:
    return "error" not in run.get("load", {"error": "missing"})


def _total(run: Result) -> dict[str, float] | None:
    """Load + reconcile of every zone-year (estimated when reconcile hit its budget)."""
    if not _ok(run):
        return None
    return _plus(run["load"]["load"], run["load"]["reconcile"]["estimated"])


def _goals(results: Result) -> dict[str, str]:
    scales: dict[str, Result] = results["scales"]
    out: dict[str, str] = {}
    parts = []
    ok: bool | None = None
    for scale, run in sorted(scales.items(), key=lambda kv: int(kv[0])):
        total, floor = _total(run), run.get("floor", {}).get("time")
        if total and floor:
            ratio = total["cpu"] / floor["cpu"]
            ok = (ok is None or ok) and ratio <= 2
            parts.append(f"{scale}x: {ratio:.1f}x the floor")
    out["load"] = _verdict(ok, "; ".join(parts) or "load failed")
    t1, t10 = _total(scales.get("1", {})), _total(scales.get("10", {}))
    if t1 and t10:
        r = t10["cpu"] / t1["cpu"]
        out["linear"] = _verdict(r <= 11, f"10x data took {r:.1f}x the CPU time")
    else:
        out["linear"] = _verdict(None, "needs --scales 1,...,10 with both runs complete")
    ex = results.get("extract", {})
    if "synthetic" in ex:
        mbs = ex["synthetic"]["extract"]["mb_per_s"]
        out["extract"] = _verdict(mbs["cpu"] >= 10, f"{mbs['cpu']:.2f} MB/s")
    else:
        out["extract"] = _verdict(None, ex.get("error", "failed"))
    imp = results["import"]
    over = (imp["package"]["cpu"] - imp["bare"]["cpu"]) * 1000
    out["import"] = _verdict(over < 150, f"{over:.0f} ms above a bare interpreter")
    rss = scales.get("10", {}).get("load", {}).get("reconcile_maxrss")
    out["memory"] = _verdict(
        None if rss is None else rss < 2 * GIB,
        f"{rss / GIB:.2f} GiB" if rss else "needs --scales ...,10 with the run complete",
    )
    return out


def _table(results: Result) -> str:
    """The results as Markdown (also printed)."""
    rows: list[str] = []
    add = rows.append
    m = results["machine"]
    start = ", ".join(f"{x:.2f}" for x in m["loadavg"])
    end = ", ".join(f"{x:.2f}" for x in results["loadavg_end"])
    add(f"Machine: {m['nproc']} CPUs ({m['cpu']}), {m['memory_gib']} GiB RAM, Python "
        f"{m['python']}, {m['platform']}. Load average (1, 5, 15 min) at start {start}, "
        f"at end {end}.")  # fmt: skip
    add("")
    add(f"Command: `{results['command']}` (started {results['started']}, took "
        f"{results['seconds'] / 60:.1f} min).")  # fmt: skip
    add("")
    add("Times are CPU seconds of the measuring process, wall clock in brackets.")
    for scale, run in sorted(results["scales"].items(), key=lambda kv: int(kv[0])):
        if "from" in run:
            add(f"The {scale}x row comes from another run: `{run['from']}`.")
    add("")
    add("### Load, reconcile, memory")
    add("")
    add("| scale | zone-years | records | YAML | C-loader parse (floor) | load + validate + "
        "provenance | load / floor | reconcile all zone-years | one zone-year call | "
        "(load + reconcile) / floor | peak RSS |")  # fmt: skip
    add("|---|---|---|---|---|---|---|---|---|---|---|")
    scales: dict[str, Result] = results["scales"]
    for scale, run in sorted(scales.items(), key=lambda kv: int(kv[0])):
        corpus, floor, load = run["corpus"], run.get("floor", {}), run.get("load", {})
        fl = floor.get("time")
        mb = f"{corpus['yaml_bytes'] / 1e6:.0f} MB"
        if not _ok(run):
            add(f"| {scale}x | — | — | {mb} | {_t(fl)} | failed: "
                f"{load.get('error', '?')[:300]} | | | | | |")  # fmt: skip
            continue
        rec = load["reconcile"]
        partial = ""
        if rec["years_done"] != rec["years"]:
            partial = (f", extrapolated from {rec['years_done']} of {rec['years']} years in "
                       f"{_t(rec['time'])}")  # fmt: skip
        total = _total(run) or {}
        add(f"| {scale}x | {load['sources']:,} | {load['goals'] + load['outcomes']:,} | {mb} | "
            f"{_t(fl)} | {_t(load['load'])} | "
            f"{_ratio(load['load']['cpu'], fl['cpu'] if fl else None) or 0:.1f}x | "
            f"{_t(rec['estimated'])}{partial} | {_t(load['zone_call'])} | "
            f"{_ratio(total.get('cpu'), fl['cpu'] if fl else None) or 0:.1f}x | "
            f"{load['reconcile_maxrss'] / 2**20:,.0f} MiB |")  # fmt: skip
    ordered = [r for _, r in sorted(scales.items(), key=lambda kv: int(kv[0])) if _ok(r)]
    if len(ordered) > 1:
        base = ordered[0]
        add("")
        add(f"Growth against {base['corpus']['scale']}x (CPU time ratio, and in brackets that "
            "ratio divided by the data ratio: 1.00 is linear):")  # fmt: skip
        add("")
        add("| scale | data ratio | floor | load | reconcile | load + reconcile |")
        add("|---|---|---|---|---|---|")
        for run in ordered:
            data = run["corpus"]["yaml_bytes"] / base["corpus"]["yaml_bytes"]
            cells = []
            for get in (
                lambda r: r["floor"]["time"]["cpu"],
                lambda r: r["load"]["load"]["cpu"],
                lambda r: r["load"]["reconcile"]["estimated"]["cpu"],
                lambda r: (_total(r) or {"cpu": 0})["cpu"],
            ):
                ratio = _ratio(get(run), get(base)) or 0
                cells.append(f"{ratio:.2f} ({ratio / data:.2f})")
            add(f"| {run['corpus']['scale']}x | {data:.2f} | {' | '.join(cells)} |")
    first = ordered[0] if ordered else None
    if first and "reports" in first["load"]:
        add("")
        add(f"### One report per format ({first['corpus']['scale']}x corpus, one zone-year, "
            "locale zh_Hans_CN, best of 3)")  # fmt: skip
        add("")
        add("| format | time | size |")
        add("|---|---|---|")
        for fmt, rep in first["load"]["reports"].items():
            if "error" in rep:
                add(f"| {fmt} | failed: {rep['error'][:200]} | |")
            else:
                add(f"| {fmt} | {_t(rep['time'])} | {rep['bytes'] / 1e3:.1f} kB |")
    ex = results.get("extract", {})
    add("")
    add("### Extraction throughput (`extract_claims`, MB/s of UTF-8, CPU (wall))")
    add("")
    if "error" in ex:
        add(f"Failed: {ex['error'][:400]}")
    else:
        add("| texts | size | extract_claims | floor: one regex pass | floor / extract |")
        add("|---|---|---|---|---|")
        for name in ("seeds", "synthetic"):
            part = ex[name]
            e, f = part["extract"]["mb_per_s"], part["floor"]["mb_per_s"]
            add(f"| {name} ({part['texts']} texts) | "
                f"{part['extract']['text_bytes'] / 1e6:.2f} MB | {e['cpu']:.2f} ({e['wall']:.2f}) "
                f"| {f['cpu']:.1f} ({f['wall']:.1f}) | {f['cpu'] / e['cpu']:.0f}x |")  # fmt: skip
    imp = results["import"]
    add("")
    add(f"### Cold import (median of {imp['runs']} fresh interpreters, CPU (wall))")
    add("")
    add("| command | median | above bare |")
    add("|---|---|---|")
    for key, label in (
        ("bare", "python -c pass"),
        ("package", "python -c 'import hitech_targets'"),
        ("public_api", "python -c 'from hitech_targets import load, reconcile, report'"),
    ):
        above = _plus(imp[key], _scaled(imp["bare"], -1))
        add(f"| `{label}` | {_t(imp[key])} | {_t(above)} |")
    add("")
    add("### Goals")
    add("")
    verdicts = _goals(results)
    for key, wording in GOALS:
        add(f"- {wording}: **{verdicts[key]}**")
    return "\n".join(rows) + "\n"


def _write_doc(path: Path, section: str) -> None:
    block = f"{BEGIN}\n{section}{END}\n"
    if path.exists():
        old = path.read_text(encoding="utf-8")
        if BEGIN in old and END in old:
            head, rest = old.split(BEGIN, 1)
            tail = rest.split(END, 1)[1].lstrip("\n")
            new = f"{head}{block}\n{tail}" if tail else f"{head}{block}"
        else:
            new = old.rstrip("\n") + "\n\n## Latest run\n\n" + block
    else:
        new = ("# Performance\n\nFigures of `benchmarks/run.py` (see `benchmarks/README.md`).\n\n"
               "## Latest run\n\n" + block)  # fmt: skip
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(new, encoding="utf-8")


def _merge(results: Result, earlier: Sequence[Path]) -> None:
    """Add the scales of earlier runs that this run did not measure (or failed to)."""
    for path in earlier:
        old = json.loads(path.read_text(encoding="utf-8"))
        for scale, run in old["scales"].items():
            mine = results["scales"].get(scale)
            if _ok(run) and (mine is None or not _ok(mine)):
                results["scales"][scale] = {**run, "from": f"{old['command']} ({old['started']})"}


def _arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    add = parser.add_argument
    add("--scale", type=int, default=1, help="one corpus scale (default 1)")
    add("--scales", default=None, help="several scales, e.g. 1,3,10")
    add("--out", type=Path, default=None,
        help="Markdown file to write (default docs/performance.md; none with --tiny)")  # fmt: skip
    add("--tiny", action="store_true", help="3 zones x 2 years in a temporary directory")
    add("--corpus-dir", type=Path, default=REPO / "out" / "benchmarks")
    add("--fresh", action="store_true", help="regenerate the corpus")
    add("--zones", type=int, default=178)
    add("--years", type=int, default=10)
    add("--seed", type=int, default=0)
    add("--budget", type=float, default=900,
        help="wall seconds after which reconcile stops and extrapolates")  # fmt: skip
    add("--timeout", type=float, default=4 * 3600, help="wall seconds allowed to each step")
    add("--import-runs", type=int, default=15)
    add("--json", type=Path, default=None, help="also write the raw results as JSON")
    add("--render", type=Path, default=None,
        help="measure nothing: rebuild the table from this results JSON (and --merge)")  # fmt: skip
    add("--merge", type=Path, action="append", default=[],
        help="results JSON of an earlier run; its other scales join the table")  # fmt: skip
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    if given[:1] == ["--child"]:
        return _child(given[1:])
    args = _arguments(given)
    if args.render:
        rendered: Result = json.loads(args.render.read_text(encoding="utf-8"))
        _merge(rendered, args.merge)
        section = _table(rendered)
        print(section)
        _write_doc(args.out or REPO / "docs" / "performance.md", section)
        return 0
    scales = [int(s) for s in args.scales.split(",")] if args.scales else [args.scale]
    temporary = None
    if args.tiny:
        temporary = tempfile.mkdtemp(prefix="hitech-bench-")
        args.corpus_dir, args.zones, args.years, scales = Path(temporary), 3, 2, [1]
        args.import_runs = 3
    out = args.out or (None if args.tiny else REPO / "docs" / "performance.md")
    python = Path(sys.executable)
    shown = [python.relative_to(REPO).as_posix() if python.is_relative_to(REPO) else "python",
             "benchmarks/run.py", *given]  # fmt: skip
    results: Result = {
        "command": " ".join(shlex.quote(a) for a in shown),
        "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": _machine(),
        "scales": {},
    }
    began = time.perf_counter()
    timeout = args.timeout

    def say(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    try:
        for scale in scales:
            corpus = _corpus(args.corpus_dir, scale, args.zones, args.years, args.seed,
                             args.fresh)  # fmt: skip
            state = "reused" if corpus["reused"] else "generated"
            say(f"scale {scale}: {corpus['path']} ({state})")
            run: Result = {"corpus": corpus}
            run["floor"] = _spawn("floor", timeout, corpus=corpus["path"])
            say(f"  floor {_t(run['floor'].get('time'))}")
            run["load"] = _spawn("load", timeout, corpus=corpus["path"], budget=args.budget,
                                 sample=20)  # fmt: skip
            say(f"  load {_t(run['load'].get('load'))} {run['load'].get('error', '')}")
            results["scales"][str(scale)] = run
        first = results["scales"][str(min(scales))]["corpus"]["path"]
        results["extract"] = _spawn("extract", timeout, corpus=first,
                                    texts_limit=6 if args.tiny else 200,
                                    minimum=0.2 if args.tiny else 3.0)  # fmt: skip
        say("  extract done")
        results["import"] = _imports(args.import_runs)
    finally:
        if temporary:
            shutil.rmtree(temporary, ignore_errors=True)
    results["seconds"] = time.perf_counter() - began
    results["loadavg_end"] = os.getloadavg()
    _merge(results, args.merge)
    section = _table(results)
    print(section)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n",
                             encoding="utf-8")  # fmt: skip
    if out is not None:
        _write_doc(out, section)
        say(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
