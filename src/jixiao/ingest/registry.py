"""Which backend reads which file: sniffed from the first bytes, checked against the extension.

The registry is one explicit map from a format name to the function that reads it.  The content
decides the format; an extension that promises a different binary format is refused, because a
mislabelled file usually means the user attached the wrong file.

`read` is the one door into ingest: it takes a path, bytes or a stream, applies the limits, keeps
library log output off the terminal, and raises nothing but `JixiaoError` — any library exception
becomes an `InputError` that says in Chinese what is wrong with the file.
"""

from __future__ import annotations

import errno
import logging
import re
import zipfile
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import replace
from importlib import import_module
from pathlib import Path
from stat import S_ISDIR
from typing import BinaryIO

from jixiao.errors import CORRUPT, ENCRYPTED, OUT_OF_MEMORY, InputError, JixiaoError, describe
from jixiao.ingest.document import SourceDocument, bound_document
from jixiao.ingest.limits import MB, Limits, current
from jixiao.ingest.quiet import quiet
from jixiao.ingest.safety import OLE_MAGIC, ZIP_ERRORS, is_encrypted_ooxml
from jixiao.ingest.source import Source
from jixiao.ingest.text import join_cut_sentences
from jixiao.lazyre import lazy

log = logging.getLogger("jixiao")

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
# Member names in the local headers of a package whose central directory is lost (a cut download).
_PACKAGE_HINTS = ((b"word/", "docx"), (b"xl/", "xlsx"), (b"content.xml", "office"), (b"mimetype", "office"))
# The part that makes a zip an Office package, by format (OpenDocument is read as "office").
_OFFICE_PARTS = (("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx"), ("content.xml", "office"))
# What `Path.exists` takes for "no such file" rather than an error (a dangling or looping link, a file for a folder).
_MISSING = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)
_LOCAL_HEADER = lazy(rb"PK\x03\x04.{22}(..)..", re.DOTALL)


def _sniff(src: Source, head: bytes) -> tuple[str, zipfile.ZipFile | None]:
    """The format the content actually has, from its first bytes, and the package if it is an Office zip
    (left open for the reader; the caller closes it)."""
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf", None
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(src)
    if head.startswith(OLE_MAGIC) or head.startswith(b"{\\rtf"):
        return "office", None
    if head.startswith(IMAGE_MAGIC):
        return "image", None
    return ("text" if _looks_like_text(head) else "binary"), None


def _sniff_zip(src: Source) -> tuple[str, zipfile.ZipFile | None]:
    try:
        package = zipfile.ZipFile(src.openable())
    except ZIP_ERRORS:
        return _damaged_package(src), None
    names = set(package.namelist())
    for part, fmt in _OFFICE_PARTS:
        if part in names:
            return fmt, package
    package.close()
    return "zip", None


def _damaged_package(src: Source) -> str:
    """A zip whose directory cannot be read: a cut or damaged Office package (named by its first
    members' names or its extension) is refused as damaged, never as 'a ZIP archive'."""
    with src.open() as f:
        start = f.read(1 * MB)
    names = b"".join(start[m.end() : m.end() + 64] for m in _LOCAL_HEADER.finditer(start[:65536]))
    fmt = next((fmt for hint, fmt in _PACKAGE_HINTS if hint in names), EXTENSIONS.get(src.suffix, "zip"))
    what = FORMAT_NAMES[fmt] if fmt in ("docx", "xlsx", "office") else "压缩包"
    raise InputError(src.name, f"{CORRUPT}：{what}的内部结构无法读取（可能在下载或复制时被截断）")


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


def reader_for(fmt: str) -> Callable[[Source, Limits], SourceDocument]:
    module, func = READERS[fmt].split(":")
    return getattr(import_module(module), func)


def _check_file(src: Source, limits: Limits) -> None:
    """The file exists, is a file, is not empty and not larger than the limit."""
    size = _file_size(src.path, src.name) if src.path is not None else src.size()
    if size == 0:
        raise InputError(src.name, "文件为空（0 字节）")
    if size > limits.file_bytes:
        raise InputError(src.name, f"文件过大（{size / MB:.0f} MB，上限 {limits.file_bytes // MB} MB）")


