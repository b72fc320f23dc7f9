"""The form's own scoring rules as written — "预算执行率得分=20分×执行率", "预算执行率（20分）" — so
that a weight the document declares is used before any profile's default."""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.extract.found import Collector, Found
from jixiao.extract.grid import Grid
from jixiao.extract.narrative import Paragraph
from jixiao.lazyre import lazy
from jixiao.model import Location, Provenance

_MAX_TEXT = 400  # a scoring note is a sentence, not a page
_EXECUTION_WEIGHT = [
    lazy(r"(\d{1,2}(?:\.\d+)?)\s*分\s*[*×xX✕]\s*(?:预算|资金)?执行率"),
    lazy(r"(?:预算|资金)?执行(?:率)?\s*[*×xX✕]\s*(\d{1,2}(?:\.\d+)?)\s*分"),
    lazy(r"(?:预算|资金)执行(?:率|情况)?(?:得分)?\s*[（(]\s*(\d{1,2}(?:\.\d+)?)\s*分\s*[）)]"),
    lazy(r"(?:预算|资金)执行率(?:指标)?(?:分值|权重)(?:为|是|:|：)?\s*(\d{1,2}(?:\.\d+)?)\s*分"),
]


def _execution_weight(text: str) -> re.Match | None:
    text = text[:_MAX_TEXT]
    if "执行" not in text or "分" not in text:  # every pattern needs both
        return None
    return next((m for rx in _EXECUTION_WEIGHT if (m := rx.search(text))), None)


def read(grids: list[Grid], paras: list[Paragraph], out: Collector) -> None:
    """The execution weight a form cell or a note declares, kept with the note's text."""
    for grid in grids:
        for r, c, text in grid.cell_texts():
            m = _execution_weight(text)
            if m:
                _declare(out, m, grid.provenance(r, c, "表内计分规则 执行率分值"))
    for p in paras:
        m = _execution_weight(p.text)
        if m:
            loc = Location(block=p.block, start=m.start(), end=m.end(), page=p.page)
            _declare(out, m, Provenance(location=loc, text=m.group(0), method="计分说明 执行率分值"))


def _declare(out: Collector, m: re.Match, provenance: Provenance) -> None:
    if m.group(0) not in out.report.scoring_notes:
        out.report.scoring_notes.append(m.group(0))
    out.put("budget.execution_weight", Found(Decimal(m.group(1)), provenance))
