"""Consistency checks on a derived specification: what a careful reviewer recomputes.

Each check returns keys ("exec_rate", "score:农村改厕户数", …).  A consistent (_ok) variant trips none;
a faulty variant trips exactly the keys its faults declare."""

from __future__ import annotations

import re
from decimal import Decimal

from .calc import D, dsum, exec_score, grade_of, isnum, rate
from .derive import NUMERIC, computed_score, real
from .spec import get_path

TOL = Decimal("0.01")
TEMPLATE = ("按照项目实际情况填写", "指标1：", "指标2：", "注：1.", "（如有", "请在此")


def _differs(a, b) -> bool:
    return abs(D(a) - D(b)) > TOL


def check_funds(funds: dict) -> list[str]:
    total, subs = funds["rows"][0], funds["rows"][1:]
    base = funds.get("base", "full_year")
    out = []
    for col in ("initial", "full_year", "executed"):
        vals = [s.get(col) for s in subs if isnum(s.get(col))]
        if vals and isnum(total.get(col)) and _differs(total[col], dsum(vals)):
            out.append(f"funds_sum:{col}")
    true_rate = rate(total["executed"], total[base]) if D(total[base]) else None
    if true_rate is not None and _differs(total["rate"], true_rate):
        out.append("exec_rate")
    if _differs(total["score"], exec_score(total["rate"], funds["weight"])):
        out.append("exec_score")
    if true_rate is not None and true_rate < 60:
        out.append("low_execution")
    for row in funds["rows"]:
        b, ex = row.get(base), row.get("executed")
        if not (isnum(b) and isnum(ex)):
            continue
        if D(ex) > D(b):
            out.append(f"overspend:{row['label']}")
        if row is not total and isnum(row.get("rate")) and D(b) and _differs(row["rate"], rate(ex, b)):
            out.append(f"sub_rate:{row['label']}")
    return out


def check_indicator(ind: dict, has_actuals: bool = True) -> list[str]:
    name, w, s = ind["name"], D(ind["w"]), D(ind["score"])
    out = []
    if s > w:
        out.append(f"over_weight:{name}")
    if has_actuals and ind.get("actual") in (None, "") and s > 0:
        out.append(f"blank_actual:{name}")
    expected = computed_score(ind)
    if ind["cmp"] in NUMERIC and expected is not None and _differs(s, expected):
        out.append(f"score:{name}")
    if ind["cmp"] not in NUMERIC and not ind.get("met", True) and s == w:
        out.append(f"score:{name}")
    if s < w and not ind.get("reason"):
        out.append(f"no_reason:{name}")
    return out


def check_form(form: dict) -> list[str]:
    out = []
    funds = form.get("funds")
    if funds:
        out += check_funds(funds)
    for ind in real(form):
        out += check_indicator(ind, not form.get("no_actuals"))
    for l1, w in form.get("level1_weights", {}).items():
        if _differs(w, dsum(i["w"] for i in real(form) if i["l1"] == l1)):
            out.append(f"l1_weight:{l1}")
    exec_w = funds["weight"] if funds else 0
    if form.get("weights_total", 100) and _differs(dsum([exec_w] + [i["w"] for i in real(form)]), form.get("weights_total", 100)):
        out.append("weights_100")
    out += check_summary(form)
    if form.get("grade") and form["grade"] != grade_of(form["total"]):
        out.append("grade")
    return out


def check_summary(form: dict) -> list[str]:
    summary = form.get("level1_summary")
    out = []
    if summary:
        for row in summary:
            rows = [i for i in real(form) if i["l1"] == row["name"]]
            if rows and _differs(row["score"], dsum(i["score"] for i in rows)):
                out.append(f"l1_score:{row['name']}")
            if rows and _differs(row["weight"], dsum(i["w"] for i in rows)):
                out.append(f"l1_weight:{row['name']}")
            if _differs(row["rate"], rate(row["score"], row["weight"])):
                out.append(f"l1_rate:{row['name']}")
            if D(row["score"]) > D(row["weight"]):
                out.append(f"over_weight:{row['name']}")
        if _differs(form["total"], dsum(r["score"] for r in summary)):
            out.append("total")
    else:
        exec_part = form["funds"]["rows"][0]["score"] if form.get("funds") else 0
        if _differs(form["total"], dsum([exec_part] + [i["score"] for i in real(form)])):
            out.append("total")
    return out


def check_sums(spec: dict) -> list[str]:
    out = [f"sum:{s['key']}" for s in spec.get("sums", []) if _differs(s["total"], dsum(s["parts"]))]
    for t in spec.get("item_totals", []):
        out += [f"items:{t['key']}:{col}" for col in t["cols"]
                if isnum(t["total"][col]) and _differs(t["total"][col], dsum(it.get(col) for it in spec[t["items_from"]]))]
    return out


def check_cross(spec: dict) -> list[str]:
    """`same`: pairs of paths stating one quantity twice; `three_public`: items and total within budget."""
    out = [f"same:{a}" for a, b in spec.get("same", []) + spec.get("copies", []) if _differs(get_path(spec, a), get_path(spec, b))]
    if spec.get("grade_of") and spec["grade"] != grade_of(get_path(spec, spec["grade_of"])):
        out.append("grade")
    for c in spec.get("counts", []):
        if int(c["stated"]) != len(spec[c["items_from"]]):
            out.append(f"count:{c['key']}")
    tp = spec.get("three_public")
    if tp:
        for it in tp["items"]:
            if D(it["actual"]) > D(it["budget"]):
                out.append(f"overspend:{it['name']}")
        if dsum(i["actual"] for i in tp["items"]) > dsum(i["budget"] for i in tp["items"]):
            out.append("overspend:三公经费")
    return out


def check_text(text: str, year: int) -> list[str]:
    """Template phrases left in, and a form subtitle '（YYYY年度）' of another year."""
    out = [f"template:{t}" for t in TEMPLATE if t in text]
    years = {int(y) for y in re.findall(r"[（(]\s*(\d{4})\s*年度\s*[)）]", text)}
    if years - {year}:
        out.append("year")
    return out


def check_spec(spec: dict, text: str) -> list[str]:
    keys = check_sums(spec) + check_cross(spec) + check_text(text, spec["year"])
    for form in spec.get("forms", []):
        keys += check_form(form)
    return sorted(set(keys))
