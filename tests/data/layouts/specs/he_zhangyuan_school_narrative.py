"""Layout 6 — a county middle school's 部门整体支出绩效自评报告, narrative only, as a LibreOffice text PDF (Hebei)."""

META = {
    "stem": "he_zhangyuan_2023_school_narrative",
    "family": "narrative_report",
    "format": "pdf",
    "province": "河北",
    "document_kind": "narrative_report",
    "layout": "school 部门整体支出绩效自评报告 with no forms, text-layer PDF made by LibreOffice from a docx: 收入合计/支出合计 "
              "sentences with their parts, staff with its parts, execution rate stated without amounts, level-one scores, "
              "total and grade in prose, 存在的问题/改进措施",
    "exercises": "figures only in sentences (no table), 收入 by 财政拨款/事业/其他收入, 支出 by 基本/项目支出 and project uses, "
                 "在编教职工 126 = 专任教师 108 + 行政后勤 18 beside 核定编制 132, 三公 stated only as a change",
}

OUTLINE = [
    ("title", "{unit}{year}年度部门整体支出绩效自评报告"),
    ("h1", "一、部门（单位）基本情况"),
    ("h2", "（一）单位概况"),
    ("p", "{unit}是县教育和体育局所属全额拨款公益一类事业单位，始建于1958年，现有教学班48个，在校学生2316人。学校占地面积"
          "126亩，建有教学楼3栋、实验楼1栋、学生公寓4栋。"),
    ("h2", "（二）人员情况"),
    ("p", "学校核定编制{authorized}名，{year}年末在编教职工{staff_total}人，其中专任教师{staff_0}人、行政后勤{staff_1}人；"
          "另有退休人员87人。"),
    ("h2", "（三）主要职责"),
    ("p", "实施普通高中学历教育，落实立德树人根本任务，开齐开足国家课程，促进学生全面发展；做好学生资助、校园安全、后勤保障等工作。"),
    ("h1", "二、部门整体收支情况"),
    ("p", "{year}年度收入合计{income_total}万元，其中：财政拨款收入{income_0}万元，事业收入{income_1}万元，其他收入{income_2}万元。"),
    ("p", "{year}年度支出合计{spending_total}万元，其中：基本支出{spending_0}万元，主要用于在职教职工工资福利和学校日常运转；"
          "项目支出{spending_1}万元，主要用于：校舍维修改造{project_items_0}万元、教学设备购置{project_items_1}万元、"
          "学生资助{project_items_2}万元。全年预算执行率为{exec_rate}%。"),
    ("p", "“三公”经费支出{tp_actual}万元，全部为公务接待费，比上年减少{tp_change}万元；学校无公务用车，无因公出国（境）支出。"),
    ("h1", "三、部门整体支出绩效情况"),
    ("h2", "（一）产出情况"),
    ("p", "全年开齐开足国家课程，开课率100%；完成3栋学生公寓屋面防水及教学楼消防改造，维修改造面积6800平方米，工程验收合格；"
          "购置理化生实验设备126台（套）、多媒体教学一体机48台；发放国家助学金1218人次、免除学杂费2316人。"),
    ("h2", "（二）效益情况"),
    ("p", "办学条件持续改善，学生实验开出率达到98%；{year}年高考本科上线率61.4%，较上年提高2.1个百分点；未发生校园安全责任事故。"),
    ("h2", "（三）满意度情况"),
    ("p", "学校发放学生及家长满意度调查问卷1200份，回收有效问卷1136份，总体满意度94.5%。"),
    ("h1", "四、绩效自评结论"),
    ("p", "对照部门整体支出绩效评价指标，经自评，{unit}{year}年度部门整体支出绩效自评得分{score_total}分，评价等级为“{grade}”。"
          "其中：预算执行{score_0}分，产出指标{score_1}分，效益指标{score_2}分，满意度指标{score_3}分。"),
    ("h1", "五、存在的问题"),
    ("p", "（一）预算编制不够精细。部分维修项目前期论证不足，年中调整较多，影响预算执行均衡性。"),
    ("p", "（二）绩效目标量化不足。部分效益指标以定性描述为主，难以准确衡量资金使用效果。"),
    ("p", "（三）资产管理有待加强。部分老旧设备未及时办理报废处置，账实核对不够及时。"),
    ("h1", "六、改进措施"),
    ("p", "（一）加强预算编制的科学性，提前做好维修改造项目的论证和测算，按月跟踪预算执行进度。"),
    ("p", "（二）细化量化绩效目标，效益指标尽量采用可统计、可比较的数据。"),
    ("p", "（三）完善资产管理制度，定期开展资产清查，及时处置报废资产。"),
    ("p_right", "{unit}"),
    ("p_right", "{next_year}年3月20日"),
]

