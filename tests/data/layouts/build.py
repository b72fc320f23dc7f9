"""Build the layout test documents and their expected JSON from the specifications in specs/.

    .venv/bin/python tests/data/layouts/build.py              # everything (LibreOffice for PDFs and scans)
    .venv/bin/python tests/data/layouts/build.py --no-pdf     # skip LibreOffice: no PDF or scan sources
    .venv/bin/python tests/data/layouts/build.py --out DIR    # build elsewhere (the up-to-date test does this)

Every layout has two variants: `_ok` (every figure consistent) and `_faulty` (the same document with the
faults listed in its spec's FAULTS applied as explicit overrides).  The build checks both: the `_ok` variant
must trip no consistency check, the `_faulty` one exactly the checks its faults declare, and every
evidence number of a finding must appear in the document's text.  Deterministic: fixed seeds, fixed zip
timestamps (LibreOffice PDFs carry their own creation date).
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
import tempfile
import unicodedata
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from lib.checks import check_spec  # noqa: E402
from lib.derive import derive  # noqa: E402
from lib.doc import Doc  # noqa: E402
from lib.office import scan_pdf, to_pdf  # noqa: E402
from lib.spec import findings_of, variant  # noqa: E402
from lib.writers import write_docx, write_text, write_xlsx  # noqa: E402
from specs import MODULES  # noqa: E402

VARIANTS = ("ok", "faulty")
EXT = {"docx": "docx", "xlsx": "xlsx", "txt": "txt", "pdf": "pdf", "scan": "pdf"}


def numbers_in(text: str) -> set[Decimal]:
    text = unicodedata.normalize("NFKC", text)
    return {Decimal(m.replace(",", "")) for m in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}


def verify(stem: str, spec: dict, doc: Doc, faults: list[dict]) -> None:
    """The variant trips exactly the checks its faults declare; evidence numbers appear in the document."""
    text = doc.text()
    tripped = set(check_spec(spec, text))
    declared = {t for f in faults for t in f.get("trips", [])}
    if tripped != declared:
        raise SystemExit(f"{stem}: checks tripped {sorted(tripped)}, faults declare {sorted(declared)}")
    found = numbers_in(text)
    for f in faults:
        missing = [n for n in f.get("evidence_numbers", []) if Decimal(str(n)) not in found]
        if missing:
            raise SystemExit(f"{stem} {f['id']}: evidence numbers {missing} do not appear in the document")


def write_source(doc: Doc, path: Path, no_pdf: bool, seed: int) -> bool:
    """Write the document; False when it needs LibreOffice and --no-pdf was given."""
    if doc.fmt == "docx":
        write_docx(doc.blocks, path, doc.landscape)
    elif doc.fmt == "xlsx":
        write_xlsx(doc.sheets, path)
    elif doc.fmt == "txt":
        write_text(doc.blocks, path, doc.encoding)
    elif no_pdf:
        return False
    else:
        with tempfile.TemporaryDirectory() as tmp:
            docx = Path(tmp) / (path.stem + ".docx")
            write_docx(doc.blocks, docx, doc.landscape)
            if doc.fmt == "pdf":
                to_pdf(docx, path)
            else:
                pdf = Path(tmp) / (path.stem + ".pdf")
                to_pdf(docx, pdf)
                scan_pdf(pdf, path, seed)
    return True


def expected_json(stem: str, name: str, meta: dict, doc: Doc, var: str, faults: list[dict], must_not: dict) -> dict:
    head = {"doc_id": f"layouts-{stem}", "source": name}
    extra = {"document_kind": meta["document_kind"], "layout": meta["layout"], "province": meta["province"], "variant": var}
    body = dict(doc.expected)
    tail = {k: body.pop(k) for k in ("project", "projects", "declared") if k in body}
    out = head | body | extra | tail
    out["findings"] = findings_of(faults)
    out["must_not_flag"] = must_not.get("both", []) + must_not.get(var, [])
    return out


def clean(out: Path, no_pdf: bool) -> None:
    """Remove what the build writes; with --no-pdf the PDF and scan sources it cannot rebuild are kept."""
    for sub in ("sources", "expected"):
        for path in (out / sub).glob("*") if (out / sub).exists() else []:
            if not (no_pdf and path.suffix == ".pdf"):
                path.unlink()


def build(out: Path, no_pdf: bool) -> list[dict]:
    clean(out, no_pdf)
    manifest, rows = [], []
    for n, mod_name in enumerate(MODULES):
        mod = importlib.import_module(f"specs.{mod_name}")
        meta = mod.META
        family = importlib.import_module(f"families.{meta['family']}")
        for var in VARIANTS:
            faults = mod.FAULTS if var == "faulty" else []
            stem = f"{meta['stem']}_{var}"
            spec = derive(variant(mod.BASE, faults))
            doc = family.render(spec)
            verify(stem, spec, doc, faults)
            name = f"{stem}.{EXT[doc.fmt]}"
            written = write_source(doc, out / "sources" / name, no_pdf, seed=1000 + 2 * n + (var == "faulty"))
            exp = expected_json(stem, name, meta, doc, var, faults, mod.MUST_NOT_FLAG)
            (out / "expected").mkdir(parents=True, exist_ok=True)
            (out / "expected" / f"{stem}.json").write_text(json.dumps(exp, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            manifest.append({"file": f"sources/{name}", "gold": f"expected/{stem}", "format": doc.fmt})
            rows.append({"file": name, "meta": meta, "faults": faults, "written": written})
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (out / "README.md").write_text(readme(rows), encoding="utf-8")
    return rows


README_HEAD = """# Layout test documents

