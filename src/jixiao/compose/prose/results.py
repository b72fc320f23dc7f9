"""Sentences of project-style reports (a Chongqing unit's self-evaluation, a 项目支出绩效自评报告): the
opening, the targets by indicator group, what each goal and indicator achieved, the project's funds."""

from __future__ import annotations

from itertools import groupby

from jixiao.compose.figures import figure, money, numbered
from jixiao.compose.prose import Context, generator
from jixiao.compose.prose.department import budget_sentence


@generator("opening", needs=("basis",))
def opening(ctx: Context, _: str) -> list[str]:
    basis = ctx.filing.text("basis")
    return [ctx.phrase("opening", basis=basis) if basis else ctx.phrase("opening_plain")]


@generator("targets")
def targets(ctx: Context, _: str) -> list[str]:
    """绩效目标 as the indicators set them, one paragraph per level-one and level-two group."""
    out = []
    groups = groupby(ctx.report.indicators, key=lambda i: (i.level1, i.level2))
    for n, ((level1, level2), rows) in enumerate(groups, 1):
        items = numbered([ctx.phrase("target_item", name=i.name, target=_stated(i.target)) for i in rows], "①", between="；")
        out.append(ctx.phrase("targets_group", n=n, level1=level1, level2=level2) + "".join(items))
    return out


def _stated(target: str | None) -> str:
    """A target after its indicator's name: "≥86公里" directly, a qualitative one after a colon."""
    if not target:
        return ""
    return target if target[0] in "≥≤=＝<>" else f"：{target}"


def _quoted(value: str | None) -> str:
    """A figure as it stands ("≥86公里", "88.5公里"); words in quotation marks ("“已全部保障到位”")."""
    if not value:
        return ""
    return value if value[0] in "≥≤=＝<>" or value[0].isdigit() else f"“{value}”"


@generator("goals_achieved")
def goals_achieved(ctx: Context, _: str) -> list[str]:
    goals = [g for g in ctx.filing.goals if g.expected and g.achieved]
    texts = [ctx.phrase("goals_achieved", expected=g.expected.rstrip("。；;"), achieved=g.achieved.rstrip("。；;")) for g in goals]
    return numbered(texts, "1.")


@generator("indicator_results")
def indicator_results(ctx: Context, _: str) -> list[str]:
    texts = [ctx.phrase("indicator_result", name=i.name, target=_quoted(i.target), actual=_quoted(i.actual), score=figure(i.score), weight=figure(i.weight))
             for i in ctx.report.indicators if i.score is not None]
    return numbered(texts, "（1）", between="；")


@generator("project_funds")
def project_funds(ctx: Context, _: str) -> list[str]:
    text = budget_sentence(ctx, "project_funds")
    sources = "，".join(f"{line.label}{money(line.full_year)}万元" for line in ctx.report.budget.lines if line.full_year)
    return [text + (ctx.phrase("project_sources", sources=sources) if sources else "")] if text else []
