"""The 填报说明 sheet of each workbook family: how to fill it, what is computed, examples of
well-quantified indicators (in the template's own level-one and level-two names)."""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.compose.outline import Plan

QUANTIFIED = [
    ("数量指标", "农村道路养护里程", "≥", "45", "公里", "实际值填实测数字，如 46.5"),
    ("质量指标", "工程验收合格率", "=", "100", "%", "比率以 % 计量，不要写“分”"),
    ("时效指标", "项目资金拨付及时率", "≥", "95", "%", "也可写完成时间：方向选“定性”，目标值“2024年12月31日前”"),
    ("成本指标", "公用经费控制率", "≤", "100", "%", "成本类指标越小越好，方向选 ≤"),
    ("经济效益指标", "村集体经济年收入5万元以上村占比", "≥", "80", "%", ""),
    ("社会效益指标", "矛盾纠纷调处化解率", "≥", "95", "%", ""),
    ("生态效益指标", "农村生活垃圾无害化处理率", "≥", "90", "%", ""),
    ("可持续影响指标", "河堤防洪标准", "定性", "达到二十年一遇", "", "定性指标的实际值写明达成情况：“已达到二十年一遇防洪标准”"),
    ("服务对象满意度指标", "群众满意度", "≥", "90", "%", "以问卷调查结果为依据"),
    ("产出", "重点工作完成率", "≥", "95", "%", "履职产出：年度重点工作的完成比例"),
    ("效益", "群众满意度", "≥", "90", "%", "履职效果：以问卷调查结果为依据"),
    ("预算执行", "预算执行率", "≥", "95", "%", "与“预算执行”表的执行率一致"),
    ("预算管理", "预决算信息公开率", "=", "100", "%", ""),
    ("资产管理", "固定资产账实相符率", "=", "100", "%", ""),
]

SCORING = [
    "定量指标（方向 ≥ ≤ =）的目标值和实际值只填数字，单位填在“计量单位”列，得分按 分值 × min(实际值/目标值, 1) 计算（≤ 为 分值 × min(目标值/实际值, 1)）。",
    "定性指标（方向“定性”）的实际值须写明达成档次：达成（如“已全部完成”）、部分达成（如“基本完成”“部分完成”）或未达成（如“未完成”），"
    "分别计分值的 80%–100%、60%–80%、0–60%；可在“定性指标自评得分”列填写档次范围内的得分，不填按档次上限计。",
    "未得满分的指标请填写“偏差原因分析及改进措施”。",
]
COMMON = [
    "黄色单元格为必填项；单元格批注和“说明”列写明了填写要求。金额单位均为万元，保留两位小数（四舍五入）。",
]
NARRATIVE = "“叙述”表填写报告正文文字，多条内容每行一条（单元格内按 Alt+Enter 换行）。"
PRIVATE = "公开版报告（--redact）不显示填表人、联系电话和单位负责人。"


@dataclass(frozen=True, slots=True)
class Guide:
    title: str
    lines: list[str]
    examples: list[tuple[str, ...]]


def _numbered(lines: list[str]) -> list[str]:
    from jixiao.compose.figures import ordinal

    return [f"{ordinal(i)}、{line}" for i, line in enumerate(lines)]


def guide(plan: Plan) -> Guide:
    """The 填报说明 for the plan's template and profile."""
    family = plan.family
    title = f"{plan.template.title} 填报说明（评分方案：{plan.profile.title}）"
    command = f"本表用于填报“{plan.template.title}”，填好后运行：jixiao render 填报.xlsx -o 报告.docx [--pdf]（模板已记录在本表中）。"
    if family == "external":
        lines = [command, *COMMON,
                 "“评价指标”表：一级、二级指标从下拉列表选择；每个三级指标填分值、评价组打分（不超过分值）和评分说明，扣分的写明原因；分值合计 100 分。",
                 "一级指标的分值、得分、得分率，总分和评价等级由程序计算；“主要业绩”“问题与建议”每条一行。", NARRATIVE]
        return Guide(title, _numbered(lines), [])
    weight = plan.profile.execution.weight if plan.profile.execution.rule == "proportional" else 0
    budget = f"各指标分值之和加预算执行率分值（{weight} 分）应为 100 分。" if weight else "各指标分值之和应为 100 分（预算执行率在指标中评价，不单列分值）。"
    if family == "project":
        lines = [command, *COMMON,
                 "“项目信息”表每个项目一行，每个项目生成一张项目支出绩效自评表；其他表的“项目名称”列选择本行所属项目（只有一个项目时可不填）。",
                 "“项目资金”表每个项目按资金来源（当年财政拨款、上年结转资金、其他资金）各填一行；年度资金总额、执行率、执行率得分由程序计算。",
                 f"“绩效指标”表：一级、二级指标从下拉列表选择；每个项目{budget}", *SCORING, PRIVATE]
    else:
        lines = [command, *COMMON,
                 "执行率、执行率得分、各项合计、占比、指标得分、总分和评价等级均由程序计算，无需填写。",
                 "“预算执行”表：四项收入之和应等于全年预算数；基本支出 + 项目支出应等于全年执行数；“基本支出”表三项之和应等于基本支出。",
                 "“三公经费”“公用经费”表（如有）按上年决算、本年预算、本年决算三列填写，无支出的填 0；“项目支出”表每个项目一行，决算数之和应等于项目支出。",
                 f"“绩效指标”表：一级、二级指标从下拉列表选择；{budget}", *SCORING, NARRATIVE, PRIVATE]
    level2 = {name: g.name for g in plan.profile.level1 for name in plan.level2(g.name)}
    examples = [(level2[l2], l2, *rest) for l2, *rest in QUANTIFIED if l2 in level2]
    return Guide(title, _numbered(lines), examples)
