"""Faults in stated figures: rates, sums of parts, totals and scores that do not follow from what
they are computed from (arithmetic, 计算), and scores and grades the rules do not allow (scoring, 评分)."""

from __future__ import annotations

from decimal import Decimal

from jixiao.compose.figures import figure, money
from jixiao.scoring.score import grade_of
from jixiao.synth.draft import Draft, Fault
from jixiao.synth.faults.registry import GRADES, fault, where
from jixiao.synth.truth import stated


@fault("execution_rate_wrong", "arithmetic")
def execution_rate_wrong(d: Draft) -> Fault | None:
    part, prefix = d.form()
    b = part.budget
    if b.execution_rate is None or b.executed is None or not b.full_year:
        return None
    delta = Decimal(d.rng.randint(15, 60)) / 10
    written = b.execution_rate - delta
    b.execution_rate = written
    d.sync()
    return Fault("execution_rate_wrong", "arithmetic", ["AR101", "AR102", "XR204", "SC312"], prefix + "budget", where(prefix, "预算执行率"),
                 f"执行率写 {figure(written)}%，按执行数 ÷ 全年预算数应为 {figure(written + delta)}%",
                 [f"{prefix}指标:预算执行率", "total_score"])


@fault("spending_parts_mismatch", "arithmetic")
def spending_parts_mismatch(d: Draft) -> Fault | None:
    r = d.report
    if "spending" not in stated(d.plan) or r.spending.basic is None or r.spending.project is None or r.budget.executed is None:
        return None
    delta = Decimal(d.rng.randint(100, 3000)) / 100
    r.spending.basic += delta
    return Fault("spending_parts_mismatch", "arithmetic", ["AR103", "AR115"], "spending", "按支出性质分",
                 f"基本支出多写 {money(delta)} 万元，基本支出 + 项目支出 ≠ 全年执行数", ["报告正文"])


@fault("total_not_sum", "arithmetic")
def total_not_sum(d: Draft) -> Fault | None:
    part, prefix = d.form()
    if not d.has_forms or part.total_score is None or not part.indicators or None in [i.score for i in part.indicators]:
        return None
    delta = Decimal(d.rng.choice([-1, 1]) * d.rng.randint(50, 300)) / 100
    if part.total_score + delta > 100:
        delta = -abs(delta)
    part.total_score += delta
    codes = ["AR107", "AR108", "SC311"]
    if part.grade is not None and part.grade != _grade(d, part.total_score):
        codes.append("SC307")
    d.sync()
    return Fault("total_not_sum", "arithmetic", codes, prefix + "total_score", where(prefix, "总分"),
                 f"总分写 {figure(part.total_score)} 分，与各项得分之和相差 {figure(abs(delta))} 分", [prefix + "grade"])


def _grade(d: Draft, total: Decimal) -> str | None:
    return grade_of(total, d.plan.profile)


@fault("sources_do_not_add_up", "arithmetic")
def sources_do_not_add_up(d: Draft) -> Fault | None:
    part, prefix = d.form()
    b = part.budget
    lines = [line for line in b.lines if line.full_year]
    keys = [k for k, v in b.by_source.items() if v]
    if not d.has_forms or not (lines or keys):
        return None
    delta = Decimal(d.rng.randint(100, 5000)) / 100
    if lines:  # a project form's source rows
        line = d.rng.choice(lines)
        line.full_year += delta
        key = line.label
    else:
        key = d.rng.choice(keys)
        b.by_source[key] += delta
    d.sync()
    return Fault("sources_do_not_add_up", "arithmetic", ["AR104"], prefix + "budget", where(prefix, f"资金来源 {key}"),
                 f"{key}多写 {money(delta)} 万元，各来源之和 ≠ 年度资金总额")


@fault("execution_score_wrong", "arithmetic")
def execution_score_wrong(d: Draft) -> Fault | None:
    part, prefix = d.form()
    b = part.budget
    if b.execution_score is None or b.execution_weight is None or not d.has_forms:
        return None
    delta = Decimal(d.rng.randint(30, 150)) / 100
    b.execution_score = b.execution_score - delta
    d.regrade(part)
    d.sync()
    return Fault("execution_score_wrong", "arithmetic", ["AR102"], prefix + "budget", where(prefix, "执行率得分"),
                 f"执行率得分少算 {figure(delta)} 分", [prefix + "total_score"])


@fault("three_public_total_wrong", "arithmetic")
def three_public_total_wrong(d: Draft) -> Fault | None:
    row = next((r for r in d.report.basic_data if r.label.startswith("三公经费") and r.actual), None)
    if not d.has_basic_data or row is None:
        return None
    delta = Decimal(d.rng.randint(20, 200)) / 100
    row.actual -= delta
    d.report.three_public.actual = row.actual
    return Fault("three_public_total_wrong", "arithmetic", ["AR111", "AR115", "XR201", "XR205"], "基础数据表:三公经费", "基础数据表 三公经费",
                 f"三公经费合计少写 {money(delta)} 万元，与明细之和不符", ["three_public", "报告正文"])


@fault("level1_score_not_sum", "arithmetic")
def level1_score_not_sum(d: Draft) -> Fault | None:
    summary = [s for s in d.report.level1_summary if s.score]
    if d.plan.kind != "external_report" or not summary:
        return None
    s = d.rng.choice(summary)
    delta = Decimal(d.rng.randint(50, 200)) / 100
    s.score -= delta
    return Fault("level1_score_not_sum", "arithmetic", ["AR118", "AR108", "AR109"], "level1_summary", f"一级指标得分表 {s.name}",
                 f"“{s.name}”得分少写 {figure(delta)} 分，与其下指标得分之和不符", ["total_score"])


# ---------------------------------------------------------------------------------------------
# scoring (评分)


@fault("score_above_weight", "scoring")
def score_above_weight(d: Draft) -> Fault | None:
    part, prefix = d.form()
    rows = [i for i in part.indicators if i.score is not None and i.weight]
    if not d.has_forms or not rows:
        return None
    ind = d.pick(rows)
    if ind is None:
        return None
    ind.score = ind.weight + d.rng.randint(1, 3)
    d.regrade(part)
    d.sync()
    return Fault("score_above_weight", "scoring", ["SC301", "SC304", "AR116", "AR118", "AR108"], f"{prefix}指标:{ind.name}", where(prefix, ind.name),
                 f"得分 {figure(ind.score)} 超过分值 {figure(ind.weight)}", [prefix + "total_score", "level1_summary"])


@fault("grade_mismatch", "scoring")
def grade_mismatch(d: Draft) -> Fault | None:
    part, prefix = d.form()
    if part.grade is None or part.total_score is None:
        return None
    wrong = d.rng.choice([g for g in GRADES if g != part.grade])
    right, part.grade = part.grade, wrong
    d.sync()
    return Fault("grade_mismatch", "scoring", ["SC307"], prefix + "grade", where(prefix, "评价等级"),
                 f"总分 {figure(part.total_score)} 分应为“{right}”，写“{wrong}”")
