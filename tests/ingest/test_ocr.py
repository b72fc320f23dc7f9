"""OCR: a scanned report (data/report_scanned.pdf), page images, ruling-line grids and hostile images."""

from __future__ import annotations

import socket
from pathlib import Path

import cv2
import numpy as np
import pypdfium2
import pytest
from PIL import Image

from jixiao.errors import InputError
from jixiao.ingest import ocr, pdf


@pytest.fixture(scope="module")
def scanned(data_dir):
    return pdf.read(data_dir / "report_scanned.pdf")


def test_scanned_pdf_is_read_through_ocr(scanned):
    doc = scanned
    text = "\n".join(b.text for b in doc.blocks)
    for key in ("部门整体支出绩效自评报告", "一、部门（单位）基本情况", "二、部门整体支出绩效自评表", "联系电话"):
        assert key in text
    assert {b.page for b in doc.blocks} == {1, 2}


def test_scanned_tables_keep_their_grid_and_merges(scanned):
    doc = scanned
    (_, basic), (_, self_eval) = doc.tables()
    assert (basic.n_rows, basic.n_cols) == (5, 4)
    assert basic.rows()[0][0].colspan == 4
    assert [c.text for c in basic.rows()[2]] == ["三公经费", "12.5", "10", "9.8"]
    assert (self_eval.n_rows, self_eval.n_cols) == (8, 7)
    output = self_eval.grid()[2][0]
    assert (output.text, output.rowspan) == ("产出指标", 3)
    assert [c.text for c in self_eval.rows()[1]] == [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
    ]
    assert [(c.text, c.colspan) for c in self_eval.rows()[7]] == [("总分", 6), ("54", 1)]


def test_read_image_without_rules_gives_paragraphs(tmp_path, data_dir):
    page = pypdfium2.PdfDocument(data_dir / "report_scanned.pdf")[0]
    image = page.render(scale=150 / 72, grayscale=True).to_pil()
    top = image.crop((0, 150, image.width, 500))  # title, headings and body text above the first table
    top.save(tmp_path / "top.jpg", quality=80)
    doc = ocr.read_image(tmp_path / "top.jpg")
    assert doc.format == "image" and doc.pages == 1
    assert all(b.kind == "paragraph" and b.page == 1 for b in doc.blocks)
    assert "一、部门（单位）基本情况" in [b.text for b in doc.blocks]
    assert any("在编在岗" in b.text for b in doc.blocks)


def test_grid_from_ruling_lines_with_merged_cells():
    image = np.full((400, 600), 255, np.uint8)
    for y in (50, 150, 250, 350):
        cv2.line(image, (50, y), (550, y), 0, 2)
    for x in (50, 550):
        cv2.line(image, (x, 50), (x, 350), 0, 2)
    cv2.line(image, (300, 150), (300, 350), 0, 2)  # the top row is one merged cell
    cv2.line(image, (425, 150), (425, 250), 0, 2)  # the middle row has three cells, the bottom one two
    (grid,) = ocr.find_grids(image)
    assert len(grid.xs) == 4 and len(grid.ys) == 4
    assert grid.cells == [(0, 0, 1, 3), (1, 0, 1, 1), (1, 1, 1, 1), (1, 2, 1, 1), (2, 0, 1, 1), (2, 1, 1, 2)]


def test_page_without_lines_has_no_grid():
    image = np.full((400, 600), 255, np.uint8)
    cv2.putText(image, "text only", (50, 200), cv2.FONT_HERSHEY_SIMPLEX, 2, 0, 3)
    assert ocr.find_grids(image) == []


def test_decompression_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.png"
    Image.new("1", (12_000, 12_000)).save(path)  # 144 megapixels in a few kilobytes
    assert path.stat().st_size < 100_000
    with pytest.raises(InputError, match="过大"):
        ocr.read_image(path)


def test_corrupt_image(tmp_path):
    path = tmp_path / "broken.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(InputError, match="图片已损坏"):
        ocr.read_image(path)


def test_engine_loads_shipped_models_without_network(monkeypatch):
    import rapidocr

    models = Path(rapidocr.__file__).parent / "models"
    assert any(models.glob("*det*.onnx")) and any(models.glob("*rec*.onnx"))

    def no_network(*args, **kwargs):
        raise AssertionError("OCR tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    ocr._engine.cache_clear()
    image = np.full((80, 400), 255, np.uint8)
    cv2.putText(image, "2024 100%", (10, 60), cv2.FONT_HERSHEY_SIMPLEX, 1.5, 0, 3)
    result = ocr._engine()(image)  # the first call loads the detection and recognition models
    assert "2024" in "".join(result.txts)
    assert ocr._engine() is ocr._engine()


def test_skewed_scan_keeps_its_table(data_dir):
    page = pypdfium2.PdfDocument(data_dir / "report_scanned.pdf")[1]
    image = page.render(scale=150 / 72, grayscale=True).to_pil().rotate(1.2, fillcolor=255)
    (table,) = [b.table for b in ocr.ocr_page(image, 2) if b.table is not None]
    assert (table.n_rows, table.n_cols) == (8, 7)
    assert [c.text for c in table.rows()[4]] == ["时效指标", "资金拨付及时率", "≥95%", "96%", "10", "10"]
