"""jixiao — read, re-score and audit Chinese budget performance self-evaluation reports (预算绩效自评).

The library is the product; the command line is one caller of these plain functions:

    import jixiao
    doc = jixiao.read("报告.docx")           # the intermediate document (SourceDocument)
    report = jixiao.extract(doc)             # the typed Report
    result = jixiao.score(report)            # ScoreResult (profile detected, or profile="hunan")
    findings = jixiao.audit(report, doc)     # AuditResult
    outcome = jixiao.process("报告.docx", audit=True)   # all of it as one Outcome, never raising

Each function imports its stage on first call, so `import jixiao` stays cheap.  `jixiao.extract`
and `jixiao.audit` are also the names of packages: here they stay the functions (importing the
package does not rebind them), and their attributes are the package's (`jixiao.audit.RULES`).
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable, Iterable
from importlib import import_module
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


def _extract(doc: SourceDocument) -> Report:
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


def _audit(report: Report, doc: SourceDocument | None = None, profile: Profile | str | None = None,
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


class _Stage:
    """A public function that shares its name with a package: calling it runs the function, its
    attributes are the package's (so `jixiao.audit.RULES` and `monkeypatch` targets keep working)."""

    __slots__ = ("_function", "_package")

    def __init__(self, function: Callable[..., Any], package: str):
        object.__setattr__(self, "_function", function)
        object.__setattr__(self, "_package", package)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._function(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(import_module(self._package), name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(import_module(self._package), name, value)

    def __delattr__(self, name: str) -> None:
        delattr(import_module(self._package), name)

    def __repr__(self) -> str:
        return f"<jixiao.{self._function.__name__.lstrip('_')}: {self._function.__doc__}>"


extract = _Stage(_extract, "jixiao.extract")
audit = _Stage(_audit, "jixiao.audit")


class _Package(types.ModuleType):
    """The `jixiao` module: importing `jixiao.extract` or `jixiao.audit` leaves the public functions in place."""

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and isinstance(self.__dict__.get(name), _Stage):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
