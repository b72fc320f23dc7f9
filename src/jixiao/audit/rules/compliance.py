"""Compliance: the 53号 management indicators computed from the forms, and impossible values."""

from __future__ import annotations

from decimal import Decimal

from jixiao.audit.context import AuditContext, Issue, fmt
from jixiao.audit.finding import Where
from jixiao.audit.registry import rule
from jixiao.lazyre import lazy
from jixiao.scoring import formulas

_NUMBERED = lazy(r"^\d+\s*[、.．]")  # a numbered item ("1、…")


def _limit(ctx: AuditContext, key: str, default: str) -> Decimal:
    return ctx.profile.audit.get(key, Decimal(default))


@rule("CP501", "compliance", "warning", "实有人数超过编制数")
def staff_over_quota(ctx: AuditContext):
    """检查什么：实际在职人数是否超过编制数（在职人员控制率 > 100%）。
    为什么重要：超编是机构编制管理的硬约束，超编人员经费缺乏预算依据。
    示例：编制 114 人，实际在职 127 人，控制率 111.40%。
    修改建议：说明超编原因（如借调、编外人员口径）及整改计划；核实人数口径是否一致。
    依据：财预〔2013〕53号“在职人员控制率”；机构编制管理规定。
    """
    rate = formulas.staff_control_rate(ctx.report)
    s = ctx.report.staffing
    if rate is not None and rate > 100:
        yield Issue(f"实有人数 {s.actual} 人超过编制数 {s.authorized} 人，控制率 {fmt(rate, 2)}%", ctx.where("staffing.actual", "人员编制"),
                    expected=f"≤ {s.authorized}", found=str(s.actual), evidence=ctx.evidence("staffing.actual"))


@rule("CP502", "compliance", "warning", "三公经费超预算")
def three_public_over_budget(ctx: AuditContext):
    """检查什么：三公经费本年决算数是否超过本年预算数（三公经费控制率 > 100%）。
    为什么重要：三公经费实行预算总额控制，超预算支出须有审批依据并说明原因。
    示例：三公经费预算 7.5 万元，决算 9.01 万元，控制率 120.13%。
    修改建议：说明超支原因及审批情况，下年度严格按预算控制。
    依据：《党政机关厉行节约反对浪费条例》；财预〔2013〕53号“三公经费控制率”。
    """
    t = ctx.report.three_public
    rate = formulas.three_public_control_rate(ctx.report)
    if rate is not None and rate > 100:
        items = "、".join(f"“{r.label}”超 {fmt(r.actual - r.budget)} 万元" for r in _over_budget_items(ctx))
        note = f"，其中{items}" if items else ""
        yield Issue(f"三公经费决算 {fmt(t.actual)} 万元超过预算 {fmt(t.budget)} 万元，控制率 {fmt(rate, 2)}%{note}", ctx.where("three_public.actual", "基础数据表 三公经费"),
                    expected=f"≤ {fmt(t.budget)}", found=fmt(t.actual), evidence=ctx.evidence("three_public.actual"))


def _over_budget_items(ctx: AuditContext):
    """The 三公 items spent above their budget, each once: the lowest line of its branch (a 其中
    line rather than its parent, whose figure is only their sum)."""
    rows = [r for r in ctx.report.basic_data if r.section == "three_public" and not r.label.startswith("三公")]
    for i, row in enumerate(rows):
        parent = i + 1 < len(rows) and rows[i + 1].label.startswith("其中")
        if not parent and row.budget is not None and row.actual is not None and row.actual > row.budget and row.actual > 0:
            yield row


@rule("CP503", "compliance", "warning", "三公经费比上年增长")
def three_public_rising(ctx: AuditContext):
    """检查什么：三公经费本年决算数是否高于上年决算数（三公经费变动率 > 0）。
    为什么重要：三公经费要求只减不增，增长须说明原因。
    示例：上年 9.84 万元，本年 10.20 万元，增长 3.66%。
    修改建议：说明增长原因（如新增车辆运维）并提出压减措施。
    依据：中央八项规定精神；财预〔2013〕53号“三公经费变动率”。
    """
    t = ctx.report.three_public
    rate = formulas.three_public_change_rate(ctx.report)
    if rate is not None and rate > 0:
        yield Issue(f"三公经费本年 {fmt(t.actual)} 万元，比上年 {fmt(t.prior_actual)} 万元增长 {fmt(rate, 2)}%", ctx.where("three_public.actual", "基础数据表 三公经费"),
                    expected=f"≤ {fmt(t.prior_actual)}", found=fmt(t.actual), evidence=ctx.evidence("three_public.actual"))


