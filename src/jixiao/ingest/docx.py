"""Word .docx backend: walks word/document.xml with lxml into headings, paragraphs and tables."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field, replace

from lxml import etree

from jixiao.errors import InputError
from jixiao.ingest.document import Block, Cell, SourceDocument, Table
from jixiao.ingest.limits import MB, Limits, current
from jixiao.ingest.safety import open_checked_zip, parse_xml, read_member
from jixiao.ingest.source import Source
from jixiao.lazyre import lazy

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
HEADING_NAME = lazy(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
# Only paragraph styles can make headings; a styles.xml is mostly table and latent styles, so the
# paragraph styles are cut out with their root's namespace declarations before parsing.
STYLES_ROOT = lazy(rb"<((?:\w+:)?)styles\b[^>]*>")
# The body is an unrolled loop that stops at the next style's tag: linear even in damaged XML.
PARAGRAPH_STYLE = rb"<%sstyle\b(?=[^>]*type=[\"']paragraph[\"'])[^<]*(?:<(?!/?%sstyle\b)[^<]*)*</%sstyle>"
# Tags and attributes the walk compares against on every element, built once.
P, TBL, TR, TC, TCPR, T, TAB = W + "p", W + "tbl", W + "tr", W + "tc", W + "tcPr", W + "t", W + "tab"
TRPR = W + "trPr"
RENDERED_BREAK, VAL, TYPE = W + "lastRenderedPageBreak", W + "val", W + "type"
GRID_SPAN, V_MERGE = W + "gridSpan", W + "vMerge"
PPR, P_STYLE, OUTLINE_LVL = W + "pPr", W + "pStyle", W + "outlineLvl"
BR, PAGE_BREAK_BEFORE, TEXT_BOX = W + "br", W + "pageBreakBefore", W + "txbxContent"
BREAK_BEFORE = f"{W}pPr/{PAGE_BREAK_BEFORE}"
# Visible-text elements of a paragraph, walked in document order.
TEXT_TAGS = (T, TAB, BR, W + "cr", RENDERED_BREAK, W + "noBreakHyphen")
# The ones besides `w:t`: a paragraph without any of them is the plain join of its `w:t` texts.
SPECIAL_TAGS = TEXT_TAGS[1:]
WRAPPERS = frozenset(W + t for t in ("sdt", "customXml", "sdtContent", "ins", "moveTo"))
CONTAINERS = WRAPPERS | {MC + "AlternateContent", MC + "Choice", MC + "Fallback"}
# Wrappers a row's cells or a table's rows may sit in.
CELL_WRAPPERS = frozenset((W + "sdt", W + "sdtContent", W + "customXml"))
NO_PROPS = (1, False)  # a cell's grid span and vertical-merge continuation when its `w:tcPr` sets neither


@dataclass(slots=True)
class _State:
    """What the walk carries along: heading styles, text boxes by anchor paragraph, page counting."""

    heading_styles: dict[str, int]
    boxes: dict[etree._Element, list[etree._Element]]
    special: set[etree._Element]  # paragraphs with a tab, break, hyphen or text box (the rest are plain text runs)
    cell_props: dict[etree._Element, tuple[int, bool]]  # by `w:tcPr`: grid span, continues a vertical merge
    texts: dict[etree._Element, list[str]] | None  # `w:t` texts by paragraph, taken as the walk reaches it
    rendered_breaks: bool
    counts_pages: bool
    limits: Limits
    page: int = 1
    depth: int = 0  # tables the walk is inside
    partial: list[str] = field(default_factory=list)


def read(source: Source, limits: Limits | None = None) -> SourceDocument:
    """Read a .docx file (body only; headers and footers are ignored)."""
    src, limits = Source.of(source), limits or current()
    with open_checked_zip(src, limits) as z:
        names = set(z.namelist())
        if "word/document.xml" not in names:
            raise InputError(src.name, "不是 Word 文档：缺少 word/document.xml")
        if z.getinfo("word/document.xml").file_size > limits.xml_bytes:
            raise InputError(src.name, f"Word 文档正文过大（解压后超过 {limits.xml_bytes // MB} MB）")
        body_xml = read_member(z, "word/document.xml", src, limits.xml_bytes)
        heading_styles = _heading_styles(z, src, limits) if "word/styles.xml" in names else {}
    root = parse_xml(body_xml, src)
    alternates = b"AlternateContent" in body_xml
    del body_xml
    body = root.find(W + "body")
    if body is None:
        raise InputError(src.name, "Word 文档缺少正文（w:body）")
    state = _new_state(root, heading_styles, limits, alternates)
    blocks = _blocks(body, state)
    if state.texts:  # a paragraph the walk never reached has text: it may sit inside one that was read without it
        state = replace(state, texts=None, page=1, depth=0, partial=[])
        blocks = _blocks(body, state)
    doc = SourceDocument(src.name, "docx", blocks, pages=state.page if state.counts_pages else None)
    for reason in state.partial:
        doc.note_partial(reason)
    return doc


def _prune(root: etree._Element, alternates: bool) -> tuple[dict[etree._Element, list[etree._Element]], set[etree._Element], list[etree._Element]]:
    """Drop deleted text and unused alternates; detach text boxes, keyed by their anchor paragraph.

    Also returns the paragraphs (in the body or in a text box) that are more than plain text runs, and
    the marks that made them so (text boxes, tabs, breaks, hyphens, page breaks before), in document order.
    `alternates`: whether the XML names `AlternateContent` at all (each pass over the tree costs).
    """
    for el in list(root.iter(W + "del", W + "moveFrom")):
        el.getparent().remove(el)
    for ac in list(root.iter(MC + "AlternateContent")) if alternates else ():
        branches = [c for c in ac if c.tag in (MC + "Choice", MC + "Fallback")]
        for extra in branches[1:]:
            ac.remove(extra)
    special: set[etree._Element] = set()
    found = list(root.iter(TEXT_BOX, *SPECIAL_TAGS, PAGE_BREAK_BEFORE))
    for el in found:
        special.update(el.iterancestors(P))
    boxes: dict[etree._Element, list[etree._Element]] = {}
    for box in (el for el in found if el.tag == TEXT_BOX):
        anchor = next(box.iterancestors(P), None)
        box.getparent().remove(box)
        if anchor is not None:
            boxes.setdefault(anchor, []).append(box)
    return boxes, special, found


def _new_state(root: etree._Element, heading_styles: dict[str, int], limits: Limits, alternates: bool) -> _State:
    boxes, special, marks = _prune(root, alternates)
    # Page breaks count where the body (text boxes aside) has them: rendered ones (Word's own), else explicit ones.
    rendered = any(el.tag == RENDERED_BREAK and _in_body(el) for el in marks)
    explicit = rendered or any(_is_page_break(el) and _in_body(el) for el in marks)
    trees = [root, *(box for found in boxes.values() for box in found)]
    return _State(heading_styles, boxes, special, _cell_props(trees), _paragraph_texts(trees), rendered, explicit, limits)


def _is_page_break(el: etree._Element) -> bool:
    """An explicit page break: a `w:br` of type page, or a paragraph's `w:pageBreakBefore`."""
    return el.tag == PAGE_BREAK_BEFORE or (el.tag == BR and el.get(TYPE) == "page")


