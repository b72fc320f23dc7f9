"""The `Report` model: the contract between ingest, extract, scoring, audit, render and store.

Money is `Decimal` in 万元 (a document in 元 is divided by 10,000 exactly, never rounded); a
percentage is a `Decimal` percent number (72.67 means 72.67 %).  In JSON both are written as
numbers: a `Decimal` of up to 15 significant digits prints exactly as its shortest float form.
Every extracted value has an entry in `Report.provenance`, keyed by its JSON path
("budget.initial", "indicators[3].score"), saying where in the source document it was read.
This module imports no format, web or database library, and has no `from __future__ import
annotations`: pydantic would compile every annotation string back into a type at import.
"""

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer


def empty_list() -> list:
    """A new empty list, the default of list fields (pydantic reads a builtin's signature, `list`'s, slowly)."""
    return []


def _json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


Amount = Annotated[Decimal, PlainSerializer(_json_number, when_used="json")]
"""An amount of money in 万元."""

Number = Annotated[Decimal, PlainSerializer(_json_number, when_used="json")]
"""A score, weight or percent number."""

ReportKind = Literal["self_evaluation", "external_evaluation"]
DocumentKind = Literal["department_report", "department_form", "project_form", "project_report", "external_report", "narrative_report"]
"""部门整体支出绩效自评报告 (prose, forms optional) | 部门整体支出绩效自评表 alone | 项目支出绩效自评表 |
项目支出绩效自评报告 | external (53号) evaluation report | a self-evaluation report with no forms."""
FormKind = Literal["self_evaluation", "basic_data", "level1_summary"]
Framework = Literal["output_outcome_satisfaction", "input_process_output_outcome", "duty_efficiency", "none"]
Grade = Literal["优", "良", "中", "差"]


