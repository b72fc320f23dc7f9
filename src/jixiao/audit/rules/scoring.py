"""Scoring: each indicator's stated score against the profile's rule, the grade against the total."""

from __future__ import annotations

from decimal import Decimal

from jixiao.audit.context import AuditContext, Issue, fmt
from jixiao.audit.finding import Where
from jixiao.audit.registry import rule
from jixiao.scoring import formulas
from jixiao.scoring.indicator import IndicatorScore


def _where(ctx: AuditContext, i: int, field: str = "score") -> Where:
    return ctx.where(ctx.indicator_path(i, field), "绩效自评表")


def _evidence(s: IndicatorScore) -> str:
    ind = s.indicator
    return f"{ind.name}：目标 {ind.target or '（空）'}，实际 {ind.actual or '（空）'}，分值 {fmt(ind.weight)}，得分 {fmt(ind.score)}"


@rule("SC301", "scoring", "error", "得分超过分值", affects_score=True)
def score_above_weight(ctx: AuditContext):
    """检查什么：三级指标得分是否超过其分值。
    为什么重要：得分上限是分值，超出会虚增总分。
    示例：分值 5，得分 6。
    修改建议：得分不得超过分值；超额完成也只得满分。
    依据：财预〔2020〕10号 自评表计分规则。
    """
    for i, ind in enumerate(ctx.report.indicators):
        if ind.weight is not None and ind.score is not None and ind.score > ind.weight + ctx.tolerance:
            yield Issue(f"指标“{ind.name}”得分 {fmt(ind.score)} 超过分值 {fmt(ind.weight)}", _where(ctx, i),
                        expected=f"≤ {fmt(ind.weight)}", found=fmt(ind.score), evidence=_evidence(ctx.score.indicators[i]))


@rule("SC302", "scoring", "error", "无实测实际值却得分", affects_score=True)
def scored_without_actual(ctx: AuditContext):
    """检查什么：实际完成值为空，或只写了比较式（如“≥0%”）而没有实测数值的指标，是否给了分。
    为什么重要：没有实际值就没有完成的证据，给分（尤其满分）缺乏依据。
    示例：“群众对政府满意度”目标 ≥95%，实际值空白，得 10 分（满分）；“社会成本节约率”实际写“≥0%”，得 5 分。
    修改建议：补填有依据的实际完成值（如满意度调查结果）；无法取得的不得分并说明原因。
    依据：财预〔2020〕10号：未完成或无佐证的指标不得分（[K]）。
    """
    if not ctx.has_column("actual"):
        return  # a scoring table without a 实际完成值 column: nothing was left blank
    for i, s in enumerate(ctx.score.indicators):
        ind = s.indicator
        if s.gap in ("no_actual", "comparator_only") and ind.score is not None and ind.score > 0:
            what = "为空" if s.gap == "no_actual" else f"只写“{ind.actual}”，没有实测数值"
            yield Issue(f"指标“{ind.name}”实际完成值{what}，却得 {fmt(ind.score)} 分（分值 {fmt(ind.weight)}）", _where(ctx, i, "actual"),
                        expected="0（无实际值不得分）", found=fmt(ind.score), evidence=_evidence(s))


@rule("SC303", "scoring", "error", "未完成目标却得满分", affects_score=True)
def full_marks_for_missed_target(ctx: AuditContext):
    """检查什么：按实际值计算未达到目标的定量指标，是否仍得满分。
    为什么重要：未完成目标给满分是自评中最常见的“高估”，使评价失去意义。
    示例：目标 ≥100 户，实际 90 户，分值 5 分却得 5 分；按比例应得 4.5 分。
    修改建议：按 实际值 ÷ 目标值 × 分值 计分，并在偏差原因栏说明。
    依据：财预〔2020〕10号：未完成目标按完成比例计分（[K]）。
    """
    for i, s in enumerate(ctx.score.indicators):
        ind = s.indicator
        if s.status == "scored" and ind.score is not None and ind.weight and ind.score >= ind.weight and s.recomputed < ind.weight - ctx.tolerance:
            yield Issue(f"指标“{ind.name}”目标 {ind.target}、实际 {ind.actual}，未达到目标却得满分 {fmt(ind.score)}；按比例应得 {fmt(s.recomputed, 2)} 分",
                        _where(ctx, i), expected=fmt(s.recomputed, 2), found=fmt(ind.score), evidence=_evidence(s))


