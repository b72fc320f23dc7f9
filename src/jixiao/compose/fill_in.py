"""Fill-in workbook → `Filing` (what the unit typed) → `Report` (with every computed figure).

Reading never raises for bad content: each problem becomes a `CellError` naming the workbook cell
(`绩效指标!F12`) in Chinese.  Computed figures come from `jixiao.scoring` only: execution rate and
score (`formulas`), indicator scores (`indicator.score_indicator`), grade (`score.grade_of`).
Amounts are `Decimal` in 万元, rounded ROUND_HALF_UP to 2 places when read (what the forms print);
rates and scores are rounded the same way, and the total is the sum of the printed scores.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from openpyxl import load_workbook
from pydantic import BaseModel, ValidationError

from jixiao.compose import workbook as wb
from jixiao.compose.outline import outline_for
from jixiao.errors import InputError
from jixiao.extract import numbers
from jixiao.model import Budget, DataRow, Goal, Indicator, Location, Provenance, Report, Section, Spending, Staffing, ThreePublic, Unit
from jixiao.scoring import formulas
from jixiao.scoring.indicator import score_indicator
from jixiao.scoring.profile import Profile
from jixiao.scoring.score import grade_of

SOURCE_KEYS = {"general": "一般公共预算", "fund": "政府性基金", "special": "纳入专户管理的非税收入", "other": "其他资金"}


class YearRow(BaseModel):
    """A 基础数据表 item over three columns: 上年决算数, 本年预算数, 本年决算数."""

    item: str
    prior_actual: Decimal | None = None
    budget: Decimal | None = None
    actual: Decimal | None = None


class ProjectRow(BaseModel):
    name: str
    budget: Decimal | None = None
    actual: Decimal | None = None


class IndicatorRow(BaseModel):
    """One row of the 绩效指标 sheet as typed; `row` is its 0-based record index."""

    row: int
    level1: str | None = None
    level2: str | None = None
    name: str | None = None
    weight: Decimal | None = None
    target: Decimal | str | None = None
    actual: Decimal | str | None = None
    unit: str | None = None
    direction: str | None = None
    deviation: str | None = None
    score: Decimal | None = None


class Filing(BaseModel):
    """Everything the fill-in workbook holds; the narrative and contact fields the `Report` lacks."""

    unit_name: str | None = None
    year: int | None = None
    short_name: str | None = None
    authorized: int | None = None
    admin_staff: int | None = None
    institution_staff: int | None = None
    actual_staff: int | None = None
    filler: str | None = None
    phone: str | None = None
    fill_date: str | None = None
    leader: str | None = None
    initial: Decimal | None = None
    full_year: Decimal | None = None
    executed: Decimal | None = None
    general: Decimal | None = None
    fund: Decimal | None = None
    special: Decimal | None = None
    other: Decimal | None = None
    basic: Decimal | None = None
    project: Decimal | None = None
    wages: Decimal | None = None
    goods: Decimal | None = None
    individual: Decimal | None = None
    three_public: list[YearRow] = []
    projects: list[ProjectRow] = []
    public_funds: list[YearRow] = []
    goals: list[Goal] = []
    indicators: list[IndicatorRow] = []
    problems: list[str] = []
    measures: list[str] = []
    institutions: str | None = None
    duties: str | None = None
    goal_setting: str | None = None
    management: str | None = None
    three_public_management: str | None = None
    fund_budget: str | None = None
    state_capital: str | None = None
    social_insurance: str | None = None
    conclusion: str | None = None
    analysis: str | None = None
    application: str | None = None
    remarks: str | None = None


@dataclass(slots=True)
class CellError:
    """A problem in the input, located at a workbook cell (or a range, or a sheet)."""

    ref: str
    message: str

    def __str__(self) -> str:
        return f"{self.ref}：{self.message}" if self.ref else self.message


@dataclass(slots=True)
class Built:
    """A filing, the report built from it (its provenance names the workbook cells), and the problems."""

    filing: Filing
    report: Report
    errors: list[CellError] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# cells → typed values


def _number(value) -> Decimal | None:
    """A cell's number; None when it holds text that is not a plain number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return Decimal(repr(value))
    text = str(value).strip().replace(",", "").replace("，", "")
    try:
        return Decimal(text) if text and text[-1].isdigit() else None
    except InvalidOperation:
        return None


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class _Reader:
    """Converts cells by their field kind, collecting a `CellError` for each bad one."""

    def __init__(self) -> None:
        self.errors: list[CellError] = []

    def error(self, ref: str, message: str) -> None:
        self.errors.append(CellError(ref, message))

    def value(self, cell, spec: wb.Field, ref: str, required: bool | None = None):
        raw = cell.value
        if _blank(raw):
            if spec.required if required is None else required:
                self.error(ref, f"“{spec.label}”为必填项，未填写")
            return None
        if spec.kind in ("text", "long", "choice"):
            return _text(raw)
        number = _number(raw)
        if number is None:
            self.error(ref, f"“{spec.label}”应为数值，实为“{raw}”")
            return None
        if "%" in (cell.number_format or "") and spec.kind == "indicator_value":
            number *= 100
        return self._checked(number, spec, ref)

    def _checked(self, number: Decimal, spec: wb.Field, ref: str):
        if spec.kind in ("int", "year"):
            if number != number.to_integral_value() or number < 0 or (spec.kind == "year" and not 2000 <= number <= 2100):
                self.error(ref, f"“{spec.label}”应为{'四位年份' if spec.kind == 'year' else '非负整数'}，实为“{number}”")
                return None
            return int(number)
        if number < 0 and spec.kind != "indicator_value":
            self.error(ref, f"“{spec.label}”不能为负数，实为“{number}”")
            return None
        return formulas.round_to(number) if spec.kind == "money" else number


