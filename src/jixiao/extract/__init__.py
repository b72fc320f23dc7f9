"""Intermediate document → `Report`: find the forms by their header cells, then fill from the prose."""

from __future__ import annotations

import re

from jixiao.extract import basic_data, framework, kinds, labels, narrative, projects, scoring_notes, sections, self_eval_table, statements, summary_table, tasks, templates
from jixiao.extract.found import Collector, Found
from jixiao.extract.grid import Grid
from jixiao.extract.normalize import clean
from jixiao.ingest.document import SourceDocument
from jixiao.lazyre import lazy
from jixiao.model import Form, Level1Summary, Report


def extract(doc: SourceDocument) -> Report:
    """Build the typed report from a document; every value keeps its provenance."""
    report = Report(source=doc.path, format=doc.format, warnings=list(doc.warnings))
    title, text = _title_and_text(doc)
    report.report_kind = framework.report_kind(title, text)
    out = Collector(report)
    grids = logical_tables(doc)
    parts = projects.segments(grids)
    for part in parts:  # several project forms: each read on its own
        sub = Report(source=doc.path, format=doc.format)
        _read_forms(part, Collector(sub), doc)
        labels.read(part, Collector(sub))
        report.projects.append(projects.form_of(sub))
    if parts:
        projects.combine(report)
        labels.read(grids, out, only=("unit.name",))
    else:
        _read_forms(grids, out, doc)
        labels.read(grids, out)
    paras = narrative.paragraphs(doc)
    _read_prose(paras, out, grids)
    if report.project and report.project.implementer:  # a project form without a 填报单位 is filed by its 实施单位
        out.put("unit.name", Found(report.project.implementer, report.provenance["project.implementer"]))
    scoring_notes.read(grids, paras, out)
    _classify(doc, report, grids, title, text)
    return report


_FURNITURE = lazy(r"^\s*([-—–]?\s*\d{1,3}\s*[-—–]?|第\s*\d+\s*页.*|续表[:：]?|\d+\s*/\s*\d+)?\s*$")


def logical_tables(doc: SourceDocument) -> list[Grid]:
    """Table blocks as grids, a table continued after a page break joined to the one it continues.

    A table continues the previous one when only page furniture (page numbers, 续表, empty lines)
    stands between them, it has as many columns, and it starts on the next page (or pages are unknown).
    """
    grids: list[Grid] = []
    joinable = False
    for i, block in enumerate(doc.blocks):
        if block.table is None:
            joinable = joinable and bool(_FURNITURE.match(block.text))
            continue
        grid = Grid.of(i, block.table)
        if joinable and _continues(grids[-1], grid):
            grids[-1] = grids[-1].extend(grid)
        else:
            grids.append(grid)
        joinable = True
    return grids


def _continues(before: Grid, after: Grid) -> bool:
    last_page = before.origins[-1][2]
    pages_ok = last_page is None or after.page is None or after.page == last_page + 1
    return pages_ok and before.n_cols == after.n_cols


def money_unit(grid: Grid, doc: SourceDocument) -> str | None:
    """The unit a table declares for its amounts ('元' or '万元') in its first rows or in the line
    right above it ("单位：元"), or None when it declares none."""
    above = [clean(b.text) for b in doc.blocks[max(grid.block - 2, 0): grid.block] if b.table is None]
    text = "".join(above[-1:]) + "".join(grid.row_text(r) for r in range(min(grid.n_rows, 8)))
    if re.search(r"(单位[:：]?\s*元|[（(]元[）)])", text):
        return "元"
    return "万元" if "万元" in text else None


def _read_forms(grids: list[Grid], out: Collector, doc: SourceDocument) -> None:
    indicators = self_eval_table.IndicatorReader(out)
    unit = "万元"
    for grid in grids:
        unit = money_unit(grid, doc) or unit  # a table continued or nested keeps the unit declared before it
        if basic_data.is_basic_data_table(grid):
            out.report.has_basic_data_table = True
            out.report.forms.append(Form(kind="basic_data", block=grid.block))
            basic_data.read_staffing(grid, out)
            basic_data.read_money_rows(grid, out, unit)
        self_eval = self_eval_table.is_self_eval_table(grid)
        if self_eval:
            out.report.forms.append(Form(kind="self_evaluation", block=grid.block, columns=self_eval_table.column_labels(grid)))
        if self_eval or indicators.cols is not None:
            out.report.has_self_eval_table |= self_eval
            self_eval_table.read_budget(grid, out, unit)
            self_eval_table.read_splits(grid, out, unit)
            self_eval_table.read_goals(grid, out)
            tasks.read(grid, out, unit)
            indicators.read(grid)
        if summary_table.is_summary_table(grid):
            out.report.forms.append(Form(kind="level1_summary", block=grid.block))
            summary_table.read(grid, out)
    for grid in grids:
        out.put("grade", _cell_grade(grid))


