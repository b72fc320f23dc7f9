"""A synthetic report on its way to the page (`Draft`): the plan, the built report the forms print, the
edits to make in the written text, and the faults injected so far."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from random import Random

from jixiao.compose.builders import Built, build
from jixiao.compose.outline import Plan
from jixiao.model import Report
from jixiao.scoring.score import grade_of


@dataclass(slots=True)
class Fault:
    """One fault injected on purpose: its kind, the rule category and codes the auditor should raise,
    what it is about (in the audit's own words: 指标:名称, 基础数据表:行, a field such as budget) and
    where it is, in Chinese."""

    kind: str
    category: str
    codes: list[str]
    subject: str
    location: str
    detail: str
    related: list[str] = field(default_factory=list)
    """Other subjects the same defect shows on (the total a wrong score changes)."""

    def as_dict(self) -> dict:
        return {"kind": self.kind, "category": self.category, "codes": self.codes, "subjects": [self.subject, *self.related],
                "location": self.location, "detail": self.detail}


@dataclass(slots=True)
class Draft:
    """What is written: `built` (forms and sentences), text edits (old → new, in body paragraphs only)
    made after writing, headings and attachments left out, and the faults."""

    plan: Plan
    built: Built
    rng: Random
    edits: list[tuple[str, str]] = field(default_factory=list)
    table_edits: list[tuple[str, str]] = field(default_factory=list)
    dropped_headings: list[str] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    touched: set[int] = field(default_factory=set)
    style: Callable[[str], str] = str
    """How the document prints numbers (variants.NumberStyle), chosen when it is written."""
    """Rows a fault changed already: one fault per row."""

    @property
    def report(self) -> Report:
        return self.built.report

    def forms(self) -> list[tuple[Report, str]]:
        """The reports the forms print, each with the subject prefix of its findings ('项目:名称/' in a
        file of several project forms)."""
        parts = self.built.parts or [self.built.report]
        if len(parts) > 1:
            return [(p, f"项目:{p.project.name}/" if p.project else "") for p in parts]
        return [(parts[0], "")]

    def pick(self, rows: list):
        """A row no other fault changed, now taken; None when every one is."""
        free = [r for r in rows if id(r) not in self.touched]
        if not free:
            return None
        row = self.rng.choice(free)
        self.touched.add(id(row))
        return row

    def form(self) -> tuple[Report, str]:
        return self.rng.choice(self.forms())

    @property
    def has_forms(self) -> bool:
        """The document attaches a form with the indicators (a 自评表 or a 项目 form, or a form filed alone)."""
        c = self.plan.compose
        return bool({"self_evaluation", "project", "indicator_system"} & set(c.attachments))

    @property
    def has_basic_data(self) -> bool:
        return "basic_data" in self.plan.compose.attachments

    def states_grade(self, part: Report) -> bool:
        return part.grade is not None

    def rebuild(self) -> None:
        """Build the report again from the (changed) filing: for faults in what the unit typed."""
        self.built = build(self.built.filing, self.plan)

    def sync(self) -> None:
        """Mirror the printed forms into the report of a file with several project forms."""
        parts = self.built.parts
        if len(parts) > 1:
            for form, part in zip(self.report.projects, parts):
                form.budget, form.total_score, form.grade, form.goals = part.budget, part.total_score, part.grade, part.goals
                form.indicators = part.indicators
            self.report.indicators = [i for p in parts for i in p.indicators]

    def regrade(self, part: Report) -> None:
        """Total = the printed scores summed (as a form states it), and the grade that total earns."""
        scores = [i.score for i in part.indicators]
        if part.total_score is None or None in scores:
            return
        part.total_score = sum(scores, part.budget.execution_score or Decimal(0))
        if part.grade is not None:
            part.grade = grade_of(part.total_score, self.plan.profile)
