"""The level-one summary table of evaluation reports: 一级指标 | 分值 | 得分 | 得分率, and 合计."""

from __future__ import annotations

import re

from jixiao.extract import numbers
from jixiao.extract.found import Collector, Found
from jixiao.extract.grid import Grid
from jixiao.model import Level1Summary

_TOTAL = re.compile(r"^(合计|总计|总分)")


def _header(grid: Grid) -> tuple[int, int, int, int] | None:
    """(row, name col, weight col, score col) of a 一级指标 | 分值 | 得分 header without 三级指标."""
    for r in range(grid.n_rows):
        keys = grid.keys(r)
        if any("三级指标" in k for k in keys):
            return None
        name = next((c for c, k in enumerate(keys) if re.match(r"^(一级指标|评价维度|指标)$", k)), None)
        weight = next((c for c, k in enumerate(keys) if re.match(r"^(分值|权重|标准分)", k)), None)
        score = next((c for c, k in enumerate(keys) if re.match(r"^(得分|评价得分|实际得分)$", k)), None)
        if None not in (name, weight, score):
            return r, name, weight, score
    return None


def is_summary_table(grid: Grid) -> bool:
    return _header(grid) is not None


def read(grid: Grid, out: Collector) -> None:
    header = _header(grid)
    if header is None:
        return
    r0, c_name, c_weight, c_score = header
    for r in range(r0 + 1, grid.n_rows):
        name = grid.text(r, c_name)
        weight, score = numbers.number(grid.raw(r, c_weight)), numbers.number(grid.raw(r, c_score))
        if _TOTAL.match(name):
            out.put("total_score", Found(score, grid.provenance(r, c_score, "一级指标汇总表 合计行")))
            continue
        if not name or (weight is None and score is None):
            continue
        out.report.level1_summary.append(Level1Summary(name=name, weight=weight, score=score))
        out.note(f"level1_summary[{len(out.report.level1_summary) - 1}]", grid.provenance(r, c_name, "一级指标汇总表"))
