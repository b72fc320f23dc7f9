"""One synthetic report (`make`): a template, consistent data, faults injected at a given rate, the
document written by the renderer in the formats asked for, and its ground truth with the faults.

Report `i` of seed `s` depends only on (s, i): its random source is seeded with both, so reports
can be made in any order, in parallel, or again one at a time.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from random import Random

from jixiao.compose import docx_report
from jixiao.compose.builders import build
from jixiao.compose.outline import Plan, plan, writable
from jixiao.synth import faults
from jixiao.synth.draft import Draft
from jixiao.synth.filings import filing
from jixiao.synth.formats import TEXT_LAYOUTS, edit_docx, form_workbook, pdf_copy, scan_copy, text_copy
from jixiao.synth.truth import truth
from jixiao.synth.variants import NumberStyle, worded

FORMATS = ("docx", "pdf", "txt", "xlsx", "scan")
FORM_TEMPLATE = {"department": "department_form", "project": "project_form"}
"""The template a 自评表 filed alone as a workbook is read as, by family."""


@dataclass(slots=True)
class Made:
    """The files of one report (format → path) and the ground truth written beside them."""

    stem: str
    template: str
    files: dict[str, Path] = field(default_factory=dict)
    golds: dict[str, Path] = field(default_factory=dict)
    faults: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def draft(seed: int, i: int, rate: float, template: str | None = None, kinds: tuple[str, ...] | None = None) -> Draft:
    """Report `i` of `seed`: the template (given, or drawn), its data and wording, and its faults —
    with probability `rate` one to three of them, of kinds the template can state (or `kinds`, where
    they apply)."""
    rng = Random(f"jixiao-synth:{seed}:{i}")
    chosen = plan(template or rng.choice(sorted(writable())))
    worded_plan = worded(chosen, rng)
    d = Draft(worded_plan, build(filing(rng, chosen), worded_plan), rng)
    if kinds is None and rng.random() < rate:
        drawn = list(faults.CATALOGUE)
        rng.shuffle(drawn)
        kinds = tuple([k for k in drawn if faults.applies(d, k)][: rng.choice([1, 1, 2, 3])])
    for kind in sorted(kinds or (), key=faults.ORDER.index):
        faults.inject(d, kind)
    return d


def make(seed: int, i: int, out: Path, formats: tuple[str, ...] = ("docx",), rate: float = 0.5, template: str | None = None,
         kinds: tuple[str, ...] | None = None) -> Made:
    """Write report `i` of `seed` in `formats` to `out`, with its ground truth JSON."""
    d = draft(seed, i, rate, template, kinds)
    stem = f"synth-{seed}-{i:05d}-{d.plan.template.name}"
    made = Made(stem, d.plan.template.name, faults=[f.as_dict() for f in d.faults])
    docx = out / f"{stem}.docx"
    docx_report.write(d.built, d.plan, docx)
    style = d.style = NumberStyle.pick(d.rng)
    missed = edit_docx(docx, d.edits, style)
    if missed:
        raise RuntimeError(f"synth: edits found no text in {docx.name}: {missed}")
    made.files["docx"] = docx
    gold = styled(truth(d.report, d.plan), style)
    _gold(made, "docx", out / f"{stem}.json", gold)
    if "txt" in formats:
        layout, encoding = d.rng.choice(TEXT_LAYOUTS), d.rng.choice(["utf-8", "utf-8", "gb18030"])
        text_copy(docx, out / f"{stem}.txt", layout, d.rng, encoding)
        made.files["txt"] = out / f"{stem}.txt"
        made.golds["txt"] = made.golds["docx"]
    if "xlsx" in formats:
        _form_only(d, made, out)
    if "pdf" in formats or "scan" in formats:
        pdf = out / f"{stem}.pdf"
        pdf_copy(docx, pdf)
        if "pdf" in formats:
            made.files["pdf"], made.golds["pdf"] = pdf, made.golds["docx"]
        if "scan" in formats:
            scan = out / f"{stem}-scan.pdf"
            scan_copy(pdf, scan, seed * 100_003 + i)
            made.files["scan"], made.golds["scan"] = scan, made.golds["docx"]
        if "pdf" not in formats:
            pdf.unlink()
    if "docx" not in formats:
        docx.unlink()
        del made.files["docx"]
    return made


def _form_only(d: Draft, made: Made, out: Path) -> None:
    """The 自评表 alone as a workbook, read as the family's form template; faults only in the text are not in it."""
    if d.plan.family not in FORM_TEMPLATE or not d.has_forms:
        made.notes.append(f"模板“{made.template}”没有自评表，不生成 xlsx")
        return
    form_plan: Plan = plan(FORM_TEMPLATE[d.plan.family])
    target = out / f"{made.stem}-form.xlsx"
    parts = d.built.parts or [d.report]
    form_workbook(form_plan, parts, target)
    made.files["xlsx"] = target
    # the form states no grade; which template a bare form is read as (national or provincial) is the reader's call
    gold = truth(d.report, form_plan) | {"grade": None, "template": None}
    gold["faults"] = [f for f in made.faults if f["kind"] in faults.IN_FORM]
    _write(out / f"{made.stem}-form.json", gold)
    made.golds["xlsx"] = out / f"{made.stem}-form.json"


def styled(gold: dict, style: NumberStyle) -> dict:
    """Targets and actuals as the document prints them in its number style (92.30%)."""
    for row in gold["indicators"]:
        for key in ("target", "actual"):
            if isinstance(row[key], str):
                row[key] = style(row[key])
    return gold


def _gold(made: Made, fmt: str, path: Path, gold: dict) -> None:
    _write(path, gold | {"source": made.stem, "faults": made.faults})
    made.golds[fmt] = path


def _write(path: Path, data: dict | list) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def manifest(made: list[Made], out: Path) -> Path:
    """manifest.json in the shape `shared/eval/evaluate.py --docs` reads: file, gold (without .json), format."""
    items = [{"file": path.name, "gold": made_one.golds[fmt].stem, "format": fmt}
             for made_one in made for fmt, path in made_one.files.items()]
    target = out / "manifest.json"
    _write(target, items)
    return target


def corpus(n: int, out: Path, formats: tuple[str, ...], rate: float, seed: int, template: str | None = None,
           on_made: Callable[[Made], None] | None = None) -> list[Made]:
    """Reports 0 … n−1 of `seed` in `out`, then manifest.json; `on_made` after each."""
    made = []
    for i in range(n):
        made.append(make(seed, i, out, formats, rate, template))
        if on_made:
            on_made(made[-1])
    manifest(made, out)
    return made
