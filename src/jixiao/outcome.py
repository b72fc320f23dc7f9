"""One outcome per file: a batch never stops on a bad file, and every failure says why in Chinese."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from jixiao.errors import JixiaoError
from jixiao.extract import extract
from jixiao.ingest.registry import EXTENSIONS, read
from jixiao.model import Report

Status = Literal["ok", "failed"]


@dataclass(slots=True)
class Outcome:
    """What became of one file: its report, or the Chinese reason it could not be read."""

    path: str
    status: Status
    report: Report | None = None
    error: str | None = None


def parse_file(path: str | Path) -> Report:
    """Read and extract one report; raises `JixiaoError` with a Chinese message on bad input."""
    return extract(read(path))


def parse_outcome(path: str | Path) -> Outcome:
    """Like `parse_file`, but never raises: an unexpected failure becomes a failed outcome."""
    try:
        return Outcome(str(path), "ok", report=parse_file(path))
    except JixiaoError as e:
        return Outcome(str(path), "failed", error=str(e))
    except MemoryError:
        return Outcome(str(path), "failed", error=f"{path}：文件过大，读取时内存不足")
    except Exception as e:  # noqa: BLE001 — a batch must go on; the cause is reported, not raised
        return Outcome(str(path), "failed", error=f"{path}：无法解析该文件（{type(e).__name__}：{e}）"[:500])


def report_files(directory: Path) -> list[Path]:
    """The files of a directory (recursively) that look like reports, in a stable order."""
    return sorted(
        p for p in directory.rglob("*")
        if p.is_file() and not p.name.startswith((".", "~$")) and (p.suffix.lower() in EXTENSIONS or not p.suffix)
    )


def parse_many(paths: Iterable[Path]) -> Iterator[Outcome]:
    for path in paths:
        yield parse_outcome(path)