def _text(raw) -> str:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return f"{Decimal(repr(raw)).normalize():f}"
    return str(raw).strip()


def read_workbook(path: Path) -> tuple[Filing, list[CellError]]:
    """The workbook's values and the problems found in its cells (never raises for bad content)."""
    try:
        book = load_workbook(path, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise InputError(str(path), f"不是可读取的 .xlsx 填报表（{type(e).__name__}）") from None
    reader, data = _Reader(), {}
    for sheet in wb.SHEET_ORDER:
        if sheet.name not in book.sheetnames:
            reader.error(sheet.name, f"缺少工作表“{sheet.name}”，请用 jixiao template 生成的模板填报")
            continue
        ws = book[sheet.name]
        data.update(_form(ws, sheet, reader) if isinstance(sheet, wb.FormSheet) else _table(ws, sheet, reader))
    return Filing.model_validate(data), reader.errors


def _form(ws, sheet: wb.FormSheet, reader: _Reader) -> dict:
    return {f.key: reader.value(ws.cell(sheet.row_of(f.key), 2), f, sheet.ref(f.key)) for f in sheet.fields}


def _table(ws, sheet: wb.TableSheet, reader: _Reader) -> dict:
    records = []
    for i in range(sheet.n_rows):
        cells = {c.key: ws.cell(wb.FIRST_ROW + i, 1 + j) for j, c in enumerate(sheet.columns)}
        if not sheet.fixed and all(_blank(cell.value) for cell in cells.values()):
            continue
        records.append(_record(sheet, i, cells, reader))
    if sheet is wb.PROBLEMS:
        return {"problems": [r["problem"] for r in records if r["problem"]],
                "measures": [r["measure"] for r in records if r["measure"]]}
    return {sheet.key: records}


def _record(sheet: wb.TableSheet, i: int, cells: dict, reader: _Reader) -> dict:
    record: dict = {"item": sheet.fixed[i]} if sheet.fixed else {}
    if sheet is wb.INDICATORS:
        record["row"] = i
    direction = _text(cells["direction"].value) if "direction" in cells and not _blank(cells["direction"].value) else None
    for spec in sheet.columns:
        if sheet.fixed and spec.key == "item":
            continue
        ref = sheet.ref(spec.key, i)
        if spec.kind == "indicator_value" and direction not in ("≥", "≤", "="):
            record[spec.key] = reader.value(cells[spec.key], wb.Field(spec.key, spec.label, "text", spec.required), ref)
        else:
            record[spec.key] = reader.value(cells[spec.key], spec, ref)
    return record


# --------------------------------------------------------------------------------------------
# Filing → Report


def build(filing: Filing, profile: Profile, source: str = "填报表.xlsx", errors: list[CellError] | None = None) -> Built:
    """The `Report` the rendered document states, with computed figures and cell references."""
    built = Built(filing, Report(source=source, format="xlsx"), errors=list(errors or []))
    report, f = built.report, filing
    report.unit = Unit(name=f.unit_name, year=f.year)
    report.framework, report.money_unit_in_doc = profile.framework, "万元"
    report.staffing = Staffing(authorized=f.authorized, actual=f.actual_staff)
    report.staffing.control_rate = _rounded(formulas.staff_control_rate(report))
    report.budget = _budget(f, profile)
    report.spending = Spending(basic=f.basic, project=f.project)
    report.basic_data = _basic_data(f)
    report.three_public = ThreePublic(**_columns_of(report.basic_data[0]))
    report.goals = _goals(f)
    _indicators(built, profile)
    report.level1_weights = _level1_weights(report)
    _totals(report, profile)
    report.problems, report.measures = list(f.problems), list(f.measures)
    report.sections = [Section(title=h.title, level=1, block=i) for i, h in enumerate(outline_for(profile).headings) if h.level == 1]
    report.has_basic_data_table = report.has_self_eval_table = True
    _note_cells(built)
    _check_sums(built)
    return built


def _rounded(value: Decimal | None) -> Decimal | None:
    return formulas.round_to(value) if value is not None else None


def _budget(f: Filing, profile: Profile) -> Budget:
    budget = Budget(initial=f.initial, full_year=f.full_year, executed=f.executed, execution_weight=profile.execution.weight)
    budget.by_source = {name: getattr(f, key) for key, name in SOURCE_KEYS.items() if getattr(f, key) is not None}
    budget.execution_rate = _rounded(formulas.ratio_percent(f.executed, f.full_year))
    budget.execution_score = _rounded(formulas.execution_score(budget.execution_rate, budget.execution_weight))
    return budget


def _sum(values) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present, Decimal(0)) if present else None


