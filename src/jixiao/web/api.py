"""The JSON API (/api/…): everything the pages do, described by FastAPI's OpenAPI at /docs and /openapi.json."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel, Field
from starlette.background import BackgroundTask

from jixiao.store.tables import User
from jixiao.web import actions
from jixiao.web.auth import ADMIN, ANYONE, REVIEWER, csrf_token

router = APIRouter(prefix="/api", tags=["api"])


class Login(BaseModel):
    name: str
    password: str


class TaskIn(BaseModel):
    year: int
    name: str = ""
    profile: str | None = None
    deadline: date | None = None
    units: list[str] = Field(default_factory=list)


class DrawIn(BaseModel):
    method: str = Field("risk", description="risk（按风险）或 random（随机）")
    ratio: str = Field("10%", description="抽查比例，如 10% 或 0.1")
    seed: str | None = Field(None, description="随机种子；随机抽查不填时自动生成并记录")


class AddIn(BaseModel):
    submission_id: int
    reason: str | None = None


class DecisionIn(BaseModel):
    fid: str = Field(..., description="审核发现的 id，如 SC302:指标:群众对政府满意度")
    verdict: str = Field(..., description="confirmed（确认）、dismissed（不采纳，须填理由）或 undone（撤销）")
    reason: str | None = None


class EntryIn(BaseModel):
    indicator: int = Field(..., description="复核表的行号（从 0 开始）")
    actual: str | None = Field(None, description="复核完成值")
    score: str = Field(..., description="复核得分（十进制数字）")
    reason: str | None = Field(None, description="扣分原因")


class ReviewIn(BaseModel):
    entries: list[EntryIn]


class ReturnIn(BaseModel):
    message: str | None = None


class UserIn(BaseModel):
    name: str
    password: str
    role: str
    unit: str | None = None


def _me(user: User) -> dict:
    return {"id": user.id, "name": user.name, "role": user.role, "unit_id": user.unit_id}


def _dec(value):
    return None if value is None else str(value)


@router.get("/csrf", summary="取得 CSRF 令牌（写操作须放在 X-CSRF-Token 请求头）")
def get_csrf(request: Request) -> dict:
    return {"csrf": csrf_token(request)}


@router.post("/login", summary="登录")
def api_login(request: Request, body: Login) -> dict:
    user = actions.login(request, body.name, body.password)
    if user is None:
        raise HTTPException(401, "用户名或密码错误")
    return {"user": _me(user), "csrf": csrf_token(request)}


@router.post("/logout", summary="退出")
def api_logout(request: Request, user: User = ANYONE) -> dict:
    actions.logout(request, user)
    return {"ok": True}


@router.get("/me", summary="当前用户")
def me(user: User = ANYONE) -> dict:
    return _me(user)


@router.get("/tasks", summary="复核任务列表")
def list_tasks(request: Request, user: User = ANYONE) -> list[dict]:
    return [{"id": t.id, "year": t.year, "name": t.name, "profile": t.profile, "deadline": t.deadline and t.deadline.isoformat()}
            for t in actions.tasks_list(request)]


@router.post("/tasks", summary="创建复核任务（管理员）", status_code=201)
def new_task(request: Request, body: TaskIn, user: User = ADMIN) -> dict:
    t = actions.create_task(request, user, body.year, body.name, body.profile, body.deadline, "\n".join(body.units))
    return {"id": t.id, "year": t.year, "name": t.name}


@router.get("/tasks/{task_id}/dashboard", summary="看板：每个单位一行（可排序、筛选）")
def api_dashboard(request: Request, task_id: int, sort: str = "unit", desc: bool = False, status: str | None = None, grade: str | None = None,
                  q: str | None = None, sampled: bool = False, user: User = ANYONE) -> JSONResponse:
    actions.task(request, task_id)
    rows, shown = actions.dashboard(request, user, task_id, sort, desc, status, grade, q, sampled)
    return JSONResponse({"total": len(rows), "rows": [r.as_json() for r in shown]})  # plain data: skips the slow generic encoder


@router.get("/tasks/{task_id}/charts", summary="看板图表数据")
def api_charts(request: Request, task_id: int, user: User = REVIEWER) -> dict:
    actions.task(request, task_id)
    rows, _ = actions.dashboard(request, user, task_id)
    return actions.charts(request, task_id, rows)


@router.post("/tasks/{task_id}/uploads", summary="上传报告（可多个文件或 zip 压缩包）")
def api_upload(request: Request, task_id: int, files: Annotated[list[UploadFile], File()], unit_id: int | None = Form(None),
               user: User = ANYONE) -> list[dict]:
    return [{"name": r.name, "version_id": r.version_id, "duplicate": r.duplicate, "error": r.error}
            for r in actions.upload(request, user, task_id, files, unit_id)]


@router.get("/tasks/{task_id}/progress", summary="上传处理进度")
def api_progress(request: Request, task_id: int, user: User = ANYONE) -> list[dict]:
    actions.task(request, task_id)
    return actions.progress(request, user, task_id)


@router.get("/tasks/{task_id}/samples", summary="抽查记录")
def api_samples(request: Request, task_id: int, user: User = REVIEWER) -> list[dict]:
    actions.task(request, task_id)
    return actions.samples(request, task_id)


@router.post("/tasks/{task_id}/samples", summary="抽查：按风险或随机（记录比例与种子）", status_code=201)
def api_draw(request: Request, task_id: int, body: DrawIn, user: User = REVIEWER) -> dict:
    actions.task(request, task_id)
    sample = actions.draw(request, user, task_id, body.method, body.ratio, body.seed)
    return next(s for s in actions.samples(request, task_id) if s["id"] == sample.id)


@router.post("/tasks/{task_id}/samples/{sample_id}/items", summary="人工加入抽查", status_code=201)
def api_add(request: Request, task_id: int, sample_id: int, body: AddIn, user: User = REVIEWER) -> dict:
    actions.add_to_sample(request, user, task_id, sample_id, body.submission_id, body.reason)
    return {"ok": True}


@router.get("/tasks/{task_id}/summary.xlsx", summary="导出汇总表", response_class=FileResponse)
def api_summary(request: Request, task_id: int, user: User = REVIEWER):
    path = actions.summary_file(request, user, task_id)
    return FileResponse(path, filename="汇总表.xlsx", background=BackgroundTask(path.unlink))


@router.get("/reports/{sub_id}", summary="一个单位的报告：版本、审核发现及处理、复核记录、整改对比")
def api_report(request: Request, sub_id: int, version: int | None = None, user: User = ANYONE) -> dict:
    sub = actions.visible_submission(request, user, sub_id)
    d = actions.report_detail(request, user, sub, version)
    v = d["version"]
    out = {"id": sub.id, "unit": d["unit"].name, "year": d["task"].year, "status": d["submission"].status,
           "versions": [{"number": x.number, "state": x.state, "name": x.original_name, "error": x.error} for x in d["versions"]],
           "events": [{"kind": e.kind, "message": e.message, "at": e.at.isoformat(timespec="seconds")} for e in d["events"]]}
    if v is None:
        return out
    out["version"] = {"number": v.number, "state": v.state, "stated": _dec(v.stated_score), "recomputed": _dec(v.recomputed_score),
                      "review": _dec(v.review_score), "grade": v.grade_stated, "review_grade": v.review_grade, "execution_rate": _dec(v.execution_rate)}
    if user.role == "unit":
        out["findings"] = [f.finding.model_dump(mode="json") for f in d["findings"] if f.verdict == "confirmed"]
    else:
        out["findings"] = [f.finding.model_dump(mode="json") | {"verdict": f.verdict, "reason": f.reason, "by": f.by, "at": f.at} for f in d["findings"]]
        out["indicators"] = [{"index": i.index, **i.row, "review_actual": i.actual, "review_score": str(i.score), "review_reason": i.reason,
                              "entered": i.entered} for i in d["indicators"]]
    c = d["comparison"]
    if c is not None:
        out["comparison"] = {"previous": c.previous, **{k: [f.id for f in getattr(c, k)] for k in ("resolved", "persisting", "new")}}
    return out


@router.post("/reports/{sub_id}/decisions", summary="确认、不采纳或撤销一条审核发现")
def api_decide(request: Request, sub_id: int, body: DecisionIn, user: User = REVIEWER) -> dict:
    sub = actions.visible_submission(request, user, sub_id)
    return actions.decide(request, user, sub, body.fid, body.verdict, body.reason)


@router.put("/reports/{sub_id}/review", summary="保存逐项复核记录（复核完成值、复核得分、扣分原因）")
def api_review(request: Request, sub_id: int, body: ReviewIn, user: User = REVIEWER) -> dict:
    sub = actions.visible_submission(request, user, sub_id)
    return actions.save_review(request, user, sub, [e.model_dump() for e in body.entries])


@router.post("/reports/{sub_id}/approve", summary="审核通过")
def api_approve(request: Request, sub_id: int, user: User = REVIEWER) -> dict:
    sub = actions.visible_submission(request, user, sub_id)
    actions.approve(request, user, sub)
    return {"status": "已审"}


@router.post("/reports/{sub_id}/return", summary="退回修改（附已确认的审核发现）")
def api_return(request: Request, sub_id: int, body: ReturnIn, user: User = REVIEWER) -> dict:
    sub = actions.visible_submission(request, user, sub_id)
    return {"status": "退回修改", "findings": actions.send_back(request, user, sub, body.message)}


@router.get("/reports/{sub_id}/letter.docx", summary="导出复核意见书", response_class=FileResponse)
def api_letter(request: Request, sub_id: int, user: User = REVIEWER):
    path, name = actions.letter_file(request, user, actions.visible_submission(request, user, sub_id))
    return FileResponse(path, filename=name, background=BackgroundTask(path.unlink))


@router.get("/reports/{sub_id}/versions/{number}/original", summary="下载某一版本的原始文件", response_class=FileResponse)
def api_original(request: Request, sub_id: int, number: int, user: User = ANYONE):
    path, name = actions.original(request, user, actions.visible_submission(request, user, sub_id), number)
    return FileResponse(path, filename=name)


@router.get("/units/{unit_id}/history", summary="单位历年情况")
def api_history(request: Request, unit_id: int, user: User = ANYONE) -> dict:
    unit, rows, three_public = actions.unit_history(request, user, unit_id)
    return {"unit": unit.name, "years": rows, "three_public": three_public}


@router.get("/users", summary="用户列表（管理员）")
def api_users(request: Request, user: User = ADMIN) -> list[dict]:
    return [_me(u) | {"unit": u.unit.name if u.unit_id else None} for u in actions.users(request)]


@router.post("/users", summary="添加用户（管理员）", status_code=201)
def api_add_user(request: Request, body: UserIn, user: User = ADMIN) -> dict:
    return _me(actions.add_user(request, user, body.name, body.password, body.role, body.unit))


@router.get("/log", summary="操作日志（管理员）")
def api_log(request: Request, user: User = ADMIN) -> list[dict]:
    return [{"at": e.at.isoformat(timespec="seconds"), "user": e.user_name, "action": e.action, "target": e.target, "detail": e.detail}
            for e in actions.log(request)]
