"""Test helpers: a real uvicorn server on 127.0.0.1 in a thread, databases (SQLite, PostgreSQL), an API client."""

from __future__ import annotations

import os
import re
import threading
import time
from pathlib import Path

import httpx
import pytest
import uvicorn
from sqlalchemy import create_engine, text

from jixiao.store.accounts import create_user
from jixiao.web import Settings, create_app

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
PASSWORD = "test-password-1"


def database_params() -> list[str]:
    """SQLite always; PostgreSQL when a URL is given or required (CI requires it: a missing server fails)."""
    return ["sqlite", "postgres"] if os.environ.get("JIXIAO_TEST_PG_URL") or os.environ.get("JIXIAO_REQUIRE_PG") else ["sqlite"]


def database_url(kind: str, data_dir: Path) -> str:
    """A fresh, empty database of that kind (PostgreSQL: the public schema dropped and made again)."""
    if kind == "sqlite":
        return f"sqlite:///{data_dir / 'jixiao.db'}"
    url = os.environ.get("JIXIAO_TEST_PG_URL")
    if not url:
        pytest.fail("JIXIAO_REQUIRE_PG is set but JIXIAO_TEST_PG_URL is not: PostgreSQL tests cannot run")
    try:
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        engine.dispose()
    except Exception as e:  # an unreachable server must fail the run loudly, never skip
        pytest.fail(f"PostgreSQL at JIXIAO_TEST_PG_URL is unreachable: {e}")
    return url


class LiveServer:
    """The app served by uvicorn on a free port of 127.0.0.1, with its processing workers."""

    def __init__(self, data_dir: Path, db_url: str, workers: int = 2, **settings):
        self.settings = Settings(data_dir=data_dir, db_url=db_url, workers=workers, secret="test-secret-" + "x" * 32, **settings)
        self.app = create_app(self.settings)
        self.server = uvicorn.Server(uvicorn.Config(self.app, host="127.0.0.1", port=0, log_config=None, lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=60)

    @property
    def store(self):
        return self.app.state.store

    def add_user(self, name: str, role: str, unit: str | None = None) -> None:
        with self.store.write() as s:
            create_user(s, name, PASSWORD, role, unit)


class Api:
    """An httpx client that logs in and sends the session's CSRF token with every state change."""

    def __init__(self, base_url: str, name: str | None = None):
        self.http = httpx.Client(base_url=base_url, timeout=120, follow_redirects=False)
        self.csrf = self.http.get("/api/csrf").json()["csrf"]
        if name:
            self.login(name)

    def login(self, name: str, password: str = PASSWORD) -> httpx.Response:
        r = self.http.post("/api/login", json={"name": name, "password": password}, headers={"X-CSRF-Token": self.csrf})
        if r.status_code == 200:
            self.csrf = r.json()["csrf"]
        return r

    def get(self, url: str, **kw) -> httpx.Response:
        return self.http.get(url, **kw)

    def send(self, method: str, url: str, **kw) -> httpx.Response:
        return self.http.request(method, url, headers={"X-CSRF-Token": self.csrf}, **kw)

    def upload(self, task_id: int, paths: list[Path], unit_id: int | None = None) -> list[dict]:
        files = [("files", (p.name, p.read_bytes())) for p in paths]
        r = self.send("POST", f"/api/tasks/{task_id}/uploads", files=files, data={"unit_id": str(unit_id)} if unit_id else None)
        assert r.status_code == 200, r.text
        return r.json()

    def wait_processed(self, task_id: int, timeout: float = 300) -> list[dict]:
        """Poll the progress until no upload of the task is queued or processing."""
        deadline = time.monotonic() + timeout
        while True:
            progress = self.get(f"/api/tasks/{task_id}/progress").json()
            if all(p["state"] in ("done", "failed") for p in progress):
                return progress
            if time.monotonic() > deadline:
                raise AssertionError(f"processing did not finish: {[p['state'] for p in progress]}")
            time.sleep(0.5)

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> Api:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def review_files() -> list[Path]:
    """The five seeds and three of the project's reports in other formats (Word, PDF, Excel)."""
    data = ROOT / "tests" / "data"
    return [*sorted(SEEDS.glob("*.txt")), data / "docx" / "sources" / "gd_hegang_2024.docx",
            data / "pdf" / "sources" / "sx_liuxi_2024_external.pdf", data / "xlsx" / "sources" / "hn_baisha_2023_yuan_forms.xlsx"]


NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")


def fixable(findings: list[dict], source: str) -> list[dict]:
    """Findings a unit can correct in its text: a printed number the audit says should be another number."""
    return [f for f in findings if f.get("evidence") and NUMBER.match(f.get("found") or "") and NUMBER.match(f.get("expected") or "")
            and f["found"] in f["evidence"] and f["evidence"] in source]


def corrected(source: str, findings: list[dict]) -> str:
    """The unit's corrected report: in each finding's sentence the wrong figure replaced by the right one."""
    for f in findings:
        source = source.replace(f["evidence"], f["evidence"].replace(f["found"], f["expected"], 1), 1)
    return source


def fixable_report(base_url: str, task: int) -> tuple[dict, list[dict], str]:
    """A text report whose audit found figures its unit can correct (chosen by the findings, not by name):
    (the report as the API gives it, those findings, the original text)."""
    sources = {p.name: p.read_text(encoding="utf-8") for p in review_files() if p.suffix == ".txt"}
    with Api(base_url, "reviewer") as api:
        for row in api.get(f"/api/tasks/{task}/dashboard").json()["rows"]:
            report = api.get(f"/api/reports/{row['id']}").json()
            text = sources.get(report["versions"][0]["name"])
            if text and fixable(report["findings"], text):
                return report, fixable(report["findings"], text), text
    raise AssertionError("no report with a correctable figure")

