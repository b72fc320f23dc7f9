"""The .docx backend: block order, headings, merged cells, nested tables, text boxes, revisions, pages."""

from __future__ import annotations

import zipfile

import docx as python_docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from jixiao.errors import InputError
from jixiao.ingest import docx
from tests.ingest.builders import LONG_PARAGRAPH, TEXTBOX_XML, build_long_report_docx, build_report_docx


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return docx.read(build_report_docx(tmp_path_factory.mktemp("docx") / "report.docx"))


def _texts(doc):
    return [b.text for b in doc.blocks if b.kind != "table"]


def test_headings_and_paragraphs_in_order(report):
    heads = [(b.level, b.text) for b in report.blocks if b.kind == "heading"]
    assert heads == [
        (1, "某某县双江镇人民政府部门整体支出绩效自评报告"),
        (2, "一、部门（单位）基本情况"),
        (2, "二、部门整体支出绩效自评表"),
    ]
    texts = _texts(report)
    assert texts.index("2024 年末我镇在编在岗 89 人，其中行政编 35 人，事业编 54 人。") < texts.index(LONG_PARAGRAPH)
    assert report.format == "docx"
    assert [b.kind for b in report.blocks].count("table") == 3


def test_text_box_once_at_its_anchor(report):
    texts = _texts(report)
    assert texts.count("文本框：单位盖章处") == 1  # Choice and Fallback hold the same text: read one
    anchor = texts.index("2024 年末我镇在编在岗 89 人，其中行政编 35 人，事业编 54 人。")
    assert texts[anchor + 1] == "文本框：单位盖章处"


def test_revisions_tabs_and_breaks(report):
    texts = _texts(report)
    assert "新增：全年执行数 1190.4 万元。" in texts
    assert "预算执行率为" in texts
    assert not any("已删除的文字" in t for t in texts)
    assert "单位：万元\t填报日期：2025年3月" in texts
    assert "联系人：张三\n联系电话：0745-1234567" in texts


def test_merged_cells_become_spans(report):
    (_, basic), (_, self_eval), _ = report.tables()
    assert (basic.n_rows, basic.n_cols) == (5, 4)
    assert basic.rows()[0][0].text == "部门整体支出绩效评价基础数据表"
    assert basic.rows()[0][0].colspan == 4
    assert [c.text for c in basic.rows()[2]] == ["三公经费", "12.5", "10", "9.8"]
    assert (self_eval.n_rows, self_eval.n_cols) == (8, 7)
    grid = self_eval.grid()
    output = grid[2][0]
    assert (output.text, output.rowspan, output.colspan) == ("产出指标", 3, 1)
    assert grid[4][0] is output
    assert [c.text for c in self_eval.rows()[3]] == ["质量指标", "资金使用合规率", "100%", "100%", "10", "10"]
    total = self_eval.rows()[7]
    assert [(c.text, c.col, c.colspan) for c in total] == [("总分", 0, 6), ("54", 6, 1)]


def test_nested_table_follows_its_parent_and_is_not_in_the_cell_text(report):
    kinds = [b.kind for b in report.blocks]
    parent = [i for i, k in enumerate(kinds) if k == "table"][1]
    nested = report.blocks[parent + 1].table
    assert nested is not None
    assert [[c.text for c in row] for row in nested.rows()] == [["内层", "表格"], ["A", "B"]]
    host = report.blocks[parent].table.grid()[5][4]
    assert host.text == "提升"


def test_pages_follow_explicit_page_breaks(report):
    assert report.pages == 2
    by_text = {b.text: b.page for b in report.blocks if b.kind != "table"}
    assert by_text["一、部门（单位）基本情况"] == 1
    assert by_text["二、部门整体支出绩效自评表"] == 2
    assert [t.page for _, t in report.tables()] == [1, 2, 2]


def test_no_page_information_means_none(tmp_path):
    d = python_docx.Document()
    d.add_paragraph("只有一段")
    d.save(tmp_path / "one.docx")
    doc = docx.read(tmp_path / "one.docx")
    assert [(b.text, b.page) for b in doc.blocks] == [("只有一段", None)]
    assert doc.pages is None


def test_rendered_page_breaks_are_not_double_counted(tmp_path):
    d = python_docx.Document()
    d.add_paragraph("第一页")
    d.add_paragraph().add_run().add_break(python_docx.enum.text.WD_BREAK.PAGE)
    d.add_paragraph()._p.append(parse_xml(f"<w:r {nsdecls('w')}><w:lastRenderedPageBreak/><w:t>第二页</w:t></w:r>"))
    d.save(tmp_path / "rendered.docx")
    doc = docx.read(tmp_path / "rendered.docx")
    assert [(b.text, b.page) for b in doc.blocks] == [("第一页", 1), ("第二页", 2)]
    assert doc.pages == 2


