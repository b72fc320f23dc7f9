"""LibreOffice text-layer PDFs and image-only scans of them (deterministic noise from a fixed seed)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path


def to_pdf(docx: Path, target: Path) -> None:
    """Convert with headless LibreOffice in a throw-away profile."""
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
               "--outdir", tmp, str(docx)]
        subprocess.run(cmd, check=True, capture_output=True, timeout=300)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(Path(tmp) / (docx.stem + ".pdf"), target)


def _pages(pdf: Path, dpi: int):
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [doc[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for i in range(len(doc))]
    finally:
        doc.close()


def _scanify(img, rng, angle: float):
    """Slight skew, blur, grey paper, noise and a few specks."""
    import numpy as np
    from PIL import Image, ImageFilter

    img = img.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(0.5))
    a = np.asarray(img, dtype=np.float32) * 0.9 + 12
    a += rng.normal(0, 4.5, a.shape)
    specks = rng.random(a.shape) < 0.0003
    a[specks] = rng.uniform(40, 160, int(specks.sum()))
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")


def scan_pdf(src_pdf: Path, target: Path, seed: int, dpi: int = 150) -> int:
    """An image-only PDF of `src_pdf` at `dpi` with a scanner's look; returns the page count."""
    import numpy as np

    rng = np.random.default_rng(seed)
    pages = [_scanify(p, rng, float(rng.uniform(0.4, 0.9)) * (1 if i % 2 else -1)) for i, p in enumerate(_pages(src_pdf, dpi))]
    target.parent.mkdir(parents=True, exist_ok=True)
    when = time.gmtime(datetime(2025, 3, 1, 9, 0, 0, tzinfo=UTC).timestamp())
    pages[0].save(target, "PDF", resolution=dpi, save_all=True, append_images=pages[1:], quality=45,
                  creationDate=when, modDate=when, producer="Scanner")
    return len(pages)
