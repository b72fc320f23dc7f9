"""One outcome per file (处理结果): the per-file pipeline read → extract → score → audit, as data.

`process` runs the stages on one file and never raises for bad input: an `Outcome` says what
became of the file — `ok`, `partial` (read or audited only in part, with the reasons), `failed`
(with the Chinese reason) or `skipped` (a batch found it unchanged) — together with the content
hash, the jixiao version, the profile and rule selection, and the time each stage took.
The audit and score stacks are imported only when a file is audited, so parsing stays cheap.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer

from jixiao import __version__
from jixiao.errors import OUT_OF_MEMORY, TOO_DEEP, JixiaoError
from jixiao.extract import extract
from jixiao.ingest.document import SourceDocument
from jixiao.ingest.registry import EXTENSIONS, read
from jixiao.model import Report, empty_list

if TYPE_CHECKING:
    from jixiao.audit import AuditResult
    from jixiao.scoring.profile import Profile

Status = Literal["ok", "partial", "failed", "skipped"]
RULE_FAILED = "该规则未能执行"  # how audit.run_rules words a rule that raised


@dataclass(slots=True, frozen=True)
class AuditOptions:
    """Which profile and rules to audit with (picklable, for worker processes)."""

    profile: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def key(self) -> str:
        """A hash of what decides the results: profile content, rule selection (for a batch ledger)."""
        from jixiao.scoring.profile import profile_key

        profile = profile_key(self.profile) if self.profile else "auto"
        text = "\n".join([profile, ",".join(self.select), ",".join(self.ignore)])
        return hashlib.sha256(text.encode()).hexdigest()[:16]


class Outcome(BaseModel):
    """What became of one file: its report, score and audit, or the Chinese reasons it fell short.

    `audit` is an `AuditResult` and `score` a `ScoreResult` (typed loosely so that reading a
    file never imports the audit stack); `doc`, the intermediate `SourceDocument`, is kept only
    when asked for (the HTML review page draws it) and is never part of the JSON form (typed
    loosely too: pydantic would build schemas for the document's four dataclasses on every
    first outcome of a process, for a field it never validates or writes).
    """

    model_config = ConfigDict(defer_build=True)

    path: str
    status: Status
    problems: list[str] = Field(default_factory=empty_list)
    report: Report | None = None
    audit: Any = None
    score: Any = None
    doc: Any = Field(default=None, exclude=True, repr=False)
    version: str = __version__
    profile: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    sha256: str | None = None
    size: int | None = None
    timings: dict[str, float] = Field(default_factory=dict)

    @property
    def error(self) -> str | None:
        """The reason a failed file failed (its first problem); None otherwise."""
        return self.problems[0] if self.status == "failed" and self.problems else None

    @field_serializer("audit")
    def _audit_json(self, audit: AuditResult | None, info) -> dict | None:
        return None if audit is None else audit.model_dump(mode=info.mode)

    @field_serializer("score")
    def _score_json(self, score: Any) -> dict | None:
        return None if score is None else score.to_json()

    @classmethod
    def from_json(cls, data: dict) -> Outcome:
        """An outcome back from its JSON form (the audit validated again; the score kept as data)."""
        data = dict(data)
        if data.get("audit") is not None:
            from jixiao.audit import AuditResult

            data["audit"] = AuditResult.model_validate(data["audit"])
        score = data.pop("score", None)
        outcome = cls.model_validate(data)
        outcome.score = _StoredScore(score) if score is not None else None
        return outcome


@dataclass(slots=True, frozen=True)
class _StoredScore:
    """A score read back from JSON: only its JSON form is known."""

    data: dict

    def to_json(self) -> dict:
        return self.data


def document_json(doc: SourceDocument) -> dict:
    """The intermediate document as plain JSON data (blocks, tables with their cell spans)."""
    return dataclasses.asdict(doc)


def parse_file(path: str | Path) -> Report:
    """Read and extract one report; raises `JixiaoError` with a Chinese message on bad input."""
    return extract(read(path))


def content_hash(path: Path) -> tuple[str | None, int | None]:
    """The sha256 (hex) and size of a file's bytes, read in chunks; (None, None) if it cannot be read."""
    try:
        with path.open("rb") as f:
            return hashlib.file_digest(f, "sha256").hexdigest(), os.fstat(f.fileno()).st_size
    except OSError:
        return None, None


