"""The authorisation matrix (role × route) for pages and API alike, unit scoping, login redirects, CSRF."""

from __future__ import annotations

import re
import socket

import pytest
from fastapi.routing import APIRoute

from tests.web.server import SEEDS, Api

PUBLIC, ALL, REVIEW, ADMIN = "public", ("admin", "reviewer", "unit"), ("admin", "reviewer"), ("admin",)
# Every route of the app with the roles that may use it; a route missing here fails test_matrix_covers_every_route.
MATRIX = {
    ("GET", "/login"): PUBLIC, ("POST", "/login"): PUBLIC, ("GET", "/api/csrf"): PUBLIC, ("POST", "/api/login"): PUBLIC,
    ("GET", "/openapi.json"): PUBLIC, ("GET", "/docs"): PUBLIC,
    ("POST", "/logout"): ALL, ("GET", "/"): ALL, ("GET", "/tasks"): ALL, ("GET", "/tasks/{task_id}"): ALL,
    ("GET", "/tasks/{task_id}/upload"): ALL, ("POST", "/tasks/{task_id}/upload"): ALL, ("GET", "/reports/{sub_id}"): ALL,
    ("GET", "/units/{unit_id}"): ALL,
    ("POST", "/api/logout"): ALL, ("GET", "/api/me"): ALL, ("GET", "/api/tasks"): ALL, ("GET", "/api/tasks/{task_id}/dashboard"): ALL,
    ("POST", "/api/tasks/{task_id}/uploads"): ALL, ("GET", "/api/tasks/{task_id}/progress"): ALL, ("GET", "/api/reports/{sub_id}"): ALL,
    ("GET", "/api/reports/{sub_id}/versions/{number}/original"): ALL, ("GET", "/api/units/{unit_id}/history"): ALL,
    ("GET", "/tasks/{task_id}/samples"): REVIEW, ("POST", "/tasks/{task_id}/samples"): REVIEW,
    ("POST", "/tasks/{task_id}/samples/{sample_id}/items"): REVIEW, ("POST", "/reports/{sub_id}/approve"): REVIEW,
    ("POST", "/reports/{sub_id}/return"): REVIEW, ("GET", "/api/tasks/{task_id}/charts"): REVIEW,
    ("GET", "/api/tasks/{task_id}/samples"): REVIEW, ("POST", "/api/tasks/{task_id}/samples"): REVIEW,
    ("POST", "/api/tasks/{task_id}/samples/{sample_id}/items"): REVIEW, ("GET", "/api/tasks/{task_id}/summary.xlsx"): REVIEW,
    ("POST", "/api/reports/{sub_id}/decisions"): REVIEW, ("PUT", "/api/reports/{sub_id}/review"): REVIEW,
    ("POST", "/api/reports/{sub_id}/approve"): REVIEW, ("POST", "/api/reports/{sub_id}/return"): REVIEW,
    ("GET", "/api/reports/{sub_id}/letter.docx"): REVIEW,
    ("POST", "/tasks"): ADMIN, ("GET", "/users"): ADMIN, ("POST", "/users"): ADMIN, ("GET", "/log"): ADMIN,
    ("POST", "/api/tasks"): ADMIN, ("GET", "/api/users"): ADMIN, ("POST", "/api/users"): ADMIN, ("GET", "/api/log"): ADMIN,
}
ROLES = ("anonymous", "unit-a", "unit-b", "reviewer", "admin")
USER_ROLE = {"unit-a": "unit", "unit-b": "unit", "reviewer": "reviewer", "admin": "admin"}


@pytest.fixture(scope="module")
def world(live):
    """A task, 甲单位's processed report (with a sample), and the ids the routes are filled with."""
    admin = Api(live.url, "admin")
    task = admin.send("POST", "/api/tasks", json={"year": 2024, "name": "权限测试", "units": ["甲单位", "乙单位"]}).json()
    rows = admin.get(f"/api/tasks/{task['id']}/dashboard").json()["rows"]
    unit_a = next(r for r in rows if r["unit"] == "甲单位")
    admin.upload(task["id"], [sorted(SEEDS.glob("*.txt"))[0]], unit_id=unit_a["unit_id"])
    admin.wait_processed(task["id"])
    sample = admin.send("POST", f"/api/tasks/{task['id']}/samples", json={"method": "random", "ratio": "100%", "seed": "7"}).json()
    admin.close()
    return {"task_id": task["id"], "sub_id": unit_a["id"], "unit_id": unit_a["unit_id"], "sample_id": sample["id"], "number": 1}


def app_routes(app) -> list:
    """The app's routes, those of included routers among them."""
    out = []
    for r in app.routes:
        out += app_routes(r.original_router) if hasattr(r, "original_router") else [r]
    return out


