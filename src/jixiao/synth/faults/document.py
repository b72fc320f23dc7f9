"""Faults in the document as a whole: the text against its forms (cross reference, 前后一致), sections
and fields (completeness, 完整性), and figures the unit typed that break a rule of budget management
(compliance, 合规: injected into the filing, the report built again)."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from jixiao.compose import prose
from jixiao.compose import workbook as wb
from jixiao.compose.figures import figure, money
from jixiao.synth.draft import Draft, Fault
from jixiao.synth.faults.registry import fault
from jixiao.synth.truth import stated

# ---------------------------------------------------------------------------------------------
# cross reference (前后一致)


@fault("text_form_mismatch", "cross_reference")
def text_form_mismatch(d: Draft) -> Fault | None:
    b = d.report.budget
    if not d.has_forms or not d.plan.compose.headings or d.plan.family != "department" or b.executed is None:
        return None
    wrong = b.executed + Decimal(d.rng.randint(100, 9000)) / 100
    d.edits.append((f"{money(b.executed)}万元", f"{money(wrong)}万元"))
    return Fault("text_form_mismatch", "cross_reference", ["XR201", "AR101"], "budget", "正文 预算执行情况",
                 f"正文写全年执行数 {money(wrong)} 万元，自评表为 {money(b.executed)} 万元")


@fault("form_year_mismatch", "cross_reference")
def form_year_mismatch(d: Draft) -> Fault | None:
    year = d.report.unit.year
    if not d.has_forms or not d.plan.compose.headings or year is None or d.plan.kind == "external_report":
        return None
    wrong = year + d.rng.choice([-1, 1])
    d.edits.append((f"（{year}年度）", f"（{wrong}年度）"))
    return Fault("form_year_mismatch", "cross_reference", ["XR206"], "unit.year", "附表标题年度",
                 f"附表标题写（{wrong}年度），报告评价年度 {year}")


@fault("basic_data_vs_form", "cross_reference")
def basic_data_vs_form(d: Draft) -> Fault | None:
    rows = [r for r in d.report.basic_data if r.section == "project"]
    room = {id(r): r.actual - r.budget * Decimal("0.85") for r in rows[1:] if r.actual and r.budget}  # stays ≥ 85 % executed
    items = [r for r in rows[1:] if room.get(id(r), 0) >= 1]
    if not d.has_basic_data or not items or not rows[0].label.startswith("项目支出") or rows[0].actual is None:
        return None
    item = d.rng.choice(items)
    delta = min(Decimal(d.rng.randint(100, 2000)) / 100, room[id(item)].quantize(Decimal("0.01")))
    item.actual -= delta
    rows[0].actual -= delta
    label = item.label.split("、", 1)[-1]
    return Fault("basic_data_vs_form", "cross_reference", ["XR207", "XR202", "XR201", "AR115"], "基础数据表:项目支出", "基础数据表 项目支出",
                 f"基础数据表项目支出少写 {money(delta)} 万元（{label}），与自评表、正文不符", ["spending", f"基础数据表:{item.label}", "报告正文"])


# ---------------------------------------------------------------------------------------------
# before the report is built: figures the builder derives others from (编制, 三公, 预算)


@fault("staff_over_authorized", "compliance")
def staff_over_authorized(d: Draft) -> Fault | None:
    f = d.built.filing
    if f.authorized is None or f.actual_staff is None or "staffing" not in stated(d.plan):
        return None
    f.actual_staff = f.authorized + d.rng.randint(1, 6)
    d.rebuild()
    return Fault("staff_over_authorized", "compliance", ["CP501", "AR112"], "staffing", "人员编制情况",
                 f"实有在职 {f.actual_staff} 人，超过编制 {f.authorized} 名")


@fault("three_public_over_budget", "compliance")
def three_public_over_budget(d: Draft) -> Fault | None:
    f = d.built.filing
    rows = [r for r in f.three_public if r.budget]
    if not d.has_basic_data or not rows or d.report.three_public.budget is None:
        return None
    row = max(rows, key=lambda r: r.budget)
    total_budget = sum((r.budget for r in f.three_public if r.budget), Decimal(0))
    others = sum((r.actual for r in f.three_public if r.actual and r is not row), Decimal(0))
    row.actual = total_budget - others + Decimal(d.rng.randint(10, 300)) / 100
    d.rebuild()
    items = [f"基础数据表:{r.label}" for r in d.report.basic_data if r.section == "three_public"]  # where another fault hid the total's overrun
    return Fault("three_public_over_budget", "compliance", ["CP502", "CP503", "CP504"], "three_public", "“三公”经费",
                 f"{row.item}决算 {money(row.actual)} 万元，三公经费合计超过预算 {money(total_budget)} 万元", items)


@fault("low_execution", "compliance")
def low_execution(d: Draft) -> Fault | None:
    f = d.built.filing
    share = Decimal(d.rng.randint(70, 86)) / 100
    if d.plan.family == "project":
        for row in f.funds:
            row.executed = (row.full_year * share).quantize(Decimal("0.01"))
    elif d.plan.family == "department" and f.executed and f.full_year and f.general is not None:
        full_year = (f.executed / share).quantize(Decimal("0.01"))
        f.general += full_year - f.full_year
        if f.initial:  # the adjustment stays what it was
            f.initial = (f.initial * full_year / f.full_year).quantize(Decimal("0.01"))
        f.full_year = full_year
        rate = (f.executed / full_year * 100).quantize(Decimal("0.01"))
        for row in f.indicators:
            if row.name == "预算执行率":
                row.actual, row.deviation = rate, row.deviation or "部分项目年底前未完成支付，下年度加快执行进度"
    else:
        return None
    d.rebuild()
    forms = [f"项目“{p.project.name}” 年度预算执行" for p in d.built.parts if p.project]
    return Fault("low_execution", "compliance", ["CP506", "CP510", "CP512"], "budget", "预算执行率", f"预算执行率约 {figure(share * 100)}%，低于 90%",
                 ["total_score", *forms])


@fault("template_text_left", "completeness")
def template_text_left(d: Draft) -> Fault | None:
    inline = {key for key in wb.NARRATIVE if any(f"{{{key}}}" in text for text in d.plan.phrases.values())}  # inside a sentence
    keys = [n for g in d.plan.generators for n in prose.needs(g) if n in wb.NARRATIVE and n not in ("duties", "analysis", *inline)]
    if not keys:
        return None
    key = d.rng.choice(keys)
    d.built.filing.narrative[key] = d.rng.choice(["（请在此处填写相关情况）", "（此处填写具体情况）", "（如有，请在此说明。）"])
    return Fault("template_text_left", "completeness", ["CM604"], "报告正文/附表", "正文", f"“{wb.NARRATIVE[key].label}”处残留模板说明文字")


@fault("problems_left_blank", "completeness")
def problems_left_blank(d: Draft) -> Fault | None:
    if "problems" not in d.plan.generators:
        return None
    d.report.problems = ["无"]
    return Fault("problems_left_blank", "completeness", ["CM606"], "存在的问题", "存在的问题", "“存在的问题”只写“无”")


@fault("missing_section", "completeness")
def missing_section(d: Draft) -> Fault | None:

    t = d.plan.template
    required = [s for s in t.expects.sections if s.required]
    headings = list(d.plan.compose.headings)
    tops = [i for i, h in enumerate(headings) if h.level == 1 and re.search("问题|措施|建议", h.title)
            and any(w in h.title for s in required for w in s.any)]
    if not tops:
        return None
    start = d.rng.choice(tops)
    end = next((i for i in range(start + 1, len(headings)) if headings[i].level == 1), len(headings))
    title = headings[start].title
    compose = d.plan.compose.model_copy(update={"headings": tuple(headings[:start] + headings[end:])})
    d.plan = dataclasses.replace(d.plan, template=t.model_copy(update={"compose": compose}))
    return Fault("missing_section", "completeness", ["CM601", "CM606"], "报告提纲", "报告提纲", f"缺少“{title}”一节", ["存在的问题", "改进措施"])
