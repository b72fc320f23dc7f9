"""Malformed files of every format, made from the project's fixtures or crafted from scratch.

`case(i)` is deterministic: case i applies mutation `MUTATIONS[i % len(MUTATIONS)]` with a random
generator seeded by i, so any failing case can be regenerated from its number alone.  `Size.full`
selects attack sizes as large as the brief's (an 18 MB line, 20k-row tables, a million cells);
the default test run uses smaller but same-shaped ones, with tighter limits so the same bounds trip.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from tests.fuzz import office_cases as office
from tests.fuzz import page_cases as page
from tests.fuzz.seeds import Case, Size, any_seed

# ---- byte-level damage, any format -------------------------------------------------------------

def flip(rng, size):
    suffix, data = any_seed(rng, size)
    out = bytearray(data)
    for _ in range(rng.randint(1, 64)):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return suffix, bytes(out)


def truncate(rng, size):
    suffix, data = any_seed(rng, size)
    return suffix, data[: rng.randrange(1, len(data))]


def zero_block(rng, size):
    suffix, data = any_seed(rng, size)
    start = rng.randrange(len(data))
    length = rng.randint(1, 4096)
    return suffix, data[:start] + bytes(min(length, len(data) - start)) + data[start + length :]


def splice(rng, size):
    suffix, data = any_seed(rng, size)
    a, b = sorted(rng.randrange(len(data)) for _ in range(2))
    at = rng.randrange(len(data))
    return suffix, data[:at] + data[a:b] * rng.randint(1, 20) + data[at:]


def wrong_extension(rng, size):
    _, data = any_seed(rng, size)
    return rng.choice([".docx", ".xlsx", ".pdf", ".txt", ".png", ".doc", ".xls", ""]), data


Mutation = Callable[[random.Random, Size], tuple[str, bytes]]
MUTATIONS: list[tuple[str, Mutation]] = [(f.__name__, f) for f in (flip, truncate, zero_block, splice, wrong_extension, *office.CASES, *page.CASES)]
# Byte-level damage is cheap and finds the most: it gets more of the cases.
WEIGHTS = {"flip": 6, "truncate": 4, "zero_block": 3, "splice": 2, "pdf_xref_damage": 2, "xlsx_broken_parts": 2}
SCHEDULE = [name for name, _ in MUTATIONS for _ in range(WEIGHTS.get(name, 1))]
BY_NAME = dict(MUTATIONS)


def case(number: int, size: Size | None = None) -> Case:
    """Case `number`: deterministic, whatever else has been generated.  Without `size.scans`,
    byte-level damage starts from text-layer files only (the default test run keeps OCR out of its budget)."""
    name = SCHEDULE[number % len(SCHEDULE)]
    suffix, data = BY_NAME[name](random.Random(number), size or Size())
    return Case(number, name, suffix, data)
