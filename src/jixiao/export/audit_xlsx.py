"""审核意见表: a workbook for a whole directory — one row per finding, and one row per unit.

Written in openpyxl's write-only mode, row by row, so a corpus of any size streams through.  An
outcome's rows are plain values (`rows`), so a batch worker can make them beside the outcome's
JSON and the batch store them in its ledger: the workbook is then written without reading any
stored result back.
"""

from __future__ import annotations

from collections.abc import Iterable
from copy import copy
from pathlib import Path

from jixiao.audit.registry import CATEGORY_NAMES
from jixiao.outcome import Outcome

SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
FILLS = {"错误": "FDE2E1", "警告": "FFF3CD"}  # by the 级别 column's text
FINDING_COLUMNS = [("单位", 22), ("文件", 24), ("规则", 8), ("类别", 10), ("级别", 6), ("问题", 60), ("位置", 18),
                   ("应为", 14), ("实为", 14), ("原文依据", 50), ("修改建议", 40)]
SUMMARY_COLUMNS = [("单位", 24), ("年度", 6), ("文件", 28), ("状态", 8), ("评分方案", 12), ("自评总分", 9), ("重算总分", 9),
                   ("错误", 6), ("警告", 6), ("提示", 6), ("说明", 50)]
LEVEL = 4  # the 级别 column of a finding row


def rows(o: Outcome) -> dict[str, list]:
    """One outcome's rows as plain JSON-able values: its summary row and one row per finding."""
    findings = [[o.audit.unit.name, Path(o.path).name, f.rule, CATEGORY_NAMES.get(f.category, f.category),
                 SEVERITY_NAMES[f.severity], f.message, _where(f), f.expected, f.found, f.evidence, f.fix]
                for f in (o.audit.findings if o.audit else [])]
    return {"summary": _summary_row(o), "findings": findings}


def write(outcomes: Iterable[Outcome], path: Path) -> None:
    write_rows((rows(o) for o in outcomes), path)


def write_rows(books: Iterable[dict[str, list]], path: Path) -> None:
    """The workbook from each outcome's `rows`, in the order given."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    findings = wb.create_sheet("审核意见")
    summary = wb.create_sheet("汇总")
    write_header(findings, FINDING_COLUMNS)
    write_header(summary, SUMMARY_COLUMNS)
    summary_style, finding_styles = _Style(summary), {}
    for book in books:
        summary.append(summary_style.cells(book["summary"]))
        for row in book["findings"]:
            style = finding_styles.get(row[LEVEL])
            if style is None:
                style = finding_styles[row[LEVEL]] = _Style(findings, FILLS.get(row[LEVEL]))
            findings.append(style.cells(row, LEVEL))
    wb.save(path)


class _Style:
    """Wrapped text for every cell of a row, one cell maybe filled; each cell's style copied from a made-up
    cell, since setting a style object on each of thousands of cells is most of the workbook's time."""

    def __init__(self, ws, fill: str | None = None):
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, PatternFill

        self.ws, self.new = ws, WriteOnlyCell
        self.wrap, self.filled = WriteOnlyCell(ws), WriteOnlyCell(ws)
        for cell in (self.wrap, self.filled):
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        if fill:
            self.filled.fill = PatternFill("solid", fgColor=fill)

    def cells(self, values: list, filled: int = -1) -> list:
        cells = [self.new(self.ws, value=v) for v in values]
        for i, cell in enumerate(cells):
            cell._style = copy((self.filled if i == filled else self.wrap)._style)  # openpyxl's own way to copy a style
        return cells


def write_header(ws, columns) -> None:
    """A bold header row with column widths, frozen below, with an auto-filter (write-only or normal sheets)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    for i, (_, width) in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}1"
    header = [WriteOnlyCell(ws, value=name) for name, _ in columns]
    for cell in header:
        cell.font = Font(bold=True)
    ws.append(header)


def _where(f) -> str:
    loc = f.location
    parts = [loc.section]
    if loc.page:
        parts.append(f"第{loc.page}页")
    if loc.row is not None:
        parts.append(f"第{loc.row + 1}行")
    return " ".join(parts)


def _summary_row(o: Outcome) -> list:
    note = "；".join(o.problems) or None
    if o.audit is None:
        return [None, None, Path(o.path).name, "读取失败" if o.status == "failed" else "未审核", None, None, None, None, None, None, note]
    a = o.audit
    return [a.unit.name, a.unit.year, Path(o.path).name, "部分审核" if o.status == "partial" else "已审核", a.profile,
            float(a.score.stated) if a.score.stated is not None else None,
            float(a.score.recomputed) if a.score.recomputed is not None else None,
            a.count("error"), a.count("warning"), a.count("info"), note]
