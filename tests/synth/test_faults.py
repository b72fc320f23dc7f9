"""Every kind of injected fault is found by the auditor (matched by rule code and subject, as the
quality benchmark matches), and a report without faults draws no error or warning."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

import jixiao
from jixiao.compose.outline import plan, writable
from jixiao.scoring.score import grade_of
from jixiao.synth import faults
from jixiao.synth.generate import draft, make
from jixiao.synth.matching import Tally, counted, root


def _first_applicable(kind: str) -> tuple[str, int]:
    """A template and report number where `kind` applies."""
    for i in range(3):
        for template in writable():
            if faults.applies(draft(21, i, 0.0, template), kind):
                return template, i
    raise AssertionError(f"fault {kind} applies to no template")


def test_every_fault_kind_is_found_in_a_few_reports(tmp_path):
    """One report per template with every fault it can state: each found, nothing else raised."""
    covered, tally = set(), Tally()
    for i, template in enumerate(writable()):
        kinds = tuple(k for k in faults.CATALOGUE if faults.applies(draft(41, i, 0.0, template), k))
        made = make(41, i, tmp_path, ("docx",), 0.0, template, kinds)
        covered |= {f["kind"] for f in made.faults}
        outcome = jixiao.process(made.files["docx"], audit=True)
        tally.add(made.stem, made.faults, outcome.audit.findings, outcome.report)
    assert covered == set(faults.CATALOGUE)
    assert tally.misses == [] and tally.alarms == []
    assert set(tally.injected) == {"arithmetic", "scoring", "cross_reference", "indicator_quality", "missing_value", "completeness", "compliance"}


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(faults.CATALOGUE))
def test_every_fault_kind_is_found_alone(kind, tmp_path):
    template, i = _first_applicable(kind)
    made = make(21, i, tmp_path, ("docx",), 0.0, template, (kind,))
    assert [f["kind"] for f in made.faults] == [kind]
    outcome = jixiao.process(made.files["docx"], audit=True)
    tally = Tally()
    tally.add(made.stem, made.faults, outcome.audit.findings, outcome.report)
    assert tally.misses == [] and tally.alarms == []


def test_fault_record_names_category_codes_and_subject(tmp_path):
    made = make(21, 0, tmp_path, ("docx",), 0.0, "hunan_department", ("grade_mismatch",))
    gold = json.loads(made.golds["docx"].read_text(encoding="utf-8"))
    assert gold["faults"] == made.faults
    fault = gold["faults"][0]
    assert (fault["category"], fault["codes"], fault["subjects"][0]) == ("scoring", ["SC307"], "grade")
    assert gold["grade"] != grade_of(Decimal(str(gold["total_score"])), plan("hunan_department").profile)  # kept as the document states it


def _clean(template: str, i: int, tmp_path) -> list[str]:
    made = make(31, i, tmp_path, ("docx",), 0.0, template)
    assert made.faults == []
    outcome = jixiao.process(made.files["docx"], audit=True)
    return [f"{f.rule} {f.message}" for f in outcome.audit.findings if counted(f)]


@pytest.mark.parametrize("template", writable())
def test_clean_reports_draw_no_error_or_warning(template, tmp_path):
    assert _clean(template, 0, tmp_path) == []


@pytest.mark.slow
@pytest.mark.parametrize("template", writable())
def test_many_clean_reports_draw_no_error_or_warning(template, tmp_path):
    assert {i: found for i in range(1, 21) if (found := _clean(template, i, tmp_path))} == {}


def test_subjects_compare_without_project_and_field():
    assert root("项目:2024年某项目/budget.execution_rate") == root("budget") == "budget"
    assert root("level1_summary[1]") == "level1_summary"
    assert root("指标:群众满意度") == "指标:群众满意度" and root("报告正文/附表") == "报告正文/附表"