def check_selection(select: Iterable[str], ignore: Iterable[str]) -> None:
    """Refuse rule codes or categories that match no rule, naming the valid prefixes and categories."""
    from jixiao.audit.registry import CATEGORY_NAMES, RULES

    unknown = [item for item in (*select, *ignore)
               if item not in CATEGORY_NAMES and not any(code.startswith(item.upper()) for code in RULES)]
    if unknown:
        prefixes = sorted({code[:2] for code in RULES})
        raise JixiaoError(f"未知的规则代码或类别：{'、'.join(unknown)}；可用的代码前缀有 {'、'.join(prefixes)}（如 AR101），"
                          f"类别有 {'、'.join(CATEGORY_NAMES)}；运行 jixiao rules 查看全部规则")


class _Clock:
    """Seconds spent per stage, rounded to milliseconds."""

    def __init__(self) -> None:
        self.timings: dict[str, float] = {}
        self._start = self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.timings[stage] = round(now - self._last, 3)
        self._last = now

    def done(self) -> dict[str, float]:
        self.timings["total"] = round(time.perf_counter() - self._start, 3)
        return self.timings


def _audit_stage(outcome: Outcome, doc: SourceDocument, options: AuditOptions, score: bool) -> None:
    """Score and audit a read report; a failure here leaves the report and marks the outcome partial."""
    from jixiao.audit import audit as run_audit
    from jixiao.scoring.profile import detect_profile, load_profile
    from jixiao.scoring.score import score_report

    report = outcome.report
    profile: Profile = load_profile(options.profile) if options.profile else detect_profile(report)
    outcome.profile = profile.name
    if score:
        outcome.score = score_report(report, profile)
    outcome.audit = run_audit(report, doc, profile, options.select, options.ignore, outcome.score)
    outcome.problems += [f"{outcome.path}：规则 {f.rule}（{f.title}）{f.message}"
                         for f in outcome.audit.findings if f.message.startswith(RULE_FAILED)]


def _run(path: Path, audit: AuditOptions | None, keep_doc: bool, score: bool, identity: dict) -> Outcome:
    clock = _Clock()
    doc = read(path)
    clock.lap("read")
    outcome = Outcome(path=str(path), status="ok", report=extract(doc), **identity,
                      doc=doc if keep_doc else None, problems=[f"{path}：{reason}" for reason in getattr(doc, "partial", None) or []])
    clock.lap("extract")
    if audit is not None:
        outcome.select, outcome.ignore = audit.select, audit.ignore
        try:
            _audit_stage(outcome, doc, audit, score)
        except (JixiaoError, ArithmeticError, ValueError, TypeError, KeyError, AttributeError, IndexError) as e:
            outcome.problems.append(f"{path}：审核未能完成（{type(e).__name__}：{e}），仅输出解析结果"[:500])
        clock.lap("audit")
    outcome.status = "partial" if outcome.problems else "ok"
    outcome.timings = clock.done()
    return outcome


def failed(path: str | Path, reason: str, **fields: Any) -> Outcome:
    """The outcome of a file that could not be processed, with its one Chinese reason."""
    return Outcome(path=str(path), status="failed", problems=[reason], **fields)


def process(path: str | Path, audit: AuditOptions | None = None, keep_doc: bool = False, score: bool = False) -> Outcome:
    """Run the stages on one file; never raises for bad input: any failure becomes a failed outcome with a reason.

    With `audit` the report is also scored and audited (`score=True` keeps the full score too).
    """
    sha, size = content_hash(Path(path))
    identity = {"sha256": sha, "size": size}
    extra = {**identity, "select": audit.select, "ignore": audit.ignore} if audit else identity
    try:
        return _run(Path(path), audit, keep_doc, score, identity)
    except JixiaoError as e:
        return failed(path, str(e), **extra)
    except MemoryError:
        return failed(path, f"{path}：{OUT_OF_MEMORY}", **extra)
    except RecursionError:
        return failed(path, f"{path}：{TOO_DEEP}", **extra)
    except Exception as e:
        return failed(path, f"{path}：无法解析该文件（{type(e).__name__}：{e}）"[:500], **extra)


def is_report_file(path: Path) -> bool:
    """A file a directory run reads: a known extension or none, not hidden, not an Office lock file."""
    return not path.name.startswith((".", "~$")) and (path.suffix.lower() in EXTENSIONS or not path.suffix)


def iter_report_files(directory: Path) -> Iterable[Path]:
    """The report files under a directory, recursively, in a stable order, one directory at a time."""
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from iter_report_files(Path(entry.path))
        elif entry.is_file() and is_report_file(Path(entry.path)):
            yield Path(entry.path)


def count_report_files(directory: Path) -> int:
    """How many report files a directory holds (recursively), without keeping their names."""
    return sum(1 for _ in iter_report_files(directory))
