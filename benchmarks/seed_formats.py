"""Quality benchmark: the five seeds converted to .docx, text .pdf and scanned .pdf, against their gold.

The seeds are plain text; this rebuilds each one as a Word document (python-docx, one table per
table block), converts that to PDF with headless LibreOffice (skipped when `soffice` is missing),
rasterises the PDF at 150 dpi into an image-only PDF (a scan), and runs
`../shared/eval/evaluate.py extract` on every version.  Slow with scans (OCR ~3-4 s per page).
Usage: .venv/bin/python benchmarks/seed_formats.py [--no-scan] [OUT_DIR]
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
import pypdfium2

from jixiao.ingest import text

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def to_docx(seed: Path, target: Path) -> None:
    document = docx.Document()
    for block in text.read(seed).blocks:
        if block.table is None:
            document.add_paragraph(block.text)
            continue
        rows = block.table.rows()
        table = document.add_table(rows=len(rows), cols=block.table.n_cols)
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for cell in row:
                table.cell(r, cell.col).text = cell.text
    document.save(str(target))


def to_scan(pdf: Path, target: Path) -> None:
    pages = [page.render(scale=150 / 72, grayscale=True).to_pil() for page in pypdfium2.PdfDocument(str(pdf))]
    pages[0].save(target, save_all=True, append_images=pages[1:], resolution=150)


def build(out: Path, scans: bool) -> list[dict]:
    manifest = []
    for gold in sorted((SHARED / "gold").glob("seed-*.json")):
        seed = SHARED / "seeds" / json.loads(gold.read_text(encoding="utf-8"))["source"]
        docx_path = out / f"{seed.stem}.docx"
        to_docx(seed, docx_path)
        manifest.append({"file": docx_path.name, "gold": gold.stem, "format": "docx"})
        if shutil.which("soffice"):
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(docx_path)], check=True, capture_output=True)
            manifest.append({"file": f"{seed.stem}.pdf", "gold": gold.stem, "format": "pdf"})
            if scans:
                to_scan(out / f"{seed.stem}.pdf", out / f"{seed.stem}_scan.pdf")
                manifest.append({"file": f"{seed.stem}_scan.pdf", "gold": gold.stem, "format": "scan"})
    return manifest


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = Path(args[0]) if args else Path(tempfile.mkdtemp(prefix="jixiao-seeds-"))
    out.mkdir(parents=True, exist_ok=True)
    manifest = build(out, "--no-scan" not in sys.argv)
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    jixiao = str(Path(sys.executable).with_name("jixiao"))
    subprocess.run([sys.executable, str(SHARED / "eval" / "evaluate.py"), "extract", "--gold", str(SHARED / "gold"),
                    "--docs", str(out / "manifest.json"), "--timeout", "900", "--", jixiao, "parse", "--format", "json"], check=True)


if __name__ == "__main__":
    main()
