"""The writing side of a template: its `[compose]` table (in `extract/templates/<name>.toml`, the file
that also says how such a document is read and audited), the form layouts (`forms.toml`) and fixed
sentences (`phrases.toml`) it uses, and the fill-in workbook it needs.

The template is the one `--template` names, else the one the workbook records, else the one the
scoring profile points to (`template_for`: the template that names the profile, or the profile it
extends, preferring a 部门整体 report).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

from jixiao.compose import workbook as wb
from jixiao.errors import JixiaoError
from jixiao.extract.templates import Compose, Template, load_template, templates
from jixiao.model import DocumentKind, Section
from jixiao.scoring.profile import Profile, load_profile

DEFAULT_PROFILE = "hunan"
TEXT_WIDTH = 15.6
"""cm: A4 less the 公文 margins of 2.8 and 2.6 cm."""
_PREFERENCE: tuple[DocumentKind, ...] = ("department_report", "external_report", "narrative_report", "department_form", "project_form", "project_report")

CORE: dict[str, tuple[wb.Sheet, ...]] = {
    "department": (wb.UNIT_NO_STAFF, wb.BUDGET, wb.GOALS, wb.INDICATORS),
    "project": (wb.PROJECT_UNIT, wb.PROJECT_INFO, wb.PROJECT_FUNDS, wb.PROJECT_GOALS, wb.PROJECT_INDICATORS),
    "external": (wb.EXTERNAL_UNIT, wb.EXTERNAL_BUDGET, wb.SCORES),
}
OPTIONAL: dict[str, dict[str, wb.Sheet]] = {
    "department": {"staffing": wb.UNIT, "basic": wb.BASIC, "three_public": wb.THREE_PUBLIC, "project_spending": wb.PROJECT_SPENDING,
                   "public_funds": wb.PUBLIC_FUNDS, "problems": wb.PROBLEMS},
    "project": {"problems": wb.PROBLEMS},
    "external": {"staffing": wb.EXTERNAL_UNIT, "problems": wb.SUGGESTIONS, "achievements": wb.ACHIEVEMENTS},
}
ORDER = (wb.UNIT, wb.UNIT_NO_STAFF, wb.PROJECT_UNIT, wb.EXTERNAL_UNIT, wb.PROJECT_INFO, wb.BUDGET, wb.EXTERNAL_BUDGET, wb.PROJECT_FUNDS, wb.BASIC,
         wb.THREE_PUBLIC, wb.PROJECT_SPENDING, wb.PUBLIC_FUNDS, wb.GOALS, wb.PROJECT_GOALS, wb.INDICATORS, wb.PROJECT_INDICATORS,
         wb.SCORES, wb.ACHIEVEMENTS, wb.PROBLEMS, wb.SUGGESTIONS)


@dataclass(frozen=True, slots=True)
class Column:
    """An indicator-table column: its role (name, target, weight …), header label and width (cm)."""

    role: str
    label: str
    width: float


@dataclass(frozen=True, slots=True)
class FormLayout:
    """One attached form as `forms.toml` (and the template's overrides) lay it out."""

    name: str
    label: str
    caption: str
    subtitle: str
    unit_line: str
    note: str
    columns: tuple[Column, ...]
    signature: tuple[str, ...]
    total: str
    font_size: float
    line: float


@cache
def _data(name: str) -> dict:
    return tomllib.loads(resources.files("jixiao.compose").joinpath(name).read_text(encoding="utf-8"))


def writable() -> list[str]:
    """The built-in templates `jixiao render` can write (those with a [compose] table)."""
    return [t.name for t in templates() if t.compose is not None]


def template_for(profile: Profile) -> Template:
    """The template a profile points to: one that names it (or the profile it extends), 部门整体 report first."""
    for name in (profile.name, profile.extends, "national"):
        named = [t for t in templates() if t.compose is not None and t.profile == name]
        if named:
            return min(named, key=lambda t: _PREFERENCE.index(kind_of(t)))
    raise JixiaoError(f"评分方案“{profile.name}”没有可用的报告模板")


def kind_of(template: Template) -> DocumentKind:
    """The document kind a rendered document of this template is."""
    compose = template.compose or Compose()
    if compose.workbook == "external":
        return "external_report"
    if not compose.headings:
        return "project_form" if compose.workbook == "project" else "department_form"
    if compose.workbook == "project":
        return "project_report"
    return "department_report" if "self_evaluation" in compose.attachments or "basic_data" in compose.attachments else "narrative_report"


@dataclass(frozen=True)
class Plan:
    """What to write: the template (outline, forms, sentences) and the scoring profile."""

    template: Template
    profile: Profile
    source: str = ""
    """The template as given: a built-in name or the path of a user's file (which the audit loads again)."""

    @property
    def compose(self) -> Compose:
        assert self.template.compose is not None
        return self.template.compose

    @property
    def kind(self) -> DocumentKind:
        return kind_of(self.template)

    @property
    def family(self) -> str:
        return self.compose.workbook

    @cached_property
    def phrases(self) -> dict[str, str]:
        defaults = _data("phrases.toml")
        unknown = set(self.compose.phrases) - set(defaults)
        if unknown:
            raise JixiaoError(f"报告模板“{self.template.name}”的 [compose.phrases] 有未知的句子：{'、'.join(sorted(unknown))}")
        return defaults | self.compose.phrases

    def phrase(self, key: str, **values) -> str:
        return self.phrases[key].format(**values)

    def form(self, name: str) -> FormLayout:
        data = _data("forms.toml")
        if name not in data:
            raise JixiaoError(f"报告模板“{self.template.name}”附了未知的表“{name}”")
        spec = data[name] | self.compose.forms.get(name, {})
        vocabulary = {role: column | ({"width": spec["widths"][role]} if role in spec.get("widths", {}) else {})
                      for role, column in data["columns"].items()}
        columns = _columns(vocabulary, spec.get("columns", []))
        return FormLayout(name, spec["label"], spec["caption"], spec.get("subtitle", ""), spec.get("unit_line", ""), spec.get("note", ""),
                          columns, tuple(spec.get("signature", ())), spec.get("total", "总分"), spec.get("font_size", data["font_size"]),
                          spec.get("line", data["line"]))

    @property
    def generators(self) -> list[str]:
        """Every sentence generator the document uses, in order."""
        c = self.compose
        return [*c.subtitle, *c.preamble, *(name for h in c.headings for name in h.content), *c.closing]

    @property
    def states_group_scores(self) -> bool:
        """The text states each level-one group's score (广东: 履职效能得分 + 管理效率得分 = 总分)."""
        return any(name.startswith("group:") for name in self.generators) or (
            "conclusion" in self.generators and "{groups}" in self.phrases["conclusion"])

    def sections(self) -> list[Section]:
        """The outline as the rendered document states it (for auditing the built report)."""
        return [Section(title=h.title, level=h.level, block=i) for i, h in enumerate(self.compose.headings)]

    def level2(self, level1: str) -> list[str]:
        """The level-two choices under a level-one group: the profile's, else the template's."""
        group = next((g for g in self.profile.level1 if g.name == level1), None)
        return list(group.level2 if group and group.level2 else self.compose.level2.get(level1, ()))


def _columns(vocabulary: dict, roles: list[str]) -> tuple[Column, ...]:
    fixed = sum(vocabulary[r]["width"] for r in roles)
    flex = [r for r in roles if vocabulary[r]["width"] == 0]
    rest = (TEXT_WIDTH - fixed) / len(flex) if flex else 0
    return tuple(Column(r, vocabulary[r]["label"], vocabulary[r]["width"] or rest) for r in roles)


def plan(template: str | None = None, profile: str | None = None, recorded: str | None = None) -> Plan:
    """The template given (or recorded in the workbook) with its profile, else the profile's template."""
    name = template or recorded
    if name:
        chosen = load_template(name)
        if chosen.compose is None:
            raise JixiaoError(f"报告模板“{name}”没有写作说明（[compose]）；可生成的模板有 {'、'.join(writable())}")
        return Plan(chosen, load_profile(profile or chosen.profile), name)
    scoring = load_profile(profile or DEFAULT_PROFILE)
    chosen = template_for(scoring)
    return Plan(chosen, scoring, chosen.name)


def sheets_for(p: Plan) -> tuple[wb.Sheet, ...]:
    """The template's workbook: its family's core sheets, the optional ones its generators and forms
    read, and a 叙述 sheet with the narrative fields its outline names."""
    from jixiao.compose import forms, prose

    needs = list(dict.fromkeys([*(need for name in p.generators for need in prose.needs(name)),
                                *(need for name in p.compose.attachments for need in forms.NEEDS.get(name, ()))]))
    optional = OPTIONAL[p.family]
    unknown = [n for n in needs if n not in optional and n not in wb.NARRATIVE]
    if unknown:
        raise JixiaoError(f"报告模板“{p.template.name}”的写法需要“{p.family}”填报表没有的内容：{'、'.join(unknown)}")
    chosen = set(CORE[p.family]) | {optional[n] for n in needs if n in optional}
    if wb.UNIT in chosen:  # the 单位信息 sheet with the staffing fields replaces the one without
        chosen.discard(wb.UNIT_NO_STAFF)
    sheets = [s for s in ORDER if s in chosen]
    fields = [wb.NARRATIVE[n] for n in needs if n in wb.NARRATIVE]
    if fields:
        sheets.append(wb.FormSheet(wb.NARRATIVE_SHEET, tuple(fields), key="narrative"))
    return tuple(sheets)
