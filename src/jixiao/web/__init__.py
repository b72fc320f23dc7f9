"""The review workspace (`jixiao serve`): FastAPI pages and JSON API over the store, processing in the background."""

from jixiao.web.app import create_app
from jixiao.web.settings import Settings

__all__ = ["Settings", "create_app"]
