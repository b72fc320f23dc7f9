"""Benchmark: recall and precision of the audit on synthetic reports with injected faults, per category.

Makes N reports with `jixiao.synth` (every template, faults in about half of them, one to three each),
audits each with the public API (`jixiao.process(path, audit=True)`), matches findings to the injected
faults (`jixiao.synth.matching`: same rule code — or one merged into the finding — on the same
subject; only error and warning findings count) and prints, per rule category and overall: faults
injected, found, recall; findings matched, unmatched, precision.  Then the faults missed and the
unmatched findings (a few each), so that a shortfall can be traced to the generator or to a rule.

Usage: .venv/bin/python benchmarks/audit_quality.py [N=1000] [--seed S] [--formats docx,txt] [--faults RATE]
       [--dir DIR] [--jobs J] [--show K]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import jixiao
from jixiao.synth.generate import make
from jixiao.synth.matching import Tally


def one(args: tuple[int, int, Path, tuple[str, ...], float]) -> list[tuple[str, list[dict], object]]:
    """Make report i and audit each of its files: (file name, faults it holds, outcome)."""
    seed, i, out, formats, rate = args
    made = make(seed, i, out, formats, rate)
    results = []
    for fmt, path in made.files.items():
        import json

        gold = json.loads(made.golds[fmt].read_text(encoding="utf-8"))
        outcome = jixiao.process(path, audit=True)
        results.append((path.name, gold["faults"], outcome))
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--formats", default="docx")
    ap.add_argument("--faults", type=float, default=0.5)
    ap.add_argument("--dir", type=Path)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--show", type=int, default=15)
    a = ap.parse_args()
    formats = tuple(a.formats.split(","))
    with tempfile.TemporaryDirectory(prefix="jixiao-quality-") as tmp:
        out = a.dir or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        tally, failed, start = Tally(), [], time.perf_counter()
        jobs = [(a.seed, i, out, formats, a.faults) for i in range(a.n)]
        with ProcessPoolExecutor(a.jobs) if a.jobs > 1 else _Inline() as pool:
            for results in pool.map(one, jobs):
                for name, faults, outcome in results:
                    if outcome.report is None or outcome.audit is None:
                        failed.append(f"{name}: {outcome.status} {outcome.problems[:1]}")
                        continue
                    tally.add(name, faults, outcome.audit.findings, outcome.report)
        elapsed = time.perf_counter() - start
    print(f"audit quality on {a.n} synthetic reports (seed {a.seed}, formats {a.formats}, fault rate {a.faults}), {elapsed:.0f} s")
    print(f"{'category':<20}{'injected':>9}{'found':>7}{'recall':>8}{'matched':>9}{'unmatched':>10}{'precision':>10}")
    for name, injected, found, recall, true, false, precision in tally.rows():
        print(f"{name:<20}{injected:>9}{found:>7}{_pct(recall):>8}{true:>9}{false:>10}{_pct(precision):>10}")
    if failed:
        print(f"files that failed: {len(failed)}", *failed[: a.show], sep="\n  ")
    for title, lines in (("faults missed", tally.misses), ("unmatched findings", tally.alarms)):
        if lines:
            print(f"{title}: {len(lines)}", *lines[: a.show], sep="\n  ")


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


class _Inline:
    """map in this process (--jobs 1)."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None

    @staticmethod
    def map(func, items):
        return map(func, items)


if __name__ == "__main__":
    sys.exit(main())
