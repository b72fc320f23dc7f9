"""Review workspace speed: the dashboard of a task with 5,000 units and one report page, over HTTP.

The dashboard page carries the table; its charts' data comes from the charts API, fetched by the
page after it has loaded, so both are measured.

Seeds a fresh database through the store with synthetic rows (units, submissions, versions with
summary figures, ten findings each) plus one report processed by the real pipeline, serves the
app with uvicorn on 127.0.0.1, and prints the median response time of each page beside the
floor of the same run (a static file through the same server).

    .venv/bin/python benchmarks/web.py [--units 5000] [--runs 15] [--db postgresql+psycopg://…]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from decimal import Decimal
from pathlib import Path

import httpx
import uvicorn

from jixiao.store.accounts import create_user
from jixiao.store.processing import analyse, attach, save_result
from jixiao.store.tables import FindingRow, Submission, Task, Unit, Version
from jixiao.web import Settings, create_app

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
RULES = [("AR101", "arithmetic"), ("XR204", "cross_reference"), ("SC302", "scoring"), ("IQ401", "indicator_quality"), ("CP506", "compliance")]


def seed_rows(store, units: int) -> tuple[int, int]:
    """A task with `units` filed reports (synthetic figures) and one real processed report; (task id, its submission id)."""
    rng = random.Random(2024)
    with store.write() as s:
        create_user(s, "bench", "bench-password", "reviewer")
        task = Task(year=2024, name="基准测试")
        s.add(task)
        s.flush()
        s.add_all(Unit(name=f"基准单位{n:05d}") for n in range(units))
        s.flush()
        unit_ids = [u.id for u in s.query(Unit).order_by(Unit.id)]
        s.add_all(Submission(task_id=task.id, unit_id=u, status="待审") for u in unit_ids)
        s.flush()
        subs = list(s.query(Submission).filter(Submission.task_id == task.id).order_by(Submission.id))
        versions = []
        for n, sub in enumerate(subs):
            stated = Decimal(rng.randint(7000, 10000)) / 100
            versions.append(Version(task_id=task.id, submission_id=sub.id, number=1, sha256=f"{n:064d}", original_name=f"r{n}.txt",
                                    stored_name=f"r{n}.txt", size=1000, state="done", unit_name=f"基准单位{n:05d}", year=2024, profile="hunan",
                                    stated_score=stated, recomputed_score=stated - Decimal(rng.randint(0, 3000)) / 100,
                                    review_score=stated, execution_rate=Decimal(rng.randint(6000, 10000)) / 100,
                                    three_public_actual=Decimal(rng.randint(0, 5000)) / 100, errors=rng.randint(0, 10), warnings=rng.randint(0, 20), infos=1))
        s.add_all(versions)
        s.flush()
        for sub, v in zip(subs, versions):
            sub.current_version_id = v.id
        s.add_all(FindingRow(version_id=v.id, fid=f"{r}:{k}", rule=r, category=c, severity="error" if k < 3 else "warning")
                  for v in versions for k, (r, c) in enumerate(RULES * 2))
        real = Version(task_id=task.id, sha256="f" * 64, original_name="seed.txt", stored_name="seed.txt", size=1, state="processing")
        s.add(real)
        s.flush()
        real_id = task.id, real.id
    seed_file = sorted(SEED.glob("*.txt"))[0]
    result = analyse(str(seed_file), None)
    with store.write() as s:
        save_result(s, real_id[1], result)
        v = s.get(Version, real_id[1])
        return task.id, v.submission_id if v.submission_id else attach(s, v, s.query(Unit.id).first()[0])


def median_ms(client: httpx.Client, url: str, runs: int) -> float:
    client.get(url).raise_for_status()  # warm
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url).raise_for_status()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--db", default=None, help="database URL (default: SQLite in a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(Settings(data_dir=Path(tmp), db_url=args.db, process=False))
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_config=None))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"
        with app.state.store.read() as s:
            if s.query(Task).first() is not None:
                sys.exit("benchmarks/web.py: the database must be empty (it seeds its own rows)")
        start = time.perf_counter()
        task, sub = seed_rows(app.state.store, args.units)
        print(f"seeded {args.units} units in {time.perf_counter() - start:.1f} s ({'SQLite' if not args.db else args.db.split(':')[0]})", file=sys.stderr)
        with httpx.Client(base_url=base, timeout=60) as client:
            csrf = client.get("/api/csrf").json()["csrf"]
            client.post("/api/login", json={"name": "bench", "password": "bench-password"}, headers={"X-CSRF-Token": csrf}).raise_for_status()
            figures = {
                "floor: static file": median_ms(client, "/static/app.css", args.runs),
                f"dashboard page, {args.units} units": median_ms(client, f"/tasks/{task}", args.runs),
                f"dashboard API, {args.units} units": median_ms(client, f"/api/tasks/{task}/dashboard", args.runs),
                f"charts API, {args.units} units": median_ms(client, f"/api/tasks/{task}/charts", args.runs),
                "report page": median_ms(client, f"/reports/{sub}", args.runs),
                "report API": median_ms(client, f"/api/reports/{sub}", args.runs),
            }
        server.should_exit = True
        thread.join()
    floor = figures["floor: static file"]
    print(json.dumps({k: round(v, 1) for k, v in figures.items()}, ensure_ascii=False))
    for name, ms in figures.items():
        print(f"{name:<32} median {ms:8.1f} ms   {ms / floor:6.1f}× floor")


if __name__ == "__main__":
    main()
