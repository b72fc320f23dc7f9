"""Sentences of an external (53号) evaluation report: who commissioned and who evaluated, the unit's
staff and budget, the evaluation and its level-one score table, the achievements, the signature."""

from __future__ import annotations

from jixiao.compose.figures import NUMERALS, figure, money, numbered
from jixiao.compose.grid import Grid
from jixiao.compose.prose import Block, Context, generator
from jixiao.compose.prose.department import budget_sentence, grade_clause


@generator("commission")
def commission(ctx: Context, _: str) -> list[str]:
    f = ctx.filing
    return [ctx.phrase("commission", commissioner=f.commissioner, evaluator=f.evaluator)] if f.commissioner and f.evaluator else []


@generator("external_budget")
def external_budget(ctx: Context, _: str) -> list[str]:
    """预算及执行情况 with 基本支出 and 项目支出."""
    text, sp = budget_sentence(ctx, "external_budget"), ctx.report.spending
    if text and sp.basic is not None and sp.project is not None:
        text += ctx.phrase("external_nature", basic=money(sp.basic), project=money(sp.project))
    return [text] if text else []


def _dimensions(ctx: Context) -> list[str]:
    return list(dict.fromkeys(s.name for s in ctx.report.level1_summary))


@generator("evaluation")
def evaluation(ctx: Context, _: str) -> list[str]:
    r = ctx.report
    if r.total_score is None:
        return []
    names = _dimensions(ctx)
    count = NUMERALS[len(names) - 1] if 0 < len(names) <= 10 else str(len(names))
    return [ctx.phrase("evaluation", dimensions="、".join(names), count=count, total=figure(r.total_score), grade=grade_clause(ctx))]


@generator("level1_table")
def level1_table(ctx: Context, _: str) -> list[Block]:
    """一级指标 | 分值 | 得分 | 得分率, a 合计 row, and the score line under it."""
    r = ctx.report
    g = Grid([4.0, 2.8, 2.8, 2.8], caption=ctx.phrase("summary_caption"), header_rows=1)
    g.add(["一级指标", "分值", "得分", "得分率"])
    for s in r.level1_summary:
        g.add([s.name, figure(s.weight), figure(s.score), f"{figure(s.score_rate)}%" if s.score_rate is not None else ""])
    weights = sum((s.weight for s in r.level1_summary if s.weight is not None), 0)
    rate = figure(r.total_score / weights * 100) if weights and r.total_score is not None else ""
    g.add(["合计", figure(weights), figure(r.total_score), f"{rate}%" if rate else ""])
    line = ctx.phrase("score_line", total=figure(r.total_score), grade=r.grade or "")
    return [g, line]


@generator("achievements", needs=("achievements",))
def achievements(ctx: Context, _: str) -> list[str]:
    return numbered(ctx.filing.achievements)


@generator("evaluator")
def evaluator(ctx: Context, _: str) -> list[str]:
    return [ctx.filing.evaluator] if ctx.filing.evaluator else []


@generator("report_date")
def report_date(ctx: Context, _: str) -> list[str]:
    return [ctx.filing.report_date] if ctx.filing.report_date else []
