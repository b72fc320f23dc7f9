"""Arithmetic: every sum, share, rate and score a report states, recomputed from its own figures."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from jixiao.audit.context import AuditContext, Issue, fmt
from jixiao.audit.finding import Where
from jixiao.audit.registry import rule
from jixiao.lazyre import lazy
from jixiao.scoring import formulas

FIX_RECOMPUTE = "按原始数据重新计算并更正，前后文及附表同步修改（四舍五入保留两位小数）。"


def _verdict_issue(ctx: AuditContext, stated: Decimal, computed: Decimal, details: Callable[[], tuple[str, Where, str | None]]):
    """An issue when a stated figure is not the computed one; `details` (message, place, evidence) are worded only then."""
    verdict = ctx.compare(stated, computed)
    if verdict == "ok":
        return None
    message, where, evidence = details()
    severity = "warning" if verdict == "truncated" else None
    note = "（疑为截尾而非四舍五入）" if verdict == "truncated" else ""
    return Issue(message + note, where, expected=fmt(computed, 2), found=fmt(stated), evidence=evidence, fix=FIX_RECOMPUTE, severity=severity)


@rule("AR101", "arithmetic", "error", "预算执行率与执行数、预算数不符")
def execution_rate(ctx: AuditContext):
    """检查什么：表中或正文写明的预算执行率是否等于 全年执行数 ÷ 全年预算数（调整后）。
    为什么重要：执行率是自评表唯一直接由财务数据得出的指标，算错会连带执行率得分和总分出错。
    示例：全年预算数 3803.27 万元、执行数 3425.81 万元，执行率应为 90.08%，写成 90.07%（截尾）给出提示。
    修改建议：按 执行数 ÷ 全年预算数 × 100% 重新计算，四舍五入保留两位小数。
    依据：财预〔2020〕10号 附件自评表“执行率”；财预〔2013〕53号“预算完成率”。
    """
    b = ctx.report.budget
    computed = formulas.execution_rate(ctx.report)
    if b.execution_rate is None or computed is None:
        return
    issue = _verdict_issue(
        ctx, b.execution_rate, computed, lambda: (
        f"执行率写为 {fmt(b.execution_rate)}%，但 全年执行数 {fmt(b.executed)} ÷ {_denominator(b)} = {fmt(computed, 2)}%",
        ctx.where("budget.execution_rate", "年度预算执行"), ctx.evidence("budget.execution_rate")))
    if issue:
        yield issue


def _denominator(b) -> str:
    return f"全年预算数 {fmt(b.full_year)}" if b.full_year is not None else f"年初预算数 {fmt(b.initial)}"


_STATES_FORMULA = lazy(r"[*×xX✕]")  # a note that writes the formula: "20分×执行率"


@rule("AR102", "arithmetic", "error", "执行率得分计算错误", affects_score=True)
def execution_score(ctx: AuditContext):
    """检查什么：执行率得分是否等于 min(执行率, 100%) × 执行率分值。表中写明了分值和“×执行率”的算法时为错误；只写分值、未写算法（有的地方按档次计分）或分值取自评分方案默认值时，至多为警告。
    为什么重要：执行率得分直接计入总分；常见错误是按未取整的执行率截尾或套错分值。
    示例：执行率 72.67%、分值 10，得分应为 7.27；写成 7.5 即错。
    修改建议：得分 = 执行率（超过 100% 按 100% 计）× 分值，四舍五入保留两位小数。
    依据：财预〔2020〕10号 自评表“预算执行率”10 分（各地可调整分值）。
    """
    b = ctx.report.budget
    weight = b.execution_weight or ctx.profile.execution.weight
    if b.execution_score is None or b.execution_rate is None or not weight:
        return
    computed = formulas.execution_score(b.execution_rate, weight)
    issue = _verdict_issue(
        ctx, b.execution_score, computed, lambda: (
        f"执行率得分写为 {fmt(b.execution_score)}，按 执行率 {fmt(b.execution_rate)}% × 分值 {fmt(weight)} 应为 {fmt(computed, 2)}",
        ctx.where("budget.execution_score", "年度预算执行"), ctx.evidence("budget.execution_score")))
    if issue:
        if b.execution_weight is None:
            issue.assumed = f"报告未写明执行率分值，按“{ctx.profile.title}”方案的 {fmt(weight)} 分计"
        elif not any(_STATES_FORMULA.search(note) for note in ctx.report.scoring_notes):
            issue.assumed = "表中未写明计分办法，按财预〔2020〕10号通行的“执行率×分值”计"
        yield issue


@rule("AR103", "arithmetic", "error", "基本支出与项目支出之和不等于全年执行数")
def spending_sum(ctx: AuditContext):
    """检查什么：按支出性质分的 基本支出 + 项目支出 是否等于全年执行数。
    为什么重要：两者是执行数的完整分解，不等说明某处数字填错或口径不一。
    示例：基本支出 3019.17 + 项目支出 102.83 = 3122.00，与执行数 3122.00 一致；若执行数写 3200 则报错。
    修改建议：核对决算数据，使 基本支出 + 项目支出 = 全年执行数。
    依据：部门整体支出绩效自评表“按支出性质分”栏。
    """
    r = ctx.report
    if None in (r.spending.basic, r.spending.project, r.budget.executed):
        return
    total = r.spending.basic + r.spending.project
    if abs(total - r.budget.executed) > ctx.tolerance:
        yield Issue(
            f"基本支出 {fmt(r.spending.basic)} + 项目支出 {fmt(r.spending.project)} = {fmt(total)} 万元，与全年执行数 {fmt(r.budget.executed)} 万元不符",
            ctx.where("spending.basic", "年度预算执行"), expected=fmt(r.budget.executed), found=fmt(total),
            evidence=f"{ctx.evidence('spending.basic')}；{ctx.evidence('spending.project')}", fix=FIX_RECOMPUTE)


@rule("AR104", "arithmetic", "error", "资金来源合计与年度资金总额不符")
def sources_sum(ctx: AuditContext):
    """检查什么：按收入性质分的各来源（一般公共预算、政府性基金、非税收入、其他资金；项目表的当年财政拨款、上年结转资金、其他资金）之和，是否等于年度资金总额的全年预算数；项目表各来源行的年初预算数、全年执行数之和也应等于总额行。
    为什么重要：收入来源是年度资金的完整分解，不等说明漏填或错填。
    示例：当年财政拨款 130.20 + 上年结转 12.00 + 其他资金 24.00 = 166.20 万元，年度资金总额执行数却写 148.20 万元。
    修改建议：补齐或更正各来源金额，使其合计等于年度资金总额。
    依据：自评表“按收入性质分”栏；项目支出绩效自评表“项目资金”栏。
    """
    r = ctx.report
    if r.budget.lines:
        yield from _line_sums(ctx)
        return
    if len(r.budget.by_source) < 2 or r.budget.full_year is None:
        return
    total = sum(r.budget.by_source.values(), Decimal(0))
    if abs(total - r.budget.full_year) > ctx.tolerance:
        parts = " + ".join(f"{k} {fmt(v)}" for k, v in r.budget.by_source.items())
        yield Issue(f"{parts} = {fmt(total)} 万元，与全年预算数 {fmt(r.budget.full_year)} 万元不符",
                    ctx.where("budget.full_year", "年度预算执行"), expected=fmt(r.budget.full_year), found=fmt(total),
                    evidence=parts, fix="核对各收入来源金额，使合计等于全年预算数。")


def _line_sums(ctx: AuditContext):
    b = ctx.report.budget
    for role, name in (("initial", "年初预算数"), ("full_year", "全年预算数"), ("executed", "全年执行数")):
        stated, values = getattr(b, role), [(line.label, getattr(line, role)) for line in b.lines]
        known = [(label, v) for label, v in values if v is not None]
        if stated is None or not known:
            continue
        total = sum((v for _, v in known), Decimal(0))
        over = total - stated > ctx.tolerance  # a single source row may leave the others blank, but never exceeds the total
        if over or (len(known) > 1 and abs(total - stated) > ctx.tolerance):
            parts = " + ".join(f"{label} {fmt(v)}" for label, v in known)
            yield Issue(f"{name}：{parts} = {fmt(total)} 万元，与年度资金总额 {fmt(stated)} 万元不符", ctx.where(f"budget.{role}", "年度预算执行"),
                        expected=fmt(stated), found=fmt(total), evidence=parts, fix="核对各来源金额，使合计等于年度资金总额。")


@rule("AR117", "arithmetic", "error", "年度主要任务金额合计与各任务之和不符")
def tasks_sum(ctx: AuditContext):
    """检查什么：自评表“年度主要任务”各任务预算金额（总额、财政拨款、其他资金）之和，是否等于“金额合计”行。
    为什么重要：合计行与各任务不符，说明任务金额漏填、错填或合计未更新。
    示例：5 项任务预算金额合计 8,436.72 万元，“金额合计”却写 8,536.72 万元。
    修改建议：重新加总各任务金额，更正合计行。
    依据：部门整体支出绩效自评表“年度主要任务”栏。
    """
    r, stated = ctx.report, ctx.report.tasks_total
    if stated is None or len(r.tasks) < 2:
        return
    for role, name in (("total", "总额"), ("fiscal", "财政拨款"), ("other", "其他资金")):
        values = [getattr(t, role) for t in r.tasks if getattr(t, role) is not None]
        said = getattr(stated, role)
        if said is None or not values:
            continue
        total = sum(values, Decimal(0))
        if abs(total - said) > ctx.tolerance:
            parts = " + ".join(f"{t.name} {fmt(getattr(t, role))}" for t in r.tasks if getattr(t, role) is not None)
            yield Issue(f"年度主要任务{name}：{parts} = {fmt(total)} 万元，“{stated.name}”却写 {fmt(said)} 万元", ctx.where("tasks_total", "自评表 年度主要任务"),
                        expected=fmt(total), found=fmt(said), evidence=parts, fix="重新加总各任务金额，更正合计行。")


@rule("AR105", "arithmetic", "error", "一级指标标注分值与其下指标分值之和不符")
def level1_weights(ctx: AuditContext):
    """检查什么：一级指标单元格标注的分值（如“产出指标(50分)”）是否等于其下各三级指标分值之和。
    为什么重要：权重不符说明指标被删改后未调整分值，总分结构失真。
    示例：“效益指标(30分)”下 13 个指标分值合计 40 分，应报错。
    修改建议：调整三级指标分值使之合计等于一级指标分值，或更正一级指标标注。
    依据：财预〔2020〕10号 一级指标权重（产出 50、效益 30、满意度 10，[K] 可由地方调整）。
    """
    for g in ctx.score.groups:
        stated = _group_weight(ctx, g)
        if stated is not None and g.rows_weight and abs(stated - g.rows_weight) > ctx.tolerance:
            path = f"level1_weights.{g.name}" if g.stated_weight is not None else "level1_summary"
            yield Issue(f"“{g.name}”标注 {fmt(stated)} 分，但其下三级指标分值合计 {fmt(g.rows_weight)} 分",
                        ctx.where(path, "绩效自评表"), expected=fmt(stated), found=fmt(g.rows_weight),
                        evidence=ctx.evidence(path), fix="调整三级指标分值或一级指标标注，使两者一致。")


def _summary(ctx: AuditContext, name: str):
    """The level-one summary row (一级指标 | 分值 | 得分) of a group, matched with or without 指标."""
    key = name.removesuffix("指标")
    return next((s for s in ctx.report.level1_summary if s.name.removesuffix("指标") == key), None)


@rule("AR118", "arithmetic", "error", "一级指标得分与其下指标得分之和不符", affects_score=True)
def level1_scores(ctx: AuditContext):
    """检查什么：一级指标得分表（一级指标 | 分值 | 得分）中各一级指标的得分，是否等于评分表中其下三级指标得分之和。
    为什么重要：汇总表的得分决定总分，与明细不符说明汇总时抄错或明细被改动。
    示例：得分表“过程”17.9 分，评分表中过程类各指标得分合计 16.9 分。
    修改建议：按明细重新汇总一级指标得分，并更正总分。
    依据：绩效评价报告“综合评价结论”与评分表的对应关系。
    """
    for g in ctx.score.groups:
        summary = _summary(ctx, g.name)
        if summary is None or summary.score is None or g.stated_score is None:
            continue
        if abs(summary.score - g.stated_score) > ctx.tolerance:
            yield Issue(f"一级指标得分表“{g.name}”{fmt(summary.score)} 分，其下三级指标得分合计 {fmt(g.stated_score)} 分",
                        ctx.where("level1_summary", "综合评价结论"), expected=fmt(g.stated_score), found=fmt(summary.score),
                        evidence=ctx.evidence("level1_summary"), fix=FIX_RECOMPUTE)


@rule("AR106", "arithmetic", "error", "指标分值合计不等于 100")
def weights_total(ctx: AuditContext):
    """检查什么：全部三级指标分值之和加执行率分值是否等于 100 分。
    为什么重要：满分不是 100 分时，总分与等级失去可比性。
    示例：执行率 10 分 + 指标分值合计 95 分 = 105 分，应报错。
    修改建议：调整指标分值，使合计为 100 分。
    依据：财预〔2020〕10号 自评表总分 100 分。
    """
    r = ctx.report
    if not r.indicators or any(i.weight is None for i in r.indicators):
        return
    rows = sum((i.weight for i in r.indicators), Decimal(0))
    total = rows + (r.budget.execution_weight or 0)
    # A blank 执行率分值 cell: the form's execution weight is the profile's, unless the rows make 100 alone.
    blank_execution_ok = r.budget.execution_weight is None and abs(rows + ctx.profile.execution.weight - 100) <= ctx.tolerance
    if abs(total - 100) > ctx.tolerance and not blank_execution_ok and not _headers_explain(ctx, total):
        yield Issue(f"执行率分值与各指标分值合计 {fmt(total)} 分，不等于 100 分", Where(section="绩效自评表", field="indicators"),
                    expected="100", found=fmt(total), fix="调整指标分值，使满分为 100 分。")


def _headers_explain(ctx: AuditContext, total: Decimal) -> bool:
    """The level-one headers ("产出指标（40分）") add up to 100 with the execution weight, and the
    rows' shortfall is theirs: AR105 reports it group by group."""
    weights = [_group_weight(ctx, g) for g in ctx.score.groups]
    if not weights or None in weights:
        return False
    stated = sum(weights, Decimal(0)) + (ctx.report.budget.execution_weight or 0)
    shortfall = sum((w - g.rows_weight for w, g in zip(weights, ctx.score.groups)), Decimal(0))
    return abs(stated - 100) <= ctx.tolerance and abs(shortfall - (100 - total)) <= ctx.tolerance


