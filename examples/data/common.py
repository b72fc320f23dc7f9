"""Helpers for writing the example filings: amounts, three-year rows and indicator rows."""

from __future__ import annotations

from decimal import Decimal as D

from jixiao.compose.filing import FundRow, GoalRow, IndicatorRow, YearRow


def years(item: str, prior: str, budget: str, actual: str) -> YearRow:
    return YearRow(item=item, prior_actual=D(prior), budget=D(budget), actual=D(actual))


def indicators(rows: list[tuple], project: str | None = None) -> list[IndicatorRow]:
    """(一级, 二级, 三级, 分值, 方向, 目标值, 实际值[, 计量单位[, 偏差原因]]) → indicator rows."""
    out = []
    for i, (level1, level2, name, weight, direction, target, actual, *rest) in enumerate(rows):
        unit, deviation = [*rest, None, None][:2]
        value = (lambda v: D(v)) if direction != "定性" else (lambda v: v)
        out.append(IndicatorRow(row=i, project=project, level1=level1, level2=level2, name=name, weight=D(weight), direction=direction,
                                target=value(target), actual=value(actual), unit=unit or None, deviation=deviation))
    return out


def scores(rows: list[tuple]) -> list[IndicatorRow]:
    """(一级, 二级, 三级, 分值, 得分, 评分说明) → an evaluation team's indicator rows."""
    return [IndicatorRow(row=i, level1=a, level2=b, name=c, weight=D(w), score=D(s), note=note) for i, (a, b, c, w, s, note) in enumerate(rows)]


def goals(pairs: list[tuple[str, str]], project: str | None = None) -> list[GoalRow]:
    return [GoalRow(project=project, expected=e, achieved=a) for e, a in pairs]


def funds(project: str | None, rows: list[tuple[str, str, str, str]], first: int = 0) -> list[FundRow]:
    """(资金来源, 年初预算数, 全年预算数, 全年执行数) rows of one project."""
    return [FundRow(row=first + i, project=project, source=s, initial=D(a), full_year=D(b), executed=D(c)) for i, (s, a, b, c) in enumerate(rows)]
