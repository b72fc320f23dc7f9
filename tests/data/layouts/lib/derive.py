"""Stated values derived from a specification's inputs, unless the specification pins them."""

from __future__ import annotations

from decimal import Decimal

from .calc import D, dsum, exec_score, grade_of, isnum, q2, rate
from .spec import get_path, set_path

NUMERIC = ("≥", "≤", "=", ">", "<")


def _is_set(d: dict, key: str) -> bool:
    return d.get(key) is not None


def computed_score(ind: dict) -> Decimal | None:
    """The score an indicator earns: full when met; weight × actual/target (≥, =) or target/actual (≤)."""
    w, cmp = D(ind["w"]), ind["cmp"]
    if cmp not in NUMERIC:
        return w if ind.get("met", True) else None
    if ind.get("av") is None:
        return None
    av, tv = D(ind["av"]), D(ind["tv"])
    if cmp in ("≤", "<"):
        return w if av <= tv else q2(w * tv / av)
    return w if av >= tv else q2(w * av / tv)


def derive_indicator(ind: dict) -> None:
    unit = ind.get("unit", "")
    if not _is_set(ind, "target") and ind["cmp"] in NUMERIC:
        ind["target"] = f"{ind.get('cmp_text', ind['cmp'])}{ind['tv']}{unit}"
    if "actual" not in ind:
        ind["actual"] = f"{ind['av']}{unit}" if ind.get("av") is not None else None
    if not _is_set(ind, "score"):
        s = computed_score(ind)
        if s is None:
            raise ValueError(f"{ind['name']}: give the score of an unmet qualitative or blank indicator")
        ind["score"] = s
    ind.setdefault("reason", "")


def derive_funds(funds: dict) -> None:
    """年度资金总额 = Σ sources per column; 执行率 = 执行数 / base column; 得分 = 分值 × 执行率."""
    total, subs = funds["rows"][0], funds["rows"][1:]
    for col in ("initial", "full_year", "executed"):
        if not _is_set(total, col) and subs and any(isnum(s.get(col)) for s in subs):
            total[col] = dsum(s.get(col) for s in subs)
    base = funds.get("base", "full_year")
    for row in funds["rows"]:
        if not _is_set(row, "rate") and (row is total or funds.get("sub_rates")) and isnum(row.get(base)) \
                and isnum(row.get("executed")) and D(row[base]) != 0:
            row["rate"] = rate(row["executed"], row[base])
    if not _is_set(total, "score"):
        total["score"] = exec_score(total["rate"], funds["weight"])


def derive_counts(spec: dict) -> None:
    """`counts`: a number of items the text states ('共设定5个绩效目标'), the list's length unless pinned."""
    for c in spec.get("counts", []):
        if not _is_set(c, "stated"):
            c["stated"] = len(spec[c["items_from"]])


def derive_sums(spec: dict) -> None:
    """Stated totals: `sums` (a total and its parts) and `item_totals` (a 合计 row under a list of items)."""
    for s in spec.get("sums", []):
        if not _is_set(s, "total"):
            s["total"] = dsum(s["parts"])
    for t in spec.get("item_totals", []):
        for col in t["cols"]:
            if not _is_set(t["total"], col):
                t["total"][col] = dsum(it.get(col) for it in spec[t["items_from"]])


def real(form: dict) -> list[dict]:
    """The indicator rows, without template rows left blank ('指标1：')."""
    return [i for i in form["indicators"] if not i.get("template_row")]


def derive_form(form: dict) -> None:
    """One 自评表: indicators, funds block, level-one weights, total and grade."""
    for ind in real(form):
        derive_indicator(ind)
    if form.get("funds"):
        derive_funds(form["funds"])
    weights = form.setdefault("level1_weights", {})
    for ind in real(form):
        if form.get("declare_level1"):
            weights.setdefault(ind["l1"], None)
    for l1 in list(weights):
        if weights[l1] is None:
            weights[l1] = dsum(i["w"] for i in real(form) if i["l1"] == l1)
    derive_summary(form)
    if not _is_set(form, "total"):
        if form.get("level1_summary"):
            form["total"] = dsum(r["score"] for r in form["level1_summary"])
        else:
            exec_part = form["funds"]["rows"][0]["score"] if form.get("funds") else 0
            form["total"] = dsum([exec_part] + [i["score"] for i in real(form)])
    if form.get("with_grade") and not _is_set(form, "grade"):
        form["grade"] = grade_of(form["total"])


def derive_summary(form: dict) -> None:
    """Level-one summary (一级指标 | 分值 | 得分 | 得分率) from the indicator rows."""
    for row in form.get("level1_summary", []):
        rows = [i for i in real(form) if i["l1"] == row["name"]]
        if not _is_set(row, "weight"):
            row["weight"] = dsum(i["w"] for i in rows)
        if not _is_set(row, "score"):
            row["score"] = dsum(i["score"] for i in rows)
        if not _is_set(row, "rate"):
            row["rate"] = rate(row["score"], row["weight"])


def derive_copies(spec: dict) -> None:
    """`copies`: [target, source] paths — a figure a report restates, equal to its source unless pinned."""
    for target, source in spec.get("copies", []):
        if get_path(spec, target) is None:
            set_path(spec, target, get_path(spec, source))


def derive_grade(spec: dict) -> None:
    """A report-level grade stated beside the total found at spec['grade_of']."""
    if spec.get("grade_of") and not _is_set(spec, "grade"):
        spec["grade"] = grade_of(get_path(spec, spec["grade_of"]))


def derive(spec: dict) -> dict:
    derive_sums(spec)
    derive_counts(spec)
    for form in spec.get("forms", []):
        derive_form(form)
    derive_copies(spec)
    derive_grade(spec)
    return spec
