"""The report outline: numbered headings (一、 （一） 1.) and the 问题 / 改进措施 sections' items."""

from __future__ import annotations

import re

from jixiao.extract.normalize import clean
from jixiao.ingest.document import SourceDocument
from jixiao.lazyre import lazy
from jixiao.model import Section

_LEVELS = [
    (1, lazy(r"^[一二三四五六七八九十]{1,3}\s*[、.．]")),
    (2, lazy(r"^[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]")),
    (3, lazy(r"^\d{1,2}\s*[、.．](?!\d)")),
    (4, lazy(r"^[（(]\s*\d{1,2}\s*[）)]|^[①-⑳]")),
]
PROBLEMS = lazy(r"(存在的?(主要)?问题|主要问题|问题及原因)")
MEASURES = lazy(r"(改进措施|改进建议|有关建议|下一步|整改措施|工作建议|意见建议)")
_END = lazy(r"^(报告应包括|附件|附表|填表人|\S{0,20}(人民政府|办事处|局|中心|委员会|公司|事务所)$|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$)")
_MAX_HEADING = 40
_MAX_ITEM = 8_000  # an item is never longer; joining stops there (joining without end is quadratic)


_NUMBER_STARTS = frozenset("一二三四五六七八九十（(①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
"""The first characters of `_LEVELS`' numbers other than digits: most paragraphs start with none of them."""


def heading_level(text: str) -> int | None:
    """Outline level of a heading-like paragraph, or None for body text."""
    if not text or not (text[0] in _NUMBER_STARTS or text[0].isdecimal()):  # `\d` is what isdecimal() says
        return None
    for level, rx in _LEVELS:
        m = rx.match(text)
        if m and (level == 1 or len(text) <= _MAX_HEADING or _short_title_then_body(text, m.end())):
            return level
    return None


def _short_title_then_body(text: str, start: int) -> bool:
    """'（一）标题。正文…' — a numbered title sentence followed by its body on the same line."""
    first = re.split(r"[。：:]", text[start:], maxsplit=1)[0]
    return len(first) <= 30


def _bare_title(text: str) -> int | None:
    """A short unnumbered title (Word's automatic numbering is not in the text) of a key section."""
    if len(text) <= 20 and not re.search(r"[，。；：,;:]", text) and (PROBLEMS.search(text) or MEASURES.search(text)):
        return 1
    return None


def outline(doc: SourceDocument) -> list[Section]:
    sections = []
    for i, block in enumerate(doc.blocks):
        if block.kind == "table":
            continue
        text = clean(block.text)
        level = block.level if block.kind == "heading" and block.level else heading_level(text) or _bare_title(text)
        if level is not None and len(text) <= 80:
            sections.append(Section(title=text, level=level, block=i))
    return sections


def items_under(doc: SourceDocument, sections: list[Section], title: re.Pattern) -> list[str]:
    """The items of the first top-level section whose title matches: one per sub-heading or paragraph."""
    has_level1 = any(s.level == 1 for s in sections)  # once, not once per candidate: linear in the outline
    start = next((s for s in sections if s.level <= 2 and title.search(s.title) and _is_top(s, has_level1)), None)
    if start is None:
        return []
    items: list[str] = []
    for block in doc.blocks[start.block + 1:]:
        text = clean(block.text)
        if block.kind == "table" or not text:
            if block.kind == "table":
                break
            continue
        level = heading_level(text) if block.kind != "heading" else block.level
        if (level is not None and level <= start.level) or _END.match(text):
            break
        _add_item(items, text, level)
    return items


def _is_top(section: Section, has_level1: bool) -> bool:
    """Level-2 sections count as top-level only in reports without level-1 headings."""
    return section.level == 1 or not has_level1


def _add_item(items: list[str], text: str, level: int | None) -> None:
    body = re.sub(r"^([（(]?[一二三四五六七八九十\d]{1,3}[）)]?[、.．]?|[①-⑳])\s*", "", text)
    if level is None and items and items[-1].endswith("：") and len(items[-1]) < _MAX_ITEM:
        items[-1] += body
    elif level is not None and len(body) <= 30 and not body.endswith("。"):
        items.append(body + "：")
    else:
        items.append(body)