def _in_body(el: etree._Element) -> bool:
    """Whether an element is still in the body, not in a detached text box."""
    return next(el.iterancestors(TEXT_BOX), None) is None


def _paragraph_texts(trees: list[etree._Element]) -> dict[etree._Element, list[str]]:
    """Every `w:t` text, in document order, under the paragraph it sits in (its run's parent, as a rule).

    One pass over the texts of the body and text boxes costs far less than a search inside each
    paragraph. A text further down (in a hyperlink, a field, an insertion) goes to its nearest
    paragraph; one inside a paragraph nested in another goes to the inner one, which the walk never
    reaches: the walk then starts over, reading each paragraph's texts itself (`_runs_text`).
    """
    texts: dict[etree._Element, list[str]] = {}
    for tree in trees:
        for t in tree.iter(T):
            p = t.getparent().getparent()
            if p is None or p.tag != P:
                p = next(t.iterancestors(P), None)
            parts = texts.get(p)
            if parts is not None:
                parts.append(t.text or "")
            elif p is not None:
                texts[p] = [t.text or ""]
    return texts


_STYLES_SEEN: dict[tuple[int, int], dict[str, int]] = {}
"""Heading styles by styles.xml, known by its CRC-32 and size: the reports of a batch mostly share a few
Word templates, whose styles.xml (mostly latent and table styles, often 300 KB) need not be inflated again."""


