"""One project's self-evaluation report with its form (清溪镇农村饮水安全巩固提升工程, fictional)."""

from __future__ import annotations

from data.common import funds, goals, indicators
from data.project_form import WATER, WATER_FUNDS, WATER_GOALS, WATER_INDICATORS
from jixiao.compose.filing import Filing, ProjectInfo

FILING = Filing(
    unit_name="石门县清溪镇人民政府", year=2024, short_name="我镇",
    filler="向红梅", phone="0736-5327081", fill_date="2025年3月16日", leader="覃建华",
    projects=[ProjectInfo(name=WATER, department="石门县水利局", implementer="清溪镇农业综合服务中心")],
    funds=funds(None, WATER_FUNDS),
    goals=goals(WATER_GOALS),
    indicators=indicators(WATER_INDICATORS),
    problems=["项目前期勘察不够细致，部分管线走向在施工中调整", "其他资金到位偏晚，影响部分入户工程进度"],
    measures=["加强项目前期勘察设计，减少施工中的变更", "提前落实配套资金，按工程进度及时拨付"],
    narrative={
        "project_overview": "清溪镇农村饮水安全巩固提升工程依据《石门县农村供水保障三年行动方案》立项，由清溪镇农业综合服务中心实施，"
                            "建设内容为新建供水管网12公里及配套入户设施，解决3个村饮水安全问题，实施期为2024年3月至11月。",
        "application": "自评结果将作为2025年项目预算安排和管护经费分配的重要依据，并按规定公开。",
    },
)
