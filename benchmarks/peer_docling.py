"""Peer timing: docling's DOCX conversion (its backend called directly), run with docling's own Python.

Prints one JSON object: the import time of docling's DOCX backend, and per file the median CPU and
wall milliseconds of `MsWordDocumentBackend(...).convert()` over REPEATS runs after a warm-up.
Usage (docling lives in its own virtualenv, never in jixiao's dependencies):
  /work/venv-docling/bin/python benchmarks/peer_docling.py REPEATS FILE...
"""

from __future__ import annotations

import json
import logging
import statistics
import sys
import time
from pathlib import Path


def main() -> None:
    repeats, files = int(sys.argv[1]), [Path(p) for p in sys.argv[2:]]
    logging.disable(logging.WARNING)  # docling warns about drawings it cannot export without LibreOffice
    start = time.perf_counter()
    from docling.backend.msword_backend import MsWordDocumentBackend
    from docling.datamodel.base_models import InputFormat
    from docling.datamodel.document import InputDocument

    imported = time.perf_counter() - start

    def convert(path: Path) -> None:
        doc_in = InputDocument(path_or_stream=path, format=InputFormat.DOCX, backend=MsWordDocumentBackend)
        MsWordDocumentBackend(in_doc=doc_in, path_or_stream=path).convert()

    out = {"import_ms": imported * 1000, "files": {}}
    for path in files:
        convert(path)
        cpu, wall = [], []
        for _ in range(repeats):
            c, w = time.process_time(), time.perf_counter()
            convert(path)
            cpu.append(time.process_time() - c)
            wall.append(time.perf_counter() - w)
        out["files"][str(path)] = {"cpu_ms": statistics.median(cpu) * 1000, "wall_ms": statistics.median(wall) * 1000}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
