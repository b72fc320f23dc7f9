"""Ground truth of a synthetic report: the values its document states, in the gold format of
`shared/gold` (the shape of `jixiao parse --format json`), null where the template states no value.

Values are as the document states them, injected mistakes included (finding those is the auditor's
job); where prose and a form state one figure differently, the form's value is kept.
"""

from __future__ import annotations

from jixiao.compose import prose
from jixiao.compose.outline import Plan
from jixiao.model import Report

INDICATOR_FIELDS = ("level1", "level2", "name", "target", "actual", "weight", "score")


def _needs(plan: Plan) -> set[str]:
    return {n for g in plan.generators for n in prose.needs(g)}


def stated(plan: Plan) -> set[str]:
    """The groups of values a document of `plan` states: budget, execution_score, spending, staffing,
    three_public (actual only, or all three columns with a 基础数据表), indicators, level1_summary, and the
    framework where its indicator groups are named."""
    attached, generators = set(plan.compose.attachments), set(plan.generators)
    forms = bool(attached & {"self_evaluation", "project"})
    out = {"budget"}
    if forms:
        out |= {"execution_score", "indicators"}
    if plan.kind == "external_report":
        out |= {"indicators", "level1_summary"}
    elif plan.states_group_scores:
        out.add("level1_summary")
    if "self_evaluation" in attached or "external_budget" in generators or {"basic_spending", "project_spending"} <= generators:
        out.add("spending")
    if "staffing" in _needs(plan) or "basic_data" in attached:
        out.add("staffing")
    if {"indicators", "level1_summary"} & out or "targets" in generators:  # the groups are named
        out.add("framework")
    if "basic_data" in attached:
        out.add("three_public_all")
    elif "three_public" in generators:
        out.add("three_public")
    return out


def truth(report: Report, plan: Plan) -> dict:
    """The gold record of the document `plan` writes for `report`."""
    says = stated(plan)
    data = report.model_dump(mode="json")
    b, tp = data["budget"], data["three_public"]
    gold = {
        "unit": data["unit"], "framework": data["framework"] if "framework" in says else "none", "report_kind": data["report_kind"],
        "document_kind": plan.kind, "template": plan.template.name, "money_unit_in_doc": "万元",
        "staffing": {k: data["staffing"][k] if "staffing" in says else None for k in ("authorized", "actual")},
        "budget": {k: b[k] if "budget" in says else None for k in ("initial", "full_year", "executed", "execution_rate")}
        | {"execution_score": b["execution_score"] if "execution_score" in says else None},
        "spending": {k: data["spending"][k] if "spending" in says else None for k in ("basic", "project")},
        "three_public": {k: tp[k] if "three_public_all" in says or (k == "actual" and "three_public" in says) else None
                         for k in ("prior_actual", "budget", "actual")},
        "indicators": [{k: i[k] for k in INDICATOR_FIELDS} for i in data["indicators"]] if "indicators" in says else [],
        "level1_summary": [{k: s[k] for k in ("name", "weight", "score")} for s in data["level1_summary"]] if "level1_summary" in says else [],
        "total_score": data["total_score"], "grade": data["grade"],
    }
    if report.projects:
        gold["projects"] = [{"name": p["project"]["name"], "budget": {k: p["budget"][k] for k in ("initial", "full_year", "executed", "execution_rate", "execution_score")},
                             "total_score": p["total_score"]} for p in data["projects"]]
    if plan.kind == "external_report":
        for row in gold["indicators"]:
            row["target"] = row["actual"] = None
    return gold
