"""The attached forms as grids laid out like the official ones, with their merged cells.

- 部门整体支出绩效评价基础数据表 (Hunan): 7 columns; the three year columns span two grid columns
  each; 财政供养人员情况 and 楼堂馆所控制情况 merged vertically over their two rows.
- 部门整体支出绩效自评表 and 项目支出绩效自评表: a head table (预算单位名称 or 项目名称 / 主管部门 /
  实施单位, the 年度预算申请 or 项目资金 block, 年度总体目标) and an indicator table whose header row
  repeats on every page, each 一级指标 ("产出指标（50分）") and 二级指标 merged over its rows, and a
  总分 row; the indicator columns (指标性质 where a province has it) come from `forms.toml`.
- 评价指标体系及评分表 (53号): 一级 / 二级 / 三级指标, 分值, 得分, 评分说明, 合计.

Fixed labels carry their line breaks at phrase boundaries (`forms.toml`, and here).
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.compose.figures import figure, money, share
from jixiao.compose.grid import Grid
from jixiao.compose.layout import fits
from jixiao.compose.outline import FormLayout
from jixiao.model import Budget, Goal, Indicator, Report

NEEDS = {"basic_data": ("staffing", "three_public", "project_spending", "public_funds")}
"""What a form reads beyond its workbook's core sheets (`outline.OPTIONAL`)."""
HEAD_WIDTHS = [1.7, 3.3, 2.0, 2.0, 2.0, 1.2, 1.8, 1.6]
BUDGET_HEADER = ["年初\n预算数", "全年\n预算数", "全年\n执行数", "分值", "执行率", "得分"]
NOT_SCORED = "—"


def _three(g: Grid, label: str, values: tuple[str, str, str], bold: bool = False) -> int:
    row = g.add([label, values[0], "", values[1], "", values[2], ""], bold)
    for c in (1, 3, 5):
        g.merge(row, c, row, c + 1)
    g.left.add((row, 0))
    return row


def basic_data_grid(report: Report, layout: FormLayout, measures: str = "") -> Grid:
    """部门整体支出绩效评价基础数据表."""
    y = report.unit.year or 0
    g = Grid([4.3] + [1.883] * 6, font_size=layout.font_size, line=layout.line)
    row = g.add(["填报单位", report.unit.name])
    g.merge(row, 1, row, 6)
    head = _three(g, "财政供养人员情况", ("编制数", f"{y}年实际在职人数", "控制率"), bold=True)
    s = report.staffing
    rate = f"{figure(s.control_rate)}%" if s.control_rate is not None else ""
    g.merge(head, 0, _three(g, "", (_int(s.authorized), _int(s.actual), rate)), 0)
    _three(g, "经费控制情况（万元）", (f"{y - 1}年决算数", f"{y}年预算数", f"{y}年决算数"), bold=True)
    for r in report.basic_data:
        _three(g, r.label, (money(r.prior_actual), money(r.budget), money(r.actual)))
    _three(g, "政府采购金额", ("——", "", ""))
    _three(g, "部门基本支出预算调整", ("——", "", ""))
    top = g.add(["楼堂馆所控制情况\n（本年完工项目）", "批复规模\n（㎡）", "实际规模\n（㎡）", "规模\n控制率", "预算投资\n（万元）", "实际投资\n（万元）", "投资概算\n控制率"], True)
    g.merge(top, 0, g.add(["", "—", "—", "—", "—", "—", "—"]), 0)
    row = g.add(["厉行节约保障措施", measures or "—"])
    g.merge(row, 1, row, 6)
    g.left.add((row, 1))
    return g


def _int(value: int | None) -> str:
    return "" if value is None else str(value)


def self_eval_head(report: Report, scored: bool) -> Grid:
    """部门整体支出绩效自评表, head: 预算单位名称, 年度预算申请 (by source and by kind), 年度总体目标."""
    g = Grid(list(HEAD_WIDTHS))
    row = g.add(["预算单位名称", "", report.unit.name])
    g.merge(row, 0, row, 1)
    g.merge(row, 2, row, 7)
    top = g.add(["年度预算\n申请\n（万元）", "", *BUDGET_HEADER], True)
    g.add(["", "年度资金总额", *_figures(report.budget, scored)])
    b, sp = report.budget, report.spending
    income = [f"其中：一般公共预算：{money(b.by_source.get('一般公共预算'))}", f"政府性基金拨款：{money(b.by_source.get('政府性基金'))}",
              f"纳入专户管理的非税收入拨款：{money(b.by_source.get('纳入专户管理的非税收入'))}", f"其他资金：{money(b.by_source.get('其他资金'))}"]
    spend = [f"其中：基本支出：{money(sp.basic)}", f"项目支出：{money(sp.project)}", "", ""]
    last = 0
    for a, c in [("按收入性质分：", "按支出性质分："), *zip(income, spend)]:
        last = g.add(["", a, "", "", c])
        g.merge(last, 1, last, 3)
        g.merge(last, 4, last, 7)
        g.left |= {(last, 1), (last, 4)}
    g.merge(top, 0, last, 0)
    _goal_rows(g, report.goals)
    return g


def _figures(b: Budget, scored: bool) -> list[str]:
    """年初预算数 … 得分 of the 年度资金总额 row; 分值 and 得分 are "—" where execution is not scored on its own."""
    rate = f"{figure(b.execution_rate)}%" if b.execution_rate is not None else ""
    weight, score = (figure(b.execution_weight), figure(b.execution_score)) if scored else (NOT_SCORED, NOT_SCORED)
    return [money(b.initial), money(b.full_year), money(b.executed), weight, rate, score]


