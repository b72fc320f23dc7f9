"""Build the parser's test fixtures (docx, pdf, scan, xlsx, text) and their expected JSON from specs.py.

    .venv/bin/python tests/data/build_fixtures.py            # everything (needs soffice for PDFs)
    .venv/bin/python tests/data/build_fixtures.py --no-pdf   # skip LibreOffice, PDFs and scans

Deterministic: no randomness except a seeded numpy generator for scan noise; docx/xlsx zip entries
get a fixed timestamp.  PDFs made by LibreOffice still carry their own creation date and ID.
The expected values are generated from the same spec as the document, field by field, according
to which parts (narrative, 基础数据表, 自评表) a rendering contains.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from specs import BY_STEM, Report  # noqa: E402

ROOT = HERE.parent.parent
EXAMPLES = ROOT / "examples"
FIXED_TIME = (2025, 3, 1, 9, 0, 0)
FIXED_ISO = "2025-03-01T09:00:00Z"

# --------------------------------------------------------------------------------------------
# numbers and text helpers

FW = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


def fw(s: str) -> str:
    """Full-width digits, point and percent sign (what a Chinese IME in full-width mode types)."""
    return s.translate(FW)


def q2(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def pct(a: str | Decimal, b: str | Decimal) -> str:
    return str(q2(Decimal(a) / Decimal(b) * 100))


def tp_total(tp) -> Decimal:
    return sum((Decimal(x) for x in (tp.car_purchase, tp.car_run, tp.abroad, tp.reception)), Decimal(0))


def dsum(values) -> Decimal:
    return sum((Decimal(v) for v in values), Decimal(0))


def money_text(r: Report, s: str | Decimal | None, sep: bool | None = None) -> str:
    """An amount as the document writes it: 元 with thousands separators, 万元 as stated."""
    if s is None:
        return ""
    d = Decimal(s)
    if sep is None:
        sep = r.money_unit == "元"
    if sep:
        return f"{d:,.2f}"
    return f"{d:.2f}" if d != 0 else "0"


def m(r: Report, s, sep=None) -> str:
    return money_text(r, s, sep) + r.money_unit


@dataclass
class Num:
    """A numeric form cell: money, int, score or pct (percent value)."""

    value: str
    kind: str = "money"


# --------------------------------------------------------------------------------------------
# form grids shared by the docx, xlsx and text renderers


@dataclass
class Grid:
    ncols: int
    rows: list[list] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    header_rows: set[int] = field(default_factory=set)
    nested: dict[tuple[int, int], Grid] = field(default_factory=dict)
    widths: list[float] = field(default_factory=list)
    font_size: float = 10
    left_cols: set[int] = field(default_factory=set)

    def add(self, cells) -> int:
        cells = list(cells) + [None] * (self.ncols - len(cells))
        self.rows.append(cells)
        return len(self.rows) - 1

    def merge(self, r0, c0, r1, c1):
        if (r0, c0) != (r1, c1):
            self.merges.append((r0, c0, r1, c1))

    def covered(self) -> dict[tuple[int, int], tuple[int, int]]:
        """Positions covered by a merge (not its top-left) -> top-left."""
        out = {}
        for r0, c0, r1, c1 in self.merges:
            for rr in range(r0, r1 + 1):
                for cc in range(c0, c1 + 1):
                    if (rr, cc) != (r0, c0):
                        out[(rr, cc)] = (r0, c0)
        return out


def cell_text(r: Report, v) -> str:
    if v is None:
        return ""
    if isinstance(v, Num):
        if v.kind == "money":
            return money_text(r, v.value)
        if v.kind == "pct":
            return f"{v.value}%"
        return str(v.value)
    return str(v)


def basic_data_grid(r: Report) -> Grid:
    """部门整体支出绩效评价基础数据表 (7 grid columns; the three year columns span two each)."""
    y = r.year
    g = Grid(7, widths=[4.0, 1.9, 1.9, 1.9, 1.9, 1.9, 1.9], left_cols={0})

    def val(v, kind):
        if v is None:
            return ""
        return Num(v, kind) if re.fullmatch(r"-?\d+(\.\d+)?", str(v)) else v

    def three(label, vals, kind="money"):
        cells = [label]
        for v in vals:
            cells += [val(v, kind), None]
        row = g.add(cells)
        for c0 in (1, 3, 5):
            g.merge(row, c0, row, c0 + 1)
        return row

    row = g.add(["填报单位", r.unit_name])
    g.merge(row, 1, row, 6)
    r1 = three("财政供养人员情况", ("编制数", f"{y}年实际在职人数", "控制率"))
    r2 = three(None, (str(r.authorized), str(r.actual_staff), None), kind="int")
    g.rows[r2][5] = Num(pct(r.actual_staff, r.authorized), "pct")
    g.merge(r1, 0, r2, 0)
    three(f"经费控制情况（{r.money_unit}）", (f"{y - 1}年决算数", f"{y}年预算数", f"{y}年决算数"))
    cols = (r.tp_prior, r.tp_budget, r.tp_actual)
    three("三公经费", [str(tp_total(t)) for t in cols])
    three("1、公务用车购置和维护经费", [str(Decimal(t.car_purchase) + Decimal(t.car_run)) for t in cols])
    three("其中：公车购置", [t.car_purchase for t in cols])
    three("公车运行维护", [t.car_run for t in cols])
    three("2、出国经费", [t.abroad for t in cols])
    three("3、公务接待费", [t.reception for t in cols])
    proj_total = r.project_total_form or str(dsum(p.executed for p in r.projects))
    three("项目支出：", (None, str(dsum(p.budget for p in r.projects)), proj_total))
    for i, p in enumerate(r.projects, 1):
        three(f"{i}、{p.name}", (None, p.budget, p.executed))
    three("公用经费", r.public_funds)
    three("其中：办公经费", r.office_funds)
    three("水费、电费、差旅费", r.utility_funds)
    three("会议费、培训费", r.meeting_funds)
    three("政府采购金额", r.procurement or ("——", None, None))
    three("部门基本支出预算调整", ("——", None, None))
    lt = g.add(["楼堂馆所控制情况（本年完工项目）", "批复规模（㎡）", "实际规模（㎡）", "规模控制率",
                f"预算投资（{r.money_unit}）", f"实际投资（{r.money_unit}）", "投资概算控制率"])
    lv = g.add([None, "—", "—", "—", "—", "—", "—"])
    g.merge(lt, 0, lv, 0)
    row = g.add(["厉行节约保障措施", "严格执行中央八项规定精神，压减一般性支出，公务接待实行公函制度"])
    g.merge(row, 1, row, 6)
    g.left_cols = {0}
    return g


def revenue_lines(r: Report, cut_colon=False):
    income = [
        f"其中：一般公共预算：{money_text(r, r.rev_general)}",
        f"政府性基金拨款：{money_text(r, r.rev_fund)}",
        f"纳入专户管理的非税收入拨款：{money_text(r, r.rev_special)}",
        f"其他资金：{money_text(r, r.rev_other)}",
    ]
    spend = [f"其中：基本支出：{money_text(r, r.basic)}",
             f"项目支出：{'：' if cut_colon else ''}{money_text(r, r.project)}", "", ""]
    return income, spend


def self_eval_grid(r: Report, nested=False, fullwidth=False, cut_colon=False) -> Grid:
    """部门整体支出绩效自评表 (9 columns), laid out like the Hunan form."""
    g = Grid(9, widths=[1.1, 1.9, 1.9, 2.6, 2.0, 2.0, 1.6, 1.4, 1.9], font_size=9.5, left_cols=set())
    conv = (lambda s: fw(s) if len(s) <= 6 else s) if fullwidth else (lambda s: s)
    if r.money_unit == "元":  # 元 amounts need wider number columns
        g.widths, g.font_size = [0.9, 1.4, 2.7, 2.7, 2.7, 1.6, 1.6, 1.2, 1.6], 8
    row = g.add(["预算单位名称", r.unit_name])
    g.merge(row, 1, row, 8)
    top = g.add([f"年度预算申请（{r.money_unit}）", None, "年初预算数", "全年预算数", "全年执行数",
                 "分值", "执行率", "得分", None])
    g.add([None, "年度资金总额", Num(r.initial), Num(r.full_year), Num(r.executed), Num("10", "int"),
           Num(r.execution_rate, "pct"), Num(r.execution_score, "score"), None])
    income, spend = revenue_lines(r, cut_colon)
    if nested:
        row = g.add([None, "按收入性质分 / 按支出性质分"])
        g.merge(row, 1, row, 8)
        inner = Grid(2, widths=[6.6, 6.6], font_size=9, left_cols={0, 1})
        inner.add(["按收入性质分：", "按支出性质分："])
        for a, b in zip(income, spend):
            inner.add([a, b])
        g.nested[(row, 1)] = inner
        g.rows[row][1] = ""
        last_budget_row = row
    else:
        row = g.add([None, "按收入性质分：", None, None, "按支出性质分："])
        g.merge(row, 1, row, 3)
        g.merge(row, 4, row, 8)
        for a, b in zip(income, spend):
            row = g.add([None, a, None, None, b])
            g.merge(row, 1, row, 3)
            g.merge(row, 4, row, 8)
        last_budget_row = row
    g.merge(top, 0, last_budget_row, 0)
    g.merge(top, 8, top + 1, 8)
    goal_hdr = g.add(["年度总体目标", "预期目标", None, None, None, "实际完成情况"])
    g.merge(goal_hdr, 1, goal_hdr, 4)
    g.merge(goal_hdr, 5, goal_hdr, 8)
    goal = g.add([None, "；".join(x.rstrip("。") for x in r.goals) + "。", None, None, None,
                  r.goals_done])
    g.merge(goal, 1, goal, 4)
    g.merge(goal, 5, goal, 8)
    g.merge(goal_hdr, 0, goal, 0)
    ind_hdr = g.add(["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值",
                     "得分", "偏差原因分析及改进措施"])
    first = len(g.rows)
    for ind in r.indicators:
        g.add([None, None, None, ind.name, conv(ind.target), conv(ind.actual or ""),
               Num(ind.weight, "int"), Num(ind.score, "score"), ind.reason])
    # vertical merges of level one / level two labels
    for col, key in ((1, "level1"), (2, "level2")):
        start = 0
        inds = r.indicators
        for i in range(1, len(inds) + 1):
            same = i < len(inds) and getattr(inds[i], key) == getattr(inds[start], key) and (
                col == 1 or inds[i].level1 == inds[start].level1)
            if not same:
                label = getattr(inds[start], key)
                if col == 1:
                    label = f"{label}（{r.level1_weights[label]}分）"
                g.rows[first + start][col] = label
                g.merge(first + start, col, first + i - 1, col)
                start = i
    g.merge(ind_hdr, 0, len(g.rows) - 1, 0)
    tot = g.add(["总分", None, None, None, None, None, Num("100", "int"), Num(r.total_score, "score"), None])
    g.merge(tot, 0, tot, 5)
    g.header_rows = {0}
    g.left_cols = {3, 8}
    g.ind_header_row = ind_hdr  # type: ignore[attr-defined]
    g.first_ind_row = first  # type: ignore[attr-defined]
    return g


def split_grid(g: Grid, at: int) -> tuple[Grid, Grid]:
    """Split a 自评表 grid before row `at`: the second part starts with the repeated indicator header
    row, its level-one cell left blank where a level-one group continues (as in a real page split)."""
    a = Grid(g.ncols, rows=g.rows[:at], widths=g.widths, font_size=g.font_size, left_cols=g.left_cols,
             header_rows={0}, nested=dict(g.nested))
    hdr = list(g.rows[g.ind_header_row])  # type: ignore[attr-defined]
    b = Grid(g.ncols, rows=[hdr] + [list(x) for x in g.rows[at:]], widths=g.widths, font_size=g.font_size,
             left_cols=g.left_cols, header_rows={0})
    for r0, c0, r1, c1 in g.merges:
        if r1 < at:
            a.merge(r0, c0, r1, c1)
        elif r0 >= at:
            b.merge(r0 - at + 1, c0, r1 - at + 1, c1)
        else:  # crosses the split
            a.merge(r0, c0, at - 1, c1)
            b.merge(1, c0, r1 - at + 1, c1)
            b.rows[1][c0] = ""  # a continued 绩效指标 / level-one cell is blank after the break
    return a, b


# --------------------------------------------------------------------------------------------
# report content as blocks


def hunan_blocks(r: Report, fullwidth=False) -> list[tuple]:
    y = r.year
    conv = fw if fullwidth else (lambda s: s)
    b: list[tuple] = []
    b.append(("title", conv(f"{r.unit_name}{y}年度部门整体支出绩效自评报告")))
    b.append(("h1", "一、部门（单位）基本情况"))
    b.append(("h2", "（一）机构设置情况"))
    b.append(("p", f"{r.unit_name}位于{r.address}，是财政全额拨款的一级预算单位，{r.institutions}。"
              if r.address else f"{r.unit_name}{r.institutions}。"))
    b.append(("h2", "（二）人员编制情况"))
    if r.staff_admin:
        staff = (f"{r.unit_name}核定编制{r.authorized}名，其中行政编制{r.staff_admin}名、事业编制{r.staff_inst}名；"
                 f"{y}年末实有在职人员{r.actual_staff}人。")
    else:
        staff = f"{r.short_name}编制人数{r.authorized}人，{y}年末实际在职人数{r.actual_staff}人。"
    b.append(("p", conv(staff)))
    b.append(("h2", "（三）主要职能职责"))
    for i, d in enumerate(r.duties, 1):
        b.append(("p", f"（{i}）{d}；" if i < len(r.duties) else f"（{i}）{d}。"))
    b.append(("h2", "（四）绩效目标设定情况"))
    b.append(("p", f"{y}年{r.short_name}共设定{len(r.goals)}个绩效目标：" + "；".join(g.rstrip("。") for g in r.goals) + "。"))
    b.append(("h1", "二、部门整体支出管理及使用情况"))
    b.append(("h2", "（一）预算执行、使用、管理总体情况"))
    b.append(("p", conv(
        f"{y}年度{r.short_name}年初预算数{m(r, r.initial)}，全年预算数{m(r, r.full_year)}（含年中追加），"
        f"全年执行数{m(r, r.executed)}，预算执行率{r.execution_rate}%。按收入性质分，一般公共预算"
        f"{m(r, r.rev_general)}，政府性基金拨款{m(r, r.rev_fund)}，其他资金{m(r, r.rev_other)}。")))
    b.append(("p", f"{r.short_name}严格执行预算管理制度，预算下达后按月跟踪执行进度，确保资金按时拨付和使用，"
              "年度结束后编制决算报告，定期公开预算执行情况，接受社会监督。"))
    b.append(("h2", "（二）部门预算执行情况"))
    b.append(("h3", "1. 基本支出情况"))
    bs = r.basic_share or pct(r.basic, r.executed)
    b.append(("p", f"{y}年度基本支出{m(r, r.basic)}，占全年支出的{bs}%，其中：工资福利支出{m(r, r.basic_wage)}，"
              f"占{pct(r.basic_wage, r.basic)}%，主要包括基本工资、津贴补贴、奖金、社会保障缴费等；商品和服务支出"
              f"{m(r, r.basic_goods)}，占{pct(r.basic_goods, r.basic)}%，主要包括办公费、差旅费、水电费、"
              f"公务用车运行维护费等；对个人和家庭的补助{m(r, r.basic_individual)}，"
              f"占{pct(r.basic_individual, r.basic)}%，主要包括生活补助和遗属补助。"))
    b.append(("h3", "2. 项目支出情况"))
    ps = r.project_share or pct(r.project, r.executed)
    b.append(("p", f"{y}年度项目支出{m(r, r.project)}，占全年支出的{ps}%，其中："
              + "；".join(f"{p.name}{m(r, p.executed)}" for p in r.projects) + "。"))
    b.append(("h2", "（三）“三公”经费使用和管理情况"))
    prior, actual = tp_total(r.tp_prior), tp_total(r.tp_actual)
    diff = r.tp_change_stated or str(abs(prior - actual))
    word = "减少" if actual <= prior else "增加"
    parts = [f"公务用车运行维护费{m(r, r.tp_actual.car_run)}"]
    parts.append(f"公务接待费{m(r, r.tp_actual.reception)}" if Decimal(r.tp_actual.reception) else "无公务接待费支出")
    over = actual > tp_total(r.tp_budget)
    b.append(("p", f"{y}年度“三公”经费总支出{m(r, str(actual))}，比{y - 1}年{word}{m(r, diff)}。其中："
              + "，".join(parts) + "，无因公出国（境）费用支出。"
              + ("公务接待费超出年初预算，主要是上级检查调研接待增加。" if over else "")))
    b.append(("p", f"{r.short_name}严格执行“三公”经费管理办法，推行公务接待事前审批和公函制度，"
              "公务用车实行统一调度、定点加油、定点维修，严格控制公务用车运行费用。"))
    b.append(("h1", "三、政府性基金预算支出情况"))
    b.append(("p", f"{y}年政府性基金预算支出{m(r, r.rev_fund)}，主要用于城乡社区和农林水支出。"
              if Decimal(r.rev_fund) else f"{r.short_name}无政府性基金预算支出。"))
    b.append(("h1", "四、国有资本经营预算支出情况"))
    b.append(("p", f"{r.short_name}无国有资本经营预算支出。"))
    b.append(("h1", "五、社会保险基金预算支出情况"))
    b.append(("p", f"{r.short_name}无社会保险基金预算支出。"))
    b.append(("h1", "六、部门整体支出绩效情况"))
    b.append(("h2", "（一）综合评价结论"))
    grade = f"，评价等级为“{r.grade}”" if r.grade else ""
    b.append(("p", f"根据《部门整体支出绩效评价指标》，{r.short_name}{y}年度部门整体支出绩效自评得分{r.total_score}分"
              f"{grade}（详见《部门整体支出绩效自评表》）。"))
    b.append(("h2", "（二）评价指标分析"))
    for i, h in enumerate(r.highlights, 1):
        b.append(("p", f"{i}. {h}。"))
    b.append(("p", "从部门整体支出的效益和效果来看，各项支出在促进经济发展、改善民生、提升公共服务水平和维护社会稳定"
              "等方面发挥了重要作用。"))
    b.append(("h1", "七、存在的问题及原因分析"))
    for i, p in enumerate(r.problems):
        b.append(("p", f"{'（' + '一二三四五'[i] + '）'}{p}。"))
    b.append(("h1", "八、下一步改进措施"))
    for i, p in enumerate(r.measures):
        b.append(("p", f"{'（' + '一二三四五'[i] + '）'}{p}。"))
    b.append(("h1", "九、绩效自评结果拟应用和公开情况"))
    b.append(("p", "自评结果将作为下一年度预算安排和改进管理的重要依据，并按规定在本级政府门户网站公开。"))
    b.append(("p", "附件：1. 部门整体支出绩效评价基础数据表"))
    b.append(("p", "　　　2. 部门整体支出绩效自评表"))
    return b


def hunan_forms(r: Report, fullwidth=False, nested=False, split_at: int | None = None) -> list[tuple]:
    y = r.year
    conv = fw if fullwidth else (lambda s: s)
    filler = f"填表人：{r.filler}　　填报日期：{r.fill_date}　　联系电话：{r.phone}"
    b: list[tuple] = [("pagebreak",), ("label", "附件1"), ("caption", "部门整体支出绩效评价基础数据表"),
                      ("p_right", f"金额单位：{r.money_unit}"), ("table", basic_data_grid(r)),
                      ("small", "说明：“项目支出”需要填报基本支出以外的所有项目支出情况，“公用经费”填报基本支出中的"
                                "一般商品和服务支出。"),
                      ("small", filler), ("pagebreak",), ("label", "附件2"),
                      ("caption", "部门整体支出绩效自评表"), ("subcaption", conv(f"（{y}年度）"))]
    g = self_eval_grid(r, nested=nested, fullwidth=fullwidth, cut_colon="text_cells" in r.features)
    if split_at is not None:
        a, c = split_grid(g, g.first_ind_row + split_at)  # type: ignore[attr-defined]
        b += [("table", a), ("pagebreak",), ("table", c)]
    else:
        b.append(("table", g))
    b.append(("small", filler))
    return b


def guangdong_blocks(r: Report) -> list[tuple]:
    y = r.year
    s = lambda v: money_text(r, v, sep=True)  # noqa: E731
    (n1, w1, s1, p1), (n2, w2, s2, p2) = r.level1_summary
    prior, budget, actual = tp_total(r.tp_prior), tp_total(r.tp_budget), tp_total(r.tp_actual)
    g = Grid(4, widths=[4.0, 2.5, 2.5, 2.5], font_size=10.5)
    g.add(["评价维度", "分值", "自评得分", "得分率"])
    g.add([n1, Num(str(w1), "int"), Num(s1, "score"), p1])
    g.add([n2, Num(str(w2), "int"), Num(s2, "score"), p2])
    g.add(["合计", Num("100", "int"), Num(r.total_score, "score"), f"{r.total_score}%"])
    b = [("title", f"{r.unit_name}{y}年度部门整体支出绩效自评报告"),
         ("h1", "一、绩效自评情况"), ("h2", "（一）部门整体支出绩效目标"),
         ("p", f"{y}年{r.short_name}整体支出绩效目标紧密围绕高质量发展这一核心任务，在经济发展、城乡建设、民生保障、"
               "安全治理和政府效能等方面设定年度目标，着力推动产业转型升级、完善基础设施、优化公共服务供给，"
               "全面提升基层治理效能。"),
         ("h2", "（二）自评结论"),
         ("p", f"{y}年，{r.short_name}紧密围绕镇委镇政府的决策部署及年度重点工作任务，科学制定整体绩效目标，"
               f"规范开展部门绩效自评工作。经综合自评，{y}年度{r.short_name}{n1}指标得分为{s1}分，{n2}指标得分为{s2}分，"
               f"整体绩效自评合计得分{r.total_score}分，评价等级为“{r.grade}”。"),
         ("caption_small", "表1　部门整体支出绩效自评得分情况"), ("table", g),
         ("h2", f"（三）{n1}分析"),
         ("p", f"{y}年{r.short_name}核定编制{r.authorized}名，实有在编人员{r.actual_staff}名。年初预算为{s(r.initial)}万元，"
               f"调整后年度总预算为{s(r.full_year)}万元，年度总支出为{s(r.executed)}万元，预算执行率为"
               f"{r.execution_rate}%；其中基本支出{s(r.basic)}万元，项目支出{s(r.project)}万元。"),
         ("p", "在重点工作方面，" + "；".join(r.highlights) + "。"),
         ("p", f"但由于部分项目前期工作不充分，支出进度稍有滞后。{y}年{n1}自评得分{s1}分。"),
         ("h2", f"（四）{n2}分析"),
         ("p", "在绩效管理方面，已制定预算绩效管理制度、事前绩效评估、绩效目标管理、运行监控、绩效评价及结果应用等"
               "配套制度；在信息公开方面，预算及绩效内容按规定报送同级人大并公开；在资产管理方面，按时盘点，"
               "保证账账相符、账实相符。"),
         ("p", f"在运行成本方面，{y}年“三公”经费年初预算{s(budget)}万元，实际支出{s(actual)}万元，"
               f"较上年{s(prior)}万元下降{pct(prior - actual, prior)}%；公用经费控制率为-3.12%。"
               f"{y}年{n2}自评得分{s2}分。"),
         ("h1", "二、存在的主要问题")]
    for i, p in enumerate(r.problems):
        b.append(("p", f"{'一二三四'[i]}是{p}。"))
    b.append(("h1", "三、下一步改进措施"))
    for i, p in enumerate(r.measures):
        b.append(("p", f"{'一二三四'[i]}是{p}。"))
    b += [("p_right", r.unit_name), ("p_right", f"{y + 1}年4月15日")]
    return b


def external_blocks(r: Report) -> list[tuple]:
    y = r.year
    s = lambda v: money_text(r, v, sep=True)  # noqa: E731
    g = Grid(4, widths=[4.0, 2.5, 2.5, 2.5], font_size=10.5)
    g.add(["一级指标", "分值", "得分", "得分率"])
    for name, w, sc, rate in r.level1_summary:
        g.add([name, Num(str(w), "int"), Num(sc, "score"), rate])
    g.add(["合计", Num("100", "int"), Num(r.total_score, "score"), f"{r.total_score}%"])
    b = [("title", f"{r.unit_name}{y}年度部门整体支出绩效评价报告"),
         ("subcaption", f"评价机构：{r.evaluator}"),
         ("h1", "一、部门概况"),
         ("p", f"{r.unit_name}为财政全额供养单位，负责辖区内加强党的建设、推进区域发展、加强公共管理和公共服务等工作。"
               f"上级核定内设机构和所属事业单位{r.institutions}。"),
         ("p", f"截至{y}年底，{r.unit_name}部门整体人员编制共计{r.authorized}人，其中行政编制{r.staff_admin}名、"
               f"事业编制{r.staff_inst}名。{y}年末部门整体实有人员{r.actual_staff}人。"),
         ("p", f"{y}年{r.unit_name}年初预算总额{s(r.initial)}万元，调整后预算{s(r.full_year)}万元，截至{y}年12月31日，"
               f"实际执行{s(r.executed)}万元，预算执行率{r.execution_rate}%。其中基本支出{s(r.basic)}万元，"
               f"项目支出{s(r.project)}万元。"),
         ("h1", "二、综合评价结论"),
         ("p", f"评价组对照单位整体支出绩效评价指标体系，从投入、过程、产出、效益四个维度，通过数据采集、实地调研和"
               f"问卷访谈等方式，对{r.unit_name}{y}年度部门整体支出绩效进行客观公正的评价，本项目总得分为"
               f"{r.total_score}分，绩效评级属于“{r.grade}”。"),
         ("caption_small", "表1　一级指标得分情况"), ("table", g),
         ("p", f"绩效评价得分：{r.total_score}　　综合评价结果等级：{r.grade}"),
         ("h1", "三、主要业绩")]
    for i, h in enumerate(r.highlights):
        b.append(("p", f"（{'一二三四'[i]}）{h}。"))
    b.append(("h1", "四、存在的问题及原因分析"))
    for i, p in enumerate(r.problems):
        b.append(("p", f"（{'一二三四'[i]}）{p}。"))
    b.append(("h1", "五、有关建议"))
    for i, p in enumerate(r.measures):
        b.append(("p", f"（{'一二三四'[i]}）{p}。"))
    b += [("p_right", r.evaluator), ("p_right", f"{y + 1}年8月20日")]
    return b


def chongqing_blocks(r: Report) -> list[tuple]:
    y = r.year
    s = lambda v: money_text(r, v, sep=True)  # noqa: E731
    return [
        ("title", r.unit_name), ("subcaption", f"关于{y}年度绩效自评工作报告"),
        ("p", f"按照《{r.county}财政局关于开展{y}年预算绩效自评工作的通知》（彭财发〔{y + 1}〕9号）文件要求，"
              f"我单位对{y}年项目资金开展了绩效自评工作，现将自评情况报告如下："),
        ("h1", "一、基本情况"), ("h2", "（一）项目背景、内容"),
        ("p", f"龙凤镇人民政府下设行政机构7个，分别是党政办、党群办、经发办、应急办、平安办、财政办、规划建设管理环保办，"
              f"行政编制（含工勤编制）{r.staff_admin}人；下设事业机构4个，分别是农服中心、文化服务中心、社保所、退服站，"
              f"事业编制（含工勤编制）{r.staff_inst}人，共核定编制{r.authorized}名。以上人员均为财政全额供养。"),
        ("h2", "（二）项目资金情况"), ("h3", "1. 项目资金到位及执行情况"),
        ("p", f"截至{y}年12月，县级以上财政安排我镇本级预算项目支出{s(r.full_year)}万元，实际到位资金"
              f"{s(r.executed)}万元，资金执行率为{r.execution_rate}%。"),
        ("h3", "2. 项目资金管理情况"),
        ("p", "我镇严格按照相应的业务管理制度规范专项资金拨付，资金使用规范，拨付有完整的审批程序和手续，"
              "不存在截留、挤占、挪用、虚列支出等情况，会计核算准确、财务资料完整。"),
        ("h2", "（三）绩效目标"),
        ("p", "1. 产出指标（质量指标）：①安全生产、平安建设、信访稳定等工作年度目标考核得分≥98分；"
              "②经济社会发展及乡村振兴实绩年度目标考核得分≥98分；③上级交办事项及时完成率≥99%。"),
        ("p", "2. 产出指标（成本指标）：①财政“三保”保障率≥99%；②年度新增债务＝0万元。"),
        ("p", "3. 满意度指标（服务对象满意度指标）：①服务群众满意度≥90%。"),
        ("h2", "（四）部门（单位）职能职责"),
        ("p", "1. 贯彻上级党委、人民政府的决议、决定，承办上级党委、政府交办的其他工作；"),
        ("p", "2. 管理乡镇经济工作，制定乡镇经济发展规划并组织实施；"),
        ("p", "3. 负责民政、教育、文化、社会救助、劳动就业、社会保障等工作；"),
        ("p", "4. 承担农技、林业、水利、畜牧兽医等方面的技术推广和服务工作。"),
        ("h1", "二、绩效目标完成情况分析"), ("h2", "（一）总体绩效目标完成情况分析"),
        ("p", "1. 各项工作年度目标考核均达到预期，乡村振兴实绩考核位列全县同类乡镇前列。"
              "2. 年度内未发生新的债务，财政“三保”保障率达到100%。3. 服务群众满意度达到93%。"),
        ("h2", "（二）绩效指标完成情况分析"),
        ("p", "我镇政府日常运行、乡村振兴、社会治理、防灾减灾、农林水等63个项目均达到预期效果，各机构正常运转。"
              "对全部项目实施满意度调查，受益群众满意度达93%。"),
        ("h2", "（三）评价结果"),
        ("p", f"本项目自评得分{r.total_score}分，达到了预期效果。"),
        ("h1", "三、存在问题"),
        ("p", "部分项目资金支付滞后，资金执行率有待提高；绩效目标设置不够科学，部分指标缺乏可衡量性。"),
        ("h1", "四、下一步改进措施"),
        ("p", "1. 加强资金管理，完善资金执行制度和流程。2. 规范绩效目标设置，使其更具科学性、合理性、可衡量性。"),
        ("h1", "五、绩效自评结果拟应用和公开情况"),
        ("p", f"{r.unit_name}{y}年绩效自评结果将在财政审核后于{r.county}人民政府网站公开。"),
        ("p", "（此件公开发布）"),
    ]


def blocks_for(r: Report, fullwidth=False, nested=False, split_at=None, with_forms=True) -> list[tuple]:
    if r.style == "hunan":
        b = hunan_blocks(r, fullwidth)
        if "textbox" in r.features:
            b.append(("textbox", [f"填报单位（盖章）：{r.unit_name}", f"报送日期：{r.fill_date}"]))
        else:
            b += [("p_right", r.unit_name), ("p_right", r.fill_date)]
        if with_forms:
            b += hunan_forms(r, fullwidth, nested, split_at)
        return b
    return {"guangdong": guangdong_blocks, "external": external_blocks, "chongqing": chongqing_blocks}[r.style](r)


# --------------------------------------------------------------------------------------------
# docx


def write_docx(r: Report, blocks: list[tuple], path: Path, body_size=12.0) -> None:
    from docx import Document
    from docx.enum.table import WD_ALIGN_VERTICAL
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement, parse_xml
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.3)
    sec.top_margin, sec.bottom_margin = Cm(2.5), Cm(2.2)
    doc.core_properties.author = "jixiao fixtures"
    doc.core_properties.created = doc.core_properties.modified = datetime(2025, 3, 1, 9, 0, 0)
    doc.core_properties.last_modified_by = "jixiao fixtures"
    doc.core_properties.revision = 1

    def run_font(run, font, size, bold=False):
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.name = font
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)

    def paragraph(container, text, font="仿宋_GB2312", size=body_size, bold=False, align=None, indent=True,
                  space_after=0):
        p = container.add_paragraph()
        if align is not None:
            p.alignment = align
        pf = p.paragraph_format
        pf.space_after = Pt(space_after)
        pf.space_before = Pt(0)
        if indent:
            pf.first_line_indent = Pt(size * 2)
        run_font(p.add_run(text), font, size, bold)
        return p

    def fill_cell(cell, text, size, align):
        lines = text.split("\n") if text else [""]
        p = cell.paragraphs[0]
        for i, line in enumerate(lines):
            if i:
                p = cell.add_paragraph()
            p.alignment = align
            p.paragraph_format.space_after = Pt(0)
            if line:
                run_font(p.add_run(line), "宋体", size)
        cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER

    def add_table(container, g: Grid):
        t = container.add_table(rows=len(g.rows), cols=g.ncols)
        t.style = "Table Grid"
        t.autofit = False
        t.alignment = 1  # centred
        for c, w in enumerate(g.widths):
            t.columns[c].width = Cm(w)
            for cell in t.columns[c].cells:
                cell.width = Cm(w)
        for ri in g.header_rows:
            trpr = t.rows[ri]._tr.get_or_add_trPr()
            trpr.append(OxmlElement("w:tblHeader"))
        for r0, c0, r1, c1 in g.merges:
            t.cell(r0, c0).merge(t.cell(r1, c1))
        covered = g.covered()
        for ri, row in enumerate(g.rows):
            for ci, v in enumerate(row):
                if (ri, ci) in covered:
                    continue
                text = cell_text(r, v)
                align = (WD_ALIGN_PARAGRAPH.LEFT if (ci in g.left_cols and not isinstance(v, Num)) or len(text) > 30
                         else WD_ALIGN_PARAGRAPH.CENTER)
                fill_cell(t.cell(ri, ci), text, g.font_size, align)
                if (ri, ci) in g.nested:
                    inner = g.nested[(ri, ci)]
                    cell = t.cell(ri, ci)
                    nt = cell.add_table(rows=len(inner.rows), cols=inner.ncols)
                    nt.style = "Table Grid"
                    for ii, irow in enumerate(inner.rows):
                        for jj, iv in enumerate(irow):
                            fill_cell(nt.cell(ii, jj), cell_text(r, iv), inner.font_size, WD_ALIGN_PARAGRAPH.LEFT)
        return t

    for blk in blocks:
        kind = blk[0]
        if kind == "title":
            paragraph(doc, blk[1], "方正小标宋简体", 18, False, WD_ALIGN_PARAGRAPH.CENTER, False, 12)
        elif kind == "subcaption":
            paragraph(doc, blk[1], "楷体_GB2312", 14, False, WD_ALIGN_PARAGRAPH.CENTER, False, 6)
        elif kind == "caption":
            paragraph(doc, blk[1], "方正小标宋简体", 16, False, WD_ALIGN_PARAGRAPH.CENTER, False, 4)
        elif kind == "caption_small":
            paragraph(doc, blk[1], "黑体", 10.5, False, WD_ALIGN_PARAGRAPH.CENTER, False, 2)
        elif kind == "label":
            paragraph(doc, blk[1], "黑体", 12, False, None, False)
        elif kind == "h1":
            paragraph(doc, blk[1], "黑体", body_size + 1)
        elif kind == "h2":
            paragraph(doc, blk[1], "楷体_GB2312", body_size, True)
        elif kind == "h3":
            paragraph(doc, blk[1], "仿宋_GB2312", body_size, True)
        elif kind == "p":
            paragraph(doc, blk[1])
        elif kind == "p_right":
            paragraph(doc, blk[1], align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
        elif kind == "small":
            paragraph(doc, blk[1], "宋体", 9.5, indent=False)
        elif kind == "pagebreak":
            doc.add_page_break()
        elif kind == "table":
            add_table(doc, blk[1])
        elif kind == "textbox":
            p = doc.add_paragraph()
            p.add_run("")
            p._p.append(parse_xml(textbox_xml(blk[1])))
        else:
            raise ValueError(kind)
    buf = io.BytesIO()
    doc.save(buf)
    write_normalized_zip(buf.getvalue(), path)


def textbox_xml(lines: list[str]) -> str:
    """A Word 2010+ text box (wps shape) with the VML fallback Word itself writes beside it."""
    W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    def paras():
        out = []
        for line in lines:
            out.append(
                f'<w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="仿宋_GB2312" '
                f'w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/><w:sz w:val="24"/></w:rPr>'
                f"<w:t>{line}</w:t></w:r></w:p>")
        return "".join(out)

    cx, cy = 3600000, 720000
    return (
        f'<w:r xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w10="urn:schemas-microsoft-com:office:word">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>2300000</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>90000</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        '<wp:docPr id="101" name="文本框 101"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        '<a:noFill/><a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>'
        f'<wps:txbx><w:txbxContent>{paras()}</w:txbxContent></wps:txbx>'
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" '
        'anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic>'
        '</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
        '<v:shape id="文本框 101" style="position:absolute;margin-left:181.1pt;margin-top:7.1pt;width:283.45pt;'
        'height:56.7pt;z-index:251659264" strokeweight=".5pt">'
        f'<v:textbox><w:txbxContent>{paras()}</w:txbxContent></v:textbox>'
        '<w10:wrap type="topAndBottom"/></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
    )


def write_normalized_zip(data: bytes, path: Path) -> None:
    """Rewrite an OOXML zip with fixed entry timestamps and fixed core-property dates."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                blob = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>" + FIXED_ISO.encode(), blob)
            zi = zipfile.ZipInfo(info.filename, FIXED_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, blob)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())


