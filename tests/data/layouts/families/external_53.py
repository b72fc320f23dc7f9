"""53号-style external evaluation report of a department (docx): 部门概况, 综合评价结论 with the level-one table
(一级指标 | 分值 | 得分 | 得分率), 主要业绩, 问题, 建议, and the 评价指标体系及评分表 as an attachment."""

from __future__ import annotations

from lib.calc import D, money, num, plain, rate
from lib.cells import percent, score, weight
from lib.doc import Doc
from lib.expected import FRAMEWORK_53, skeleton
from lib.grid import Grid
from lib.narrative import numbered, sums_of
from lib.textfill import context, fill


def summary_grid(form: dict) -> Grid:
    g = Grid(4, [4.0, 3.0, 3.0, 3.0], font_size=10.5)
    g.add("一级指标", "分值", "得分", "得分率", bold=True)
    for r in form["level1_summary"]:
        g.add(r["name"], weight(r["weight"]), score(r["score"]), percent(r["rate"]))
    g.add("合计", weight("100"), score(form["total"]), percent(rate(form["total"], 100)), bold=True)
    return g


def indicator_grid(form: dict, ctx: dict) -> Grid:
    g = Grid(6, [1.6, 2.2, 3.4, 1.3, 1.3, 7.2], font_size=9)
    g.add("一级指标", "二级指标", "三级指标", "分值", "得分", "评分说明", bold=True)
    first = len(g.rows)
    for ind in form["indicators"]:
        g.add(ind["l1"], ind["l2"], ind["name"], weight(ind["w"]), score(ind["score"]), ind.get("reason", "").format(**ctx))
    last = len(g.rows) - 1
    g.merge_runs(0, first, last)
    g.merge_runs(1, first, last)
    g.add("合计", None, None, weight("100"), score(form["total"]), None, bold=True)
    g.row_span(last + 1, 0, 2)
    g.left_cols = {2, 5}
    return g


def ctx_of(spec: dict, form: dict) -> dict:
    total = form["funds"]["rows"][0]
    staff = sums_of(spec)["staff"]
    basic, project = form["funds"]["rows"][1:3]
    return context(spec, initial=money(total["initial"], True), full=money(total["full_year"], True), executed=money(total["executed"], True),
                   rate=f"{D(total['rate']):.2f}", basic=money(basic["executed"], True), project=money(project["executed"], True),
                   adjust_rate=f"{rate(D(total['full_year']) - D(total['initial']), total['initial']):.2f}",
                   staff_rate=f"{rate(spec['vars']['staff_actual'], staff['total']):.2f}",
                   total=plain(form["total"]), grade=spec["grade"])


def render(spec: dict) -> Doc:
    form = spec["forms"][0]
    ctx = ctx_of(spec, form)
    blocks = [*fill(spec["outline_head"], ctx), ("caption_small", "表1\u3000一级指标得分情况"), ("table", summary_grid(form))]
    blocks += fill(spec["outline_mid"], ctx)
    for title, key in (("三、主要业绩", "achievements"), ("四、存在的问题及原因分析", "problems"), ("五、有关建议", "suggestions")):
        blocks += [("h1", title)] + [("p", t) for t in numbered(spec[key])]
    blocks += [("p_right", spec["evaluator"]), ("p_right", f"{spec['year'] + 1}年6月28日"), ("pagebreak",),
               ("label", "附件"), ("caption", f"{spec['unit']}{spec['year']}年度部门整体支出绩效评价指标体系及评分表"),
               ("table", indicator_grid(form, ctx))]
    total, (basic, project) = form["funds"]["rows"][0], form["funds"]["rows"][1:3]
    exp = skeleton(spec)
    exp["framework"], exp["report_kind"] = FRAMEWORK_53, "external_evaluation"
    exp["staffing"] = {"authorized": num(sums_of(spec)["staff"]["total"]), "actual": num(spec["vars"]["staff_actual"])}
    exp["budget"] = {"initial": num(total["initial"]), "full_year": num(total["full_year"]), "executed": num(total["executed"]),
                     "execution_rate": num(total["rate"]), "execution_score": None}
    exp["spending"] = {"basic": num(basic["executed"]), "project": num(project["executed"])}
    exp["indicators"] = [{"level1": i["l1"], "level2": i["l2"], "name": i["name"], "target": None, "actual": None,
                          "weight": num(i["w"]), "score": num(i["score"])} for i in form["indicators"]]
    exp["level1_summary"] = [{"name": r["name"], "weight": num(r["weight"]), "score": num(r["score"])} for r in form["level1_summary"]]
    exp["total_score"] = num(form["total"])
    exp["grade"] = spec["grade"]
    exp["declared"] = {"level1_weights": {r["name"]: num(r["weight"]) for r in form["level1_summary"]}, "execution_weight": None,
                       "weight_column": "分值"}
    return Doc("docx", exp, blocks=blocks)
