"""年度主要任务 of the 部门整体支出绩效自评表: 任务名称 | 主要内容 | 预算金额（总额 / 财政拨款 / 其他资金）,
and its 金额合计 row."""

from __future__ import annotations

import re

from jixiao.extract import numbers
from jixiao.extract.found import Collector
from jixiao.extract.grid import Grid
from jixiao.lazyre import lazy
from jixiao.model import Task

_HEADER = lazy(r"^任务名称")
_TOTAL = lazy(r"^(金额合计|合计|总计)")
_END = lazy(r"(年度预算|预算执行|年初预算|年度总体目标|绩效指标|预期目标)")
_COLUMNS = [("total", r"^(总额|合计|小计|预算金额)"), ("fiscal", r"^(财政拨款|当年财政拨款)"), ("other", r"^其他资金")]


def read(grid: Grid, out: Collector, unit: str) -> None:
    """The task rows under a 任务名称 header, and the 金额合计 row."""
    hit = grid.find(_HEADER.pattern)
    if hit is None:
        return
    r0, c_name = hit
    cols = _money_columns(grid, r0)
    if "total" not in cols:
        return
    for r in range(r0 + 1, grid.n_rows):
        name = grid.text(r, c_name)
        if _END.search(grid.text(r, 0)) and not name:
            break
        label = next((grid.key(r, c) for c in grid.distinct(r) if c <= c_name and _TOTAL.match(grid.key(r, c))), None)
        figures = {role: numbers.number(grid.raw(r, c)) for role, c in cols.items()}
        if label:
            out.report.tasks_total = _task(label, "", figures, unit)
            out.note("tasks_total", grid.provenance(r, cols["total"], "自评表 年度主要任务 金额合计"))
            return
        if name and name != grid.text(r0, c_name) and any(v is not None for v in figures.values()):
            out.note(f"tasks[{len(out.report.tasks)}]", grid.provenance(r, cols["total"], "自评表 年度主要任务"))
            out.report.tasks.append(_task(name, _content(grid, r, c_name, cols), figures, unit))


def _money_columns(grid: Grid, r0: int) -> dict[str, int]:
    """Money columns named in the header row or the row below it (预算金额 over 总额 | 财政拨款 | 其他资金)."""
    cols: dict[str, int] = {}
    for r in (r0 + 1, r0):
        if r >= grid.n_rows:
            continue
        for c in grid.distinct(r):
            for role, pattern in _COLUMNS:
                if role not in cols and re.search(pattern, grid.key(r, c)):
                    cols[role] = c
    return cols


def _content(grid: Grid, r: int, c_name: int, cols: dict[str, int]) -> str:
    first_money = min(cols.values())
    return next((grid.text(r, c) for c in grid.distinct(r) if c_name < c < first_money and grid.text(r, c)), "")


def _task(name: str, content: str, figures: dict, unit: str) -> Task:
    return Task(name=name, content=content or None, **{role: numbers.wan(v, unit) for role, v in figures.items() if v is not None})
