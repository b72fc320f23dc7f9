"""One outcome per file: a batch never stops on a bad file, and every failure says why in Chinese.

`process` runs the stages on one file (read → extract → optionally audit) and never raises;
`process_many` does it for many files, in worker processes when asked, in input order.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from jixiao.errors import JixiaoError
from jixiao.extract import extract
from jixiao.ingest.document import SourceDocument
from jixiao.ingest.registry import EXTENSIONS, read
from jixiao.model import Report

if TYPE_CHECKING:
    from jixiao.audit import AuditResult

Status = Literal["ok", "failed"]


@dataclass(slots=True, frozen=True)
class AuditOptions:
    """Which profile and rules to audit with (picklable, for worker processes)."""

    profile: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


@dataclass(slots=True)
class Outcome:
    """What became of one file: its report (and audit), or the Chinese reason it could not be read."""

    path: str
    status: Status
    report: Report | None = None
    audit: AuditResult | None = None
    doc: SourceDocument | None = field(default=None, repr=False)
    error: str | None = None


def parse_file(path: str | Path) -> Report:
    """Read and extract one report; raises `JixiaoError` with a Chinese message on bad input."""
    return extract(read(path))


def _run(path: Path, audit: AuditOptions | None, keep_doc: bool) -> Outcome:
    doc = read(path)
    report = extract(doc)
    result = None
    if audit is not None:
        from jixiao.audit import audit as run_audit
        from jixiao.scoring.profile import load_profile

        profile = load_profile(audit.profile) if audit.profile else None
        result = run_audit(report, doc, profile, audit.select, audit.ignore)
    return Outcome(str(path), "ok", report, result, doc if keep_doc else None)


def process(path: str | Path, audit: AuditOptions | None = None, keep_doc: bool = False) -> Outcome:
    """Run the stages on one file; never raises: any failure becomes a failed outcome with a reason."""
    try:
        return _run(Path(path), audit, keep_doc)
    except JixiaoError as e:
        return Outcome(str(path), "failed", error=str(e))
    except MemoryError:
        return Outcome(str(path), "failed", error=f"{path}：文件过大，读取时内存不足")
    except RecursionError:
        return Outcome(str(path), "failed", error=f"{path}：文件结构嵌套过深，无法解析")
    except Exception as e:
        return Outcome(str(path), "failed", error=f"{path}：无法解析该文件（{type(e).__name__}：{e}）"[:500])


def report_files(directory: Path) -> list[Path]:
    """The files of a directory (recursively) that look like reports, in a stable order."""
    return sorted(
        p for p in directory.rglob("*")
        if p.is_file() and not p.name.startswith((".", "~$")) and (p.suffix.lower() in EXTENSIONS or not p.suffix)
    )


def default_jobs(n_files: int) -> int:
    """Worker processes for a batch: one per core, none for a handful of files."""
    return 1 if n_files < 8 else min(os.cpu_count() or 1, n_files)


def process_many(paths: Iterable[Path], audit: AuditOptions | None = None, jobs: int = 1) -> Iterator[Outcome]:
    """Outcomes in input order; with jobs > 1 the files are processed in worker processes."""
    paths = list(paths)
    if jobs <= 1:
        yield from (process(p, audit) for p in paths)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(partial(process, audit=audit), paths, chunksize=4)