def _group_weight(ctx: AuditContext, g) -> Decimal | None:
    """A group's weight as the document states it: in its header cell, or in the level-one summary table."""
    summary = _summary(ctx, g.name)
    return g.stated_weight if g.stated_weight is not None else summary.weight if summary else None


@rule("AR107", "arithmetic", "error", "各项得分之和与总分不符", affects_score=True)
def scores_total(ctx: AuditContext):
    """检查什么：执行率得分与各三级指标得分之和是否等于表中总分。
    为什么重要：总分决定评价等级和结果应用，加总错误会直接误导结论。
    示例：指标得分合计 88 分 + 执行率得分 7.27 = 95.27，与总分一致；若写 96.27 即错。
    修改建议：重新加总各项得分，更正总分及正文中引用的得分。
    依据：财预〔2020〕10号 自评表“总分”。
    """
    r = ctx.report
    scores = [i.score for i in r.indicators]
    if not scores or None in scores or r.total_score is None:
        return
    total = sum(scores, Decimal(0)) + (r.budget.execution_score or 0)
    if abs(total - r.total_score) > ctx.tolerance:
        execution = f"执行率得分 {fmt(r.budget.execution_score)} 与" if r.budget.execution_score is not None else ""
        yield Issue(f"{execution}各指标得分合计 {fmt(total)} 分，与总分 {fmt(r.total_score)} 分不符",
                    ctx.where("total_score", "绩效自评表"), expected=fmt(total), found=fmt(r.total_score),
                    evidence=ctx.evidence("total_score"), fix=FIX_RECOMPUTE)


