"""Named limits: defaults, overrides, and every backend keeping within them (dropping what is beyond, and saying so)."""

from __future__ import annotations

import pytest

from jixiao.errors import InputError
from jixiao.ingest.document import Cell, bounded_table
from jixiao.ingest.limits import ENV_VAR, Limits, current
from jixiao.ingest.registry import read
from tests.fuzz.builders import cell, document_xml, paragraph, pdf_with_pages, replace_members, word_table, xlsx_bytes
from tests.ingest.builders import build_report_docx


def test_environment_overrides_defaults_and_ignores_what_it_does_not_know(monkeypatch):
    monkeypatch.setenv(ENV_VAR, "pdf_pages=3, read_seconds=1.5,bogus=1,table_rows=many")
    limits = current()
    assert (limits.pdf_pages, limits.read_seconds, limits.table_rows) == (3, 1.5, Limits().table_rows)
    monkeypatch.delenv(ENV_VAR)
    assert current() == Limits()


def test_an_argument_overrides_the_environment(monkeypatch):
    monkeypatch.setenv(ENV_VAR, "text_bytes=10")
    with pytest.raises(InputError, match="文本文件过大"):
        read("编制数114人".encode(), name="报告.txt")
    assert read("编制数114人".encode(), name="报告.txt", limits=Limits()).blocks[0].text == "编制数114人"


def test_file_size_is_checked_before_anything_is_parsed():
    with pytest.raises(InputError, match=r"文件过大（2 MB，上限 1 MB）"):
        read(b"%PDF-1.7\n" + bytes(2 * 1024 * 1024), name="报告.pdf", limits=Limits(file_bytes=1024 * 1024))


def test_spans_are_clamped_to_the_grid_and_far_cells_dropped():
    cells = [Cell("a", 0, 0, rowspan=10**9, colspan=10**9), Cell("b", 0, 500), Cell("c", 3, 1)]
    kept, reason = bounded_table(cells, Limits(table_cols=4, table_rows=100, table_area=1000))
    assert [(c.text, c.row, c.col, c.rowspan, c.colspan) for c in kept] == [("a", 0, 0, 100, 4), ("c", 3, 1, 1, 1)]
    assert reason == "表格超过 4 列的部分已忽略"


def _docx(tmp_path, body: str) -> bytes:
    return replace_members(build_report_docx(tmp_path / "r.docx").read_bytes(), {"word/document.xml": document_xml(body)})


@pytest.mark.parametrize("value", ["1000000000", "9" * 5000, "²", "-3"])
def test_docx_huge_grid_span_and_grid_before_stay_within_the_columns(tmp_path, value):
    rows = [["三级指标", "分值"], ["完成率", "10"]]
    body = word_table(rows, tc_props=f'<w:tcPr><w:gridSpan w:val="{value}"/></w:tcPr>', tr_props=f'<w:trPr><w:gridBefore w:val="{value}"/></w:trPr>')
    doc = read(_docx(tmp_path, body), name="报告.docx")
    (_, table), = doc.tables()
    assert table.n_cols <= Limits().table_cols and len(table.grid()) == 2


def test_docx_rows_and_nesting_beyond_the_limits_are_dropped_and_said(tmp_path):
    nested = paragraph("最内层")
    for _ in range(5):
        nested = f"<w:tbl><w:tr><w:tc>{nested}</w:tc></w:tr></w:tbl>"
    body = word_table([[f"指标{i}", "10"] for i in range(50)]) + nested
    doc = read(_docx(tmp_path, body), name="报告.docx", limits=Limits(table_rows=20, table_depth=3))
    assert doc.tables()[0][1].n_rows == 20
    assert doc.partial == ["表格超过 20 行的部分已忽略", "嵌套超过 3 层的表格已忽略"]
    assert len(doc.tables()) == 1 + 3


def test_xlsx_far_apart_cells_make_a_small_table():
    data = xlsx_bytes([f"<sheetData><row>{cell('A1', '编制数')}</row><row r='1048576'>{cell('XFD1048576', '114')}</row></sheetData>"])
    doc = read(data, name="报告.xlsx")
    (_, table), = doc.tables()
    assert table.n_rows <= 18 and table.n_cols <= 18 and doc.partial == []  # the empty gap is shortened to 16
    assert {c.text for c in table.cells} >= {"编制数", "114"}