def _heading_styles(z: zipfile.ZipFile, src: Source, limits: Limits) -> dict[str, int]:
    """Style id -> heading level, from the style's id, its name or its outline level (read once per distinct styles.xml)."""
    info = z.getinfo("word/styles.xml")
    key = (info.CRC, info.file_size)
    levels = _STYLES_SEEN.get(key)
    if levels is None:
        if len(_STYLES_SEEN) >= 8:
            _STYLES_SEEN.clear()
        levels = _STYLES_SEEN[key] = _read_heading_styles(read_member(z, "word/styles.xml", src, limits.xml_bytes), src)
    return levels


def _read_heading_styles(styles_xml: bytes, src: Source) -> dict[str, int]:
    root = STYLES_ROOT.search(styles_xml)
    if root is None:
        return {}
    prefix = re.escape(root.group(1))
    kept = b"".join(re.findall(PARAGRAPH_STYLE % (prefix, prefix, prefix), styles_xml))
    styles = parse_xml(root.group(0) + kept + b"</" + root.group(1) + b"styles>", src)
    own: dict[str, int | None] = {}
    based_on: dict[str, str] = {}
    for style in styles.iter(W + "style"):
        sid = style.get(W + "styleId") or ""
        name = style.find(W + "name")
        name = name.get(VAL, "") if name is not None else ""
        own[sid] = _level_from_name(sid) or _level_from_name(name) or _outline_level(style.find(W + "pPr"))
        parent = style.find(W + "basedOn")
        if parent is not None:
            based_on[sid] = parent.get(VAL, "")
    return {sid: level for sid in own if (level := _inherited(sid, own, based_on))}


def _inherited(sid: str, own: dict[str, int | None], based_on: dict[str, str]) -> int | None:
    """A style's heading level, or the one it inherits through `basedOn` (chains are short; loops stop)."""
    for _ in range(10):
        if own.get(sid):
            return own[sid]
        if sid not in based_on:
            return None
        sid = based_on[sid]
    return None


def _level_from_name(name: str) -> int | None:
    m = HEADING_NAME.match(name.strip())
    return int(m.group(1)) if m and m.group(1) != "0" else None


def _outline_level(ppr: etree._Element | None) -> int | None:
    return _level_of(_child(ppr, OUTLINE_LVL) if ppr is not None else None)


def _level_of(el: etree._Element | None) -> int | None:
    """The heading level a `w:outlineLvl` gives (0 is level 1; 9 is body text)."""
    if el is None:
        return None
    level = _small_int(el.get(VAL, ""))
    return level + 1 if level is not None and level < 9 else None


def _blocks(container: etree._Element, state: _State, in_cell: bool = False) -> list[Block]:
    """The blocks of a body, cell or text box, in document order (no headings inside a cell)."""
    out: list[Block] = []
    for child in container:
        out.extend(_block(child, state, in_cell))
    return out


def _block(child: etree._Element, state: _State, in_cell: bool) -> list[Block]:
    tag = child.tag
    if tag == P:
        return _paragraph(child, state, in_cell)
    if tag == TBL:
        return _table(child, state)
    return _blocks(child, state, in_cell) if tag in CONTAINERS else []


