"""Benchmark: median time per report to read + extract, per input format, beside the peers.

In one run, on the project's fixtures (tests/data/<format>/sources) and the seeds:
  - jixiao read + extract, per format (text, docx, xlsx, pdf, scan);
  - for the same .docx files: python-docx's bare `Document()` load plus a walk over its tables
    (the cost every python-docx reader pays), and the floor: zipfile + lxml parse + a walk over w:tc.
Targets (issue 2): text and .docx ≤ 50 ms per report; scanned ≤ 5 s per page.
Usage: .venv/bin/python benchmarks/parse.py [REPEATS]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from baselines import floor, python_docx  # beside this file

from jixiao.extract import extract
from jixiao.ingest.registry import read

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


def files(fmt: str) -> list[Path]:
    found = sorted((DATA / fmt / "sources").glob("*"))
    if fmt == "text":
        found += sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    return found


def median_ms(func, paths: list[Path], repeats: int) -> float:
    per_file = []
    for path in paths:
        func(path)  # warm-up: imports, caches, the OCR engine
        runs = []
        for _ in range(repeats):
            start = time.perf_counter()
            func(path)
            runs.append(time.perf_counter() - start)
        per_file.append(statistics.median(runs))
    return statistics.median(per_file) * 1000


def jixiao(path: Path) -> None:
    extract(read(path))



def pages(path: Path) -> int:
    if path.suffix.lower() != ".pdf":
        return 1
    import pypdfium2

    return len(pypdfium2.PdfDocument(str(path)))


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    print(f"median time per report (median of {repeats} runs per file, after a warm-up)")
    for fmt in ("text", "docx", "xlsx", "pdf"):
        paths = files(fmt)
        print(f"  {fmt:6s} jixiao read+extract   {median_ms(jixiao, paths, repeats):8.1f} ms   ({len(paths)} files)")
    docs = files("docx")
    print(f"  docx   python-docx Document() + tables walk {median_ms(python_docx, docs, repeats):8.1f} ms   (peer, same files)")
    print(f"  docx   floor: zipfile + lxml + w:tc walk    {median_ms(floor, docs, repeats):8.1f} ms   (peer, same files)")
    scans = files("scan")
    per_page = [median_ms(jixiao, [p], 1) / pages(p) for p in scans]
    print(f"  scan   jixiao OCR read+extract  {statistics.median(per_page) / 1000:8.2f} s per page   ({len(scans)} files; target ≤ 5 s)")


if __name__ == "__main__":
    main()
