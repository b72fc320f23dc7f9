"""Shared by the render tests: the example workbook, and the comparison of a built report with the
report jixiao's own parser reads back from the rendered document."""

from __future__ import annotations

from pathlib import Path

from jixiao.compose import fill_in
from jixiao.model import Report

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "填报示例.xlsx"
INDICATOR_FIELDS = ("level1", "level2", "name", "target", "actual", "weight", "score")


def example_filing() -> fill_in.Filing:
    filing, errors = fill_in.read_workbook(EXAMPLE)
    assert errors == []
    return filing


def values(r: Report) -> dict:
    """The figures a rendered report must give back when parsed."""
    b = r.budget
    return {
        "unit": (r.unit.name, r.unit.year),
        "staffing": (r.staffing.authorized, r.staffing.actual, r.staffing.control_rate),
        "budget": (b.initial, b.full_year, b.executed, b.execution_rate, b.execution_weight, b.execution_score),
        "by_source": b.by_source,
        "spending": (r.spending.basic, r.spending.project),
        "three_public": (r.three_public.prior_actual, r.three_public.budget, r.three_public.actual),
        "basic_data": [(d.label, d.prior_actual, d.budget, d.actual) for d in r.basic_data
                       if d.section in ("three_public", "project", "public_funds")],
        "indicators": [tuple(getattr(i, f) for f in INDICATOR_FIELDS) for i in r.indicators],
        "level1_weights": r.level1_weights,
        "total": (r.total_score, r.grade),
        "goals": [(g.expected, g.achieved) for g in r.goals],
        "problems": [p.rstrip("。") for p in r.problems],
        "measures": [m.rstrip("。") for m in r.measures],
    }


def assert_same(built: Report, parsed: Report) -> None:
    expected, found = values(built), values(parsed)
    for key in expected:
        assert found[key] == expected[key], key
