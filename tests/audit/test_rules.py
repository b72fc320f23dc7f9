"""Every audit rule on small realistic reports: one that must raise it, one consistent variant that must not.

The examples are plain-text reports run through the real pipeline (ingest → extract → audit).  Most
are edits of one complete, consistent Hunan report (cases/consistent_hunan.txt: 基础数据表 and 自评表
in the seeds' tab-separated row layout, every figure right); the level-one summary rules use a short
external-evaluation report (cases/consistent_external.txt).  An edit names the exact text it
replaces, so a case fails loudly if the base report changes under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.audit import audit
from jixiao.audit.registry import CATEGORY_NAMES, RULES, SECTIONS
from jixiao.extract import extract
from jixiao.ingest.registry import read

CASES = Path(__file__).parent / "cases"
HUNAN = (CASES / "consistent_hunan.txt").read_text(encoding="utf-8")
EXTERNAL = (CASES / "consistent_external.txt").read_text(encoding="utf-8")
DIRECTION = (CASES / "consistent_direction_form.txt").read_text(encoding="utf-8")
DEPARTMENT_FORM = (CASES / "consistent_department_form.txt").read_text(encoding="utf-8")
EXTERNAL_TABLE = (CASES / "consistent_external_table.txt").read_text(encoding="utf-8")
PROJECT_FORM = (CASES / "consistent_project_form.txt").read_text(encoding="utf-8")
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

CRASH = "该规则未能执行"


def edit(base: str, *pairs: tuple[str, str]) -> str:
    """`base` with each (old, new) applied; every `old` must occur in the text being edited."""
    text = base
    for old, new in pairs:
        assert old in text, f"case text not found in base report: {old!r}"
        text = text.replace(old, new)
    return text


NARRATIVE_ONLY = """青石镇人民政府2024年度绩效自评报告
一、基本情况
县级财政安排我镇预算资金1000.00万元，实际到位资金900.00万元，资金执行率为90.00%。
二、评价结果
本单位自评得分{total}分。
"""


def hunan(*pairs: tuple[str, str]) -> str:
    return edit(HUNAN, *pairs)


def external(*pairs: tuple[str, str]) -> str:
    return edit(EXTERNAL, *pairs)


def row(*cells: str) -> str:
    return "\t".join(cells)


def indicator(level2: str, name: str, target: str, actual: str, weight: str, score: str, reason: str = "", level1: str = "") -> str:
    return row("", level1, level2, name, target, actual, weight, score, reason)


# Rows of the consistent 自评表 that cases edit.
ROAD = indicator("数量指标", "乡村道路硬化里程", "≥10公里", "12公里", "10", "10", level1="产出指标(50分)")
CHECKS = indicator("", "开展安全生产检查", "≥12次/年", "14次/年", "10", "10")
QUALITY = indicator("质量指标", "工程验收合格率", "=100%", "100%", "10", "10")
TIMELY = indicator("时效指标", "资金拨付完成时间", "2024年12月31日前", "2024年12月20日", "10", "10")
COST = indicator("成本指标", "道路硬化单位成本", "≤25万元/公里", "24.17万元/公里", "10", "10")
INCOME = indicator("经济效益指标", "带动农户增收", "≥100万元", "120万元", "8", "8", level1="效益指标(30分)")
JOBS = indicator("社会效益指标", "新增城镇就业人数", "≥150人", "135人", "8", "7.2", "受辖区企业用工需求下降影响未达目标，下一步加强用工对接")
WASTE = indicator("生态效益指标", "农村生活垃圾无害化处理率", "≥90%", "95%", "7", "7")
UPKEEP = indicator("可持续影响指标", "长效管护机制建立情况", "建立并运行", "已建立并正常运行", "7", "7")
SATISFACTION = indicator("服务对象满意度指标", "群众满意度", "≥90%", "95.6%", "10", "10", level1="满意度指标(10分)")
BUDGET_ROW = row("", "年度资金总额", "2800.00", "3000.00", "2850.00", "10", "95.00%", "9.50")
TOTAL_ROW = row("总分", "", "", "", "", "", "100", "98.70", "")
STAFF_ROW = row("", "60", "58", "96.67%")
THREE_PUBLIC_ROW = row("三公经费", "10.00", "9.00", "8.50")
CONTACT = "填表人：王敏 填报日期：2025年3月10日 联系电话：0745-1234567"
PROBLEMS = ("（一）新增就业未达目标。受辖区企业用工需求下降影响，新增城镇就业135人，比目标少15人。\n\n"
            "（二）项目前期论证不够充分，部分项目实施进度前松后紧。")
GOALS_ACHIEVED = "完成乡村道路硬化12公里；开展安全生产检查14次；群众满意度调查结果为95.6%。"
GOALS_EXPECTED = "目标1：完成乡村道路硬化10公里；目标2：开展安全生产检查不少于12次；目标3：群众满意度不低于90%。"
PROSE_ONLY = HUNAN[: HUNAN.index("附件1")]


def set_row(old: str, **cells: str) -> tuple[str, str]:
    """An edit of one indicator row: replace named cells (target, actual, weight, score, reason, name, level2)."""
    parts = old.split("\t")
    index = {"level1": 1, "level2": 2, "name": 3, "target": 4, "actual": 5, "weight": 6, "score": 7, "reason": 8}
    for key, value in cells.items():
        parts[index[key]] = value
    return old, "\t".join(parts)


@dataclass
class Case:
    """A report text; for a positive case, what one finding's message (and severity) must show."""

    text: str
    says: tuple[str, ...] = ()
    severity: str | None = None
    note: str = ""


