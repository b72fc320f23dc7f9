"""Cross-references: one quantity stated in several places (prose, 基础数据表, 自评表) must agree."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from decimal import Decimal
from difflib import SequenceMatcher

from jixiao.audit.context import AuditContext, Issue, fmt
from jixiao.audit.finding import Where
from jixiao.audit.registry import rule
from jixiao.lazyre import lazy
from jixiao.model import DataRow, Provenance, Statement

FIX_ALIGN = "以经核实的决算数据为准，统一正文、基础数据表和自评表中的数字。"
PROSE_FIELDS = {
    "staffing.authorized": "编制数", "staffing.actual": "实有人数",
    "budget.initial": "年初预算数", "budget.full_year": "全年预算数", "budget.executed": "全年执行数",
    "budget.execution_rate": "预算执行率", "spending.basic": "基本支出", "spending.project": "项目支出",
    "three_public.actual": "三公经费决算数", "total_score": "总分", "grade": "评价等级",
}


def _get(report, path: str):
    value = report
    for part in path.split("."):
        value = getattr(value, part)
    return value


@rule("XR201", "cross_reference", "error", "正文与附表数字不一致")
def prose_vs_forms(ctx: AuditContext):
    """检查什么：正文写明的编制数、预算数、执行数、执行率、基本/项目支出、三公经费、总分、等级，是否与附表一致。
    为什么重要：同一数字前后不一，审核人无法判断哪一个真实，报告的可信度随之下降。
    示例：正文“基本支出 3019.17 万元”，自评表写 3019.17 一致；正文“自评得分 95.27 分”而表中总分 96.27 即错。
    修改建议：以经核实的决算数据为准统一全文。
    依据：财预〔2020〕10号 自评报告应与自评表一致。
    """
    r = ctx.report
    for path, name in PROSE_FIELDS.items():
        prose = r.prose_values.get(path)
        if prose is None:
            continue
        form_prov = r.provenance.get(path)
        if form_prov is None or _same_source(form_prov, r.provenance.get(f"prose:{path}")):
            continue  # no form value, or the form's value is the prose's own
        form = _get(r, path)
        if form is None:
            continue
        if isinstance(form, str) or isinstance(prose, str):
            differs = prose != form
        else:  # staffing figures are ints; compare every figure as a Decimal
            differs = not ctx.same_figure(Decimal(prose), Decimal(form))
        if differs:
            yield Issue(f"{name}：正文写 {fmt(prose) if not isinstance(prose, str) else prose}，附表写 {fmt(form) if not isinstance(form, str) else form}",
                        ctx.where(path, "正文与附表"), expected=str(form), found=str(prose),
                        evidence=f"正文：{r.provenance[f'prose:{path}'].text}；附表：{form_prov.text}", fix=FIX_ALIGN)


def _same_source(a: Provenance, b: Provenance | None) -> bool:
    """One provenance: the same object (a value read from the prose alone), or equal — the texts, which
    usually tell two apart, compared before pydantic's field-by-field equality."""
    return a is b or (b is not None and a.text == b.text and a == b)


@rule("XR202", "cross_reference", "error", "同一项目的金额在正文与基础数据表中不一致")
def project_amounts(ctx: AuditContext):
    """检查什么：正文列举的项目支出、三公经费等金额，是否与基础数据表同名行的本年决算数一致。
    为什么重要：项目金额是绩效评价的对象，正文与附表不一，说明至少一处填错。
    示例：正文“美丽乡村幸福家园建设项目 90.06 万元”，基础数据表同一项目 90.07 万元。
    修改建议：核对项目决算，统一正文与基础数据表。
    依据：部门整体支出绩效评价基础数据表填报说明。
    """
    rows = _RowIndex(ctx.report.basic_data)
    for s in ctx.report.statements:
        if s.kind != "amount" or len(s.label) < 4:
            continue
        row = _same_item(s, rows)
        if row is not None and not ctx.same_figure(row.actual, s.value):
            # The form's 公用经费 is 一般商品和服务支出 only; prose often means 基本支出 − 人员经费.
            note, severity = ("（口径可能不同：基础数据表的公用经费仅含一般商品和服务支出）", "info") if row.section == "public_funds" else ("", None)
            yield Issue(f"“{s.label}”正文写 {fmt(s.value)} 万元，基础数据表“{row.label}”本年决算数为 {fmt(row.actual)} 万元{note}",
                        ctx.statement_where(s), expected=fmt(row.actual), found=fmt(s.value), evidence=s.text, fix=FIX_ALIGN, severity=severity)


