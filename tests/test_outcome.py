"""Outcomes as data: statuses (ok, partial, failed), JSON round trip, the public API, profiles cached by content."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import jixiao
from jixiao.audit.registry import RULES
from jixiao.errors import JixiaoError
from jixiao.ingest import registry
from jixiao.outcome import AuditOptions, Outcome, check_selection, document_json, process
from jixiao.scoring.profile import load_profile
from tests.cli.helpers import REPORT, WRONG_RATE, write

DOCX = Path(__file__).parent / "data" / "docx" / "sources" / "hn_qingshi_2024.docx"


def test_an_ok_outcome_carries_hash_version_options_timings_and_stable_finding_ids(tmp_path):
    path = write(tmp_path / "r.txt", WRONG_RATE)
    outcome = process(path, AuditOptions(select=("AR", "MV")), score=True)
    assert outcome.status == "ok" and outcome.problems == [] and outcome.error is None
    assert outcome.version == jixiao.__version__ and outcome.select == ("AR", "MV") and outcome.profile
    assert outcome.size == path.stat().st_size and len(outcome.sha256) == 64
    assert set(outcome.timings) == {"read", "extract", "audit", "total"}
    data = json.loads(outcome.model_dump_json())
    assert "doc" not in data and data["score"]["profile"] == outcome.profile
    ids = [f["id"] for f in data["audit"]["findings"]]
    assert "AR101:budget.execution_rate" in ids
    back = Outcome.from_json(data)
    assert [f.id for f in back.audit.findings] == ids and back.report == outcome.report and back.score.to_json() == data["score"]


def test_a_rule_that_raises_makes_the_outcome_partial(tmp_path, monkeypatch):
    rule = RULES["AR101"]

    def broken(ctx):
        raise ValueError("odd layout")

    monkeypatch.setitem(RULES, "AR101", type(rule)(rule.code, rule.category, rule.severity, rule.title, broken))
    outcome = process(write(tmp_path / "r.txt"), AuditOptions())
    assert outcome.status == "partial" and outcome.audit is not None
    assert any("AR101" in p and "该规则未能执行" in p for p in outcome.problems)


def test_a_document_read_in_part_makes_the_outcome_partial(tmp_path, monkeypatch):
    real = registry.read

    def read_in_part(path):
        doc = real(path)
        doc.note_partial("第 3 页图片无法识别，已跳过")
        return doc

    monkeypatch.setattr("jixiao.outcome.read", read_in_part)
    outcome = process(write(tmp_path / "r.txt"))
    assert outcome.status == "partial" and outcome.report is not None
    assert outcome.problems == [f"{tmp_path / 'r.txt'}：第 3 页图片无法识别，已跳过"]


def test_a_bad_file_fails_with_its_reason_and_hash(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    outcome = process(bad, AuditOptions())
    assert outcome.status == "failed" and outcome.error.startswith(str(bad)) and outcome.sha256 and outcome.report is None


def test_the_public_api_runs_every_stage():
    doc = jixiao.read(DOCX)
    report = jixiao.extract(doc)
    result = jixiao.score(report, "hunan")
    audited = jixiao.audit(report, doc, select=["AR"])
    assert report.unit.name and result.profile.name == "hunan" and result.to_json()["total"]["stated"] == float(report.total_score)
    assert audited.findings == [] or all(f.rule.startswith("AR") for f in audited.findings)
    outcome = jixiao.process(DOCX, audit=True)
    assert outcome.status == "ok" and outcome.audit.profile == outcome.profile
    blocks = document_json(doc)["blocks"]
    assert any(b["table"] and b["table"]["cells"][0]["rowspan"] >= 1 for b in blocks)
    json.dumps(document_json(doc), ensure_ascii=False)
    assert jixiao.audit.RULES is RULES and callable(jixiao.extract)  # the packages' names stay the functions


def test_importing_jixiao_loads_no_stage():
    import subprocess
    import sys

    code = "import sys, jixiao; print(sorted(m for m in sys.modules if m.startswith(('jixiao.', 'pydantic', 'typer', 'rich'))))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_profiles_are_frozen_and_cached_by_content(tmp_path):
    assert load_profile("hunan") is load_profile("hunan")
    with pytest.raises(Exception, match="frozen"):
        load_profile("hunan").name = "x"
    mine = tmp_path / "mine.toml"
    mine.write_text('extends = "national"\nname = "mine"\ntitle = "我的方案"\n[grades]\n"优" = 95\n"良" = 80\n"中" = 60\n', encoding="utf-8")
    first = load_profile(str(mine))
    assert first.grades["优"] == 95
    mine.write_text(mine.read_text(encoding="utf-8").replace('"优" = 95', '"优" = 92'), encoding="utf-8")
    assert load_profile(str(mine)).grades["优"] == 92  # edited between calls: read again
    loop = tmp_path / "loop.toml"
    loop.write_text(f'extends = "{loop}"\n', encoding="utf-8")
    with pytest.raises(JixiaoError, match="循环"):
        load_profile(str(loop))


def test_check_selection_accepts_codes_prefixes_and_categories():
    check_selection(["AR", "xr2", "AR101", "compliance"], ["MV"])
    with pytest.raises(JixiaoError, match="未知的规则代码或类别：ZZ"):
        check_selection(["ZZ"], [])
    assert REPORT
