"""`jixiao render`: input → pre-flight → Word report (→ PDF), as one library call the CLI wraps.

Pre-flight lists, in Chinese and with the workbook cell where known, every problem in the input
(cell errors) and every error-level audit finding of the built report, judged by the template the
document is written in.  With errors the report is not written unless `force` is given.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from jixiao import libreoffice
from jixiao.audit import Finding, audit
from jixiao.compose import docx_report, fonts
from jixiao.compose.builders import Built, load
from jixiao.compose.outline import Plan
from jixiao.errors import MissingToolError
from jixiao.model import Report


@dataclass(slots=True)
class Preflight:
    """Problems that stop rendering (errors) and those worth a look (warnings), as Chinese lines."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Rendered:
    plan: Plan
    preflight: Preflight
    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What the output substitutes (fonts), in Chinese."""


def where(finding: Finding, report: Report) -> str:
    """The workbook cell(s) behind a finding's field (from the report's provenance), else the part it names."""
    path = finding.location.field or ""
    candidates = [path, re.sub(r"\.[^.]+$", "", path), re.sub(r"[.\[].*$", "", path)]
    if path.startswith("level1_weights."):
        candidates.append("indicators")
    return next((report.provenance[c].text for c in candidates if c in report.provenance), finding.location.section)


def preflight(built: Built, plan: Plan) -> Preflight:
    """Cell errors of the input plus the audit of the built report, errors first."""
    result = audit(built.report, profile=plan.profile)
    check = Preflight(errors=[str(e) for e in built.errors])
    for f in result.findings:
        line = f"{where(f, built.report)}：{f.message}（{f.rule}）"
        if f.severity == "error":
            check.errors.append(line)
        elif f.severity == "warning":
            check.warnings.append(line)
    return check


def render(source: Path, output: Path, template: str | None = None, profile: str | None = None,
           force: bool = False, redact: bool = False, pdf: bool = False) -> Rendered:
    """Build, check and write; nothing is written when the input has errors and `force` is off."""
    plan, built = load(source, template, profile)
    if source.suffix.lower() == ".json":  # judged by the template it is now written in
        built.report.template, built.report.document_kind, built.report.sections = plan.source or plan.template.name, plan.kind, plan.sections()
    outcome = Rendered(plan, preflight(built, plan))
    if outcome.preflight.errors and not force:
        return outcome
    docx_report.write(built, plan, output, redact)
    outcome.written.append(output)
    if pdf:
        missing = fonts.missing_fonts()
        outcome.written.append(to_pdf(output, missing))
        outcome.notes += [note for note in [fonts.fallback_note(missing)] if note]
    return outcome


def to_pdf(docx: Path, missing: dict[str, str] | None = None) -> Path:
    """Convert with headless LibreOffice next to the .docx; a Chinese message when it is missing."""
    soffice = libreoffice.find()
    if soffice is None:
        raise MissingToolError(f"生成 PDF 需要 LibreOffice：请安装（Debian/Ubuntu：apt-get install libreoffice-writer-nogui）；Word 报告已写出：{docx}")
    target = docx.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="jixiao-pdf-") as tmp:
        source = Path(tmp) / "report.docx"
        fonts.with_fallback_fonts(docx, source, fonts.missing_fonts() if missing is None else missing)
        shutil.copyfile(libreoffice.convert(soffice, source, Path(tmp), "pdf"), target)
    return target
