"""Page layout shared by the PDF text layer and OCR: lines into paragraphs, tables in reading order."""

from __future__ import annotations

from itertools import pairwise
from statistics import median

from jixiao.ingest.document import Block, Table

_NUMERIC = set("0123456789.,%‰")


def interleave(run_lines: list[dict], tables: list[tuple[float, Table]], page_lines: list[dict], number: int) -> list[Block]:
    """A page's text lines and tables in top-to-bottom order; the lines between tables become paragraphs."""
    items = sorted([(line["top"], 0, line) for line in run_lines] + [(top, 1, t) for top, t in tables], key=lambda x: (x[0], x[1]))
    blocks: list[Block] = []
    run: list[dict] = []
    for _, is_table, item in items:
        if is_table:
            blocks += paragraphs(run, page_lines, number)
            run = []
            blocks.append(Block("table", table=item, page=number))
        else:
            run.append(item)
    return blocks + paragraphs(run, page_lines, number)


def paragraphs(run: list[dict], page_lines: list[dict], number: int) -> list[Block]:
    """Group consecutive lines into paragraphs: a gap, a first-line indent or a short previous line."""
    if not run:
        return []
    height = median(line["bottom"] - line["top"] for line in page_lines)
    left = min(line["x0"] for line in page_lines)
    right = max(line["x1"] for line in page_lines)
    groups: list[list[str]] = [[run[0]["text"]]]
    for prev, line in pairwise(run):
        gap = line["top"] - prev["bottom"] > 0.8 * height
        indented = line["x0"] - left > 1.5 * height
        short = right - prev["x1"] > 2 * height
        if gap or indented or short:
            groups.append([])
        groups[-1].append(line["text"])
    return [Block("paragraph", join_lines(g), page=number) for g in groups]


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines: no space at CJK or inside a number cut by a narrow cell; else one space."""
    out = lines[0] if lines else ""
    for line in lines[1:]:
        glued = is_cjk(out[-1:]) or is_cjk(line[:1]) or (out[-1:] in _NUMERIC and line[:1] in _NUMERIC)
        out += line if glued else " " + line
    return out


def is_cjk(ch: str) -> bool:
    return bool(ch) and ("\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef")