# --------------------------------------------------------------------------------------------
# xlsx


def write_xlsx(r: Report, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    money_fmt = "#,##0.00" if r.money_unit == "元" else "0.00"

    def sheet(ws, title, sub, g: Grid, foot: list[str]):
        ws.cell(1, 1, title).font = Font(name="宋体", size=16, bold=True)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=g.ncols)
        ws.cell(1, 1).alignment = Alignment(horizontal="center")
        ws.cell(2, 1, sub).alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=g.ncols)
        top = 3
        covered = g.covered()
        for ri, row in enumerate(g.rows):
            for ci, v in enumerate(row):
                c = ws.cell(top + ri, ci + 1)
                c.border = border
                c.alignment = Alignment(horizontal="left" if ci in g.left_cols else "center", vertical="center",
                                        wrap_text=True)
                c.font = Font(name="宋体", size=10)
                if (ri, ci) in covered or v is None:
                    continue
                if isinstance(v, Num):
                    d = Decimal(v.value)
                    if v.kind == "money":
                        c.value, c.number_format = float(d), money_fmt
                    elif v.kind == "pct":
                        c.value, c.number_format = float(d / 100), "0.00%"
                    elif v.kind == "int":
                        c.value = int(d)
                    else:
                        c.value = int(d) if d == d.to_integral_value() else float(d)
                elif v != "":
                    c.value = v
        for r0, c0, r1, c1 in g.merges:
            ws.merge_cells(start_row=top + r0, start_column=c0 + 1, end_row=top + r1, end_column=c1 + 1)
        for i, line in enumerate(foot):
            ws.cell(top + len(g.rows) + 1 + i, 1, line)
        for ci, w in enumerate(g.widths):
            ws.column_dimensions[get_column_letter(ci + 1)].width = w * 5.2
        ws.print_title_rows = "3:3"

    filler = f"填表人：{r.filler}    填报日期：{r.fill_date}    联系电话：{r.phone}"
    ws = wb.active
    ws.title = "基础数据表"
    sheet(ws, "部门整体支出绩效评价基础数据表", f"（{r.year}年度）", basic_data_grid(r),
          ["说明：“项目支出”需要填报基本支出以外的所有项目支出情况，“公用经费”填报基本支出中的一般商品和服务支出。",
           filler])
    ws2 = wb.create_sheet("自评表")
    sheet(ws2, "部门整体支出绩效自评表", f"（{r.year}年度）", self_eval_grid(r), [filler])
    wb.properties.creator = "jixiao fixtures"
    wb.properties.created = wb.properties.modified = datetime(2025, 3, 1, 9, 0, 0)
    buf = io.BytesIO()
    wb.save(buf)
    write_normalized_zip(buf.getvalue(), path)


