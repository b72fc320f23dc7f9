"""The registry of injectable faults and what the injectors share: finding an indicator row to change,
setting a target or actual as a form prints it, naming where a fault is."""

from __future__ import annotations

from collections.abc import Callable

from jixiao.extract import numbers
from jixiao.model import Indicator, Report
from jixiao.synth.draft import Draft, Fault

Inject = Callable[[Draft], Fault | None]
CATALOGUE: dict[str, tuple[str, Inject]] = {}
"""kind → (rule category, injector), in the order the modules register them."""
GRADES = ("优", "良", "中", "差")


def fault(kind: str, category: str):
    """Register an injector under its kind and rule category (`jixiao rules`)."""

    def register(func: Inject) -> Inject:
        CATALOGUE[kind] = (category, func)
        return func

    return register


def quantitative(part: Report, met: bool = True) -> list[Indicator]:
    """Indicators with a figure target and actual (≥/≤ a number), met or not, with a score."""
    out = []
    for ind in part.indicators:
        t, a = ind.target_measure, ind.actual_measure
        if not (t and a and t.value is not None and a.value is not None and t.comparator in ("≥", "≤") and ind.score is not None):
            continue
        hit = a.value >= t.value if t.comparator == "≥" else a.value <= t.value
        if hit == met and ind.weight and ind.weight >= 2:
            out.append(ind)
    return out


def measure(ind: Indicator, target: str | None = None, actual: str | None = None) -> None:
    """Set a target or actual text and what it measures, as the reader would."""
    if target is not None:
        ind.target, ind.target_measure = target, numbers.measure(target)
    if actual is not None:
        ind.actual, ind.actual_measure = actual, numbers.measure(actual)


def where(prefix: str, text: str) -> str:
    """A location in Chinese, with the project's name in a file of several project forms."""
    return f"{prefix.removeprefix('项目:').rstrip('/')} {text}".strip()


def in_row(d: Draft, codes: list[str], select: Callable[[Report], list[Indicator]], change: Callable[[Indicator], str]) -> Fault | None:
    """A fault in one indicator row of a form: a row `select` offers (and no other fault took) is
    changed by `change`, which says what it did; kind and category are filled in by `inject`."""
    part, prefix = d.form()
    ind = d.pick(select(part)) if d.has_forms else None
    if ind is None:
        return None
    detail = change(ind)
    d.sync()
    return Fault("", "", codes, f"{prefix}指标:{ind.name}", where(prefix, ind.name), detail)
