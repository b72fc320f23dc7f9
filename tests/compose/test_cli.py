"""`jixiao template` and `jixiao render` through the CLI, for every template: pre-flight errors with
workbook cells in Chinese and exit 2 (never a traceback), --force, --redact, the template recorded in
the workbook, Report JSON input, the workbook's sheets, dropdowns and validation."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.compose import fonts
from jixiao.compose import workbook as wb
from jixiao.compose.outline import plan, sheets_for, writable
from jixiao.compose.template import write
from tests.compose.helpers import docx_text, example, example_built, flat

runner = CliRunner()
BUDGET = {"department": wb.BUDGET, "project": wb.PROJECT_FUNDS, "external": wb.EXTERNAL_BUDGET}
INDICATORS = {"department": wb.INDICATORS, "project": wb.PROJECT_INDICATORS, "external": wb.SCORES}


def _unit_sheet(name: str) -> wb.FormSheet:
    return next(s for s in sheets_for(plan(name)) if s.name == "单位信息")


def _broken(name: str, tmp_path):
    """The example with three mistakes: text in an amount cell, the unit's name emptied, and the first
    indicator's weight raised by 3 (so the weights no longer add up to 100)."""
    family = plan(name).family
    path = tmp_path / "有错误的填报.xlsx"
    book = load_workbook(example(name))
    budget = BUDGET[family]
    amount = budget.ref("full_year") if isinstance(budget, wb.FormSheet) else budget.ref("full_year", 0)
    sheet, cell = amount.split("!")
    book[sheet][cell] = "约3486万"
    unit = _unit_sheet(name).ref("unit_name")
    book[unit.split("!")[0]][unit.split("!")[1]] = None
    weight = INDICATORS[family].ref("weight", 0)
    ws = book[weight.split("!")[0]]
    ws[weight.split("!")[1]] = ws[weight.split("!")[1]].value + 3
    book.save(path)
    return path, amount, unit, weight


@pytest.mark.parametrize("name", writable())
def test_render_refuses_a_workbook_with_mistakes(name, tmp_path):
    path, amount, unit, weight = _broken(name, tmp_path)
    out = tmp_path / "报告.docx"
    result = runner.invoke(app, ["render", str(path), "-o", str(out)])
    assert result.exit_code == 2
    text = flat(result.output)
    assert "Traceback" not in text and not out.exists()
    assert f"{amount}：“全年预算数（调整后）”应为数值，实为“约3486万”" in text
    assert f"{unit}：“{_unit_sheet(name).fields[0].label}”为必填项，未填写" in text
    column = weight.split("!")[1][0]
    assert re.search(rf"{weight.split('!')[0]}!{column}\d+(:{column}\d+)?：[^\n]*(103|93)分", text), text  # the weights, with the cells
    assert "未生成报告" in text and "--force" in text


def test_force_renders_anyway_with_a_warning(tmp_path):
    path, *_ = _broken("hunan_department", tmp_path)
    out = tmp_path / "报告.docx"
    result = runner.invoke(app, ["render", str(path), "-o", str(out), "--force"])
    assert result.exit_code == 0, result.output
    assert "已按--force强制生成" in flat(result.output) and out.is_file()


