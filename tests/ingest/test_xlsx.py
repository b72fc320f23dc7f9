"""The .xlsx backend: sheets as heading + table, merged ranges as spans, values as Excel displays them."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
import pytest

from jixiao.errors import InputError
from jixiao.ingest import xlsx


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "自评表"
    ws["B2"] = "部门整体支出绩效自评表"
    ws.merge_cells("B2:F2")
    for col, text in zip("BCDEF", ["项目", "全年预算数", "全年执行数", "执行率", "填报日期"]):
        ws[f"{col}3"] = text
    ws["B4"], ws["C4"], ws["D4"], ws["E4"] = "合计", 1638.1, 1190.4, 0.72670001
    ws["E4"].number_format = "0.00%"
    ws["F4"] = dt.datetime(2025, 3, 1)
    ws["B6"] = "产出指标"
    ws.merge_cells("B6:B7")
    ws["C6"], ws["D6"], ws["E6"] = 0.1 + 0.2, 100.0, 0.5
    ws["E6"].number_format = "0%"
    ws["C7"], ws["D7"] = 12345678901234567890, 3
    ws["F9"] = None  # a styled but empty cell at the edge must not widen the table
    ws["F9"].number_format = "0.00"
    hidden = wb.create_sheet("隐藏表")
    hidden["A1"] = "不应读出"
    hidden.sheet_state = "hidden"
    other = wb.create_sheet("基础数据表")
    other["A1"] = "编制数"
    other["B1"] = 114
    wb.create_sheet("空表")
    path = tmp_path_factory.mktemp("xlsx") / "report.xlsx"
    wb.save(path)
    return xlsx.read(path)


def test_visible_sheets_become_heading_and_table(workbook):
    kinds = [(b.kind, b.text) for b in workbook.blocks]
    assert kinds == [
        ("heading", "自评表"),
        ("table", ""),
        ("heading", "基础数据表"),
        ("table", ""),
        ("heading", "空表"),
    ]
    assert all(b.level == 1 for b in workbook.blocks if b.kind == "heading")
    assert not any("不应读出" in c.text for _, t in workbook.tables() for c in t.cells)


def test_used_range_is_trimmed_and_merges_are_spans(workbook):
    (_, table), (_, basic) = workbook.tables()
    assert (table.n_rows, table.n_cols) == (6, 5)  # B2:F7; the blank row 5 inside is kept
    title = table.grid()[0][0]
    assert (title.text, title.colspan, title.rowspan) == ("部门整体支出绩效自评表", 5, 1)
    output = table.grid()[4][0]
    assert (output.text, output.rowspan) == ("产出指标", 2)
    assert table.grid()[5][0] is output
    assert [c.text for c in table.rows()[3]] == [""] * 5
    assert [[c.text for c in row] for row in basic.rows()] == [["编制数", "114"]]


def test_values_are_displayed_like_excel(workbook):
    (_, table), _ = workbook.tables()
    rows = [[c.text for c in row] for row in table.rows()]
    assert rows[2] == ["合计", "1638.1", "1190.4", "72.67%", "2025-03-01"]
    assert rows[4] == ["产出指标", "0.3", "100", "50%", ""]
    assert rows[5] == ["12345678901234600000", "3", "", ""]  # Excel keeps 15 significant digits


@pytest.mark.parametrize(
    ("value", "fmt", "text"),
    [
        (0.1 + 0.2, "General", "0.3"),
        (1e-7, "General", "0.0000001"),
        (2.5e20, "General", "250000000000000000000"),
        (1.0, "General", "1"),
        (-0.125, "0.0%", "-12.5%"),
        (0.98765, "0.00%", "98.77%"),
        (True, "General", "TRUE"),
        (dt.date(2024, 12, 31), "yyyy-mm-dd", "2024-12-31"),
        (dt.datetime(2024, 12, 31, 8, 30), "General", "2024-12-31 08:30"),
        (dt.time(9, 5), "h:mm", "09:05:00"),
        (float("inf"), "General", "inf"),
        ("≥90%", "@", "≥90%"),
    ],
)
def test_display(value, fmt, text):
    assert xlsx.display(value, fmt) == text


def test_non_workbook_zip_is_an_input_error(tmp_path):
    path = tmp_path / "fake.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("xl/workbook.xml", "<not-a-workbook/>")
    with pytest.raises(InputError, match="文件已损坏或不完整"):
        xlsx.read(path)


def test_formula_without_saved_value_reads_as_its_text(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["三级指标", "年度指标值", "实际完成值"])
    ws.append(["验收合格率", "=100%", "100%"])  # typed "=100%": openpyxl stores a formula without a value
    wb.save(tmp_path / "formula.xlsx")
    doc = xlsx.read(tmp_path / "formula.xlsx")
    ((_, table),) = doc.tables()
    assert [c.text for c in table.rows()[1]] == ["验收合格率", "=100%", "100%"]
    assert any("公式" in w for w in doc.warnings)


def test_formula_with_saved_value_reads_as_the_value(workbook):
    assert workbook.warnings == []
