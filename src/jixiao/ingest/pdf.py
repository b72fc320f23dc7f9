"""PDF backend: ruled tables and paragraphs from the text layer; pages without one go through OCR.

Work is bounded per page before pdfminer parses it: a page whose content streams decode to more
than `pdf_page_bytes` or show text more than `pdf_page_texts` times is skipped, a page that cannot
be parsed is skipped, pages after the `read_seconds` deadline are skipped; each skip marks the
document partial.  A file with a damaged cross-reference table is read by pdfminer's object scan
and marked partial too.
"""

from __future__ import annotations

import logging
import time
import zlib
from bisect import bisect_right

import pdfplumber
from pdfminer.pdfdocument import PDFXRefFallback
from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, resolve1
from pdfplumber.page import Page
from pdfplumber.table import Table as PlumberTable

from jixiao.errors import CORRUPT, InputError, describe
from jixiao.ingest.document import Block, Cell, SourceDocument, Table
from jixiao.ingest.layout import interleave, join_lines
from jixiao.ingest.limits import Limits, current
from jixiao.ingest.source import Source
from jixiao.lazyre import lazy

MIN_TEXT_CHARS = 10  # fewer real characters than this and the page is treated as a scan
OCR_DPI = 200
MAX_RENDER_SIDE = 4000  # px: a page with an absurd MediaBox is rendered no larger than this
EDGE_TOLERANCE = 2.0
MAX_EDGES = 2000  # ruling lines on one page beyond which no table is looked for (finding is quadratic)
_TEXT_SHOWING = lazy(rb"T[jJ]\b|[\'\"](?=\s)")
log = logging.getLogger("jixiao")


def read(source: Source, limits: Limits | None = None) -> SourceDocument:
    """Read a PDF: text pages directly, scanned pages through OCR, within the page, size and time bounds."""
    src, limits = Source.of(source), limits or current()
    try:
        pdf = pdfplumber.open(src.openable())
        pages = pdf.pages
    except Exception as e:  # pdfminer raises many unrelated types on damaged input
        log.debug("pdfplumber could not open %s", src.name, exc_info=True)
        raise InputError(src.name, describe(e)) from None
    with pdf:
        n_pages = len(pages)
        if n_pages > limits.pdf_pages:
            raise InputError(src.name, f"PDF 页数过多（{n_pages} 页，上限 {limits.pdf_pages} 页）")
        if n_pages == 0:
            raise InputError(src.name, f"{CORRUPT}：PDF 中找不到任何页面")
        doc = SourceDocument(src.name, "pdf", pages=n_pages)
        if any(isinstance(x, PDFXRefFallback) for x in pdf.doc.xrefs):
            doc.note_partial("PDF 的交叉引用表已损坏，内容按对象逐一恢复，可能有缺失")
        _read_pages(src, pages, doc, limits)
    return doc


def _read_pages(src: Source, pages: list[Page], doc: SourceDocument, limits: Limits) -> None:
    deadline = time.monotonic() + limits.read_seconds
    failed = 0
    for number, page in enumerate(pages, start=1):
        if time.monotonic() > deadline:
            doc.note_partial(f"读取超时：{limits.read_seconds:.0f} 秒内只读完 {number - 1}/{len(pages)} 页，其余页已跳过")
            break
        try:
            doc.blocks.extend(_bounded_page(src, page, number, doc, limits))
        except InputError:
            raise
        except Exception:  # a damaged content stream surfaces only when the page is parsed
            log.debug("page %d of %s could not be parsed", number, src.name, exc_info=True)
            failed += 1
            doc.note_partial(f"第 {number} 页已损坏，已跳过")
        finally:
            page.close()  # drop the page's parsed objects: memory stays flat on long files
    if failed == len(pages):
        raise InputError(src.name, f"{CORRUPT}：所有页面都无法解析")


def _bounded_page(src: Source, page: Page, number: int, doc: SourceDocument, limits: Limits) -> list[Block]:
    size, texts = _content_weight(page, limits.pdf_page_bytes)
    if size > limits.pdf_page_bytes or texts > limits.pdf_page_texts:
        doc.note_partial(f"第 {number} 页内容过多（疑似恶意构造），已跳过")
        return []
    if _is_scanned(page):
        return _ocr(src, page, number)
    if len(page.edges) > MAX_EDGES:
        doc.note_partial(f"第 {number} 页线条过多，未识别其中的表格")
        return _text_page(page, number, find_tables=False)
    return _text_page(page, number)


def _content_weight(page: Page, cap: int) -> tuple[int, int]:
    """Decoded bytes of the page's content streams (counted up to `cap` + 1) and text-showing operators."""
    size = texts = 0
    for ref in page.page_obj.contents:
        stream = resolve1(ref)
        if not isinstance(stream, PDFStream):
            continue
        data = stream.data if stream.data is not None else _decoded_head(stream, cap + 1 - size)
        size += len(data)
        texts += len(_TEXT_SHOWING.findall(data))
        if size > cap:
            break
    return size, texts


def _decoded_head(stream: PDFStream, limit: int) -> bytes:
    """At most `limit` decoded bytes of a content stream, without decoding all of a bomb."""
    raw = stream.rawdata or b""
    if stream.decipher is not None or not stream.get_filters():
        return raw[: max(limit, 0)]
    first, _ = stream.get_filters()[0]
    if first not in LITERALS_FLATE_DECODE:
        return raw[: max(limit, 0)]
    try:
        return zlib.decompressobj().decompress(raw, max(limit, 1))
    except zlib.error:
        return raw[: max(limit, 0)]


def _is_scanned(page: Page) -> bool:
    real = sum(1 for c in page.chars if c["text"].strip() and not c["text"].startswith("(cid:"))
    return real < MIN_TEXT_CHARS and bool(page.images)


def _ocr(src: Source, page: Page, number: int) -> list[Block]:
    import pypdfium2

    from jixiao.ingest.ocr import ocr_page

    pdf = pypdfium2.PdfDocument(src.path if src.path is not None else src.data)
    try:
        pdf_page = pdf[number - 1]
        width, height = pdf_page.get_size()
        scale = min(OCR_DPI / 72, MAX_RENDER_SIDE / max(width, height, 1))
        image = pdf_page.render(scale=scale, grayscale=True).to_pil()
    finally:
        pdf.close()
    return ocr_page(image, number)


def _text_page(page: Page, number: int, find_tables: bool = True) -> list[Block]:
    """Tables and the paragraphs around them, top to bottom."""
    tables = page.find_tables() if find_tables else []
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
    """The index of the edge nearest to `value` (edges are sorted)."""
    i = bisect_right(edges, value)
    return min((j for j in (i - 1, i) if 0 <= j < len(edges)), key=lambda j: abs(edges[j] - value))


def _cell_text(chars: list[dict]) -> str:
    if not chars:
        return ""
    text = pdfplumber.utils.extract_text(chars, x_tolerance=1.5)
    return join_lines([line.strip() for line in text.splitlines() if line.strip()])