def _columns_of(row: YearRow | DataRow) -> dict:
    return {"prior_actual": row.prior_actual, "budget": row.budget, "actual": row.actual}


def _summed(label: str, section: str, rows: list[YearRow | ProjectRow]) -> DataRow:
    return DataRow(label=label, section=section, **{k: _sum(getattr(r, k, None) for r in rows) for k in ("prior_actual", "budget", "actual")})


def _row(label: str, section: str, row: YearRow | None) -> DataRow:
    return DataRow(label=label, section=section, **(_columns_of(row) if row else {}))


def _basic_data(f: Filing) -> list[DataRow]:
    """The 基础数据表's money rows with the form's own labels; totals are sums of their items."""
    tp = {r.item: r for r in f.three_public}
    cars = [r for r in (tp.get("公车购置"), tp.get("公车运行维护")) if r]
    rows = [_summed("三公经费", "three_public", list(tp.values())), _summed("1、公务用车购置和维护经费", "three_public", cars),
            _row("其中：公车购置", "three_public", tp.get("公车购置")), _row("公车运行维护", "three_public", tp.get("公车运行维护")),
            _row("2、出国经费", "three_public", tp.get("因公出国（境）")), _row("3、公务接待费", "three_public", tp.get("公务接待"))]
    rows.append(_summed("项目支出：", "project", f.projects))
    rows.extend(DataRow(label=f"{i}、{p.name}", section="project", budget=p.budget, actual=p.actual) for i, p in enumerate(f.projects, 1))
    labels = {"公用经费合计": "公用经费", "其中：办公费": "其中：办公经费"}
    rows.extend(_row(labels.get(r.item, r.item), "public_funds", r) for r in f.public_funds)
    return rows


