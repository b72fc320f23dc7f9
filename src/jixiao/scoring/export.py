"""`jixiao score --format json`: stated vs recomputed scores as plain JSON (numbers, not strings)."""

from __future__ import annotations

from decimal import Decimal

from jixiao.scoring.score import ScoreResult


def _n(value: Decimal | None) -> float | None:
    return None if value is None else float(value.quantize(Decimal("0.0001")))


def score_json(s: ScoreResult) -> dict:
    return {
        "profile": s.profile.name,
        "execution": {"rate": _n(s.execution_rate), "stated": _n(s.execution_stated), "recomputed": _n(s.execution_recomputed)},
        "indicators": [
            {"level1": i.indicator.level1, "name": i.indicator.name, "weight": _n(i.indicator.weight), "stated": _n(i.stated),
             "status": i.status, "recomputed": _n(i.recomputed), "low": _n(i.low), "high": _n(i.high), "method": i.method}
            for i in s.indicators
        ],
        "groups": [
            {"name": g.name, "profile_weight": _n(g.profile_weight), "stated_weight": _n(g.stated_weight), "rows_weight": _n(g.rows_weight),
             "stated": _n(g.stated_score), "recomputed": _n(g.recomputed), "insufficient": g.insufficient}
            for g in s.groups
        ],
        "management": [{"code": m.code, "name": m.name, "value": _n(m.value), "formula": m.formula, "points": _n(m.points), "weight": _n(m.weight)} for m in s.management],
        "total": {"stated": _n(s.stated_total), "recomputed": _n(s.recomputed_total), "insufficient_points": _n(s.insufficient_points)},
        "grade": {"stated": s.grade_stated, "recomputed": s.grade_recomputed},
        "notes": s.notes,
    }
