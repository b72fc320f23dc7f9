"""Guards run before any parser touches a file: zip bombs, encrypted packages and hostile XML."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from jixiao.errors import InputError

MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200
RATIO_MIN_BYTES = 1024 * 1024
MAX_ENTRIES = 10_000

CORRUPT = "文件已损坏或不完整"
ENCRYPTED = "文件已加密，请先取消密码保护"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SCAN_LIMIT = 256 * 1024 * 1024
# Errors a zip archive or its deflate streams raise when the file is damaged.
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError, KeyError)


def is_ole2(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(8) == OLE_MAGIC


def ole2_streams(path: Path, names: tuple[str, ...]) -> set[str]:
    """Which of `names` an OLE2 compound file's directory holds as streams (empty for other files).

    Directory entries are 128-byte aligned: a UTF-16 name, then at 0x40 the name's byte length
    (with its NUL) and the entry type (2, a stream) — text that merely contains a name never matches.
    """
    if not is_ole2(path):
        return set()
    data = path.read_bytes()[:_SCAN_LIMIT]
    return {name for name in names if _has_entry(data, name)}


def _has_entry(data: bytes, name: str) -> bool:
    encoded = name.encode("utf-16-le")
    tail = struct.pack("<HB", len(encoded) + 2, 2)
    start = data.find(encoded)
    while start != -1:
        if start % 128 == 0 and data[start + 0x40 : start + 0x43] == tail:
            return True
        start = data.find(encoded, start + 1)
    return False


def is_encrypted_ooxml(path: Path) -> bool:
    """True for a password-protected .docx/.xlsx: an OLE2 container holding an `EncryptedPackage`."""
    return bool(ole2_streams(path, ("EncryptedPackage",)))


def check_not_encrypted(path: Path) -> None:
    try:
        encrypted = is_encrypted_ooxml(path)
    except OSError as e:
        raise InputError(str(path), f"无法读取文件（{e.strerror or e}）") from None
    if encrypted:
        raise InputError(str(path), ENCRYPTED)


def check_zip(
    path: Path,
    *,
    max_total: int = MAX_TOTAL_BYTES,
    max_ratio: int = MAX_RATIO,
    max_entries: int = MAX_ENTRIES,
) -> None:
    """Refuse an encrypted, corrupt or bomb-like zip package before any library opens it."""
    check_not_encrypted(path)
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except ZIP_ERRORS:
        raise InputError(str(path), CORRUPT) from None
    if len(infos) > max_entries:
        raise InputError(str(path), f"压缩包内文件过多（{len(infos)} 个，上限 {max_entries}），疑似恶意构造的文件")
    if sum(i.file_size for i in infos) > max_total:
        raise InputError(str(path), f"解压后总大小超过 {max_total // (1024 * 1024)} MB，疑似压缩炸弹")
    for info in infos:
        if info.file_size > RATIO_MIN_BYTES and info.file_size > max_ratio * max(info.compress_size, 1):
            raise InputError(str(path), f"压缩包内 {info.filename} 的压缩比异常（超过 {max_ratio} 倍），疑似压缩炸弹")


def read_member(z: zipfile.ZipFile, name: str, path: Path, limit: int = MAX_TOTAL_BYTES) -> bytes:
    """One archive member's bytes, never more than `limit`; damage becomes an `InputError`."""
    try:
        with z.open(name) as f:
            data = f.read(limit + 1)
    except ZIP_ERRORS:
        raise InputError(str(path), CORRUPT) from None
    if len(data) > limit:
        raise InputError(str(path), "压缩包内容过大，疑似压缩炸弹")
    return data


def safe_parser() -> etree.XMLParser:
    """An lxml parser that never loads a DTD, resolves an entity or touches the network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(data: bytes, path: Path) -> etree._Element:
    """Parse package XML safely; a DOCTYPE (never present in genuine Office XML) is refused outright."""
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError:
        raise InputError(str(path), CORRUPT) from None
    if root.getroottree().docinfo.doctype:
        raise InputError(str(path), "文档 XML 含有 DTD/实体声明，疑似恶意构造的文件，已拒绝读取")
    return root
