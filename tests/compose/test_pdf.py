"""The PDF pages as LibreOffice lays them out (one LibreOffice run for every template's example and a
long form): each page a form runs onto starts with its header row and its group's labels, fixed
labels stay on one line, the 公文 fonts the machine lacks are replaced by Noto before converting."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from jixiao.compose import docx_report, fonts
from jixiao.compose.outline import writable
from tests.compose.helpers import example_built
from tests.compose.test_layout import _long_form

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory, rendered) -> dict[str, list[str]]:
    """Every template's example and a long form as PDF, one page's text per item."""
    tmp = tmp_path_factory.mktemp("pdf")
    chosen, built = _long_form(40)
    docx_report.write(built, chosen, tmp / "long.docx")
    sources = {**rendered, "long": tmp / "long.docx"}
    missing = fonts.missing_fonts()
    for name, path in sources.items():
        fonts.with_fallback_fonts(path, tmp / f"{name}-fonts.docx", missing)
    env = {**os.environ, "HOME": str(tmp)}
    subprocess.run([shutil.which("soffice"), f"-env:UserInstallation={(tmp / 'profile').as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp / "out"), *(str(tmp / f"{n}-fonts.docx") for n in sources)],
                   env=env, capture_output=True, timeout=600, check=True)
    return {name: _pages(tmp / "out" / f"{name}-fonts.pdf") for name in sources}


def _pages(pdf: Path) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    return [doc[i].get_textpage().get_text_range().replace("\r", "") for i in range(len(doc))]


def _flat(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("name", writable())
def test_every_template_converts_with_its_figures(pdfs, name):
    built = example_built(name).report
    text = _flat("".join(pdfs[name]))
    assert built.unit.name in text
    totals = [built.total_score] if built.total_score is not None else [p.total_score for p in built.projects]
    assert all(f"{t:.2f}".rstrip("0").rstrip(".") in text for t in totals)


def test_every_page_of_a_long_form_starts_with_its_header_and_group(pdfs):
    pages = pdfs["long"]
    continued = [p for p in pages if "第" in p and not _flat(p).startswith("部门整体支出绩效自评表")]
    assert len(continued) >= 1
    for page in continued:
        flat = _flat(page)
        assert flat.startswith("绩效指标一级指标二级指标三级指标"), flat[:40]  # the header row repeated
        assert "产出指标（50分）" in flat and ("数量指标" in flat or "质量指标" in flat)  # its group labelled again


@pytest.mark.parametrize("label", ["单位负责人签字：", "填报日期：", "联系电话：", "年度资金总额", "偏差原因分析"])
def test_fixed_labels_stay_on_one_line(pdfs, label):
    lines = [line.replace(" ", "") for name in ("hunan_department", "project_form") for page in pdfs[name] for line in page.split("\n")]
    assert any(label in line for line in lines)
