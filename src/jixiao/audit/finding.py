"""A finding: one problem in one report, specific enough to fix without reading the rule."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


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
    affects_score: bool = False
    """The defect changes the total score or the grade."""
    assumed: bool = False
    """The finding rests on a value the document does not state (a default of the scoring profile)."""
    also: list[str] = Field(default_factory=list)  # a fresh list without pydantic's deep copy of a `[]` default
    """Other rules that found the same defect in the same place, merged into this finding."""
    locations: list[Where] = Field(default_factory=list)
    """Every place of a defect found in several places (the first is `location`)."""

