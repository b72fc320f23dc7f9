"""Layout 3 — Sichuan-style 部门整体支出绩效自评表 alone, as a workbook (county 水利局)."""

META = {
    "stem": "sc_qiongxi_2024_dept_form",
    "family": "dept_sichuan",
    "format": "xlsx",
    "province": "四川",
    "document_kind": "department_form",
    "layout": "Sichuan 部门整体支出绩效自评表, xlsx: 年度主要任务 block (任务名称 | 主要内容 | 总额/财政拨款/其他资金), "
              "预算执行 worth 20 分 with the note 预算执行率得分=20分×执行率, 指标性质 (≥ ≤ ＝ 定性) and 度量单位 columns, "
              "level-one weights 40/30/10 in the level-one cells, 自评得分/自评等级 row, a separate 填报说明 sheet",
    "exercises": "execution weight 20 declared by the form; level-one weights other than 10/50/30/10; comparator, value "
                 "and unit in three cells; '—' as a dimensionless unit; instructions on their own sheet",
}

BASE = {
    "year": 2024,
    "unit": "邛溪县水利局",
    "money_unit": "万元",
    "fill": {"filler": "何静", "phone": "028-88521736", "date": "2025年3月18日", "head": "罗志强"},
    "tasks": [
        {"name": "水利工程运行维护", "content": "全县36座小型水库、12处引提水工程日常维修养护", "total": "1260.00", "fiscal": "1260.00", "other": "0.00"},
        {"name": "农村供水保障", "content": "农村集中供水工程建设、管网延伸与水质提升", "total": "2850.40", "fiscal": "2650.40", "other": "200.00"},
        {"name": "河湖长制及水生态保护", "content": "河道巡查、清漂保洁、水生态修复", "total": "986.32", "fiscal": "986.32", "other": "0.00"},
        {"name": "防汛抗旱", "content": "防汛物资储备、山洪灾害预警系统运维", "total": "540.00", "fiscal": "540.00", "other": "0.00"},
        {"name": "机关运行保障", "content": "在职人员经费和日常公用经费", "total": "2800.00", "fiscal": "2670.00", "other": "130.00"},
    ],
    "item_totals": [{"key": "tasks", "items_from": "tasks", "cols": ["total", "fiscal", "other"], "total": {}}],
    "forms": [{
        "with_grade": True,
        "declare_level1": True,
        "level1_weights": {"产出指标": "40", "效益指标": "30", "满意度指标": "10"},
        "exec_note": "注：预算执行率得分=20分×执行率；执行率低于90%的，须在偏差原因分析中说明原因。",
        "funds": {"weight": "20", "rows": [
            {"label": "年度资金总额"},
            {"label": "财政拨款", "initial": "6520.50", "full_year": "8106.72", "executed": "7660.30"},
            {"label": "其他资金", "initial": "300.00", "full_year": "330.00", "executed": "312.40"},
        ]},
        "goals": {
            "expected": "1.完成36座小型水库及12处引提水工程维修养护；2.新增（恢复）灌溉面积1.2万亩，农村自来水普及率达到90%；"
                        "3.全面落实河湖长制，河道巡查不少于48次，河湖水质优良比例不低于85%；4.汛前完成防汛物资储备，确保安全度汛。",
            "achieved": "1.完成38座小型水库及引提水工程维修养护；2.新增（恢复）灌溉面积1.26万亩，农村自来水普及率91.5%；"
                        "3.开展河道巡查52次，河湖水质优良比例88%；4.5月20日前防汛物资全部到位，全年无水利工程安全事故。",
        },
        "indicators": [
            {"l1": "产出指标", "l2": "数量指标", "name": "水利工程维修养护座数", "cmp": "≥", "tv": "36", "unit": "座", "av": "38", "w": "6"},
            {"l1": "产出指标", "l2": "数量指标", "name": "河道巡查次数", "cmp": "≥", "tv": "48", "unit": "次", "av": "52", "w": "5"},
            {"l1": "产出指标", "l2": "数量指标", "name": "新增（恢复）灌溉面积", "cmp": "≥", "tv": "1.2", "unit": "万亩", "av": "1.26", "w": "6"},
            {"l1": "产出指标", "l2": "质量指标", "name": "工程质量验收合格率", "cmp": "=", "cmp_text": "＝", "tv": "100", "unit": "%", "av": "100", "w": "6"},
            {"l1": "产出指标", "l2": "质量指标", "name": "农村集中供水工程水质达标率", "cmp": "≥", "tv": "95", "unit": "%", "av": "93.8", "w": "5",
             "reason": "部分山区水厂消毒设施老化，已列入2025年改造计划"},
            {"l1": "产出指标", "l2": "时效指标", "name": "防汛物资储备到位时间", "cmp": "date", "target": "汛前（5月底前）",
             "actual": "5月20日前全部到位", "w": "4"},
            {"l1": "产出指标", "l2": "成本指标", "name": "病险水库除险加固成本控制率", "cmp": "≤", "tv": "100", "unit": "%", "av": "97.6", "w": "4"},
            {"l1": "产出指标", "l2": "成本指标", "name": "水利工程维修养护平均成本", "cmp": "≤", "tv": "3.5", "unit": "万元/座", "av": "3.32", "w": "4"},
            {"l1": "效益指标", "l2": "经济效益指标", "name": "灌溉水有效利用系数", "cmp": "≥", "tv": "0.52", "unit": "", "av": "0.53", "w": "8"},
            {"l1": "效益指标", "l2": "社会效益指标", "name": "农村自来水普及率", "cmp": "≥", "tv": "90", "unit": "%", "av": "91.5", "w": "8"},
            {"l1": "效益指标", "l2": "生态效益指标", "name": "河湖水质优良比例", "cmp": "≥", "tv": "85", "unit": "%", "av": "88", "w": "7"},
            {"l1": "效益指标", "l2": "可持续影响指标", "name": "水利工程长效管护机制", "cmp": "qual", "target": "健全",
             "actual": "已全部落实管护主体、人员和经费", "w": "7"},
            {"l1": "满意度指标", "l2": "服务对象满意度指标", "name": "受益群众满意度", "cmp": "≥", "tv": "90", "unit": "%", "av": "92", "w": "10"},
        ],
    }],
}

