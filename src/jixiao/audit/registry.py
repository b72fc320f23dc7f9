"""The rule catalogue: each rule a small function registered with a stable code, category, severity.

A rule's docstring is its documentation, in fixed sections — 检查什么 / 为什么重要 / 示例 /
修改建议 / 依据 — from which `jixiao rules` and docs/rules.md are generated.  Codes are unique
(registering one twice is an error) and rules are selectable by code prefix or category.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from jixiao.audit.finding import Finding

Category = Literal["arithmetic", "cross_reference", "completeness", "missing_value", "indicator_quality", "scoring", "compliance"]
Severity = Literal["error", "warning", "info"]
CATEGORY_NAMES = {
    "arithmetic": "计算", "cross_reference": "前后一致", "completeness": "完整性", "missing_value": "缺失值",
    "indicator_quality": "指标质量", "scoring": "评分", "compliance": "合规",
}
SECTIONS = ("检查什么", "为什么重要", "示例", "修改建议", "依据")


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    category: Category
    severity: Severity
    title: str
    check: Callable[..., Iterable[Finding]]
    affects_score: bool = False
    """A finding of this rule changes the total score or the grade (ordered first)."""

    @property
    def doc(self) -> dict[str, str]:
        """The docstring's sections by name."""
        return dict(_sections(self.check.__doc__ or ""))


@lru_cache(maxsize=256)
def _sections(text: str) -> tuple[tuple[str, str], ...]:
    """A docstring's (section, text) pairs, read once per docstring: the runner asks a rule for its 修改建议
    on every finding (the catalogue has about 80 docstrings)."""
    parts = re.split(rf"^\s*({'|'.join(SECTIONS)})[:：]", text, flags=re.M)
    return tuple((parts[i], " ".join(parts[i + 1].split())) for i in range(1, len(parts) - 1, 2))


RULES: dict[str, Rule] = {}


def rule(code: str, category: Category, severity: Severity, title: str, affects_score: bool = False):
    """Register a rule function under a unique code."""

    def register(check: Callable[..., Iterable[Finding]]):
        if code in RULES:
            raise ValueError(f"rule code {code} registered twice")
        RULES[code] = Rule(code, category, severity, title, check, affects_score)
        return check

    return register


def selected(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> Iterator[Rule]:
    """Rules whose code starts with, or whose category equals, a selected item and no ignored one."""
    select, ignore = list(select), list(ignore)

    def hit(r: Rule, items: list[str]) -> bool:
        return any(r.code.startswith(i.upper()) or r.category == i for i in items)

    for code in sorted(RULES):
        r = RULES[code]
        if (not select or hit(r, select)) and not (ignore and hit(r, ignore)):
            yield r
