"""抽查 by risk ranks what a reviewer should see first; a random draw is repeated from its record alone."""

from __future__ import annotations

from decimal import Decimal

from jixiao.store.sampling import random_choice, redraw, risk_ranking, size_of
from jixiao.store.tables import Sample
from jixiao.store.tasks import Row


def row(n: int, stated, recomputed, rate, errors) -> Row:
    d = lambda v: None if v is None else Decimal(v)  # noqa: E731
    return Row(n, n, f"单位{n}", "待审", 1, d(stated), d(recomputed), None, None, None, d(rate), None, errors, 0, 0)


def test_risk_puts_inflated_low_execution_reports_first():
    rows = [row(1, "95", "95", "99", 0), row(2, "95.27", "41.87", "72.67", 9), row(3, "99.97", "90.57", "99.7", 10), row(4, None, None, None, 0)]
    ranked = risk_ranking(rows)
    assert [r.id for r, _risk, _why in ranked] == [2, 3, 1, 4]
    risk, why = ranked[0][1], ranked[0][2]
    assert risk > ranked[1][1] and "53.40" in why and "错误 9" in why


def test_sample_size_rounds_up_and_stays_within_the_population():
    assert [size_of(Decimal("0.3"), n) for n in (0, 1, 8, 10)] == [0, 1, 3, 3]
    assert size_of(Decimal("1"), 5) == 5


def test_a_random_draw_is_repeated_from_its_record():
    candidates = list(range(1, 41))
    picked = random_choice(candidates, "20241231", 8)
    sample = Sample(method="random", ratio=Decimal("0.2"), seed="20241231", candidates=str(candidates), population=40)
    assert redraw(sample) == picked and len(set(picked)) == 8
    assert random_choice(candidates, "20241232", 8) != picked
