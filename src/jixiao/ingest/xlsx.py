"""Excel .xlsx backend: every visible worksheet becomes a heading and one table with merged spans.

The package is streamed with lxml, never loaded whole: cells, sheets and merged ranges are counted
against the limits as they arrive, so a workbook of a million cells or of far-apart cells costs
bounded time and memory (what lies beyond a limit is dropped and the document marked partial).
Values are shown as Excel displays them: the value Excel last calculated, 15 significant digits,
percent and date formats applied.  A formula saved without a value reads as its formula text.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from lxml import etree
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

from jixiao.errors import CORRUPT, InputError
from jixiao.ingest.document import Block, SourceDocument
from jixiao.ingest.limits import MB, Limits, current
from jixiao.ingest.safety import HOSTILE_XML, open_checked_zip, parse_xml, read_member
from jixiao.ingest.sheet import SheetCells, sheet_table
from jixiao.ingest.source import Source
from jixiao.lazyre import lazy

MAIN_NS = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
REL_NS = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships")
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
PERCENT_DECIMALS = lazy(r"0\.(0+)%")
COORDINATE = lazy(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")
MAX_ROW, MAX_COL = 1_048_576, 16_384
UNCACHED = "工作簿中有公式没有保存计算结果，这些单元格按公式原文读取"


def _tags(local: str) -> tuple[str, ...]:
    return tuple(f"{{{ns}}}{local}" for ns in MAIN_NS)


C, V, F, IS, T, RPH, ROW, MERGE = (_tags(x) for x in ("c", "v", "f", "is", "t", "rPh", "row", "mergeCell"))


@dataclass(slots=True)
class _Book:
    """What every sheet needs from the package: shared strings, number formats, the date epoch."""

    strings: list[str]
    formats: list[str]  # number format code per cell style index
    epoch: dt.datetime
    partial: list[str] = field(default_factory=list)
    uncached: bool = False
    cells_left: int = 0  # cells still to read (all sheets)
    positions_left: int = 0  # table positions still to lay out (all sheets)

    def note(self, reason: str) -> None:
        if reason not in self.partial:
            self.partial.append(reason)


def read(source: Source, limits: Limits | None = None) -> SourceDocument:
    """Read a .xlsx workbook with the values Excel last calculated (formulas are not re-evaluated)."""
    src, limits = Source.of(source), limits or current()
    doc = SourceDocument(src.name, "xlsx")
    with open_checked_zip(src, limits) as z:
        names = set(z.namelist())
        if "xl/workbook.xml" not in names:
            raise InputError(src.name, f"{CORRUPT}：缺少 xl/workbook.xml")
        workbook = _xml(z, "xl/workbook.xml", src, limits)
        if _local(workbook) != "workbook":
            raise InputError(src.name, f"{CORRUPT}：xl/workbook.xml 不是工作簿")
        book = _Book(_shared_strings(z, names, src, limits), _formats(z, names, src, limits), _epoch(workbook))
        book.cells_left, book.positions_left = limits.xlsx_cells, limits.doc_cells
        sheets = _sheets(workbook, _relations(z, names, src, limits))
        if len(sheets) > limits.xlsx_sheets:
            book.note(f"工作表超过 {limits.xlsx_sheets} 张，其余已忽略")
        for title, part in sheets[: limits.xlsx_sheets]:
            doc.blocks.append(Block("heading", title, level=1))
            cells = _read_sheet(z, part, names, src, book, limits) if book.cells_left > 0 else SheetCells()
            table, reason = sheet_table(cells, limits, book.positions_left)
            book.positions_left -= len(table.cells)
            book.note(reason)
            if table.cells:
                doc.blocks.append(Block("table", table=table))
    if book.uncached:
        doc.warnings.append(UNCACHED)
    for reason in book.partial:
        doc.note_partial(reason)
    return doc


def _xml(z: zipfile.ZipFile, name: str, src: Source, limits: Limits) -> etree._Element:
    if z.getinfo(name).file_size > limits.xml_bytes:
        raise InputError(src.name, f"工作簿的 {name} 过大（解压后超过 {limits.xml_bytes // MB} MB）")
    return parse_xml(read_member(z, name, src, limits.xml_bytes), src)


def _local(el: etree._Element) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _attr(el: etree._Element, local: str) -> str | None:
    """An attribute in the relationships namespace (r:id), transitional or strict."""
    return next((el.get(f"{{{ns}}}{local}") for ns in REL_NS if el.get(f"{{{ns}}}{local}") is not None), None)


def _relations(z: zipfile.ZipFile, names: set[str], src: Source, limits: Limits) -> dict[str, str]:
    """Relationship id → package part, from xl/_rels/workbook.xml.rels."""
    rels = "xl/_rels/workbook.xml.rels"
    if rels not in names:
        return {}
    out = {}
    for rel in _xml(z, rels, src, limits).iter(PKG_REL):
        target = rel.get("Target") or ""
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        out[rel.get("Id") or ""] = part
    return out


def _sheets(workbook: etree._Element, rels: dict[str, str]) -> list[tuple[str, str]]:
    """(title, part) of each visible worksheet, in workbook order."""
    out = []
    sheets = [el for el in workbook.iter() if _local(el) == "sheet"]
    for i, sheet in enumerate(sheets, start=1):
        if (sheet.get("state") or "visible") != "visible":
            continue
        part = rels.get(_attr(sheet, "id") or "", f"xl/worksheets/sheet{i}.xml")
        out.append((sheet.get("name") or f"Sheet{i}", part))
    return out


def _epoch(workbook: etree._Element) -> dt.datetime:
    pr = next((el for el in workbook.iter() if _local(el) == "workbookPr"), None)
    flag = (pr.get("date1904") or "").lower() if pr is not None else ""
    return CALENDAR_MAC_1904 if flag in ("1", "true") else CALENDAR_WINDOWS_1900


def _iter_part(z: zipfile.ZipFile, name: str, src: Source, limits: Limits, tags: tuple[str, ...]) -> Iterator[etree._Element]:
    """Elements with `tags` of a package part, streamed; each is cleared after the caller has it."""
    with z.open(name) as f:
        if b"<!DOCTYPE" in f.read(4096):
            raise InputError(src.name, HOSTILE_XML)
    with z.open(name) as f:
        parser = etree.iterparse(
            f, events=("end",), tag=tags, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
        )
        for _, el in parser:
            yield el
            el.clear()
            while el.getprevious() is not None:
                del el.getparent()[0]


def _shared_strings(z: zipfile.ZipFile, names: set[str], src: Source, limits: Limits) -> list[str]:
    """The shared string table: each item's text runs joined (phonetic guides left out)."""
    part = "xl/sharedStrings.xml"
    if part not in names:
        return []
    strings: list[str] = []
    for si in _iter_part(z, part, src, limits, _tags("si")):
        strings.append(_text(si))
        if len(strings) >= limits.xlsx_cells:
            break
    return strings


