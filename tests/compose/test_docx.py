"""The Word report itself: outline, sentences, merged cells like the official forms, page numbers,
公文 fonts; LibreOffice opens it and converts it to PDF."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from jixiao.compose import docx_report, report
from jixiao.compose.fill_in import build
from jixiao.compose.outline import outline_for
from jixiao.errors import MissingToolError
from jixiao.scoring.profile import load_profile
from tests.compose.helpers import example_filing

HUNAN = load_profile("hunan")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "报告.docx"
    built = build(example_filing(), HUNAN)
    docx_report.write(built.report, built.filing, HUNAN, path)
    return path


def _paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(path).paragraphs]


def test_outline_and_generated_sentences(rendered):
    texts = _paragraphs(rendered)
    assert texts[:2] == ["云澜县枫林镇人民政府", "2024年度部门整体支出绩效自评报告"]
    headings = [h.title for h in outline_for(HUNAN).headings]
    assert [t for t in texts if t in headings] == headings
    assert "2024年度基本支出2988.36万元，占全年支出的88.11%，其中：工资福利支出2046.18万元，占68.47%" in "".join(texts)
    assert "2024年度“三公”经费总支出8.14万元，比2023年减少1.38万元。" in "".join(texts)
    assert any("自评得分99.37分，评价等级为“优”" in t for t in texts)


def test_self_eval_form_merges_like_the_official_form(rendered):
    tables = Document(rendered).tables
    assert len(tables) == 2
    form = tables[1]
    column0 = [c.text for c in form.columns[0].cells]
    assert column0.count("年度预算申请（万元）") == 7  # one cell merged over the budget block
    level1 = [c.text for c in form.columns[1].cells]
    assert level1.count("产出指标（50分）") == 8 and level1.count("效益指标（30分）") == 4
    level2 = [c.text for c in form.columns[2].cells]
    assert level2.count("数量指标") == 3 and level2.count("成本指标") == 2
    last = [c.text for c in form.rows[-1].cells]
    assert last[0] == "总分" and last[-3:-1] == ["100", "99.37"]
    xml = etree.tostring(form._tbl).decode()
    assert 'w:vMerge w:val="restart"' in xml and "w:gridSpan" in xml


def test_page_numbers_fonts_and_a4(rendered):
    with zipfile.ZipFile(rendered) as z:
        footer = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/footer"))
        document = etree.fromstring(z.read("word/document.xml"))
        fonts = z.read("word/fontTable.xml").decode()
    assert "PAGE" in footer and 'w:fldCharType="begin"' in footer
    east_asia = {f.get(f"{W}eastAsia") for f in document.iter(f"{W}rFonts")}
    assert {"方正小标宋简体", "黑体", "仿宋_GB2312", "楷体_GB2312", "宋体"} <= east_asia
    assert 'w:name="仿宋_GB2312"' in fonts and "Noto Serif CJK SC" in fonts
    section = Document(rendered).sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1), round(section.top_margin.cm, 1)) == (21.0, 29.7, 3.7)


def test_fallback_copy_replaces_missing_fonts(rendered, tmp_path, monkeypatch):
    monkeypatch.setattr(docx_report, "installed_fonts", lambda: {"黑体"})
    copy = tmp_path / "fallback.docx"
    docx_report.with_fallback_fonts(rendered, copy)
    with zipfile.ZipFile(copy) as z:
        xml = z.read("word/document.xml").decode()
    assert "仿宋_GB2312" not in xml and "Noto Serif CJK SC" in xml and '"黑体"' in xml


def test_pdf_without_libreoffice_says_what_to_install(rendered, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(MissingToolError, match="生成 PDF 需要 LibreOffice"):
        report.to_pdf(rendered)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_opens_and_converts_to_pdf(rendered):
    pdf = report.to_pdf(rendered)
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "云澜县枫林镇人民政府" in text and "部门整体支出绩效自评表" in text and "99.37" in text
