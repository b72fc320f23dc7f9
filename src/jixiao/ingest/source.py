"""The file a backend reads: a path on disk, or bytes from memory or a stream, with the name to report.

Backends open it through `open()` (libraries take file objects), and ask for a real path only
where a program needs one (LibreOffice): then the bytes go to a private temporary file.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from jixiao.errors import InputError


@dataclass(slots=True)
class Source:
    """A file to read: `name` is what messages call it; the content is at `path` or in `data`."""

    name: str
    path: Path | None = None
    data: bytes | None = None
    package: zipfile.ZipFile | None = field(default=None, repr=False, compare=False)
    """The zip package the format sniffer opened, handed to the reader so that its directory is read once;
    `safety.open_zip` takes it (once), and the registry closes it whatever happens."""

    @classmethod
    def of(cls, source: Source | Path | str | bytes | bytearray | memoryview | BinaryIO, name: str | None = None, max_bytes: int | None = None) -> Source:
        """A source from a path, bytes or a readable binary stream (read at most `max_bytes` + 1)."""
        if isinstance(source, Source):
            return source
        if isinstance(source, (str, os.PathLike)):
            return cls(name or str(source), path=Path(source))
        if isinstance(source, (bytes, bytearray, memoryview)):
            return cls(name or "<内存数据>", data=bytes(source))
        if hasattr(source, "read"):
            label = name or str(getattr(source, "name", "") or "<数据流>")
            data = source.read(max_bytes + 1) if max_bytes is not None else source.read()
            if not isinstance(data, bytes):
                raise InputError(label, "数据流不是二进制内容（请以二进制方式打开文件）")
            return cls(label, data=data)
        raise InputError(str(name or source), "无法识别的输入（应为文件路径、字节串或二进制数据流）")

    @property
    def suffix(self) -> str:
        """The extension, lower case, from the name (or the path) — a hint, never trusted alone."""
        return Path(self.name).suffix.lower() or (self.path.suffix.lower() if self.path else "")

    def size(self) -> int:
        return self.path.stat().st_size if self.path is not None else len(self.data or b"")

    def open(self) -> BinaryIO:
        """A new binary file object positioned at the start."""
        return self.path.open("rb") if self.path is not None else io.BytesIO(self.data or b"")

    def openable(self) -> Path | BinaryIO:
        """What a library can open itself: the path (the library owns its file handle), or a stream."""
        return self.path if self.path is not None else io.BytesIO(self.data or b"")

    def head(self, n: int) -> bytes:
        with self.open() as f:
            return f.read(n)

    def read_bytes(self) -> bytes:
        return self.path.read_bytes() if self.path is not None else (self.data or b"")

    @contextmanager
    def as_path(self) -> Iterator[Path]:
        """The file on disk: its own path, or a private temporary copy of the bytes."""
        if self.path is not None:
            yield self.path
            return
        tmp = Path(tempfile.mkdtemp(prefix="jixiao-src-"))
        try:
            target = tmp / ("input" + self.suffix)
            target.write_bytes(self.data or b"")
            yield target
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
