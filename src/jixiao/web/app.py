"""The FastAPI application: sessions, CSRF, static files from the package, pages, the JSON API and the workers."""

from __future__ import annotations

from contextlib import asynccontextmanager
from http import HTTPStatus
from pathlib import Path
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from jixiao import __version__
from jixiao.errors import JixiaoError
from jixiao.store import Store
from jixiao.store.processing import Processor
from jixiao.web import api, pages
from jixiao.web.auth import LoginRequired, csrf_protect, is_api
from jixiao.web.settings import Settings
from jixiao.web.views import render

STATIC = Path(__file__).with_name("static")
MAX_FILES_PER_REQUEST = 10  # the largest request: ten files of the upload limit each
GENERIC = {404: "页面或资源不存在", 405: "不支持该请求方法", 413: "上传内容过大"}
SESSION_HOURS = 10


def create_app(settings: Settings) -> FastAPI:
    """The app for one data folder and database; processing workers start with it."""

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.store = Store(settings.db_url)
        app.state.processor = Processor(app.state.store, settings.files_dir, settings.workers, timeout=settings.file_timeout)
        if settings.process:
            app.state.processor.start()
        try:
            yield
        finally:
            if settings.process:
                app.state.processor.stop()
            app.state.store.close()

    app = FastAPI(title="jixiao 绩效复核工作台 API", version=__version__, lifespan=lifespan, dependencies=[Depends(csrf_protect)],
                  docs_url=None, redoc_url=None,
                  description="预算绩效自评报告复核：任务、上传、看板、抽查、逐条审核、复核评分、退回与整改、导出。所有写操作须带 X-CSRF-Token 请求头。")
    app.state.settings = settings
    app.add_middleware(SessionMiddleware, secret_key=settings.secret, session_cookie="jixiao_session", max_age=SESSION_HOURS * 3600,
                       same_site="lax", https_only=settings.https_only)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _handlers(app)
    _offline_docs(app)
    app.middleware("http")(security_headers)
    app.middleware("http")(body_limit(settings.max_upload * MAX_FILES_PER_REQUEST))
    return app


def body_limit(limit: int):
    """Refuse a request whose declared body exceeds `limit` before anything reads it (413)."""
    async def middleware(request: Request, call_next):
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            message = f"上传内容过大（超过 {limit // 1024 // 1024} MB），请分批上传"
            if is_api(request):
                return JSONResponse({"detail": message}, status_code=413)
            return render(request, "error.html", {"status": 413, "message": message}, status_code=413)
        return await call_next(request)
    return middleware


def _offline_docs(app: FastAPI) -> None:
    """The API's Swagger UI with its script and stylesheet served from the package (no CDN)."""
    @app.get("/docs", include_in_schema=False)
    def docs():
        return get_swagger_ui_html(openapi_url=app.openapi_url, title=f"{app.title}（文档）", swagger_js_url="/static/swagger-ui-bundle.js",
                                   swagger_css_url="/static/swagger-ui.css", swagger_favicon_url="/static/favicon.svg")


CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'self'; form-action 'self'; frame-ancestors 'none'")


async def security_headers(request: Request, call_next):
    """No sniffing, no framing, no foreign scripts (Swagger UI's page starts itself with an inline script)."""
    response = await call_next(request)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if request.url.path != "/docs":
        response.headers.setdefault("Content-Security-Policy", CSP)
    return response


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, _exc: LoginRequired):
        if is_api(request):
            return JSONResponse({"detail": "未登录或登录已过期"}, status_code=401)
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target)}", status_code=303)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        detail = GENERIC.get(exc.status_code, exc.detail) if exc.detail in (None, "", HTTPStatus(exc.status_code).phrase) else exc.detail
        if is_api(request):
            return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)
        return render(request, "error.html", {"status": exc.status_code, "message": detail}, status_code=exc.status_code)

    @app.exception_handler(JixiaoError)
    async def bad_request(request: Request, exc: JixiaoError):
        if is_api(request):
            return JSONResponse({"detail": str(exc)}, status_code=400)
        return render(request, "error.html", {"status": 400, "message": str(exc)}, status_code=400)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        fields = "、".join(".".join(str(p) for p in e["loc"][1:]) or "请求" for e in exc.errors())
        message = f"请求参数有误：{fields}"
        if is_api(request):
            return JSONResponse({"detail": message}, status_code=422)
        return render(request, "error.html", {"status": 422, "message": message}, status_code=422)
