"""Figures stated in the report's prose: unit, year, staffing, budget execution, score and grade.

Each finder scans paragraphs with patterns for the ways reports phrase a figure ("预算执行率为
94.98%", "编制人数114人", "自评得分99.1分", "评价等级为“优”") and returns the first match with the
paragraph and character span it came from.  Forms take precedence; prose fills what forms omit.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from jixiao.extract import numbers
from jixiao.extract.found import Found
from jixiao.extract.normalize import clean
from jixiao.ingest.document import SourceDocument
from jixiao.lazyre import lazy
from jixiao.model import Location, Provenance

NUM = r"(?<!\d)(?<!\d,)(\d[\d,]{0,19}(?:\.\d{1,20})?)(?!\d)"  # from a run's first digit, bounded: linear
ORG_SUFFIX = r"(?:人民政府|街道办事处|办事处|委员会|管理局|局|中心|卫生院|医院|中学|小学|学校|幼儿园|党校|院|所|站|队|馆|处|办公室|室|联合会|会|社|部)"
_ORG_AT_START = lazy(rf"^([\u4e00-\u9fa5（）()]{{2,30}}?{ORG_SUFFIX})")
_ORG_LINE = lazy(rf"([\u4e00-\u9fa5（）()]{{2,30}}{ORG_SUFFIX})")
"""A line that is a unit's name and nothing else: the whole of it (社会保险服务中心 does not end at 社)."""
_TITLE = lazy(r"(部门整体支出|整体支出|绩效(自评|评价)|自评报告|评价报告)")


@dataclass(slots=True)
class Paragraph:
    """A cleaned paragraph and the block it came from."""

    block: int
    page: int | None
    text: str


def paragraphs(doc: SourceDocument) -> list[Paragraph]:
    return [Paragraph(i, b.page, clean(b.text)) for i, b in enumerate(doc.blocks) if b.kind != "table" and b.text.strip()]


def _found(value, p: Paragraph, m: re.Match, method: str, group: int = 0) -> Found:
    loc = Location(block=p.block, start=m.start(group), end=m.end(group), page=p.page)
    return Found(value, Provenance(location=loc, text=m.group(0), method=method))


def _search(paras: list[Paragraph], pattern: str, needs: str = "") -> Iterator[tuple[Paragraph, re.Match]]:
    """Every match in every paragraph, in order; `needs` is a text every match holds (a paragraph without
    it is not searched: most paragraphs state no such figure, and a pattern no paragraph needs is never compiled)."""
    for p in paras:
        if needs in p.text:
            for m in re.compile(pattern).finditer(p.text):  # compiled once: `re` keeps what it compiled
                yield p, m


_LABELLED_UNIT = lazy(rf"(?:填报单位|预算单位名称|单位名称|部门名称)(?:[（(](?:公章|盖章)[）)])?[:：]\s*([\u4e00-\u9fa5（）()]{{2,30}}?{ORG_SUFFIX})")


def unit_name(paras: list[Paragraph]) -> Found | None:
    """The unit named after 填报单位：, in the title lines, or at the start of an early paragraph."""
    for p, m in _search(paras, _LABELLED_UNIT.pattern):
        return _found(m.group(1), p, m, "“填报单位：”后的单位名称", 1)
    for p in paras[:6]:
        title = _TITLE.search(p.text)
        head = p.text[: title.start()] if title else p.text
        named = re.sub(r"^(关于)?(20\d{2}\s*年度?)?", "", head.strip())
        m = (None if title else _ORG_LINE.fullmatch(named)) or _ORG_AT_START.match(named)
        if m and (title or len(p.text) <= 40 or p.text[m.end():].startswith(("为", "是", "位于", "，"))):
            return _found(m.group(1), p, m, "标题或首段中的单位名称", 1)
    return _town_from_self_reference(paras)


