"""Document kind and template: detected from the forms, the title and the amount of prose, with reasons."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.extract import extract
from jixiao.extract.templates import BUILTIN, load_template
from jixiao.ingest.registry import read

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parents[1] / "shared" / "seeds"
CASES = ROOT / "audit" / "cases"


def _report(path: Path):
    return extract(read(path))


@pytest.mark.parametrize(("seed", "kind", "template"), [
    ("000", "department_report", "hunan_department"),
    ("001", "narrative_report", "guangdong_department"),
    ("002", "department_report", "hunan_department"),
    ("003", "narrative_report", "chongqing_narrative"),
    ("004", "external_report", "external_53"),
])
def test_seed_kinds(seed, kind, template):
    paths = sorted(SEEDS.glob(f"{seed}_*.txt"))
    if not paths:
        pytest.skip(f"seed {seed} not present")
    report = _report(paths[0])
    assert (report.document_kind, report.template) == (kind, template)
    assert report.detection and all(reason for reason in report.detection)


def test_project_form_alone():
    report = _report(CASES / "consistent_project_form.txt")
    assert (report.document_kind, report.template) == ("project_form", "project_form")
    assert report.project.name == "石桥镇农村人居环境整治项目"
    assert report.project.department == "示例县农业农村局"
    assert report.unit.name == report.project.implementer == "示例县石桥镇人民政府"
    assert report.unit.year == 2024
    assert "项目名称" in report.detection[0]


def test_forms_alone_from_a_workbook():
    report = _report(ROOT / "data" / "xlsx" / "sources" / "hn_qingshi_2024_forms.xlsx")
    assert report.document_kind == "department_form"
    assert {f.kind for f in report.forms} >= {"self_evaluation", "basic_data"}


def test_report_with_forms_is_not_a_form():
    report = _report(CASES / "consistent_hunan.txt")
    assert report.document_kind == "department_report"


def test_every_builtin_template_loads_and_names_a_known_profile():
    from jixiao.scoring.profile import BUILTIN as PROFILES

    for name in BUILTIN:
        template = load_template(name)
        assert template.name == name and template.kinds and template.profile in PROFILES


def test_every_kind_has_a_generic_template():
    from typing import get_args

    from jixiao.model import DocumentKind

    generic = {kind for name in BUILTIN for kind in load_template(name).kinds if not load_template(name).signals}
    assert generic == set(get_args(DocumentKind))
