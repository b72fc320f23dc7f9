"""Excel .xlsx backend: every visible worksheet becomes a heading and one table with merged spans."""

from __future__ import annotations

import datetime as dt
import re
import warnings
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.errors import InputError
from jixiao.ingest.document import Block, Cell, SourceDocument, Table
from jixiao.ingest.safety import CORRUPT, ZIP_ERRORS, check_zip, read_member

MAX_CELLS = 1_000_000
PERCENT_DECIMALS = re.compile(r"0\.(0+)%")
# A formula cell saved with no value: <c><f>…</f></c>, <c><f>…</f><v/></c> or <c><f>…</f><v></v></c>.
P = rb"(?:\w+:)?"  # an optional namespace prefix
UNCACHED_FORMULA = re.compile(rb"<%sf\b[^>]*(?:/>|>[^<]*</%sf>)\s*(?:<%sv\s*/>|<%sv>\s*</%sv>)?\s*</%sc>" % ((P,) * 6))


def read(path: Path) -> SourceDocument:
    """Read a .xlsx workbook with the values Excel last calculated (formulas are not re-evaluated).

    A formula saved without a calculated value (files written by scripts, or a typed "=100%") is
    shown as its formula text, which is what such a cell says to a reader.
    """
    check_zip(path)
    values = _load(path, data_only=True)
    formulas = _load(path, data_only=False) if _has_uncached_formulas(path) else None
    doc = SourceDocument(str(path), "xlsx")
    for ws in values.worksheets:
        if ws.sheet_state == "visible":
            doc.blocks.append(Block("heading", ws.title, level=1))
            table = _table(ws, formulas[ws.title] if formulas else None, path)
            if table.cells:
                doc.blocks.append(Block("table", table=table))
    if formulas:
        doc.warnings.append("工作簿中有公式没有保存计算结果，这些单元格按公式原文读取")
    return doc


def _load(path: Path, data_only: bool) -> openpyxl.Workbook:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it skips; none carry text
            return openpyxl.load_workbook(path, data_only=data_only)
    except Exception:  # openpyxl raises anything from KeyError to TypeError on a damaged package
        raise InputError(str(path), CORRUPT) from None


def _has_uncached_formulas(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as z:
            sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
            return any(UNCACHED_FORMULA.search(read_member(z, name, path)) for name in sheets)
    except ZIP_ERRORS:
        raise InputError(str(path), CORRUPT) from None


def _table(ws: Worksheet, formulas: Worksheet | None, path: Path) -> Table:
    # openpyxl keeps only the cells a file defines in `_cells`; iter_rows would create every empty one.
    cells = ws._cells
    if len(cells) > MAX_CELLS:
        raise InputError(str(path), f"工作表“{ws.title}”单元格过多（超过 {MAX_CELLS} 个）")
    texts = {
        pos: text
        for pos, cell in cells.items()
        if (text := display(cell.value, cell.number_format) or _formula_text(formulas, pos))
    }
    if not texts:
        return Table([])
    top, bottom = min(r for r, _ in texts), max(r for r, _ in texts)
    left, right = min(c for _, c in texts), max(c for _, c in texts)
    covered: set[tuple[int, int]] = set()
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for rng in ws.merged_cells.ranges:
        r0, c0 = max(rng.min_row, top), max(rng.min_col, left)
        r1, c1 = min(rng.max_row, bottom), min(rng.max_col, right)
        if r0 > r1 or c0 > c1:
            continue
        texts[(r0, c0)] = texts.get((rng.min_row, rng.min_col), "")
        spans[(r0, c0)] = (r1 - r0 + 1, c1 - c0 + 1)
        covered.update((r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) if (r, c) != (r0, c0))
    out = [
        Cell(texts.get((r, c), ""), r - top, c - left, *spans.get((r, c), (1, 1)))
        for r in range(top, bottom + 1)
        for c in range(left, right + 1)
        if (r, c) not in covered
    ]
    return Table(out)


def _formula_text(formulas: Worksheet | None, pos: tuple[int, int]) -> str:
    cell = formulas._cells.get(pos) if formulas is not None else None
    value = cell.value if cell is not None else None
    return value if isinstance(value, str) and value.startswith("=") else ""


def display(value: object, number_format: str = "General") -> str:
    """The text a reader sees for a cell value: no float noise, percentages and dates as Excel shows them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M" if value.time() != dt.time() else "%Y-%m-%d")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, (int, float)):
        return _number(value, number_format)
    return str(value)


def _number(value: int | float, number_format: str) -> str:
    d = Decimal(value) if isinstance(value, int) else Decimal(format(value, ".15g"))  # Excel shows 15 digits
    if not d.is_finite():
        return str(value)
    if "%" in number_format:
        m = PERCENT_DECIMALS.search(number_format)
        places = Decimal(1).scaleb(-len(m.group(1))) if m else Decimal(1)
        return f"{(d * 100).quantize(places, ROUND_HALF_UP):f}%"
    d = d.normalize()
    return f"{d:f}" if d != d.to_integral_value() else f"{d.quantize(Decimal(1)):f}"
