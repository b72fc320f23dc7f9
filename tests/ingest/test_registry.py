"""The one door into ingest: paths, bytes and streams; every failure one Chinese cause; partial reads said."""

from __future__ import annotations

import io
import logging
import zipfile
from pathlib import Path

import pytest

from jixiao.errors import CORRUPT, ENCRYPTED, NUMBER_RANGE, TOO_DEEP, UNSUPPORTED_COMPRESSION, InputError, describe
from jixiao.extract import extract
from jixiao.ingest import registry
from jixiao.ingest.quiet import quiet
from jixiao.ingest.registry import read
from tests.fuzz.builders import cell, patch_headers, pdf_with_pages, xlsx_bytes
from tests.ingest.builders import build_report_docx, ole2_bytes

DATA = Path(__file__).resolve().parents[1] / "data"
FIXTURES = [DATA / "docx/sources/hn_qingshi_2024.docx", DATA / "xlsx/sources/hn_qingshi_2024_forms.xlsx",
            DATA / "pdf/sources/gd_hegang_2024.pdf", DATA / "text/sources/hn_jinqiao_2023_rows_gb18030.txt"]


def _texts(doc) -> list[str]:
    return [b.text if b.table is None else "|".join(c.text for c in b.table.cells) for b in doc.blocks]


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.suffix)
def test_bytes_and_streams_read_like_the_path(path):
    expected = read(path)
    from_bytes = read(path.read_bytes(), name=path.name)
    with path.open("rb") as f:
        from_stream = read(f)
    assert _texts(from_bytes) == _texts(expected) == _texts(from_stream)
    assert from_bytes.path == path.name and from_stream.path == str(path)
    assert from_bytes.format == expected.format


def test_bytes_without_a_name_are_sniffed_and_named_in_messages():
    doc = read("一、基本情况\n编制数114人。\n".encode())
    assert doc.format == "text" and doc.blocks[0].text == "一、基本情况"
    with pytest.raises(InputError, match=r"^<内存数据>：文件为空"):
        read(b"")


def test_a_text_mode_stream_is_refused_in_chinese():
    with pytest.raises(InputError, match="二进制"):
        read(io.StringIO("编制数"), name="报告.txt")


@pytest.mark.parametrize("name", ["报告.docx", "报告.xlsx", "报告.pdf", "报告.txt", "报告"])
def test_encrypted_ooxml_is_named_encrypted_whatever_its_extension(name):
    with pytest.raises(InputError) as err:
        read(ole2_bytes("EncryptedPackage"), name=name)
    assert str(err.value) == f"{name}：{ENCRYPTED}"


