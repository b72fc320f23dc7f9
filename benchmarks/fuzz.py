"""Benchmark: thousands of malformed files through the per-file pipeline, counted by outcome class.

Cases come from `tests/fuzz/mutations.py` at the brief's sizes (an 18 MB line, 100k-row tables, a
million cells, PDF bombs, zip tricks, byte flips and truncations of every fixture, scans included)
with the default limits.  Each case runs in a worker process with a per-case limit (CPU time, with a
wall-clock backstop) and a memory ceiling; the table counts: read (and how many of those were
partial), refused cleanly (one Chinese line naming the file), traceback, hang, memory kill, crash,
raw exception text, terminal noise (library output on the terminal), invalid JSON.

Usage: .venv/bin/python benchmarks/fuzz.py [CASES=10000] [--workers 2] [--timeout 30] [--start 0] [--log FILE]
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fuzz.mutations import Size
from tests.fuzz.runner import CLASSES, GOOD, READ, run_cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="?", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=30.0, help="per-case limit in seconds of CPU time")
    parser.add_argument("--start", type=int, default=0, help="first case number")
    parser.add_argument("--log", type=Path, help="write one line per case here")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop cleanly: the pool ends its workers
    log = args.log.open("w", encoding="utf-8") if args.log else None
    counts: Counter[str] = Counter()
    by_mutation: dict[str, Counter[str]] = defaultdict(Counter)
    partial = repeats = 0
    slowest = (0.0, 0, "")
    started = time.monotonic()

    def record(number: int, mutation: str, result) -> None:
        nonlocal partial, repeats, slowest
        counts[result.kind] += 1
        repeats += result.repeat_of is not None
        by_mutation[mutation][result.kind] += 1
        partial += result.kind == READ and result.partial
        slowest = max(slowest, (result.cpu, number, mutation))
        if log:
            repeat = '' if result.repeat_of is None else result.repeat_of
            log.write(f"{number}\t{mutation}\t{result.kind}\t{result.partial}\t{result.seconds:.2f}\t{result.cpu:.2f}\t{result.detail[:300]!r}\t{repeat}\n")
            log.flush()
        done = sum(counts.values())
        if result.kind not in GOOD or done % 500 == 0:
            print(f"[{done}/{args.cases} {time.monotonic() - started:.0f}s] case {number} {mutation}: {result.kind} {result.detail[:200]!r}", flush=True)

    run_cases(range(args.start, args.start + args.cases), Size(full=True, scans=True), args.workers, args.timeout, record)
    elapsed = time.monotonic() - started
    total = sum(counts.values())
    print(f"\n{total} cases in {elapsed / 60:.1f} min, {args.workers} workers, per-case limit {args.timeout:.0f} s CPU")
    print(f"{total - repeats} distinct files run; {repeats} cases had the bytes of an earlier case and took its result")
    print(f"{'outcome':22s} {'cases':>7s}")
    for kind in CLASSES:
        extra = f"   ({partial} of them read in part, with a warning)" if kind == READ else ""
        print(f"{kind:22s} {counts[kind]:7d}{extra}")
    print(f"slowest case: {slowest[1]} ({slowest[2]}), {slowest[0]:.1f} s CPU")
    failing = {m: c for m, c in by_mutation.items() if set(c) - set(GOOD)}
    for mutation, c in sorted(failing.items()):
        print(f"  {mutation}: {dict(c)}")


if __name__ == "__main__":
    main()
