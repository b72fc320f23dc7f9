"""Hubei/Anhui-style 部门整体支出绩效自评报告 (docx) with the national 部门整体支出绩效自评表 attached.

Outline: 一、部门基本情况 二、部门整体支出绩效目标及完成情况 三、绩效自评结论 四、存在的主要问题及原因
五、下一步改进措施 六、绩效自评结果应用; no 基础数据表."""

from __future__ import annotations

from lib.calc import num
from lib.doc import Doc
from lib.expected import FRAMEWORK_3, budget_of, declared_of, indicator_rows, skeleton
from lib.forms import dept_grid
from lib.narrative import budget_sentence, indicator_paragraphs, level1_scores, level1_sentence, m, numbered, sums_of, three_public_sentence, three_public_totals


def narrative(spec: dict, form: dict) -> list[tuple]:
    y, s = spec["year"], sums_of(spec)
    staff, income = s["staff"], s["income"]
    basic, project = form["funds"]["rows"][1], form["funds"]["rows"][2]
    b = [("title", f"{spec['unit']}{y}年度部门整体支出绩效自评报告"),
         ("h1", "一、部门基本情况"), ("h2", "（一）部门职能"), ("p", spec["duties"]),
         ("h2", "（二）机构设置及人员情况"),
         ("p", f"{spec['org']}核定编制{staff['total']}名，其中行政编制{staff['parts'][0]}名、事业编制{staff['parts'][1]}名；"
               f"{y}年末实有在职人员{spec['staff_actual']}人。"),
         ("h2", "（三）部门收支情况"),
         ("p", f"{y}年度收入合计{m(income['total'])}，其中：财政拨款收入{m(income['parts'][0])}，其他收入{m(income['parts'][1])}；"
               f"支出合计{m(form['funds']['rows'][0]['executed'])}，其中：基本支出{m(basic['executed'])}，项目支出{m(project['executed'])}。"
               + budget_sentence(spec, form)),
         ("p", three_public_sentence(spec) + spec["three_public"]["remark"]),
         ("h1", "二、部门整体支出绩效目标及完成情况"), ("h2", "（一）绩效目标"), ("p", form["goals"]["expected"]),
         ("h2", "（二）绩效目标完成情况")]
    b += [("p", t) for t in indicator_paragraphs(form)]
    b += [("h1", "三、绩效自评结论"),
          ("p", f"根据部门整体支出绩效自评指标体系，{spec['short']}{y}年度部门整体支出绩效自评得分{num(form['total'])}分，"
                f"自评等级为“{form['grade']}”。" + level1_sentence(form)),
          ("h1", "四、存在的主要问题及原因")]
    b += [("p", t) for t in numbered(spec["problems"])]
    b.append(("h1", "五、下一步改进措施"))
    b += [("p", t) for t in numbered(spec["measures"])]
    b += [("h1", "六、绩效自评结果应用"), ("p", spec["application"]),
          ("p", "附件：部门整体支出绩效自评表"), ("p_right", spec["unit"]), ("p_right", spec["sign_date"])]
    return b


def render(spec: dict) -> Doc:
    form = spec["forms"][0]
    blocks = narrative(spec, form)
    blocks += [("pagebreak",), ("label", "附件"), ("caption", "部门整体支出绩效自评表"),
               ("subtitle", f"（{form.get('year_label', spec['year'])}年度）"),
               ("table", dept_grid(spec["unit"], form, sep=True)), ("small", spec["signature"])]
    s = sums_of(spec)
    exp = skeleton(spec)
    exp["framework"] = FRAMEWORK_3
    exp["staffing"] = {"authorized": num(s["staff"]["total"]), "actual": num(spec["staff_actual"])}
    exp["budget"] = budget_of(form["funds"], "万元")
    exp["spending"] = {"basic": num(form["funds"]["rows"][1]["executed"]), "project": num(form["funds"]["rows"][2]["executed"])}
    prior, budget, actual = three_public_totals(spec["three_public"])
    exp["three_public"] = {"prior_actual": num(prior), "budget": num(budget), "actual": num(actual)}
    exp["indicators"] = indicator_rows(form)
    exp["level1_summary"] = level1_scores(form)
    exp["total_score"] = num(form["total"])
    exp["grade"] = form["grade"]
    exp["declared"] = declared_of(form, comparator_column=None)
    return Doc("docx", exp, blocks=blocks)

