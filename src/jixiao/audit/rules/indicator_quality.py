"""Indicator quality (财预〔2020〕10号/88号: 指向明确、细化量化、合理可行、相应匹配)."""

from __future__ import annotations

from collections import Counter

from jixiao.audit.context import AuditContext, Issue
from jixiao.audit.finding import Where
from jixiao.audit.registry import rule
from jixiao.lazyre import lazy
from jixiao.scoring.indicator import VAGUE, comparable

_WORDS_ONLY = lazy(r"^[^\d]*$")
_SPACE = lazy(r"\s")
_NON_WORD = lazy(r"\W")
_INDICATOR_WORD = lazy(r"指标$")
_AVOIDED = lazy(r"(事故|投诉|违规|债务|案件|问题)")  # what a target of zero may rightly be about
_INPUT_NAME = lazy(r"(基本支出|项目支出|单位整体经费|整体支出|预算资金|资金总额|经费支出)")


def _where(ctx: AuditContext, i: int, field: str) -> Where:
    return ctx.where(ctx.indicator_path(i, field), "绩效自评表")


def _evidence(ind) -> str:
    return f"{ind.name}：目标 {ind.target or '（空）'}，实际 {ind.actual or '（空）'}"


@rule("IQ401", "indicator_quality", "warning", "目标值笼统，无法衡量")
def vague_targets(ctx: AuditContext):
    """检查什么：年度指标值只写“效果明显”“较好”“显著”“有效提升”等无法衡量的词，而实际完成值也没有写出可核实的事实（空白、照抄或同样笼统）。实际完成值已写明事实的，目标虽笼统仍可判断完成，不单独报告。
    为什么重要：指标应细化量化；笼统的目标无法判断是否完成，自评只能照抄目标。
    示例：“促进经济发展”目标“效果明显”。
    修改建议：改为可衡量的目标，如“新增市场主体 ≥120 家”“群众满意度 ≥90%”；确需定性的，写明分档标准。
    依据：财预〔2020〕10号、财预〔2021〕101号：绩效指标应细化量化、可衡量。
    """
    for i, ind in enumerate(ctx.report.indicators):
        target, actual = (ind.target or "").strip(), (ind.actual or "").strip()
        if target and VAGUE.match(target) and (not actual or actual == target or VAGUE.match(actual)):
            yield Issue(f"指标“{ind.name}”的目标值“{target}”不可衡量", _where(ctx, i, "target"),
                        expected="量化或分档的目标值", found=target, evidence=_evidence(ind))


_DIMENSIONLESS = lazy(r"(率|(?<![长高宽深厚])度|比|指数|系数)$")
"""Names of figures without a unit (完成率, 满意度); 长度 and 高度 are measured in 公里, 米."""


@rule("IQ402", "indicator_quality", "warning", "目标值缺少计量单位")
def target_without_unit(ctx: AuditContext):
    """检查什么：数字型年度指标值是否写了计量单位（个、人、%、万元、次/年……）。
    为什么重要：没有单位的数字无法与实际值比较，也无法判断口径。
    示例：“开展培训”目标“4”。
    修改建议：补写计量单位，如“4 次/年”。
    依据：财预〔2020〕10号：指标值应明确计量单位。
    """
    for i, ind in enumerate(ctx.report.indicators):
        t = ind.target_measure
        if t and t.value is not None and not t.unit and not _DIMENSIONLESS.search(ind.name):
            yield Issue(f"指标“{ind.name}”目标值“{ind.target}”没有计量单位", _where(ctx, i, "target"),
                        expected="带计量单位的目标值", found=ind.target, evidence=_evidence(ind))


@rule("IQ403", "indicator_quality", "warning", "目标值与实际值计量单位不一致")
def unit_mismatch(ctx: AuditContext):
    """检查什么：年度指标值与实际完成值的计量单位是否一致（如“次/月”对“次/年”、“%”对“分”）。
    为什么重要：单位不同无法直接比较，容易把未完成写成完成。
    示例：“安全生产消防检查次数”目标“≥1 次/月”，实际“40 次/年”。
    修改建议：统一计量单位后再填写实际值。
    依据：财预〔2020〕10号：指标值与实际值应口径一致。
    """
    for i, ind in enumerate(ctx.report.indicators):
        t, a = ind.target_measure, ind.actual_measure
        if t and a and t.unit and a.unit and t.value is not None and a.value is not None and comparable(t, a)[0] is None:
            tu, au = _SPACE.sub("", t.unit), _SPACE.sub("", a.unit)
            if tu != au:
                yield Issue(f"指标“{ind.name}”目标单位“{tu}”与实际单位“{au}”不一致", _where(ctx, i, "actual"),
                            expected=tu, found=au, evidence=_evidence(ind))


