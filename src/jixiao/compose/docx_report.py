"""Write a report (or a form filed alone) as Word (python-docx): the template's outline, sentences from
the figures, and the attached forms as real tables with merged cells like the official ones.

公文 style: A4, margins 3.7/3.5/2.8/2.6 cm, 方正小标宋简体 title, 黑体 and 楷体 headings, 仿宋_GB2312
body at 三号 (16 pt) on a fixed 28 pt line, 宋体 tables, page number (PAGE field) in the footer.
Each font is named for East Asian text (w:eastAsia) and given a free fallback (Noto Serif/Sans CJK
SC) in the font table.  Every paragraph and table cell has an exact line height and every table row
a minimum height (`layout`), so page breaks in the forms are known: the header row repeats on each
page (w:tblHeader) and a group cut by a break keeps its 一级 / 二级 labels.  Signature lines are
borderless tables of fixed widths whose cells never wrap.  `redact=True` writes the public
version: no 填表人, 联系电话 or 单位负责人, and phone numbers in the narrative masked.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from docx import Document
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from jixiao.compose import forms, layout, prose
from jixiao.compose.builders import Built
from jixiao.compose.figures import lines
from jixiao.compose.fonts import FALLBACKS
from jixiao.compose.grid import Grid
from jixiao.compose.outline import TEXT_WIDTH, FormLayout, Plan
from jixiao.docx_fonts import declare_fallbacks, set_font
from jixiao.model import Report

PHONE = re.compile(r"(?<!\d)(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)")
HIDDEN = "（公开版不显示）"
SIGNATURE = {"filler": "填表人", "fill_date": "填报日期", "phone": "联系电话", "leader": "单位负责人签字"}
PRIVATE = {"filler", "phone", "leader"}


@dataclass(frozen=True, slots=True)
class Style:
    font: str
    size: float
    line: float
    bold: bool = False
    align: int | None = None
    indent: bool = True
    after: float = 0


STYLES = {
    "title": Style("方正小标宋简体", 22, 33, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=10),
    1: Style("黑体", 16, 28), 2: Style("楷体_GB2312", 16, 28, bold=True), 3: Style("仿宋_GB2312", 16, 28, bold=True),
    "body": Style("仿宋_GB2312", 16, 28), "right": Style("仿宋_GB2312", 16, 28, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False),
    "centre": Style("楷体_GB2312", 16, 28, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=6),
    "label": Style("黑体", 16, 28, indent=False),
    "caption": Style("方正小标宋简体", 18, 27, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=6),
    "sub": Style("楷体_GB2312", 14, 24, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=4),
    "unit": Style("宋体", 10.5, 16, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False, after=2),
    "left": Style("宋体", 10.5, 16, indent=False, after=2),
    "small": Style("宋体", 10.5, 16, indent=False),
    "table_caption": Style("黑体", 12, 20, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=4),
}


def write(built: Built, plan: Plan, path: Path, redact: bool = False) -> None:
    """Write the document of `plan`'s template for `built` to `path` (.docx)."""
    doc = Document()
    _page_setup(doc)
    declare_fallbacks(doc, FALLBACKS)
    w = _Writer(doc, redact, built)
    ctx = prose.Context(built.report, built.filing, plan)
    c = plan.compose
    title = c.title.format(unit=built.report.unit.name or "", year=built.report.unit.year or "", project=ctx.project)
    for line in lines(title):
        w.para(line, "title")
    for name in c.subtitle:
        w.blocks(prose.paragraphs(ctx, name), "centre")
    for name in c.preamble:
        w.blocks(prose.paragraphs(ctx, name), "body")
    for heading in c.headings:
        w.para(heading.title, heading.level)
        for name in heading.content:
            w.blocks(prose.paragraphs(ctx, name), "body")
    for name in c.closing:
        w.blocks(prose.paragraphs(ctx, name), "right")
    forms = [(name, part) for name in c.attachments for part in (built.parts if name == "project" else [built.report])]
    for number, (name, part) in enumerate(forms, 1):
        label = None if not c.headings else f"附件{number}" if len(forms) > 1 else "附件"
        w.attachment(plan, name, part, label)
    buffer = io.BytesIO()
    doc.save(buffer)
    path.write_bytes(buffer.getvalue())


