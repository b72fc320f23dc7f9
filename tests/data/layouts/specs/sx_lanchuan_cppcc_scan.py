"""Layout 9 — a county 政协 office's bare national 部门整体支出绩效自评表, scanned (image-only PDF, Shanxi)."""

META = {
    "stem": "sx_lanchuan_2024_cppcc_form_scan",
    "family": "dept_form_national",
    "format": "scan",
    "province": "山西",
    "document_kind": "department_form",
    "layout": "national 部门整体支出绩效自评表 alone (部门（单位）名称, 年度预算数 by 基本/项目支出, 年度总体目标, 年度绩效指标 with "
              "level-one weights in their cells), printed and scanned: image-only PDF at 150 dpi, slight skew, grey paper, noise",
    "exercises": "OCR of a merged-cell form; a small office's budget; sub-row execution rates; one partial score with a reason",
}

BASE = {
    "year": 2024,
    "unit": "政协岚川县委员会办公室",
    "format": "scan",
    "fill": {"head": "郭建平", "filler": "王瑞芳", "phone": "0358-4421673", "date": "2025年3月12日"},
    "forms": [{
        "declare_level1": True,
        "level1_weights": {"产出指标": "50", "效益指标": "30", "满意度指标": "10"},
        "funds": {"weight": "10", "sub_rates": True, "rows": [
            {"label": "年度资金总额"},
            {"label": "基本支出", "initial": "380.20", "full_year": "410.64", "executed": "405.38"},
            {"label": "项目支出", "initial": "106.00", "full_year": "122.00", "executed": "116.00"},
        ]},
        "goals": {
            "expected": "1.组织召开政协全体会议1次、常委会议4次；2.立案办理提案180件以上，办复率100%；3.组织委员视察调研12次以上，"
                        "报送社情民意信息50篇以上；4.加强委员履职管理，建立委员履职档案。",
            "achieved": "1.召开全体会议1次、常委会议4次；2.立案提案186件，全部办复；3.组织视察调研14次，报送社情民意信息46篇；"
                        "4.建立委员履职积分档案，履职情况量化管理。",
        },
        "indicators": [
            {"l1": "产出指标", "l2": "数量指标", "name": "召开全体会议及常委会议次数", "cmp": "≥", "tv": "5", "unit": "次", "av": "5", "w": "8"},
            {"l1": "产出指标", "l2": "数量指标", "name": "提案立案办理件数", "cmp": "≥", "tv": "180", "unit": "件", "av": "186", "w": "8"},
            {"l1": "产出指标", "l2": "数量指标", "name": "组织委员视察调研次数", "cmp": "≥", "tv": "12", "unit": "次", "av": "14", "w": "8"},
            {"l1": "产出指标", "l2": "质量指标", "name": "提案办复率", "cmp": "=", "tv": "100", "unit": "%", "av": "100", "w": "8"},
            {"l1": "产出指标", "l2": "时效指标", "name": "提案按时办结率", "cmp": "≥", "tv": "95", "unit": "%", "av": "98", "w": "8"},
            {"l1": "产出指标", "l2": "成本指标", "name": "公用经费控制率", "cmp": "≤", "tv": "100", "unit": "%", "av": "96.4", "w": "5"},
            {"l1": "产出指标", "l2": "成本指标", "name": "“三公”经费支出", "cmp": "≤", "tv": "6.50", "unit": "万元", "av": "5.82", "w": "5"},
            {"l1": "效益指标", "l2": "社会效益指标", "name": "协商成果转化采纳率", "cmp": "≥", "tv": "80", "unit": "%", "av": "85", "w": "10"},
            {"l1": "效益指标", "l2": "社会效益指标", "name": "社情民意信息报送篇数", "cmp": "≥", "tv": "50", "unit": "篇", "av": "46", "w": "10",
             "reason": "部分委员报送积极性不高，已纳入委员履职考核"},
            {"l1": "效益指标", "l2": "可持续影响指标", "name": "委员履职管理机制", "cmp": "qual", "target": "健全",
             "actual": "已为全部委员建立履职积分档案", "w": "10"},
            {"l1": "满意度指标", "l2": "服务对象满意度指标", "name": "委员及承办单位满意度", "cmp": "≥", "tv": "90", "unit": "%", "av": "95", "w": "10"},
        ],
    }],
}

