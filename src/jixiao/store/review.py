"""Reviewing one report: verdicts on findings, the 复核 record per indicator, 审核通过, 退回修改 and 整改 comparison."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from jixiao.audit import AuditResult
from jixiao.audit.finding import Finding
from jixiao.errors import JixiaoError
from jixiao.store.review_total import review_total
from jixiao.store.tables import Decision, Event, FindingRow, ReviewEntry, Submission, User, Version, utcnow

VERDICTS = {"confirmed": "确认", "dismissed": "不采纳", "undone": "撤销"}
OPEN = ("待审", "已整改")


@dataclass(slots=True)
class ReviewedFinding:
    """A finding with the reviewer's current verdict."""

    finding: Finding
    verdict: str | None = None
    reason: str | None = None
    by: str | None = None
    at: str | None = None


@dataclass(slots=True)
class IndicatorReview:
    """One line of the 复核 table: the indicator as stated, recomputed, and as the reviewer records it."""

    index: int
    row: dict
    actual: str | None
    score: Decimal
    reason: str | None
    entered: bool


@dataclass(slots=True)
class Comparison:
    """Findings of the previous version against this one, by finding id."""

    previous: int
    resolved: list[Finding] = field(default_factory=list)
    persisting: list[Finding] = field(default_factory=list)
    new: list[Finding] = field(default_factory=list)


def audit_of(version: Version) -> AuditResult | None:
    return AuditResult.model_validate_json(version.audit_json) if version.audit_json else None


def findings(session: Session, version: Version) -> list[ReviewedFinding]:
    """The version's findings in audit order, each with its verdict."""
    result = audit_of(version)
    if result is None:
        return []
    rows = {r.fid: r for r in session.scalars(select(FindingRow).where(FindingRow.version_id == version.id))}
    names = dict(session.execute(select(User.id, User.name).where(User.id.in_({r.decided_by for r in rows.values() if r.decided_by}))).all())
    out = []
    for f in result.findings:
        row = rows.get(f.id)
        out.append(ReviewedFinding(f, row.verdict, row.reason, names.get(row.decided_by), row.decided_at.isoformat(timespec="seconds") if row.decided_at else None)
                   if row and row.verdict else ReviewedFinding(f))
    return out


def decide(session: Session, user: User, version: Version, fid: str, verdict: str, reason: str | None) -> FindingRow:
    """Confirm or dismiss a finding (a dismissal needs a reason), or undo the verdict; every step is kept."""
    if verdict not in VERDICTS:
        raise JixiaoError(f"无效的处理结果“{verdict}”")
    reason = (reason or "").strip() or None
    if verdict == "dismissed" and not reason:
        raise JixiaoError("不采纳审核发现时须填写理由")
    row = session.scalar(select(FindingRow).where(FindingRow.version_id == version.id, FindingRow.fid == fid))
    if row is None:
        raise JixiaoError(f"该版本没有审核发现“{fid}”")
    row.verdict = None if verdict == "undone" else verdict
    row.reason = None if verdict == "undone" else reason
    row.decided_by, row.decided_at = (None, None) if verdict == "undone" else (user.id, utcnow())
    session.add(Decision(version_id=version.id, fid=fid, verdict=verdict, reason=reason, user_id=user.id))
    start_review(session, version)
    return row


def history(session: Session, version: Version) -> list[Decision]:
    return list(session.scalars(select(Decision).options(selectinload(Decision.user)).where(Decision.version_id == version.id).order_by(Decision.id)))


def start_review(session: Session, version: Version) -> None:
    """The first verdict or 复核 entry on a current version moves it to 审核中."""
    sub = session.get(Submission, version.submission_id)
    if sub.current_version_id == version.id and sub.status in OPEN:
        sub.status = "审核中"


def indicator_rows(version: Version) -> list[dict]:
    return json.loads(version.indicators_json) if version.indicators_json else []


def indicator_reviews(session: Session, version: Version) -> list[IndicatorReview]:
    """The 复核 table: each indicator pre-filled from the recomputed score, or as the reviewer entered it."""
    entries = {e.indicator: e for e in session.scalars(select(ReviewEntry).where(ReviewEntry.version_id == version.id))}
    out = []
    for i, row in enumerate(indicator_rows(version)):
        e = entries.get(i)
        if e:
            out.append(IndicatorReview(i, row, e.actual, e.score if e.score is not None else Decimal(row["prefill"]), e.reason, True))
        else:
            below = row["weight"] is not None and Decimal(row["prefill"]) < Decimal(row["weight"])
            out.append(IndicatorReview(i, row, row["actual"], Decimal(row["prefill"]), row["method"] if below else None, False))
    return out