def test_matrix_covers_every_route(live):
    routes = app_routes(live.app)
    assert {(m, r.path) for r in routes if hasattr(r, "methods") for m in r.methods if m != "HEAD"} == set(MATRIX)
    assert sum(1 for r in routes if isinstance(r, APIRoute) and r.path.startswith("/api/")) == sum(1 for _m, p in MATRIX if p.startswith("/api/"))


@pytest.fixture(scope="module")
def clients(live):
    """One logged-in client per role (a logout route gets a fresh one, so that the others stay logged in)."""
    made = {role: Api(live.url, None if role == "anonymous" else role) for role in ROLES}
    yield made
    for client in made.values():
        client.close()


def _request(live, world, clients, role: str, method: str, path: str):
    fresh = path.endswith("/logout")
    client = Api(live.url, None if role == "anonymous" else role) if fresh else clients[role]
    url = re.sub(r"\{(\w+)\}", lambda m: str(world[m.group(1)]), path)
    if method == "GET":
        response = client.get(url)
    elif path.startswith("/api/"):
        response = client.send(method, url, json={})
    else:
        response = client.http.request(method, url, data={"csrf_token": client.csrf})
    if fresh:
        client.close()
    return response


def _to_login(response) -> bool:
    return response.status_code == 303 and response.headers["location"].startswith("/login?next=")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path"), sorted(MATRIX), ids=[f"{m} {p}" for m, p in sorted(MATRIX)])
def test_authorisation(live, world, clients, role, method, path):
    allowed = MATRIX[(method, path)]
    response = _request(live, world, clients, role, method, path)
    assert response.status_code < 500, response.text[:300]
    if allowed == PUBLIC:
        assert response.status_code not in (401, 403) and not _to_login(response), response.text[:200]
    elif role == "anonymous":
        assert response.status_code == 401 if path.startswith("/api/") else _to_login(response), response.status_code
    elif USER_ROLE[role] not in allowed:
        assert response.status_code == 403, (response.status_code, response.text[:200])
    elif role == "unit-b" and ("{sub_id}" in path or "{unit_id}" in path):
        assert response.status_code == 403, "a unit user reached another unit's report"
    else:
        assert response.status_code not in (401, 403) and not _to_login(response), (response.status_code, response.text[:300])


def test_unit_user_sees_only_its_own_unit(live, world):
    with Api(live.url, "unit-b") as other, Api(live.url, "unit-a") as own:
        rows = other.get(f"/api/tasks/{world['task_id']}/dashboard").json()["rows"]
        assert [r["unit"] for r in rows] == ["乙单位"]
        assert other.get(f"/api/reports/{world['sub_id']}").status_code == 403
        assert other.get(f"/reports/{world['sub_id']}").status_code == 403
        assert own.get(f"/api/reports/{world['sub_id']}").json()["unit"] == "甲单位"


def test_forms_and_api_calls_without_the_csrf_token_are_refused(live, world):
    with Api(live.url, "admin") as admin:
        _refused_without_token(admin)


def _refused_without_token(admin: Api) -> None:
    form = admin.http.post("/tasks", data={"year": "2025", "name": "无令牌"})
    assert form.status_code == 403 and "CSRF" in form.text
    api = admin.http.post("/api/tasks", json={"year": 2025, "name": "无令牌"})
    assert api.status_code == 403
    wrong = admin.http.post("/api/tasks", json={"year": 2025, "name": "错令牌"}, headers={"X-CSRF-Token": "forged"})
    assert wrong.status_code == 403
    assert all(t["name"] not in ("无令牌", "错令牌") for t in admin.get("/api/tasks").json())


def test_login_refuses_a_wrong_password_and_redirects_only_within_the_site(live):
    with Api(live.url) as client:
        assert client.login("admin", "wrong-password").status_code == 401
        page = client.http.post("/login", data={"name": "admin", "password": "test-password-1", "next": "//evil.example/", "csrf_token": client.csrf})
        assert page.status_code == 303 and page.headers["location"] == "/"


def test_pages_send_security_headers_and_chinese_errors(live):
    with Api(live.url, "reviewer") as client:
        page = client.get("/tasks")
        assert "script-src 'self'" in page.headers["content-security-policy"] and page.headers["x-frame-options"] == "DENY"
        missing = client.get("/no-such-page")
        assert missing.status_code == 404 and "页面或资源不存在" in missing.text
        assert client.get("/api/no-such-thing").json() == {"detail": "页面或资源不存在"}
        docs = client.get("/docs")
        assert "/static/swagger-ui-bundle.js" in docs.text and "cdn" not in docs.text.lower()


def test_an_oversized_request_is_refused_before_it_is_read(live, world):
    limit = live.settings.max_upload * 10
    host, port = live.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as conn:  # the headers alone: the body is never sent
        conn.sendall(f"POST /api/tasks/{world['task_id']}/uploads HTTP/1.1\r\nHost: {host}\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                     f"Content-Length: {limit + 1}\r\nConnection: close\r\n\r\n".encode())
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 413") and "上传内容过大" in answer.decode("utf-8", "replace")
