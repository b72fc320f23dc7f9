"""Indicator design: targets that point the wrong way, money as a quantity, a direction column at odds
with its target, level-two names outside the taxonomy, missing 效益/满意度 groups, template rows."""

from __future__ import annotations

import difflib
import re

from jixiao.audit.context import AuditContext, Issue
from jixiao.audit.finding import Where
from jixiao.audit.registry import rule
from jixiao.audit.rules.indicator_quality import _SPACE, _evidence, _where
from jixiao.extract.numbers import chinese_numeral
from jixiao.lazyre import lazy

_COUNT_UNIT = lazy(r"^(户|人|人次|个|次|家|所|座|处|件|套|台|项|篇|期|场|批|村|公里|千米|米|亩|平方米|万人次|名|棵|株|头|只|吨)")
_CAPPED = lazy(r"(事故|投诉|违规|违纪|案件|发生|超标|死亡|伤亡|损失|差错|失误|逾期|延误|欠款|债务|成本|费用|支出|经费|时长|时间|天数|周期|人数控制|编制|闲置|空置|上访|信访|火灾|污染)")
_MONEY_UNIT = lazy(r"^(亿元|万元|千元|元)")
# The 10号 taxonomy and the synonyms provinces use for it (成本 split into 经济/社会/生态环境成本).
LEVEL2_NAMES = (
    "数量指标", "质量指标", "时效指标", "成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标",
    "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "生态环境效益指标",
    "服务对象满意度指标", "满意度指标", "社会公众满意度指标", "群众满意度指标",
    # 53号 and duty-efficiency frameworks
    "目标设定", "预算配置", "预算执行", "预算管理", "资产管理", "职责履行", "履职效益", "决策", "过程", "产出", "效益",
)

_LEVEL2_ACCEPTED = frozenset(LEVEL2_NAMES) | {n.removesuffix("指标") for n in LEVEL2_NAMES}
"""Each name, also without its 指标."""


def _is_count_target(ind) -> bool:
    t = ind.target_measure
    return bool(t and t.value is not None and not t.is_percent and _COUNT_UNIT.match(t.unit or "") and (ind.level2 or "").startswith("数量"))


@rule("IQ413", "indicator_quality", "warning", "数量指标设为上限")
def count_capped(ctx: AuditContext):
    """检查什么：数量指标（户、人、个、次、公里……）的目标值是否写成“≤”“不超过”，即完成得越多越不达标。
    为什么重要：数量指标衡量做了多少，方向应为“≥”；写成上限多半是比较符写反，按上限计分会把超额完成算成未完成。
    示例：数量指标“改造农村危房”目标“≤120户”，实际 126 户。
    修改建议：改为“≥120户”；确需控制上限的（如事故、投诉次数）放在质量或成本指标下并写明理由。
    依据：财预〔2020〕10号：数量指标反映产出的数量，指标值应指向明确。
    """
    for i, ind in enumerate(ctx.report.indicators):
        t = ind.target_measure
        if _is_count_target(ind) and t.comparator in ("≤", "<") and not _CAPPED.search(ind.name):
            yield Issue(f"数量指标“{ind.name}”目标写成“{ind.target}”，完成越多越不达标", _where(ctx, i, "target"),
                        expected=f"≥{t.value}{t.unit}", found=ind.target, evidence=_evidence(ind))


@rule("IQ414", "indicator_quality", "warning", "以资金额作为数量或质量目标")
def money_as_quantity(ctx: AuditContext):
    """检查什么：数量、质量或时效指标的目标值是否是一笔资金（万元、元）。
    为什么重要：花了多少钱是投入，不是产出的数量或质量；这类指标无法说明做成了什么。
    示例：数量指标“农村道路建设”目标“≥200万元”。
    修改建议：改为实物量（如“硬化道路 12 公里”），资金放在成本指标或预算执行中反映。
    依据：财预〔2020〕10号：产出指标反映实物量、质量与时效。
    """
    for i, ind in enumerate(ctx.report.indicators):
        t = ind.target_measure
        if t and t.value is not None and _MONEY_UNIT.match(t.unit or "") and re.match(r"^(数量|质量|时效)", ind.level2 or ""):
            yield Issue(f"{ind.level2}“{ind.name}”的目标值是资金额“{ind.target}”", _where(ctx, i, "target"),
                        expected="实物量、质量或时间目标", found=ind.target, evidence=_evidence(ind))


