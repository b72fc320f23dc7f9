"""Random consistent fill-in data (`Filing`) for every workbook family: parts add up, execution is at
least 90 %, 三公 and 公用经费 stay within budget and below last year, every indicator that misses its
target says why, no count overshoots its target by a third — a report an auditor should pass.

Sizes vary (a small office to a large town), so do the number of indicators (long forms run over
several pages), the weights within each group, the sources of funds and the narrative."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from random import Random

from jixiao.compose.filing import Filing, FundRow, GoalRow, IndicatorRow, ProjectInfo, ProjectSpending, YearRow
from jixiao.compose.outline import Plan
from jixiao.synth.vocab import CENT, cents, one_decimal, place, pools, share_of, unit_name

PROJECT_KINDS = ["生态治理工程", "农村人居环境整治专项", "乡村振兴衔接资金配套项目", "防汛抗旱应急经费", "农村公路养护项目",
                 "饮水安全巩固提升工程", "基层文化阵地建设项目", "困难群众救助专项", "高标准农田建设项目", "智慧社区建设项目"]
NATIONAL_WEIGHTS = {"产出指标": 50, "效益指标": 30, "满意度指标": 10}
EXTERNAL_SPLITS = [(15, 25, 40, 20), (20, 20, 30, 30), (10, 30, 40, 20), (20, 25, 35, 20)]


def _weights(rng: Random, total: int, count: int) -> list[Decimal]:
    """`count` whole-point weights of at least 1 that add up to `total`, unevenly."""
    cuts = sorted(rng.sample(range(1, total), count - 1)) if count > 1 else []
    parts = [b - a for a, b in zip([0, *cuts], [*cuts, total])]
    return [Decimal(p) for p in parts]


def _spread(rng: Random, total: int, count: int) -> list[Decimal]:
    """Weights that look set by hand: near-even, whole points, adding up to `total`."""
    if count == 1:
        return [Decimal(total)]
    base = [total // count] * count
    for i in range(total - sum(base)):
        base[i % count] += 1
    for _ in range(count):  # move a point or two between indicators
        a, b = rng.randrange(count), rng.randrange(count)
        step = rng.choice([1, 2])
        if a != b and base[a] - step >= 2:
            base[a], base[b] = base[a] - step, base[b] + step
    return [Decimal(x) for x in base] if rng.random() < 0.7 else _weights(rng, total, count)


def indicator(rng: Random, row: int, level1: str, level2: str, entry: list, weight: Decimal, year: int, rate: Decimal | None,
              project: str | None = None) -> IndicatorRow:
    """One indicator row: met most of the time; missed by a little, with the reason, otherwise."""
    name, unit, kind, low, high = entry
    base = IndicatorRow(row=row, project=project, level1=level1, level2=level2, name=name, weight=weight, unit=unit or None)
    met = rng.random() < 0.8
    reason = None if met else rng.choice(pools()["qualitative"]["reasons"])
    if kind == "qualitative":
        q = pools()["qualitative"]
        actual = rng.choice(q["met"] if met else q["partial"])
        return base.model_copy(update={"direction": "定性", "target": rng.choice(q["targets"]), "actual": actual, "deviation": reason})
    if kind == "date":
        month = rng.randint(int(low), int(high))
        target, actual = f"{year}年{month}月底前", f"{year}年{max(1, month - rng.randint(0, 2))}月完成"
        return base.model_copy(update={"direction": "定性", "target": target, "actual": actual})
    if kind == "budget_rate":
        target = Decimal(rng.randint(int(low), int(high)))
        missed = rng.choice(pools()["qualitative"]["reasons"])
        return base.model_copy(update={"direction": "≥", "target": target, "actual": rate, "deviation": None if rate >= target else missed})
    if kind == "exact":
        actual = Decimal(100) if met else one_decimal(rng, 97, 99.8)
        return base.model_copy(update={"direction": "=", "target": Decimal(100), "actual": actual, "deviation": reason})
    if kind == "cost":
        target = Decimal(rng.randint(int(low), int(high))) if high > 10 else one_decimal(rng, low, high)
        actual = share_of(target, 0.85, 1.0, rng) if met else share_of(target, 1.01, 1.06, rng)
        actual = actual.quantize(Decimal("0.1") if unit in ("%", "万元/公里") else Decimal(1), rounding=ROUND_HALF_UP)
        if actual > target and not reason:
            reason = rng.choice(pools()["qualitative"]["reasons"])
        return base.model_copy(update={"direction": "≤", "target": target, "actual": actual, "deviation": reason if actual > target else None})
    if kind == "percent":
        target = Decimal(rng.randint(int(low), int(high)))
        actual = one_decimal(rng, float(target), min(100.0, float(target) + 5)) if met else one_decimal(rng, float(target) - 4, float(target) - 0.1)
        return base.model_copy(update={"direction": "≥", "target": target, "actual": actual, "deviation": reason if actual < target else None})
    target = Decimal(rng.randint(int(low), int(high)))  # count
    actual = Decimal(rng.randint(int(target), int(target * Decimal("1.2")))) if met else Decimal(rng.randint(int(target * Decimal("0.85")), int(target) - 1))
    return base.model_copy(update={"direction": "≥", "target": target, "actual": actual, "deviation": reason if actual < target else None})


def indicators(rng: Random, catalogue: dict, weights: dict[str, int], year: int, rate: Decimal | None = None,
               project: str | None = None, first: int = 0) -> list[IndicatorRow]:
    """Indicators of every group, a varying number each, their weights adding up to the group's."""
    rows: list[IndicatorRow] = []
    for level1, total in weights.items():
        kinds = [(key.split("/")[1], entry) for key, entries in catalogue.items() if key.startswith(level1 + "/") for entry in entries]
        fixed = [k for k in kinds if k[1][2] == "budget_rate"]
        count = min(len(kinds), rng.randint(1, 2) if total <= 10 else rng.randint(3, min(9, total // 4)))
        chosen = fixed + rng.sample([k for k in kinds if k not in fixed], count - len(fixed))
        order = list(dict.fromkeys(key.split("/")[1] for key in catalogue if key.startswith(level1 + "/")))
        chosen.sort(key=lambda k: order.index(k[0]))
        for (level2, entry), weight in zip(chosen, _spread(rng, total, len(chosen))):
            rows.append(indicator(rng, first + len(rows), level1, level2, entry, weight, year, rate, project))
    return rows


def _goals(rng: Random, unit: str, count: int, project: str | None = None) -> list[GoalRow]:
    g = pools()["goals"]
    picks = rng.sample(range(len(g["expected"])), count)
    values = {"place": place(unit), "n": rng.randint(20, 300), "m": rng.randint(8, 40), "d": one_decimal(rng, 1, 9), "p": one_decimal(rng, 85, 98)}
    numbered = count > 1 and rng.random() < 0.6
    return [GoalRow(project=project, expected=(f"目标{k + 1}：" if numbered else "") + g["expected"][i].format(**values),
                    achieved=(f"目标{k + 1}：" if numbered else "") + g["achieved"][i].format(**values)) for k, i in enumerate(picks)]


def _problems(rng: Random) -> tuple[list[str], list[str]]:
    pairs = rng.sample(pools()["problems"]["items"], rng.randint(2, 3))
    return [p for p, _ in pairs], [m for _, m in pairs]


def _narrative(rng: Random, unit: str, me: str) -> dict[str, str]:
    n = pools()["narrative"]
    values = {"unit": unit, "me": me, "k": rng.randint(4, 13), "m": rng.randint(2, 14)}
    out = {key: rng.choice(lines).format(**values) for key, lines in n.items() if key != "duties"}
    out["duties"] = "\n".join(rng.sample(n["duties"], rng.randint(3, 5)))
    out["analysis"] = "\n".join(rng.sample(n["analysis"], rng.randint(1, 3)))
    return out


def _three_public(rng: Random, scale: float) -> list[YearRow]:
    """三公 items within budget and not above last year: a car bought some years, trips abroad rarely."""
    rows = []
    for item, chance in (("公车购置", 0.15), ("公车运行维护", 0.95), ("因公出国（境）", 0.1), ("公务接待", 0.9)):
        if rng.random() > chance:
            rows.append(YearRow(item=item, prior_actual=Decimal(0), budget=Decimal(0), actual=Decimal(0)))
            continue
        budget = cents(rng, 0.5, 12 * scale if item != "公车购置" else 30 * scale)
        actual = share_of(budget, 0.6, 1.0, rng)
        rows.append(YearRow(item=item, prior_actual=share_of(actual, 1.0, 1.3, rng), budget=budget, actual=actual))
    return rows


def _public_funds(rng: Random, goods: Decimal) -> list[YearRow]:
    """公用经费 (= 商品和服务支出) and three of its items, each within 110 % of its budget."""
    def row(item: str, actual: Decimal) -> YearRow:
        return YearRow(item=item, prior_actual=share_of(actual, 0.9, 1.15, rng), budget=share_of(actual, 0.95, 1.15, rng), actual=actual)

    office, utility, meeting = share_of(goods, 0.25, 0.4, rng), share_of(goods, 0.05, 0.12, rng), share_of(goods, 0.005, 0.02, rng)
    return [row("公用经费合计", goods), row("其中：办公费", office), row("水费、电费、差旅费", utility), row("会议费、培训费", meeting)]


def department(rng: Random, plan: Plan) -> Filing:
    unit, me = unit_name(rng)
    year = rng.randint(2019, 2025)
    scale = rng.choice([0.3, 1, 1, 3, 10])
    authorized = rng.randint(12, 40) if scale < 1 else rng.randint(30, 180)
    admin = rng.randint(authorized // 4, authorized * 3 // 4)
    wages, goods, individual = cents(rng, 300 * scale, 2000 * scale), cents(rng, 80 * scale, 800 * scale), cents(rng, 0, 200 * scale)
    spending = []
    for i in range(rng.randint(1, 5)):
        budget = cents(rng, 20 * scale, 400 * scale)
        name = f"{place(unit)}{rng.choice(PROJECT_KINDS)}" if i == 0 else f"{rng.choice(PROJECT_KINDS)}{'' if i < 3 else i}"
        spending.append(ProjectSpending(name=name, budget=budget, actual=share_of(budget, 0.88, 1.0, rng)))
    spending = list({p.name: p for p in spending}.values())
    basic, project = wages + goods + individual, sum((p.actual for p in spending), Decimal(0))
    executed = basic + project
    full_year = (executed / Decimal(rng.randint(905, 1000)) * 1000).quantize(CENT, rounding=ROUND_HALF_UP)
    rate = (executed / full_year * 100).quantize(CENT, rounding=ROUND_HALF_UP)
    fund = cents(rng, 0, float(full_year) / 12) if rng.random() < 0.4 else Decimal(0)
    other = cents(rng, 0, float(full_year) / 10) if rng.random() < 0.5 else Decimal(0)
    catalogue, weights = _framework(plan)
    problems, measures = _problems(rng)
    return Filing(
        unit_name=unit, year=year, short_name=me, authorized=authorized, admin_staff=admin, institution_staff=authorized - admin,
        actual_staff=rng.randint(authorized * 85 // 100, authorized), filler=rng.choice(pools()["people"]),
        phone=f"0{rng.randint(730, 799)}-{rng.randint(5000000, 8999999)}", fill_date=f"{year + 1}年{rng.randint(1, 4)}月{rng.randint(1, 28)}日",
        leader=rng.choice(pools()["people"]),
        initial=share_of(full_year, 0.72, 1.0, rng), full_year=full_year, executed=executed,
        general=full_year - fund - other, fund=fund, special=Decimal(0), other=other, basic=basic, project=project,
        wages=wages, goods=goods, individual=individual,
        three_public=_three_public(rng, min(scale, 3)), project_spending=spending, public_funds=_public_funds(rng, goods),
        goals=_goals(rng, unit, rng.randint(1, 5)), indicators=indicators(rng, catalogue, weights, year, rate),
        problems=problems, measures=measures, narrative=_narrative(rng, unit, me),
    )


def _framework(plan: Plan) -> tuple[dict, dict[str, int]]:
    if plan.profile.framework == "duty_efficiency":
        return pools()["duty"], {g.name: int(g.weight) for g in plan.profile.level1}
    return pools()["national"], dict(NATIONAL_WEIGHTS)


def projects(rng: Random, plan: Plan) -> Filing:
    unit, me = unit_name(rng)
    year = rng.randint(2019, 2025)
    count = 1 if plan.kind == "project_report" or rng.random() < 0.5 else rng.randint(2, 3)
    names = list(dict.fromkeys(f"{year}年{place(unit)}{k}" for k in rng.sample(PROJECT_KINDS, count)))
    county = unit[:3]
    funds: list[FundRow] = []
    rows: list[IndicatorRow] = []
    goals: list[GoalRow] = []
    for name in names:
        main = cents(rng, 50, 600)
        for source in ["当年财政拨款", *sorted(rng.sample(["上年结转资金", "其他资金"], rng.randint(0, 2)), reverse=True)]:
            full_year = main if source == "当年财政拨款" else share_of(main, 0.05, 0.3, rng)
            initial = share_of(full_year, 0.8, 1.0, rng) if source == "当年财政拨款" else rng.choice([Decimal(0), full_year])
            funds.append(FundRow(row=len(funds), project=name, source=source, initial=initial, full_year=full_year,
                                 executed=share_of(full_year, 0.91, 1.0, rng)))
        mine = [f for f in funds if f.project == name]
        if sum(f.full_year for f in mine) > sum(f.initial for f in mine) * Decimal("1.4"):  # keep the adjustment plausible
            for f in mine[1:]:
                f.initial = f.full_year
        rows += indicators(rng, pools()["national"], dict(NATIONAL_WEIGHTS), year, project=name, first=len(rows))
        goals += _goals(rng, unit, rng.randint(1, 2), name)
    problems, measures = _problems(rng)
    return Filing(
        unit_name=unit, year=year, short_name=me, filler=rng.choice(pools()["people"]), phone=f"1{rng.randint(3000000000, 8999999999)}",
        fill_date=f"{year + 1}年{rng.randint(1, 4)}月{rng.randint(1, 28)}日", leader=rng.choice(pools()["people"]),
        projects=[ProjectInfo(name=n, department=f"{county}{rng.choice(pools()['bureaus'])}", implementer=unit) for n in names],
        funds=funds, goals=goals, indicators=rows, problems=problems, measures=measures, narrative=_narrative(rng, unit, me),
    )


def external(rng: Random, plan: Plan) -> Filing:
    unit, _ = unit_name(rng)
    year = rng.randint(2019, 2024)
    split = rng.choice(EXTERNAL_SPLITS)
    rows: list[IndicatorRow] = []
    catalogue = pools()["external"]
    for (level1, total) in zip([g.name for g in plan.profile.level1], split):
        names = [(key.split("/")[1], n) for key, items in catalogue.items() if key.startswith(level1 + "/") for n in items]
        chosen = sorted(rng.sample(names, rng.randint(min(2, len(names)), len(names))), key=names.index)
        for (level2, name), weight in zip(chosen, _spread(rng, total, len(chosen))):
            lost = Decimal(rng.choice([0, 0, 0, 0.5, 0.5, 1, 1.5])) if weight > 2 else Decimal(0)
            note = "符合要求，得满分" if not lost else f"存在不足，扣{lost.normalize():f}分"
            rows.append(IndicatorRow(row=len(rows), level1=level1, level2=level2, name=name, weight=weight, score=weight - lost, note=note))
    executed = cents(rng, 800, 20000)
    full_year = (executed / Decimal(rng.randint(905, 1000)) * 1000).quantize(CENT, rounding=ROUND_HALF_UP)
    basic = share_of(executed, 0.15, 0.45, rng)
    authorized = rng.randint(15, 150)
    admin = rng.randint(authorized // 4, authorized * 3 // 4)
    problems, measures = _problems(rng)
    return Filing(
        unit_name=unit, year=year, commissioner=f"{unit[:3]}财政局", evaluator=rng.choice(["正衡会计师事务所有限公司", "明达绩效评价咨询有限公司", "信和工程咨询有限公司"]),
        report_date=f"{year + 1}年{rng.randint(5, 9)}月{rng.randint(1, 28)}日", authorized=authorized, admin_staff=admin, institution_staff=authorized - admin,
        actual_staff=rng.randint(authorized * 85 // 100, authorized), initial=share_of(full_year, 0.75, 1.0, rng), full_year=full_year, executed=executed,
        basic=basic, project=executed - basic, indicators=rows, achievements=[g.achieved for g in _goals(rng, unit, 3)],
        problems=problems, measures=measures, narrative=_narrative(rng, unit, "本单位"),
    )


def filing(rng: Random, plan: Plan) -> Filing:
    """Consistent data for the template of `plan`."""
    return {"department": department, "project": projects, "external": external}[plan.family](rng, plan)
