"""Twenty clients uploading two hundred files at once against the live server lose nothing."""

from __future__ import annotations

import hashlib
import threading
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import select

from jixiao.store.tables import Version
from tests.web.server import SEEDS, Api

CLIENTS, FILES_EACH = 20, 10


def test_parallel_uploads_lose_nothing(live, tmp_path):
    with Api(live.url, "admin") as admin:
        units = [f"并发单位{n:02d}" for n in range(CLIENTS)]
        task = admin.send("POST", "/api/tasks", json={"year": 2024, "name": "并发上传", "units": units}).json()["id"]
        unit_ids = {r["unit"]: r["unit_id"] for r in admin.get(f"/api/tasks/{task}/dashboard").json()["rows"]}
    seed = sorted(SEEDS.glob("*.txt"))[-1].read_text(encoding="utf-8")
    sent: dict[str, bytes] = {}
    start = threading.Barrier(CLIENTS)

    def client(n: int) -> list[dict]:
        files = []
        for i in range(FILES_EACH):
            path = tmp_path / f"c{n:02d}-{i}.txt"
            path.write_text(f"{seed}\n附注：第 {n}-{i} 份上传。\n", encoding="utf-8")
            sent[path.name] = path.read_bytes()
            files.append(path)
        with Api(live.url, "admin") as api:
            start.wait()
            return [r for path in files for r in api.upload(task, [path], unit_id=unit_ids[units[n]])]

    with ThreadPoolExecutor(CLIENTS) as pool:
        results = [r for batch in pool.map(client, range(CLIENTS)) for r in batch]

    assert len(results) == CLIENTS * FILES_EACH
    assert [r for r in results if r["error"] or r["duplicate"] or not r["version_id"]] == []
    with Api(live.url, "admin") as admin:
        progress = admin.wait_processed(task, timeout=600)
    assert len(progress) == CLIENTS * FILES_EACH and {p["state"] for p in progress} == {"done"}
    with live.store.read() as s:
        versions = s.scalars(select(Version).where(Version.task_id == task)).all()
    by_name = {v.original_name: v for v in versions}
    assert set(by_name) == set(sent)
    for name, content in sent.items():
        v = by_name[name]
        assert v.sha256 == hashlib.sha256(content).hexdigest()
        assert (live.settings.files_dir / v.stored_name).read_bytes() == content
    numbers: dict[int, list[int]] = {}
    for v in versions:
        numbers.setdefault(v.submission_id, []).append(v.number)
    assert len(numbers) == CLIENTS and all(sorted(n) == list(range(1, FILES_EACH + 1)) for n in numbers.values())