@rule("IQ415", "indicator_quality", "warning", "指标方向与目标值的比较符相反")
def direction_conflict(ctx: AuditContext):
    """检查什么：自评表“指标性质/指标方向”栏（正向、反向、≥、≤）与目标值里写的比较符是否相反，如“正向”配“≤”。
    为什么重要：方向决定按“越大越好”还是“越小越好”计分，两处相反时得分无法确定。
    示例：指标性质“正向”，年度指标值“小于等于 5%”。
    修改建议：统一方向栏与指标值的写法。
    依据：各省自评表“指标性质/指标方向”填报说明。
    """
    for i, ind in enumerate(ctx.report.indicators):
        written = _written_comparator(ind.target)
        if ind.direction in ("≥", "≤") and written and written != ind.direction:
            yield Issue(f"指标“{ind.name}”方向栏为“{ind.direction}”，目标值却写“{ind.target}”", _where(ctx, i, "target"),
                        expected=f"方向一致（{ind.direction}）", found=ind.target, evidence=_evidence(ind))


_WRITTEN_AT_LEAST = lazy(r"^(≥|>=|大于等于|不低于|不少于|不小于|至少|>)")
_WRITTEN_AT_MOST = lazy(r"^(≤|<=|小于等于|不超过|不高于|不多于|不大于|控制在|<)")


def _written_comparator(target: str | None) -> str | None:
    text = (target or "").strip()
    if _WRITTEN_AT_LEAST.match(text):
        return "≥"
    if _WRITTEN_AT_MOST.match(text):
        return "≤"
    return None


@rule("IQ416", "indicator_quality", "warning", "二级指标名称不规范")
def odd_level2(ctx: AuditContext):
    """检查什么：按产出、效益、满意度框架设置指标时，二级指标名称是否属于规定的类别（数量、质量、时效、成本，经济、社会、生态效益，可持续影响，服务对象满意度等）；广东履职效能/管理效率、53号框架的二级指标另有名称，不检查。
    为什么重要：自造或写错的类别（如“日效性指标”）说明指标体系未按规范设置，也无法与同类单位比较。
    示例：二级指标“日效性指标”（应为“时效指标”）。
    修改建议：按财政部门规定的指标体系改用标准的二级指标名称。
    依据：财预〔2020〕10号 绩效指标体系（[K]）。
    """
    if ctx.report.framework != "output_outcome_satisfaction":
        return  # 履职效能/管理效率 and 53号 frameworks name their level-two groups their own way
    seen = set()
    for i, ind in enumerate(ctx.report.indicators):
        name = _SPACE.sub("", ind.level2 or "")
        if not name or name in seen or name in _LEVEL2_ACCEPTED:
            continue
        seen.add(name)
        close = difflib.get_close_matches(name, LEVEL2_NAMES, n=1, cutoff=0.6)
        hint = f"（疑为“{close[0]}”）" if close else ""
        yield Issue(f"二级指标“{name}”不是规定的类别{hint}", _where(ctx, i, "level2"), expected=close[0] if close else "规定的二级指标",
                    found=name, evidence=_evidence(ind))


@rule("IQ417", "indicator_quality", "warning", "缺少效益或满意度指标")
def missing_groups(ctx: AuditContext):
    """检查什么：按产出、效益、满意度框架设置指标的自评表，是否缺少整类效益指标或满意度指标。
    为什么重要：只有产出没有效益、满意度，无法说明资金用得好不好、群众是否认可。
    示例：自评表只有“产出指标”，没有效益指标和满意度指标。
    修改建议：补充效益指标（社会、经济、生态、可持续影响）和服务对象满意度指标。
    依据：财预〔2020〕10号 绩效指标体系（产出、效益、满意度）。
    """
    if ctx.report.framework != "output_outcome_satisfaction" or len(ctx.report.indicators) < 3:
        return
    groups = "".join(i.level1 or "" for i in ctx.report.indicators)
    missing = [name for name in ("效益指标", "满意度指标") if name.removesuffix("指标") not in groups]
    if missing:
        yield Issue(f"自评表没有{'、'.join(missing)}", Where(section="绩效自评表", field="indicators"),
                    expected="产出、效益、满意度指标", found="缺" + "、".join(missing))


_TEMPLATE_ROW = lazy(r"^(指标|目标|任务)\s*\d{0,2}\s*[:：]?$|^(XX|××|…+|\.{3,})")


