"""Sentences of a 部门整体 report: 基本情况, 预算执行 (基本支出, 项目支出, 三公经费), 绩效情况, 问题与措施."""

from __future__ import annotations

from jixiao.compose.figures import figure, lines, money, numbered, share
from jixiao.compose.prose import Context, generator, narrative


@generator("staffing", needs=("staffing",))
def staffing(ctx: Context, _: str) -> list[str]:
    s = ctx.report.staffing
    if s.authorized is None or s.actual is None:
        return []
    return [ctx.phrase("staffing", authorized=s.authorized, actual=s.actual, split=_split(ctx))]


def _split(ctx: Context) -> str:
    """其中行政编制 …、事业编制 … where both are filled."""
    f = ctx.filing
    if f.admin_staff is None or f.institution_staff is None:
        return ""
    return ctx.phrase("staffing_split", admin=f.admin_staff, institution=f.institution_staff)


@generator("duties", needs=("duties",))
def duties(ctx: Context, _: str) -> list[str]:
    return numbered(lines(ctx.filing.text("duties")), "（1）", between="；")


@generator("goal_setting", needs=("goal_setting",))
def goal_setting(ctx: Context, _: str) -> list[str]:
    if ctx.filing.text("goal_setting"):
        return narrative(ctx.filing, "goal_setting")
    goals = [g.expected.rstrip("。；;") for g in ctx.filing.goals if g.expected]
    if not goals and ctx.report.goals and ctx.report.goals[0].expected:
        goals = [ctx.report.goals[0].expected.rstrip("。")]
    return [ctx.phrase("goal_setting", count=len(goals), goals="；".join(goals))] if goals else []


def budget_sentence(ctx: Context, key: str) -> str | None:
    """年初预算数, 全年预算数, 全年执行数 and 执行率 in the phrase `key`; None when one is missing."""
    b = ctx.report.budget
    if None in (b.initial, b.full_year, b.executed, b.execution_rate):
        return None
    return ctx.phrase(key, initial=money(b.initial), full_year=money(b.full_year), executed=money(b.executed), rate=figure(b.execution_rate))


@generator("budget_overview")
def budget_overview(ctx: Context, _: str) -> list[str]:
    text = budget_sentence(ctx, "budget_overview")
    sources = "，".join(f"{name}{money(v)}万元" for name, v in ctx.report.budget.by_source.items() if v)
    return [text + (ctx.phrase("by_source", sources=sources) if sources else "")] if text else []


def _whole(ctx: Context, part) -> str:
    rate = share(part, ctx.report.budget.executed)
    return ctx.phrase("spending_share", share=rate) if rate else ""


@generator("basic_spending", needs=("basic",))
def basic_spending(ctx: Context, _: str) -> list[str]:
    basic, f = ctx.report.spending.basic, ctx.filing
    if basic is None:
        return []
    items = [ctx.phrase(key, amount=money(v), share=share(v, basic)) for key, v in (("wages", f.wages), ("goods", f.goods), ("individual", f.individual))
             if v is not None and basic]
    tail = ctx.phrase("basic_items", items="；".join(items)) if items else "。"
    return [ctx.phrase("basic_spending", basic=money(basic), whole=_whole(ctx, basic)) + tail]


@generator("project_spending", needs=("project_spending",))
def project_spending(ctx: Context, _: str) -> list[str]:
    project = ctx.report.spending.project
    if project is None:
        return []
    rows = [r for r in ctx.report.basic_data if r.section == "project"][1:]
    items = [ctx.phrase("project_item", name=r.label.split("、", 1)[-1], amount=money(r.actual)) for r in rows if r.actual is not None]
    tail = ctx.phrase("project_items", items="；".join(items)) if items else "。"
    return [ctx.phrase("project_spending", project=money(project), whole=_whole(ctx, project)) + tail]


