"""The 部门整体支出绩效自评表: budget header, revenue/expenditure split, goals, indicator rows, total.

The form is recognised by its header cells (三级指标 with 分值/得分; 全年预算数 with 执行率), never
by its position in the document.  Columns are mapped from the header row's labels, so forms with
extra columns (计量单位, 指标性质) or another order read the same.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from jixiao.extract import numbers
from jixiao.extract.found import Collector, Found
from jixiao.extract.grid import Grid
from jixiao.lazyre import lazy
from jixiao.model import BudgetLine, Goal, Indicator

INDICATOR_COLUMNS = [
    ("level1", r"^一级指标"),
    ("level2", r"^二级指标"),
    ("name", r"^(三级指标|指标名称|绩效指标名称)"),
    ("direction", r"^(指标性质|指标方向|指标类型|计算符号|运算符号|符号)"),
    ("target", r"(年度指标值|年度目标值|指标值|目标值|预期值|预期目标值|^数值$)"),
    ("actual", r"(实际完成值|实际值|完成值|实际完成情况|实际完成)"),
    ("weight", r"^(分值|权重|指标分值|参考分值|标准分值|权重分值|满分值|指标权重)"),
    ("score", r"^((自评|实际|评价)?得分([（(]分[）)])?|评分|自评分)$"),
    ("deviation", r"(偏差|原因分析|改进措施|未完成原因)"),
    ("unit", r"^(计量单位|度量单位|单位)$"),
]
NAME_WORD = "指标"
"""What every label of the indicator name column holds (三级指标, 指标名称, 绩效指标名称): a table without it has no such header."""
FIGURE_WORDS = ("分", "权重")
"""One of them is in every label of the weight and the score columns (分值, 指标权重, 自评得分, 评分)."""
BUDGET_WORD = "预算"
"""What every label of the full-year and the initial budget columns holds."""
_SYMBOL = lazy(r"^(≥|≤|=|＝|═|﹦|≧|≦|>|<)")  # a comparator, alone in its cell or leading a target
NOT_APPLICABLE = lazy(r"^[-—–―/／\\、无]+$|^不适用$")
_DIRECTIONS = [
    (lazy(r"^(≥|>=|≧|＞＝|大于等于|不低于|不少于|正向|越大越好|高于|>)"), "≥"),
    (lazy(r"^(≤|<=|≦|＜＝|小于等于|不高于|不超过|反向|越小越好|低于|<)"), "≤"),
    (lazy(r"^(=|＝|═|﹦|等于)"), "="),
    (lazy(r"^定性"), "定性"),
]
BUDGET_COLUMNS = [
    ("initial", r"年初预算"),
    ("full_year", r"(全年预算|调整后预算|^预算数)"),
    ("executed", r"(全年执行|执行数|决算数)"),
    ("execution_weight", r"^分值"),
    ("execution_rate", r"执行率"),
    ("execution_score", r"^得分"),
]
SOURCES = ["一般公共预算", "政府性基金", "国有资本经营预算", "纳入专户管理的非税收入", "财政专户管理资金", "社会保险基金", "事业收入", "上年结转",
           "当年财政拨款", "财政拨款", "财政资金", "单位资金", "自有资金", "社会投入", "其他资金"]
_LEVEL1_WEIGHT = lazy(r"[（(]\s*(\d{1,6}(?:\.\d{1,6})?)\s*分\s*[）)]")
_TEMPLATE_ROW = lazy(r"^(指标|目标)\s*\d{1,2}\s*[:：]?$")  # a template's empty row ("指标1："), not a cut name
_TOTAL_ROW = lazy(r"^(总分|合计|总计|综合得分|总得分|自评得分|自评总分|评价得分|得分合计|合计得分)")
_FOOTER = lazy(r"^(填表人|填报人|填报日期|联系电话|单位负责人|注[:：0-9]|说明[:：]|备注[:：]|填表说明|财务负责人)")
# A 收支结构 cell: "其中：财政拨款：120" (label and figure in one cell), or a label whose figure is in the next cell.
_LABEL_VALUE = lazy(r"(其中:?|其中：?)?([\u4e00-\u9fa5（）()]{2,20}?)[:：]+(\d[\d,]{0,19}(?:\.\d{1,20})?)(?!\d)")
_LABEL_ALONE = lazy(r"(其中[:：]?)?[\u4e00-\u9fa5（）()]{2,20}[:：]?")


def is_self_eval_table(grid: Grid) -> bool:
    """A 自评表 (or its continuation): indicator header cells, or the 年度预算申请 header."""
    return _indicator_header(grid) is not None or _budget_header(grid) is not None


@functools.cache
def _any_role(patterns: tuple[str, ...]) -> re.Pattern:
    """One pattern matching where any role's does: a cell that is no label costs one search, not one per role."""
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def _columns(grid: Grid, r: int, spec: list[tuple[str, str]]) -> dict[str, int]:
    cols: dict[str, int] = {}
    any_role = _any_role(tuple(p for _, p in spec))
    keys = grid.keys(r)
    for c in grid.distinct(r):
        key = keys[c]
        if not any_role.search(key):
            continue
        for role, pattern in spec:
            if role not in cols and re.search(pattern, key):
                cols[role] = c
                break
    return cols


