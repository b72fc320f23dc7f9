"""Each defect once, the most important first.

Findings of several rules on one subject (an indicator row, a data row, a figure) are one defect
seen from several sides: they merge into the most specific finding, which names the rules that
agree.  Findings of one rule in several places are one kind of defect, as a reviewer writes it
("3 个指标……"): they merge into one finding that lists every place.  What changes the score or the
grade comes first, then errors, then warnings, then the scope notes.
"""

from __future__ import annotations

from itertools import groupby

from jixiao.audit.finding import Finding, Where
from jixiao.lazyre import lazy
from jixiao.model import Report

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
CATEGORY_RANK = {"scoring": 0, "arithmetic": 1, "cross_reference": 2, "indicator_quality": 3, "compliance": 4, "missing_value": 5, "completeness": 6}
_INDICATOR = lazy(r"^(?:projects\[(\d+)\]\.)?indicators\[(\d+)\]")
_PROJECT = lazy(r"^projects\[(\d+)\]\.(.*)$")
_FIELD = lazy(r"[a-z_]+(\.|\[|$)")


def subject(where: Where, report: Report) -> str:
    """What a finding is about, in words that survive a re-upload: 指标:名称, a data row, a field —
    in a file of several project forms, prefixed with the project's name."""
    field = where.field or ""
    m = _PROJECT.match(field)
    if m and int(m.group(1)) < len(report.projects):
        form = report.projects[int(m.group(1))]
        inner = subject(where.model_copy(update={"field": m.group(2)}), report.model_copy(update={"indicators": form.indicators, "projects": []}))
        return f"项目:{form.project.name or int(m.group(1)) + 1}/{inner}"
    m = _INDICATOR.match(field)
    if m and int(m.group(2)) < len(report.indicators):
        return f"指标:{report.indicators[int(m.group(2))].name}"
    if field.startswith("basic_data:"):
        return "基础数据表:" + field.removeprefix("basic_data:")
    return field or where.section


def _specific(subject_: str) -> bool:
    """A subject precise enough that two rules on it describe one defect (not a whole section)."""
    return subject_.startswith(("指标:", "基础数据表:", "项目:")) or bool(_FIELD.match(subject_))


# A rule that says more about a defect than another on the same subject takes its place
# (low execution *and* full delivery claimed says more than low execution alone).
PRECEDENCE = {"CP512": ("CP506",), "SC302": ("IQ404", "IQ410", "SC309"), "SC303": ("IQ413",), "XR204": ("IQ405", "IQ412")}


def _rank(f: Finding) -> tuple:
    return (SEVERITY_RANK[f.severity], not f.affects_score, CATEGORY_RANK.get(f.category, 9), f.rule)


def _primary(group: list[Finding]) -> list[Finding]:
    """The group ordered with its primary first: by rank, then a rule that takes precedence over the first."""
    group = sorted(group, key=_rank)
    rules = {f.rule for f in group}
    first = next((f for f in group if set(PRECEDENCE.get(f.rule, ())) & rules and SEVERITY_RANK[f.severity] <= SEVERITY_RANK[group[0].severity]), group[0])
    return [first, *(f for f in group if f is not first)]


def _absorb(primary: Finding, others: list[Finding]) -> Finding:
    """The primary finding, naming the other rules' findings on the same subject."""
    notes = "；".join(f"{o.message}（{o.rule}）" for o in others)
    return primary.model_copy(update={
        "message": f"{primary.message}；同一处另有：{notes}",
        "also": [*primary.also, *(o.rule for o in others)],
        "affects_score": primary.affects_score or any(o.affects_score for o in others),
        "assumed": primary.assumed and all(o.assumed for o in others),
    })


def merge_subjects(findings: list[Finding], report: Report) -> list[Finding]:
    """One finding per specific subject: the most severe and specific, the others named in it."""
    by_subject: dict[str, list[Finding]] = {}
    out: list[Finding] = []
    for f in findings:
        key = subject(f.location, report) if f.severity != "info" else ""  # a note merges with nothing
        if key and _specific(key):
            by_subject.setdefault(key, []).append(f)
        else:
            out.append(f)
    for group in by_subject.values():
        if len(group) > 1:
            group = _primary(group)
            out.append(_absorb(group[0], group[1:]))
        else:
            out.append(group[0])
    return out


