"""Specifications as plain data: variants with explicit fault overrides, applied by path."""

from __future__ import annotations

import copy
import re

_TOKEN = re.compile(r"([^.\[\]]+)(?:\[([^\]]+)\])?")


def _select(items: list, sel: str):
    if sel.isdigit():
        return items[int(sel)]
    for it in items:
        if sel in (it.get("name"), it.get("label"), it.get("key")):
            return it
    raise KeyError(f"no item named {sel!r}")


def set_path(data: dict, path: str, value) -> None:
    """Set a value by a path like 'indicators[农村改厕户数].score' or 'funds.rows[其他资金].executed'."""
    tokens = [m.groups() for m in _TOKEN.finditer(path)]
    node = data
    for i, (key, sel) in enumerate(tokens):
        last = i == len(tokens) - 1
        if sel is None:
            if last:
                node[key] = value
                return
            node = node[key]
        else:
            item = _select(node[key], sel)
            if last:
                raise ValueError(f"{path}: a path must end in a key")
            node = item


def drop_path(data: dict, path: str) -> None:
    """Remove a list item by a path like 'forms[2].indicators[师生满意度]'."""
    parent, _, last = path.rpartition(".")
    key, sel = _TOKEN.fullmatch(last).groups()
    node = _walk(data, parent) if parent else data
    node[key].remove(_select(node[key], sel))


def get_path(data: dict, path: str):
    """The value at a path like 'sums[income].total'."""
    return _walk(data, path)


def _walk(data: dict, path: str):
    node = data
    for key, sel in (m.groups() for m in _TOKEN.finditer(path)):
        node = node[key] if sel is None else _select(node[key], sel)
    return node


def variant(base: dict, faults: list[dict] | None) -> dict:
    """A deep copy of `base` with every fault's `insert`, `drop` and `set` overrides applied (in order)."""
    spec = copy.deepcopy(base)
    for fault in faults or []:
        for path, index, item in fault.get("insert", []):
            _walk(spec, path).insert(index, copy.deepcopy(item))
        for path in fault.get("drop", []):
            drop_path(spec, path)
        for path, value in fault.get("set", {}).items():
            set_path(spec, path, value)
    return spec


FINDING_KEYS = ("id", "kind", "severity", "detail", "where", "evidence_numbers", "evidence_terms")


def findings_of(faults: list[dict]) -> list[dict]:
    """The gold findings: each fault without its overrides and check keys."""
    out = []
    for f in faults:
        item = {k: f.get(k) for k in FINDING_KEYS}
        item["evidence_numbers"] = item["evidence_numbers"] or []
        item["evidence_terms"] = item["evidence_terms"] or []
        if item["severity"] not in ("error", "warning"):
            raise ValueError(f"{f['id']}: severity {item['severity']!r}")
        if not (item["evidence_numbers"] or item["evidence_terms"]):
            raise ValueError(f"{f['id']}: a finding needs evidence numbers or terms")
        out.append(item)
    return out
