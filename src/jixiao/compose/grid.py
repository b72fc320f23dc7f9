"""A form as plain data: cell texts, merged ranges, column widths; `docx_report` writes it as a Word table.

`header_rows` are repeated at the top of every page the table runs onto (Word's w:tblHeader), and
`continued` names the columns whose vertically merged group labels (一级指标, 二级指标) are written
again where a page break cuts the group (`layout.paginate`).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Grid:
    """Rows of cell texts, merged ranges (r0, c0, r1, c1), column widths (cm) and cell styling."""

    widths: list[float]
    rows: list[list[str]] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    left: set[tuple[int, int]] = field(default_factory=set)
    bold: set[int] = field(default_factory=set)
    font_size: float = 9
    line: float = 12
    """Exact line height in points of every cell paragraph (so that row heights are predictable)."""
    header_rows: int = 0
    continued: dict[int, bool] = field(default_factory=dict)
    """Column → whether a group label cut by a page break is written again (True) or left blank (False)."""
    open_edges: list[tuple[int, int, str]] = field(default_factory=list)
    """Cells drawn without one border (row, col, "top" | "bottom"): a label cell joined to the block under it."""
    caption: str = ""
    heights: list[float] = field(default_factory=list)
    """Row heights in points, set by `layout.paginate` (each row at least this tall)."""

    def add(self, cells: list[str | None], bold: bool = False) -> int:
        self.rows.append([c or "" for c in cells] + [""] * (len(self.widths) - len(cells)))
        if bold:
            self.bold.add(len(self.rows) - 1)
        return len(self.rows) - 1

    def merge(self, r0: int, c0: int, r1: int, c1: int) -> None:
        if (r0, c0) != (r1, c1):
            self.merges.append((r0, c0, r1, c1))

    def merge_runs(self, col: int, first: int, last: int, key=None) -> None:
        """Merge each run of equal keys (default: equal texts) in `col` between rows first..last, the
        label kept in the run's first cell only."""
        keys = [key(r) if key else self.rows[r][col] for r in range(first, last + 1)]
        start = 0
        for i in range(1, len(keys) + 1):
            if i < len(keys) and keys[i] == keys[start]:
                self.rows[first + i][col] = ""
                continue
            self.merge(first + start, col, first + i - 1, col)
            start = i

    def covered(self) -> set[tuple[int, int]]:
        """Cells inside a merge other than its top-left one."""
        return {(r, c) for r0, c0, r1, c1 in self.merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) if (r, c) != (r0, c0)}

    def span_width(self, r: int, c: int) -> float:
        """The width (cm) of the cell at (r, c): its columns' widths when merged across."""
        for r0, c0, r1, c1 in self.merges:
            if r0 <= r <= r1 and c0 == c:
                return sum(self.widths[c0: c1 + 1])
        return self.widths[c]
