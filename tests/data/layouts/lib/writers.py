"""Write block lists to .docx (python-docx), .xlsx (openpyxl) and seed-style plain text."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

from .grid import Grid, N, text_of

FIXED_TIME = (2025, 3, 1, 9, 0, 0)
FIXED_ISO = "2025-03-01T09:00:00Z"
BODY_FONT = "仿宋_GB2312"

# blocks: (kind, text) with kind in title/subtitle/h1/h2/h3/p/p_right/p_left/small/label;
# ("table", Grid); ("pagebreak",)


def _stable(name: str, blob: bytes) -> bytes:
    """Core properties carry the save time: pin them."""
    if name != "docProps/core.xml":
        return blob
    return re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + FIXED_ISO.encode(), blob)


def write_normalized_zip(data: bytes, path: Path) -> None:
    """Rewrite an OOXML package with fixed entry times and property dates, so a rebuild gives the same bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        entries = [(i.filename, _stable(i.filename, src.read(i))) for i in src.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, blob in entries:
            dst.writestr(zipfile.ZipInfo(name, FIXED_TIME), blob, compress_type=zipfile.ZIP_DEFLATED)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())


# --------------------------------------------------------------------------------------------- docx

STYLES = {  # kind: (font, size, bold, align, first-line indent, space after)
    "title": ("方正小标宋简体", 18, False, "center", False, 10),
    "subtitle": ("楷体_GB2312", 14, False, "center", False, 6),
    "caption": ("方正小标宋简体", 16, False, "center", False, 2),
    "caption_small": ("黑体", 11, False, "center", False, 2),
    "label": ("黑体", 12, False, None, False, 0),
    "h1": ("黑体", 13, False, None, True, 0),
    "h2": ("楷体_GB2312", 12, True, None, True, 0),
    "h3": (BODY_FONT, 12, True, None, True, 0),
    "p": (BODY_FONT, 12, False, None, True, 0),
    "p_right": (BODY_FONT, 12, False, "right", False, 0),
    "p_left": ("宋体", 10.5, False, None, False, 2),
    "small": ("宋体", 9, False, None, False, 0),
}


def _font(run, font: str, size: float, bold: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = font
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)


def _paragraph(doc, kind: str, text: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    font, size, bold, align, indent, after = STYLES[kind]
    p = doc.add_paragraph()
    if align:
        p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]
    pf = p.paragraph_format
    pf.space_after, pf.space_before = Pt(after), Pt(0)
    pf.line_spacing = 1.25
    if indent:
        pf.first_line_indent = Pt(size * 2)
    _font(p.add_run(text), font, size, bold)


def _fill_cell(cell, text: str, size: float, left: bool, bold: bool) -> None:
    from docx.enum.table import WD_ALIGN_VERTICAL
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = cell.paragraphs[0]
    for i, line in enumerate(text.split("\n")):
        if i:
            p = cell.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        if line:
            _font(p.add_run(line), "宋体", size, bold)
    cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER


def _table(doc, g: Grid) -> None:
    from docx.oxml import OxmlElement
    from docx.shared import Cm

    t = doc.add_table(rows=len(g.rows), cols=g.ncols)
    t.style = "Table Grid"
    t.autofit = False
    t.alignment = 1
    for c, w in enumerate(g.widths):
        t.columns[c].width = Cm(w)
        for cell in t.columns[c].cells:
            cell.width = Cm(w)
    if 0 in g.bold_rows:  # a bold first row repeats on every page
        t.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for r0, c0, r1, c1 in g.merges:
        t.cell(r0, c0).merge(t.cell(r1, c1))
    for ri, ci, v in g.visible():
        text = text_of(v)
        left = (ci in g.left_cols and not isinstance(v, N)) or len(text) > 40
        _fill_cell(t.cell(ri, ci), text, g.font_size, left, ri in g.bold_rows)


def write_docx(blocks: list[tuple], path: Path, landscape: bool = False) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    doc = Document()
    sec = doc.sections[0]
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    else:
        sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.0)
    sec.top_margin, sec.bottom_margin = Cm(2.3), Cm(2.0)
    props = doc.core_properties
    props.author = props.last_modified_by = "Administrator"
    props.created = props.modified = datetime(2025, 3, 1, 9, 0, 0)
    props.revision = 1
    for blk in blocks:
        if blk[0] == "table":
            _table(doc, blk[1])
        elif blk[0] == "pagebreak":
            doc.add_page_break()
        else:
            _paragraph(doc, blk[0], blk[1])
    buf = io.BytesIO()
    doc.save(buf)
    write_normalized_zip(buf.getvalue(), path)


# --------------------------------------------------------------------------------------------- xlsx