def save_entries(session: Session, user: User, version: Version, entries: list[dict]) -> tuple[Decimal | None, str | None]:
    """Record 复核完成值 / 复核得分 / 扣分原因 for indicators; returns the new 复核 total and grade."""
    rows = indicator_rows(version)
    for item in entries:
        index = int(item["indicator"])
        if not 0 <= index < len(rows):
            raise JixiaoError(f"第 {index + 1} 项指标不存在")
        score = _score(item.get("score"), rows[index])
        entry = session.scalar(select(ReviewEntry).where(ReviewEntry.version_id == version.id, ReviewEntry.indicator == index))
        if entry is None:
            entry = ReviewEntry(version_id=version.id, indicator=index)
            session.add(entry)
        entry.actual, entry.score = (item.get("actual") or "").strip() or None, score
        entry.reason, entry.user_id, entry.at = (item.get("reason") or "").strip() or None, user.id, utcnow()
    session.flush()
    entered = {e.indicator: e.score for e in session.scalars(select(ReviewEntry).where(ReviewEntry.version_id == version.id))}
    version.review_score, version.review_grade = review_total(version.profile, rows, entered)
    start_review(session, version)
    return version.review_score, version.review_grade


def _score(value, row: dict) -> Decimal:
    try:
        score = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise JixiaoError(f"“{row['name']}”的复核得分“{value}”不是数字") from None
    if not score.is_finite() or score < 0 or (row["weight"] is not None and score > Decimal(row["weight"])):
        raise JixiaoError(f"“{row['name']}”的复核得分 {value} 应在 0 到分值 {row['weight']} 之间")
    return score.quantize(Decimal("0.01"))


def confirmed(session: Session, version: Version) -> list[ReviewedFinding]:
    return [f for f in findings(session, version) if f.verdict == "confirmed"]


def approve(session: Session, user: User, sub: Submission, message: str | None = None) -> None:
    """审核通过: the current version's review is complete."""
    _require_version(session, sub)
    sub.status = "已审"
    session.add(Event(submission_id=sub.id, version_id=sub.current_version_id, kind="approved", message=message, user_id=user.id))


def send_back(session: Session, user: User, sub: Submission, message: str | None) -> list[ReviewedFinding]:
    """退回修改 with the confirmed findings (at least one, or a message saying what to correct)."""
    version = _require_version(session, sub)
    items = confirmed(session, version)
    if not items and not (message or "").strip():
        raise JixiaoError("退回修改须至少确认一条审核发现，或填写退回说明")
    sub.status = "退回修改"
    detail = [{"id": f.finding.id, "message": f.finding.message, "fix": f.finding.fix, "reason": f.reason} for f in items]
    session.add(Event(submission_id=sub.id, version_id=version.id, kind="returned", message=(message or "").strip() or None,
                      detail=json.dumps(detail, ensure_ascii=False), user_id=user.id))
    return items


def _require_version(session: Session, sub: Submission) -> Version:
    if sub.current_version_id is None:
        raise JixiaoError("该单位尚未报送报告")
    return session.get(Version, sub.current_version_id)


def events(session: Session, sub: Submission) -> list[Event]:
    return list(session.scalars(select(Event).options(selectinload(Event.user)).where(Event.submission_id == sub.id).order_by(Event.id)))


def versions(session: Session, sub: Submission) -> list[Version]:
    return list(session.scalars(select(Version).where(Version.submission_id == sub.id).order_by(Version.number)))


def compare(session: Session, previous: Version, current: Version) -> Comparison:
    """整改 check: the previous version's confirmed findings (all of them when none was confirmed) against the current one's."""
    before = findings(session, previous)
    sent = [f.finding for f in before if f.verdict == "confirmed"] or [f.finding for f in before if f.verdict != "dismissed"]
    after = audit_of(current)
    now = {f.id: f for f in (after.findings if after else [])}
    known = {f.finding.id for f in before}
    return Comparison(previous.number or 0,
                      resolved=[f for f in sent if f.id not in now],
                      persisting=[now[f.id] for f in sent if f.id in now],
                      new=[f for fid, f in now.items() if fid not in known])
