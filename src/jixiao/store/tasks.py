"""Review tasks (复核任务) and what the dashboard shows: one row per unit, chart data, a unit's history."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jixiao.audit.registry import CATEGORY_NAMES
from jixiao.errors import JixiaoError
from jixiao.store.accounts import unit_named
from jixiao.store.processing import submission_for
from jixiao.store.tables import FindingRow, Sample, SampleItem, Submission, Task, Unit, Version

SORT_KEYS = ("unit", "status", "stated", "recomputed", "review", "gap", "execution_rate", "errors", "warnings", "confirmed")


def create_task(session: Session, year: int, name: str, profile: str | None, deadline: date | None, units: list[str]) -> Task:
    """A task for one year, with the units expected to file (each gets a 未报送 submission)."""
    if not 2000 <= year <= 2100:
        raise JixiaoError(f"年度“{year}”无效")
    task = Task(year=year, name=name.strip() or f"{year}年度部门整体支出绩效自评复核", profile=profile or None, deadline=deadline)
    session.add(task)
    session.flush()
    for unit in dict.fromkeys(u.strip() for u in units if u.strip()):
        submission_for(session, task.id, unit_named(session, unit).id)
    return task


def tasks(session: Session) -> list[Task]:
    return list(session.scalars(select(Task).order_by(Task.year.desc(), Task.id.desc())))


@dataclass(slots=True)
class Row:
    """A unit's line on the dashboard."""

    id: int
    unit_id: int
    unit: str
    status: str
    version: int | None
    stated: Decimal | None
    recomputed: Decimal | None
    review: Decimal | None
    grade: str | None
    review_grade: str | None
    execution_rate: Decimal | None
    three_public: Decimal | None
    errors: int
    warnings: int
    infos: int
    confirmed: int = 0
    sampled: bool = False

    @property
    def gap(self) -> Decimal | None:
        """How far the stated score exceeds the recomputed one (score inflation)."""
        return None if self.stated is None or self.recomputed is None else self.stated - self.recomputed

    def as_json(self) -> dict:
        values = {name: getattr(self, name) for name in self.__dataclass_fields__}
        return {**{k: (str(v) if isinstance(v, Decimal) else v) for k, v in values.items()}, "gap": None if self.gap is None else str(self.gap)}


def dashboard_rows(session: Session, task_id: int, unit_id: int | None = None) -> list[Row]:
    """Every unit of the task with its current version's figures (a unit user: its own unit only)."""
    query = (select(Submission.id, Unit.id, Unit.name, Submission.status, Version.number, Version.stated_score, Version.recomputed_score,
                    Version.review_score, Version.grade_stated, Version.review_grade, Version.execution_rate, Version.three_public_actual,
                    Version.errors, Version.warnings, Version.infos)
             .join(Unit, Unit.id == Submission.unit_id).outerjoin(Version, Version.id == Submission.current_version_id)
             .where(Submission.task_id == task_id))
    if unit_id is not None:
        query = query.where(Submission.unit_id == unit_id)
    found = session.execute(query.add_columns(Submission.current_version_id)).all()
    rows = [Row(*r[:12], r[12] or 0, r[13] or 0, r[14] or 0) for r in found]
    version_of = {r[0]: r[15] for r in found}
    confirmed = dict(session.execute(
        select(FindingRow.version_id, func.count()).where(FindingRow.version_id.in_(current_versions(task_id)), FindingRow.verdict == "confirmed")
        .group_by(FindingRow.version_id)).all())
    sampled = set(session.scalars(select(SampleItem.submission_id).join(Sample, Sample.id == SampleItem.sample_id).where(Sample.task_id == task_id)))
    for row in rows:
        row.confirmed, row.sampled = confirmed.get(version_of[row.id], 0), row.id in sampled
    return rows


def current_versions(task_id: int):
    """A subquery: the current version of every submission of the task."""
    return select(Submission.current_version_id).where(Submission.task_id == task_id, Submission.current_version_id.is_not(None))


def sort_and_filter(rows: list[Row], sort: str = "unit", desc: bool = False, status: str | None = None, grade: str | None = None,
                    q: str | None = None, sampled: bool = False) -> list[Row]:
    """The dashboard's sorting (None last either way) and filters (status, grade, name, 抽查 only)."""
    if status:
        rows = [r for r in rows if r.status == status]
    if grade:
        rows = [r for r in rows if (r.review_grade or r.grade) == grade]
    if q:
        rows = [r for r in rows if q in r.unit]
    if sampled:
        rows = [r for r in rows if r.sampled]
    key = sort if sort in SORT_KEYS else "unit"
    present = [r for r in rows if _value(r, key) is not None]
    missing = [r for r in rows if _value(r, key) is None]
    return sorted(present, key=lambda r: _value(r, key), reverse=desc) + missing


def _value(row: Row, key: str):
    return {"stated": row.stated, "recomputed": row.recomputed, "review": row.review, "gap": row.gap}.get(key, getattr(row, key, None))


PENDING = ("待审", "审核中", "已整改")