_MODELS: list[type[BaseModel]] = []
"""Every report model, in definition order: each part before the models that hold it."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False, defer_build=True)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        _MODELS.append(cls)


class Location(_Model):
    """Where a value sits in the intermediate document (block = index into its blocks)."""

    block: int | None = None
    row: int | None = None
    col: int | None = None
    start: int | None = None  # character span in the block's text
    end: int | None = None
    page: int | None = None

    def describe(self) -> str:
        """A short Chinese description: 第 3 页 第 12 块 表格第 4 行第 2 列."""
        parts = []
        if self.page is not None:
            parts.append(f"第 {self.page} 页")
        if self.block is not None:
            parts.append(f"第 {self.block + 1} 块")
        if self.row is not None:
            parts.append(f"表格第 {self.row + 1} 行第 {(self.col or 0) + 1} 列")
        elif self.start is not None:
            parts.append(f"字符 {self.start}–{self.end}")
        return " ".join(parts)


class Provenance(_Model):
    """The source of one value: its location, the text it was read from and the rule that read it."""

    location: Location
    text: str
    method: str


class Measure(_Model):
    """A parsed target or actual value, e.g. "≥1 次/月" → comparator ≥, value 1, unit 次/月."""

    comparator: Literal["≥", "≤", "=", ">", "<"] | None = None
    value: Number | None = None
    unit: str | None = None
    is_percent: bool = False
    qualitative: bool = False


class Unit(_Model):
    """The budget unit (预算单位) and the budget year the report evaluates."""

    name: str | None = None
    year: int | None = None


class Staffing(_Model):
    """财政供养人员: 编制数 (authorized) and 实际在职人数 (actual)."""

    authorized: int | None = None
    actual: int | None = None
    control_rate: Number | None = None
    """控制率 as the form states it (percent)."""


class BudgetLine(_Model):
    """A row under 年度资金总额 (其中：当年财政拨款 | 上年结转资金 | 其他资金, or 基本支出 | 项目支出)."""

    label: str
    initial: Amount | None = None
    full_year: Amount | None = None
    executed: Amount | None = None


class Budget(_Model):
    """年度预算申请: 年初预算数, 全年预算数 (调整后), 全年执行数, 执行率 (percent) and its score."""

    initial: Amount | None = None
    full_year: Amount | None = None
    executed: Amount | None = None
    execution_rate: Number | None = None
    execution_weight: Number | None = None
    execution_score: Number | None = None
    by_source: dict[str, Amount] = Field(default_factory=dict)
    """按收入性质分: 一般公共预算, 政府性基金拨款, 纳入专户管理的非税收入拨款, 其他资金."""
    lines: list[BudgetLine] = Field(default_factory=empty_list)
    """The source rows under 年度资金总额 with all their columns, where the form has them."""


class Spending(_Model):
    """按支出性质分: 基本支出 and 项目支出."""

    basic: Amount | None = None
    project: Amount | None = None


class ThreeYear(_Model):
    """A row of the 基础数据表: (Y-1)年决算数, Y年预算数, Y年决算数."""

    prior_actual: Amount | None = None
    budget: Amount | None = None
    actual: Amount | None = None


class DataRow(ThreeYear):
    """A labelled row of the 基础数据表 (a 三公经费 item, a project, a 公用经费 item …)."""

    label: str
    section: str


class ThreePublic(ThreeYear):
    """三公经费 totals (公务用车购置和运行维护 + 因公出国（境） + 公务接待)."""


class Indicator(_Model):
    """One 三级指标 row of the 自评表."""

    level1: str | None = None
    level2: str | None = None
    name: str
    target: str | None = None
    actual: str | None = None
    weight: Number | None = None
    score: Number | None = None
    deviation: str | None = None
    direction: Literal["≥", "≤", "=", "定性"] | None = None
    """The comparator the form declares in its own column (指标性质 / 指标方向: ≥ ≤ ＝ 定性, 正向 / 反向 …)."""
    target_measure: Measure | None = None
    actual_measure: Measure | None = None


class Form(_Model):
    """A form found in the document, with the columns the reader recognised in its header.

    `columns` maps a role (name, target, actual, weight, score, deviation, direction, unit, level1,
    level2) to the header text as the form writes it ("参考分值"), so that a value missing from a
    column the form does not have is never mistaken for a blank the unit left.
    """

    kind: FormKind
    block: int
    columns: dict[str, str] = Field(default_factory=dict)


class Project(_Model):
    """项目支出绩效自评表 header: 项目名称, 主管部门, 实施单位."""

    name: str | None = None
    department: str | None = None
    implementer: str | None = None


class Level1Summary(_Model):
    """A level-one group's stated weight and score (一级指标 | 分值 | 得分)."""

    name: str
    weight: Number | None = None
    score: Number | None = None
    score_rate: Number | None = None
    """得分率 as stated (percent)."""


class Task(_Model):
    """年度主要任务: 任务名称, 主要内容, 预算金额 (总额, 财政拨款, 其他资金; 万元)."""

    name: str
    content: str | None = None
    total: Amount | None = None
    fiscal: Amount | None = None
    other: Amount | None = None


class Goal(_Model):
    """年度总体目标: 预期目标 and 实际完成情况."""

    expected: str | None = None
    achieved: str | None = None


class Statement(_Model):
    """A figure stated in the prose, kept for cross-checks: '基本支出2998.29万元，占82.84%'.

    kind: amount (万元), count (a headcount in 人, where 其中 lists its parts), share (a part's
    percent of a whole), change (比上年增减), score (分),
    rate (a percent such as 执行率).  `whole` is the amount the share refers to when the
    sentence names it ("其中" after a total, or "占本年支出"), else None.
    """

    kind: Literal["amount", "count", "share", "change", "score", "rate"]
    label: str
    value: Number
    unit: str
    whole: Number | None = None
    whole_label: str | None = None
    direction: Literal["增加", "减少", "持平"] | None = None
    text: str
    location: Location


class Section(_Model):
    """A heading of the report outline and the block it starts at."""

    title: str
    level: int
    block: int


