"""Build the fill-in example and the report rendered from it, with the project's own code and commands.

    .venv/bin/python examples/build.py          # 填报示例.xlsx → 报告示例.docx and 报告示例.pdf

It also renders page 1 and the 自评表 page of the PDF to docs/img/ (pdftoppm -r 70) for docs/render.md.

The unit, people, phone number and figures are invented (云澜县枫林镇 does not exist).  The
workbook is written by `jixiao.compose.template.write` (what `jixiao template` writes, filled in);
the report by running `jixiao render 填报示例.xlsx -o 报告示例.docx --pdf`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

from jixiao.model import Goal
from jixiao.compose import template
from jixiao.compose.fill_in import Filing, IndicatorRow, ProjectRow, YearRow
from jixiao.scoring.profile import load_profile

HERE = Path(__file__).resolve().parent


def _years(item: str, prior: str, budget: str, actual: str) -> YearRow:
    return YearRow(item=item, prior_actual=D(prior), budget=D(budget), actual=D(actual))


def _ind(i, level1, level2, name, weight, direction, target, actual, unit="", deviation=None) -> IndicatorRow:
    value = (lambda v: D(v)) if direction != "定性" else (lambda v: v)
    return IndicatorRow(row=i, level1=level1, level2=level2, name=name, weight=D(weight), direction=direction,
                        target=value(target), actual=value(actual), unit=unit or None, deviation=deviation)


INDICATORS = [
    ("产出指标", "数量指标", "农村道路养护里程", "6", "≥", "50", "52.3", "公里"),
    ("产出指标", "数量指标", "农村改厕户数", "6", "≥", "120", "126", "户"),
    ("产出指标", "数量指标", "安全生产检查次数", "6", "≥", "16", "18", "次"),
    ("产出指标", "质量指标", "河道治理工程验收合格率", "8", "=", "100", "100", "%"),
    ("产出指标", "质量指标", "城乡居民医保参保率", "6", "≥", "95", "96.4", "%"),
    ("产出指标", "时效指标", "项目资金拨付及时率", "8", "≥", "95", "97", "%"),
    ("产出指标", "成本指标", "公用经费控制率", "5", "≤", "100", "104.26", "%", "办公设备更新和汛期值守增加支出，下年度从严控制办公经费"),
    ("产出指标", "成本指标", "“三公”经费控制率", "5", "≤", "100", "93.56", "%"),
    ("效益指标", "经济效益指标", "村集体经济年收入5万元以上村占比", "8", "≥", "80", "85", "%"),
    ("效益指标", "社会效益指标", "矛盾纠纷调处化解率", "8", "≥", "95", "98.1", "%"),
    ("效益指标", "生态效益指标", "农村生活垃圾无害化处理率", "7", "≥", "90", "88", "%", "部分偏远村组收运频次不足，下年度增设收集点"),
    ("效益指标", "可持续影响指标", "枫林河防洪标准", "7", "定性", "达到二十年一遇", "已达到二十年一遇防洪标准"),
    ("满意度指标", "服务对象满意度指标", "群众满意度", "10", "≥", "90", "93.6", "%"),
]

FILING = Filing(
    unit_name="云澜县枫林镇人民政府", year=2024, short_name="我镇",
    authorized=72, admin_staff=32, institution_staff=40, actual_staff=69,
    filler="林雨桐", phone="0745-5820316", fill_date="2025年3月18日", leader="周明远",
    initial=D("2650.40"), full_year=D("3486.20"), executed=D("3391.58"),
    general=D("2981.60"), fund=D("186.00"), special=D("0"), other=D("318.60"),
    basic=D("2988.36"), project=D("403.22"),
    wages=D("2046.18"), goods=D("792.40"), individual=D("149.78"),
    three_public=[_years("公车购置", "0", "0", "0"), _years("公车运行维护", "8.10", "7.50", "7.16"),
                  _years("因公出国（境）", "0", "0", "0"), _years("公务接待", "1.42", "1.20", "0.98")],
    projects=[ProjectRow(name="枫林河生态治理工程", budget=D("180.00"), actual=D("176.52")),
              ProjectRow(name="农村人居环境整治专项", budget=D("110.00"), actual=D("106.30")),
              ProjectRow(name="乡村振兴衔接资金配套项目", budget=D("90.00"), actual=D("86.40")),
              ProjectRow(name="防汛抗旱应急经费", budget=D("40.00"), actual=D("34.00"))],
    public_funds=[_years("公用经费合计", "775.30", "760.00", "792.40"), _years("其中：办公费", "288.40", "270.00", "281.65"),
                  _years("水费、电费、差旅费", "52.10", "48.00", "46.92"), _years("会议费、培训费", "7.20", "6.00", "5.35")],
    goals=[Goal(expected="目标1：完成枫林河生态治理工程，提升集镇防洪能力", achieved="枫林河生态治理工程完工验收，新建护岸2.6公里"),
           Goal(expected="目标2：推进农村人居环境整治，完成农村改厕120户", achieved="完成农村改厕126户，建成垃圾收集点31个"),
           Goal(expected="目标3：抓好安全生产和矛盾纠纷调处，维护社会稳定", achieved="开展安全生产检查18次，调处矛盾纠纷104起，化解率98.1%"),
           Goal(expected="目标4：保障机关和村级组织正常运转", achieved="机关和14个村（社区）运转正常")],
    indicators=[_ind(i, *row) for i, row in enumerate(INDICATORS)],
    problems=["预算编制精细化不够，年中追加调整较多，预算调整率偏高",
              "公用经费控制不严，办公费超出年初预算",
              "部分绩效指标设置偏保守，目标值与工作实际衔接不够紧密"],
    measures=["提高预算编制的科学性，把年度重点工作和上级补助提前纳入年初预算",
              "严格执行公用经费定额标准，办公设备购置实行事前审批",
              "对照年度工作计划细化量化绩效指标，按季度开展绩效运行监控"],
    institutions="云澜县枫林镇人民政府位于云澜县城西南32公里的枫林河畔，是财政全额拨款的一级预算单位，"
                 "下设党政综合办公室、经济发展办公室、社会事务办公室、平安建设办公室、自然资源和生态环境办公室、"
                 "农业综合服务中心、便民服务中心、退役军人服务站、综合行政执法大队、财政所10个机构，辖12个行政村、2个社区。",
    duties="贯彻执行党和国家的路线方针政策，制定全镇经济社会发展规划并组织实施\n"
           "抓好安全生产、防汛抗旱、森林防火和矛盾纠纷调处，维护社会稳定\n"
           "负责农村人居环境整治、村镇建设和生态环境保护工作\n"
           "负责民政、社会保障、文化、卫生等社会公益事业\n"
           "完成县委、县人民政府交办的其他工作",
    management="我镇严格执行预算管理制度，预算下达后按月跟踪执行进度，大额支出实行集体研究，"
               "年度结束后编制决算报告，按规定公开预决算信息，接受社会监督。",
    three_public_management="严格执行中央八项规定精神，公务接待实行公函制度，公务用车统一调度、定点加油、定点维修。",
    conclusion="2024年，我镇围绕年度目标任务，统筹安排财政资金，保障机关运转和重点项目建设，全面完成了年度绩效目标。",
    analysis="枫林河生态治理工程全面完工，新建护岸2.6公里，集镇防洪标准达到二十年一遇\n"
             "完成农村改厕126户，建成垃圾收集点31个，人居环境持续改善\n"
             "全年调处矛盾纠纷104起，化解102起，群众满意度93.6%",
    application="自评结果将作为2026年预算安排和改进管理的重要依据，并按规定在云澜县人民政府门户网站公开。",
)


def pictures(pdf: Path, out: Path) -> None:
    """Page 1 and the page where 附件2 (the 自评表) starts, as PNG at 70 dpi."""
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split("\f")
    form = next(i for i, text in enumerate(pages, 1) if text.strip().startswith("附件") and "部门整体支出绩效自评表" in text)
    for page, name in ((1, "render-page1"), (form, "render-self-eval")):
        subprocess.run(["pdftoppm", "-r", "70", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf), str(out / name)], check=True)


def main() -> None:
    workbook, report = HERE / "填报示例.xlsx", HERE / "报告示例.docx"
    template.write(workbook, load_profile("hunan"), FILING)
    subprocess.run([sys.executable, "-m", "jixiao.cli", "render", str(workbook), "-o", str(report), "--pdf"], check=True)
    if shutil.which("pdftoppm") and shutil.which("pdftotext"):
        pictures(report.with_suffix(".pdf"), HERE.parent / "docs" / "img")


if __name__ == "__main__":
    main()
