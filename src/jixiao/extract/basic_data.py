"""The 部门整体支出绩效评价基础数据表: staffing, 三公经费, projects, 公用经费 over three columns.

Recognised by its header cells (编制数, or 三公经费 under 决算数/预算数 columns).  The three money
columns are identified by their labels and years: (Y-1)年决算数, Y年预算数, Y年决算数.
"""

from __future__ import annotations

from jixiao.extract import numbers
from jixiao.extract.found import Collector, Found
from jixiao.extract.grid import Grid
from jixiao.lazyre import lazy
from jixiao.model import DataRow

SECTIONS = [
    ("three_public", lazy(r"^三公经费")),
    ("project", lazy(r"^(项目支出|县级专项|专项资金)")),
    ("public_funds", lazy(r"^公用经费")),
    ("procurement", lazy(r"^政府采购")),
    ("basic_adjustment", lazy(r"^部门基本支出预算调整")),
]
_QUOTES = lazy(r"[“”\"‘’']")
_STOP = lazy(r"^(楼堂馆所|厉行节约|例行节约|说明|预算单位名称|年度预算申请|部门整体支出绩效自评表|绩效指标|填表人)")
_YEAR = lazy(r"(20\d{2})年?")
_AUTHORIZED = r"^(核定)?编制(数|人数)"


def is_basic_data_table(grid: Grid) -> bool:
    keys = grid.all_keys()  # the words the header cells need, looked for in the whole table first
    return ("编制" in keys and grid.find(_AUTHORIZED) is not None) or (
        "三公经费" in keys and grid.find(r"^三公经费") is not None and grid.find(r"(决算数|预算数)") is not None
    )


def read_staffing(grid: Grid, out: Collector) -> None:
    """编制数 / 实际在职人数 header cells and the figures in the row below."""
    hit = grid.find(_AUTHORIZED)
    if hit is None:
        return
    r0, _ = hit
    roles = {"authorized": _AUTHORIZED, "actual": r"(实际在职|在职人数|实有人数)", "control_rate": r"控制率"}
    for role, pattern in roles.items():
        col = grid.find(pattern, range(r0, r0 + 1))
        if col is None or r0 + 1 >= grid.n_rows:
            continue
        raw = grid.raw(r0 + 1, col[1])
        value = numbers.percent(raw) if role == "control_rate" else numbers.number(raw)
        if value is not None and (role == "control_rate" or value == value.to_integral_value()):
            value = value if role == "control_rate" else int(value)
            out.put(f"staffing.{role}", Found(value, grid.provenance(r0 + 1, col[1], "基础数据表 财政供养人员")))


def _money_columns(grid: Grid, r: int) -> dict[str, int] | None:
    """prior_actual / budget / actual columns from a '(Y-1)年决算数 | Y年预算数 | Y年决算数' row."""
    final, budget = [], []
    for c in grid.distinct(r):
        key = grid.key(r, c)
        year = _YEAR.search(key)
        if "决算" in key:
            final.append((int(year.group(1)) if year else 0, c))
        elif "预算" in key:
            budget.append(c)
    if not final or not budget:
        return None
    final.sort()
    cols = {"budget": budget[0], "actual": final[-1][1]}
    if len(final) > 1:
        cols["prior_actual"] = final[0][1]
    return cols


def read_money_rows(grid: Grid, out: Collector, unit: str) -> None:
    """Every labelled row below the money header, grouped into sections; 三公经费 total → three_public."""
    header = next(((r, cols) for r in range(grid.n_rows) if (cols := _money_columns(grid, r))), None)
    if header is None:
        return
    r0, cols = header
    section = None
    for r in range(r0 + 1, grid.n_rows):
        label = _QUOTES.sub("", grid.text(r, 0))
        if _STOP.match(label):
            break
        section = _section(label) or section
        if not label or section is None:
            continue
        row = DataRow(label=label, section=section, **_values(grid, r, cols, unit))
        out.report.basic_data.append(row)
        out.note(f"basic_data[{len(out.report.basic_data) - 1}]", grid.provenance(r, 0, "基础数据表 经费控制情况"))
        if section == "three_public" and _section(label) == "three_public":
            for role, c in cols.items():
                value = getattr(row, role)
                out.put(f"three_public.{role}", Found(value, grid.provenance(r, c, "基础数据表 三公经费合计")))


def _section(label: str) -> str | None:
    return next((name for name, pattern in SECTIONS if pattern.search(label)), None)


def _values(grid: Grid, r: int, cols: dict[str, int], unit: str) -> dict:
    values = {}
    for role, c in cols.items():
        value = numbers.number(grid.raw(r, c))
        values[role] = numbers.wan(value, unit) if value is not None else None
    return values
