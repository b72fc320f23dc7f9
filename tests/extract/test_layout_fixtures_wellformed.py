"""The layout test documents (tests/data/layouts) are complete, well-formed gold and up to date with their specs.

They are ground truth for the reader and the auditor: every manifest entry has its source and expected JSON,
`_ok` variants list no findings, every finding of a `_faulty` variant can be matched (evidence numbers or
terms), and rebuilding from the specifications reproduces the committed files (documents compared by their
text, not their bytes)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

LAYOUTS = Path(__file__).resolve().parents[1] / "data" / "layouts"
MANIFEST = json.loads((LAYOUTS / "manifest.json").read_text(encoding="utf-8"))
GOLD_KEYS = {"doc_id", "source", "unit", "framework", "report_kind", "money_unit_in_doc", "staffing", "budget", "spending",
             "three_public", "indicators", "level1_summary", "total_score", "grade"}
LAYOUT_KEYS = {"document_kind", "layout", "province", "variant", "declared", "findings", "must_not_flag"}
KINDS = {"department_report", "department_form", "project_form", "project_report", "external_report", "narrative_report"}
FINDING_KEYS = {"id", "kind", "severity", "detail", "where", "evidence_numbers", "evidence_terms"}


def expected(entry: dict) -> dict:
    return json.loads((LAYOUTS / f"{entry['gold']}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("entry", MANIFEST, ids=lambda e: e["file"])
def test_entry_has_source_and_complete_gold(entry):
    assert (LAYOUTS / entry["file"]).is_file()
    gold = expected(entry)
    assert gold.keys() >= GOLD_KEYS | LAYOUT_KEYS
    assert gold["document_kind"] in KINDS
    assert gold["source"] == Path(entry["file"]).name
    if gold["document_kind"] == "project_form":
        assert "project" in gold or "projects" in gold
    for row in gold["indicators"]:
        assert {"level1", "level2", "name", "target", "actual", "weight", "score"} <= row.keys()
        assert row["score"] is None or row["weight"] is None or row["score"] <= row["weight"] or gold["variant"] == "faulty"
    for trap in gold["must_not_flag"]:
        assert trap["detail"] and trap["terms"]


@pytest.mark.parametrize("entry", MANIFEST, ids=lambda e: e["file"])
def test_ok_variants_have_no_findings_and_faulty_ones_matchable_findings(entry):
    gold = expected(entry)
    findings = gold["findings"]
    if gold["variant"] == "ok":
        assert findings == []
        return
    assert 3 <= len(findings) <= 7
    assert len({f["id"] for f in findings}) == len(findings)
    for f in findings:
        assert set(f) == FINDING_KEYS
        assert f["severity"] in ("error", "warning")
        assert f["evidence_numbers"] or f["evidence_terms"], f["id"]
        assert all(isinstance(n, (int, float)) for n in f["evidence_numbers"])


def test_every_layout_has_an_ok_and_a_faulty_variant():
    stems = {e["gold"].rsplit("/", 1)[-1] for e in MANIFEST}
    bases = {s.rsplit("_", 1)[0] for s in stems}
    assert stems == {f"{b}_{v}" for b in bases for v in ("ok", "faulty")}
    assert set((LAYOUTS / "sources").iterdir()) == {LAYOUTS / e["file"] for e in MANIFEST}


def document_text(path: Path) -> list[str]:
    """What a document says: docx paragraphs and table cells, xlsx cell values, text files line by line."""
    if path.suffix == ".docx":
        import docx

        d = docx.Document(str(path))
        out = [p.text for p in d.paragraphs]
        for t in d.tables:
            out += [c.text for row in t.rows for c in row.cells]
        return out
    if path.suffix == ".xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(path)
        return [f"{ws.title}!{c.coordinate}={c.value!r}:{c.number_format}" for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]
    return path.read_bytes().decode("utf-8", errors="replace").splitlines()


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    out = tmp_path_factory.mktemp("layouts")
    result = subprocess.run([sys.executable, str(LAYOUTS / "build.py"), "--no-pdf", "--out", str(out)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    return out


def test_expected_manifest_and_readme_are_up_to_date(rebuilt):
    assert (rebuilt / "manifest.json").read_text(encoding="utf-8") == (LAYOUTS / "manifest.json").read_text(encoding="utf-8")
    assert (rebuilt / "README.md").read_text(encoding="utf-8") == (LAYOUTS / "README.md").read_text(encoding="utf-8")
    for entry in MANIFEST:
        name = f"{entry['gold']}.json"
        assert (rebuilt / name).read_text(encoding="utf-8") == (LAYOUTS / name).read_text(encoding="utf-8"), name


def test_documents_are_up_to_date(rebuilt):
    checked = 0
    for entry in MANIFEST:
        fresh = rebuilt / entry["file"]
        if not fresh.exists():  # PDFs and scans need LibreOffice: not rebuilt with --no-pdf
            assert entry["format"] in ("pdf", "scan")
            continue
        assert document_text(fresh) == document_text(LAYOUTS / entry["file"]), entry["file"]
        checked += 1
    assert checked
