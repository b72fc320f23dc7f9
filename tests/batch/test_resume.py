"""A batch killed with SIGKILL, or stopped with Ctrl-C, resumes without losing or redoing a stored result."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.batch.helpers import corpus, ctrl_c_reaches_it, ledger_count, ledger_rows

N = 200  # long enough that a busy machine cannot finish the run before the signal arrives


def _start(src: Path, out: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "jixiao", "batch", str(src), "-o", str(out), "--jobs", "1"]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=ctrl_c_reaches_it)


def _wait_for_rows(proc: subprocess.Popen, out: Path, n: int) -> None:
    deadline = time.monotonic() + 120
    while ledger_count(out) < n:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.01)


def _mtimes(out: Path, rows: dict) -> dict[str, int]:
    return {path: (out / json.loads(row[6])[0]).stat().st_mtime_ns for path, row in rows.items()}


def _finish(src: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jixiao", "batch", str(src), "-o", str(out)], capture_output=True, text=True, timeout=300)


def test_killed_with_sigkill_then_rerun_loses_nothing_and_redoes_nothing(tmp_path):
    src, out = corpus(tmp_path / "in", N), tmp_path / "out"
    proc = _start(src, out)
    _wait_for_rows(proc, out, 3)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()
    stored = ledger_rows(out)
    assert 3 <= len(stored) < N
    mtimes = _mtimes(out, stored)
    rerun = _finish(src, out)
    assert rerun.returncode == 0, rerun.stderr
    after = ledger_rows(out)
    assert sorted(after) == sorted(p.name for p in src.iterdir())  # nothing lost
    assert all(after[p] == stored[p] for p in stored)  # same row ids, timestamps, run: nothing redone
    assert _mtimes(out, stored) == mtimes  # result files untouched
    second_run = {row[4] for p, row in after.items() if p not in stored}
    assert len(second_run) == 1 and second_run.isdisjoint({row[4] for row in stored.values()})
    assert f"跳过 {len(stored)} 个" in rerun.stderr


def test_ctrl_c_writes_what_is_done_and_a_rerun_completes(tmp_path):
    src, out = corpus(tmp_path / "in", N), tmp_path / "out"
    proc = _start(src, out)
    _wait_for_rows(proc, out, 3)
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal does on Ctrl-C: the whole foreground group
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    done = ledger_count(out)
    assert f"已中断：已完成 {done} 个，未处理 {N - done} 个" in stderr and "Traceback" not in stderr
    assert (out / "failures.csv").exists() and (out / "审核意见表.xlsx").exists()
    rerun = _finish(src, out)
    assert rerun.returncode == 0, rerun.stderr
    assert ledger_count(out) == N and f"跳过 {done} 个" in rerun.stderr
