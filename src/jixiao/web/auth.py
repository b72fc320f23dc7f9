"""Who is asking and may they: the session user, role guards, unit scoping, and CSRF on every state change.

Anonymous visitors are sent to the login page (pages) or get 401 (the API); a role outside a
route's roles gets 403; a unit user reaching another unit's report gets 403.  Every POST, PUT,
PATCH and DELETE must carry the session's CSRF token, in the `csrf_token` form field or the
`X-CSRF-Token` header.
"""

from __future__ import annotations

import hmac
import secrets

from fastapi import Depends, HTTPException, Request
from sqlalchemy.orm import selectinload

from jixiao.store.tables import Submission, User

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
REVIEWERS = ("admin", "reviewer")
EVERYONE = ("admin", "reviewer", "unit")


class LoginRequired(Exception):
    """Raised for an anonymous request; pages redirect to /login, the API answers 401."""


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def csrf_token(request: Request) -> str:
    """The session's CSRF token (created on first use)."""
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return token


async def csrf_protect(request: Request) -> None:
    """Refuse a state-changing request without the session's token (a global dependency)."""
    if request.method in SAFE_METHODS:
        return
    sent = request.headers.get("x-csrf-token")
    if sent is None and request.headers.get("content-type", "").startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        sent = (await request.form()).get("csrf_token")
    expected = request.session.get("csrf")
    if not expected or not isinstance(sent, str) or not hmac.compare_digest(sent, expected):
        raise HTTPException(403, "CSRF 校验失败：请刷新页面后重试")


def session_user(request: Request) -> User | None:
    uid = request.session.get("uid")
    if uid is None:
        return None
    with request.app.state.store.read() as s:
        return s.get(User, uid, options=[selectinload(User.unit)])  # the unit is read by templates after the session closes


def allow(*roles: str):
    """A dependency: the session user, who must have one of `roles`."""
    def dependency(request: Request) -> User:
        user = session_user(request)
        if user is None:
            raise LoginRequired()
        if user.role not in roles:
            raise HTTPException(403, "无权访问：您的角色不能执行此操作")
        request.state.user = user
        return user
    dependency.roles = roles
    return Depends(dependency)


def can_see(user: User, sub: Submission) -> bool:
    return user.role != "unit" or sub.unit_id == user.unit_id


ADMIN = allow("admin")
REVIEWER = allow(*REVIEWERS)
ANYONE = allow(*EVERYONE)
