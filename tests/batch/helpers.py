"""Test helpers for batch runs: a corpus of fixture copies, per-file functions that hang, grow or crash."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import time
from pathlib import Path

from jixiao.outcome import Outcome, process

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "tests" / "data" / "text" / "sources").glob("*")) + sorted((ROOT / "tests" / "data" / "docx" / "sources").glob("*.docx"))


def corpus(directory: Path, n: int) -> Path:
    """`n` report files: the text and Word fixtures copied round-robin, each copy made distinct by its name only."""
    directory.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        src = SOURCES[i % len(SOURCES)]
        shutil.copy(src, directory / f"{i:03d}_{src.name}")
    return directory


def ledger_rows(out: Path) -> dict[str, tuple]:
    """path -> (id, sha256, status, finding_ids, run, finished_at, outputs) as stored."""
    with sqlite3.connect(out / "ledger.sqlite") as db:
        rows = db.execute("SELECT path, id, sha256, status, finding_ids, run, finished_at, outputs, problems FROM files").fetchall()
    return {r[0]: r[1:] for r in rows}


def ledger_count(out: Path) -> int:
    try:
        with sqlite3.connect(out / "ledger.sqlite", timeout=1) as db:
            return db.execute("SELECT count(*) FROM files").fetchone()[0]
    except sqlite3.Error:
        return 0


def hang_on_marked(path: str) -> Outcome:
    """Process a file, but hang for a minute on one whose name contains HANG."""
    if "HANG" in Path(path).name:
        time.sleep(60)
    return process(path)


def grow_on_marked(path: str) -> Outcome:
    """Process a file, but hold 600 MB for a while on one whose name contains GROW."""
    if "GROW" in Path(path).name:
        ballast = bytearray(600 * 2**20)
        time.sleep(10)
        del ballast
    return process(path)


def die_on_marked(path: str) -> Outcome:
    """Process a file, but end the worker process abruptly on one whose name contains DIE."""
    if "DIE" in Path(path).name:
        os._exit(7)
    return process(path)


def slow(path: str) -> Outcome:
    """Process a file a little slowly, so that a run can be interrupted in the middle."""
    time.sleep(0.2)
    return process(path)


def ctrl_c_reaches_it() -> None:
    """`preexec_fn` for a command a test will stop with Ctrl-C: the default SIGINT action, whatever the test
    runner inherited (a shell starts background jobs, and so a backgrounded pytest, with SIGINT ignored)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def ocr_threads(item: str) -> str | None:
    """The OCR thread setting a worker runs `item` with."""
    from jixiao.ingest.ocr_lines import THREADS_ENV

    return os.environ.get(THREADS_ENV)


def frozen_objects(item: str) -> int:
    """How many objects the worker's garbage collector no longer walks (`gc.freeze`)."""
    import gc

    return gc.get_freeze_count()
