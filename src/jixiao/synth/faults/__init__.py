"""The faults `jixiao synth` injects on purpose, by rule category: each changes what the document
states in one place, the way a careless filer would, and names the rule codes that should raise it.

A fault is a function of a `Draft` that changes it and returns the `Fault` it made, or None where the
template does not state what it would change (a form-only fault on a report without forms).  Figures
a form derives from the changed one (a total from its scores, a grade from its total) are kept
consistent unless the fault is about them, so that one fault is one defect.  The catalogue by
category is in docs/synth.md.
"""

from __future__ import annotations

import copy

from jixiao.synth.draft import Draft, Fault
from jixiao.synth.faults import document, figures, indicators  # noqa: F401 — registers the injectors
from jixiao.synth.faults.registry import CATALOGUE

__all__ = ["CATALOGUE", "IN_FORM", "ORDER", "TYPED", "applies", "inject"]

IN_FORM = ("execution_rate_wrong", "spending_parts_mismatch", "total_not_sum", "sources_do_not_add_up", "execution_score_wrong",
           "score_above_weight", "full_marks_for_missed_target", "missing_deviation_reason", "partial_with_full_marks",
           "blank_actual_scored", "vague_target", "target_without_unit", "duplicate_indicator", "achievement_copies_goal", "quantity_as_cap",
           "low_execution")
"""Faults a 自评表 filed alone still shows (the others are in the text, the outline or the 基础数据表)."""
TYPED = ("staff_over_authorized", "three_public_over_budget", "low_execution")
"""Faults in what the unit typed: injected first, since the report is built again after each."""


LAST = ("grade_mismatch", "total_not_sum")
"""Faults in figures others derive from are injected first; a stated total and grade last."""
ORDER = [*TYPED, *(k for k in CATALOGUE if k not in TYPED and k not in LAST), *LAST]


def applies(d: Draft, kind: str) -> bool:
    """Whether the template of `d` states what the fault `kind` changes (tried on a copy)."""
    trial = Draft(d.plan, copy.deepcopy(d.built), copy.deepcopy(d.rng))
    return CATALOGUE[kind][1](trial) is not None


def inject(d: Draft, kind: str) -> Fault | None:
    """Inject the fault `kind` into `d` where its template states what it changes."""
    category, injector = CATALOGUE[kind]
    made = injector(d)
    if made is not None:
        made.kind, made.category = kind, category
        d.faults.append(made)
    return made
