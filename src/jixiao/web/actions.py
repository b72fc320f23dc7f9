"""What the pages and the API both do: each action runs one store operation and logs who did it.

The page routes and the JSON routes are thin wrappers around these functions, so that every
page action has its API twin and both obey the same checks.
"""

from __future__ import annotations

import tempfile
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from fastapi import HTTPException, Request, UploadFile
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from jixiao.errors import JixiaoError
from jixiao.export import review_docx, summary_xlsx
from jixiao.store import accounts, review, sampling, tasks, uploads
from jixiao.store.tables import AuditLog, Sample, Submission, Task, Unit, User, Version
from jixiao.web.auth import can_see


def store(request: Request):
    return request.app.state.store


def login(request: Request, name: str, password: str) -> User | None:
    with store(request).write() as s:
        user = accounts.authenticate(s, name, password)
        accounts.record(s, user, "登录" if user else "登录失败", name[:100])
    if user is not None:
        request.session.clear()  # a fresh session (and CSRF token) after login
        request.session["uid"] = user.id
    return user


def logout(request: Request, user: User) -> None:
    with store(request).write() as s:
        accounts.record(s, user, "退出")
    request.session.clear()


def task(request: Request, task_id: int) -> Task:
    with store(request).read() as s:
        t = s.get(Task, task_id)
    if t is None:
        raise HTTPException(404, "复核任务不存在")
    return t


def tasks_list(request: Request) -> list[Task]:
    with store(request).read() as s:
        return tasks.tasks(s)


def waiting(request: Request, task_id: int) -> int:
    with store(request).read() as s:
        return tasks.waiting(s, task_id)


def create_task(request: Request, user: User, year: int, name: str, profile: str | None, deadline: date | None, units: str) -> Task:
    if profile:
        from jixiao.scoring.profile import load_profile

        load_profile(profile)  # an unknown profile is refused now, not at processing time
    with store(request).write() as s:
        t = tasks.create_task(s, year, name, profile, deadline, units.replace("，", "\n").replace(",", "\n").splitlines())
        accounts.record(s, user, "创建任务", f"任务 {t.id}", f"{t.year} {t.name}")
    return t


def upload(request: Request, user: User, task_id: int, files: list[UploadFile], unit_id: int | None) -> list[uploads.Accepted]:
    """Store each file (a zip: each report in it), queue it for processing, and wake the workers."""
    task(request, task_id)
    if user.role == "unit":
        unit_id = user.unit_id  # a unit uploads only for itself
    settings = request.app.state.settings
    results = []
    for f in files:
        results += uploads.accept(store(request), settings.files_dir, task_id, f.file, f.filename or "未命名", user.id, unit_id, settings.max_upload)
    with store(request).write() as s:
        for r in results:
            accounts.record(s, user, "上传", f"任务 {task_id}：{r.name}", r.error or ("重复内容" if r.duplicate else f"版本记录 {r.version_id}"))
    request.app.state.processor.wake()
    return results


def dashboard(request: Request, user: User, task_id: int, sort: str = "unit", desc: bool = False, status: str | None = None,
              grade: str | None = None, q: str | None = None, sampled: bool = False) -> tuple[list[tasks.Row], list[tasks.Row]]:
    """(all rows the user may see, the sorted and filtered ones)."""
    with store(request).read() as s:
        rows = tasks.dashboard_rows(s, task_id, user.unit_id if user.role == "unit" else None)
    return rows, tasks.sort_and_filter(rows, sort, desc, status, grade, q, sampled)


def charts(request: Request, task_id: int, rows: list[tasks.Row]) -> dict:
    with store(request).read() as s:
        return tasks.chart_data(s, task_id, rows)


def progress(request: Request, user: User, task_id: int) -> list[dict]:
    with store(request).read() as s:
        return tasks.progress(s, task_id, user.id if user.role == "unit" else None)


def ratio_of(text: str) -> Decimal:
    """"10" or "10%" → 0.10; "0.1" → 0.1."""
    try:
        value = Decimal(text.strip().rstrip("%％"))
    except (InvalidOperation, AttributeError):
        raise JixiaoError(f"抽查比例“{text}”不是数字") from None
    return value / 100 if value > 1 else value


def draw(request: Request, user: User, task_id: int, method: str, ratio: str, seed: str | None) -> Sample:
    with store(request).write() as s:
        sample = sampling.draw(s, user, task_id, method, ratio_of(ratio), seed)
        accounts.record(s, user, "抽查", f"任务 {task_id}", f"{sampling.METHODS[method]}，比例 {sample.ratio}，种子 {sample.seed or '—'}，总体 {sample.population}")
    return sample