@rule("CP504", "compliance", "warning", "三公经费明细超预算")
def three_public_item_over_budget(ctx: AuditContext):
    """检查什么：三公经费合计未超预算时，各明细（公务用车运行维护、公务接待、因公出国）的决算数是否超过其预算数（合计超预算时由 CP502 一并列出超支明细）。
    为什么重要：明细超支往往被合计数掩盖。
    示例：公车运行维护预算 7.5 万元，决算 9.01 万元。
    修改建议：说明超支原因及审批情况。
    依据：《党政机关厉行节约反对浪费条例》。
    """
    rate = formulas.three_public_control_rate(ctx.report)
    if rate is not None and rate > 100:
        return  # the total is over budget: CP502 names the items
    for row in _over_budget_items(ctx):
        yield Issue(f"“{row.label}”决算 {fmt(row.actual)} 万元超过预算 {fmt(row.budget)} 万元（三公经费合计未超预算，超支被其他明细的结余掩盖）",
                    Where(section="基础数据表 三公经费", field=f"basic_data:{row.label}"),
                    expected=f"≤ {fmt(row.budget)}", found=fmt(row.actual), evidence=f"{row.label}：预算 {fmt(row.budget)}，决算 {fmt(row.actual)}")


@rule("CP505", "compliance", "warning", "公用经费大幅超预算")
def public_funds_over_budget(ctx: AuditContext):
    """检查什么：公用经费及其明细（办公费、水电差旅、会议培训）的决算数是否超过预算数一定比例（默认 20%）。
    为什么重要：公用经费控制率是 53号 共性指标；大幅超预算说明预算编制不实或支出失控。
    示例：公用经费预算 136.2 万元，决算 988.17 万元，控制率 725.53%。
    修改建议：核实口径（是否把全部商品和服务支出填为公用经费），说明超支原因。
    依据：财预〔2013〕53号“公用经费控制率”。
    """
    limit = _limit(ctx, "public_funds_over_percent", "20")
    for row in (r for r in ctx.report.basic_data if r.section == "public_funds"):
        rate = formulas.ratio_percent(row.actual, row.budget)
        if rate is not None and rate > 100 + limit:
            yield Issue(f"“{row.label}”预算 {fmt(row.budget)} 万元，决算 {fmt(row.actual)} 万元，控制率 {fmt(rate, 2)}%",
                        Where(section="基础数据表 公用经费", field=f"basic_data:{row.label}"), expected=f"≤ {fmt(100 + limit)}%",
                        found=f"{fmt(rate, 2)}%", evidence=f"{row.label}：预算 {fmt(row.budget)}，决算 {fmt(row.actual)}")


_EXPLAINS_LOW_EXECUTION = lazy(
    r"(执行率|执行进度|支出进度)[^。]{0,20}(偏低|较低|低于|不高|慢|滞后|未达)[^。]{0,40}(原因|由于|因为|主要是)"
    r"|(由于|因为|原因是)[^。]{0,40}(执行率|支出进度|执行进度)[^。]{0,12}(偏低|较低|低|慢|滞后)"
    r"|(支出进度|执行进度)[^。]{0,6}(滞后|延迟|偏慢)"
)