@rule("SC304", "scoring", "warning", "得分与计分规则不符", affects_score=True)
def score_off_rule(ctx: AuditContext):
    """检查什么：未得满分的定量指标，其得分是否与按完成比例计算的得分一致。
    为什么重要：随意扣分同样使评价失真；扣分应有规则。
    示例：目标 =100%，实际 96%，分值 10，按比例应得 9.6 分，表中写 8 分。
    修改建议：按 实际值 ÷ 目标值 × 分值 计分，或在报告中写明所用的地方计分规则。
    依据：财预〔2020〕10号（[K]）；地方规则以评分方案为准。
    """
    for i, s in enumerate(ctx.score.indicators):
        ind = s.indicator
        if s.status != "scored" or ind.score is None or (ind.weight is not None and ind.score >= ind.weight):
            continue
        if abs(s.recomputed - ind.score) > ctx.tolerance:
            yield Issue(f"指标“{ind.name}”目标 {ind.target}、实际 {ind.actual}，按规则应得 {fmt(s.recomputed, 2)} 分，表中为 {fmt(ind.score)} 分",
                        _where(ctx, i), expected=fmt(s.recomputed, 2), found=fmt(ind.score), evidence=_evidence(s))


@rule("SC305", "scoring", "warning", "部分达成却得满分", affects_score=True)
def full_marks_for_partial(ctx: AuditContext):
    """检查什么：实际完成情况写“基本完成”“部分完成”“未完成”的指标是否得了满分。
    为什么重要：定性指标按达成程度分档，部分达成一般只能得分值的 60%–80%。
    示例：目标“按计划完成”，实际“基本按计划完成”，分值 2 分得 2 分。
    修改建议：按达成档次计分，并在偏差原因栏说明未完全达成的原因。
    依据：定性指标三档计分（达成 100–80%，部分达成 80–60%，未达成 60–0%）[K]。
    """
    for i, s in enumerate(ctx.score.indicators):
        ind = s.indicator
        if s.status == "range" and ind.score is not None and ind.score > s.high + ctx.tolerance:
            yield Issue(f"指标“{ind.name}”实际“{ind.actual}”（{s.method}），得分 {fmt(ind.score)} 超出该档上限 {fmt(s.high, 2)}",
                        _where(ctx, i), expected=f"{fmt(s.low, 2)}–{fmt(s.high, 2)}", found=fmt(ind.score), evidence=_evidence(s))


@rule("SC306", "scoring", "warning", "扣分指标未说明偏差原因")
def missing_deviation_reason(ctx: AuditContext):
    """检查什么：得分低于分值的指标，是否填写了偏差原因分析及改进措施。
    为什么重要：说明偏差原因是自评的核心，只扣分不分析无法指导改进。
    示例：“农合收缴率”目标 100%、实际 96%，得 8 分，偏差原因栏空白。
    修改建议：在偏差原因栏写明未完成的原因和改进措施。
    依据：财预〔2020〕10号 自评表“偏差原因分析及改进措施”栏。
    """
    if not ctx.has_column("deviation"):
        return
    for i, ind in enumerate(ctx.report.indicators):
        if ind.weight is not None and ind.score is not None and ind.score < ind.weight and not ind.deviation:
            yield Issue(f"指标“{ind.name}”得 {fmt(ind.score)} 分（分值 {fmt(ind.weight)}），未说明偏差原因", _where(ctx, i, "name"),
                        expected="偏差原因分析及改进措施", found="（空）", evidence=_evidence(ctx.score.indicators[i]))