def _goals(f: Filing) -> list[Goal]:
    """The 自评表 states all goals in one row: expected and achieved joined."""
    if not f.goals:
        return []
    return [Goal(expected=_joined(g.expected for g in f.goals), achieved=_joined(g.achieved for g in f.goals))]


def _joined(parts) -> str | None:
    texts = [p.rstrip("。；;") for p in parts if p]
    return "；".join(texts) + "。" if texts else None


def measure_texts(row: IndicatorRow) -> tuple[str | None, str | None]:
    """Target and actual as the form prints them: '≥45公里' and '46.5公里'; qualitative as typed."""
    if row.direction in ("≥", "≤", "=") and isinstance(row.target, Decimal) and isinstance(row.actual, Decimal):
        unit = row.unit or ""
        return f"{row.direction}{_plain(row.target)}{unit}", f"{_plain(row.actual)}{unit}"
    return (str(row.target) if row.target is not None else None), (str(row.actual) if row.actual is not None else None)


def _plain(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _indicators(built: Built, profile: Profile) -> None:
    order = {(g.name, l2): (i, j) for i, g in enumerate(profile.level1) for j, l2 in enumerate(g.level2)}
    rows = [r for r in built.filing.indicators if _check_row(built, r, profile)]
    rows.sort(key=lambda r: order.get((r.level1, r.level2), (99, 99)))
    for row in rows:
        target, actual = measure_texts(row)
        ind = Indicator(level1=row.level1, level2=row.level2, name=row.name or "", target=target, actual=actual,
                        weight=row.weight, deviation=row.deviation)
        ind.target_measure, ind.actual_measure = numbers.measure(target), numbers.measure(actual)
        ind.score = _indicator_score(built, row, ind, profile)
        i = len(built.report.indicators)
        built.report.indicators.append(ind)
        for key in ("name", "weight", "target", "actual", "deviation", "level1", "level2", "score"):
            _note(built.report, f"indicators[{i}].{key}", wb.INDICATORS.ref("actual" if key == "score" else key, row.row))


def _check_row(built: Built, row: IndicatorRow, profile: Profile) -> bool:
    """Level one and level two known to the profile, and a known 方向; else a cell error."""
    if row.direction and row.direction not in wb.DIRECTIONS:
        built.errors.append(CellError(wb.INDICATORS.ref("direction", row.row), f"方向“{row.direction}”无效（应为 {'、'.join(wb.DIRECTIONS)}）"))
        return False
    group = next((g for g in profile.level1 if g.name == row.level1), None)
    if row.level1 and group is None:
        names = "、".join(g.name for g in profile.level1)
        built.errors.append(CellError(wb.INDICATORS.ref("level1", row.row), f"一级指标“{row.level1}”不在评分方案“{profile.name}”中（应为 {names}）"))
        return False
    if group and row.level2 and row.level2 not in group.level2:
        built.errors.append(CellError(wb.INDICATORS.ref("level2", row.row),
                                      f"二级指标“{row.level2}”不属于“{group.name}”（应为 {'、'.join(group.level2)}）"))
        return False
    return bool(row.level1 and row.level2)


def _indicator_score(built: Built, row: IndicatorRow, ind: Indicator, profile: Profile) -> Decimal | None:
    result = score_indicator(ind, profile)
    ref = wb.INDICATORS.ref("actual", row.row)
    if result.status == "scored":
        return formulas.round_to(result.recomputed)
    if result.status == "range":
        if row.score is not None and not result.low <= row.score <= result.high:
            built.errors.append(CellError(wb.INDICATORS.ref("score", row.row),
                                          f"自评得分 {_plain(row.score)} 超出{result.method}的范围 {_plain(formulas.round_to(result.low))}–{_plain(formulas.round_to(result.high))}"))
        return formulas.round_to(row.score if row.score is not None else result.high)
    if result.status == "insufficient_evidence" and row.actual is not None:
        built.errors.append(CellError(ref, f"指标“{ind.name}”无法计分：{result.method}；定性指标请写明“已完成/部分完成/未完成”等达成情况"))
    return None


def _level1_weights(report: Report) -> dict[str, Decimal]:
    weights: dict[str, Decimal] = {}
    for ind in report.indicators:
        if ind.weight is not None:
            weights[ind.level1] = weights.get(ind.level1, Decimal(0)) + ind.weight
    return weights


def _totals(report: Report, profile: Profile) -> None:
    scores = [i.score for i in report.indicators]
    if report.budget.execution_score is None or not scores or None in scores:
        return
    report.total_score = sum(scores, report.budget.execution_score)
    report.grade = grade_of(report.total_score, profile)


FORM_OF = {"unit": "自评表 预算单位名称", "staffing": "基础数据表 财政供养人员", "budget": "自评表 年度预算申请",
           "spending": "自评表 收支结构", "indicators": "自评表 绩效指标行", "total_score": "自评表 总分行",
           "three_public": "基础数据表 三公经费合计", "basic_data": "基础数据表"}


def _note(report: Report, path: str, ref: str) -> None:
    """Provenance of a value: the form it is printed in and the workbook cell(s) it comes from."""
    form = FORM_OF[path.split(".")[0].split("[")[0]]
    report.provenance[path] = Provenance(location=Location(), text=ref, method=f"{form}（填报表 {ref}）")


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
        "basic_data": wb.PROJECTS.span("actual", len(f.projects)),
    }
    for path, ref in cells.items():
        _note(built.report, path, ref)


