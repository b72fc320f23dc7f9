"""Build every template's fill-in example and the document rendered from it, with the project's own code
and commands:

    .venv/bin/python examples/build.py                 # all templates
    .venv/bin/python examples/build.py project_form    # one

For each template T with a [compose] table: `examples/T/填报示例.xlsx` (written by
`jixiao.compose.template.write`, what `jixiao template --template T` writes, filled in with the data of
`examples/data/T.py`), then `jixiao render 填报示例.xlsx -o 报告示例.docx --pdf`, and the PDF's first
page and form page as PNG in docs/img/ (rendered with pypdfium2 at 60 dpi).

Units, people, phone numbers and figures are invented.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from jixiao.compose import template  # noqa: E402
from jixiao.compose.outline import plan, writable  # noqa: E402

IMAGES = HERE.parent / "docs" / "img"
DPI = 60


def renumbered(filing):
    """Record indices in sheet order (the example data number each project's rows from 0)."""
    return filing.model_copy(update={key: [r.model_copy(update={"row": i}) for i, r in enumerate(getattr(filing, key))]
                                     for key in ("indicators", "funds")})


def pictures(pdf: Path, name: str, captions: list[str]) -> list[Path]:
    """Page 1 and the last page where an attached form starts (its second page for a form filed alone;
    the last page of a report without forms), as PNG."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    texts = [doc[i].get_textpage().get_text_range().replace("\r", "").replace("\n", "") for i in range(len(doc))]
    starts = [i for i, text in enumerate(texts) if captions and captions[-1] in text.replace(" ", "")[:80]]
    form = starts[-1] if starts and starts[-1] > 0 else min(1, len(doc) - 1) if starts else len(doc) - 1
    out = []
    for page, suffix in ((0, "page1"), (form, "form")):
        target = IMAGES / f"render-{name}-{suffix}.png"
        doc[page].render(scale=DPI / 72).to_pil().save(target)
        out.append(target)
    return out


def build(name: str) -> None:
    folder = HERE / name
    folder.mkdir(exist_ok=True)
    filing = renumbered(importlib.import_module(f"data.{name}").FILING)
    workbook, report = folder / "填报示例.xlsx", folder / "报告示例.docx"
    chosen = plan(name)
    template.write(workbook, chosen, filing)
    subprocess.run([sys.executable, "-m", "jixiao", "render", str(workbook), "-o", str(report), "--pdf"], check=True)
    captions = [chosen.form(form).caption.split("}")[-1].replace("\n", "") for form in chosen.compose.attachments]
    pictures(report.with_suffix(".pdf"), name, captions)


def main() -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    for name in sys.argv[1:] or writable():
        build(name)


if __name__ == "__main__":
    main()