@rule("AR116", "arithmetic", "error", "总分超过满分", affects_score=True)
def total_beyond_reach(ctx: AuditContext):
    """检查什么：写明的总分是否超过各项分值（执行率分值加各指标分值）之和，即无论如何都得不到的分数。
    为什么重要：总分不可能超过满分；超过说明某项得分或分值写错，或照抄了别的表。
    示例：执行率 10 分、指标分值合计 85 分，总分却写 97 分。
    修改建议：逐项核对分值与得分，重新加总。
    依据：财预〔2020〕10号 自评表总分。
    """
    r = ctx.report
    weights = [i.weight for i in r.indicators]
    if not weights or None in weights or r.total_score is None:
        return
    reach = sum(weights, Decimal(0)) + (r.budget.execution_weight or 0)
    if r.total_score > reach + ctx.tolerance:
        yield Issue(f"总分写 {fmt(r.total_score)} 分，而执行率分值 {fmt(r.budget.execution_weight or 0)} 与各指标分值合计只有 {fmt(reach)} 分",
                    ctx.where("total_score", "绩效自评表"), expected=f"≤ {fmt(reach)}", found=fmt(r.total_score), evidence=ctx.evidence("total_score"))


@rule("AR108", "arithmetic", "error", "一级指标得分之和与总分不符", affects_score=True)
def summary_total(ctx: AuditContext):
    """检查什么：一级指标汇总（如 履职效能 + 管理效率，或 投入/过程/产出/效益）的得分之和与分值之和是否等于总分与 100；自评表的预算执行率得分不属任何一级指标时，与执行率得分合计后再比较。
    为什么重要：汇总得分是结论的直接依据，加总不符说明某项得分或总分写错。
    示例：履职效能 49.37 + 管理效率 47.00 = 96.37，与合计得分一致。
    修改建议：重新加总一级指标得分，更正总分或分项得分。
    依据：各地部门整体支出绩效评价指标体系的汇总表。
    """
    r = ctx.report
    scores = [s.score for s in r.level1_summary]
    if len(scores) >= 2 and None not in scores and r.total_score is not None:
        total = sum(scores, Decimal(0))
        # In the 10号 自评表 the 预算执行率 score is not a level-one group: a summary of 产出/效益/满意度
        # scores (often read from the prose) adds up to the total only with the execution score.
        execution = r.budget.execution_score if not any(re.search(r"(执行|预算)", s.name) for s in r.level1_summary) else None
        with_execution = total + execution if execution is not None else None
        if abs(total - r.total_score) > ctx.tolerance and (with_execution is None or abs(with_execution - r.total_score) > ctx.tolerance):
            parts = " + ".join(f"{s.name} {fmt(s.score)}" for s in r.level1_summary)
            note = f"（加执行率得分 {fmt(execution)} 为 {fmt(with_execution)} 分）" if with_execution is not None else ""
            yield Issue(f"{parts} = {fmt(total)} 分{note}，与总分 {fmt(r.total_score)} 分不符", ctx.where("total_score", "综合评价结论"),
                        expected=fmt(with_execution if with_execution is not None else total), found=fmt(r.total_score), evidence=parts, fix=FIX_RECOMPUTE)
    weights = [s.weight for s in r.level1_summary]
    if len(weights) >= 2 and None not in weights and abs(sum(weights, Decimal(0)) - 100) > ctx.tolerance:
        yield Issue(f"一级指标分值合计 {fmt(sum(weights, Decimal(0)))} 分，不等于 100 分", Where(section="综合评价结论", field="level1_summary"),
                    expected="100", found=fmt(sum(weights, Decimal(0))), fix="更正一级指标分值。")


