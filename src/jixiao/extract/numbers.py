"""Numbers as reports write them: amounts with units, percentages, comparators, Chinese numerals.

All results are `Decimal`.  Amounts are converted to 万元 exactly (元 ÷ 10,000, 亿元 × 10,000);
nothing is rounded here — rounding belongs to scoring and audit, which state their rule.
A figure with more than `MAX_DIGITS` integer digits is not a value (a run of digits, an ID): it is
refused, never converted, so no absurd magnitude reaches scoring or JSON.  Every pattern is
bounded and starts only at the first digit of a run, so matching is linear in the text.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from jixiao.extract.normalize import clean
from jixiao.lazyre import lazy
from jixiao.model import Measure

MAX_DIGITS = 20  # integer digits of the largest figure read as a value (10^20 万元 and beyond is no budget)
MAX_CN_NUMERAL = 16  # characters of the longest Chinese numeral read
# A number starts at the first digit of a run (not after a digit, a point or the "1e" of 1e400)
# and must end where the digits end: a longer run is no number at all, never its first digits.
NUMBER = r"[-+]?(?<![\d.])(?<!\d[eE])(?:\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,20})?|\d{1,20}(?:\.\d{1,20})?|\.\d{1,20})(?!\d|[eE][-+]?\d)"
_NUMBER_RE = lazy(NUMBER)
_PERCENT_RE = lazy(rf"({NUMBER})\s*%")
_DATE_RE = lazy(r"\d{4}\s*年\s*\d{1,2}\s*月|\d{4}[-./]\d{1,2}[-./]\d{1,2}")
_DEADLINE_RE = lazy(r"(?:^|[^\d个/])\d{1,2}\s*月(?:份|底|末|初|[上中下]旬|\d{1,2}日)?\s*(?:前|以前|之前|内|完成|$)")
_AMOUNT_RE = lazy(rf"({NUMBER})\s*(亿元|万元|千元|元|万)?")
_TO_WAN = {"亿元": Decimal(10000), "万元": Decimal(1), "万": Decimal(1), "千元": Decimal("0.1"), "元": Decimal("0.0001")}
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL = lazy(r"[零〇一二两三四五六七八九十百千万亿]+")
_COMPARATORS = [
    (lazy(r"^(≥|不低于|不少于|不小于|至少|大于等于|达到|>=)"), "≥"),
    (lazy(r"^(≤|不超过|不高于|不多于|不大于|小于等于|控制在|<=)"), "≤"),
    (lazy(r"^(>|大于|高于|超过)"), ">"),
    (lazy(r"^(<|小于|低于)"), "<"),
    (lazy(r"^(=|等于)"), "="),
]
_SUFFIX_COMPARATORS = [(lazy(r"(以上|及以上)$"), "≥"), (lazy(r"(以下|及以下|以内)$"), "≤")]


def to_decimal(text: str | None) -> Decimal | None:
    """'37,497.28' → Decimal('37497.28'); None when the text is not a number or an absurd one."""
    if text is None or len(text) > 2 * MAX_DIGITS + 20:
        return None  # never convert thousands of digits
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None
    if not value.is_finite() or (value and value.adjusted() >= MAX_DIGITS):
        return None
    return value


def chinese_numeral(text: str) -> int | None:
    """'三千五百' → 3500, '十二' → 12, '二〇二四' → 2024; None when not a numeral."""
    if not text or len(text) > MAX_CN_NUMERAL or not CN_NUMERAL.fullmatch(text):
        return None
    if all(ch in _CN_DIGITS for ch in text):
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    total, myriads, section, digit = 0, 0, 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section, digit = section + (digit or 1) * _CN_UNITS[ch], 0
        elif ch == "万":
            myriads, section, digit = myriads + (section + digit) * 10**4, 0, 0
        else:  # 亿
            total, myriads, section, digit = (total + myriads + section + digit) * 10**8, 0, 0, 0
    return total + myriads + section + digit


def number(text: str | None) -> Decimal | None:
    """The single number a cell holds ('9.97', ' 2　', '99.7%' → 99.7); None if none or several."""
    s = clean(text)
    found = _NUMBER_RE.findall(s)
    if len(found) != 1:
        return chinese_numeral(s) if s and CN_NUMERAL.fullmatch(s) else None
    rest = _NUMBER_RE.sub("", s, count=1).strip()
    if rest not in ("", "%", "分", "万元", "万", "元", "人", "个", "名"):
        return None
    value = to_decimal(found[0])
    return value


def first_number(text: str | None) -> Decimal | None:
    """The first number in a text, whatever surrounds it."""
    m = _NUMBER_RE.search(clean(text))
    return to_decimal(m.group(0)) if m else None


def amount(text: str | None, default_unit: str = "万元") -> tuple[Decimal, str] | None:
    """(value in 万元, unit written) of the first amount in `text`; the unit defaults to `default_unit`."""
    s = clean(text)
    m = _AMOUNT_RE.search(s)
    if not m:
        return None
    value = to_decimal(m.group(1))
    if value is None:
        return None
    unit = m.group(2) or default_unit
    return value * _TO_WAN[unit], unit


def wan(value: Decimal | None, unit: str) -> Decimal | None:
    """An amount written in `unit` converted to 万元 (None stays None)."""
    return None if value is None else value * _TO_WAN[unit]


def percent(text: str | None) -> Decimal | None:
    """'72.67%' → 72.67; '0.7267' is not a percent and gives None."""
    m = _PERCENT_RE.search(clean(text))
    return to_decimal(m.group(1)) if m else None


def measure(text: str | None) -> Measure | None:
    """Parse a target or actual: '≥1次/月', '不低于95%', '1999.37万元', '效果明显' (qualitative)."""
    s = clean(text)
    if not s:
        return None
    comparator = None
    for pattern, symbol in _COMPARATORS:
        m = pattern.match(s)
        if m:
            comparator, s = symbol, s[m.end():].strip()
            break
    for pattern, symbol in _SUFFIX_COMPARATORS:
        if pattern.search(s):
            comparator, s = comparator or symbol, pattern.sub("", s).strip()
    m = _NUMBER_RE.search(s)
    if not m or _looks_like_date(s):
        return Measure(comparator=comparator, qualitative=not m)
    unit = s[m.end():].strip() or None
    is_percent = bool(unit and unit.startswith("%"))
    return Measure(comparator=comparator, value=to_decimal(m.group(0)), unit=unit, is_percent=is_percent)


def _looks_like_date(s: str) -> bool:
    """A date or a month deadline ("2024年6月", "12月底前", "11月完成"), not a figure ("3个月", "1次/月")."""
    return bool(_DATE_RE.search(s) or _DEADLINE_RE.search(s))
