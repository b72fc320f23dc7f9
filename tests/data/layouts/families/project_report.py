"""项目支出绩效自评报告 (docx): prose about one project, its 项目支出绩效自评表 attached (amounts in the form's unit).

The outline's ("indicators",) block expands to one paragraph per level-one group quoting every actual value;
the report restates the form's figures through `copies` (narrative.executed, narrative.total)."""

from __future__ import annotations

from lib.calc import D, money, num, plain
from lib.doc import Doc
from lib.expected import budget_of, declared_of, indicator_rows, project_entry, skeleton
from lib.forms import project_grid
from lib.narrative import indicator_paragraphs
from lib.textfill import context, fill


def blocks_of(spec: dict, form: dict) -> list[tuple]:
    unit = spec["money_unit"]
    total = form["funds"]["rows"][0]
    n = spec["narrative"]
    wan = D(total["full_year"]) / 10000 if unit == "元" else D(total["full_year"])
    ctx = context(spec, funds_wan=plain(wan), exec_text=money(n["executed"], unit == "元"), rate=f"{D(total['rate']):.2f}",
                  narr_total=plain(n["total"]))
    out = []
    for blk in spec["outline"]:
        if blk == ("indicators",):
            out += [("p", t) for t in indicator_paragraphs(form)]
        else:
            out += fill([blk], ctx)
    out += [("pagebreak",), ("label", "附件"), ("caption", "项目支出绩效自评表"),
            ("subtitle", f"（{form.get('year_label', spec['year'])}年度）"),
            ("table", project_grid(spec["project"], form, unit, sep=unit == "元")), ("small", spec["signature"])]
    return out


def render(spec: dict) -> Doc:
    form = spec["forms"][0]
    unit = spec["money_unit"]
    exp = skeleton(spec)
    exp["budget"] = budget_of(form["funds"], unit)
    exp["indicators"] = indicator_rows(form)
    exp["total_score"] = num(form["total"])
    exp["grade"] = spec["grade"]
    exp["project"] = project_entry(spec["project"], form, unit)
    exp["declared"] = declared_of(form, comparator_column=None)
    return Doc("docx", exp, blocks=blocks_of(spec, form))