def _xlsx_value(cell, v) -> None:
    if isinstance(v, N):
        value = v.value / 100 if "%" in v.fmt else v.value
        cell.value = int(value) if v.fmt == "0" else float(value)  # openpyxl stores numbers as floats
        cell.number_format = v.fmt
    elif v not in (None, ""):
        cell.value = v
        cell.data_type = "s"  # '=0次' is text typed after an apostrophe, not a formula


def _row_heights(g: Grid, widths: list[float]) -> list[float]:
    """Row heights (points) that fit wrapped text: a CJK character takes about two width units."""
    spans = {(r0, c0): (r1 - r0 + 1, sum(widths[c0:c1 + 1])) for r0, c0, r1, c1 in g.merges}
    heights = []
    for ri, row in enumerate(g.rows):
        lines = 1
        for ci, v in enumerate(row):
            nrows, width = spans.get((ri, ci), (1, widths[ci]))
            text = text_of(v)
            units = sum(2 if ord(ch) > 0x2E80 else 1.1 for ch in text)
            need = -(-int(units) // max(int(width) - 1, 1))  # ceil
            lines = max(lines, -(-need // nrows) + text.count("\n"))
        heights.append(13.5 * lines + 3)
    return heights


def write_sheet(ws, parts: list[tuple], widths: list[float]) -> None:
    """Lay blocks on one sheet: titles merged across the grid width, tables with borders and merges."""
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ncols = len(widths)
    row = 1
    for blk in parts:
        kind = blk[0]
        if kind == "table":
            g: Grid = blk[1]
            covered = g.covered()
            for ri, cells in enumerate(g.rows):
                for ci, v in enumerate(cells):
                    c = ws.cell(row + ri, ci + 1)
                    c.border = border
                    left = ci in g.left_cols and not isinstance(v, N)
                    c.alignment = Alignment(horizontal="left" if left else "center", vertical="center", wrap_text=True)
                    c.font = Font(name="宋体", size=10, bold=ri in g.bold_rows)
                    if (ri, ci) not in covered:
                        _xlsx_value(c, v)
            for r0, c0, r1, c1 in g.merges:
                ws.merge_cells(start_row=row + r0, start_column=c0 + 1, end_row=row + r1, end_column=c1 + 1)
            for ri, h in enumerate(_row_heights(g, widths)):
                ws.row_dimensions[row + ri].height = h
            row += len(g.rows)
            continue
        c = ws.cell(row, 1, blk[1])
        if kind in ("title", "caption", "subtitle"):
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
            c.alignment = Alignment(horizontal="center", vertical="center")
            c.font = Font(name="宋体", size=16 if kind != "subtitle" else 11, bold=kind != "subtitle")
            ws.row_dimensions[row].height = 28 if kind != "subtitle" else 18
        elif kind in ("small", "p_left", "label"):
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
            c.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
            c.font = Font(name="宋体", size=10)
            ws.row_dimensions[row].height = 15 * (1 + len(str(blk[1])) // 90)
        row += 1
    for ci, w in enumerate(widths):
        ws.column_dimensions[get_column_letter(ci + 1)].width = w


def write_xlsx(sheets: list[tuple[str, list[tuple], list[float]]], path: Path) -> None:
    """sheets: (sheet name, blocks, column widths in Excel units)."""
    from openpyxl import Workbook

    wb = Workbook()
    for i, (name, parts, widths) in enumerate(sheets):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = name
        write_sheet(ws, parts, widths)
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    wb.properties.creator = wb.properties.lastModifiedBy = "Administrator"
    wb.properties.created = wb.properties.modified = datetime(2025, 3, 1, 9, 0, 0)
    buf = io.BytesIO()
    wb.save(buf)
    write_normalized_zip(buf.getvalue(), path)


# --------------------------------------------------------------------------------------------- text


def text_rows(g: Grid) -> list[str]:
    """Seed-000 layout: one line per row, cells joined by tabs, an empty cell for every merged-over position."""
    covered = g.covered()
    return ["\t".join("" if (ri, ci) in covered else text_of(v).replace("\n", " ") for ci, v in enumerate(row))
            for ri, row in enumerate(g.rows)]


def write_text(blocks: list[tuple], path: Path, encoding: str = "utf-8") -> None:
    """Paragraphs separated by blank lines, tables as tab-separated rows (a PDF-to-text export)."""
    out: list[str] = []
    for blk in blocks:
        if blk[0] == "table":
            out += [*text_rows(blk[1]), ""]
        elif blk[0] == "pagebreak":
            out.append("")
        elif blk[0] == "raw":
            out.append(blk[1])
        else:
            out += [blk[1], ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\n".join(out).rstrip("\n") + "\n").encode(encoding))


def plain_text(blocks: list[tuple]) -> str:
    """All text of a block list, tables row by row (for checks that figures appear in a document)."""
    lines = []
    for blk in blocks:
        if blk[0] == "table":
            lines += text_rows(blk[1])
        elif blk[0] != "pagebreak":
            lines.append(blk[1])
    return "\n".join(lines)
