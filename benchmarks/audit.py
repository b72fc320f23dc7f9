"""Benchmark: `jixiao audit` of a directory of 100 reports (issue target: under 10 s on 2 cores).

Builds a directory of 100 report files by copying the seeds and the project's non-scanned fixtures
(text, .docx, .pdf, .xlsx) round-robin, then times, as whole commands in the same run:
  - `jixiao audit DIR --format json` (parallel, the default),
  - the same with `--jobs 1` (the sequential baseline),
  - `jixiao parse DIR --format json --no-provenance` (reading alone, for comparison).
Usage: .venv/bin/python benchmarks/audit.py [N_REPORTS] [REPEATS]
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
JIXIAO = str(Path(sys.executable).with_name("jixiao"))


def sources() -> list[Path]:
    files = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    for fmt in ("text", "docx", "pdf", "xlsx"):
        files += sorted((ROOT / "tests" / "data" / fmt / "sources").glob("*"))
    return files


def build(directory: Path, n: int) -> None:
    files = sources()
    for i in range(n):
        src = files[i % len(files)]
        shutil.copy(src, directory / f"{i:03d}_{src.name}")


def timed(cmd: list[str], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp), n)
        rows = [
            ("audit (parallel, default)", [JIXIAO, "audit", tmp, "--format", "json"]),
            ("audit --jobs 1 (baseline)", [JIXIAO, "audit", tmp, "--format", "json", "--jobs", "1"]),
            ("parse only", [JIXIAO, "parse", tmp, "--format", "json", "--no-provenance"]),
        ]
        print(f"{n} reports ({len(sources())} distinct sources: seeds + text/docx/pdf/xlsx fixtures), median of {repeats} runs")
        results = {name: timed(cmd, repeats) for name, cmd in rows}
        for name, seconds in results.items():
            print(f"  {name:28s} {seconds:6.2f} s   {seconds / n * 1000:6.1f} ms/report")
        base = results["audit --jobs 1 (baseline)"]
        print(f"  parallel speed-up vs baseline: {base / results['audit (parallel, default)']:.2f}x; target: under 10 s -> "
              f"{'met' if results['audit (parallel, default)'] < 10 else 'NOT met'}")


if __name__ == "__main__":
    main()
