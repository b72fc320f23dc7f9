"""Workbook cells → typed values: a `Filing` and a `CellError` for every bad cell, never an exception
for bad content.  Which sheets are read is the template's workbook (`outline.sheets_for`)."""

from __future__ import annotations

import zipfile
from decimal import Decimal, InvalidOperation
from pathlib import Path

from openpyxl import load_workbook

from jixiao.compose import workbook as wb
from jixiao.compose.filing import CellError, Filing
from jixiao.errors import InputError
from jixiao.scoring import formulas

TEMPLATE_CELL = "D2"
"""Where the hidden 选项 sheet records the template the workbook was made for (label in D1)."""


def number(value) -> Decimal | None:
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


def blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def plain_text(raw) -> str:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return f"{Decimal(repr(raw)).normalize():f}"
    return str(raw).strip()


class Reader:
    """Converts cells by their field kind, collecting a `CellError` for each bad one."""

    def __init__(self) -> None:
        self.errors: list[CellError] = []

    def error(self, ref: str, message: str) -> None:
        self.errors.append(CellError(ref, message))

    def value(self, cell, spec: wb.Field, ref: str):
        raw = cell.value
        if blank(raw):
            if spec.required:
                self.error(ref, f"“{spec.label}”为必填项，未填写")
            return None
        if spec.kind in ("text", "long", "choice"):
            return plain_text(raw)
        value = number(raw)
        if value is None:
            self.error(ref, f"“{spec.label}”应为数值，实为“{raw}”")
            return None
        if "%" in (cell.number_format or "") and spec.kind == "indicator_value":
            value *= 100
        return self._checked(value, spec, ref)

    def _checked(self, value: Decimal, spec: wb.Field, ref: str):
        if spec.kind in ("int", "year"):
            if value != value.to_integral_value() or value < 0 or (spec.kind == "year" and not 2000 <= value <= 2100):
                self.error(ref, f"“{spec.label}”应为{'四位年份' if spec.kind == 'year' else '非负整数'}，实为“{value}”")
                return None
            return int(value)
        if value < 0 and spec.kind != "indicator_value":
            self.error(ref, f"“{spec.label}”不能为负数，实为“{value}”")
            return None
        return formulas.round_to(value) if spec.kind == "money" else value


def read_workbook(path: Path, sheets: tuple[wb.Sheet, ...], book=None) -> tuple[Filing, list[CellError]]:
    """The workbook's values in `sheets` and the problems found in their cells (`book`: the workbook
    at `path`, when it is already open)."""
    book = book or open_book(path)
    reader, data = Reader(), {"template": recorded_template(book)}
    for sheet in sheets:
        if sheet.name not in book.sheetnames:
            reader.error(sheet.name, f"缺少工作表“{sheet.name}”，请用 jixiao template 生成的模板填报")
            continue
        ws = book[sheet.name]
        data.update(_form(ws, sheet, reader) if isinstance(sheet, wb.FormSheet) else _table(ws, sheet, reader))
    return Filing.model_validate(data), reader.errors


def open_book(path: Path):
    try:
        return load_workbook(path, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise InputError(str(path), f"不是可读取的 .xlsx 填报表（{type(e).__name__}）") from None


def recorded_template(book) -> str | None:
    """The template name `jixiao template` wrote into the hidden 选项 sheet, if any."""
    if wb.CHOICES not in book.sheetnames:
        return None
    value = book[wb.CHOICES][TEMPLATE_CELL].value
    return str(value).strip() if value else None


def _form(ws, sheet: wb.FormSheet, reader: Reader) -> dict:
    values = {f.key: reader.value(ws.cell(sheet.row_of(f.key), 2), f, sheet.ref(f.key)) for f in sheet.fields}
    return {sheet.key: {k: v for k, v in values.items() if v}} if sheet.key else values


def _table(ws, sheet: wb.TableSheet, reader: Reader) -> dict:
    records = []
    for i in range(sheet.n_rows):
        cells = {c.key: ws.cell(wb.FIRST_ROW + i, 1 + j) for j, c in enumerate(sheet.columns)}
        if not sheet.fixed and all(blank(cell.value) for cell in cells.values()):
            continue
        records.append(_record(sheet, i, cells, reader))
    if sheet.has("problem"):
        return {"problems": [r["problem"] for r in records if r["problem"]], "measures": [r["measure"] for r in records if r["measure"]]}
    if sheet.has("achievement"):
        return {sheet.key: [r["achievement"] for r in records if r["achievement"]]}
    return {sheet.key: records}


def _record(sheet: wb.TableSheet, i: int, cells: dict, reader: Reader) -> dict:
    record: dict = {"item": sheet.fixed[i]} if sheet.fixed else {"row": i}
    direction = plain_text(cells["direction"].value) if "direction" in cells and not blank(cells["direction"].value) else None
    for spec in sheet.columns:
        if sheet.fixed and spec.key == "item":
            continue
        ref = sheet.ref(spec.key, i)
        if spec.kind == "indicator_value" and direction not in ("≥", "≤", "="):
            spec = wb.Field(spec.key, spec.label, "text", spec.required)
        record[spec.key] = reader.value(cells[spec.key], spec, ref)
    return record