def test_xlsx_overlapping_merges_keep_the_first_and_cells_beyond_the_limit_are_dropped():
    merges = '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>'
    rows = "".join(f"<row>{cell(f'A{r}', '一级指标')}{cell(f'C{r}', '得分')}</row>" for r in range(1, 4))
    doc = read(xlsx_bytes([f"<sheetData>{rows}</sheetData>{merges}"]), name="报告.xlsx")
    (_, table), = doc.tables()
    first = table.grid()[0][0]
    assert (first.rowspan, first.colspan) == (2, 2) and table.grid()[2][2].rowspan == 1
    many = "".join(f"<row>{cell(f'A{r}', str(r), 'n')}</row>" for r in range(1, 201))
    doc = read(xlsx_bytes([f"<sheetData>{many}</sheetData>"]), name="报告.xlsx", limits=Limits(xlsx_cells=50))
    assert doc.tables()[0][1].n_rows == 50 and doc.partial == ["工作簿单元格超过 50 个，其余已忽略"]


def test_xlsx_shared_string_index_out_of_range_reads_blank_and_says_so():
    data = xlsx_bytes([f"<sheetData><row>{cell('A1', '7', 's')}{cell('B1', '0', 's')}</row></sheetData>"], shared=["编制数"])
    doc = read(data, name="报告.xlsx")
    assert [c.text for c in doc.tables()[0][1].cells] == ["编制数"]
    assert doc.partial == ["部分单元格引用的共享字符串不存在，已按空白读取"]


def test_text_table_of_20k_rows_is_read_whole_and_beyond_the_row_limit_in_part():
    text = "三级指标\t分值\n" + "\n".join(f"指标{i}\t10" for i in range(20_000))
    doc = read(text.encode(), name="报告.txt")
    assert doc.tables()[0][1].n_rows == 20_001 and doc.partial == []
    doc = read(text.encode(), name="报告.txt", limits=Limits(table_rows=100))
    assert doc.tables()[0][1].n_rows == 100 and doc.partial == ["表格超过 100 行的部分已忽略"]


def test_blocks_and_cells_of_a_document_are_bounded():
    text = "\n".join(f"第{i}段。" for i in range(100))
    doc = read(text.encode(), name="报告.txt", limits=Limits(blocks=10))
    assert len(doc.blocks) == 10 and doc.partial == ["超过 10 个段落和表格的内容已忽略"]
    tables = "\n\n段落\n\n".join("a\tb\nc\td" for _ in range(5))
    doc = read(tables.encode(), name="报告.txt", limits=Limits(doc_cells=10))
    assert len(doc.tables()) == 2 and doc.partial == ["表格单元格总数超过 10 个，其余表格已忽略"]


def test_pdf_pages_beyond_the_limit_are_refused_and_heavy_pages_skipped():
    light = b"BT /F1 12 Tf 50 700 Td (Budget 95%) Tj ET"
    heavy = b"".join(b"BT /F1 1 Tf %d 10 Td (a) Tj ET\n" % i for i in range(2000))
    with pytest.raises(InputError, match="页数过多（3 页，上限 2 页）"):
        read(pdf_with_pages([light] * 3), name="报告.pdf", limits=Limits(pdf_pages=2))
    doc = read(pdf_with_pages([light, heavy], compress=True), name="报告.pdf", limits=Limits(pdf_page_texts=1000))
    assert doc.partial == ["第 2 页内容过多（疑似恶意构造），已跳过"]
    assert doc.blocks[0].text == "Budget 95%"


def test_readme_lists_every_limit_with_its_default():
    import dataclasses
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for f in dataclasses.fields(Limits):
        value = f.default
        shown = f"{value // 1024**2} MB" if f.name.endswith("_bytes") and value >= 1024**2 else f"{value:g} s" if isinstance(value, float) else f"{value:,}"
        assert f"| `{f.name}` | {shown} |" in readme, f.name
