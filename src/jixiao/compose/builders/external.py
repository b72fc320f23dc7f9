"""An external evaluation workbook → the 53号 evaluation report: the unit's staff and budget, the
evaluators' scores by indicator, the level-one summary (分值, 得分, 得分率), total and grade."""

from __future__ import annotations

from jixiao.compose import workbook as wb
from jixiao.compose.builders import Built, IndicatorBuilder, form, note, rounded, start, summary, total
from jixiao.compose.filing import CellError, Filing
from jixiao.compose.outline import Plan
from jixiao.model import Budget, Spending, Staffing
from jixiao.scoring import formulas


def build(filing: Filing, plan: Plan, source: str, errors: list[CellError]) -> Built:
    f = filing
    report = start(f, plan, source)
    built = Built(f, report, [report], errors)
    report.staffing = Staffing(authorized=f.authorized, actual=f.actual_staff)
    report.budget = Budget(initial=f.initial, full_year=f.full_year, executed=f.executed)
    report.budget.execution_rate = rounded(formulas.ratio_percent(f.executed, f.full_year))
    report.spending = Spending(basic=f.basic, project=f.project)
    IndicatorBuilder(plan, wb.SCORES, built.errors).build(f.indicators, report, typed_scores=True)
    report.level1_summary = summary(report.level1_weights, report.indicators)
    report.level1_weights = {}  # the level-one weights are declared in the summary table, not in the indicator table's cells
    total(report, plan, None, states_grade=True)
    report.problems, report.measures = list(f.problems), list(f.measures)
    report.forms = [form("level1_summary"), form("self_evaluation", [c.role for c in plan.form("indicator_system").columns])]
    report.has_self_eval_table = True
    u, b = wb.EXTERNAL_UNIT, wb.EXTERNAL_BUDGET
    for path, ref in {"unit.name": u.ref("unit_name"), "unit.year": u.ref("year"), "staffing.authorized": u.ref("authorized"),
                      "staffing.actual": u.ref("actual_staff"), "budget.initial": b.ref("initial"), "budget.full_year": b.ref("full_year"),
                      "budget.executed": b.ref("executed"), "budget.execution_rate": f"{b.ref('executed')}、{b.ref('full_year')}",
                      "spending.basic": b.ref("basic"), "spending.project": b.ref("project"),
                      "total_score": wb.SCORES.span("score", len(f.indicators)), "level1_summary": wb.SCORES.span("weight", len(f.indicators))}.items():
        note(report, path, ref)
    _check_nature(built)
    return built


def _check_nature(built: Built) -> None:
    f = built.filing
    if None not in (f.basic, f.project, f.executed) and f.basic + f.project != f.executed:
        built.errors.append(CellError(f"{wb.EXTERNAL_BUDGET.ref('basic')}、{wb.EXTERNAL_BUDGET.ref('project')}",
                                      f"基本支出与项目支出之和 {f.basic + f.project} 万元，与全年执行数 {f.executed} 万元（{wb.EXTERNAL_BUDGET.ref('executed')}）不符"))
