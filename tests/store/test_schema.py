"""Migrations build exactly the tables the code declares; exact decimals survive the round trip."""

from __future__ import annotations

from decimal import Decimal

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from jixiao.errors import JixiaoError
from jixiao.store.accounts import authenticate, create_user
from jixiao.store.tables import Base, Task, Version


def test_migrated_schema_matches_the_tables(store):
    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def test_migrating_twice_changes_nothing(store):
    from jixiao.store.db import migrate

    migrate(store.engine)
    with store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == "0001"


def test_decimals_are_stored_exactly(store):
    value = Decimal("12345678901.123456789")
    with store.write() as s:
        task = Task(year=2024, name="t")
        s.add(task)
        s.flush()
        s.add(Version(task_id=task.id, sha256="0" * 64, original_name="a.txt", stored_name="a.txt", size=1, stated_score=value,
                      execution_rate=Decimal("72.67")))
    with store.read() as s:
        v = s.query(Version).one()
        assert v.stated_score == value and isinstance(v.stated_score, Decimal) and str(v.execution_rate) == "72.67"


def test_accounts_hash_passwords_and_check_roles(store):
    with store.write() as s:
        user = create_user(s, "单位甲用户", "a-long-password", "unit", "甲单位")
        assert user.password_hash.startswith("$argon2") and "a-long-password" not in user.password_hash
        assert authenticate(s, "单位甲用户", "a-long-password").unit.name == "甲单位"
        assert authenticate(s, "单位甲用户", "wrong") is None and authenticate(s, "无此人", "x") is None
        for args, message in [(("x", "short", "admin"), "至少 8"), (("y", "password-1", "boss"), "角色"), (("z", "password-1", "unit"), "所属单位"),
                              (("单位甲用户", "password-1", "admin"), "已存在")]:
            with pytest.raises(JixiaoError, match=message):
                create_user(s, *args)
