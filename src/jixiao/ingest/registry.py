"""Which backend reads which file: sniffed from the first bytes, checked against the extension.

The registry is one explicit map from a format name to the function that reads it.  The content
decides the format; an extension that promises a different binary format is refused, because a
mislabelled file usually means the user attached the wrong file.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from jixiao.errors import InputError
from jixiao.ingest.document import SourceDocument
from jixiao.ingest.text import join_cut_sentences

# format name -> "module:function"; imported lazily so `jixiao parse x.txt` never loads onnxruntime.
READERS: dict[str, str] = {
    "text": "jixiao.ingest.text:read",
    "docx": "jixiao.ingest.docx:read",
    "xlsx": "jixiao.ingest.xlsx:read",
    "pdf": "jixiao.ingest.pdf:read",
    "image": "jixiao.ingest.ocr:read_image",
    "office": "jixiao.ingest.office:read",
}

FORMAT_NAMES = {
    "text": "纯文本",
    "docx": "Word 文档（.docx）",
    "xlsx": "Excel 工作簿（.xlsx）",
    "pdf": "PDF 文档",
    "image": "图片",
    "office": "旧版 Office/WPS 文档",
    "zip": "ZIP 压缩包",
    "binary": "无法识别的二进制数据",
}

EXTENSIONS = {
    ".txt": "text", ".md": "text", ".markdown": "text", ".text": "text", ".csv": "text",
    ".docx": "docx", ".docm": "docx",
    ".xlsx": "xlsx", ".xlsm": "xlsx",
    ".pdf": "pdf",
    ".png": "image", ".jpg": "image", ".jpeg": "image", ".tif": "image", ".tiff": "image",
    ".bmp": "image", ".webp": "image",
    ".doc": "office", ".wps": "office", ".et": "office", ".xls": "office", ".rtf": "office",
    ".odt": "office", ".ods": "office",
}

IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"BM", b"RIFF")


def sniff(path: Path, head: bytes) -> str:
    """The format the content actually has, from its first bytes."""
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(path)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") or head.startswith(b"{\\rtf"):
        return "office"
    if head.startswith(IMAGE_MAGIC):
        return "image"
    return "text" if _looks_like_text(head) else "binary"


def _sniff_zip(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return "zip"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "content.xml" in names:
        return "office"  # OpenDocument
    return "zip"


def _looks_like_text(head: bytes) -> bool:
    if not head:
        return True
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return True
    if b"\x00" in head:
        return _looks_like_bomless_utf16(head)
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls <= len(head) // 100


def _looks_like_bomless_utf16(head: bytes) -> bool:
    even_zeros = head[0::2].count(0)
    odd_zeros = head[1::2].count(0)
    return max(even_zeros, odd_zeros) > len(head) // 4 and min(even_zeros, odd_zeros) < len(head) // 50


def reader_for(fmt: str) -> Callable[[Path], SourceDocument]:
    module, func = READERS[fmt].split(":")
    return getattr(import_module(module), func)


def detect(path: Path) -> str:
    """The format to read `path` as, or an `InputError` saying why it cannot be read."""
    if not path.exists():
        raise InputError(str(path), "文件不存在")
    if path.is_dir():
        raise InputError(str(path), "这是一个目录，不是文件")
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError as e:
        raise InputError(str(path), f"无法读取文件（{e.strerror or e}）") from None
    if not head:
        raise InputError(str(path), "文件为空（0 字节）")
    actual = sniff(path, head)
    claimed = EXTENSIONS.get(path.suffix.lower())
    if actual in ("binary", "zip"):
        what = FORMAT_NAMES[actual]
        raise InputError(str(path), f"内容为{what}，不是可识别的报告格式（支持 .docx .pdf .xlsx .txt .png .jpg .doc .wps .et）")
    if claimed and claimed != actual and claimed != "text" and not (claimed == "office" and actual in ("docx", "xlsx")):
        raise InputError(
            str(path),
            f"扩展名为 {path.suffix}（{FORMAT_NAMES[claimed]}），但文件内容实为{FORMAT_NAMES[actual]}；请确认附件是否选错，或改正扩展名后重试",
        )
    return actual


def read(path: str | Path) -> SourceDocument:
    """Read any supported report file into the intermediate document.

    Paragraphs from page layouts (PDF, scans) are re-joined where a line or page break cut a
    sentence; Word and Excel paragraphs are real paragraphs and are left as they are.
    """
    p = Path(path)
    fmt = detect(p)
    doc = reader_for(fmt)(p)
    if fmt in ("pdf", "image"):
        doc.blocks = join_cut_sentences(doc.blocks)
    return doc
