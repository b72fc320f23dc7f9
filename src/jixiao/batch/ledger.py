"""The batch ledger (处理台账): one SQLite row per file, the source of truth for what is done.

Each result is committed as it arrives (WAL journal), so a run killed at any moment keeps every
result it stored; a rerun skips a file whose content hash, jixiao version and options hash are
unchanged.  Neither the local pool nor Dask keeps state of its own: what is done is what is here.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from jixiao.batch.files import printable
from jixiao.errors import JixiaoError

SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    path TEXT NOT NULL UNIQUE,        -- relative to the batch directory, POSIX separators
    sha256 TEXT,
    size INTEGER,
    status TEXT NOT NULL,             -- ok | partial | failed
    problems TEXT NOT NULL,           -- JSON list of Chinese messages
    timings TEXT NOT NULL,            -- JSON {stage: seconds}
    outputs TEXT NOT NULL,            -- JSON list of files written, relative to the output folder
    finding_ids TEXT NOT NULL,        -- JSON list of the audit findings' stable ids
    unit TEXT,
    version TEXT NOT NULL,
    options TEXT NOT NULL,            -- hash of the profile content and rule selection
    run TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    sheet TEXT                        -- JSON rows of the 审核意见表 (summary and findings); NULL in older ledgers
);
CREATE TABLE IF NOT EXISTS runs (
    id TEXT PRIMARY KEY,
    directory TEXT NOT NULL,
    engine TEXT NOT NULL,
    options TEXT NOT NULL,
    version TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    interrupted INTEGER
);
"""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(slots=True)
class Row:
    """One file's entry."""

    path: str
    sha256: str | None
    size: int | None
    status: str
    problems: list[str]
    timings: dict[str, float]
    outputs: list[str]
    finding_ids: list[str]
    unit: str | None
    version: str
    options: str
    run: str
    finished_at: str = ""
    id: int | None = None
    sheet: dict[str, list] | None = None


class Ledger:
    """The SQLite ledger of one output folder, held by one run at a time."""

    def __init__(self, path: Path):
        self._lock = _hold(path.with_name(".jixiao-batch.lock"))
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")  # in WAL mode: a killed process loses no commit
        self.db.executescript(SCHEMA)
        if "sheet" not in {r[1] for r in self.db.execute("PRAGMA table_info(files)")}:  # a ledger from before the column
            self.db.execute("ALTER TABLE files ADD COLUMN sheet TEXT")
        self.db.execute("CREATE TEMP TABLE seen (path TEXT PRIMARY KEY)")

    def close(self) -> None:
        self.db.close()
        self._lock.close()

    def start_run(self, run: str, directory: Path, engine: str, options: str, version: str) -> None:
        self.db.execute("INSERT INTO runs (id, directory, engine, options, version, started_at) VALUES (?, ?, ?, ?, ?, ?)",
                        (run, str(directory), engine, options, version, now()))

    def end_run(self, run: str, interrupted: bool) -> None:
        self.db.execute("UPDATE runs SET finished_at = ?, interrupted = ? WHERE id = ?", (now(), int(interrupted), run))

    def see(self, path: str) -> None:
        """Note a file of this run's directory (for the failures list and the workbook at the end)."""
        self.db.execute("INSERT OR IGNORE INTO seen VALUES (?)", (path,))

    def is_current(self, path: str, sha256: str | None, version: str, options: str) -> bool:
        """Whether the stored result of `path` is for the same content, version and options."""
        row = self.db.execute("SELECT sha256, version, options FROM files WHERE path = ?", (path,)).fetchone()
        return row is not None and sha256 is not None and row == (sha256, version, options)

    def outputs_of(self, path: str) -> list[str]:
        row = self.db.execute("SELECT outputs FROM files WHERE path = ?", (path,)).fetchone()
        return json.loads(row[0]) if row else []

    def record(self, row: Row) -> None:
        """Store one file's result and commit it at once."""
        row.finished_at = now()
        values = _values(row)
        if not all(_encodable(v) for v in values):  # a file name in another encoding: spelled out
            row.path, row.problems, row.finding_ids, row.unit, row.sheet = printable([row.path, row.problems, row.finding_ids, row.unit, row.sheet])
            values = _values(row)
        self.db.execute(
            "INSERT INTO files (path, sha256, size, status, problems, timings, outputs, finding_ids, unit, version, options, run, finished_at, sheet)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET"
            " sha256 = excluded.sha256, size = excluded.size, status = excluded.status, problems = excluded.problems,"
            " timings = excluded.timings, outputs = excluded.outputs, finding_ids = excluded.finding_ids, unit = excluded.unit,"
            " version = excluded.version, options = excluded.options, run = excluded.run, finished_at = excluded.finished_at,"
            " sheet = excluded.sheet",
            values,
        )

    def rows(self, seen_only: bool = True, status: str | None = None) -> Iterator[Row]:
        """Stored rows in path order: of the files seen in this run (by default), optionally of one status."""
        query = ("SELECT id, path, sha256, size, status, problems, timings, outputs, finding_ids, unit, version, options, run, finished_at,"
                 " sheet FROM files")
        where = (["path IN (SELECT path FROM seen)"] if seen_only else []) + (["status = ?"] if status else [])
        if where:
            query += " WHERE " + " AND ".join(where)
        for r in self.db.execute(query + " ORDER BY path", (status,) if status else ()):
            yield Row(path=r[1], sha256=r[2], size=r[3], status=r[4], problems=json.loads(r[5]), timings=json.loads(r[6]),
                      outputs=json.loads(r[7]), finding_ids=json.loads(r[8]), unit=r[9], version=r[10], options=r[11],
                      run=r[12], finished_at=r[13], id=r[0], sheet=json.loads(r[14]) if r[14] is not None else None)


def _hold(lock: Path) -> IO[bytes]:
    """An exclusive lock on the output folder, or a Chinese error when another run holds it."""
    handle = lock.open("ab")
    try:
        import fcntl
    except ImportError:  # no advisory locks on this platform: SQLite's own locking still applies
        return handle
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise JixiaoError(f"{lock.parent}：另一个 jixiao batch 正在使用这个输出目录，请等它结束或换一个输出目录") from None
    return handle


def _values(row: Row) -> tuple:
    return (row.path, row.sha256, row.size, row.status, _j(row.problems), _j(row.timings), _j(row.outputs),
            _j(row.finding_ids), row.unit, row.version, row.options, row.run, row.finished_at,
            None if row.sheet is None else _j(row.sheet))


def _encodable(value: object) -> bool:
    """Whether SQLite can store the value as it is (text UTF-8 can hold)."""
    if not isinstance(value, str):
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _j(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)