Realistic self-evaluation documents in the layouts jixiao did not know yet, each in two variants:
`_ok` (every figure consistent: an auditor must report no error or warning) and `_faulty` (the same
document with injected mistakes, each one a gold finding).  Generated — do not edit by hand:

    .venv/bin/python tests/data/layouts/build.py            # needs soffice for the PDF and the scans
    .venv/bin/python tests/data/layouts/build.py --no-pdf   # skips the PDF/scan sources (expected JSON is still written)

- `specs/<family>.py`: the specification as plain data — `BASE` (inputs; stated totals, rates, scores and
  grades are derived with Decimal, rounded half up), `FAULTS` (each fault: the overrides it applies, the
  consistency checks it trips, and the finding a reviewer writes), `MUST_NOT_FLAG` (traps), `META`.
- `families/<family>.py`: how the layout draws the specification (blocks, merged grids, sheets) and which
  values it states; `lib/`: arithmetic, checks, grids and the docx/xlsx/text/pdf writers.
- The build checks every variant: `_ok` trips no consistency check, `_faulty` trips exactly the checks its
  faults declare, and every evidence number of a finding appears in the document's text.
- `expected/<stem>.json`: the gold format of `shared/gold` (amounts in 万元; a document in 元 divided by
  10,000; null where the document states no value; mistakes kept as stated) plus `document_kind`, `layout`,
  `province`, `variant`, `project` / `projects` (project forms), `declared` (what the form itself says about
  scoring), `findings` (id, kind, severity, detail, where, evidence_numbers, evidence_terms) and
  `must_not_flag` (traps a naive auditor would wrongly flag).
- Conventions: a file with several project forms has `projects[]`, every form's rows in `indicators` and null
  top-level `budget`/`total_score`; where a form splits comparator, value and unit into cells, `target` and
  `actual` are the joined text ("≥" + "95" + "%" → "≥95%"); template rows left blank ("指标1：") are not
  indicators; `level1_summary` lists level-one scores only where the document states them; where prose and the
  attached form state one figure differently (a `_faulty` mistake), the gold keeps the form's value; a
  narrative-only report's 支出合计 is its `budget.executed`; `indicators[].direction` where a form has 指标方向.
- Measure: `python3 ../shared/eval/evaluate.py extract --gold tests/data/layouts --docs tests/data/layouts/manifest.json -- .venv/bin/jixiao parse --format json`
  and the same with `audit` and `-- .venv/bin/jixiao audit --format json` (the manifest's `gold` paths are
  relative to `--gold`, here the manifest's own folder).
- Everything is fictional: units, people, phone numbers and figures are invented.

| file | province | kind | what it exercises | injected faults |
|---|---|---|---|---|
"""


def readme(rows: list[dict]) -> str:
    lines = []
    for r in rows:
        meta = r["meta"]
        if r["faults"]:
            what = "same document as `_ok`"
            faults = "; ".join(f"{f['id']} {f['kind']} ({f['where'].rsplit('/', 1)[-1]})" for f in r["faults"])
        else:
            what = f"{meta['layout']}; {meta['exercises']}"
            faults = "none"
        cells = [f"`sources/{r['file']}`", meta["province"], meta["document_kind"], what, faults]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return README_HEAD + "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-pdf", action="store_true", help="skip LibreOffice: PDF and scan sources are not written")
    ap.add_argument("--out", type=Path, default=HERE, help="output folder (default: this folder)")
    args = ap.parse_args()
    rows = build(args.out.resolve(), args.no_pdf)
    for r in rows:
        print(f"{'wrote' if r['written'] else 'skip '} {r['file']}  ({len(r['faults'])} faults)")


if __name__ == "__main__":
    main()
