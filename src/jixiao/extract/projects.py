"""Several 项目支出绩效自评表 in one file — a workbook with a sheet per project, a document with one
form after another — each read on its own into a `ProjectForm`."""

from __future__ import annotations

from jixiao.extract.grid import Grid
from jixiao.extract.kinds import names_a_project
from jixiao.lazyre import lazy
from jixiao.model import Indicator, ProjectForm, Report

_NAME = lazy(r"^(项目名称|项目全称)")
_OWNER = lazy(r"^(主管部门|实施单位|项目单位|主管单位)")


def _header_rows(grid: Grid) -> list[int]:
    """Rows holding 项目名称 with 主管部门 or 实施单位 in it or in the next rows."""
    out: list[int] = []
    if not names_a_project(grid):
        return out
    for r in range(grid.n_rows):
        if any(_NAME.match(grid.key(r, c)) for c in grid.distinct(r)[:2]):
            near = range(r, min(r + 3, grid.n_rows))
            if any(_OWNER.match(grid.key(rr, c)) for rr in near for c in grid.distinct(rr)):
                out.append(_title_start(grid, r))
    return out


def _title_start(grid: Grid, r: int) -> int:
    """The form's own title rows above its header (one cell across: 项目支出绩效自评表, （2022年度）, 填报单位…)."""
    start = r
    while start > 0 and r - start < 3 and len({grid.key(start - 1, c) for c in grid.distinct(start - 1)} - {""}) <= 1:
        start -= 1
    return start


def segments(grids: list[Grid]) -> list[list[Grid]]:
    """The tables cut at every project form's start, one list of tables per form; [] for fewer than two forms."""
    cuts = [(g, r) for g, grid in enumerate(grids) for r in _header_rows(grid)]
    if len(cuts) < 2:
        return []
    out = []
    for (g, r), (g_next, r_next) in zip(cuts, [*cuts[1:], (len(grids), 0)]):
        if g == g_next:
            out.append([grids[g].rows(r, r_next)])
        else:
            out.append([grids[g].rows(r), *grids[g + 1: g_next], *([grids[g_next].rows(0, r_next)] if r_next else [])])
    return out


def form_of(sub: Report) -> ProjectForm:
    """The project form read into a report of its own."""
    return ProjectForm(
        project=sub.project or ProjectForm().project, budget=sub.budget, goals=sub.goals, indicators=sub.indicators,
        level1_weights=sub.level1_weights, total_score=sub.total_score, grade=sub.grade, forms=sub.forms,
        scoring_notes=sub.scoring_notes, unread=sub.unread, provenance=sub.provenance,
    )


def combine(report: Report) -> None:
    """The file-level view of its project forms: every indicator row, in order, with its provenance."""
    rows: list[Indicator] = []
    for k, form in enumerate(report.projects):
        for i, ind in enumerate(form.indicators):
            for key, prov in form.provenance.items():
                if key.startswith(f"indicators[{i}]."):
                    report.provenance[f"indicators[{len(rows)}]." + key.split(".", 1)[1]] = prov
            rows.append(ind)
        report.forms += form.forms
        report.scoring_notes += [n for n in form.scoring_notes if n not in report.scoring_notes]
        report.provenance.update({f"projects[{k}].{key}": prov for key, prov in form.provenance.items()})
    report.indicators = rows
    report.has_self_eval_table = bool(report.forms)