def _cell_grade(grid: Grid) -> Found | None:
    """A grade written in a table cell ("绩效评价得分：90.94 等级：优").  The table's texts are searched as one
    first: a grade in a cell is a grade in the joined text, and most tables state none."""
    texts = [text for _, _, text in grid.cell_texts()]
    if narrative.grade([narrative.Paragraph(grid.block, grid.page, "\n".join(texts))]) is None:
        return None
    return narrative.grade([narrative.Paragraph(grid.block, grid.page, text) for text in texts])


def _read_prose(paras: list[narrative.Paragraph], out: Collector, grids: list[Grid]) -> None:
    unit = "元" if _prose_in_yuan(paras) else "万元"
    out.report.money_unit_in_doc = unit
    out.put("unit.name", narrative.unit_name(paras))
    out.put("unit.year", _year_from_forms(grids) or narrative.year(paras) or labels.title_year(grids) or labels.year_before_filing(grids, paras))
    out.prose("staffing.authorized", narrative.staffing_authorized(paras))
    out.prose("staffing.actual", narrative.staffing_actual(paras))
    for role, found in narrative.budget(paras, unit).items():
        out.prose(f"budget.{role}", found)
    out.prose("budget.execution_score", narrative.execution_score(paras))
    out.prose("spending.basic", narrative.spending(paras, "基本支出"))
    out.prose("spending.project", narrative.spending(paras, "项目支出"))
    for role, found in narrative.three_public(paras).items():
        out.prose(f"three_public.{role}", found)
    out.prose("total_score", narrative.total_score(paras, external=out.report.report_kind == "external_evaluation"))
    out.prose("grade", narrative.grade(paras))
    out.report.statements = statements.statements(paras)
    if not out.report.level1_summary:
        for name, score, found in narrative.level1_scores(paras):
            out.report.level1_summary.append(Level1Summary(name=name, score=score))
            out.note(f"level1_summary[{len(out.report.level1_summary) - 1}]", found.provenance)


def _prose_in_yuan(paras: list[narrative.Paragraph]) -> bool:
    text = "".join(p.text for p in paras)
    return len(re.findall(r"\d\s*元", text)) > len(re.findall(r"\d\s*万元", text))


_FORM_YEAR = lazy(r"(20\d{2})年(实际在职人数|决算数|预算数)")


def _year_from_forms(grids: list[Grid]) -> Found | None:
    """The latest year in a form header such as '2024年实际在职人数' or '2024年决算数' (in the first 12 rows
    of each table block, continued tables included)."""
    best = None
    for grid in (g for g in grids if _FORM_YEAR.search(g.all_keys())):  # the cells' text run together holds what a cell does
        for r in (r for r, origin in enumerate(grid.origins) if origin[1] < 12):
            for c in grid.distinct(r):
                key = grid.key(r, c)
                m = _FORM_YEAR.search(key) if "年" in key else None
                if m and (best is None or int(m.group(1)) > best.value):
                    best = Found(int(m.group(1)), grid.provenance(r, c, "基础数据表 表头年份"))
    return best


def _title_and_text(doc: SourceDocument) -> tuple[str, str]:
    text = "".join(clean(b.text) for b in doc.blocks if b.kind != "table")
    return title_of(doc), text


_TITLE_WORDS = lazy(r"报告|说明|评价|自评|绩效")


def title_of(doc: SourceDocument) -> str:
    """The document's title: the first of its opening lines (or a form's first row) that names
    a report or a form, else its first line."""
    lines = []
    for block in doc.blocks[:8]:
        if block.table is not None:
            grid = Grid.of(0, block.table)
            lines += [grid.text(r, c) for r in range(min(grid.n_rows, 2)) for c in grid.distinct(r)][:1]
        elif block.text.strip():
            lines.append(clean(block.text))
    return next((t for t in lines if _TITLE_WORDS.search(t) and len(t) <= 60), lines[0] if lines else "")


def _classify(doc: SourceDocument, report: Report, grids: list[Grid], title: str, text: str) -> None:
    report.framework = framework.framework(report, text)
    report.sections = sections.outline(doc)
    report.problems = sections.items_under(doc, report.sections, sections.PROBLEMS)
    report.measures = sections.items_under(doc, report.sections, sections.MEASURES)
    labels.form_sections(grids, report)
    paras = [clean(b.text) for b in doc.blocks if b.kind != "table" and b.text.strip()]
    project_form = any(kinds.has_project_header(g) for g in grids)
    report.document_kind, why = kinds.document_kind(report, title, paras, project_form)
    template, reasons = templates.choose(report, title, text)
    report.template = template.name
    report.detection = [*why, f"模板“{template.title}”：" + "；".join(reasons)]
