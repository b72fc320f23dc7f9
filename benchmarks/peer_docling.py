"""Peer timing: docling's DOCX conversion (its backend called directly), run with docling's own Python.

A line server, so that run.py times docling on a file right after jixiao on the same file (a shared
machine's speed drifts over the minutes a run takes; timing each peer at its own moment would put the
drift into the ratio).  It prints one JSON line with the import time of docling's DOCX backend, then
for each file path read from standard input one JSON line with the median CPU and wall milliseconds of
`MsWordDocumentBackend(...).convert()` over REPEATS runs after a warm-up.
Usage (docling lives in its own virtualenv, never in jixiao's dependencies):
  /work/venv-docling/bin/python benchmarks/peer_docling.py REPEATS < paths
"""

from __future__ import annotations

import json
import logging
import statistics
import sys
import time
from pathlib import Path


def main() -> None:
    repeats = int(sys.argv[1])
    logging.disable(logging.WARNING)  # docling warns about drawings it cannot export without LibreOffice
    start = time.perf_counter()
    from docling.backend.msword_backend import MsWordDocumentBackend
    from docling.datamodel.base_models import InputFormat
    from docling.datamodel.document import InputDocument

    print(json.dumps({"import_ms": (time.perf_counter() - start) * 1000}), flush=True)

    def convert(path: Path) -> None:
        doc_in = InputDocument(path_or_stream=path, format=InputFormat.DOCX, backend=MsWordDocumentBackend)
        MsWordDocumentBackend(in_doc=doc_in, path_or_stream=path).convert()

    for line in sys.stdin:
        path = Path(line.rstrip("\n"))
        convert(path)
        cpu, wall = [], []
        for _ in range(repeats):
            c, w = time.process_time(), time.perf_counter()
            convert(path)
            cpu.append(time.process_time() - c)
            wall.append(time.perf_counter() - w)
        print(json.dumps({"cpu_ms": statistics.median(cpu) * 1000, "wall_ms": statistics.median(wall) * 1000}), flush=True)


if __name__ == "__main__":
    main()