def test_truncated_docx_is_damaged_not_a_zip_archive(tmp_path):
    data = build_report_docx(tmp_path / "r.docx").read_bytes()
    with pytest.raises(InputError) as err:
        read(data[: len(data) // 2], name="报告.docx")
    assert CORRUPT in str(err.value) and "Word" in str(err.value) and "ZIP 压缩包" not in str(err.value)


@pytest.mark.parametrize("patch", [{"method": 99}, {"method": 14}, {"version": 99}])
def test_zip_with_unsupported_compression_is_said_so(tmp_path, patch):
    data = patch_headers(build_report_docx(tmp_path / "r.docx").read_bytes(), **patch)
    with pytest.raises(InputError, match=UNSUPPORTED_COMPRESSION):
        read(data, name="报告.docx")


def test_zip_member_with_encryption_flag_is_encrypted(tmp_path):
    data = patch_headers(build_report_docx(tmp_path / "r.docx").read_bytes(), flags=1)
    with pytest.raises(InputError, match=ENCRYPTED):
        read(data, name="报告.docx")


@pytest.mark.parametrize(
    ("error", "cause"),
    [
        (RecursionError("maximum recursion depth exceeded"), TOO_DEEP),
        (OverflowError("int too large"), NUMBER_RANGE),
        (ValueError("Exceeds the limit (4300 digits) for integer string conversion"), NUMBER_RANGE),
        (NotImplementedError("That compression method is not supported"), UNSUPPORTED_COMPRESSION),
        (KeyError("word/document.xml"), CORRUPT),
        (zipfile.BadZipFile("File is not a zip file"), CORRUPT),
        (type("PDFPasswordIncorrect", (Exception,), {})(), ENCRYPTED),
        (Exception(type("PdfminerException", (Exception,), {})(RecursionError("maximum recursion depth exceeded"))), TOO_DEEP),
    ],
)
def test_library_exceptions_map_to_causes_in_the_users_terms(error, cause):
    assert describe(error) == cause


@pytest.mark.parametrize("error", [KeyError("x"), RecursionError(), MemoryError(), TypeError("bad"), AssertionError(), IndexError()])
def test_read_raises_only_input_errors_and_logs_the_detail(monkeypatch, caplog, error):
    def broken(src, limits):
        raise error

    monkeypatch.setattr(registry, "reader_for", lambda fmt: broken)
    with caplog.at_level(logging.DEBUG, logger="jixiao"), pytest.raises(InputError) as err:
        read("编制数114人".encode(), name="报告.txt")
    message = str(err.value)
    assert message.startswith("报告.txt：") and "\n" not in message and type(error).__name__ not in message
    assert isinstance(error, MemoryError) or any(r.exc_info for r in caplog.records)


def test_sheets_beyond_the_limit_make_a_partial_read_with_one_warning():
    data = xlsx_bytes([f"<sheetData><row>{cell('A1', f'表{i}')}</row></sheetData>" for i in range(70)])
    doc = read(data, name="报告.xlsx")
    assert doc.partial == ["工作表超过 64 张，其余已忽略"]
    assert [w for w in doc.warnings if "只读取了一部分" in w] == ["文件只读取了一部分：工作表超过 64 张，其余已忽略"]
    assert "文件只读取了一部分：工作表超过 64 张，其余已忽略" in extract(doc).warnings
    assert sum(b.kind == "heading" for b in doc.blocks) == 64


def test_damaged_pdf_read_in_part_says_so_and_prints_nothing(capfd):
    data = pdf_with_pages([b"BT /F1 12 Tf 50 700 Td (Budget execution rate 95%) Tj ET"] * 2)
    head, _, tail = data.rpartition(b"startxref\n")
    damaged = head + b"startxref\n5" + tail[tail.index(b"\n") :]  # the cross-reference table is not where it says
    doc = read(damaged, name="报告.pdf")
    assert any("交叉引用表已损坏" in reason for reason in doc.partial)
    assert any("只读取了一部分" in w for w in doc.warnings)
    assert "Budget execution rate 95%" in doc.blocks[0].text
    assert capfd.readouterr() == ("", "")


@pytest.mark.parametrize("library", ["pdfminer.pdfdocument", "openpyxl.reader", "PIL.PngImagePlugin", "RapidOCR"])
def test_library_log_records_reach_only_the_jixiao_debug_log(capfd, caplog, library):
    with caplog.at_level(logging.DEBUG, logger="jixiao"), quiet():
        logging.getLogger(library).error("Invalid xref entry, rebuilding")  # error: passes any level a library set
    assert capfd.readouterr() == ("", "")
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [("jixiao", logging.DEBUG, f"{library}: Invalid xref entry, rebuilding")]


def test_a_whole_read_is_not_partial():
    doc = read(FIXTURES[0])
    assert doc.partial == [] and not any("只读取了一部分" in w for w in doc.warnings)


def test_a_package_directory_is_read_once_and_the_package_always_closed(tmp_path, monkeypatch):
    """The sniffer's open package goes to the reader; a refused file's package is closed all the same."""
    opened: list[zipfile.ZipFile] = []

    class Tracked(zipfile.ZipFile):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            opened.append(self)

    monkeypatch.setattr(zipfile, "ZipFile", Tracked)
    path = build_report_docx(tmp_path / "report.docx")
    assert read(path).blocks
    assert len(opened) == 1
    mislabelled = tmp_path / "report.pdf"
    mislabelled.write_bytes(path.read_bytes())
    with pytest.raises(InputError, match=r"扩展名为 \.pdf"):
        read(mislabelled)
    assert registry.detect(path) == "docx"
    assert len(opened) == 3 and all(z.fp is None for z in opened)
