"""Library log output and warnings go to the `jixiao` logger at DEBUG, never to the user's terminal.

pdfminer, openpyxl, PIL, onnxruntime and RapidOCR log in English to stderr when a file is odd;
while jixiao reads, their records and Python warnings are forwarded to `logging.getLogger("jixiao")`
at DEBUG (the CLI can write that to a debug log) and nothing else sees them.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

LIBRARIES = ("pdfminer", "pdfplumber", "pypdfium2", "openpyxl", "PIL", "onnxruntime", "rapidocr", "RapidOCR", "cv2")
log = logging.getLogger("jixiao")


class _Forward(logging.Handler):
    """Re-logs a library's record on the `jixiao` logger at DEBUG, with the library's name."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # a library's own malformed log call
            message = str(record.msg)
        log.debug("%s: %s", record.name, message[:2000])


_FORWARD = _Forward(logging.DEBUG)


def silence_libraries() -> None:
    """Detach the libraries' own console handlers and forward their records (idempotent)."""
    for name in LIBRARIES:
        logger = logging.getLogger(name)
        for handler in list(logger.handlers):
            if handler is not _FORWARD:
                logger.removeHandler(handler)
        if _FORWARD not in logger.handlers:
            logger.addHandler(_FORWARD)
        logger.propagate = False
        if logger.level in (logging.NOTSET, logging.DEBUG):
            logger.setLevel(logging.INFO)  # PIL's chunk-by-chunk DEBUG chatter is not worth keeping


@contextmanager
def quiet() -> Iterator[None]:
    """Within the block, library log records and Python warnings reach only the `jixiao` debug log."""
    silence_libraries()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        finally:
            for w in caught:
                log.debug("warning (%s:%s): %s", w.filename, w.lineno, str(w.message)[:2000])
