"""Which evaluation framework a report uses, and whether it is a self- or an external evaluation."""

from __future__ import annotations

import re

from jixiao.model import Framework, Report, ReportKind

FRAMEWORK_NAMES = {
    "output_outcome_satisfaction": "产出/效益/满意度（财预〔2020〕10号自评）",
    "input_process_output_outcome": "投入/过程/产出/效益（财预〔2013〕53号共性框架）",
    "duty_efficiency": "履职效能/管理效率（广东部门整体）",
    "none": "未识别（仅叙述）",
}


def framework(report: Report, text: str) -> Framework:
    """From the level-one names of the indicator rows or summaries, else from the prose."""
    names = {i.level1 or "" for i in report.indicators} | {s.name for s in report.level1_summary}
    joined = "".join(names)
    if re.search(r"履职效能|管理效率", joined):
        return "duty_efficiency"
    if re.search(r"投入|过程|决策", joined):
        return "input_process_output_outcome"
    if re.search(r"产出|效益|满意度", joined):
        return "output_outcome_satisfaction"
    if len(re.findall(r"履职效能|管理效率", text)) >= 2:
        return "duty_efficiency"
    if re.search(r"投入、过程、产出、(效益|效果)", text):
        return "input_process_output_outcome"
    if re.search(r"产出指标|效益指标|满意度指标", text):
        return "output_outcome_satisfaction"
    return "none"


def report_kind(title: str, text: str) -> ReportKind:
    """External when an evaluation team or third party wrote it and it never calls itself 自评."""
    self_mentions = text.count("自评")
    external = re.search(r"评价组|第三方|受.{0,20}委托|评价机构|评估机构|专家组", text)
    if "自评" in title:
        return "self_evaluation"
    if re.search(r"评价报告|绩效评价", title) and (external or self_mentions == 0):
        return "external_evaluation"
    return "external_evaluation" if external and self_mentions <= 1 else "self_evaluation"
