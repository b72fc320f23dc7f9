"""Audit a `Report` against the rule catalogue: `audit(report) -> AuditResult`, never raising for bad data."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from jixiao.audit import rules  # noqa: F401 — registers the catalogue
from jixiao.audit.context import AuditContext, Issue
from jixiao.audit.finding import Finding, Where, assign_ids
from jixiao.audit.registry import RULES, Rule, selected
from jixiao.extract.normalize import clean
from jixiao.ingest.document import SourceDocument
from jixiao.model import Number, Report, Unit
from jixiao.scoring.profile import Profile, detect_profile
from jixiao.scoring.score import score_report

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


class ScorePair(BaseModel):
    stated: Number | None = None
    recomputed: Number | None = None


class AuditResult(BaseModel):
    """The audit JSON contract: source, unit, stated vs recomputed score, findings."""

    model_config = ConfigDict(extra="forbid")

    source: str
    unit: Unit
    profile: str
    score: ScorePair
    findings: list[Finding]

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


def _finding(rule: Rule, issue: Issue) -> Finding:
    return Finding(
        rule=rule.code, category=rule.category, severity=issue.severity or rule.severity, title=rule.title,
        message=issue.message, location=issue.where, expected=issue.expected, found=issue.found,
        evidence=issue.evidence, fix=issue.fix or rule.doc.get("修改建议"),
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
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.rule))


def document_texts(doc: SourceDocument | None) -> list[str]:
    """Cleaned paragraph texts and table-cell texts, for rules that look at wording."""
    if doc is None:
        return []
    texts = [clean(b.text) for b in doc.blocks if b.kind != "table" and b.text.strip()]
    for _, table in doc.tables():
        texts += [clean(c.text) for c in table.cells if c.text.strip()]
    return texts


def audit(report: Report, doc: SourceDocument | None = None, profile: Profile | None = None,
          select: Iterable[str] = (), ignore: Iterable[str] = ()) -> AuditResult:
    """Run the selected rules (all by default) on one report under its detected or given profile."""
    profile = profile or detect_profile(report)
    score = score_report(report, profile)
    ctx = AuditContext(report, profile, score, document_texts(doc))
    recomputed = score.recomputed_total.quantize(Decimal("0.01")) if score.recomputed_total is not None else None
    findings = run_rules(ctx, selected(select, ignore))
    assign_ids(findings, report)
    return AuditResult(
        source=report.source, unit=report.unit, profile=profile.name,
        score=ScorePair(stated=report.total_score, recomputed=recomputed), findings=findings,
    )


__all__ = ["RULES", "AuditResult", "Finding", "audit"]
