"""Zip bombs, encrypted packages, corrupt files and hostile XML are refused with a Chinese InputError."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from jixiao.errors import InputError
from jixiao.ingest import docx, safety, xlsx
from tests.ingest.builders import build_ole2, build_report_docx

XXE = (
    '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)


def _docx_with_document_xml(tmp_path: Path, xml: str | bytes, name: str = "evil.docx") -> Path:
    src = build_report_docx(tmp_path / "src.docx")
    out = tmp_path / name
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = xml if item.filename == "word/document.xml" else zin.read(item)
            zout.writestr(item.filename, data)
    return out


def test_ratio_bomb_is_refused_before_parsing(tmp_path):
    bomb = _docx_with_document_xml(tmp_path, b" " * (3 * 1024 * 1024))
    with pytest.raises(InputError, match="压缩炸弹"):
        safety.check_zip(bomb)
    with pytest.raises(InputError, match="压缩炸弹"):
        docx.read(bomb)


def test_total_size_and_entry_limits(tmp_path):
    report = build_report_docx(tmp_path / "r.docx")
    safety.check_zip(report)  # a genuine report passes the default limits
    with pytest.raises(InputError, match="解压后总大小超过"):
        safety.check_zip(report, max_total=10 * 1024)
    with pytest.raises(InputError, match="文件过多"):
        safety.check_zip(report, max_entries=3)


def test_declared_total_beyond_200mb_is_refused(tmp_path):
    # Twenty entries of 11 MB of zeros: 220 MB once unpacked, from a file of a few hundred KB.
    path = tmp_path / "big.xlsx"
    chunk = bytes(1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        for i in range(20):
            with z.open(f"xl/media/{i}.bin", "w") as f:
                for _ in range(11):
                    f.write(chunk)
    with pytest.raises(InputError, match="200 MB"):
        xlsx.read(path)


@pytest.mark.parametrize("reader", [docx.read, xlsx.read])
def test_random_bytes_and_truncated_packages(tmp_path, reader):
    noise = tmp_path / "noise.docx"
    noise.write_bytes(os.urandom(4096))
    with pytest.raises(InputError, match="文件已损坏或不完整"):
        reader(noise)
    report = build_report_docx(tmp_path / "r.docx").read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(report[: len(report) // 2])
    with pytest.raises(InputError, match="文件已损坏或不完整"):
        reader(cut)


def test_damaged_member_is_an_input_error(tmp_path):
    path = build_report_docx(tmp_path / "r.docx")
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 20, start + 200):
        data[i] ^= 0x5A  # scramble the deflate stream, keep the directory intact
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match="文件已损坏或不完整"):
        docx.read(path)


def test_encrypted_ooxml_is_recognised(tmp_path):
    encrypted = build_ole2(tmp_path / "package.docx", "EncryptedPackage")
    assert safety.is_encrypted_ooxml(encrypted)
    with pytest.raises(InputError, match="文件已加密，请去除密码后再提交"):
        docx.read(encrypted)
    with pytest.raises(InputError, match="文件已加密"):
        xlsx.read(encrypted)


def test_plain_ole2_document_is_not_called_encrypted(tmp_path):
    assert not safety.is_encrypted_ooxml(build_ole2(tmp_path / "package.docx", "WordDocument"))


def test_xxe_in_document_xml_is_refused_without_reading_the_file(tmp_path):
    path = _docx_with_document_xml(tmp_path, XXE)
    with pytest.raises(InputError, match="DTD") as err:
        docx.read(path)
    assert "root:" not in str(err.value)


def test_billion_laughs_is_refused(tmp_path):
    with pytest.raises(InputError):
        docx.read(_docx_with_document_xml(tmp_path, LAUGHS))


def test_safe_parser_never_resolves_entities():
    root = etree.fromstring(XXE.encode(), safety.safe_parser())
    assert "root:" not in "".join(root.itertext())
    with pytest.raises(etree.XMLSyntaxError, match="amplification"):
        etree.fromstring(LAUGHS.encode(), safety.safe_parser())


def test_parse_xml_accepts_plain_xml_and_rejects_garbage(tmp_path):
    root = safety.parse_xml('<?xml version="1.0"?><a><b>文字</b></a>'.encode(), tmp_path / "x")
    assert root.findtext("b") == "文字"
    with pytest.raises(InputError, match="文件已损坏或不完整"):
        safety.parse_xml(b"<a><b></a>", tmp_path / "x")
