"""Legacy Office/WPS files through LibreOffice; the conversion tests need `soffice` on PATH."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from jixiao import libreoffice
from jixiao.errors import InputError, MissingToolError
from jixiao.ingest import office
from tests.ingest.builders import build_ole2, build_report_docx

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")


def _convert(src: Path, target: str) -> Path:
    profile = (src.parent / "lo-profile").as_uri()
    cmd = [
        "soffice",
        f"-env:UserInstallation={profile}",
        "--headless",
        "--convert-to",
        target,
        "--outdir",
        str(src.parent),
        str(src),
    ]
    subprocess.run(cmd, check=True, capture_output=True, timeout=180)
    return src.with_suffix("." + target)


@needs_soffice
def test_doc_is_converted_and_read_like_docx(tmp_path):
    doc_file = _convert(build_report_docx(tmp_path / "report.docx"), "doc")
    doc = office.read(doc_file)
    assert doc.format == "office" and doc.path == str(doc_file)
    assert any("LibreOffice" in w for w in doc.warnings)
    texts = [b.text for b in doc.blocks]
    assert "一、部门（单位）基本情况" in texts
    (_, basic), (_, self_eval), _nested = doc.tables()
    assert (basic.n_rows, basic.n_cols) == (5, 4)
    assert (self_eval.n_rows, self_eval.n_cols) == (8, 7)
    assert self_eval.grid()[3][0].text == "产出指标"


@needs_soffice
def test_xls_content_is_converted_to_xlsx(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "基础数据表"
    ws.append(["项目", "预算数", "执行率"])
    ws.append(["三公经费", 10.5, 0.98])
    ws["C2"].number_format = "0.00%"
    ws.merge_cells("A3:C3")
    ws["A3"] = "合计"
    wb.save(tmp_path / "data.xlsx")
    et = _convert(tmp_path / "data.xlsx", "xls").rename(tmp_path / "data.et")  # WPS 表格 uses the same format
    doc = office.read(et)
    ((_, table),) = doc.tables()
    assert [[c.text for c in row] for row in table.rows()] == [
        ["项目", "预算数", "执行率"],
        ["三公经费", "10.5", "98.00%"],
        ["合计"],
    ]
    assert table.rows()[2][0].colspan == 3


def test_hollow_ole2_file_is_refused_before_converting(monkeypatch, tmp_path):
    monkeypatch.setattr(libreoffice.shutil, "which", lambda name: pytest.fail("LibreOffice should not be looked up"))
    path = tmp_path / "broken.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8)
    with pytest.raises(InputError, match="找不到 Word/Excel/WPS 的文档数据"):
        office.read(path)


def test_conversion_without_output_is_an_input_error(monkeypatch, tmp_path):
    true = shutil.which("true")  # exits 0 and writes nothing
    monkeypatch.setattr(libreoffice.shutil, "which", lambda name: true)
    path = build_ole2(tmp_path / "report.doc", "WordDocument")
    with pytest.raises(InputError, match="LibreOffice 无法转换"):
        office.read(path)


@needs_soffice
def test_odt_is_converted_to_docx(tmp_path):
    odt = _convert(build_report_docx(tmp_path / "report.docx"), "odt")
    doc = office.read(odt)
    assert [(t.n_rows, t.n_cols) for _, t in doc.tables()] == [(5, 4), (8, 7), (2, 2)]


@needs_soffice
def test_conversion_timeout(monkeypatch, tmp_path):
    monkeypatch.setattr(libreoffice, "TIMEOUT_S", 0.01)
    with pytest.raises(InputError, match="转换超时"):
        office.read(build_report_docx(tmp_path / "r.docx").rename(tmp_path / "r.doc"))


def test_missing_libreoffice(monkeypatch, tmp_path):
    monkeypatch.setattr(libreoffice.shutil, "which", lambda name: None)
    path = build_ole2(tmp_path / "report.wps", "WordDocument")
    with pytest.raises(MissingToolError, match=r"读取 \.wps 需要 LibreOffice"):
        office.read(path)


def test_encrypted_package_named_doc_is_refused_before_converting(monkeypatch, tmp_path):
    monkeypatch.setattr(libreoffice.shutil, "which", lambda name: pytest.fail("LibreOffice should not be looked up"))
    path = build_ole2(tmp_path / "report.doc", "EncryptedPackage")
    with pytest.raises(InputError, match="文件已加密"):
        office.read(path)
