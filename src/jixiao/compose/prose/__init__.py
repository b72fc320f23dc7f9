"""The reports' sentences: generators named in a template's `[compose]` outline, each returning the
paragraphs (or a table) that fill its heading, worded by `phrases.toml` and filled with figures.

A name that is no generator is a narrative field of the workbook's 叙述 sheet, printed line by line,
or where the unit left it empty the fixed sentence of that name.
A figure that is missing leaves its sentence out rather than printing a blank.  Shares and changes
come from `jixiao.scoring.formulas`, rounded ROUND_HALF_UP to 2 places.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from jixiao.compose import workbook as wb
from jixiao.compose.figures import lines, sentence
from jixiao.compose.filing import Filing
from jixiao.compose.grid import Grid
from jixiao.compose.outline import Plan
from jixiao.errors import JixiaoError
from jixiao.model import Report

Block = str | Grid
"""A paragraph, or a table standing in the body (the 一级指标 score table)."""


@dataclass(slots=True)
class Context:
    """What the generators of one document read: the built report, the filing and the plan."""

    report: Report
    filing: Filing
    plan: Plan

    @property
    def year(self) -> int | None:
        return self.report.unit.year

    @property
    def me(self) -> str:
        return self.filing.short_name or "本单位"

    @property
    def unit(self) -> str:
        return self.report.unit.name or self.me

    @property
    def project(self) -> str:
        return (self.report.project.name if self.report.project else None) or ""

    def phrase(self, key: str, **values) -> str:
        return self.plan.phrase(key, **({"unit": self.unit, "me": self.me, "year": self.year, "project": self.project} | values))


@dataclass(frozen=True, slots=True)
class Generator:
    func: Callable[[Context, str], list[Block]]
    needs: tuple[str, ...]
    """What it reads beyond the core sheets: optional sheets (`outline.OPTIONAL`) and narrative fields."""


GENERATORS: dict[str, Generator] = {}


def generator(name: str, needs: tuple[str, ...] = ()):
    """Register a sentence generator under the name templates use."""
    def register(func: Callable[[Context, str], list[Block]]):
        GENERATORS[name] = Generator(func, needs)
        return func
    return register


def needs(spec: str) -> tuple[str, ...]:
    """What a generator (or a narrative field) named in an outline reads; an unknown name is an error."""
    name = spec.partition(":")[0]
    if name in GENERATORS:
        return GENERATORS[name].needs
    if name in wb.NARRATIVE:
        return (name,)
    raise JixiaoError(f"未知的句子生成器“{name}”（见 jixiao/compose/prose）")


def paragraphs(ctx: Context, spec: str) -> list[Block]:
    """The paragraphs of one generator ('group:履职效能' passes 履职效能), or a narrative field's lines —
    else the fixed sentence of the same name, where `phrases.toml` has one ("无。" for 其他需要说明的情况)."""
    name, _, arg = spec.partition(":")
    if name in GENERATORS:
        return GENERATORS[name].func(ctx, arg)
    fallback = ctx.plan.phrases.get(name)
    return narrative(ctx.filing, name) or ([ctx.phrase(name)] if fallback else [])


def narrative(filing: Filing, key: str) -> list[str]:
    """A narrative field, one paragraph per line, each ending with its punctuation."""
    return [sentence(t) for t in lines(filing.text(key))]


from jixiao.compose.prose import department, external, results  # noqa: E402,F401 — registers the generators
