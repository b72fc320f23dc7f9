"""Filing → `Report` (with every computed figure), for each workbook family; input files → `Built`.

Computed figures come from `jixiao.scoring` only: execution rate and score (`formulas`), indicator
scores (`indicator.score_indicator`), grade (`score.grade_of`).  Rates and scores are rounded
ROUND_HALF_UP to 2 places, and a total is the sum of the printed scores.  Every value's provenance
names the workbook cell it comes from, so that an audit finding points back at the cell.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from pydantic import ValidationError

from jixiao.compose import workbook as wb
from jixiao.compose.cells import open_book, read_workbook, recorded_template
from jixiao.compose.figures import plain
from jixiao.compose.filing import CellError, Filing, IndicatorRow
from jixiao.compose.outline import Plan, sheets_for, writable
from jixiao.compose.outline import plan as make_plan
from jixiao.errors import InputError
from jixiao.extract import numbers
from jixiao.model import Form, Goal, Indicator, Level1Summary, Location, Provenance, Report
from jixiao.scoring import formulas
from jixiao.scoring.indicator import score_indicator
from jixiao.scoring.score import grade_of


@dataclass(slots=True)
class Built:
    """A filing, the report the rendered document states, the reports its forms print (one per
    project form), and the problems found."""

    filing: Filing
    report: Report
    parts: list[Report] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)


def rounded(value: Decimal | None) -> Decimal | None:
    return formulas.round_to(value) if value is not None else None


FORM_OF = {"unit": "自评表 预算单位名称", "staffing": "基础数据表 财政供养人员", "budget": "自评表 年度预算申请", "spending": "自评表 收支结构",
           "indicators": "自评表 绩效指标行", "total_score": "自评表 总分行", "three_public": "基础数据表 三公经费合计", "basic_data": "基础数据表",
           "goals": "自评表 年度总体目标", "project": "项目支出绩效自评表 表头", "level1_summary": "一级指标得分表"}


def note(report: Report, path: str, ref: str) -> None:
    """Provenance of a value: the form it is printed in and the workbook cell(s) it comes from."""
    form = FORM_OF.get(path.split(".")[0].split("[")[0], "填报表")
    report.provenance[path] = Provenance(location=Location(), text=ref, method=f"{form}（填报表 {ref}）")


def start(filing: Filing, plan: Plan, source: str) -> Report:
    """A report with the unit, the template and kind the rendered document will be read as, and its outline."""
    report = Report(source=source, format="xlsx", document_kind=plan.kind, template=plan.source or plan.template.name)
    report.unit.name, report.unit.year = filing.unit_name, filing.year
    report.framework, report.money_unit_in_doc = plan.profile.framework, "万元"
    report.report_kind = "external_evaluation" if plan.kind == "external_report" else "self_evaluation"
    report.sections = plan.sections()
    return report


def form(kind, layout_columns: list[str] | None = None) -> Form:
    """A form the rendered document holds, with the indicator columns it prints (so that the audit of
    the built report asks for what the document states, as it will when it reads it back)."""
    columns = {role: role for role in (layout_columns or []) if role not in ("section", "note")}
    return Form(kind=kind, block=0, columns=columns)


def joined_goals(goals: list) -> list[Goal]:
    """A form states all goals in one row: expected and achieved joined."""
    if not goals:
        return []
    return [Goal(expected=_joined(g.expected for g in goals), achieved=_joined(g.achieved for g in goals))]


def _joined(parts) -> str | None:
    texts = [p.strip().rstrip("。；;") for p in parts if p]
    return "；".join(texts) + "。" if texts else None


def measure_texts(row: IndicatorRow) -> tuple[str | None, str | None]:
    """Target and actual as the form prints them: '≥45公里' and '46.5公里'; qualitative as typed."""
    if row.direction in ("≥", "≤", "=") and isinstance(row.target, Decimal) and isinstance(row.actual, Decimal):
        unit = row.unit or ""
        return f"{row.direction}{plain(row.target)}{unit}", f"{plain(row.actual)}{unit}"
    return (str(row.target) if row.target is not None else None), (str(row.actual) if row.actual is not None else None)


class IndicatorBuilder:
    """Indicator rows of one sheet → `Indicator`s with computed scores, in the profile's group order;
    unknown groups and scores that cannot be computed become cell errors."""

    def __init__(self, plan: Plan, sheet: wb.TableSheet, errors: list[CellError]):
        self.plan, self.sheet, self.errors = plan, sheet, errors

    def error(self, key: str, row: IndicatorRow, message: str) -> None:
        self.errors.append(CellError(self.sheet.ref(key, row.row), message))

    def build(self, rows: list[IndicatorRow], report: Report, typed_scores: bool = False) -> None:
        groups = [g.name for g in self.plan.profile.level1]
        known = [r for r in rows if self._known(r)]
        known.sort(key=lambda r: (groups.index(r.level1), self._level2_index(r)))
        for row in known:
            target, actual = measure_texts(row)
            ind = Indicator(level1=row.level1, level2=row.level2, name=row.name or "", target=target, actual=actual, weight=row.weight,
                            deviation=row.note if typed_scores else row.deviation)
            ind.direction = row.direction if row.direction in wb.DIRECTIONS and self.sheet.has("direction") else None
            ind.target_measure, ind.actual_measure = numbers.measure(target), numbers.measure(actual)
            ind.score = self._typed(row) if typed_scores else self._score(row, ind)
            i = len(report.indicators)
            report.indicators.append(ind)
            for key in ("name", "weight", "target", "actual", "deviation", "level1", "level2", "score"):
                column = {"deviation": "note" if typed_scores else "deviation", "score": "score" if typed_scores else "actual"}.get(key, key)
                if self.sheet.has(column):
                    note(report, f"indicators[{i}].{key}", self.sheet.ref(column, row.row))
        report.level1_weights = level1_weights(report.indicators)

    def _level2_index(self, row: IndicatorRow) -> int:
        names = self.plan.level2(row.level1 or "")
        return names.index(row.level2) if row.level2 in names else len(names)

    def _known(self, row: IndicatorRow) -> bool:
        """Level one and level two known to the profile (or the template), and a known 方向."""
        if row.direction and row.direction not in wb.DIRECTIONS:
            self.error("direction", row, f"方向“{row.direction}”无效（应为 {'、'.join(wb.DIRECTIONS)}）")
            return False
        groups = [g.name for g in self.plan.profile.level1]
        if row.level1 and row.level1 not in groups:
            self.error("level1", row, f"一级指标“{row.level1}”不在评分方案“{self.plan.profile.name}”中（应为 {'、'.join(groups)}）")
            return False
        level2 = self.plan.level2(row.level1 or "")
        if row.level1 and row.level2 and level2 and row.level2 not in level2:
            self.error("level2", row, f"二级指标“{row.level2}”不属于“{row.level1}”（应为 {'、'.join(level2)}）")
            return False
        return bool(row.level1 and row.level2)

    def _score(self, row: IndicatorRow, ind: Indicator) -> Decimal | None:
        result = score_indicator(ind, self.plan.profile)
        if result.status == "scored":
            return formulas.round_to(result.recomputed)
        if result.status == "range":
            if row.score is not None and not result.low <= row.score <= result.high:
                low, high = plain(formulas.round_to(result.low)), plain(formulas.round_to(result.high))
                self.error("score", row, f"自评得分 {plain(row.score)} 超出{result.method}的范围 {low}–{high}")
            return formulas.round_to(row.score if row.score is not None else result.high)
        if result.status == "insufficient_evidence" and row.actual is not None:
            self.error("actual", row, f"指标“{ind.name}”无法计分：{result.method}；定性指标请写明“已完成/部分完成/未完成”等达成情况")
        return None

    def _typed(self, row: IndicatorRow) -> Decimal | None:
        """An evaluator's score: typed, never above the indicator's weight."""
        if row.score is not None and row.weight is not None and row.score > row.weight:
            self.error("score", row, f"得分 {plain(row.score)} 超过分值 {plain(row.weight)}")
        return row.score


def level1_weights(indicators: list[Indicator]) -> dict[str, Decimal]:
    weights: dict[str, Decimal] = {}
    for ind in indicators:
        if ind.weight is not None and ind.level1:
            weights[ind.level1] = weights.get(ind.level1, Decimal(0)) + ind.weight
    return weights


def summary(weights: dict[str, Decimal], indicators) -> list[Level1Summary]:
    """一级指标 | 分值 | 得分 | 得分率: each group's weights and printed scores summed, 得分率 = 得分 / 分值."""
    out = []
    for name, weight in weights.items():
        scores = [i.score for i in indicators if i.level1 == name and i.score is not None]
        score = sum(scores, Decimal(0)) if scores else None
        out.append(Level1Summary(name=name, weight=weight, score=score, score_rate=rounded(formulas.ratio_percent(score, weight))))
    return out