def _header(grid: Grid, spec: list[tuple[str, str]], needed: str, either: tuple[str, str]) -> tuple[int, dict[str, int]] | None:
    """The first row whose labels give the `needed` column and one of `either`, with its columns."""
    for r in range(grid.n_rows):
        cols = _columns(grid, r, spec)
        if needed in cols and (either[0] in cols or either[1] in cols):
            return r, cols
    return None


def _indicator_header(grid: Grid) -> tuple[int, dict[str, int]] | None:
    """The indicator header row and its columns (once per table: several readers ask)."""
    return grid.once("indicator_header", _find_indicator_header)


def _find_indicator_header(grid: Grid) -> tuple[int, dict[str, int]] | None:
    """A two-row header (年度指标值 over 符号 | 数值 | 度量单位) gives its columns from the second row, which
    names each one."""
    if NAME_WORD not in grid.all_keys():  # no name column can be labelled in this table
        return None
    header = _header(grid, INDICATOR_COLUMNS, "name", ("weight", "score"))
    if header is None or header[0] + 1 >= grid.n_rows or not _indicator_header_row(grid, header[0] + 1):
        return header
    r0, cols = header
    return r0 + 1, cols | _columns(grid, r0 + 1, INDICATOR_COLUMNS)


def column_labels(grid: Grid) -> dict[str, str]:
    """The indicator columns this form has, by role, with the header text as the form writes it."""
    header = _indicator_header(grid)
    return {role: grid.text(header[0], c) for role, c in header[1].items()} if header else {}


def _budget_header(grid: Grid) -> tuple[int, dict[str, int]] | None:
    """年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分; some forms have no 全年预算数 (年初预算数(A) / 全年执行数(B))."""
    return grid.once("budget_header", _find_budget_header)


def _find_budget_header(grid: Grid) -> tuple[int, dict[str, int]] | None:
    if BUDGET_WORD not in grid.all_keys():  # neither the full-year nor the initial budget column is labelled here
        return None
    return _header(grid, BUDGET_COLUMNS, "full_year", ("executed", "execution_rate")) or _header(grid, BUDGET_COLUMNS, "initial", ("executed", "execution_rate"))


def read_budget(grid: Grid, out: Collector, unit: str) -> None:
    """年度预算申请: the header row's columns read from the first row below it with figures."""
    header = _budget_header(grid)
    if header is None:
        return
    r0, cols = header
    for r in range(r0 + 1, min(r0 + 4, grid.n_rows)):
        if sum(numbers.number(grid.raw(r, c)) is not None for c in cols.values()) >= 2:
            for role, c in cols.items():
                _put_budget_value(grid, out, r, c, role, unit)
            _read_source_rows(grid, out, r + 1, cols, unit)
            return


