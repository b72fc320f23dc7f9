"""A worksheet's cells and merged ranges laid out as one table, within the table limits.

The table covers the used range (the bounding box of the cells with text).  Long runs of empty
rows or columns inside it are shortened to `MAX_GAP` (far-apart cells such as A1 and XFD1048576
make a small table, not a billion empty positions); merged ranges become spans, an overlapping
range (which Excel forbids) is ignored, and rows or columns beyond the limits are dropped.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from jixiao.ingest.document import Cell, Table
from jixiao.ingest.limits import Limits

MAX_GAP = 16  # empty rows (or columns) kept between two filled ones


@dataclass(slots=True)
class SheetCells:
    """Cells with text by (row, col), 1-based as in Excel, and merged ranges (r0, c0, r1, c1)."""

    texts: dict[tuple[int, int], str] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    last: tuple[int, int] = (0, 0)  # the previous cell, for cells written without a reference
    rows_done: int = 0  # the previous row's number, for rows written without one


def _kept(filled: set[int]) -> list[int]:
    """The filled indexes and at most MAX_GAP of the empty ones between each two, in order."""
    out: list[int] = []
    for p in sorted(filled):
        if out:
            out.extend(range(out[-1] + 1, min(p, out[-1] + 1 + MAX_GAP)))
        out.append(p)
    return out


def sheet_table(sheet: SheetCells, limits: Limits, budget: int) -> tuple[Table, str | None]:
    """The worksheet as a table of at most `budget` positions, and why anything was dropped."""
    if not sheet.texts:
        return Table([]), None
    rows_used = {r for r, _ in sheet.texts}
    cols_used = {c for _, c in sheet.texts}
    top, bottom, left, right = min(rows_used), max(rows_used), min(cols_used), max(cols_used)
    merges = []
    for r0, c0, r1, c1 in sheet.merges:
        box = (max(r0, top), max(c0, left), min(r1, bottom), min(c1, right))
        if box[0] <= box[2] and box[1] <= box[3]:
            merges.append((box, (r0, c0)))
            rows_used.update((box[0], box[2]))
            cols_used.update((box[1], box[3]))
    rows, cols = _kept(rows_used), _kept(cols_used)
    reason = None
    width = min(len(cols), limits.table_cols)
    height = min(len(rows), limits.table_rows, limits.table_area // width, max(budget, 0) // width)
    if (height, width) != (len(rows), len(cols)):
        reason = f"工作表超出 {height} 行或 {width} 列的部分已忽略"
        rows, cols = rows[:height], cols[:width]
    spans, covered, texts, dropped = _spans(sheet, merges, rows, cols, limits)
    cells = [
        Cell(texts[(i, j)] if (i, j) in texts else sheet.texts.get((r, c), ""), i, j, *spans.get((i, j), (1, 1)))
        for i, r in enumerate(rows)
        for j, c in enumerate(cols)
        if (i, j) not in covered
    ]
    return Table(cells), reason or dropped


def _spans(sheet: SheetCells, merges: list, rows: list[int], cols: list[int], limits: Limits):
    """Spans by table position, the positions merged into another, merged texts, and a reason when
    merged ranges had to be ignored for want of work budget."""
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    covered: set[tuple[int, int]] = set()
    texts: dict[tuple[int, int], str] = {}
    work = 4 * limits.table_area
    for (r0, c0, r1, c1), origin in merges:
        i0, i1 = bisect_left(rows, r0), bisect_right(rows, r1) - 1
        j0, j1 = bisect_left(cols, c0), bisect_right(cols, c1) - 1
        if i0 > i1 or j0 > j1:
            continue
        work -= (i1 - i0 + 1) * (j1 - j0 + 1)
        if work < 0:
            return spans, covered, texts, "合并单元格过多或过大，部分合并已忽略"
        inside = [(i, j) for i in range(i0, i1 + 1) for j in range(j0, j1 + 1)]
        if any(p in covered or p in spans for p in inside):
            continue  # overlaps an earlier range
        spans[(i0, j0)] = (i1 - i0 + 1, j1 - j0 + 1)
        texts[(i0, j0)] = sheet.texts.get(origin, "")
        covered.update(inside[1:])
    return spans, covered, texts, None