POSITIVE: dict[str, list[Case]] = {
    # ---- arithmetic
    "AR101": [
        Case(hunan((BUDGET_ROW, BUDGET_ROW.replace("95.00%", "95.50%"))), ("95.5", "95.00"), "error"),
        Case(hunan((BUDGET_ROW, row("", "年度资金总额", "2800.00", "3001.00", "2850.00", "10", "94.96%", "9.50"))),
             ("94.96", "94.97", "截尾"), "warning", "2850 ÷ 3001 = 94.968…: 94.96 is cut off, not rounded"),
    ],
    "AR102": [Case(hunan((BUDGET_ROW, BUDGET_ROW.replace("\t9.50", "\t9.05"))), ("9.05", "9.50"))],
    "AR103": [Case(hunan(("项目支出：450.00", "项目支出：405.00")), ("2805", "2850"))],
    "AR104": [
        Case(hunan(("其他资金：100.00", "其他资金：10.00")), ("2910", "3000")),
        Case(edit(PROJECT_FORM, ("\t其他资金\t0\t0\t0", "\t其他资金\t0\t0\t12.00")), ("210", "18", "12", "240", "228"), note="the 全年执行数 column of a project form's source rows"),
        Case(edit(PROJECT_FORM, ("\t其中：当年财政拨款\t200.00\t220.00\t210.00", "\t其中：当年财政拨款\t200.00\t250.00\t210.00"),
                  ("\t上年结转资金\t0\t20.00\t18.00\t—\t90.00%\t—\n", ""), ("\t其他资金\t0\t0\t0\t—\t—\t—\n", "")),
             ("250", "240"), note="a single source row above the 年度资金总额"),
    ],
    "AR105": [Case(hunan(("产出指标(50分)", "产出指标(45分)")), ("产出指标", "45", "50"))],
    "AR106": [
        Case(hunan(set_row(SATISFACTION, weight="12", level1="满意度指标")), ("102",), note="no level-one header states the group's weight"),
        Case(hunan(set_row(SATISFACTION, weight="12"), (BUDGET_ROW, BUDGET_ROW.replace("\t10\t95.00%", "\t\t95.00%"))), ("92",),
             note="blank 执行率分值 and rows of 92"),
    ],
    "AR107": [Case(hunan((TOTAL_ROW, TOTAL_ROW.replace("98.70", "97.70"))), ("98.7", "97.7"))],
    "AR108": [
        Case(external(("合计\t100\t90.50", "合计\t100\t91.50")), ("90.5", "91.5")),
        Case(external(("效益\t20\t17.00\t85.00%", "效益\t25\t17.00\t68.00%")), ("105",), note="weights sum to 105"),
        Case(hunan(("产出指标得分50分", "产出指标得分48分")), ("48", "96.7", "98.7"),
             note="prose level-one scores + execution score 9.5 ≠ total"),
    ],
    "AR109": [Case(external(("过程\t25\t23.00\t92.00%", "过程\t25\t23.00\t95.00%")), ("过程", "95", "92.00"))],
    "AR110": [
        Case(hunan(("基本支出2400.00万元，占84.21%", "基本支出2400.00万元，占82.21%")), ("82.21", "84.21"), "error"),
        Case(hunan(("基本支出2400.00万元，其中：人员经费2090.00万元，占87.08%；公用经费310.00万元，占12.92%。",
                    "基本支出2400.00万元，占本年支出80.00%。")),
             ("80", "84.21", "全年预算数"), "warning", "share computed on the budget while the text says 本年支出"),
    ],
    "AR111": [
        Case(hunan((THREE_PUBLIC_ROW, row("三公经费", "10.00", "7.50", "8.50"))), ("三公经费", "7.5", "9")),
        Case(hunan(("其中：办公费\t100.00\t110.00\t105.00", "其中：办公费\t100.00\t110.00\t305.00")), ("公用经费", "380")),
    ],
    "AR112": [Case(hunan((STAFF_ROW, STAFF_ROW.replace("96.67%", "95.67%"))), ("95.67", "96.67"))],
    "AR113": [Case(hunan(("公务接待费支出预算为3.00万元，支出决算为2.70万元，完成预算的90%",
                          "因公出国（境）费支出预算为0万元，支出决算为0万元，完成预算的100%")), ("100",))],
    "AR114": [
        Case(hunan(("比上年减少0.30万元", "与上年持平")), ("公务接待", "0.3", "持平")),
        Case(hunan(("比2023年减少1.50万元", "比2023年减少1.05万元")), ("1.5", "1.05")),
    ],
    # ---- cross reference
    "XR201": [
        Case(hunan(("自评得分98.70分", "自评得分97.70分")), ("总分", "97.7", "98.7")),
        Case(hunan(("编制数60人", "编制数62人")), ("编制数", "62", "60"), note="staffing figures are ints"),
    ],
    "XR202": [Case(hunan(("乡村道路建设项目290.00万元", "乡村道路建设项目209.00万元")), ("乡村道路建设项目", "209", "290"))],
    "XR203": [Case(hunan(("满意度指标得分10分。", "满意度指标得分10分。综上，产出指标自评得分49分。")), ("产出", "50", "49"))],
    "XR204": [Case(hunan(set_row(QUALITY, name="预算执行率", target="≥90%", actual="98.5%")), ("98.5", "95"))],
    "XR205": [
        Case(hunan(("支出决算为2.70万元", "支出决算为2.50万元")), ("2.5", "2.7")),
        Case(hunan(("“三公”经费预算9.00万元", "“三公”经费预算9.50万元")), ("三公经费", "9.5", "9")),
    ],
    "XR206": [Case(hunan(("2023年决算数\t2024年预算数\t2024年决算数", "2022年决算数\t2023年预算数\t2023年决算数"),
                         ("2024年实际在职人数", "2023年实际在职人数")), ("2023", "2024"), "warning")],
    "XR207": [Case(hunan(("项目支出：\t400.00\t480.00\t450.00", "项目支出：\t400.00\t480.00\t460.00")), ("460", "450"))],
    "XR208": [Case(hunan(("道路硬化单位成本\t≤25万元/公里\t24.17万元/公里", "单位整体经费\t≤2500万元\t")), ("2500", "2850"))],
    "AR115": [Case(hunan(("公用经费310.00万元，占12.92%", "公用经费320.00万元，占12.92%")), ("2400", "2410"))],
    # ---- completeness
    "CM601": [Case(hunan(("七、存在的问题及原因分析\n\n（一）新增就业未达目标。受辖区企业用工需求下降影响，新增城镇就业135人，比目标少15人。\n\n（二）项目前期论证不够充分，部分项目实施进度前松后紧。\n\n", "")),
                     ("存在的问题",), note="the 问题 section is gone, heading and body; a missing 国有资本经营 section is not asked for")],
    "CM602": [Case(HUNAN[: HUNAN.index("附件2")], ("自评表",))],
    "CM603": [
        Case(hunan((CONTACT, "填表人： 填报日期： 联系电话：")), ("填表人", "填报日期", "联系电话")),
        Case(hunan((CONTACT + "\n", "填表人：王敏\n\n填报日期：2025年3月10日\n\n联系电话：\n")), ("联系电话",),
             note="each field on its own line, only the phone blank"),
    ],
    "CM604": [
        Case(hunan(("（一）综合评价结论\n", "（一）综合评价结论。反映自评得分及评价等级。\n")), ("反映自评得分及评价等级",)),
        Case(hunan(("2、农村人居环境整治项目\t150.00\t180.00\t160.00",
                    "2、农村人居环境整治项目\t150.00\t180.00\t160.00\n3、县级专项资金（每个专项一行）\t\t\t")), ("每个专项一行",)),
    ],
    "CM605": [Case(hunan(("部门整体支出绩效自评得分98.70分，", "部门整体支出绩效"), (TOTAL_ROW, TOTAL_ROW.replace("98.70", ""))),
                   ("总分",))],
    "CM606": [Case(hunan((PROBLEMS, "无。")), ("存在的问题",))],
    # ---- compliance
    "CP501": [Case(hunan((STAFF_ROW, row("", "60", "65", "108.33%"))), ("65", "60", "108.33"))],
    "CP502": [Case(hunan((THREE_PUBLIC_ROW, row("三公经费", "10.00", "9.00", "9.50"))), ("9.5", "9", "105.56"))],
    "CP503": [Case(hunan((THREE_PUBLIC_ROW, row("三公经费", "8.00", "9.00", "8.50"))), ("8.5", "8", "6.25"))],
    "CP504": [Case(hunan(("3、公务接待\t3.00\t3.00\t2.70", "3、公务接待\t3.00\t2.00\t2.70")), ("公务接待", "2.7", "2"))],
    "CP505": [Case(hunan(("公用经费\t300.00\t320.00\t310.00", "公用经费\t300.00\t200.00\t310.00")), ("公用经费", "155"))],
    "CP506": [
        Case(hunan((BUDGET_ROW, row("", "年度资金总额", "2800.00", "3000.00", "2550.00", "10", "85.00%", "8.50"))),
             ("85", "90", "未分析原因"), "warning"),
        Case(hunan((BUDGET_ROW, row("", "年度资金总额", "2800.00", "3000.00", "2550.00", "10", "85.00%", "8.50")),
                   ("（二）项目前期论证不够充分", "（二）预算执行率偏低，主要原因是部分项目资金年底才下达。（三）项目前期论证不够充分")),
             ("85", "已分析原因"), "info", "explained: kept as information"),
    ],
    "CP507": [Case(hunan((BUDGET_ROW, BUDGET_ROW.replace("2800.00", "1800.00"))), ("1800", "3000", "66.67"))],
    "CP508": [
        Case(hunan(set_row(QUALITY, actual="105%")), ("工程验收合格率", "105")),
        Case(hunan(("群众满意度不低于90%。\n", "群众满意度不低于90%，财政资金“双监控”率达到100%以上。\n")), ("100%以上",)),
        Case(hunan((BUDGET_ROW, row("", "年度资金总额", "2800.00", "3000.00", "3050.00", "10", "101.67%", "10"))), ("3050", "3000")),
        Case(hunan(("占12.92%。", "占12.92%。公用经费控制率为-3.13%。")), ("-3.13",), "warning"),
    ],
    "CP509": [Case(hunan(("政府采购金额\t200.00\t250.00\t240.00", "政府采购金额\t200.00\t250.00\t400.00")), ("250", "400", "160"))],
    "CP510": [Case(hunan(("2、农村人居环境整治项目\t150.00\t180.00\t160.00", "2、农村人居环境整治项目\t150.00\t180.00\t100.00")), ("180", "100", "55.56"))],
    "SC312": [Case(NARRATIVE_ONLY.format(total="99.5"), ("90", "99", "99.5"))],
    "AR116": [Case(hunan((TOTAL_ROW, TOTAL_ROW.replace("98.70", "101"))), ("101", "100"))],
    "AR118": [Case(edit(EXTERNAL_TABLE, ("预算完成率\t10\t9.50", "预算完成率\t10\t8.50")), ("过程", "23", "22"))],
    "IQ419": [Case(hunan((GOALS_ACHIEVED, "目标1：完成乡村道路硬化12公里；目标2：开展安全生产检查14次。"), (GOALS_EXPECTED + "\t", GOALS_EXPECTED + "\t")), ("目标3",))],
    "IQ420": [Case(hunan(("2024年我镇设定3个绩效目标", "2024年我镇设定4个绩效目标")), ("4", "3"))],
    "AR117": [Case(edit(DEPARTMENT_FORM, ("\t金额合计\t\t\t1100.00", "\t金额合计\t\t\t1200.00")), ("1100", "1200", "公共文化服务 320"))],
    "CP511": [
        Case(edit(PROJECT_FORM, ("\t上年结转资金\t0\t20.00\t18.00", "\t上年结转资金\t0\t20.00\t60.00")), ("上年结转资金", "20", "60", "300"), note="a source row of a project form"),
        Case(hunan(("2、农村人居环境整治项目\t150.00\t180.00\t160.00", "2、农村人居环境整治项目\t150.00\t180.00\t400.00")), ("180", "400", "222.22")),
        Case(hunan((BUDGET_ROW, BUDGET_ROW.replace("2850.00", "3100.00"))), ("3100", "3000"), note="the whole budget overspent"),
    ],
    "CP512": [Case(hunan((BUDGET_ROW, row("", "年度资金总额", "2800.00", "3000.00", "1500.00", "10", "50.00%", "5.00")), (GOALS_ACHIEVED, "全面完成年度各项目标。")),
                   ("50", "全面完成"))],
    "IQ413": [Case(hunan(set_row(ROAD, target="≤10公里")), ("乡村道路硬化里程", "≤10公里"))],
    "IQ414": [Case(hunan(set_row(ROAD, target="≥200万元", actual="290万元")), ("乡村道路硬化里程", "≥200万元"))],
    "IQ415": [Case(edit(DIRECTION, ("正向\t90\t%", "正向\t小于等于90\t%")), ("村庄环境整治率", "小于等于90"))],
    "IQ416": [Case(hunan(set_row(TIMELY, level2="日效性指标")), ("日效性指标", "时效指标"))],
    "IQ417": [Case(hunan((SATISFACTION + "\n", "")), ("满意度指标",))],
    "IQ418": [Case(hunan((SATISFACTION, SATISFACTION + "\n" + indicator("", "指标1：", "", "", "", ""))), ("指标1",))],
    # ---- missing values
    "MV701": [Case(hunan((BUDGET_ROW, BUDGET_ROW.replace("95.00%", "")), ("，预算执行率为95.00%", "")), ("预算执行率",))],
    "MV702": [Case(hunan(set_row(SATISFACTION, score="")), ("群众满意度", "得分"))],
    "MV703": [Case(hunan((STAFF_ROW, row("", "", "58", ""))), ("编制数", "正文写 60"), note="the prose states 编制数; the form leaves it blank")],
    "MV704": [Case(PROSE_ONLY, ("三级指标",), "info")],
    # ---- indicator quality
    "IQ401": [Case(hunan(set_row(UPKEEP, target="效果明显", actual="效果较好")), ("长效管护机制建立情况", "效果明显"))],
    "IQ402": [Case(hunan(set_row(ROAD, target="≥10", actual="12")), ("乡村道路硬化里程", "≥10")),
              Case(hunan(set_row(ROAD, name="乡村道路硬化长度", target="≥10", actual="12")), ("乡村道路硬化长度", "≥10"), note="a length has a unit")],
    "IQ403": [Case(hunan(set_row(CHECKS, target="≥12次/年", actual="14个")), ("次/年", "个"))],
    "IQ404": [Case(hunan(set_row(WASTE, actual="≥95%")), ("农村生活垃圾无害化处理率", "≥95%"), "warning")],
    "IQ405": [Case(hunan(set_row(WASTE, target="95%"), ("新增城镇就业135人。", "新增城镇就业135人，农村生活垃圾无害化处理率为92%。")),
                   ("农村生活垃圾无害化处理率", "92"))],
    "IQ406": [Case(hunan((GOALS_ACHIEVED, GOALS_EXPECTED)), ("完全相同",))],
    "IQ407": [Case(hunan((GOALS_ACHIEVED, "完成情况较好")), ("完成情况较好",))],
    "IQ408": [Case(hunan((TIMELY, TIMELY.replace("时效指标", ""))), ("时效指标",), "info")],
    "IQ409": [
        Case(hunan(set_row(WASTE, target="≥90分", actual="95分")), ("农村生活垃圾无害化处理率", "≥90分")),
        Case(hunan(("群众满意度不低于90%。\n", "群众满意度不低于90%；目标4：交办事项及时完成率≥99分。\n")), ("及时完成率≥99分",)),
    ],
    "IQ410": [Case(hunan(set_row(INCOME, target="≥0万元")), ("带动农户增收", "≥0万元"))],
    "IQ411": [Case(hunan(set_row(CHECKS, name="乡村道路硬化里程")), ("乡村道路硬化里程", "2"))],
    "IQ412": [Case(hunan(set_row(COST, name="项目支出", target="≤480万元", actual="450万元")), ("项目支出",))],
    # ---- scoring
    "SC301": [Case(hunan(set_row(INCOME, score="9")), ("带动农户增收", "9", "8"))],
    "SC302": [Case(hunan(set_row(SATISFACTION, actual="")), ("群众满意度", "10"))],
    "SC303": [Case(hunan(set_row(JOBS, score="8")), ("新增城镇就业人数", "7.20"))],
    "SC304": [Case(hunan(set_row(JOBS, score="6")), ("新增城镇就业人数", "7.20", "6"))],
    "SC305": [Case(hunan(set_row(UPKEEP, actual="基本建立")), ("基本建立", "5.60"))],
    "SC306": [Case(hunan(set_row(JOBS, reason="")), ("新增城镇就业人数", "7.2"))],
    "SC307": [Case(hunan(("评价等级为“优”", "评价等级为“良”")), ("优", "良"))],
    "SC308": [Case(hunan(("，评价等级为“优”", "")), ("98.7", "优"))],
    "SC309": [Case(hunan(set_row(UPKEEP, target="效果明显", actual="效果明显")), ("长效管护机制建立情况",))],
    "SC310": [Case(hunan(set_row(ROAD, actual="15公里")), ("乡村道路硬化里程", "50"))],
    "SC311": [Case(hunan(set_row(SATISFACTION, actual="")), ("98.7", "88.70"))],
}


