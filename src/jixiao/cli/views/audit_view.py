"""Terminal views of audit results, score comparisons and the rule catalogue."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from jixiao.audit import AuditResult
from jixiao.audit.registry import CATEGORY_NAMES, SECTIONS, Rule
from jixiao.cli.views.summary import fmt
from jixiao.extract.kinds import KIND_NAMES
from jixiao.scoring.score import ScoreResult

SEVERITY = {"error": "[bold red]错误[/]", "warning": "[yellow]警告[/]", "info": "[dim]提示[/]"}


def print_audit(console: Console, result: AuditResult) -> None:
    title = f"[bold]{escape(result.unit.name or result.source)}[/]（{result.unit.year or '年度未知'}）  方案：{escape(result.profile)}  " \
            f"{'评价得分' if result.document_kind == 'external_report' else '自评总分'} {fmt(result.score.stated)} → 重算 {fmt(result.score.recomputed)}" \
            + (f"（{escape(result.score.note)}）" if result.score.note else "")
    table = Table(title=title, title_justify="left", show_lines=True)
    for col in ("级别", "规则", "问题", "位置", "应为", "实为"):
        table.add_column(col, overflow="fold")
    for f in result.findings:
        where = f.location.section + (f" 第{f.location.page}页" if f.location.page else "")
        table.add_row(SEVERITY[f.severity], f.rule, *(escape(t) for t in (f.message, where, f.expected or "", f.found or "")))
    console.print(f"文件类型：{KIND_NAMES[result.document_kind]}；模板：{result.template}；评分方案：{result.profile}", markup=False)
    console.print("识别依据：" + "；".join(result.detection), markup=False, style="dim")
    console.print(table)
    console.print(f"错误 {result.count('error')} 项，警告 {result.count('warning')} 项，提示 {result.count('info')} 项。")


def print_score(console: Console, s: ScoreResult) -> None:
    console.print(f"[bold]评分方案[/]：{escape(s.profile.title)}")
    console.print(f"预算执行率 {fmt(s.execution_rate, '%')}：执行率得分 自评 {fmt(s.execution_stated)} / 重算 {_r(s.execution_recomputed)}")
    table = Table(title="三级指标：自评得分与重算得分", title_justify="left")
    for col in ("一级指标", "三级指标", "目标", "实际", "分值", "自评", "重算", "说明"):
        table.add_column(col, overflow="fold")
    for i in s.indicators:
        ind = i.indicator
        recomputed = _r(i.recomputed) if i.status == "scored" else (f"{_r(i.low)}–{_r(i.high)}" if i.status == "range" else "证据不足")
        table.add_row(*(escape(t) for t in (ind.level1 or "", ind.name, ind.target or "—", ind.actual or "—")), fmt(ind.weight), fmt(ind.score), recomputed, escape(i.method))
    if s.indicators:
        console.print(table)
    groups = Table(title="一级指标", title_justify="left")
    for col in ("一级指标", "方案分值", "标注分值", "指标分值合计", "自评得分", "重算得分", "证据不足指标数"):
        groups.add_column(col)
    for g in s.groups:
        groups.add_row(escape(g.name), fmt(g.profile_weight), fmt(g.stated_weight), fmt(g.rows_weight), fmt(g.stated_score), _r(g.recomputed), str(g.insufficient))
    console.print(groups)
    _print_management(console, s)
    console.print(f"[bold]总分[/]：自评 {fmt(s.stated_total)}（{s.grade_stated or '未写等级'}） / 重算 {_r(s.recomputed_total)}（{s.grade_recomputed or '—'}）"
                  + (f"；证据不足指标共 {fmt(s.insufficient_points)} 分，按 0 分计" if s.insufficient_points else ""))
    for note in s.notes:
        console.print(f"注：{note}", markup=False)


def _print_management(console: Console, s: ScoreResult) -> None:
    table = Table(title="财预〔2013〕53号 共性指标（由基础数据表计算）", title_justify="left")
    for col in ("指标", "计算公式", "值", "得分 / 分值"):
        table.add_column(col, overflow="fold")
    for m in s.management:
        points = f"{_r(m.points)} / {fmt(m.weight)}" if m.weight is not None else "—"
        table.add_row(m.name, m.formula, _r(m.value, "%") if m.value is not None else "数据不足", points)
    console.print(table)


def _r(value: Decimal | None, suffix: str = "") -> str:
    return "—" if value is None else f"{value.quantize(Decimal('0.01')):f}{suffix}"


def print_rules(console: Console, rules: list[Rule]) -> None:
    table = Table(title=f"审核规则目录（共 {len(rules)} 条）", title_justify="left")
    for col in ("代码", "类别", "默认级别", "名称", "检查什么"):
        table.add_column(col, overflow="fold")
    for r in rules:
        table.add_row(r.code, CATEGORY_NAMES[r.category], SEVERITY[r.severity], escape(r.title), escape(r.doc.get("检查什么", "")))
    console.print(table)


def print_rule(console: Console, r: Rule) -> None:
    """One rule explained: code, title, category, severity, then its documented sections."""
    console.print(f"[bold]{r.code}[/] {escape(r.title)}  （{CATEGORY_NAMES[r.category]}，默认{SEVERITY[r.severity]}）")
    for name in SECTIONS:
        if name in r.doc:
            console.print(f"[bold]{name}[/]：{escape(r.doc[name])}")