def _text(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(*T) if t.getparent() is None or t.getparent().tag not in RPH)


def _formats(z: zipfile.ZipFile, names: set[str], src: Source, limits: Limits) -> list[str]:
    """Number format code of each cell style (cellXfs), built-in or custom."""
    if "xl/styles.xml" not in names:
        return []
    styles = _xml(z, "xl/styles.xml", src, limits)
    custom = {el.get("numFmtId"): el.get("formatCode") or "General" for el in styles.iter() if _local(el) == "numFmt"}
    xfs = next((el for el in styles.iter() if _local(el) == "cellXfs"), None)
    out = []
    for xf in xfs if xfs is not None else ():
        fid = xf.get("numFmtId") or "0"
        out.append(custom.get(fid) or (BUILTIN_FORMATS.get(int(fid), "General") if fid.isdigit() and len(fid) < 6 else "General"))
    return out


def _read_sheet(z: zipfile.ZipFile, part: str, names: set[str], src: Source, book: _Book, limits: Limits) -> SheetCells:
    """The non-empty cells (row, col) → text and the merged ranges of one worksheet."""
    cells = SheetCells()
    if part not in names:
        book.note("工作簿中有工作表缺失，已跳过")
        return cells
    for el in _iter_part(z, part, src, limits, (*C, *ROW, *MERGE)):
        if el.tag in ROW:
            cells.rows_done = _row_number(el, cells.rows_done + 1)
        elif el.tag in MERGE:
            _merge(cells, el.get("ref") or "", book, limits)
        elif book.cells_left <= 0:
            book.note(f"工作簿单元格超过 {limits.xlsx_cells} 个，其余已忽略")
            break
        else:
            book.cells_left -= 1
            position = _position(el, cells)
            text = _cell_text(el, book)
            if position is None:
                book.note("部分单元格的位置无效，已忽略")
            elif text:
                cells.texts[position] = text
    return cells


