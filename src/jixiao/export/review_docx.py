"""复核意见书: the bureau's review letter to one unit, in 公文 style (python-docx).

A4 with the 公文 margins; the 文号 line; the title in 方正小标宋简体 (黑体 where it is missing); 主送;
the body in 仿宋_GB2312 三号 with a fixed 28 pt line, built from the confirmed findings and the 复核
record; the 落款 and the date.  Every font is named for East Asian text and declared in the font
table with a free fallback (Noto CJK), so that the letter reads the same where 公文 fonts are absent.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Cm, Pt

from jixiao.docx_fonts import declare_fallbacks, set_font

TITLE_FONT, TITLE_FALLBACK = "方正小标宋简体", "黑体"
BODY_FONT, HEADING_FONT = "仿宋_GB2312", "黑体"
FONT_TABLE = {TITLE_FONT: TITLE_FALLBACK, TITLE_FALLBACK: "Noto Sans CJK SC", BODY_FONT: "Noto Serif CJK SC"}
NUMERALS = "一二三四五六七八九十"


@dataclass(slots=True)
class Deduction:
    """An indicator whose 复核得分 differs from the stated score, with the reason."""

    name: str
    weight: Decimal | None
    stated: Decimal | None
    review: Decimal
    reason: str | None


@dataclass(slots=True)
class Issue:
    """A confirmed finding as the letter states it."""

    message: str
    fix: str | None = None
    note: str | None = None


@dataclass(slots=True)
class ReviewLetter:
    """Everything the 复核意见书 says."""

    org: str
    doc_number: str
    unit: str
    year: int | None
    date: str
    stated: Decimal | None
    recomputed: Decimal | None
    review: Decimal | None
    grade: str | None
    review_grade: str | None
    issues: list[Issue] = field(default_factory=list)
    deductions: list[Deduction] = field(default_factory=list)
    returned: bool = False


def write(letter: ReviewLetter, path: Path) -> None:
    doc = Document()
    _page(doc)
    declare_fallbacks(doc, FONT_TABLE)
    _para(doc, letter.doc_number, BODY_FONT, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    _para(doc, f"关于{letter.unit}{letter.year or ''}年度部门整体支出绩效自评报告的复核意见", TITLE_FONT, size=22,
          align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, line=33)
    _para(doc, f"{letter.unit}：", BODY_FONT, indent=False)
    for heading, paragraphs in sections(letter):
        if heading:
            _para(doc, heading, HEADING_FONT)
        for text in paragraphs:
            _para(doc, text, BODY_FONT)
    _para(doc, "", BODY_FONT)
    _para(doc, letter.org, BODY_FONT, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    _para(doc, letter.date, BODY_FONT, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    buffer = io.BytesIO()
    doc.save(buffer)
    path.write_bytes(buffer.getvalue())


def _figure(value: Decimal | None) -> str:
    return "—" if value is None else f"{value.quantize(Decimal('0.01'))}"


def sections(letter: ReviewLetter) -> list[tuple[str | None, list[str]]]:
    """The letter's body: opening, 复核结论, 发现的问题, 指标复核情况, 整改要求."""
    year = f"{letter.year}年度" if letter.year else ""
    out: list[tuple[str | None, list[str]]] = [(None, [f"你单位报送的《{year}部门整体支出绩效自评报告》收悉。经复核，现将复核意见反馈如下。"])]
    conclusion = (f"你单位自评得分{_figure(letter.stated)}分，自评等级为“{letter.grade or '未填'}”；按评分规则重新计算得分{_figure(letter.recomputed)}分；"
                  f"经逐项复核，复核得分{_figure(letter.review)}分，复核等级为“{letter.review_grade or '—'}”。")
    out.append(("一、复核结论", [conclusion]))
    issues = [f"（{_numeral(i)}）{x.message}" + (f"修改建议：{x.fix}" if x.fix else "") + (f"（复核说明：{x.note}）" if x.note else "")
              for i, x in enumerate(letter.issues, 1)]
    out.append(("二、发现的问题", issues or ["经复核，未发现需要更正的问题。"]))
    lines = [f"{d.name}：分值{_figure(d.weight)}分，自评{_figure(d.stated)}分，复核{_figure(d.review)}分。" + (f"扣分原因：{d.reason}" if d.reason else "")
             for d in letter.deductions]
    out.append(("三、指标复核情况", lines or ["各项指标复核得分与自评得分一致。"]))
    ask = ("请你单位对照上述问题逐项整改，于收到本意见后15个工作日内重新报送自评报告及整改说明。" if letter.returned
           else "请你单位对照上述意见做好绩效自评结果应用，并在以后年度自评中加以改进。")
    out.append(("四、整改要求", [ask]))
    return out


def _numeral(n: int) -> str:
    if n <= 10:
        return NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else NUMERALS[tens - 1]) + "十" + (NUMERALS[ones - 1] if ones else "")


def _page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = Cm(3.7), Cm(3.5), Cm(2.8), Cm(2.6)


def _para(doc, text: str, font: str, size: float = 16, align=None, indent: bool = True, line: float = 28) -> None:
    p = doc.add_paragraph()
    if align is not None:
        p.alignment = align
    fmt = p.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(line)
    if indent:
        fmt.first_line_indent = Pt(size * 2)
    run = p.add_run(text)
    run.font.size = Pt(size)
    set_font(run._element.get_or_add_rPr(), font)
