"""Score one 三级指标 again under a profile: proportional for figures, tiers for words, dates on time.

- Higher is better (≥, >, =, or no comparator): weight × min(actual / target, 1).
- Lower is better (≤, <, e.g. 成本): weight × min(target / actual, 1).
- Qualitative: the tier the actual states (达成 / 部分达成 / 未达成) gives a range of the weight.
- No actual, an actual that only repeats a comparator ("≥0%"), or units that cannot be compared:
  "insufficient_evidence" — never a silent zero or full score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from jixiao.lazyre import lazy
from jixiao.model import Indicator, Measure
from jixiao.scoring.profile import Profile

Status = Literal["scored", "range", "insufficient_evidence", "no_weight"]
Gap = Literal["no_actual", "comparator_only", "vague", "not_a_number", "incomparable_units"]
"""Why the evidence is insufficient: no actual; an actual that only repeats a comparator ("≥0%");
vague words; words where a figure was due; units that cannot be compared."""
_PER = {"日": Decimal(365), "天": Decimal(365), "周": Decimal(52), "月": Decimal(12), "季": Decimal(4), "季度": Decimal(4), "半年": Decimal(2), "年": Decimal(1)}
# Words that state an outcome; "效果明显", "较好", "显著" state none and prove nothing (domain.md §4).
_DONE = lazy(r"(达成|完成|实现|达到|合格|是|无|零)")
_PARTIAL = lazy(r"(基本|部分|大部分|较|一定|有所|初步|逐步|略|正在|推进中|进行中|持续推进)")
VAGUE = lazy(r"^(效果|成效|作用|情况|质量|水平|能力|服务)?(非常|十分|比较|较为|很)?(明显|显著|良好|较好|好|突出|一般|有效|较大|提升|提高|改善|增强|优秀|满意)(提升|提高|改善|增强)?[。.]?$")
"""An evaluative word standing for an outcome ("效果明显", "较好"): it states no fact and proves nothing."""
_FAIL = lazy(r"(未|没有|尚未|不足|差|滞后|延迟|推迟|否|不合格)")
_DATE = lazy(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?|(\d{4})[-./](\d{1,2})(?:[-./](\d{1,2}))?")


@dataclass(slots=True)
class IndicatorScore:
    """Stated vs recomputed score of one indicator, with the method in Chinese."""

    indicator: Indicator
    status: Status
    method: str
    recomputed: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    gap: Gap | None = None

    @property
    def stated(self) -> Decimal | None:
        return self.indicator.score

    def consistent(self, tolerance: Decimal) -> bool | None:
        """Whether the stated score agrees with the rule; None when it cannot be judged."""
        if self.stated is None or self.status in ("insufficient_evidence", "no_weight"):
            return None
        if self.status == "range":
            return self.low - tolerance <= self.stated <= self.high + tolerance
        return abs(self.stated - self.recomputed) <= tolerance


def score_indicator(ind: Indicator, profile: Profile) -> IndicatorScore:
    if ind.weight is None:
        return IndicatorScore(ind, "no_weight", "未填分值，无法计分")
    if not ind.actual:
        return IndicatorScore(ind, "insufficient_evidence", "实际完成值为空，无证据支持得分", gap="no_actual")
    dated = _score_dates(ind)
    if dated is not None:
        return dated
    t, a = ind.target_measure, ind.actual_measure
    if t and a and t.value is not None and not t.qualitative:
        return _score_figures(ind, t, a)
    return _score_words(ind, profile)


def _score_figures(ind: Indicator, t: Measure, a: Measure) -> IndicatorScore:
    if a.value is None:
        return _score_text_against_figure(ind)
    if a.comparator in ("≥", "≤", ">", "<"):
        return IndicatorScore(ind, "insufficient_evidence", f"实际完成值“{ind.actual}”只重复了比较符，没有实测数值", gap="comparator_only")
    target, actual = comparable(t, a)
    if target is None:
        return IndicatorScore(ind, "insufficient_evidence", f"目标单位“{t.unit}”与实际单位“{a.unit}”不可比", gap="incomparable_units")
    w = ind.weight
    if t.comparator in ("≤", "<"):
        share = Decimal(1) if actual == 0 else min(target / actual, Decimal(1))
        how = "越小越好：分值 × min(目标值/实际值, 1)"
    else:
        share = Decimal(1) if target == 0 else min(actual / target, Decimal(1))
        how = "越大越好：分值 × min(实际值/目标值, 1)"
    return IndicatorScore(ind, "scored", how, recomputed=w * max(share, Decimal(0)))


def comparable(t: Measure, a: Measure) -> tuple[Decimal | None, Decimal | None]:
    """Target and actual in one unit: equal units, percent with percent, or 次/月 against 次/年."""
    tu, au = _unit(t.unit), _unit(a.unit)
    if tu == au or not tu or not au:
        return t.value, a.value
    (tb, tp), (ab, ap) = _per(tu), _per(au)
    if tb == ab and (tp or ap):  # a target without a period is an annual one
        return t.value * _PER[tp or "年"], a.value * _PER[ap or "年"]
    return None, None


_UNIT_NOISE = lazy(r"[\s（）()以上以内及]")


def _unit(unit: str | None) -> str:
    return _UNIT_NOISE.sub("", unit) if unit else ""


def _per(unit: str) -> tuple[str, str | None]:
    m = re.fullmatch(r"(.*?)/?(?:每)?(日|天|周|月|季度|季|半年|年)", unit)
    return (m.group(1), m.group(2)) if m and m.group(1) else (unit, None)


def _score_text_against_figure(ind: Indicator) -> IndicatorScore:
    if _FAIL.search(ind.actual):
        return IndicatorScore(ind, "range", "实际完成情况表明未达成", low=Decimal(0), high=ind.weight * Decimal("0.6"))
    return IndicatorScore(ind, "insufficient_evidence", f"定量目标“{ind.target}”的实际完成值“{ind.actual}”不是数值", gap="not_a_number")


_DATEISH = lazy(r"[年月]|\d{4}")
"""What every date pattern below needs (a year of four digits, 年 or 月): a text without it names no date."""


def _score_dates(ind: Indicator) -> IndicatorScore | None:
    if not (_DATEISH.search(ind.target or "") and _DATEISH.search(ind.actual)):
        return None  # most indicators: a figure or words, no date on one side
    t, a = _date(ind.target), _date(ind.actual)
    if t is None or a is None:
        t, a = _deadline(ind.target), _month(ind.actual)
        if t is None or a is None:
            return None
        t, a = (t, 31, 31), (a, 1 if re.search(r"[前初]", ind.actual or "") else 31, 31)
    if a <= t:
        return IndicatorScore(ind, "scored", "时效：实际完成时间不晚于目标时间，得满分", recomputed=ind.weight)
    return IndicatorScore(ind, "scored", "时效：实际完成时间晚于目标时间，不得分", recomputed=Decimal(0))


_DEADLINE = lazy(r"(?:^|[^\d])(\d{1,2})\s*月(?:份|底|末|中旬|下旬|上旬|\d{1,2}日)?\s*(?:前|以前|之前|内|完成|底前)")
_YEAR_END = lazy(r"(年底|年末|年内|本年度内|年度内|当年)\s*(?:前|以前|之前)?")
_MONTH = lazy(r"(?:^|[^\d年])(\d{1,2})\s*月(?:份|底|末|初|中旬|下旬|上旬|\d{1,2}日)?")


def _deadline(text: str | None) -> int | None:
    """The month of a deadline written without a year: "12月底前", "10月前完成", "年底前" (12)."""
    m = _DEADLINE.search(text or "")
    if m and 1 <= int(m.group(1)) <= 12:
        return int(m.group(1))
    return 12 if _YEAR_END.search(text or "") else None


def _month(text: str | None) -> int | None:
    """The month an actual names ("11月完成", "于10月底前完成"); "年底" is December."""
    m = _MONTH.search(text or "")
    if m and 1 <= int(m.group(1)) <= 12:
        return int(m.group(1))
    return 12 if _YEAR_END.search(text or "") else None


def _date(text: str | None) -> tuple[int, int, int] | None:
    m = _DATE.search(text or "")
    if not m:
        return None
    g = [x for x in m.groups() if x is not None]
    return int(g[0]), int(g[1]), int(g[2]) if len(g) > 2 else 31


_DIRECTION = lazy(r"^(有所|稳步|逐步|持续|进一步)?(增加|增长|提高|提升|上升|扩大|下降|减少|降低|压缩)$")
_RISE = "增加增长提高提升上升扩大"


_NO_EVENT = lazy(r"(不发生|零发生|杜绝|无重大|未发生|无\S{0,6}(事故|事件|案件)|事故|投诉|案件|违规|违纪|上访)")
_NONE_HAPPENED = lazy(r"^(全年|年内|本年度?)?(未发生|无|零|没有发生|杜绝|0\s*(起|次|件|个)?)")
_UP, _DOWN = "增加|增长|提高|提升|上升|扩大|新增|多", "下降|减少|降低|压缩|节约|少"


def _direction_met(target: str, actual: str) -> bool | None:
    """A target that only names a direction ("增加"): met by a counted change that way ("增加1,260人次",
    "提高3.2个百分点"), missed by one the other way; None when the actual states no counted change."""
    m = _DIRECTION.match(target)
    if not m or not re.search(r"\d", actual) or _FAIL.search(actual):
        return None
    same, other = (_UP, _DOWN) if m.group(2)[0] in _RISE else (_DOWN, _UP)
    if re.search(same, actual):
        return True
    return False if re.search(other, actual) else None


def _score_words(ind: Indicator, profile: Profile) -> IndicatorScore:
    """Qualitative: the tier the actual states; identical vague words prove nothing."""
    tiers = profile.qualitative.tiers
    actual, target = ind.actual.strip(), (ind.target or "").strip()
    if _NO_EVENT.search(target + ind.name) and _NONE_HAPPENED.search(actual):
        return IndicatorScore(ind, "scored", f"目标为不发生，实际“{actual}”，达成，得满分", recomputed=ind.weight)
    direction = _direction_met(target, actual)
    if direction:
        return IndicatorScore(ind, "scored", f"目标“{target}”只规定方向，实际“{actual}”按该方向达成，得满分", recomputed=ind.weight)
    if direction is False or _FAIL.search(actual):
        tier = tiers[-1]
    elif _PARTIAL.search(actual) and not _PARTIAL.search(target):
        tier = tiers[1]
    elif actual == target and not _DONE.search(actual):
        return IndicatorScore(ind, "insufficient_evidence", f"定性指标的实际完成值“{actual}”照抄目标，未说明达成档次", gap="vague")
    elif VAGUE.match(actual):
        return IndicatorScore(ind, "insufficient_evidence", f"定性实际完成值“{actual}”只有评价用语，未说明达成档次", gap="vague")
    else:  # the actual states what was done: the target is met
        tier = tiers[0]
    w = ind.weight
    return IndicatorScore(ind, "range", f"定性分档：{tier.name}（分值的 {tier.low * 100:.0f}%–{tier.high * 100:.0f}%）", low=w * tier.low, high=w * tier.high)
