"""Cell texts as part-time writers type them: amounts, rates, scores, with the xlsx value kept."""

from __future__ import annotations

from .calc import D, money, plain
from .grid import N


def amount(x, sep: bool = False, fmt: str = "0.00"):
    """An amount cell; None -> '', a string that is not a number ('—') stays as written."""
    if x is None:
        return ""
    if isinstance(x, str) and not x.replace(".", "", 1).replace("-", "", 1).isdigit():
        return x
    return N(D(x), money(x, sep), "#,##0.00" if sep else fmt)


def percent(x, places: int = 2):
    if x is None:
        return ""
    d = D(x)
    text = f"{d:.{places}f}%" if places is not None else f"{plain(d)}%"
    return N(d, text, "0.00%" if places == 2 else "0.0%")


def value(x):
    """A number as typed, without trailing zeros; the xlsx format shows exactly those places."""
    d = D(x)
    text = plain(d)
    places = len(text.partition(".")[2])
    return N(d, text, "0." + "0" * places if places else "0")


def score(x):
    return "" if x is None else value(x)


weight = value
