"""Background processing of uploads: queued versions go through the pipeline in a bounded process pool.

A worker thread claims queued versions (atomically, so several server processes can share one
PostgreSQL database), runs `jixiao.outcome.process` on each stored file in a worker process, and
writes back the Report, the audit, the indicator scores and the highlighted source.  Nothing is
lost on a restart: versions left "processing" by a stopped server are queued again.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from jixiao.export.audit_html import document_html
from jixiao.ingest import ocr_lines
from jixiao.ingest.registry import read
from jixiao.model import Report
from jixiao.outcome import AuditOptions, process
from jixiao.scoring.indicator import IndicatorScore
from jixiao.scoring.profile import load_profile
from jixiao.scoring.score import ScoreResult, score_report
from jixiao.store.review_total import review_total
from jixiao.store.tables import Event, FindingRow, Submission, Task, Unit, Version, utcnow

log = logging.getLogger(__name__)
STALE = timedelta(minutes=15)


def prefill(s: IndicatorScore) -> Decimal:
    """The 复核得分 a reviewer starts from: the recomputed score, a stated score clamped into its tier, or 0."""
    if s.status == "scored":
        return s.recomputed.quantize(Decimal("0.01"))
    if s.status == "range":
        start = s.stated if s.stated is not None else s.high
        return min(max(start, s.low), s.high).quantize(Decimal("0.01"))
    return Decimal("0.00")


def _indicator_rows(scored: list[IndicatorScore]) -> list[dict]:
    return [{"level1": s.indicator.level1, "level2": s.indicator.level2, "name": s.indicator.name,
             "target": s.indicator.target, "actual": s.indicator.actual,
             "weight": _text(s.indicator.weight), "stated": _text(s.stated), "status": s.status, "method": s.method,
             "recomputed": _text(s.recomputed), "low": _text(s.low), "high": _text(s.high), "prefill": str(prefill(s))}
            for s in scored]


def _execution_row(scored: ScoreResult) -> list[dict]:
    """预算执行率 as the first scored line of the 复核 table, when the profile weights it."""
    weight = scored.profile.execution.weight
    if not weight or (scored.execution_recomputed is None and scored.execution_stated is None):
        return []
    rate = scored.execution_rate
    recomputed = scored.execution_recomputed
    return [{"level1": "预算执行率", "level2": None, "name": "预算执行率", "target": "100%", "actual": None if rate is None else f"{rate}%",
             "weight": str(weight), "stated": _text(scored.execution_stated), "status": "scored" if recomputed is not None else "insufficient_evidence",
             "method": "得分 = 分值 × 执行率（不超过分值）" if recomputed is not None else "执行率无法计算，无证据支持得分",
             "recomputed": _text(recomputed), "low": None, "high": None,
             "prefill": str(recomputed.quantize(Decimal("0.01")) if recomputed is not None else Decimal("0.00"))}]


def review_rows(report: Report, scored: ScoreResult) -> list[dict]:
    """The lines of the 复核 table: 预算执行率 and each 三级指标; without indicators the level-one
    groups as stated; without those the total alone — so that every report gets a 复核 total."""
    if scored.indicators:
        return _execution_row(scored) + _indicator_rows(scored.indicators)
    if report.level1_summary:
        return [_stated_row(g.name, g.weight, g.score, "报告无三级指标明细，按一级指标自评得分预填") for g in report.level1_summary]
    total = scored.recomputed_total if scored.recomputed_total is not None else report.total_score
    return [_stated_row("总分", Decimal(100), total, "报告无指标明细，按总分预填")] if total is not None else []


def _stated_row(name: str, weight: Decimal | None, stated: Decimal | None, method: str) -> dict:
    prefill = min(stated, weight) if stated is not None and weight is not None else stated
    return {"level1": name, "level2": None, "name": name, "target": None, "actual": None, "weight": _text(weight), "stated": _text(stated),
            "status": "stated", "method": method, "recomputed": None, "low": None, "high": None,
            "prefill": str((prefill or Decimal(0)).quantize(Decimal("0.01")))}


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def analyse(path: str, profile: str | None) -> dict:
    """In a worker process: the pipeline on one stored file, reduced to what the store keeps (plain data).

    A partial read (a page that could not be read, say) keeps its problems as the version's note."""
    outcome = process(path, AuditOptions(profile=profile), keep_doc=True, score=True)
    if outcome.report is None or outcome.audit is None:
        return {"error": outcome.error or "无法解析该文件"}
    report, result = outcome.report, outcome.audit
    doc = getattr(outcome, "doc", None) or read(path)
    scored = getattr(outcome, "score", None) or score_report(report, load_profile(result.profile))
    return {
        "report": report.model_dump_json(), "audit": result.model_dump_json(),
        "source_html": document_html(doc, result.findings), "indicators": json.dumps(review_rows(report, scored), ensure_ascii=False),
        "unit_name": (report.unit.name or "").strip() or None, "year": report.unit.year, "profile": result.profile,
        "stated_score": _text(result.score.stated), "recomputed_score": _text(result.score.recomputed),
        "grade_stated": report.grade, "grade_recomputed": scored.grade_recomputed,
        "execution_rate": _text(scored.execution_rate),
        "three_public": [_text(report.three_public.prior_actual), _text(report.three_public.budget), _text(report.three_public.actual)],
        "findings": [(f.id, f.rule, f.category, f.severity) for f in result.findings],
        "note": "；".join(getattr(outcome, "problems", None) or []) or None,
    }


