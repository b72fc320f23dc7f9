"""Slow variation: every fixture of the project, in every format (scans through OCR), uploaded as one zip in the browser."""

from __future__ import annotations

import re
import zipfile

import pytest
from playwright.sync_api import expect

from tests.e2e.test_review_in_browser import login, upload
from tests.web.server import ROOT, Api


@pytest.mark.slow
def test_a_zip_of_every_format(live, browser, artifacts, tmp_path):
    sources = sorted(p for p in (ROOT / "tests" / "data").glob("*/sources/*") if p.is_file())
    archive = tmp_path / "全部单位报告.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for p in sources:
            z.write(p, f"{p.parent.parent.name}/{p.name}")
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    login(page, live.url, "admin")
    page.goto(live.url + "/tasks")
    page.fill("input[name=name]", "全格式批量")
    page.click("form.card button:has-text('创建')")
    task = int(re.search(r"/tasks/(\d+)", page.url).group(1))
    upload(page, live.url, task, [archive], len(sources))
    with Api(live.url, "admin") as api:
        progress = api.wait_processed(task, timeout=1200)
        rows = api.get(f"/api/tasks/{task}/dashboard").json()["rows"]
    assert len(progress) == len(sources)
    assert all(p["error"] and p["name"] in p["error"] for p in progress if p["state"] == "failed")
    names = {p["unit"] for p in progress if p["state"] == "done"}
    assert len(rows) == len(names) >= 6
    page.goto(f"{live.url}/tasks/{task}")
    expect(page.locator("#dashboard tbody tr")).to_have_count(len(rows))
    page.screenshot(path=artifacts / "bulk-dashboard.png", full_page=True)
    page.close()
