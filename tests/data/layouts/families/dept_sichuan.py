"""Sichuan-style 部门整体支出绩效自评表 as a workbook: 年度主要任务, 预算执行 worth 20 分, 指标性质/度量单位 columns."""

from __future__ import annotations

from lib.calc import num
from lib.cells import amount, percent, score, weight
from lib.doc import Doc
from lib.expected import budget_of, declared_of, indicator_rows, skeleton
from lib.grid import Grid

WIDTHS = [10, 10, 10, 20, 7, 10, 8, 11, 7, 8, 10, 12]
NOTES = [
    "一、本表由部门（单位）根据年初设定的整体支出绩效目标填报，金额单位为万元。",
    "二、“年度主要任务”按部门职能和年度重点工作填列，预算金额合计应与全年预算数一致。",
    "三、“指标性质”填写“≥”“≤”“＝”或“定性”；定量指标的“指标值”只填数值，计量单位填入“度量单位”栏。",
    "四、预算执行率得分=20分×执行率；产出指标40分、效益指标30分、满意度指标10分，按指标完成程度计分。",
    "五、执行率低于90%或指标未完成的，须在“偏差原因分析”栏说明原因。",
]


def task_block(g: Grid, spec: dict) -> None:
    top = g.add_spans("年度主要任务", ("任务名称", 2), ("主要内容", 3), ("预算金额（万元）", 6), bold=True)
    g.add_spans(None, ("", 2), ("", 3), ("总额", 2), ("财政拨款", 2), ("其他资金", 2), bold=True)
    g.span(top, 1, top + 1, 2)
    g.span(top, 3, top + 1, 5)
    for t in spec["tasks"]:
        g.add_spans(None, (t["name"], 2), (t["content"], 3), (amount(t["total"], True), 2), (amount(t["fiscal"], True), 2), (amount(t["other"], True), 2))
    tot = spec["item_totals"][0]["total"]
    g.add_spans(None, ("金额合计", 5), (amount(tot["total"], True), 2), (amount(tot["fiscal"], True), 2), (amount(tot["other"], True), 2), bold=True)
    g.span(top, 0, len(g.rows) - 1, 0)


def budget_block(g: Grid, form: dict) -> None:
    funds = form["funds"]
    top = g.add_spans("年度预算执行情况（万元）", ("", 2), ("年初预算数", 2), ("全年预算数", 2), "全年执行数", "分值", "执行率", ("得分", 2), bold=True)
    for i, row in enumerate(funds["rows"]):
        label = row["label"] if i != 1 else f"其中：{row['label']}"
        w = weight(funds["weight"]) if i == 0 else "—"
        r = percent(row["rate"]) if i == 0 else "—"
        s = score(row["score"]) if i == 0 else "—"
        g.add_spans(None, (label, 2), (amount(row["initial"], True), 2), (amount(row["full_year"], True), 2), amount(row["executed"], True), w, r, (s, 2))
    g.add_spans(None, (form["exec_note"], 11))
    g.span(top, 0, len(g.rows) - 1, 0)


def goal_block(g: Grid, goals: dict) -> None:
    h = g.add_spans("年度总体目标", ("预期目标", 5), ("实际完成情况", 6), bold=True)
    g.add_spans(None, (goals["expected"], 5), (goals["achieved"], 6))
    g.span(h, 0, h + 1, 0)


def indicator_block(g: Grid, form: dict) -> None:
    top = g.add_spans("年度绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "分值", "得分", ("偏差原因分析", 2), bold=True)
    first = len(g.rows)
    for ind in form["indicators"]:
        qual = ind["cmp"] in ("qual", "date")
        nature = "定性" if qual else ind.get("cmp_text", ind["cmp"])
        value = ind["target"] if qual else weight(ind["tv"])
        actual = ind.get("actual") or "" if qual else ("" if ind.get("actual") in (None, "") else weight(ind["av"]))
        l1 = f"{ind['l1']}（{num(form['level1_weights'][ind['l1']])}分）"
        g.add_spans(None, l1, ind["l2"], ind["name"], nature, value, ind.get("unit") or "—", actual, weight(ind["w"]), score(ind["score"]), (ind.get("reason", ""), 2))
    last = len(g.rows) - 1
    g.merge_runs(1, first, last)
    g.merge_runs(2, first, last)
    g.span(top, 0, last, 0)
    g.add_spans(("自评得分", 7), (score(form["total"]), 2), "自评等级", (form["grade"], 2), bold=True)
    g.left_cols |= {1, 3, 10}


def render(spec: dict) -> Doc:
    form = spec["forms"][0]
    g = Grid(len(WIDTHS), [w / 5 for w in WIDTHS])
    g.add_spans("部门（单位）名称", (spec["unit"], 11))
    task_block(g, spec)
    budget_block(g, form)
    goal_block(g, form["goals"])
    indicator_block(g, form)
    fill = spec["fill"]
    blocks = [("caption", "部门整体支出绩效自评表"), ("subtitle", f"（{spec['year']}年度）"), ("table", g),
              ("small", f"填表人：{fill['filler']}　　联系电话：{fill['phone']}　　填报日期：{fill['date']}　　单位负责人：{fill['head']}")]
    exp = skeleton(spec)
    exp["budget"] = budget_of(form["funds"], "万元")
    exp["indicators"] = indicator_rows(form)
    exp["total_score"] = num(form["total"])
    exp["grade"] = form["grade"]
    exp["declared"] = declared_of(form, comparator_column="指标性质（≥ ≤ ＝ 定性）", unit_column="度量单位",
                                  score_note="预算执行率得分=20分×执行率")
    notes = [("caption", "填报说明")] + [("small", n) for n in NOTES]
    return Doc("xlsx", exp, sheets=[("自评表", blocks, WIDTHS), ("填报说明", notes, [110])])