@rule("AR109", "arithmetic", "error", "得分率与得分、分值不符")
def score_rates(ctx: AuditContext):
    """检查什么：一级指标汇总表中的得分率是否等于 得分 ÷ 分值。
    为什么重要：得分率用于横向比较各维度表现，算错会误导对短板的判断。
    示例：过程 分值 25、得分 23.15，得分率应为 92.60%。
    修改建议：按 得分 ÷ 分值 × 100% 重新计算，四舍五入保留两位小数。
    依据：部门整体支出绩效评价报告“综合评价结论”表。
    """
    for i, s in enumerate(ctx.report.level1_summary):
        computed = formulas.ratio_percent(s.score, s.weight)
        if s.score_rate is None or computed is None:
            continue
        issue = _verdict_issue(ctx, s.score_rate, computed, lambda i=i, s=s, computed=computed: (
                               f"“{s.name}”得分率写为 {fmt(s.score_rate)}%，得分 {fmt(s.score)} ÷ 分值 {fmt(s.weight)} = {fmt(computed, 2)}%",
                               ctx.where(f"level1_summary[{i}]", "综合评价结论"), ctx.evidence(f"level1_summary[{i}]")))
        if issue:
            yield issue


_WHOLE_LABELS = [
    (lazy(r"(本年支出|总支出|支出合计|全年支出|年度支出|本年决算|决算)"), "executed", "全年执行数（本年支出）"),
    (lazy(r"(预算)"), "full_year", "全年预算数"),
]


