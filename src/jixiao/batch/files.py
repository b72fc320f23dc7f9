"""Writing results safely: JSON that is always valid (no NaN/Infinity), files replaced atomically."""

from __future__ import annotations

import json
import math
import os
import tempfile
from pathlib import Path


def _walk(value: object, leaf) -> object:
    """The same data with `leaf` applied to every string and number in it."""
    if isinstance(value, dict):
        return {leaf(k): _walk(v, leaf) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_walk(v, leaf) for v in value]
    return leaf(value)


def _finite(value: object) -> object:
    return value if not isinstance(value, float) or math.isfinite(value) else None


def printable(value: object) -> object:
    """The same data with text that UTF-8 cannot hold (a file name in another encoding) spelled out as \\x escapes."""
    return _walk(value, lambda v: v.encode("utf-8", "backslashreplace").decode("utf-8") if isinstance(v, str) else v)


def dumps(data: object, indent: int | None = None) -> str:
    """JSON text in which every number is a valid JSON number (NaN and Infinity become null)."""
    try:
        return json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)
    except ValueError:
        return json.dumps(_walk(data, _finite), ensure_ascii=False, indent=indent, allow_nan=False)


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write a file so that readers see the old content or the new, never a part: a temp file, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