@rule("SC307", "scoring", "error", "评价等级与总分不符", affects_score=True)
def grade_matches_total(ctx: AuditContext):
    """检查什么：写明的评价等级是否与总分所在分档一致（优 ≥90，良 80–90，中 60–80，差 <60）。
    为什么重要：等级用于结果应用，与分数不符会导致错误的奖惩。
    示例：总分 86 分，等级写“优”。
    修改建议：按评分方案的分档确定等级。
    依据：财预〔2020〕10号 评价等级划分（[K][R]）。
    """
    from jixiao.scoring.score import grade_of

    r = ctx.report
    expected = grade_of(r.total_score, ctx.profile)
    if r.grade and expected and r.grade != expected:
        yield Issue(f"总分 {fmt(r.total_score)} 分对应等级“{expected}”，报告写“{r.grade}”", ctx.where("grade", "综合评价结论"),
                    expected=expected, found=r.grade, evidence=ctx.evidence("grade"))


@rule("SC308", "scoring", "info", "未写明评价等级")
def grade_missing(ctx: AuditContext):
    """检查什么：报告是否写明了评价等级（优、良、中、差）；单独填报的自评表没有等级栏，不检查。
    为什么重要：综合评价结论应包括自评得分及评价等级，缺等级则结论不完整。
    示例：“自评得分 95.27 分”，未写等级。
    修改建议：按总分补写评价等级。
    依据：部门整体支出绩效自评报告提纲“综合评价结论：反映自评得分及评价等级”。
    """
    from jixiao.scoring.score import grade_of

    r = ctx.report
    if r.grade is None and r.total_score is not None and not r.document_kind.endswith("_form"):
        yield Issue(f"报告写明总分 {fmt(r.total_score)} 分，但未写评价等级（按分数应为“{grade_of(r.total_score, ctx.profile)}”）",
                    ctx.where("total_score", "综合评价结论"), expected=grade_of(r.total_score, ctx.profile), found="（未写）",
                    evidence=ctx.evidence("total_score"))


@rule("SC309", "scoring", "warning", "定性实际值未说明达成档次却得满分", affects_score=True)
def vague_qualitative_full_marks(ctx: AuditContext):
    """检查什么：定性指标的实际完成值照抄目标或只写“效果明显”“较好”，却得满分。
    为什么重要：这样的实际值不能证明达成程度，满分缺乏依据。
    示例：目标“效果明显”，实际“效果明显”，分值 8 得 8。
    修改建议：用可核实的事实或数据说明达成情况（如“新增就业 189 人，达成”），再按档次计分。
    依据：定性指标分档计分（[K]）；财预〔2020〕10号 指标应可衡量。
    """
    for i, s in enumerate(ctx.score.indicators):
        ind = s.indicator
        if s.gap not in (None, "no_actual", "comparator_only") and ind.score and ind.weight and ind.score >= ind.weight and ctx.has_column("actual"):
            yield Issue(f"指标“{ind.name}”{s.method}，却得满分 {fmt(ind.score)}", _where(ctx, i, "actual"),
                        expected="有依据的实际完成值", found=ind.actual, evidence=_evidence(s))