@rule("CP506", "compliance", "warning", "预算执行率偏低")
def low_execution(ctx: AuditContext):
    """检查什么：预算执行率是否低于阈值（默认 90%），以及报告是否说明了原因。
    为什么重要：执行率低说明预算编制不准或项目推进滞后，资金沉淀。
    示例：全年预算 4295.92 万元，执行 3122 万元，执行率 72.67%。
    修改建议：分析未执行资金的项目和原因，提出加快执行或调整预算的措施。
    依据：财预〔2020〕10号；四川等地要求执行率低于 90% 须说明原因 [F]。
    """
    rate = ctx.report.budget.execution_rate or formulas.execution_rate(ctx.report)
    limit = _limit(ctx, "low_execution_rate", "90")
    if rate is None or rate >= limit:
        return
    explained = any(_EXPLAINS_LOW_EXECUTION.search(t) for t in ctx.texts)
    note = "，报告已分析原因" if explained else "，报告未分析原因"
    yield Issue(f"预算执行率 {fmt(rate, 2)}%，低于 {fmt(limit)}%{note}", ctx.where("budget.execution_rate", "年度预算执行"),
                expected=f"≥ {fmt(limit)}%", found=f"{fmt(rate, 2)}%", evidence=ctx.evidence("budget.execution_rate"),
                severity="info" if explained else None)


@rule("CP507", "compliance", "warning", "预算调整幅度大")
def large_adjustment(ctx: AuditContext):
    """检查什么：预算调整率 (全年预算数 − 年初预算数) ÷ 年初预算数 是否超过阈值（默认 50%；年中追加预算十分常见，小幅调整不单独提示）。
    为什么重要：调整过大说明年初预算编制不完整，预算约束力弱（53号 分档扣分）。
    示例：年初预算 2760.71 万元，全年预算 4295.92 万元，调整率 55.61%。
    修改建议：说明追加预算的主要项目和依据（政策性、上级交办的可剔除）。
    依据：财预〔2013〕53号“预算调整率”。
    """
    rate = formulas.budget_adjustment_rate(ctx.report)
    limit = _limit(ctx, "large_adjustment_percent", "50")
    b = ctx.report.budget
    if rate is not None and abs(rate) > limit:
        yield Issue(f"年初预算 {fmt(b.initial)} 万元，全年预算 {fmt(b.full_year)} 万元，预算调整率 {fmt(rate, 2)}%", ctx.where("budget.full_year", "年度预算执行"),
                    expected=f"≤ {fmt(limit)}%", found=f"{fmt(rate, 2)}%", evidence=f"{ctx.evidence('budget.initial')}；{ctx.evidence('budget.full_year')}")


_OVER_HUNDRED = lazy(r"([\u4e00-\u9fa5“”\"]{2,16}率)[^，。；\d]{0,8}100\s*%\s*(以上|及以上)")
_BOUNDED_RATE = lazy(r"(执行率|完成率|覆盖率|合格率|达标率|满意度|参与率|办结率|化解率|到位率|监控率|保障率|支出率|受益率|知晓率|整改率)$")


@rule("CP508", "compliance", "error", "不可能的数值")
def impossible_values(ctx: AuditContext):
    """检查什么：不可能超过 100% 的比率（执行率、完成率、覆盖率、合格率、满意度……）是否写成超过 100% 或“100% 以上”。
    为什么重要：不可能的数值说明数据失实或随意填写，损害报告可信度。
    示例：“财政资金‘双监控’率达到100%以上”。
    修改建议：填写实际比率；已全部完成的写“100%”。
    依据：比率的定义：部分 ÷ 全体，不超过 100%。
    """
    for s in ctx.report.statements:
        if s.kind == "rate" and _BOUNDED_RATE.search(s.label) and s.value > 100:
            yield Issue(f"“{s.label}”写为 {fmt(s.value)}%，超过 100%", ctx.statement_where(s), expected="≤ 100%", found=f"{fmt(s.value)}%", evidence=s.text)
    for s in ctx.report.statements:
        if s.kind == "rate" and s.label.endswith("控制率") and s.value < 0:
            yield Issue(f"“{s.label}”写为 {fmt(s.value)}%，控制率是实际数与预算数之比，不会为负（疑为偏差率）", ctx.statement_where(s),
                        expected="实际数 ÷ 预算数 × 100%", found=f"{fmt(s.value)}%", evidence=s.text, severity="warning")
    for text in ctx.texts_with("以上"):  # what the pattern needs, looked for first
        for m in _OVER_HUNDRED.finditer(text):
            yield Issue(f"“{m.group(1)}”写为“100%{m.group(2)}”，比率不可能超过 100%", Where(section="报告正文"), expected="≤ 100%", found=m.group(0), evidence=m.group(0))
    for i, ind in enumerate(ctx.report.indicators):
        a = ind.actual_measure
        if a and a.is_percent and a.value is not None and a.value > 100 and _BOUNDED_RATE.search(ind.name):
            yield Issue(f"指标“{ind.name}”实际值 {ind.actual} 超过 100%", ctx.where(ctx.indicator_path(i, "actual"), "绩效自评表"),
                        expected="≤ 100%", found=ind.actual, evidence=f"{ind.name}：{ind.actual}")
    b = ctx.report.budget
    if b.executed is not None and b.full_year and b.executed > b.full_year + ctx.tolerance:
        yield Issue(f"全年执行数 {fmt(b.executed)} 万元超过全年预算数 {fmt(b.full_year)} 万元", ctx.where("budget.executed", "年度预算执行"),
                    expected=f"≤ {fmt(b.full_year)}", found=fmt(b.executed), evidence=ctx.evidence("budget.executed"))


