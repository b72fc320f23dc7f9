"""Hypothesis strategies for consistent fill-in workbooks of every family: parts add up, execution is
at least 90 %, 三公 and 公用经费 stay within budget, every indicator that misses its target says why,
and no actual overshoots its target so far that it questions the target — inputs an auditor should
pass without an error or a warning."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from jixiao.compose.filing import Filing, FundRow, GoalRow, IndicatorRow, ProjectInfo, ProjectSpending, YearRow
from jixiao.compose.outline import Plan

UNITS = ["青川县石桥乡人民政府", "临江市文化旅游局", "白沙县卫生健康局", "安宁县农业农村局", "丰河县水利局"]
NATIONAL = {
    ("产出指标", "数量指标"): [("农村道路养护里程", "公里"), ("农村改厕户数", "户"), ("安全生产检查次数", "次")],
    ("产出指标", "质量指标"): [("工程验收合格率", "%"), ("医保参保率", "%")],
    ("产出指标", "时效指标"): [("资金拨付及时率", "%"), ("项目按期开工率", "%")],
    ("产出指标", "成本指标"): [("单位面积建设成本", "元")],
    ("效益指标", "经济效益指标"): [("村集体经济增收", "万元")],
    ("效益指标", "社会效益指标"): [("矛盾纠纷化解率", "%"), ("就业培训人次", "人次")],
    ("效益指标", "生态效益指标"): [("垃圾无害化处理率", "%")],
    ("效益指标", "可持续影响指标"): [("长效管护机制", None)],
    ("满意度指标", "服务对象满意度指标"): [("群众满意度", "%")],
}
DUTY = {
    ("履职效能", "产出"): [("重点工作完成率", "%"), ("管网建设长度", "公里"), ("老旧小区改造户数", "户")],
    ("履职效能", "效益"): [("矛盾纠纷化解率", "%"), ("群众满意度", "%")],
    ("管理效率", "预算管理"): [("预决算信息公开率", "%"), ("绩效管理制度健全性", None)],
    ("管理效率", "资产管理"): [("固定资产账实相符率", "%")],
}
EXTERNAL = {
    ("投入", "目标设定"): ["绩效目标合理性", "绩效指标明确性"],
    ("过程", "预算管理"): ["资金使用合规性", "预决算信息公开性", "基础信息完善性"],
    ("过程", "资产管理"): ["资产管理安全性"],
    ("产出", "职责履行"): ["实际完成率", "完成及时率", "质量达标率"],
    ("效益", "履职效益"): ["社会效益", "服务对象满意度"],
}
QUALITATIVE = ["已全部建立并运行", "基本建立", "部分建立"]
NARRATIVE = {
    "institutions": "本单位为财政全额拨款的一级预算单位，内设办公室、财务股、业务股等5个股室，下属事业单位2个，负责辖区内相关行政管理和公共服务工作。",
    "background": "本单位为财政全额拨款的一级预算单位，辖8个村、1个社区，内设党政办、经发办、平安办等6个机构，年度重点工作是基础设施建设和民生保障。",
    "duties": "负责辖区经济社会发展规划的制定和实施，统筹推进基础设施建设和公共服务\n完成上级党委、政府交办的其他工作",
    "analysis": "各项重点工作有序推进，年度绩效目标总体完成，群众获得感和满意度进一步提升，财政资金使用效益有所提高",
    "duty_analysis": "在城镇建设方面，重点工程有序推进，人居环境持续改善；在社会治理方面，矛盾纠纷化解机制不断健全，社会大局和谐稳定",
    "efficiency_analysis": "在预算管理方面，预算编制、执行、决算和信息公开按规定开展；在资产管理方面，按时盘点，账账相符、账实相符",
    "management": "本单位严格执行预算管理制度，按月跟踪预算执行进度，大额支出实行集体研究，年度结束后按规定编制决算并公开预决算信息。",
}


def cents(low: int, high: int):
    return st.integers(low * 100, high * 100).map(lambda c: Decimal(c).scaleb(-2))


@st.composite
def indicator(draw, level1: str, level2: str, name: str, unit: str | None, weight: int, row: int, project: str | None = None) -> IndicatorRow:
    base = IndicatorRow(row=row, project=project, level1=level1, level2=level2, name=name, weight=Decimal(weight), unit=unit)
    if unit is None:
        actual = draw(st.sampled_from(QUALITATIVE))
        why = None if actual == QUALITATIVE[0] else "部分村组管护人员尚未到位，下年度补齐"
        return base.model_copy(update={"direction": "定性", "target": "建立长效管护机制", "actual": actual, "deviation": why})
    if unit == "元":  # a cost: lower is better
        target = draw(st.integers(2000, 4000))
        actual = Decimal(draw(st.integers(target * 9 // 10, target * 11 // 10)))
        why = "材料价格上涨，下年度加强成本控制" if actual > target else None
        return base.model_copy(update={"direction": "≤", "target": Decimal(target), "actual": actual, "deviation": why})
    if unit == "%":
        target = draw(st.integers(80, 100))
        actual = Decimal(draw(st.integers(target * 10 - 60, min(1000, target * 12)))).scaleb(-1)
    else:
        target = draw(st.integers(20, 300))
        actual = Decimal(draw(st.integers(target * 9 // 10, target * 6 // 5)))
    why = "受天气和工期影响未全部完成，下年度加快进度" if actual < target else None
    return base.model_copy(update={"direction": draw(st.sampled_from(["≥", "="])) if unit == "%" and actual == target else "≥",
                                   "target": Decimal(target), "actual": actual, "deviation": why})


@st.composite
def indicators(draw, pool: dict, weights: dict[str, int], project: str | None = None, first: int = 0) -> list[IndicatorRow]:
    rows: list[IndicatorRow] = []
    for level1, total in weights.items():
        kinds = [(l2, name, unit) for (l1, l2), items in pool.items() if l1 == level1 for name, unit in items]
        chosen = draw(st.lists(st.sampled_from(kinds), min_size=1, max_size=min(4, len(kinds)), unique=True))
        parts = [total // len(chosen)] * len(chosen)
        parts[0] += total - sum(parts)
        for (level2, name, unit), weight in zip(chosen, parts):
            rows.append(draw(indicator(level1, level2, name, unit, weight, first + len(rows), project)))
    return rows


@st.composite
def within(draw, item: str, top: int = 20) -> YearRow:
    """A 三公 or 公用经费 item not above its budget nor above last year's."""
    prior = draw(cents(0, top))
    budget = draw(cents(0, top))
    actual = min(budget, prior) * draw(st.integers(80, 100)) / 100
    return YearRow(item=item, prior_actual=prior, budget=budget, actual=actual.quantize(Decimal("0.01")))