def _cell(tc: etree._Element, state: _State, nested: list[Block]) -> tuple[str, tuple[int, bool]]:
    """A cell's text (a line per paragraph with text, text boxes included) and its grid span and
    vertical-merge continuation (from `w:tcPr`); the tables nested in it go to `nested`."""
    lines: list[str] = []
    props = NO_PROPS
    texts, special = state.texts, state.special
    for child in tc:
        tag = child.tag
        if tag == P and child not in special:  # the common case: runs of plain text (as `_plain_text`, inline: once per cell)
            text = "".join(texts.pop(child, ())) if texts is not None else _runs_text(child)
            if text.strip():
                lines.append(text)
        elif tag == TCPR:
            props = state.cell_props.get(child, NO_PROPS)
        else:
            for b in _block(child, state, in_cell=True):
                if b.kind == "table":
                    nested.append(b)
                else:
                    lines.append(b.text)
    return "\n".join(lines), props


def _paragraph(p: etree._Element, state: _State, in_cell: bool) -> list[Block]:
    """The paragraph's own block (if it has text), then the blocks of the text boxes anchored in it."""
    if state.counts_pages and not state.rendered_breaks and p in state.special and p.find(BREAK_BEFORE) is not None:
        state.page += 1
    text, page = _text(p, state)
    page = page if state.counts_pages else None
    blocks = []
    if text.strip():
        blocks.append(Block("paragraph", text, page=page) if in_cell else _para_block(p, text, page, state))
    for box in state.boxes.get(p, ()):
        blocks.extend(_blocks(box, state, in_cell))
    return blocks


def _text(p: etree._Element, state: _State) -> tuple[str, int]:
    """The paragraph's visible text and the page its first text is on, counting page breaks."""
    if p not in state.special:
        return _plain_text(p, state), state.page
    if state.texts is not None:
        state.texts.pop(p, None)  # read below, tag by tag
    parts: list[str] = []
    page = 0
    for el in p.iter(TEXT_TAGS):
        tag = el.tag
        if tag == T:
            if el.text:
                page = page or state.page
                parts.append(el.text)
        elif tag == TAB:
            if el.getparent().tag != W + "tabs":  # not a tab stop definition
                parts.append("\t")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        elif tag == RENDERED_BREAK or el.get(TYPE) == "page":
            state.page += tag == RENDERED_BREAK or not state.rendered_breaks
        else:
            parts.append("\n")
    return "".join(parts), page or state.page


def _plain_text(p: etree._Element, state: _State) -> str:
    """A plain paragraph's text, from the texts gathered for it (or read from the paragraph on the second walk)."""
    if state.texts is None:
        return _runs_text(p)
    return "".join(state.texts.pop(p, ()))


def _runs_text(p: etree._Element) -> str:
    """A plain paragraph's text: its `w:t` texts joined (lxml's `iter` is faster than its `itertext` here)."""
    return "".join([t.text or "" for t in p.iter(T)])


def _para_block(p: etree._Element, text: str, page: int | None, state: _State) -> Block:
    ppr = _child(p, PPR)
    props = _first_children(ppr, (P_STYLE, OUTLINE_LVL)) if ppr is not None else {}
    style = props.get(P_STYLE)
    level = state.heading_styles.get(style.get(VAL, "")) if style is not None else None
    level = _level_of(props.get(OUTLINE_LVL)) or level
    if level:
        return Block("heading", text, page=page, level=level)
    return Block("paragraph", text, page=page)


