"""Which kind of document this is: a report with forms, a form alone, a project form, an external
evaluation, or prose only — decided from the title, the forms found and the amount of prose."""

from __future__ import annotations

from jixiao.extract.grid import Grid
from jixiao.lazyre import lazy
from jixiao.model import DocumentKind, Report

_PROJECT_TITLE = lazy(r"项目(支出)?绩效(自评|自我评价)")
_FORM_TITLE = lazy(r"(自评表|评价表)$")
_PROJECT_HEADER = lazy(r"^(项目名称|项目全称)")
_PROJECT_OWNER = lazy(r"^(主管部门|实施单位|项目单位|预算单位|主管单位)")
_NOTE = lazy(r"^(注|说明|填表人|填报日期|联系电话|单位负责人|填报单位|备注)[:：0-9１-９.、]")
KIND_NAMES = {
    "department_report": "部门整体支出绩效自评报告", "department_form": "部门整体支出绩效自评表",
    "project_form": "项目支出绩效自评表", "project_report": "项目支出绩效自评报告",
    "external_report": "绩效评价报告（外部评价）", "narrative_report": "绩效自评报告（仅叙述）",
}
PROSE_PARAGRAPHS = 3  # long paragraphs that make a document a report rather than a form


def has_project_header(grid: Grid) -> bool:
    """A 项目支出绩效自评表's header: 项目名称 with 主管部门 or 实施单位 in the same table."""
    return names_a_project(grid) and grid.find(_PROJECT_HEADER.pattern) is not None and grid.find(_PROJECT_OWNER.pattern) is not None


def names_a_project(grid: Grid) -> bool:
    """Whether 项目名称 or 项目全称 is anywhere in the table: what a project header needs, tested before its cells are."""
    keys = grid.all_keys()
    return "项目名称" in keys or "项目全称" in keys


def prose_paragraphs(texts: list[str]) -> int:
    """Paragraphs of real prose: long, not a note, a signature line or a date."""
    return sum(1 for t in texts if len(t) >= 40 and not _NOTE.match(t))


def document_kind(report: Report, title: str, texts: list[str], project_form: bool) -> tuple[DocumentKind, list[str]]:
    """The kind and the reasons (Chinese) it was chosen."""
    prose = prose_paragraphs(texts)
    has_form = report.has_self_eval_table or report.has_basic_data_table
    prose_note = f"正文有 {prose} 段叙述" if prose else "除表格外几乎没有叙述"
    if report.report_kind == "external_evaluation":
        return "external_report", ["报告由评价组或第三方机构撰写，未称“自评”（外部评价报告）"]
    if project_form or _PROJECT_TITLE.search(title):
        why = "表头有“项目名称”及“主管部门/实施单位”" if project_form else f"标题“{title[:30]}”为项目支出绩效自评"
        if prose >= PROSE_PARAGRAPHS and not _FORM_TITLE.search(title):
            return "project_report", [why, prose_note + "（项目支出绩效自评报告）"]
        return "project_form", [why, prose_note + "（项目支出绩效自评表）"]
    if has_form:
        forms = "、".join(n for n, present in (("自评表", report.has_self_eval_table), ("基础数据表", report.has_basic_data_table)) if present)
        if prose >= PROSE_PARAGRAPHS and not _FORM_TITLE.search(title):
            return "department_report", [f"有{forms}", prose_note + "（部门整体支出绩效自评报告）"]
        return "department_form", [f"有{forms}", prose_note + "（单独填报的自评表）"]
    return "narrative_report", ["未见自评表或基础数据表", prose_note + "（仅有叙述的自评报告）"]