# --------------------------------------------------------------------------------------------
# plain text in the two seed layouts, with OCR/extraction artefacts

LATEX = [("≥", r"\geq "), ("≤", r"\leq ")]


def latexify(s: str) -> str:
    """'≥95%' -> '$\\geq 95\\%$', '=100%' -> '$=100\\%$' (how some PDF extractors write formulas)."""
    if not re.fullmatch(r"[=≥≤]\s*[\d.]+%", s):
        return s
    out = s.replace("%", r"\%")
    for a, b in LATEX:
        out = out.replace(a, b)
    return f"${out}$"


def space_numbers(s: str) -> str:
    """Spaces between CJK and numbers, as in PDF text layers: '2024年度支出3.5万元' -> '2024 年度支出 3.5 万元'."""
    s = re.sub(r"(?<=[\u4e00-\u9fff])(?=[0-9])", " ", s)
    return re.sub(r"(?<=[0-9%])(?=[\u4e00-\u9fff])", " ", s)


def spaced_words(s: str, every: int = 4) -> str:
    """'安全生产消防检查次数' -> '安全生产 消防检查 次数': line-wrapped cell text joined with spaces."""
    if len(s) <= every + 1:
        return s
    return " ".join(s[i:i + every] for i in range(0, len(s), every))


def table_lines_rows(r: Report, g: Grid) -> list[str]:
    """One line per row.  The 自评表 keeps an empty cell for every covered grid position (like seed 000);
    other tables collapse horizontal spans and keep an empty cell for vertical continuations."""
    covered = g.covered()
    is_self = g.ncols == 9
    first_ind = getattr(g, "first_ind_row", None)
    out = []
    for ri, row in enumerate(g.rows):
        cells = []
        for ci, v in enumerate(row):
            if (ri, ci) in covered:
                if not is_self and covered[(ri, ci)][0] == ri:
                    continue
                cells.append("")
            else:
                cells.append(cell_text(r, v))
        if is_self and first_ind is not None and first_ind <= ri < len(g.rows) - 1:
            cells[3] = spaced_words(cells[3])
            cells[4], cells[5] = latexify(cells[4]), latexify(cells[5])
            cells[1] = re.sub(r"（(\d+)分）", r" (\1 分)", cells[1])
            cells[2] = cells[2].replace("数量指标", "数量 指标")
        if is_self:
            cells = [c.replace("年初预算数", "年初 预算数").replace("全年执行数", "全年 执行数")
                     .replace("年度指标值", "年度 指标值").replace("实际完成值", "实际 完成值")
                     .replace("偏差原因分析及改进措施", "偏差原因 分析及 改进措施").replace("（万元）", " (万元)")
                     for c in cells]
        out.append("\t".join(cells))
        if is_self and ri == first_ind:
            out.append("")  # the table continues on the next page
    return out


