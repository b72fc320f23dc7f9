"""What a unit typed into the fill-in workbook (`Filing`), and the problems found in its cells.

One model serves every workbook family; a family leaves the fields of the others empty.  Amounts
are `Decimal` in 万元 rounded ROUND_HALF_UP to 2 places when read (what the forms print).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pydantic import BaseModel


class YearRow(BaseModel):
    """A 基础数据表 item over three columns: 上年决算数, 本年预算数, 本年决算数."""

    item: str
    prior_actual: Decimal | None = None
    budget: Decimal | None = None
    actual: Decimal | None = None


class ProjectSpending(BaseModel):
    """A 项目支出 row of the 基础数据表: a project's budget and actual for the year."""

    name: str
    budget: Decimal | None = None
    actual: Decimal | None = None


class GoalRow(BaseModel):
    """年度总体目标: one 预期目标 and its 实际完成情况 (of a project, in a project workbook)."""

    project: str | None = None
    expected: str | None = None
    achieved: str | None = None


class IndicatorRow(BaseModel):
    """One indicator row as typed; `row` is its 0-based record index in its sheet."""

    row: int
    project: str | None = None
    level1: str | None = None
    level2: str | None = None
    name: str | None = None
    weight: Decimal | None = None
    target: Decimal | str | None = None
    actual: Decimal | str | None = None
    unit: str | None = None
    direction: str | None = None
    deviation: str | None = None
    score: Decimal | None = None
    note: str | None = None
    """评分说明 of an external evaluation's indicator."""


class ProjectInfo(BaseModel):
    """项目支出绩效自评表 header: 项目名称, 主管部门, 实施单位."""

    name: str | None = None
    department: str | None = None
    implementer: str | None = None


class FundRow(BaseModel):
    """A 项目资金 source row (当年财政拨款 | 上年结转资金 | 其他资金) of one project."""

    row: int
    project: str | None = None
    source: str | None = None
    initial: Decimal | None = None
    full_year: Decimal | None = None
    executed: Decimal | None = None


class Filing(BaseModel):
    """Everything a fill-in workbook holds, including the narrative and contact fields the `Report` lacks."""

    template: str | None = None
    """The template the workbook was made for (recorded by `jixiao template`)."""
    unit_name: str | None = None
    year: int | None = None
    short_name: str | None = None
    authorized: int | None = None
    admin_staff: int | None = None
    institution_staff: int | None = None
    actual_staff: int | None = None
    filler: str | None = None
    phone: str | None = None
    fill_date: str | None = None
    leader: str | None = None
    commissioner: str | None = None
    evaluator: str | None = None
    report_date: str | None = None
    initial: Decimal | None = None
    full_year: Decimal | None = None
    executed: Decimal | None = None
    general: Decimal | None = None
    fund: Decimal | None = None
    special: Decimal | None = None
    other: Decimal | None = None
    basic: Decimal | None = None
    project: Decimal | None = None
    wages: Decimal | None = None
    goods: Decimal | None = None
    individual: Decimal | None = None
    three_public: list[YearRow] = []
    project_spending: list[ProjectSpending] = []
    public_funds: list[YearRow] = []
    goals: list[GoalRow] = []
    indicators: list[IndicatorRow] = []
    problems: list[str] = []
    measures: list[str] = []
    achievements: list[str] = []
    projects: list[ProjectInfo] = []
    funds: list[FundRow] = []
    narrative: dict[str, str] = {}

    def text(self, key: str) -> str | None:
        """A narrative field as typed, or None."""
        return self.narrative.get(key) or None


@dataclass(slots=True)
class CellError:
    """A problem in the input, located at a workbook cell (or a range, or a sheet)."""

    ref: str
    message: str

    def __str__(self) -> str:
        return f"{self.ref}：{self.message}" if self.ref else self.message