@rule("IQ418", "indicator_quality", "warning", "模板空行未删除")
def template_rows(ctx: AuditContext):
    """检查什么：自评表中是否留有模板的空行（“指标1：”“指标2：”“目标1：”），或只有名称、没有目标值和实际值的行。
    为什么重要：空行说明表格照模板套用、未认真填报，也会干扰合计。
    示例：三级指标“指标1：”“指标2：”，目标值、实际值、分值均空白。
    修改建议：删除未使用的模板行，或填写完整。
    依据：自评表填报说明。
    """
    for i, ind in enumerate(ctx.report.indicators):
        if _TEMPLATE_ROW.match(ind.name.strip()) and not ind.target and not ind.actual:
            yield Issue(f"三级指标“{ind.name}”是模板空行", _where(ctx, i, "name"), expected="删除或填写完整", found=ind.name, evidence=_evidence(ind))
    for i, g in enumerate(ctx.report.goals):
        if g.expected and _TEMPLATE_ROW.match(g.expected.strip()) and not g.achieved:
            yield Issue(f"年度总体目标“{g.expected}”是模板空行", ctx.where(f"goals[{i}]", "绩效自评表 年度总体目标"),
                        expected="删除或填写完整", found=g.expected, evidence=g.expected)


_GOAL_ITEM = lazy(r"(?:目标|任务)\s*(\d{1,2})\s*[:：]|(?:^|[；;。\s])[（(]?(\d{1,2})[）)]?\s*[、.．]")
_GOAL_COUNT = lazy(r"(?:设定|设置|确定|制定)(?:了)?\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*(?:个|项|大)\s*(?:绩效|年度|工作)?目标")


def _items(text: str | None) -> list[int]:
    """The numbers of the items a goal text lists ("目标1：…；目标2：…", "1.…；2.…"), counted only in
    sequence, so that "4.5月20日前" is item 4 and a decimal is no item."""
    out: list[int] = []
    for a, b in _GOAL_ITEM.findall(text or ""):
        if int(a or b) == len(out) + 1:
            out.append(int(a or b))
    return out


@rule("IQ419", "indicator_quality", "warning", "实际完成情况少于预期目标")
def goals_without_results(ctx: AuditContext):
    """检查什么：年度总体目标的“预期目标”逐项列出（目标1、目标2……）时，“实际完成情况”是否逐项说明；少写的目标视为未报告完成情况。
    为什么重要：只报告一部分目标的完成情况，其余目标是否完成无从判断，往往正是没有完成的那几项。
    示例：预期目标列目标1至目标5，实际完成情况只写了目标1至目标3。
    修改建议：逐项说明每个目标的完成情况；未完成的说明原因。
    依据：财预〔2020〕10号 自评表“年度总体目标完成情况”。
    """
    for i, g in enumerate(ctx.report.goals):
        expected, achieved = _items(g.expected), _items(g.achieved)
        missing = [n for n in expected if n not in achieved]
        if len(expected) >= 2 and achieved and missing:
            names = "、".join(f"目标{n}" for n in missing)
            yield Issue(f"预期目标列了 {len(expected)} 项，实际完成情况只写了 {len(achieved)} 项，{names}未说明完成情况",
                        ctx.where(f"goals[{i}]", "绩效自评表 年度总体目标"), expected=f"{len(expected)} 项", found=f"{len(achieved)} 项", evidence=(g.achieved or "")[:120])


@rule("IQ420", "indicator_quality", "error", "目标个数与所列不符")
def goal_count(ctx: AuditContext):
    """检查什么：正文“共设定 N 个绩效目标”与随后列出的目标（目标1、目标2……）个数是否一致。
    为什么重要：个数写错说明目标被删改后未核对，读者无法确定哪些是本年度的目标。
    示例：“共设定6个绩效目标”，只列出目标1至目标5。
    修改建议：更正目标个数，或补列遗漏的目标。
    依据：报告撰写规范。
    """
    for text in ctx.texts_with("目标"):  # what the pattern needs, looked for first
        m = _GOAL_COUNT.search(text[:2000])
        if not m:
            continue
        stated = int(m.group(1)) if m.group(1).isdigit() else chinese_numeral(m.group(1))
        listed = _items(text[m.end():])
        if len(listed) >= 2 and stated != len(listed):
            yield Issue(f"正文称设定 {stated} 个绩效目标，随后列出 {len(listed)} 个", Where(section="报告正文 绩效目标"),
                        expected=str(len(listed)), found=str(stated), evidence=text[m.start(): m.start() + 120])
            return