@functools.lru_cache(maxsize=4096)
def _core(label: str) -> str:
    core = re.sub(r"^(\d+\s*[、.．]|其中[:：]?)|[：:]$", "", label).strip()
    short = re.sub(r"(支出|经费|费用|款)$", "", core)
    return short if len(short) >= 4 else core


def _shape(text: str) -> tuple[frozenset[str], int]:
    """A text's distinct characters, and how many of its characters repeat one before them."""
    chars = frozenset(text)
    return chars, len(text) - len(chars)


def _may_reach(a: str, a_shape: tuple[frozenset[str], int], b: str, b_shape: tuple[frozenset[str], int]) -> bool:
    """Whether two texts' ratio can reach 0.8, from their shapes, without building a matcher: the characters
    they share, repeats counted (difflib's `quick_ratio`), are at most the distinct ones they share plus the
    fewer repeats, which is at most the shorter length (difflib's `real_quick_ratio`)."""
    shared = len(a_shape[0] & b_shape[0]) + min(a_shape[1], b_shape[1])
    return (not a and not b) or 2.0 * shared / (len(a) + len(b)) >= 0.8


class _RowIndex:
    """The 基础数据表 rows with a 本年决算数, each with its label's core and the core's shape, and a difflib
    matcher per core built when first needed (difflib keeps what it learns of the second sequence): what
    every statement's label is compared with, prepared once per report."""

    def __init__(self, rows: list[DataRow]) -> None:
        cores = [(_core(row.label), row) for row in rows if row.actual is not None]
        self.rows = [(core, _shape(core), row) for core, row in cores]
        self.matchers: dict[str, SequenceMatcher] = {}

    def ratios(self, label: str) -> Iterator[tuple[float, DataRow]]:
        """(ratio, row) of each row in order whose ratio with `label` may reach 0.8 (the shapes' bound, then
        `quick_ratio`): a row below cannot be the answer."""
        shape = _shape(label)
        for core, core_shape, row in self.rows:
            if not _may_reach(label, shape, core, core_shape):
                continue
            m = self.matchers.get(core)
            if m is None:
                m = self.matchers[core] = SequenceMatcher(None, b=core)
            m.set_seq1(label)
            if m.quick_ratio() >= 0.8:
                yield m.ratio(), row


def _same_item(s: Statement, rows: _RowIndex):
    """The 基础数据表 row a statement's amount is about: the first row of the highest ratio of label cores, 0.8 or more."""
    label = _core(s.label)
    if _NOT_AN_ITEM.search(s.label) or label in ("基本支出", "项目支出") or len(label) < 4:
        return None
    ratio, best = max(rows.ratios(label), key=lambda pair: pair[0], default=(0.0, None))
    if best is None or ratio < 0.8:
        return None
    return best if best.section in ("project", "three_public", "public_funds") else None


_SCORE_SUFFIX = lazy(r"(指标|自评|合计|总)$")
_QUOTES = lazy(r"[“”\"]")
_BUDGET_OR_ACTUAL = lazy(r"(预算|决算)$")
_NOT_AN_ITEM = lazy(r"(预算|安排|上年|比|较)")  # a budget, a plan or a comparison, not the item's spending


