"""The files of one synthetic report: the Word document the renderer writes (with the text edits of
its faults and its number style), the text copy in either seed table layout, the 自评表 alone as an
Excel form, the PDF (LibreOffice) and a scan of it (page images with mild noise, image only)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from random import Random

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from jixiao.compose import forms
from jixiao.compose.grid import Grid
from jixiao.compose.outline import Plan
from jixiao.model import Report
from jixiao.synth.variants import ocr_noise

FIXED_TIME = datetime(2025, 3, 1, 9, 0, 0)
TEXT_LAYOUTS = ("rows", "cells")
"""The seeds' text exports: a table row per line with tab-separated cells, or one cell per line."""


def edit_docx(path: Path, edits: list[tuple[str, str]], style: Callable[[str], str]) -> list[str]:
    """Make each edit (old → new) in the first body paragraph holding `old`, then restyle every text run;
    returns the edits that found nothing."""
    doc = Document(str(path))
    missed = [old for old, new in edits if not _replace(doc.paragraphs, old, new)]
    for t in doc.element.body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"):
        if t.text:
            t.text = style(t.text)
    buffer = io.BytesIO()
    doc.save(buffer)
    path.write_bytes(_fixed_zip(buffer.getvalue()))
    return missed


def _fixed_zip(data: bytes) -> bytes:
    """The same package with every member, and its save time, dated FIXED_TIME: the same report gives the same bytes."""
    out = io.BytesIO()
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = source.read(info)
            if info.filename == "docProps/core.xml":
                member = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", lambda m: m.group(1) + stamp, member)
            target.writestr(zipfile.ZipInfo(info.filename, FIXED_TIME.timetuple()[:6]), member, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _replace(paragraphs: list[Paragraph], old: str, new: str) -> bool:
    for p in paragraphs:
        if old in p.text and p.runs:
            text = "".join(r.text for r in p.runs).replace(old, new, 1)
            p.runs[0].text = text
            for r in p.runs[1:]:
                r.text = ""
            return True
    return False


def _blocks(doc):
    """Body paragraphs and tables in document order."""
    for child in doc.element.body.iterchildren():
        if child.tag.endswith("}p"):
            yield Paragraph(child, doc)
        elif child.tag.endswith("}tbl"):
            yield Table(child, doc)


def _rows(table: Table) -> list[list[str]]:
    """Each row's cells as a text export lists them: a cell spanning columns once, a cell continued
    from the row above blank."""
    out = []
    for row in table.rows:
        cells, last = [], None
        for cell in row.cells:
            if cell._tc is last:
                continue
            last = cell._tc
            cells.append(cell.text if cell._tc.getparent() is row._tr else "")
        out.append(cells)
    return out


def text_copy(docx: Path, target: Path, layout: str, rng: Random, encoding: str) -> None:
    """The document as a text export: paragraphs as lines, tables in `layout`, mild OCR noise in prose."""
    doc = Document(str(docx))
    lines: list[str] = []
    for block in _blocks(doc):
        if isinstance(block, Paragraph):
            lines.append(ocr_noise(block.text, rng))
            continue
        for cells in _rows(block):
            if layout == "rows":
                lines.append("\t".join(c.replace("\n", "") for c in cells).rstrip("\t"))
            else:
                lines += [f"\t{c}" for c in cells] + [""]
    target.write_bytes(("\n".join(lines) + "\n").encode(encoding))


def form_grids(plan: Plan, part: Report) -> list[Grid]:
    """The 自评表 (or 项目支出绩效自评表) of one form: its head and its indicator table."""
    name = "project" if plan.family == "project" else "self_evaluation"
    layout = plan.form(name)
    scored = plan.profile.execution.rule == "proportional"
    head = forms.project_head(part, scored) if name == "project" else forms.self_eval_head(part, scored)
    return [head, forms.indicator_grid(part, layout, part.budget.execution_weight if scored else None)]


def form_workbook(plan: Plan, parts: list[Report], target: Path) -> None:
    """The 自评表 filed alone as a workbook: one sheet per form, merged cells as in the document."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    book = Workbook()
    book.remove(book.active)
    name = "project" if plan.family == "project" else "self_evaluation"
    layout = plan.form(name)
    for k, part in enumerate(parts):
        sheet = book.create_sheet(f"自评表{k + 1}" if len(parts) > 1 else "自评表")
        unit, year = part.unit.name or "", part.unit.year or ""
        for line in (layout.caption, layout.subtitle, layout.unit_line):  # as the document prints them above the form
            if line:
                sheet.append([line.format(unit=unit, year=year)])
        row0 = sheet.max_row
        for grid in form_grids(plan, part):
            top = sheet.max_row
            for cells in grid.rows:
                sheet.append(cells)
            for r0, c0, r1, c1 in grid.merges:
                sheet.merge_cells(start_row=top + r0 + 1, start_column=c0 + 1, end_row=top + r1 + 1, end_column=c1 + 1)
        for row in sheet.iter_rows(min_row=row0 + 1):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="center")
    book.properties.created = book.properties.modified = FIXED_TIME  # same bytes for the same report
    buffer = io.BytesIO()
    book.save(buffer)
    target.write_bytes(_fixed_zip(buffer.getvalue()))


def pdf_copy(docx: Path, target: Path) -> None:
    """The document as PDF by LibreOffice (with the Noto fallback of fonts this machine lacks)."""
    from jixiao.compose.report import to_pdf

    made = to_pdf(docx)
    if made != target:
        made.replace(target)


def scan_copy(pdf: Path, target: Path, seed: int, dpi: int = 150) -> None:
    """An image-only PDF of `pdf`: each page rendered in grey, slightly turned, with paper tone and
    faint noise — what a clean office scanner gives."""
    import time
    from datetime import UTC, datetime

    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image

    rng = np.random.default_rng(seed)
    doc = pdfium.PdfDocument(str(pdf))
    try:
        pages = [doc[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for i in range(len(doc))]
    finally:
        doc.close()
    out = []
    for page in pages:
        page = page.rotate(float(rng.uniform(-0.6, 0.6)), resample=Image.Resampling.BICUBIC, fillcolor=255)
        a = np.asarray(page, dtype=np.float32) * 0.92 + 10 + rng.normal(0, 3.5, (page.height, page.width))
        out.append(Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L"))
    when = time.gmtime(datetime(2025, 3, 1, 9, 0, 0, tzinfo=UTC).timestamp())
    out[0].save(target, "PDF", resolution=dpi, save_all=True, append_images=out[1:], quality=60, creationDate=when, modDate=when, producer="Scanner")
