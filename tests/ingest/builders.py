"""Builders of small but realistic report files for the ingest tests (and for regenerating data/)."""

from __future__ import annotations

import copy
import struct
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm

from jixiao.ingest.safety import OLE_MAGIC

INDICATORS = [
    ("产出指标", "数量指标", "完成重点工作数", "≥5项", "6项", "10", "10"),
    ("产出指标", "质量指标", "资金使用合规率", "100%", "100%", "10", "10"),
    ("产出指标", "时效指标", "资金拨付及时率", "≥95%", "96%", "10", "10"),
    ("效益指标", "社会效益指标", "群众安全感", "提升", "提升", "15", "14"),
    ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "92%", "10", "10"),
]

INSERTED = "新增：全年执行数 1190.4 万元。"
LONG_PARAGRAPH = (
    "我镇通过科学的预算编制、严格的执行监督、有效的绩效评价和透明的公开机制，确保财政资金的合理使用和高效管理。"
    "预算编制过程中，根据国家政策、经济发展目标和部门需求制定年度预算，并根据实际情况适时调整预算，确保资金使用效率。"
)

NAMESPACES = " ".join(
    [
        nsdecls("w", "wp", "a"),
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
        'xmlns:v="urn:schemas-microsoft-com:vml"',
    ]
)
TEXTBOX_XML = (
    f"<w:r {NAMESPACES}>"
    '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
    '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" '
    'locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
    '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
    '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
    '<wp:extent cx="1828800" cy="457200"/><wp:wrapNone/><wp:docPr id="9" name="文本框 9"/>'
    '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    "<wps:wsp><wps:spPr/><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框：单位盖章处</w:t></w:r></w:p>"
    "</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
    "</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>文本框：单位盖章处</w:t>"
    "</w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


def build_report_docx(path: Path, *, textbox: bool = True, nested: bool = True, tracked: bool = True) -> Path:
    """A two-page self-evaluation report with a heading, both forms, merged cells and odd constructs."""
    d = docx.Document()
    d.sections[0].page_width, d.sections[0].page_height = Mm(210), Mm(297)
    d.add_heading("某某县双江镇人民政府部门整体支出绩效自评报告", level=1)
    d.add_heading("一、部门（单位）基本情况", level=2)
    p = d.add_paragraph("2024 年末我镇在编在岗 89 人，其中行政编 35 人，事业编 54 人。")
    if textbox:
        p._p.append(parse_xml(TEXTBOX_XML))
    if tracked:
        d.add_paragraph()._p.append(
            parse_xml(f'<w:ins {nsdecls("w")} w:id="1" w:author="a"><w:r><w:t>{INSERTED}</w:t></w:r></w:ins>')
        )
        d.add_paragraph("预算执行率为")._p.append(
            parse_xml(
                f'<w:del {nsdecls("w")} w:id="2" w:author="a"><w:r><w:delText>已删除的文字</w:delText></w:r></w:del>'
            )
        )
    d.add_paragraph(LONG_PARAGRAPH)
    d.add_paragraph("单位：万元\t填报日期：2025年3月")
    _basic_data_table(d)
    d.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    d.add_heading("二、部门整体支出绩效自评表", level=2)
    _self_evaluation_table(d, nested)
    d.add_paragraph("联系人：张三\n联系电话：0745-1234567")
    d.save(path)
    return path


def _basic_data_table(d: docx.document.Document) -> None:
    t = d.add_table(rows=5, cols=4)
    t.style = "Table Grid"
    t.cell(0, 0).merge(t.cell(0, 3)).text = "部门整体支出绩效评价基础数据表"
    _fill(t, 1, ["项目", "2023年决算数", "2024年预算数", "2024年决算数"])
    _fill(t, 2, ["三公经费", "12.5", "10", "9.8"])
    _fill(t, 3, ["公用经费", "80", "85", "83.2"])
    _fill(t, 4, ["政府采购金额", "30", "35", "34"])
    d.add_paragraph()


def _self_evaluation_table(d: docx.document.Document, nested: bool) -> None:
    rows = 2 + len(INDICATORS) + 1
    t = d.add_table(rows=rows, cols=7)
    t.style = "Table Grid"
    t.cell(0, 0).merge(t.cell(0, 6)).text = "部门整体支出绩效自评表"
    _fill(t, 1, ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"])
    for i, row in enumerate(INDICATORS):
        _fill(t, 2 + i, list(row))
    t.cell(2, 0).merge(t.cell(4, 0)).text = "产出指标"
    t.cell(rows - 1, 0).merge(t.cell(rows - 1, 5)).text = "总分"
    t.cell(rows - 1, 6).text = "54"
    if nested:
        inner = t.cell(5, 4).add_table(rows=2, cols=2)
        for r, c, text in ((0, 0, "内层"), (0, 1, "表格"), (1, 0, "A"), (1, 1, "B")):
            inner.cell(r, c).text = text


def _fill(t: docx.table.Table, r: int, texts: list[str]) -> None:
    for c, text in enumerate(texts):
        t.cell(r, c).text = text


def build_long_report_docx(path: Path, copies: int = 5) -> Path:
    """A report of 2 x `copies` pages: the two-page report body repeated, each copy on a new page."""
    src = build_report_docx(path)
    d = docx.Document(src)
    body = d.element.body
    items = [copy.deepcopy(el) for el in body if not el.tag.endswith("sectPr")]
    for _ in range(copies - 1):
        d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        for el in items:
            body.insert(len(body) - 1, copy.deepcopy(el))
    d.save(path)
    return path


def ole2_bytes(stream: str) -> bytes:
    """A minimal OLE2 compound file whose directory holds a root entry and one stream named `stream`."""
    header = OLE_MAGIC + bytes(0x1E - 8) + struct.pack("<H", 9) + bytes(512 - 0x20)

    def entry(name: str, kind: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return raw.ljust(64, b"\0") + struct.pack("<HB", len(raw), kind) + bytes(128 - 67)

    return header + entry("Root Entry", 5) + entry(stream, 2) + bytes(256)


def build_ole2(path: Path, stream: str) -> Path:
    """`ole2_bytes` written to `path`."""
    path.write_bytes(ole2_bytes(stream))
    return path
