"""The yearly compliance report: a Scorecard rendered as HTML, Markdown, JSON or CSV.

The report is a view: every figure comes from the Scorecard's Assessments (the JSON output is
the reconcile contract plus report metadata), phrased for one locale by ``l10n`` and drawn by
``charts``. Output is byte-identical for identical input unless a build time is asked for.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import functools
import io
import json
import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hitech_targets.errors import ReportError
from hitech_targets.l10n import L10n, localiser
from hitech_targets.report_view import ReportView, build_view

if TYPE_CHECKING:
    from hitech_targets.scorecard import Scorecard

#: Output formats, by name.
FORMATS: tuple[str, ...] = ("html", "md", "json", "csv")

#: Columns of the CSV output, in order; ``status`` is the code, ``status_label`` its words.
CSV_FIELDS: tuple[str, ...] = (
    "goal_id",
    "part",
    "section",
    "source",
    "period",
    "metric",
    "metric_name",
    "quote",
    "target",
    "target_value",
    "actual",
    "actual_value",
    "margin",
    "attainment",
    "status",
    "status_label",
    "confidence",
    "confidence_label",
    "reasons",
    "evidence",
)


def report(
    scorecard: Scorecard,
    *,
    locale: str = "en",
    format: str = "html",
    findings: Sequence[Any] | None = None,
    include_build_time: bool = False,
) -> str:
    """Render ``scorecard`` as a compliance report in ``locale`` (zh_Hans_CN, zh_Hant_TW, en;
    zh-Hans and zh-Hant are accepted) and ``format`` (html, md, json, csv).

    ``findings`` are the audit findings to show; None runs ``audit`` for the scorecard's year,
    entity and as-of date, an empty sequence shows none. Raises ReportError for an unknown
    locale or format.
    """
    if format not in FORMATS:
        raise ReportError(f"unknown report format {format!r}: use one of {', '.join(FORMATS)}")
    l10n = localiser(locale)
    if findings is None:
        findings = _audit(scorecard)
    built = dt.datetime.now(dt.UTC).replace(microsecond=0) if include_build_time else None
    view = build_view(scorecard, l10n, tuple(findings), built)
    if format == "json":
        return _json(scorecard, view)
    if format == "csv":
        return _csv(view)
    text: str = _template(l10n, f"report.{format}").render(view=view)
    return text


def _mode_for(target: Path) -> int:
    """The mode a new file gets under the current umask, or the existing file's mode."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_report(scorecard: Scorecard, path: str | os.PathLike[str], **options: Any) -> Path:
    """Render the report (see ``report``) and write it to ``path`` atomically: the whole text
    is rendered first, written to a temporary file beside ``path`` and moved into place, so
    an error never leaves a half-written file."""
    target = Path(path)
    text = report(scorecard, **options)
    directory = target.parent if str(target.parent) else Path(".")
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, kept for cleanup
        "w",
        encoding="utf-8",
        newline="",
        dir=directory,
        prefix=f".{target.name}.",
        suffix=".tmp",
        delete=False,
    )
    try:
        with handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(handle.name, _mode_for(target))  # a temp file is 0600; a report is for readers
        os.replace(handle.name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(handle.name)
        raise
    return target


def _audit(scorecard: Scorecard) -> tuple[Any, ...]:
    try:
        from hitech_targets.audit import audit
    except ImportError:  # the auditor is optional at this stage of the pipeline
        return ()
    return tuple(
        audit(scorecard.ledger, year=scorecard.year, entity=scorecard.entity, as_of=scorecard.as_of)
    )


@functools.cache
def _environment(locale: str) -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("hitech_targets", "templates"),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.install_gettext_translations(localiser(locale).translations, newstyle=True)  # type: ignore[attr-defined]
    env.filters["md"] = _md_cell
    return env


def _template(l10n: L10n, name: str) -> Any:
    return _environment(l10n.locale).get_template(name)


def _md_cell(value: object) -> Any:
    """Escape a value for a Markdown table cell: HTML-escaped, pipes and newlines neutralised."""
    from markupsafe import Markup, escape

    text = str(escape(value))
    return Markup(text.replace("|", "\\|").replace("\r", " ").replace("\n", " "))


def _json(scorecard: Scorecard, view: ReportView) -> str:
    data = scorecard.to_json()
    clash = set(data) & set(view.metadata)
    if clash:
        raise ReportError(f"report metadata would rename contract keys: {sorted(clash)}")
    data.update(view.metadata)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _csv(view: ReportView) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for row in view.csv_rows:
        writer.writerow(row)
    return "\ufeff" + buffer.getvalue()


__all__ = ["CSV_FIELDS", "FORMATS", "report", "write_report"]