NEGATIVE: dict[str, list[Case]] = {
    # Default: the consistent Hunan report.  Near misses are listed where they test a boundary.
    "AR101": [Case(HUNAN), Case(hunan((BUDGET_ROW, row("", "年度资金总额", "2800.00", "3001.00", "2850.00", "10", "94.97%", "9.50"))),
                                note="2850 ÷ 3001 = 94.968… rounded half up")],
    "AR102": [Case(HUNAN), Case(hunan((BUDGET_ROW, row("", "年度资金总额", "2800.00", "3000.00", "2850.00", "10", "100.00%", "10"))),
                                note="a rate of 100% or more scores the full weight")],
    "AR108": [Case(EXTERNAL), Case(HUNAN, note="prose level-one scores + execution score = total")],
    "AR109": [Case(EXTERNAL)],
    "AR110": [
        Case(HUNAN, note="shares of 支出合计 and of 基本支出 (其中) are right"),
        Case(hunan(("农村人居环境整治项目160.00万元。", "农村人居环境整治项目160.00万元。2023年项目支出400.00万元。")),
             note="the same label with another figure in a later sentence is not the share's part"),
    ],
    "AR106": [
        Case(HUNAN),
        Case(hunan(set_row(SATISFACTION, weight="12")), note="the 满意度指标(10分) header explains the excess: AR105 reports it"),
        Case(hunan((BUDGET_ROW, BUDGET_ROW.replace("\t10\t95.00%", "\t\t95.00%"))), note="blank 执行率分值: the profile's 10 + rows 90"),
    ],
    "CM604": [Case(hunan(("评价等级为“优”。", "评价等级为“优”。自评结果客观反映了我镇整体支出绩效情况。")),
                   note="a sentence that uses 反映, not a template instruction")],
    "XR202": [Case(HUNAN), Case(hunan(("乡村道路建设项目290.00万元", "乡村道路建设项目290万元")), note="same figure, coarser precision")],
    "AR113": [Case(HUNAN, note="完成预算的90% with a non-zero budget")],
    "AR114": [
        Case(HUNAN),
        Case(hunan(("实际支出8.50万元，比2023年减少1.50万元。", "实际支出8.50万元，其中公务用车运行维护费5.80万元，公务接待费2.70万元，比2023年减少1.50万元。")),
             note="the change refers to the total named earlier in the sentence"),
    ],
    "XR201": [Case(HUNAN, note="prose staffing, budget, spending, 三公, total and grade all match the forms")],
    "XR203": [Case(hunan(("满意度指标得分10分。", "满意度指标得分10分。综上，产出指标自评得分50.00分。")), note="same score, other precision")],
    "XR204": [Case(hunan(set_row(QUALITY, name="预算执行率", target="≥90%", actual="95%")))],
    "XR205": [
        Case(HUNAN),
        Case(hunan(("实际支出8.50万元，比2023年减少1.50万元。", "实际支出8.50万元，其中公务用车运行维护费5.80万元，公务接待费2.70万元，比2023年减少1.50万元。")),
             note="a sentence on the 三公 total that also names items"),
    ],
    "CP505": [Case(HUNAN), Case(hunan(("公用经费\t300.00\t320.00\t310.00", "公用经费\t300.00\t280.00\t310.00")), note="110.71% is within 20%")],
    "CP509": [Case(HUNAN), Case(hunan(("政府采购金额\t200.00\t250.00\t240.00", "政府采购金额\t200.00\t250.00\t300.00")), note="120% is within 30%")],
    "CP510": [Case(HUNAN), Case(hunan(("2、农村人居环境整治项目\t150.00\t180.00\t160.00", "2、农村人居环境整治项目\t150.00\t180.00\t145.00")), note="80.56% is not below 80%")],
    "SC312": [Case(NARRATIVE_ONLY.format(total="98.9")), Case(HUNAN, note="reports with indicator rows are checked by AR107")],
    "IQ403": [Case(HUNAN), Case(hunan(set_row(CHECKS, target="≥12次")), note="次 against 次/年: a target without a period is annual"),
              Case(hunan(set_row(CHECKS, target="≥1次/月")), note="次/月 against 次/年 converts (12 a year)")],
    "IQ405": [Case(hunan(set_row(WASTE, target="95%"), ("新增城镇就业135人。", "新增城镇就业135人，农村生活垃圾无害化处理率为95%。")),
                   note="target and actual equal, and the prose agrees")],
    "IQ410": [Case(HUNAN), Case(hunan(set_row(QUALITY, name="安全生产事故", target="0起", actual="0起")), note="zero accidents is a real target")],
    "SC305": [Case(HUNAN), Case(hunan(set_row(UPKEEP, actual="基本建立", score="5.6")), note="partial, scored within its tier")],
    "SC310": [Case(HUNAN, note="12 公里 against ≥10 公里 is 20% over")],
    "XR206": [Case(HUNAN, note="2023 决算, 2024 预算, 2024 决算, 2024 在职人数 for a 2024 report")],
    "IQ413": [Case(HUNAN), Case(hunan(set_row(QUALITY, level2="数量指标", name="安全生产事故", target="≤1起", actual="0起")), note="a cap on accidents is right")],
    "IQ415": [Case(DIRECTION, note="≥, ＝, ≧, 正向 and 定性 columns agreeing with their targets")],
    "IQ401": [Case(HUNAN), Case(hunan(set_row(UPKEEP, target="效果明显")), note="a vague target whose actual states what was done")],
    "AR117": [Case(DEPARTMENT_FORM)],
    "AR118": [Case(EXTERNAL_TABLE)],
    "SC302": [Case(HUNAN), Case(hunan(set_row(SATISFACTION, actual="", score="0")), note="no actual, no points"),
              Case(EXTERNAL_TABLE, note="a scoring table without a 实际完成值 column leaves nothing blank")],
    "AR104": [Case(HUNAN), Case(PROJECT_FORM, note="a project form's source rows add up in every column"),
              Case(edit(PROJECT_FORM, ("\t上年结转资金\t0\t20.00\t18.00\t—\t90.00%\t—\n", ""), ("\t其他资金\t0\t0\t0\t—\t—\t—\n", "")),
                   note="a single source row below the total: the other sources may be left out")],
    "AR115": [Case(HUNAN), Case(edit(HUNAN, ("实际在职人数58人。", "实际在职人数58人，其中行政人员30人、事业人员28人；另有离退休人员12人。")),
                                note="a headcount's parts end at their clause; the 12 retirees are not one of them"),
              Case(edit(HUNAN, ("2024年末我镇编制数60人，实际在职人数58人。", "我镇核定编制60名，其中行政编制22名、事业编制38名，实有在职人员58人。")),
                   note="the staff in post after the 编制's parts are not a third part of it")],
    "IQ416": [Case(HUNAN), Case(hunan(set_row(COST, level2="经济成本指标")), note="成本 split into 经济/社会/生态环境成本")],
}