def add_to_sample(request: Request, user: User, task_id: int, sample_id: int, sub_id: int, reason: str | None) -> None:
    with store(request).write() as s:
        sample, sub = s.get(Sample, sample_id), s.get(Submission, sub_id)
        if sample is None or sample.task_id != task_id or sub is None:
            raise HTTPException(404, "抽查或报告不存在")
        sampling.add_by_hand(s, user, sample, sub, reason)
        accounts.record(s, user, "人工加入抽查", f"报告 {sub_id}", reason)


def samples(request: Request, task_id: int) -> list[dict]:
    with store(request).read() as s:
        names = dict(s.execute(select(Submission.id, Unit.name).join(Unit).where(Submission.task_id == task_id)).all())
        out = []
        for sample, items in sampling.samples(s, task_id):
            reproduced = sampling.redraw(sample) == [i.submission_id for i in items if not i.manual] if sample.method == "random" else None
            out.append({"id": sample.id, "method": sample.method, "method_name": sampling.METHODS[sample.method], "ratio": str(sample.ratio), "percent": f"{sample.ratio * 100:g}%",
                        "seed": sample.seed, "population": sample.population, "by": sample.user.name if sample.user else None,
                        "at": sample.at.isoformat(timespec="seconds"), "reproduced": reproduced,
                        "items": [{"submission_id": i.submission_id, "unit": names.get(i.submission_id), "rank": i.rank, "reason": i.reason, "manual": i.manual}
                                  for i in items]})
    return out


def current(request: Request, sub: Submission) -> Version:
    with store(request).read() as s:
        v = s.get(Version, sub.current_version_id) if sub.current_version_id else None
    if v is None:
        raise JixiaoError("该单位尚未报送报告")
    return v


def report_detail(request: Request, user: User, sub: Submission, number: int | None = None) -> dict:
    """Everything the report page shows, for one version (the current one by default)."""
    with store(request).read() as s:
        sub = s.get(Submission, sub.id)
        all_versions = review.versions(s, sub)
        chosen = next((v for v in all_versions if v.number == number), None) if number else s.get(Version, sub.current_version_id) if sub.current_version_id else None
        previous = next((v for v in reversed(all_versions) if chosen and v.number is not None and v.number < chosen.number), None)
        detail = {"submission": sub, "unit": sub.unit, "task": sub.task, "versions": all_versions, "version": chosen,
                  "events": review.events(s, sub), "findings": [], "indicators": [], "history": [], "comparison": None}
        if chosen is not None and chosen.state == "done":
            _ = chosen.source_html  # deferred column, loaded while the session is open
            detail.update(findings=review.findings(s, chosen), indicators=review.indicator_reviews(s, chosen), history=review.history(s, chosen),
                          audit=review.audit_of(chosen), comparison=review.compare(s, previous, chosen) if previous else None,
                          report=_report_of(chosen))
        detail["next_id"] = _next_pending(s, sub) if user.role != "unit" else None
    return detail


def _report_of(version: Version):
    from jixiao.model import Report

    return Report.model_validate_json(version.report_json) if version.report_json else None


def _next_pending(s, sub: Submission) -> int | None:
    """The next report of the task still to review, by unit name after this one (those in an 抽查 first)."""
    return tasks.next_pending(s, sub.task_id, sub.id, sub.unit.name)


def decide(request: Request, user: User, sub: Submission, fid: str, verdict: str, reason: str | None) -> dict:
    with store(request).write() as s:
        version = s.get(Version, sub.current_version_id) if sub.current_version_id else None
        if version is None:
            raise JixiaoError("该单位尚未报送报告")
        row = review.decide(s, user, version, fid, verdict, reason)
        accounts.record(s, user, f"审核发现{review.VERDICTS[verdict]}", f"报告 {sub.id} 第 {version.number} 版", f"{fid}" + (f"：{reason}" if reason else ""))
        return {"fid": fid, "verdict": row.verdict, "reason": row.reason}


def save_review(request: Request, user: User, sub: Submission, entries: list[dict]) -> dict:
    with store(request).write() as s:
        version = s.get(Version, sub.current_version_id) if sub.current_version_id else None
        if version is None:
            raise JixiaoError("该单位尚未报送报告")
        total, grade = review.save_entries(s, user, version, entries)
        accounts.record(s, user, "复核评分", f"报告 {sub.id} 第 {version.number} 版", f"{len(entries)} 项，复核总分 {total}")
    return {"review_score": None if total is None else str(total), "review_grade": grade}


