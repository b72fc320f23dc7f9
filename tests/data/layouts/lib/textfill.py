"""Prose templates filled from a specification: '{income_total}' is the stated (derived or pinned) figure."""

from __future__ import annotations

from .calc import D, money, plain


def fmt_value(x, kind: str) -> str:
    if x is None:
        return ""
    if kind == "money":
        return money(x, True)
    if kind == "money_plain":
        return money(x)
    return plain(D(x))


def context(spec: dict, **extra) -> dict:
    """{key_total}, {key_0}, {key_1}… for every `sums` entry, plus `vars` and the year."""
    ctx = {"year": spec["year"], "unit": spec["unit"], "next_year": spec["year"] + 1, "grade": spec.get("grade")}
    for s in spec.get("sums", []):
        kind = s.get("fmt", "money")
        ctx[f"{s['key']}_total"] = fmt_value(s["total"], kind)
        for i, p in enumerate(s["parts"]):
            ctx[f"{s['key']}_{i}"] = fmt_value(p, kind)
    ctx.update(spec.get("vars", {}))
    ctx.update(extra)
    return ctx


def fill(blocks: list[tuple], ctx: dict) -> list[tuple]:
    """Format every text block's template with the context; tables and page breaks pass through."""
    out = []
    for blk in blocks:
        if len(blk) == 2 and isinstance(blk[1], str):
            out.append((blk[0], blk[1].format(**ctx)))
        else:
            out.append(blk)
    return out