@rule("XR203", "cross_reference", "error", "同一得分前后写法不一")
def repeated_scores(ctx: AuditContext):
    """检查什么：正文多处写到同一项得分（如“履职效能得分”）时，数值是否一致。
    为什么重要：同一得分两个数，说明修改后未同步，结论不可信。
    示例：“履职效能指标得分为 49.37 分”与后文“履职效能自评得分 49.43 分”。
    修改建议：核定该项得分，全文统一。
    依据：自评报告应前后一致。
    """
    seen: dict[str, Statement] = {}
    for s in ctx.report.statements:
        if s.kind != "score":
            continue
        key = _SCORE_SUFFIX.sub("", s.label)
        first = seen.setdefault(key, s)
        if first is not s and not ctx.same_figure(first.value, s.value):
            yield Issue(f"“{key}”得分前文写 {fmt(first.value)} 分，后文写 {fmt(s.value)} 分", ctx.statement_where(s),
                        expected=fmt(first.value), found=fmt(s.value), evidence=f"{first.text} …… {s.text}", fix="核定该项得分，全文统一。")


_HEADER_INDICATORS = [
    (lazy(r"^(预算|资金)执行率$"), "budget.execution_rate", "预算执行率", True),
    (lazy(r"^基本支出"), "spending.basic", "基本支出", False),
    (lazy(r"^项目支出"), "spending.project", "项目支出", False),
    (lazy(r"^三公经费"), "three_public.actual", "三公经费决算数", False),
]


@rule("XR204", "cross_reference", "error", "指标实际值与表头数字不一致")
def indicators_restating_header(ctx: AuditContext):
    """检查什么：自评表中重述表头数字的指标（预算执行率、基本支出、项目支出、三公经费），其实际完成值是否与表头或基础数据表一致。
    为什么重要：同一张表内自相矛盾，常见原因是把年初目标值照抄为实际值。
    示例：表头执行率 99.7%，“预算执行率”指标实际值 98.5%；表头基本支出 2998.29 万元，指标实际值 1525.35 万元。
    修改建议：指标实际值应取全年决算数据，与表头一致。
    依据：财预〔2020〕10号：实际完成值应为年度实际完成数据。
    """
    headers = [(pattern, name, percent, header) for pattern, path, name, percent in _HEADER_INDICATORS
               if (header := _get(ctx.report, path)) is not None]
    for i, ind in enumerate(ctx.report.indicators):
        actual = ind.actual_measure.value if ind.actual_measure else None
        if actual is None:
            continue
        for pattern, name, percent, header in headers:
            if ind.actual_measure.is_percent != percent or not pattern.search(ind.name):
                continue
            if abs(actual - header) > ctx.tolerance:
                yield Issue(f"指标“{ind.name}”实际完成值 {ind.actual}，而{name}为 {fmt(header)}{'%' if percent else ' 万元'}",
                            ctx.where(ctx.indicator_path(i, "actual"), "绩效自评表"), expected=fmt(header), found=fmt(actual),
                            evidence=f"{ind.name}：目标 {ind.target}，实际 {ind.actual}", fix="实际完成值取全年决算数据，与表头一致。")


@rule("XR205", "cross_reference", "error", "三公经费明细在正文与基础数据表中不一致")
def three_public_items(ctx: AuditContext):
    """检查什么：正文“××费支出预算为 X 万元，支出决算为 Y 万元”是否与基础数据表同一明细的本年预算数、决算数一致。
    为什么重要：三公经费须向社会公开，正文与附表不一将直接引发质疑。
    示例：正文“公务接待费支出预算为5万元，支出决算为4.99万元”，基础数据表公务接待费 5 / 4.99，一致。
    修改建议：以决算数据为准统一正文与附表。
    依据：《党政机关厉行节约反对浪费条例》；部门决算三公经费公开要求。
    """
    rows = [r for r in ctx.report.basic_data if r.section == "three_public"]
    for s in ctx.report.statements:
        if s.kind != "amount" or not _BUDGET_OR_ACTUAL.search(s.label):
            continue
        row = _three_public_row(rows, s)
        if row is None:
            continue
        role, name = ("budget", "本年预算数") if s.label.endswith("预算") else ("actual", "本年决算数")
        form = getattr(row, role)
        if form is not None and not ctx.same_figure(form, s.value):
            yield Issue(f"正文“{s.label}”{fmt(s.value)} 万元，基础数据表“{row.label}”{name} {fmt(form)} 万元",
                        ctx.statement_where(s), expected=fmt(form), found=fmt(s.value), evidence=s.text, fix=FIX_ALIGN)