def _groups(plan: Plan) -> tuple[dict, dict[str, int]]:
    if plan.profile.framework == "duty_efficiency":
        return DUTY, {"履职效能": 50, "管理效率": 50}
    return NATIONAL, {"产出指标": 50, "效益指标": 30, "满意度指标": 10}


@st.composite
def department(draw, plan: Plan) -> Filing:
    wages, goods, individual = draw(cents(500, 3000)), draw(cents(100, 1000)), draw(cents(0, 300))
    spending = []
    for i in range(1, draw(st.integers(1, 4)) + 1):
        budget = draw(cents(50, 300))
        spending.append(ProjectSpending(name=f"重点项目{i}", budget=budget, actual=(budget * draw(st.integers(90, 100)) / 100).quantize(Decimal("0.01"))))
    basic, project = wages + goods + individual, sum((p.actual for p in spending), Decimal(0))
    executed = basic + project
    full_year = executed + draw(cents(0, int(executed / 20)))
    fund, other = draw(cents(0, 100)), draw(cents(0, 200))
    authorized = draw(st.integers(10, 200))
    office, utility, meeting = draw(within("其中：办公费", 200)), draw(within("水费、电费、差旅费", 50)), draw(within("会议费、培训费", 10))
    public = YearRow(item="公用经费合计", **{k: getattr(office, k) + getattr(utility, k) + getattr(meeting, k) for k in ("prior_actual", "budget", "actual")})
    pool, weights = _groups(plan)
    return Filing(
        unit_name=draw(st.sampled_from(UNITS)), year=draw(st.integers(2019, 2026)), short_name="本单位",
        authorized=authorized, actual_staff=draw(st.integers(authorized // 2, authorized)),
        filler="测试员", phone="0731-1234567", fill_date="2025年3月1日",
        initial=full_year - draw(cents(0, int(full_year / 5))), full_year=full_year, executed=executed,
        general=full_year - fund - other, fund=fund, special=Decimal(0), other=other, basic=basic, project=project,
        wages=wages, goods=goods, individual=individual,
        three_public=[draw(within(item)) for item in ("公车购置", "公车运行维护", "因公出国（境）", "公务接待")],
        project_spending=spending, public_funds=[public, office, utility, meeting],
        goals=[GoalRow(expected=f"目标{i}：完成年度重点任务{i}", achieved=f"重点任务{i}已按期完成，完成率100%") for i in range(1, draw(st.integers(1, 3)) + 1)],
        indicators=draw(indicators(pool, weights)), problems=["绩效目标不够细化"], measures=["细化量化绩效目标"],
        narrative=NARRATIVE,
    )


@st.composite
def projects(draw, plan: Plan) -> Filing:
    count = 1 if plan.kind == "project_report" else draw(st.integers(1, 3))
    names = [f"重点项目{chr(0x7532 + i)}" for i in range(count)]  # 甲 乙 丙 …
    funds: list[FundRow] = []
    rows: list[IndicatorRow] = []
    for name in names:
        sources = ["当年财政拨款", *draw(st.lists(st.sampled_from(["上年结转资金", "其他资金"]), unique=True, max_size=2))]
        for source in sources:
            full_year = draw(cents(10, 300))
            executed = (full_year * draw(st.integers(91, 100)) / 100).quantize(Decimal("0.01"))
            initial = (full_year * draw(st.integers(85, 100)) / 100).quantize(Decimal("0.01"))
            funds.append(FundRow(row=len(funds), project=name, source=source, initial=initial, full_year=full_year, executed=executed))
        rows += draw(indicators(NATIONAL, {"产出指标": 50, "效益指标": 30, "满意度指标": 10}, name, len(rows)))
    return Filing(
        unit_name=draw(st.sampled_from(UNITS)), year=draw(st.integers(2019, 2026)), short_name="本单位",
        filler="测试员", phone="0731-1234567", fill_date="2025年3月1日", leader="负责人",
        projects=[ProjectInfo(name=n, department="某县财政局", implementer="某县某镇人民政府") for n in names],
        funds=funds,
        goals=[GoalRow(project=n, expected=f"完成{n}年度建设任务", achieved=f"{n}年度建设任务已按期完成，完成率100%") for n in names],
        indicators=rows, problems=["项目前期工作不够充分"], measures=["加强项目前期论证"],
        narrative={"project_overview": "该项目按年度计划实施，由实施单位负责建设和管护。"},
    )


@st.composite
def external(draw, plan: Plan) -> Filing:
    weights = {g.name: int(g.weight) for g in plan.profile.level1}
    rows: list[IndicatorRow] = []
    for level1, total in weights.items():
        names = [(l2, n) for (l1, l2), items in EXTERNAL.items() if l1 == level1 for n in items]
        chosen = draw(st.lists(st.sampled_from(names), min_size=1, max_size=len(names), unique=True))
        parts = [total // len(chosen)] * len(chosen)
        parts[0] += total - sum(parts)
        for (level2, name), weight in zip(chosen, parts):
            score = Decimal(draw(st.integers(weight * 6, weight * 10))).scaleb(-1)
            note = "符合要求，得满分" if score == weight else f"存在不足，扣{weight - score}分"
            rows.append(IndicatorRow(row=len(rows), level1=level1, level2=level2, name=name, weight=Decimal(weight), score=score, note=note))
    executed = draw(cents(1000, 9000))
    full_year = executed + draw(cents(0, int(executed / 20)))
    basic = (executed * draw(st.integers(10, 40)) / 100).quantize(Decimal("0.01"))
    authorized = draw(st.integers(10, 200))
    return Filing(
        unit_name=draw(st.sampled_from(UNITS)), year=draw(st.integers(2019, 2026)), commissioner="某县财政局", evaluator="某会计师事务所有限公司",
        report_date="2025年6月30日", authorized=authorized, actual_staff=draw(st.integers(authorized // 2, authorized)),
        initial=full_year - draw(cents(0, int(full_year / 5))), full_year=full_year, executed=executed, basic=basic, project=executed - basic,
        indicators=rows, achievements=["重点工作有序推进。全年各项任务按期完成"], problems=["预算编制精准性不足"], measures=["提高预算编制精准性"],
        narrative={"institutions": "被评价单位为县人民政府工作部门。", "duties": "负责本行业管理工作"},
    )


def filings(plan: Plan):
    """Consistent filings for the template of `plan`."""
    return {"department": department, "project": projects, "external": external}[plan.family](plan)
