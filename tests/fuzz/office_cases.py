"""Malformed Word and Excel packages: attribute values, nesting, size, XML damage, zip header tricks."""

from __future__ import annotations

import zipfile
from functools import lru_cache

from tests.fuzz.builders import (
    cell,
    document_xml,
    paragraph,
    patch_headers,
    replace_members,
    word_table,
    xlsx_bytes,
    zip_bytes,
    zip_members,
)
from tests.fuzz.seeds import TOKENS, seed, seeds
from tests.ingest.builders import ole2_bytes

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
    return ".docx", _many_rows_docx(100_000 if size.full else 8_000)


@lru_cache(maxsize=4)
def _many_paragraphs_docx(n: int) -> bytes:
    return _docx("".join(paragraph(f"第{i}段，预算执行率为{i % 100}%，") for i in range(n)))


def docx_many_paragraphs(rng, size):
    return ".docx", _many_paragraphs_docx(200_000 if size.full else 8_000)


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
    return seed(rng, rng.choice(["docx", "xlsx"]))


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
    suffix, data = seed(rng, "xlsx")
    name = rng.choice([n for n, _ in zip_members(data)])
    return suffix, replace_members(data, {name: rng.choice([None, b"", b"<x>", b"\xff\xfe garbage", b"<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>"])})


CASES = (
    docx_grid_span, docx_grid_before, docx_deep_tables, docx_deep_wrappers, docx_many_rows, docx_many_paragraphs,
    docx_long_paragraph, docx_broken_xml, docx_entity_bomb, docx_numbers, docx_content_types, docx_styles,
    zip_method, zip_version, zip_encrypted_flag, zip_declared_size, zip_duplicates, zip_truncated, zip_bomb, zip_many_entries,
    encrypted_ooxml,
    xlsx_far_cells, xlsx_million_cells, xlsx_overlapping_merges, xlsx_many_sheets, xlsx_bad_strings, xlsx_numbers, xlsx_bad_refs,
    xlsx_broken_parts,
)