def _three_public_key(label: str) -> str | None:
    for key in ("出国", "接待", "公车购置", "运行维护"):
        if key in label:
            return {"公车购置": "购置", "运行维护": "运行"}.get(key, key)
    return "三公" if label.startswith("三公") else None


def _three_public_row(rows, s: Statement):
    """The row a '…预算/决算 X 万元' statement is about: an item or the 三公 total its label names, else
    the one item its sentence names ('公务接待费支出预算为5万元，支出决算为4.99万元')."""
    keyed = [(r, _three_public_key(r.label)) for r in rows]
    keyed = [(r, k) for r, k in keyed if k]
    label = _QUOTES.sub("", s.label)
    in_label = [r for r, k in keyed if k in label and k != "三公"] or [r for r, k in keyed if k in label]
    if in_label:
        return in_label[0]
    if "三公" in _QUOTES.sub("", s.text):
        return None  # a sentence on the 三公 total that also names items: which one is meant is unclear
    in_text = [r for r, k in keyed if k in s.text]
    return in_text[0] if len(in_text) == 1 else None


@rule("XR207", "cross_reference", "error", "基础数据表与自评表的支出数不一致")
def basic_data_vs_self_eval(ctx: AuditContext):
    """检查什么：基础数据表“项目支出”合计的本年决算数，是否等于自评表“按支出性质分”的项目支出。
    为什么重要：两张附表同一数字不同，至少有一张填错，依据它计算的指标也随之失真。
    示例：基础数据表项目支出 102.84 万元，自评表项目支出 102.83 万元。
    修改建议：以决算报表为准统一两张附表。
    依据：部门整体支出绩效评价基础数据表与自评表应口径一致。
    """
    row = next((r for r in ctx.report.basic_data if r.section == "project" and not re.match(r"^\d", r.label)), None)
    stated = ctx.report.spending.project
    if row is None or row.actual is None or stated is None or ctx.same_figure(row.actual, stated):
        return
    yield Issue(f"基础数据表“{row.label}”本年决算数 {fmt(row.actual)} 万元，自评表项目支出 {fmt(stated)} 万元",
                ctx.where("spending.project", "基础数据表与自评表"), expected=fmt(stated), found=fmt(row.actual),
                evidence=f"基础数据表：{row.label} {fmt(row.actual)}；自评表：{ctx.evidence('spending.project')}", fix=FIX_ALIGN)


@rule("XR206", "cross_reference", "warning", "附表年份与报告年度不一致")
def form_years(ctx: AuditContext):
    """检查什么：附表标题下的年度（如“（2023年度）”）以及基础数据表、自评表表头中的年份（如“2024 年决算数”）是否与报告评价年度一致：本年预算数、实际在职人数应为评价年度，决算数应为评价年度或上一年度。
    为什么重要：年份错位常因套用上年模板，附表数据可能也未更新。
    示例：报告评价 2024 年度，基础数据表表头却是“2022 年决算数、2023 年预算数”。
    修改建议：更新附表表头年份，并核对附表数据是否为本年度。
    依据：自评工作通知对评价年度的要求。
    """
    year = _title_year(ctx)
    if year is None:
        return
    for text in ctx.texts_with("年"):  # what the title's year line needs, looked for first
        m = _FORM_TITLE_YEAR.fullmatch(text)
        if m and int(m.group(1)) != year:
            yield Issue(f"附表标题年度“{text}”与报告评价年度 {year} 不符", Where(section="附表标题", field="unit.year"),
                        expected=f"（{year}年度）", found=text, evidence=text)
            return
    for path, text in _form_header_texts(ctx):
        m = _FORM_YEAR.search(text)
        if not m:
            continue
        found, kind = int(m.group(1)), m.group(2)
        allowed = (year, year - 1) if kind == "决算数" else (year,)
        if found not in allowed:
            yield Issue(f"附表表头“{m.group(0)}”的年份 {found} 与报告评价年度 {year} 不符", Where(section="基础数据表", field=path),
                        expected="或".join(f"{y}年{kind}" for y in allowed), found=m.group(0), evidence=text)
            return


