"""Compare a `jixiao parse` JSON object with expected values in the gold format (../shared/gold)."""

from __future__ import annotations

import math
import re
import unicodedata

SCALARS = [
    "unit.name", "unit.year", "framework", "report_kind",
    "staffing.authorized", "staffing.actual",
    "budget.initial", "budget.full_year", "budget.executed", "budget.execution_rate", "budget.execution_score",
    "spending.basic", "spending.project",
    "three_public.prior_actual", "three_public.budget", "three_public.actual",
    "total_score", "grade",
]
ROW_FIELDS = ("level1", "level2", "name", "target", "actual", "weight", "score")


def get(d, path):
    for part in path.split("."):
        d = d.get(part) if isinstance(d, dict) else None
    return d


def norm_text(s):
    s = unicodedata.normalize("NFKC", str(s)).replace("$", "").replace("\\%", "%").replace("\\geq", "≥")
    s = s.replace(">=", "≥").replace("<=", "≤")
    return re.sub(r"[\s\u3000,，、。.；;:：\"“”'‘’《》()（）【】\[\]-]", "", s)


def same(expected, found) -> bool:
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        return isinstance(found, (int, float)) and math.isclose(expected, found, abs_tol=0.006)
    if expected is None:
        return found in (None, "", [])
    return found is not None and norm_text(expected) == norm_text(found)


def mismatches(expected: dict, found: dict) -> list[str]:
    """Every key field, indicator row and level-one summary that differs, as readable lines."""
    wrong = [f"{k}: expected {get(expected, k)!r}, got {get(found, k)!r}" for k in SCALARS if not same(get(expected, k), get(found, k))]
    for kind, fields in (("indicators", ROW_FIELDS), ("level1_summary", ("name", "weight", "score"))):
        exp, got = expected.get(kind) or [], found.get(kind) or []
        if len(exp) != len(got):
            wrong.append(f"{kind}: expected {len(exp)} rows, got {len(got)}")
        for i, (e, g) in enumerate(zip(exp, got)):
            wrong += [f"{kind}[{i}].{f}: expected {e.get(f)!r}, got {g.get(f)!r}" for f in fields if not same(e.get(f), g.get(f))]
    return wrong
