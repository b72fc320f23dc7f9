"""The fill-in workbook (`jixiao template`): the template's sheets (`outline.sheets_for`), dropdowns from
the profile and the template, number validation and formats, required cells filled yellow with a
note, and 填报说明 (`guide.py`).  The hidden 选项 sheet records the template, so `jixiao render`
needs no option to know it.

`write(path, plan, filing)` also writes a filled workbook (the examples, and the tests' inputs):
values go in exactly where `cells.read_workbook` reads them, amounts as `Decimal`.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation

from jixiao.compose import workbook as wb
from jixiao.compose.cells import TEMPLATE_CELL
from jixiao.compose.filing import Filing
from jixiao.compose.guide import guide
from jixiao.compose.outline import Plan, sheets_for

REQUIRED = PatternFill("solid", fgColor="FFF2CC")
HEADER = PatternFill("solid", fgColor="DDEBF7")
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FORMATS = {"money": "#,##0.00", "score": "0.00", "int": "0", "year": "0"}
AUTHOR = "jixiao"


def _validation(kind: str, choices: dict[str, str], label: str) -> DataValidation | None:
    """Excel data validation for a field kind; the error message says what the cell takes."""
    rules = {
        "money": ("decimal", "greaterThanOrEqual", "0", None, "请输入不小于 0 的数值（万元）"),
        "score": ("decimal", "between", "0", "100", "请输入 0–100 之间的数值"),
        "int": ("whole", "greaterThanOrEqual", "0", None, "请输入非负整数"),
        "year": ("whole", "between", "2000", "2100", "请输入四位年份"),
    }
    if kind == "choice":
        dv = DataValidation(type="list", formula1=choices[label], allow_blank=True, showErrorMessage=True)
        dv.error = "请从下拉列表中选择"
    elif kind in rules:
        kind_, op, low, high, message = rules[kind]
        dv = DataValidation(type=kind_, operator=op, formula1=low, formula2=high, allow_blank=True, showErrorMessage=True)
        dv.error = message
    else:
        return None
    dv.errorTitle = f"“{label}”填写有误"
    return dv


def _choices(plan: Plan) -> dict[str, str]:
    level2 = _level2_names(plan)
    return {
        "一级指标": f"{wb.CHOICES}!$A$2:$A${1 + len(plan.profile.level1)}",
        "二级指标": f"{wb.CHOICES}!$B$2:$B${1 + max(len(level2), 1)}",
        "方向": '"' + ",".join(wb.DIRECTIONS) + '"',
        "资金来源": '"' + ",".join(wb.SOURCES) + '"',
        "项目名称": f"{wb.PROJECT_INFO.name}!$A${wb.FIRST_ROW}:$A${wb.FIRST_ROW + wb.PROJECT_INFO.rows - 1}",
    }


def _level2_names(plan: Plan) -> list[str]:
    return list(dict.fromkeys(name for g in plan.profile.level1 for name in plan.level2(g.name)))


def write(path: Path, plan: Plan, filing: Filing | None = None) -> None:
    """The template (empty) or a filled workbook for `plan`'s template."""
    book = Workbook()
    _instructions(book.active, plan)
    choices = _choices(plan)
    data = filing.model_dump() if filing else {}
    for sheet in sheets_for(plan):
        ws = book.create_sheet(sheet.name)
        if isinstance(sheet, wb.FormSheet):
            _form_sheet(ws, sheet, choices, data.get(sheet.key, {}) if sheet.key else data)
        else:
            _table_sheet(ws, sheet, choices, _records(sheet, data))
    _choice_sheet(book.create_sheet(wb.CHOICES), plan)
    book.save(path)


def _style_input(cell, spec: wb.Field) -> None:
    cell.border = BOX
    cell.number_format = FORMATS.get(spec.kind, "@" if spec.kind in ("text", "long") else "General")
    cell.alignment = Alignment(wrap_text=spec.kind == "long", vertical="top")
    if spec.required:
        cell.fill = REQUIRED


def _header_cell(cell, label: str, note: str, required: bool) -> None:
    cell.value = label
    cell.font, cell.fill, cell.border = Font(bold=True), HEADER, BOX
    cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    text = ("必填。" if required else "") + note
    if text:
        cell.comment = Comment(text, AUTHOR, width=260, height=90)


def _form_sheet(ws, sheet: wb.FormSheet, choices: dict[str, str], data: dict) -> None:
    for col, (label, width) in enumerate((("项目", 30), ("填写内容", 44), ("说明", 52)), 1):
        _header_cell(ws.cell(1, col), label, "", False)
        ws.column_dimensions["ABC"[col - 1]].width = width
    for spec in sheet.fields:
        row = sheet.row_of(spec.key)
        ws.cell(row, 1, spec.label).border = BOX
        value = ws.cell(row, 2, _cell_value(data.get(spec.key)))
        _style_input(value, spec)
        ws.cell(row, 3, ("必填。" if spec.required else "") + spec.note).alignment = Alignment(wrap_text=True)
        if spec.required:
            value.comment = Comment(f"必填：{spec.label}。{spec.note}", AUTHOR, width=260, height=80)
        if spec.kind == "long":
            ws.row_dimensions[row].height = 60
        _validate(ws, _validation(spec.kind, choices, spec.label), f"B{row}")
    ws.freeze_panes = "B2"