class ProjectForm(_Model):
    """One 项目支出绩效自评表 of a file that holds several (a workbook with a sheet per project):
    its header, 项目资金, goals, indicators and total, with provenance keyed within the form."""

    project: Project = Field(default_factory=Project)
    budget: Budget = Field(default_factory=Budget)
    goals: list[Goal] = Field(default_factory=empty_list)
    indicators: list[Indicator] = Field(default_factory=empty_list)
    level1_weights: dict[str, Number] = Field(default_factory=dict)
    total_score: Number | None = None
    grade: Grade | None = None
    forms: list[Form] = Field(default_factory=empty_list)
    scoring_notes: list[str] = Field(default_factory=empty_list)
    unread: dict[str, str] = Field(default_factory=dict)
    provenance: dict[str, Provenance] = Field(default_factory=dict)


class Report(_Model):
    """A 部门整体支出绩效（自）评价报告 as read from one file."""

    @classmethod
    def model_rebuild(cls, **kwargs):
        """Build the part models first, so that the report's schema reuses theirs.

        The schemas are built on first use (`defer_build`), and the report is the first model a
        reader makes: left alone, pydantic would build each part inside the report's schema and
        then once more for the part itself when the reader makes one (`Unit(...)`).
        """
        for part in _MODELS[:_MODELS.index(cls)]:
            part.model_rebuild()
        return super().model_rebuild(**kwargs)

    source: str
    format: str
    unit: Unit = Field(default_factory=Unit)
    report_kind: ReportKind = "self_evaluation"
    document_kind: DocumentKind = "department_report"
    template: str | None = None
    """The template (layout family) the document follows: a name from extract/templates/*.toml."""
    detection: list[str] = Field(default_factory=empty_list)
    """Why this document kind and template were chosen (Chinese, one reason per item)."""
    framework: Framework = "none"
    project: Project | None = None
    projects: list[ProjectForm] = Field(default_factory=empty_list)
    """Each project form of a file that holds two or more; `indicators` then lists all their rows and
    the single-form fields (budget, total_score …) stay empty."""
    money_unit_in_doc: str | None = None
    staffing: Staffing = Field(default_factory=Staffing)
    budget: Budget = Field(default_factory=Budget)
    spending: Spending = Field(default_factory=Spending)
    three_public: ThreePublic = Field(default_factory=ThreePublic)
    basic_data: list[DataRow] = Field(default_factory=empty_list)
    goals: list[Goal] = Field(default_factory=empty_list)
    tasks: list[Task] = Field(default_factory=empty_list)
    tasks_total: Task | None = None
    """The 金额合计 row of 年度主要任务, as stated."""
    indicators: list[Indicator] = Field(default_factory=empty_list)
    level1_weights: dict[str, Number] = Field(default_factory=dict)
    """Weights written in the 自评表's level-one cells, e.g. "产出指标(50分)"."""
    level1_summary: list[Level1Summary] = Field(default_factory=empty_list)
    total_score: Number | None = None
    grade: Grade | None = None
    statements: list[Statement] = Field(default_factory=empty_list)
    prose_values: dict[str, Number | int | str] = Field(default_factory=dict)
    """Key figures as the prose states them (by JSON path), even where a form supplied the value."""
    problems: list[str] = Field(default_factory=empty_list)
    measures: list[str] = Field(default_factory=empty_list)
    sections: list[Section] = Field(default_factory=empty_list)
    has_basic_data_table: bool = False
    has_self_eval_table: bool = False
    forms: list[Form] = Field(default_factory=empty_list)
    scoring_notes: list[str] = Field(default_factory=empty_list)
    """The form's own scoring rules as written ("预算执行率得分=20分×执行率")."""
    unread: dict[str, str] = Field(default_factory=dict)
    """Cells with text the reader could not read as a value, by JSON path ("indicators[3].weight": "五分");
    "—" and the like mark a cell the form declares not applicable."""
    provenance: dict[str, Provenance] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=empty_list)
