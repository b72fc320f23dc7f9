"""The fill-in workbook (`jixiao template`): sheets from `workbook.py`, dropdowns from the profile,
number validation and formats, required cells filled yellow with a note, and 填报说明.

`write(path, profile, filing)` also writes a filled workbook (the example, and the tests' inputs):
values go in exactly where `fill_in.read_workbook` reads them, amounts as `Decimal`.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation

from jixiao.compose import workbook as wb
from jixiao.compose.fill_in import Filing
from jixiao.scoring.profile import Profile

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


def _choices(profile: Profile) -> dict[str, str]:
    level2 = [name for g in profile.level1 for name in g.level2]
    return {
        "一级指标": f"{wb.CHOICES}!$A$2:$A${1 + len(profile.level1)}",
        "二级指标": f"{wb.CHOICES}!$B$2:$B${1 + len(level2)}",
        "方向": '"' + ",".join(wb.DIRECTIONS) + '"',
    }


def write(path: Path, profile: Profile, filing: Filing | None = None) -> None:
    """The template (empty) or a filled workbook for `profile`."""
    book = Workbook()
    _instructions(book.active, profile)
    choices = _choices(profile)
    data = filing.model_dump() if filing else {}
    for sheet in wb.SHEET_ORDER:
        ws = book.create_sheet(sheet.name)
        if isinstance(sheet, wb.FormSheet):
            _form_sheet(ws, sheet, choices, data)
        else:
            _table_sheet(ws, sheet, choices, _records(sheet, data))
    _choice_sheet(book.create_sheet(wb.CHOICES), profile)
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
    if sheet is wb.INDICATORS:
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
    if sheet is wb.PROBLEMS:
        problems, measures = data["problems"], data["measures"]
        return [{"problem": p, "measure": m} for p, m in zip(problems + [None] * len(measures), measures + [None] * len(problems))
                if p or m]
    if sheet.fixed:  # one record per fixed row, in the sheet's order
        by_item = {r["item"]: r for r in data[sheet.key]}
        return [by_item.get(item, {}) for item in sheet.fixed]
    return data[sheet.key]


def _choice_sheet(ws, profile: Profile) -> None:
    ws.append(["一级指标", "二级指标"])
    level2 = [name for g in profile.level1 for name in g.level2]
    for i in range(max(len(profile.level1), len(level2))):
        ws.append([profile.level1[i].name if i < len(profile.level1) else None, level2[i] if i < len(level2) else None])
    ws.sheet_state = "hidden"


EXAMPLES = [
    ("产出指标", "数量指标", "农村道路养护里程", "≥", "45", "公里", "实际值填实测数字，如 46.5"),
    ("产出指标", "质量指标", "工程验收合格率", "=", "100", "%", "比率以 % 计量，不要写“分”"),
    ("产出指标", "时效指标", "项目资金拨付及时率", "≥", "95", "%", "也可写完成时间：方向选“定性”，目标值“2024年12月31日前”"),
    ("产出指标", "成本指标", "公用经费控制率", "≤", "100", "%", "成本类指标越小越好，方向选 ≤"),
    ("效益指标", "经济效益指标", "村集体经济年收入5万元以上村占比", "≥", "80", "%", ""),
    ("效益指标", "社会效益指标", "矛盾纠纷调处化解率", "≥", "95", "%", ""),
    ("效益指标", "生态效益指标", "农村生活垃圾无害化处理率", "≥", "90", "%", ""),
    ("效益指标", "可持续影响指标", "河堤防洪标准", "定性", "达到二十年一遇", "", "定性指标的实际值写明达成情况：“已达到二十年一遇防洪标准”"),
    ("满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%", "以问卷调查结果为依据"),
]

GUIDE = [
    "一、本表用于填报部门整体支出绩效自评数据，填好后运行：jixiao render 填报.xlsx -o 报告.docx [--pdf]，自动生成自评报告及两张附表。",
    "二、黄色单元格为必填项；单元格批注和“说明”列写明了填写要求。金额单位均为万元，保留两位小数（四舍五入）。",
    "三、执行率、执行率得分、各项合计、占比、指标得分、总分和评价等级均由程序计算，无需填写。",
    "四、“预算执行”表：四项收入之和应等于全年预算数；基本支出 + 项目支出应等于全年执行数；“基本支出”表三项之和应等于基本支出。",
    "五、“三公经费”“公用经费”表按上年决算、本年预算、本年决算三列填写，无支出的填 0；“项目支出”表每个项目一行，决算数之和应等于项目支出。",
    "六、“绩效指标”表：一级、二级指标从下拉列表选择；各指标分值之和加预算执行率分值（{weight} 分）应为 100 分。",
    "七、定量指标（方向 ≥ ≤ =）的目标值和实际值只填数字，单位填在“计量单位”列，得分按 分值 × min(实际值/目标值, 1) 计算（≤ 为 分值 × min(目标值/实际值, 1)）。",
    "八、定性指标（方向“定性”）的实际值须写明达成档次：达成（如“已全部完成”）、部分达成（如“基本完成”“部分完成”）或未达成（如“未完成”），"
    "分别计分值的 80%–100%、60%–80%、0–60%；可在“定性指标自评得分”列填写档次范围内的得分，不填按档次上限计。",
    "九、未得满分的指标请填写“偏差原因分析及改进措施”。",
    "十、“叙述”表填写报告正文文字，多条内容每行一条（单元格内按 Alt+Enter 换行）。",
    "十一、公开版报告（--redact）不显示填表人、联系电话和单位负责人。",
]


def _instructions(ws, profile: Profile) -> None:
    ws.title = wb.INSTRUCTIONS
    ws.column_dimensions["A"].width = 14
    for col in "BCDEFG":
        ws.column_dimensions[col].width = 18
    ws.column_dimensions["C"].width = 30
    ws.column_dimensions["G"].width = 60
    ws.append([f"部门整体支出绩效自评填报说明（评分方案：{profile.title}）"])
    ws["A1"].font = Font(bold=True, size=14)
    for line in GUIDE:
        ws.append([line.format(weight=profile.execution.weight)])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=7)
        ws.cell(ws.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[ws.max_row].height = 36
    ws.append([])
    ws.append(["细化量化的指标示例"])
    ws.cell(ws.max_row, 1).font = Font(bold=True)
    ws.append(["一级指标", "二级指标", "三级指标", "方向", "目标值", "计量单位", "说明"])
    for cell in ws[ws.max_row]:
        cell.font, cell.fill = Font(bold=True), HEADER
    for row in EXAMPLES:
        ws.append(list(row))
    ws.append([])
    ws.append(["不合格的写法：目标值“效果明显”“较好”（无法衡量）；“≥0%”（无约束力）；实际值照抄目标值或只写“≥95%”（不是实测值）；比率以“分”计量。"])
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=7)
    ws.cell(ws.max_row, 1).alignment = Alignment(wrap_text=True)
    ws.row_dimensions[ws.max_row].height = 36
