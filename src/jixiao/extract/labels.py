"""Labelled values in form cells: a label cell with its value to the right (预算单位名称 | X), or
label and value in one cell ("填报单位：X", "总分：83", "自评等级：良"); the 项目支出绩效自评表 header
(项目名称, 主管部门, 实施单位); the year of a form's title row ("（2024年度）") or before its 填报日期."""

from __future__ import annotations

import functools
import re

from jixiao.extract import narrative, numbers
from jixiao.extract.found import Collector, Found
from jixiao.extract.grid import Grid
from jixiao.lazyre import lazy
from jixiao.model import Location, Project, Provenance, Report

# (path, label, how the value is read, where: "both" — the cell to the right or after a colon in
# the same cell; "inline" — only after a colon).  Earlier entries win: 预算单位名称 before 单位名称.
LABELS = [
    ("unit.name", r"预算单位名称|部门（单位）名称|部门\(单位\)名称", "org", "both"),
    ("unit.name", r"(?:预算)?(?:部门|单位)名称|填报单位|部门（单位）", "org", "both"),
    ("project.name", r"项目名称|项目全称", "text", "both"),
    ("project.department", r"主管部门|主管单位", "org", "both"),
    ("project.implementer", r"(?:项目)?实施单位|项目单位", "org", "both"),
    ("grade", r"(?:评价|自评|综合评价|绩效评价)?(?:等级|等次|结果等级)", "grade", "both"),
    ("total_score", r"(?:自评|评价|综合)?(?:总得分|得分合计|综合得分|自评得分|合计得分)", "number", "both"),
    ("total_score", r"(?:自评)?总分", "number", "inline"),  # a 总分 row's right cell is Σ 分值
]
_NEXT_LABEL = lazy(r"\s*(填报日期|填表人|联系电话|单位负责人|填报单位|金额单位|单位[:：]|日期|电话|盖章|（盖章）|\(盖章\))")
_MAX_CELL = 200


def read(grids: list[Grid], out: Collector, only: tuple[str, ...] = ()) -> None:
    """Every labelled value (or those of the paths in `only`), the first one found for each path winning."""
    candidates: dict[int, list[tuple[int, int, str]]] = {}
    for path, label, how, where in LABELS:
        if only and path not in only:
            continue
        for k, grid in enumerate(grids):
            if k not in candidates:
                candidates[k] = _candidates(grid)
            found = _labelled(grid, candidates[k], label, how, where)
            if found is not None:
                _put(out, path, found)
                break


_ANY_LABEL = lazy("|".join(f"(?:{label})" for _, label, _, _ in LABELS))


def _candidates(grid: Grid) -> list[tuple[int, int, str]]:
    """The cells (row, column, text) that start with some label, in reading order: each label's
    patterns are anchored at its start, so the other cells are looked at once, not once per label."""
    found = []
    for r, c, text in grid.cell_texts():
        key = text[:_MAX_CELL]
        if _ANY_LABEL.match(key) or (" " in key and _ANY_LABEL.match(key.replace(" ", ""))):
            found.append((r, c, key))
    return found


def _put(out: Collector, path: str, found: Found) -> None:
    if path.startswith("project.") and out.report.project is None:
        out.report.project = Project()
    out.put(path, found)


@functools.cache
def _label_patterns(label: str) -> tuple[re.Pattern, re.Pattern]:
    """The label alone in its cell (value to the right), and the label with its value after a colon."""
    return re.compile(rf"^(?:{label})(?:[（(][^）)]{{0,10}}[）)])?[:：]?$"), re.compile(rf"^(?:{label})[:：]\s*(.+)$")


def _labelled(grid: Grid, cells: list[tuple[int, int, str]], label: str, how: str, where: str) -> Found | None:
    alone, together = _label_patterns(label)
    for r, c, key in cells:
        if where == "both" and alone.match(key.replace(" ", "")):
            cc = grid.right_of(r, c)
            value = _value(grid.text(r, cc), how) if cc is not None else None
            if value is not None:
                return Found(value, grid.provenance(r, cc, f"表格 {key}"))
        m = together.match(key)
        value = _value(_NEXT_LABEL.split(m.group(1))[0], how) if m else None
        if value is not None:
            return Found(value, grid.provenance(r, c, f"表格 {key[:12]}"))
    return None


def _value(text: str, how: str):
    text = text.strip(" ：:")
    if not text or _NEXT_LABEL.match(text):
        return None
    if how == "grade":
        return narrative.GRADES.get(text.strip("“”\"「」"))
    if how == "number":
        return numbers.number(text)
    if how == "org" and (len(text) > 40 or not re.search(r"[\u4e00-\u9fa5]{2}", text)):
        return None
    return text if len(text) <= 80 else None


_TITLE_YEAR = lazy(r"[（(]\s*(20\d{2})\s*年度?\s*[）)]|^(20\d{2})\s*年度")
_FILED = lazy(r"填报日期[:：]?\s*(20\d{2})\s*年")


def title_year(grids: list[Grid]) -> Found | None:
    """'（2024年度）' in the first rows of a form (a bare form's title is a cell of its sheet)."""
    for grid in grids:
        for r in range(min(grid.n_rows, 3)):
            for c in grid.distinct(r):
                m = _TITLE_YEAR.search(grid.text(r, c)[:_MAX_CELL])
                if m:
                    return Found(int(m.group(1) or m.group(2)), grid.provenance(r, c, "表格标题中的年度"))
    return None


def year_before_filing(grids: list[Grid], paras: list[narrative.Paragraph]) -> Found | None:
    """The year before the 填报日期: a self-evaluation is filed in the year after the one it evaluates."""
    for grid in grids:
        for r in range(grid.n_rows):
            for c in grid.distinct(r):
                m = _FILED.search(grid.text(r, c)[:_MAX_CELL])
                if m:
                    return Found(int(m.group(1)) - 1, grid.provenance(r, c, "填报日期的上一年"))
    for p in paras:
        m = _FILED.search(p.text[:_MAX_CELL])
        if m:
            loc = Location(block=p.block, start=m.start(), end=m.end(), page=p.page)
            return Found(int(m.group(1)) - 1, Provenance(location=loc, text=m.group(0), method="填报日期的上一年"))
    return None


_PROBLEMS = lazy(r"^(存在(的)?(主要)?问题|问题及原因|主要问题)$")
_MEASURES = lazy(r"^(改进措施|下一步改进措施|整改措施|改进建议|有关建议)$")
_SECTION_ROWS = ((_PROBLEMS, ("问题",)), (_MEASURES, ("措施", "建议")))
"""Each row label's pattern with the words one of which every label it matches holds."""


def form_sections(grids: list[Grid], report: Report) -> None:
    """存在问题 | … and 改进措施 | … written as rows of a form, where the prose has no such sections."""
    for (pattern, words), items in zip(_SECTION_ROWS, (report.problems, report.measures)):
        if items:
            continue
        for grid in (g for g in grids if any(word in g.all_keys() for word in words)):
            hit = grid.find(pattern.pattern)
            c = grid.right_of(*hit) if hit else None
            if c is not None:
                items.append(grid.text(hit[0], c)[:_MAX_CELL * 5])
                break
