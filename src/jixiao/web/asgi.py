"""An app factory for running several server processes: `uvicorn --factory jixiao.web.asgi:app --workers 4`.

Configured from the environment: JIXIAO_DATA (data folder, shared by the processes), JIXIAO_DB
(database URL, PostgreSQL for several processes), JIXIAO_WORKERS (processing workers per process),
JIXIAO_SECRET (session key; otherwise DATA/secret.key), JIXIAO_ORG (the letter's 发文机关).
"""

from __future__ import annotations

import os

from fastapi import FastAPI

from jixiao.web.app import create_app
from jixiao.web.settings import Settings


def app() -> FastAPI:
    return create_app(Settings(data_dir=os.environ.get("JIXIAO_DATA", "jixiao-data"), workers=int(os.environ.get("JIXIAO_WORKERS", "2"))))