@rule("IQ404", "indicator_quality", "warning", "实际完成值不是实测值")
def actual_is_not_a_measurement(ctx: AuditContext):
    """检查什么：实际完成值是否只写了比较式（如“≥0%”“≥95%”），而不是实际测得的数值。
    为什么重要：“≥0%”不是实际结果，无法证明完成情况，照抄目标式的实际值没有意义。
    示例：“社会成本节约率”目标“≥0%”，实际“≥0%”。
    修改建议：填写实际测得的数值（如“节约 3.2%”）；无法测算的指标应调整或删除。
    依据：财预〔2020〕10号：实际完成值应为年度实际完成数据。
    """
    for i, ind in enumerate(ctx.report.indicators):
        a = ind.actual_measure
        if a and a.value is not None and a.comparator in ("≥", "≤", ">", "<"):
            yield Issue(f"指标“{ind.name}”实际完成值“{ind.actual}”是比较式，不是实测值", _where(ctx, i, "actual"),
                        expected="实际测得的数值", found=ind.actual, evidence=_evidence(ind))


@rule("IQ405", "indicator_quality", "warning", "实际值照抄目标值，而正文另有不同数字")
def actual_copied_from_target(ctx: AuditContext):
    """检查什么：实际完成值与年度指标值一字不差，而正文对同一事项写了不同的数字。
    为什么重要：照抄目标值是“自评走过场”的典型表现，正文的真实数字说明实际值填错。
    示例：指标“耕地恢复任务”目标、实际都写 700 亩，正文却写“完成耕地恢复 789.67 亩”。
    修改建议：实际完成值取真实完成数据，与正文一致。
    依据：财预〔2020〕10号：如实填报实际完成值。
    """
    for i, ind in enumerate(ctx.report.indicators):
        _t, a = ind.target_measure, ind.actual_measure
        if not ind.actual or ind.actual != ind.target or not a or a.value is None or len(ind.name) < 2:
            continue
        for s in ctx.report.statements:
            if s.kind in ("amount", "rate") and ind.name in s.label and s.value != a.value and (s.unit == "%") == a.is_percent:
                yield Issue(f"指标“{ind.name}”实际值照抄目标值“{ind.target}”，而正文写 {s.value}{s.unit}", _where(ctx, i, "actual"),
                            expected=f"{s.value}{s.unit}", found=ind.actual, evidence=s.text)
                break


@rule("IQ406", "indicator_quality", "warning", "年度总体目标的实际完成情况照抄预期目标")
def goal_copied(ctx: AuditContext):
    """检查什么：年度总体目标的“实际完成情况”是否与“预期目标”相同。
    为什么重要：照抄预期目标等于没有报告完成情况。
    示例：预期目标“目标 1：狠抓安全生产……”，实际完成情况一字不改。
    修改建议：逐项写明实际完成了什么、完成到什么程度，用数据说话。
    依据：财预〔2020〕10号 自评表“年度总体目标完成情况”。
    """
    for i, g in enumerate(ctx.report.goals):
        if g.expected and g.achieved and _NON_WORD.sub("", g.expected) == _NON_WORD.sub("", g.achieved):
            yield Issue("年度总体目标的实际完成情况与预期目标完全相同", ctx.where(f"goals[{i}]", "绩效自评表 年度总体目标"),
                        expected="实际完成情况（含数据）", found=g.achieved[:60], evidence=g.achieved[:200])


@rule("IQ407", "indicator_quality", "warning", "实际完成情况表述笼统")
def vague_goal_result(ctx: AuditContext):
    """检查什么：年度总体目标的实际完成情况是否只有“完成情况较好”“基本完成”之类、没有任何事实或数字。
    为什么重要：笼统的表述无法核实，也无法与目标对照。
    示例：预期目标“领导本地区经济、政治、文化……”，实际完成情况“完成情况较好”。
    修改建议：列出主要目标的完成数据和事实。
    依据：财预〔2020〕10号 自评表“年度总体目标完成情况”。
    """
    for i, g in enumerate(ctx.report.goals):
        if g.achieved and len(g.achieved) <= 20 and _WORDS_ONLY.match(g.achieved):
            yield Issue(f"实际完成情况只写“{g.achieved}”，没有事实或数据", ctx.where(f"goals[{i}]", "绩效自评表 年度总体目标"),
                        expected="具体的完成事实与数据", found=g.achieved, evidence=g.achieved)


