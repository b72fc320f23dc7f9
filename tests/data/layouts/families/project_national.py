"""National 10号 项目支出绩效自评表 (one project per table), as a docx form or an attachment."""

from __future__ import annotations

from lib.calc import num
from lib.doc import Doc
from lib.expected import budget_of, declared_of, indicator_rows, project_entry, skeleton
from lib.forms import project_grid


def form_blocks(spec: dict, form: dict) -> list[tuple]:
    """Title, year, 填报单位 line, the table and the 填表人 line (the bare form as units file it)."""
    fill = spec["fill"]
    blocks = [("caption", "项目支出绩效自评表"), ("subtitle", f"（{form.get('year_label', spec['year'])}年度）")]
    if fill.get("unit_line"):
        blocks.append(("p_left", fill["unit_line"]))
    blocks.append(("table", project_grid(spec["project"], form, spec.get("money_unit", "万元"), spec.get("sep", False))))
    blocks += [("small", line) for line in fill.get("notes", [])]
    blocks.append(("small", fill["signature"]))
    return blocks


def render(spec: dict) -> Doc:
    form = spec["forms"][0]
    exp = skeleton(spec)
    exp["budget"] = budget_of(form["funds"], spec.get("money_unit", "万元"))
    exp["indicators"] = indicator_rows(form)
    exp["total_score"] = num(form["total"])
    exp["project"] = project_entry(spec["project"], form, spec.get("money_unit", "万元"))
    exp["declared"] = declared_of(form, comparator_column=None)
    return Doc("docx", exp, blocks=form_blocks(spec, form))
