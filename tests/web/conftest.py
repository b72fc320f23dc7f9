"""Fixtures: a live server per database (SQLite, and PostgreSQL where configured) with one account per role."""

from __future__ import annotations

import pytest

from tests.web.server import LiveServer, database_params, database_url


@pytest.fixture(scope="module", params=database_params())
def live(request, tmp_path_factory):
    """A running server with admin, reviewer and two unit users (甲单位, 乙单位), a task and no reports."""
    data = tmp_path_factory.mktemp(f"web-{request.param}")
    with LiveServer(data, database_url(request.param, data)) as server:
        server.add_user("admin", "admin")
        server.add_user("reviewer", "reviewer")
        server.add_user("unit-a", "unit", "甲单位")
        server.add_user("unit-b", "unit", "乙单位")
        server.kind = request.param
        yield server