def test_page_breaks_in_a_text_box_do_not_count(tmp_path):
    """Whether pages are counted, and from Word's rendered breaks or the explicit ones, is the body's call:
    a text box's breaks only count as the walk reads the box at its anchor."""
    def read_with(box_runs: str, body_break: bool):
        d = python_docx.Document()
        d.add_paragraph("第一页")._p.append(parse_xml(TEXTBOX_XML.replace("<w:r><w:t>文本框：单位盖章处</w:t></w:r>", box_runs, 1)))
        if body_break:
            d.add_paragraph().add_run().add_break(python_docx.enum.text.WD_BREAK.PAGE)
        d.add_paragraph("末页")
        d.save(tmp_path / "box.docx")
        return docx.read(tmp_path / "box.docx")

    assert read_with('<w:r><w:br w:type="page"/><w:t>框内</w:t></w:r>', body_break=False).pages is None
    doc = read_with("<w:r><w:lastRenderedPageBreak/><w:t>框内</w:t></w:r>", body_break=True)
    assert (doc.pages, [b.page for b in doc.blocks]) == (3, [1, 2, 3])  # the body's explicit break counts too


def test_heading_by_chinese_style_name_and_outline_level(tmp_path):
    d = python_docx.Document()
    style = d.styles.add_style("标题 3", WD_STYLE_TYPE.PARAGRAPH)
    style.element.set(qn("w:styleId"), "3")  # Chinese Word names heading styles by number
    d.add_paragraph("（一）机构设置情况", style=style)
    p = d.add_paragraph("二、部门整体支出管理及使用情况")
    p._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="1"/>'))
    derived = d.styles.add_style("报告小标题", WD_STYLE_TYPE.PARAGRAPH)
    derived.base_style = style
    d.add_paragraph("（二）人员编制情况", style=derived)
    d.add_paragraph("正文")
    d.save(tmp_path / "styles.docx")
    blocks = docx.read(tmp_path / "styles.docx").blocks
    kinds = [(b.kind, b.level) for b in blocks]
    assert kinds == [("heading", 3), ("heading", 2), ("heading", 3), ("paragraph", None)]


def test_grid_before_and_vertical_merge_restart(tmp_path):
    d = python_docx.Document()
    t = d.add_table(rows=3, cols=3)
    for r in range(3):
        for c in range(3):
            t.cell(r, c).text = f"{r}{c}"
    t.cell(1, 2).merge(t.cell(2, 2))
    row0 = t.rows[0]._tr
    row0.remove(row0.tc_lst[0])
    row0.get_or_add_trPr().append(parse_xml(f'<w:gridBefore {nsdecls("w")} w:val="1"/>'))
    d.save(tmp_path / "grid.docx")
    ((_, table),) = docx.read(tmp_path / "grid.docx").tables()
    assert [(c.text, c.col) for c in table.rows()[0]] == [("01", 1), ("02", 2)]
    merged = table.grid()[2][2]
    assert (merged.text, merged.row, merged.rowspan) == ("12\n22", 1, 2)
    assert table.grid()[0][0] is None


def test_not_a_word_document(tmp_path):
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("content.txt", "hello")
    with pytest.raises(InputError, match=r"缺少 word/document\.xml"):
        docx.read(path)


def test_a_ten_page_report_counts_ten_pages(tmp_path):
    doc = docx.read(build_long_report_docx(tmp_path / "long.docx", copies=5))
    assert doc.pages == 10
    assert [b.kind for b in doc.blocks].count("table") == 15


def test_tabs_breaks_and_hyphens_in_cells_and_text_boxes(tmp_path):
    """Plain paragraphs are read as the join of their runs; the others keep their tabs, breaks and hyphens."""
    d = python_docx.Document()
    box = TEXTBOX_XML.replace("<w:t>文本框：单位盖章处</w:t>", "<w:t>盖章</w:t><w:tab/><w:t>日期</w:t><w:br/><w:t>二〇二五年</w:t>", 1)
    d.add_paragraph("正文")._p.append(parse_xml(box))
    t = d.add_table(rows=1, cols=3)
    t.cell(0, 0).text = "指标\t分值"
    t.cell(0, 1).text = "第一行\n第二行"
    t.cell(0, 2).paragraphs[0]._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t>0745</w:t><w:noBreakHyphen/><w:t>1234567</w:t></w:r>'))
    t.cell(0, 2).add_paragraph("第二段")
    d.save(tmp_path / "t.docx")
    doc = docx.read(tmp_path / "t.docx")
    assert _texts(doc) == ["正文", "盖章\t日期\n二〇二五年"]
    assert [c.text for c in doc.tables()[0][1].cells] == ["指标\t分值", "第一行\n第二行", "0745-1234567\n第二段"]


def test_merged_cells_of_a_table_in_a_text_box(tmp_path):
    """A text box is detached from the body before the walk; its table keeps its spans and merges."""
    cell = '<w:tc><w:tcPr>{}</w:tcPr><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>'
    rows = (cell.format('<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>', "合并") + cell.format("", "右"),
            cell.format('<w:gridSpan w:val="2"/><w:vMerge/>', "") + cell.format("", "下"))
    table = "<w:tbl>" + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>"
    box = TEXTBOX_XML.replace("<w:p><w:r><w:t>文本框：单位盖章处</w:t></w:r></w:p>", table, 1)
    d = python_docx.Document()
    d.add_paragraph("正文")._p.append(parse_xml(box))
    d.save(tmp_path / "box.docx")
    ((_, table),) = docx.read(tmp_path / "box.docx").tables()
    assert [(c.text, c.row, c.col, c.rowspan, c.colspan) for c in table.cells] == [
        ("合并", 0, 0, 2, 2), ("右", 0, 2, 1, 1), ("下", 1, 2, 1, 1)]