@rule("IQ408", "indicator_quality", "info", "缺少二级指标类别")
def missing_level2(ctx: AuditContext):
    """检查什么：一级指标下是否覆盖了评分方案列出的二级指标（产出：数量、质量、时效、成本；效益：经济、社会、生态、可持续影响）。
    为什么重要：缺少类别说明目标不完整，例如没有质量、时效指标就无法衡量工作质量与进度。
    示例：产出指标下只有数量指标。
    修改建议：按职能补充缺少类别的指标；确不适用的在报告中说明。
    依据：财预〔2020〕10号 绩效指标体系（[K]）。
    """
    present: dict[str, set[str]] = {}
    for i in ctx.report.indicators:
        present.setdefault((i.level1 or "").removesuffix("指标"), set()).add(_INDICATOR_WORD.sub("", i.level2 or ""))
    for group in ctx.profile.level1:
        have = present.get(group.name.removesuffix("指标"))
        if have is None or not group.level2:
            continue
        missing = [x for x in group.level2 if _INDICATOR_WORD.sub("", x) not in have]
        if missing and len(missing) < len(group.level2):
            yield Issue(f"“{group.name}”下缺少：{'、'.join(missing)}", Where(section="绩效自评表", field="indicators"),
                        expected="、".join(group.level2), found="、".join(sorted(h for h in have if h)))


_RATE_IN_POINTS = lazy(r"([\u4e00-\u9fa5“”]{2,20}率)\s*(≥|≤|=|>|<|不低于|达到)\s*(\d+(?:\.\d+)?)\s*分")


@rule("IQ409", "indicator_quality", "warning", "比率类指标以“分”计量")
def rate_in_points(ctx: AuditContext):
    """检查什么：名称为“……率”的指标，目标值是否写成了“分”（如“及时完成率 ≥99 分”）。
    为什么重要：比率应以百分比计量，写成“分”说明把考核得分当成了指标值，口径混乱。
    示例：“上级交办事件及时完成率≥99分”。
    修改建议：改为百分比（如“及时完成率 ≥99%”），或把指标名改为“考核得分”。
    依据：财预〔2020〕10号：指标值计量单位应与指标含义相符。
    """
    for i, ind in enumerate(ctx.report.indicators):
        if "率" in ind.name and ind.target_measure and (ind.target_measure.unit or "").startswith("分"):
            yield Issue(f"比率指标“{ind.name}”的目标值写成“{ind.target}”", _where(ctx, i, "target"), expected="百分比", found=ind.target, evidence=_evidence(ind))
    for text in (t for t in ctx.texts_with("率") if "分" in t):  # what the pattern needs, looked for first
        for m in _RATE_IN_POINTS.finditer(text):
            yield Issue(f"比率目标“{m.group(0)}”以“分”计量", Where(section="报告正文 绩效目标"), expected="百分比", found=m.group(0), evidence=m.group(0))


@rule("IQ410", "indicator_quality", "warning", "目标值为零或无约束力")
def trivial_target(ctx: AuditContext):
    """检查什么：目标值是否为“≥0%”“≥0”之类任何结果都能满足的值。
    为什么重要：无约束力的目标不能衡量绩效，只能凑满分。
    示例：“社会成本节约率 ≥0%”。
    修改建议：设定有挑战性且可实现的目标值，或删除该指标。
    依据：财预〔2020〕10号：指标值应合理可行、有挑战性。
    """
    for i, ind in enumerate(ctx.report.indicators):
        t = ind.target_measure
        if t and t.value == 0 and t.comparator in ("≥", None) and not _AVOIDED.search(ind.name):
            yield Issue(f"指标“{ind.name}”目标值“{ind.target}”没有约束力", _where(ctx, i, "target"), expected="有约束力的目标值", found=ind.target, evidence=_evidence(ind))


@rule("IQ411", "indicator_quality", "warning", "指标名称重复")
def duplicate_names(ctx: AuditContext):
    """检查什么：自评表中是否有名称完全相同的三级指标。
    为什么重要：重复指标会重复计分，或说明复制后忘记修改。
    示例：两行都叫“群众满意度”。
    修改建议：合并重复指标，或改为能区分的名称。
    依据：财预〔2020〕10号：指标应指向明确。
    """
    counts = Counter(i.name for i in ctx.report.indicators)
    for name, n in counts.items():
        if n > 1:
            i = next(k for k, ind in enumerate(ctx.report.indicators) if ind.name == name)
            yield Issue(f"指标“{name}”出现 {n} 次", _where(ctx, i, "name"), expected="1", found=str(n), evidence=name)


@rule("IQ412", "indicator_quality", "warning", "以投入代替产出")
def inputs_as_outputs(ctx: AuditContext):
    """检查什么：产出指标中是否用“基本支出”“项目支出”“单位整体经费”等资金投入作为指标。
    为什么重要：花了多少钱是投入，不是产出；这样的指标不能反映做成了什么。
    示例：成本指标“基本支出 1525.35 万元”。
    修改建议：成本指标应为单位产出的成本（如“每公里道路养护成本 ≤1.2 万元”）。
    依据：财预〔2020〕10号：成本指标反映单位产出成本的控制（[K]）。
    """
    for i, ind in enumerate(ctx.report.indicators):
        if _INPUT_NAME.fullmatch(ind.name):
            yield Issue(f"指标“{ind.name}”是资金投入，不是产出", _where(ctx, i, "name"), expected="单位产出成本等产出指标", found=ind.name, evidence=_evidence(ind))