def _goal_rows(g: Grid, goals: list[Goal]) -> None:
    goal = goals[0] if goals else Goal()
    head = g.add(["年度\n总体\n目标", "预期目标", "", "", "", "实际完成情况"], True)
    row = g.add(["", goal.expected, "", "", "", goal.achieved])
    for r in (head, row):
        g.merge(r, 1, r, 4)
        g.merge(r, 5, r, 7)
    g.left |= {(row, 1), (row, 5)}
    g.merge(head, 0, row, 0)


def project_head(report: Report, scored: bool = True) -> Grid:
    """项目支出绩效自评表, head: 项目名称, 主管部门 / 实施单位, 项目资金 (年度资金总额 and by source), 年度总体目标."""
    p, b = report.project, report.budget
    g = Grid(list(HEAD_WIDTHS))
    row = g.add(["项目名称", p.name if p else ""])
    g.merge(row, 1, row, 7)
    row = g.add(["主管部门", p.department if p else "", "", "", "实施单位", p.implementer if p else ""])
    g.merge(row, 1, row, 3)
    g.merge(row, 5, row, 7)
    top = g.add(["项目资金\n（万元）", "", *BUDGET_HEADER], True)
    g.add(["", "年度资金总额", *_figures(b, scored)])
    for i, line in enumerate(b.lines):
        rate = _rate(line.executed, line.full_year)
        g.add(["", ("其中：" if i == 0 else "") + line.label, money(line.initial), money(line.full_year), money(line.executed), NOT_SCORED, rate, NOT_SCORED])
    g.left |= {(r, 1) for r in range(top + 1, len(g.rows))}
    g.merge(top, 0, len(g.rows) - 1, 0)
    _goal_rows(g, report.goals)
    return g


def _rate(part: Decimal | None, whole: Decimal | None) -> str:
    rate = share(part, whole)
    return f"{figure(Decimal(rate))}%" if rate is not None else ""


def indicator_grid(report: Report, layout: FormLayout, execution_weight: Decimal | None) -> Grid:
    """The indicator table: a header row repeated on every page, the rows with their 一级 / 二级
    groups merged, and the 总分 (or 合计) row."""
    roles = [c.role for c in layout.columns]
    g = Grid([c.width for c in layout.columns], font_size=layout.font_size, line=layout.line, header_rows=1)
    g.add([c.label for c in layout.columns], bold=True)
    first = len(g.rows)
    for ind in report.indicators:
        g.add([_cell(report, ind, role, layout) for role in roles])
    last = len(g.rows) - 1
    for role, key in (("level1", lambda r: _at(report, r - first).level1), ("level2", lambda r: (_at(report, r - first).level1, _at(report, r - first).level2))):
        if role in roles and report.indicators:
            g.merge_runs(roles.index(role), first, last, key)
            g.continued[roles.index(role)] = True
    if "section" in roles and last >= first:  # the 绩效指标 label heads the column; the header row repeats on its own
        g.rows[0][0] = layout.columns[0].label
        g.merge(first, 0, last, 0)
        g.continued[0] = False
        g.open_edges += [(0, 0, "bottom"), (first, 0, "top")]
    g.left |= {(r, roles.index(role)) for r in range(first, last + 1) for role in ("name", "deviation", "note") if role in roles}
    weights = sum((i.weight for i in report.indicators if i.weight is not None), execution_weight or Decimal(0))
    total_at = roles.index("weight")
    total = g.add([layout.total] + [""] * (total_at - 1) + [figure(weights), figure(report.total_score)], bold=True)
    g.merge(total, 0, total, total_at - 1)
    return g


def _at(report: Report, i: int) -> Indicator:
    return report.indicators[i]


def _cell(report: Report, ind: Indicator, role: str, layout: FormLayout) -> str:
    width = next(c.width for c in layout.columns if c.role == role)
    if role == "section":
        return ""
    if role == "level1":
        weight = report.level1_weights.get(ind.level1 or "")
        label = f"{ind.level1}（{figure(weight)}分）" if weight is not None else ind.level1 or ""
        return fit_label(label, width, layout.font_size)
    if role == "level2":
        return fit_label(ind.level2 or "", width, layout.font_size)
    if role == "name":
        return fit_label(ind.name, width, layout.font_size, cuts=())
    if role == "direction":
        return ind.direction or ""
    if role in ("target", "actual") and "direction" in [c.role for c in layout.columns] and ind.direction in ("≥", "≤", "="):
        text = getattr(ind, role) or ""
        return text.removeprefix(ind.direction) if role == "target" else text
    if role in ("weight", "score"):
        return figure(getattr(ind, role))
    if role == "note":
        return ind.deviation or ""
    return getattr(ind, role) or ""


def fit_label(text: str, width: float, size: float, cuts: tuple[str, ...] = ("（", "指标")) -> str:
    """A label broken at its phrase boundaries (before “（”, before “指标”) where it does not fit, and a
    phrase longer than the column into lines of even length rather than one orphaned character."""
    if fits(text, width, size):
        return text
    for cut in cuts:
        head, sep, tail = text.rpartition(cut)
        if sep and head:
            return fit_label(head, width, size, cuts) + "\n" + fit_label(sep + tail, width, size, cuts)
    count = 2
    while count < len(text) and not fits(_even(text, count), width, size):
        count += 1
    return _even(text, count)


def _even(text: str, count: int) -> str:
    """`text` in `count` lines of (nearly) equal length."""
    size = -(-len(text) // count)
    return "\n".join(text[i: i + size] for i in range(0, len(text), size))