@rule("AR110", "arithmetic", "error", "占比与其分子分母不符")
def shares(ctx: AuditContext):
    """检查什么：正文中“X 万元，占 Y%”的占比是否等于 X ÷ 所指的总额（“其中”之前的合计，或“占本年支出”等写明的总额）。
    为什么重要：占比说明支出结构，分母用错或算错会误导对支出结构的判断。
    示例：基本支出 2998.29 万元“占本年支出 82.58%”，本年支出 3619.44 万元，应为 82.84%；82.58% 恰是按全年预算数 3630.41 计算的，分母与文字不符。
    修改建议：按文字所称的总额重新计算占比；若本意是占预算的比例，应改写文字。
    依据：《预算法》决算编报口径；部门决算“支出结构”说明。
    """
    amounts = [s for s in ctx.report.statements if s.kind == "amount"]
    for s in (x for x in ctx.report.statements if x.kind == "share"):
        part = _part_of(s, amounts)
        if part is None:
            continue
        yield from _share_issue(ctx, s, part)


def _part_of(share, amounts) -> Decimal | None:
    """The amount a share is of: the same label's amount stated right before it in its sentence
    (a label may recur elsewhere with another figure, e.g. the prior year's)."""
    same = [a for a in amounts if a.label == share.label]
    before = [a for a in same if a.text == share.text and a.location.block == share.location.block
              and a.location.start is not None and share.location.start is not None and a.location.start < share.location.start]
    if before:
        return before[-1].value
    return same[-1].value if same else None


