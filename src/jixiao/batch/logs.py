"""Where library log output goes: to the debug log file when asked, never to the user's terminal.

`configure(path)` is called once by the CLI (and once in each worker process, through `LoggedWork`):
the root logger gets a file handler (with `--debug`) or a NullHandler, and Python warnings are
routed into logging.  The reading libraries' own records are forwarded to the `jixiao` logger by
`ingest/quiet.py`, so they end up here too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_configured: list[Path | None] = []
_handlers: list[logging.Handler] = []  # the handler this module installed (closed when replaced)


def configure(debug_log: Path | None) -> None:
    """Send log records to `debug_log` (DEBUG and up) or nowhere; idempotent per process."""
    if _configured and _configured[0] == debug_log:
        return
    _configured[:] = [debug_log]
    if debug_log is not None:
        handler: logging.Handler = logging.FileHandler(debug_log, encoding="utf-8", delay=True)
        handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(name)s %(levelname)s %(message)s"))
        level = logging.DEBUG
    else:
        handler, level = logging.NullHandler(), logging.WARNING
    for old in _handlers:
        old.close()
    _handlers[:] = [handler]
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.captureWarnings(True)


@dataclass(frozen=True, slots=True)
class LoggedWork:
    """A per-file function that first routes the worker's logging like the CLI's (picklable)."""

    work: Callable[[Any], Any]
    debug_log: Path | None = None

    def __call__(self, item: Any) -> Any:
        configure(self.debug_log)
        return self.work(item)
