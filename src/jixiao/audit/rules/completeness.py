"""Completeness: the outline's sections and attachments, contact fields, leftovers of the template."""

from __future__ import annotations

import re

from jixiao.audit.context import AuditContext, Issue
from jixiao.audit.finding import Where
from jixiao.audit.registry import rule
from jixiao.lazyre import lazy

FORM_NAMES = {"self_evaluation": "绩效自评表", "basic_data": "部门整体支出绩效评价基础数据表", "level1_summary": "一级指标得分汇总表"}

_TEMPLATE_LEFTOVERS = [
    lazy(r"(?:^|(?<=[。.：:]))反映[^。，,]{0,20}(情况|等级|结论)[。.]?$"),  # an instruction, not "…客观反映了…情况。"
    lazy(r"[（(]每个[^）)]{1,10}一行[）)]"),
    lazy(r"^[.…]{3,}$"),
    lazy(r"[（(](或|可)[^）)]{1,12}[）)][。.]?$"),
    lazy(r"(×{2,}|X{3,}|XX[县镇局])"),
    # a filling instruction standing where the content should be (the form's own 注/填表说明 notes are not leftovers)
    lazy(r"^[（(]?\s*(请|此处|在此|按照|根据|结合)[^）)。]{0,24}(填写|填报|填列|如实描述)[^）)。]{0,10}[）)]?[。.]?$"),
    lazy(r"[（(]\s*\d{2,4}\s*字以内\s*[）)][。.]?$"),  # "说明……（200字以内）": the form's prompt, not an answer
    lazy(r"^[（(]\s*(如有|如无|若有)[，,、]?\s*(请)?(在此|此处)?(说明|填写|列明|注明)[。.]?\s*[）)][。.]?$"),
]
_ANY_LEFTOVER = lazy("|".join(f"(?:{p.pattern})" for p in _TEMPLATE_LEFTOVERS))
"""Matches where any of them does: most texts cost one search, not one per pattern."""
# What some pattern above needs in the text (its literal part, in the same order; a line of dots has "…"
# or "..."): a text with none of them cannot match, and the document is searched for them all at once.
_LEFTOVER_NEEDS = ("反映", "每个", "（或", "(或", "（可", "(可", "××", "XX", "填", "如实描述", "字以内", "如有", "如无", "若有", "…", "...")


@rule("CM601", "completeness", "warning", "缺少规定的报告章节")
def missing_sections(ctx: AuditContext):
    """检查什么：报告是否包含所用模板要求的核心章节（如绩效目标完成情况或自评结论、存在的问题、改进措施）；章节名按同义词识别（“问题及建议”即“存在的问题”，“自评结论”即“综合评价结论”），单独填报的表格不要求章节。
    为什么重要：提纲是财政部门统一要求，缺少核心章节说明自评内容不完整。
    示例：报告没有“存在的问题”一节，也没有任何段落以“存在问题”开头。
    修改建议：按提纲补写缺少的章节；确无此类情况的，写明“无”并说明理由。
    依据：所识别模板的提纲（extract/templates/*.toml）。
    """
    if ctx.report.document_kind.endswith("_form"):
        return
    titles = "\n".join(s.title for s in ctx.report.sections)
    missing = [s.title for s in ctx.template.expects.sections if s.required and not _has_section(ctx, titles, s.any)]
    if missing:
        yield Issue(f"未找到“{'”“'.join(missing)}”章节（按“{ctx.template.title}”提纲）", Where(section="报告提纲"),
                    expected="、".join(missing), found="（缺）", fix=f"按提纲补写“{'”“'.join(missing)}”。")


def _has_section(ctx: AuditContext, titles: str, words: tuple[str, ...]) -> bool:
    """A section title (`titles`: all of them, a line each), or the first 20 characters of a text, holds
    one of the section's names (none of which holds a line break)."""
    return any(w in titles for w in words) or any(w in t[:20] for t in ctx.texts_with(*words) for w in words)


_ATTACHED = lazy(r"(附件|附表|详见)[0-9一二三１-９]?[:：．.、]?\s*[《“]?[^，。；]{0,20}绩效自评表")