def _share_issue(ctx: AuditContext, s, part: Decimal):
    candidates = _whole_candidates(ctx, s)
    if not candidates:
        return
    named_label, named = candidates[0]
    computed = formulas.ratio_percent(part, named)
    if computed is None or ctx.compare(s.value, computed) == "ok":
        return
    other = next(((lbl, w) for lbl, w in candidates[1:] if ctx.compare(s.value, formulas.ratio_percent(part, w) or Decimal(-1)) != "off"), None)
    if ctx.compare(s.value, computed) == "truncated":
        msg, severity = f"“{s.label}”占比写为 {fmt(s.value)}%，{fmt(part)} ÷ {named_label} {fmt(named)} = {fmt(computed, 2)}%（疑为截尾）", "warning"
    elif other:
        msg, severity = f"“{s.label}”占比写为 {fmt(s.value)}%，按文字所称 {named_label} {fmt(named)} 计算应为 {fmt(computed, 2)}%；该数实为按{other[0]} {fmt(other[1])} 计算", "warning"
    else:
        msg, severity = f"“{s.label}”{fmt(part)} 万元占比写为 {fmt(s.value)}%，按 {named_label} {fmt(named)} 万元计算应为 {fmt(computed, 2)}%", None
    yield Issue(msg, ctx.statement_where(s), expected=fmt(computed, 2), found=fmt(s.value), evidence=s.text, fix=FIX_RECOMPUTE, severity=severity)


def _whole_candidates(ctx: AuditContext, s) -> list[tuple[str, Decimal]]:
    """The whole the text names first, then the other plausible wholes (全年执行数, 全年预算数)."""
    b = ctx.report.budget
    values = {"executed": b.executed, "full_year": b.full_year}
    out: list[tuple[str, Decimal]] = []
    if s.whole is not None:
        out.append((s.whole_label or "合计", s.whole))
    elif s.whole_label:
        for pattern, key, name in _WHOLE_LABELS:
            if pattern.search(s.whole_label) and values[key] is not None:
                out.append((name, values[key]))
                break
    for _, key, name in _WHOLE_LABELS:
        if values[key] is not None and all(v != values[key] for _, v in out):
            out.append((name, values[key]))
    return out if (s.whole is not None or s.whole_label) else []


@rule("AR115", "arithmetic", "error", "正文“其中”各项之和与合计不符")
def prose_parts(ctx: AuditContext):
    """检查什么：正文“合计 X，其中：A，B……”中，各分项（金额或人数）之和是否超过合计；分项是合计的完整划分时
    （“收入合计……其中财政拨款收入……其他收入”，“核定编制……其中行政编制……事业编制”，各分项与合计同属一类），
    之和还必须等于合计。括号中的数（“（预算 9.00 万元）”）和比较的数（“比上年减少 1.46 万元”）不是分项。
    为什么重要：分项之和与合计不符说明某个数字写错；差额在一分钱以内的多为各项分别取整所致，只作提示。
    示例：“收入合计5,832.46万元，其中财政拨款收入5,612.30万元、其他收入200.16万元”，两项合计 5,812.46 万元；“核定编制68名，其中行政编制22名、事业编制40名”，合计 62 名。
    修改建议：核对合计与各分项，列全分项时两者应相等。
    依据：决算报表勾稽关系；机构编制核定文件。
    """
    groups: dict[tuple, list] = {}
    for s in ctx.report.statements:
        if s.kind in ("amount", "count") and s.whole is not None:
            groups.setdefault((s.location.block, s.kind, s.whole_label, s.whole), []).append(s)
    for (_block, kind, label, whole), found in groups.items():
        parts = _same_kind(label, found) if kind == "count" else found
        total = sum((p.value for p in parts), Decimal(0))
        complete = _partition(label, parts)
        composed = kind == "count" and not any(_ATTRIBUTE.search(p.label) for p in parts)  # 专任教师、行政后勤: a headcount's make-up
        if len(parts) < 2 or total == whole or (total < whole and not complete and not composed):
            continue
        verdict = ctx.sum_verdict(whole, total)
        unit = "万元" if kind == "amount" else "人"
        items = " + ".join(f"{p.label} {fmt(p.value)}" for p in parts)
        note = "（差额在尾数范围内，请核对取整）" if verdict == "rounding" else ""
        # a make-up read from the wording (专任教师、行政后勤) is for a reviewer to judge
        severity = "info" if verdict == "rounding" else None if complete or total > whole else "warning"
        rel = "超过合计" if total > whole else "与合计不符"
        yield Issue(f"“{label}”{fmt(whole)} {unit}，其中 {items} = {fmt(total)} {unit}，{rel}{note}", ctx.statement_where(parts[0]),
                    expected=fmt(whole) if complete else f"≤ {fmt(whole)}", found=fmt(total), evidence=parts[0].text, fix=FIX_RECOMPUTE,
                    severity=severity)


