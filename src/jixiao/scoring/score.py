"""Score a whole report again: execution rate, every indicator, level-one groups, total and grade.

The result keeps stated and recomputed values side by side.  Indicators with insufficient
evidence are counted apart (never as a silent zero): the recomputed total is the sum of what the
evidence supports, and `insufficient` says how many indicators and points it leaves out.
`ScoreResult.to_json()` is the `jixiao score --format json` contract: numbers as JSON numbers
(Decimal rounded to 4 places, never NaN or Infinity), the profile by name.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from jixiao.model import Report
from jixiao.scoring import formulas
from jixiao.scoring.indicator import IndicatorScore, score_indicator
from jixiao.scoring.profile import Profile


@dataclass(slots=True)
class GroupScore:
    """A level-one group: weights and scores as stated and as recomputed."""

    name: str
    profile_weight: Decimal | None
    stated_weight: Decimal | None
    rows_weight: Decimal
    stated_score: Decimal | None
    recomputed: Decimal
    insufficient: int = 0


@dataclass(slots=True)
class ManagementIndicator:
    """A 53号 indicator computed from the 基础数据表 (在职人员控制率, 三公经费变动率 …)."""

    code: str
    name: str
    value: Decimal | None
    formula: str
    points: Decimal | None = None
    weight: Decimal | None = None


@dataclass(slots=True)
class ScoreResult:
    """The whole re-scoring of one report (重新计分): stated and recomputed side by side."""

    profile: Profile
    execution_rate: Decimal | None
    execution_stated: Decimal | None
    execution_recomputed: Decimal | None
    indicators: list[IndicatorScore]
    groups: list[GroupScore]
    stated_total: Decimal | None
    recomputed_total: Decimal | None
    grade_stated: str | None
    grade_recomputed: str | None
    insufficient_points: Decimal = Decimal(0)
    management: list[ManagementIndicator] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        """The JSON form: plain numbers, the profile by name, indicators with their row's name and weight."""
        return {
            "profile": self.profile.name,
            "execution": {"rate": number(self.execution_rate), "stated": number(self.execution_stated), "recomputed": number(self.execution_recomputed)},
            "indicators": [
                {"level1": i.indicator.level1, "name": i.indicator.name, "weight": number(i.indicator.weight), "stated": number(i.stated),
                 "status": i.status, "recomputed": number(i.recomputed), "low": number(i.low), "high": number(i.high), "method": i.method}
                for i in self.indicators
            ],
            "groups": [
                {"name": g.name, "profile_weight": number(g.profile_weight), "stated_weight": number(g.stated_weight), "rows_weight": number(g.rows_weight),
                 "stated": number(g.stated_score), "recomputed": number(g.recomputed), "insufficient": g.insufficient}
                for g in self.groups
            ],
            "management": [{"code": m.code, "name": m.name, "value": number(m.value), "formula": m.formula, "points": number(m.points), "weight": number(m.weight)}
                           for m in self.management],
            "total": {"stated": number(self.stated_total), "recomputed": number(self.recomputed_total), "insufficient_points": number(self.insufficient_points)},
            "grade": {"stated": self.grade_stated, "recomputed": self.grade_recomputed},
            "notes": list(self.notes),
        }