def text_rows_layout(r: Report, blocks: list[tuple]) -> str:
    """Seed-000 layout: a table row per line, cells tab-separated; artefacts on the narrative and the forms."""
    out: list[str] = ["", "附件 1", ""]
    cut_done = False
    for blk in blocks:
        kind = blk[0]
        if kind == "pagebreak":
            continue
        if kind == "table":
            out += [*table_lines_rows(r, blk[1]), ""]
            continue
        text = blk[1] if kind != "textbox" else "　".join(blk[1])
        if kind == "p":
            text = space_numbers(text)
            if "编制" in text:
                text = fw(text)
            k = text.find("公务接")
            if not cut_done and "经费总支出" in text and k > 0:
                out += [text[:k + 3], "", text[k + 3:], ""]  # a sentence cut by a page break
                cut_done = True
                continue
        if kind == "title":
            text = text.replace(str(r.year), f"{r.year} ")
        out += [text, ""]
    return "\n".join(out) + "\n"


def table_lines_cells(r: Report, g: Grid, break_before: str) -> list[str]:
    covered = g.covered()
    is_self = g.ncols == 9
    out: list[str] = []
    for ri, row in enumerate(g.rows):
        pb = is_self and cell_text(r, row[3]) == break_before
        if pb:
            out += ["", ""]  # page break inside the table
        for ci, v in enumerate(row):
            if (ri, ci) in covered:
                if covered[(ri, ci)][0] == ri:
                    continue  # horizontal continuation: collapsed
                t = ("绩\n效\n指\n标" if ci == 0 else "　") if pb and ci in (0, 1) else ""
            else:
                t = cell_text(r, v)
            if is_self:
                if ci == 0 and t == "绩效指标":
                    t = "绩\n效\n指\n标"
                if t.startswith("年度预算申请"):
                    t = "年度预\n算申请\n（万元）"
                if ci == 1 and t.endswith("分）"):
                    t = t.replace("（", "\n(").replace("分）", "分)") if "产出" in t else t.replace("（", "\n（")
                if ci == 2 and t == "服务对象满意度指标":
                    t = "服务\n对象\n满意度\n指标"
                elif ci == 2 and t.endswith("指标") and len(t) > 5:
                    t = t[:-4] + "\n" + t[-4:-2] + "\n" + t[-2:]
                if ri % 3 == 0 and ci in (4, 5, 6, 7) and t and t not in ("分值", "得分"):
                    t += "　"
            out.append("\t" + t)
        out.append("")
    return out