def _audit(tmp_path: Path, text: str, code: str):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    doc = read(path)
    return audit(extract(doc), doc, select=[code])


def _cases(table: dict[str, list[Case]], default: Case | None = None):
    for code in sorted(RULES):
        cases = table.get(code) or ([default] if default else [])
        for i, case in enumerate(cases):
            yield pytest.param(code, case, id=f"{code}-{i}")


@pytest.mark.parametrize(("code", "case"), list(_cases(POSITIVE)))
def test_rule_fires(tmp_path, code, case):
    result = _audit(tmp_path, case.text, code)
    hits = [f for f in result.findings if f.rule == code]
    assert hits, f"{code} found nothing ({case.note})"
    assert not any(CRASH in f.message for f in hits), [f.message for f in hits]
    matching = [f for f in hits if all(s in f.message for s in case.says) and (case.severity is None or f.severity == case.severity)]
    assert matching, f"{code}: no finding says {case.says} (severity {case.severity}): {[(f.severity, f.message) for f in hits]}"
    for f in hits:
        assert f.category == RULES[code].category and f.title == RULES[code].title and f.fix


@pytest.mark.parametrize(("code", "case"), list(_cases(NEGATIVE, Case(HUNAN))))
def test_rule_quiet_on_consistent_variant(tmp_path, code, case):
    result = _audit(tmp_path, case.text, code)
    hits = [(f.severity, f.message) for f in result.findings if f.rule == code]
    assert hits == [], f"{code} on a consistent variant ({case.note})"


