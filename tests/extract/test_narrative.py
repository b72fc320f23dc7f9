"""Prose and small-table variants: Chinese-numeral years, a unit line above a table."""

from jixiao.outcome import parse_file

REPORT = """关于二〇二四年度部门整体支出绩效自评报告
一、基本情况
全年预算1,000,000.00元，实际执行950,000.00元，预算执行率95%。
附件
部门整体支出绩效自评表
单位：元
预算单位名称\t青石镇人民政府
年度预算申请\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分
\t年度资金总额\t900000\t1000000\t950000\t10\t95%\t9.5
"""


def test_chinese_numeral_year_and_unit_line_above_the_table(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    report = parse_file(path)
    assert report.unit.year == 2024
    assert (report.budget.initial, report.budget.full_year, report.budget.executed) == (90, 100, 95)
    assert report.prose_values["budget.executed"] == 95


def _parse(tmp_path, text):
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    return parse_file(path)


def test_total_from_self_evaluation_sentence_skips_group_scores(tmp_path):
    report = _parse(tmp_path, "青石镇人民政府2024年度部门整体支出绩效自评报告\n经综合自评，履职效能指标得分为45分。经自评，本单位得分93.5分，评定为优秀。\n")
    assert report.total_score == 93.5 and report.grade == "优"


def test_external_evaluation_that_quotes_the_units_self_evaluation(tmp_path):
    text = "青石镇人民政府2024年度部门整体支出绩效评价报告\n受县财政局委托，评价组对单位自评材料进行核查，单位自评得分95分，评价得分88分，等级为良。\n"
    report = _parse(tmp_path, text)
    assert report.report_kind == "external_evaluation"
    assert (report.total_score, report.grade) == (88, "良")


def test_a_title_line_that_is_a_units_name_is_read_whole(tmp_path):
    report = _parse(tmp_path, "宁远县社会保险服务中心\n关于2019年度绩效自评工作报告\n一、基本情况\n")
    assert report.unit.name == "宁远县社会保险服务中心"  # not cut at 社


def test_unit_after_a_leading_year_in_the_title(tmp_path):
    report = _parse(tmp_path, "2024年度青石镇人民政府部门整体支出绩效自评报告\n一、基本情况\n")
    assert (report.unit.name, report.unit.year) == ("青石镇人民政府", 2024)


def test_the_signature_after_the_last_section_is_not_an_item(tmp_path):
    text = "青石镇人民政府2024年度绩效评价报告\n一、基本情况\n无。\n二、存在的问题\n（一）预算编制不够精细。\n正衡会计师事务所有限公司\n2025年6月3日\n"
    assert _parse(tmp_path, text).problems == ["预算编制不够精细。"]
