"""Stand-ins for the pipeline in worker processes: one that hangs, one whose process dies, else the real one."""

from __future__ import annotations

import os
import time

from jixiao.store.processing import analyse


def hang_or_crash(path: str, profile: str | None) -> dict:
    """Hang on a file whose content says 'hang', end the worker process on 'crash', else run the pipeline."""
    with open(path, encoding="utf-8", errors="replace") as f:
        head = f.read(100)
    if head.startswith("hang"):
        time.sleep(3600)
    if head.startswith("crash"):
        os._exit(3)
    return analyse(path, profile)


def ocr_threads() -> str | None:
    """The OCR thread setting of the worker process this runs in."""
    from jixiao.ingest.ocr_lines import THREADS_ENV

    return os.environ.get(THREADS_ENV)
