"""A bounded sample of malformed files of every format: each is read or refused cleanly, in time.

Every mutation runs four times (different random parameters), in two worker processes with a hard
per-case limit, so a hang fails this test instead of blocking CI.  Attack sizes are small and the
limits tightened to match, so the same bounds trip as with the full-size attacks of
`benchmarks/fuzz.py` (which runs 10,000 cases at the brief's sizes and default limits).
"""

from __future__ import annotations

from collections import Counter

from tests.fuzz.mutations import SCHEDULE, Size
from tests.fuzz.runner import GOOD, run_cases

PER_MUTATION = 4
# Small limits for small attacks: million-cell, 100k-row and 200k-paragraph attacks shrink tenfold.
CI_LIMITS = "xlsx_cells=30000,table_area=30000,doc_cells=60000,table_rows=5000,blocks=5000,read_seconds=20"


def _sample() -> list[int]:
    """The first PER_MUTATION case numbers of every mutation."""
    firsts: dict[str, list[int]] = {}
    number = 0
    while any(len(firsts.get(name, [])) < PER_MUTATION for name in SCHEDULE):
        name = SCHEDULE[number % len(SCHEDULE)]
        if len(firsts.setdefault(name, [])) < PER_MUTATION:
            firsts[name].append(number)
        number += 1
    return sorted(n for numbers in firsts.values() for n in numbers)


def test_malformed_files_are_read_or_refused_cleanly_in_bounded_time():
    results = run_cases(_sample(), Size(full=False, scans=False), workers=2, timeout=20, limits=CI_LIMITS)
    bad = [f"case {n} ({mutation}): {r.kind}: {r.detail[:300]}" for n, mutation, r in results if r.kind not in GOOD]
    counts = Counter(r.kind for _, _, r in results)
    assert len(results) == len(_sample()) and not bad, f"{dict(counts)}\n" + "\n".join(bad)
    assert counts["read"] and counts["refused cleanly"]
