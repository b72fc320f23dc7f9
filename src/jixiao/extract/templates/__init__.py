"""Templates as data: the layout families reports follow, which forms and sections each expects.

A template (one TOML file here, or a user's own file) names the document kinds it applies to, the
signals that identify it (a form present, a phrase in the title or the text, a heading, the
framework), what it expects (forms, outline sections with their heading synonyms) and the scoring
profile it is judged by.  `choose` picks the template with the strongest signals among those of
the document's kind; a kind's generic template (no signals) is the fallback.  Completeness rules
ask only for what the chosen template expects.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from jixiao.errors import JixiaoError
from jixiao.model import DocumentKind, FormKind, Framework, Report


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Signal(_Data):
    """One piece of evidence for a template; exactly one of form, title, text, heading, framework."""

    weight: int = 1
    reason: str
    form: FormKind | None = None
    title: str | None = None
    text: str | None = None
    heading: str | None = None
    framework: Framework | None = None


class Section(_Data):
    """An outline section the template asks for, found when any synonym occurs in a heading."""

    title: str
    any: tuple[str, ...]
    required: bool = True


class Expects(_Data):
    """What a document of this template must contain: forms, outline sections, indicator-table columns."""

    forms: tuple[FormKind, ...] = ()
    sections: tuple[Section, ...] = ()
    columns: tuple[str, ...] = ("name", "target", "actual", "weight", "score")
    """Roles the indicator table must have (name, target, actual, weight, score, deviation, direction, unit)."""


class Heading(_Data):
    """A heading the writer puts in the outline (level 1 一、, 2 （一）, 3 1.) and the names of the
    sentence generators that fill it (jixiao/compose/prose)."""

    level: Literal[1, 2, 3]
    title: str
    content: tuple[str, ...] = ()


class Compose(_Data):
    """How `jixiao render` writes a document of this template: the fill-in workbook it reads, the
    title, the outline with its sentence generators, the closing lines and the attached forms, with
    per-template form layouts and fixed sentences (checked by jixiao.compose when it is used)."""

    workbook: Literal["department", "project", "external"] = "department"
    title: str = ""
    """Title lines (\n between them) with {unit}, {year} and {project}; empty for a form filed alone."""
    subtitle: tuple[str, ...] = ()
    """Generators of the centred lines under the title (委托单位 and 评价机构)."""
    preamble: tuple[str, ...] = ()
    """Generators of the paragraphs between the title and the first heading."""
    headings: tuple[Heading, ...] = ()
    closing: tuple[str, ...] = ()
    """Generators of the right-aligned lines after the body (the unit or evaluator, the date)."""
    attachments: tuple[str, ...] = ()
    """Forms after the body, each from a new page (jixiao/compose/forms.toml names them)."""
    forms: dict[str, dict[str, Any]] = {}
    """Per-form layout overrides (caption, columns) over jixiao/compose/forms.toml."""
    phrases: dict[str, str] = {}
    """Fixed sentences over jixiao/compose/phrases.toml."""
    level2: dict[str, tuple[str, ...]] = {}
    """Level-two indicator choices of the workbook for level-one groups whose profile lists none."""


class Template(_Data):
    """One layout family: the kinds it covers, its signals, what it expects, its scoring profile,
    and how a document of it is written."""

    name: str
    title: str
    kinds: tuple[DocumentKind, ...]
    profile: str
    signals: tuple[Signal, ...] = ()
    expects: Expects = Expects()
    compose: Compose | None = None


_FOLDER = Path(__file__).parent
BUILTIN = tuple(sorted(p.stem for p in _FOLDER.glob("*.toml")))
"""Every TOML file in this folder is a built-in template: adding a province's layout is adding a file."""


@cache
def load_template(name_or_path: str) -> Template:
    """A built-in template by name, or a user's TOML file."""
    if name_or_path in BUILTIN:
        text = (_FOLDER / f"{name_or_path}.toml").read_text(encoding="utf-8")
    else:
        path = Path(name_or_path)
        if not path.is_file():
            raise JixiaoError(f"找不到报告模板“{name_or_path}”：内置模板有 {'、'.join(BUILTIN)}，或给出 .toml 文件路径")
        text = path.read_text(encoding="utf-8")
    try:
        return Template.model_validate(tomllib.loads(text))
    except (tomllib.TOMLDecodeError, ValidationError) as e:
        raise JixiaoError(f"报告模板“{name_or_path}”有误：{e}") from None


def templates() -> list[Template]:
    return [load_template(name) for name in BUILTIN]


def _holds(signal: Signal, report: Report, title: str, text: str) -> bool:
    if signal.form is not None:
        return any(f.kind == signal.form for f in report.forms)
    if signal.framework is not None:
        return report.framework == signal.framework
    if signal.title is not None:
        return re.search(signal.title, title) is not None
    if signal.heading is not None:
        return any(re.search(signal.heading, s.title) for s in report.sections)
    return signal.text is not None and re.search(signal.text, text) is not None


def choose(report: Report, title: str, text: str) -> tuple[Template, list[str]]:
    """The template of the report's kind with the most signal weight, and the reasons (Chinese)."""
    best, best_score, best_reasons = None, -1, []
    for template in templates():
        if report.document_kind not in template.kinds:
            continue
        held = [s for s in template.signals if _holds(s, report, title, text)]
        score = sum(s.weight for s in held)
        if template.signals and score < 2:
            continue  # a province's template needs real evidence, not one common phrase
        if score > best_score:
            best, best_score, best_reasons = template, score, [s.reason for s in held]
    if best is None:
        raise JixiaoError(f"没有适用于“{report.document_kind}”的报告模板")
    return best, best_reasons or ["未见特定省份模板的特征，按该类文件的通用模板审核"]