def test_every_rule_has_cases():
    assert len(RULES) >= 60
    assert set(POSITIVE) == set(RULES), set(RULES) ^ set(POSITIVE)
    assert set(NEGATIVE) <= set(RULES)


def test_positive_cases_differ_from_their_base():
    """A positive case that equals a consistent base would make its negative test meaningless."""
    for code, cases in POSITIVE.items():
        for case in cases:
            assert case.text not in (HUNAN, EXTERNAL), code


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_metadata(code):
    rule = RULES[code]
    assert rule.code == code and re.fullmatch(r"[A-Z]{2}\d{3}", code)
    assert rule.category in CATEGORY_NAMES
    assert rule.severity in ("error", "warning", "info")
    assert rule.title.strip()
    doc = rule.doc
    missing = [s for s in SECTIONS if not doc.get(s, "").strip()]
    assert not missing, f"{code} docstring lacks {missing}"


def test_codes_unique_and_prefixed_by_category():
    prefixes = {"arithmetic": "AR", "cross_reference": "XR", "completeness": "CM", "missing_value": "MV",
                "indicator_quality": "IQ", "scoring": "SC", "compliance": "CP"}
    assert len({r.code for r in RULES.values()}) == len(RULES)
    assert {r.category for r in RULES.values()} == set(CATEGORY_NAMES)
    for r in RULES.values():
        assert r.code.startswith(prefixes[r.category]), r.code
    titles = [r.title for r in RULES.values()]
    assert len(set(titles)) == len(titles)


