"""Layout 2 — a county 教育局's project self-evaluations as one .xlsx workbook, a sheet per project (Guizhou)."""

META = {
    "stem": "gz_panxi_2022_project_workbook",
    "family": "project_workbook",
    "format": "xlsx",
    "province": "贵州",
    "document_kind": "project_form",
    "layout": "project 自评表 workbook, xlsx, three projects one sheet each: 指标性质 (定量/定性) column; "
              "指标值 split into 符号 | 数值 cells with a 度量单位 column and a 参考分值 header; "
              "年初预算数（A）/全年执行数（B） with 执行率 = B/A and no 全年预算数",
    "exercises": "several forms in one file (projects[]), numbers as numbers with #,##0.00 and 0.00% formats, "
                 "two-row header with merged 年度指标值 over 符号/数值, '—' in source rows",
}


BASE = {
    "year": 2022,
    "unit": "盘溪县教育局",
    "money_unit": "万元",
    "fill_date": "2023年3月10日",
    "projects": [
        {"sheet": "营养改善计划", "name": "2022年农村义务教育学生营养改善计划", "department": "盘溪县教育局",
         "implementer": "盘溪县学生资助管理中心", "filler": "龙安琪", "phone": "0854-6213372"},
        {"sheet": "薄弱环节改善", "name": "2022年义务教育薄弱环节改善与能力提升项目", "department": "盘溪县教育局",
         "implementer": "盘溪县教育局计划财务股", "filler": "杨文斌", "phone": "0854-6213365"},
        {"sheet": "校园安保", "name": "2022年中小学校园安保经费", "department": "盘溪县教育局",
         "implementer": "盘溪县教育局安全稳定股", "filler": "吴海燕", "phone": "0854-6213380"},
    ],
    "forms": [
        {
            "style": "nature",
            "declare_level1": False,
            "funds": {"weight": "10", "rows": [
                {"label": "年度资金总额"},
                {"label": "当年财政拨款", "initial": "612.00", "full_year": "560.00", "executed": "551.72"},
                {"label": "上年结转资金", "initial": "0.00", "full_year": "38.40", "executed": "38.40"},
                {"label": "其他资金", "initial": "—", "full_year": "—", "executed": "—"},
            ]},
            "goals": {
                "expected": "保障全县46所农村义务教育学校8500名以上学生在校就餐，按每生每天5元标准提供营养膳食补助，"
                            "确保不发生食品安全事故，逐步改善农村学生营养健康状况。",
                "achieved": "全县46所农村义务教育学校全部实现食堂供餐，受益学生8632人，补助标准每生每天5元，补助资金按时足额拨付，"
                            "全年未发生食品安全事故，学生体质健康合格率较上年提高1.6个百分点。",
            },
            "indicators": [
                {"l1": "产出指标", "l2": "数量指标", "name": "受益学生人数", "cmp": "≥", "tv": "8500", "unit": "人", "av": "8632", "w": "10"},
                {"l1": "产出指标", "l2": "数量指标", "name": "供餐学校数量", "cmp": "=", "tv": "46", "unit": "所", "av": "46", "w": "10"},
                {"l1": "产出指标", "l2": "质量指标", "name": "食品安全事故发生次数", "cmp": "=", "tv": "0", "unit": "次", "av": "0", "w": "10"},
                {"l1": "产出指标", "l2": "时效指标", "name": "补助资金按时拨付率", "cmp": "=", "tv": "100", "unit": "%", "av": "100", "w": "10"},
                {"l1": "产出指标", "l2": "成本指标", "name": "营养膳食补助标准", "cmp": "=", "tv": "5", "unit": "元/生·天", "av": "5", "w": "10"},
                {"l1": "效益指标", "l2": "社会效益指标", "name": "学生营养健康状况", "cmp": "qual", "target": "逐步改善",
                 "actual": "体质健康合格率较上年提高1.6个百分点", "w": "15"},
                {"l1": "效益指标", "l2": "可持续影响指标", "name": "营养改善计划长效运行机制", "cmp": "qual", "target": "持续有效",
                 "actual": "46所学校全部落实食材统一采购和校领导陪餐制度", "w": "15"},
                {"l1": "满意度指标", "l2": "服务对象满意度指标", "name": "学生及家长满意度", "cmp": "≥", "tv": "90", "unit": "%", "av": "94.6", "w": "10"},
            ],
        },
        {
            "style": "split",
            "declare_level1": False,
            "weight_column": "参考分值",
            "funds": {"weight": "10", "rows": [
                {"label": "年度资金总额"},
                {"label": "当年财政拨款", "initial": "380.00", "full_year": "420.00", "executed": "401.26"},
                {"label": "上年结转资金", "initial": "0.00", "full_year": "65.00", "executed": "65.00"},
                {"label": "其他资金", "initial": "—", "full_year": "—", "executed": "—"},
            ]},
            "goals": {
                "expected": "新建（改扩建）校舍3200平方米，购置课桌椅1200套，改造学校食堂4所，工程验收合格率100%，"
                            "项目学校办学条件达标率达到90%以上。",
                "achieved": "新建（改扩建）校舍3260平方米，购置课桌椅1200套，改造学校食堂4所，工程全部验收合格；"
                            "2所学校食堂改造延至次年1月完工；项目学校办学条件达标率93%。",
            },
            "indicators": [
                {"l1": "产出指标", "l2": "数量指标", "name": "新建（改扩建）校舍面积", "cmp": "≥", "tv": "3200", "unit": "平方米", "av": "3260", "w": "10"},
                {"l1": "产出指标", "l2": "数量指标", "name": "购置课桌椅", "cmp": "≥", "tv": "1200", "unit": "套", "av": "1200", "w": "8"},
                {"l1": "产出指标", "l2": "数量指标", "name": "改造学校食堂数量", "cmp": "≥", "tv": "4", "unit": "所", "av": "4", "w": "7"},
                {"l1": "产出指标", "l2": "质量指标", "name": "工程验收合格率", "cmp": "=", "tv": "100", "unit": "%", "av": "100", "w": "10"},
                {"l1": "产出指标", "l2": "时效指标", "name": "项目完工及时率", "cmp": "≥", "tv": "95", "unit": "%", "av": "92", "w": "7",
                 "reason": "2所学校食堂改造受雨季影响延期，已于2023年1月完工；今后合理安排施工工期"},
                {"l1": "产出指标", "l2": "成本指标", "name": "校舍建设单位造价", "cmp": "≤", "tv": "2600", "unit": "元/平方米", "av": "2540", "w": "8"},
                {"l1": "效益指标", "l2": "社会效益指标", "name": "项目学校办学条件达标率", "cmp": "≥", "tv": "90", "unit": "%", "av": "93", "w": "15"},
                {"l1": "效益指标", "l2": "可持续影响指标", "name": "校舍设计使用年限", "cmp": "≥", "tv": "50", "unit": "年", "av": "50", "w": "15"},
                {"l1": "满意度指标", "l2": "服务对象满意度指标", "name": "师生满意度", "cmp": "≥", "tv": "90", "unit": "%", "av": "95", "w": "10"},
            ],
        },
        {
            "style": "ab",
            "declare_level1": False,
            "funds": {"weight": "10", "base": "initial", "rows": [
                {"label": "年度资金总额"},
                {"label": "当年财政拨款", "initial": "45.00", "executed": "43.20"},
                {"label": "其他资金", "initial": "—", "executed": "—"},
            ]},
            "goals": {
                "expected": "保障全县92名中小学专职保安工资按月发放，维护校园视频监控点位360个以上，"
                            "杜绝校园重大安全责任事故，提升校园安全防范能力。",
                "achieved": "聘用专职保安92名，工资按月足额发放；维护视频监控点位372个，实现中小学“一键报警”全覆盖；"
                            "全年未发生校园重大安全责任事故。",
            },
            "indicators": [
                {"l1": "产出指标", "l2": "数量指标", "name": "聘用专职保安人数", "cmp": "≥", "tv": "92", "unit": "人", "av": "92", "w": "15"},
                {"l1": "产出指标", "l2": "数量指标", "name": "视频监控点位维护数量", "cmp": "≥", "tv": "360", "unit": "个", "av": "372", "w": "10"},
                {"l1": "产出指标", "l2": "质量指标", "name": "校园重大安全责任事故", "cmp": "=", "tv": "0", "unit": "起", "av": "0", "w": "15"},
                {"l1": "产出指标", "l2": "时效指标", "name": "保安工资按月发放率", "cmp": "=", "tv": "100", "unit": "%", "av": "100", "w": "10"},
                {"l1": "效益指标", "l2": "社会效益指标", "name": "校园安全防范能力", "cmp": "qual", "target": "明显提升",
                 "actual": "“一键报警”全覆盖，封闭化管理达标率100%", "w": "20"},
                {"l1": "效益指标", "l2": "可持续影响指标", "name": "校园安全长效机制", "cmp": "qual", "target": "持续运行",
                 "actual": "全县学校护校队和领导带班值班制度全部建立并运行", "w": "10"},
                {"l1": "满意度指标", "l2": "服务对象满意度指标", "name": "师生及家长安全感满意度", "cmp": "≥", "tv": "90", "unit": "%", "av": "96.2", "w": "10"},
            ],
        },
    ],
}

