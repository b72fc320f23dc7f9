"""Where the page breaks fall in a form, decided before Word or LibreOffice lays it out.

Every cell paragraph has an exact line height and every row a minimum height at least as tall as
its text needs (full-width CJK characters, generous Latin widths, a character lost at the end of
every wrapped line), so a row is exactly as tall as its minimum whatever font replaces a missing
公文 font.  The writer then ends the table at each break and starts it again on a new page with the
header rows (also marked w:tblHeader) and a group cut by the break (一级指标, 二级指标) labelled
again: the breaks fall where they were decided, a page holding a little less than it could.
"""

from __future__ import annotations

import math
import unicodedata

from jixiao.compose.grid import Grid

PT_PER_CM = 72 / 2.54
PAGE_HEIGHT = (29.7 - 3.7 - 3.5) * PT_PER_CM
"""pt of text height on an A4 公文 page (top margin 3.7 cm, bottom 3.5 cm)."""
PAGE_SLACK = 18.0
"""pt kept free at the foot of a page for borders and rounding."""
CELL_PADDING = 0.1
"""cm left and right inside every cell (w:tblCellMar)."""
ROW_PADDING = 5.0
"""pt above and below the text of a row, borders included."""


def char_width(ch: str, size: float) -> float:
    """Advance width in pt: full-width for CJK and full-width punctuation, 0.6 em for the rest."""
    if unicodedata.east_asian_width(ch) in ("W", "F", "A"):
        return size
    return size * (0.35 if ch == " " else 0.6)


def text_width(text: str, size: float) -> float:
    """Advance width in pt, with half an em more where Latin letters or digits (whose widths vary by font) are mixed in."""
    width = sum(char_width(ch, size) for ch in text)
    return width + size / 2 if any(unicodedata.east_asian_width(ch) not in ("W", "F", "A") for ch in text) else width


def lines_needed(text: str, width_cm: float, size: float) -> int:
    """Lines a cell's text takes in a column `width_cm` wide: each explicit line wrapped, a wrapped
    line holding one character less than the column (line-start rules, numbers kept whole)."""
    room = (width_cm - 2 * CELL_PADDING) * PT_PER_CM
    return sum(1 if text_width(line, size) <= room else math.ceil(text_width(line, size) / max(room - size, size)) for line in text.split("\n"))


def fits(text: str, width_cm: float, size: float) -> bool:
    """Every explicit line of `text` fits the column on one line (a fixed label never wraps by itself)."""
    room = (width_cm - 2 * CELL_PADDING) * PT_PER_CM
    return all(text_width(line, size) <= room for line in text.split("\n"))


def row_heights(g: Grid) -> list[float]:
    """The height of every row: the tallest cell that sits in that row alone, and enough in the last
    row of a vertical merge for the merged cell's own text."""
    heights = [ROW_PADDING + g.line] * len(g.rows)
    spans = {(r0, c0): (r1, c1) for r0, c0, r1, c1 in g.merges}
    covered = g.covered()
    for r, row in enumerate(g.rows):
        for c, text in enumerate(row):
            if (r, c) in covered:
                continue
            r1, c1 = spans.get((r, c), (r, c))
            need = ROW_PADDING + g.line * lines_needed(text, sum(g.widths[c: c1 + 1]), g.font_size)
            have = sum(heights[r: r1 + 1])
            if need > have:
                heights[r1] += need - have
    return heights


def paginate(g: Grid, used: float) -> tuple[float, list[int]]:
    """Set the rows' heights, split every vertical merge where a page breaks (a `continued` column's
    label written again), and return the points used on the page where the table ends and the rows
    that start a new page.  `used`: points already used on the table's first page.  A label written
    again can make its row taller, so breaks are found again until none moves."""
    for _ in range(8):
        g.heights = row_heights(g)
        breaks, y = _breaks(g, used)
        if not [b for b in breaks if _split_at(g, b)]:
            return y, breaks
    return y, breaks


def _breaks(g: Grid, used: float) -> tuple[list[int], float]:
    """The rows that start a new page, and the points used on the last page."""
    header = sum(g.heights[: g.header_rows])
    y, breaks = used, []
    for r, h in enumerate(g.heights):
        if r >= g.header_rows and y + h > PAGE_HEIGHT - PAGE_SLACK and y > header:
            breaks.append(r)
            y = header
        y += h
    return breaks, y


def _split_at(g: Grid, b: int) -> bool:
    """Cut the vertical merges that run across row `b` (the label written again where its column is
    `continued`); whether any was cut."""
    cut = False
    for i, (r0, c0, r1, c1) in enumerate(list(g.merges)):
        if r0 < b <= r1:
            g.merges[i] = (r0, c0, b - 1, c1)
            g.merges.append((b, c0, r1, c1))
            g.rows[b][c0] = g.rows[r0][c0] if g.continued.get(c0) else ""
            if (r0, c0, "top") in g.open_edges:
                g.open_edges.append((b, c0, "top"))
            cut = True
    return cut


def paragraph_height(text: str, width_cm: float, size: float, line: float, indent: float = 0) -> float:
    """Points a body paragraph takes: its lines at an exact line height (first-line indent in pt)."""
    room = width_cm * PT_PER_CM
    return line * sum(max(1, math.ceil((text_width(part, size) + indent + size) / room)) for part in text.split("\n"))