def total(report: Report, plan: Plan, execution_score: Decimal | None, states_grade: bool) -> None:
    """总分 = the printed execution score (where scored) + the printed indicator scores; the grade where the document states one."""
    scores = [i.score for i in report.indicators]
    if not scores or None in scores or (execution_score is None and plan.profile.execution.rule == "proportional"):
        return
    report.total_score = sum(scores, execution_score or Decimal(0))
    report.grade = grade_of(report.total_score, plan.profile) if states_grade else None


# --------------------------------------------------------------------------------------------
# input files


def load(path: Path, template: str | None = None, profile: str | None = None) -> tuple[Plan, Built]:
    """A fill-in workbook (.xlsx) or a Report JSON (as `jixiao parse --format json` prints it), with the
    plan to write it: the template given, else the one the workbook or the report names."""
    if not path.is_file():
        raise InputError(str(path), "文件不存在")
    if path.suffix.lower() == ".json":
        report = _report_json(path)
        chosen = make_plan(template, profile, report.template if report.template in writable() else None)
        return chosen, Built(Filing(), report, parts_of(report))
    book = open_book(path)
    chosen = make_plan(template, profile, recorded_template(book))
    filing, errors = read_workbook(path, sheets_for(chosen), book)
    return chosen, build(filing, chosen, str(path), errors)


def build(filing: Filing, plan: Plan, source: str = "填报表.xlsx", errors: list[CellError] | None = None) -> Built:
    """The report the rendered document states, built by the template's workbook family."""
    from jixiao.compose.builders import department, external, project

    builder = {"department": department.build, "project": project.build, "external": external.build}[plan.family]
    return builder(filing, plan, source, list(errors or []))


def parts_of(report: Report) -> list[Report]:
    """The reports the forms print: one per project form of a file that holds several, else the report."""
    return [report.model_copy(update={
        "project": p.project, "projects": [], "budget": p.budget, "goals": p.goals, "indicators": p.indicators,
        "level1_weights": p.level1_weights, "total_score": p.total_score, "grade": p.grade,
    }) for p in report.projects] or [report]


def _report_json(path: Path) -> Report:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Report.model_validate(data[0] if isinstance(data, list) and len(data) == 1 else data)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise InputError(str(path), "不是合法的 JSON 文件") from None
    except ValidationError as e:
        where = ".".join(str(x) for x in e.errors()[0]["loc"])
        raise InputError(str(path), f"不是 jixiao parse 输出的报告 JSON（{where}：{e.errors()[0]['msg']}）") from None