def test_qualitative_actual_must_state_its_tier(tmp_path):
    path = tmp_path / "定性.xlsx"
    book = load_workbook(example("hunan_department"))
    book[wb.INDICATORS.name]["F13"] = "效果明显"  # the 定性 indicator's actual
    book.save(path)
    result = runner.invoke(app, ["render", str(path), "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 2 and "绩效指标!F13：指标“枫林河防洪标准”无法计分" in flat(result.output)


def test_project_rows_name_a_known_project_and_source(tmp_path):
    path = tmp_path / "项目.xlsx"
    book = load_workbook(example("project_form"))
    book[wb.PROJECT_FUNDS.name]["B3"] = "财政拨款"
    book[wb.PROJECT_INDICATORS.name]["A2"] = "不存在的项目"
    book.save(path)
    text = flat(runner.invoke(app, ["render", str(path), "-o", str(tmp_path / "r.docx")]).output)
    assert "项目资金!B3：资金来源“财政拨款”无效（应为当年财政拨款、上年结转资金、其他资金）" in text
    assert "绩效指标!A2：项目“不存在的项目”不在“项目信息”表中" in text


def test_an_evaluators_score_is_never_above_the_weight(tmp_path):
    path = tmp_path / "评价.xlsx"
    book = load_workbook(example("external_53"))
    book[wb.SCORES.name]["E2"] = 9  # 绩效目标合理性: 分值 4
    book.save(path)
    assert "评价指标!E2：得分9超过分值4" in flat(runner.invoke(app, ["render", str(path), "-o", str(tmp_path / "r.docx")]).output)


def test_not_a_workbook_is_one_chinese_line(tmp_path):
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"not a zip")
    result = runner.invoke(app, ["render", str(bad), "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 2 and "不是可读取的.xlsx填报表" in flat(result.output) and "Traceback" not in result.output


@pytest.mark.parametrize("name", writable())
def test_redact_leaves_out_names_and_phones(name, tmp_path, rendered):
    filing = example_built(name).filing
    plain, public = rendered[name], tmp_path / "公开.docx"
    assert runner.invoke(app, ["render", str(example(name)), "-o", str(public), "--redact"]).exit_code == 0
    shown = [s for s in (filing.filler, filing.phone, filing.leader) if s and s in docx_text(plain)]
    signed = bool(plan(name).compose.attachments) and name != "external_53"  # forms end with 填表人 and 联系电话
    assert len(shown) >= 2 if signed else True
    assert all(s not in docx_text(public) for s in shown)
    if signed:
        assert "填表人：（公开版不显示）" in docx_text(public)


def test_the_workbook_records_its_template(tmp_path):
    path = tmp_path / "模板.xlsx"
    result = runner.invoke(app, ["template", "-o", str(path), "--template", "external_53"])
    assert result.exit_code == 0 and "external_53" in flat(result.output)
    assert load_workbook(path)[wb.CHOICES]["D2"].value == "external_53"
    rendered = runner.invoke(app, ["render", str(example("guangdong_department")), "-o", str(tmp_path / "r.docx")])
    assert rendered.exit_code == 0 and "广东" in flat(rendered.output)  # no --template: the recorded one


def test_render_from_report_json(tmp_path):
    docx = tmp_path / "报告.docx"
    assert runner.invoke(app, ["render", str(example("hunan_department")), "-o", str(docx)]).exit_code == 0
    parsed = runner.invoke(app, ["parse", str(docx), "--format", "json"])
    source = tmp_path / "报告.json"
    source.write_text(parsed.stdout, encoding="utf-8")
    again = tmp_path / "再生成.docx"
    result = runner.invoke(app, ["render", str(source), "-o", str(again)])
    assert result.exit_code == 0, result.output
    reparsed = json.loads(runner.invoke(app, ["parse", str(again), "--format", "json"]).stdout)
    first = json.loads(parsed.stdout)
    for key in ("unit", "budget", "spending", "three_public", "total_score", "grade", "template", "document_kind"):
        assert reparsed[key] == first[key], key
    assert [i["score"] for i in reparsed["indicators"]] == [i["score"] for i in first["indicators"]]


@pytest.mark.parametrize("name", writable())
def test_template_has_its_sheets_dropdowns_and_required_marks(name, tmp_path):
    path = tmp_path / "填报模板.xlsx"
    result = runner.invoke(app, ["template", "-o", str(path), "--template", name])
    assert result.exit_code == 0, result.output
    book = load_workbook(path)
    chosen = plan(name)
    assert book.sheetnames == [wb.INSTRUCTIONS, *(s.name for s in sheets_for(chosen)), wb.CHOICES]
    indicators = book[INDICATORS[chosen.family].name]
    formulas = {dv.formula1 for dv in indicators.data_validations.dataValidation}
    assert any(f.startswith(f"{wb.CHOICES}!$B$2") for f in formulas)
    level2 = [c.value for c in book[wb.CHOICES]["B"][1:] if c.value]
    assert level2 == [n for g in chosen.profile.level1 for n in chosen.level2(g.name)]
    unit = book["单位信息"]
    assert unit["B2"].fill.fgColor.rgb.endswith("FFF2CC") and "必填" in unit["B2"].comment.text
    assert "填报说明" in book[wb.INSTRUCTIONS]["A1"].value


def test_empty_template_renders_nothing_but_lists_required_cells(tmp_path):
    path = tmp_path / "空.xlsx"
    write(path, plan("project_form"))
    result = runner.invoke(app, ["render", str(path), "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 2 and "单位信息!B2" in flat(result.output) and "项目信息!A2" in flat(result.output)


def test_unknown_profile_or_template_is_one_line(tmp_path):
    result = runner.invoke(app, ["template", "-o", str(tmp_path / "t.xlsx"), "--profile", "nowhere"])
    assert result.exit_code == 2 and "找不到评分方案" in flat(result.output)
    result = runner.invoke(app, ["render", str(example("project_form")), "-o", str(tmp_path / "r.docx"), "--template", "nowhere"])
    assert result.exit_code == 2 and "找不到报告模板" in flat(result.output) and "Traceback" not in result.output


def test_built_report_points_back_at_cells():
    report = example_built("hunan_department").report
    assert report.provenance["budget.full_year"].text == "预算执行!B3"
    assert report.provenance["indicators[0].weight"].method.startswith("自评表 绩效指标行")
    projects = example_built("project_form").report
    assert projects.provenance["projects[1].indicators[0].weight"].text == "绩效指标!E8"  # column A names the project


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_pdf_states_the_font_fallback(tmp_path):
    out = tmp_path / "表.docx"
    result = runner.invoke(app, ["render", str(example("department_form")), "-o", str(out), "--pdf"])
    assert result.exit_code == 0, result.output
    assert out.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    note = fonts.fallback_note(fonts.missing_fonts())
    assert note is None or flat(note) in flat(result.output)
