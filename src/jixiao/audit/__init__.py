"""Audit a `Report` against the rule catalogue: `audit(report) -> AuditResult`, never raising for bad data."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from jixiao.audit import rules  # noqa: F401 — registers the catalogue
from jixiao.audit.context import AuditContext, Issue
from jixiao.audit.finding import Finding, Where
from jixiao.audit.merge import consolidate
from jixiao.audit.registry import RULES, Rule, selected
from jixiao.extract.normalize import clean
from jixiao.extract.templates import Template, load_template
from jixiao.ingest.document import SourceDocument
from jixiao.model import DocumentKind, Number, ProjectForm, Report, Unit
from jixiao.scoring.profile import Profile, detect_profile
from jixiao.scoring.score import ScoreResult, score_report


class ScorePair(BaseModel):
    """The stated total beside the recomputed one; `note` says why there is no recomputed total."""

    stated: Number | None = None
    recomputed: Number | None = None
    note: str | None = None


class AuditResult(BaseModel):
    """The audit JSON contract: source, unit, stated vs recomputed score, findings."""

    model_config = ConfigDict(extra="forbid")

    source: str
    unit: Unit
    document_kind: DocumentKind
    template: str
    detection: list[str]
    profile: str
    score: ScorePair
    findings: list[Finding]

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


def _finding(rule: Rule, issue: Issue) -> Finding:
    severity = issue.severity or rule.severity
    message = issue.message
    if issue.assumed:  # resting on what the document does not say: at most a warning, and said so
        severity = "warning" if severity == "error" else severity
        message = f"{message}（{issue.assumed}，请核实）"
    return Finding(
        rule=rule.code, category=rule.category, severity=severity, title=rule.title,
        message=message, location=issue.where, expected=issue.expected, found=issue.found,
        evidence=issue.evidence, fix=issue.fix or rule.doc.get("修改建议"),
        affects_score=rule.affects_score, assumed=bool(issue.assumed),
    )


def run_rules(ctx: AuditContext, rules_: Iterable[Rule]) -> list[Finding]:
    findings = []
    for rule in rules_:
        try:
            findings += [_finding(rule, issue) for issue in rule.check(ctx)]
        except (ArithmeticError, ValueError, TypeError, KeyError, AttributeError) as e:
            # A rule that cannot run on an odd report says so instead of stopping the audit.
            findings.append(Finding(rule=rule.code, category=rule.category, severity="info", title=rule.title,
                                    message=f"该规则未能执行（{type(e).__name__}），请人工复核此项",
                                    location=Where(section="审核")))
    return findings


def document_texts(doc: SourceDocument | None) -> list[str]:
    """Cleaned paragraph texts and table-cell texts, for rules that look at wording."""
    if doc is None:
        return []
    texts = [clean(b.text) for b in doc.blocks if b.kind != "table" and b.text.strip()]
    for _, table in doc.tables():
        texts += [clean(c.text) for c in table.cells if c.text.strip()]
    return texts


def audit(report: Report, doc: SourceDocument | None = None, profile: Profile | None = None,
          select: Iterable[str] = (), ignore: Iterable[str] = (), score: ScoreResult | None = None) -> AuditResult:
    """Run the selected rules (all by default) on one report under its detected or given profile;
    a file of several project forms is audited form by form.  `score`: the report's score under that
    profile when the caller has it already (the rules only read it)."""
    profile = profile or detect_profile(report)
    template = load_template(report.template or "department_report")
    texts = document_texts(doc)
    rules_ = list(selected(select, ignore))
    if report.projects:
        findings = [f for k, form in enumerate(report.projects) for f in _project_findings(report, k, form, profile, template, texts, rules_)]
        pair = ScorePair(note=f"共 {len(report.projects)} 个项目，逐项计分，见各项目的发现")
    else:
        score = score or score_report(report, profile)
        findings = run_rules(AuditContext(report, profile, score, template, texts), rules_)
        note = "；".join(score.notes) if score.recomputed_total is None and score.notes else None
        pair = ScorePair(stated=report.total_score, recomputed=_cents(score.recomputed_total), note=note)
    return AuditResult(
        source=report.source, unit=report.unit, document_kind=report.document_kind, template=template.name,
        detection=report.detection, profile=profile.name, score=pair,
        findings=consolidate(findings, report),
    )


def _cents(value: Decimal | None) -> Decimal | None:
    return value.quantize(Decimal("0.01")) if value is not None else None


def _project_findings(report: Report, k: int, form: ProjectForm, profile: Profile, template: Template, texts: list[str], rules_: list[Rule]) -> list[Finding]:
    """The rules run on one project form as a report of its own; places say which project."""
    view = report.model_copy(update={
        "project": form.project, "projects": [], "budget": form.budget, "goals": form.goals, "indicators": form.indicators,
        "level1_weights": form.level1_weights, "total_score": form.total_score, "grade": form.grade, "forms": form.forms,
        "scoring_notes": form.scoring_notes, "unread": form.unread, "provenance": form.provenance,
    })
    findings = run_rules(AuditContext(view, profile, score_report(view, profile), template, texts), rules_)
    name = form.project.name or f"第 {k + 1} 个项目"
    for f in findings:
        where = f.location
        f.location = where.model_copy(update={"section": f"项目“{name}” {where.section}", "field": f"projects[{k}].{where.field}" if where.field else None})
        f.message = f"项目“{name}”：{f.message}"
    return findings


__all__ = ["RULES", "AuditResult", "Finding", "audit"]
