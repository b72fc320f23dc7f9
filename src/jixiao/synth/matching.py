"""How audit findings are matched to injected faults, for recall and precision by rule category.

- Only error and warning findings count; info findings are neither hits nor false alarms.
- A finding matches a fault when one of its rules (the rule, or a rule merged into it: `also`) is one
  of the fault's expected codes, and it is about the same subject: the same indicator row, data row or
  part of the report (budget, spending, total_score, grade, staffing …, compared without the project
  prefix and the field inside that part), or a section the fault names.
- A fault is found when some finding matches it.  A finding matching a fault is a true positive of
  that fault's category; a finding matching none is a false positive of its own rule's category.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from jixiao.audit.finding import Finding
from jixiao.audit.merge import subject
from jixiao.model import Report


def root(text: str) -> str:
    """A subject without its project prefix and the field inside its part: 'budget.execution_rate' → 'budget'."""
    tail = re.sub(r"^项目:[^/]*/", "", text)
    return re.split(r"[.\[]", tail, maxsplit=1)[0] if re.match(r"[a-z_0-9]+(?:[.\[]|$)", tail) else tail


def counted(finding: Finding) -> bool:
    return finding.severity in ("error", "warning")


def matches(finding: Finding, fault: dict, report: Report) -> bool:
    rules = {finding.rule, *finding.also}
    subjects = {root(subject(w, report)) for w in [finding.location, *finding.locations]}
    return bool(rules & set(fault["codes"])) and bool(subjects & {root(s) for s in fault["subjects"]})


@dataclass(slots=True)
class Tally:
    """Counts by category: faults injected and found, findings matched (true) and unmatched (false)."""

    injected: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    true: Counter = field(default_factory=Counter)
    false: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)

    def add(self, name: str, faults: list[dict], findings: list[Finding], report: Report) -> None:
        findings = [f for f in findings if counted(f)]
        for fault in faults:
            self.injected[fault["category"]] += 1
            if any(matches(f, fault, report) for f in findings):
                self.found[fault["category"]] += 1
            else:
                self.misses.append(f"{name}: {fault['kind']} {fault['codes']} @ {fault['subjects']} — {fault['detail']}")
        for f in findings:
            hit = next((fault for fault in faults if matches(f, fault, report)), None)
            if hit is not None:
                self.true[hit["category"]] += 1
            else:
                self.false[f.category] += 1
                self.alarms.append(f"{name}: {f.rule} {f.severity} @ {subject(f.location, report)} — {f.message[:120]}")

    def rows(self) -> list[tuple[str, int, int, float | None, int, int, float | None]]:
        """category, injected, found, recall, true, false, precision — and the overall row last."""
        cats = sorted(set(self.injected) | set(self.true) | set(self.false))
        out = [self._row(c, self.injected[c], self.found[c], self.true[c], self.false[c]) for c in cats]
        total = [sum(c.values()) for c in (self.injected, self.found, self.true, self.false)]
        return [*out, self._row("overall", *total)]

    @staticmethod
    def _row(name: str, injected: int, found: int, true: int, false: int):
        return (name, injected, found, found / injected if injected else None, true, false, true / (true + false) if true + false else None)