TEMPLATE_ROW = {"l1": "产出指标", "l2": "质量指标", "template_row": True}

FAULTS = [
    {"id": "F1", "kind": "total_row_zero_beside_parts", "severity": "error",
     "set": {"forms[0].funds.rows[年度资金总额].initial": "0.00", "forms[0].funds.rows[年度资金总额].full_year": "0.00",
             "forms[0].funds.rows[年度资金总额].executed": "0.00", "forms[0].funds.rows[年度资金总额].rate": "97.89",
             "forms[0].funds.rows[年度资金总额].score": "9.79"},
     "trips": ["funds_sum:initial", "funds_sum:full_year", "funds_sum:executed"],
     "where": "自评表/年度预算数/年度资金总额",
     "detail": "年度资金总额行年初预算数、全年预算数、全年执行数均填0.00，而基本支出、项目支出分行填列（全年执行数分别为405.38万元、"
               "116.00万元），合计行漏填，执行率97.89%和得分9.79分无从核对。",
     "evidence_numbers": [405.38, 116.00],
     "evidence_terms": ["年度资金总额"]},
    {"id": "F2", "kind": "template_rows_left", "severity": "warning",
     "insert": [["forms[0].indicators", 4, TEMPLATE_ROW | {"name": "指标1："}], ["forms[0].indicators", 5, TEMPLATE_ROW | {"name": "指标2："}]],
     "trips": ["template:指标1：", "template:指标2："],
     "where": "自评表/年度绩效指标/质量指标",
     "detail": "质量指标下保留了模板空行“指标1：”“指标2：”，未填写指标内容，也未删除。",
     "evidence_terms": ["指标1", "指标2"]},
    {"id": "F3", "kind": "actual_repeats_comparator", "severity": "warning",
     "set": {"forms[0].indicators[公用经费控制率].name": "社会成本节约率", "forms[0].indicators[社会成本节约率].cmp": "≥",
             "forms[0].indicators[社会成本节约率].tv": "0", "forms[0].indicators[社会成本节约率].av": None,
             "forms[0].indicators[社会成本节约率].actual": "≥0%", "forms[0].indicators[社会成本节约率].score": "5"},
     "where": "自评表/年度绩效指标/社会成本节约率",
     "detail": "“社会成本节约率”年度指标值“≥0%”无约束意义，实际完成值照抄“≥0%”，未反映实际节约情况，得满分5分依据不足。",
     "evidence_terms": ["社会成本节约率", "≥0%"]},
    {"id": "F4", "kind": "level1_weight_header_mismatch", "severity": "error",
     "set": {"forms[0].indicators[提案办复率].w": "6"},
     "trips": ["l1_weight:产出指标", "weights_100"],
     "where": "自评表/年度绩效指标/产出指标",
     "detail": "一级指标标注“产出指标（50分）”，其下三级指标分值合计48分，与标注不符，全表分值合计98分。",
     "evidence_numbers": [50]},
]

MUST_NOT_FLAG = {
    "both": [
        {"detail": "部门整体支出绩效自评表单独报送（扫描件），没有报告正文和基础数据表，不应报缺少报告章节或附件", "terms": ["基础数据表", "报告"]},
        {"detail": "部门整体支出绩效自评表没有评价等级栏，只写总分，不是缺项", "terms": ["等级"]},
        {"detail": "基本支出、项目支出行分值、得分为“—”，各行执行率为分项执行率，不单独计分", "terms": ["—"]},
        {"detail": "“社情民意信息报送篇数”46篇未达50篇，按比例得9.2分并说明原因，计分正确", "terms": ["社情民意信息报送篇数"]},
        {"detail": "“三公”经费支出≤6.50万元为成本控制指标，实际5.82万元达标；不是把资金投入当作产出数量", "terms": ["三公"]},
    ],
    "ok": [],
    "faulty": [
        {"detail": "“≥0%”只应提一条问题（目标无约束/实际照抄），不要对年度指标值、实际完成值、得分分别报三条", "terms": ["≥0%"]},
    ],
}