_ATTRIBUTE = lazy(r"(党员|女|男|少数民族|博士|硕士|研究生|本科|大专|高级|中级|初级|职称|学历|岁|以上|以下|退休|离休|借调|聘用|临时)")
_TOTAL_WORDS = lazy(r"(合计|总计|总额|共计|总数|总体|总)$")


def _same_kind(whole_label: str | None, parts: list) -> list:
    """Where some parts of a headcount name the whole's kind (核定编制 → 行政编制, 事业编制), a count of
    another kind read after them ("……事业编制11名，实有在职人员24人") is a statement of its own, not a part."""
    head = _TOTAL_WORDS.sub("", whole_label or "")[-2:]
    kin = [p for p in parts if len(head) == 2 and p.label.endswith(head) and p.label != head]
    return kin if len(kin) >= 2 else parts


def _partition(whole_label: str | None, parts) -> bool:
    """The parts divide the whole completely: each names the whole's kind ("收入合计" → 财政拨款收入,
    其他收入; "核定编制" → 行政编制, 事业编制)."""
    head = _TOTAL_WORDS.sub("", whole_label or "")[-2:]
    return len(head) == 2 and all(p.label.endswith(head) and p.label != head for p in parts)


@rule("AR111", "arithmetic", "error", "基础数据表合计行与明细不符")
def basic_data_sums(ctx: AuditContext):
    """检查什么：基础数据表中 三公经费 = 公务用车 + 出国 + 接待、公务用车购置和维护 = 购置 + 运行维护、项目支出合计 = 各项目之和；“其中”明细不得超过合计。
    为什么重要：合计与明细不符，说明填报数据自相矛盾，据此计算的控制率、变动率都不可信。
    示例：“1、公务用车购置和维护经费”预算 0，但其下“公车运行维护”预算 7.5，应报错。
    修改建议：按明细重新汇总合计行，或更正明细。
    依据：部门整体支出绩效评价基础数据表填报说明。
    """
    for parent, children, strict in _families(ctx.report.basic_data):
        for role, name in (("prior_actual", "上年决算数"), ("budget", "本年预算数"), ("actual", "本年决算数")):
            values = [getattr(c, role) for c in children]
            total, stated = sum((v for v in values if v is not None), Decimal(0)), getattr(parent, role)
            if stated is None or all(v is None for v in values):
                continue
            verdict = ctx.sum_verdict(stated, total) if strict or total > stated else "ok"
            if verdict != "ok":
                rel = "之和" if strict else "之和超过合计："
                parts = " + ".join(f"{c.label} {fmt(getattr(c, role))}" for c in children)
                note = "（差额在尾数范围内，请核对各项取整）" if verdict == "rounding" else ""
                yield Issue(f"“{parent.label}”{name} {fmt(stated)}，而明细 {parts} {rel} {fmt(total)}{note}",
                            Where(section="基础数据表", field=f"basic_data:{parent.label}"), expected=fmt(total), found=fmt(stated),
                            evidence=parts, fix="按明细重新汇总合计行，或更正明细数据。", severity="info" if verdict == "rounding" else None)


_NUMBERED = lazy(r"^\d+\s*[、.．]")  # a numbered item ("1、…")
_DOTS = lazy(r"[.…]+")


def _families(rows):
    """(parent, children, strict) groups of the 基础数据表: numbered items under a total, 其中 items under an item."""
    out = []
    for section in dict.fromkeys(r.section for r in rows):
        group = [r for r in rows if r.section == section and not _DOTS.fullmatch(r.label)]
        if len(group) < 2:
            continue
        numbered = [r for r in group[1:] if _NUMBERED.match(r.label)]
        if numbered:
            out.append((group[0], numbered, True))
        out += _sub_items(group)
    return out


def _sub_items(group):
    out, i = [], 0
    while i < len(group):
        if group[i].label.startswith("其中") and i > 0:
            parent, kids = group[i - 1], []
            while i < len(group) and not _NUMBERED.match(group[i].label):
                kids.append(group[i])
                i += 1
            strict = _NUMBERED.match(parent.label) is not None and "三公" not in parent.label
            out.append((parent, kids, strict))
        else:
            i += 1
    return out


@rule("AR112", "arithmetic", "error", "人员控制率计算错误")
def staff_control(ctx: AuditContext):
    """检查什么：基础数据表的人员控制率是否等于 实际在职人数 ÷ 编制数。
    为什么重要：控制率用于判断是否超编，算错会掩盖或夸大超编。
    示例：编制 114 人、在职 127 人，控制率应为 111.40%。
    修改建议：按 实际在职人数 ÷ 编制数 × 100% 重新计算。
    依据：财预〔2013〕53号“在职人员控制率”。
    """
    s = ctx.report.staffing
    computed = formulas.staff_control_rate(ctx.report)
    if s.control_rate is None or computed is None:
        return
    issue = _verdict_issue(ctx, s.control_rate, computed, lambda: (
                           f"控制率写为 {fmt(s.control_rate)}%，但 在职 {s.actual} ÷ 编制 {s.authorized} = {fmt(computed, 2)}%",
                           ctx.where("staffing.control_rate", "基础数据表"), ctx.evidence("staffing.control_rate")))
    if issue:
        yield issue


