"""Baselines the speed benchmarks measure jixiao against: the unzip + lxml floor and python-docx's bare load."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def floor(path: Path) -> None:
    """The least any .docx reader does: unzip the body, parse it, touch every table cell's text."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    for tc in root.iter(f"{W}tc"):
        "".join(tc.itertext())


def python_docx(path: Path) -> None:
    """python-docx's bare load and a walk over its tables' cells."""
    document = docx.Document(str(path))
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                cell.text  # noqa: B018 — touching the text is the work being measured
