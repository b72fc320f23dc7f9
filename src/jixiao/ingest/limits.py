"""Named bounds on the work one input may cause: sizes, pages, sheets, cells, rows, columns, spans.

Every backend checks these before its expensive step, so any file ends in bounded time and memory.
A file beyond a hard bound (file size, page count) is refused; content beyond a soft bound (rows,
columns, sheets, pages that take too long) is dropped and the document is marked partial.

Defaults suit real reports with a wide margin.  Override them for one call with
`read(path, limits=Limits(pdf_pages=1000))`, or for a process with the environment variable
`JIXIAO_LIMITS="pdf_pages=1000,table_rows=100000"`.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, fields, replace
from functools import lru_cache

ENV_VAR = "JIXIAO_LIMITS"
MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on one input file (限额); every field is a count, a size in bytes or a time in seconds."""

    file_bytes: int = 256 * MB
    """Any file larger than this is refused before it is opened."""
    text_bytes: int = 64 * MB
    """A plain-text file larger than this is refused."""
    zip_total_bytes: int = 200 * MB
    """Unpacked size of a .docx/.xlsx package; beyond it the file is treated as a zip bomb."""
    zip_ratio: int = 200
    """Compression ratio of one package member (over 1 MB) beyond which it is treated as a bomb."""
    zip_entries: int = 10_000
    """Members of a package."""
    xml_bytes: int = 64 * MB
    """One XML part parsed whole (the Word body, a workbook or styles part); worksheets are streamed."""
    paragraph_chars: int = 8_000_000
    """A paragraph, line or cell longer than this is cut (the document is marked partial)."""
    field_chars: int = 8_000
    """Characters of a paragraph or cell the extractors look at; the document keeps the whole text."""
    blocks: int = 50_000
    """Paragraphs, headings and tables of one document; later ones are dropped."""
    table_rows: int = 50_000
    """Rows of one table; later rows are dropped."""
    table_cols: int = 256
    """Columns of one table; cells beyond are dropped and spans are clamped to the grid."""
    table_area: int = 300_000
    """Rows × columns of one table's grid; rows beyond the area are dropped."""
    doc_cells: int = 500_000
    """Rows × columns of all tables of one document; later tables are dropped."""
    table_depth: int = 8
    """Tables nested in table cells (Word); deeper tables are dropped."""
    pdf_pages: int = 500
    """Pages of a PDF (or frames of an image); a longer file is refused."""
    pdf_page_bytes: int = 8 * MB
    """Decoded content of one PDF page; a larger page is skipped."""
    pdf_page_texts: int = 50_000
    """Text-showing operators (Tj, TJ) on one PDF page; a page with more is skipped."""
    read_seconds: float = 600.0
    """Time for reading one file's pages; pages after the deadline are skipped."""
    xlsx_sheets: int = 64
    """Worksheets of a workbook; later sheets are dropped."""
    xlsx_cells: int = 300_000
    """Cells read from a workbook, all sheets together; later cells are dropped."""
    xlsx_merges: int = 20_000
    """Merged ranges of one worksheet; later ones are ignored."""
    image_pixels: int = 60_000_000
    """Pixels of one image page (an A4 page at 600 dpi is 35 megapixels)."""

    def with_env(self, spec: str) -> Limits:
        """These limits with `name=value` pairs (comma separated) applied; unknown names are ignored."""
        known = {f.name: f.type for f in fields(self)}
        changes: dict[str, int | float] = {}
        for item in filter(None, (part.strip() for part in spec.split(","))):
            name, _, value = item.partition("=")
            name = name.strip()
            try:
                changes[name] = float(value) if known[name] == "float" else int(value)
            except (KeyError, ValueError):
                logging.getLogger("jixiao").debug("%s: ignored %r", ENV_VAR, item)
        return replace(self, **changes)


@lru_cache(maxsize=8)
def _from_env(spec: str) -> Limits:
    return Limits().with_env(spec)


def current() -> Limits:
    """The limits in force: the defaults with `JIXIAO_LIMITS` applied."""
    return _from_env(os.environ.get(ENV_VAR, ""))
