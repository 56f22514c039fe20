"""hitech-targets: hold development zones to their word.

Announced goals and reported results of Chinese high-tech zone reports become source-quoted
records; the reconciler scores each goal with its reasons and evidence. Public names are
imported on first use so that ``import hitech_targets`` stays fast.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: Public name -> module that defines it. Everything listed here is in ``__all__``.
_EXPORTS: dict[str, str] = {
    # errors
    "HitechTargetsError": "hitech_targets.errors",
    "QuantityError": "hitech_targets.errors",
    "PeriodError": "hitech_targets.errors",
    "SpecError": "hitech_targets.errors",
    "Problem": "hitech_targets.errors",
    "ReconcileError": "hitech_targets.errors",
    "ReportError": "hitech_targets.errors",
    # text -> grammar
    "Quantity": "hitech_targets.quantity",
    "Unit": "hitech_targets.quantity",
    "Comparator": "hitech_targets.quantity",
    "Measure": "hitech_targets.quantity",
    "parse_quantity": "hitech_targets.grammar",
    "find_quantities": "hitech_targets.grammar",
    "QuantityMatch": "hitech_targets.grammar",
    "Claim": "hitech_targets.extract",
    "extract_claims": "hitech_targets.extract",
    # spec model
    "Period": "hitech_targets.period",
    "PeriodKind": "hitech_targets.period",
    "Source": "hitech_targets.model",
    "Entity": "hitech_targets.model",
    "Metric": "hitech_targets.model",
    "Goal": "hitech_targets.model",
    "GoalPart": "hitech_targets.model",
    "Outcome": "hitech_targets.model",
    "FxRate": "hitech_targets.model",
    "Override": "hitech_targets.model",
    "Status": "hitech_targets.model",
    "Strength": "hitech_targets.quantity",
    "Ledger": "hitech_targets.ledger",
    "load": "hitech_targets.loader",
    # reconcile
    "Assessment": "hitech_targets.assessment",
    "Confidence": "hitech_targets.assessment",
    "Reason": "hitech_targets.assessment",
    "Evidence": "hitech_targets.assessment",
    "reconcile": "hitech_targets.reconcile",
    "ReconcileOptions": "hitech_targets.reconcile",
    "Scorecard": "hitech_targets.scorecard",
    "audit": "hitech_targets.audit",
    "Finding": "hitech_targets.audit",
    "suggest_evidence": "hitech_targets.suggest",
    "Suggestion": "hitech_targets.suggest",
    # report
    "report": "hitech_targets.report",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'hitech_targets' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """The package module, so that a public function keeps its name when its submodule loads.

    ``reconcile``, ``audit`` and ``report`` are both functions and the modules that define
    them; importing such a module makes Python bind the module on the package, which would hide
    the function. Here the binding stores the function instead (``from hitech_targets.report
    import report`` is unaffected; ``import hitech_targets.report as m`` gives the function).
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if (
            isinstance(value, types.ModuleType)
            and _EXPORTS.get(name) == value.__name__
            and hasattr(value, name)
        ):
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


if TYPE_CHECKING:  # the typed face of the lazy names; `X as X` marks a re-export
    from hitech_targets.assessment import Assessment as Assessment
    from hitech_targets.assessment import Confidence as Confidence
    from hitech_targets.assessment import Evidence as Evidence
    from hitech_targets.assessment import Reason as Reason
    from hitech_targets.audit import Finding as Finding
    from hitech_targets.audit import audit as audit
    from hitech_targets.errors import (
        HitechTargetsError as HitechTargetsError,
    )
    from hitech_targets.errors import (
        PeriodError as PeriodError,
    )
    from hitech_targets.errors import (
        Problem as Problem,
    )
    from hitech_targets.errors import (
        QuantityError as QuantityError,
    )
    from hitech_targets.errors import (
        ReconcileError as ReconcileError,
    )
    from hitech_targets.errors import (
        ReportError as ReportError,
    )
    from hitech_targets.errors import (
        SpecError as SpecError,
    )
    from hitech_targets.extract import Claim as Claim
    from hitech_targets.extract import extract_claims as extract_claims
    from hitech_targets.grammar import QuantityMatch as QuantityMatch
    from hitech_targets.grammar import find_quantities as find_quantities
    from hitech_targets.grammar import parse_quantity as parse_quantity
    from hitech_targets.ledger import Ledger as Ledger
    from hitech_targets.loader import load as load
    from hitech_targets.model import (
        Entity as Entity,
    )
    from hitech_targets.model import (
        FxRate as FxRate,
    )
    from hitech_targets.model import (
        Goal as Goal,
    )
    from hitech_targets.model import (
        GoalPart as GoalPart,
    )
    from hitech_targets.model import (
        Metric as Metric,
    )
    from hitech_targets.model import (
        Outcome as Outcome,
    )
    from hitech_targets.model import (
        Override as Override,
    )
    from hitech_targets.model import (
        Source as Source,
    )
    from hitech_targets.model import (
        Status as Status,
    )
    from hitech_targets.model import (
        Strength as Strength,
    )
    from hitech_targets.period import Period as Period
    from hitech_targets.period import PeriodKind as PeriodKind
    from hitech_targets.quantity import Comparator as Comparator
    from hitech_targets.quantity import Measure as Measure
    from hitech_targets.quantity import Quantity as Quantity
    from hitech_targets.quantity import Unit as Unit
    from hitech_targets.reconcile import ReconcileOptions as ReconcileOptions
    from hitech_targets.reconcile import reconcile as reconcile
    from hitech_targets.report import report as report
    from hitech_targets.scorecard import Scorecard as Scorecard
    from hitech_targets.suggest import Suggestion as Suggestion
    from hitech_targets.suggest import suggest_evidence as suggest_evidence
