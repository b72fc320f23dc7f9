"""Rendering pages: the Jinja2 environment (templates inside the package), filters, flash messages."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

from fastapi import Request
from starlette.templating import Jinja2Templates

from jixiao.audit.registry import CATEGORY_NAMES
from jixiao.store.accounts import ROLE_NAMES
from jixiao.web.auth import csrf_token

templates = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
STATE_NAMES = {"queued": "排队中", "processing": "处理中", "done": "已完成", "failed": "失败"}
CHINA = timedelta(hours=8)
KIND_NAMES = {"department_report": "部门整体支出自评报告", "department_form": "部门整体支出自评表", "project_form": "项目支出自评表",
              "project_report": "项目支出自评报告", "external_report": "外部评价报告", "narrative_report": "叙述式报告"}


def _num(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        return f"{value.quantize(Decimal('0.01'))}"
    return str(value)


def _local(value: datetime | str | None) -> str:
    """UTC from the database → Beijing time for people."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return (value + CHINA).strftime("%Y-%m-%d %H:%M")


templates.env.filters.update(num=_num, local=_local)
templates.env.globals.update(SEVERITY_NAMES=SEVERITY_NAMES, CATEGORY_NAMES=CATEGORY_NAMES, ROLE_NAMES=ROLE_NAMES, STATE_NAMES=STATE_NAMES, KIND_NAMES=KIND_NAMES)


def flash(request: Request, message: str, kind: str = "ok") -> None:
    request.session.setdefault("flash", []).append([kind, message])


def render(request: Request, name: str, context: dict | None = None, status_code: int = 200):
    context = dict(context or {})
    context.setdefault("user", getattr(request.state, "user", None))
    context["csrf"] = csrf_token(request)
    context["messages"] = request.session.pop("flash", [])
    return templates.TemplateResponse(request, name, context, status_code=status_code)
