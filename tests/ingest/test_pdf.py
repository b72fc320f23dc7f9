"""The PDF backend on a text PDF exported by LibreOffice (data/report_text.pdf) and on damaged input."""

from __future__ import annotations

import os

import pypdfium2
import pytest

from jixiao.errors import InputError
from jixiao.ingest import layout, ocr, pdf
from jixiao.ingest.document import Block
from jixiao.ingest.limits import Limits
from tests.ingest.builders import LONG_PARAGRAPH


@pytest.fixture(scope="module")
def report(data_dir):
    return pdf.read(data_dir / "report_text.pdf")


def test_paragraphs_and_tables_top_to_bottom(report):
    assert report.pages == 2
    kinds = [(b.kind, b.page) for b in report.blocks]
    assert kinds == [("paragraph", 1)] * 5 + [("table", 1), ("paragraph", 2), ("table", 2)] + [("paragraph", 2)] * 2
    texts = [b.text for b in report.blocks if b.kind == "paragraph"]
    assert texts[0] == "某某县双江镇人民政府部门整体支出绩效自评报告"
    assert texts[5] == "二、部门整体支出绩效自评表"
    assert texts[-2:] == ["联系人：张三", "联系电话：0745-1234567"]


def test_wrapped_cjk_lines_join_without_spaces(report):
    texts = [b.text for b in report.blocks]
    assert LONG_PARAGRAPH in texts  # wraps over three lines on the page


def test_ruled_tables_with_spans(report):
    (_, basic), (_, self_eval) = report.tables()
    assert (basic.n_rows, basic.n_cols, basic.page) == (5, 4, 1)
    assert basic.rows()[0][0].colspan == 4
    assert [c.text for c in basic.rows()[3]] == ["公用经费", "80", "85", "83.2"]
    assert (self_eval.n_rows, self_eval.n_cols, self_eval.page) == (8, 7, 2)
    output = self_eval.grid()[3][0]
    assert (output.text, output.row, output.rowspan) == ("产出指标", 2, 3)
    assert [(c.text, c.colspan) for c in self_eval.rows()[7]] == [("总分", 6), ("54", 1)]
    assert [c.text for c in self_eval.rows()[6]][1:3] == ["服务对象满意度指标", "群众满意度"]


def test_encrypted_pdf(data_dir):
    with pytest.raises(InputError, match="文件已加密"):
        pdf.read(data_dir / "encrypted.pdf")


def test_random_and_truncated_pdfs(tmp_path, data_dir):
    noise = tmp_path / "noise.pdf"
    noise.write_bytes(b"%PDF-1.7\n" + os.urandom(5000))
    with pytest.raises(InputError, match="文件已损坏或不完整"):
        pdf.read(noise)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes((data_dir / "report_text.pdf").read_bytes()[:20000])
    with pytest.raises(InputError, match="文件已损坏或不完整"):
        pdf.read(cut)


def test_page_limit(data_dir):
    with pytest.raises(InputError, match="页数过多"):
        pdf.read(data_dir / "report_text.pdf", Limits(pdf_pages=1))


def test_only_pages_without_text_layer_go_to_ocr(monkeypatch, tmp_path, data_dir):
    mixed = pypdfium2.PdfDocument.new()
    mixed.import_pages(pypdfium2.PdfDocument(data_dir / "report_text.pdf"), [0])
    mixed.import_pages(pypdfium2.PdfDocument(data_dir / "report_scanned.pdf"), [1])
    mixed.save(tmp_path / "mixed.pdf")
    mixed.close()
    seen = []

    def fake_ocr(image, page):
        seen.append((page, image.size))
        return [Block("paragraph", "OCR 文本", page=page)]

    monkeypatch.setattr(ocr, "ocr_page", fake_ocr)
    doc = pdf.read(tmp_path / "mixed.pdf")
    assert [p for p, _ in seen] == [2]
    assert abs(seen[0][1][0] - 1654) < 5  # A4 width rendered at 200 dpi
    assert doc.blocks[-1].text == "OCR 文本"
    assert doc.blocks[0].text == "某某县双江镇人民政府部门整体支出绩效自评报告"


@pytest.mark.parametrize(
    ("lines", "text"),
    [
        (["预算编制过程中，根据", "国家政策"], "预算编制过程中，根据国家政策"),
        (["Total", "amount"], "Total amount"),
        (["执行率为", "72.67%"], "执行率为72.67%"),
        ([], ""),
    ],
)
def test_join_lines(lines, text):
    assert layout.join_lines(lines) == text


def test_pages_after_the_deadline_are_skipped_and_said_so(data_dir):
    doc = pdf.read(data_dir / "report_text.pdf", Limits(read_seconds=-1.0))
    assert doc.blocks == []
    assert any("读取超时" in reason and "其余页已跳过" in reason for reason in doc.partial)
