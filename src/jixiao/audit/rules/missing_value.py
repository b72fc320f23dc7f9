"""Missing values: figures the forms ask for but the report leaves blank, and what could not be audited."""

from __future__ import annotations

from jixiao.audit.context import AuditContext, Issue, fmt
from jixiao.audit.finding import Where
from jixiao.audit.registry import rule
from jixiao.extract.self_eval_table import NOT_APPLICABLE

COLUMN_NAMES = {"name": "三级指标", "target": "年度指标值", "actual": "实际完成值", "weight": "分值", "score": "得分", "deviation": "偏差原因分析"}
KEY_FIELDS = {
    "unit.name": "预算单位名称", "unit.year": "评价年度", "budget.full_year": "全年预算数",
    "budget.executed": "全年执行数", "budget.execution_rate": "预算执行率",
}


@rule("MV701", "missing_value", "info", "关键信息未能读取")
def key_fields(ctx: AuditContext):
    """检查什么：单位名称、评价年度、全年预算数、全年执行数、执行率是否都能在报告中找到。
    为什么重要：这些是审核的基础数据，缺失则多项检查无法进行。
    示例：报告未写全年预算数，只写了执行率。
    修改建议：在正文和自评表中补写缺少的数据。
    依据：财预〔2020〕10号 自评表“年度预算申请”栏。
    """
    r = ctx.report
    for path, name in KEY_FIELDS.items():
        obj = r
        for part in path.split("."):
            obj = getattr(obj, part)
        if obj is None:
            yield Issue(f"报告中未找到{name}", Where(section="基本信息", field=path), expected=name, found="（缺）")


@rule("MV702", "missing_value", "warning", "指标完成值、分值或得分空白")
def indicator_blanks(ctx: AuditContext):
    """检查什么：自评表有“实际完成值”“分值”（或权重、参考分值）和“得分”栏时，每个三级指标的这几栏是否都已填写
    （完成值空白而给了分的，由 SC302 报告）；填了却不是数字的单元格如实报告为“无法识别”，写“—”表示不适用的不算空白。
    表格没有分值栏时只提示一次，不逐行报告。
    为什么重要：完成值、分值或得分空白，无法计算总分，也无法判断该指标是否完成。
    示例：“群众满意度”分值 10，得分一栏空白。
    修改建议：补填分值和得分。
    依据：财预〔2020〕10号 自评表。
    """
    r = ctx.report
    columns = {role for f in r.forms if f.kind == "self_evaluation" for role in f.columns}
    if not r.indicators:
        return
    absent = [COLUMN_NAMES[role] for role in ctx.template.expects.columns if role in COLUMN_NAMES and role not in columns]
    if absent and columns:
        yield Issue(f"自评表没有“{'”“'.join(absent)}”栏（按“{ctx.template.title}”应有），相关检查未进行", Where(section="绩效自评表", field="indicators"),
                    expected="、".join(absent), found="（表中无此栏）", severity="info")
    for i, ind in enumerate(r.indicators):
        blank, unread = [], []
        figures = [("weight", "分值", ind.weight), ("score", "得分", ind.score)]
        if not (ind.score or 0) > 0:  # a blank actual that was given points is SC302's
            figures.insert(0, ("actual", "完成值", ind.actual))
        for role, label, value in figures:
            text = r.unread.get(f"indicators[{i}].{role}")
            if value is not None or role not in columns or (text and NOT_APPLICABLE.match(text)):
                continue
            (unread if text else blank).append(f"{label}“{text}”" if text else label)
        if blank or unread:
            said = "；".join(x for x in ("、".join(blank) + "空白" if blank else "", "、".join(unread) + "无法识别为数字" if unread else "") if x)
            yield Issue(f"指标“{ind.name}”的{said}", ctx.where(ctx.indicator_path(i), "绩效自评表"),
                        expected="完成值、分值和得分", found=said, evidence=f"{ind.name}：分值 {fmt(ind.weight)}，得分 {fmt(ind.score)}")


@rule("MV703", "missing_value", "warning", "基础数据表编制数或在职人数空白")
def staffing_blank(ctx: AuditContext):
    """检查什么：基础数据表的编制数、实际在职人数是否填写。
    为什么重要：没有编制数就无法计算在职人员控制率，无法判断是否超编。
    示例：“编制数”一栏空白，只填了实际在职人数 89。
    修改建议：按编制部门核定数填写编制数。
    依据：部门整体支出绩效评价基础数据表“财政供养人员情况”。
    """
    s = ctx.report.staffing
    if not ctx.report.has_basic_data_table:
        return
    for field, name, value in (("authorized", "编制数", s.authorized), ("actual", "实际在职人数", s.actual)):
        prov = ctx.report.provenance.get(f"staffing.{field}")
        if value is None or prov is None or not prov.method.startswith("基础数据表"):  # the prose may state it; the form must too
            note = f"（正文写 {value} 人）" if value is not None else ""
            yield Issue(f"基础数据表“{name}”未填写{note}", Where(section="基础数据表 财政供养人员", field=f"staffing.{field}"), expected=name, found="（空）")


@rule("MV704", "missing_value", "info", "部分检查因缺少数据未能进行")
def not_auditable(ctx: AuditContext):
    """检查什么：报告缺少自评表指标或基础数据表时，提示哪些检查因此无法进行。
    为什么重要：审核结论应说明其范围：没有找到问题不等于没有问题。
    示例：仅有叙述的报告无法复核指标得分。
    修改建议：补充附表后重新审核。
    依据：审核工作规范。
    """
    r = ctx.report
    if not r.indicators:
        yield Issue("未读到三级指标，指标得分、指标质量类检查未进行", Where(section="审核范围", field="indicators"))
    if not r.basic_data and "basic_data" in ctx.template.expects.forms:
        yield Issue("未读到基础数据表，三公经费、公用经费等合规检查仅依据正文", Where(section="审核范围", field="basic_data"))
