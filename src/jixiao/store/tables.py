"""The review workspace's tables (SQLAlchemy 2): units, accounts, tasks, report versions, decisions, 复核 records.

A `Submission` is one unit's report within one review task (报送); each upload of it is a
`Version` with its original file, Report JSON, audit JSON, indicator scores and summary columns.
Decisions, 复核 entries and events are append-only or keyed by version, so that nothing a
reviewer did is lost when a unit uploads a corrected version.  Exact numbers (scores, rates,
amounts) are `ExactDecimal`: stored as their decimal text, read back as `Decimal`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, deferred, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

ROLES = ("admin", "reviewer", "unit")
STATUSES = ("未报送", "待审", "审核中", "已审", "退回修改", "已整改")
VERSION_STATES = ("queued", "processing", "done", "failed")


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class ExactDecimal(TypeDecorator):
    """A `Decimal` stored as its exact text, on SQLite and PostgreSQL alike (never through a float)."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else str(Decimal(value))

    def process_result_value(self, value, dialect):
        return None if value is None else Decimal(value)


class Base(DeclarativeBase):
    pass


class Unit(Base):
    """A budget unit (预算单位)."""

    __tablename__ = "units"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class User(Base):
    """An account: admin, reviewer (绩效股) or a unit's user, who sees only its own unit."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    unit: Mapped[Unit | None] = relationship()


class Task(Base):
    """A review task (复核任务) for one year: which units, which profile, the deadline."""

    __tablename__ = "tasks"
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    profile: Mapped[str | None] = mapped_column(String(100))
    deadline: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Submission(Base):
    """One unit's report in one task (报送), with its review status and current version."""

    __tablename__ = "submissions"
    __table_args__ = (UniqueConstraint("task_id", "unit_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="未报送")
    current_version_id: Mapped[int | None] = mapped_column(ForeignKey("versions.id", use_alter=True, name="fk_submissions_current_version_id_versions"))
    unit: Mapped[Unit] = relationship()
    task: Mapped[Task] = relationship()


class Version(Base):
    """One uploaded file of a unit's report: the original, what the pipeline made of it, summary figures."""

    __tablename__ = "versions"
    __table_args__ = (UniqueConstraint("task_id", "sha256"), Index("ix_versions_state", "state"))
    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), index=True)
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submissions.id"), index=True)
    unit_hint_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    number: Mapped[int | None] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    original_name: Mapped[str] = mapped_column(String(300))
    stored_name: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    uploaded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    state: Mapped[str] = mapped_column(String(20), default="queued")
    error: Mapped[str | None] = mapped_column(Text)
    processed_at: Mapped[datetime | None] = mapped_column(DateTime)
    unit_name: Mapped[str | None] = mapped_column(String(200))
    year: Mapped[int | None] = mapped_column(Integer)
    profile: Mapped[str | None] = mapped_column(String(100))
    stated_score: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    recomputed_score: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    grade_stated: Mapped[str | None] = mapped_column(String(4))
    grade_recomputed: Mapped[str | None] = mapped_column(String(4))
    execution_rate: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    three_public_prior: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    three_public_budget: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    three_public_actual: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[int] = mapped_column(Integer, default=0)
    infos: Mapped[int] = mapped_column(Integer, default=0)
    review_score: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    review_grade: Mapped[str | None] = mapped_column(String(4))
    report_json: Mapped[str | None] = deferred(mapped_column(Text))
    audit_json: Mapped[str | None] = deferred(mapped_column(Text))
    indicators_json: Mapped[str | None] = deferred(mapped_column(Text))
    source_html: Mapped[str | None] = deferred(mapped_column(Text))


class FindingRow(Base):
    """A finding of a version, flattened for counting, with the reviewer's current verdict (history in `Decision`)."""

    __tablename__ = "findings"
    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id"), index=True)
    fid: Mapped[str] = mapped_column(String(400))
    rule: Mapped[str] = mapped_column(String(20))
    category: Mapped[str] = mapped_column(String(40))
    severity: Mapped[str] = mapped_column(String(10))
    verdict: Mapped[str | None] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)


class Decision(Base):
    """A reviewer's verdict on a finding (确认 / 不采纳 / 撤销), append-only: the latest row counts."""

    __tablename__ = "decisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id"), index=True)
    fid: Mapped[str] = mapped_column(String(400))
    verdict: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    user: Mapped[User | None] = relationship()


class ReviewEntry(Base):
    """The 复核 record of one indicator: 复核完成值, 复核得分, 扣分原因."""

    __tablename__ = "review_entries"
    __table_args__ = (UniqueConstraint("version_id", "indicator"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id"), index=True)
    indicator: Mapped[int] = mapped_column(Integer)
    actual: Mapped[str | None] = mapped_column(Text)
    score: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    reason: Mapped[str | None] = mapped_column(Text)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Event(Base):
    """A step of a submission's review: 审核通过 (approved), 退回修改 (returned), 整改 (resubmitted)."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"), index=True)
    version_id: Mapped[int | None] = mapped_column(ForeignKey("versions.id"))
    kind: Mapped[str] = mapped_column(String(20))
    message: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[str | None] = mapped_column(Text)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    user: Mapped[User | None] = relationship()


class Sample(Base):
    """An 抽查: method (risk / random), ratio and seed, recorded so that the choice can be re-drawn."""

    __tablename__ = "samples"
    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), index=True)
    method: Mapped[str] = mapped_column(String(20))
    ratio: Mapped[Decimal] = mapped_column(ExactDecimal)
    seed: Mapped[str | None] = mapped_column(String(40))
    population: Mapped[int] = mapped_column(Integer)
    candidates: Mapped[str] = mapped_column(Text)
    """The candidates' submission ids in the order the draw used (JSON), so that it can be re-drawn."""
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    user: Mapped[User | None] = relationship()


class SampleItem(Base):
    """A report chosen by an 抽查 (with why), or added by hand by a reviewer."""

    __tablename__ = "sample_items"
    __table_args__ = (UniqueConstraint("sample_id", "submission_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    sample_id: Mapped[int] = mapped_column(ForeignKey("samples.id"), index=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"))
    rank: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    manual: Mapped[bool] = mapped_column(Boolean, default=False)


class AuditLog(Base):
    """Who did what and when (操作日志)."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    user_name: Mapped[str | None] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(50))
    target: Mapped[str | None] = mapped_column(String(300))
    detail: Mapped[str | None] = mapped_column(Text)