FAULTS = [
    {"id": "F1", "kind": "execution_score_wrong_weight", "severity": "error",
     "set": {"forms[0].funds.rows[年度资金总额].score": "9.45"},
     "trips": ["exec_score"],
     "where": "自评表/年度预算执行情况/得分",
     "detail": "表内注明“预算执行率得分=20分×执行率”，执行率94.50%应得18.90分，表中按10分制填报9.45分，少计9.45分，自评得分随之偏低。",
     "evidence_numbers": [94.50, 9.45, 20]},
    {"id": "F2", "kind": "tasks_total_mismatch", "severity": "error",
     "set": {"item_totals[tasks].total.total": "8536.72"},
     "trips": ["items:tasks:total"],
     "where": "自评表/年度主要任务/金额合计",
     "detail": "年度主要任务金额合计填报8,536.72万元，但5项任务预算金额合计为8,436.72万元（与全年预算数一致），合计数多计100万元。",
     "evidence_numbers": [8536.72, 8436.72]},
    {"id": "F3", "kind": "comparator_direction_wrong", "severity": "warning",
     "set": {"forms[0].indicators[河道巡查次数].cmp": "≤", "forms[0].indicators[河道巡查次数].score": "5"},
     "trips": ["score:河道巡查次数"],
     "where": "自评表/年度绩效指标/河道巡查次数",
     "detail": "“河道巡查次数”为越多越好的数量指标，指标性质却填“≤”（≤48次），方向错误，应为“≥”；按表中“≤48次”口径，实际52次反而未达标，"
               "与满分5分相矛盾。",
     "evidence_numbers": [48, 52]},
    {"id": "F4", "kind": "level1_weight_header_mismatch", "severity": "error",
     "set": {"forms[0].indicators[工程质量验收合格率].w": "4"},
     "trips": ["l1_weight:产出指标", "weights_100"],
     "where": "自评表/年度绩效指标/产出指标",
     "detail": "一级指标标注“产出指标（40分）”，但其下三级指标分值合计只有38分；连同预算执行20分，全表分值合计98分，不足100分。",
     "evidence_numbers": [40]},
    {"id": "F5", "kind": "grade_mismatch", "severity": "error",
     "set": {"forms[0].grade": "优"},
     "trips": ["grade"],
     "where": "自评表/自评等级",
     "detail": "自评得分87.39分，按90分（含）以上为“优”、80（含）—90分为“良”的标准，等级应为“良”，表中填报“优”。",
     "evidence_numbers": [87.39]},
]

MUST_NOT_FLAG = {
    "both": [
        {"detail": "表内注明预算执行率得分=20分×执行率：预算执行分值为20分（不是10分），产出40、效益30、满意度10，合计100分", "terms": ["20分", "预算执行"]},
        {"detail": "四川部门整体支出绩效自评表单独报送，没有基础数据表，也没有湖南式报告提纲，不应提缺少附件或章节", "terms": ["基础数据表", "附件"]},
        {"detail": "“填报说明”是工作簿中单独的说明页，不是遗留在表内的填表说明", "terms": ["填报说明"]},
        {"detail": "“灌溉水有效利用系数”为无量纲系数，度量单位填“—”，不是漏填单位", "terms": ["灌溉水有效利用系数"]},
        {"detail": "指标性质“＝”为全角等号，与“=”相同", "terms": ["＝"]},
        {"detail": "“农村集中供水工程水质达标率”93.8%未达95%，按比例得4.94分并说明原因，计分正确", "terms": ["农村集中供水工程水质达标率"]},
    ],
    "ok": [
        {"detail": "年度主要任务金额合计8,436.72万元与全年预算数一致", "terms": ["金额合计"]},
    ],
    "faulty": [],
}
