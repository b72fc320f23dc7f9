"""Malformed PDFs, crafted long texts and damaged images."""

from __future__ import annotations

import struct
import zlib
from functools import lru_cache

from tests.fuzz.builders import pdf_bytes, pdf_with_pages, stream
from tests.fuzz.seeds import TOKENS, seed

# ---- PDF -----------------------------------------------------------------------------------------

def _text_content(lines: list[str]) -> bytes:
    body = b"".join(b"BT /F1 10 Tf 50 %d Td (%s) Tj ET\n" % (800 - 12 * i, s.encode("latin-1", "replace")) for i, s in enumerate(lines))
    return body


def pdf_truncate(rng, size):
    _, data = seed(rng, "pdf")
    return ".pdf", data[: rng.randrange(10, len(data))]


def pdf_xref_damage(rng, size):
    _, data = seed(rng, "pdf")
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
    return ".pdf", _many_pages_pdf(rng.choice([501, 5000, 50, 300] if size.full else [501, 50]))


@lru_cache(maxsize=8)
def _tiny_text_pdf(n: int) -> bytes:
    content = b"".join(b"BT /F1 1 Tf %d %d Td (a) Tj ET\n" % (i % 590, (i // 590) % 840) for i in range(n))
    return pdf_with_pages([content], compress=True)


def pdf_tiny_text(rng, size):
    return ".pdf", _tiny_text_pdf(rng.choice([20_000, 60_000, 300_000] if size.full else [20_000, 60_000]))


def pdf_flate_bomb(rng, size):
    return ".pdf", _flate_bomb_pdf(rng.choice([20, 200, 1000] if size.full else [20]))


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
    n = 18 * 1024 * 1024 if size.full else 1024 * 1024
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


def text_token_soup(rng, size):
    n = rng.choice([1000, 50_000, 400_000] if size.full else [1000, 30_000])
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
    _, data = seed(rng, "image")
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        out[rng.randrange(8, len(out))] = rng.randrange(256)
    return ".png", bytes(out[: rng.randrange(len(out) // 2, len(out) + 1)])


CASES = (
    pdf_truncate, pdf_xref_damage, pdf_deep_nesting, pdf_many_pages, pdf_tiny_text, pdf_flate_bomb, pdf_page_tree, pdf_huge_media_box,
    text_long_line, text_tabs, text_bookmarks, text_digits, text_many_rows, text_token_soup, text_encodings,
    image_header, image_damage,
)
