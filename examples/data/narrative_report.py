"""A report without forms (白沙县卫生健康局 is fictional): every figure stated in sentences."""

from __future__ import annotations

from decimal import Decimal as D

from data.common import goals, indicators, years
from jixiao.compose.filing import Filing, ProjectSpending

INDICATORS = [
    ("产出指标", "数量指标", "家庭医生签约服务人数", "10", "≥", "52000", "53860", "人"),
    ("产出指标", "质量指标", "适龄儿童免疫规划疫苗接种率", "10", "≥", "95", "97.8", "%"),
    ("产出指标", "时效指标", "基本公共卫生服务补助资金拨付及时率", "15", "=", "100", "100", "%"),
    ("产出指标", "成本指标", "公用经费控制率", "15", "≤", "100", "97.4", "%"),
    ("效益指标", "社会效益指标", "高血压患者规范管理率", "15", "≥", "65", "61.5", "%", "部分偏远村患者随访不到位，下年度增加巡回随访"),
    ("效益指标", "可持续影响指标", "县域医共体运行机制", "15", "定性", "建立并运行", "已全部建立并运行"),
    ("满意度指标", "服务对象满意度指标", "群众就医满意度", "10", "≥", "90", "92.3", "%"),
]

FILING = Filing(
    unit_name="白沙县卫生健康局", year=2024, short_name="我局",
    authorized=38, admin_staff=16, institution_staff=22, actual_staff=35,
    filler="欧阳晓", phone="0898-2761342", fill_date="2025年3月12日",
    initial=D("4230.50"), full_year=D("4688.12"), executed=D("4521.06"),
    general=D("4488.12"), fund=D("0"), special=D("0"), other=D("200.00"),
    basic=D("865.31"), project=D("3655.75"),
    wages=D("640.27"), goods=D("188.46"), individual=D("36.58"),
    three_public=[years("公车购置", "0", "0", "0"), years("公车运行维护", "4.80", "4.50", "4.12"),
                  years("因公出国（境）", "0", "0", "0"), years("公务接待", "1.10", "1.00", "0.86")],
    project_spending=[ProjectSpending(name="基本公共卫生服务项目", budget=D("2860.00"), actual=D("2812.45")),
                      ProjectSpending(name="医共体建设补助", budget=D("900.00"), actual=D("843.30"))],
    goals=goals([("做实家庭医生签约服务，签约52000人以上", "家庭医生签约服务53860人"),
                 ("落实国家免疫规划，适龄儿童接种率95%以上", "适龄儿童免疫规划疫苗接种率97.8%")]),
    indicators=indicators(INDICATORS),
    problems=["慢性病患者规范管理率未达目标，基层随访力量不足", "部分项目资金支付进度偏慢"],
    measures=["充实乡镇卫生院公共卫生人员，推行巡回随访", "按月通报项目资金支付进度，督促加快执行"],
    narrative={
        "institutions": "白沙县卫生健康局是县人民政府工作部门，为财政全额拨款的一级预算单位，内设办公室、规划财务股、医政医管股、"
                        "疾病预防控制股4个股室。",
        "duties": "组织实施卫生健康政策和发展规划\n负责基本公共卫生服务和疾病预防控制\n统筹推进县域医共体建设",
        "management": "我局按月跟踪预算执行进度，专项资金实行专账管理，年度结束后按规定公开决算信息。",
        "conclusion": "2024年，我局统筹推进基本公共卫生服务和医共体建设，年度绩效目标基本完成。",
        "analysis": "家庭医生签约服务53860人，超额完成任务\n县域医共体运行机制全面建立",
    },
)
