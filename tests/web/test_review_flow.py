"""The whole review through the JSON API, on each database: upload, dashboard, 抽查, verdicts, 复核 record, 退回, 整改, exports."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from docx import Document
from openpyxl import load_workbook

from tests.web.server import Api, corrected, fixable_report, review_files


@pytest.fixture(scope="module")
def task(live):
    """A task with the eight reports uploaded by the bureau (units recognised from the reports) and processed."""
    with Api(live.url, "admin") as admin:
        task = admin.send("POST", "/api/tasks", json={"year": 2024, "name": "接口流程"}).json()
        accepted = admin.upload(task["id"], review_files())
        assert [a["error"] for a in accepted] == [None] * 8 and not any(a["duplicate"] for a in accepted)
        progress = admin.wait_processed(task["id"])
        assert [p["error"] for p in progress if p["state"] == "failed"] == []
        return task["id"]


def test_every_report_is_on_the_dashboard_with_its_scores(live, task):
    with Api(live.url, "reviewer") as api:
        rows = api.get(f"/api/tasks/{task}/dashboard").json()["rows"]
        assert len(rows) == 8 and all(r["status"] == "待审" and r["version"] == 1 for r in rows)
        assert all(r["stated"] is not None for r in rows)
        by_gap = api.get(f"/api/tasks/{task}/dashboard", params={"sort": "gap", "desc": True}).json()["rows"]
        gaps = [Decimal(r["gap"]) for r in by_gap if r["gap"] is not None]
        assert gaps == sorted(gaps, reverse=True) and gaps[0] > 0
        name = rows[0]["unit"]
        assert [r["unit"] for r in api.get(f"/api/tasks/{task}/dashboard", params={"q": name[-6:]}).json()["rows"]] == [name]
        charts = api.get(f"/api/tasks/{task}/charts").json()
        assert sum(charts["distribution"]["stated"]) == 8 and sum(n for _c, n in charts["categories"]) == sum(r["errors"] + r["warnings"] + r["infos"] for r in rows)


def test_the_same_content_uploaded_again_is_recognised(live, task):
    with Api(live.url, "admin") as admin:
        again = admin.upload(task, review_files()[:1])
        assert again[0]["duplicate"] and again[0]["version_id"] is not None
        assert len(admin.get(f"/api/tasks/{task}/progress").json()) == 8


def test_sampling_by_risk_and_at_random_is_recorded_and_reproducible(live, task):
    with Api(live.url, "reviewer") as api:
        risk = api.send("POST", f"/api/tasks/{task}/samples", json={"method": "risk", "ratio": "30%"}).json()
        assert risk["population"] == 8 and len(risk["items"]) == 3
        rows = {r["id"]: r for r in api.get(f"/api/tasks/{task}/dashboard").json()["rows"]}
        top = rows[risk["items"][0]["submission_id"]]
        assert top["errors"] > 0 or Decimal(top["gap"] or 0) > 0
        drawn = api.send("POST", f"/api/tasks/{task}/samples", json={"method": "random", "ratio": "0.5", "seed": "20241231"}).json()
        again = api.send("POST", f"/api/tasks/{task}/samples", json={"method": "random", "ratio": "50%", "seed": "20241231"}).json()
        assert drawn["seed"] == "20241231" and drawn["reproduced"] is True and len(drawn["items"]) == 4
        assert [i["submission_id"] for i in drawn["items"]] == [i["submission_id"] for i in again["items"]]
        outside = next(i for i in rows if i not in {x["submission_id"] for x in drawn["items"]})
        assert api.send("POST", f"/api/tasks/{task}/samples/{drawn['id']}/items", json={"submission_id": outside, "reason": "群众反映"}).status_code == 201
        listed = next(s for s in api.get(f"/api/tasks/{task}/samples").json() if s["id"] == drawn["id"])
        assert listed["items"][-1]["manual"] and "群众反映" in listed["items"][-1]["reason"]


def test_review_return_and_correction(live, task, tmp_path):
    with Api(live.url, "reviewer") as api:
        report, fixes, text = fixable_report(live.url, task)
        sid = report["id"]
        for f in fixes:
            assert api.send("POST", f"/api/reports/{sid}/decisions", json={"fid": f["id"], "verdict": "confirmed"}).json()["verdict"] == "confirmed"
        others = [f for f in report["findings"] if f not in fixes]
        no_reason = api.send("POST", f"/api/reports/{sid}/decisions", json={"fid": others[0]["id"], "verdict": "dismissed"})
        assert no_reason.status_code == 400 and "理由" in no_reason.json()["detail"]
        api.send("POST", f"/api/reports/{sid}/decisions", json={"fid": others[0]["id"], "verdict": "dismissed", "reason": "口径不同"})
        api.send("POST", f"/api/reports/{sid}/decisions", json={"fid": others[0]["id"], "verdict": "undone"})
        after = {f["id"]: f for f in api.get(f"/api/reports/{sid}").json()["findings"]}
        assert after[others[0]["id"]]["verdict"] is None and all(after[f["id"]]["verdict"] == "confirmed" for f in fixes)

        rows = api.get(f"/api/reports/{sid}").json()["indicators"]
        weighted = next(r for r in rows if r["weight"])
        too_high = api.send("PUT", f"/api/reports/{sid}/review", json={"entries": [{"indicator": weighted["index"], "score": str(Decimal(weighted["weight"]) + 1)}]})
        assert too_high.status_code == 400
        lowered = Decimal(weighted["review_score"]) - Decimal("0.5") if Decimal(weighted["review_score"]) >= Decimal("0.5") else Decimal(0)
        saved = api.send("PUT", f"/api/reports/{sid}/review", json={"entries": [{"indicator": weighted["index"], "score": str(lowered), "reason": "佐证不足"}]}).json()
        expected = sum((Decimal(r["review_score"]) for r in rows if r["index"] != weighted["index"]), lowered)
        assert Decimal(saved["review_score"]) == expected
        assert api.get(f"/api/reports/{sid}").json()["status"] == "审核中"

        assert api.send("POST", f"/api/reports/{sid}/return", json={"message": "请更正后重报"}).json()["findings"] == len(fixes)

    with Api(live.url, "admin") as admin:
        admin.send("POST", "/api/users", json={"name": "fixer", "password": "test-password-1", "role": "unit", "unit": report["unit"]})
    with Api(live.url, "fixer") as unit:
        seen = unit.get(f"/api/reports/{sid}").json()
        assert seen["status"] == "退回修改" and {f["id"] for f in seen["findings"]} == {f["id"] for f in fixes}
        path = tmp_path / f"整改后-{report['versions'][0]['name']}"
        path.write_text(corrected(text, fixes), encoding="utf-8")
        unit.upload(task, [path])
        unit.wait_processed(task)
        now = unit.get(f"/api/reports/{sid}").json()
    assert now["status"] == "已整改" and len(now["versions"]) == 2
    assert now["comparison"]["previous"] == 1 and now["comparison"]["resolved"]
    assert set(now["comparison"]["resolved"]) | set(now["comparison"]["persisting"]) == {f["id"] for f in fixes}


def test_exports_open(live, task):
    with Api(live.url, "reviewer") as api:
        rows = api.get(f"/api/tasks/{task}/dashboard").json()["rows"]
        book = load_workbook(io.BytesIO(api.get(f"/api/tasks/{task}/summary.xlsx").content))
        sheet = book["汇总表"]
        assert [c.value for c in sheet[2]][:7] == ["序号", "单位", "状态", "版本", "自评得分", "重算得分", "复核得分"]
        assert sorted(sheet.cell(r, 2).value for r in range(3, sheet.max_row + 1)) == sorted(r["unit"] for r in rows)
        returned = next((r for r in rows if r["confirmed"]), rows[0])
        letter = Document(io.BytesIO(api.get(f"/api/reports/{returned['id']}/letter.docx").content))
        text = "\n".join(p.text for p in letter.paragraphs)
        assert returned["unit"] in text and "复核意见" in text and "一、复核结论" in text
        confirmed = [f for f in api.get(f"/api/reports/{returned['id']}").json()["findings"] if f["verdict"] == "confirmed"]
        assert all(f["message"] in text for f in confirmed)


def test_the_log_names_who_did_what(live, task):
    with Api(live.url, "admin") as admin:
        actions = {(e["user"], e["action"]) for e in admin.get("/api/log").json()}
        assert {("admin", "创建任务"), ("admin", "上传"), ("reviewer", "抽查"), ("reviewer", "退回修改")} <= actions


def test_a_units_history_across_years(live, task):
    with Api(live.url, "admin") as admin:
        earlier = admin.send("POST", "/api/tasks", json={"year": 2023, "name": "上年复核"}).json()["id"]
        row = next(r for r in admin.get(f"/api/tasks/{task}/dashboard").json()["rows"] if r["three_public"] is not None)
        source = next(p for p in review_files() if p.name == admin.get(f"/api/reports/{row['id']}").json()["versions"][0]["name"])
        admin.upload(earlier, [source], unit_id=row["unit_id"])
        admin.wait_processed(earlier)
        history = admin.get(f"/api/units/{row['unit_id']}/history").json()
    assert history["unit"] == row["unit"] and [y["year"] for y in history["years"]] == [2023, 2024]
    assert history["years"][1]["stated"] == row["stated"] and history["years"][0]["stated"] == row["stated"]
    assert [year for year, _amount in history["three_public"]] == [2023, 2024]
    with Api(live.url, "reviewer") as api:
        page = api.get(f"/units/{row['unit_id']}")
    assert page.status_code == 200 and "chart-history" in page.text and row["unit"] in page.text
