"""The formulas of docs/domain.md §3, in exact Decimal arithmetic, and the one rounding rule.

Every function returns None when a needed figure is missing or a denominator is zero: a rate is
never invented.  Percentages are percent numbers (95.5 means 95.5 %).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from jixiao.model import Report

HUNDRED = Decimal(100)


def round_to(value: Decimal, places: int = 2, mode: str = ROUND_HALF_UP) -> Decimal:
    """Round half up to `places` decimals (the rounding rule stated in every profile)."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=mode)


def ratio_percent(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    """part / whole × 100, unrounded; None when either is missing or the whole is zero."""
    if part is None or whole is None or whole == 0:
        return None
    return part / whole * HUNDRED


def change_percent(current: Decimal | None, prior: Decimal | None) -> Decimal | None:
    """(current − prior) / prior × 100 — 三公经费变动率 and the like."""
    if current is None or prior is None or prior == 0:
        return None
    return (current - prior) / prior * HUNDRED


def execution_rate(report: Report) -> Decimal | None:
    """预算执行率 = 全年执行数 / 全年预算数（调整后）; a form without 全年预算数 divides by 年初预算数 (B/A)."""
    b = report.budget
    return ratio_percent(b.executed, b.full_year if b.full_year is not None else b.initial)


def execution_score(rate: Decimal | None, weight: Decimal) -> Decimal | None:
    """min(执行率, 100%) × 分值."""
    if rate is None:
        return None
    return min(rate, HUNDRED) / HUNDRED * weight


def staff_control_rate(report: Report) -> Decimal | None:
    """在职人员控制率 = 实际在职人数 / 编制数."""
    s = report.staffing
    return ratio_percent(Decimal(s.actual) if s.actual is not None else None, Decimal(s.authorized) if s.authorized else None)


def three_public_change_rate(report: Report) -> Decimal | None:
    """三公经费变动率 = (本年决算 − 上年决算) / 上年决算 (reports compare 决算; 53号 compares budgets)."""
    return change_percent(report.three_public.actual, report.three_public.prior_actual)


def three_public_control_rate(report: Report) -> Decimal | None:
    """三公经费控制率 = 三公经费实际 / 三公经费预算."""
    return ratio_percent(report.three_public.actual, report.three_public.budget)


def section_total(report: Report, section: str):
    """The first (total) row of a 基础数据表 section, e.g. 公用经费 or 政府采购金额."""
    return next((row for row in report.basic_data if row.section == section), None)


def public_funds_control_rate(report: Report) -> Decimal | None:
    """公用经费控制率 = 公用经费实际 / 公用经费预算 (53号)."""
    row = section_total(report, "public_funds")
    return ratio_percent(row.actual, row.budget) if row else None


def procurement_execution_rate(report: Report) -> Decimal | None:
    """政府采购执行率 = 实际采购 / 采购预算."""
    row = section_total(report, "procurement")
    return ratio_percent(row.actual, row.budget) if row else None


def budget_adjustment_rate(report: Report) -> Decimal | None:
    """预算调整率 = (全年预算数 − 年初预算数) / 年初预算数 (53号 excludes policy-driven changes)."""
    return change_percent(report.budget.full_year, report.budget.initial)
