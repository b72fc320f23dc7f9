"""Form layouts that differ from the official template: both forms on one Excel sheet."""

from decimal import Decimal

from openpyxl import Workbook

from jixiao.outcome import parse_file

BASIC = [
    ["部门整体支出绩效评价基础数据表"],
    ["财政供养人员情况", "编制数", "2024年实际在职人数", "控制率"],
    [None, 40, 38, "95%"],
    ["经费控制情况（万元）", "2023年决算数", "2024年预算数", "2024年决算数"],
    ["三公经费", 6.5, 6, 5.8],
    ["公用经费", 120, 110, 105],
]
SELF_EVAL = [
    ["部门整体支出绩效自评表"],
    ["预算单位名称", "青石镇人民政府"],
    ["年度预算申请（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [None, "年度资金总额", 1000, 1200, 1140, 10, "95%", 9.5],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标（90分）", "数量指标", "道路养护里程", "≥40公里", "42公里", 90, 90],
    ["总分", None, None, None, None, 100, 99.5],
]


def test_both_forms_on_one_sheet(tmp_path):
    wb = Workbook()
    for row in [*BASIC, [], *SELF_EVAL]:
        wb.active.append(row)
    path = tmp_path / "forms.xlsx"
    wb.save(path)
    report = parse_file(path)
    assert [(r.label, r.actual) for r in report.basic_data] == [("三公经费", Decimal("5.8")), ("公用经费", 105)]
    assert (report.staffing.authorized, report.staffing.actual) == (40, 38)
    assert (report.budget.full_year, report.budget.executed, report.budget.execution_score) == (1200, 1140, 9.5)
    assert [(i.name, i.weight, i.score) for i in report.indicators] == [("道路养护里程", 90, 90)]
    assert report.total_score == 99.5 and report.unit.name == "青石镇人民政府"