def _town_from_self_reference(paras: list[Paragraph]) -> Found | None:
    """A township that calls itself 我镇/本乡 and names its own 人民代表大会/人民政府/党委."""
    text = "".join(p.text for p in paras)
    kind = next((k for k in ("镇", "乡") if f"我{k}" in text or f"本{k}" in text), None)
    if kind is None:
        return None
    found = re.finditer(rf"([\u4e00-\u9fa5]{{2}}){kind}(?:人民代表大会|人民政府)", text)
    counts = Counter(m.group(1) for m in found if not re.search(r"[镇乡县市区委党我本全各]", m.group(1)))
    if not counts:
        return None
    stem = counts.most_common(1)[0][0]
    p, m = next(_search(paras, rf"{stem}{kind}"))
    return _found(f"{stem}{kind}人民政府", p, m, f"由“我{kind}”与“{stem}{kind}…”推定")


def year(paras: list[Paragraph]) -> Found | None:
    """The evaluated year: '2023年度' in the title lines, else the year the prose names most."""
    for p in paras[:4]:
        m = re.search(r"(20\d{2}|二[〇零][一二三四五六七八九〇零]{2})\s*年度", p.text)
        if m:
            return _found(int(m.group(1)) if m.group(1).isdigit() else numbers.chinese_numeral(m.group(1)), p, m, "标题中的年度", 1)
    counts = Counter(m.group(1) for p in paras for m in re.finditer(r"(20\d{2})\s*年(?!\s*\d{1,2}\s*月\s*\d{1,2}\s*日)", p.text))
    if not counts:
        return None
    best = counts.most_common(1)[0][0]
    p, m = next(_search(paras, rf"({best})\s*年"))
    return _found(int(best), p, m, "正文中出现最多的年份", 1)


def staffing_authorized(paras: list[Paragraph]) -> Found | None:
    """编制数: a stated total ('编制人数114人', '人员编制共计75人'), else 行政编制 + 事业编制."""
    for p, m in _search(paras, r"编制(?:人数|数|人员)?(?:共计|合计|总数|为|共|总计|核定)?\s*(\d{1,9})\s*(?:人|名|个)", needs="编制"):
        if not re.search(r"(行政|事业|工勤)$", p.text[: m.start()]):
            return _found(int(m.group(1)), p, m, "正文 编制人数", 1)
    for p in paras:
        parts = list(re.finditer(r"(?:行政|事业)编制[^，。；\d]{0,12}?(\d{1,9})\s*(?:人|名)", p.text))
        if len(parts) >= 2:
            m = parts[0]
            total = sum(int(x.group(1)) for x in parts)
            loc = Location(block=p.block, start=parts[0].start(), end=parts[-1].end(), page=p.page)
            src = p.text[parts[0].start(): parts[-1].end()]
            return Found(total, Provenance(location=loc, text=src, method="正文 行政编制与事业编制之和"))
    return None


def staffing_actual(paras: list[Paragraph]) -> Found | None:
    pattern = (r"(?:实际在职人数|实际在职|实有在编人员|实有在编|在编人员|实有人员|实有人数|实际人数|在编在岗|在职人员|实有在职"
               r"|在编(?:在岗)?(?:教职工|职工|干部职工|医务人员|干部))(?:共计|合计|为|共)?\s*(\d{1,9})\s*(?:人|名)")
    return next((_found(int(m.group(1)), p, m, "正文 实有人数", 1) for p, m in _search(paras, pattern)), None)


_INITIAL = lazy(r"年初(预算|批复)")
_EXECUTED = lazy(r"(全年支出|本年支出|年度支出|实际完成|完成数|实际执行|实际支出|实际到位|到位资金|执行数|支出决算|决算数|总支出|累计支出|完成支出|已支付|实际使用|支出合计|实际拨付)")
_FULL_YEAR = lazy(r"(调整后预算|全年预算|总预算|预算总额|预算数|预算|安排)")


