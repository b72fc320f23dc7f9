"""A readable Chinese summary of one `Report` for the terminal (`jixiao parse --format table`)."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from jixiao.extract.framework import FRAMEWORK_NAMES
from jixiao.model import Report

KINDS = {"self_evaluation": "自评", "external_evaluation": "外部评价"}


def fmt(value: object, suffix: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        value = value.normalize() if value == value.to_integral_value() else value
        return f"{value:f}{suffix}"
    return f"{value}{suffix}"


def _facts(r: Report) -> list[tuple[str, str]]:
    b, s, t = r.budget, r.spending, r.three_public
    return [
        ("预算单位", fmt(r.unit.name)), ("年度", fmt(r.unit.year)),
        ("报告类型", KINDS[r.report_kind]), ("评价框架", FRAMEWORK_NAMES[r.framework]),
        ("编制数 / 实有人数", f"{fmt(r.staffing.authorized)} / {fmt(r.staffing.actual)}"),
        ("年初预算数（万元）", fmt(b.initial)), ("全年预算数（万元）", fmt(b.full_year)),
        ("全年执行数（万元）", fmt(b.executed)), ("预算执行率", fmt(b.execution_rate, "%")),
        ("执行率得分", fmt(b.execution_score)),
        ("基本支出 / 项目支出（万元）", f"{fmt(s.basic)} / {fmt(s.project)}"),
        ("三公经费 上年决算 / 本年预算 / 本年决算（万元）", f"{fmt(t.prior_actual)} / {fmt(t.budget)} / {fmt(t.actual)}"),
        ("总分", fmt(r.total_score)), ("等级", fmt(r.grade)),
    ]


def print_report(console: Console, r: Report) -> None:
    facts = Table(title=f"[bold]{escape(r.source)}[/]", show_header=False, title_justify="left")
    facts.add_column("项目", style="cyan")
    facts.add_column("值")
    for label, value in _facts(r):
        facts.add_row(label, escape(value))
    console.print(facts)
    if r.level1_summary:
        console.print("一级指标：" + "；".join(f"{s.name} {fmt(s.weight)}分 得{fmt(s.score)}分" for s in r.level1_summary), markup=False)
    if r.indicators:
        console.print(_indicator_table(r))
    for title, items in (("存在的问题", r.problems), ("改进措施", r.measures)):
        if items:
            console.print(f"[bold]{title}[/]")
            for i, item in enumerate(items, 1):
                console.print(f"  {i}. {item}", markup=False)


def _indicator_table(r: Report) -> Table:
    table = Table(title="绩效指标（自评表）", title_justify="left")
    for col in ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"):
        table.add_column(col, overflow="fold")
    for ind in r.indicators:
        table.add_row(*(escape(t) for t in (ind.level1 or "", ind.level2 or "", ind.name, ind.target or "—", ind.actual or "—")), fmt(ind.weight), fmt(ind.score))
    return table