@rule("CP509", "compliance", "warning", "政府采购执行与预算偏差大")
def procurement_deviation(ctx: AuditContext):
    """检查什么：政府采购实际金额与采购预算的偏差是否超过阈值（默认 30%）。
    为什么重要：采购预算是采购活动的依据，偏差过大说明采购预算编制不实或存在预算外采购。
    示例：采购预算 225 万元，实际采购 379.61 万元，执行率 168.72%。
    修改建议：说明偏差原因，超预算采购须有追加预算依据。
    依据：《政府采购法》第六条；财预〔2013〕53号“政府采购执行率”。
    """
    rate = formulas.procurement_execution_rate(ctx.report)
    limit = _limit(ctx, "procurement_deviation_percent", "30")
    row = formulas.section_total(ctx.report, "procurement")
    if rate is not None and abs(rate - 100) > limit:
        yield Issue(f"政府采购预算 {fmt(row.budget)} 万元，实际 {fmt(row.actual)} 万元，执行率 {fmt(rate, 2)}%", Where(section="基础数据表 政府采购", field=f"basic_data:{row.label}"),
                    expected=f"{fmt(100 - limit)}%–{fmt(100 + limit)}%", found=f"{fmt(rate, 2)}%", evidence=f"{row.label}：预算 {fmt(row.budget)}，决算 {fmt(row.actual)}")


@rule("CP510", "compliance", "warning", "项目支出执行率偏低")
def low_project_execution(ctx: AuditContext):
    """检查什么：基础数据表中每个项目的本年决算数占本年预算数的比例是否低于阈值（默认 80%）。
    为什么重要：单个项目执行慢会被整体执行率掩盖，资金沉淀在项目上，绩效目标难以实现。
    示例：“通坪公路项目征地补偿款”预算 15.41 万元，决算 8.17 万元，执行率 53.02%。
    修改建议：说明项目执行滞后的原因，提出加快进度或调整预算的措施。
    依据：财预〔2020〕10号 项目支出绩效自评；财预〔2013〕53号“预算完成率”。
    """
    limit = _limit(ctx, "low_project_execution_rate", "80")
    for row in ctx.report.basic_data:
        if row.section != "project" or not _NUMBERED.match(row.label):
            continue
        rate = formulas.ratio_percent(row.actual, row.budget)
        if rate is not None and rate < limit:
            yield Issue(f"项目“{row.label}”预算 {fmt(row.budget)} 万元，决算 {fmt(row.actual)} 万元，执行率 {fmt(rate, 2)}%",
                        Where(section="基础数据表 项目支出", field=f"basic_data:{row.label}"), expected=f"≥ {fmt(limit)}%",
                        found=f"{fmt(rate, 2)}%", evidence=f"{row.label}：预算 {fmt(row.budget)}，决算 {fmt(row.actual)}")


