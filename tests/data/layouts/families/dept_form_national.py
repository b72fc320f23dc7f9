"""The bare national 部门整体支出绩效自评表 (one page), as units print, sign and scan it."""

from __future__ import annotations

from lib.calc import num
from lib.doc import Doc
from lib.expected import budget_of, declared_of, indicator_rows, skeleton
from lib.forms import dept_grid


def render(spec: dict) -> Doc:
    form = spec["forms"][0]
    fill = spec["fill"]
    blocks = [("caption", "部门整体支出绩效自评表"), ("subtitle", f"（{spec['year']}年度）"),
              ("p_left", f"填报单位（盖章）：{spec['unit']}　　　　　　　　　　　　金额单位：万元"),
              ("table", dept_grid(spec["unit"], form)),
              ("small", f"单位负责人：{fill['head']}　　填表人：{fill['filler']}　　联系电话：{fill['phone']}　　填报日期：{fill['date']}")]
    rows = form["funds"]["rows"]
    exp = skeleton(spec)
    exp["budget"] = budget_of(form["funds"], "万元")
    exp["spending"] = {"basic": num(rows[1]["executed"]), "project": num(rows[2]["executed"])}
    exp["indicators"] = indicator_rows(form)
    exp["total_score"] = num(form["total"])
    exp["declared"] = declared_of(form, comparator_column=None)
    return Doc(spec.get("format", "docx"), exp, blocks=blocks)
