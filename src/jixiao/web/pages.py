"""Server-rendered pages in Chinese; forms post here and are redirected back (the report page also uses the API)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse

from jixiao.errors import JixiaoError
from jixiao.store import sampling
from jixiao.store.tables import STATUSES, User
from jixiao.web import actions
from jixiao.web.auth import ADMIN, ANYONE, REVIEWER
from jixiao.web.views import flash, render

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 200


def _back(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _safe_next(target: str | None) -> str:
    """Only a path on this site (never //host or a scheme) is followed after login."""
    return target if target and target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"


@router.get("/login")
def login_page(request: Request, next: str | None = None):
    return render(request, "login.html", {"next": _safe_next(next)})


@router.post("/login")
def login(request: Request, name: str = Form(...), password: str = Form(...), next: str = Form("/")):
    if actions.login(request, name, password) is None:
        flash(request, "用户名或密码错误", "error")
        return render(request, "login.html", {"next": _safe_next(next), "name": name}, status_code=401)
    return _back(_safe_next(next))


@router.post("/logout")
def logout(request: Request, user: User = ANYONE):
    actions.logout(request, user)
    return _back("/login")


@router.get("/")
def home(request: Request, user: User = ANYONE):
    found = actions.tasks_list(request)
    return _back(f"/tasks/{found[0].id}" if found else "/tasks")


@router.get("/tasks")
def task_list(request: Request, user: User = ANYONE):
    found = actions.tasks_list(request)
    return render(request, "tasks.html", {"tasks": found, "today": date.today()})


@router.post("/tasks")
def task_create(request: Request, year: int = Form(...), name: str = Form(""), profile: str = Form(""), deadline: str = Form(""),
                units: str = Form(""), user: User = ADMIN):
    try:
        t = actions.create_task(request, user, year, name, profile or None, date.fromisoformat(deadline) if deadline else None, units)
    except (JixiaoError, ValueError) as e:
        flash(request, str(e), "error")
        return _back("/tasks")
    flash(request, f"已创建任务：{t.name}")
    return _back(f"/tasks/{t.id}")


@router.get("/tasks/{task_id}")
def dashboard(request: Request, task_id: int, sort: str = "unit", desc: bool = False, status: str = "", grade: str = "", q: str = "",
              sampled: bool = False, user: User = ANYONE):
    task = actions.task(request, task_id)
    rows, shown = actions.dashboard(request, user, task_id, sort, desc, status or None, grade or None, q or None, sampled)
    counts = {s: sum(1 for r in rows if r.status == s) for s in STATUSES}
    processing = actions.waiting(request, task_id)
    return render(request, "dashboard.html", {"task": task, "rows": shown, "total": len(rows), "page_size": PAGE_SIZE, "counts": counts, "statuses": STATUSES, "processing": processing,
                                              "charts": user.role != "unit",
                                              "f": {"sort": sort, "desc": desc, "status": status, "grade": grade, "q": q, "sampled": sampled}})


@router.get("/tasks/{task_id}/upload")
def upload_page(request: Request, task_id: int, user: User = ANYONE):
    task = actions.task(request, task_id)
    units = actions.units(request) if user.role != "unit" else []
    return render(request, "upload.html", {"task": task, "units": units, "uploads": actions.progress(request, user, task_id)})


@router.post("/tasks/{task_id}/upload")
def upload(request: Request, task_id: int, files: Annotated[list[UploadFile], File()], unit_id: str = Form(""), user: User = ANYONE):
    results = actions.upload(request, user, task_id, files, int(unit_id) if unit_id.isdigit() else None)
    for r in results:
        if r.error:
            flash(request, r.error, "error")
        elif r.duplicate:
            flash(request, f"{r.name}：与已上传的文件内容相同，未重复处理", "warn")
    accepted = sum(1 for r in results if r.version_id and not r.duplicate)
    flash(request, f"已接收 {accepted} 个文件，正在后台解析、重算和审核")
    return _back(f"/tasks/{task_id}/upload")


@router.get("/tasks/{task_id}/samples")
def samples_page(request: Request, task_id: int, user: User = REVIEWER):
    task = actions.task(request, task_id)
    rows, _ = actions.dashboard(request, user, task_id)
    return render(request, "samples.html", {"task": task, "samples": actions.samples(request, task_id), "methods": sampling.METHODS,
                                            "rows": [r for r in rows if r.version is not None]})


@router.post("/tasks/{task_id}/samples")
def draw(request: Request, task_id: int, method: str = Form("risk"), ratio: str = Form("10%"), seed: str = Form(""), user: User = REVIEWER):
    actions.task(request, task_id)
    try:
        sample = actions.draw(request, user, task_id, method, ratio, seed or None)
        flash(request, f"已抽取 {sampling.size_of(sample.ratio, sample.population)} 份报告（{sampling.METHODS[method]}）")
    except JixiaoError as e:
        flash(request, str(e), "error")
    return _back(f"/tasks/{task_id}/samples")


@router.post("/tasks/{task_id}/samples/{sample_id}/items")
def add_item(request: Request, task_id: int, sample_id: int, submission_id: int = Form(...), reason: str = Form(""), user: User = REVIEWER):
    try:
        actions.add_to_sample(request, user, task_id, sample_id, submission_id, reason)
        flash(request, "已加入抽查名单")
    except JixiaoError as e:
        flash(request, str(e), "error")
    return _back(f"/tasks/{task_id}/samples")


@router.get("/reports/{sub_id}")
def report_page(request: Request, sub_id: int, v: int | None = None, user: User = ANYONE):
    sub = actions.visible_submission(request, user, sub_id)
    return render(request, "report.html", actions.report_detail(request, user, sub, v))


@router.post("/reports/{sub_id}/approve")
def approve(request: Request, sub_id: int, then: str = Form(""), user: User = REVIEWER):
    sub = actions.visible_submission(request, user, sub_id)
    actions.approve(request, user, sub)
    flash(request, f"{sub.unit.name}：审核通过")
    return _back(f"/reports/{then}" if then.isdigit() else f"/reports/{sub_id}")


@router.post("/reports/{sub_id}/return")
def send_back(request: Request, sub_id: int, message: str = Form(""), user: User = REVIEWER):
    sub = actions.visible_submission(request, user, sub_id)
    try:
        n = actions.send_back(request, user, sub, message)
        flash(request, f"已退回 {sub.unit.name} 修改（附确认问题 {n} 条）")
    except JixiaoError as e:
        flash(request, str(e), "error")
    return _back(f"/reports/{sub_id}")


@router.get("/units/{unit_id}")
def unit_page(request: Request, unit_id: int, user: User = ANYONE):
    unit, rows, three_public = actions.unit_history(request, user, unit_id)
    return render(request, "unit.html", {"unit": unit, "rows": rows, "three_public": three_public})


@router.get("/users")
def users_page(request: Request, user: User = ADMIN):
    return render(request, "users.html", {"users": actions.users(request)})


@router.post("/users")
def add_user(request: Request, name: str = Form(...), password: str = Form(...), role: str = Form(...), unit: str = Form(""),
             user: User = ADMIN):
    try:
        actions.add_user(request, user, name, password, role, unit or None)
        flash(request, f"已添加用户 {name}")
    except JixiaoError as e:
        flash(request, str(e), "error")
    return _back("/users")


@router.get("/log")
def log_page(request: Request, user: User = ADMIN):
    return render(request, "log.html", {"entries": actions.log(request)})