def claim(session: Session, limit: int, only: int | None = None) -> list[tuple[int, str, str | None]]:
    """Mark up to `limit` queued versions (or just `only`) as processing; (id, stored name, task profile) of each."""
    query = select(Version.id).where(Version.state == "queued")
    if only is not None:
        query = query.where(Version.id == only)
    ids = session.scalars(query.order_by(Version.id).limit(limit).with_for_update(skip_locked=True)).all()
    if not ids:
        return []
    session.execute(update(Version).where(Version.id.in_(ids), Version.state == "queued").values(state="processing", processed_at=utcnow()))
    rows = session.execute(select(Version.id, Version.stored_name, Task.profile).join(Task, Task.id == Version.task_id).where(Version.id.in_(ids)))
    return [tuple(r) for r in rows]


def requeue_stale(session: Session) -> int:
    """Versions a stopped server left half-done go back to the queue."""
    cutoff = utcnow() - STALE
    result = session.execute(update(Version).where(Version.state == "processing", (Version.processed_at.is_(None)) | (Version.processed_at < cutoff))
                             .values(state="queued"))
    return result.rowcount


def save_result(session: Session, version_id: int, result: dict, original_name: str | None = None) -> None:
    """Write what the pipeline made of a version, and make it its unit's current version."""
    v = session.get(Version, version_id)
    v.processed_at = utcnow()
    if "error" in result:
        v.state, v.error = "failed", _rename(result["error"], v, original_name)
        return
    for key in ("unit_name", "year", "profile", "stated_score", "recomputed_score", "grade_stated", "grade_recomputed", "execution_rate"):
        setattr(v, key, result[key])
    v.three_public_prior, v.three_public_budget, v.three_public_actual = result["three_public"]
    v.report_json, v.audit_json, v.indicators_json, v.source_html = result["report"], result["audit"], result["indicators"], result["source_html"]
    counts = {s: sum(1 for f in result["findings"] if f[3] == s) for s in ("error", "warning", "info")}
    v.errors, v.warnings, v.infos = counts["error"], counts["warning"], counts["info"]
    session.add_all(FindingRow(version_id=v.id, fid=fid, rule=rule, category=cat, severity=sev) for fid, rule, cat, sev in result["findings"])
    v.error = _rename(result["note"], v, original_name) if result.get("note") else None
    v.review_score, v.review_grade = review_total(v.profile, json.loads(v.indicators_json), {})
    unit_id = v.unit_hint_id or (_unit_by_name(session, v.unit_name) if v.unit_name else None)
    if unit_id is None:
        v.state, v.error = "failed", f"{v.original_name}：报告中未找到单位名称，请在上传时选择所属单位"
        return
    attach(session, v, unit_id)
    v.state = "done"


def _rename(error: str, v: Version, original_name: str | None) -> str:
    """A pipeline message names the stored file; the user knows it by its original name."""
    return error.replace(str(original_name or ""), v.original_name) if original_name else error


def _unit_by_name(session: Session, name: str) -> int:
    unit_id = session.scalar(select(Unit.id).where(Unit.name == name))
    if unit_id is None:
        unit = Unit(name=name)
        session.add(unit)
        session.flush()
        unit_id = unit.id
    return unit_id


def submission_for(session: Session, task_id: int, unit_id: int) -> Submission:
    """The unit's submission in the task, created (未报送) when the unit is new to the task."""
    sub = session.scalar(select(Submission).where(Submission.task_id == task_id, Submission.unit_id == unit_id))
    if sub is None:
        sub = Submission(task_id=task_id, unit_id=unit_id, status="未报送")
        session.add(sub)
        session.flush()
    return sub


def attach(session: Session, v: Version, unit_id: int) -> None:
    """Number the version within its unit's submission, make it current and move the status on."""
    sub = submission_for(session, v.task_id, unit_id)
    v.submission_id = sub.id
    v.number = (session.scalar(select(func.max(Version.number)).where(Version.submission_id == sub.id)) or 0) + 1
    sub.current_version_id = v.id
    if sub.status == "退回修改":
        sub.status = "已整改"
        session.add(Event(submission_id=sub.id, version_id=v.id, kind="resubmitted", message=f"上传整改后的第 {v.number} 版", user_id=v.uploaded_by))
    elif sub.status == "未报送":
        sub.status = "待审"


