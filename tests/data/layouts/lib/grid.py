"""A form table as a grid of cells with merged ranges, rendered alike to docx, xlsx and text."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from itertools import product


@dataclass(frozen=True)
class N:
    """A numeric cell: `text` is what docx/text show, `value`/`fmt` what an xlsx cell holds.

    fmt is an Excel number format; a percent format takes value/100 (95.35 -> 0.9535)."""

    value: Decimal
    text: str
    fmt: str = "0.00"


@dataclass
class Grid:
    ncols: int
    widths: list[float]
    rows: list[list] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    bold_rows: set[int] = field(default_factory=set)
    left_cols: set[int] = field(default_factory=set)
    font_size: float = 9.0

    def add(self, *cells, bold: bool = False) -> int:
        """Append a row (missing cells are None); returns its index."""
        row = list(cells) + [None] * (self.ncols - len(cells))
        if len(row) != self.ncols:
            raise ValueError(f"row of {len(row)} cells in a {self.ncols}-column grid: {cells}")
        self.rows.append(row)
        if bold:
            self.bold_rows.add(len(self.rows) - 1)
        return len(self.rows) - 1

    def add_spans(self, *cells, bold: bool = False) -> int:
        """Append a row from (value, width) pairs (a bare value is width 1), merging each wide cell."""
        flat, spans = [], []
        for c in cells:
            value, width = c if isinstance(c, tuple) else (c, 1)
            spans.append((len(flat), len(flat) + width - 1))
            flat += [value] + [None] * (width - 1)
        r = self.add(*flat, bold=bold)
        for c0, c1 in spans:
            self.row_span(r, c0, c1)
        return r

    def span(self, r0: int, c0: int, r1: int, c1: int) -> None:
        """Merge the rectangle (r0, c0)–(r1, c1), inclusive."""
        if (r0, c0) != (r1, c1):
            self.merges.append((r0, c0, r1, c1))

    def row_span(self, row: int, c0: int, c1: int) -> None:
        self.span(row, c0, row, c1)

    def covered(self) -> dict[tuple[int, int], tuple[int, int]]:
        """Positions hidden under a merge (all but its top-left) -> the merge's top-left."""
        return {(rr, cc): (r0, c0) for r0, c0, r1, c1 in self.merges
                for rr, cc in product(range(r0, r1 + 1), range(c0, c1 + 1)) if (rr, cc) != (r0, c0)}

    def visible(self):
        """(row, col, value) of every cell not hidden under a merge, row by row."""
        hidden = self.covered()
        return ((ri, ci, v) for ri, row in enumerate(self.rows) for ci, v in enumerate(row) if (ri, ci) not in hidden)

    def merge_runs(self, col: int, first: int, last: int) -> None:
        """Merge vertical runs of equal labels in `col` between rows first..last, blanking repeats."""
        start = first
        for r in range(first + 1, last + 2):
            if r <= last and self.rows[r][col] == self.rows[start][col]:
                self.rows[r][col] = None
                continue
            self.span(start, col, r - 1, col)
            start = r


def text_of(v) -> str:
    if v is None:
        return ""
    return v.text if isinstance(v, N) else str(v)
