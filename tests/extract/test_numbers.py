"""Amounts, percentages, comparators and Chinese numerals."""

from decimal import Decimal

import pytest

from jixiao.extract import numbers
from jixiao.extract.normalize import clean


@pytest.mark.parametrize(("raw", "expected"), [
    ("$=100\\%$", "=100%"),
    ("$\\geq 95\\%$", "≥ 95%"),
    ("安全生产 消防检查 次数", "安全生产消防检查次数"),
    ("２０２４ 年 １２ 月", "2024年12月"),
    ("≥1 次/ 月", "≥1次/月"),
    ("３，１２２．００", "3,122.00"),
    ("1 999.37 万元", "1999.37万元"),
    ("[bookmark: _Hlk1]一级指标", "一级指标"),
])
def test_clean(raw, expected):
    assert clean(raw) == expected


@pytest.mark.parametrize(("raw", "value", "unit"), [
    ("37,497.28 万元", Decimal("37497.28"), "万元"),
    ("9,158,647.00元", Decimal("915.8647"), "元"),
    ("1.2亿元", Decimal("12000"), "亿元"),
    ("３０１９．１７万元", Decimal("3019.17"), "万元"),
    ("102.83", Decimal("102.83"), "万元"),
])
def test_amount_is_converted_to_wan_exactly(raw, value, unit):
    assert numbers.amount(raw) == (value, unit)


@pytest.mark.parametrize(("raw", "expected"), [("三千五百", 3500), ("十二", 12), ("二〇二四", 2024), ("一亿二千万", 120_000_000), ("一百零八", 108), ("万元", None)])
def test_chinese_numeral(raw, expected):
    assert numbers.chinese_numeral(raw) == expected


@pytest.mark.parametrize(("raw", "comparator", "value", "unit"), [
    ("≥1 次/ 月", "≥", Decimal(1), "次/月"),
    ("不低于95%", "≥", Decimal(95), "%"),
    ("不超过1999.37万元", "≤", Decimal("1999.37"), "万元"),
    ("$=100\\%$", "=", Decimal(100), "%"),
    ("90%以上", "≥", Decimal(90), "%"),
    ("＞80分", ">", Decimal(80), "分"),
    ("30家", None, Decimal(30), "家"),
])
def test_measure(raw, comparator, value, unit):
    m = numbers.measure(raw)
    assert (m.comparator, m.value, m.unit, m.qualitative) == (comparator, value, unit, False)


def test_qualitative_and_date_measures_have_no_value():
    assert numbers.measure("效果明显").qualitative is True
    assert numbers.measure("2024年12月31日").value is None


@pytest.mark.parametrize(("raw", "expected"), [("2　", Decimal(2)), ("99.7%", Decimal("99.7")), ("8 分", Decimal(8)), ("30家 34家", None), ("", None)])
def test_number_of_a_cell(raw, expected):
    assert numbers.number(raw) == expected


def test_percent():
    assert numbers.percent("执行率 72.67%") == Decimal("72.67")
    assert numbers.percent("0.7267") is None
