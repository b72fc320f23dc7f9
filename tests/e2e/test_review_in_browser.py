"""The bureau's review in a real browser: log in, upload, dashboard, 抽查, verdicts, 复核 score, 退回, 整改, exports."""

from __future__ import annotations

import re
from decimal import Decimal

from docx import Document
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from tests.web.server import PASSWORD, Api, corrected, fixable_report, review_files


def login(page: Page, base: str, name: str) -> None:
    page.goto(base + "/")
    expect(page).to_have_url(re.compile(r"/login\?next="))
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('登录')")
    expect(page.locator(".who")).to_contain_text(name)


def logout(page: Page) -> None:
    page.click("nav button:has-text('退出')")
    expect(page).to_have_url(re.compile(r"/login"))


def upload(page: Page, base: str, task: int, files: list, finished: int) -> None:
    page.goto(f"{base}/tasks/{task}/upload")
    page.set_input_files("input[name=files]", [str(f) for f in files])
    page.click("#upload-form button:has-text('上传')")
    expect(page.locator(".flash").first).to_be_visible()
    # The page polls the API and redraws the status column until nothing is waiting.
    expect(page.locator("#progress td.state-done, #progress td.state-failed")).to_have_count(finished, timeout=600_000)
    expect(page.locator("#progress .state-queued, #progress .state-processing")).to_have_count(0)


