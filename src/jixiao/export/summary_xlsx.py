"""汇总表: one row per unit of a review task — stated, recomputed and 复核 scores side by side."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

COLUMNS = [("序号", 6), ("单位", 30), ("状态", 9), ("版本", 6), ("自评得分", 9), ("重算得分", 9), ("复核得分", 9), ("复核−自评", 10),
           ("自评等级", 8), ("复核等级", 8), ("预算执行率(%)", 12), ("错误", 6), ("警告", 6), ("提示", 6), ("确认问题", 8), ("抽查", 6)]
FIELDS = ("unit", "status", "version", "stated", "recomputed", "review")
MORE_FIELDS = ("grade", "review_grade", "execution_rate", "errors", "warnings", "infos", "confirmed")


def write(title: str, rows: Iterable, path: Path) -> None:
    """The workbook: a title line, the header, one row per unit (exact decimals as numbers).

    Each row is any object with the attributes named in FIELDS and MORE_FIELDS and `sampled`
    (the dashboard's rows), so that the export needs nothing from the store.
    """
    wb = Workbook()
    ws = wb.active
    ws.title = "汇总表"
    write_header(ws, COLUMNS)
    ws.insert_rows(1)  # the title goes above the header
    ws.cell(1, 1, title).font = Font(bold=True, size=14)
    ws.freeze_panes = "A3"
    ws.auto_filter.ref = f"A2:{ws.cell(2, len(COLUMNS)).column_letter}2"
    for n, row in enumerate(rows, 1):
        diff = row.review - row.stated if row.review is not None and row.stated is not None else None
        ws.append([n, *(getattr(row, f) for f in FIELDS), diff, *(getattr(row, f) for f in MORE_FIELDS), "是" if row.sampled else ""])
    for line in ws.iter_rows(min_row=3):
        for cell in line:
            cell.alignment = Alignment(vertical="top", wrap_text=cell.column == 2)
    wb.save(path)


def write_header(ws, columns) -> None:
    """A bold header row with column widths, frozen below, with an auto-filter."""
    for i, (_, width) in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}1"
    ws.append([name for name, _ in columns])
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