def _table_sheet(ws, sheet: wb.TableSheet, choices: dict[str, str], records: list[dict]) -> None:
    last = wb.FIRST_ROW + sheet.n_rows - 1
    for spec in sheet.columns:
        col = sheet.col_of(spec.key)
        _header_cell(ws[f"{col}1"], spec.label, spec.note, spec.required)
        ws.column_dimensions[col].width = spec.width
        for r in range(wb.FIRST_ROW, last + 1):
            _style_input(ws[f"{col}{r}"], spec)
        _validate(ws, _validation(spec.kind, choices, spec.label), f"{col}{wb.FIRST_ROW}:{col}{last}")
    if sheet.has("direction"):
        _indicator_value_rule(ws, sheet, last)
    for i, label in enumerate(sheet.fixed):
        ws.cell(wb.FIRST_ROW + i, 1, label).fill = PatternFill()
    for i, record in enumerate(records):
        for j, spec in enumerate(sheet.columns):
            if spec.key in record and not (sheet.fixed and spec.key == "item"):
                ws.cell(wb.FIRST_ROW + i, 1 + j, _cell_value(record[spec.key]))
    ws.freeze_panes = "A2"


def _indicator_value_rule(ws, sheet: wb.TableSheet, last: int) -> None:
    """目标值/实际值 must be numbers unless the row's 方向 is 定性."""
    direction = sheet.col_of("direction")
    for key in ("target", "actual"):
        col = sheet.col_of(key)
        dv = DataValidation(type="custom", formula1=f'OR(ISNUMBER({col}{wb.FIRST_ROW}),${direction}{wb.FIRST_ROW}="定性")',
                            allow_blank=True, showErrorMessage=True)
        dv.errorTitle, dv.error = "应为数值", "定量指标（方向 ≥ ≤ =）的目标值和实际值只填数字，单位填在“计量单位”列"
        _validate(ws, dv, f"{col}{wb.FIRST_ROW}:{col}{last}")


def _validate(ws, dv: DataValidation | None, ref: str) -> None:
    if dv is not None:
        ws.add_data_validation(dv)
        dv.add(ref)


def _cell_value(value):
    return value if value is None or isinstance(value, str | int | Decimal) else str(value)


def _records(sheet: wb.TableSheet, data: dict) -> list[dict]:
    if not data:
        return []
    if sheet.has("problem"):
        problems, measures = data["problems"], data["measures"]
        return [{"problem": p, "measure": m} for p, m in zip(problems + [None] * len(measures), measures + [None] * len(problems))
                if p or m]
    if sheet.has("achievement"):
        return [{"achievement": a} for a in data[sheet.key]]
    if sheet.fixed:  # one record per fixed row, in the sheet's order
        by_item = {r["item"]: r for r in data[sheet.key]}
        return [by_item.get(item, {}) for item in sheet.fixed]
    return data[sheet.key]


def _choice_sheet(ws, plan: Plan) -> None:
    """一级 / 二级 indicator choices, and the template the workbook is for (read back by `render`)."""
    ws.append(["一级指标", "二级指标", None, "模板"])
    level1, level2 = [g.name for g in plan.profile.level1], _level2_names(plan)
    for i in range(max(len(level1), len(level2))):
        ws.append([level1[i] if i < len(level1) else None, level2[i] if i < len(level2) else None])
    ws[TEMPLATE_CELL] = plan.source or plan.template.name
    ws.sheet_state = "hidden"


def _instructions(ws, plan: Plan) -> None:
    ws.title = wb.INSTRUCTIONS
    ws.column_dimensions["A"].width = 14
    for col in "BCDEFG":
        ws.column_dimensions[col].width = 18
    ws.column_dimensions["C"].width = 30
    ws.column_dimensions["G"].width = 60
    text = guide(plan)
    ws.append([text.title])
    ws["A1"].font = Font(bold=True, size=14)
    for line in text.lines:
        _long_line(ws, line)
    if text.examples:
        ws.append([])
        ws.append(["细化量化的指标示例"])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
        ws.append(["一级指标", "二级指标", "三级指标", "方向", "目标值", "计量单位", "说明"])
        for cell in ws[ws.max_row]:
            cell.font, cell.fill = Font(bold=True), HEADER
        for row in text.examples:
            ws.append(list(row))
        ws.append([])
        _long_line(ws, "不合格的写法：目标值“效果明显”“较好”（无法衡量）；“≥0%”（无约束力）；实际值照抄目标值或只写“≥95%”（不是实测值）；比率以“分”计量。")


def _long_line(ws, text: str) -> None:
    ws.append([text])
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=7)
    ws.cell(ws.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[ws.max_row].height = 36
