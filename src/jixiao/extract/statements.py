"""Figures stated in the prose, with their labels, for the auditor's cross-checks.

'2024年度基本支出3019.17万元，其中：工资福利支出1911.88万元，占63.32%' gives two amounts and a
share whose whole is the amount before 其中; '比2023年减少1.05万元' a change of the amount before
it; '履职效能指标得分为49.37分' a score; '预算执行率为94.98%' a rate.  Nothing is judged here.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.extract import numbers
from jixiao.extract.narrative import NUM, Paragraph
from jixiao.lazyre import lazy
from jixiao.model import Location, Statement

_SENTENCE = lazy(r"[^。！？!?]+[。！？!?]?")
_AMOUNT = lazy(rf"{NUM}\s*(亿元|万元|元)")
_COUNT = lazy(rf"{NUM}\s*(?:人|名)(?![次民员口数称])")
_COMPARED = lazy(r"^(比|较|与|同比|环比)|^(增加|减少|增长|下降|节约|节省|上升|下降了|减少了|增加了)$")
_SHARE = lazy(rf"\s*[，,]?\s*(?:占|占比|约占)([\u4e00-\u9fa5“”\"]{{0,12}}?)(?:的|比重|比例|为)?\s*{NUM}\s*%")
_CHANGE = lazy(rf"(?:比|较|与)(上年|上一年|去年|同期|上年度|20\d{{2}}\s*年(?:度)?)(?:相比|同比)?\s*(增加|减少|增长|下降|节约|节省|上升|持平)(?:了)?\s*(?:{NUM}\s*(万元|元|%|个百分点)?)?")
_SCORE = lazy(rf"([\u4e00-\u9fa5]{{2,16}}?)(?:指标)?(?:自评)?(?:合计)?得分(?:为|是|:)?\s*{NUM}\s*分")
_RATE = lazy(rf"([\u4e00-\u9fa5“”\"]{{2,16}}?率|完成预算的)\s*(?:为|达到|达|是|:)?\s*(?:了)?\s*([-−]?){NUM}\s*%")
_LABEL_CUT = lazy(r"[，,：:、。；;（）()]|其中")
_FILLER = lazy(r"(为|是|共计|合计|总计|共|达到|达|约|了|的)$")
_DIRECTIONS = {"增加": "增加", "增长": "增加", "上升": "增加", "减少": "减少", "下降": "减少", "节约": "减少", "节省": "减少", "持平": "持平"}


def statements(paras: list[Paragraph]) -> list[Statement]:
    out: list[Statement] = []
    for p in paras:
        carry = None  # the last amount of the previous sentence: the whole of a sentence opening with 其中
        for start, sentence in _clauses(p.text):
            found = _sentence_statements(p, sentence, start, carry)
            out.extend(found)
            amounts = [s for s in found if s.kind == "amount"]
            carry = (amounts[-1].value, amounts[-1].label) if amounts else None
    return out


def _clauses(text: str):
    """Sentences, and within one the clauses after a "；" that open their own 其中 ("收入合计…，其中…；
    支出合计…，其中…"); a "；" between the parts of one 其中 list keeps them together."""
    for m in _SENTENCE.finditer(text):
        start, sentence, cut = m.start(), m.group(0), 0
        for semi in _SEMICOLON.finditer(sentence):
            rest = sentence[semi.end():]
            if "其中" in _SEMICOLON.split(rest, maxsplit=1)[0] and "其中" in sentence[cut: semi.start()]:
                yield start + cut, sentence[cut: semi.end()]
                cut = semi.end()
        yield start + cut, sentence[cut:]


def _loc(p: Paragraph, start: int, end: int) -> Location:
    return Location(block=p.block, start=start, end=end, page=p.page)


_SEMICOLON = lazy(r"[；;]")
_SUBJECT_PREFIX = lazy(r"^(\d{4}\s*)?(年末|年底|年度?|本年度?|全年)?((我|本)(镇|乡|街道|单位|部门|局|项目)?)?")


def _label(before: str) -> str:
    label = re.sub(r"[“”\"‘’']", "", _LABEL_CUT.split(before)[-1].strip())
    return _FILLER.sub("", _SUBJECT_PREFIX.sub("", label)).strip().removeprefix("的")


def _sentence_statements(p: Paragraph, sentence: str, offset: int, carry) -> list[Statement]:
    """Statements of one clause; amounts (and headcounts) after 其中 carry the figure before it as their whole."""
    out = _quantities(p, sentence, offset, carry, _AMOUNT, "amount") if "元" in sentence else []
    if "其中" in sentence:  # a headcount's parts are listed with "、" and end at the clause
        cut = re.search(r"[；;]", sentence[sentence.find("其中"):])
        out += _quantities(p, sentence[: sentence.find("其中") + cut.start()] if cut else sentence, offset, None, _COUNT, "count")
    out += [_change(p, sentence, offset, m, out) for m in _CHANGE.finditer(sentence)] if _compares(sentence) else []
    out += [_simple(p, sentence, offset, m, "score", "分") for m in _SCORE.finditer(sentence)] if "得分" in sentence else []
    out += [_simple(p, sentence, offset, m, "rate", "%") for m in _RATE.finditer(sentence)] if "%" in sentence else []
    return out


def _compares(sentence: str) -> bool:
    """Whether the clause has what `_CHANGE` opens with (比, 较 or 与): most have none and are not searched for it."""
    return "比" in sentence or "较" in sentence or "与" in sentence


def _quantities(p: Paragraph, sentence: str, offset: int, carry, pattern: re.Pattern, kind: str) -> list[Statement]:
    """Amounts in 万元 or headcounts in 人, each with its label; a figure compared with ("比上年…",
    "减少1.46万元") or in brackets ("（预算9.00万元）") is not a part of the sentence's whole."""
    out: list[Statement] = []
    qishi = sentence.find("其中")
    first = pattern.search(sentence)
    whole = carry if qishi >= 0 and (first is None or first.start() > qishi) else None
    last = 0
    for m in pattern.finditer(sentence):
        label = _label(sentence[last: m.start()])
        value = numbers.to_decimal(m.group(1))
        value = numbers.wan(value, m.group(2)) if kind == "amount" else value
        last = m.end()
        bracketed = sentence[: m.start()].count("（") > sentence[: m.start()].count("）")
        if not label or bracketed or _COMPARED.search(label) or re.search(r"(比|较).{0,8}(增加|减少|增长|下降|节约|节省|上升)$", label):
            continue
        part_of = whole if m.start() > qishi >= 0 else None
        out.append(Statement(kind=kind, label=label, value=value, unit="万元" if kind == "amount" else "人", text=sentence.strip(),
                             whole=part_of[0] if part_of else None, whole_label=part_of[1] if part_of else None,
                             location=_loc(p, offset + m.start(), offset + m.end())))
        if qishi >= 0 and m.start() < qishi:
            whole = (value, label)  # the figure nearest before 其中
        share = _SHARE.match(sentence, m.end()) if kind == "amount" else None
        if share:
            out.append(_share(p, sentence, offset, share, label, whole if m.start() > qishi >= 0 else None))
            last = share.end()
        if part_of and _itemised(pattern, sentence, m.end()):
            whole = (value, label)  # "项目支出436.32万元，主要用于校舍维修185.60万元、…": a part's own breakdown follows
    return out


def _itemised(pattern: re.Pattern, sentence: str, start: int) -> bool:
    """Figures follow closely after 主要用于/包括, in the same clause: the breakdown of the figure before."""
    nxt = pattern.search(sentence, start)
    gap = sentence[start: nxt.start()] if nxt else ""
    return bool(nxt and _USES.search(gap) and not re.search(r"[；;]", gap) and len(gap) <= 40)


_USES = lazy(r"(主要用于|用于|包括|主要是|具体为)")


def _share(p, sentence, offset, m, label, whole) -> Statement:
    whole_label = m.group(1).strip("“”\"") or None
    return Statement(
        kind="share", label=label, value=numbers.to_decimal(m.group(2)), unit="%",
        whole=whole[0] if whole and not whole_label else None,
        whole_label=whole_label or (whole[1] if whole else None),
        text=sentence.strip(), location=_loc(p, offset + m.start(), offset + m.end()),
    )


def _change(p, sentence, offset, m, before: list[Statement]) -> Statement:
    """A change; `label`/`whole` are the label and value of the amount stated just before it."""
    current = next((s for s in reversed(before) if s.kind == "amount" and s.location.start < offset + m.start()), None)
    value = numbers.to_decimal(m.group(3)) if m.group(3) else Decimal(0)
    unit = m.group(4) or ("万元" if m.group(3) else "")
    if unit == "元":
        value, unit = numbers.wan(value, "元"), "万元"
    return Statement(
        kind="change", label=current.label if current else "", value=value, unit=unit,
        whole=current.value if current else None, whole_label=m.group(1),
        direction=_DIRECTIONS[m.group(2)], text=sentence.strip(), location=_loc(p, offset + m.start(), offset + m.end()),
    )


def _simple(p, sentence, offset, m, kind: str, unit: str) -> Statement:
    value = numbers.to_decimal(m.group(m.lastindex))
    if kind == "rate" and m.group(2):
        value = -value
    return Statement(
        kind=kind, label=_label(m.group(1)) or m.group(1), value=value, unit=unit,
        text=sentence.strip(), location=_loc(p, offset + m.start(), offset + m.end()),
    )