def _table(tbl: etree._Element, state: _State) -> list[Block]:
    """The table block, followed by the blocks of any tables nested in its cells.

    Rows beyond the row limit and tables nested deeper than the depth limit are dropped; spans and
    offsets are clamped to the column limit.
    """
    limits = state.limits
    if state.depth >= limits.table_depth:
        _note(state, f"嵌套超过 {limits.table_depth} 层的表格已忽略")
        return []
    page = state.page if state.counts_pages else None
    cells: list[Cell] = []
    nested: list[Block] = []
    open_merges: dict[int, Cell] = {}
    rows = _children(tbl, TR)
    if len(rows) > limits.table_rows:
        _note(state, f"表格超过 {limits.table_rows} 行的部分已忽略")
    state.depth += 1
    cols = limits.table_cols
    for r, tr in enumerate(rows[: limits.table_rows]):
        grid_before, tcs = _row(tr)
        col = min(grid_before, cols)
        for tc in tcs:
            text, (span, continues) = _cell(tc, state, nested)
            span = span if span <= cols else cols
            prev = open_merges.get(col)
            if continues and prev is not None and prev.colspan == span and prev.row + prev.rowspan == r:
                prev.rowspan = r - prev.row + 1
            else:
                cell = Cell(text, r, col, 1, span)
                cells.append(cell)
                open_merges[col] = cell
            col += span
    state.depth -= 1
    return [Block("table", table=Table(cells, page), page=page), *nested]


def _note(state: _State, reason: str) -> None:
    if reason not in state.partial:
        state.partial.append(reason)


def _children(el: etree._Element, tag: str) -> list[etree._Element]:
    """Direct children with `tag`, looking through content controls and custom XML wrappers."""
    out: list[etree._Element] = []
    for child in el:
        if child.tag == tag:
            out.append(child)
        elif child.tag in CELL_WRAPPERS:
            out.extend(_children(child, tag))
    return out


def _row(tr: etree._Element) -> tuple[int, list[etree._Element]]:
    """A row's `w:gridBefore` (grid columns before its first cell) and its cells, in one pass over its children
    (rows seldom have properties: looking for them first would read every cell's tag twice)."""
    props: etree._Element | None = None
    cells: list[etree._Element] = []
    for child in tr:
        tag = child.tag
        if tag == TC:
            cells.append(child)
        elif tag == TRPR:
            props = child if props is None else props
        elif tag in CELL_WRAPPERS:
            cells.extend(_children(child, TC))
    return _int_prop(props, "gridBefore", 0), cells


def _child(el: etree._Element, tag: str) -> etree._Element | None:
    """`el.find(tag)` for the properties of a paragraph, row or cell, which come first and are few
    (lxml's `find` parses its path on every call: the walk's largest cost before this)."""
    for child in el:
        if child.tag == tag:
            return child
    return None


def _first_children(el: etree._Element, tags: tuple[str, ...]) -> dict[str, etree._Element]:
    """`_child(el, tag)` for each of `tags`, in one pass over the children (each child's tag is built anew)."""
    found: dict[str, etree._Element] = {}
    for child in el:
        tag = child.tag
        if tag in tags and tag not in found:
            found[tag] = child
    return found


def _small_int(val: str) -> int | None:
    """A non-negative ASCII integer of at most 9 digits, else None (absurd or malformed values)."""
    return int(val) if val.isascii() and val.isdigit() and len(val) <= 9 else None


def _int_prop(props: etree._Element | None, name: str, default: int) -> int:
    el = _child(props, W + name) if props is not None else None
    val = _small_int(el.get(VAL, "")) if el is not None else None
    return default if val is None else val


def _cell_props(trees: list[etree._Element]) -> dict[etree._Element, tuple[int, bool]]:
    """Each `w:tcPr`'s grid span and whether its cell continues a vertical merge from the row above.

    Found in one pass over the few `w:gridSpan`/`w:vMerge` elements of the body and the detached text
    boxes (keyed by their parent, the last of each winning), rather than by reading the tags of every
    cell's properties.
    """
    props: dict[etree._Element, tuple[int, bool]] = {}
    for el in (el for tree in trees for el in tree.iter(GRID_SPAN, V_MERGE)):
        parent = el.getparent()
        span, continues = props.get(parent, NO_PROPS)
        if el.tag == GRID_SPAN:
            span = max(_small_int(el.get(VAL, "")) or 1, 1)
        else:
            continues = el.get(VAL) != "restart"
        props[parent] = span, continues
    return props
