"""Sentences a report writes about its figures, derived from the specification (never typed twice)."""

from __future__ import annotations

from .calc import D, dsum, money, num, plain
from .derive import real
from .expected import budget_of

CN = "一二三四五六七八九十"


def sums_of(spec: dict) -> dict:
    return {s["key"]: s for s in spec.get("sums", [])}


def m(x, sep: bool = True) -> str:
    return money(x, sep) + "万元"


def three_public_totals(tp: dict) -> tuple:
    return D(tp["prior"]), dsum(i["budget"] for i in tp["items"]), dsum(i["actual"] for i in tp["items"])


def three_public_sentence(spec: dict) -> str:
    tp = spec["three_public"]
    prior, budget, actual = three_public_totals(tp)
    change = "减少" if actual <= prior else "增加"
    parts = "，".join(f"{i['name']}{m(i['actual'])}（预算{m(i['budget'])}）" if D(i["budget"]) else f"{i['name']}0元"
                      for i in tp["items"])
    return (f"{spec['year']}年“三公”经费预算{m(budget)}，实际支出{m(actual)}，比上年决算{m(prior)}{change}{m(abs(actual - prior))}。"
            f"其中：{parts}。")


def indicator_paragraphs(form: dict) -> list[str]:
    """One paragraph per level-one group quoting every indicator's actual value."""
    out = []
    for l1 in dict.fromkeys(i["l1"] for i in form["indicators"]):
        rows = [i for i in form["indicators"] if i["l1"] == l1 and not i.get("template_row")]
        said = "；".join(f"{i['name']}{i['actual']}" for i in rows if i.get("actual"))
        out.append(f"{l1}完成情况：{said}。")
    return out


def level1_scores(form: dict) -> list[dict]:
    """Stated level-one scores: 预算执行率 then each group (weight = Σ of its rows)."""
    funds = form["funds"]
    out = [{"name": "预算执行率", "weight": num(funds["weight"]), "score": num(funds["rows"][0]["score"])}]
    for l1 in dict.fromkeys(i["l1"] for i in real(form)):
        rows = [i for i in real(form) if i["l1"] == l1]
        out.append({"name": l1, "weight": num(dsum(i["w"] for i in rows)), "score": num(dsum(i["score"] for i in rows))})
    return out


def level1_sentence(form: dict) -> str:
    parts = [f"{r['name']}得分{plain(D(str(r['score'])))}分（分值{r['weight']}分）" for r in level1_scores(form)]
    return "其中：" + "，".join(parts) + "。"


def budget_sentence(spec: dict, form: dict) -> str:
    b = budget_of(form["funds"], "万元")
    rows = form["funds"]["rows"]
    return (f"{spec['year']}年度年初预算数{m(rows[0]['initial'])}，全年预算数{m(rows[0]['full_year'])}，全年执行数"
            f"{m(rows[0]['executed'])}，预算执行率{b['execution_rate']:.2f}%。")


def numbered(items: list[str], style: str = "paren") -> list[str]:
    """'（一）…' or '1. …' numbering of list items."""
    items = [t if t.endswith(("。", "；")) else t + "。" for t in items]
    if style == "paren":
        return [f"（{CN[i]}）{t}" for i, t in enumerate(items)]
    return [f"{i + 1}.{t}" for i, t in enumerate(items)]
