"""`jixiao template` and `jixiao render` through the CLI: pre-flight errors with workbook cells in
Chinese and exit 2 (never a traceback), --force, --redact, Report JSON input, the template's
validation."""

from __future__ import annotations

import json
import re
import zipfile

from openpyxl import load_workbook
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.compose import workbook as wb
from jixiao.compose.fill_in import build
from jixiao.compose.template import write
from jixiao.scoring.profile import load_profile
from tests.compose.helpers import EXAMPLE, example_filing

runner = CliRunner()


def _flat(text: str) -> str:
    """Output without whitespace: rich wraps long lines at the console width."""
    return re.sub(r"\s", "", text)


def _docx_text(path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/") and n.endswith(".xml"))


def _broken_workbook(tmp_path):
    """The example with four mistakes: text in a number cell, weights off 100, a required cell
    emptied, and a level-two indicator that does not belong to its level one."""
    path = tmp_path / "有错误的填报.xlsx"
    book = load_workbook(EXAMPLE)
    book[wb.BUDGET.name]["B3"] = "约3486万"  # 全年预算数
    book[wb.UNIT.name]["B2"] = None  # 预算单位名称
    ind = book[wb.INDICATORS.name]
    ind["D2"] = 9  # first indicator weight 6 → 9: total 103
    ind["B10"] = "数量指标"  # row 10 is an 效益指标 row
    book.save(path)
    return path


def test_render_refuses_a_workbook_with_mistakes(tmp_path):
    out = tmp_path / "报告.docx"
    result = runner.invoke(app, ["render", str(_broken_workbook(tmp_path)), "-o", str(out)])
    assert result.exit_code == 2
    text = _flat(result.output)
    assert "Traceback" not in text and not out.exists()
    assert "预算执行!B3：“全年预算数（调整后）”应为数值，实为“约3486万”" in text
    assert "单位信息!B2：“预算单位名称”为必填项，未填写" in text
    assert "绩效指标!B10：二级指标“数量指标”不属于“效益指标”" in text
    assert "绩效指标!D2:D14" in text and "不等于100分" in text and "AR106" in text
    assert "未生成报告" in text and "--force" in text


def test_force_renders_anyway_with_a_warning(tmp_path):
    out = tmp_path / "报告.docx"
    result = runner.invoke(app, ["render", str(_broken_workbook(tmp_path)), "-o", str(out), "--force"])
    assert result.exit_code == 0, result.output
    assert "已按--force强制生成" in _flat(result.output) and out.is_file()


def test_qualitative_actual_must_state_its_tier(tmp_path):
    path = tmp_path / "定性.xlsx"
    book = load_workbook(EXAMPLE)
    book[wb.INDICATORS.name]["F13"] = "效果明显"  # the 定性 indicator's actual
    book.save(path)
    result = runner.invoke(app, ["render", str(path), "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 2 and "绩效指标!F13：指标“枫林河防洪标准”无法计分" in _flat(result.output)


def test_not_a_workbook_is_one_chinese_line(tmp_path):
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"not a zip")
    result = runner.invoke(app, ["render", str(bad), "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 2 and "不是可读取的.xlsx填报表" in _flat(result.output) and "Traceback" not in result.output


def test_redact_leaves_out_names_and_phone(tmp_path):
    filing = example_filing()
    plain, public = tmp_path / "内部.docx", tmp_path / "公开.docx"
    assert runner.invoke(app, ["render", str(EXAMPLE), "-o", str(plain)]).exit_code == 0
    assert runner.invoke(app, ["render", str(EXAMPLE), "-o", str(public), "--redact"]).exit_code == 0
    for secret in (filing.filler, filing.phone, filing.leader):
        assert secret in _docx_text(plain) and secret not in _docx_text(public)
    assert "填表人：（公开版不显示）" in _docx_text(public)


def test_render_from_report_json(tmp_path):
    docx = tmp_path / "报告.docx"
    assert runner.invoke(app, ["render", str(EXAMPLE), "-o", str(docx)]).exit_code == 0
    parsed = runner.invoke(app, ["parse", str(docx), "--format", "json"])
    source = tmp_path / "报告.json"
    source.write_text(parsed.stdout, encoding="utf-8")
    again = tmp_path / "再生成.docx"
    result = runner.invoke(app, ["render", str(source), "-o", str(again)])
    assert result.exit_code == 0, result.output
    reparsed = json.loads(runner.invoke(app, ["parse", str(again), "--format", "json"]).stdout)
    first = json.loads(parsed.stdout)
    for key in ("unit", "budget", "spending", "three_public", "total_score", "grade"):
        assert reparsed[key] == first[key], key
    assert [i["score"] for i in reparsed["indicators"]] == [i["score"] for i in first["indicators"]]


def test_template_has_sheets_dropdowns_and_required_marks(tmp_path):
    path = tmp_path / "填报模板.xlsx"
    result = runner.invoke(app, ["template", "-o", str(path)])
    assert result.exit_code == 0, result.output
    book = load_workbook(path)
    assert book.sheetnames[0] == wb.INSTRUCTIONS and {s.name for s in wb.SHEET_ORDER} <= set(book.sheetnames)
    ind = book[wb.INDICATORS.name]
    formulas = {dv.formula1 for dv in ind.data_validations.dataValidation}
    assert f"{wb.CHOICES}!$B$2:$B$10" in formulas and '"≥,≤,=,定性"' in formulas
    level2 = [c.value for c in book[wb.CHOICES]["B"][1:] if c.value]
    assert level2[:4] == ["数量指标", "质量指标", "时效指标", "成本指标"] and "服务对象满意度指标" in level2
    budget = book[wb.BUDGET.name]
    assert budget["B3"].fill.fgColor.rgb.endswith("FFF2CC") and "必填" in budget["B3"].comment.text
    assert budget["B3"].number_format == "#,##0.00"
    assert any(dv.type == "decimal" and "B3" in str(dv.sqref) for dv in budget.data_validations.dataValidation)
    assert "细化量化的指标示例" in [c.value for c in book[wb.INSTRUCTIONS]["A"]]


def test_unknown_profile_is_one_line(tmp_path):
    result = runner.invoke(app, ["template", "-o", str(tmp_path / "t.xlsx"), "--profile", "nowhere"])
    assert result.exit_code == 2 and "找不到评分方案" in _flat(result.output)


def test_empty_template_renders_nothing_but_lists_required_cells(tmp_path):
    path = tmp_path / "空.xlsx"
    write(path, load_profile("hunan"))
    result = runner.invoke(app, ["render", str(path), "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 2 and "单位信息!B2" in _flat(result.output) and "预算执行!B2" in _flat(result.output)


def test_built_report_points_back_at_cells():
    report = build(example_filing(), load_profile("hunan")).report
    assert report.provenance["budget.full_year"].text == "预算执行!B3"
    assert report.provenance["indicators[0].weight"].method.startswith("自评表 绩效指标行")