def next_pending(session: Session, task_id: int, after_id: int, after_name: str) -> int | None:
    """The next submission to review: pending ones in an 抽查 first, then the rest, by unit name, wrapping round."""
    sampled = select(SampleItem.submission_id).join(Sample, Sample.id == SampleItem.sample_id).where(Sample.task_id == task_id)
    pending = (select(Submission.id).join(Unit, Unit.id == Submission.unit_id)
               .where(Submission.task_id == task_id, Submission.status.in_(PENDING), Submission.id != after_id).order_by(Unit.name).limit(1))
    for group in (Submission.id.in_(sampled), Submission.id.not_in(sampled)):
        found = session.scalar(pending.where(group, Unit.name > after_name)) or session.scalar(pending.where(group))
        if found:
            return found
    return None


def waiting(session: Session, task_id: int) -> int:
    """How many of the task's uploads are still queued or being processed."""
    return session.scalar(select(func.count()).select_from(Version).where(Version.task_id == task_id, Version.state.in_(("queued", "processing"))))


def progress(session: Session, task_id: int, user_id: int | None = None, limit: int = 300) -> list[dict]:
    """The task's latest uploads with their processing state (the upload page polls this)."""
    query = (select(Version.id, Version.original_name, Version.state, Version.error, Version.unit_name, Version.number,
                    Version.submission_id, Version.errors, Version.warnings, Version.uploaded_at)
             .where(Version.task_id == task_id).order_by(Version.id.desc()).limit(limit))
    if user_id is not None:
        query = query.where(Version.uploaded_by == user_id)
    keys = ("id", "name", "state", "error", "unit", "number", "submission_id", "errors", "warnings", "uploaded_at")
    return [dict(zip(keys, r)) | {"uploaded_at": r[9].replace(tzinfo=UTC).isoformat(timespec="seconds")} for r in session.execute(query)]


def chart_data(session: Session, task_id: int, rows: list[Row]) -> dict:
    """What the dashboard's charts draw: inflation scatter, score gaps, score distribution, findings, 三公 over years."""
    scored = [r for r in rows if r.stated is not None]
    by_rule = session.execute(
        select(FindingRow.rule, FindingRow.category, func.count()).where(FindingRow.version_id.in_(current_versions(task_id)))
        .group_by(FindingRow.rule, FindingRow.category)).all()
    categories = Counter()
    for _rule, category, n in by_rule:
        categories[CATEGORY_NAMES.get(category, category)] += n
    return {
        "scatter": [[float(r.execution_rate), float(r.stated), r.unit] for r in scored if r.execution_rate is not None],
        "gap": [[r.unit, float(r.gap)] for r in sorted((r for r in scored if r.gap is not None), key=lambda r: r.gap, reverse=True)[:50]],
        "distribution": _distribution(rows),
        "rules": sorted(([rule, n] for rule, _c, n in by_rule), key=lambda x: -x[1])[:30],
        "categories": sorted(categories.items(), key=lambda x: -x[1]),
        "three_public": three_public_by_year(session),
    }


BANDS = [("<60", Decimal(0), Decimal(60)), ("60–70", Decimal(60), Decimal(70)), ("70–80", Decimal(70), Decimal(80)),
         ("80–90", Decimal(80), Decimal(90)), ("≥90", Decimal(90), Decimal(10**6))]


def _distribution(rows: list[Row]) -> dict:
    def count(values: list) -> list[int]:
        return [sum(1 for v in values if v is not None and low <= v < high) for _n, low, high in BANDS]
    return {"bands": [b[0] for b in BANDS], "stated": count([r.stated for r in rows]), "recomputed": count([r.recomputed for r in rows]),
            "review": count([r.review for r in rows])}


def three_public_by_year(session: Session, unit_id: int | None = None) -> list[list]:
    """Σ 三公经费决算 of the current versions, per task year (a unit's own when `unit_id` is given)."""
    query = (select(Task.year, Version.three_public_actual).join(Submission, Submission.task_id == Task.id)
             .join(Version, Version.id == Submission.current_version_id))
    if unit_id is not None:
        query = query.where(Submission.unit_id == unit_id)
    totals: dict[int, Decimal] = {}
    for year, amount in session.execute(query):
        if amount is not None:
            totals[year] = totals.get(year, Decimal(0)) + amount
    return [[year, str(totals[year])] for year in sorted(totals)]


def unit_history(session: Session, unit_id: int) -> list[dict]:
    """A unit across years: each task's current version figures."""
    query = (select(Task.year, Task.name, Submission.id, Submission.status, Version.stated_score, Version.recomputed_score, Version.review_score,
                    Version.execution_rate, Version.three_public_actual, Version.errors)
             .join(Submission, Submission.task_id == Task.id).outerjoin(Version, Version.id == Submission.current_version_id)
             .where(Submission.unit_id == unit_id).order_by(Task.year))
    keys = ("year", "task", "submission_id", "status", "stated", "recomputed", "review", "execution_rate", "three_public", "errors")
    return [{k: (str(v) if isinstance(v, Decimal) else v) for k, v in zip(keys, r)} for r in session.execute(query)]
