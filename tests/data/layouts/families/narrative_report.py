"""A self-evaluation report with no forms at all: prose from templates filled with the specification's figures.

The spec's `outline` holds the blocks (headings and paragraph templates); `states` maps each gold key the
document states to the spec path of its figure; `level1_summary` lists stated level-one scores."""

from __future__ import annotations

from lib.calc import isnum, num
from lib.doc import Doc
from lib.expected import skeleton
from lib.spec import get_path
from lib.textfill import context, fill


def stated(spec: dict, path):
    if path is None:
        return None
    value = get_path(spec, path)
    return num(value) if isnum(value) else value


def gold(spec: dict) -> dict:
    exp = skeleton(spec)
    for key, path in spec["states"].items():
        group, _, field = key.partition(".")
        if field:
            exp[group][field] = stated(spec, path)
        else:
            exp[group] = stated(spec, path)
    exp["level1_summary"] = [{"name": r["name"], "weight": stated(spec, r.get("weight")), "score": stated(spec, r["score"])}
                             for r in spec.get("level1_summary", [])]
    exp["declared"] = {"level1_weights": None, "execution_weight": None, "weight_column": None}
    return exp


def render(spec: dict) -> Doc:
    blocks = fill(spec["outline"], context(spec))
    return Doc(spec.get("format", "docx"), gold(spec), blocks=blocks)
