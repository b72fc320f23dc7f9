"""Layout 5 — Jiangxi-style 部门整体支出绩效自评表 (docx) of a county 市场监督管理局, 指标方向 column."""

META = {
    "stem": "jx_ruichuan_2022_dept_form",
    "family": "dept_jiangxi",
    "format": "docx",
    "province": "江西",
    "document_kind": "department_form",
    "layout": "Jiangxi 部门整体支出绩效自评表, docx landscape: 指标方向 column (正向/反向/小于等于/等于) with targets written "
              "without comparators, level-one weights in their cells (产出指标（50分）), '总分：88.5' and '自评等级：良' in cells "
              "at the bottom",
    "exercises": "direction-aware scoring (反向 cost met below target, 小于等于 rate), a 良 report with several partial "
                 "scores and reasons, a qualitative indicator scored in the 未达成 tier, total with one decimal",
}

BASE = {
    "year": 2022,
    "unit": "瑞川县市场监督管理局",
    "money_unit": "万元",
    "fill": {"filler": "黄丽萍", "reviewer": "邹国华", "phone": "0797-5326147", "date": "2023年3月28日"},
    "forms": [{
        "with_grade": True,
        "declare_level1": True,
        "level1_weights": {"产出指标": "50", "效益指标": "30", "满意度指标": "10"},
        "funds": {"weight": "10", "rows": [
            {"label": "年度资金总额"},
            {"label": "财政拨款", "initial": "1752.60", "full_year": "2106.48", "executed": "1935.36"},
            {"label": "其他资金", "initial": "100.00", "full_year": "110.00", "executed": "103.80"},
        ]},
        "goals": {
            "expected": "完成食品安全监督抽检1200批次以上，新增市场主体3000户，特种设备定期检验率100%，投诉举报按时办结率98%以上；"
                        "建成食品安全追溯平台；全县不发生区域性食品安全事故，市场主体满意度90%以上。",
            "achieved": "完成食品安全监督抽检1260批次，新增市场主体2100户，特种设备定期检验率91.9%，投诉举报按时办结率96%；"
                        "追溯平台已完成招标，尚未投入运行；全县未发生区域性食品安全事故，市场主体满意度80%。",
        },
        "indicators": [
            {"l1": "产出指标", "l2": "数量指标", "name": "食品安全监督抽检批次", "cmp": "≥", "tv": "1200", "unit": "批次", "target": "1200批次", "av": "1260", "w": "8"},
            {"l1": "产出指标", "l2": "数量指标", "name": "新增市场主体户数", "cmp": "≥", "tv": "3000", "unit": "户", "target": "3000户", "av": "2100", "w": "8",
             "reason": "受经济形势影响，个体工商户新增放缓；将优化开办服务，加大培育力度"},
            {"l1": "产出指标", "l2": "数量指标", "name": "特种设备定期检验率", "cmp": "=", "tv": "100", "unit": "%", "target": "100%", "av": "91.9", "w": "6",
             "reason": "部分停产企业设备未按期报检，已下达整改通知督促报检"},
            {"l1": "产出指标", "l2": "质量指标", "name": "投诉举报按时办结率", "cmp": "≥", "tv": "98", "unit": "%", "target": "98%", "av": "96", "w": "7",
             "reason": "跨区域投诉需协查，个别件超期办结；将建立协查督办机制"},
            {"l1": "产出指标", "l2": "质量指标", "name": "食品安全抽检不合格率", "cmp": "≤", "dir": "小于等于", "tv": "3", "unit": "%", "target": "3%", "av": "2.4", "w": "7"},
            {"l1": "产出指标", "l2": "时效指标", "name": "行政许可事项按时办结率", "cmp": "=", "tv": "100", "unit": "%", "target": "100%", "av": "100", "w": "7"},
            {"l1": "产出指标", "l2": "成本指标", "name": "抽检单批次平均成本", "cmp": "≤", "tv": "800", "unit": "元", "target": "800元", "av": "760", "w": "7"},
            {"l1": "效益指标", "l2": "经济效益指标", "name": "市场主体总量增长率", "cmp": "≥", "tv": "8", "unit": "%", "target": "8%", "av": "6.5", "w": "7",
             "reason": "新增市场主体未达预期，总量增速放缓"},
            {"l1": "效益指标", "l2": "社会效益指标", "name": "区域性食品安全事故", "cmp": "qual", "target": "不发生", "actual": "未发生", "w": "6"},
            {"l1": "效益指标", "l2": "社会效益指标", "name": "消费维权挽回经济损失", "cmp": "≥", "tv": "200", "unit": "万元", "target": "200万元", "av": "236", "w": "6"},
            {"l1": "效益指标", "l2": "可持续影响指标", "name": "智慧监管平台覆盖率", "cmp": "≥", "tv": "80", "unit": "%", "target": "80%", "av": "60", "w": "5",
             "reason": "部分乡镇网络条件不足，终端未全部接入；2023年继续推进"},
            {"l1": "效益指标", "l2": "可持续影响指标", "name": "食品安全追溯体系建设", "cmp": "qual", "met": False, "target": "建成并运行",
             "actual": "平台已完成招标，尚未投入运行", "w": "6", "score": "2",
             "reason": "项目采购延期，未达成年度目标；预计2023年6月上线运行"},
            {"l1": "满意度指标", "l2": "服务对象满意度指标", "name": "市场主体满意度", "cmp": "≥", "tv": "90", "unit": "%", "target": "90%", "av": "80", "w": "10",
             "reason": "开办、许可等环节群众反映材料仍较繁琐，将推行“一件事一次办”"},
        ],
    }],
}