def _file_size(path: Path, name: str) -> int:
    """The size of the file at `path` from one `stat` (what `Path.exists`, `Path.is_dir` and the size
    would each ask for); a path that is missing or cannot exist is "文件不存在", as `exists()` says."""
    try:
        st = path.stat()
    except ValueError:  # a NUL in the path
        raise InputError(name, "文件不存在") from None
    except OSError as e:
        if e.errno not in _MISSING:
            raise
        raise InputError(name, "文件不存在") from None
    if S_ISDIR(st.st_mode):
        raise InputError(name, "这是一个目录，不是文件")
    return st.st_size


def detect(source: Source | Path | str, limits: Limits | None = None) -> str:
    """The format to read the file as, or an `InputError` saying why it cannot be read."""
    fmt, package = _detect(Source.of(source), limits or current())
    if package is not None:
        package.close()
    return fmt


def _detect(src: Source, limits: Limits) -> tuple[str, zipfile.ZipFile | None]:
    """`detect`, keeping the Office package the sniffer opened for the reader (the caller closes it)."""
    _check_file(src, limits)
    try:
        head = src.head(4096)
        encrypted = head.startswith(OLE_MAGIC) and is_encrypted_ooxml(src)
    except OSError as e:
        raise InputError(src.name, f"无法读取文件（{e.strerror or e}）") from None
    if encrypted:  # a password-protected .docx/.xlsx is an OLE2 file, whatever its extension
        raise InputError(src.name, ENCRYPTED)
    actual, package = _sniff(src, head)
    try:
        _check_claim(src, actual)
    except InputError:
        if package is not None:
            package.close()
        raise
    return actual, package


def _check_claim(src: Source, actual: str) -> None:
    """Refuse content no backend reads, and an extension that promises another binary format."""
    claimed = EXTENSIONS.get(src.suffix)
    if actual in ("binary", "zip"):
        what = FORMAT_NAMES[actual]
        raise InputError(src.name, f"内容为{what}，不是可识别的报告格式（支持 .docx .pdf .xlsx .txt .png .jpg .doc .wps .et）")
    if claimed and claimed != actual and claimed != "text" and not (claimed == "office" and actual in ("docx", "xlsx")):
        raise InputError(
            src.name,
            f"扩展名为 {src.suffix}（{FORMAT_NAMES[claimed]}），但文件内容实为{FORMAT_NAMES[actual]}；请确认附件是否选错，或改正扩展名后重试",
        )


def read(source: str | Path | bytes | BinaryIO | Source, name: str | None = None, limits: Limits | None = None) -> SourceDocument:
    """Read any supported report file (a path, bytes or a binary stream) into the intermediate document.

    `name` is the file name used in messages and as the extension hint for bytes and streams.
    Paragraphs from page layouts (PDF, scans) are re-joined where a line or page break cut a
    sentence; Word and Excel paragraphs are real paragraphs and are left as they are.  Raises only
    `JixiaoError`; a file read in part has `partial` reasons and one warning saying so.
    """
    limits = limits or current()
    label = name or str(source) if isinstance(source, (str, Path)) else name
    with quiet():
        try:
            src = Source.of(source, name, max_bytes=limits.file_bytes)
            label = src.name
            doc = _read(src, limits)
        except JixiaoError:
            raise
        except MemoryError:
            raise InputError(label or "<输入>", OUT_OF_MEMORY) from None
        except Exception as e:  # every library's own exception becomes one Chinese cause
            log.debug("reading %s failed", label, exc_info=True)
            raise InputError(label or "<输入>", describe(e)) from None
    if doc.partial:
        doc.warnings.append(f"文件只读取了一部分：{'；'.join(doc.partial)}")
    return doc


def _read(src: Source, limits: Limits) -> SourceDocument:
    fmt, package = _detect(src, limits)
    with package or nullcontext():  # the reader takes the package already open, or opens the file itself
        doc = reader_for(fmt)(replace(src, package=package), limits)
    doc.path = src.name
    if fmt in ("pdf", "image"):
        doc.blocks = join_cut_sentences(doc.blocks)
    bound_document(doc, limits)
    return doc
