"""A project workbook → one 项目支出绩效自评表 per project (and the 项目 report): 项目资金 by source with
the 年度资金总额 summed, execution rate and its score, goals, indicators, 总分.

With one project the report holds it directly; with several, `projects[]` holds each form and
`indicators` all their rows (as `jixiao parse` reads a file of several project forms).  Rows of the
other sheets name their project in the 项目名称 column; with a single project it may stay blank.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.compose import workbook as wb
from jixiao.compose.builders import Built, IndicatorBuilder, form, joined_goals, note, rounded, start, total
from jixiao.compose.filing import CellError, Filing, FundRow, ProjectInfo
from jixiao.compose.outline import Plan
from jixiao.extract.self_eval_table import SOURCES as READ_SOURCES
from jixiao.model import Budget, BudgetLine, Project, ProjectForm, Report
from jixiao.scoring import formulas


def build(filing: Filing, plan: Plan, source: str, errors: list[CellError]) -> Built:
    f = filing
    report = start(f, plan, source)
    built = Built(f, report, [], errors)
    projects = [p for p in f.projects if p.name]
    _check_projects(built, plan, projects)
    for k, info in enumerate(projects):
        part = start(f, plan, source)
        part.project = Project(name=info.name, department=info.department, implementer=info.implementer)
        _fill(built, plan, part, k, info, len(projects) == 1)
        built.parts.append(part)
    if len(built.parts) == 1:
        one = built.parts[0]
        one.problems, one.measures = list(f.problems), list(f.measures)
        built.report = built.parts[0] = one
    else:
        _combine(report, built.parts)
    return built


def _check_projects(built: Built, plan: Plan, projects: list[ProjectInfo]) -> None:
    names = [p.name for p in projects]
    if not projects:
        built.errors.append(CellError(wb.PROJECT_INFO.ref("name", 0), "“项目名称”为必填项：至少填写一个项目"))
    if plan.kind == "project_report" and len(projects) > 1:
        built.errors.append(CellError(wb.PROJECT_INFO.span("name", len(projects)), f"项目支出绩效自评报告只写一个项目，填了 {len(projects)} 个；多个项目请用 project_form 模板"))
    for sheet, rows in ((wb.PROJECT_FUNDS, built.filing.funds), (wb.PROJECT_GOALS, built.filing.goals), (wb.PROJECT_INDICATORS, built.filing.indicators)):
        for i, row in enumerate(rows):
            index = getattr(row, "row", i)
            if row.project and row.project not in names:
                built.errors.append(CellError(sheet.ref("project", index), f"项目“{row.project}”不在“项目信息”表中"))
            elif not row.project and len(names) > 1:
                built.errors.append(CellError(sheet.ref("project", index), "有多个项目时须填写本行所属的“项目名称”"))


def _mine(rows: list, info: ProjectInfo, single: bool) -> list:
    return [r for r in rows if r.project == info.name or (single and not r.project)]


def _fill(built: Built, plan: Plan, part: Report, k: int, info: ProjectInfo, single: bool) -> None:
    f = built.filing
    funds = _mine(f.funds, info, single)
    part.budget = _budget(built, plan, funds)
    part.goals = joined_goals(_mine(f.goals, info, single))
    IndicatorBuilder(plan, wb.PROJECT_INDICATORS, built.errors).build(_mine(f.indicators, info, single), part)
    total(part, plan, part.budget.execution_score, states_grade=bool(plan.compose.headings))
    part.forms = [form("self_evaluation", [c.role for c in plan.form("project").columns])]
    part.has_self_eval_table = True
    for path, columns in (("initial", ("initial",)), ("full_year", ("full_year",)), ("executed", ("executed",)),
                          ("execution_rate", ("executed", "full_year")), ("execution_score", ("executed", "full_year"))):
        note(part, f"budget.{path}", "、".join(wb.PROJECT_FUNDS.ref(c, r.row) for c in columns for r in funds) or wb.PROJECT_FUNDS.name)
    note(part, "project.name", wb.PROJECT_INFO.ref("name", k))
    rows = [r.row for r in _mine(f.indicators, info, single)] or [0]
    column = wb.PROJECT_INDICATORS.col_of("weight")
    weights = f"{wb.PROJECT_INDICATORS.name}!{column}{wb.FIRST_ROW + min(rows)}:{column}{wb.FIRST_ROW + max(rows)}"
    for path in ("indicators", "total_score", "level1_weights"):
        note(part, path, weights)


def _budget(built: Built, plan: Plan, funds: list[FundRow]) -> Budget:
    """年度资金总额 = the sum of the source rows; 执行率 = 全年执行数 / 全年预算数; 得分 = 执行率 × 分值."""
    seen: set[str] = set()
    lines = []
    for row in sorted(funds, key=lambda r: wb.SOURCES.index(r.source) if r.source in wb.SOURCES else len(wb.SOURCES)):
        if row.source not in wb.SOURCES:
            built.errors.append(CellError(wb.PROJECT_FUNDS.ref("source", row.row), f"资金来源“{row.source}”无效（应为 {'、'.join(wb.SOURCES)}）"))
            continue
        if row.source in seen:
            built.errors.append(CellError(wb.PROJECT_FUNDS.ref("source", row.row), f"资金来源“{row.source}”重复填写"))
            continue
        seen.add(row.source)
        lines.append(BudgetLine(label=row.source, initial=row.initial, full_year=row.full_year, executed=row.executed))
    b = Budget(lines=lines, initial=_sum(x.initial for x in lines), full_year=_sum(x.full_year for x in lines), executed=_sum(x.executed for x in lines))
    b.by_source = {_source_key(x.label): x.full_year for x in lines if x.full_year is not None}
    b.execution_rate = rounded(formulas.ratio_percent(b.executed, b.full_year))
    if plan.profile.execution.rule == "proportional":
        b.execution_weight = plan.profile.execution.weight
        b.execution_score = rounded(formulas.execution_score(b.execution_rate, b.execution_weight))
    return b


def _source_key(label: str) -> str:
    """The name under which a reader files a source row ("上年结转资金" → 上年结转)."""
    return next((s for s in READ_SOURCES if label.startswith(s)), label)


def _sum(values) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present, Decimal(0)) if present else None


def _combine(report: Report, parts: list[Report]) -> None:
    """Several forms: each in `projects[]`, every indicator row in `indicators`, provenance prefixed by form."""
    for k, part in enumerate(parts):
        report.projects.append(ProjectForm(project=part.project, budget=part.budget, goals=part.goals, indicators=part.indicators,
                                           level1_weights=part.level1_weights, total_score=part.total_score, grade=part.grade,
                                           forms=part.forms, provenance=part.provenance))
        report.indicators += part.indicators
        report.forms += part.forms
        report.provenance.update({f"projects[{k}].{key}": prov for key, prov in part.provenance.items()})
    report.has_self_eval_table = bool(parts)
