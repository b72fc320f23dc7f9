"""`jixiao batch` (批量处理): parse, score and audit a directory into an output folder, resumably.

OUT/ledger.sqlite   one row per file (see `ledger.py`); a rerun skips files already done
OUT/results/*.json  one outcome per file, written atomically (`<content sha256>-<path key>.json`)
OUT/failures.csv    one line per failed file with its reason
OUT/审核意见表.xlsx   every finding and a summary row per unit, written at the end from the results

The directory is walked lazily and files are handed out as workers free up, so memory does not
grow with the corpus.  The per-file function is a parameter (`work`), the same for local worker
processes and for a Dask cluster.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from jixiao import __version__
from jixiao.batch.files import dumps, printable, write_atomic
from jixiao.batch.ledger import Ledger, Row
from jixiao.batch.runner import Limits, run_local
from jixiao.outcome import AuditOptions, Outcome, content_hash, count_report_files, failed, iter_report_files, process

Work = Callable[[str], Outcome]


@dataclass(slots=True)
class Done:
    """What comes back from a worker for one file: the ledger's fields, the outcome's JSON text and its
    rows of the 审核意见表.

    The JSON and the rows are made where the work was done (pydantic's serialiser, NaN/Infinity as
    null), so the parent process only writes files and ledger rows and never becomes the bottleneck,
    and the workbook at the end is written from the ledger without reading the results back.
    """

    path: str
    status: str
    problems: list[str]
    timings: dict[str, float]
    finding_ids: list[str]
    unit: str | None
    text: str
    sheet: dict[str, list]

    @classmethod
    def of(cls, outcome: Outcome) -> Done:
        try:
            text = _json(outcome)
        except MemoryError:
            outcome = failed(outcome.path, f"{outcome.path}：结果过大，写出 JSON 时内存不足", sha256=outcome.sha256, size=outcome.size)
            text = _json(outcome)
        from jixiao.export import audit_xlsx

        findings = outcome.audit.findings if outcome.audit is not None else []
        return cls(outcome.path, outcome.status, outcome.problems, outcome.timings, [f.id for f in findings],
                   outcome.report.unit.name if outcome.report else None, text, audit_xlsx.rows(outcome))


def _json(outcome: Outcome) -> str:
    """The outcome's JSON text; text UTF-8 cannot hold (a file name in another encoding) is spelled out."""
    try:
        return outcome.model_dump_json()
    except ValueError:  # pydantic's serialisation error (a subclass) for text with lone surrogates
        return dumps(printable(outcome.model_dump(mode="json")))


@dataclass(frozen=True, slots=True)
class _Stored:
    """The per-file function as run by a worker: `work`, then its outcome made ready to store (picklable)."""

    work: Work

    def __call__(self, path: str) -> Done:
        return Done.of(self.work(path))
WORKBOOK = "审核意见表.xlsx"
STATUSES = ("ok", "partial", "failed", "skipped")


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How to run: audit options, worker processes, limits per file, and an optional Dask scheduler."""

    audit: AuditOptions = field(default_factory=AuditOptions)
    jobs: int = 1
    limits: Limits = field(default_factory=Limits)
    scheduler: str | None = None


@dataclass(slots=True)
class Summary:
    """What a run did: counts per status, files in the directory, time, and whether it was interrupted."""

    out: Path
    total: int = 0
    counts: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def done(self) -> int:
        return sum(self.counts[s] for s in STATUSES)

    @property
    def remaining(self) -> int:
        return max(self.total - self.done, 0)


def default_jobs() -> int:
    """One worker per core."""
    return os.cpu_count() or 1


def options_key(options: BatchOptions) -> str:
    """What decides a file's result besides its content and the version: profile, rule selection, reading limits."""
    from jixiao.ingest.limits import ENV_VAR

    return hashlib.sha256(f"{options.audit.key()}\n{os.environ.get(ENV_VAR, '')}".encode()).hexdigest()[:16]


def result_name(rel: str, sha256: str | None) -> str:
    """Where a file's result goes, relative to the output folder: its content hash and a key of its path."""
    return f"results/{sha256 or 'unreadable'}-{hashlib.sha1(rel.encode()).hexdigest()[:8]}.json"


