"""Templates as data: every built-in template says how it is written ([compose]), and what the writer
produces satisfies what the auditor asks for ([expects]) — so a rendered report never gets CM601
or CM602; a province's variant is a file."""

from __future__ import annotations

import pytest

from jixiao.cli.options import TEMPLATE_HELP
from jixiao.compose import prose
from jixiao.compose.builders import load
from jixiao.compose.outline import kind_of, plan, sheets_for, writable
from jixiao.compose.report import render
from jixiao.errors import JixiaoError
from jixiao.extract.templates import BUILTIN, load_template
from jixiao.outcome import parse_file
from tests.compose.helpers import assert_same, example

FORM_KIND = {"basic_data": "basic_data", "self_evaluation": "self_evaluation", "project": "self_evaluation", "indicator_system": "self_evaluation"}


def test_every_builtin_template_can_be_written_and_is_offered():
    assert writable() == list(BUILTIN)
    assert all(name in TEMPLATE_HELP for name in writable())


@pytest.mark.parametrize("name", BUILTIN)
def test_outline_has_every_section_the_auditor_asks_for(name):
    template = load_template(name)
    titles = [h.title for h in template.compose.headings]
    missing = [s.title for s in template.expects.sections if s.required and not any(word in t for t in titles for word in s.any)]
    assert missing == []
    assert kind_of(template) in template.kinds


@pytest.mark.parametrize("name", BUILTIN)
def test_attachments_are_the_forms_the_auditor_asks_for(name):
    template = load_template(name)
    attached = {FORM_KIND[a] for a in template.compose.attachments}
    assert set(template.expects.forms) <= attached


@pytest.mark.parametrize("name", BUILTIN)
def test_generators_workbook_and_form_layouts_are_known(name):
    chosen = plan(name)
    assert all(isinstance(prose.needs(g), tuple) for g in chosen.generators)
    sheets = sheets_for(chosen)
    assert len({s.name for s in sheets}) == len(sheets)
    for form in chosen.compose.attachments:
        assert sum(c.width for c in chosen.form(form).columns) in (0, pytest.approx(15.6))


def test_an_unknown_generator_is_a_chinese_error():
    with pytest.raises(JixiaoError, match="未知的句子生成器“nonsense”"):
        prose.needs("nonsense")


@pytest.mark.parametrize(("profile", "template"), [
    ("hunan", "hunan_department"), ("national", "department_report"), ("guangdong", "guangdong_department"),
    ("external_53", "external_53"), ("chongqing", "chongqing_narrative"),
])
def test_a_profile_points_to_its_template(profile, template):
    assert plan(profile=profile).template.name == template


def test_the_default_is_the_hunan_report():
    assert (plan().template.name, plan().profile.name) == ("hunan_department", "hunan")


def test_unknown_or_unwritable_templates_are_chinese_errors(tmp_path):
    with pytest.raises(JixiaoError, match="找不到报告模板"):
        plan("nowhere")
    bare = tmp_path / "bare.toml"
    bare.write_text('name = "bare"\ntitle = "无写法"\nkinds = ["department_report"]\nprofile = "national"\n', encoding="utf-8")
    with pytest.raises(JixiaoError, match="没有写作说明"):
        plan(str(bare))
    typo = tmp_path / "typo.toml"
    typo.write_text(_builtin_text("department_form") + '\n[compose.phrases]\nconclusoin = "x"\n', encoding="utf-8")
    with pytest.raises(JixiaoError, match="未知的句子：conclusoin"):
        _ = plan(str(typo)).phrases


def _builtin_text(name: str) -> str:
    from importlib import resources

    return resources.files("jixiao.extract.templates").joinpath(f"{name}.toml").read_text(encoding="utf-8")


def test_a_provinces_variant_is_a_file(tmp_path):
    """A project form with a 指标性质 column: the built-in template copied, one table added."""
    variant = tmp_path / "sichuan_project_form.toml"
    variant.write_text(_builtin_text("project_form").replace('name = "project_form"', 'name = "sichuan_project_form"')
                       + '\n[compose.forms.project]\ncolumns = ["section", "level1", "level2", "name", "direction", "target", "actual", "weight", "score", "deviation"]\n',
                       encoding="utf-8")
    result = render(example("project_form"), tmp_path / "表.docx", template=str(variant))
    assert result.preflight.errors == [] and result.plan.template.name == "sichuan_project_form"
    parsed = parse_file(result.written[0])
    chosen, built = load(example("project_form"), str(variant))
    reference = plan("project_form")  # read back as the generic project form: the variant has no signals of its own
    assert_same(built.report, parsed, type(reference)(reference.template, chosen.profile, "project_form"))
    tables = [f for f in parsed.forms if f.columns]
    assert len(tables) == 3 and all(f.columns.get("direction") == "指标性质" for f in tables)
    assert [i.direction for i in parsed.indicators] == [i.direction for i in built.report.indicators]
