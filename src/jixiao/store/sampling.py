"""抽查: choose reports to review in depth, by risk or at random, recorded so that the choice can be shown fair.

Risk ranks the filed reports by three signals, each scaled to 0–1 by its largest value in the task
and added with equal weight: score inflation (stated minus recomputed, when positive), the number
of errors, and the shortfall of the execution rate below 100 %.  A random draw takes the candidates
in submission order and a recorded seed; `redraw` repeats it from the record alone.
"""

from __future__ import annotations

import json
import math
import random
import secrets
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jixiao.errors import JixiaoError
from jixiao.store.tables import Sample, SampleItem, Submission, User
from jixiao.store.tasks import Row, dashboard_rows

METHODS = {"risk": "按风险", "random": "随机"}


def _signals(row: Row) -> tuple[Decimal, Decimal, Decimal]:
    inflation = max(row.gap or Decimal(0), Decimal(0))
    shortfall = max(Decimal(100) - row.execution_rate, Decimal(0)) if row.execution_rate is not None else Decimal(0)
    return inflation, Decimal(row.errors), shortfall


def risk_ranking(rows: list[Row]) -> list[tuple[Row, Decimal, str]]:
    """Filed reports by risk, highest first (ties by unit name), each with its score and the reason in words."""
    signals = {r.id: _signals(r) for r in rows}
    peaks = [max((s[k] for s in signals.values()), default=Decimal(0)) for k in range(3)]
    ranked = []
    for r in rows:
        s = signals[r.id]
        risk = sum((s[k] / peaks[k] for k in range(3) if peaks[k] > 0), Decimal(0))
        reason = f"风险分 {risk:.3f}：自评高于重算 {s[0]} 分，错误 {s[1]} 个，执行率差额 {s[2]}%"
        ranked.append((r, risk, reason))
    return sorted(ranked, key=lambda x: (-x[1], x[0].unit))


def size_of(ratio: Decimal, population: int) -> int:
    return min(population, max(1, math.ceil(ratio * population))) if population else 0


def draw(session: Session, user: User, task_id: int, method: str, ratio: Decimal, seed: str | None = None) -> Sample:
    """An 抽查 of `ratio` of the filed reports; a random draw without a seed gets a fresh one, recorded."""
    if method not in METHODS:
        raise JixiaoError(f"抽查方式“{method}”无效，应为 risk 或 random")
    if not Decimal(0) < ratio <= Decimal(1):
        raise JixiaoError("抽查比例应在 0 到 100% 之间")
    rows = sorted((r for r in dashboard_rows(session, task_id) if r.version is not None), key=lambda r: r.id)
    if not rows:
        raise JixiaoError("该任务还没有已报送的报告，无法抽查")
    k = size_of(ratio, len(rows))
    if method == "random":
        seed = (seed or "").strip() or str(secrets.randbits(48))
        chosen = [(r, f"随机抽取（种子 {seed}）") for r in random_choice([r.id for r in rows], seed, k, rows)]
    else:
        seed = None
        chosen = [(r, reason) for r, _risk, reason in risk_ranking(rows)[:k]]
    sample = Sample(task_id=task_id, method=method, ratio=ratio, seed=seed, population=len(rows),
                    candidates=json.dumps([r.id for r in rows]), user_id=user.id)
    session.add(sample)
    session.flush()
    session.add_all(SampleItem(sample_id=sample.id, submission_id=r.id, rank=i, reason=reason) for i, (r, reason) in enumerate(chosen, 1))
    return sample


def random_choice(candidates: list[int], seed: str, k: int, rows: list[Row] | None = None) -> list:
    """The seeded draw: `random.Random(seed).sample` over the candidates in submission order."""
    picked = random.Random(seed).sample(candidates, k)
    if rows is None:
        return picked
    by_id = {r.id: r for r in rows}
    return [by_id[i] for i in picked]


def redraw(sample: Sample) -> list[int]:
    """Repeat a random draw from its record alone (candidates, ratio, seed): the same submissions come out."""
    candidates = json.loads(sample.candidates)
    return random_choice(candidates, sample.seed, size_of(sample.ratio, len(candidates)))


def add_by_hand(session: Session, user: User, sample: Sample, sub: Submission, reason: str | None) -> SampleItem:
    """A reviewer adds a report to an 抽查 (with why)."""
    if sub.task_id != sample.task_id:
        raise JixiaoError("该报告不属于此抽查的任务")
    if session.scalar(select(SampleItem.id).where(SampleItem.sample_id == sample.id, SampleItem.submission_id == sub.id)):
        raise JixiaoError("该报告已在抽查名单中")
    rank = (session.scalar(select(func.max(SampleItem.rank)).where(SampleItem.sample_id == sample.id)) or 0) + 1
    item = SampleItem(sample_id=sample.id, submission_id=sub.id, rank=rank, manual=True,
                      reason=f"{user.name} 人工添加" + (f"：{reason.strip()}" if (reason or "").strip() else ""))
    session.add(item)
    return item


def samples(session: Session, task_id: int) -> list[tuple[Sample, list[SampleItem]]]:
    out = []
    for sample in session.scalars(select(Sample).where(Sample.task_id == task_id).order_by(Sample.id.desc())):
        items = list(session.scalars(select(SampleItem).where(SampleItem.sample_id == sample.id).order_by(SampleItem.rank)))
        out.append((sample, items))
    return out
