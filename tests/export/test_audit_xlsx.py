"""The 审核意见表 workbook: header, styles, and every value kept as the value it is."""

from __future__ import annotations

from openpyxl import load_workbook

from jixiao.export.audit_xlsx import FINDING_COLUMNS, SUMMARY_COLUMNS, write_rows


def _book(level: str, message: str) -> dict[str, list]:
    finding = ["某镇人民政府", "a.docx", "AR101", "算术", level, message, "自评表 第3行", "95.00%", "97.00%", "预算执行率97%", "改为 95%"]
    summary = ["某镇人民政府", 2024, "a.docx", "已审核", "hunan", 88.5, 90.0, 1, 0, 0, None]
    return {"summary": summary, "findings": [finding]}


def test_header_styles_and_values(tmp_path):
    path = tmp_path / "意见.xlsx"
    tricky = "=SUM(A1:A2) 见 https://example.org\x01"
    write_rows([_book("错误", tricky), _book("警告", "+1"), _book("提示", "12")], path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["审核意见", "汇总"]
    findings, summary = wb["审核意见"], wb["汇总"]
    assert [c.value for c in findings[1]] == [name for name, _ in FINDING_COLUMNS]
    assert [c.value for c in summary[1]] == [name for name, _ in SUMMARY_COLUMNS]
    assert findings["A1"].font.b and findings.freeze_panes == "A2" and findings.auto_filter.ref == "A1:K1"
    # text stays text (no formula, no link); a control character, which openpyxl refused, is escaped as Excel does
    assert findings["F2"].value == tricky.replace("\x01", "_x0001_") and findings["F2"].data_type == "s"
    assert findings["F3"].value == "+1" and findings["F4"].value == "12"  # numbers in text are not converted
    assert findings["F2"].alignment.wrap_text and findings["F2"].alignment.vertical == "top"
    assert [findings[f"E{r}"].fill.fgColor.rgb[-6:] for r in (2, 3)] == ["FDE2E1", "FFF3CD"]
    assert findings["E4"].fill.fill_type is None
    assert [c.value for c in summary[2]] == ["某镇人民政府", 2024, "a.docx", "已审核", "hunan", 88.5, 90, 1, 0, 0, None]
    assert summary.max_row == 4
