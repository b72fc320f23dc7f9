"""A 街道办事处's 部门整体支出绩效自评报告 as a text export in the seeds' layout (tab-separated table rows,
blank lines between paragraphs, cells wrapped into words with spaces), with the seeds' national 自评表 attached
and no 基础数据表 (Guizhou)."""

from __future__ import annotations

import re

from lib.calc import D, money, num
from lib.doc import Doc
from lib.expected import budget_of, declared_of, indicator_rows, skeleton
from lib.forms import dept_grid_by_source
from lib.narrative import indicator_paragraphs, sums_of
from lib.spec import get_path
from lib.textfill import context, fill
from lib.writers import text_rows

WRAPS = {"年度预算申请（万元）": "年度预算申请 (万元)", "年初预算数": "年初 预算数", "全年执行数": "全年 执行数",
         "年度指标值": "年度 指标值", "实际完成值": "实际 完成值", "偏差原因分析及改进措施": "偏差原因 分析及 改进措施",
         "绩效指标": "绩效 指标", "预算单位名称": "预算单位名称"}


def wrapped(text: str) -> str:
    """How a PDF-to-text export writes a wrapped cell: '产出指标（50分）' -> '产出指标 (50 分)'."""
    text = WRAPS.get(text, text)
    text = re.sub(r"（(\d+)分）", r" (\1 分)", text)
    return text.replace("数量指标", "数量 指标").replace("可持续影响指标", "可持续影响 指标")


def pairs(spec: dict, key: str, labels: list[str]) -> list[tuple]:
    return list(zip(labels, sums_of(spec)[key]["parts"]))


def render(spec: dict) -> Doc:
    form = spec["forms"][0]
    funds = form["funds"]["rows"][0]
    goals = spec["goals_list"]
    ctx = context(spec, goal_count=get_path(spec, "counts[goals].stated"), goals="；".join(goals) + "。",
                  rate=f"{D(funds['rate']):.2f}", total=f"{num(form['total'])}", initial=money(funds["initial"], True),
                  full=money(funds["full_year"], True), executed=money(funds["executed"], True))
    blocks = []
    for blk in spec["outline"]:
        blocks += [("p", t) for t in indicator_paragraphs(form)] if blk == ("indicators",) else fill([blk], ctx)
    by_source = pairs(spec, "by_source", ["一般公共预算", "政府性基金拨款", "纳入专户管理的非税收入拨款", "其他资金"])
    by_nature = pairs(spec, "by_nature", ["基本支出", "项目支出"])
    grid = dept_grid_by_source(spec["unit"], form, by_source, by_nature, cell=wrapped)
    rows = text_rows(grid)
    cut = next(i for i, r in enumerate(rows) if "一级指标" in r) + 2  # a page break after the first indicator row
    blocks += [("label", "附件"), ("label", "部门整体支出绩效自评表")]
    blocks += [("raw", r) for r in rows[:cut]] + [("raw", ""), ("raw", "")] + [("raw", r) for r in rows[cut:]]
    blocks += [("raw", ""), ("p", spec["signature"])]
    exp = skeleton(spec)
    exp["staffing"] = {"authorized": num(spec["vars"]["authorized"]), "actual": num(spec["vars"]["staff_actual"])}
    exp["budget"] = budget_of(form["funds"], "万元")
    nature = sums_of(spec)["by_nature"]["parts"]
    exp["spending"] = {"basic": num(nature[0]), "project": num(nature[1])}
    exp["three_public"]["actual"] = num(spec["vars"]["tp_actual"])
    exp["indicators"] = indicator_rows(form)
    exp["total_score"] = num(form["total"])
    exp["declared"] = declared_of(form, comparator_column=None)
    return Doc("txt", exp, blocks=blocks, encoding="gb18030")
