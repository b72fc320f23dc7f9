"""How the documents print figures and lists: amounts with two decimals, scores without a needless
decimal, shares rounded half up, and list items numbered in 公文 style with their punctuation."""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.scoring import formulas

NUMERALS = "一二三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_END = "。；;，,：:！？!?"


def money(value: Decimal | None) -> str:
    """An amount in 万元 as the forms print it: two decimals, zero as 0."""
    if value is None:
        return ""
    return "0" if value == 0 else f"{formulas.round_to(value):f}"


def figure(value: Decimal | None) -> str:
    """A score, weight or percent number without exponent: 2 decimals when it has decimals."""
    if value is None:
        return ""
    return str(int(value)) if value == value.to_integral_value() else f"{formulas.round_to(value):f}"


def plain(value: Decimal) -> str:
    """A typed number as typed: no exponent, no trailing zeros."""
    return f"{value.normalize():f}"


def share(part: Decimal | None, whole: Decimal | None) -> str | None:
    """part / whole as a percent rounded half up to 2 places, or None without a whole."""
    rate = formulas.ratio_percent(part, whole)
    return f"{formulas.round_to(rate):f}" if rate is not None else None


def lines(text: str | None) -> list[str]:
    """The non-empty lines of a narrative cell."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def ordinal(i: int) -> str:
    """一 … 十, 十一 … (0-based)."""
    return NUMERALS[i] if i < 10 else f"十{NUMERALS[i - 10]}"


def bare(text: str) -> str:
    """An item's text without its own number and closing punctuation."""
    text = re.sub(r"^([（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、]|[①-⑳])\s*", "", text.strip())
    return text.rstrip(_END)


def numbered(items: list[str], style: str = "（一）", last: str = "。", between: str = "。") -> list[str]:
    """Items as paragraphs numbered （一） / 1. / （1） / ①, each ending with its punctuation:
    `between` after every item but the last, `last` after the last one."""
    marks = {"（一）": lambda i: f"（{ordinal(i)}）", "1.": lambda i: f"{i + 1}. ", "（1）": lambda i: f"（{i + 1}）", "①": lambda i: CIRCLED[i % 20]}
    texts = [bare(t) for t in items if bare(t)]
    return [f"{marks[style](i)}{t}{last if i == len(texts) - 1 else between}" for i, t in enumerate(texts)]


def sentence(text: str) -> str:
    """A paragraph ending with its punctuation: a full stop where the writer left none (or a comma)."""
    text = text.strip().rstrip("，,、")
    return text if not text or text[-1] in "。；;！？!?：:" else text + "。"
