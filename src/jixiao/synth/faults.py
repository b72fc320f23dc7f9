"""The faults `jixiao synth` injects on purpose, by rule category: each changes what the document
states in one place, the way a careless filer would, and names the rule codes that should raise it.

A fault is a function of a `Draft` that changes it and returns the `Fault` it made, or None where the
template does not state what it would change (a form-only fault on a report without forms).  Figures
a form derives from the changed one (a total from its scores, a grade from its total) are kept
consistent unless the fault is about them, so that one fault is one defect.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from decimal import Decimal

from jixiao.compose.figures import figure, money, plain
from jixiao.extract import numbers
from jixiao.model import Indicator, Report
from jixiao.synth.draft import Draft, Fault
from jixiao.synth.truth import stated

Inject = Callable[[Draft], Fault | None]
CATALOGUE: dict[str, tuple[str, Inject]] = {}
GRADES = ("优", "良", "中", "差")


def fault(kind: str, category: str):
    """Register an injector under its kind and rule category (`jixiao rules`)."""

    def register(func: Inject) -> Inject:
        CATALOGUE[kind] = (category, func)
        return func

    return register


def _quantitative(part: Report, met: bool = True) -> list[Indicator]:
    """Indicators with a figure target and actual (≥/≤ a number), met or not, with a score."""
    out = []
    for ind in part.indicators:
        t, a = ind.target_measure, ind.actual_measure
        if not (t and a and t.value is not None and a.value is not None and t.comparator in ("≥", "≤") and ind.score is not None):
            continue
        hit = a.value >= t.value if t.comparator == "≥" else a.value <= t.value
        if hit == met and ind.weight and ind.weight >= 2:
            out.append(ind)
    return out


def _measure(ind: Indicator, target: str | None = None, actual: str | None = None) -> None:
    if target is not None:
        ind.target, ind.target_measure = target, numbers.measure(target)
    if actual is not None:
        ind.actual, ind.actual_measure = actual, numbers.measure(actual)


def _where(prefix: str, text: str) -> str:
    return f"{prefix.removeprefix('项目:').rstrip('/')} {text}".strip()


# ---------------------------------------------------------------------------------------------
# arithmetic (计算)


@fault("execution_rate_wrong", "arithmetic")
def execution_rate_wrong(d: Draft) -> Fault | None:
    part, prefix = d.form()
    b = part.budget
    if b.execution_rate is None or b.executed is None or not b.full_year:
        return None
    delta = Decimal(d.rng.randint(15, 60)) / 10
    stated = b.execution_rate - delta
    b.execution_rate = stated
    d.sync()
    return Fault("execution_rate_wrong", "arithmetic", ["AR101", "AR102", "XR204", "SC312"], prefix + "budget", _where(prefix, "预算执行率"),
                 f"执行率写 {figure(stated)}%，按执行数 ÷ 全年预算数应为 {figure(stated + delta)}%",
                 [f"{prefix}指标:预算执行率", "total_score"])


@fault("spending_parts_mismatch", "arithmetic")
def spending_parts_mismatch(d: Draft) -> Fault | None:
    r = d.report
    if "spending" not in stated(d.plan) or r.spending.basic is None or r.spending.project is None or r.budget.executed is None:
        return None
    delta = Decimal(d.rng.randint(100, 3000)) / 100
    r.spending.basic += delta
    return Fault("spending_parts_mismatch", "arithmetic", ["AR103", "AR115"], "spending", "按支出性质分",
                 f"基本支出多写 {money(delta)} 万元，基本支出 + 项目支出 ≠ 全年执行数", ["报告正文"])


@fault("total_not_sum", "arithmetic")
def total_not_sum(d: Draft) -> Fault | None:
    part, prefix = d.form()
    if not d.has_forms or part.total_score is None or not part.indicators or None in [i.score for i in part.indicators]:
        return None
    delta = Decimal(d.rng.choice([-1, 1]) * d.rng.randint(50, 300)) / 100
    if part.total_score + delta > 100:
        delta = -abs(delta)
    part.total_score += delta
    codes = ["AR107", "AR108", "SC311"]
    if part.grade is not None and part.grade != _grade(d, part.total_score):
        codes.append("SC307")
    d.sync()
    return Fault("total_not_sum", "arithmetic", codes, prefix + "total_score", _where(prefix, "总分"),
                 f"总分写 {figure(part.total_score)} 分，与各项得分之和相差 {figure(abs(delta))} 分", [prefix + "grade"])


def _grade(d: Draft, total: Decimal) -> str | None:
    from jixiao.scoring.score import grade_of

    return grade_of(total, d.plan.profile)


@fault("sources_do_not_add_up", "arithmetic")
def sources_do_not_add_up(d: Draft) -> Fault | None:
    part, prefix = d.form()
    b = part.budget
    lines = [line for line in b.lines if line.full_year]
    keys = [k for k, v in b.by_source.items() if v]
    if not d.has_forms or not (lines or keys):
        return None
    delta = Decimal(d.rng.randint(100, 5000)) / 100
    if lines:  # a project form's source rows
        line = d.rng.choice(lines)
        line.full_year += delta
        key = line.label
    else:
        key = d.rng.choice(keys)
        b.by_source[key] += delta
    d.sync()
    return Fault("sources_do_not_add_up", "arithmetic", ["AR104"], prefix + "budget", _where(prefix, f"资金来源 {key}"),
                 f"{key}多写 {money(delta)} 万元，各来源之和 ≠ 年度资金总额")


@fault("execution_score_wrong", "arithmetic")
def execution_score_wrong(d: Draft) -> Fault | None:
    part, prefix = d.form()
    b = part.budget
    if b.execution_score is None or b.execution_weight is None or not d.has_forms:
        return None
    delta = Decimal(d.rng.randint(30, 150)) / 100
    b.execution_score = b.execution_score - delta
    d.regrade(part)
    d.sync()
    return Fault("execution_score_wrong", "arithmetic", ["AR102"], prefix + "budget", _where(prefix, "执行率得分"),
                 f"执行率得分少算 {figure(delta)} 分", [prefix + "total_score"])


@fault("three_public_total_wrong", "arithmetic")
def three_public_total_wrong(d: Draft) -> Fault | None:
    row = next((r for r in d.report.basic_data if r.label.startswith("三公经费") and r.actual), None)
    if not d.has_basic_data or row is None:
        return None
    delta = Decimal(d.rng.randint(20, 200)) / 100
    row.actual -= delta
    d.report.three_public.actual = row.actual
    return Fault("three_public_total_wrong", "arithmetic", ["AR111", "AR115", "XR201", "XR205"], "基础数据表:三公经费", "基础数据表 三公经费",
                 f"三公经费合计少写 {money(delta)} 万元，与明细之和不符", ["three_public", "报告正文"])


@fault("level1_score_not_sum", "arithmetic")
def level1_score_not_sum(d: Draft) -> Fault | None:
    summary = [s for s in d.report.level1_summary if s.score]
    if d.plan.kind != "external_report" or not summary:
        return None
    s = d.rng.choice(summary)
    delta = Decimal(d.rng.randint(50, 200)) / 100
    s.score -= delta
    return Fault("level1_score_not_sum", "arithmetic", ["AR118", "AR108", "AR109"], "level1_summary", f"一级指标得分表 {s.name}",
                 f"“{s.name}”得分少写 {figure(delta)} 分，与其下指标得分之和不符", ["total_score"])


# ---------------------------------------------------------------------------------------------
# scoring (评分)


@fault("score_above_weight", "scoring")
def score_above_weight(d: Draft) -> Fault | None:
    part, prefix = d.form()
    rows = [i for i in part.indicators if i.score is not None and i.weight]
    if not d.has_forms or not rows:
        return None
    ind = d.pick(rows)
    if ind is None:
        return None
    ind.score = ind.weight + d.rng.randint(1, 3)
    d.regrade(part)
    d.sync()
    return Fault("score_above_weight", "scoring", ["SC301", "SC304", "AR116", "AR118", "AR108"], f"{prefix}指标:{ind.name}", _where(prefix, ind.name),
                 f"得分 {figure(ind.score)} 超过分值 {figure(ind.weight)}", [prefix + "total_score", "level1_summary"])


@fault("full_marks_for_missed_target", "scoring")
def full_marks_for_missed_target(d: Draft) -> Fault | None:
    part, prefix = d.form()
    rows = [i for i in _quantitative(part) if i.score == i.weight]
    if not d.has_forms or not rows:
        return None
    ind = d.pick(rows)
    if ind is None:
        return None
    t = ind.target_measure
    step = max(t.value * Decimal(d.rng.randint(5, 15)) / 100, Decimal(1) if t.unit != "%" else Decimal("0.5"))
    value = t.value - step if t.comparator == "≥" else t.value + step
    value = value.quantize(Decimal("0.1")) if value != value.to_integral_value() else value
    _measure(ind, actual=f"{plain(value)}{t.unit or ''}")
    ind.deviation = None
    d.sync()
    return Fault("full_marks_for_missed_target", "scoring", ["SC303", "SC304"], f"{prefix}指标:{ind.name}", _where(prefix, ind.name),
                 f"目标{ind.target}，实际{ind.actual}，仍得满分 {figure(ind.score)}")


@fault("grade_mismatch", "scoring")
def grade_mismatch(d: Draft) -> Fault | None:
    part, prefix = d.form()
    if part.grade is None or part.total_score is None:
        return None
    wrong = d.rng.choice([g for g in GRADES if g != part.grade])
    right, part.grade = part.grade, wrong
    d.sync()
    return Fault("grade_mismatch", "scoring", ["SC307"], prefix + "grade", _where(prefix, "评价等级"),
                 f"总分 {figure(part.total_score)} 分应为“{right}”，写“{wrong}”")


@fault("missing_deviation_reason", "scoring")
def missing_deviation_reason(d: Draft) -> Fault | None:
    part, prefix = d.form()
    rows = [i for i in part.indicators if i.score is not None and i.weight and i.score < i.weight and i.deviation]
    if not d.has_forms or not rows or "deviation" not in _columns(part):
        return None
    ind = d.pick(rows)
    if ind is None:
        return None
    ind.deviation = None
    d.sync()
    return Fault("missing_deviation_reason", "scoring", ["SC306"], f"{prefix}指标:{ind.name}", _where(prefix, ind.name),
                 f"得分 {figure(ind.score)} 低于分值 {figure(ind.weight)}，未写偏差原因")


def _columns(part: Report) -> set[str]:
    return {role for f in part.forms for role in f.columns}


@fault("partial_with_full_marks", "scoring")
def partial_with_full_marks(d: Draft) -> Fault | None:
    part, prefix = d.form()
    rows = [i for i in part.indicators if i.direction == "定性" and i.score is not None and i.score == i.weight]
    if not d.has_forms or not rows:
        return None
    ind = d.pick(rows)
    if ind is None:
        return None
    _measure(ind, actual=d.rng.choice(["基本完成，个别村组仍在推进", "部分完成", "基本建立，仍需完善"]))
    d.sync()
    return Fault("partial_with_full_marks", "scoring", ["SC305", "SC304"], f"{prefix}指标:{ind.name}", _where(prefix, ind.name),
                 f"实际完成“{ind.actual}”，仍得满分 {figure(ind.score)}")


# ---------------------------------------------------------------------------------------------
# missing values (缺失值)


@fault("blank_actual_scored", "missing_value")
def blank_actual_scored(d: Draft) -> Fault | None:
    part, prefix = d.form()
    rows = [i for i in part.indicators if i.actual and i.score]
    if not d.has_forms or not rows or d.plan.kind == "external_report":
        return None
    ind = d.pick(rows)
    if ind is None:
        return None
    ind.actual, ind.actual_measure = None, None
    d.sync()
    return Fault("blank_actual_scored", "missing_value", ["MV702", "SC302"], f"{prefix}指标:{ind.name}", _where(prefix, ind.name),
                 f"实际完成值空白，仍得 {figure(ind.score)} 分")


# ---------------------------------------------------------------------------------------------
# indicator quality (指标质量)


@fault("vague_target", "indicator_quality")
def vague_target(d: Draft) -> Fault | None:
    part, prefix = d.form()
    rows = _quantitative(part) + _quantitative(part, met=False)
    if not d.has_forms or not rows:
        return None
    ind = d.pick(rows)
    if ind is None:
        return None
    vague = d.rng.choice(["效果明显", "有效提升", "明显改善", "显著提高"])
    _measure(ind, target=vague, actual=vague)
    ind.direction = None
    d.sync()
    return Fault("vague_target", "indicator_quality", ["IQ401", "SC302", "SC305", "SC309"], f"{prefix}指标:{ind.name}", _where(prefix, ind.name),
                 f"目标值只写“{ind.target}”，无法衡量")


@fault("target_without_unit", "indicator_quality")
def target_without_unit(d: Draft) -> Fault | None:
    part, prefix = d.form()
    rows = [i for i in _quantitative(part) if i.target_measure.unit and i.target_measure.unit != "%"]
    if not d.has_forms or not rows:
        return None
    ind = d.pick(rows)
    if ind is None:
        return None
    t = ind.target_measure
    _measure(ind, target=f"{t.comparator}{plain(t.value)}")
    d.sync()
    return Fault("target_without_unit", "indicator_quality", ["IQ402", "IQ403"], f"{prefix}指标:{ind.name}", _where(prefix, ind.name),
                 f"目标值“{ind.target}”缺少计量单位")


@fault("duplicate_indicator", "indicator_quality")
def duplicate_indicator(d: Draft) -> Fault | None:
    part, prefix = d.form()
    if not d.has_forms or len(part.indicators) < 3:
        return None
    a, b = d.pick(part.indicators), d.pick(part.indicators)
    if a is None or b is None:
        return None
    b.name = a.name
    d.sync()
    return Fault("duplicate_indicator", "indicator_quality", ["IQ411"], f"{prefix}指标:{a.name}", _where(prefix, a.name),
                 f"三级指标“{a.name}”出现两次")


@fault("achievement_copies_goal", "indicator_quality")
def achievement_copies_goal(d: Draft) -> Fault | None:
    part, prefix = d.form()
    goals = [g for g in part.goals if g.expected and g.achieved]
    if not d.has_forms or not goals:
        return None
    g = d.rng.choice(goals)
    g.achieved = g.expected
    d.sync()
    return Fault("achievement_copies_goal", "indicator_quality", ["IQ406"], prefix + "goals", _where(prefix, "年度总体目标"),
                 "实际完成情况照抄预期目标")


@fault("quantity_as_cap", "indicator_quality")
def quantity_as_cap(d: Draft) -> Fault | None:
    part, prefix = d.form()
    rows = [i for i in _quantitative(part) if i.target_measure.comparator == "≥" and i.level2 == "数量指标"
            and i.target_measure.unit not in (None, "%") and i.actual_measure.value <= i.target_measure.value * Decimal("1.2")]
    if not d.has_forms or not rows:
        return None
    ind = d.pick(rows)
    if ind is None:
        return None
    t = ind.target_measure
    _measure(ind, target=f"≤{plain(t.value)}{t.unit}")
    d.sync()
    return Fault("quantity_as_cap", "indicator_quality", ["IQ413", "IQ415", "SC303", "SC304"], f"{prefix}指标:{ind.name}", _where(prefix, ind.name),
                 f"数量指标目标写成上限“{ind.target}”")


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
    from jixiao.compose import prose
    from jixiao.compose import workbook as wb

    keys = [n for g in d.plan.generators for n in prose.needs(g) if n in wb.NARRATIVE and n not in ("duties", "analysis")]
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
    import dataclasses

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


IN_FORM = ("execution_rate_wrong", "spending_parts_mismatch", "total_not_sum", "sources_do_not_add_up", "execution_score_wrong",
           "score_above_weight", "full_marks_for_missed_target", "missing_deviation_reason", "partial_with_full_marks",
           "blank_actual_scored", "vague_target", "target_without_unit", "duplicate_indicator", "achievement_copies_goal", "quantity_as_cap",
           "low_execution")
"""Faults a 自评表 filed alone still shows (the others are in the text, the outline or the 基础数据表)."""
TYPED = ("staff_over_authorized", "three_public_over_budget", "low_execution")
"""Faults in what the unit typed: injected first, since the report is built again after each."""


LAST = ("grade_mismatch", "total_not_sum")
"""Faults in figures others derive from are injected first; a stated total and grade last."""
ORDER = [*TYPED, *(k for k in CATALOGUE if k not in TYPED and k not in LAST), *LAST]


def applies(d: Draft, kind: str) -> bool:
    """Whether the template of `d` states what the fault `kind` changes (tried on a copy)."""
    trial = Draft(d.plan, copy.deepcopy(d.built), copy.deepcopy(d.rng))
    return CATALOGUE[kind][1](trial) is not None


def inject(d: Draft, kind: str) -> Fault | None:
    """Inject the fault `kind` into `d` where its template states what it changes."""
    made = CATALOGUE[kind][1](d)
    if made is not None:
        d.faults.append(made)
    return made