class Processor:
    """A worker thread feeding a bounded process pool with queued versions.

    A file that runs longer than `timeout` seconds fails with that reason; its worker process is
    killed and the pool replaced (the other files in flight go back to the queue).  When a worker
    dies (a crash, the memory limit) every file in flight is a suspect: the pool is replaced and
    the suspects run again one at a time, so that only the file that kills its worker fails.
    """

    def __init__(self, store, files_dir: Path, workers: int = 2, poll: float = 2.0, timeout: float = 600.0, task=analyse):
        self.store, self.files_dir, self.workers, self.poll, self.timeout, self.task = store, files_dir, max(1, workers), poll, timeout, task
        self._pool: ProcessPoolExecutor | None = None
        self._running: dict[int, tuple[float, int, str]] = {}  # version id → (started, pool generation, path)
        self._generation = 0
        self._broken = False
        self._suspects: set[int] = set()
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        with self.store.write() as s:
            requeue_stale(s)
        self._thread = threading.Thread(target=self._loop, name="jixiao-processor", daemon=True)
        self._thread.start()

    def _new_pool(self) -> ProcessPoolExecutor:
        """A pool whose workers have started and loaded the pipeline, so that a file's clock starts when it can run."""
        pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=ocr_lines.share, initargs=(self.workers,))
        wait([pool.submit(_warm) for _ in range(self.workers)], timeout=120)
        return pool

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread:
            self._thread.join(timeout=150)  # the loop ends within a poll, or once a new pool has warmed up


    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self._pool = self._pool or self._new_pool()
                self._watch()
                self._fill()
            except Exception:  # a database hiccup must not kill the worker thread; it retries on the next poll
                log.exception("processing loop")
            self._wake.wait(self.poll)
            self._wake.clear()
        self._requeue(list(self._running))  # a server stopping gives back what it had in hand
        if self._pool:
            _kill(self._pool)

    def _requeue(self, ids: list[int]) -> None:
        if ids:
            with self.store.write() as s:
                s.execute(update(Version).where(Version.id.in_(ids), Version.state == "processing").values(state="queued"))

    def _fill(self) -> None:
        with self._lock:
            free, generation, running = self.workers - len(self._running), self._generation, set(self._running)
            suspect = min(self._suspects) if self._suspects else None
        if free <= 0 or running & self._suspects or (suspect is not None and running):
            return  # a suspect runs alone
        with self.store.write() as s:
            claimed = claim(s, 1, only=suspect) if suspect is not None else claim(s, free)
        if suspect is not None and not claimed:
            self._suspects.discard(suspect)  # no longer queued (processed by another server, say)
        for version_id, stored_name, profile in claimed:
            path = str(self.files_dir / stored_name)
            with self._lock:
                self._running[version_id] = (time.monotonic(), generation, path)
            future = self._pool.submit(self.task, path, profile)
            future.add_done_callback(lambda f, vid=version_id, p=path, g=generation: self._done(vid, p, g, f))

    def _done(self, version_id: int, path: str, generation: int, future: Future) -> None:
        with self._lock:
            if self._running.get(version_id, (0, -1, ""))[1] != generation:
                return  # its pool was replaced and the version already dealt with
            alone = version_id in self._suspects
        try:
            result = future.result()
        except BrokenProcessPool:
            self._broken = True
            if not alone:
                self._wake.set()
                return  # every file in flight becomes a suspect when the pool is replaced
            result = {"error": f"{path}：处理进程意外退出（文件可能过大或已损坏），可重新上传重试"}
        except Exception as e:  # an error outside the pipeline's own handling fails this file only
            result = {"error": f"{path}：处理时出错（{type(e).__name__}）"}
        try:
            self._save(version_id, path, result)
        finally:
            with self._lock:
                self._running.pop(version_id, None)
                self._suspects.discard(version_id)
            self._wake.set()

    def _watch(self) -> None:
        """Fail the files past the time limit, and replace a pool that has a hung or dead worker."""
        now = time.monotonic()
        with self._lock:
            overdue = [(vid, path) for vid, (started, _g, path) in self._running.items() if now - started > self.timeout]
        for vid, path in overdue:
            self._save(vid, path, {"error": f"{path}：处理超过 {self.timeout:g} 秒仍未完成，已停止"})
        if overdue or self._broken:
            self._restart()

    def _restart(self) -> None:
        with self._lock:
            self._generation += 1
            others, old = list(self._running), self._pool
            if self._broken:
                self._suspects |= set(others)
            self._running.clear()
            self._pool, self._broken = self._new_pool(), False
        self._requeue(others)
        _kill(old)

    def _save(self, version_id: int, path: str, result: dict) -> None:
        for attempt in range(3):
            try:
                with self.store.write() as s:
                    save_result(s, version_id, result, path)
                return
            except IntegrityError:  # two versions of a new unit at once (PostgreSQL): the second retries
                if attempt == 2:
                    raise


def _warm() -> None:
    """Run once in each new worker: unpickling it imports this module, and with it the whole pipeline."""
    time.sleep(0.2)


def _kill(pool: ProcessPoolExecutor) -> None:
    """Stop a pool at once: a hung worker never ends by itself (the executor offers no other way to end one)."""
    for worker in list(getattr(pool, "_processes", {}).values()):
        worker.kill()
    pool.shutdown(wait=False, cancel_futures=True)