@rule("CM602", "completeness", "warning", "缺少规定的附表")
def missing_attachments(ctx: AuditContext):
    """检查什么：所用模板要求的表格（如自评表；湖南模板另有基础数据表）是否随报告提交；仅有正文的报告写了“附件：……自评表”却没有附上的，也予提示。只要求模板规定的表格：湖北、四川等地的报告不附基础数据表是正常的。
    为什么重要：附表是报告数字的来源，缺附表则无法核对。
    示例：部门整体支出绩效自评报告只有正文，没有部门整体支出绩效自评表。
    修改建议：补充附表。
    依据：财预〔2020〕10号（自评表随报告报送）；湖南“报告应包括以下附件：1.部门整体支出绩效评价基础数据表 2.部门整体支出绩效自评表”。
    """
    present = {f.kind for f in ctx.report.forms}
    for form in ctx.template.expects.forms:
        if form not in present:
            name = FORM_NAMES[form]
            yield Issue(f"未找到“{name}”（按“{ctx.template.title}”要求）", Where(section="附件"), expected=name, found="（缺）", fix=f"补充“{name}”。")
    named = next((m.group(0) for t in ctx.texts_with("绩效自评表") for m in [_ATTACHED.search(t)] if m), None)
    if named and "self_evaluation" not in present and "self_evaluation" not in ctx.template.expects.forms:
        yield Issue(f"报告提到“{named}”，但文件中没有自评表", Where(section="附件"), expected="绩效自评表", found="（缺）", fix="补充报告所附的自评表。")


@rule("CM603", "completeness", "info", "填报单位、填表人、日期或联系电话未填")
def contact_fields(ctx: AuditContext):
    """检查什么：附表的填报单位，以及表尾的填表人、填报日期、联系电话是否填写。
    为什么重要：审核发现问题时需要联系填表人；公开版常按规定隐去姓名和电话，故只作提示。
    示例：“填表人：       填报日期：       联系电话：”。
    修改建议：填写填表人、填报日期和联系电话（公开版可隐去姓名和电话）。
    依据：基础数据表、自评表表尾栏目。
    """
    for text in ctx.texts_with("填", "联"):  # what the labels need, looked for first
        if not re.search(r"(填表人|填报日期|联系电话|填报单位)[:：]", text):  # on one line, or each on its own
            continue
        labels = ("填报单位", "填表人", "填报日期", "联系电话")
        blanks = [label for label in labels if re.search(rf"{label}[:：]\s*(?=$|填|联|单位|[（(])", text)]
        if blanks:
            yield Issue(f"{'、'.join(blanks)}未填写", Where(section="附表表尾"), expected="、".join(blanks), found="（空）", evidence=text[:80])


@rule("CM604", "completeness", "warning", "残留模板说明文字")
def template_leftovers(ctx: AuditContext):
    """检查什么：正文或附表中是否残留模板的说明文字、占位符（如“反映自评得分及评价等级。”“（每个专项一行）”“......”）。
    为什么重要：残留说明说明报告照模板套写、未经审读，也常伴随漏填内容。
    示例：“（一）综合评价结论。反映自评得分及评价等级。”
    修改建议：删除模板说明，按说明要求填写实际内容。
    依据：报告撰写规范。
    """
    for text in (t for t in ctx.texts_with(*_LEFTOVER_NEEDS) if _ANY_LEFTOVER.search(t)):
        for pattern in _TEMPLATE_LEFTOVERS:
            m = pattern.search(text)
            if m:
                shown = text if len(text) <= 60 else m.group(0)
                yield Issue(f"残留模板文字“{shown}”", Where(section="报告正文/附表"), expected="实际内容", found=m.group(0), evidence=text[:80])
                break


@rule("CM605", "completeness", "warning", "未写明总分")
def total_missing(ctx: AuditContext):
    """检查什么：报告是否写明了自评总分。
    为什么重要：总分是综合评价结论的核心。
    示例：自评表“总分”一栏空白，正文也未写得分。
    修改建议：按自评表加总得分并写入正文和表中。
    依据：财预〔2020〕10号 自评表“总分”。
    """
    if ctx.report.total_score is None:
        yield Issue("报告未写明自评总分", Where(section="综合评价结论", field="total_score"), expected="总分", found="（未写）")


@rule("CM606", "completeness", "warning", "问题或改进措施未写")
def problems_and_measures(ctx: AuditContext):
    """检查什么：“存在的问题”和“改进措施”两部分是否有实际内容（不是空白或只写“无”）。
    为什么重要：发现问题并提出改进是绩效自评的目的。
    示例：“存在的问题：无。”
    修改建议：结合扣分指标、执行率和管理中的不足，写明问题、原因和具体改进措施。
    依据：财预〔2020〕10号：自评报告应分析偏差原因、提出改进措施。
    """
    if ctx.report.document_kind.endswith("_form"):
        return  # a form has no 问题 / 措施 sections
    for name, items in (("存在的问题", ctx.report.problems), ("改进措施", ctx.report.measures)):
        real = [x for x in items if not re.fullmatch(r"[^：:]*[：:]?\s*无[。.]?", x)]
        if not real:
            yield Issue(f"“{name}”部分没有实际内容", Where(section=name), expected=f"具体的{name}", found="（空或“无”）")
