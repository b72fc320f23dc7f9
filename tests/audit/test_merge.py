"""Each defect once, the most important first: merging per subject, grouping per rule, order, ids."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.audit import audit
from jixiao.audit.finding import Finding, Where
from jixiao.audit.merge import _figures
from jixiao.extract import extract
from jixiao.ingest.registry import read
from tests.audit.test_rules import HUNAN, SATISFACTION, WASTE, edit, set_row

CASES = Path(__file__).parent / "cases"


def _audit(tmp_path: Path, text: str, name: str = "report.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = read(path)
    return audit(extract(doc), doc)


def _about(result, words: str):
    return [f for f in result.findings if words in f.message]


def test_one_comparator_cell_is_one_finding(tmp_path):
    """"≥0%" as target and actual with full marks: no value, no constraint, no support — one defect."""
    text = edit(HUNAN, set_row(WASTE, target="≥0%", actual="≥0%"))
    result = _audit(tmp_path, text)
    hits = _about(result, "农村生活垃圾无害化处理率")
    assert len(hits) == 1
    merged = hits[0]
    assert merged.rule == "SC302" and merged.severity == "error"
    assert {"IQ404", "IQ410"} <= set(merged.also)


def test_same_rule_in_several_rows_is_one_finding_listing_each(tmp_path):
    text = edit(HUNAN, set_row(WASTE, actual=""), set_row(SATISFACTION, actual=""))
    result = _audit(tmp_path, text)
    blanks = [f for f in result.findings if f.rule == "SC302"]
    assert len(blanks) == 1
    assert "农村生活垃圾无害化处理率" in blanks[0].message and "群众满意度" in blanks[0].message
    assert len(blanks[0].locations) == 2 and all(w.row is not None for w in blanks[0].locations)


def test_score_changing_findings_come_first(tmp_path):
    result = _audit(tmp_path, edit(HUNAN, set_row(SATISFACTION, actual=""), ("目标3：群众满意度不低于90%。\t", "目标3：群众满意度不低于90%。\t\t")))
    flags = [f.affects_score for f in result.findings]
    assert flags == sorted(flags, reverse=True)
    severities = [f.severity for f in result.findings if not f.affects_score]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)


def test_ids_are_stable_and_unique(tmp_path):
    text = edit(HUNAN, set_row(SATISFACTION, actual=""))
    first, again = _audit(tmp_path, text), _audit(tmp_path, text, "again.txt")
    ids = [f.id for f in first.findings]
    assert len(set(ids)) == len(ids) and all(ids)
    assert ids == [f.id for f in again.findings]
    # An edit elsewhere in the report does not change the id of the finding on this indicator.
    edited = _audit(tmp_path, edit(text, ("内设党政综合办公室", "内设党政办公室")), "edited.txt")
    assert {f.id for f in first.findings if "群众满意度" in f.message} <= {f.id for f in edited.findings}


def test_consistent_project_form_is_clean(tmp_path):
    result = _audit(tmp_path, (CASES / "consistent_project_form.txt").read_text(encoding="utf-8"))
    assert result.document_kind == "project_form"
    assert [f for f in result.findings if f.severity != "info"] == []


figure_texts = st.text(alphabet="0123456789.０５٣ 元%，", max_size=30)


@settings(max_examples=3000, deadline=None)
@given(figure_texts)
def test_figures_are_read_as_written_without_trailing_zeros(text):
    """`_figures` reads each figure once (3.10 as 3.1, 3.00 as 3), whatever digits the message holds."""
    written = {x.rstrip("0").rstrip(".") if "." in x else x for x in re.findall(r"\d+(?:\.\d+)?", text)}
    read = _figures(Finding(rule="AR101", category="arithmetic", severity="error", title="t", message=text, location=Where(section="s")))
    assert {whole + ("." + decimals if decimals else "") for whole, decimals in read} == written
