"""The text extractor's patterns take time linear in their input, whatever the input holds.

Hypothesis draws a piece of report-like text (labels, figures, units, punctuation, tabs, runs of
one character); the piece is repeated to a small and an eight times larger text, as one long
paragraph and as many lines, and both are read and extracted.  A pattern that backtracks
quadratically takes ~64 times longer on the larger text; linear work takes ~8 times.  The test
asserts a generous ratio (no absolute times), on the best of a few runs of CPU time, so machine
load does not decide it.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.extract import extract
from jixiao.ingest.registry import read
from tests.fuzz.seeds import TOKENS

SCALE = 8
MAX_RATIO = 24  # linear: ~8; quadratic: ~64

pieces = st.one_of(
    st.lists(st.sampled_from(TOKENS), min_size=1, max_size=12).map("".join),
    st.tuples(st.sampled_from([*TOKENS, "1", "9", ",", ".", "元", "年"]), st.integers(20, 200)).map(lambda t: t[0] * t[1]),
    st.text(alphabet=st.sampled_from("0123456789,.%：:（）()年度万元得分率其中三公经费编制人 \t|#[$\\"), min_size=1, max_size=40),
)


def _extract_seconds(text: str, runs: int = 3) -> float:
    """The best of a few CPU timings of reading and extracting `text` from memory (CPU time, so that
    other jobs on the machine do not count)."""
    data = text.encode("utf-8")
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        extract(read(data, name="报告.txt"))
        best = min(best, time.process_time() - start)
    return best


def _grown(piece: str, chars: int, lines: bool) -> str:
    unit = "编制数" + piece
    if lines:  # many lines of ~100 characters
        line = (unit * (100 // len(unit) + 1))[:100]
        return "\n".join([line] * (chars // 100))
    return (unit * (chars // len(unit) + 1))[:chars]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(piece=pieces, lines=st.booleans())
def test_extraction_time_grows_linearly_with_text_size(piece, lines):
    small = _grown(piece, 1000 if not lines else 4000, lines)
    large = _grown(piece, SCALE * len(small), lines)
    small_s, large_s = _extract_seconds(small), _extract_seconds(large)
    floor = 0.003  # below this, fixed costs dominate and the ratio says nothing
    assert large_s <= MAX_RATIO * max(small_s, floor), f"{len(small)}→{len(large)} chars: {small_s:.4f}s → {large_s:.4f}s for {piece[:40]!r}"


# Report shapes repeated block after block; each once made extraction quadratic in the number of blocks.
SHAPES = {
    "numbered headings before a level-1 one": ("", "（一）存在的问题\n", "一、总结\n"),
    "tables joined across 续表": ("", "项目\t金额\n甲\t1\n\n续表\n\n", ""),
    "items ending in a colon": ("一、存在的问题\n", "问题描述甲乙丙丁：\n", ""),
}


@pytest.mark.parametrize(("head", "unit", "tail"), SHAPES.values(), ids=SHAPES.keys())
def test_extraction_time_grows_linearly_with_the_number_of_blocks(head, unit, tail):
    small_s = _extract_seconds(head + unit * 1500 + tail, runs=3)
    large_s = _extract_seconds(head + unit * 6000 + tail, runs=3)
    assert large_s <= 10 * max(small_s, 0.01), f"{small_s:.4f}s → {large_s:.4f}s"  # linear: ~4; quadratic: ~16
