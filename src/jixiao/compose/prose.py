"""The report's sentences, generated from the figures ("2024年度基本支出 X 万元，占 Y%") and the
unit's own narrative.  Each generator named in `outline.toml` returns a list of paragraphs; a
figure that is missing leaves its sentence out rather than printing a blank.

Shares and changes come from `jixiao.scoring.formulas`, rounded ROUND_HALF_UP to 2 places.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from jixiao.compose.fill_in import Filing
from jixiao.model import Report
from jixiao.scoring import formulas

NUMERALS = "一二三四五六七八九十"


def money(value: Decimal | None) -> str:
    """An amount in 万元 as the forms print it: two decimals, zero as 0."""
    if value is None:
        return ""
    return "0" if value == 0 else f"{formulas.round_to(value):f}"


def figure(value: Decimal | None) -> str:
    """A score, weight or percent number without exponent: 2 decimals when it has decimals."""
    if value is None:
        return ""
    return str(int(value)) if value == value.to_integral_value() else f"{formulas.round_to(value):f}"


def share(part: Decimal | None, whole: Decimal | None) -> str | None:
    rate = formulas.ratio_percent(part, whole)
    return f"{formulas.round_to(rate):f}" if rate is not None else None


def lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _ordinal(i: int) -> str:
    return NUMERALS[i] if i < 10 else f"十{NUMERALS[i - 10]}"


@dataclass(slots=True)
class Prose:
    """The sentence generators for one report."""

    report: Report
    filing: Filing

    @property
    def year(self) -> int | None:
        return self.report.unit.year

    @property
    def me(self) -> str:
        return self.filing.short_name or "本单位"

    def paragraphs(self, name: str) -> list[str]:
        generator: Callable[[], list[str]] | None = getattr(self, f"_{name}", None)
        return generator() if generator else lines(getattr(self.filing, name))

    def _institutions(self) -> list[str]:
        return lines(self.filing.institutions) or [f"{self.report.unit.name or self.me}为财政拨款预算单位。"]

    def _staffing(self) -> list[str]:
        s, f = self.report.staffing, self.filing
        if s.authorized is None or s.actual is None:
            return []
        split = f"，其中行政编制{f.admin_staff}名、事业编制{f.institution_staff}名" if f.admin_staff is not None and f.institution_staff is not None else ""
        return [f"{self.me}核定编制{s.authorized}名{split}；{self.year}年末实际在职人数{s.actual}人。"]

    def _duties(self) -> list[str]:
        duties = lines(self.filing.duties)
        return [f"（{i}）{d.rstrip('；;。')}{'。' if i == len(duties) else '；'}" for i, d in enumerate(duties, 1)]

    def _goal_setting(self) -> list[str]:
        if self.filing.goal_setting:
            return lines(self.filing.goal_setting)
        goals = [g.expected.rstrip("。；;") for g in self.filing.goals if g.expected]
        if not goals:
            return [f"{self.year}年度总体目标：{self.report.goals[0].expected}"] if self.report.goals else []
        return [f"{self.year}年{self.me}共设定{len(goals)}个绩效目标：" + "；".join(goals) + "。"]

    def _budget_overview(self) -> list[str]:
        b = self.report.budget
        if None in (b.initial, b.full_year, b.executed, b.execution_rate):
            return []
        sources = "，".join(f"{name}{money(v)}万元" for name, v in b.by_source.items() if v)
        by_source = f"按收入性质分，{sources}。" if sources else ""
        return [f"{self.year}年度{self.me}年初预算数{money(b.initial)}万元，全年预算数{money(b.full_year)}万元（含年中追加调整），"
                f"全年执行数{money(b.executed)}万元，预算执行率{figure(b.execution_rate)}%。{by_source}"]

    def _basic_spending(self) -> list[str]:
        basic, f = self.report.spending.basic, self.filing
        if basic is None:
            return []
        head = f"{self.year}年度基本支出{money(basic)}万元"
        whole = share(basic, self.report.budget.executed)
        head += f"，占全年支出的{whole}%" if whole else ""
        items = [("工资福利支出", f.wages, "主要包括基本工资、津贴补贴、奖金和社会保障缴费等"),
                 ("商品和服务支出", f.goods, "主要包括办公费、水电费、差旅费和公务用车运行维护费等"),
                 ("对个人和家庭的补助", f.individual, "主要包括生活补助和遗属补助等")]
        parts = [f"{label}{money(v)}万元，占{share(v, basic)}%，{what}" for label, v, what in items if v is not None and basic]
        return [head + ("，其中：" + "；".join(parts) if parts else "") + "。"]

    def _project_spending(self) -> list[str]:
        project = self.report.spending.project
        if project is None:
            return []
        rows = [r for r in self.report.basic_data if r.section == "project"][1:]
        head = f"{self.year}年度项目支出{money(project)}万元"
        whole = share(project, self.report.budget.executed)
        head += f"，占全年支出的{whole}%" if whole else ""
        items = "；".join(f"{r.label.split('、', 1)[-1]}支出{money(r.actual)}万元" for r in rows if r.actual is not None)
        return [head + (f"，其中：{items}" if items else "") + "。"]

    def _three_public(self) -> list[str]:
        tp = self.report.three_public
        if tp.actual is None:
            return []
        text = f"{self.year}年度“三公”经费总支出{money(tp.actual)}万元"
        if tp.prior_actual is not None:
            change = tp.actual - tp.prior_actual
            text += f"，比{self.year - 1}年{'减少' if change <= 0 else '增加'}{money(abs(change))}万元"
        items = {r.label: r.actual for r in self.report.basic_data if r.section == "three_public"}
        named = [("公务用车购置费", items.get("其中：公车购置")), ("公务用车运行维护费", items.get("公车运行维护")),
                 ("因公出国（境）费用", items.get("2、出国经费")), ("公务接待费", items.get("3、公务接待费"))]
        spent = [f"{label}{money(v)}万元" for label, v in named if v]
        none = [f"无{label}支出" for label, v in named if v == 0]
        return [text + "。" + ("其中：" + "，".join(spent + none) + "。" if spent or none else "")]

    def _fund_budget(self) -> list[str]:
        fund = self.report.budget.by_source.get("政府性基金")
        if self.filing.fund_budget:
            return lines(self.filing.fund_budget)
        return [f"{self.year}年{self.me}政府性基金拨款{money(fund)}万元，按规定用途专款专用。" if fund else f"{self.me}无政府性基金预算支出。"]

    def _state_capital(self) -> list[str]:
        return lines(self.filing.state_capital) or [f"{self.me}无国有资本经营预算支出。"]

    def _social_insurance(self) -> list[str]:
        return lines(self.filing.social_insurance) or [f"{self.me}无社会保险基金预算支出。"]

    def _conclusion(self) -> list[str]:
        r = self.report
        out = lines(self.filing.conclusion)
        if r.total_score is not None:
            grade = f"，评价等级为“{r.grade}”" if r.grade else ""
            out.append(f"根据《部门整体支出绩效评价指标》，{self.me}{self.year}年度部门整体支出绩效自评得分{figure(r.total_score)}分"
                       f"{grade}（详见《部门整体支出绩效自评表》）。")
        return out

    def _analysis(self) -> list[str]:
        items = lines(self.filing.analysis)
        out = [f"{i}. {text}" for i, text in enumerate(items, 1)]
        missed = [i for i in self.report.indicators if i.score is not None and i.weight is not None and i.score < i.weight]
        if missed:
            out.append("未得满分的指标：" + "；".join(f"{i.name}（目标{i.target}，实际{i.actual}，得{figure(i.score)}分）" for i in missed) + "。")
        return out

    def _problems(self) -> list[str]:
        return [f"（{_ordinal(i)}）{p.rstrip('。')}。" for i, p in enumerate(self.report.problems)]

    def _measures(self) -> list[str]:
        return [f"（{_ordinal(i)}）{p.rstrip('。')}。" for i, p in enumerate(self.report.measures)]

    def _application(self) -> list[str]:
        return lines(self.filing.application) or ["自评结果将作为下一年度预算安排和改进管理的重要依据，并按规定公开。"]

    def _remarks(self) -> list[str]:
        return lines(self.filing.remarks) or ["无。"]

    def _attachments(self) -> list[str]:
        return ["附件：1. 部门整体支出绩效评价基础数据表", "　　　2. 部门整体支出绩效自评表"]