@rule("CP511", "compliance", "warning", "支出大幅超预算")
def overspent(ctx: AuditContext):
    """检查什么：全年执行数是否超过全年预算数，基础数据表中各项目的决算数是否超过预算数一定比例（默认 50%）。
    为什么重要：支出超过预算即无预算支出；某一项目花到预算的数倍，说明预算编制不实或资金被挪用。
    示例：项目“村级公益事业奖补”预算 20 万元，决算 61.5 万元，为预算的 307.5%。
    修改建议：说明超支原因与追加预算的依据；无依据的超支应整改。
    依据：《预算法》第十三条（经人大批准的预算非经法定程序不得调整）；财预〔2013〕53号“预算完成率”。
    """
    b = ctx.report.budget
    whole = b.full_year if b.full_year is not None else b.initial
    if b.executed is not None and whole and b.executed > whole:
        rate = formulas.ratio_percent(b.executed, whole)
        yield Issue(f"全年执行数 {fmt(b.executed)} 万元超过预算数 {fmt(whole)} 万元，执行率 {fmt(rate, 2)}%", ctx.where("budget.executed", "年度预算执行"),
                    expected=f"≤ {fmt(whole)}", found=fmt(b.executed), evidence=ctx.evidence("budget.executed"))
    limit = _limit(ctx, "overspend_percent", "50")
    for k, line in enumerate(b.lines):
        rate = formulas.ratio_percent(line.executed, line.full_year if line.full_year is not None else line.initial)
        if rate is not None and rate > 100 + limit:
            yield Issue(f"“{line.label}”全年预算数 {fmt(line.full_year)} 万元，全年执行数 {fmt(line.executed)} 万元，为预算的 {fmt(rate, 2)}%",
                        ctx.where(f"budget.lines[{k}]", "年度预算执行"), expected=f"≤ {fmt(100 + limit)}%", found=f"{fmt(rate, 2)}%",
                        evidence=ctx.evidence(f"budget.lines[{k}]"))
    for row in ctx.report.basic_data:
        rate = formulas.ratio_percent(row.actual, row.budget)
        if row.section == "project" and _NUMBERED.match(row.label) and rate is not None and rate > 100 + limit:
            yield Issue(f"项目“{row.label}”预算 {fmt(row.budget)} 万元，决算 {fmt(row.actual)} 万元，为预算的 {fmt(rate, 2)}%",
                        Where(section="基础数据表 项目支出", field=f"basic_data:{row.label}"), expected=f"≤ {fmt(100 + limit)}%",
                        found=f"{fmt(rate, 2)}%", evidence=f"{row.label}：预算 {fmt(row.budget)}，决算 {fmt(row.actual)}")


_ALL_DONE = lazy(r"(全面完成|全部完成|圆满完成|均已完成|全部实现|全面实现|均达到|全部达到|如期完成)")


@rule("CP512", "compliance", "warning", "执行率很低却称目标全部完成")
def low_execution_full_delivery(ctx: AuditContext):
    """检查什么：预算执行率很低（默认低于 60%）时，报告是否仍给全部指标满分，或称目标“全面完成”。
    为什么重要：一半的钱没花出去，产出却全部完成，要么目标定得过低，要么完成情况不实。
    示例：执行率 48.6%，自评表 12 个指标全部满分，年度目标“全面完成”。
    修改建议：核实完成情况与资金使用的对应关系，如实反映未完成的产出，或说明资金结余的原因。
    依据：财预〔2020〕10号：自评结果应真实反映资金使用与产出、效益的对应关系。
    """
    r = ctx.report
    rate = r.budget.execution_rate if r.budget.execution_rate is not None else formulas.execution_rate(r)
    limit = _limit(ctx, "delivery_claim_execution_rate", "60")
    if rate is None or rate >= limit:
        return
    scored = [i for i in r.indicators if i.weight and i.score is not None]
    full = len(scored) >= 3 and all(i.score >= i.weight for i in scored)
    claim = next((m.group(0) for g in r.goals for m in [_ALL_DONE.search(g.achieved or "")] if m), None)
    if full or claim:
        said = f"{len(scored)} 个指标全部满分" if full else f"年度目标称“{claim}”"
        b = r.budget
        spent = f"（执行 {fmt(b.executed)} 万元，预算 {fmt(b.full_year if b.full_year is not None else b.initial)} 万元）" if b.executed is not None else ""
        yield Issue(f"预算执行率仅 {fmt(rate, 2)}%{spent}，{said}", ctx.where("budget.execution_rate", "年度预算执行"),
                    expected="完成情况与资金使用相符", found=said, evidence=ctx.evidence("budget.execution_rate"))
