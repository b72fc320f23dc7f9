"""jixiao — read, re-score and audit Chinese budget performance self-evaluation reports (预算绩效自评).

The library is the product; the command line is one caller of these plain functions:

    import jixiao
    doc = jixiao.read("报告.docx")           # the intermediate document (SourceDocument)
    report = jixiao.extract(doc)             # the typed Report
    result = jixiao.score(report)            # ScoreResult (profile detected, or profile="hunan")
    findings = jixiao.audit(report, doc)     # AuditResult
    outcome = jixiao.process("报告.docx", audit=True)   # all of it as one Outcome, never raising

Each function imports its stage on first call, so `import jixiao` stays cheap.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jixiao.audit import AuditResult
    from jixiao.ingest.document import SourceDocument
    from jixiao.model import Report
    from jixiao.outcome import Outcome
    from jixiao.scoring.profile import Profile
    from jixiao.scoring.score import ScoreResult

__version__ = "0.1.0"
__all__ = ["__version__", "audit", "extract", "process", "read", "score"]


def read(source: Any, *args: Any, **kwargs: Any) -> SourceDocument:
    """读取 — any supported report (a path, or what `jixiao.ingest.registry.read` accepts) into a SourceDocument."""
    from jixiao.ingest.registry import read as read_source

    return read_source(source, *args, **kwargs)


def extract(doc: SourceDocument) -> Report:
    """提取 — the typed Report from an intermediate document."""
    from jixiao.extract import extract as extract_report

    return extract_report(doc)


def _profile(profile: Profile | str | None, report: Report) -> Profile:
    from jixiao.scoring.profile import detect_profile, load_profile

    if profile is None:
        return detect_profile(report)
    return load_profile(profile) if isinstance(profile, str) else profile


def score(report: Report, profile: Profile | str | None = None) -> ScoreResult:
    """重新计分 — stated vs recomputed scores under a profile (detected from the report when not given)."""
    from jixiao.scoring.score import score_report

    return score_report(report, _profile(profile, report))


def audit(report: Report, doc: SourceDocument | None = None, profile: Profile | str | None = None,
          select: Iterable[str] = (), ignore: Iterable[str] = ()) -> AuditResult:
    """审核 — run the rule catalogue (or the selected rules) on a report."""
    from jixiao.audit import audit as audit_report

    return audit_report(report, doc, _profile(profile, report), select, ignore)


def process(path: Any, audit: bool = False, profile: str | None = None, select: Iterable[str] = (), ignore: Iterable[str] = (),
            keep_doc: bool = False) -> Outcome:
    """处理 — one file through every stage as an Outcome (ok / partial / failed), never raising for bad input."""
    from jixiao.outcome import AuditOptions
    from jixiao.outcome import process as process_file

    options = AuditOptions(profile, tuple(select), tuple(ignore)) if audit or profile or select or ignore else None
    return process_file(path, options, keep_doc=keep_doc, score=options is not None)
