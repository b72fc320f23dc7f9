"""The five real seed reports against their hand-checked gold values (../shared)."""

import json
from pathlib import Path

import pytest

from jixiao.outcome import parse_file
from tests.gold import mismatches

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GOLD = sorted((SHARED / "gold").glob("seed-*.json"))


@pytest.mark.skipif(not GOLD, reason="../shared/gold is not beside the checkout")
@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.stem)
def test_seed_matches_gold(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    report = parse_file(SHARED / "seeds" / gold["source"]).model_dump(mode="json")
    assert mismatches(gold, report) == []
