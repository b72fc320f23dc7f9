"""A real Chromium (Debian's, driven by Playwright) against the live server, on each database."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.web.conftest import live  # noqa: F401 — the same live server fixture, per database
from tests.web.server import ROOT

CHROMIUM = os.environ.get("JIXIAO_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium); the browser tests cannot run")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def artifacts(request) -> Path:
    """Where screenshots and downloads go (test-artifacts/<database>/, kept out of git)."""
    path = Path(os.environ.get("JIXIAO_ARTIFACTS", ROOT / "test-artifacts")) / request.getfixturevalue("live").kind
    path.mkdir(parents=True, exist_ok=True)
    return path
