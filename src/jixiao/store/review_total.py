"""The 复核 total and grade: each indicator's 复核得分 where a reviewer entered one, else the pre-filled score."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from jixiao.errors import JixiaoError
from jixiao.scoring.profile import load_profile
from jixiao.scoring.score import grade_of


def review_total(profile: str | None, rows: list[dict], entered: dict[int, Decimal | None]) -> tuple[Decimal | None, str | None]:
    """Σ 复核得分 over the rows (index → entered score), and its grade under the report's profile."""
    if not rows:
        return None, None
    total = sum((entered[i] if entered.get(i) is not None else Decimal(row["prefill"]) for i, row in enumerate(rows)), Decimal(0))
    return total, grade_of(total, _profile(profile or "national"))


@lru_cache(maxsize=32)
def _profile(name: str):
    try:
        return load_profile(name)
    except JixiaoError:
        return load_profile("national")
