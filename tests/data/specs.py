"""Specifications of the fictional reports that `build_fixtures.py` renders into every input format.

Every unit, place, person, phone number and figure here is invented.  Amounts are strings in the
document's own money unit (万元, or 元 where `money_unit == "元"`).  Figures that a report STATES
wrongly on purpose are listed in `mistakes`; the expected JSON follows what the document states.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Indicator:
    """One 三级指标 row of the 自评表; target/actual exactly as the form states them."""

    level1: str
    level2: str
    name: str
    target: str
    actual: str | None
    weight: str
    score: str
    reason: str = ""


@dataclass(frozen=True)
class Project:
    """One 项目支出 line: 预算数 and 决算(执行)数."""

    name: str
    budget: str
    executed: str


@dataclass(frozen=True)
class ThreePublic:
    """One column of 三公经费 in the 基础数据表."""

    car_purchase: str = "0"
    car_run: str = "0"
    abroad: str = "0"
    reception: str = "0"


@dataclass
class Report:
    """Everything one fictional report states."""

    stem: str
    style: str  # hunan | guangdong | external | chongqing
    unit_name: str
    short_name: str  # how the report calls itself: 我镇 / 本街道 ...
    year: int
    framework: str
    report_kind: str = "self_evaluation"
    money_unit: str = "万元"
    # staffing
    authorized: int | None = None
    actual_staff: int | None = None
    staff_admin: int | None = None
    staff_inst: int | None = None
    staff_in_narrative: bool = True
    # budget
    initial: str | None = None
    full_year: str | None = None
    executed: str | None = None
    execution_rate: str | None = None  # as stated, percent
    execution_score: str | None = None
    rev_general: str = "0"
    rev_fund: str = "0"
    rev_special: str = "0"
    rev_other: str = "0"
    # spending
    basic: str | None = None
    basic_wage: str | None = None
    basic_goods: str | None = None
    basic_individual: str | None = None
    project: str | None = None
    basic_share: str | None = None  # stated shares of the total (percent); None = computed
    project_share: str | None = None
    projects: list[Project] = field(default_factory=list)
    project_total_form: str | None = None  # 基础数据表 项目支出 决算数, when it differs
    # 三公经费: one column per year
    tp_prior: ThreePublic | None = None
    tp_budget: ThreePublic | None = None
    tp_actual: ThreePublic | None = None
    tp_change_stated: str | None = None  # "比上年减少 X" as stated, when it differs
    # 公用经费 rows of the 基础数据表: (上年决算, 本年预算, 本年决算)
    public_funds: tuple[str, str, str] | None = None
    office_funds: tuple[str, str, str] | None = None
    utility_funds: tuple[str, str, str] | None = None
    meeting_funds: tuple[str, str, str] | None = None
    procurement: tuple[str, str, str] | None = None
    # targets and scores
    goals: list[str] = field(default_factory=list)
    goals_done: str = ""
    indicators: list[Indicator] = field(default_factory=list)
    level1_weights: dict[str, int] = field(default_factory=dict)
    total_score: str | None = None
    grade: str | None = None
    level1_summary: list[tuple[str, int | None, str, str]] = field(default_factory=list)
    # narrative material
    county: str = ""
    address: str = ""
    institutions: str = ""
    duties: list[str] = field(default_factory=list)
    highlights: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    fund_note: str = ""
    evaluator: str = ""
    filler: str = ""
    phone: str = ""
    fill_date: str = ""
    features: set[str] = field(default_factory=set)
    mistakes: list[str] = field(default_factory=list)


HUNAN_WEIGHTS = {"产出指标": 50, "效益指标": 30, "满意度指标": 10}

Ind = Indicator

QINGSHI = Report(
    stem="hn_qingshi_2024",
    style="hunan",
    unit_name="沅澧县青石镇人民政府",
    short_name="我镇",
    year=2024,
    framework="output_outcome_satisfaction",
    authorized=68,
    actual_staff=64,
    staff_admin=30,
    staff_inst=38,
    initial="2486.35",
    full_year="3712.48",
    executed="3590.27",
    execution_rate="96.71",
    execution_score="9.67",
    rev_general="3104.66",
    rev_fund="212.50",
    rev_special="0",
    rev_other="395.32",
    basic="3234.07",
    basic_wage="2215.40",
    basic_goods="866.93",
    basic_individual="151.74",
    project="356.20",
    projects=[
        Project("青石河堤加固工程", "150.00", "148.60"),
        Project("农村人居环境整治专项", "95.00", "93.40"),
        Project("乡村振兴衔接资金配套项目", "80.00", "76.20"),
        Project("防汛抗旱应急经费", "40.00", "38.00"),
    ],
    project_total_form="356.02",
    tp_prior=ThreePublic(car_run="7.80", reception="1.26"),
    tp_budget=ThreePublic(car_run="7.00", reception="1.00"),
    tp_actual=ThreePublic(car_run="6.92", reception="0.85"),
    public_funds=("842.15", "790.00", "866.93"),
    office_funds=("301.20", "280.00", "312.55"),
    utility_funds=("45.32", "40.00", "38.76"),
    meeting_funds=("6.10", "5.00", "4.85"),
    procurement=("120.50", "150.00", "138.40"),
    goals=[
        "目标1：完成青石河堤加固工程，提升集镇防洪能力",
        "目标2：推进农村人居环境整治，完成农村改厕任务",
        "目标3：抓好安全生产和矛盾纠纷调处，维护社会稳定",
        "目标4：保障机关和村级组织正常运转",
    ],
    goals_done="青石河堤加固工程已完工验收；农村改厕完成112户；全年开展安全生产检查18次；机关和村级组织运转正常。",
    indicators=[
        Ind("产出指标", "数量指标", "农村道路养护里程", "≥45公里", "46.5公里", "6", "6"),
        Ind("产出指标", "数量指标", "农村改厕户数", "≥120户", "112户", "6", "6"),
        Ind("产出指标", "数量指标", "安全生产检查次数", "≥4次/季度", "18次/年", "5", "5"),
        Ind("产出指标", "质量指标", "河堤加固工程验收合格率", "=100%", "100%", "8", "8"),
        Ind("产出指标", "质量指标", "城乡居民医保参保率", "≥95%", "96.3%", "7", "7"),
        Ind("产出指标", "时效指标", "项目资金拨付及时率", "≥95%", "97%", "8", "8"),
        Ind("产出指标", "成本指标", "部门整体支出控制", "≤3712.48万元", "≤3712.48万元", "5", "5"),
        Ind("产出指标", "成本指标", "公用经费控制率", "≤100%", "109.7%", "5", "3",
          "公用经费超预算，下年度严格控制办公经费"),
        Ind("效益指标", "经济效益指标", "村集体经济年收入5万元以上村占比", "≥80%", "85%", "8", "8"),
        Ind("效益指标", "社会效益指标", "矛盾纠纷调处化解率", "≥95%", "98.2%", "8", "8"),
        Ind("效益指标", "生态效益指标", "农村生活垃圾无害化处理率", "≥90%", "92%", "7", "7"),
        Ind("效益指标", "可持续影响指标", "河堤防洪能力提升", "持续发挥效益", "达到二十年一遇防洪标准", "7", "6",
          "部分堤段护坡植被尚未成形"),
        Ind("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93.5%", "10", "10"),
    ],
    level1_weights=HUNAN_WEIGHTS,
    total_score="96.67",
    grade="优",
    county="沅澧县",
    address="沅澧县城东北28公里的青石河畔",
    institutions="下设党政综合办公室、党建工作办公室、经济发展办公室、社会事务办公室、平安建设办公室、"
    "自然资源和生态环境办公室、农业综合服务中心、便民服务中心、退役军人服务站、综合行政执法大队、财政所11个机构",
    duties=[
        "贯彻执行党和国家的路线方针政策，制定全镇经济社会发展规划并组织实施",
        "抓好安全生产、防汛抗旱、森林防火和矛盾纠纷调处，维护社会稳定",
        "负责农村人居环境整治、村镇建设和生态环境保护工作",
        "负责民政、社会保障、文化、卫生等社会公益事业",
        "完成县委、县人民政府交办的其他工作",
    ],
    highlights=[
        "青石河堤加固工程全面完工，新建护岸2.3公里，集镇防洪能力明显提升",
        "完成农村改厕112户，建成垃圾收集点26个，人居环境持续改善",
        "全年调处矛盾纠纷110起，调处成功108起，化解率98.2%",
    ],
    problems=[
        "预算编制精细化程度不够，年中追加项目较多，年初预算与全年预算差距较大",
        "个别绩效指标设置不够科学，农村改厕等指标受群众意愿影响未能全部完成",
        "公用经费控制不严，办公经费超出预算",
    ],
    measures=[
        "提高预算编制的科学性和准确性，减少年中追加",
        "规范绩效目标设置，做到指向明确、细化量化、合理可行",
        "严格执行公用经费支出标准，加强“三公”经费管理",
    ],
    filler="周敏",
    phone="0736-7812345",
    fill_date="2025年3月18日",
    features={"split_self_table", "textbox", "tbl_header", "merged_cells"},
    mistakes=[
        "农村改厕户数 target ≥120户, actual 112户, yet full marks 6/6",
        "部门整体支出控制: actual copied from target (≤3712.48万元)",
        "基础数据表 项目支出 决算数 356.02 vs narrative and 自评表 356.20",
    ],
)

BAISHA = Report(
    stem="hn_baisha_2023_yuan",
    style="hunan",
    unit_name="资江县白沙街道办事处",
    short_name="本街道",
    year=2023,
    framework="output_outcome_satisfaction",
    money_unit="元",
    authorized=55,
    actual_staff=58,
    staff_admin=22,
    staff_inst=33,
    initial="16384250.00",
    full_year="21905630.48",
    executed="20887104.36",
    execution_rate="97.35",
    execution_score="9.74",
    rev_general="18306630.48",
    rev_fund="1200000.00",
    rev_special="0",
    rev_other="2399000.00",
    basic="17654321.16",
    basic_wage="12603410.52",
    basic_goods="4212880.64",
    basic_individual="838030.00",
    project="3232783.20",
    basic_share="84.52",
    project_share="16.48",
    projects=[
        Project("老旧小区改造配套项目", "1500000.00", "1452300.00"),
        Project("社区网格化服务管理经费", "900000.00", "880483.20"),
        Project("背街小巷环境提升项目", "600000.00", "600000.00"),
        Project("街道应急救灾物资储备", "320000.00", "300000.00"),
    ],
    tp_prior=ThreePublic(car_run="52000.00", reception="18600.00"),
    tp_budget=ThreePublic(car_run="50000.00", reception="15000.00"),
    tp_actual=ThreePublic(car_run="48320.00", reception="21450.00"),
    public_funds=("4106500.00", "4000000.00", "4212880.64"),
    office_funds=("1520300.00", "1500000.00", "1498760.20"),
    utility_funds=("386420.00", "380000.00", "402315.50"),
    meeting_funds=("56800.00", "60000.00", "48200.00"),
    procurement=("2350000.00", "2600000.00", "2487600.00"),
    goals=[
        "完成老旧小区改造320户以上，改善居民居住条件",
        "推进12个社区网格化服务管理全覆盖",
        "整治背街小巷15条，提升城市人居环境",
    ],
    goals_done="完成老旧小区改造336户；12个社区网格化管理全覆盖；整治背街小巷15条。",
    indicators=[
        Ind("产出指标", "数量指标", "老旧小区改造户数", "≥320户", "336户", "8", "8"),
        Ind("产出指标", "数量指标", "网格化管理覆盖社区数", "12个", "12个", "6", "6"),
        Ind("产出指标", "数量指标", "背街小巷整治条数", "≥15条", "15条", "6", "6"),
        Ind("产出指标", "质量指标", "改造工程验收合格率", "100%", "100%", "8", "8"),
        Ind("产出指标", "质量指标", "社区矛盾纠纷化解率", "≥95%", "97.6%", "7", "7"),
        Ind("产出指标", "时效指标", "项目完成及时率", "≥95%", "90%", "7", "6",
          "两个小区因管线迁改延期，已督促施工单位加快进度"),
        Ind("产出指标", "成本指标", "老旧小区改造户均成本", "≤4700元/户", "4322元/户", "8", "8"),
        Ind("效益指标", "社会效益指标", "居民居住环境改善情况", "明显改善", "明显改善", "10", "10"),
        Ind("效益指标", "社会效益指标", "辖区刑事案件发案率同比下降", "≥5%", "6.8%", "10", "10"),
        Ind("效益指标", "可持续影响指标", "小区长效管护机制", "建立", "已建立", "10", "10"),
        Ind("满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "92%", "10", "10"),
    ],
    level1_weights=HUNAN_WEIGHTS,
    total_score="98.74",
    grade="优",
    county="资江县",
    address="资江县城区西北部",
    institutions="内设党政综合办公室、党建工作办公室、社会治理办公室、城市管理办公室、社会事务办公室5个机构，"
    "下设便民服务中心、综合行政执法队2个事业单位，辖12个社区",
    duties=[
        "贯彻执行党和国家的路线方针政策及县委、县政府的决定",
        "负责辖区城市管理、环境卫生和老旧小区改造相关工作",
        "负责社区建设、网格化服务管理和矛盾纠纷排查化解",
        "负责辖区民政、就业、社会保障等公共服务",
    ],
    highlights=[
        "完成老旧小区改造336户，更新供水管网4.2公里",
        "12个社区实现网格化服务管理全覆盖，全年办结群众诉求1260件",
    ],
    problems=[
        "实有人员超过核定编制，人员经费压力较大",
        "部分项目受管线迁改影响，完成进度滞后",
        "公务接待费超出年初预算",
    ],
    measures=[
        "严格控制编外用人，逐步消化超编人员",
        "加强项目前期论证，合理安排施工进度",
        "从严控制公务接待，确保“三公”经费只减不增",
    ],
    filler="谭丽华",
    phone="0737-4521088",
    fill_date="2024年3月25日",
    features={"yuan_thousands", "nested_table", "tbl_header", "merged_cells"},
    mistakes=[
        "执行率 stated 97.35% (20,887,104.36 / 21,905,630.48 = 95.35%); score 9.74 follows the wrong rate",
        "项目支出 share stated 16.48% (true 15.48%): shares add to 101%",
        "实际在职人数 58 over 编制数 55",
        "公务接待费 21,450.00 元 over its budget 15,000.00 元; 三公 total rises vs budget",
    ],
)

LIANHUA = Report(
    stem="hn_lianhua_2024_fullwidth",
    style="hunan",
    unit_name="梅岭县莲花乡人民政府",
    short_name="我乡",
    year=2024,
    framework="output_outcome_satisfaction",
    authorized=41,
    actual_staff=39,
    staff_admin=19,
    staff_inst=22,
    initial="1268.40",
    full_year="1845.92",
    executed="1786.35",
    execution_rate="96.77",
    execution_score="9.68",
    rev_general="1602.18",
    rev_fund="85.00",
    rev_special="0",
    rev_other="158.74",
    basic="1553.60",
    basic_wage="1102.34",
    basic_goods="389.46",
    basic_individual="61.80",
    project="232.75",
    projects=[
        Project("莲花乡集镇污水管网建设", "120.00", "118.45"),
        Project("高标准农田建设配套资金", "70.00", "66.30"),
        Project("森林防火专项经费", "30.00", "28.00"),
        Project("村级组织运转补助", "20.00", "20.00"),
    ],
    tp_prior=ThreePublic(car_run="5.40", reception="0.96"),
    tp_budget=ThreePublic(car_run="5.00", reception="0.80"),
    tp_actual=ThreePublic(car_run="4.88", reception="0.72"),
    public_funds=("372.10", "380.00", "389.46"),
    office_funds=("120.35", "118.00", "121.60"),
    utility_funds=("22.40", "20.00", "19.85"),
    meeting_funds=("2.30", "2.00", "1.95"),
    procurement=("65.00", "80.00", "72.30"),
    goals=[
        "建成集镇污水管网3.5公里以上",
        "完成高标准农田建设1200亩",
        "森林防火零重大火情",
    ],
    goals_done="建成污水管网3.6公里；完成高标准农田1200亩；全年未发生森林火灾。",
    indicators=[
        Ind("产出指标", "数量指标", "污水管网铺设长度", "≥3.5公里", "3.6公里", "8", "8"),
        Ind("产出指标", "数量指标", "高标准农田建设面积", "≥1200亩", "1200亩", "8", "8"),
        Ind("产出指标", "数量指标", "森林防火巡查次数", "≥2次/月", "30次/年", "6", "6"),
        Ind("产出指标", "质量指标", "农田工程验收合格率", "100%", "100%", "8", "8"),
        Ind("产出指标", "时效指标", "资金拨付完成时间", "2024年12月31日前", "2024年12月31日", "8", "8"),
        Ind("产出指标", "成本指标", "单位整体支出", "≤1845.92万元", "1786.35万元", "6", "6"),
        Ind("产出指标", "成本指标", "社会成本节约率", "≥0%", "≥0%", "6", "6"),
        Ind("效益指标", "经济效益指标", "农业产值增长率", "≥5%", "5.8%", "8", "8"),
        Ind("效益指标", "社会效益指标", "集镇污水收集处理率", "≥85%", "80%", "8", "7", "部分农户未接入管网"),
        Ind("效益指标", "生态效益指标", "森林火灾受害率", "≤0.9‰", "0", "7", "7"),
        Ind("效益指标", "可持续影响指标", "促进乡村振兴", "效果明显", "效果明显", "7", "7"),
        Ind("满意度指标", "服务对象满意度指标", "群众满意度", "≥95%", "96%", "10", "10"),
    ],
    level1_weights=HUNAN_WEIGHTS,
    total_score="99.68",
    grade="优",
    county="梅岭县",
    address="梅岭县南部山区",
    institutions="内设党政综合办公室、经济发展办公室、社会事务办公室、平安建设办公室4个机构，"
    "下设农业综合服务中心、便民服务中心2个事业单位",
    duties=[
        "贯彻执行党和国家的方针政策，组织实施全乡经济社会发展规划",
        "负责农业农村、林业生产和森林防火工作",
        "负责集镇建设、环境卫生和生态保护",
        "负责社会事务、民政和公共服务",
    ],
    highlights=[
        "建成集镇污水管网3.6公里，集镇生活污水收集处理率达到80%",
        "完成高标准农田建设1200亩，全乡粮食播种面积稳定",
    ],
    problems=[
        "部分农户生活污水未接入管网，收集处理率未达目标",
        "绩效目标设置偏重定性描述，可衡量性不足",
    ],
    measures=[
        "加快污水管网入户工程建设",
        "细化量化绩效指标，加强绩效运行监控",
    ],
    filler="欧阳华",
    phone="0738-3365120",
    fill_date="2025年3月12日",
    features={"fullwidth", "tbl_header", "merged_cells"},
    mistakes=[
        "总分 99.68 stated, yet 9.68 + row scores 89 = 98.68",
        "社会成本节约率: actual copied from target (≥0%)",
        "促进乡村振兴: qualitative target '效果明显' with full marks",
    ],
)

HEGANG = Report(
    stem="gd_hegang_2024",
    style="guangdong",
    unit_name="江城市北岭区禾岗镇人民政府",
    short_name="我镇",
    year=2024,
    framework="duty_efficiency",
    authorized=72,
    actual_staff=68,
    initial="21350.00",
    full_year="28460.35",
    executed="26918.72",
    execution_rate="94.58",
    basic="9876.40",
    project="17042.32",
    tp_prior=ThreePublic(car_run="12.40", reception="4.50"),
    tp_budget=ThreePublic(car_run="14.00", reception="4.50"),
    tp_actual=ThreePublic(car_run="11.86", reception="3.40"),
    level1_summary=[("履职效能", 50, "43.60", "87.20%"), ("管理效率", 50, "45.00", "90.00%")],
    total_score="88.60",
    grade="优",
    highlights=[
        "禾岗大道升级改造工程完工通车，新增停车泊位420个",
        "完成雨污分流管网建设11.6公里",
        "新增市场主体1086户，引进产业项目6个",
    ],
    problems=[
        "部分项目前期工作不充分，支出进度滞后，预算执行率未达95%",
        "绩效目标设置偏重产出，效益指标可衡量性不强",
        "绩效管理人员多为兼职，专业能力不足",
    ],
    measures=[
        "加强项目储备和前期论证，按月通报支出进度",
        "完善绩效指标体系，提高目标设置质量",
        "加强绩效管理业务培训",
    ],
    features={"narrative_only", "score_table"},
    mistakes=["grade stated 优 for 88.60 (band 良 is [80,90))"],
)

LIUXI = Report(
    stem="sx_liuxi_2024_external",
    style="external",
    unit_name="洋河县柳溪镇人民政府",
    short_name="柳溪镇",
    year=2024,
    framework="input_process_output_outcome",
    report_kind="external_evaluation",
    authorized=62,
    actual_staff=59,
    staff_admin=28,
    staff_inst=34,
    initial="1125.60",
    full_year="1893.44",
    executed="1712.08",
    execution_rate="90.42",
    basic="1286.53",
    project="425.55",
    level1_summary=[
        ("投入", 20, "17.50", "87.50%"),
        ("过程", 25, "22.30", "92.20%"),
        ("产出", 35, "33.15", "94.71%"),
        ("效益", 20, "16.60", "83.00%"),
    ],
    total_score="89.55",
    grade="良",
    evaluator="陕西恒信达项目管理咨询有限公司",
    institutions="综合办公室、党建工作办公室、经济发展办公室、平安法治办公室、便民服务中心、"
    "综合行政执法队、农业农村综合服务中心7个",
    highlights=[
        "完成柳溪河道综合治理2.8公里，新建防洪堤1.2公里",
        "全年排查化解矛盾纠纷146件，化解率100%",
        "茶产业基地扩建600亩，带动农户增收",
    ],
    problems=[
        "绩效目标与年度重点工作结合不紧密，部分指标无评价标准",
        "预算调整幅度较大，调整后预算较年初增长68.2%",
        "固定资产账实不符，部分办公设备闲置",
    ],
    measures=[
        "结合年度重点任务科学设置绩效目标和指标",
        "提高年初预算编制的完整性，减少年中调整",
        "开展固定资产清查，盘活闲置资产",
    ],
    features={"narrative_only", "level1_summary_table"},
    mistakes=["过程 得分率 stated 92.20% (22.30/25 = 89.20%)"],
)

LONGFENG = Report(
    stem="cq_longfeng_2023",
    style="chongqing",
    unit_name="彭溪县龙凤镇人民政府",
    short_name="我镇",
    year=2023,
    framework="output_outcome_satisfaction",
    authorized=48,
    staff_admin=21,
    staff_inst=27,
    full_year="2964.18",
    executed="2736.52",
    execution_rate="93.20",
    total_score="98.5",
    county="彭溪县",
    features={"narrative_only"},
    mistakes=["资金执行率 stated 93.20% (2736.52 / 2964.18 = 92.32%)"],
)

JINQIAO = Report(
    stem="hn_jinqiao_2023_rows_gb18030",
    style="hunan",
    unit_name="涟江县金桥镇人民政府",
    short_name="我镇",
    year=2023,
    framework="output_outcome_satisfaction",
    authorized=96,
    actual_staff=91,
    staff_admin=40,
    staff_inst=56,
    initial="2860.15",
    full_year="4126.80",
    executed="3985.42",
    execution_rate="96.57",
    execution_score="9.66",
    rev_general="3526.80",
    rev_fund="300.00",
    rev_special="0",
    rev_other="300.00",
    basic="3412.66",
    basic_wage="2420.18",
    basic_goods="851.20",
    basic_individual="141.28",
    project="572.76",
    projects=[
        Project("金桥集镇提质改造项目", "300.00", "286.50"),
        Project("农村安全饮水巩固提升工程", "180.00", "172.26"),
        Project("党费专项-防汛抢险救灾", "64.00", "64.00"),
        Project("党费专项-活动经费", "50.00", "50.00"),
    ],
    tp_prior=ThreePublic(car_run="10.20", reception="2.35"),
    tp_budget=ThreePublic(car_run="9.00", reception="2.00"),
    tp_actual=ThreePublic(car_run="8.76", reception="2.10"),
    tp_change_stated="1.96",
    public_funds=("866.40", "820.00", "851.20"),
    office_funds=("305.10", "300.00", "296.44"),
    utility_funds=("33.60", "30.00", "31.25"),
    meeting_funds=("3.20", "2.00", "2.65"),
    goals=[
        "目标1：抓好安全生产、综治维稳工作，定期检查消防设施",
        "目标2：推进金桥集镇提质改造，完善公共设施",
        "目标3：巩固农村安全饮水成果",
        "目标4：完成县委、县政府交办的其他事项",
    ],
    goals_done="全年完成目标任务，集镇提质改造主体工程完工，农村安全饮水巩固提升工程惠及1.2万人。",
    indicators=[
        Ind("产出指标", "数量指标", "安全生产消防检查次数", "≥1次/月", "15次/年", "8", "8"),
        Ind("产出指标", "数量指标", "便民服务中心办件量", "≥3000件", "3412件", "7", "7"),
        Ind("产出指标", "质量指标", "城乡居民医保收缴率", "=100%", "97%", "10", "9"),
        Ind("产出指标", "时效指标", "资金拨付完成时间", "2023年12月31日", "2023年12月31日", "10", "10"),
        Ind("产出指标", "成本指标", "单位整体经费", "≤4126.80万元", None, "5", "5"),
        Ind("产出指标", "成本指标", "社会成本节约率", "≥0%", "≥0%", "5", "5"),
        Ind("产出指标", "成本指标", "生态环境成本节约率", "≥0%", "≥0%", "5", "5"),
        Ind("效益指标", "经济效益指标", "促进集镇商贸发展", "效果明显", "效果明显", "8", "8"),
        Ind("效益指标", "社会效益指标", "保障群众饮水安全", "效果明显", "受益人口1.2万人", "8", "8"),
        Ind("效益指标", "生态效益指标", "改善集镇人居环境", "效果明显", "效果明显", "7", "7"),
        Ind("效益指标", "可持续影响指标", "提升基层治理能力", "效果明显", "效果明显", "7", "7"),
        Ind("满意度指标", "服务对象满意度指标", "群众对政府满意度", "≥95%", "96.5%", "10", "10"),
    ],
    level1_weights=HUNAN_WEIGHTS,
    total_score="98.66",
    grade="优",
    county="涟江县",
    institutions="下设党政办公室、党建办公室、经济发展办公室、平安法治和应急管理办公室、社会事务服务中心、"
    "农业综合服务中心、退役军人服务站、综合执法大队、财政所9个职能部门",
    duties=[
        "守牢安全生产红线，常态化抓好森林防灭火、道路交通安全、自建房安全排查整治",
        "制定并组织实施村镇建设规划，部署重点工程建设",
        "负责民政、文化、卫生等社会公益事业的综合性工作",
        "完成县委、县人民政府交办的其他工作",
    ],
    highlights=[],
    problems=[
        "预算绩效管理机制不完善，绩效目标量化不够",
        "部分指标未填写实际完成值，佐证资料不全",
    ],
    measures=[
        "提高预算编制科学性，细化量化绩效目标",
        "加强绩效业务培训，完善佐证资料",
    ],
    filler="李红梅",
    phone="0731-5566123",
    fill_date="2024.3",
    features={"text_rows", "gb18030", "latex", "fullwidth", "spaces", "page_break_cut"},
    mistakes=[
        "三公经费 '比上年减少 1.96 万元' (12.55 - 10.86 = 1.69)",
        "单位整体经费: no actual value, yet full marks 5/5",
    ],
)

FENGLIN = Report(
    stem="hn_fenglin_2024_cells_utf16",
    style="hunan",
    unit_name="宁湘县枫林镇人民政府",
    short_name="枫林镇",
    year=2024,
    framework="output_outcome_satisfaction",
    authorized=83,
    actual_staff=80,
    initial="2105.30",
    full_year="3288.64",
    executed="3241.09",
    execution_rate="98.55",
    execution_score="9.86",
    rev_general="2740.64",
    rev_fund="48.00",
    rev_special="0",
    rev_other="500.00",
    basic="2655.37",
    basic_wage="1890.22",
    basic_goods="668.15",
    basic_individual="97.00",
    project="585.72",
    projects=[
        Project("枫林镇中心小学周边道路改造", "260.00", "255.72"),
        Project("油茶产业发展扶持资金", "150.00", "150.00"),
        Project("农村公路安防工程", "120.00", "110.00"),
        Project("村级阵地建设", "70.00", "70.00"),
    ],
    tp_prior=ThreePublic(car_run="6.50", reception="3.20"),
    tp_budget=ThreePublic(car_run="6.00", reception="3.00"),
    tp_actual=ThreePublic(car_run="5.86", reception="2.74"),
    public_funds=("640.20", "650.00", "668.15"),
    office_funds=("210.45", "200.00", "226.30"),
    utility_funds=("41.20", "40.00", "38.70"),
    meeting_funds=("8.60", "8.00", "7.45"),
    procurement=("180.00", "200.00", "214.50"),
    goals=["领导本地区经济、政治、文化、社会、生态文明建设等各项工作，依法行使国家管理和服务职能。"],
    goals_done="完成情况较好",
    indicators=[
        Ind("产出指标", "数量指标", "新增市场主体", "80家", "96家", "4", "4"),
        Ind("产出指标", "数量指标", "油茶新造面积", "1500亩", "1620亩", "4", "4"),
        Ind("产出指标", "数量指标", "农村公路安防工程里程", "25公里", "22公里", "4", "4"),
        Ind("产出指标", "数量指标", "村级阵地新建改建", "3个", "3个", "4", "4"),
        Ind("产出指标", "数量指标", "防返贫监测户帮扶覆盖率", "100%", "100%", "4", "4"),
        Ind("产出指标", "质量指标", "道路工程验收合格率", "100%", "100%", "5", "5"),
        Ind("产出指标", "质量指标", "油茶苗木成活率", "≥85%", "88%", "5", "5"),
        Ind("产出指标", "质量指标", "各项工作合格率", "100%", "100%", "4", "4"),
        Ind("产出指标", "时效指标", "各个项目完成时间", "按计划完成", "基本按计划完成", "4", "4"),
        Ind("产出指标", "时效指标", "预算执行率", "≥95%", "98.55%", "4", "4"),
        Ind("产出指标", "成本指标", "基本支出", "2655.37万元", "2655.37万元", "4", "4"),
        Ind("产出指标", "成本指标", "项目支出", "600万元", "585.72万元", "4", "4"),
        Ind("效益指标", "经济效益指标", "油茶产业增收", "≥300万元", "326万元", "5", "5"),
        Ind("效益指标", "经济效益指标", "村集体经济增收", "≥150万元", "162.4万元", "5", "5"),
        Ind("效益指标", "社会效益指标", "道路通行安全", "显著提升", "显著提升", "5", "5"),
        Ind("效益指标", "社会效益指标", "法治宣传覆盖率", "100%", "100%", "5", "5"),
        Ind("效益指标", "生态效益指标", "人居环境整治完成率", "95%", "95%", "5", "5"),
        Ind("效益指标", "可持续影响指标", "产业带动农户增收", "持续带动", "带动农户210户", "5", "5"),
        Ind("满意度指标", "服务对象满意度指标", "群众满意度", "95%", "97%", "5", "5"),
        Ind("满意度指标", "服务对象满意度指标", "服务对象满意度", "95%", "96%", "5", "5"),
    ],
    level1_weights=HUNAN_WEIGHTS,
    total_score="99.86",
    grade=None,
    county="宁湘县",
    institutions="根据上级文件要求共设置6个内设机构、1个执法机构、4个直属事业单位",
    duties=[
        "领导本地区经济、政治、文化、社会、生态文明建设等各项工作和基层社会治理",
        "依法行使国家管理和服务职能",
    ],
    highlights=[
        "新增市场主体96家，油茶新造1620亩",
        "完成中心小学周边道路改造1.8公里",
    ],
    problems=[
        "年初预算编制精细化不够，追加项目较多",
        "部门预算编制与政府工作计划不同步",
    ],
    measures=[
        "科学合理编制政府采购预算",
        "加强预算管理人员培训",
    ],
    filler="",
    phone="",
    fill_date="",
    staff_in_narrative=True,
    features={"text_cells", "utf16", "page_break_table", "fullwidth"},
    mistakes=[
        "农村公路安防工程里程 target 25公里, actual 22公里, yet full marks 4/4",
        "各个项目完成时间 '基本按计划完成' with full marks",
        "公用经费决算 668.15 over 预算 650.00; 政府采购 214.50 over 200.00",
    ],
)

REPORTS = [QINGSHI, BAISHA, LIANHUA, HEGANG, LIUXI, LONGFENG, JINQIAO, FENGLIN]
BY_STEM = {r.stem: r for r in REPORTS}
