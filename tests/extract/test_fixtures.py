"""Every fixture document, in every format, against the expected values built beside it.

The fixtures (tests/data/<format>/sources) are fictional reports generated from specifications by
tests/data/build_fixtures.py; the expected JSON is written from the same specification, so it
states what the document states.  A fixture without its expected file fails.
"""

import json
from pathlib import Path

import pytest

from jixiao.outcome import parse_file
from tests.gold import mismatches

DATA = Path(__file__).resolve().parents[1] / "data"
MANIFEST = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("entry", MANIFEST, ids=lambda e: e["file"])
def test_fixture_matches_expected(entry):
    expected_path = DATA / f"{entry['gold']}.json"
    assert expected_path.is_file(), f"missing expected values: {expected_path}"
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    report = parse_file(DATA / entry["file"]).model_dump(mode="json")
    assert mismatches(expected, report) == []


def test_every_source_is_in_the_manifest():
    listed = {e["file"] for e in MANIFEST}
    sources = {str(p.relative_to(DATA)) for p in DATA.glob("*/sources/*") if p.parts[-3] != "layouts"}  # layouts/ has its own manifest
    assert sources == listed
