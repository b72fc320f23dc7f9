"""Round trip: workbook → Report → Word → jixiao's own parser gives back the same values, and the
audit of the rendered report has no error — for the example and for random consistent inputs."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.audit import audit
from jixiao.compose import template
from jixiao.compose.fill_in import Filing, IndicatorRow, ProjectRow, YearRow, build, load
from jixiao.compose.report import render
from jixiao.model import Goal
from jixiao.outcome import parse_file
from jixiao.scoring.profile import load_profile
from tests.compose.helpers import EXAMPLE, assert_same, example_filing

HUNAN = load_profile("hunan")


def _render_and_parse(workbook: Path, tmp: Path):
    built = load(workbook, HUNAN)
    result = render(workbook, tmp / "报告.docx", HUNAN)
    assert result.preflight.errors == []
    parsed = parse_file(result.written[0])
    return built.report, parsed


def test_example_round_trip(tmp_path):
    built, parsed = _render_and_parse(EXAMPLE, tmp_path)
    assert_same(built, parsed)
    assert (parsed.total_score, parsed.grade) == (Decimal("99.37"), "优")
    assert (parsed.budget.execution_rate, parsed.budget.execution_score) == (Decimal("97.29"), Decimal("9.73"))
    assert [f.rule for f in audit(parsed).findings if f.severity == "error"] == []


def test_example_workbook_reads_back_what_was_written(tmp_path):
    filing = example_filing()
    path = tmp_path / "again.xlsx"
    template.write(path, HUNAN, filing)
    assert load(path, HUNAN).filing == filing


def test_computed_figures_come_from_scoring():
    report = build(example_filing(), HUNAN).report
    cost = next(i for i in report.indicators if i.name == "公用经费控制率")
    assert cost.score == Decimal("4.80")  # ≤ target: 5 × 100 / 104.26
    qualitative = next(i for i in report.indicators if i.name == "枫林河防洪标准")
    assert qualitative.score == qualitative.weight  # 达成 tier, no score given: the tier's upper bound
    assert report.level1_weights == {"产出指标": 50, "效益指标": 30, "满意度指标": 10}
    assert report.three_public.actual == Decimal("8.14") and report.staffing.control_rate == Decimal("95.83")


# --------------------------------------------------------------------------------------------
# random consistent inputs

UNITS = ["云澜县枫林镇人民政府", "青川县石桥乡人民政府", "临江市文化旅游局", "白沙县卫生健康局", "安宁县农业农村局"]
QUANTITIES = {
    ("产出指标", "数量指标"): [("农村道路养护里程", "公里"), ("农村改厕户数", "户"), ("安全生产检查次数", "次")],
    ("产出指标", "质量指标"): [("工程验收合格率", "%"), ("医保参保率", "%")],
    ("产出指标", "时效指标"): [("资金拨付及时率", "%"), ("项目按期开工率", "%")],
    ("产出指标", "成本指标"): [("公用经费控制率", "%")],
    ("效益指标", "经济效益指标"): [("村集体经济增收", "万元")],
    ("效益指标", "社会效益指标"): [("矛盾纠纷化解率", "%"), ("就业培训人次", "人次")],
    ("效益指标", "生态效益指标"): [("垃圾无害化处理率", "%")],
    ("效益指标", "可持续影响指标"): [("长效管护机制", None)],
    ("满意度指标", "服务对象满意度指标"): [("群众满意度", "%")],
}
GROUPS = {"产出指标": 50, "效益指标": 30, "满意度指标": 10}


def cents(low: int, high: int):
    return st.integers(low * 100, high * 100).map(lambda c: Decimal(c).scaleb(-2))


@st.composite
def indicator(draw, level1: str, level2: str, name: str, unit: str | None, weight: int, row: int) -> IndicatorRow:
    base = IndicatorRow(row=row, level1=level1, level2=level2, name=name, weight=Decimal(weight), unit=unit)
    if unit is None:
        actual = draw(st.sampled_from(["已全部建立并运行", "基本建立", "部分建立"]))
        return base.model_copy(update={"direction": "定性", "target": "建立长效管护机制", "actual": actual})
    if name == "公用经费控制率":
        return base.model_copy(update={"direction": "≤", "target": Decimal(100), "actual": draw(cents(80, 115))})
    if unit == "%":
        target = draw(st.integers(80, 100))
        return base.model_copy(update={"direction": draw(st.sampled_from(["≥", "="])), "target": Decimal(target),
                                       "actual": Decimal(draw(st.integers(target * 10 - 150, 1000))).scaleb(-1)})
    target = draw(st.integers(5, 300))
    return base.model_copy(update={"direction": "≥", "target": Decimal(target), "actual": Decimal(draw(st.integers(target // 2, target * 3 // 2)))})


@st.composite
def indicators(draw) -> list[IndicatorRow]:
    rows: list[IndicatorRow] = []
    for level1, total in GROUPS.items():
        kinds = [(l2, name, unit) for (l1, l2), items in QUANTITIES.items() if l1 == level1 for name, unit in items]
        chosen = draw(st.lists(st.sampled_from(kinds), min_size=1, max_size=min(5, len(kinds)), unique=True))
        weights = [total // len(chosen)] * len(chosen)
        weights[0] += total - sum(weights)
        for (level2, name, unit), weight in zip(chosen, weights):
            rows.append(draw(indicator(level1, level2, name, unit, weight, len(rows))))
    return rows


@st.composite
def three_years(draw, item: str, top: int = 20) -> YearRow:
    return YearRow(item=item, prior_actual=draw(cents(0, top)), budget=draw(cents(0, top)), actual=draw(cents(0, top)))


@st.composite
def filings(draw) -> Filing:
    wages, goods, individual = draw(cents(500, 3000)), draw(cents(100, 1000)), draw(cents(0, 300))
    projects = [ProjectRow(name=f"重点项目{i}", budget=draw(cents(50, 300)), actual=draw(cents(10, 50))) for i in range(1, draw(st.integers(1, 4)) + 1)]
    basic, project = wages + goods + individual, sum((p.actual for p in projects), Decimal(0))
    executed = basic + project
    full_year = executed + draw(cents(0, 200))
    fund, other = draw(cents(0, 100)), draw(cents(0, 200))
    authorized = draw(st.integers(10, 200))
    office, utility, meeting = draw(three_years("其中：办公费", 200)), draw(three_years("水费、电费、差旅费", 50)), draw(three_years("会议费、培训费", 10))
    public = YearRow(item="公用经费合计", **{k: getattr(office, k) + getattr(utility, k) + getattr(meeting, k) + draw(cents(0, 100))
                                              for k in ("prior_actual", "budget", "actual")})
    return Filing(
        unit_name=draw(st.sampled_from(UNITS)), year=draw(st.integers(2019, 2026)), short_name="本单位",
        authorized=authorized, actual_staff=draw(st.integers(authorized // 2, authorized)),
        filler="测试员", phone="0731-1234567", fill_date="2025年3月1日",
        initial=full_year - draw(cents(0, 300)), full_year=full_year, executed=executed,
        general=full_year - fund - other, fund=fund, special=Decimal(0), other=other, basic=basic, project=project,
        wages=wages, goods=goods, individual=individual,
        three_public=[draw(three_years(item)) for item in ("公车购置", "公车运行维护", "因公出国（境）", "公务接待")],
        projects=projects, public_funds=[public, office, utility, meeting],
        goals=[Goal(expected=f"目标{i}：完成年度重点任务{i}", achieved=f"重点任务{i}已按期完成") for i in range(1, draw(st.integers(1, 3)) + 1)],
        indicators=draw(indicators()), problems=["绩效目标不够细化"], measures=["细化量化绩效目标"],
        institutions="本单位为财政全额拨款行政单位。", duties="负责辖区经济社会发展\n完成上级交办的其他工作", analysis="各项工作有序推进",
    )


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(filing=filings())
def test_random_inputs_round_trip(tmp_path, filing):
    workbook = tmp_path / "填报.xlsx"
    template.write(workbook, HUNAN, filing)
    built, parsed = _render_and_parse(workbook, tmp_path)
    assert_same(built, parsed)
    assert [f"{f.rule} {f.message}" for f in audit(parsed).findings if f.severity == "error"] == []
