"""Malformed files of every format, made from the project's fixtures or crafted from scratch.

`case(i)` is deterministic: case i applies mutation `MUTATIONS[i % len(MUTATIONS)]` with a random
generator seeded by i, so any failing case can be regenerated from its number alone.  `Size.full`
selects attack sizes as large as the brief's (an 18 MB line, 20k-row tables, a million cells);
the default test run uses smaller but same-shaped ones, with tighter limits so the same bounds trip.
"""

from __future__ import annotations

import random
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tests.fuzz.builders import (
    cell,
    document_xml,
    paragraph,
    patch_headers,
    pdf_bytes,
    pdf_with_pages,
    replace_members,
    stream,
    word_table,
    xlsx_bytes,
    zip_bytes,
    zip_members,
)
from tests.ingest.builders import ole2_bytes

ROOT = Path(__file__).resolve().parents[1]
FORMATS = {".docx": "docx", ".xlsx": "xlsx", ".pdf": "pdf", ".png": "image", ".txt": "text", ".md": "text"}


@dataclass(frozen=True, slots=True)
class Case:
    """One malformed file: its number, the mutation that made it, the extension and the bytes."""

    number: int
    mutation: str
    suffix: str
    data: bytes

    @property
    def name(self) -> str:
        return f"case{self.number:05d}_{self.mutation}{self.suffix}"


@lru_cache(maxsize=2)
def seeds(scans: bool = True) -> dict[str, list[tuple[str, bytes]]]:
    """Fixture files by format: (suffix, bytes); without `scans`, no image or scanned PDF (no OCR)."""
    out: dict[str, list[tuple[str, bytes]]] = {}
    files = sorted((ROOT / "data").glob("*/sources/*")) + sorted((ROOT / "ingest" / "data").glob("*"))
    for path in files:
        fmt = FORMATS.get(path.suffix.lower())
        if fmt and (scans or (fmt != "image" and "scan" not in str(path))):
            out.setdefault(fmt, []).append((path.suffix.lower(), path.read_bytes()))
    return out


@dataclass(frozen=True, slots=True)
class Size:
    """How big the attacks are (`full`: the brief's sizes) and whether damage may start from scans."""

    full: bool = False
    scans: bool = True


def _seed(rng: random.Random, fmt: str, size: Size = Size()) -> tuple[str, bytes]:
    return rng.choice(seeds(size.scans or fmt == "image")[fmt])


def _any_seed(rng: random.Random, size: Size) -> tuple[str, bytes]:
    return _seed(rng, rng.choice(sorted(seeds(size.scans))), size)


# ---- byte-level damage, any format -------------------------------------------------------------

def flip(rng, size):
    suffix, data = _any_seed(rng, size)
    out = bytearray(data)
    for _ in range(rng.randint(1, 64)):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return suffix, bytes(out)


def truncate(rng, size):
    suffix, data = _any_seed(rng, size)
    return suffix, data[: rng.randrange(1, len(data))]


def zero_block(rng, size):
    suffix, data = _any_seed(rng, size)
    start = rng.randrange(len(data))
    length = rng.randint(1, 4096)
    return suffix, data[:start] + bytes(min(length, len(data) - start)) + data[start + length :]


def splice(rng, size):
    suffix, data = _any_seed(rng, size)
    a, b = sorted(rng.randrange(len(data)) for _ in range(2))
    at = rng.randrange(len(data))
    return suffix, data[:at] + data[a:b] * rng.randint(1, 20) + data[at:]


def wrong_extension(rng, size):
    _, data = _any_seed(rng, size)
    return rng.choice([".docx", ".xlsx", ".pdf", ".txt", ".png", ".doc", ".xls", ""]), data


# ---- Word ----------------------------------------------------------------------------------------

def _docx(body: str, prolog: str = "") -> bytes:
    _, data = seeds()["docx"][0]
    return replace_members(data, {"word/document.xml": document_xml(body, prolog)})


HUGE_NUMBERS = ["1000000000", "99999999999999999999999", "-5", "abc", "²", "1e9", "0", "4294967296", "9" * 5000]