@generator("three_public", needs=("three_public",))
def three_public(ctx: Context, _: str) -> list[str]:
    tp, year = ctx.report.three_public, ctx.year or 0
    if tp.actual is None:
        return []
    change = ""
    if tp.prior_actual is not None:
        delta = tp.actual - tp.prior_actual
        change = ctx.phrase("three_public_change", prior_year=year - 1, direction="减少" if delta <= 0 else "增加", amount=money(abs(delta)))
    items = {r.label: r.actual for r in ctx.report.basic_data if r.section == "three_public"}
    named = [("公务用车购置费", items.get("其中：公车购置")), ("公务用车运行维护费", items.get("公车运行维护")),
             ("因公出国（境）费用", items.get("2、出国经费")), ("公务接待费", items.get("3、公务接待费"))]
    parts = [f"{label}{money(v)}万元" for label, v in named if v] + [f"无{label}支出" for label, v in named if v == 0]
    return [ctx.phrase("three_public", actual=money(tp.actual), change=change) + (ctx.phrase("three_public_items", items="，".join(parts)) if parts else "")]


@generator("fund_budget", needs=("fund_budget",))
def fund_budget(ctx: Context, _: str) -> list[str]:
    fund = ctx.report.budget.by_source.get("政府性基金")
    return narrative(ctx.filing, "fund_budget") or [ctx.phrase("fund_budget", fund=money(fund)) if fund else ctx.phrase("no_fund_budget")]


def grade_clause(ctx: Context) -> str:
    return ctx.phrase("grade", grade=ctx.report.grade) if ctx.report.grade else ""


@generator("conclusion", needs=("conclusion",))
def conclusion(ctx: Context, _: str) -> list[str]:
    r = ctx.report
    out = narrative(ctx.filing, "conclusion")
    if r.total_score is not None and ctx.plan.phrases["conclusion"]:
        groups = "，".join(ctx.phrase("group_score", name=name, score=figure(score)) for name, score in group_scores(ctx).items())
        out.append(ctx.phrase("conclusion", total=figure(r.total_score), grade=grade_clause(ctx), groups=groups))
    return out


def group_scores(ctx: Context) -> dict:
    """Each level-one group's score: the sum of its indicators' printed scores."""
    out: dict = {}
    for ind in ctx.report.indicators:
        if ind.score is not None:
            out[ind.level1] = out.get(ind.level1, 0) + ind.score
    return out


@generator("group")
def group(ctx: Context, name: str) -> list[str]:
    """One level-one group's score and weight ('group:履职效能')."""
    score, weight = group_scores(ctx).get(name), ctx.report.level1_weights.get(name)
    if score is None:
        return []
    return [ctx.phrase("group", name=name, score=figure(score), weight=figure(weight))]


@generator("analysis", needs=("analysis",))
def analysis(ctx: Context, _: str) -> list[str]:
    out = numbered(lines(ctx.filing.text("analysis")), "1.")
    missed = [i for i in ctx.report.indicators if i.score is not None and i.weight is not None and i.score < i.weight]
    if missed and ctx.plan.phrases["missed"]:
        items = [ctx.phrase("missed_item", name=i.name, target=i.target, actual=i.actual, score=figure(i.score)) for i in missed]
        out.append(ctx.phrase("missed", items="；".join(items)))
    return out


@generator("problems", needs=("problems",))
def problems(ctx: Context, _: str) -> list[str]:
    return numbered(ctx.report.problems)


@generator("measures", needs=("problems",))
def measures(ctx: Context, _: str) -> list[str]:
    return numbered(ctx.report.measures)


@generator("attachments")
def attachments(ctx: Context, _: str) -> list[str]:
    """附件说明: "附件：1. …" — no punctuation after an attachment's name (GB/T 9704-2012 7.3.5)."""
    names = [ctx.plan.form(name).label for name in ctx.plan.compose.attachments]
    if len(names) == 1:
        return [f"{ctx.phrase('attachments')}{names[0]}"]
    pad = "　" * len(ctx.phrase("attachments"))
    return [f"{ctx.phrase('attachments') if i == 0 else pad}{i + 1}. {name}" for i, name in enumerate(names)]


@generator("unit")
def unit(ctx: Context, _: str) -> list[str]:
    return [ctx.report.unit.name] if ctx.report.unit.name else []


@generator("date")
def date(ctx: Context, _: str) -> list[str]:
    return [ctx.filing.fill_date] if ctx.filing.fill_date else []


@generator("funds")
def funds(ctx: Context, _: str) -> list[str]:
    """项目资金到位及执行情况 of a Chongqing-style report."""
    text = budget_sentence(ctx, "funds")
    return [text] if text else []

