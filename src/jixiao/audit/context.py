"""What a rule sees: the report, its profile and recomputed score, and helpers to compare and point.

Rules yield `Issue`s; the runner turns them into `Finding`s with the rule's code, category,
severity and title, so a rule states only what is specific to the problem it found.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from itertools import accumulate
from typing import Literal

from jixiao.audit.finding import Where
from jixiao.extract.templates import Template
from jixiao.model import Report
from jixiao.scoring.profile import Profile
from jixiao.scoring.score import ScoreResult

Verdict = Literal["ok", "truncated", "off"]


@dataclass(slots=True)
class Issue:
    """One problem a rule found; `severity` overrides the rule's default (e.g. a rounding slip)."""

    message: str
    where: Where
    expected: str | None = None
    found: str | None = None
    evidence: str | None = None
    fix: str | None = None
    severity: Literal["error", "warning", "info"] | None = None
    assumed: str | None = None
    """What the finding assumes that the document does not state ("执行率分值按默认方案 10 分"):
    such a finding is at most a warning and says so."""


def fmt(value: Decimal | int | None, places: int | None = None) -> str:
    """A number as a report would print it: no exponent, no trailing zeros unless `places` is given."""
    if value is None:
        return "（空）"
    if isinstance(value, int):
        return str(value)
    if places is not None:
        return f"{value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):f}"
    text = f"{value.normalize():f}"
    return text


@dataclass(slots=True)
class AuditContext:
    """The report under audit, its profile and recomputed score, and the document's cleaned texts."""

    report: Report
    profile: Profile
    score: ScoreResult
    template: Template
    texts: list[str] = field(default_factory=list)
    _joined: str = field(init=False, repr=False)
    """The texts as one string: a word is looked for in the whole document at once."""
    _ends: list[int] = field(init=False, repr=False)
    """Where each text ends in `_joined`."""

    def __post_init__(self) -> None:
        self._joined = "".join(self.texts)
        self._ends = list(accumulate(map(len, self.texts)))

    def texts_with(self, *words: str) -> list[str]:
        """The texts containing any of `words` (non-empty), in document order: a few searches of the whole
        document instead of a test per text (含某词的文本)."""
        found: set[int] = set()
        for word in words:
            pos = self._joined.find(word)
            while pos >= 0:
                k = bisect_right(self._ends, pos)  # the text the word starts in
                if pos + len(word) <= self._ends[k]:  # and ends in, not in the next one
                    found.add(k)
                pos = self._joined.find(word, self._ends[k])  # on from the next text: each text once
        return [self.texts[k] for k in sorted(found)]

    @property
    def tolerance(self) -> Decimal:
        return self.profile.rounding.tolerance

    def compare(self, stated: Decimal, computed: Decimal) -> Verdict:
        """A stated figure against the computed one: rounded half up at the stated precision is ok,
        cut off (truncated) is a slip, anything further than the tolerance is off."""
        places = max(-stated.as_tuple().exponent, 0) if isinstance(stated.as_tuple().exponent, int) else 2
        quantum = Decimal(1).scaleb(-places)
        if computed.quantize(quantum, rounding=ROUND_HALF_UP) == stated or abs(computed - stated) <= self.tolerance / 2:
            return "ok"
        if computed.quantize(quantum, rounding=ROUND_DOWN) == stated or abs(computed - stated) <= self.tolerance:
            return "truncated"
        return "off"

    def sum_verdict(self, stated: Decimal, parts_sum: Decimal) -> Literal["ok", "rounding", "error"]:
        """A stated total against the sum of its stated parts: equal is ok; within the tolerance it
        is the parts' own rounding (noted, not a defect); further off is an error."""
        diff = abs(stated - parts_sum)
        return "ok" if diff == 0 else "rounding" if diff <= self.tolerance else "error"

    def same_figure(self, a: Decimal, b: Decimal) -> bool:
        """Two statements of one quantity agree: equal at the coarser of their two precisions.

        Both were rounded from the same true figure, so at equal precision any difference is a
        discrepancy (90.06 vs 90.07); 3122 and 3122.00 agree.
        """
        places = min(_places(a), _places(b))
        quantum = Decimal(1).scaleb(-places)
        return a.quantize(quantum, rounding=ROUND_HALF_UP) == b.quantize(quantum, rounding=ROUND_HALF_UP)

    def has_column(self, role: str) -> bool:
        """The indicator table has this column (actual, deviation, weight …); a report built without
        forms (a model made in code) is taken to have them all."""
        tables = [f for f in self.report.forms if f.kind == "self_evaluation" and f.columns]
        return not tables or any(role in f.columns for f in tables)

    def where(self, path: str, section: str) -> Where:
        """A location from the provenance of the value at `path` (JSON path in the report)."""
        prov = self.report.provenance.get(path)
        loc = prov.location if prov else None
        return Where(section=section, field=path, block=loc.block if loc else None, row=loc.row if loc else None,
                     col=loc.col if loc else None, page=loc.page if loc else None)

    def evidence(self, path: str) -> str | None:
        prov = self.report.provenance.get(path)
        return prov.text if prov else None

    def indicator_path(self, i: int, field: str = "name") -> str:
        return f"indicators[{i}].{field}"

    def statement_where(self, s, section: str = "报告正文") -> Where:
        loc = s.location
        return Where(section=section, block=loc.block, page=loc.page)


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(-exponent, 0) if isinstance(exponent, int) else 0


def number_in(text: str | None) -> Decimal | None:
    m = re.search(r"\d+(?:\.\d+)?", text or "")
    return Decimal(m.group(0)) if m else None