FAULTS = [
    {"id": "F1", "kind": "direction_conflicts_with_target", "severity": "warning",
     "set": {"forms[0].indicators[食品安全抽检不合格率].dir": "正向", "forms[0].indicators[食品安全抽检不合格率].target": "≤3%"},
     "where": "自评表/绩效指标/食品安全抽检不合格率/指标方向",
     "detail": "“食品安全抽检不合格率”指标方向填“正向”，年度指标值却为“≤3%”，不合格率越低越好，应为“反向”或“小于等于”，方向与指标值矛盾。",
     "evidence_terms": ["正向", "食品安全抽检不合格率"]},
    {"id": "F2", "kind": "level1_weight_header_mismatch", "severity": "error",
     "set": {"forms[0].indicators[行政许可事项按时办结率].w": "5"},
     "trips": ["l1_weight:产出指标", "weights_100"],
     "where": "自评表/绩效指标/产出指标",
     "detail": "一级指标标注“产出指标（50分）”，其下各三级指标分值合计为48分，与标注分值不符，全表指标分值合计不足100分。",
     "evidence_numbers": [50]},
    {"id": "F3", "kind": "full_marks_for_missed_target", "severity": "error",
     "set": {"forms[0].indicators[抽检单批次平均成本].av": "860", "forms[0].indicators[抽检单批次平均成本].score": "7"},
     "trips": ["score:抽检单批次平均成本"],
     "where": "自评表/绩效指标/抽检单批次平均成本",
     "detail": "“抽检单批次平均成本”为反向指标，年度指标值800元，实际860元，超出目标，却得满分7分；应按7×800/860≈6.51分计分并说明成本超支原因。",
     "evidence_numbers": [800, 860]},
    {"id": "F4", "kind": "execution_rate_wrong", "severity": "error",
     "set": {"forms[0].funds.rows[年度资金总额].rate": "95.20"},
     "trips": ["exec_rate"],
     "where": "自评表/年度预算执行情况/执行率",
     "detail": "执行率填报95.20%，按全年执行数2,039.16万元÷全年预算数2,216.48万元计算应为92.00%，得分应为9.20分而非9.52分。",
     "evidence_numbers": [95.20, 2039.16, 2216.48]},
    {"id": "F5", "kind": "grade_mismatch", "severity": "error",
     "set": {"forms[0].grade": "优"},
     "trips": ["grade"],
     "where": "自评表/自评等级",
     "detail": "总分86.82分，属于80（含）—90分的“良”档，表中自评等级填“优”，等级与得分不符。",
     "evidence_numbers": [86.82]},
]

MUST_NOT_FLAG = {
    "both": [
        {"detail": "指标方向“反向”“小于等于”表示越低越好：食品安全抽检不合格率2.4%低于3%为达标", "terms": ["反向", "小于等于"]},
        {"detail": "年度指标值只写数值和单位、不写比较符号，比较方向在“指标方向”列，不是缺少比较符", "terms": ["指标方向"]},
        {"detail": "一级指标分值写在一级指标单元格（产出指标（50分）等），总分和自评等级写在表底单元格，不是缺项", "terms": ["（50分）", "自评等级"]},
        {"detail": "江西部门整体支出绩效自评表单独报送，没有基础数据表", "terms": ["基础数据表"]},
        {"detail": "“食品安全追溯体系建设”未达成，按定性指标“未达成”档（0-60%）得2分并说明原因，计分合理", "terms": ["食品安全追溯体系建设"]},
        {"detail": "“消费维权挽回经济损失”是以金额衡量的社会效益指标，不是把资金投入当作产出数量", "terms": ["消费维权挽回经济损失"]},
        {"detail": "“区域性食品安全事故”目标“不发生”、实际“未发生”，为达成的定性指标", "terms": ["区域性食品安全事故"]},
    ],
    "ok": [
        {"detail": "总分88.5分（一位小数）与预算执行9.2分及各指标得分合计88.50分一致，等级“良”正确", "terms": ["88.5"]},
        {"detail": "抽检单批次平均成本为反向指标，实际760元低于800元，达标满分", "terms": ["抽检单批次平均成本"]},
    ],
    "faulty": [],
}