# ---- the consistent reports as a whole


def _full_audit(tmp_path: Path, text: str):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    doc = read(path)
    report = extract(doc)
    return report, audit(report, doc)


def test_consistent_hunan_report_is_clean(tmp_path):
    report, result = _full_audit(tmp_path, HUNAN)
    assert result.profile == "hunan"
    # The extraction the audit relies on: forms and prose were read.
    assert report.has_basic_data_table and report.has_self_eval_table
    assert report.budget.execution_rate == Decimal("95") and report.total_score == Decimal("98.7") and report.grade == "优"
    assert len(report.indicators) == 10 and len(report.basic_data) == 15
    assert result.score.stated == result.score.recomputed == Decimal("98.7")
    assert [(f.rule, f.severity, f.message) for f in result.findings] == []


def test_consistent_external_report_is_clean(tmp_path):
    report, result = _full_audit(tmp_path, EXTERNAL)
    assert result.profile == "external_53"
    assert len(report.level1_summary) == 4 and report.total_score == Decimal("90.5")
    # Only the scope notes: this report has no indicator rows and no 基础数据表.
    assert {f.rule for f in result.findings} == {"MV704"}
    assert all(f.severity == "info" for f in result.findings)


# ---- true positives on the seed reports


SEED_FINDINGS = [
    ("000", "AR111", ("7.5",)),
    ("000", "IQ404", ("≥ 0%",)),
    ("000", "SC302", ("单位整体经费",)),
    ("000", "SC302", ("群众对政府满意度",)),
    ("000", "XR202", ("美丽乡村幸福家园建设项目", "90.06", "90.07")),
    ("000", "XR207", ("102.84", "102.83")),
    ("000", "CP502", ("9.01", "7.5")),
    ("000", "CP505", ("988.17", "136.2")),
    ("000", "CP506", ("72.67",)),
    ("000", "IQ406", ("完全相同",)),
    ("000", "CM604", ("反映自评得分及评价等级",)),
    ("001", "XR203", ("49.37", "49.43")),
    ("001", "CP508", ("-3.67",)),
    ("002", "AR105", ("产出指标", "50", "48")),
    ("002", "AR105", ("效益指标", "30", "40")),
    ("002", "AR105", ("满意度指标", "10", "2")),
    ("002", "AR113", ("100",)),
    ("002", "AR114", ("5.11", "4.99", "持平")),
    ("002", "AR110", ("82.58",)),
    ("002", "XR204", ("98.5",)),
    ("002", "XR204", ("1525.35",)),
    ("002", "XR204", ("699",)),
    ("002", "XR207", ("139.72", "621.15")),
    ("002", "CP501", ("127", "114")),
    ("002", "CP509", ("379.61",)),
    ("002", "SC305", ("基本按计划完成",)),
    ("002", "CM603", ("填表人",)),
    ("003", "CP508", ("100%以上",)),
    ("003", "AR101", ("90.07", "截尾")),
    ("003", "IQ409", ("分",)),
    ("004", "CP506", ("88.04",)),
    ("004", "CP507", ("79.73",)),
]