def _row_number(row: etree._Element, default: int) -> int:
    r = row.get("r") or ""
    return int(r) if r.isascii() and r.isdigit() and len(r) <= 7 else default


def _position(el: etree._Element, cells: SheetCells) -> tuple[int, int] | None:
    """(row, col) from the cell reference; a cell without one follows the previous cell of its row."""
    ref = el.get("r")
    if ref:
        m = COORDINATE.fullmatch(ref)
        r, c = (int(m.group(2)), _column(m.group(1))) if m else (0, 0)
    else:
        parent = el.getparent()
        r = _row_number(parent, cells.rows_done + 1) if parent is not None else cells.rows_done + 1
        c = cells.last[1] + 1 if cells.last[0] == r else 1
    if not (1 <= r <= MAX_ROW and 1 <= c <= MAX_COL):
        return None
    cells.last = (r, c)
    return r, c


def _column(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _merge(cells: SheetCells, ref: str, book: _Book, limits: Limits) -> None:
    if len(cells.merges) >= limits.xlsx_merges:
        book.note(f"工作表的合并单元格超过 {limits.xlsx_merges} 个，其余已忽略")
        return
    corners = [COORDINATE.fullmatch(part) for part in ref.split(":")]
    if len(corners) != 2 or not all(corners):
        return
    (r0, c0), (r1, c1) = ((int(m.group(2)), _column(m.group(1))) for m in corners)
    r0, r1 = sorted((min(max(r0, 1), MAX_ROW), min(max(r1, 1), MAX_ROW)))
    c0, c1 = sorted((min(max(c0, 1), MAX_COL), min(max(c1, 1), MAX_COL)))
    cells.merges.append((r0, c0, r1, c1))


def _cell_text(el: etree._Element, book: _Book) -> str:
    """The text Excel shows for one `<c>` element."""
    kind = el.get("t") or "n"
    v = next((x for x in el if x.tag in V), None)
    value = v.text if v is not None else None
    if kind == "inlineStr":
        inline = next((x for x in el if x.tag in IS), None)
        return _text(inline) if inline is not None else ""
    if not value:
        return _formula(el, book)
    if kind == "s":
        index = int(value) if value.isdigit() and len(value) <= 9 else -1
        if 0 <= index < len(book.strings):
            return book.strings[index]
        book.note("部分单元格引用的共享字符串不存在，已按空白读取")
        return ""
    if kind == "b":
        return "TRUE" if value.strip() in ("1", "true") else "FALSE"
    if kind in ("str", "e", "d"):
        return value
    return _number_text(value, book, el.get("s") or "0")


def _formula(el: etree._Element, book: _Book) -> str:
    f = next((x for x in el if x.tag in F), None)
    if f is None or not f.text:
        return ""
    book.uncached = True
    return "=" + f.text


def _number_text(value: str, book: _Book, style: str) -> str:
    index = int(style) if style.isdigit() and len(style) <= 6 else 0
    fmt = book.formats[index] if index < len(book.formats) else "General"
    number = _cast(value.strip())
    if number is None:
        return value
    if is_date_format(fmt) and not isinstance(number, bool):
        try:
            return display(from_excel(number, book.epoch, timedelta=is_timedelta_format(fmt)), fmt)
        except (OverflowError, ValueError, TypeError):
            return display(number, "General")
    return display(number, fmt)


def _cast(text: str) -> int | float | None:
    """A stored number as Excel holds it (a double; integers of up to 15 digits exactly), or None."""
    try:
        number = float(text)
    except ValueError:
        return None
    return int(text) if len(text) <= 15 and text.lstrip("+-").isdigit() else number


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
    if isinstance(value, dt.timedelta):
        return str(value)
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
        try:
            return f"{(d * 100).quantize(places, ROUND_HALF_UP):f}%"
        except InvalidOperation:  # too many digits for the format's places: show it unrounded
            return f"{(d * 100).normalize():f}%"
    return f"{d.normalize():f}"
