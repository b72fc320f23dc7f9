"""Plain-text reports: both table layouts, encodings, Markdown, page-break artefacts."""

import pytest

from jixiao.errors import InputError
from jixiao.ingest import text

ROWS_LAYOUT = "附件 1-2\n整体支出绩效自评表\n预算单位名称\t青石镇人民政府\n\t\t89\t\n\n一级指标\t二级指标\t三级指标\n"
CELLS_LAYOUT = "附件4\n部门整体支出绩效自评表\n\t一级指标\n\t二级指标\n\t三级指标\n\n\t产出指标\n(50分)\n\t数量指标\n\t新增企业\n\n后记。\n"


def _read(tmp_path, content: str, encoding: str = "utf-8", name: str = "r.txt"):
    path = tmp_path / name
    path.write_bytes(content.encode(encoding))
    return text.read(path)


def test_rows_layout_keeps_empty_cells_and_spans_blank_lines(tmp_path):
    doc = _read(tmp_path, ROWS_LAYOUT)
    tables = [b.table for b in doc.blocks if b.table]
    assert len(tables) == 1
    rows = [[c.text for c in row] for row in tables[0].rows()]
    assert rows[0] == ["预算单位名称", "青石镇人民政府"]
    assert rows[1] == ["", "", "89", ""]
    assert rows[2] == ["一级指标", "二级指标", "三级指标"]
    assert [b.text for b in doc.blocks[:2]] == ["附件 1-2", "整体支出绩效自评表"]


def test_cells_layout_joins_continuation_lines_into_one_cell(tmp_path):
    doc = _read(tmp_path, CELLS_LAYOUT)
    table = next(b.table for b in doc.blocks if b.table)
    rows = [[c.text for c in row] for row in table.rows()]
    assert rows == [["一级指标", "二级指标", "三级指标"], ["产出指标\n(50分)", "数量指标", "新增企业"]]
    assert doc.blocks[-1].text == "后记。"


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig", "utf-16-le"])
def test_encodings(tmp_path, encoding):
    doc = _read(tmp_path, "一、部门基本情况\n编制人数114人，实际人数127人。\n", encoding)
    assert [b.text for b in doc.blocks] == ["一、部门基本情况", "编制人数114人，实际人数127人。"]


def test_sentence_cut_by_page_break_is_rejoined(tmp_path):
    doc = _read(tmp_path, "我镇通过科学的预算编制、严格的执行监督、有效的绩效\n\n评价和透明的公开机制，确保资金安全。\n\n（二）部门预算执行情况\n")
    assert doc.blocks[0].text == "我镇通过科学的预算编制、严格的执行监督、有效的绩效评价和透明的公开机制，确保资金安全。"
    assert doc.blocks[1].text == "（二）部门预算执行情况"


def test_markdown_pipe_table_and_heading(tmp_path):
    doc = _read(tmp_path, "# 自评报告\n\n| 一级指标 | 分值 | 得分 |\n|---|---|---|\n| 投入 | 15 | 12.08 |\n", name="r.md")
    assert doc.blocks[0].kind == "heading" and doc.blocks[0].text == "自评报告"
    rows = [[c.text for c in row] for row in doc.blocks[1].table.rows()]
    assert rows == [["一级指标", "分值", "得分"], ["投入", "15", "12.08"]]


def test_tab_indented_prose_is_not_a_table(tmp_path):
    doc = _read(tmp_path, "\t第一段正文。\n\n\t第二段正文。\n")
    assert [b.kind for b in doc.blocks] == ["paragraph", "paragraph"]


def test_export_bookmarks_are_dropped(tmp_path):
    doc = _read(tmp_path, "[bookmark: _GoBack]西乡县某镇人民政府为财政全额供养单位。\n")
    assert doc.blocks[0].text == "西乡县某镇人民政府为财政全额供养单位。"


def test_whitespace_only_file_is_refused(tmp_path):
    with pytest.raises(InputError, match="没有任何文字"):
        _read(tmp_path, " \n\n\u3000\n")


def test_gigantic_single_line_is_read(tmp_path):
    doc = _read(tmp_path, "预算执行率为95%，" * 200_000)
    assert len(doc.blocks) == 1 and len(doc.blocks[0].text) > 1_000_000
