"""Shared by the render tests: the example workbooks, and the comparison of a built report with the
report jixiao's own parser reads back from the rendered document — value by value, for what the
document states (a form states its cells; a report without forms states its figures in sentences)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from jixiao.compose.builders import load
from jixiao.compose.outline import Plan, plan
from jixiao.model import Report

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
INDICATOR_FIELDS = ("level1", "level2", "name", "target", "actual", "weight", "score")


def example(template: str) -> Path:
    return EXAMPLES / template / "填报示例.xlsx"


def example_built(template: str):
    chosen, built = load(example(template))
    assert built.errors == [] and chosen.template.name == template
    return built


def flat(text: str) -> str:
    """Output without whitespace: rich wraps long lines at the console width."""
    return re.sub(r"\s", "", text)


def docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/") and n.endswith(".xml"))


def _items(texts: list[str]) -> list[str]:
    return [t.rstrip("。；") for t in texts]


def _budget(r: Report, forms: bool) -> tuple:
    b = r.budget
    head = (b.initial, b.full_year, b.executed, b.execution_rate)
    return (*head, b.execution_weight, b.execution_score, b.by_source, [x.model_dump() for x in b.lines]) if forms else head


def stated(r: Report, p: Plan) -> dict:
    """The figures a rendered document of `p`'s template states, which `jixiao parse` must give back."""
    kind, attached = p.kind, set(p.compose.attachments)
    forms = bool(attached & {"self_evaluation", "project"})
    out: dict = {"unit": (r.unit.name, r.unit.year), "total": (r.total_score, r.grade)}
    if p.compose.headings:
        out |= {"problems": _items(r.problems), "measures": _items(r.measures)}
    if kind in ("project_form", "project_report"):
        out["projects"] = [(f.project, _budget(f, True), f.goals, f.total_score, f.level1_weights) for f in r.projects]
        out["project"] = r.project
    if forms or kind == "project_form":
        out |= {"budget": _budget(r, True), "goals": [(g.expected, g.achieved) for g in r.goals],
                "indicators": [tuple(getattr(i, f) for f in INDICATOR_FIELDS) for i in r.indicators], "level1_weights": r.level1_weights}
    else:
        out["budget"] = _budget(r, False)
    generators = set(p.generators)
    if "self_evaluation" in attached or "external_budget" in generators or {"basic_spending", "project_spending"} <= generators:
        out["spending"] = (r.spending.basic, r.spending.project)
    if "staffing" in {n for g in p.generators for n in _needs(g)} or "basic_data" in attached:
        s = r.staffing
        out["staffing"] = (s.authorized, s.actual, s.control_rate if "basic_data" in attached else None)
    if "three_public" in generators or "basic_data" in attached:
        tp = r.three_public
        out["three_public"] = (tp.prior_actual, tp.budget, tp.actual) if "basic_data" in attached else tp.actual
    if "basic_data" in attached:
        out["basic_data"] = [(d.label, d.prior_actual, d.budget, d.actual) for d in r.basic_data if d.section in ("three_public", "project", "public_funds")]
    if kind == "external_report":
        out["indicators"] = [(i.level1, i.level2, i.name, i.weight, i.score) for i in r.indicators]
        out["level1_summary"] = [(s.name, s.weight, s.score, s.score_rate) for s in r.level1_summary]
    elif p.states_group_scores:
        out["level1_summary"] = [(s.name, s.score) for s in r.level1_summary]
    return out


def _needs(generator: str) -> tuple[str, ...]:
    from jixiao.compose import prose

    return prose.needs(generator)


def assert_same(built: Report, parsed: Report, p: Plan) -> None:
    """Every figure the document states is read back as built; the reader sees the right kind and template."""
    expected, found = stated(built, p), stated(parsed, p)
    for key in expected:
        assert found[key] == expected[key], key
    assert (parsed.document_kind, parsed.template) == (p.kind, p.template.name)


def plan_of(template: str) -> Plan:
    return plan(template)
