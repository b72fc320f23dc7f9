"""公文 fonts in python-docx documents: East Asian font names on runs, and free fallbacks in the font table."""

from __future__ import annotations

from docx.oxml.ns import qn
from lxml import etree


def set_font(rpr, font: str) -> None:
    """Name `font` for every script of a run's (or style's) properties, East Asian text included."""
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)


def declare_fallbacks(doc, fallbacks: dict[str, str]) -> None:
    """Declare each font in the font table with its fallback as w:altName (GB2312 charset), which
    Word and LibreOffice use where the font itself is missing."""
    part = next(p for p in doc.part.package.iter_parts() if p.partname == "/word/fontTable.xml")
    root = etree.fromstring(part.blob)
    for name, fallback in fallbacks.items():
        font = etree.SubElement(root, qn("w:font"), {qn("w:name"): name})
        etree.SubElement(font, qn("w:altName"), {qn("w:val"): fallback})
        etree.SubElement(font, qn("w:charset"), {qn("w:val"): "86"})
        etree.SubElement(font, qn("w:family"), {qn("w:val"): "modern" if "Sans" in fallback or fallback == "黑体" else "roman"})
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
