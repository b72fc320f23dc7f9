"""The Word documents themselves: each template's outline and sentences, forms merged like the official
ones, list items with their punctuation, page numbers, 公文 fonts with their fallbacks."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from jixiao.compose import fonts
from jixiao.compose.outline import plan, writable

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ITEM = re.compile(r"^([（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}\.\s|[①-⑳])")


def _paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(path).paragraphs if p.text]


def _tables_with(path: Path, text: str):
    return [t for t in Document(path).tables if text in "".join(c.text for c in t._cells)]


@pytest.mark.parametrize("name", writable())
def test_outline_headings_in_order(rendered, name):
    texts = _paragraphs(rendered[name])
    headings = [h.title for h in plan(name).compose.headings]
    assert [t for t in texts if t in headings] == headings


@pytest.mark.parametrize("name", writable())
def test_every_list_item_ends_with_its_punctuation(rendered, name):
    """Numbered items (（一） 1. （1） ①) end with 。 or ； (or ： before their sub-items); the 附件说明
    names no punctuation (GB/T 9704); headings are not items."""
    headings = {h.title for h in plan(name).compose.headings}
    items = [t for t in _paragraphs(rendered[name]) if _ITEM.match(t) and t not in headings and not t.startswith("附件")]
    assert all(t[-1] in "。；：" for t in items), [t for t in items if t[-1] not in "。；："]
    assert all(t.strip()[-1] in "。；：！？" for t in _paragraphs(rendered[name]) if len(t) > 40)


def test_hunan_sentences_and_forms(rendered):
    path = rendered["hunan_department"]
    texts = _paragraphs(path)
    assert texts[:2] == ["云澜县枫林镇人民政府", "2024年度部门整体支出绩效自评报告"]
    body = "".join(texts)
    assert "2024年度基本支出2988.36万元，占全年支出的88.11%，其中：工资福利支出2046.18万元，占68.47%" in body
    assert "2024年度“三公”经费总支出8.14万元，比2023年减少1.38万元。" in body
    assert "自评得分99.37分，评价等级为“优”" in body
    assert "附件：1. 部门整体支出绩效评价基础数据表" in texts and "附件1" in texts and "附件2" in texts
    head = _tables_with(path, "年度资金总额")[0]
    assert [c.text for c in head.columns[0].cells].count("年度预算\n申请\n（万元）") == 7  # one cell merged over the budget block
    indicators = _tables_with(path, "一级指标")
    level1 = [c.text for t in indicators for c in t.columns[1].cells]
    assert level1.count("产出指标\n（50分）") >= 8 and level1.count("效益指标\n（30分）") == 4
    last = [c.text for c in indicators[-1].rows[-1].cells]
    assert last[0] == "总分" and last[-3:-1] == ["100", "99.37"]
    xml = etree.tostring(indicators[0]._tbl).decode()
    assert 'w:vMerge w:val="restart"' in xml and "w:tblHeader" in xml and "w:gridSpan" in etree.tostring(head._tbl).decode()


def test_guangdong_states_the_two_part_score(rendered):
    body = "".join(_paragraphs(rendered["guangdong_department"]))
    assert re.search(r"履职效能指标得分为[\d.]+分，管理效率指标得分为[\d.]+分，整体绩效自评合计得分[\d.]+分，评价等级为“优”", body)
    head = _tables_with(rendered["guangdong_department"], "年度资金总额")[0]
    assert [c.text for c in head.rows[2].cells][-3:] == ["—", "94.98%", "—"]  # execution is scored inside 管理效率


def test_external_report_has_the_score_table_and_the_indicator_system(rendered):
    path = rendered["external_53"]
    texts = _paragraphs(path)
    assert texts[:2] == ["安平县民政局", "2023年度部门整体支出绩效评价报告"] and texts[2] == "委托单位：安平县财政局\n评价机构：安平正衡会计师事务所有限公司"
    summary = _tables_with(path, "得分率")[0]
    assert [c.text for c in summary.rows[0].cells] == ["一级指标", "分值", "得分", "得分率"]
    assert [c.text for c in summary.rows[-1].cells] == ["合计", "100", "91.50", "91.50%"]
    system = _tables_with(path, "评分说明")
    assert system and [c.text for c in system[0].rows[0].cells] == ["一级指标", "二级指标", "三级指标", "分值", "得分", "评分说明"]
    closing = texts.index("附件")
    assert "绩效评价得分：91.50　　综合评价结果等级：优" in texts and texts[closing - 2: closing] == ["安平正衡会计师事务所有限公司", "2024年6月28日"]


def test_chongqing_report_lists_targets_and_results(rendered):
    texts = _paragraphs(rendered["chongqing_narrative"])
    assert texts[1] == "关于2024年度绩效自评工作报告" and texts[2].startswith("按照《江阳县财政局关于开展2024年预算绩效自评工作的通知》要求")
    assert any(t.startswith("1. 产出指标（数量指标）：①农村公路养护里程≥86公里；②新建农村供水管网≥12公里。") for t in texts)
    assert any(t.startswith("（1）农村公路养护里程：目标≥86公里，实际完成88.5公里，得10分") for t in texts)
    assert not Document(rendered["chongqing_narrative"]).tables


def test_each_project_gets_its_own_form(rendered):
    path = rendered["project_form"]
    heads = _tables_with(path, "主管部门")
    assert [t.rows[0].cells[1].text for t in heads] == ["清溪镇农村公路养护项目", "清溪镇农村饮水安全巩固提升工程", "清溪镇农村人居环境整治项目"]
    assert [c.text for c in heads[1].rows[4].cells[1:5]] == ["其中：当年财政拨款", "210.00", "236.50", "221.30"]
    texts = _paragraphs(path)
    assert texts.count("项目支出绩效自评表") == 3 and "附件" not in texts  # forms filed alone: no 附件 label
    report = _paragraphs(rendered["project_report"])
    assert "附件" in report and "附件：项目支出绩效自评表" in report


def test_page_numbers_fonts_and_a4(rendered):
    with zipfile.ZipFile(rendered["hunan_department"]) as z:
        footer = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/footer"))
        document = etree.fromstring(z.read("word/document.xml"))
        table = z.read("word/fontTable.xml").decode()
    assert "PAGE" in footer and 'w:fldCharType="begin"' in footer
    east_asia = {f.get(f"{W}eastAsia") for f in document.iter(f"{W}rFonts")}
    assert {"方正小标宋简体", "黑体", "仿宋_GB2312", "楷体_GB2312", "宋体"} <= east_asia
    assert 'w:name="仿宋_GB2312"' in table and "Noto Serif CJK SC" in table
    section = Document(rendered["hunan_department"]).sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1), round(section.top_margin.cm, 1)) == (21.0, 29.7, 3.7)


def test_fallback_copy_replaces_missing_fonts(rendered, tmp_path):
    copy = tmp_path / "fallback.docx"
    fonts.with_fallback_fonts(rendered["hunan_department"], copy, {name: f for name, f in fonts.FALLBACKS.items() if name != "黑体"})
    with zipfile.ZipFile(copy) as z:
        xml = z.read("word/document.xml").decode()
    assert "仿宋_GB2312" not in xml and "Noto Serif CJK SC" in xml and '"黑体"' in xml


def test_missing_fonts_are_named_with_their_fallback(monkeypatch):
    monkeypatch.setattr(fonts, "installed_fonts", lambda: {"黑体", "宋体"})
    missing = fonts.missing_fonts()
    assert set(missing) == {"方正小标宋简体", "楷体_GB2312", "仿宋_GB2312"}
    note = fonts.fallback_note(missing)
    assert "仿宋_GB2312→Noto Serif CJK SC" in note and "Word 文件仍指定公文字体" in note
    monkeypatch.setattr(fonts, "installed_fonts", lambda: set(fonts.FALLBACKS))
    assert fonts.fallback_note(fonts.missing_fonts()) is None


def test_pdf_without_libreoffice_says_what_to_install(tmp_path, monkeypatch):
    import shutil

    from jixiao.compose import report
    from jixiao.errors import MissingToolError

    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(MissingToolError, match="生成 PDF 需要 LibreOffice"):
        report.to_pdf(tmp_path / "r.docx")
