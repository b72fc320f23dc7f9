"""The fill-in workbooks' layout: their sheets, labelled fields and table columns.

One description serves the template writer (`template.py`) and the reader (`cells.py`), so a cell
reference such as `绩效指标!F12` means the same thing in the template, in an error message and in
the code.  Two kinds of sheet:

- a *form sheet*: one field per row, label in column A, value in column B, note in column C;
- a *table sheet*: a header in row 1 and one record per row from row 2 (fixed rows carry their
  label in column A, e.g. the four 三公经费 items).

Three families of workbook: `department` (部门整体 reports and forms, Guangdong and Chongqing
outlines), `project` (项目支出绩效自评表, one or many projects, and the 项目 report) and `external`
(a 53号 evaluation report).  A template's workbook is its family's core sheets, the optional sheets
its sentence generators and forms read, and a 叙述 sheet with the narrative fields its outline uses
(`outline.sheets_for`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from openpyxl.utils import get_column_letter

Kind = Literal["text", "long", "int", "year", "money", "score", "indicator_value", "choice"]
DIRECTIONS = ("≥", "≤", "=", "定性")
SOURCES = ("当年财政拨款", "上年结转资金", "其他资金")
"""项目资金 by source, as the 10号 项目支出绩效自评表 lists them."""
FIRST_ROW = 2


@dataclass(frozen=True, slots=True)
class Field:
    """One value of a form sheet or one column of a table sheet."""

    key: str
    label: str
    kind: Kind = "text"
    required: bool = False
    note: str = ""
    width: float = 14


@dataclass(frozen=True, slots=True)
class FormSheet:
    """Label in column A, value in column B, one field per row from row 2."""

    name: str
    fields: tuple[Field, ...]
    key: str = ""
    """The `Filing` attribute holding the sheet's values as a dict; empty: its fields are attributes."""

    def row_of(self, key: str) -> int:
        return FIRST_ROW + [f.key for f in self.fields].index(key)

    def ref(self, key: str) -> str:
        return f"{self.name}!B{self.row_of(key)}"


@dataclass(frozen=True, slots=True)
class TableSheet:
    """A header row and one record per row; `fixed` rows are labelled in column A."""

    name: str
    key: str
    """The `Filing` attribute holding the sheet's records."""
    columns: tuple[Field, ...]
    rows: int = 30
    fixed: tuple[str, ...] = ()

    def has(self, key: str) -> bool:
        return any(c.key == key for c in self.columns)

    def col_of(self, key: str) -> str:
        return get_column_letter(1 + [c.key for c in self.columns].index(key))

    def ref(self, key: str, index: int) -> str:
        """The cell of column `key` in record `index` (0-based)."""
        return f"{self.name}!{self.col_of(key)}{FIRST_ROW + index}"

    def span(self, key: str, count: int) -> str:
        """The cells of column `key` over the first `count` records."""
        col = self.col_of(key)
        return f"{self.name}!{col}{FIRST_ROW}:{col}{FIRST_ROW + max(count, 1) - 1}"

    @property
    def n_rows(self) -> int:
        return len(self.fixed) or self.rows


Sheet = FormSheet | TableSheet


def _three_years(label: str) -> tuple[Field, ...]:
    return (
        Field("item", label, width=22),
        Field("prior_actual", "上年决算数（万元）", "money", True),
        Field("budget", "本年预算数（万元）", "money", True),
        Field("actual", "本年决算数（万元）", "money", True),
    )


_NAME = Field("unit_name", "预算单位名称", required=True, note="全称，与公章一致，如“××县××镇人民政府”")
_YEAR = Field("year", "评价年度", "year", True, "被评价的预算年度，如 2024")
_SHORT = Field("short_name", "正文自称", note="报告正文中单位的自称，如“我镇”“本局”；不填则用“本单位”")
_STAFF = (
    Field("authorized", "编制数", "int", True, "核定编制总数（人）"),
    Field("admin_staff", "其中：行政编制", "int", note="选填（人）"),
    Field("institution_staff", "其中：事业编制", "int", note="选填（人）"),
    Field("actual_staff", "年末实际在职人数", "int", True, "年末实际在职人数（人）"),
)
_CONTACT = (
    Field("filler", "填表人", required=True, note="公开版（--redact）不显示"),
    Field("phone", "联系电话", required=True, note="公开版（--redact）不显示"),
    Field("fill_date", "填报日期", required=True, note="如“2025年3月15日”"),
    Field("leader", "单位负责人", note="选填；公开版不显示"),
)
_TOTALS = (
    Field("initial", "年初预算数", "money", True, "万元"),
    Field("full_year", "全年预算数（调整后）", "money", True, "万元，含年中追加调整"),
    Field("executed", "全年执行数", "money", True, "万元"),
)
_NATURE = (
    Field("basic", "按支出性质：基本支出", "money", True, "万元；基本支出 + 项目支出 = 全年执行数"),
    Field("project", "按支出性质：项目支出", "money", True, "万元"),
)