def docx_grid_span(rng, size):
    value = rng.choice(HUGE_NUMBERS)
    rows = [["一级指标", "三级指标", "分值", "得分"], ["产出指标", "完成率", "10", "9"]] * rng.randint(1, 50)
    return ".docx", _docx(word_table(rows, tc_props=f'<w:tcPr><w:gridSpan w:val="{value}"/><w:vMerge/></w:tcPr>'))


def docx_grid_before(rng, size):
    value = rng.choice(HUGE_NUMBERS)
    rows = [["编制数", "实际在职人数"], ["114", "127"]] * rng.randint(1, 50)
    return ".docx", _docx(word_table(rows, tr_props=f'<w:trPr><w:gridBefore w:val="{value}"/></w:trPr>'))


def docx_deep_tables(rng, size):
    depth = rng.choice([9, 20, 60, 90, 200])
    body = paragraph("最内层")
    for _ in range(depth):
        body = f"<w:tbl><w:tr><w:tc>{body}</w:tc></w:tr></w:tbl>"
    return ".docx", _docx(body)


def docx_deep_wrappers(rng, size):
    depth = rng.choice([50, 120, 250, 400, 5000])
    return ".docx", _docx("<w:sdt><w:sdtContent>" * depth + paragraph("文字") + "</w:sdtContent></w:sdt>" * depth)


# The large attacks are deterministic in their parameters: each is built once per run (cached).
@lru_cache(maxsize=4)
def _many_rows_docx(n: int) -> bytes:
    rows = "".join(f"<w:tr><w:tc>{paragraph(f'指标{i}')}</w:tc><w:tc>{paragraph('10')}</w:tc></w:tr>" for i in range(n))
    header = word_table([["三级指标", "分值"]])[len("<w:tbl>") : -len("</w:tbl>")]
    return _docx(f"<w:tbl>{header}{rows}</w:tbl>")


def docx_many_rows(rng, size):
    return ".docx", _many_rows_docx(100_000 if size.full else 20_000)


@lru_cache(maxsize=4)
def _many_paragraphs_docx(n: int) -> bytes:
    return _docx("".join(paragraph(f"第{i}段，预算执行率为{i % 100}%，") for i in range(n)))


def docx_many_paragraphs(rng, size):
    return ".docx", _many_paragraphs_docx(200_000 if size.full else 30_000)


