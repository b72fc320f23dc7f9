"""The review workspace's database: tables, migrations, and the operations the web pages and API call."""

from jixiao.store.db import Store

__all__ = ["Store"]
