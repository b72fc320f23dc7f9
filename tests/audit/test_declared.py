"""Declared before assumed: weights, comparators and scoring rules the document states come first."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from jixiao.audit import audit
from jixiao.extract import extract
from jixiao.ingest.registry import read
from tests.audit.test_rules import HUNAN, edit

CASES = Path(__file__).parent / "cases"
PROJECT = (CASES / "consistent_project_form.txt").read_text(encoding="utf-8")


def _audit(tmp_path: Path, text: str):
    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    doc = read(path)
    return audit(extract(doc), doc)


def test_execution_weight_declared_by_the_form_note(tmp_path):
    result = _audit(tmp_path, PROJECT)
    report = extract(read(tmp_path / "form.txt"))
    assert report.budget.execution_weight == 20
    assert any("20分×执行率" in note for note in report.scoring_notes)
    assert not [f for f in result.findings if f.rule == "AR102"]


def test_wrong_score_against_a_declared_weight_is_an_error(tmp_path):
    result = _audit(tmp_path, edit(PROJECT, ("\t20\t95.00%\t19.00", "\t20\t95.00%\t9.50")))
    [finding] = [f for f in result.findings if f.rule == "AR102" or "AR102" in f.also]
    assert finding.severity == "error" and not finding.assumed and "19" in finding.message


def test_wrong_score_against_an_assumed_weight_is_a_warning_that_says_so(tmp_path):
    text = edit(HUNAN, ("2800.00\t3000.00\t2850.00\t10\t95.00%\t9.50", "2800.00\t3000.00\t2850.00\t\t95.00%\t19.00"))
    result = _audit(tmp_path, text)
    [finding] = [f for f in result.findings if f.rule == "AR102" or "AR102" in f.also]
    assert finding.severity == "warning" and finding.assumed and "报告未写明" in finding.message


def test_reference_weight_column_and_direction_column():
    """Sichuan-style rows: comparator in 指标性质, the value in 指标值, the unit in 度量单位, weights in 参考分值."""
    path = CASES / "consistent_direction_form.txt"
    report = extract(read(path))
    form = next(f for f in report.forms if f.kind == "self_evaluation")
    assert form.columns["weight"] == "参考分值" and form.columns["direction"] == "指标性质"
    first, second, third = report.indicators[:3]
    assert (first.direction, first.target, first.actual, first.weight) == ("≥", "≥1200户", "1260户", 10)  # comparator cell joined to the value
    assert (second.direction, third.direction) == ("=", "≥")
    assert first.target_measure.comparator == "≥" and third.target_measure.is_percent
    assert report.total_score == 99
    result = audit(report, read(path))
    assert [f for f in result.findings if f.severity != "info"] == []


def test_unreadable_weight_is_reported_as_such_not_as_blank(tmp_path):
    text = edit(PROJECT, ("1260户\t10\t10", "1260户\t十分\t10"))
    result = _audit(tmp_path, text)
    [finding] = [f for f in result.findings if f.rule == "MV702"]
    assert "无法识别" in finding.message and "空白" not in finding.message


def test_dash_marks_a_cell_not_applicable(tmp_path):
    text = edit(PROJECT, ("1260户\t10\t10", "1260户\t—\t—"))
    result = _audit(tmp_path, text)
    assert not [f for f in result.findings if f.rule == "MV702"]


# ---- a Sichuan 部门预算项目支出绩效自评表: 预算执行情况（10分）, 权重 columns, 指标性质 | 指标值 | 度量单位,
#      评价结论 / 存在问题 / 改进措施 as rows of the form


def test_sichuan_project_form_is_read_whole_and_clean():
    path = CASES / "sichuan_project_form.txt"
    report = extract(read(path))
    assert (report.document_kind, report.project.implementer, report.unit.year) == ("project_form", "示例县农村综合改革服务中心", 2024)
    assert (report.budget.execution_weight, report.budget.execution_score, report.total_score) == (10, Decimal("9.8"), Decimal("99.8"))
    assert [line.label for line in report.budget.lines] == ["财政资金", "财政专户管理资金", "单位资金", "其他资金"]
    assert len(report.goals) == 1 and report.problems and report.measures
    assert [f for f in audit(report, read(path)).findings if f.severity != "info"] == []


def test_unfilled_form_says_what_was_left_to_fill():
    path = CASES / "sichuan_project_form_unfilled.txt"
    result = audit(extract(read(path)), read(path))
    reported = {f.rule: f for f in result.findings if f.severity != "info"}
    assert set(reported) == {"MV702", "CM604", "CM605"}
    assert len(reported["MV702"].locations) == 6 and "完成值、得分空白" in reported["MV702"].message
    assert reported["CM604"].message.count("字以内") == 4
