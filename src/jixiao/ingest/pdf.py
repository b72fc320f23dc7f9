"""PDF backend: ruled tables and paragraphs from the text layer; pages without one go through OCR."""

from __future__ import annotations

import time
from bisect import bisect_right
from pathlib import Path

import pdfplumber
from pdfplumber.page import Page
from pdfplumber.table import Table as PlumberTable

from jixiao.errors import InputError
from jixiao.ingest.document import Block, Cell, SourceDocument, Table
from jixiao.ingest.layout import interleave, join_lines
from jixiao.ingest.safety import CORRUPT

MAX_PAGES = 500
TIME_LIMIT_S = 1800.0
MIN_TEXT_CHARS = 10  # fewer real characters than this and the page is treated as a scan
OCR_DPI = 200
EDGE_TOLERANCE = 2.0


def read(path: Path) -> SourceDocument:
    """Read a PDF: text pages directly, scanned pages through OCR, with a page and time bound."""
    try:
        pdf = pdfplumber.open(path)
    except Exception as e:  # pdfminer raises many unrelated types on damaged input
        raise InputError(str(path), _open_error(e)) from None
    with pdf:
        n_pages = len(pdf.pages)
        if n_pages > MAX_PAGES:
            raise InputError(str(path), f"PDF 页数过多（{n_pages} 页，上限 {MAX_PAGES} 页）")
        doc = SourceDocument(str(path), "pdf", pages=n_pages)
        deadline = time.monotonic() + TIME_LIMIT_S
        for number, page in enumerate(pdf.pages, start=1):
            if time.monotonic() > deadline:
                raise InputError(str(path), f"读取超时：{TIME_LIMIT_S:.0f} 秒内只读完 {number - 1}/{n_pages} 页")
            doc.blocks.extend(_page_blocks(path, page, number))
            page.close()  # drop the page's parsed objects: memory stays flat on long files
    return doc


def _open_error(e: Exception) -> str:
    """pdfplumber wraps pdfminer's errors: a password error inside means an encrypted file."""
    names = [type(x).__name__ for x in (e, *e.args)]
    if any("Password" in n or "Encryption" in n for n in names):
        return "PDF 已加密，请先取消密码保护（或提供未加密的版本）"
    return CORRUPT


def _page_blocks(path: Path, page: Page, number: int) -> list[Block]:
    try:
        if _is_scanned(page):
            return _ocr(path, page, number)
        return _text_page(page, number)
    except InputError:
        raise
    except Exception:  # a damaged content stream surfaces only when the page is parsed
        raise InputError(str(path), f"{CORRUPT}（第 {number} 页无法解析）") from None


def _is_scanned(page: Page) -> bool:
    real = sum(1 for c in page.chars if c["text"].strip() and not c["text"].startswith("(cid:"))
    return real < MIN_TEXT_CHARS and bool(page.images)


def _ocr(path: Path, page: Page, number: int) -> list[Block]:
    import pypdfium2

    from jixiao.ingest.ocr import ocr_page

    pdf = pypdfium2.PdfDocument(path)
    try:
        image = pdf[number - 1].render(scale=OCR_DPI / 72, grayscale=True).to_pil()
    finally:
        pdf.close()
    return ocr_page(image, number)


def _text_page(page: Page, number: int) -> list[Block]:
    """Tables and the paragraphs around them, top to bottom."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    lines = outside.extract_text_lines(strip=True)
    tops = [(t.bbox[1], _table(page, t, number)) for t in tables]
    return interleave([line for line in lines if line["text"]], tops, lines, number)


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _table(page: Page, table: PlumberTable, number: int) -> Table:
    """Cells with spans found by placing each cell box on the table's unique x and y edges."""
    xs = _edges([x for c in table.cells for x in (c[0], c[2])])
    ys = _edges([y for c in table.cells for y in (c[1], c[3])])
    spans = {}
    for x0, top, x1, bottom in table.cells:
        r0, c0 = _index(ys, top), _index(xs, x0)
        spans[(r0, c0)] = (max(_index(ys, bottom) - r0, 1), max(_index(xs, x1) - c0, 1))
    chars = _chars_by_cell(page, table.bbox, xs, ys, spans)
    return Table([Cell(_cell_text(chars[key]), *key, *spans[key]) for key in sorted(spans)], number)


def _chars_by_cell(page: Page, bbox: tuple, xs: list[float], ys: list[float], spans: dict) -> dict:
    """The page's characters inside the table, by the (row, col) of the cell holding their centre."""
    owner = {
        (r, c): key
        for key, (rs, cs) in spans.items()
        for r in range(key[0], key[0] + rs)
        for c in range(key[1], key[1] + cs)
    }
    out: dict[tuple[int, int], list[dict]] = {key: [] for key in spans}
    x0, top, x1, bottom = bbox
    for ch in page.chars:
        cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        key = owner.get((bisect_right(ys, cy) - 1, bisect_right(xs, cx) - 1))
        if key is not None and x0 <= cx <= x1 and top <= cy <= bottom:
            out[key].append(ch)
    return out


def _edges(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > EDGE_TOLERANCE:
            out.append(v)
    return out


def _index(edges: list[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def _cell_text(chars: list[dict]) -> str:
    if not chars:
        return ""
    text = pdfplumber.utils.extract_text(chars, x_tolerance=1.5)
    return join_lines([line.strip() for line in text.splitlines() if line.strip()])
