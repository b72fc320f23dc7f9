"""Declared before assumed: weights, comparators and scoring rules the document states come first."""

from __future__ import annotations

from pathlib import Path

from jixiao.audit import audit
from jixiao.extract import extract
from jixiao.ingest.registry import read
from tests.audit.test_rules import HUNAN, edit

PROJECT = (Path(__file__).parent / "cases" / "consistent_project_form.txt").read_text(encoding="utf-8")


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


DIRECTION_ROWS = """绩效指标\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t实际完成值\t参考分值\t得分\t偏差原因分析及改进措施
\t产出指标\t数量指标\t完成改厕户数\t≥\t1200\t户\t1260\t10\t10\t
\t\t\t新建垃圾收集点\t＝\t36\t个\t36\t10\t10\t
\t\t质量指标\t改厕验收合格率\t≧\t95\t%\t97\t10\t10\t
\t\t时效指标\t项目完成时间\t定性\t12月底前\t\t11月完成\t10\t10\t
\t效益指标\t社会效益指标\t村庄环境整治率\t正向\t90\t%\t92\t10\t10\t
\t\t\t受益群众人次\t定性\t增加\t\t增加1,260人次\t10\t10\t
\t\t可持续影响指标\t长效管护机制\t定性\t建立\t\t已建立村级保洁长效管护机制\t10\t10\t
\t满意度指标\t服务对象满意度指标\t群众满意度\t≥\t90\t%\t93.5\t10\t10\t
总分\t\t\t\t\t\t\t\t100\t99.00\t
"""


def test_reference_weight_column_and_direction_column(tmp_path):
    """Sichuan-style rows: comparator in 指标性质, the value in 指标值, the unit in 度量单位, weights in 参考分值."""
    head, rest = PROJECT.split("绩效指标\t", 1)
    text = head + DIRECTION_ROWS + rest[rest.index("\n注："):]
    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    report = extract(read(path))
    form = next(f for f in report.forms if f.kind == "self_evaluation")
    assert form.columns["weight"] == "参考分值" and form.columns["direction"] == "指标性质"
    first, second, third = report.indicators[:3]
    assert (first.direction, first.target, first.actual, first.weight) == ("≥", "1200户", "1260户", 10)
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
