"""Verdicts keep their history, 复核 entries are checked and totalled, a corrected version is compared by finding id."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from jixiao.audit import AuditResult
from jixiao.audit.finding import Finding, Where
from jixiao.audit.registry import RULES
from jixiao.errors import JixiaoError
from jixiao.model import Unit
from jixiao.store import review
from jixiao.store.accounts import unit_named
from jixiao.store.processing import attach
from jixiao.store.review_total import review_total
from jixiao.store.tables import FindingRow, Submission, Task, Version

ROWS = [{"name": "预算执行率", "weight": "10", "stated": "10", "prefill": "7.27", "method": "", "actual": "72.67%"},
        {"name": "群众满意度", "weight": "10", "stated": "10", "prefill": "0.00", "method": "无实际值", "actual": None}]


def finding(fid: str) -> Finding:
    code = sorted(RULES)[0]
    return Finding(id=fid, rule=code, category=RULES[code].category, severity="error", title="t", message=f"问题 {fid}", location=Where(section="s"))


def version(s, task: Task, fids: list[str]) -> Version:
    result = AuditResult(source="x", unit=Unit(name="甲"), document_kind="department_report", template="test", detection=[], profile="national", score={"stated": 90, "recomputed": 80}, findings=[finding(f) for f in fids])
    v = Version(task_id=task.id, sha256=str(len(fids)) * 64, original_name="r.txt", stored_name="r.txt", size=1, state="done",
                audit_json=result.model_dump_json(), indicators_json=json.dumps(ROWS), profile="national")
    s.add(v)
    s.flush()
    s.add_all(FindingRow(version_id=v.id, fid=f, rule="X", category="c", severity="error") for f in fids)
    attach(s, v, unit_named(s, "甲单位").id)
    return v


def test_verdicts_entries_return_and_comparison(store, reviewer):
    with store.write() as s:
        task = Task(year=2024, name="t")
        s.add(task)
        s.flush()
        old = version(s, task, ["A:1", "B:2", "C:3"])
        review.decide(s, reviewer, old, "A:1", "confirmed", None)
        review.decide(s, reviewer, old, "B:2", "confirmed", None)
        with pytest.raises(JixiaoError, match="理由"):
            review.decide(s, reviewer, old, "C:3", "dismissed", " ")
        review.decide(s, reviewer, old, "C:3", "dismissed", "口径不同")
        review.decide(s, reviewer, old, "C:3", "undone", None)
        assert [(d.fid, d.verdict) for d in review.history(s, old)] == [("A:1", "confirmed"), ("B:2", "confirmed"), ("C:3", "dismissed"), ("C:3", "undone")]
        assert [f.verdict for f in review.findings(s, old)] == ["confirmed", "confirmed", None]
        with pytest.raises(JixiaoError, match="0 到分值"):
            review.save_entries(s, reviewer, old, [{"indicator": 1, "score": "11"}])
        total, grade = review.save_entries(s, reviewer, old, [{"indicator": 1, "score": "6.5", "reason": "抽样满意度 65%"}])
        assert total == Decimal("13.77") and grade == "差"
        sub = old.submission_id
        review.send_back(s, reviewer, s.get(Submission, sub), "请更正")
        new = version(s, task, ["B:2", "D:4"])
        comparison = review.compare(s, old, new)
        assert [f.id for f in comparison.resolved] == ["A:1"] and [f.id for f in comparison.persisting] == ["B:2"] and [f.id for f in comparison.new] == ["D:4"]
        assert new.number == 2 and s.get(Submission, sub).status == "已整改"


def test_review_total_uses_entries_over_prefills():
    assert review_total("national", ROWS, {}) == (Decimal("7.27"), "差")
    assert review_total("national", ROWS, {1: Decimal("10")}) == (Decimal("17.27"), "差")
    assert review_total("national", [], {}) == (None, None)
