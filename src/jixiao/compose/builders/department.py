"""A department workbook → the 部门整体 report (Hunan, national, Guangdong, Chongqing outlines, the form
alone, prose only): budget execution and its score, the 基础数据表 rows, goals, indicators, total."""

from __future__ import annotations

from decimal import Decimal

from jixiao.compose import workbook as wb
from jixiao.compose.builders import Built, IndicatorBuilder, form, joined_goals, note, rounded, start, summary, total
from jixiao.compose.filing import CellError, Filing, ProjectSpending, YearRow
from jixiao.compose.outline import Plan
from jixiao.model import Budget, DataRow, Level1Summary, Spending, Staffing, ThreePublic
from jixiao.scoring import formulas

SOURCE_KEYS = {"general": "一般公共预算", "fund": "政府性基金", "special": "纳入专户管理的非税收入", "other": "其他资金"}


def build(filing: Filing, plan: Plan, source: str, errors: list[CellError]) -> Built:
    """The `Report` the rendered document states, with computed figures and cell references."""
    f = filing
    report = start(f, plan, source)
    built = Built(f, report, [report], errors)
    report.staffing = Staffing(authorized=f.authorized, actual=f.actual_staff)
    report.staffing.control_rate = rounded(formulas.staff_control_rate(report))
    report.budget = budget(f, plan)
    report.spending = Spending(basic=f.basic, project=f.project)
    report.basic_data = basic_data(f)
    report.three_public = ThreePublic(**_columns_of(report.basic_data[0])) if f.three_public else ThreePublic()
    report.goals = joined_goals(f.goals)
    IndicatorBuilder(plan, wb.INDICATORS, built.errors).build(f.indicators, report)
    total(report, plan, report.budget.execution_score, states_grade=bool(plan.compose.headings))
    if plan.states_group_scores:
        report.level1_summary = [Level1Summary(name=s.name, score=s.score) for s in summary(report.level1_weights, report.indicators)]
    report.problems, report.measures = list(f.problems), list(f.measures)
    attached = plan.compose.attachments
    report.forms = [form(name, [c.role for c in plan.form(name).columns]) for name in attached]
    report.has_basic_data_table, report.has_self_eval_table = "basic_data" in attached, "self_evaluation" in attached
    _note_cells(built)
    _check_sums(built)
    return built


def budget(f: Filing, plan: Plan) -> Budget:
    """年度预算申请: the three amounts, by source, the execution rate, and its score where the profile scores it."""
    b = Budget(initial=f.initial, full_year=f.full_year, executed=f.executed)
    b.by_source = {name: getattr(f, key) for key, name in SOURCE_KEYS.items() if getattr(f, key) is not None}
    b.execution_rate = rounded(formulas.ratio_percent(f.executed, f.full_year))
    if plan.profile.execution.rule == "proportional":
        b.execution_weight = plan.profile.execution.weight
        b.execution_score = rounded(formulas.execution_score(b.execution_rate, b.execution_weight))
    return b


def _sum(values) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present, Decimal(0)) if present else None


def _columns_of(row: YearRow | DataRow) -> dict:
    return {"prior_actual": row.prior_actual, "budget": row.budget, "actual": row.actual}


def _summed(label: str, section: str, rows: list[YearRow] | list[ProjectSpending]) -> DataRow:
    return DataRow(label=label, section=section, **{k: _sum(getattr(r, k, None) for r in rows) for k in ("prior_actual", "budget", "actual")})


def _row(label: str, section: str, row: YearRow | None) -> DataRow:
    return DataRow(label=label, section=section, **(_columns_of(row) if row else {}))


def basic_data(f: Filing) -> list[DataRow]:
    """The 基础数据表's money rows with the form's own labels; totals are sums of their items."""
    if not (f.three_public or f.project_spending or f.public_funds):
        return []
    tp = {r.item: r for r in f.three_public}
    cars = [r for r in (tp.get("公车购置"), tp.get("公车运行维护")) if r]
    rows = [_summed("三公经费", "three_public", list(tp.values())), _summed("1、公务用车购置和维护经费", "three_public", cars),
            _row("其中：公车购置", "three_public", tp.get("公车购置")), _row("公车运行维护", "three_public", tp.get("公车运行维护")),
            _row("2、出国经费", "three_public", tp.get("因公出国（境）")), _row("3、公务接待费", "three_public", tp.get("公务接待"))]
    rows.append(_summed("项目支出：", "project", f.project_spending))
    rows.extend(DataRow(label=f"{i}、{p.name}", section="project", budget=p.budget, actual=p.actual) for i, p in enumerate(f.project_spending, 1))
    labels = {"公用经费合计": "公用经费", "其中：办公费": "其中：办公经费"}
    rows.extend(_row(labels.get(r.item, r.item), "public_funds", r) for r in f.public_funds)
    return rows


def _note_cells(built: Built) -> None:
    """Where the header figures come from, so audit findings point back at workbook cells."""
    b, u, f = wb.BUDGET, wb.UNIT, built.filing
    rate = f"{b.ref('executed')}、{b.ref('full_year')}"
    cells = {
        "unit.name": u.ref("unit_name"), "unit.year": u.ref("year"),
        "staffing.authorized": u.ref("authorized"), "staffing.actual": u.ref("actual_staff"),
        "budget.initial": b.ref("initial"), "budget.full_year": b.ref("full_year"), "budget.executed": b.ref("executed"),
        "budget.execution_rate": rate, "budget.execution_score": rate,
        "spending.basic": b.ref("basic"), "spending.project": b.ref("project"),
        "indicators": wb.INDICATORS.span("weight", len(f.indicators)), "total_score": wb.INDICATORS.span("weight", len(f.indicators)),
        "three_public": wb.THREE_PUBLIC.span("actual", len(wb.THREE_PUBLIC.fixed)),
        "basic_data": wb.PROJECT_SPENDING.span("actual", len(f.project_spending)),
        "goals": wb.GOALS.span("expected", len(f.goals)),
    }
    for path, ref in cells.items():
        note(built.report, path, ref)


def _check_sums(built: Built) -> None:
    """Sums the audit cannot see because the report does not carry their parts."""
    f = built.filing
    parts = [f.wages, f.goods, f.individual]
    if f.basic is not None and None not in parts and sum(parts, Decimal(0)) != f.basic:
        built.errors.append(CellError(f"{wb.BASIC.name}!B2:B4", f"工资福利、商品和服务、对个人和家庭的补助之和 {sum(parts, Decimal(0))} 万元，"
                                      f"与基本支出 {f.basic} 万元（{wb.BUDGET.ref('basic')}）不符"))
    actual = _sum(p.actual for p in f.project_spending)
    if f.project is not None and actual is not None and actual != f.project:
        built.errors.append(CellError(wb.PROJECT_SPENDING.span("actual", len(f.project_spending)),
                                      f"各项目决算数之和 {actual} 万元，与项目支出 {f.project} 万元（{wb.BUDGET.ref('project')}）不符"))
