"""Runs malformed files through the per-file pipeline in worker processes and classifies what happened.

Each case runs in a long-lived worker (imports paid once) with a hard per-case limit and a memory
ceiling watched from outside: a case that overruns is killed ("hang"), a worker whose resident
memory passes the ceiling is killed ("memory kill"), and the worker is replaced.  The limit is on
the CPU time the case uses (so that a machine shared with other jobs does not turn slow cases into
hangs), with a wall-clock backstop of `WALL_FACTOR` times the limit for a case that waits instead.  Inside
the worker the case runs as `jixiao parse FILE --format json` does — `outcome.process`, then the
report as strict JSON — with the worker's stdout/stderr captured, so that library log lines or a
traceback printed to the terminal are seen too.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import multiprocessing as mp
import os
import re
import tempfile
import time
import traceback
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# Outcome classes, in the order the tables print them.
READ, REFUSED, TRACEBACK, HANG, MEMORY, CRASH, RAW, NOISE, BAD_JSON = (
    "read", "refused cleanly", "traceback", "hang", "memory kill", "crash", "raw exception text", "terminal noise", "invalid JSON",
)
CLASSES = (READ, REFUSED, TRACEBACK, HANG, MEMORY, CRASH, RAW, NOISE, BAD_JSON)
GOOD = (READ, REFUSED)
_CJK = re.compile(r"[\u4e00-\u9fff]")
# What a raw exception leaks into a message: a class name, a traceback, an English library phrase.
_RAW = re.compile(r"\b[A-Z][A-Za-z]*(?:Error|Exception|Warning)\b|Traceback|\bline \d+|invalid literal|\b(?:not|cannot|unsupported|maximum|exceeds)\b", re.IGNORECASE)


@dataclass(slots=True)
class Result:
    """What one case came to: its class, seconds taken, and the message or output that decided it."""

    kind: str
    seconds: float
    detail: str = ""
    partial: bool = False
    cpu: float = 0.0
    repeat_of: int | None = None
    """The number of an earlier case with the same bytes, whose result this is (not run again)."""


def classify_message(message: str, name: str) -> str:
    """A refusal is clean when it is one line, names the file, is in Chinese and leaks no exception text."""
    if "\n" in message.strip() or name not in message or not _CJK.search(message):
        return RAW
    rest = message.replace(name, "")
    return RAW if _RAW.search(rest) else REFUSED


def _run_case(path: str) -> Result:
    """The pipeline on one file, as the CLI runs it (inside the worker)."""
    from jixiao.outcome import process

    start, cpu_start = time.monotonic(), _own_cpu()
    try:
        outcome = process(path)
    except BaseException:  # process() must never raise
        return Result(TRACEBACK, time.monotonic() - start, traceback.format_exc()[-2000:])
    seconds, cpu = time.monotonic() - start, _own_cpu() - cpu_start
    if outcome.report is None:
        return Result(classify_message(outcome.error or "", Path(path).name), seconds, outcome.error or "", cpu=cpu)
    try:
        json.dumps(outcome.report.model_dump(mode="json"), ensure_ascii=False, allow_nan=False)
    except (ValueError, TypeError) as e:
        return Result(BAD_JSON, seconds, str(e)[:500], cpu=cpu)
    partial = outcome.status == "partial"
    return Result(READ, seconds, "", partial=partial, cpu=cpu)


def _own_cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _worker(conn, log_dir: str, limits: str | None) -> None:
    """Worker loop: run each path sent, reply with a Result; terminal output is captured per case."""
    if limits is not None:
        os.environ["JIXIAO_LIMITS"] = limits
    import jixiao.outcome  # noqa: F401 — paid once, not per case

    capture = os.path.join(log_dir, f"out-{os.getpid()}.txt")
    while True:
        path = conn.recv()
        if path is None:
            return
        with open(capture, "w+b") as out:
            saved = os.dup(1), os.dup(2)
            os.dup2(out.fileno(), 1)
            os.dup2(out.fileno(), 2)
            try:
                result = _run_case(path)
            finally:
                os.dup2(saved[0], 1)
                os.dup2(saved[1], 2)
                os.close(saved[0])
                os.close(saved[1])
            out.seek(0)
            printed = out.read(4000).decode("utf-8", "replace").strip()
        if printed and result.kind in GOOD:
            result = Result(TRACEBACK if "Traceback" in printed else NOISE, result.seconds, printed[:2000], cpu=result.cpu)
        conn.send(result)


def _died(proc, elapsed: float) -> Result:
    """A worker that ended without answering: killed for memory (SIGKILL) or crashed."""
    proc.join(timeout=1)
    code = proc.exitcode
    return Result(MEMORY if code == -9 else CRASH, elapsed, f"worker ended with exit code {code}")


WALL_FACTOR = 4
_TICK = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its waited-for children, from /proc."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return sum(int(x) for x in fields[11:15]) / _TICK
    except (OSError, ValueError, IndexError):
        return 0.0


def _rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


class Pool:
    """Worker processes that each run one case at a time under a time and a memory limit."""

    def __init__(self, workers: int = 2, timeout: float = 30.0, memory_bytes: int = 3 * 1024**3, limits: str | None = None):
        self.timeout, self.memory, self.limits = timeout, memory_bytes, limits
        self.ctx = mp.get_context("spawn")
        self.log_dir = tempfile.mkdtemp(prefix="jixiao-fuzz-")
        self.idle = [self._start() for _ in range(workers)]
        self.running: dict[int, tuple] = {}  # worker id -> (worker, path, started, CPU at start)

    def _start(self):
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker, args=(child, self.log_dir, self.limits), daemon=True)
        proc.start()
        return proc, parent

    def _finish(self, worker, path: str, started: float, cpu_start: float) -> Result | None:
        """The case's result if it is done, a kill result if it broke a limit, else None (still running)."""
        proc, conn = worker
        elapsed = time.monotonic() - started
        if conn.poll():
            try:
                return conn.recv()
            except (EOFError, OSError):
                return _died(proc, elapsed)
        if not proc.is_alive():
            return _died(proc, elapsed)
        cpu = _cpu_seconds(proc.pid) - cpu_start
        if cpu > self.timeout or elapsed > WALL_FACTOR * self.timeout:
            return Result(HANG, elapsed, f"no answer after {cpu:.0f} s of CPU time ({elapsed:.0f} s)")
        if _rss_bytes(proc.pid) > self.memory:
            return Result(MEMORY, elapsed, f"resident memory above {self.memory // 1024**2} MB")
        return None

    def run(self, paths: Iterable[str]):
        """Yield (path, Result) for every path, as cases finish, using every worker; the paths are
        taken from the iterable only when a worker is free (cases can be made on demand)."""
        todo = iter(paths)
        running = self.running
        more = True
        while more or running:
            while more and self.idle:
                path = next(todo, None)
                if path is None:
                    more = False
                    break
                worker = self.idle.pop()
                worker[1].send(path)
                running[id(worker)] = (worker, path, time.monotonic(), _cpu_seconds(worker[0].pid))
            time.sleep(0.01)
            for key, (worker, path, started, cpu_start) in list(running.items()):
                result = self._finish(worker, path, started, cpu_start)
                if result is None:
                    continue
                del running[key]
                if result.kind in (HANG, MEMORY, CRASH):
                    worker[0].kill()
                    worker[0].join()
                    worker = self._start()
                self.idle.append(worker)
                yield path, result

    def close(self) -> None:
        """End every worker: idle ones are asked to stop, busy ones (an interrupted run) are killed."""
        for (proc, _), *_ in self.running.values():
            proc.kill()
            proc.join()
        self.running.clear()
        for proc, conn in self.idle:
            with contextlib.suppress(OSError):
                conn.send(None)
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()
                proc.join()
        self.idle = []


