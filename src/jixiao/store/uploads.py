"""Accepting uploads: size and type limits, the reader's own format checks, content hashes, zip archives.

Every file is written under a generated name; the same content uploaded twice to a task is
recognised by its SHA-256 and not processed again.  A zip is checked by the ingest guards (no
bombs, no encrypted packages) and each report inside it becomes an upload of its own.
"""

from __future__ import annotations

import hashlib
import os
import uuid
import zipfile
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from jixiao.errors import InputError
from jixiao.ingest.registry import EXTENSIONS, detect
from jixiao.ingest.safety import check_zip, read_member
from jixiao.store.tables import Version

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
MAX_ZIP_MEMBERS = 500
CHUNK = 1024 * 1024


@dataclass(slots=True)
class Accepted:
    """What became of one uploaded file: its version (new or the earlier one of the same content), or why not."""

    name: str
    version_id: int | None = None
    duplicate: bool = False
    error: str | None = None


def allowed(name: str) -> bool:
    return Path(name).suffix.lower() in EXTENSIONS or Path(name).suffix.lower() == ".zip"


def save_stream(stream: BinaryIO, files_dir: Path, name: str, limit: int = MAX_UPLOAD_BYTES) -> tuple[Path, str, int]:
    """Copy an upload to a generated file name, hashing as it goes; refuses more than `limit` bytes."""
    suffix = Path(name).suffix.lower()
    target = files_dir / f"{uuid.uuid4().hex}{suffix if allowed(name) else ''}"
    digest, size = hashlib.sha256(), 0
    with target.open("wb") as out:
        while chunk := stream.read(CHUNK):
            size += len(chunk)
            if size > limit:
                out.close()
                target.unlink()
                raise InputError(name, f"文件超过上传大小上限（{limit // 1024 // 1024} MB）")
            digest.update(chunk)
            out.write(chunk)
    return target, digest.hexdigest(), size


def check_format(path: Path, name: str) -> None:
    """The ingest registry's own check: sniffed content against the extension, empty and unknown files."""
    try:
        detect(path)
    except InputError as e:
        raise InputError(name, e.cause) from None


def register(store, task_id: int, path: Path, sha: str, size: int, name: str, user_id: int | None, unit_id: int | None) -> Accepted:
    """Record a stored file as a queued version, or point at the earlier version with the same content."""
    with store.write() as s:
        earlier = s.scalar(select(Version).where(Version.task_id == task_id, Version.sha256 == sha))
        if earlier is not None and earlier.state == "failed" and earlier.submission_id is None:
            # the same content failed before (a crash, a time-out, no unit): uploading it again retries it
            earlier.state, earlier.error, earlier.unit_hint_id, earlier.uploaded_by = "queued", None, unit_id or earlier.unit_hint_id, user_id
            path.unlink(missing_ok=True)
            return Accepted(name, earlier.id)
        earlier = earlier.id if earlier is not None else None
    if earlier is None:
        try:
            with store.write() as s:
                v = Version(task_id=task_id, sha256=sha, original_name=name[:300], stored_name=path.name, size=size,
                            uploaded_by=user_id, unit_hint_id=unit_id, state="queued")
                s.add(v)
                s.flush()
                return Accepted(name, v.id)
        except IntegrityError:  # the same content arrived at the same moment from another client
            with store.read() as s:
                earlier = s.scalar(select(Version.id).where(Version.task_id == task_id, Version.sha256 == sha))
    path.unlink(missing_ok=True)
    return Accepted(name, earlier, duplicate=True)


def accept(store, files_dir: Path, task_id: int, stream: BinaryIO, name: str, user_id: int | None, unit_id: int | None,
           limit: int = MAX_UPLOAD_BYTES) -> list[Accepted]:
    """One uploaded file (a report or a zip of reports) → what became of each report in it."""
    name = PurePosixPath(name.replace("\\", "/")).name or "未命名"
    if not allowed(name):
        return [Accepted(name, error=f"{name}：不支持的文件类型（支持 .docx .pdf .xlsx .txt .png .jpg .doc .wps .et 及其 .zip 压缩包）")]
    try:
        path, sha, size = save_stream(stream, files_dir, name, limit)
        if Path(name).suffix.lower() == ".zip":
            return _unzip(store, files_dir, task_id, path, name, user_id, unit_id, limit)
        check_format(path, name)
    except InputError as e:
        if "path" in locals():
            path.unlink(missing_ok=True)
        return [Accepted(name, error=str(e))]
    return [register(store, task_id, path, sha, size, name, user_id, unit_id)]


def _member_name(info: zipfile.ZipInfo) -> str:
    """A member's file name; archives made on Chinese Windows store GBK names without the UTF-8 flag."""
    name = info.filename
    if not info.flag_bits & 0x800:
        with suppress(UnicodeEncodeError, UnicodeDecodeError):
            name = name.encode("cp437").decode("gbk")
    return PurePosixPath(name.replace("\\", "/")).name


def _unzip(store, files_dir: Path, task_id: int, path: Path, name: str, user_id, unit_id, limit: int) -> list[Accepted]:
    try:
        check_zip(path, max_entries=MAX_ZIP_MEMBERS)
        with zipfile.ZipFile(path) as z:
            members = [(i, _member_name(i)) for i in z.infolist() if not i.is_dir()]
            members = [(i, n) for i, n in members if n and not n.startswith((".", "~$")) and "__MACOSX" not in i.filename]
            results = [_member(store, files_dir, task_id, z, i, n, path, user_id, unit_id, limit) for i, n in members]
    except InputError as e:
        return [Accepted(name, error=str(e).replace(str(path), name))]
    finally:
        path.unlink(missing_ok=True)
    return results or [Accepted(name, error=f"{name}：压缩包中没有可识别的报告文件")]


def _member(store, files_dir: Path, task_id: int, z: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, archive: Path,
            user_id, unit_id, limit: int) -> Accepted:
    if not allowed(name) or name.lower().endswith(".zip"):
        return Accepted(name, error=f"{name}：不支持的文件类型，已跳过")
    if info.file_size > limit:
        return Accepted(name, error=f"{name}：文件超过上传大小上限（{limit // 1024 // 1024} MB）")
    data = read_member(z, info.filename, archive, limit)
    target = files_dir / f"{uuid.uuid4().hex}{Path(name).suffix.lower()}"
    target.write_bytes(data)
    try:
        check_format(target, name)
    except InputError as e:
        os.unlink(target)
        return Accepted(name, error=str(e))
    return register(store, task_id, target, hashlib.sha256(data).hexdigest(), len(data), name, user_id, unit_id)
