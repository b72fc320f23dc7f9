"""The level-one summary table of evaluation reports: 一级指标 | 分值 | 得分 | 得分率, and 合计."""

from __future__ import annotations

import re

from jixiao.extract import numbers
from jixiao.extract.found import Collector, Found
from jixiao.extract.grid import Grid
from jixiao.lazyre import lazy
from jixiao.model import Level1Summary

_TOTAL = lazy(r"^(合计|总计|总分)")
_NAME_HEADERS = frozenset({"一级指标", "评价维度", "维度", "指标", "指标名称"})  # a whole key (keys hold no whitespace)
_NAME_WORDS = ("指标", "维度")  # one of them is in every name header


def _header(grid: Grid) -> tuple[int, int, int, int, int | None] | None:
    """(row, name, weight, score, 得分率 columns) of a 一级指标 | 分值 | 得分 header without 三级指标 (once per table)."""
    return grid.once("summary_header", _find_header)


def _find_header(grid: Grid) -> tuple[int, int, int, int, int | None] | None:
    keys = grid.all_keys()
    if not any(word in keys for word in _NAME_WORDS):  # no name header can be in this table
        return None
    for r in range(grid.n_rows):
        keys = grid.keys(r)
        if any("三级指标" in k for k in keys):
            return None
        name = next((c for c, k in enumerate(keys) if k in _NAME_HEADERS), None)
        if name is None:  # the columns are looked for only while the row can still be the header
            continue
        weight = next((c for c, k in enumerate(keys) if re.match(r"^(分值|权重|标准分)", k)), None)
        score = next((c for c, k in enumerate(keys) if re.match(r"^(自评|评价|实际)?得分$", k)), None) if weight is not None else None
        if score is not None:
            return r, name, weight, score, next((c for c, k in enumerate(keys) if re.match(r"^得分率", k)), None)
    return None


def is_summary_table(grid: Grid) -> bool:
    return _header(grid) is not None


def read(grid: Grid, out: Collector) -> None:
    header = _header(grid)
    if header is None:
        return
    r0, c_name, c_weight, c_score, c_rate = header
    for r in range(r0 + 1, grid.n_rows):
        name = grid.text(r, c_name)
        weight, score = numbers.number(grid.raw(r, c_weight)), numbers.number(grid.raw(r, c_score))
        if _TOTAL.match(name):
            out.put("total_score", Found(score, grid.provenance(r, c_score, "一级指标汇总表 合计行")))
            continue
        if not name or (weight is None and score is None):
            continue
        rate = numbers.percent(grid.raw(r, c_rate)) if c_rate is not None else None
        out.report.level1_summary.append(Level1Summary(name=name, weight=weight, score=score, score_rate=rate))
        out.note(f"level1_summary[{len(out.report.level1_summary) - 1}]", grid.provenance(r, c_name, "一级指标汇总表"))
