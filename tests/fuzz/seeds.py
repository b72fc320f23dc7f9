"""What the fuzz cases start from: the fixture files by format, the attack size, and report tokens."""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMATS = {".docx": "docx", ".xlsx": "xlsx", ".pdf": "pdf", ".png": "image", ".txt": "text", ".md": "text"}


@dataclass(frozen=True, slots=True)
class Case:
    """One malformed file: its number, the mutation that made it, the extension and the bytes."""

    number: int
    mutation: str
    suffix: str
    data: bytes

    @property
    def name(self) -> str:
        return f"case{self.number:05d}_{self.mutation}{self.suffix}"


@lru_cache(maxsize=2)
def seeds(scans: bool = True) -> dict[str, list[tuple[str, bytes]]]:
    """Fixture files by format: (suffix, bytes); without `scans`, no image or scanned PDF (no OCR)."""
    out: dict[str, list[tuple[str, bytes]]] = {}
    files = sorted((ROOT / "data").glob("*/sources/*")) + sorted((ROOT / "ingest" / "data").glob("*"))
    for path in files:
        fmt = FORMATS.get(path.suffix.lower())
        if fmt and (scans or (fmt != "image" and "scan" not in str(path))):
            out.setdefault(fmt, []).append((path.suffix.lower(), path.read_bytes()))
    return out


@dataclass(frozen=True, slots=True)
class Size:
    """How big the attacks are (`full`: the brief's sizes) and whether damage may start from scans."""

    full: bool = False
    scans: bool = True


def seed(rng: random.Random, fmt: str, size: Size = Size()) -> tuple[str, bytes]:
    return rng.choice(seeds(size.scans or fmt == "image")[fmt])


def any_seed(rng: random.Random, size: Size) -> tuple[str, bytes]:
    return seed(rng, rng.choice(sorted(seeds(size.scans))), size)


# Pieces of report text: labels, figures, units, punctuation, and what cleaning and matching act on.
TOKENS = ["预算", "执行率", "为", "95", "%", "，", "。", "万元", "元", "三公", "经费", "其中", "：", "得分", "分", "编制", "人", " ", "\t",
          "（一）", "1.", "|", "#", "$", "\\geq", "[bookmark: ", "比上年增加", "占", "自评", "等级", "优", "年度", "2024年", "一二三", "１", "，"]