# --------------------------------------------------------------------------------------------
# department family

UNIT = FormSheet("单位信息", (_NAME, _YEAR, _SHORT, *_STAFF, *_CONTACT))
UNIT_NO_STAFF = FormSheet("单位信息", (_NAME, _YEAR, _SHORT, *_CONTACT))
"""单位信息 of a template whose document states no staffing (编制数, 在职人数)."""

BUDGET = FormSheet("预算执行", (
    *_TOTALS,
    Field("general", "按收入性质：一般公共预算", "money", True, "万元；四项收入之和应等于全年预算数"),
    Field("fund", "按收入性质：政府性基金拨款", "money", note="万元，无则填 0"),
    Field("special", "按收入性质：纳入专户管理的非税收入拨款", "money", note="万元，无则填 0"),
    Field("other", "按收入性质：其他资金", "money", note="万元，无则填 0"),
    *_NATURE,
))

BASIC = FormSheet("基本支出", (
    Field("wages", "工资福利支出", "money", True, "万元"),
    Field("goods", "商品和服务支出", "money", True, "万元"),
    Field("individual", "对个人和家庭的补助", "money", True, "万元；三项之和应等于基本支出"),
))

THREE_PUBLIC = TableSheet("三公经费", "three_public", _three_years("项目"), fixed=("公车购置", "公车运行维护", "因公出国（境）", "公务接待"))

PROJECT_SPENDING = TableSheet("项目支出", "project_spending", (
    Field("name", "项目名称", required=True, width=36),
    Field("budget", "本年预算数（万元）", "money", True),
    Field("actual", "本年决算数（万元）", "money", True),
), rows=30)

PUBLIC_FUNDS = TableSheet("公用经费", "public_funds", _three_years("项目"), fixed=("公用经费合计", "其中：办公费", "水费、电费、差旅费", "会议费、培训费"))

GOALS = TableSheet("年度总体目标", "goals", (
    Field("expected", "预期目标", "long", True, width=60),
    Field("achieved", "实际完成情况", "long", True, "写明实际完成的数量、质量、时间，不要照抄预期目标", 60),
), rows=10)

_INDICATOR_COLUMNS = (
    Field("level1", "一级指标", "choice", True, width=12),
    Field("level2", "二级指标", "choice", True, width=18),
    Field("name", "三级指标", required=True, width=30),
    Field("weight", "分值", "score", True, "各指标分值之和 + 预算执行率分值 = 100", 8),
    Field("target", "目标值", "indicator_value", True, "定量指标只填数字，单位填在“计量单位”列", 12),
    Field("actual", "实际值", "indicator_value", True, "定量指标只填实测数字；定性指标写明达成情况", 12),
    Field("unit", "计量单位", note="如 公里、户、次/年、%、万元", width=10),
    Field("direction", "方向", "choice", True, "≥ 越大越好；≤ 越小越好（成本类）；= 等于；定性", 8),
    Field("deviation", "偏差原因分析及改进措施", "long", note="未得满分的指标必填", width=36),
    Field("score", "定性指标自评得分", "score", note="仅定性指标选填，须在所述档次范围内；不填按档次上限计", width=10),
)
INDICATORS = TableSheet("绩效指标", "indicators", _INDICATOR_COLUMNS, rows=60)

PROBLEMS = TableSheet("问题与措施", "problems", (
    Field("problem", "存在的问题及原因", "long", width=60),
    Field("measure", "下一步改进措施", "long", width=60),
), rows=10)

# --------------------------------------------------------------------------------------------
# project family

_PROJECT_KEY = Field("project", "项目名称", "choice", note="只有一个项目时可不填；多个项目时选择本行所属项目", width=30)

PROJECT_UNIT = FormSheet("单位信息", (
    Field("unit_name", "填报单位", required=True, note="全称，与公章一致，如“××县××镇人民政府”"), _YEAR, _SHORT, *_CONTACT,
))

