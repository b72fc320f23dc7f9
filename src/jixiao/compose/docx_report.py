"""Write the 部门整体支出绩效自评报告 as Word (python-docx): the profile's outline, sentences from the
figures, and the two attachments as real tables with merged cells like the official forms.

公文 style: A4, margins 3.7/3.5/2.8/2.6 cm, 方正小标宋简体 title, 黑体 and 楷体 headings, 仿宋_GB2312
body at 三号 (16 pt) with a fixed 28 pt line, 宋体 tables, page number (PAGE field) in the footer.
Each font is named for East Asian text (w:eastAsia) and given a fallback that is free to install
(Noto Serif/Sans CJK SC) in the font table, which LibreOffice and Word use when the 公文 font is
missing.  `redact=True` writes the public version: no 填表人, 联系电话 or 单位负责人, and phone
numbers in the narrative masked.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from jixiao.compose import forms
from jixiao.compose.fill_in import Filing
from jixiao.compose.outline import outline_for
from jixiao.compose.prose import Prose, lines
from jixiao.docx_fonts import declare_fallbacks, set_font
from jixiao.model import Report
from jixiao.scoring.profile import Profile

# 公文 font → a free font with the same look, present on common Linux installs (fonts-noto-cjk).
FALLBACKS = {"方正小标宋简体": "Noto Serif CJK SC", "黑体": "Noto Sans CJK SC", "楷体_GB2312": "Noto Serif CJK SC",
             "仿宋_GB2312": "Noto Serif CJK SC", "宋体": "Noto Serif CJK SC"}
PHONE = re.compile(r"(?<!\d)(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)")
HIDDEN = "（公开版不显示）"


@dataclass(frozen=True, slots=True)
class Style:
    font: str
    size: float
    bold: bool = False
    align: int | None = None
    indent: bool = True
    after: float = 0


BODY = Style("仿宋_GB2312", 16)
STYLES = {
    "title": Style("方正小标宋简体", 22, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=10),
    1: Style("黑体", 16), 2: Style("楷体_GB2312", 16, bold=True), 3: Style("仿宋_GB2312", 16, bold=True),
    "body": BODY, "right": Style("仿宋_GB2312", 16, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False),
    "label": Style("黑体", 16, indent=False), "caption": Style("方正小标宋简体", 18, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=6),
    "sub": Style("楷体_GB2312", 14, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=4),
    "unit": Style("宋体", 10.5, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False), "small": Style("宋体", 10.5, indent=False),
}


def write(report: Report, filing: Filing, profile: Profile, path: Path, redact: bool = False) -> None:
    """Write the report and its two attachments to `path` (.docx)."""
    doc = Document()
    _page_setup(doc)
    declare_fallbacks(doc, FALLBACKS)
    writer = _Writer(doc, redact, filing)
    outline = outline_for(profile)
    for line in outline.title.format(unit=report.unit.name or "", year=report.unit.year or "").splitlines():
        writer.para(line, "title")
    prose = Prose(report, filing)
    for heading in outline.headings:
        writer.para(heading.title, heading.level)
        for name in heading.content:
            for text in prose.paragraphs(name):
                writer.para(text, "body")
    writer.para(report.unit.name or "", "right")
    writer.para(filing.fill_date or "", "right")
    _attachments(writer, report, filing)
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


def installed_fonts() -> set[str] | None:
    """Font family names fontconfig knows, or None where fc-list is not available."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    result = subprocess.run([fc_list, ":", "family"], capture_output=True, text=True, timeout=60, check=False)
    return {name.strip() for line in result.stdout.splitlines() for name in line.split(",")}


def with_fallback_fonts(source: Path, target: Path) -> None:
    """A copy of a .docx whose 公文 fonts that are not installed are replaced by their fallbacks, so a
    PDF made by LibreOffice keeps serif 仿宋/宋体 text instead of whatever font it would substitute."""
    present = installed_fonts() or set()
    missing = {name: fallback for name, fallback in FALLBACKS.items() if name not in present}
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.endswith(".xml") and item.filename != "word/fontTable.xml":
                for name, fallback in missing.items():
                    data = data.replace(f'"{name}"'.encode(), f'"{fallback}"'.encode())
            dst.writestr(item, data)