def approve(request: Request, user: User, sub: Submission) -> None:
    with store(request).write() as s:
        review.approve(s, user, s.get(Submission, sub.id))
        accounts.record(s, user, "审核通过", f"报告 {sub.id}")


def send_back(request: Request, user: User, sub: Submission, message: str | None) -> int:
    with store(request).write() as s:
        items = review.send_back(s, user, s.get(Submission, sub.id), message)
        accounts.record(s, user, "退回修改", f"报告 {sub.id}", f"确认问题 {len(items)} 条" + (f"；{message}" if message else ""))
    return len(items)


def summary_file(request: Request, user: User, task_id: int) -> Path:
    t = task(request, task_id)
    rows, _ = dashboard(request, user, task_id)
    path = Path(tempfile.mkstemp(suffix=".xlsx")[1])
    summary_xlsx.write(f"{t.name}（{t.year}年度）复核汇总表", rows, path)
    with store(request).write() as s:
        accounts.record(s, user, "导出汇总表", f"任务 {task_id}")
    return path


def letter_file(request: Request, user: User, sub: Submission) -> tuple[Path, str]:
    settings = request.app.state.settings
    detail = report_detail(request, user, sub)
    version = detail["version"]
    if version is None or version.state != "done":
        raise JixiaoError("该单位尚无可复核的报告")
    issues = [review_docx.Issue(f.finding.message, f.finding.fix, f.reason) for f in detail["findings"] if f.verdict == "confirmed"]
    deductions = [review_docx.Deduction(i.row["name"], _dec(i.row["weight"]), _dec(i.row["stated"]), i.score, i.reason)
                  for i in detail["indicators"] if i.score != _dec(i.row["stated"])]
    today = date.today()
    letter = review_docx.ReviewLetter(
        org=settings.org, doc_number=f"{settings.org_short}绩复〔{today.year}〕{sub.id}号", unit=detail["unit"].name, year=detail["task"].year,
        date=f"{today.year}年{today.month}月{today.day}日", stated=version.stated_score, recomputed=version.recomputed_score,
        review=version.review_score, grade=version.grade_stated, review_grade=version.review_grade, issues=issues, deductions=deductions,
        returned=detail["submission"].status == "退回修改")
    path = Path(tempfile.mkstemp(suffix=".docx")[1])
    review_docx.write(letter, path)
    with store(request).write() as s:
        accounts.record(s, user, "导出复核意见书", f"报告 {sub.id}")
    return path, f"{detail['unit'].name}复核意见书.docx"


def _dec(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def add_user(request: Request, admin: User, name: str, password: str, role: str, unit: str | None) -> User:
    with store(request).write() as s:
        user = accounts.create_user(s, name, password, role, unit)
        accounts.record(s, admin, "添加用户", name, f"{accounts.ROLE_NAMES[role]}" + (f"（{unit}）" if unit else ""))
    return user


def users(request: Request) -> list[User]:
    with store(request).read() as s:
        return list(s.scalars(select(User).options(selectinload(User.unit)).order_by(User.id)))


def log(request: Request, limit: int = 500) -> list[AuditLog]:
    with store(request).read() as s:
        return list(s.scalars(select(AuditLog).order_by(AuditLog.id.desc()).limit(limit)))


def units(request: Request) -> list[Unit]:
    with store(request).read() as s:
        return list(s.scalars(select(Unit).order_by(Unit.name)))


def unit_history(request: Request, user: User, unit_id: int) -> tuple[Unit, list[dict], list[list]]:
    if user.role == "unit" and user.unit_id != unit_id:
        raise HTTPException(403, "无权查看其他单位")
    with store(request).read() as s:
        unit = s.get(Unit, unit_id)
        if unit is None:
            raise HTTPException(404, "单位不存在")
        return unit, tasks.unit_history(s, unit_id), tasks.three_public_by_year(s, unit_id)


def visible_submission(request: Request, user: User, sub_id: int) -> Submission:
    with store(request).read() as s:
        sub = s.get(Submission, sub_id)
        if sub is not None:
            _ = sub.unit.name, sub.task.year
    if sub is None:
        raise HTTPException(404, "报告不存在")
    if not can_see(user, sub):
        raise HTTPException(403, "无权访问其他单位的报告")
    return sub


def original(request: Request, user: User, sub: Submission, number: int) -> tuple[Path, str]:
    with store(request).read() as s:
        v = s.scalar(select(Version).where(Version.submission_id == sub.id, Version.number == number))
    if v is None:
        raise HTTPException(404, "版本不存在")
    return request.app.state.settings.files_dir / v.stored_name, v.original_name