@rule("SC310", "scoring", "warning", "实际值远超目标，目标可能定得过低")
def over_achievement(ctx: AuditContext):
    """检查什么：定量指标实际值超过目标值达一定比例（默认 30%）以上。
    为什么重要：大幅超额往往说明年初目标定得过低；10号文要求按偏离度适度调减分值。
    示例：目标“新增低保户 20 户”，实际 28 户，超出 40%。
    修改建议：说明超额原因；下年度按实际能力设定目标；地方规则可扣分。
    依据：财预〔2020〕10号“按照偏离度适度调减分值”；某地操作手册超 30% 扣 2 分（local）。
    """
    limit = ctx.profile.audit.get("over_achievement_percent", Decimal(30))
    for i, s in enumerate(ctx.score.indicators):
        ind, t, a = s.indicator, s.indicator.target_measure, s.indicator.actual_measure
        if s.status != "scored" or not t or not a or not t.value or a.value is None or t.comparator in ("≤", "<"):
            continue
        if t.unit == a.unit and not t.is_percent and a.value > t.value * (1 + limit / 100):
            over = (a.value / t.value - 1) * 100
            yield Issue(f"指标“{ind.name}”目标 {ind.target}，实际 {ind.actual}，超出目标 {fmt(over, 1)}%", _where(ctx, i, "actual"),
                        expected=f"≤ 目标的 {fmt(100 + limit)}%", found=f"{fmt(over + 100, 1)}%", evidence=_evidence(s))


@rule("SC311", "scoring", "info", "自评总分明显高于按证据重算的总分", affects_score=True)
def total_differs(ctx: AuditContext):
    """检查什么：报告自评总分比按评分方案、按证据重新计算的总分高出 5 分以上（证据不足的指标按 0 分计）。这是各指标得分问题的汇总，逐项问题见相应规则，故只作提示。
    为什么重要：差距大说明自评普遍偏高，或大量指标缺少实际值佐证。
    示例：自评 95.27 分，按规则重算 41.87 分（其中 62 分的指标证据不足）。
    修改建议：逐项核对上述指标发现，补充实际完成值与佐证材料后重新计分。
    依据：财预〔2020〕10号 自评须真实、准确。
    """
    stated, recomputed = ctx.report.total_score, ctx.score.recomputed_total
    if stated is None or recomputed is None or stated - recomputed < 5:
        return
    note = f"（其中 {fmt(ctx.score.insufficient_points)} 分的指标证据不足，按 0 分计）" if ctx.score.insufficient_points else ""
    yield Issue(f"自评总分 {fmt(stated)} 分，按“{ctx.profile.name}”方案重算为 {fmt(recomputed, 2)} 分{note}",
                ctx.where("total_score", "综合评价结论"), expected=fmt(recomputed, 2), found=fmt(stated), evidence=ctx.evidence("total_score"))


@rule("SC312", "scoring", "warning", "总分超过执行率所允许的上限", affects_score=True)
def total_above_execution_cap(ctx: AuditContext):
    """检查什么：没有指标明细的报告，自评总分是否超过 100 − 执行率分值 × (1 − 执行率)，即执行率扣分后可能的最高分。
    为什么重要：执行率未达 100% 必然扣分，总分超过上限说明得分没有按规则计算。
    示例：执行率 90.07%、执行率 10 分，最高只能得 99.01 分，报告写自评得分 99.1 分。
    修改建议：按评分方案逐项计分后重新加总；若执行率另有分值规定，在报告中写明。
    依据：财预〔2020〕10号 预算执行率计分（分值按评分方案，默认 10 分）。
    """
    r = ctx.report
    weight = r.budget.execution_weight or ctx.profile.execution.weight
    rate = r.budget.execution_rate if r.budget.execution_rate is not None else formulas.execution_rate(r)
    if r.indicators or r.total_score is None or rate is None or not weight or ctx.profile.execution.rule != "proportional":
        return
    cap = 100 - weight + (formulas.execution_score(rate, weight) or 0)
    if r.total_score > cap + ctx.tolerance:
        assumed = None if r.budget.execution_weight else f"报告未写明执行率分值，按“{ctx.profile.title}”方案的 {fmt(weight)} 分计"
        yield Issue(f"执行率 {fmt(rate)}%、执行率分值 {fmt(weight)} 分，总分最高 {fmt(cap, 2)} 分，报告写 {fmt(r.total_score)} 分",
                    ctx.where("total_score", "综合评价结论"), expected=f"≤ {fmt(cap, 2)}", found=fmt(r.total_score),
                    evidence=ctx.evidence("total_score"), assumed=assumed)
