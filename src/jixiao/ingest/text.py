"""Plain text and Markdown reports, in the two table layouts text exports of Word forms have.

Layout "rows": one table row per line, cells separated by tabs (empty cells keep their tabs).
Layout "cells": one cell per tab-indented line, a cell's further lines not indented, a blank line
between rows.  Markdown pipe tables and `#` headings are read too.  A sentence cut by a page
break (a prose line that stops mid-sentence, a blank line, then its continuation) is re-joined.
Every pattern here runs in time linear in the line it reads, whatever the line holds.
"""

from __future__ import annotations

import re

from jixiao.errors import InputError
from jixiao.ingest.document import Block, SourceDocument, Table
from jixiao.ingest.limits import MB, Limits, current
from jixiao.ingest.source import Source
from jixiao.lazyre import lazy

# Non-space, spaces without a tab, then a tab: the first tab ends the ambiguity, so no backtracking.
_INTERNAL_TAB = lazy(r"[^\t\s][^\S\t]*\t\s*[^\t\s]")
_PIPE_ROW = lazy(r"^\s*\|.*\|\s*$")
_PIPE_RULE = lazy(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_HEADING = lazy(r"^(#{1,6})\s+(.*)$", re.DOTALL)
_HEADING_START = lazy(r"^\s*([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d)|[①-⑳]|附件)")
_EXPORT_NOISE = lazy(r"\[bookmark: [^\[\]\n]{0,255}\]")  # anchors left by Word-to-text converters
_SENTENCE_END = tuple("。！？；：!?;:…”」）)】》")
_PROSE_MARK = lazy(r"[，、；,]")


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


def read(source: Source, limits: Limits | None = None) -> SourceDocument:
    """Read a .txt/.md report into the intermediate document."""
    src, limits = Source.of(source), limits or current()
    size = src.size()
    if size > limits.text_bytes:
        raise InputError(src.name, f"文本文件过大（{size // MB} MB，上限 {limits.text_bytes // MB} MB）")
    text = decode(src.read_bytes(), src.name)
    if not text.strip():
        raise InputError(src.name, "文件没有任何文字内容")
    lines = _EXPORT_NOISE.sub("", text).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n").split("\n")
    blocks = join_cut_sentences(parse_lines(lines, limits.table_cols))
    fmt = "markdown" if src.suffix in (".md", ".markdown") else "text"
    return SourceDocument(src.name, fmt, blocks)


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


def parse_lines(lines: list[str], max_cols: int = 256) -> list[Block]:
    """Blocks from lines: tables in either layout, pipe tables, headings and paragraphs.

    A row keeps at most `max_cols` + 1 cells (the last holding the rest), so that a line of many
    thousand tabs costs no more than a normal row; the table limits then drop the surplus column.
    """
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
            pending.append(_cells_row(chunk)[: max_cols + 1])
        elif layout in ("rows", "pipe"):
            for kind, item in _rows_chunk(chunk, layout, max_cols):
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
    cells: list[list[str]] = []
    for line in chunk:
        if line.startswith("\t") or not cells:
            cells.append([line[1:] if line.startswith("\t") else line])
        else:
            cells[-1].append(line)
    return ["\n".join(c).strip() for c in cells]


def _rows_chunk(chunk: list[str], layout: str, max_cols: int):
    """Layout "rows" or pipe: each tabbed line a row; an untabbed line is a paragraph between tables."""
    for line in chunk:
        if layout == "pipe" and _PIPE_ROW.match(line):
            if not _PIPE_RULE.match(line):
                yield "row", [c.strip() for c in line.strip().strip("|").split("|", max_cols)]
        elif layout == "rows" and "\t" in line.rstrip():
            yield "row", [c.strip() for c in line.split("\t", max_cols)]
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
        m = _MD_HEADING.match(text) if text.startswith("#") else None
        if m:
            title = m.group(2).rstrip().rstrip("#").rstrip()  # "## 标题 ##" → "标题"
            blocks.append(Block("heading", text=title, level=len(m.group(1))))
        else:
            blocks.append(Block("paragraph", text=text))
    return blocks


class _Run:
    """A paragraph being re-joined from pieces, with what `_continues` needs kept up to date, so
    that joining many pieces costs time linear in their total length."""

    def __init__(self, block: Block):
        self.block = block
        self.parts = [block.text]
        self.length = len(block.text)
        self.marked = bool(_PROSE_MARK.search(block.text))

    def continues_with(self, nxt: Block) -> bool:
        """True when the run stops mid-sentence and `nxt` continues it (a page break in between)."""
        if self.block.kind != "paragraph" or nxt.kind != "paragraph":
            return False
        last = self.parts[-1].rstrip()
        length = self.length - (len(self.parts[-1]) - len(last))
        if length < 15 or not self.marked or last.endswith(_SENTENCE_END):
            return False
        if length < 30 and _HEADING_START.match("".join(self.parts)):
            return False
        b = nxt.text.lstrip()
        return bool(b) and not _HEADING_START.match(b) and not b.startswith(("附件", "注", "说明"))

    def add(self, nxt: Block) -> None:
        last = self.parts[-1].rstrip()
        self.length -= len(self.parts[-1]) - len(last)
        self.parts[-1] = last
        text = nxt.text.lstrip()
        self.parts.append(text)
        self.length += len(text)
        self.marked = self.marked or bool(_PROSE_MARK.search(text))

    def result(self) -> Block:
        if len(self.parts) == 1:
            return self.block
        return Block("paragraph", text="".join(self.parts), page=self.block.page)


def join_cut_sentences(blocks: list[Block]) -> list[Block]:
    """Re-join paragraphs that a page break cut in the middle of a sentence."""
    out: list[Block] = []
    run: _Run | None = None
    for block in blocks:
        if run is not None and run.continues_with(block):
            run.add(block)
            continue
        if run is not None:
            out.append(run.result())
        run = _Run(block)
    if run is not None:
        out.append(run.result())
    return out