def number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number rounded to 4 places; None for a missing or non-finite value."""
    if value is None or not value.is_finite():
        return None
    with suppress(InvalidOperation):  # too many digits to round: keep it whole
        value = value.quantize(Decimal("0.0001"))
    return int(value) if value == value.to_integral_value() else float(value)


def grade_of(score: Decimal | None, profile: Profile) -> str | None:
    """The grade band of an unrounded score: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差 (profile values)."""
    if score is None:
        return None
    for grade, floor in sorted(profile.grades.items(), key=lambda kv: -kv[1]):
        if score >= floor:
            return grade
    return "差"


def score_report(report: Report, profile: Profile) -> ScoreResult:
    rate = report.budget.execution_rate if report.budget.execution_rate is not None else formulas.execution_rate(report)
    exec_weight = report.budget.execution_weight or profile.execution.weight
    exec_score = formulas.execution_score(rate, exec_weight) if profile.execution.rule == "proportional" and exec_weight else None
    scored = [score_indicator(i, profile) for i in report.indicators]
    groups = _groups(report, profile, scored)
    total = _recomputed_total(report, scored, exec_score) if _has_actuals(report) else None
    total, notes = _apply_caps(total, rate, profile)
    if scored and total is None:
        notes.append("指标表没有实际完成值栏，未重新计分" if not _has_actuals(report) else "自评表的三级指标均未读到分值，未重新计分")
    return ScoreResult(
        profile=profile, execution_rate=rate, execution_stated=report.budget.execution_score,
        execution_recomputed=exec_score, indicators=scored, groups=groups,
        stated_total=report.total_score, recomputed_total=total,
        grade_stated=report.grade, grade_recomputed=grade_of(total, profile),
        insufficient_points=sum((s.indicator.weight or 0 for s in scored if s.status == "insufficient_evidence"), Decimal(0)),
        management=management_indicators(report, profile), notes=notes,
    )


def _point(s: IndicatorScore) -> Decimal:
    """The recomputed points of one indicator: the value, or the stated score clamped into a range."""
    if s.status == "scored":
        return s.recomputed
    if s.status == "range":
        stated = s.stated if s.stated is not None else s.high
        return min(max(stated, s.low), s.high)
    return Decimal(0)


def _groups(report: Report, profile: Profile, scored: list[IndicatorScore]) -> list[GroupScore]:
    by_name: dict[str, list[IndicatorScore]] = {}  # the rows of each level-one group, groups in order of first row
    for s in scored:
        by_name.setdefault(s.indicator.level1 or "（未分类）", []).append(s)
    if not by_name:
        return [GroupScore(s.name, profile.level1_weight(s.name), s.weight, Decimal(0), s.score, s.score or Decimal(0)) for s in report.level1_summary]
    out = []
    for name, rows in by_name.items():
        stated = [s.stated for s in rows if s.stated is not None]
        out.append(GroupScore(
            name=name, profile_weight=profile.level1_weight(name), stated_weight=report.level1_weights.get(name),
            rows_weight=sum((s.indicator.weight or 0 for s in rows), Decimal(0)),
            stated_score=sum(stated, Decimal(0)) if stated else None,
            recomputed=sum((_point(s) for s in rows), Decimal(0)),
            insufficient=sum(1 for s in rows if s.status == "insufficient_evidence"),
        ))
    return out


def _has_actuals(report: Report) -> bool:
    """The indicator table has a 实际完成值 column (a 53号 scoring table of 分值 | 得分 has none)."""
    tables = [f for f in report.forms if f.kind == "self_evaluation" and f.columns]
    return not tables or any("actual" in f.columns for f in tables)


def _recomputed_total(report: Report, scored: list[IndicatorScore], exec_score: Decimal | None) -> Decimal | None:
    if scored and all(s.status == "no_weight" for s in scored):
        return None  # no weights read: nothing to re-score with (see ScoreResult.notes)
    if scored:
        return sum((_point(s) for s in scored), Decimal(0)) + (exec_score or 0)
    parts = [s.score for s in report.level1_summary if s.score is not None]
    return sum(parts, Decimal(0)) if parts else None


def _apply_caps(total: Decimal | None, rate: Decimal | None, profile: Profile) -> tuple[Decimal | None, list[str]]:
    cap_rule = profile.local_rules.get("cap_by_execution", {})
    if total is None or rate is None or not cap_rule.get("enabled"):
        return total, []
    for tier in sorted(cap_rule["tiers"], key=lambda t: Decimal(t["below"])):
        if rate < Decimal(tier["below"]) and total > Decimal(tier["cap"]):
            return Decimal(tier["cap"]), [f"执行率 {rate:.2f}% 低于 {tier['below']}%，总分封顶 {tier['cap']} 分（{cap_rule.get('source', '地方规则')}）"]
    return total, []


def management_indicators(report: Report, profile: Profile) -> list[ManagementIndicator]:
    """The 53号 indicators computed from the forms, with the profile's per-point deductions."""
    m = profile.management
    items = [
        ("staff_control", "在职人员控制率", formulas.staff_control_rate(report), "实际在职人数 / 编制数"),
        ("three_public_change", "三公经费变动率", formulas.three_public_change_rate(report), "(本年三公决算 − 上年三公决算) / 上年三公决算"),
        ("three_public_control", "三公经费控制率", formulas.three_public_control_rate(report), "三公经费决算 / 三公经费预算"),
        ("public_funds_control", "公用经费控制率", formulas.public_funds_control_rate(report), "公用经费决算 / 公用经费预算"),
        ("budget_adjustment", "预算调整率", formulas.budget_adjustment_rate(report), "(全年预算数 − 年初预算数) / 年初预算数"),
        ("execution", "预算执行率", formulas.execution_rate(report), "全年执行数 / 全年预算数"),
        ("procurement", "政府采购执行率", formulas.procurement_execution_rate(report), "政府采购实际 / 政府采购预算"),
    ]
    return [ManagementIndicator(code, name, value, formula, *_points(value, m.get(code))) for code, name, value, formula in items]


def _points(value: Decimal | None, rule: dict | None) -> tuple[Decimal | None, Decimal | None]:
    if value is None or not rule:
        return None, None
    weight = Decimal(rule["weight"])
    if "tiers" in rule:
        share = next((Decimal(t["share"]) for t in rule["tiers"] if abs(value) <= Decimal(t["up_to"])), Decimal(0))
        return weight * share, weight
    over = value - Decimal(rule["full_at_or_below"])
    return max(weight - max(over, Decimal(0)) * Decimal(rule["per_point"]), Decimal(0)), weight