def budget(paras: list[Paragraph], money_unit: str) -> dict[str, Found]:
    """年初预算 / 全年预算 / 执行数 / 执行率 from the paragraph that states the (预算/资金) execution rate."""
    for p in paras:
        rate = re.search(rf"执行率\s*(?:为|达到|达|是|:)?\s*{NUM}\s*%", p.text)
        if rate and not re.search(r"(项目|专项)[^，。；]{0,12}执行率", p.text[max(0, rate.start() - 16): rate.end()]):
            end = re.compile(r"[。；;!?！？]|$").search(p.text, rate.end()).end()
            return _budget_statement(p, p.text[:end], rate)
    return {}


def _budget_statement(p: Paragraph, text: str, rate: re.Match) -> dict[str, Found]:
    out: dict[str, Found] = {}
    loc = Location(block=p.block, start=rate.start(1), end=rate.end(), page=p.page)
    out["execution_rate"] = Found(numbers.to_decimal(rate.group(1)), Provenance(location=loc, text=rate.group(0), method="正文 执行率"))
    last = 0
    for m in re.finditer(rf"{NUM}\s*(亿元|万元|元)", text):
        label = re.split(r"[，,：:（(。；]", text[last: m.start()])[-1]
        last = m.end()
        role = _budget_role(label)
        if role and role not in out:
            value = numbers.wan(numbers.to_decimal(m.group(1)), m.group(2))
            loc = Location(block=p.block, start=m.start(), end=m.end(), page=p.page)
            out[role] = Found(value, Provenance(location=loc, text=label + m.group(0), method=f"正文 {label}"))
    return out


def _budget_role(label: str) -> str | None:
    if re.search(r"^(其中)?(基本支出|项目支出|人员经费|公用经费|工资福利|商品和服务)|三公", label.strip()):
        return None
    if _INITIAL.search(label):
        return "initial"
    return "executed" if _EXECUTED.search(label) else "full_year" if _FULL_YEAR.search(label) else None


def execution_score(paras: list[Paragraph]) -> Found | None:
    """'其中：预算执行9.68分' — the execution rate's score as the prose states it."""
    for p, m in _search(paras, rf"(?:预算执行率?|资金执行率?)(?:指标)?(?:得分)?(?:为|:)?\s*{NUM}\s*分", needs="执行"):
        return _found(numbers.to_decimal(m.group(1)), p, m, "正文 执行率得分", 1)
    return None


def spending(paras: list[Paragraph], label: str) -> Found | None:
    """基本支出 / 项目支出 stated as an amount ('基本支出2998.29万元')."""
    pattern = rf"(?<!预算)(?<!安排)(?:本年|年度|全年)?{label}(?:合计|共计|总额|为|是|:)?\s*{NUM}\s*(亿元|万元|元)"
    for p, m in _search(paras, pattern, needs=label):
        return _found(numbers.wan(numbers.to_decimal(m.group(1)), m.group(2)), p, m, f"正文 {label}")
    return None


_THREE_PUBLIC_ROLES = [("prior_actual", r"(上年|上一年|去年|同期)"), ("budget", r"预算"), ("actual", r"(支出|决算|实际|使用)")]
_THREE_PUBLIC_SENTENCE = lazy(r"(?<![^。；])[^。；]*三公[”\"']?经费(?!.{0,3}(?:制度|管理办法))[^。；]*")


