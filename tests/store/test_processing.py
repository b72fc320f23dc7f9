"""Background processing: every file ends — processed, failed with its reason, timed out, or failed by a dying worker — and the rest go on."""

from __future__ import annotations

import io
import time

from sqlalchemy import select

from jixiao.ingest.ocr_lines import THREADS_ENV, cores
from jixiao.store import Store
from jixiao.store.processing import Processor
from jixiao.store.tables import Submission, Task, Version
from jixiao.store.uploads import accept
from tests.store.slow_tasks import hang_or_crash, ocr_threads
from tests.web.server import SEEDS


def _finished(store, ids: list[int], timeout: float = 120) -> dict[int, Version]:
    deadline = time.monotonic() + timeout
    while True:
        with store.read() as s:
            versions = {v.id: v for v in s.scalars(select(Version).where(Version.id.in_(ids)))}
        if all(v.state in ("done", "failed") for v in versions.values()):
            return versions
        assert time.monotonic() < deadline, {v.id: v.state for v in versions.values()}
        time.sleep(0.2)


def test_hung_and_dying_workers_fail_their_file_and_processing_goes_on(tmp_path):
    # The processor's logic is the same on both databases (claiming is tested on each by the web tests): SQLite only here.
    store = Store(f"sqlite:///{tmp_path / 'jixiao.db'}")
    files = tmp_path / "files"
    files.mkdir()
    with store.write() as s:
        task = Task(year=2024, name="处理")
        s.add(task)
        s.flush()
        task_id = task.id
    seed = sorted(SEEDS.glob("*.txt"))[0]
    uploads = [(b"hang\n" + seed.read_bytes(), "卡住.txt"), (b"crash\n" + seed.read_bytes(), "崩溃.txt"), (seed.read_bytes(), "正常.txt"),
               ("无单位名称的短文本".encode(), "无单位.txt")]
    ids = {name: accept(store, files, task_id, io.BytesIO(data), name, None, None)[0].version_id for data, name in uploads}
    processor = Processor(store, files, workers=2, poll=0.2, timeout=12, task=hang_or_crash)
    processor.start()
    try:
        versions = _finished(store, list(ids.values()))
    finally:
        processor.stop()
    hung, crashed, good, unnamed = (versions[ids[n]] for n in ("卡住.txt", "崩溃.txt", "正常.txt", "无单位.txt"))
    assert hung.state == "failed" and hung.error.startswith("卡住.txt：处理超过 12 秒")
    assert crashed.state == "failed" and crashed.error.startswith("崩溃.txt：处理进程意外退出")
    assert good.state == "done" and good.unit_name and good.number == 1 and good.stated_score is not None
    assert unnamed.state == "failed" and "单位名称" in unnamed.error
    with store.read() as s:
        assert s.get(Submission, good.submission_id).status == "待审"
    store.close()


def test_a_failed_file_uploaded_again_is_retried(store, tmp_path):
    with store.write() as s:
        task = Task(year=2024, name="重试")
        s.add(task)
        s.flush()
        task_id = task.id
    data = "无单位名称的短文本".encode()
    first = accept(store, tmp_path, task_id, io.BytesIO(data), "a.txt", None, None)[0]
    with store.write() as s:
        v = s.get(Version, first.version_id)
        v.state, v.error = "failed", "a.txt：处理进程意外退出"
    again = accept(store, tmp_path, task_id, io.BytesIO(data), "a.txt", None, None)[0]
    assert again.version_id == first.version_id and not again.duplicate
    with store.read() as s:
        assert s.get(Version, first.version_id).state == "queued"


def test_pool_workers_share_the_cores_for_ocr(tmp_path, monkeypatch):
    monkeypatch.delenv(THREADS_ENV, raising=False)
    pool = Processor(None, tmp_path, workers=2)._new_pool()
    try:
        assert {pool.submit(ocr_threads).result(timeout=60) for _ in range(4)} == {str(max(1, cores() // 2))}
    finally:
        pool.shutdown()