def _read_source_rows(grid: Grid, out: Collector, start: int, cols: dict[str, int], unit: str) -> None:
    """The rows under 年度资金总额: by source (其中：当年财政拨款 | 上年结转资金 | 其他资金) read in the
    全年预算数 column (年初预算数 where the form has none), by kind (基本支出 | 项目支出) in 全年执行数."""
    first = min(cols.values())
    for r in range(start, min(start + 8, grid.n_rows)):
        label = next((grid.key(r, c) for c in reversed(grid.distinct(r)) if c < first and grid.key(r, c)), "")  # nearest the figures
        label = re.sub(r"^其中[:：]?", "", label)
        kind = next((k for k in ("基本支出", "项目支出") if label.startswith(k)), None)
        source = next((s for s in SOURCES if label.startswith(s)), None)
        if kind:
            c = cols.get("executed", cols.get("full_year"))
            value = numbers.number(grid.raw(r, c)) if c is not None else None
            _put_split(out, kind, numbers.wan(value, unit), grid.provenance(r, c, "自评表 支出结构")) if value is not None else None
        elif source:
            _read_line(grid, out, r, label, cols, unit)
            c = cols.get("full_year", cols.get("initial"))
            value = numbers.number(grid.raw(r, c))
            if value is not None and source not in out.report.budget.by_source:
                out.report.budget.by_source[source] = numbers.wan(value, unit)
                out.note(f"budget.by_source.{source}", grid.provenance(r, c, "自评表 资金来源"))
        else:
            return


def _read_line(grid: Grid, out: Collector, r: int, label: str, cols: dict[str, int], unit: str) -> None:
    """One source row with its 年初预算数, 全年预算数 and 全年执行数."""
    figures = {role: numbers.number(grid.raw(r, cols[role])) for role in ("initial", "full_year", "executed") if role in cols}
    line = BudgetLine(label=label, **{role: numbers.wan(v, unit) for role, v in figures.items() if v is not None})
    out.note(f"budget.lines[{len(out.report.budget.lines)}]", grid.provenance(r, min(cols.values()), "自评表 资金来源行"))
    out.report.budget.lines.append(line)


def _put_budget_value(grid: Grid, out: Collector, r: int, c: int, role: str, unit: str) -> None:
    raw = grid.raw(r, c)
    value = numbers.percent(raw) if role == "execution_rate" else numbers.number(raw)
    if value is None:
        return
    if role in ("initial", "full_year", "executed"):
        value = numbers.wan(value, unit)
    out.put(f"budget.{role}", Found(value, grid.provenance(r, c, "自评表 年度预算申请")))


def read_splits(grid: Grid, out: Collector, unit: str) -> None:
    """按收入性质分 / 按支出性质分: 'label：figure' in a cell, or label and figure cells, above the goals."""
    header = _indicator_header(grid)
    goals = grid.find(r"^(预期目标|年度总体目标)")
    end = min(header[0] if header else grid.n_rows, goals[0] if goals else grid.n_rows)
    for r in range(end):
        for c in grid.distinct(r):
            for label, value, where in _label_values(grid, r, c):
                _put_split(out, label, numbers.wan(value, unit), grid.provenance(*where, "自评表 收支结构"))


def _label_values(grid: Grid, r: int, c: int):
    key = grid.key(r, c)
    for m in _LABEL_VALUE.finditer(key):
        yield m.group(2), numbers.to_decimal(m.group(3)), (r, c)
    if _LABEL_ALONE.fullmatch(key):
        cc = grid.right_of(r, c)
        value = numbers.number(grid.raw(r, cc)) if cc is not None else None
        if value is not None:
            yield re.sub(r"^其中[:：]?|[:：]$", "", key), value, (r, cc)


def _put_split(out: Collector, label: str, value: Decimal, prov) -> None:
    if label.startswith("基本支出"):
        out.put("spending.basic", Found(value, prov))
    elif label.startswith("项目支出"):
        out.put("spending.project", Found(value, prov))
    else:
        for source in SOURCES:
            if label.startswith(source) and source not in out.report.budget.by_source:
                out.report.budget.by_source[source] = value
                out.note(f"budget.by_source.{source}", prov)


def read_goals(grid: Grid, out: Collector) -> None:
    """年度总体目标: the rows under a 预期目标 | 实际完成情况 header."""
    hit = grid.find(r"^(预期目标|项目年度目标|年度目标|年度绩效目标)$")
    if hit is None:
        return
    r0, c_expected = hit
    done = grid.find(r"^(实际完成情况|实际完成|年度目标完成情况|目标完成情况|完成情况)$", range(r0, r0 + 1))
    section = grid.key(r0, 0)
    for r in range(r0 + 1, grid.n_rows):
        expected = grid.text(r, c_expected)
        achieved = grid.text(r, done[1]) if done and done[1] != c_expected else None
        if _goals_end(grid, r, section if c_expected > 0 else None, expected, achieved):
            break
        if (expected and expected != achieved) or achieved:
            out.report.goals.append(Goal(expected=expected or None, achieved=achieved or None))
            out.note(f"goals[{len(out.report.goals) - 1}]", grid.provenance(r, c_expected, "自评表 年度总体目标"))