def three_public(paras: list[Paragraph]) -> dict[str, Found]:
    """三公经费 totals in the sentence that names them: '“三公”经费年初预算18.50万元，实际支出15.26万元，较上年16.90万元…'."""
    for p in (p for p in paras if "三公" in p.text):  # what the pattern needs, looked for first
        for sm in _THREE_PUBLIC_SENTENCE.finditer(p.text):
            sentence, out, last = sm.group(0), {}, 0
            for m in re.finditer(rf"{NUM}\s*(亿元|万元|元)", sentence):
                label = sentence[last: m.start()]
                last = m.end()
                if re.search(r"(公务接待|出国|公务用车|公车|其中)", label):
                    break  # an item of 三公经费, not the total
                if re.search(r"(减少|增加|下降|增长|节约|节省|上升)了?\s*$", label):
                    continue  # "比上年减少0.58万元": the change, not last year's figure
                role = next((r for r, pattern in _THREE_PUBLIC_ROLES if re.search(pattern, label)), None)
                if role and role not in out:
                    value = numbers.wan(numbers.to_decimal(m.group(1)), m.group(2))
                    loc = Location(block=p.block, start=sm.start() + m.start(), end=sm.start() + m.end(), page=p.page)
                    out[role] = Found(value, Provenance(location=loc, text=label[-12:] + m.group(0), method="正文 三公经费"))
            if out:
                return out
    return {}


_SCORE_TAIL = rf"(?:为|是|:|合计)?\s*{NUM}\s*分?"
_TOTAL = lazy(rf"(?:合计得分|总得分|综合得分|绩效得分|整体得分|得分合计|总分|最终得分){_SCORE_TAIL}")
_SELF_TOTAL = lazy(rf"(?:自评总?得分|自评分数?){_SCORE_TAIL}")
_EVALUATION_TOTAL = lazy(rf"评价得分{_SCORE_TAIL}")
_SELF_SCORE = lazy(rf"自评[^。；]{{0,20}}?得分(?:为|是|:)?\s*{NUM}\s*分")


def total_score(paras: list[Paragraph], external: bool = False) -> Found | None:
    """The stated total: a total's own label ("合计得分", "总得分") first, then the evaluator's
    (评价得分) or the unit's own (自评得分) score as the report kind suggests, then "经自评…得分 X 分"."""
    own, other = (_EVALUATION_TOTAL, _SELF_TOTAL) if external else (_SELF_TOTAL, _EVALUATION_TOTAL)
    for pattern in (_TOTAL, own, other):
        for p, m in _search(paras, pattern.pattern, needs="分"):
            return _found(numbers.to_decimal(m.group(1)), p, m, "正文 总得分", 1)
    for p, m in _search(paras, _SELF_SCORE.pattern, needs="得分"):
        if not re.search(r"指标|" + "|".join(LEVEL1_NAMES), m.group(0)):
            return _found(numbers.to_decimal(m.group(1)), p, m, "正文 自评得分", 1)
    return None


GRADES = {"优秀": "优", "优": "优", "良好": "良", "良": "良", "中等": "中", "中": "中", "合格": "中", "一般": "中", "及格": "中", "差": "差", "不合格": "差", "较差": "差"}
_GRADE = lazy(r"(?:等级|评级|等次|结果为|评定为|评价结果[:：])(?:为|是|属于|评定为|:|确定为)?\s*[“\"「『]?\s*(不合格|优秀|良好|中等|合格|一般|及格|较差|优|良|中|差)")


def grade(paras: list[Paragraph]) -> Found | None:
    for p in paras:
        m = _GRADE.search(p.text)
        if m:
            return _found(GRADES[m.group(1)], p, m, "正文 评价等级", 1)
    return None


LEVEL1_NAMES = ["履职效能", "管理效率", "投入", "过程", "产出", "效益", "效果", "满意度", "决策"]


def level1_scores(paras: list[Paragraph]) -> list[tuple[str, Decimal, Found]]:
    """'履职效能指标得分为49.37分': the first stated score for each level-one group."""
    names = "|".join(LEVEL1_NAMES)
    seen, out = set(), []
    for p, m in _search(paras, rf"({names})(?:指标)?(?:自评)?得分(?:为|是|:)?\s*{NUM}\s*分", needs="得分"):
        if m.group(1) not in seen:
            seen.add(m.group(1))
            out.append((m.group(1), numbers.to_decimal(m.group(2)), _found(m.group(2), p, m, "正文 一级指标得分", 2)))
    return out
