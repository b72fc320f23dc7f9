"""Absurd figures (thousands of digits, 1e400) are refused as values, never converted, never Infinity in JSON."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from jixiao.extract import extract, numbers
from jixiao.ingest.registry import read

HUGE = ["9" * 5000, "1" * 400 + ".5", "1" * 21, "1e400", "-" + "9" * 4400]


@pytest.mark.parametrize("text", HUGE)
def test_absurd_figures_are_not_values(text):
    assert numbers.to_decimal(text) is None
    assert numbers.number(text) is None
    assert numbers.percent(text + "%") is None
    assert numbers.amount(text + "万元") is None or numbers.amount(text + "万元")[0].adjusted() < numbers.MAX_DIGITS


def test_figures_up_to_twenty_digits_are_exact():
    assert numbers.to_decimal("12,345,678,901,234,567,890.12") == Decimal("12345678901234567890.12")
    assert numbers.number("99999999999999999999") == Decimal("99999999999999999999")


def test_chinese_numerals_of_absurd_length_are_not_numbers():
    assert numbers.chinese_numeral("一" * 5000) is None
    assert numbers.chinese_numeral("二〇二四") == 2024


@pytest.mark.parametrize("big", HUGE)
def test_report_full_of_absurd_figures_gives_strict_json(big):
    text = (
        f"部门整体支出绩效自评报告\n编制数{big}人，实际在职{big}人。\n年初预算{big}万元，全年预算{big}万元，执行数{big}万元，执行率为{big}%。\n"
        f"三公经费预算{big}万元，实际支出{big}万元。\n自评得分{big}分，评价等级为优。\n"
        f"一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n产出指标({big}分)\t数量\t完成数\t{big}\t{big}\t{big}\t{big}\n总分\t\t\t\t\t{big}\t{big}\n"
    )
    report = extract(read(text.encode(), name="报告.txt"))
    data = report.model_dump(mode="json")
    json.dumps(data, allow_nan=False)  # raises on Infinity or NaN
    assert all(abs(x) < 10**numbers.MAX_DIGITS * 10**4 for x in _numbers(data))  # at most 20 digits, × 10⁴ for 亿元
    assert report.grade == "优"
    assert all(i.target_measure is None or i.target_measure.value is None for i in report.indicators)


def _numbers(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from _numbers(v)
    elif isinstance(value, list):
        for v in value:
            yield from _numbers(v)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        yield value