def test_review_in_browser(live, browser, artifacts, tmp_path):
    base = live.url
    page = browser.new_page(viewport={"width": 1440, "height": 900}, accept_downloads=True)
    page.set_default_timeout(30_000)
    problems: list[str] = []  # script errors and console errors (a Content-Security-Policy violation is one)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)

    login(page, base, "admin")
    page.goto(base + "/tasks")
    page.fill("input[name=year]", "2024")
    page.fill("input[name=name]", "2024年度部门整体支出绩效自评复核")
    page.click("form.card button:has-text('创建')")
    expect(page.locator("h1")).to_contain_text("2024年度部门整体支出绩效自评复核")
    task = int(re.search(r"/tasks/(\d+)", page.url).group(1))

    upload(page, base, task, review_files(), 8)
    page.screenshot(path=artifacts / "upload.png", full_page=True)
    page.goto(f"{base}/tasks/{task}")
    expect(page.locator("#dashboard tbody tr")).to_have_count(8)
    expect(page.locator("#chart-scatter canvas")).to_have_count(1)
    page.screenshot(path=artifacts / "dashboard.png", full_page=True)
    page.click("th a:has-text('差额')")
    page.click("th a:has-text('差额')")
    gaps = [Decimal(t) for t in page.locator("#dashboard tbody tr td:nth-child(6)").all_inner_texts() if t != "—"]
    assert gaps == sorted(gaps, reverse=True)

    page.goto(f"{base}/tasks/{task}/samples")
    page.select_option("#draw-form select[name=method]", "risk")
    page.fill("#draw-form input[name=ratio]", "30%")
    page.click("#draw-form button:has-text('抽取')")
    expect(page.locator("section.sample").first.locator("tbody tr")).to_have_count(3)
    page.screenshot(path=artifacts / "sample.png", full_page=True)
    logout(page)

    report, fixes, text = fixable_report(live.url, task)
    sid = report["id"]
    login(page, base, "reviewer")
    page.goto(f"{base}/reports/{sid}")
    page.keyboard.press("j")
    expect(page.locator(".finding.current")).to_have_count(1)
    first, *rest = fixes
    page.click(f'.finding[data-fid="{first["id"]}"] > div >> nth=0')
    page.keyboard.press("c")
    expect(page.locator(f'.finding[data-fid="{first["id"]}"]')).to_have_class(re.compile("verdict-confirmed"))
    for f in rest:
        page.click(f'.finding[data-fid="{f["id"]}"] button.confirm')
        expect(page.locator(f'.finding[data-fid="{f["id"]}"]')).to_have_class(re.compile("verdict-confirmed"))
    other = page.locator(".finding:not(.verdict-confirmed)").first
    other.locator("input.reason").fill("口径说明已补充，不属错误")
    other.locator("button.dismiss").click()
    expect(other).to_have_class(re.compile("verdict-dismissed"))
    other.locator("button.undo").click()
    expect(other).not_to_have_class(re.compile("verdict-"))
    other.locator("input.reason").fill("口径说明已补充，不属错误")
    other.locator("button.dismiss").click()
    expect(other).to_have_class(re.compile("verdict-dismissed"))

    row = page.locator(".review-table tbody tr").filter(has=page.locator("td:nth-child(6):not(:empty)")).first
    score = row.locator("input.r-score")
    lowered = max(Decimal(score.input_value()) - Decimal(1), Decimal(0))
    score.fill(str(lowered))
    row.locator("input.r-reason").fill("佐证材料不足")
    page.click("#save-review")
    expect(page.locator("#review-message")).to_have_text("已保存")
    total = sum(Decimal(v) for v in page.locator(".review-table input.r-score").evaluate_all("els => els.map(e => e.value)"))
    expect(page.locator("#review-total")).to_have_text(f"{total:.2f}")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=artifacts / "report.png", full_page=False)
    page.emulate_media(media="print")
    expect(page.locator("nav.top")).to_be_hidden()
    expect(page.locator("#findings .finding").last).to_be_visible()
    page.screenshot(path=artifacts / "report-print.png", full_page=True)
    page.emulate_media(media="screen")

    with page.expect_download() as letter:
        page.click("#export-letter")
    letter.value.save_as(artifacts / "复核意见书.docx")
    words = "\n".join(p.text for p in Document(artifacts / "复核意见书.docx").paragraphs)
    assert report["unit"] in words and first["message"] in words

    page.click("details summary:has-text('退回修改')")
    page.fill("#return-form textarea", "请按确认的问题更正后重新报送")
    page.click("#return-submit")
    expect(page.locator("#status")).to_have_text("退回修改")
    logout(page)

    login(page, base, "admin")
    page.goto(base + "/users")
    page.fill("form.card input[name=name]", "fixer")
    page.fill("form.card input[name=password]", PASSWORD)
    page.select_option("form.card select[name=role]", "unit")
    page.fill("form.card input[name=unit]", report["unit"])
    page.click("form.card button:has-text('添加')")
    expect(page.locator("table.grid")).to_contain_text("fixer")
    logout(page)

    login(page, base, "fixer")
    page.goto(f"{base}/reports/{sid}")
    for f in fixes:
        expect(page.locator(f'.finding[data-fid="{f["id"]}"]')).to_be_visible()
    fixed = tmp_path / f"整改-{report['versions'][0]['name']}"
    fixed.write_text(corrected(text, fixes), encoding="utf-8")
    upload(page, base, task, [fixed], 1)
    page.goto(f"{base}/reports/{sid}")
    expect(page.locator("#status")).to_have_text("已整改")
    expect(page.locator("#resolved li").first).to_be_visible()
    resolved = page.locator("#resolved li").evaluate_all("els => els.map(e => e.dataset.fid)")
    assert resolved and set(resolved) <= {f["id"] for f in fixes}
    page.screenshot(path=artifacts / "correction.png", full_page=True)
    logout(page)

    login(page, base, "reviewer")
    page.goto(f"{base}/reports/{sid}")
    page.keyboard.press("a")
    page.wait_for_url(re.compile(rf"/reports/(?!{sid}\b)\d+"))
    with Api(live.url, "reviewer") as api:
        assert api.get(f"/api/reports/{sid}").json()["status"] == "已审"
    page.goto(f"{base}/tasks/{task}")
    with page.expect_download() as summary:
        page.click("#export-summary")
    summary.value.save_as(artifacts / "汇总表.xlsx")
    sheet = load_workbook(artifacts / "汇总表.xlsx")["汇总表"]
    units = {sheet.cell(r, 2).value: sheet.cell(r, 3).value for r in range(3, sheet.max_row + 1)}
    assert len(units) == 8 and units[report["unit"]] == "已审"
    page.close()
    assert problems == []