@pytest.fixture(scope="module")
def seed_results():
    if not SEEDS.is_dir():
        pytest.skip(f"seed reports not found at {SEEDS}")
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        doc = read(path)
        out[path.name[:3]] = audit(extract(doc), doc)
    return out


@pytest.mark.parametrize(("seed", "code", "says"), SEED_FINDINGS, ids=[f"{s}-{c}-{i}" for i, (s, c, _) in enumerate(SEED_FINDINGS)])
def test_seed_true_positive(seed_results, seed, code, says):
    if seed not in seed_results:
        pytest.skip(f"seed {seed} not present")
    hits = [f.message for f in seed_results[seed].findings if f.rule == code or code in f.also]  # merged into another rule's finding
    assert any(all(s in m for s in says) for m in hits), f"seed {seed}: {code} with {says} not in {hits}"


def test_seed_003_truncated_rate_is_a_warning(seed_results):
    if "003" not in seed_results:
        pytest.skip("seed 003 not present")
    assert [f.severity for f in seed_results["003"].findings if f.rule == "AR101"] == ["warning"]


def test_no_rule_crashes_on_seeds(seed_results):
    crashed = [(s, f.rule) for s, r in seed_results.items() for f in r.findings if CRASH in f.message]
    assert crashed == []


# ---- a report model no text would produce: zero denominators, blanks, half-filled rows


