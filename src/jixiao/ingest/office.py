"""Legacy Office/WPS backend: converts with headless LibreOffice, then reads the .docx or .xlsx result."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

from jixiao import libreoffice
from jixiao.errors import InputError, MissingToolError
from jixiao.ingest import docx, xlsx
from jixiao.ingest.document import SourceDocument
from jixiao.ingest.safety import (
    CORRUPT,
    OLE_MAGIC,
    ZIP_ERRORS,
    check_not_encrypted,
    check_zip,
    ole2_streams,
    read_member,
)

MISSING = (
    "读取 {ext} 需要 LibreOffice：请安装"
    "（Debian/Ubuntu：apt-get install libreoffice-writer-nogui libreoffice-calc-nogui）"
)
# OLE2 streams holding the content of an Excel/ET workbook or a Word/WPS text.
WORKBOOK_STREAMS = ("Workbook", "Book")
TEXT_STREAMS = ("WordDocument",)


def read(path: Path) -> SourceDocument:
    """Convert a .doc/.wps/.rtf/.odt (to .docx) or .xls/.et/.ods (to .xlsx) and read the result."""
    target = _target(path)
    soffice = libreoffice.find()
    if soffice is None:
        raise MissingToolError(MISSING.format(ext=path.suffix.lower() or "该文件"))
    with tempfile.TemporaryDirectory(prefix="jixiao-lo-") as tmp:
        converted = libreoffice.convert(soffice, path, Path(tmp), target)
        doc = (xlsx.read if target == "xlsx" else docx.read)(converted)
    doc.path, doc.format = str(path), "office"
    doc.warnings.append(f"已用 LibreOffice 将 {path.suffix or '文件'} 转换为 .{target} 后读取，版式可能略有出入")
    return doc


def _target(path: Path) -> str:
    """ "xlsx" or "docx", from the content; refuses what LibreOffice would import as plain text instead."""
    try:
        with path.open("rb") as f:
            head = f.read(8)
        if head.startswith(b"PK\x03\x04"):
            return _opendocument_target(path)
        if head == OLE_MAGIC:
            check_not_encrypted(path)
            streams = ole2_streams(path, WORKBOOK_STREAMS + TEXT_STREAMS)
            if not streams:
                raise InputError(str(path), "文件已损坏或不完整：找不到 Word/Excel/WPS 的文档数据")
            return "xlsx" if streams & set(WORKBOOK_STREAMS) else "docx"
    except OSError as e:
        raise InputError(str(path), f"无法读取文件（{e.strerror or e}）") from None
    return "docx"  # RTF


def _opendocument_target(path: Path) -> str:
    check_zip(path)
    try:
        with zipfile.ZipFile(path) as z:
            mimetype = read_member(z, "mimetype", path, limit=200) if "mimetype" in z.namelist() else b""
    except ZIP_ERRORS:
        raise InputError(str(path), CORRUPT) from None
    return "xlsx" if mimetype.endswith(b"spreadsheet") else "docx"
