"""Guards run before any parser touches a file: zip bombs, encrypted packages and hostile XML."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from jixiao.errors import CORRUPT, ENCRYPTED, TOO_DEEP, UNSUPPORTED_COMPRESSION, InputError
from jixiao.ingest.limits import MB, Limits, current
from jixiao.ingest.source import Source

RATIO_MIN_BYTES = 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SCAN_LIMIT = 256 * 1024 * 1024
# Errors a zip archive or its deflate streams raise when the file is damaged.
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError, KeyError, struct.error)
# What Office and WPS write (stored, deflate); anything else is not a genuine package.
COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
MAX_EXTRACT_VERSION = 63


def is_ole2(src: Source | Path) -> bool:
    return Source.of(src).head(8) == OLE_MAGIC


def ole2_streams(src: Source | Path, names: tuple[str, ...]) -> set[str]:
    """Which of `names` an OLE2 compound file's directory holds as streams (empty for other files).

    Directory entries are 128-byte aligned: a UTF-16 name, then at 0x40 the name's byte length
    (with its NUL) and the entry type (2, a stream) — text that merely contains a name never matches.
    """
    src = Source.of(src)
    if not is_ole2(src):
        return set()
    with src.open() as f:
        data = f.read(_SCAN_LIMIT)
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


def is_encrypted_ooxml(src: Source | Path) -> bool:
    """True for a password-protected .docx/.xlsx: an OLE2 container holding an `EncryptedPackage`."""
    return bool(ole2_streams(src, ("EncryptedPackage",)))


def check_not_encrypted(src: Source | Path) -> None:
    src = Source.of(src)
    try:
        encrypted = is_encrypted_ooxml(src)
    except OSError as e:
        raise InputError(src.name, f"无法读取文件（{e.strerror or e}）") from None
    if encrypted:
        raise InputError(src.name, ENCRYPTED)


def open_zip(src: Source) -> zipfile.ZipFile:
    """The package opened for reading (the one the sniffer opened, if any); a damaged one is an `InputError`."""
    package, src.package = src.package, None
    if package is not None:
        return package
    try:
        return zipfile.ZipFile(src.openable())
    except ZIP_ERRORS:
        raise InputError(src.name, CORRUPT) from None


def check_zip(source: Source | Path, limits: Limits | None = None, **caps: int | None) -> None:
    """Refuse an encrypted, corrupt, oddly compressed or bomb-like zip package before any library opens it
    (`caps`: `max_total`, `max_ratio`, `max_entries` in place of the limits')."""
    with open_checked_zip(source, limits, **caps):
        pass


def open_checked_zip(
    source: Source | Path,
    limits: Limits | None = None,
    *,
    max_total: int | None = None,
    max_ratio: int | None = None,
    max_entries: int | None = None,
) -> zipfile.ZipFile:
    """The package opened for reading once `check_zip`'s checks pass (the directory is read once)."""
    src = Source.of(source)
    limits = limits or current()
    if src.package is None:  # a package the sniffer opened began with a zip header: it is no OLE2 container
        check_not_encrypted(src)
    z = open_zip(src)
    try:
        _check_members(src, z.infolist(), max_total or limits.zip_total_bytes, max_ratio or limits.zip_ratio,
                       max_entries or limits.zip_entries)
    except InputError:
        z.close()
        raise
    return z


def _check_members(src: Source, infos: list[zipfile.ZipInfo], max_total: int, max_ratio: int, max_entries: int) -> None:
    if len(infos) > max_entries:
        raise InputError(src.name, f"压缩包内文件过多（{len(infos)} 个，上限 {max_entries}），疑似恶意构造的文件")
    if sum(i.file_size for i in infos) > max_total:
        raise InputError(src.name, f"解压后总大小超过 {max_total // MB} MB，疑似压缩炸弹")
    for info in infos:
        if info.flag_bits & 0x1:
            raise InputError(src.name, ENCRYPTED)
        if info.compress_type not in COMPRESSIONS or info.extract_version > MAX_EXTRACT_VERSION:
            raise InputError(src.name, UNSUPPORTED_COMPRESSION)
        if info.file_size > RATIO_MIN_BYTES and info.file_size > max_ratio * max(info.compress_size, 1):
            raise InputError(src.name, f"压缩包内 {info.filename} 的压缩比异常（超过 {max_ratio} 倍），疑似压缩炸弹")


def read_member(z: zipfile.ZipFile, name: str, src: Source | Path, limit: int | None = None) -> bytes:
    """One archive member's bytes, never more than `limit`; damage becomes an `InputError`."""
    label = Source.of(src).name
    limit = limit or current().zip_total_bytes
    try:
        with z.open(name) as f:
            data = f.read(limit + 1)
    except NotImplementedError:
        raise InputError(label, UNSUPPORTED_COMPRESSION) from None
    except ZIP_ERRORS:
        raise InputError(label, CORRUPT) from None
    if len(data) > limit:
        raise InputError(label, "压缩包内容过大，疑似压缩炸弹")
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


HOSTILE_XML = "文档 XML 含有 DTD/实体声明，疑似恶意构造的文件，已拒绝读取"


def parse_xml(data: bytes, src: Source | Path) -> etree._Element:
    """Parse package XML safely; a DOCTYPE (never present in genuine Office XML) is refused outright."""
    label = Source.of(src).name
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:65536]:
        raise InputError(label, HOSTILE_XML)
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as e:
        raise InputError(label, TOO_DEEP if "depth" in str(e) else CORRUPT) from None
    if root.getroottree().docinfo.doctype:
        raise InputError(label, HOSTILE_XML)
    return root
