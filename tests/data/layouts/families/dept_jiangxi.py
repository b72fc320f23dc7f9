"""Jiangxi-style 部门整体支出绩效自评表 (docx, landscape): 指标方向 column, weights in the level-one cells,
'总分：88.5' and '自评等级：良' written in cells at the bottom."""

from __future__ import annotations

from lib.calc import num, plain
from lib.cells import amount, percent, score, weight
from lib.doc import Doc
from lib.expected import budget_of, declared_of, indicator_rows, skeleton
from lib.forms import level1_label
from lib.grid import Grid

WIDTHS = [1.6, 2.0, 2.2, 3.8, 2.0, 2.3, 2.6, 1.5, 1.7, 2.8, 2.8]
DIRECTION = {"≥": "正向", "≤": "反向", "=": "等于", "qual": "正向", "date": "正向"}


def direction(ind: dict) -> str:
    return ind.get("dir") or DIRECTION[ind["cmp"]]


def grid(spec: dict, form: dict) -> Grid:
    g = Grid(len(WIDTHS), WIDTHS, font_size=9)
    g.add_spans("部门名称", (spec["unit"], 10))
    funds = form["funds"]
    top = g.add_spans("年度预算执行情况（万元）", ("", 3), "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", ("得分", 2), bold=True)
    for i, row in enumerate(funds["rows"]):
        label = row["label"] if i != 1 else f"其中：{row['label']}"
        first = i == 0
        g.add_spans(None, (label, 3), amount(row["initial"], True), amount(row["full_year"], True), amount(row["executed"], True),
                    weight(funds["weight"]) if first else "—", percent(row["rate"]) if first else "—", (score(row["score"]) if first else "—", 2))
    g.span(top, 0, len(g.rows) - 1, 0)
    h = g.add_spans("年度总体目标", ("预期目标", 5), ("实际完成情况", 5), bold=True)
    g.add_spans(None, (form["goals"]["expected"], 5), (form["goals"]["achieved"], 5))
    g.span(h, 0, h + 1, 0)
    top = g.add_spans("绩效指标", "一级指标", "二级指标", "三级指标", "指标方向", "年度指标值", "实际完成值", "分值", "得分", ("偏差原因分析及改进措施", 2), bold=True)
    first = len(g.rows)
    for ind in form["indicators"]:
        g.add_spans(None, level1_label(form, ind["l1"]), ind["l2"], ind["name"], direction(ind), ind["target"], ind.get("actual") or "",
                    weight(ind["w"]), score(ind["score"]), (ind.get("reason", ""), 2))
    last = len(g.rows) - 1
    g.merge_runs(1, first, last)
    g.merge_runs(2, first, last)
    g.span(top, 0, last, 0)
    g.add_spans((f"总分：{plain(form['total'])}", 7), (f"自评等级：{form['grade']}", 4), bold=True)
    g.left_cols |= {3, 9}
    return g


def render(spec: dict) -> Doc:
    form = spec["forms"][0]
    fill = spec["fill"]
    blocks = [("caption", "部门整体支出绩效自评表"), ("subtitle", f"（{spec['year']}年度）"),
              ("p_left", f"单位名称（盖章）：{spec['unit']}　　　　　　　　　　　　　　　　　　　　金额单位：万元"),
              ("table", grid(spec, form)),
              ("small", f"填表人：{fill['filler']}　　　审核人：{fill['reviewer']}　　　联系电话：{fill['phone']}　　　填报日期：{fill['date']}")]
    exp = skeleton(spec)
    exp["budget"] = budget_of(form["funds"], "万元")
    rows = indicator_rows(form)
    for row, ind in zip(rows, form["indicators"]):
        row["direction"] = direction(ind)
    exp["indicators"] = rows
    exp["total_score"] = num(form["total"])
    exp["grade"] = form["grade"]
    exp["declared"] = declared_of(form, comparator_column="指标方向（正向/反向/小于等于/等于）")
    return Doc("docx", exp, blocks=blocks, landscape=True)
