"""A department's project self-evaluations as one workbook, a sheet per project (Guizhou/Yunnan flavour).

Sheet styles: "nature" (指标性质 定量/定性 column), "split" (指标值 as 符号 | 数值 cells beside a 度量单位
column, 参考分值 instead of 分值), "ab" (年初预算数（A） and 全年执行数（B） only, 执行率 = B/A)."""

from __future__ import annotations

from lib.cells import amount, percent, score, weight
from lib.doc import Doc
from lib.expected import indicator_rows, project_entry, skeleton
from lib.grid import Grid

STYLE_WIDTHS = {
    "nature": [9, 10, 10, 20, 8, 13, 16, 7, 7, 20],
    "split": [9, 10, 10, 20, 5, 8, 9, 11, 8, 7, 20],
    "ab": [9, 10, 10, 20, 13, 16, 8, 10, 8, 20],
}

FUND_SPANS = {"nature": [1, 2, 1, 1, 1, 1], "split": [1, 3, 1, 1, 1, 1], "ab": [1, 2, 1, 1, 2]}


def head_rows(g: Grid, project: dict) -> None:
    n = g.ncols
    g.add_spans("项目名称", (project["name"], n - 1))
    g.add_spans("主管部门", (project["department"], 4), ("实施单位", 2), (project["implementer"], n - 7))


def funds_block(g: Grid, form: dict, style: str) -> None:
    funds, _n = form["funds"], g.ncols
    top = len(g.rows)
    if style == "ab":
        cols = ["年初预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"]
        keys = ("initial", "executed")
    else:
        cols = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
        keys = ("initial", "full_year", "executed")
    spans = FUND_SPANS[style]
    g.add_spans("项目资金（万元）", ("", 2), *zip(cols, spans), bold=True)
    for i, row in enumerate(funds["rows"]):
        label = row["label"] if i != 1 else f"其中：{row['label']}"
        vals = [amount(row.get(k), True) for k in keys]
        w = weight(funds["weight"]) if i == 0 else "—"
        s = score(row["score"]) if i == 0 else "—"
        r = percent(row["rate"]) if row.get("rate") is not None else ("—" if i else "")
        g.add_spans(None, (label, 2), *zip([*vals, w, r, s], spans))
    g.span(top, 0, len(g.rows) - 1, 0)
    g.left_cols.add(1)


def goal_block(g: Grid, goals: dict) -> None:
    n = g.ncols
    half = (n - 1) // 2
    h = g.add_spans("年度总体目标", ("预期目标", half), ("实际完成情况", n - 1 - half), bold=True)
    g.add_spans(None, (goals["expected"], half), (goals["achieved"], n - 1 - half))
    g.span(h, 0, h + 1, 0)


def indicator_cells(ind: dict, style: str) -> list:
    w, s = weight(ind["w"]), score(ind["score"])
    reason = ind.get("reason", "")
    if style == "nature":
        nature = "定性" if ind["cmp"] in ("qual", "date") else "定量"
        return [ind["l1"], ind["l2"], ind["name"], nature, ind.get("target", ""), ind.get("actual") or "", w, s, reason]
    if style == "split":
        if ind["cmp"] in ("qual", "date"):
            return [ind["l1"], ind["l2"], ind["name"], (ind["target"], 3), ind.get("actual") or "", w, s, reason]
        actual = "" if ind.get("actual") in ("", None) else weight(ind["av"])
        return [ind["l1"], ind["l2"], ind["name"], ind["cmp"], weight(ind["tv"]), ind.get("unit", ""), actual, w, s, reason]
    return [ind["l1"], ind["l2"], ind["name"], ind.get("target", ""), ind.get("actual") or "", w, s, (reason, 2)]


def indicator_block(g: Grid, form: dict, style: str) -> None:
    top = len(g.rows)
    if style == "nature":
        g.add("绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施", bold=True)
    elif style == "split":
        g.add("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", None, "度量单位", "实际完成值", "参考分值", "得分", "偏差原因分析及改进措施", bold=True)
        g.add(None, None, None, None, "符号", "数值", None, None, None, None, None, bold=True)
        for c in (1, 2, 3, 6, 7, 8, 9, 10):
            g.span(top, c, top + 1, c)
        g.row_span(top, 4, 5)
    else:
        g.add_spans("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", ("偏差原因分析及改进措施", 2), bold=True)
    first = len(g.rows)
    for ind in form["indicators"]:
        g.add_spans(None, *indicator_cells(ind, style))
    last = len(g.rows) - 1
    g.merge_runs(1, first, last)
    g.merge_runs(2, first, last)
    g.span(top, 0, last, 0)
    wcol = {"nature": 7, "split": 8, "ab": 6}[style]
    g.add_spans(("总分", wcol), weight("100"), score(form["total"]), ("", g.ncols - wcol - 2), bold=True)
    g.left_cols |= {3, g.ncols - 1} if style != "ab" else {3, 8}


def sheet_grid(project: dict, form: dict) -> Grid:
    style = form["style"]
    widths = STYLE_WIDTHS[style]
    g = Grid(len(widths), [w / 5 for w in widths])
    head_rows(g, project)
    funds_block(g, form, style)
    goal_block(g, form["goals"])
    indicator_block(g, form, style)
    return g


def render(spec: dict) -> Doc:
    sheets, projects, rows = [], [], []
    for project, form in zip(spec["projects"], spec["forms"]):
        g = sheet_grid(project, form)
        blocks = [("caption", "项目支出绩效自评表"), ("subtitle", f"（{spec['year']}年度）"),
                  ("p_left", f"填报单位：{spec['unit']}　　　　　　金额单位：万元"), ("table", g),
                  ("small", f"填表人：{project['filler']}　　联系电话：{project['phone']}　　填报日期：{spec['fill_date']}")]
        sheets.append((project["sheet"], blocks, STYLE_WIDTHS[form["style"]]))
        projects.append(project_entry(project, form, "万元"))
        rows += indicator_rows(form)
    exp = skeleton(spec)
    exp["indicators"] = rows
    exp["projects"] = projects
    exp["declared"] = {"sheets": [{"sheet": p["sheet"], "execution_weight": int(f["funds"]["weight"]),
                                   "weight_column": {"split": "参考分值"}.get(f["style"], "分值"),
                                   "execution_rate_base": "年初预算数（A）" if f["style"] == "ab" else "全年预算数",
                                   "comparator_column": {"nature": "指标性质（定量/定性）", "split": "符号 | 数值 | 度量单位"}.get(f["style"]),
                                   "level1_weights": None}
                                  for p, f in zip(spec["projects"], spec["forms"])]}
    return Doc("xlsx", exp, sheets=sheets)
