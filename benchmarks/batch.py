"""Benchmark: `jixiao batch` throughput (reports/s) and peak memory over N copies of the .docx fixtures.

Builds N report files by copying the project's .docx fixtures round-robin, then runs, as whole
commands in the same run:
  - `jixiao batch DIR -o OUT --jobs 2` (the measured run),
  - the same with `--jobs 1` (the baseline),
  - the `--jobs 2` command again on the same OUT (every file unchanged: all skipped).
For each it reports wall time, reports/s, and the peak resident memory of the whole process tree
(the parent plus its workers, sampled every 50 ms) and of the largest single process.
Usage: .venv/bin/python benchmarks/batch.py [N_REPORTS]
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import run_command  # the same sampling of a process tree's memory as run.py's batch rows

ROOT = Path(__file__).resolve().parents[1]
JIXIAO = str(Path(sys.executable).with_name("jixiao"))


def build(directory: Path, n: int) -> None:
    files = sorted((ROOT / "tests" / "data" / "docx" / "sources").glob("*.docx"))
    for i in range(n):
        shutil.copy(files[i % len(files)], directory / f"{i:04d}_{files[i % len(files)].name}")


def measured(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak RSS of the process tree (MB), peak RSS of one process (MB)."""
    run = run_command(cmd, sample=0.05)
    return run.wall, run.tree_mb, run.largest_mb


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        build(src, n)
        runs = [
            ("batch --jobs 2", [JIXIAO, "batch", str(src), "-o", f"{tmp}/out2", "--jobs", "2"]),
            ("batch --jobs 1 (baseline)", [JIXIAO, "batch", str(src), "-o", f"{tmp}/out1", "--jobs", "1"]),
            ("rerun --jobs 2 (all skipped)", [JIXIAO, "batch", str(src), "-o", f"{tmp}/out2", "--jobs", "2"]),
        ]
        print(f"{n} .docx reports (copies of the fixtures), parse + score + audit, results and ledger written")
        results = {}
        for name, cmd in runs:
            seconds, tree, single = measured(cmd)
            results[name] = seconds
            print(f"  {name:30s} {seconds:6.2f} s  {n / seconds:6.1f} reports/s  peak RSS: tree {tree:6.0f} MB, largest process {single:5.0f} MB")
        print(f"  speed-up of --jobs 2 over --jobs 1: {results['batch --jobs 1 (baseline)'] / results['batch --jobs 2']:.2f}x")


if __name__ == "__main__":
    main()
