"""A finding: one problem in one report, specific enough to fix without reading the rule."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict


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
    """rule code, category, severity, Chinese message, location, expected vs found, evidence, fix."""

    model_config = ConfigDict(extra="forbid")

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
