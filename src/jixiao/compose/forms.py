"""The two attachments as grids laid out like the official Hunan forms, with their merged cells.

- 部门整体支出绩效评价基础数据表: 7 columns; the three year columns span two grid columns each;
  财政供养人员情况 and 楼堂馆所控制情况 merged vertically over their two rows.
- 部门整体支出绩效自评表: 9 columns; 年度预算申请 merged vertically over the budget block,
  年度总体目标 over its two rows, 绩效指标 over all indicator rows, each 一级指标 ("产出指标（50分）")
  and 二级指标 over its rows, and a 总分 row.

A grid is plain data (text per cell, merges, widths); `docx_report` writes it as a Word table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.compose.prose import figure, money
from jixiao.model import Report


@dataclass(slots=True)
class Grid:
    """Rows of cell texts, merged ranges (r0, c0, r1, c1), column widths (cm) and left-aligned cells."""

    widths: list[float]
    rows: list[list[str]] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    left: set[tuple[int, int]] = field(default_factory=set)
    font_size: float = 10

    def add(self, cells: list[str | None]) -> int:
        self.rows.append([c or "" for c in cells] + [""] * (len(self.widths) - len(cells)))
        return len(self.rows) - 1

    def merge(self, r0: int, c0: int, r1: int, c1: int) -> None:
        if (r0, c0) != (r1, c1):
            self.merges.append((r0, c0, r1, c1))

    def covered(self) -> set[tuple[int, int]]:
        """Cells inside a merge other than its top-left one."""
        return {(r, c) for r0, c0, r1, c1 in self.merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) if (r, c) != (r0, c0)}


def _three(g: Grid, label: str, values: tuple[str, str, str]) -> int:
    row = g.add([label, values[0], "", values[1], "", values[2], ""])
    for c in (1, 3, 5):
        g.merge(row, c, row, c + 1)
    g.left.add((row, 0))
    return row


def basic_data_grid(report: Report, measures: str = "") -> Grid:
    """部门整体支出绩效评价基础数据表."""
    y = report.unit.year or 0
    g = Grid([3.9, 1.95, 1.95, 1.95, 1.95, 1.95, 1.95])
    row = g.add(["填报单位", report.unit.name])
    g.merge(row, 1, row, 6)
    head = _three(g, "财政供养人员情况", ("编制数", f"{y}年实际在职人数", "控制率"))
    s = report.staffing
    rate = f"{figure(s.control_rate)}%" if s.control_rate is not None else ""
    g.merge(head, 0, _three(g, "", (_int(s.authorized), _int(s.actual), rate)), 0)
    _three(g, "经费控制情况（万元）", (f"{y - 1}年决算数", f"{y}年预算数", f"{y}年决算数"))
    for r in report.basic_data:
        _three(g, r.label, (money(r.prior_actual), money(r.budget), money(r.actual)))
    _three(g, "政府采购金额", ("——", "", ""))
    _three(g, "部门基本支出预算调整", ("——", "", ""))
    top = g.add(["楼堂馆所控制情况（本年完工项目）", "批复规模（㎡）", "实际规模（㎡）", "规模控制率", "预算投资（万元）", "实际投资（万元）", "投资概算控制率"])
    g.merge(top, 0, g.add(["", "—", "—", "—", "—", "—", "—"]), 0)
    row = g.add(["厉行节约保障措施", measures or "—"])
    g.merge(row, 1, row, 6)
    g.left.add((row, 1))
    return g


def _int(value: int | None) -> str:
    return "" if value is None else str(value)


def self_eval_grid(report: Report) -> Grid:
    """部门整体支出绩效自评表."""
    g = Grid([1.3, 1.5, 1.9, 2.4, 1.9, 1.9, 1.6, 1.3, 1.8], font_size=9.5)
    row = g.add(["预算单位名称", "", report.unit.name])
    g.merge(row, 0, row, 1)
    g.merge(row, 2, row, 8)
    top = _budget_block(g, report)
    goal_head = g.add(["年度总体目标", "预期目标", "", "", "", "实际完成情况"])
    goal = report.goals[0] if report.goals else None
    goal_row = g.add(["", goal.expected if goal else "", "", "", "", goal.achieved if goal else ""])
    for r in (goal_head, goal_row):
        g.merge(r, 1, r, 4)
        g.merge(r, 5, r, 8)
    g.left |= {(goal_row, 1), (goal_row, 5)}
    g.merge(goal_head, 0, goal_row, 0)
    g.merge(top, 8, top + 1, 8)
    head = g.add(["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"])
    _indicator_rows(g, report)
    g.merge(head, 0, len(g.rows) - 1, 0)
    weights = sum((i.weight for i in report.indicators if i.weight is not None), report.budget.execution_weight or 0)
    total = g.add(["总分", "", "", "", "", "", figure(weights), figure(report.total_score), ""])
    g.merge(total, 0, total, 5)
    return g


def _budget_block(g: Grid, report: Report) -> int:
    b, sp = report.budget, report.spending
    top = g.add(["年度预算申请（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""])
    rate = f"{figure(b.execution_rate)}%" if b.execution_rate is not None else ""
    g.add(["", "年度资金总额", money(b.initial), money(b.full_year), money(b.executed), figure(b.execution_weight), rate, figure(b.execution_score)])
    sources = b.by_source
    income = [f"其中：一般公共预算：{money(sources.get('一般公共预算'))}", f"政府性基金拨款：{money(sources.get('政府性基金'))}",
              f"纳入专户管理的非税收入拨款：{money(sources.get('纳入专户管理的非税收入'))}", f"其他资金：{money(sources.get('其他资金'))}"]
    spend = [f"其中：基本支出：{money(sp.basic)}", f"项目支出：{money(sp.project)}", "", ""]
    last = 0
    for a, c in [("按收入性质分：", "按支出性质分："), *zip(income, spend)]:
        last = g.add(["", a, "", "", c])
        g.merge(last, 1, last, 3)
        g.merge(last, 4, last, 8)
        g.left |= {(last, 1), (last, 4)}
    g.merge(top, 0, last, 0)
    return top


def _indicator_rows(g: Grid, report: Report) -> None:
    first = len(g.rows)
    inds = report.indicators
    for ind in inds:
        row = g.add(["", "", "", ind.name, ind.target, ind.actual, figure(ind.weight), figure(ind.score), ind.deviation])
        g.left |= {(row, 3), (row, 8)}
    for col, key in ((1, lambda i: i.level1), (2, lambda i: (i.level1, i.level2))):
        start = 0
        for i in range(1, len(inds) + 1):
            if i < len(inds) and key(inds[i]) == key(inds[start]):
                continue
            label = inds[start].level2 if col == 2 else _level1_label(report, inds[start].level1)
            g.rows[first + start][col] = label or ""
            g.merge(first + start, col, first + i - 1, col)
            start = i


def _level1_label(report: Report, name: str | None) -> str:
    weight = report.level1_weights.get(name or "")
    return f"{name}（{figure(weight)}分）" if weight is not None else name or ""