def _check_sums(built: Built) -> None:
    """Sums the audit cannot see because the report does not carry their parts."""
    f = built.filing
    parts = [f.wages, f.goods, f.individual]
    if f.basic is not None and None not in parts and sum(parts, Decimal(0)) != f.basic:
        total = sum(parts, Decimal(0))
        built.errors.append(CellError(f"{wb.BASIC.name}!B2:B4", f"工资福利、商品和服务、对个人和家庭的补助之和 {total} 万元，与基本支出 {f.basic} 万元（{wb.BUDGET.ref('basic')}）不符"))
    actual = _sum(p.actual for p in f.projects)
    if f.project is not None and actual is not None and actual != f.project:
        built.errors.append(CellError(wb.PROJECTS.span("actual", len(f.projects)), f"各项目决算数之和 {actual} 万元，与项目支出 {f.project} 万元（{wb.BUDGET.ref('project')}）不符"))


# --------------------------------------------------------------------------------------------
# input files


def load(path: Path, profile: Profile) -> Built:
    """A fill-in workbook (.xlsx) or a Report JSON (as `jixiao parse --format json` prints it)."""
    if not path.is_file():
        raise InputError(str(path), "文件不存在")
    if path.suffix.lower() == ".json":
        return Built(Filing(), _report_json(path))
    filing, errors = read_workbook(path)
    return build(filing, profile, str(path), errors)


def _report_json(path: Path) -> Report:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Report.model_validate(data[0] if isinstance(data, list) and len(data) == 1 else data)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise InputError(str(path), "不是合法的 JSON 文件") from None
    except ValidationError as e:
        where = ".".join(str(x) for x in e.errors()[0]["loc"])
        raise InputError(str(path), f"不是 jixiao parse 输出的报告 JSON（{where}：{e.errors()[0]['msg']}）") from None