BASE = {
    "year": 2023,
    "unit": "漳源县第二中学",
    "format": "pdf",
    "vars": {"authorized": "132", "exec_rate": "96.8", "tp_actual": "1.86", "tp_change": "0.42"},
    "sums": [
        {"key": "staff", "fmt": "plain", "total": None, "parts": ["108", "18"]},
        {"key": "income", "total": None, "parts": ["3052.18", "186.40", "48.16"]},
        {"key": "spending", "total": None, "parts": ["2745.30", "436.32"]},
        {"key": "project_items", "total": None, "parts": ["185.60", "128.42", "122.30"]},
        {"key": "score", "fmt": "plain", "total": None, "parts": ["9.68", "47.5", "27.4", "9.02"]},
    ],
    "same": [["sums[project_items].total", "sums[spending].parts[1]"]],
    "grade_of": "sums[score].total",
    "outline": OUTLINE,
    "states": {
        "staffing.authorized": "vars.authorized",
        "staffing.actual": "sums[staff].total",
        "budget.executed": "sums[spending].total",
        "budget.execution_rate": "vars.exec_rate",
        "budget.execution_score": "sums[score].parts[0]",
        "spending.basic": "sums[spending].parts[0]",
        "spending.project": "sums[spending].parts[1]",
        "three_public.actual": "vars.tp_actual",
        "total_score": "sums[score].total",
        "grade": "grade",
    },
    "level1_summary": [
        {"name": "预算执行", "score": "sums[score].parts[0]"},
        {"name": "产出指标", "score": "sums[score].parts[1]"},
        {"name": "效益指标", "score": "sums[score].parts[2]"},
        {"name": "满意度指标", "score": "sums[score].parts[3]"},
    ],
}

FAULTS = [
    {"id": "F1", "kind": "income_parts_mismatch", "severity": "error",
     "set": {"sums[income].total": "3286.74", "sums[income].parts": ["3052.18", "168.40", "48.16"]},
     "trips": ["sum:income"],
     "where": "报告/二、部门整体收支情况/收入合计",
     "detail": "收入合计3,286.74万元，而财政拨款收入3,052.18万元、事业收入168.40万元、其他收入48.16万元三项合计3,268.74万元，相差18万元，收入合计与明细不符。",
     "evidence_numbers": [3286.74, 3052.18, 168.40, 48.16]},
    {"id": "F2", "kind": "headcount_parts_mismatch", "severity": "error",
     "set": {"sums[staff].total": "126", "sums[staff].parts": ["108", "16"]},
     "trips": ["sum:staff"],
     "where": "报告/一、部门（单位）基本情况/人员情况",
     "detail": "在编教职工126人，其中专任教师108人、行政后勤16人，合计124人，与126人不符。",
     "evidence_numbers": [126, 108, 16]},
    {"id": "F3", "kind": "stated_total_exceeds_parts", "severity": "error",
     "set": {"sums[project_items].total": "436.32", "sums[project_items].parts": ["185.60", "78.42", "122.30"]},
     "trips": ["sum:project_items"],
     "where": "报告/二、部门整体收支情况/项目支出",
     "detail": "项目支出436.32万元，所列用途校舍维修改造185.60万元、教学设备购置78.42万元、学生资助122.30万元合计仅386.32万元，"
               "尚有50万元未说明用途，项目支出总额与所列明细对不上。",
     "evidence_numbers": [436.32, 185.60, 78.42, 122.30]},
    {"id": "F4", "kind": "grade_mismatch", "severity": "error",
     "set": {"grade": "良"},
     "trips": ["grade"],
     "where": "报告/四、绩效自评结论",
     "detail": "自评得分93.6分，按90分（含）以上为“优”的标准应评为“优”，报告写为“良”，等级与得分不符。",
     "evidence_numbers": [93.6]},
    {"id": "F5", "kind": "template_text_left", "severity": "warning",
     "set": {"outline": [*OUTLINE[:-2], ("h1", "七、其他需要说明的情况"), ("p", "（如有，请在此说明。）"), *OUTLINE[-2:]]},
     "trips": ["template:（如有", "template:请在此"],
     "where": "报告/七、其他需要说明的情况",
     "detail": "“七、其他需要说明的情况”下保留了模板提示语“（如有，请在此说明。）”，未删除或填写实际内容。",
     "evidence_terms": ["如有，请在此说明", "其他需要说明的情况"]},
]

MUST_NOT_FLAG = {
    "both": [
        {"detail": "预算执行率96.8%只写比率、未写预算数和执行数，属表述简略，不是计算错误；按支出合计3,181.62万元÷收入合计3,286.74万元也为96.80%",
         "terms": ["96.8"]},
        {"detail": "核定编制132名与在编教职工126人是两个口径（编制数与实有人数），不是总数与明细不符", "terms": ["132"]},
        {"detail": "“三公”经费只写本年1.86万元和比上年减少0.42万元，未写上年数，不是缺项错误", "terms": ["三公"]},
        {"detail": "预算执行9.68分与执行率96.8%×10分一致", "terms": ["9.68"]},
    ],
    "ok": [
        {"detail": "纯文字自评报告（学校未附自评表）：不应把缺少表格当作错误或警告，最多作为提示", "terms": ["自评表", "附件"]},
    ],
    "faulty": [],
}
