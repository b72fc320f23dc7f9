"""Exact arithmetic for the layout documents: Decimal money, rates and scores rounded half up."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

FW = str.maketrans("0123456789.%", "０１２３４５６７８９．％")
GRADES = ((Decimal(90), "优"), (Decimal(80), "良"), (Decimal(60), "中"), (Decimal(0), "差"))


def D(x) -> Decimal:
    """A Decimal from a str/int/Decimal (never from a float)."""
    if isinstance(x, float):
        raise TypeError(f"float {x!r}: write amounts as strings")
    return x if isinstance(x, Decimal) else Decimal(str(x))


def q2(x) -> Decimal:
    """Round half up to 2 places."""
    return D(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def q1(x) -> Decimal:
    return D(x).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def rate(part, whole) -> Decimal:
    """part / whole as a percent number, 2 places (95.35 for 95.35%)."""
    return q2(D(part) / D(whole) * 100)


def isnum(v) -> bool:
    """A stated number (not None, not '—' or another not-applicable mark)."""
    if v is None:
        return False
    try:
        D(v)
    except ArithmeticError:
        return False
    return True


def dsum(values) -> Decimal:
    """Sum of the stated numbers; None and '—' count as nothing."""
    return sum((D(v) for v in values if isnum(v)), Decimal(0))


def exec_score(rate_pct, weight) -> Decimal:
    """预算执行率得分 = 分值 × min(执行率, 100%)."""
    return q2(min(D(rate_pct), Decimal(100)) / 100 * D(weight))


def grade_of(total) -> str:
    """优 [90,100], 良 [80,90), 中 [60,80), 差 < 60 — from the unrounded score."""
    return next(g for low, g in GRADES if D(total) >= low)


def money(x, sep: bool = False, places: int = 2) -> str:
    """An amount as a form writes it: '1234.50' or with thousands separators '1,234.50'."""
    d = D(x).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{d:,.{places}f}" if sep else f"{d:.{places}f}"


def plain(x) -> str:
    """A number without trailing zeros: 10 -> '10', 7.50 -> '7.5', 9.45 -> '9.45'."""
    d = D(x)
    if d == d.to_integral_value():
        return str(d.quantize(Decimal(1)))
    return format(d.normalize(), "f")


def fw(s: str) -> str:
    """Full-width digits, point and percent sign (a Chinese IME in full-width mode)."""
    return s.translate(FW)


def num(x):
    """A Decimal as a JSON number: int when integral, else float of its exact decimal text."""
    if not isnum(x):
        return None
    d = D(x)
    return int(d) if d == d.to_integral_value() else float(format(d.normalize(), "f"))


def wan(x, unit: str):
    """An amount stated in `unit` as a JSON number in 万元 (元 divided by 10,000 exactly)."""
    if not isnum(x):
        return None
    return num(D(x) / 10000 if unit == "元" else D(x))