def _page_setup(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    section.footer_distance = Cm(2.5)
    normal = doc.styles["Normal"]  # table cells inherit it; body paragraphs set their own size
    normal.font.size = Pt(10.5)
    set_font(normal.element.get_or_add_rPr(), "宋体")
    _page_number(section.footer.paragraphs[0])


def _page_number(p) -> None:
    """'— 3 —' centred in the footer: a PAGE field between dashes, 宋体 四号 as in 公文."""
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in (("text", "— "), ("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "1"), ("end", None), ("text", " —")):
        run = p.add_run()
        run.font.size = Pt(14)
        set_font(run._element.get_or_add_rPr(), "宋体")
        if kind == "text":
            run.text = text
        elif kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._element.append(instr)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._element.append(char)


def _set(parent, tag: str, **attrs) -> None:
    """Append a `w:` element with `w:` attributes."""
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), str(value))
    parent.append(el)


class _Writer:
    """Paragraphs and tables in one document, with redaction applied to every text, keeping count of
    the points used on the current page (`y`) so that forms know where their pages break."""

    def __init__(self, doc, redact: bool, built: Built):
        self.doc, self.redact, self.filing = doc, redact, built.filing
        self.names = [n for n in (built.filing.filler, built.filing.leader) if n] if redact else []
        self.y = 0.0
        self.started = False
        self.new_page = False

    def clean(self, text: str) -> str:
        if not self.redact:
            return text
        for name in self.names:
            text = text.replace(name, "＊＊")
        return PHONE.sub("＊＊＊＊", text)

    def blocks(self, blocks: list[prose.Block], style_key) -> None:
        for block in blocks:
            if isinstance(block, Grid):
                if block.caption:
                    self.para(block.caption, "table_caption")
                self.table(block)
            else:
                self.para(block, style_key)

    def para(self, text: str, style_key):
        style = STYLES[style_key]
        p = self.doc.add_paragraph()
        if style.align is not None:
            p.alignment = style.align
        fmt = p.paragraph_format
        fmt.space_before, fmt.space_after = Pt(0), Pt(style.after)
        fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(style.line)
        if style.indent:
            fmt.first_line_indent = Pt(style.size * 2)
        fmt.keep_with_next = style_key in (1, 2, 3, "label", "caption", "sub", "table_caption")  # a heading never ends a page
        text = self.clean(text)
        if self.new_page:  # the break opens the paragraph, so that the paragraph starts the new page
            p.add_run().add_break(WD_BREAK.PAGE)
            self.new_page = False
        self.run(p, text, style.font, style.size, style.bold)
        self.y += layout.paragraph_height(text, TEXT_WIDTH, style.size, style.line, style.size * 2 if style.indent else 0) + style.after
        if self.y > layout.PAGE_HEIGHT:
            self.y = (self.y - layout.PAGE_HEIGHT) % layout.PAGE_HEIGHT
        self.started = True
        return p

    @staticmethod
    def run(p, text: str, font: str, size: float, bold: bool = False) -> None:
        for i, part in enumerate(text.split("\n")):
            if i:
                p.add_run().add_break()
            run = p.add_run(part)
            run.font.size, run.font.bold = Pt(size), bold
            set_font(run._element.get_or_add_rPr(), font)

    def page_break(self) -> None:
        """The next paragraph starts a new page (nothing to break before the document's first one)."""
        if self.started:
            self.new_page = True
            self.y = 0.0

    def attachment(self, plan: Plan, name: str, part: Report, label: str | None) -> None:
        """One attached form from a new page: 附件N (附件 alone when it is the only one; nothing when the
        form is filed alone), caption, subtitle, the form, its note and signature."""
        form = plan.form(name)
        unit, year = part.unit.name or "", part.unit.year or ""
        self.page_break()
        if label:
            self.para(label, "label")
        self.para(form.caption.format(unit=unit, year=year), "caption")
        if form.subtitle:
            self.para(form.subtitle.format(unit=unit, year=year), "sub")
        if form.unit_line:
            self.para(form.unit_line.format(unit=unit, year=year), "unit" if name == "basic_data" else "left")
        for i, grid in enumerate(_grids(plan, name, form, part, self.filing)):
            if i:
                self.joiner()
            self.table(grid)
        if form.note:
            self.para(form.note, "small")
        if form.signature:
            self.signature(form)

    def table(self, g: Grid) -> None:
        """The grid as one Word table per page it runs onto, each after the first opening with the
        header rows, with a page break between them (so the breaks fall where `layout` put them)."""
        self.y, breaks = layout.paginate(g, self.y)
        bounds = [0, *breaks, len(g.rows)]
        for i, (start, end) in enumerate(pairwise(bounds)):
            if i:
                self.joiner(page_break=True)
            self._segment(g, [*range(g.header_rows if i else 0), *range(start, end)])
        self.started = True

    def _segment(self, g: Grid, rows: list[int]) -> None:
        t = self.doc.add_table(rows=len(rows), cols=len(g.widths))
        t.style, t.alignment = "Table Grid", WD_TABLE_ALIGNMENT.CENTER
        _fixed(t, g.widths)
        at = {r: i for i, r in enumerate(rows)}
        for r0, c0, r1, c1 in g.merges:
            if r0 in at and r1 in at:
                t.cell(at[r0], c0).merge(t.cell(at[r1], c1))
        covered = g.covered()
        for r in rows:
            _row_props(t.rows[at[r]], g.heights[r], r < g.header_rows)
            for c, text in enumerate(g.rows[r]):
                if (r, c) not in covered:
                    self._cell(t.cell(at[r], c), self.clean(text), g, (r, c) in g.left, r in g.bold)
        for r, c, side in g.open_edges:
            if r in at:
                _no_border(t.cell(at[r], c), side)

    def joiner(self, page_break: bool = False) -> None:
        """A paragraph 1 pt high between two tables: Word and LibreOffice would merge adjacent tables
        into one (and a header row that is no longer the first could not repeat); with a page break,
        the next part of a form starts the next page."""
        p = self.doc.add_paragraph()
        fmt = p.paragraph_format
        fmt.space_before, fmt.space_after = Pt(0), Pt(0)
        fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(1)
        run = p.add_run()
        run.font.size = Pt(1)
        if page_break:
            run.add_break(WD_BREAK.PAGE)
        else:
            self.y += 1

    def _cell(self, cell, text: str, g: Grid, left: bool, bold: bool) -> None:
        cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
        p = cell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.CENTER
        fmt = p.paragraph_format
        fmt.space_after, fmt.line_spacing_rule, fmt.line_spacing = Pt(0), WD_LINE_SPACING.EXACTLY, Pt(g.line)
        if text:
            self.run(p, text, "宋体", g.font_size, bold)

    def signature(self, form: FormLayout) -> None:
        """填表人 / 填报日期 / 联系电话 / 单位负责人签字 as a borderless table: each label with its value in
        a cell of fixed width that never wraps; two rows when one line would not hold them."""
        size = 10.5
        items = [f"{SIGNATURE[key]}：{HIDDEN if self.redact and key in PRIVATE else getattr(self.filing, key) or ''}" for key in form.signature]
        widths = [(layout.text_width(text, size) + size * 2) / layout.PT_PER_CM + 2 * layout.CELL_PADDING for text in items]
        per_row = len(items) if sum(widths) <= TEXT_WIDTH else (len(items) + 1) // 2
        rows = [items[i: i + per_row] for i in range(0, len(items), per_row)]
        cols = max(len(r) for r in rows)
        column = [max(widths[i + k * per_row] for k in range(len(rows)) if i + k * per_row < len(items)) for i in range(cols)]
        spare = (TEXT_WIDTH - sum(column)) / cols
        t = self.doc.add_table(rows=len(rows), cols=cols)
        t.alignment = WD_TABLE_ALIGNMENT.LEFT
        _fixed(t, [w + spare for w in column], borders=False)
        for r, texts in enumerate(rows):
            for c, text in enumerate(texts):
                cell = t.cell(r, c)
                _set(cell._tc.get_or_add_tcPr(), "w:noWrap")
                p = cell.paragraphs[0]
                p.paragraph_format.line_spacing_rule, p.paragraph_format.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(20)
                self.run(p, text, "宋体", size)
        self.y += 20 * len(rows)


def _fixed(t, widths: list[float], borders: bool = True) -> None:
    """A fixed-layout table (python-docx writes w:tblLayout) with these column widths (cm), narrow
    cell margins, and no borders unless asked."""
    t.autofit = False
    tbl_pr = t._tbl.tblPr
    if not borders:
        edges = OxmlElement("w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            _set(edges, f"w:{side}", val="nil")
        tbl_pr.insert_element_before(edges, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        _set(margins, f"w:{side}", w=round(layout.CELL_PADDING / 2.54 * 1440), type="dxa")
    tbl_pr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")
    for c, width in enumerate(widths):
        t.columns[c].width = Cm(width)
        for cell in t.columns[c].cells:
            cell.width = Cm(width)


def _no_border(cell, side: str) -> None:
    """No border on one side of a cell (the 绩效指标 label cell and the column it heads read as one)."""
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    _set(borders, f"w:{side}", val="nil")
    tc_pr.insert_element_before(borders, "w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")


def _row_props(row, height: float, header: bool) -> None:
    """Keep a row on one page, at least `height` points tall; a header row repeats on every page."""
    tr_pr = row._tr.get_or_add_trPr()
    _set(tr_pr, "w:cantSplit")
    _set(tr_pr, "w:trHeight", val=round(height * 20), hRule="atLeast")
    if header:
        _set(tr_pr, "w:tblHeader")


def _grids(plan: Plan, name: str, form: FormLayout, part: Report, filing) -> list[Grid]:
    scored = plan.profile.execution.rule == "proportional"
    if name == "basic_data":
        return [forms.basic_data_grid(part, form, "".join(lines(filing.text("three_public_management"))[:1]))]
    if name == "self_evaluation":
        return [forms.self_eval_head(part, scored), forms.indicator_grid(part, form, part.budget.execution_weight if scored else None)]
    if name == "project":
        return [forms.project_head(part, scored), forms.indicator_grid(part, form, part.budget.execution_weight if scored else None)]
    return [forms.indicator_grid(part, form, None)]