_FIGURE = lazy(r"(\d\d*)(?:\.(?:(\d*[^\D0])0*|0+))?")
r"""A figure (digits, and a point with digits after it if any): its whole part, and its decimals without the trailing zeros.
(`\d\d*`, not `\d+`: a pattern that opens with a class of characters lets the engine skip to the next digit.)"""


def _figures(f: Finding) -> frozenset[tuple[str, str]]:
    """The figures a finding's message states, 3.10 and 3.1 (3.00 and 3) as one: read in one call."""
    return frozenset(_FIGURE.findall(f.message))


def merge_figures(findings: list[Finding]) -> list[Finding]:
    """Findings of different rules that state the same figures (three or more) are one defect seen
    twice — the prose and the form both adding 基本支出 + 项目支出 to the same wrong sum."""
    out: list[Finding] = []
    figures_of: list[frozenset[tuple[str, str]]] = []  # beside `out`: each kept finding's figures, read once
    hosts: list[int] = []  # where in `out` a finding may absorb another: three figures or more (so not a note)
    for f in sorted(findings, key=_rank):
        figures = _figures(f) if f.severity != "info" else frozenset()  # a note is kept as it is, and absorbs none
        twin = next((k for k in hosts if out[k].rule != f.rule and figures <= figures_of[k]), None) if len(figures) >= 3 else None
        if twin is None:
            if len(figures) >= 3:
                hosts.append(len(out))
            out.append(f)
            figures_of.append(figures)
        else:
            out[twin] = _absorb(out[twin], [f])
            figures_of[twin] = _figures(out[twin])
    return out


def _join(values: list[str | None], limit: int = 600) -> str | None:
    text = "；".join(v for v in dict.fromkeys(values) if v)
    return (text[:limit] + "…") if len(text) > limit else text or None


def _group(findings: list[Finding]) -> Finding:
    first = findings[0]
    if len(findings) == 1:
        return first
    messages = list(dict.fromkeys(f.message for f in findings))  # the same words twice are one statement
    return first.model_copy(update={
        "message": messages[0] if len(messages) == 1 else f"共 {len(messages)} 处：" + "；".join(messages),
        "expected": _join([f.expected for f in findings]),
        "found": _join([f.found for f in findings]),
        "evidence": _join([f.evidence for f in findings]),
        "also": list(dict.fromkeys(r for f in findings for r in f.also)),
        "affects_score": any(f.affects_score for f in findings),
        "assumed": all(f.assumed for f in findings),
        "locations": [f.location for f in findings],
        "location": first.location.model_copy(update={"field": None, "block": None, "row": None, "col": None, "page": None}),
    })


def group_rules(findings: list[Finding]) -> list[Finding]:
    """One finding per rule and severity, listing every place it was found."""
    keyed = sorted(findings, key=lambda f: (f.rule, SEVERITY_RANK[f.severity]))
    return [_group(list(g)) for _, g in groupby(keyed, key=lambda f: (f.rule, f.severity))]


def consolidate(findings: list[Finding], report: Report) -> list[Finding]:
    """Merged per subject, grouped per rule, ordered by consequence, with stable ids."""
    merged = sorted(group_rules(merge_figures(merge_subjects(findings, report))), key=lambda f: (not f.affects_score, *_rank(f)))
    assign_ids(merged, report)
    return merged


def assign_ids(findings: list[Finding], report: Report) -> None:
    """`rule:subject` (a grouped finding: `rule:section`), with `#2` … for repeats."""
    seen: dict[str, int] = {}
    for f in findings:
        base = f"{f.rule}:{f.location.section if f.locations else subject(f.location, report)}"
        seen[base] = seen.get(base, 0) + 1
        f.id = base if seen[base] == 1 else f"{base}#{seen[base]}"