PROJECT_INFO = TableSheet("项目信息", "projects", (
    Field("name", "项目名称", required=True, note="每个项目一行；每个项目生成一张项目支出绩效自评表", width=36),
    Field("department", "主管部门", required=True, width=26),
    Field("implementer", "实施单位", required=True, width=26),
), rows=20)

PROJECT_FUNDS = TableSheet("项目资金", "funds", (
    _PROJECT_KEY,
    Field("source", "资金来源", "choice", True, "当年财政拨款、上年结转资金、其他资金，每项一行；年度资金总额自动合计", 16),
    *_TOTALS,
), rows=60)

PROJECT_GOALS = TableSheet("年度总体目标", "goals", (_PROJECT_KEY, *GOALS.columns), rows=40)

PROJECT_INDICATORS = TableSheet("绩效指标", "indicators", (_PROJECT_KEY, *_INDICATOR_COLUMNS), rows=200)

# --------------------------------------------------------------------------------------------
# external family

EXTERNAL_UNIT = FormSheet("单位信息", (
    Field("unit_name", "被评价单位", required=True, note="全称，如“××县民政局”"), _YEAR,
    Field("commissioner", "委托单位", required=True, note="如“××县财政局”"),
    Field("evaluator", "评价机构", required=True, note="评价组或第三方机构全称"),
    Field("report_date", "报告日期", required=True, note="如“2025年6月28日”"),
    *_STAFF,
))

EXTERNAL_BUDGET = FormSheet("预算执行", (*_TOTALS, *_NATURE))

SCORES = TableSheet("评价指标", "indicators", (
    Field("level1", "一级指标", "choice", True, width=10),
    Field("level2", "二级指标", "choice", True, width=14),
    Field("name", "三级指标", required=True, width=26),
    Field("weight", "分值", "score", True, "各指标分值之和为 100", 8),
    Field("score", "得分", "score", True, "评价组打分，不超过分值", 8),
    Field("note", "评分说明", "long", True, "评分依据；扣分的写明扣分原因", 60),
), rows=60)

ACHIEVEMENTS = TableSheet("主要业绩", "achievements", (
    Field("achievement", "主要业绩", "long", True, "每条一行：先写概括的标题，句号后写事实和数据", 90),
), rows=10)

SUGGESTIONS = TableSheet("问题与建议", "problems", (
    Field("problem", "存在的问题及原因", "long", width=60),
    Field("measure", "有关建议", "long", width=60),
), rows=10)

# --------------------------------------------------------------------------------------------
# narrative fields (the 叙述 sheet holds those the template's outline uses)

NARRATIVE_SHEET = "叙述"
NARRATIVE = {f.key: f for f in (
    Field("institutions", "机构设置", "long", True, "单位性质、地址、内设机构"),
    Field("background", "项目背景、内容", "long", True, "单位概况、内设机构和编制、年度工作目标"),
    Field("duties", "主要职能", "long", True, "每行一条职能"),
    Field("goal_setting", "绩效目标设定情况", "long", note="不填则按“年度总体目标”表自动生成"),
    Field("management", "预算执行、使用、管理总体情况", "long", note="预算管理制度与措施；数字由表格自动生成"),
    Field("three_public_management", "三公经费管理情况", "long", note="管理措施；金额由表格自动生成"),
    Field("fund_budget", "政府性基金预算支出情况", "long", note="不填则写“无政府性基金预算支出”或按金额生成"),
    Field("state_capital", "国有资本经营预算支出情况", "long", note="不填则写“无”"),
    Field("social_insurance", "社会保险基金预算支出情况", "long", note="不填则写“无”"),
    Field("conclusion", "综合评价", "long", note="总体评价；得分与等级自动生成"),
    Field("analysis", "评价指标分析", "long", True, "每行一条主要成效"),
    Field("duty_analysis", "履职效能分析", "long", True, "重点工作完成情况和履职成效，每行一段；得分自动生成"),
    Field("efficiency_analysis", "管理效率分析", "long", True, "预算执行、信息公开、绩效管理、采购管理、资产管理、运行成本等，每行一段；得分自动生成"),
    Field("basis", "自评依据", note="开展自评所依据的文件，如“《××县财政局关于开展2024年预算绩效自评工作的通知》”；不填则不写"),
    Field("project_overview", "项目概况", "long", True, "立项依据、主要内容、实施单位和实施期"),
    Field("application", "绩效自评结果拟应用和公开情况", "long"),
    Field("remarks", "其他需要说明的情况", "long"),
)}

INSTRUCTIONS = "填报说明"
CHOICES = "选项"
