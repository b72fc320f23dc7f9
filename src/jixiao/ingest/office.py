"""Legacy Office/WPS backend: converts with headless LibreOffice, then reads the .docx or .xlsx result."""

from __future__ import annotations

import tempfile
from pathlib import Path

from jixiao import libreoffice
from jixiao.errors import InputError, MissingToolError
from jixiao.ingest import docx, xlsx
from jixiao.ingest.document import SourceDocument
from jixiao.ingest.limits import Limits, current
from jixiao.ingest.safety import OLE_MAGIC, check_not_encrypted, ole2_streams, open_checked_zip, read_member
from jixiao.ingest.source import Source

MISSING = (
    "读取 {ext} 需要 LibreOffice：请安装"
    "（Debian/Ubuntu：apt-get install libreoffice-writer-nogui libreoffice-calc-nogui）"
)
# OLE2 streams holding the content of an Excel/ET workbook or a Word/WPS text.
WORKBOOK_STREAMS = ("Workbook", "Book")
TEXT_STREAMS = ("WordDocument",)


def read(source: Source, limits: Limits | None = None) -> SourceDocument:
    """Convert a .doc/.wps/.rtf/.odt (to .docx) or .xls/.et/.ods (to .xlsx) and read the result."""
    src, limits = Source.of(source), limits or current()
    target = _target(src, limits)
    soffice = libreoffice.find()
    if soffice is None:
        raise MissingToolError(MISSING.format(ext=src.suffix or "该文件"))
    with tempfile.TemporaryDirectory(prefix="jixiao-lo-") as tmp, src.as_path() as path:
        converted = libreoffice.convert(soffice, path, Path(tmp), target)
        doc = (xlsx.read if target == "xlsx" else docx.read)(Source(src.name, path=converted), limits)
    doc.format = "office"
    doc.warnings.append(f"已用 LibreOffice 将 {src.suffix or '文件'} 转换为 .{target} 后读取，版式可能略有出入")
    return doc


def _target(src: Source, limits: Limits) -> str:
    """ "xlsx" or "docx", from the content; refuses what LibreOffice would import as plain text instead."""
    try:
        head = src.head(8)
        if head.startswith(b"PK\x03\x04"):
            return _opendocument_target(src, limits)
        if head == OLE_MAGIC:
            check_not_encrypted(src)
            streams = ole2_streams(src, WORKBOOK_STREAMS + TEXT_STREAMS)
            if not streams:
                raise InputError(src.name, "文件已损坏或不完整：找不到 Word/Excel/WPS 的文档数据")
            return "xlsx" if streams & set(WORKBOOK_STREAMS) else "docx"
    except OSError as e:
        raise InputError(src.name, f"无法读取文件（{e.strerror or e}）") from None
    return "docx"  # RTF


def _opendocument_target(src: Source, limits: Limits) -> str:
    with open_checked_zip(src, limits) as z:
        mimetype = read_member(z, "mimetype", src, limit=200) if "mimetype" in z.namelist() else b""
    return "xlsx" if mimetype.endswith(b"spreadsheet") else "docx"
