"""Output fit to file: fixed labels never wrap mid-phrase, row heights are upper bounds of their text,
page breaks are found before Word or LibreOffice lays the form out, the header row repeats and a
group cut by a break keeps its labels."""

from __future__ import annotations

import zipfile
from decimal import Decimal

import pytest
from lxml import etree

from jixiao.compose import docx_report, forms, layout
from jixiao.compose.builders import build
from jixiao.compose.filing import IndicatorRow
from jixiao.compose.outline import plan, writable
from tests.compose.helpers import example_built

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _grids(name: str):
    built, chosen = example_built(name), plan(name)
    return [g for form in chosen.compose.attachments for part in built.parts for g in docx_report._grids(chosen, form, chosen.form(form), part, built.filing)]


@pytest.mark.parametrize("name", [n for n in writable() if plan(n).compose.attachments])
def test_fixed_labels_fit_their_cells(name):
    """Header rows (bold) hold fixed labels; each of their lines fits its cell's width."""
    for g in _grids(name):
        covered = g.covered()
        for r in sorted(g.bold):
            for c, text in enumerate(g.rows[r]):
                if (r, c) not in covered and text:
                    assert layout.fits(text, g.span_width(r, c), g.font_size), (text, g.span_width(r, c))


def test_group_labels_break_at_phrase_boundaries():
    assert forms.fit_label("产出指标（50分）", 1.7, 9) == "产出指标\n（50分）"
    assert forms.fit_label("满意度指标（10分）", 1.7, 9) == "满意度\n指标\n（10分）"
    assert forms.fit_label("可持续影响指标", 1.8, 9) == "可持续影响\n指标"
    assert forms.fit_label("绩效目标合理性", 2.4, 9, cuts=()) == "绩效目标\n合理性"  # even lines, no orphaned character
    assert forms.fit_label("投入", 1.4, 9) == "投入"


def test_row_heights_hold_their_text():
    assert layout.lines_needed("数量指标", 1.8, 9) == 1
    assert layout.lines_needed("村集体经济年收入5万元以上村占比", 2.4, 9) == 3
    assert layout.lines_needed("产出指标\n（50分）", 1.7, 9) == 2
    g = forms.Grid([2.4, 1.0], font_size=9, line=12)
    g.add(["村集体经济年收入5万元以上村占比", "8"])
    assert layout.row_heights(g) == [layout.ROW_PADDING + 3 * 12]


def _long_form(rows: int):
    """A 部门整体支出绩效自评表 whose 产出指标 group runs over a page break."""
    chosen = plan("department_form")
    filing = example_built("department_form").filing
    weights = [Decimal(50) / rows] * rows
    extra = [IndicatorRow(row=i, level1="产出指标", level2="数量指标" if i < rows // 2 else "质量指标", name=f"第{i + 1}项重点工作完成量",
                          weight=w, direction="≥", target=Decimal(10), actual=Decimal(10), unit="项") for i, w in enumerate(weights)]
    others = [r for r in filing.indicators if r.level1 != "产出指标"]
    built = build(filing.model_copy(update={"indicators": extra + others}), chosen)
    return chosen, built


def test_a_group_cut_by_a_page_break_keeps_its_labels():
    chosen, built = _long_form(40)
    g = forms.indicator_grid(built.report, chosen.form("self_evaluation"), built.report.budget.execution_weight)
    end, breaks = layout.paginate(g, used=450.0)
    assert breaks and 0 < end < layout.PAGE_HEIGHT
    level1, level2 = 1, 2
    for b in breaks:
        assert g.rows[b][level1] and g.rows[b][level2]  # every page starts with its group's labels
        assert not any(r0 < b <= r1 for r0, c0, r1, c1 in g.merges if c0 in (level1, level2))  # no merge across the break
    assert sum(1 for row in g.rows if row[level1].startswith("产出指标")) >= 2  # the long group labelled again
    assert g.header_rows == 1 and g.rows[0][level1] == "一级指标"


def test_each_page_of_a_form_is_a_table_opening_with_the_header_row(tmp_path):
    chosen, built = _long_form(40)
    path = tmp_path / "表.docx"
    docx_report.write(built, chosen, path)
    with zipfile.ZipFile(path) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    tables = body.findall(f".//{W}tbl")
    pages = [t for t in tables if "一级指标" in "".join(t.itertext())]
    assert len(pages) >= 2
    for t in pages:
        rows = t.findall(f"{W}tr")
        assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None and rows[1].find(f"{W}trPr/{W}tblHeader") is None
        assert all(r.find(f"{W}trPr/{W}cantSplit") is not None and r.find(f"{W}trPr/{W}trHeight").get(f"{W}hRule") == "atLeast" for r in rows)
        assert "".join(rows[1].findall(f"{W}tc")[1].itertext()).startswith("产出指标")  # the group labelled on every page
    breaks = [p for p in body.iter(f"{W}br") if p.get(f"{W}type") == "page"]
    assert len(breaks) == len(pages) - 1
    signature = tables[-1]
    assert signature.find(f".//{W}tblBorders/{W}top").get(f"{W}val") == "nil" and signature.findall(f".//{W}noWrap")


def test_the_reader_joins_the_pages_of_a_form(tmp_path):
    from jixiao.outcome import parse_file

    chosen, built = _long_form(40)
    path = tmp_path / "表.docx"
    docx_report.write(built, chosen, path)
    parsed = parse_file(path)
    assert [(i.level1, i.level2, i.name, i.score) for i in parsed.indicators] == [(i.level1, i.level2, i.name, i.score) for i in built.report.indicators]
    assert parsed.total_score == built.report.total_score
