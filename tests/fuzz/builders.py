"""Small writers of raw files for the fuzz cases: zip packages, OOXML parts, PDFs and OLE2 containers.

They write bytes directly (no office library), so that a case can hold exactly the structure an
attacker would craft: any attribute value, any nesting, any zip header field.
"""

from __future__ import annotations

import io
import struct
import warnings
import zipfile
import zlib

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def zip_bytes(members: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip archive of `members` in order (duplicate names allowed)."""
    buf = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buf, "w", method) as z:
        warnings.simplefilter("ignore")  # duplicate names are the point of some cases
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name, (2025, 3, 1, 9, 0, 0)), data, compress_type=method)
    return buf.getvalue()


def zip_members(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i.filename, z.read(i)) for i in z.infolist()]


def replace_members(data: bytes, changes: dict[str, bytes | None], extra: list[tuple[str, bytes]] = ()) -> bytes:
    """The package with members replaced (None removes one) and `extra` members appended."""
    members = [(n, changes.get(n, d)) for n, d in zip_members(data)]
    return zip_bytes([(n, d) for n, d in members if d is not None] + list(extra))


def patch_headers(data: bytes, *, method: int | None = None, version: int | None = None, flags: int | None = None,
                  size: int | None = None) -> bytes:
    """Rewrite fields of every local and central zip header (compression method, version, flags, size)."""
    out = bytearray(data)
    for sig, off_version, off_flags, off_method, off_size in ((b"PK\x03\x04", 4, 6, 8, 22), (b"PK\x01\x02", 6, 8, 10, 24)):
        start = out.find(sig)
        while start != -1:
            for value, off, fmt in ((version, off_version, "<H"), (flags, off_flags, "<H"), (method, off_method, "<H"), (size, off_size, "<I")):
                if value is not None:
                    struct.pack_into(fmt, out, start + off, value)
            start = out.find(sig, start + 4)
    return bytes(out)


def document_xml(body: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>').encode()


def paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def word_table(rows: list[list[str]], tc_props: str = "", tr_props: str = "") -> str:
    cells = "".join(
        f"<w:tr>{tr_props}" + "".join(f"<w:tc>{tc_props}{paragraph(t)}</w:tc>" for t in row) + "</w:tr>" for row in rows
    )
    return f"<w:tbl>{cells}</w:tbl>"


def xlsx_bytes(sheets: list[str], shared: list[str] = (), styles: bytes | None = None, states: list[str] | None = None) -> bytes:
    """A workbook whose sheets have the given sheetData/mergeCells XML, optional shared strings and styles."""
    states = states or ["visible"] * len(sheets)
    sheet_list = "".join(f'<sheet name="表{i}" sheetId="{i}" state="{states[i - 1]}" r:id="rId{i}"/>' for i in range(1, len(sheets) + 1))
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{R_NS}/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(sheets) + 1)
    )
    members = [
        ("[Content_Types].xml", b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
        ("xl/workbook.xml", f'<workbook xmlns="{S_NS}" xmlns:r="{R_NS}"><sheets>{sheet_list}</sheets></workbook>'.encode()),
        ("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>'.encode()),
    ]
    if shared:
        items = "".join(f"<si><t>{s}</t></si>" for s in shared)
        members.append(("xl/sharedStrings.xml", f'<sst xmlns="{S_NS}">{items}</sst>'.encode()))
    if styles is not None:
        members.append(("xl/styles.xml", styles))
    members += [(f"xl/worksheets/sheet{i}.xml", f'<worksheet xmlns="{S_NS}">{xml}</worksheet>'.encode()) for i, xml in enumerate(sheets, 1)]
    return zip_bytes(members)


def cell(ref: str, value: str, kind: str = "inlineStr", style: str = "") -> str:
    s = f' s="{style}"' if style else ""
    if kind == "inlineStr":
        return f'<c r="{ref}" t="inlineStr"{s}><is><t>{value}</t></is></c>'
    t = f' t="{kind}"' if kind != "n" else ""
    return f'<c r="{ref}"{t}{s}><v>{value}</v></c>'


def pdf_bytes(objects: list[bytes], xref: bool = True) -> bytes:
    """A PDF whose object i + 1 is objects[i]; object 1 must be the catalog."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, start)
    return bytes(out)


def stream(content: bytes, compress: bool = False, extra: bytes = b"") -> bytes:
    data = zlib.compress(content) if compress else content
    flt = b" /Filter /FlateDecode" if compress else b""
    return b"<< /Length %d%s %s >>\nstream\n" % (len(data), flt, extra) + data + b"\nendstream"


def pdf_with_pages(contents: list[bytes], media_box: bytes = b"[0 0 595 842]", compress: bool = False) -> bytes:
    """A PDF with one page per content stream, Helvetica as the font."""
    n = len(contents)
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for i, content in enumerate(contents):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
                       % (media_box, 5 + 2 * i))
        objects.append(stream(content, compress))
    return pdf_bytes(objects)
