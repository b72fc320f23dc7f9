"""A fresh, migrated store per test, on SQLite and (where configured) PostgreSQL."""

from __future__ import annotations

import pytest

from jixiao.store import Store
from jixiao.store.accounts import create_user
from tests.web.server import database_params, database_url


@pytest.fixture(params=database_params())
def store(request, tmp_path):
    s = Store(database_url(request.param, tmp_path))
    yield s
    s.close()


@pytest.fixture
def reviewer(store):
    with store.write() as s:
        return create_user(s, "复核员", "password-123", "reviewer")