_FORM_YEAR = lazy(r"(20\d{2})\s*年\s*(决算数|预算数|实际在职人数)")
_YEAR_OF_REPORT = lazy(r"(20\d{2})\s*年度")
_FORM_TITLE_YEAR = lazy(r"[（(]\s*(20\d{2})\s*年度?\s*[）)]")  # the year line under a form's title


def _title_year(ctx: AuditContext) -> int | None:
    """The evaluated year the report states itself ('2024年度' in its title lines), else one not read from a form header."""
    for text in ctx.texts[:6]:
        m = _YEAR_OF_REPORT.search(text)
        if m:
            return int(m.group(1))
    prov = ctx.report.provenance.get("unit.year")
    if ctx.report.unit.year is None or prov is None or "表头" in prov.method:
        return None  # the year itself came from the form header: nothing to compare it with
    return ctx.report.unit.year


def _form_header_texts(ctx: AuditContext):
    """Header cells of the forms: the document's cell texts, else the provenance texts of form values."""
    if ctx.texts:
        return [("basic_data", t) for t in ctx.texts_with("决算数", "预算数", "实际在职人数") if len(t) <= 20 and _FORM_YEAR.search(t)]
    return [(path, p.text) for path, p in ctx.report.provenance.items() if p.method.startswith("基础数据表")]


_WHOLE_SPENDING = lazy(r"(单位|部门)?整体(经费|支出)|经费总额|支出总额|部门(经费|支出)(总额|控制)?$|整体支出控制")


@rule("XR208", "cross_reference", "error", "整体经费指标与实际支出不符", affects_score=True)
def whole_spending_indicator(ctx: AuditContext):
    """检查什么：“单位整体经费 ≤ X 万元”之类以全部支出为对象的成本指标，与表头全年执行数对照是否达成，得分是否相符。
    为什么重要：实际支出已超过控制目标却不填实际值、照给满分，是“未完成目标得满分”的典型。
    示例：“单位整体经费”目标 ≤1999.37 万元，实际值空白，得 5 分；而全年执行数 3122 万元。
    修改建议：实际值填全年执行数；超过控制目标的按规则扣分并说明原因。
    依据：财预〔2020〕10号：成本指标按实际完成情况计分（[K]）。
    """
    executed = ctx.report.budget.executed
    for i, ind in enumerate(ctx.report.indicators):
        t = ind.target_measure
        if executed is None or not t or t.value is None or t.comparator not in ("≤", "<") or (t.unit or "") not in ("万元", "元"):
            continue
        cap = t.value / 10000 if t.unit == "元" else t.value
        if _WHOLE_SPENDING.search(ind.name) and executed > cap and ind.score and ind.weight and ind.score >= ind.weight:
            yield Issue(f"指标“{ind.name}”目标 {ind.target}，而全年执行数 {fmt(executed)} 万元已超过目标，却得满分 {fmt(ind.score)}",
                        ctx.where(ctx.indicator_path(i, "score"), "绩效自评表"), expected=f"≤ {fmt(cap)}（未达成，应扣分）",
                        found=fmt(executed), evidence=f"{ind.name}：目标 {ind.target}，实际 {ind.actual or '（空）'}，得分 {fmt(ind.score)}")