def text_cells_layout(r: Report, blocks: list[tuple], break_before: str) -> str:
    """Seed-002 layout: narrative lines without gaps; table cells one per tab-indented line, blank line
    between rows; merged cells collapsed; a page break inside the 自评表 leaves a blank level-one cell."""
    out: list[str] = []
    for blk in blocks:
        kind = blk[0]
        if kind == "pagebreak":
            out += ["", "", ""]
            continue
        if kind == "table":
            out += [*table_lines_cells(r, blk[1], break_before), " "]
            continue
        text = blk[1] if kind != "textbox" else "　".join(blk[1])
        if kind == "title":
            out += [" " + text.replace(r.unit_name, "").replace(f"{r.year}年度", ""), ""]
            continue
        if kind == "caption":
            out.append("附件4" if "自评表" in text else "附件3")
        if kind in ("label", "subcaption") or text.startswith("金额单位"):
            continue
        out.append(text)
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------
# pdf and scans


def to_pdf(docx: Path, outdir: Path) -> Path:
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
               "--outdir", tmp, str(docx)]
        subprocess.run(cmd, check=True, capture_output=True, timeout=300)
        produced = Path(tmp) / (docx.stem + ".pdf")
        target = outdir / produced.name
        shutil.copyfile(produced, target)
    return target


