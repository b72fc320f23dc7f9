"""The national form grids: 项目支出绩效自评表 and 部门整体支出绩效自评表 (10 grid columns)."""

from __future__ import annotations

from .calc import num
from .cells import amount, percent, score, weight
from .grid import Grid

WIDTHS = [1.2, 1.5, 1.5, 2.3, 2.0, 2.0, 1.2, 1.7, 1.4, 1.4]


def funds_rows(g: Grid, funds: dict, label: str, sep: bool) -> None:
    """Budget block: 年度资金总额 (分值, 执行率, 得分) and its parts with '—' in 分值/得分."""
    head = g.add(label, None, None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", None, bold=True)
    g.row_span(head, 1, 2)
    g.row_span(head, 8, 9)
    for i, row in enumerate(funds["rows"]):
        text = row["label"] if i != 1 else f"其中：{row['label']}"
        w = weight(funds["weight"]) if i == 0 else "—"
        s = score(row["score"]) if i == 0 else "—"
        rate = percent(row["rate"]) if row.get("rate") is not None else ""
        r = g.add(None, text, None, amount(row.get("initial"), sep), amount(row.get("full_year"), sep),
                  amount(row.get("executed"), sep), w, rate, s, None)
        g.row_span(r, 1, 2)
        g.row_span(r, 8, 9)
    g.span(head, 0, head + len(funds["rows"]), 0)
    g.left_cols.add(1)


def goal_rows(g: Grid, goals: dict) -> None:
    h = g.add("年度总体目标", "预期目标", None, None, None, "实际完成情况", None, None, None, None, bold=True)
    g.row_span(h, 1, 4)
    g.row_span(h, 5, 9)
    r = g.add(None, goals["expected"], None, None, None, goals["achieved"])
    g.row_span(r, 1, 4)
    g.row_span(r, 5, 9)
    g.span(h, 0, r, 0)


def cell_text(ind: dict, key: str) -> str:
    """A target/actual cell as typed ('target_cell': '≥ 2 次/月', '９２．４％'); the gold keeps the clean value."""
    if ind.get(f"{key}_cell") is not None and ind.get(key) not in (None, ""):
        return ind[f"{key}_cell"]
    return ind.get(key) or ""


def level1_label(form: dict, l1: str) -> str:
    """'产出指标' or, where the form writes its weight, '产出指标（50分）'."""
    if not form.get("declare_level1"):
        return l1
    return form.get("level1_format", "{name}（{w}分）").format(name=l1, w=num(form["level1_weights"][l1]))


def indicator_block(g: Grid, form: dict, section: str = "绩效指标", weight_label: str = "分值") -> None:
    h = g.add(section, "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", weight_label, "得分", "偏差原因分析及改进措施", None, bold=True)
    g.row_span(h, 8, 9)
    first = len(g.rows)
    for ind in form["indicators"]:
        if ind.get("template_row"):
            r = g.add(None, level1_label(form, ind["l1"]), ind["l2"], ind["name"])
        else:
            r = g.add(None, level1_label(form, ind["l1"]), ind["l2"], ind["name"], cell_text(ind, "target"), cell_text(ind, "actual"),
                      weight(ind["w"]), score(ind["score"]), ind.get("reason", ""), None)
        g.row_span(r, 8, 9)
    last = len(g.rows) - 1
    g.merge_runs(1, first, last)
    g.merge_runs(2, first, last)
    g.span(h, 0, last, 0)
    t = g.add("总分", None, None, None, None, None, weight("100"), score(form["total"]), None, None, bold=True)
    g.row_span(t, 0, 5)
    g.row_span(t, 8, 9)
    g.left_cols |= {3, 8}


def project_grid(project: dict, form: dict, unit: str, sep: bool = False) -> Grid:
    """项目支出绩效自评表 (财预〔2020〕10号 附件)."""
    g = Grid(10, WIDTHS, font_size=9)
    r = g.add("项目名称", project["name"])
    g.row_span(r, 1, 9)
    r = g.add("主管部门", project["department"], None, None, None, "实施单位", None, project["implementer"])
    g.row_span(r, 1, 4)
    g.row_span(r, 5, 6)
    g.row_span(r, 7, 9)
    funds_rows(g, form["funds"], f"项目资金\n（{unit}）", sep)
    goal_rows(g, form["goals"])
    indicator_block(g, form, "绩效指标", form.get("weight_column", "分值"))
    return g


def dept_grid(unit_name: str, form: dict, unit: str = "万元", sep: bool = False) -> Grid:
    """部门整体支出绩效自评表: 部门（单位）名称, 年度预算数 by 基本/项目支出, 年度总体目标, 年度绩效指标."""
    g = Grid(10, WIDTHS, font_size=9)
    r = g.add(form.get("name_label", "部门（单位）名称"), unit_name)
    g.row_span(r, 1, 9)
    funds_rows(g, form["funds"], form.get("funds_label", f"年度预算数\n（{unit}）"), sep)
    goal_rows(g, form["goals"])
    indicator_block(g, form, form.get("indicator_section", "年度绩效指标"), form.get("weight_column", "分值"))
    return g


def dept_grid_by_source(unit_name: str, form: dict, by_source: list[tuple], by_nature: list[tuple], cell=str) -> Grid:
    """The 部门整体支出绩效自评表 of the seeds (9 columns): 年度预算申请 with one 年度资金总额 row, then
    按收入性质分 / 按支出性质分 lines ('其中：一般公共预算：2206.38'), 年度总体目标, 绩效指标, 总分.
    `cell` rewrites label texts (a text export's spaces and wraps)."""
    g = Grid(9, [1.2, 2.0, 2.0, 2.4, 2.0, 2.0, 1.3, 1.3, 2.0], font_size=9)
    g.add_spans(cell("预算单位名称"), (unit_name, 8))
    funds = form["funds"]
    total = funds["rows"][0]
    top = g.add(cell("年度预算申请（万元）"), None, cell("年初预算数"), cell("全年预算数"), cell("全年执行数"), "分值", "执行率", "得分", None, bold=True)
    g.add(None, "年度资金总额", amount(total["initial"]), amount(total["full_year"]), amount(total["executed"]), weight(funds["weight"]),
          percent(total["rate"]), score(total["score"]), None)
    g.add_spans(None, ("按收入性质分：", 3), ("按支出性质分：", 5))
    lines = max(len(by_source), len(by_nature))
    for i in range(lines):
        left = by_source[i] if i < len(by_source) else ("", None)
        right = by_nature[i] if i < len(by_nature) else ("", None)
        text = [f"{'其中：' if i == 0 and label else ''}{label}{'：' if label else ''}{'' if v is None else v}" for label, v in (left, right)]
        g.add_spans(None, (text[0], 3), (text[1], 5))
    g.span(top, 0, len(g.rows) - 1, 0)
    g.span(top, 8, top + 1, 8)
    goal_rows_9(g, form["goals"])
    indicator_block_9(g, form, cell)
    g.left_cols |= {1, 3, 8}
    return g


def goal_rows_9(g: Grid, goals: dict) -> None:
    h = g.add_spans("年度总体目标", ("预期目标", 4), ("实际完成情况", 4), bold=True)
    g.add_spans(None, (goals["expected"], 4), (goals["achieved"], 4))
    g.span(h, 0, h + 1, 0)


def indicator_block_9(g: Grid, form: dict, cell=str) -> None:
    h = g.add(cell("绩效指标"), "一级指标", "二级指标", "三级指标", cell("年度指标值"), cell("实际完成值"), form.get("weight_column", "分值"), "得分",
              cell("偏差原因分析及改进措施"), bold=True)
    first = len(g.rows)
    for ind in form["indicators"]:
        g.add(None, cell(level1_label(form, ind["l1"])), cell(ind["l2"]), cell(ind["name"]), cell_text(ind, "target"),
              cell_text(ind, "actual"), weight(ind["w"]), score(ind["score"]), ind.get("reason", ""))
    last = len(g.rows) - 1
    g.merge_runs(1, first, last)
    g.merge_runs(2, first, last)
    g.span(h, 0, last, 0)
    g.add_spans(("总分", 6), weight("100"), score(form["total"]), "", bold=True)
