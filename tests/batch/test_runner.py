"""The per-file runner: a file that hangs, grows or crashes is stopped and reported; the rest finish."""

from __future__ import annotations

import time
from pathlib import Path

from jixiao.batch.runner import Limits, run_local
from jixiao.ingest.ocr_lines import THREADS_ENV, cores
from jixiao.outcome import failed
from tests.batch.helpers import corpus, die_on_marked, frozen_objects, grow_on_marked, hang_on_marked, ocr_threads


def lost(path: str, reason: str):
    return failed(path, f"{path}：{reason}")


def _files(tmp_path: Path, n: int, marked: str) -> list[str]:
    files = sorted(str(p) for p in corpus(tmp_path / "in", n).iterdir())
    target = Path(files[1])
    renamed = target.with_name(f"{marked}_{target.name}")
    target.rename(renamed)
    return sorted([*files[:1], str(renamed), *files[2:]])


def test_a_hanging_file_is_stopped_at_the_limit_and_the_rest_finish(tmp_path):
    files = _files(tmp_path, 6, "HANG")
    start = time.monotonic()
    outcomes = list(run_local(files, hang_on_marked, lost, jobs=2, limits=Limits(timeout=5), ordered=True))
    assert time.monotonic() - start < 40  # the hanging file would take 60 s
    assert [o.path for o in outcomes] == files  # in input order
    by_status = {o.path: o for o in outcomes}
    hung = next(p for p in files if "HANG" in p)
    assert by_status[hung].status == "failed" and "处理超时（5 秒）" in by_status[hung].error
    assert all(o.status == "ok" for p, o in by_status.items() if p != hung)


def test_a_worker_over_its_memory_limit_is_killed_and_replaced(tmp_path):
    files = _files(tmp_path, 4, "GROW")
    outcomes = list(run_local(files, grow_on_marked, lost, jobs=1, limits=Limits(timeout=30, memory_mb=400)))
    grown = next(o for o in outcomes if "GROW" in o.path)
    assert grown.status == "failed" and "内存超出上限（400 MB）" in grown.error
    assert sorted(o.path for o in outcomes if o.status == "ok") == sorted(p for p in files if "GROW" not in p)


def test_a_worker_that_dies_is_reported_and_replaced(tmp_path):
    files = _files(tmp_path, 4, "DIE")
    outcomes = list(run_local(files, die_on_marked, lost, jobs=2, limits=Limits(timeout=30)))
    dead = next(o for o in outcomes if "DIE" in o.path)
    assert dead.status == "failed" and "工作进程意外退出（退出码 7）" in dead.error
    assert sum(o.status == "ok" for o in outcomes) == 3


def test_items_are_taken_lazily(tmp_path):
    files = sorted(str(p) for p in corpus(tmp_path / "in", 12).iterdir())
    taken = []

    def items():
        for f in files:
            taken.append(f)
            yield f

    results = run_local(items(), hang_on_marked, lost, jobs=1, limits=Limits(timeout=30), ordered=True)
    first = next(results)
    assert first.path == files[0] and len(taken) <= 5  # a bounded window, not the whole list
    results.close()


def test_workers_share_the_cores_for_ocr(monkeypatch):
    monkeypatch.delenv(THREADS_ENV, raising=False)
    assert set(run_local(["a", "b", "c"], ocr_threads, lost, jobs=2)) == {str(max(1, cores() // 2))}
    assert set(run_local(["a"], ocr_threads, lost, jobs=1)) == {str(cores())}


def test_an_ocr_thread_setting_of_the_user_is_kept(monkeypatch):
    monkeypatch.setenv(THREADS_ENV, "3")
    assert set(run_local(["a", "b"], ocr_threads, lost, jobs=2)) == {"3"}


def test_a_worker_freezes_what_it_loaded_after_its_first_item():
    counts = list(run_local(["a", "b", "c"], frozen_objects, lost, jobs=1, ordered=True))
    assert counts[0] == 0 and counts[1] > 1000 and counts[2] >= counts[1]