@rule("AR113", "arithmetic", "error", "分母为零的百分比")
def zero_denominator(ctx: AuditContext):
    """检查什么：正文中“完成预算的 X%”等百分比，其分母（预算数）是否为零。
    为什么重要：分母为零的比率没有意义，写成 100% 会掩盖“未安排预算也未支出”的事实。
    示例：“因公出国（境）费支出预算为0万元，支出决算为0万元，完成预算的100%”。
    修改建议：分母为零时写明“未安排预算、未发生支出”，不要给出百分比。
    依据：统计与会计通用规则：比率的分母不得为零。
    """
    for s in ctx.report.statements:
        if s.kind != "rate" or "完成预算" not in s.label:
            continue
        budgets = [x for x in ctx.report.statements if x.kind == "amount" and x.text == s.text and "预算" in x.label]
        if budgets and budgets[0].value == 0:
            yield Issue(f"预算数为 0，却写“完成预算的 {fmt(s.value)}%”", ctx.statement_where(s), expected="不适用（分母为 0）",
                        found=f"{fmt(s.value)}%", evidence=s.text, fix="改为“未安排预算，未发生支出”，删除百分比。")


@rule("AR114", "arithmetic", "error", "与上年比较的增减额不符")
def prior_year_change(ctx: AuditContext):
    """检查什么：正文“比上年减少/增加 X 万元”“与上年持平”是否与基础数据表的上年、本年决算数一致。
    为什么重要：增减说明是三公经费管控成效的直接表述，与数据不符会误导审核。
    示例：三公经费本年 9.01 万元、上年 10.06 万元，“比上年减少 1.05 万元”正确；写“持平”而上年 5.11、本年 4.99 即错。
    修改建议：按两年决算数重新计算增减额，并据实表述。
    依据：《党政机关厉行节约反对浪费条例》三公经费公开说明要求。
    """
    for s in ctx.report.statements:
        if s.kind != "change" or s.whole is None:
            continue
        row = _row_for(ctx.report.basic_data, s.text, s.whole)
        if row is None or row.prior_actual is None or row.actual is None:
            continue
        delta = row.actual - row.prior_actual
        stated = {"增加": s.value, "减少": -s.value, "持平": Decimal(0)}[s.direction]
        if s.unit in ("万元", "") and abs(delta - stated) > ctx.tolerance and not _fits_other_amount(ctx, s, stated):
            direction = "持平" if delta == 0 else ("增加" if delta > 0 else "减少")
            written = s.direction if s.direction == "持平" else f"{s.direction} {fmt(s.value)} 万元"
            yield Issue(f"“{row.label}”上年 {fmt(row.prior_actual)}、本年 {fmt(row.actual)} 万元，应为{direction} {fmt(abs(delta))} 万元，正文写“{written}”",
                        ctx.statement_where(s), expected=f"{direction} {fmt(abs(delta))}", found=f"{s.direction} {fmt(s.value)}",
                        evidence=s.text, fix="按两年决算数据重新表述增减情况。")


def _fits_other_amount(ctx: AuditContext, change, stated: Decimal) -> bool:
    """True when the change fits another amount of the same sentence ('三公经费 8.5 万元，其中接待费 2.7 万元，
    比上年减少 1.5 万元': the change may refer to the total rather than to the amount right before it)."""
    for s in ctx.report.statements:
        if s.kind != "amount" or s.text != change.text or s.location.block != change.location.block:
            continue
        if s.location.start is None or change.location.start is None or s.location.start >= change.location.start:
            continue
        row = _row_for(ctx.report.basic_data, s.text, s.value)
        if row is not None and row.prior_actual is not None and row.actual is not None and abs(row.actual - row.prior_actual - stated) <= ctx.tolerance:
            return True
    return False


_ITEM_PREFIX = lazy(r"^(\d+\s*[、.．]|其中[:：]?)")
_FEE_SUFFIX = lazy(r"(经费|费用|费)$")


def _row_for(rows, sentence: str, current: Decimal):
    """The 基础数据表 row a sentence talks about: its key words appear and its 本年决算 equals the stated amount."""
    for row in rows:
        key = _FEE_SUFFIX.sub("", _ITEM_PREFIX.sub("", row.label))[:4]
        if row.actual == current and key and key in sentence.replace("“", "").replace("”", ""):
            return row
    return None