class _Writer:
    """Paragraphs and tables in one document, with redaction applied to every text."""

    def __init__(self, doc, redact: bool, filing: Filing):
        self.doc, self.redact = doc, redact
        self.names = [n for n in (filing.filler, filing.leader) if n] if redact else []

    def clean(self, text: str) -> str:
        if not self.redact:
            return text
        for name in self.names:
            text = text.replace(name, "＊＊")
        return PHONE.sub("＊＊＊＊", text)

    def para(self, text: str, style_key, container=None):
        style = STYLES[style_key]
        p = (container or self.doc).add_paragraph()
        if style.align is not None:
            p.alignment = style.align
        fmt = p.paragraph_format
        fmt.space_before, fmt.space_after = Pt(0), Pt(style.after)
        if style.size >= 14:
            fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(28 if style.size <= 16 else style.size * 1.5)
        if style.indent:
            fmt.first_line_indent = Pt(style.size * 2)
        self.run(p, self.clean(text), style.font, style.size, style.bold)
        return p

    @staticmethod
    def run(p, text: str, font: str, size: float, bold: bool = False) -> None:
        run = p.add_run(text)
        run.font.size, run.font.bold = Pt(size), bold
        set_font(run._element.get_or_add_rPr(), font)

    def page_break(self) -> None:
        self.doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)

    def table(self, g: forms.Grid) -> None:
        t = self.doc.add_table(rows=len(g.rows), cols=len(g.widths))
        t.style, t.autofit, t.alignment = "Table Grid", False, WD_TABLE_ALIGNMENT.CENTER
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        t._tbl.tblPr.append(layout)
        for c, width in enumerate(g.widths):
            t.columns[c].width = Cm(width)
            for cell in t.columns[c].cells:
                cell.width = Cm(width)
        for r0, c0, r1, c1 in g.merges:
            t.cell(r0, c0).merge(t.cell(r1, c1))
        covered = g.covered()
        for r, row in enumerate(g.rows):
            _cant_split(t.rows[r])
            for c, text in enumerate(row):
                if (r, c) not in covered:
                    self._cell(t.cell(r, c), self.clean(text), g.font_size, (r, c) in g.left)

    def _cell(self, cell, text: str, size: float, left: bool) -> None:
        cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
        p = cell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT if left or len(text) > 30 else WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        if text:
            self.run(p, text, "宋体", size)


def _cant_split(row) -> None:
    """Keep a table row on one page (Word's 'allow row to break across pages' off)."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _attachments(w: _Writer, report: Report, filing: Filing) -> None:
    year = report.unit.year
    w.page_break()
    w.para("附件1", "label")
    w.para("部门整体支出绩效评价基础数据表", "caption")
    w.para("金额单位：万元", "unit")
    w.table(forms.basic_data_grid(report, "".join(lines(filing.three_public_management)[:1])))
    w.para("说明：“项目支出”需要填报基本支出以外的所有项目支出情况，“公用经费”填报基本支出中的一般商品和服务支出。", "small")
    w.para(_signature(filing, w.redact, leader=True), "small")
    w.page_break()
    w.para("附件2", "label")
    w.para("部门整体支出绩效自评表", "caption")
    w.para(f"（{year}年度）", "sub")
    w.table(forms.self_eval_grid(report))
    w.para(_signature(filing, w.redact), "small")


def _signature(filing: Filing, redact: bool, leader: bool = False) -> str:
    """填表人 / 填报日期 / 联系电话 (and 单位负责人签字 on the 基础数据表)."""
    person = (lambda v: HIDDEN) if redact else (lambda v: v or "")
    line = f"填表人：{person(filing.filler)}　　填报日期：{filing.fill_date or ''}　　联系电话：{person(filing.phone)}"
    return line + (f"　　单位负责人签字：{person(filing.leader)}" if leader else "")
