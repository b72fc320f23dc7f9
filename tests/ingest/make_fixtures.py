"""Regenerates tests/ingest/data/ (needs LibreOffice and a CJK font): python tests/ingest/make_fixtures.py."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pypdfium2
from PIL import Image

sys.path.insert(0, str(Path(__file__).parents[2]))
from tests.ingest.builders import build_report_docx

DATA = Path(__file__).parent / "data"
SCAN_DPI = 150


ENCRYPT = '{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}'


def text_pdf(out: Path, export_filter: str = "pdf") -> None:
    """The report, without constructs LibreOffice renders differently, exported to PDF."""
    with tempfile.TemporaryDirectory() as tmp:
        src = build_report_docx(Path(tmp) / "report.docx", textbox=False, nested=False, tracked=False)
        profile = (Path(tmp) / "profile").as_uri()
        cmd = [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            export_filter,
            "--outdir",
            tmp,
            str(src),
        ]
        subprocess.run(cmd, check=True, capture_output=True)
        out.write_bytes((Path(tmp) / "report.pdf").read_bytes())


def scanned_pdf(text: Path, out: Path) -> None:
    """Every page of `text` rendered at 150 dpi in grayscale, with sensor noise, as an image-only PDF."""
    rng = np.random.default_rng(7)
    pdf = pypdfium2.PdfDocument(text)
    pages = []
    for page in pdf:
        gray = np.asarray(page.render(scale=SCAN_DPI / 72, grayscale=True).to_pil().convert("L"), dtype=np.int16)
        noisy = np.clip(gray + rng.normal(0, 8, gray.shape), 0, 255).astype(np.uint8)
        pages.append(Image.fromarray(noisy))
    pdf.close()
    pages[0].save(out, "PDF", resolution=SCAN_DPI, quality=40, save_all=True, append_images=pages[1:])


if __name__ == "__main__":
    DATA.mkdir(exist_ok=True)
    text_pdf(DATA / "report_text.pdf")
    scanned_pdf(DATA / "report_text.pdf", DATA / "report_scanned.pdf")
    text_pdf(DATA / "encrypted.pdf", f"pdf:writer_pdf_Export:{ENCRYPT}")
    for f in sorted(DATA.iterdir()):
        print(f.name, f.stat().st_size)
