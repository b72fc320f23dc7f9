"""`jixiao render`: input → pre-flight → Word report (→ PDF), as one library call the CLI wraps.

Pre-flight lists, in Chinese and with the workbook cell where known, every problem in the input
(`fill_in` cell errors) and every error-level audit finding of the built report.  With errors the
report is not written unless `force` is given.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from jixiao import libreoffice
from jixiao.audit import Finding, audit
from jixiao.compose import docx_report, fill_in
from jixiao.compose.fill_in import Built
from jixiao.errors import MissingToolError
from jixiao.model import Report
from jixiao.scoring.profile import Profile


@dataclass(slots=True)
class Preflight:
    """Problems that stop rendering (errors) and those worth a look (warnings), as Chinese lines."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Rendered:
    preflight: Preflight
    written: list[Path] = field(default_factory=list)


def where(finding: Finding, report: Report) -> str:
    """The workbook cell(s) behind a finding's field (from the report's provenance), else the part it names."""
    path = finding.location.field or ""
    candidates = [path, re.sub(r"\.[^.]+$", "", path), re.sub(r"[.\[].*$", "", path)]
    if path.startswith("level1_weights."):
        candidates.append("indicators")
    return next((report.provenance[c].text for c in candidates if c in report.provenance), finding.location.section)


def preflight(built: Built, profile: Profile) -> Preflight:
    """Cell errors of the input plus the audit of the built report, errors first."""
    result = audit(built.report, profile=profile)
    check = Preflight(errors=[str(e) for e in built.errors])
    for f in result.findings:
        line = f"{where(f, built.report)}：{f.message}（{f.rule}）"
        if f.severity == "error":
            check.errors.append(line)
        elif f.severity == "warning":
            check.warnings.append(line)
    return check


def render(source: Path, output: Path, profile: Profile, force: bool = False, redact: bool = False, pdf: bool = False) -> Rendered:
    """Build, check and write; nothing is written when the input has errors and `force` is off."""
    built = fill_in.load(source, profile)
    outcome = Rendered(preflight(built, profile))
    if outcome.preflight.errors and not force:
        return outcome
    docx_report.write(built.report, built.filing, profile, output, redact)
    outcome.written.append(output)
    if pdf:
        outcome.written.append(to_pdf(output))
    return outcome


def to_pdf(docx: Path) -> Path:
    """Convert with headless LibreOffice next to the .docx; a Chinese message when it is missing."""
    soffice = libreoffice.find()
    if soffice is None:
        raise MissingToolError(f"生成 PDF 需要 LibreOffice：请安装（Debian/Ubuntu：apt-get install libreoffice-writer-nogui）；Word 报告已写出：{docx}")
    target = docx.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="jixiao-pdf-") as tmp:
        source = Path(tmp) / "report.docx"
        docx_report.with_fallback_fonts(docx, source)
        shutil.copyfile(libreoffice.convert(soffice, source, Path(tmp), "pdf"), target)
    return target