def _goals_end(grid: Grid, r: int, section: str | None, expected: str, achieved: str | None) -> bool:
    """The goals end at the next part of the form: another section label in the first column, a
    numbered sub-heading ("2.项目实施内容及过程概述"), the budget or indicator header, a note."""
    label = grid.key(r, 0)
    return (
        (section is not None and bool(label) and label != section)
        or (not achieved and bool(re.fullmatch(r"\d{1,2}\s*[.．、]\s*\S{2,20}", expected)))
        or _indicator_header_row(grid, r) or _budget_header(grid.rows(r, r + 1)) is not None
        or bool(_FOOTER.match(expected))
    )


def _indicator_header_row(grid: Grid, r: int) -> bool:
    text = grid.row_text(r)  # the words the labels need first: most rows are indicator rows, not headers
    if NAME_WORD not in text or not any(word in text for word in FIGURE_WORDS):
        return False
    cols = _columns(grid, r, INDICATOR_COLUMNS)
    return "name" in cols and ("weight" in cols or "score" in cols)


class IndicatorReader:
    """Reads 三级指标 rows across one or more tables (a form split by a page break)."""

    def __init__(self, out: Collector):
        self.out = out
        self.cols: dict[str, int] | None = None
        self.level1: str | None = None
        self.level2: str | None = None
        self.header_keys: list[str] = []

    def read(self, grid: Grid) -> None:
        header = _indicator_header(grid)
        start = 0
        if header is not None:
            start, self.cols = header[0] + 1, header[1]
            self.header_keys = grid.keys(header[0])
        if self.cols is None:
            return
        for r in range(start, grid.n_rows):
            if self._is_total(grid, r):
                self._read_total(grid, r)
                return
            if grid.keys(r) == self.header_keys or _indicator_header_row(grid, r):
                continue  # a header repeated after a page break
            if self._is_footer(grid, r):
                return
            self._read_row(grid, r)

    def _cell(self, grid: Grid, r: int, role: str) -> str:
        c = self.cols.get(role) if self.cols else None
        return grid.text(r, c) if c is not None else ""

    def _read_row(self, grid: Grid, r: int) -> None:
        if self._is_cut_row(grid, r):
            self._join_cut_row(grid, r)
            return
        level1 = self._cell(grid, r, "level1")
        if level1:
            self.level1, self.level2 = self._level1_name(level1, grid, r), None
        level2 = self._cell(grid, r, "level2")
        if level2:
            self.level2 = level2
        name = self._cell(grid, r, "name")
        if not name or re.fullmatch(r"[\d.]+", name):
            return
        if self._is_name_fragment(grid, r) and self.out.report.indicators and not _TEMPLATE_ROW.match(name):
            self.out.report.indicators[-1].name += name  # a row cut by a page break
            return
        self._append(grid, r, name)

    def _is_cut_row(self, grid: Grid, r: int) -> bool:
        """The first row of a table continued on the next page, without weight or score: the rest
        of the previous indicator's row, which the page break cut."""
        new_table = r > 0 and grid.origins[r][0] != grid.origins[r - 1][0]
        figures = self._cell(grid, r, "weight") or self._cell(grid, r, "score")
        return new_table and not figures and bool(self.out.report.indicators)

    def _join_cut_row(self, grid: Grid, r: int) -> None:
        last = self.out.report.indicators[-1]
        for role in ("name", "target", "actual", "deviation"):
            text = self._cell(grid, r, role)
            if text:
                setattr(last, role, (getattr(last, role) or "") + text)
        last.target_measure, last.actual_measure = numbers.measure(last.target), numbers.measure(last.actual)

    def _is_name_fragment(self, grid: Grid, r: int) -> bool:
        """Only the 三级指标 cell is filled: the rest of a name whose row a page break cut."""
        others = ("target", "actual", "weight", "score", "level1", "level2")
        return not any(self._cell(grid, r, role) for role in others if role in self.cols and self.cols[role] != self.cols["name"])

    def _level1_name(self, text: str, grid: Grid, r: int) -> str:
        m = _LEVEL1_WEIGHT.search(text)
        name = _LEVEL1_WEIGHT.sub("", text).strip()
        if m:
            self.out.report.level1_weights[name] = Decimal(m.group(1))
            self.out.note(f"level1_weights.{name}", grid.provenance(r, self.cols["level1"], "自评表 一级指标分值"))
        return name

    def _append(self, grid: Grid, r: int, name: str) -> None:
        target, actual = self._cell(grid, r, "target"), self._cell(grid, r, "actual")
        unit = self._cell(grid, r, "unit")
        unit = "" if NOT_APPLICABLE.match(unit) else unit
        declared = self._cell(grid, r, "direction")
        direction = direction_of(declared)
        if _SYMBOL.match(declared) and len(declared) <= 2 and target and not _SYMBOL.match(target):
            target = declared + target  # 符号 ≥ | 数值 3200 | 单位 平方米 → "≥3200平方米"
        i = len(self.out.report.indicators)
        ind = Indicator(
            level1=self.level1, level2=self.level2, name=name, direction=direction,
            target=_with_unit(target, unit), actual=_with_unit(actual, unit),
            weight=self._figure(grid, r, "weight", i), score=self._figure(grid, r, "score", i),
            deviation=self._cell(grid, r, "deviation") or None,
        )
        ind.target_measure, ind.actual_measure = numbers.measure(ind.target), numbers.measure(ind.actual)
        if direction in ("≥", "≤", "=") and ind.target_measure and ind.target_measure.comparator is None:
            ind.target_measure.comparator = direction  # declared in its own column: 指标性质 ≥ | 指标值 95 | 单位 %
        self.out.report.indicators.append(ind)
        for role, c in self.cols.items():
            if role in ("name", "target", "actual", "weight", "score", "deviation", "level1", "level2", "direction"):
                self.out.note(f"indicators[{i}].{role}", grid.provenance(r, c, "自评表 绩效指标行"))

    def _figure(self, grid: Grid, r: int, role: str, i: int) -> Decimal | None:
        """A weight or score; text that is not a figure is recorded as unread, never taken for a blank."""
        text = self._cell(grid, r, role)
        value = numbers.number(text)
        if value is None and text:
            self.out.report.unread[f"indicators[{i}].{role}"] = text
        return value

    def _is_footer(self, grid: Grid, r: int) -> bool:
        """The form's notes and signature lines under the table (注：…, 填表人：…), or one cell across the row."""
        first = next((grid.key(r, c) for c in grid.distinct(r) if grid.key(r, c)), "")
        return bool(_FOOTER.match(first)) or (len(grid.distinct(r)) == 1 and grid.width(r) > 3 and bool(first))

    def _is_total(self, grid: Grid, r: int) -> bool:
        first = next((grid.key(r, c) for c in grid.distinct(r) if grid.key(r, c)), "")
        return bool(_TOTAL_ROW.match(first))

    def _read_total(self, grid: Grid, r: int) -> None:
        c = self.cols.get("score") if self.cols else None
        value = numbers.number(grid.raw(r, c)) if c is not None else None
        if value is None:
            figures = [(cc, numbers.number(grid.raw(r, cc))) for cc in grid.distinct(r)]
            figures = [(cc, v) for cc, v in figures if v is not None and cc != self.cols.get("weight")]  # not the Σ 分值
            c, value = figures[-1] if figures else (None, None)
        if value is not None:
            self.out.put("total_score", Found(value, grid.provenance(r, c, "自评表 总分行")))


def direction_of(text: str) -> str | None:
    """The comparator a 指标性质 / 指标方向 cell declares: ≥ ≤ = or 定性 (定量 and 正负 words alone say nothing more)."""
    return next((symbol for pattern, symbol in _DIRECTIONS if pattern.match(text or "")), None)


def _with_unit(value: str, unit: str) -> str | None:
    if not value:
        return None
    if unit and not value.endswith(unit) and re.search(r"\d$", value):
        return value + unit
    return value
