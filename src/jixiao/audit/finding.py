"""A finding: one problem in one report, specific enough to fix without reading the rule."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

from jixiao.model import Report


class Where(BaseModel):
    """Where a finding points: the part of the report, and the block/row/column/page where known."""

    model_config = ConfigDict(extra="forbid")

    section: str
    field: str | None = None
    block: int | None = None
    row: int | None = None
    col: int | None = None
    page: int | None = None


class Finding(BaseModel):
    """rule code, category, severity, Chinese message, location, expected vs found, evidence, fix.

    `id` is stable for the same defect in the same place — the rule code and what the finding is
    about (an indicator's name, a data row's label, a field) — so that a reviewer's decision stays
    attached to it when the report is audited again or a corrected version is uploaded.
    """

    model_config = ConfigDict(extra="forbid")

    id: str = ""
    rule: str
    category: str
    severity: Literal["error", "warning", "info"]
    title: str
    message: str
    location: Where
    expected: str | None = None
    found: str | None = None
    evidence: str | None = None
    fix: str | None = None


_INDICATOR = re.compile(r"^indicators\[(\d+)\]")


def subject(where: Where, report: Report) -> str:
    """What a finding is about, in words that survive a re-upload: 指标“名称”, a data row, a field."""
    field = where.field or ""
    m = _INDICATOR.match(field)
    if m and int(m.group(1)) < len(report.indicators):
        return f"指标:{report.indicators[int(m.group(1))].name}"
    if field.startswith("basic_data:"):
        return "基础数据表:" + field.removeprefix("basic_data:")
    return field or where.section


def assign_ids(findings: list[Finding], report: Report) -> None:
    """`rule:subject`, with `#2`, `#3` … for further findings of one rule on one subject."""
    seen: dict[str, int] = {}
    for f in findings:
        base = f"{f.rule}:{subject(f.location, report)}"
        seen[base] = seen.get(base, 0) + 1
        f.id = base if seen[base] == 1 else f"{base}#{seen[base]}"
