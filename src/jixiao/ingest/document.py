"""The intermediate document every input backend produces: ordered blocks of text and tables.

Every backend (`text`, `docx`, `pdf`, `ocr`, `xlsx`, `office`) returns one `SourceDocument`, so the
extract stage never needs to know which format a report came in.  Tables are sparse lists of cells
with row/column spans (like a Word or Excel grid); `Table.grid()` expands them into a dense grid in
which every covered position points at the cell that covers it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from jixiao.ingest.limits import Limits

BlockKind = Literal["heading", "paragraph", "table"]


@dataclass(slots=True)
class Cell:
    """One table cell; `row`/`col` are its top-left grid position."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


@dataclass(slots=True)
class Table:
    """A table as a list of cells with spans; `page` is 1-based where known."""

    cells: list[Cell]
    page: int | None = None

    @property
    def n_rows(self) -> int:
        return max((c.row + c.rowspan for c in self.cells), default=0)

    @property
    def n_cols(self) -> int:
        return max((c.col + c.colspan for c in self.cells), default=0)

    def grid(self) -> list[list[Cell | None]]:
        """Dense grid: position (r, c) holds the cell covering it, or None where nothing does."""
        # Every table the extractors see goes through here: one pass for the size (comparisons, not
        # max() over generators), then a slice per row of a merged cell rather than a loop per position.
        height = width = 0
        for cell in self.cells:
            if cell.row + cell.rowspan > height:
                height = cell.row + cell.rowspan
            if cell.col + cell.colspan > width:
                width = cell.col + cell.colspan
        grid: list[list[Cell | None]] = [[None] * width for _ in range(height)]
        for cell in self.cells:
            if cell.rowspan == 1 and cell.colspan == 1:
                grid[cell.row][cell.col] = cell
            else:
                for row in grid[cell.row : cell.row + cell.rowspan]:
                    row[cell.col : cell.col + cell.colspan] = [cell] * cell.colspan
        return grid

    def rows(self) -> list[list[Cell]]:
        """Cells grouped by the row they start in, left to right (merged continuations omitted)."""
        out: list[list[Cell]] = [[] for _ in range(self.n_rows)]
        for cell in sorted(self.cells, key=lambda c: (c.row, c.col)):
            out[cell.row].append(cell)
        return out

    @classmethod
    def from_rows(cls, rows: list[list[str]], page: int | None = None) -> Table:
        """A table from plain rows of cell texts, every cell unmerged."""
        cells = [Cell(text, r, c) for r, row in enumerate(rows) for c, text in enumerate(row)]
        return cls(cells, page)


@dataclass(slots=True)
class Block:
    """A heading, a paragraph or a table, in reading order."""

    kind: BlockKind
    text: str = ""
    table: Table | None = None
    page: int | None = None
    level: int | None = None  # heading level where the format says it


@dataclass(slots=True)
class SourceDocument:
    """What a backend read: the blocks in order, plus notes on anything it had to work around."""

    path: str
    format: str
    blocks: list[Block] = field(default_factory=list)
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)
    partial: list[str] = field(default_factory=list)
    """Why only part of the file was read (Chinese reasons); empty when it was read whole."""

    def note_partial(self, reason: str | None) -> None:
        """Record that part of the file was skipped (each reason once)."""
        if reason and reason not in self.partial:
            self.partial.append(reason)

    def tables(self) -> list[tuple[int, Table]]:
        """(block index, table) for every table block."""
        return [(i, b.table) for i, b in enumerate(self.blocks) if b.table is not None]


def bounded_table(cells: list[Cell], limits: Limits) -> tuple[list[Cell], str | None]:
    """The cells inside the table limits, spans clamped to the grid, and why any were dropped.

    Columns beyond `table_cols` and rows beyond `table_rows` (or beyond what `table_area` allows
    at this width) are dropped, so that the dense grid of any table stays bounded.
    """
    width = min(max((c.col + max(c.colspan, 1) for c in cells), default=0), limits.table_cols)
    rows = min(limits.table_rows, limits.table_area // max(width, 1))
    if all(c.rowspan >= 1 and c.colspan >= 1 and c.row + c.rowspan <= rows and c.col + c.colspan <= width for c in cells):
        return cells, None  # the usual case: nothing to cut or clamp
    kept = [c for c in cells if c.row < rows and c.col < width]
    for c in kept:
        c.rowspan = min(max(c.rowspan, 1), rows - c.row)
        c.colspan = min(max(c.colspan, 1), width - c.col)
    if len(kept) == len(cells):
        return kept, None
    if any(c.col >= width for c in cells):
        return kept, f"表格超过 {width} 列的部分已忽略"
    return kept, f"表格超过 {rows} 行的部分已忽略"


def bounded_text(text: str, limits: Limits) -> tuple[str, str | None]:
    """A paragraph or cell text cut at `paragraph_chars`, and the reason when it was cut."""
    if len(text) <= limits.paragraph_chars:
        return text, None
    return text[: limits.paragraph_chars], f"超过 {limits.paragraph_chars} 字的段落或单元格只保留了开头部分"


def bound_document(doc: SourceDocument, limits: Limits) -> None:
    """Apply the document-wide limits in place: blocks, text length, table size, cells in all tables."""
    if len(doc.blocks) > limits.blocks:
        del doc.blocks[limits.blocks :]
        doc.note_partial(f"超过 {limits.blocks} 个段落和表格的内容已忽略")
    cells_left, longest = limits.doc_cells, limits.paragraph_chars
    kept: list[Block] = []
    for block in doc.blocks:
        if len(block.text) > longest:
            block.text, reason = bounded_text(block.text, limits)
            doc.note_partial(reason)
        if block.table is not None:
            area = _area_within(block.table.cells, limits)
            if area is None:
                area = _bound_table(block.table, limits, doc)
            if area > cells_left:
                doc.note_partial(f"表格单元格总数超过 {limits.doc_cells} 个，其余表格已忽略")
                continue
            cells_left -= area
        kept.append(block)
    doc.blocks = kept


def _area_within(cells: list[Cell], limits: Limits) -> int | None:
    """The grid area of a table that no limit touches (the usual table, checked in one pass), else None."""
    rows = cols = 0
    longest = limits.paragraph_chars
    for c in cells:  # comparisons, not max() calls: this runs for every cell of every table
        if c.rowspan < 1 or c.colspan < 1 or len(c.text) > longest:
            return None
        if c.row + c.rowspan > rows:
            rows = c.row + c.rowspan
        if c.col + c.colspan > cols:
            cols = c.col + c.colspan
    fits = cols <= limits.table_cols and rows <= min(limits.table_rows, limits.table_area // max(cols, 1))
    return rows * cols if fits else None


def _bound_table(table: Table, limits: Limits, doc: SourceDocument) -> int:
    """Cut a table to the limits (cells, spans, cell texts), noting why; its grid area afterwards."""
    table.cells, reason = bounded_table(table.cells, limits)
    doc.note_partial(reason)
    for cell in table.cells:
        if len(cell.text) > limits.paragraph_chars:
            cell.text, reason = bounded_text(cell.text, limits)
            doc.note_partial(reason)
    return table.n_rows * table.n_cols