def test_rules_survive_odd_report_model():
    """Built directly: zero 编制数 and budgets, missing figures, comparator actuals, empty labels."""
    from jixiao.model import Budget, DataRow, Indicator, Level1Summary, Location, Measure, Provenance, Report, Spending, Staffing, Statement, ThreePublic, Unit

    at = Location(block=0, start=0, end=1)
    form = Provenance(location=at, text="0", method="基础数据表 财政供养人员")
    prose = Provenance(location=at, text="3", method="正文 编制人数")
    report = Report(
        source="odd.txt", format="text", unit=Unit(name="示例镇人民政府", year=2024),
        staffing=Staffing(authorized=0, actual=5, control_rate=Decimal(100)),
        budget=Budget(initial=Decimal(0), full_year=Decimal(0), executed=Decimal(10), execution_rate=Decimal(0),
                      execution_score=Decimal(0), by_source={"一般公共预算": Decimal(1), "其他资金": Decimal(0)}),
        spending=Spending(basic=Decimal(5)),
        three_public=ThreePublic(prior_actual=Decimal(0), budget=Decimal(0)),
        basic_data=[DataRow(label="三公经费", section="three_public", budget=Decimal(1)), DataRow(label="1、出国经费", section="three_public"),
                    DataRow(label="项目支出", section="project", prior_actual=Decimal(1)),
                    DataRow(label="公用经费", section="public_funds", budget=Decimal(0), actual=Decimal(3)),
                    DataRow(label="政府采购金额", section="procurement", budget=Decimal(0), actual=Decimal(1))],
        indicators=[Indicator(name="甲"),
                    Indicator(name="乙率", target="≥0", actual="", weight=Decimal(0), score=Decimal(0),
                              target_measure=Measure(comparator="≥", value=Decimal(0))),
                    Indicator(name="丙", level1="产出指标", target="10个", actual="≥5个", weight=Decimal(5), score=Decimal(5),
                              target_measure=Measure(value=Decimal(10), unit="个"), actual_measure=Measure(comparator="≥", value=Decimal(5), unit="个"))],
        level1_weights={"产出指标": Decimal(50)},
        level1_summary=[Level1Summary(name="投入", weight=Decimal(0), score=Decimal(1), score_rate=Decimal(5)), Level1Summary(name="过程")],
        total_score=Decimal(1), grade="优",
        statements=[Statement(kind="change", label="", value=Decimal(1), unit="万元", whole=Decimal(0), direction="增加", text="比上年增加1万元", location=at),
                    Statement(kind="share", label="基本支出", value=Decimal(50), unit="%", whole=Decimal(0), text="基本支出5万元，占50%", location=at),
                    Statement(kind="amount", label="基本支出", value=Decimal(5), unit="万元", text="基本支出5万元，占50%", location=Location(block=0)),
                    Statement(kind="score", label="产出", value=Decimal(1), unit="分", text="产出得分1分", location=at)],
        prose_values={"staffing.authorized": 3},
        provenance={"staffing.authorized": form, "prose:staffing.authorized": prose},
    )
    result = audit(report)
    assert not [f.rule for f in result.findings if CRASH in f.message]
    found = {(rule, f.message) for f in result.findings for rule in (f.rule, *f.also)}  # a merged finding speaks for its rules
    assert any(rule == "XR201" and "编制数：正文写 3，附表写 0" in m for rule, m in found)  # an int prose figure against an int form figure
    assert any(rule == "SC307" and "“差”" in m for rule, m in found)
    assert any(rule == "IQ404" and "≥5个" in m for rule, m in found)


# ---- the severity policy (docs/rules.md): error = a figure is wrong or a score has no support


def test_severity_policy():
    """Completeness and missing values are never errors by default; quality rules are errors only where a
    stated figure contradicts the document (IQ420: a goal count)."""
    for code, r in RULES.items():
        if r.category in ("completeness", "missing_value"):
            assert r.severity != "error", code
        if r.category == "indicator_quality" and r.severity == "error":
            assert code == "IQ420", code
