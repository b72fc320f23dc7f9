"""Accounts (admin, reviewer, unit user) with argon2 password hashes, and the log of who did what (操作日志)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from jixiao.errors import JixiaoError
from jixiao.store.tables import ROLES, AuditLog, Unit, User

_hasher = PasswordHasher()
ROLE_NAMES = {"admin": "管理员", "reviewer": "复核人员", "unit": "单位用户"}
# A hash of a password nobody has, checked when a name is unknown so that both cases take equal time.
_DUMMY = _hasher.hash("jixiao-no-such-user")


def create_user(session: Session, name: str, password: str, role: str, unit_name: str | None = None) -> User:
    """A new account; a unit user belongs to one unit (created when new)."""
    name = name.strip()
    if role not in ROLES:
        raise JixiaoError(f"角色“{role}”无效，应为 admin、reviewer 或 unit")
    if not name:
        raise JixiaoError("用户名不能为空")
    if len(password) < 8:
        raise JixiaoError("密码至少 8 个字符")
    if role == "unit" and not (unit_name or "").strip():
        raise JixiaoError("单位用户须指定所属单位（--unit）")
    if session.scalar(select(User.id).where(User.name == name)) is not None:
        raise JixiaoError(f"用户“{name}”已存在")
    unit = unit_named(session, unit_name.strip()) if role == "unit" else None
    user = User(name=name, password_hash=_hasher.hash(password), role=role, unit_id=unit.id if unit else None)
    session.add(user)
    session.flush()
    return user


def unit_named(session: Session, name: str) -> Unit:
    unit = session.scalar(select(Unit).where(Unit.name == name))
    if unit is None:
        unit = Unit(name=name)
        session.add(unit)
        session.flush()
    return unit


def authenticate(session: Session, name: str, password: str) -> User | None:
    """The user with that name and password, or None (in the same time either way)."""
    user = session.scalar(select(User).where(User.name == name.strip()))
    try:
        _hasher.verify(user.password_hash if user else _DUMMY, password)
    except (VerificationError, InvalidHashError):
        return None
    return user


def record(session: Session, user: User | None, action: str, target: str | None = None, detail: str | None = None) -> None:
    """One line of the 操作日志."""
    session.add(AuditLog(user_id=user.id if user else None, user_name=user.name if user else None, action=action,
                         target=(target or "")[:300] or None, detail=detail))