def run_cases(numbers: Iterable[int], size=None, workers: int = 2, timeout: float = 30.0, on_result=None, limits: str | None = None) -> list[tuple]:
    """Generate the numbered cases on demand, run them, and return (case number, mutation, Result) per case.

    A case whose bytes are identical to a case already finished in this run (the large crafted
    files are the same at every turn of the schedule) is not run again: the pipeline is
    deterministic, so it gets that case's result with `repeat_of` set to the first case's number.
    `limits` is a `JIXIAO_LIMITS` setting for the workers (None: the defaults)."""
    from tests.fuzz.mutations import Size, case

    size = size or Size()
    directory = Path(tempfile.mkdtemp(prefix="jixiao-fuzz-cases-"))
    made: dict[str, tuple[int, str, bytes]] = {}
    finished: dict[bytes, tuple[int, Result]] = {}
    results = []

    def deliver(number: int, mutation: str, result: Result) -> None:
        results.append((number, mutation, result))
        if on_result is not None:
            on_result(number, mutation, result)

    def paths():
        for number in numbers:
            c = case(number, size)
            digest = hashlib.blake2b(c.data, digest_size=16).digest()
            if digest in finished:
                first, result = finished[digest]
                deliver(c.number, c.mutation, dataclasses.replace(result, repeat_of=first))
                continue
            path = directory / c.name
            path.write_bytes(c.data)
            made[str(path)] = (c.number, c.mutation, digest)
            yield str(path)

    pool = Pool(workers, timeout, limits=limits)
    results = []
    try:
        for path, result in pool.run(paths()):
            number, mutation, digest = made.pop(path)
            Path(path).unlink(missing_ok=True)
            finished.setdefault(digest, (number, result))
            deliver(number, mutation, result)
    finally:
        pool.close()
        for leftover in directory.iterdir():
            leftover.unlink()
        directory.rmdir()
    return results
