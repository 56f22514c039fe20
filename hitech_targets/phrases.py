"""Sentences for the reconciler's reason codes and the auditor's finding codes, and how each
parameter is shown.

Each sentence is an English gettext message with ``%(name)s`` placeholders named after the
code's parameters; the catalogs translate it. ``PARAM_ROLES`` says how ``l10n`` formats a
parameter before it is filled in (a figure in the target's unit, a date, a status …). A code
without a sentence is an error, never a raw code on the page.
"""

from __future__ import annotations


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is shown."""
    return message


#: Reason code -> sentence. Parameters are those the reconciler records (docs/status-rules.md).
REASON_SENTENCES: dict[str, str] = {
    # comparison of the actual with the target, as worded
    "within_range": N_("The result %(actual)s lies within the target range %(target)s."),
    "outside_range": N_("The result %(actual)s lies outside the target range %(target)s."),
    "bound_undecidable": N_(
        "The result %(actual)s is only a bound and cannot decide against %(target)s."
    ),
    "target_unreadable": N_("The target %(target)s cannot be compared as worded."),
    "at_or_above_target": N_("The result %(actual)s reaches the target %(target)s."),
    "below_target": N_("The result %(actual)s falls short of the target %(target)s."),
    "above_target": N_("The result %(actual)s exceeds the target %(target)s."),
    "not_above_target": N_("The result %(actual)s does not exceed the target %(target)s."),
    "at_or_below_target": N_("The result %(actual)s stays within the ceiling %(target)s."),
    "above_ceiling": N_("The result %(actual)s is above the ceiling %(target)s."),
    "below_ceiling": N_("The result %(actual)s stays below the ceiling %(target)s."),
    "not_below_ceiling": N_("The result %(actual)s does not stay below %(target)s."),
    "within_tolerance": N_(
        "The result %(actual)s is within %(tolerance)s of the approximate target %(target)s."
    ),
    "above_approximate_target": N_(
        "The result %(actual)s is above the approximate target %(target)s."
    ),
    "below_tolerance": N_(
        "The result %(actual)s is more than %(tolerance)s below the approximate target %(target)s."
    ),
    "rank_reached": N_("The reported rank %(actual)s reaches the target rank %(target)s."),
    "rank_not_reached": N_("The reported rank %(actual)s misses the target rank %(target)s."),
    "rank_first": N_("The outcome %(outcome)s reports first place (%(rank)s)."),
    "qualitative_rank_undecidable": N_(
        "The outcome %(outcome)s reports a rank (%(rank)s) that cannot decide the goal."
    ),
    # stretch tier (确保 X, 力争 Y)
    "stretch_met": N_("The stretch target %(stretch)s was also reached (%(actual)s)."),
    "stretch_missed": N_("The stretch target %(stretch)s was not reached (%(actual)s)."),
    "stretch_not_comparable": N_(
        "Whether the stretch target %(stretch)s was reached cannot be decided (%(actual)s)."
    ),
    # which evidence was used
    "outcome_used": N_(
        "Uses the figure %(value)s of %(outcome)s, published on %(published)s (preliminary: "
        "%(preliminary)s)."
    ),
    "conflicting_figures": N_(
        "Two final figures disagree: %(used_value)s (%(used)s, published on "
        "%(used_published)s) is used rather than %(other_value)s (%(other)s, published on "
        "%(other_published)s)."
    ),
    "preliminary_superseded": N_(
        "The preliminary figure %(preliminary_value)s (%(preliminary)s) was superseded by the "
        "final figure %(final_value)s (%(final)s); revised: %(revised)s."
    ),
    "preliminary_evidence": N_(
        "The figure of %(outcome)s is preliminary (预计/初步); confidence is lowered."
    ),
    "bounded_evidence": N_(
        "The figure of %(outcome)s is a bound or an approximation (%(value)s); confidence is "
        "lowered."
    ),
    "evidence_before_period": N_(
        "%(outcome)s reports on %(period)s, before the goal's period, and does not count."
    ),
    # derived figures
    "growth_from_levels": N_(
        "Growth of %(growth)s computed from the level %(current)s and the previous level "
        "%(previous)s."
    ),
    "level_from_growth": N_(
        "Level %(level)s computed from the previous level %(base)s and growth of %(growth)s."
    ),
    "currency_converted": N_(
        "%(value)s converted to %(converted)s at the %(year)s average rate of %(rate)s."
    ),
    "area_converted": N_("Area converted from %(from_unit)s to %(to_unit)s."),
    "attainment_consistent": N_(
        "The stated attainment of %(stated)s agrees with %(value)s over the plan %(plan)s "
        "(%(computed)s)."
    ),
    "attainment_inconsistent": N_(
        "The stated attainment of %(stated)s does not agree with %(value)s over the plan "
        "%(plan)s (%(computed)s)."
    ),
    "plan_implied": N_(
        "%(outcome)s reports %(value)s, %(attainment)s of its plan, which implies a plan of "
        "%(plan)s."
    ),
    "cumulative_progress": N_(
        "Cumulative total %(total)s by %(covered_to)s against the target %(target)s (%(share)s)."
    ),
    "cumulative_sum": N_("The yearly figures of %(years)s add up to %(total)s."),
    "cumulative_reported": N_("%(outcome)s reports a cumulative %(total)s for %(covers)s."),
    "cumulative_incomplete": N_(
        "Yearly figures add up to %(total)s by %(covered_to)s, but some years are missing."
    ),
    "reached_early": N_("The multi-year target was already reached by %(covered_to)s."),
    # metric relations and units
    "currency_variant_used": N_(
        "The same measure in another currency (%(variant)s, %(outcome)s) is used."
    ),
    "proxy_metric": N_(
        "Only a proxy metric is reported (%(proxy)s: %(note)s); it is shown but not scored."
    ),
    "unit_mismatch": N_(
        "The result is in %(actual_unit)s and the target in %(target_unit)s: not comparable."
    ),
    "fx_rate_missing": N_(
        "No %(base)s/%(quote)s exchange rate for %(year)s is registered: not converted."
    ),
    # timing and absence
    "not_yet_due": N_(
        "The period %(period)s ends on %(period_end)s; with %(grace_days)s days of grace the "
        "verdict is due on %(due)s."
    ),
    "no_outcome_reported": N_(
        "None of the %(sources_checked)s later sources checked reports %(measure)s for %(period)s."
    ),
    "no_target": N_("The goal states no figure to compare with."),
    # events and milestones
    "no_event_reported": N_("%(outcome)s reports no such event (%(events)s)."),
    "event_reported": N_("%(outcome)s reports %(events)s such events."),
    "milestone_progress": N_(
        "%(outcome)s, published on %(published)s, reports the milestone as %(progress)s."
    ),
    "unfinished_at_deadline": N_(
        "The milestone was still unfinished after its period ended on %(period_end)s (as of "
        "%(as_of)s)."
    ),
    "parts_summary": N_("%(met)s of the %(parts)s parts of this goal were met."),
    # analyst
    "analyst_override": N_(
        "An analyst set the status to %(status)s (computed: %(computed_status)s) on %(date)s: "
        "%(reason)s"
    ),
}

#: Finding code -> sentence, for the audit section (parameters as the auditor records them).
#: The report adds ``metric_name`` and ``period`` (and ``outcome`` for a finding about one
#: outcome, ``figures`` for conflicting figures keyed by outcome id).
FINDING_SENTENCES: dict[str, str] = {
    "growth_mismatch": N_(
        "%(metric_name)s, %(period)s: the reported growth of %(reported)s differs by "
        "%(difference_pp)s from the %(implied)s implied by the reported levels (tolerance "
        "%(tolerance_pp)s)."
    ),
    "conflicting_figures": N_(
        "%(metric_name)s, %(period)s: reports give different final figures: %(figures)s."
    ),
    "preliminary_revised": N_(
        "%(metric_name)s, %(period)s: the preliminary figure %(preliminary_value)s was revised "
        "to %(final_value)s."
    ),
    "attainment_inconsistent": N_(
        "%(metric_name)s, %(period)s: the stated attainment of %(stated)s does not agree with "
        "%(value)s over the plan %(plan)s (%(computed)s)."
    ),
    "goal_not_reported": N_(
        "%(metric_name)s, %(period)s: no report published since mentions this goal."
    ),
}

#: Appended to a finding that says how many later sources were checked.
SOURCES_CHECKED = N_("%(sources_checked)s later sources were checked.")

#: (code, parameter) -> role; ("", parameter) is the default for a parameter name.
#: Roles: unit (a figure in the target's unit), level (the metric's level unit), percent,
#: count, rank, tolerance, from/to (a figure in from_unit/to_unit), outcome:<param> (a figure
#: in the unit of the outcome that <param> names), date, status, bool, unit_name, measure,
#: comparator, int, decimal, ratio, text.
PARAM_ROLES: dict[tuple[str, str], str] = {
    ("", "actual"): "unit",
    ("", "target"): "unit",
    ("", "stretch"): "unit",
    ("", "total"): "unit",
    ("", "value"): "outcome:outcome",
    ("", "tolerance"): "tolerance",
    ("", "growth"): "percent",
    ("", "current"): "outcome:current_outcome",
    ("", "previous"): "outcome:previous_outcome",
    ("", "base"): "level",
    ("", "level"): "level",
    ("", "plan"): "outcome:outcome",
    ("", "stated"): "percent",
    ("", "computed"): "percent",
    ("", "attainment"): "percent",
    ("", "share"): "ratio",
    ("", "events"): "count",
    ("", "rank"): "rank",
    ("", "used_value"): "outcome:used",
    ("", "other_value"): "outcome:other",
    ("", "preliminary_value"): "outcome:preliminary",
    ("", "final_value"): "outcome:final",
    ("", "published"): "date",
    ("", "used_published"): "date",
    ("", "other_published"): "date",
    ("", "period_end"): "date",
    ("", "due"): "date",
    ("", "covered_to"): "date",
    ("", "date"): "date",
    ("", "as_of"): "date",
    ("", "progress"): "progress",
    ("", "met"): "int",
    ("", "parts"): "int",
    ("", "status"): "status",
    ("", "computed_status"): "status",
    ("", "preliminary"): "bool",
    ("", "revised"): "bool",
    ("", "approximate"): "bool",
    ("", "plan_implied"): "bool",
    ("", "from_unit"): "unit_name",
    ("", "to_unit"): "unit_name",
    ("", "actual_unit"): "unit_name",
    ("", "target_unit"): "unit_name",
    ("", "measure"): "measure",
    ("", "comparator"): "comparator",
    ("", "grace_days"): "int",
    ("", "sources_checked"): "int",
    ("", "rate"): "decimal",
    ("", "reported"): "percent",
    ("", "implied"): "percent",
    ("", "difference_pp"): "pp",
    ("", "tolerance_pp"): "pp",
    ("currency_converted", "value"): "from",
    ("currency_converted", "converted"): "to",
    ("preliminary_superseded", "preliminary"): "text",
}

UNIT_NAMES: dict[str, str] = {
    "CNY": N_("yuan (CNY)"),
    "USD": N_("US dollars"),
    "percent": N_("percent"),
    "pp": N_("percentage points"),
    "count": N_("a count"),
    "mu": N_("mu"),
    "m2": N_("square metres"),
    "times": N_("times"),
    "rank": N_("rank"),
}

PROGRESS_NAMES: dict[str, str] = {
    "completed": N_("completed"),
    "partial": N_("partly done"),
    "in_progress": N_("under way"),
}

MEASURE_NAMES: dict[str, str] = {
    "level": N_("level"),
    "growth": N_("growth"),
    "share": N_("share"),
    "attainment": N_("attainment"),
    "rank": N_("rank"),
    "event": N_("event"),
    "milestone": N_("milestone"),
}

COMPARATOR_NAMES: dict[str, str] = {
    "=": N_("exactly"),
    ">=": N_("at least"),
    ">": N_("more than"),
    "<=": N_("at most"),
    "<": N_("less than"),
    "~": N_("about"),
    "range": N_("between"),
}

__all__ = [
    "COMPARATOR_NAMES",
    "FINDING_SENTENCES",
    "MEASURE_NAMES",
    "PARAM_ROLES",
    "PROGRESS_NAMES",
    "REASON_SENTENCES",
    "SOURCES_CHECKED",
    "UNIT_NAMES",
]
