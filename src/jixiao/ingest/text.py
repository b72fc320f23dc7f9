"""Plain text and Markdown reports, in the two table layouts text exports of Word forms have.

Layout "rows": one table row per line, cells separated by tabs (empty cells keep their tabs).
Layout "cells": one cell per tab-indented line, a cell's further lines not indented, a blank line
between rows.  Markdown pipe tables and `#` headings are read too.  A sentence cut by a page
break (a prose line that stops mid-sentence, a blank line, then its continuation) is re-joined.
"""

from __future__ import annotations

import re
from pathlib import Path

from jixiao.errors import InputError
from jixiao.ingest.document import Block, SourceDocument, Table

MAX_BYTES = 64 * 1024 * 1024
_INTERNAL_TAB = re.compile(r"[^\t\s]\s*\t+\s*[^\t\s]")
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_HEADING_START = re.compile(r"^\s*([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d)|[①-⑳]|附件)")
_EXPORT_NOISE = re.compile(r"\[bookmark: [^\]]*\]")  # anchors left by Word-to-text converters
_SENTENCE_END = tuple("。！？；：!?;:…”」）)】》")
_PROSE_MARK = re.compile(r"[，、；,]")


def decode(raw: bytes, path: str) -> str:
    """Bytes → text: BOM first, then strict UTF-8, then GB18030 (a superset of GBK), then UTF-16."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            return raw.decode(codec, errors="replace")
    if b"\x00" in raw[:4096]:
        codec = "utf-16-le" if raw[1:4096:2].count(0) > raw[0:4096:2].count(0) else "utf-16-be"
        return raw.decode(codec, errors="replace")
    for codec in ("utf-8", "gb18030"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    raise InputError(path, "无法识别文本编码（已尝试 UTF-8、GB18030/GBK、UTF-16）")


def read(path: Path) -> SourceDocument:
    """Read a .txt/.md report into the intermediate document."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(str(path), f"文本文件过大（{size // 1024 // 1024} MB，上限 64 MB）")
    text = decode(path.read_bytes(), str(path))
    if not text.strip():
        raise InputError(str(path), "文件没有任何文字内容")
    lines = _EXPORT_NOISE.sub("", text).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n").split("\n")
    blocks = join_cut_sentences(parse_lines(lines))
    fmt = "markdown" if path.suffix.lower() in (".md", ".markdown") else "text"
    return SourceDocument(str(path), fmt, blocks)


def _is_blank(line: str) -> bool:
    return "\t" not in line and not line.strip()


def _chunks(lines: list[str]) -> list[list[str]]:
    """Runs of non-blank lines; a blank line ends a run, and so does prose before a cell row."""
    chunks: list[list[str]] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if _is_blank(line):
            chunks.extend(_split_prose_head(current))
            current = []
        else:
            current.append(line)
    return chunks


def _split_prose_head(chunk: list[str]) -> list[list[str]]:
    """Untabbed lines right before a layout-"cells" row (no blank line between) are their own chunk."""
    if not chunk or chunk[0].startswith("\t") or any(_INTERNAL_TAB.search(x) for x in chunk):
        return [chunk] if chunk else []
    first_cell = next((i for i, x in enumerate(chunk) if x.startswith("\t")), None)
    if first_cell is None:
        return [chunk]
    return [chunk[:first_cell], chunk[first_cell:]]


def parse_lines(lines: list[str]) -> list[Block]:
    """Blocks from lines: tables in either layout, pipe tables, headings and paragraphs."""
    blocks: list[Block] = []
    pending: list[list[str]] = []  # rows of the table being built
    pending_layout = ""

    def flush() -> None:
        nonlocal pending, pending_layout
        if pending:
            blocks.extend(_table_or_paragraphs(pending))
        pending, pending_layout = [], ""

    for chunk in _chunks(lines):
        layout = _chunk_layout(chunk)
        if layout != pending_layout or layout == "prose":
            flush()
        if layout == "cells":
            pending.append(_cells_row(chunk))
        elif layout in ("rows", "pipe"):
            for kind, item in _rows_chunk(chunk, layout):
                if kind == "row":
                    pending.append(item)
                else:
                    flush()
                    blocks.append(item)
        else:
            blocks.extend(_prose_blocks(chunk))
        pending_layout = layout if layout != "prose" else ""
    flush()
    return blocks


def _chunk_layout(chunk: list[str]) -> str:
    if any(_INTERNAL_TAB.search(line) for line in chunk):
        return "rows"
    if any(_PIPE_ROW.match(line) for line in chunk):
        return "pipe"
    if chunk[0].startswith("\t"):
        return "cells"
    return "prose"


def _cells_row(chunk: list[str]) -> list[str]:
    """One row of layout "cells": a tab starts a cell, an unindented line continues it."""
    cells: list[str] = []
    for line in chunk:
        if line.startswith("\t") or not cells:
            cells.append(line[1:] if line.startswith("\t") else line)
        else:
            cells[-1] += "\n" + line
    return [c.strip() for c in cells]


def _rows_chunk(chunk: list[str], layout: str):
    """Layout "rows" or pipe: each tabbed line a row; an untabbed line is a paragraph between tables."""
    for line in chunk:
        if layout == "pipe" and _PIPE_ROW.match(line):
            if not _PIPE_RULE.match(line):
                yield "row", [c.strip() for c in line.strip().strip("|").split("|")]
        elif layout == "rows" and "\t" in line.rstrip():
            yield "row", [c.strip() for c in line.split("\t")]
        else:
            yield from (("block", b) for b in _prose_blocks([line]))


def _table_or_paragraphs(rows: list[list[str]]) -> list[Block]:
    """A table, unless no row has two cells (then the 'table' was tab-indented prose)."""
    if any(sum(1 for c in row if c) >= 2 for row in rows) or (len(rows) > 1 and max(map(len, rows)) >= 2):
        return [Block("table", table=Table.from_rows(rows))]
    return [Block("paragraph", text=c) for row in rows for c in row if c]


def _prose_blocks(chunk: list[str]) -> list[Block]:
    blocks = []
    for line in chunk:
        text = line.strip()
        if not text:
            continue
        m = _MD_HEADING.match(text)
        if m:
            blocks.append(Block("heading", text=m.group(2), level=len(m.group(1))))
        else:
            blocks.append(Block("paragraph", text=text))
    return blocks


def _is_cut(prev: Block, nxt: Block) -> bool:
    """True when `prev` stops mid-sentence and `nxt` continues it (a page break in between)."""
    if prev.kind != "paragraph" or nxt.kind != "paragraph":
        return False
    a, b = prev.text.rstrip(), nxt.text.lstrip()
    if len(a) < 15 or not _PROSE_MARK.search(a) or a.endswith(_SENTENCE_END):
        return False
    if _HEADING_START.match(a) and len(a) < 30:
        return False
    return bool(b) and not _HEADING_START.match(b) and not b.startswith(("附件", "注", "说明"))


def join_cut_sentences(blocks: list[Block]) -> list[Block]:
    """Re-join paragraphs that a page break cut in the middle of a sentence."""
    out: list[Block] = []
    for block in blocks:
        if out and _is_cut(out[-1], block):
            out[-1] = Block("paragraph", text=out[-1].text.rstrip() + block.text.lstrip(), page=out[-1].page)
        else:
            out.append(block)
    return out