FAULTS = [
    {"id": "F1", "kind": "comparator_direction_wrong", "severity": "warning",
     "set": {"forms[0].indicators[受益学生人数].cmp": "≤", "forms[0].indicators[受益学生人数].av": "8460",
             "forms[0].goals.achieved": "全县46所农村义务教育学校全部实现食堂供餐，受益学生8460人，补助标准每生每天5元，补助资金按时足额拨付，"
                                        "全年未发生食品安全事故，学生体质健康合格率较上年提高1.6个百分点。"},
     "where": "营养改善计划/绩效指标/受益学生人数",
     "detail": "“受益学生人数”是越多越好的数量指标，年度指标值却写为“≤8500人”，比较方向错误；按“≥8500人”衡量，"
               "实际受益8460人未达到目标，得满分10分依据不足。",
     "evidence_numbers": [8500, 8460]},
    {"id": "F2", "kind": "money_as_output_quantity", "severity": "warning",
     "set": {"forms[0].indicators[供餐学校数量].name": "营养改善补助资金", "forms[0].indicators[营养改善补助资金].cmp": "≥",
             "forms[0].indicators[营养改善补助资金].tv": "590", "forms[0].indicators[营养改善补助资金].unit": "万元",
             "forms[0].indicators[营养改善补助资金].av": "590.12"},
     "where": "营养改善计划/绩效指标/营养改善补助资金",
     "detail": "数量指标“营养改善补助资金≥590万元”以资金投入额作为产出数量，属于投入而非产出，不能反映项目产出，"
               "应改为供餐学校数、受益学生人数等实物量指标。",
     "evidence_numbers": [590, 590.12]},
    {"id": "F3", "kind": "nonstandard_level2_name", "severity": "warning",
     "set": {"forms[1].indicators[项目完工及时率].l2": "日效性指标"},
     "where": "薄弱环节改善/绩效指标/项目完工及时率",
     "detail": "二级指标“日效性指标”不是规范的指标名称，应为“时效指标”。",
     "evidence_terms": ["日效性指标"]},
    {"id": "F4", "kind": "total_not_sum_of_scores", "severity": "error",
     "set": {"forms[1].total": "99.93"},
     "trips": ["total"],
     "where": "薄弱环节改善/总分",
     "detail": "“薄弱环节改善”项目总分填报99.93分，预算执行得分9.61分与各项指标得分89.78分合计应为99.39分，总分与明细不符（疑为数字颠倒）。",
     "evidence_numbers": [99.93, 9.61]},
    {"id": "F5", "kind": "low_execution_but_full_delivery", "severity": "warning",
     "set": {"forms[2].funds.rows[当年财政拨款].executed": "22.50",
             "forms[2].goals.achieved": "全面完成年度目标，聘用专职保安92名，维护视频监控点位372个，各项安保措施全部落实到位，"
                                        "全年未发生校园重大安全责任事故。"},
     "trips": ["low_execution"],
     "where": "校园安保/项目资金/年度资金总额",
     "detail": "“校园安保经费”年初预算45.00万元，全年仅执行22.50万元，执行率50.00%，而自评称“全面完成年度目标”、"
               "各项产出指标均得满分，资金执行与产出完成情况明显不匹配，需核实保安工资是否欠付或产出是否虚报。",
     "evidence_numbers": [45.00, 22.50, 50]},
    {"id": "F6", "kind": "missing_satisfaction_indicator", "severity": "warning",
     "drop": ["forms[2].indicators[师生及家长安全感满意度]"],
     "set": {"forms[2].indicators[校园安全防范能力].w": "25", "forms[2].indicators[校园安全长效机制].w": "15"},
     "where": "校园安保/绩效指标/满意度指标",
     "detail": "“校园安保经费”绩效指标未设置满意度指标（服务对象满意度），指标体系不完整，应补充师生及家长满意度指标。",
     "evidence_terms": ["满意度指标", "满意度"]},
]

MUST_NOT_FLAG = {
    "both": [
        {"detail": "“薄弱环节改善”表用“参考分值”列表示指标分值，分值齐全，不是缺少分值列", "terms": ["参考分值"]},
        {"detail": "“校园安保”表只有年初预算数（A）和全年执行数（B），执行率按B/A计算，不是缺少全年预算数或执行率错误",
         "terms": ["全年预算数", "B/A"]},
        {"detail": "其他资金行填“—”表示无此来源，不是漏填", "terms": ["—", "其他资金"]},
        {"detail": "项目自评表没有评价等级栏，未写等级不是缺项", "terms": ["等级"]},
        {"detail": "三张项目自评表各自计分，不应要求部门整体的基础数据表或总体得分", "terms": ["基础数据表"]},
        {"detail": "“项目完工及时率”92%低于95%，已按比例得6.78分并说明原因，计分正确", "terms": ["项目完工及时率"]},
        {"detail": "“食品安全事故发生次数”“校园重大安全责任事故”目标为“=0”，实际0，已达标", "terms": ["食品安全事故发生次数", "校园重大安全责任事故"]},
    ],
    "ok": [],
    "faulty": [],
}