class _Batch:
    """One run over one directory: the ledger, the files in flight, the counts."""

    def __init__(self, directory: Path, out: Path, options: BatchOptions, on_result: Callable[[str, str], None]):
        self.directory, self.out, self.options, self.on_result = directory, out, options, on_result
        out.mkdir(parents=True, exist_ok=True)
        self.ledger = Ledger(out / "ledger.sqlite")
        self.run_id = uuid.uuid4().hex[:12]
        self.options_key = options_key(options)
        self.inflight: dict[str, tuple[str, str | None, int | None]] = {}
        self.summary = Summary(out)

    def todo(self) -> Iterator[str]:
        """The files that need work (absolute paths), lazily; unchanged ones are counted as skipped."""
        for path in iter_report_files(self.directory):
            rel = printable(path.relative_to(self.directory).as_posix())
            self.ledger.see(rel)
            sha, size = content_hash(path)
            if self.ledger.is_current(rel, sha, __version__, self.options_key):
                self.summary.counts["skipped"] += 1
                self.on_result("skipped", rel)
                continue
            self.inflight[str(path)] = (rel, sha, size)
            yield str(path)

    def lost(self, path: str, reason: str) -> Done:
        _, sha, size = self.inflight[path]
        return Done.of(failed(path, f"{path}：{reason}", sha256=sha, size=size, select=self.options.audit.select, ignore=self.options.audit.ignore))

    def store(self, done: Done) -> None:
        """Write one file's JSON, then commit its ledger row."""
        rel, sha, size = self.inflight.pop(done.path)
        name = result_name(rel, sha)
        write_atomic(self.out / name, done.text)
        for old in set(self.ledger.outputs_of(rel)) - {name}:
            (self.out / old).unlink(missing_ok=True)
        self.ledger.record(Row(
            path=rel, sha256=sha, size=size, status=done.status, problems=done.problems, timings=done.timings, outputs=[name],
            finding_ids=done.finding_ids, unit=done.unit, version=__version__, options=self.options_key, run=self.run_id,
            sheet=done.sheet,
        ))
        self.summary.counts[done.status] += 1
        self.on_result(done.status, rel)

    def results(self, work: Work) -> Iterable[Done]:
        o = self.options
        if o.scheduler:
            from jixiao.batch.dask import run_dask

            return run_dask(self.todo(), _Stored(work), self.lost, o.scheduler, o.limits)
        return run_local(self.todo(), _Stored(work), self.lost, max(min(o.jobs, self.summary.total), 1), o.limits)

    def finish(self) -> None:
        """The failures list and the 审核意见表, from the ledger and the stored results."""
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["文件", "原因"])
        for row in self.ledger.rows(status="failed"):
            writer.writerow([row.path, row.problems[0] if row.problems else ""])
        write_atomic(self.out / "failures.csv", "\ufeff" + buffer.getvalue())
        from jixiao.export import audit_xlsx

        tmp = self.out / f".{WORKBOOK}.tmp"
        audit_xlsx.write_rows(self.sheet_rows(), tmp)
        os.replace(tmp, self.out / WORKBOOK)

    def sheet_rows(self) -> Iterator[dict[str, list]]:
        """Each stored file's rows of the workbook, from its ledger row (or, in a ledger written before rows
        were kept there, from its stored result read back)."""
        from jixiao.export import audit_xlsx

        for row in self.ledger.rows():
            if row.sheet is not None:
                yield row.sheet
                continue
            outcome = self.stored_outcome(row)
            if outcome is not None:
                yield audit_xlsx.rows(outcome)

    def stored_outcome(self, row: Row) -> Outcome | None:
        """A stored result read back, without its report (the workbook needs the audit only)."""
        try:
            data = json.loads((self.out / row.outputs[0]).read_text(encoding="utf-8"))
        except (OSError, ValueError, IndexError):
            return None
        data.pop("report", None)
        data["path"] = row.path
        return Outcome.from_json(data)


def run_batch(directory: Path, out: Path, options: BatchOptions | None = None, work: Work | None = None,
              on_total: Callable[[int], None] = lambda n: None, on_result: Callable[[str, str], None] = lambda status, path: None) -> Summary:
    """Process every report under `directory` into `out`; Ctrl-C stops cleanly with what is done stored."""
    start = time.perf_counter()
    options = options or BatchOptions()
    batch = _Batch(directory, out, options, on_result)
    batch.summary.total = count_report_files(directory)
    on_total(batch.summary.total)
    work = work or partial(process, audit=options.audit, score=True)
    try:
        batch.ledger.start_run(batch.run_id, directory, "dask" if options.scheduler else "local", batch.options_key, __version__)
        try:
            for done in batch.results(work):
                batch.store(done)
        except KeyboardInterrupt:
            batch.summary.interrupted = True
        batch.finish()
        batch.ledger.end_run(batch.run_id, batch.summary.interrupted)
    finally:
        batch.ledger.close()
        batch.summary.seconds = time.perf_counter() - start
    return batch.summary
