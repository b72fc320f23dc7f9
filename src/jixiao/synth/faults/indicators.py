"""Faults in indicator rows of a form: scores a row's actual does not earn (scoring, 评分), actuals
left blank (missing values, 缺失值) and targets that measure nothing (indicator quality, 指标质量)."""

from __future__ import annotations

from decimal import Decimal

from jixiao.compose.figures import figure, plain
from jixiao.model import Indicator, Report
from jixiao.synth.draft import Draft, Fault
from jixiao.synth.faults.registry import fault, in_row, measure, quantitative, where

PARTIAL = ["基本完成，个别村组仍在推进", "部分完成", "基本建立，仍需完善"]
VAGUE = ["效果明显", "有效提升", "明显改善", "显著提高"]


@fault("full_marks_for_missed_target", "scoring")
def full_marks_for_missed_target(d: Draft) -> Fault | None:
    def change(ind: Indicator) -> str:
        t = ind.target_measure
        step = max(t.value * Decimal(d.rng.randint(5, 15)) / 100, Decimal(1) if t.unit != "%" else Decimal("0.5"))
        value = t.value - step if t.comparator == "≥" else t.value + step
        value = value.quantize(Decimal("0.1")) if value != value.to_integral_value() else value
        measure(ind, actual=f"{plain(value)}{t.unit or ''}")
        ind.deviation = None
        return f"目标{ind.target}，实际{ind.actual}，仍得满分 {figure(ind.score)}"

    return in_row(d, ["SC303", "SC304"], lambda part: [i for i in quantitative(part) if i.score == i.weight], change)


@fault("missing_deviation_reason", "scoring")
def missing_deviation_reason(d: Draft) -> Fault | None:
    def rows(part: Report) -> list[Indicator]:
        if "deviation" not in {role for f in part.forms for role in f.columns}:
            return []
        return [i for i in part.indicators if i.score is not None and i.weight and i.score < i.weight and i.deviation]

    def change(ind: Indicator) -> str:
        ind.deviation = None
        return f"得分 {figure(ind.score)} 低于分值 {figure(ind.weight)}，未写偏差原因"

    return in_row(d, ["SC306"], rows, change)


@fault("partial_with_full_marks", "scoring")
def partial_with_full_marks(d: Draft) -> Fault | None:
    def change(ind: Indicator) -> str:
        measure(ind, actual=d.rng.choice(PARTIAL))
        return f"实际完成“{ind.actual}”，仍得满分 {figure(ind.score)}"

    return in_row(d, ["SC305", "SC304"], lambda part: [i for i in part.indicators if i.direction == "定性" and i.score is not None
                                                       and i.score == i.weight], change)


@fault("blank_actual_scored", "missing_value")
def blank_actual_scored(d: Draft) -> Fault | None:
    def change(ind: Indicator) -> str:
        ind.actual, ind.actual_measure = None, None
        return f"实际完成值空白，仍得 {figure(ind.score)} 分"

    if d.plan.kind == "external_report":  # an evaluator's scoring table has no 实际完成值 column
        return None
    return in_row(d, ["MV702", "SC302"], lambda part: [i for i in part.indicators if i.actual and i.score], change)


@fault("vague_target", "indicator_quality")
def vague_target(d: Draft) -> Fault | None:
    def change(ind: Indicator) -> str:
        vague = d.rng.choice(VAGUE)
        measure(ind, target=vague, actual=vague)
        ind.direction = None
        return f"目标值只写“{ind.target}”，无法衡量"

    return in_row(d, ["IQ401", "SC302", "SC305", "SC309"], lambda part: quantitative(part) + quantitative(part, met=False), change)


@fault("target_without_unit", "indicator_quality")
def target_without_unit(d: Draft) -> Fault | None:
    def change(ind: Indicator) -> str:
        t = ind.target_measure
        measure(ind, target=f"{t.comparator}{plain(t.value)}")
        return f"目标值“{ind.target}”缺少计量单位"

    return in_row(d, ["IQ402", "IQ403"], lambda part: [i for i in quantitative(part) if i.target_measure.unit not in (None, "%")], change)


@fault("quantity_as_cap", "indicator_quality")
def quantity_as_cap(d: Draft) -> Fault | None:
    def rows(part: Report) -> list[Indicator]:
        return [i for i in quantitative(part) if i.target_measure.comparator == "≥" and i.level2 == "数量指标"
                and i.target_measure.unit not in (None, "%") and i.actual_measure.value <= i.target_measure.value * Decimal("1.2")]

    def change(ind: Indicator) -> str:
        t = ind.target_measure
        measure(ind, target=f"≤{plain(t.value)}{t.unit}")
        return f"数量指标目标写成上限“{ind.target}”"

    return in_row(d, ["IQ413", "IQ415", "SC303", "SC304"], rows, change)


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
    return Fault("duplicate_indicator", "indicator_quality", ["IQ411"], f"{prefix}指标:{a.name}", where(prefix, a.name),
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
    return Fault("achievement_copies_goal", "indicator_quality", ["IQ406"], prefix + "goals", where(prefix, "年度总体目标"),
                 "实际完成情况照抄预期目标")
