"""`jixiao user add` and `jixiao serve` as a person runs them."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.store import Store
from jixiao.store.accounts import authenticate
from jixiao.store.db import sqlite_url


def test_user_add_creates_accounts_and_refuses_bad_ones(tmp_path):
    runner = CliRunner()
    ok = runner.invoke(app, ["user", "add", "王五", "--role", "unit", "--unit", "甲单位", "--password", "pass-word-1", "--data", str(tmp_path)])
    assert ok.exit_code == 0 and "已添加用户 王五" in ok.output
    prompted = runner.invoke(app, ["user", "add", "赵六", "--role", "reviewer", "--data", str(tmp_path)], input="pass-word-2\npass-word-2\n")
    assert prompted.exit_code == 0
    store = Store(sqlite_url(tmp_path))
    with store.read() as s:
        assert authenticate(s, "王五", "pass-word-1").unit.name == "甲单位"
        assert authenticate(s, "赵六", "pass-word-2").role == "reviewer"
    store.close()
    for args, message in [(["王五", "--role", "admin"], "已存在"), (["钱七", "--role", "boss"], "角色"), (["孙八", "--role", "unit"], "所属单位")]:
        bad = runner.invoke(app, ["user", "add", *args, "--password", "pass-word-3", "--data", str(tmp_path)])
        assert bad.exit_code == 2 and message in bad.output and "Traceback" not in bad.output


def test_serve_starts_the_workspace(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([str(Path(sys.executable).with_name("jixiao")), "serve", "--port", str(port), "--data", str(tmp_path), "--workers", "1"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                page = httpx.get(f"http://127.0.0.1:{port}/", follow_redirects=True, timeout=5)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and server.poll() is None, "jixiao serve did not start"
                time.sleep(0.3)
        assert page.status_code == 200 and "登录" in page.text and "/login" in str(page.url)
        assert (tmp_path / "jixiao.db").exists() and (tmp_path / "secret.key").exists()
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "复核工作台：http://127.0.0.1" in output and "Traceback" not in output
