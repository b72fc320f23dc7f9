"""The 公文 fonts the documents name, their free fallbacks, and which of them this machine lacks.

A .docx names the 公文 fonts (方正小标宋简体, 黑体, 楷体_GB2312, 仿宋_GB2312, 宋体); Word uses them where
they are installed and the declared fallback elsewhere.  A PDF is made here, so the fonts fontconfig
does not know (`fc-list`) are replaced by their fallbacks before LibreOffice converts, and the
render command says which ones were replaced.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

FALLBACKS = {"方正小标宋简体": "Noto Serif CJK SC", "黑体": "Noto Sans CJK SC", "楷体_GB2312": "Noto Serif CJK SC",
             "仿宋_GB2312": "Noto Serif CJK SC", "宋体": "Noto Serif CJK SC"}
"""公文 font → a free font of the same kind, on common Linux installs (fonts-noto-cjk)."""


def installed_fonts() -> set[str] | None:
    """Font family names fontconfig knows, or None where fc-list is not available."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    result = subprocess.run([fc_list, ":", "family"], capture_output=True, text=True, timeout=60, check=False)
    return {name.strip() for line in result.stdout.splitlines() for name in line.split(",")}


def missing_fonts() -> dict[str, str]:
    """The 公文 fonts this machine lacks, each with the fallback a PDF made here uses."""
    present = installed_fonts() or set()
    return {name: fallback for name, fallback in FALLBACKS.items() if name not in present}


def fallback_note(missing: dict[str, str]) -> str | None:
    """One Chinese line saying which fonts the PDF substitutes, or None when all are installed."""
    if not missing:
        return None
    pairs = "、".join(f"{name}→{fallback}" for name, fallback in missing.items())
    return f"本机未安装公文字体 {'、'.join(missing)}，PDF 改用 Noto 字体（{pairs}）；Word 文件仍指定公文字体，在装有这些字体的电脑上按原字体显示"


def with_fallback_fonts(source: Path, target: Path, missing: dict[str, str]) -> None:
    """A copy of a .docx whose missing 公文 fonts are replaced by their fallbacks, so a PDF made by
    LibreOffice keeps serif 仿宋/宋体 text instead of whatever font it would substitute."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.endswith(".xml") and item.filename != "word/fontTable.xml":
                for name, fallback in missing.items():
                    data = data.replace(f'"{name}"'.encode(), f'"{fallback}"'.encode())
            dst.writestr(item, data)
