"""Expected JSON in the gold format of shared/gold, plus the layout keys (document_kind, findings, …)."""

from __future__ import annotations

from .calc import num, wan

FRAMEWORK_3 = "output_outcome_satisfaction"
FRAMEWORK_53 = "input_process_output_outcome"


def indicator_rows(form: dict) -> list[dict]:
    """Every 三级指标 row as the gold lists it: plain level-one name, target and actual as written."""
    return [{"level1": i["l1"], "level2": i["l2"], "name": i["name"], "target": i.get("target"),
             "actual": i.get("actual") or None, "weight": num(i["w"]), "score": num(i["score"])}
            for i in form["indicators"] if not i.get("template_row")]


def skeleton(spec: dict, unit_name: str | None = None) -> dict:
    """Every gold key with null values: a family fills in what its document states."""
    return {
        "unit": {"name": unit_name or spec["unit"], "year": spec["year"]},
        "framework": spec.get("framework", FRAMEWORK_3),
        "report_kind": spec.get("report_kind", "self_evaluation"),
        "money_unit_in_doc": spec.get("money_unit", "万元"),
        "staffing": {"authorized": None, "actual": None},
        "budget": {"initial": None, "full_year": None, "executed": None, "execution_rate": None, "execution_score": None},
        "spending": {"basic": None, "project": None},
        "three_public": {"prior_actual": None, "budget": None, "actual": None},
        "indicators": [],
        "level1_summary": [],
        "total_score": None,
        "grade": None,
    }


def budget_of(funds: dict, unit: str) -> dict:
    """The gold budget block from a 年度资金总额 row."""
    t = funds["rows"][0]
    return {"initial": wan(t.get("initial"), unit), "full_year": wan(t.get("full_year"), unit),
            "executed": wan(t.get("executed"), unit), "execution_rate": num(t.get("rate")),
            "execution_score": num(t.get("score"))}


def project_funds(funds: dict, unit: str) -> dict:
    """A project's 项目资金 block: the 年度资金总额 row and one row per source."""
    t = funds["rows"][0]
    out = {"initial": wan(t.get("initial"), unit), "full_year": wan(t.get("full_year"), unit),
           "executed": wan(t.get("executed"), unit), "weight": num(funds["weight"]),
           "execution_rate": num(t.get("rate")), "score": num(t.get("score"))}
    out["sources"] = [{"label": r["label"], "initial": wan(r.get("initial"), unit), "full_year": wan(r.get("full_year"), unit),
                       "executed": wan(r.get("executed"), unit), "execution_rate": num(r.get("rate"))}
                      for r in funds["rows"][1:]]
    return out


def project_entry(spec_project: dict, form: dict, unit: str) -> dict:
    return {"name": spec_project["name"], "department": spec_project.get("department"),
            "implementer": spec_project.get("implementer"), "funds": project_funds(form["funds"], unit),
            "indicators": indicator_rows(form), "total_score": num(form["total"])}


def declared_of(form: dict, **extra) -> dict:
    """What the form itself states about scoring."""
    out = {"level1_weights": {k: num(v) for k, v in form["level1_weights"].items()} if form.get("declare_level1") else None,
           "execution_weight": num(form["funds"]["weight"]) if form.get("funds") else None,
           "weight_column": form.get("weight_column", "分值")}
    out.update(extra)
    return out