def render_pages(pdf: Path, pages: list[int] | None = None, dpi=150):
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    idx = pages if pages is not None else list(range(len(doc)))
    imgs = [doc[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for i in idx]
    doc.close()
    return imgs


def scanify(img, rng, angle: float, sigma: float = 5.0, speck_rate: float = 0.0004):
    """Mild scan look: slight skew, blur, grey paper, noise and a few specks; grayscale."""
    import numpy as np
    from PIL import Image, ImageFilter

    img = img.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    a = np.asarray(img, dtype=np.float32) * 0.92 + 8  # slightly grey paper, less-than-black ink
    a += rng.normal(0, sigma, a.shape)
    specks = rng.random(a.shape) < speck_rate
    a[specks] = rng.uniform(40, 160, int(specks.sum()))
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")


def scan_pdf(src_pdf: Path, target: Path, seed: int) -> int:
    import numpy as np

    rng = np.random.default_rng(seed)
    pages = render_pages(src_pdf)
    assert len(pages) <= 3, f"{src_pdf.name}: {len(pages)} pages, keep scans short"
    scans = [scanify(p, rng, float(rng.uniform(-0.5, 0.5))) for p in pages]
    target.parent.mkdir(parents=True, exist_ok=True)
    when = time.gmtime(datetime(2025, 3, 1, 9, 0, 0, tzinfo=UTC).timestamp())
    scans[0].save(target, "PDF", resolution=150, save_all=True, append_images=scans[1:], quality=40,
                  creationDate=when, modDate=when, producer="jixiao fixtures scanner")
    return len(pages)


def scan_png(src_pdf: Path, page: int, target: Path, seed: int) -> None:
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(seed)
    img = scanify(render_pages(src_pdf, [page])[0], rng, 0.35, sigma=2.0, speck_rate=0.0002)
    # a scanner's 16-grey-level PNG: keeps the file small despite the noise
    a = np.asarray(img, dtype=np.float32)
    a = (np.round(a / 17.0) * 17.0).clip(0, 255).astype(np.uint8)
    target.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(a, "L").convert("P", palette=Image.Palette.ADAPTIVE, colors=16).save(target, optimize=True)


def find_page(pdf: Path, *needles: str) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        for i in range(len(doc)):
            text = doc[i].get_textpage().get_text_range()
            norm = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
            if all(n in norm for n in needles):
                return i
    finally:
        doc.close()
    raise ValueError(f"{pdf.name}: no page with {needles}")


# --------------------------------------------------------------------------------------------
# expected values


def num(d: Decimal):
    d = Decimal(d)
    if d == d.to_integral_value():
        return int(d)
    return float(d.normalize())


def amount(r: Report, s):
    if s is None:
        return None
    d = Decimal(s)
    return num(d / 10000 if r.money_unit == "元" else d)


def expected(r: Report, parts: set[str], fmt: str, filename: str) -> dict:
    N, B, S = "narrative" in parts, "basic" in parts, "self" in parts
    hunan = r.style == "hunan"
    staffed = (N and r.staff_in_narrative) or B
    if hunan:
        staffing = {"authorized": r.authorized if staffed else None,
                    "actual": r.actual_staff if staffed else None}
        budget_stated = N or S
        budget = {"initial": amount(r, r.initial) if budget_stated else None,
                  "full_year": amount(r, r.full_year) if budget_stated else None,
                  "executed": amount(r, r.executed) if budget_stated else None,
                  "execution_rate": num(r.execution_rate) if budget_stated else None,
                  "execution_score": num(r.execution_score) if S else None}
        spending = {"basic": amount(r, r.basic) if budget_stated else None,
                    "project": amount(r, r.project) if budget_stated else None}
        three = {"prior_actual": amount(r, tp_total(r.tp_prior)) if B else None,
                 "budget": amount(r, tp_total(r.tp_budget)) if B else None,
                 "actual": amount(r, tp_total(r.tp_actual)) if (B or N) else None}
        indicators = [{"level1": i.level1, "level2": i.level2, "name": i.name, "target": i.target,
                       "actual": i.actual, "weight": num(i.weight), "score": num(i.score)}
                      for i in r.indicators] if S else []
        total = num(r.total_score) if (N or S) else None
        grade = r.grade if N else None
        summary = []
    else:
        staffing = {"authorized": r.authorized, "actual": r.actual_staff}
        budget = {"initial": amount(r, r.initial), "full_year": amount(r, r.full_year),
                  "executed": amount(r, r.executed), "execution_rate": num(r.execution_rate),
                  "execution_score": None}
        spending = {"basic": amount(r, r.basic), "project": amount(r, r.project)}
        three = {"prior_actual": amount(r, tp_total(r.tp_prior)) if r.tp_prior else None,
                 "budget": amount(r, tp_total(r.tp_budget)) if r.tp_budget else None,
                 "actual": amount(r, tp_total(r.tp_actual)) if r.tp_actual else None}
        indicators = []
        total, grade = num(r.total_score), r.grade
        summary = [{"name": n, "weight": w, "score": num(s)} for n, w, s, _ in r.level1_summary]
    return {
        "doc_id": f"{fmt}-{Path(filename).stem}",
        "source": filename,
        "unit": {"name": r.unit_name, "year": r.year},
        "framework": r.framework,
        "report_kind": r.report_kind,
        "money_unit_in_doc": r.money_unit,
        "staffing": staffing,
        "budget": budget,
        "spending": spending,
        "three_public": three,
        "indicators": indicators,
        "level1_summary": summary,
        "total_score": total,
        "grade": grade,
    }


# --------------------------------------------------------------------------------------------
# the build


@dataclass
class Built:
    fmt: str
    path: Path
    exp: dict
    exercises: str


def write_expected(b: Built) -> None:
    p = HERE / b.fmt / "expected" / (b.path.stem + ".json")
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(json.dumps(b.exp, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def clean_outputs() -> None:
    for fmt in ("docx", "pdf", "scan", "xlsx", "text"):
        for sub in ("sources", "expected"):
            d = HERE / fmt / sub
            if d.exists():
                shutil.rmtree(d)


DOCX_PLAN = {
    # stem: (kwargs for blocks_for, exercises)
    "hn_qingshi_2024": ({"split_at": 10}, "Hunan forms; merged cells; 自评表 split into two tables at a page break "
                        "with the header row repeated (w:tblHeader) and a blank level-one cell; text box (wps + VML "
                        "fallback) with the 填报单位; full marks for a missed target; actual copied from target; "
                        "基础数据表 项目支出 356.02 vs narrative 356.20"),
    "hn_baisha_2023_yuan": ({"nested": True}, "amounts in 元 with thousands separators (expected in 万元); "
                            "nested table inside the 自评表; wrong execution rate (97.35% stated, 95.35% true); "
                            "shares adding to 101%; staff over 编制"),
    "hn_lianhua_2024_fullwidth": ({"fullwidth": True}, "full-width digits/percent in the narrative and the "
                                  "自评表 targets; Σ row scores ≠ stated 总分; actual copied from target"),
    "gd_hegang_2024": ({}, "Guangdong 履职效能/管理效率 narrative with a score table; thousands separators in "
                       "万元; grade 优 stated for 88.60"),
    "sx_liuxi_2024_external": ({}, "external evaluation 投入/过程/产出/效益 with a level-one summary table; "
                               "wrong 得分率 for 过程"),
    "cq_longfeng_2023": ({}, "Chongqing narrative-only self-evaluation; wrong execution rate; no grade"),
}


def build(no_pdf: bool) -> list[Built]:
    clean_outputs()
    built: list[Built] = []

    # docx (and their PDFs)
    docx_paths = {}
    for stem, (kw, what) in DOCX_PLAN.items():
        r = BY_STEM[stem]
        body = 11.5 if r.style in ("guangdong", "chongqing") else 12.0
        path = HERE / "docx" / "sources" / f"{stem}.docx"
        write_docx(r, blocks_for(r, **kw), path, body_size=body)
        parts = {"narrative", "basic", "self"} if r.style == "hunan" else {"narrative"}
        built.append(Built("docx", path, expected(r, parts, "docx", path.name), what))
        docx_paths[stem] = path

    # xlsx
    for stem, what in (("hn_qingshi_2024", "both forms as a workbook: merged ranges, numbers as numbers, "
                                           "percentage-formatted execution rate"),
                       ("hn_baisha_2023_yuan", "workbook in 元 with #,##0.00 number format (expected in 万元)")):
        r = BY_STEM[stem]
        path = HERE / "xlsx" / "sources" / f"{stem}_forms.xlsx"
        write_xlsx(r, path)
        built.append(Built("xlsx", path, expected(r, {"basic", "self"}, "xlsx", path.name), what))

    # text
    r = BY_STEM["hn_jinqiao_2023_rows_gb18030"]
    path = HERE / "text" / "sources" / f"{r.stem}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text_rows_layout(r, blocks_for(r)).encode("gb18030"))
    built.append(Built("text", path, expected(r, {"narrative", "basic", "self"}, "text", path.name),
                       "seed-000 layout (tab-separated rows), GB18030; $\\geq 95\\%$ formulas, spaces in numbers and "
                       "names, full-width digits, sentence and table cut by page breaks; blank actual with full marks; "
                       "'比上年减少 1.96' vs 1.69"))
    r = BY_STEM["hn_fenglin_2024_cells_utf16"]
    path = HERE / "text" / "sources" / f"{r.stem}.txt"
    text = text_cells_layout(r, blocks_for(r), break_before="产业带动农户增收")
    path.write_bytes(text.encode("utf-16"))
    built.append(Built("text", path, expected(r, {"narrative", "basic", "self"}, "text", path.name),
                       "seed-002 layout (one cell per tab-indented line), UTF-16 with BOM; page break inside the "
                       "自评表 with a blank level-one cell; ideographic spaces; '项目支出：：'; full marks for a "
                       "missed target"))

    if not no_pdf:
        pdf_dir = HERE / "pdf" / "sources"
        pdfs = {}
        for stem, path in docx_paths.items():
            r = BY_STEM[stem]
            pdf = to_pdf(path, pdf_dir)
            pdfs[stem] = pdf
            parts = {"narrative", "basic", "self"} if r.style == "hunan" else {"narrative"}
            built.append(Built("pdf", pdf, expected(r, parts, "pdf", pdf.name),
                               "LibreOffice text-layer PDF of docx/" + path.name))
        scan_dir = HERE / "scan" / "sources"
        for i, stem in enumerate(("gd_hegang_2024", "cq_longfeng_2023")):
            r = BY_STEM[stem]
            target = scan_dir / f"{stem}_scan.pdf"
            n = scan_pdf(pdfs[stem], target, seed=1000 + i)
            built.append(Built("scan", target, expected(r, {"narrative"}, "scan", target.name),
                               f"image-only PDF ({n} pages, 150 dpi grey, skew, blur, noise) of pdf/{stem}.pdf"))
        r = BY_STEM["hn_lianhua_2024_fullwidth"]
        page = find_page(pdfs[r.stem], "部门整体支出绩效自评表", "总分")
        target = scan_dir / f"{r.stem}_selfeval_page.png"
        scan_png(pdfs[r.stem], page, target, seed=2000)
        built.append(Built("scan", target, expected(r, {"self"}, "scan", target.name),
                           "PNG scan of the 自评表 page only (full-width targets); nothing but that form is stated"))
    for b in built:
        write_expected(b)
    manifest = [{"file": str(b.path.relative_to(HERE)),
                 "gold": f"{b.fmt}/expected/{b.path.stem}", "format": b.fmt} for b in built]
    (HERE / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    write_examples(docx_paths, no_pdf)
    write_readme(built)
    return built


def write_readme(built: list[Built]) -> None:
    lines = [
        "# Parser fixtures",
        "",
        "Generated by `build_fixtures.py` from `specs.py` — do not edit the files by hand; change the spec and run",
        "`.venv/bin/python tests/data/build_fixtures.py` (needs `soffice` for PDFs and scans; `--no-pdf` skips them).",
        "",
        "- `<format>/sources/<stem>.<ext>` is a document; `<format>/expected/<stem>.json` holds the values it STATES, in",
        "  the gold format of `shared/gold/` (amounts in 万元, a document in 元 divided by 10000; null where the",
        "  document does not state a value; deliberate mistakes kept as stated).",
        "- `manifest.json` lists them for `python3 /work/shared/eval/evaluate.py extract --gold tests/data "
        "--docs tests/data/manifest.json -- <cmd>`.",
        "- Everything is fictional: units, people, phone numbers and figures are invented.",
        "- Conventions: the Hunan forms' `three_public.prior_actual`/`budget` come from the 基础数据表 (the narrative states",
        "  only the change); `execution_score` only from the 自评表; `grade` only where a sentence states it; a file that",
        "  holds only the forms (xlsx, the PNG page) has null for everything the forms do not state.",
        "",
        "| format | file | exercises |",
        "|---|---|---|",
    ]
    for b in built:
        lines.append(f"| {b.fmt} | `{b.path.relative_to(HERE)}` | {b.exercises} |")
    lines += ["", "Deliberate mistakes per report (the expected values keep them as stated):", ""]
    for stem in sorted({b.path.stem.replace("_forms", "").replace("_scan", "").replace("_selfeval_page", "")
                        for b in built}):
        r = BY_STEM.get(stem)
        if r and r.mistakes:
            lines.append(f"- `{stem}`: " + "; ".join(r.mistakes))
    (HERE / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_examples(docx_paths: dict[str, Path], no_pdf: bool) -> None:
    out = EXAMPLES / "reports"
    out.mkdir(parents=True, exist_ok=True)
    r = BY_STEM["hn_qingshi_2024"]
    shutil.copyfile(docx_paths[r.stem], out / "qingshi-2024.docx")
    if not no_pdf:
        shutil.copyfile(HERE / "pdf" / "sources" / f"{r.stem}.pdf", out / "qingshi-2024.pdf")
    (out / "qingshi-2024.txt").write_text(text_rows_layout(r, blocks_for(r, split_at=None)), encoding="utf-8")
    (EXAMPLES / "README.md").write_text(
        "# Example reports\n"
        "`reports/` holds the 2024 departmental self-evaluation report of a fictional township, 沅澧县青石镇人民政府,\n"
        "in three formats for the README's demo commands: Word (`.docx`), text-layer PDF (`.pdf`), plain text (`.txt`).\n"
        "Unit, people and figures are invented; the files are generated by `tests/data/build_fixtures.py`.\n"
        "The values a parser should find are in `tests/data/docx/expected/hn_qingshi_2024.json`.\n",
        encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-pdf", action="store_true", help="skip LibreOffice conversion, PDFs and scans")
    args = ap.parse_args()
    built = build(args.no_pdf)
    total = 0
    for b in built:
        size = b.path.stat().st_size
        total += size
        print(f"{b.fmt:5} {b.path.relative_to(HERE)}  {size / 1024:.0f} KB")
    print(f"{len(built)} fixtures, {total / 1024 / 1024:.2f} MB")


if __name__ == "__main__":
    main()