def docx_long_paragraph(rng, size):
    n = 5_000_000 if size.full else 1_000_000
    unit = rng.choice(["1", "预算", "\t", "执行率", "1,"])
    if rng.random() < 0.5:  # varied text, so that the package is not refused as a bomb first
        return ".docx", _docx(paragraph("".join(rng.choice(TOKENS[:18]) for _ in range(n // 3))))
    return ".docx", _docx(paragraph(unit * (n // 2)))


def docx_broken_xml(rng, size):
    xml = document_xml(paragraph("预算执行率为95%") * 50).decode()
    cut = rng.randrange(10, len(xml) - 10)
    return ".docx", replace_members(seeds()["docx"][0][1], {"word/document.xml": (xml[:cut] + rng.choice(["<", "&", "<w:p", "]]>", "\x00"])).encode()})


def docx_entity_bomb(rng, size):
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefgh", "bcdefghi"))
    ref = rng.choice(["&i;", "&e;", '&xxe;'])
    prolog = f"<!DOCTYPE w:document [{entities}<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
    return ".docx", _docx(paragraph(ref), prolog)


def docx_numbers(rng, size):
    text = rng.choice(["9" * 5000, "1e400", "1" * 400 + ".5", "-" + "9" * 4400, "１" * 5000, "一" * 5000, "0." + "0" * 5000 + "1"])
    rows = [["三级指标", "年度指标值", "实际完成值", "分值", "得分"], ["完成率", text + "%", text, text, text], ["总分", "", "", text, text]]
    body = paragraph(f"编制数{text}人，年初预算{text}万元，执行率为{text}%，自评得分{text}分，产出指标({text}分)") + word_table(rows)
    return ".docx", _docx(body)


def docx_content_types(rng, size):
    _, data = seeds()["docx"][0]
    choice = rng.choice(["remove", "garbage", "xlsx", "bom"])
    value = {"remove": None, "garbage": b"\x00\xff" * 100, "xlsx": b'<Types><Override PartName="/xl/workbook.xml"/></Types>', "bom": b"\xef\xbb\xbf<Types/>"}[choice]
    return ".docx", replace_members(data, {"[Content_Types].xml": value})


def docx_styles(rng, size):
    _, data = seeds()["docx"][0]
    opened = '<w:style w:type="paragraph" w:styleId="x">' * rng.choice([10, 10_000, 100_000])
    styles = f'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{opened}'.encode()
    return ".docx", replace_members(data, {"word/styles.xml": styles})


# ---- zip tricks (Word or Excel packages) ---------------------------------------------------------

def _package(rng) -> tuple[str, bytes]:
    return _seed(rng, rng.choice(["docx", "xlsx"]))


def zip_method(rng, size):
    suffix, data = _package(rng)
    return suffix, patch_headers(data, method=rng.choice([1, 6, 9, 12, 14, 93, 98, 99]))


def zip_version(rng, size):
    suffix, data = _package(rng)
    return suffix, patch_headers(data, version=rng.choice([64, 99, 0xFFFF]))


def zip_encrypted_flag(rng, size):
    suffix, data = _package(rng)
    return suffix, patch_headers(data, flags=1)


def zip_declared_size(rng, size):
    suffix, data = _package(rng)
    return suffix, patch_headers(data, size=rng.choice([0, 1, 0xFFFFFFFF, 300 * 1024 * 1024]))


def zip_duplicates(rng, size):
    suffix, data = _package(rng)
    members = zip_members(data)
    name = rng.choice([n for n, _ in members])
    return suffix, zip_bytes([*members, (name, rng.choice([b"", b"<x/>", b"\x00" * 100, members[0][1]]))])


def zip_truncated(rng, size):
    suffix, data = _package(rng)
    return suffix, data[: rng.randrange(30, len(data) - 22)]


@lru_cache(maxsize=32)
def _bomb_package(suffix: str, data: bytes, megabytes: int) -> bytes:
    part = "word/document.xml" if suffix == ".docx" else "xl/worksheets/sheet1.xml"
    return replace_members(data, {part: b" " * (megabytes * 1024 * 1024)})


def zip_bomb(rng, size):
    suffix, data = _package(rng)
    return suffix, _bomb_package(suffix, data, rng.choice([50, 250] if size.full else [50]))


def zip_many_entries(rng, size):
    suffix, data = _package(rng)
    return suffix, zip_bytes(zip_members(data) + [(f"junk/{i}", b"") for i in range(rng.choice([5_000, 12_000]))], zipfile.ZIP_STORED)


def encrypted_ooxml(rng, size):
    return rng.choice([".docx", ".xlsx", ".doc", ".pdf", ".txt", ""]), ole2_bytes("EncryptedPackage")


# ---- Excel ---------------------------------------------------------------------------------------

def xlsx_far_cells(rng, size):
    refs = rng.sample(["A1", "XFD1048576", "XFD1", "A1048576", "ZZ99999", "B2"], 3)
    return ".xlsx", xlsx_bytes(["<sheetData><row>" + "".join(cell(r, "编制数") for r in refs) + "</row></sheetData>"])


@lru_cache(maxsize=2)
def _million_cells(full: bool) -> bytes:
    rows, cols = (20_000, 50) if full else (5_000, 20)
    data = "".join(f'<row r="{r}">' + "".join(f'<c r="{_col(c)}{r}"><v>{r}</v></c>' for c in range(cols)) + "</row>" for r in range(1, rows + 1))
    return xlsx_bytes([f"<sheetData>{data}</sheetData>"])


def _col(i: int) -> str:
    out = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        out = chr(65 + rem) + out
    return out


def xlsx_million_cells(rng, size):
    return ".xlsx", _million_cells(size.full)


def xlsx_overlapping_merges(rng, size):
    n = rng.choice([10, 1000, 30_000])
    merges = "".join(f'<mergeCell ref="A{i}:{rng.choice(["Z", "XFD", "C"])}{i + rng.randint(0, 5000)}"/>' for i in range(1, n + 1))
    cells = "".join(f"<row>{cell(f'A{r}', '三级指标')}{cell(f'Z{r}', '得分')}</row>" for r in (1, 2000, 9000))
    return ".xlsx", xlsx_bytes([f'<sheetData>{cells}</sheetData><mergeCells count="{n}">{merges}</mergeCells>'])


def xlsx_many_sheets(rng, size):
    n = rng.choice([65, 300, 1000])
    return ".xlsx", xlsx_bytes([f"<sheetData><row>{cell('A1', f'表{i}')}</row></sheetData>" for i in range(n)], states=rng.choice([None, ["visible", "hidden"] * (n // 2) + ["visible"] * (n % 2)]))


def xlsx_bad_strings(rng, size):
    value = rng.choice(["999999", "-1", "abc", "1" * 5000, "", "3"])
    return ".xlsx", xlsx_bytes([f"<sheetData><row>{cell('A1', value, 's')}{cell('B1', '0', 's')}</row></sheetData>"], shared=["编制数"])


def xlsx_numbers(rng, size):
    value = rng.choice(["1e400", "-1e400", "9" * 5000, "NaN", "inf", "1e308", "2958466", "-1", "1E-400", "0x10", "1,000"])
    styles = (b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="200" formatCode="0.00%"/></numFmts>'
              b'<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="200"/><xf numFmtId="99999999999"/></cellXfs></styleSheet>')
    cells = "".join(cell(f"{c}1", value, "n", style) for c, style in zip("ABCD", ("0", "1", "2", "3")))
    return ".xlsx", xlsx_bytes([f"<sheetData><row>{cells}{cell('E1', '执行率')}</row></sheetData>"], styles=styles)


def xlsx_bad_refs(rng, size):
    refs = rng.sample(["ZZZZ1", "A0", "A99999999", "1A", "", "$A$1", "a1", "XFE1"], 4)
    return ".xlsx", xlsx_bytes(["<sheetData><row>" + "".join(f'<c r="{r}" t="inlineStr"><is><t>x</t></is></c>' for r in refs) + "</row></sheetData>"])


def xlsx_broken_parts(rng, size):
    suffix, data = _seed(rng, "xlsx")
    name = rng.choice([n for n, _ in zip_members(data)])
    return suffix, replace_members(data, {name: rng.choice([None, b"", b"<x>", b"\xff\xfe garbage", b"<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>"])})


# ---- PDF -----------------------------------------------------------------------------------------

def _text_content(lines: list[str]) -> bytes:
    body = b"".join(b"BT /F1 10 Tf 50 %d Td (%s) Tj ET\n" % (800 - 12 * i, s.encode("latin-1", "replace")) for i, s in enumerate(lines))
    return body


def pdf_truncate(rng, size):
    _, data = _seed(rng, "pdf")
    return ".pdf", data[: rng.randrange(10, len(data))]


def pdf_xref_damage(rng, size):
    _, data = _seed(rng, "pdf")
    out = bytearray(data)
    for marker in (b"xref", b"startxref", b"trailer", b"/Root", b"obj"):
        at = out.rfind(marker) if rng.random() < 0.5 else out.find(marker)
        if at != -1 and rng.random() < 0.6:
            out[at : at + len(marker)] = bytes(rng.randrange(256) for _ in marker)
    return ".pdf", bytes(out)


def pdf_deep_nesting(rng, size):
    depth = rng.choice([100, 1000, 10_000, 100_000])
    deep = rng.choice([b"[" * depth + b"]" * depth, b"<<" * depth + b">>" * depth, b"<< /A " * depth + b">>" * depth])
    objects = [b"<< /Type /Catalog /Pages 2 0 R /Deep 5 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Deep 5 0 R >> >>",
               stream(_text_content(["Budget 95%"])), deep]
    return ".pdf", pdf_bytes(objects)


@lru_cache(maxsize=8)
def _many_pages_pdf(n: int) -> bytes:
    return pdf_with_pages([_text_content([f"page {i}"]) for i in range(n)], compress=True)


def pdf_many_pages(rng, size):
    return ".pdf", _many_pages_pdf(rng.choice([501, 5000, 50, 300]))


@lru_cache(maxsize=8)
def _tiny_text_pdf(n: int) -> bytes:
    content = b"".join(b"BT /F1 1 Tf %d %d Td (a) Tj ET\n" % (i % 590, (i // 590) % 840) for i in range(n))
    return pdf_with_pages([content], compress=True)


def pdf_tiny_text(rng, size):
    return ".pdf", _tiny_text_pdf(rng.choice([20_000, 60_000, 300_000]))


def pdf_flate_bomb(rng, size):
    return ".pdf", _flate_bomb_pdf(rng.choice([20, 200, 1000] if size.full else [20, 200]))


@lru_cache(maxsize=8)
def _flate_bomb_pdf(megabytes: int) -> bytes:
    packer = zlib.compressobj(9)
    packed = b"".join(packer.compress(b" " * 1024 * 1024) for _ in range(megabytes)) + packer.flush()
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page,
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"]
    return pdf_bytes(objects)


def pdf_page_tree(rng, size):
    kind = rng.choice(["cycle", "missing", "deep"])
    if kind == "cycle":
        objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]
    elif kind == "missing":
        objects = [b"<< /Type /Catalog /Pages 9 0 R >>", b"<< /Type /Pages /Kids [7 0 R] /Count 1 >>"]
    else:
        depth = 3000
        objects = [b"<< /Type /Catalog /Pages 2 0 R >>"] + [b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (i + 3) for i in range(depth)]
        objects.append(b"<< /Type /Page /MediaBox [0 0 595 842] >>")
    return ".pdf", pdf_bytes(objects)


def pdf_huge_media_box(rng, size):
    box = rng.choice([b"[0 0 1e9 1e9]", b"[0 0 99999999999999999999 1]", b"[0 0 -5 -5]", b"[0 0 0 0]", b"[0 0 (a) /b]"])
    image = b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 64 >>\nstream\n" + bytes(64) + b"\nendstream"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>" % box,
               stream(b"q 500 0 0 800 0 0 cm /Im0 Do Q"), image]
    return ".pdf", pdf_bytes(objects)


# ---- crafted text --------------------------------------------------------------------------------

def text_long_line(rng, size):
    n = 18 * 1024 * 1024 if size.full else 3 * 1024 * 1024
    unit = rng.choice(["预算执行率为95%，", "1", "a ", "三公经费", "1,", "\t1"])
    return ".txt", (unit * (n // len(unit.encode()))).encode()


def text_tabs(rng, size):
    tabs = "\t" * rng.choice([3000, 20000])
    return ".txt", "\n".join(f"{label}{tabs}{value}" for label, value in [("编制数", "114"), ("实际在职人数", ""), ("一级指标", "得分")] * 100).encode()


def text_bookmarks(rng, size):
    n = 200_000 if size.full else 50_000
    return ".txt", ("[bookmark: _Hlk" * n + "\n" + "[bookmark: " + "x" * n).encode()


def text_digits(rng, size):
    big = rng.choice(["9" * 5000, "1e400", "1" * 400 + ".5", "1," * 3000 + "1", "1." * 3000])
    lines = [f"编制数{big}人，实际在职{big}人。", f"年初预算{big}万元，全年预算{big}万元，执行数{big}万元，执行率为{big}%。",
             f"三公经费预算{big}万元，实际支出{big}万元。", f"自评得分{big}分，评价等级为优。",
             f"一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n产出指标({big}分)\t数量\t完成数\t{big}\t{big}\t{big}\t{big}\n总分\t\t\t\t\t{big}\t{big}"]
    return ".txt", "\n".join(lines).encode()


def text_many_rows(rng, size):
    return ".txt", _many_rows_text(20_000 if size.full else 4_000, rng.choice(["rows", "pipe", "cells"]))


@lru_cache(maxsize=8)
def _many_rows_text(n: int, layout: str) -> bytes:
    rows = "\n".join(f"产出指标\t数量指标\t完成重点工作数{i}\t≥5项\t6项\t10\t10" for i in range(n))
    if layout == "pipe":
        rows = "\n".join("| " + line.replace("\t", " | ") + " |" for line in rows.split("\n"))
    elif layout == "cells":
        rows = "\n\n".join("\t" + line.replace("\t", "\n\t") for line in rows.split("\n")[: n // 4])
    return ("部门整体支出绩效自评表\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n" + rows).encode()


TOKENS = ["预算", "执行率", "为", "95", "%", "，", "。", "万元", "元", "三公", "经费", "其中", "：", "得分", "分", "编制", "人", " ", "\t",
          "（一）", "1.", "|", "#", "$", "\\geq", "[bookmark: ", "比上年增加", "占", "自评", "等级", "优", "年度", "2024年", "一二三", "１", "，"]


def text_token_soup(rng, size):
    n = rng.choice([1000, 50_000, 400_000 if size.full else 100_000])
    separator = rng.choice(["", "\n", "\n\n"])
    return rng.choice([".txt", ".md"]), separator.join(rng.choice(TOKENS) for _ in range(n)).encode()


def text_encodings(rng, size):
    text = "一、部门基本情况\n编制人数114人，预算执行率为95%。\n"
    data = rng.choice([text.encode("utf-16-le")[:-1], b"\xff\xfe" + text.encode("utf-16-le")[1:], text.encode("gb18030") + b"\x81\x30",
                       b"\xef\xbb\xbf" + bytes(range(256)), text.encode() + b"\x00" * 10, b"\xfe\xff\x00", b"\x1b[31m" * 100])
    return ".txt", data


# ---- images --------------------------------------------------------------------------------------

def image_header(rng, size):
    width, height = rng.choice([(100_000, 100_000), (1, 1), (0, 0), (65535, 1), (2**31 - 1, 2)])
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return ".png", b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(bytes(1000))) + chunk(b"IEND", b"")


def image_damage(rng, size):
    _, data = _seed(rng, "image")
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        out[rng.randrange(8, len(out))] = rng.randrange(256)
    return ".png", bytes(out[: rng.randrange(len(out) // 2, len(out) + 1)])


Mutation = Callable[[random.Random, Size], tuple[str, bytes]]
MUTATIONS: list[tuple[str, Mutation]] = [(f.__name__, f) for f in (
    flip, truncate, zero_block, splice, wrong_extension,
    docx_grid_span, docx_grid_before, docx_deep_tables, docx_deep_wrappers, docx_many_rows, docx_many_paragraphs,
    docx_long_paragraph, docx_broken_xml, docx_entity_bomb, docx_numbers, docx_content_types, docx_styles,
    zip_method, zip_version, zip_encrypted_flag, zip_declared_size, zip_duplicates, zip_truncated, zip_bomb, zip_many_entries,
    encrypted_ooxml,
    xlsx_far_cells, xlsx_million_cells, xlsx_overlapping_merges, xlsx_many_sheets, xlsx_bad_strings, xlsx_numbers, xlsx_bad_refs,
    xlsx_broken_parts,
    pdf_truncate, pdf_xref_damage, pdf_deep_nesting, pdf_many_pages, pdf_tiny_text, pdf_flate_bomb, pdf_page_tree, pdf_huge_media_box,
    text_long_line, text_tabs, text_bookmarks, text_digits, text_many_rows, text_token_soup, text_encodings,
    image_header, image_damage,
)]
# Byte-level damage is cheap and finds the most: it gets more of the cases.
WEIGHTS = {"flip": 6, "truncate": 4, "zero_block": 3, "splice": 2, "pdf_xref_damage": 2, "xlsx_broken_parts": 2}
SCHEDULE = [name for name, _ in MUTATIONS for _ in range(WEIGHTS.get(name, 1))]
BY_NAME = dict(MUTATIONS)


def case(number: int, size: Size = Size()) -> Case:
    """Case `number`: deterministic, whatever else has been generated.  Without `size.scans`,
    byte-level damage starts from text-layer files only (the default test run keeps OCR out of its budget)."""
    name = SCHEDULE[number % len(SCHEDULE)]
    suffix, data = BY_NAME[name](random.Random(number), size)
    return Case(number, name, suffix, data)
