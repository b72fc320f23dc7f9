"""`jixiao inspect`: the intermediate document with table spans drawn, and each value's source."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from jixiao.ingest.document import SourceDocument
from jixiao.model import Report

_MAX_CELL = 24


def _cell_label(text: str, rowspan: int, colspan: int) -> str:
    body = text.replace("\n", "⏎")
    body = escape(body if len(body) <= _MAX_CELL else body[: _MAX_CELL - 1] + "…")
    spans = []
    if rowspan > 1:
        spans.append(f"↓{rowspan}")
    if colspan > 1:
        spans.append(f"→{colspan}")
    return f"{body} [dim]{' '.join(spans)}[/]" if spans else body


def _draw_table(index: int, table) -> Table:
    page = f"，第 {table.page} 页" if table.page else ""
    view = Table(title=f"[{index}] 表格 {table.n_rows} 行 × {table.n_cols} 列{page}", title_justify="left", show_lines=True)
    view.add_column("#", style="dim")
    for c in range(table.n_cols):
        view.add_column(str(c), overflow="fold")
    grid = table.grid()
    for r, row in enumerate(grid):
        cells = []
        for c, cell in enumerate(row):
            if cell is None:
                cells.append("")
            elif cell.row == r and cell.col == c:
                cells.append(_cell_label(cell.text, cell.rowspan, cell.colspan))
            else:
                cells.append("[dim]〃[/]")  # covered by a merged cell
        view.add_row(str(r), *cells)
    return view


def print_document(console: Console, doc: SourceDocument) -> None:
    console.print(f"[bold]{escape(doc.path)}[/]  格式：{doc.format}  块数：{len(doc.blocks)}" + (f"  页数：{doc.pages}" if doc.pages else ""))
    for w in doc.warnings:
        console.print(f"[yellow]提示：{escape(w)}[/]")
    for i, block in enumerate(doc.blocks):
        if block.table is not None:
            console.print(_draw_table(i, block.table))
        else:
            tag = f"标题{block.level or ''}" if block.kind == "heading" else "段落"
            page = f" p{block.page}" if block.page else ""
            console.print(f"[dim]\\[{i}]{page} {tag}[/] {escape(block.text)}", highlight=False)


def print_provenance(console: Console, report: Report) -> None:
    view = Table(title="提取值及其来源", title_justify="left")
    for col in ("字段", "位置", "原文", "规则"):
        view.add_column(col, overflow="fold")
    for path, prov in report.provenance.items():
        view.add_row(escape(path), prov.location.describe(), escape(prov.text[:60]), escape(prov.method))
    console.print(view)
