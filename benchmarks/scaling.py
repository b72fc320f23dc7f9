"""Benchmark: parse time (read + extract) per MB at 1, 4 and 16 MB of text, .docx, .xlsx and .pdf.

Each input grows a realistic report: the fixture report repeated section after section (more
paragraphs, more tables and indicator rows) for text, Word and PDF, and a 自评表 sheet with more
indicator rows for Excel.  Sizes are the file sizes on disk.  Limits are raised for the run (a
16 MB report is beyond the default limits by design); what is measured is how the work grows.
Linear growth shows as a ratio near 1 between the time per MB at 16 MB and at 1 MB.

Usage: .venv/bin/python benchmarks/scaling.py [--sizes 1 4 16] [--formats text docx xlsx pdf]
"""

from __future__ import annotations

import argparse
import gc
import io
import time
import zipfile
from pathlib import Path

import pypdfium2

from jixiao.extract import extract
from jixiao.ingest.limits import Limits
from jixiao.ingest.registry import read

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "tests" / "data"
MB = 1024 * 1024
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
UNLIMITED = Limits(
    file_bytes=10**10, text_bytes=10**10, zip_total_bytes=10**10, xml_bytes=10**10, paragraph_chars=10**9, blocks=10**9,
    table_rows=10**9, table_area=10**10, doc_cells=10**10, pdf_pages=10**6, pdf_page_bytes=10**9, pdf_page_texts=10**9,
    read_seconds=10**6, xlsx_cells=10**9, xlsx_sheets=10**4,
)


def grown_text(size: int) -> bytes:
    """The rows-layout text report repeated, each copy with its own figures."""
    base = (SOURCES / "text/sources/hn_jinqiao_2023_rows_gb18030.txt").read_bytes().decode("gb18030")
    copies, total, i = [], 0, 0
    while total < size:
        part = base.replace("2023", str(2000 + i % 30)) + f"\n（{i}）补充说明：第{i}部分的预算执行率为{i % 100}.5%，项目支出{i}.25万元。\n\n"
        copies.append(part)
        total += len(part.encode())
        i += 1
    return "".join(copies).encode()


def grown_docx(size: int) -> bytes:
    """The Word report's body repeated (each copy with a numbered note) until the package reaches `size` bytes."""
    with zipfile.ZipFile(SOURCES / "docx/sources/hn_qingshi_2024.docx") as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
    xml = members["word/document.xml"].decode()
    start = xml.index(">", xml.index("<w:body")) + 1
    end = xml.rindex("<w:sectPr") if "<w:sectPr" in xml else xml.rindex("</w:body>")
    body = xml[start:end]

    def package(copies: int) -> bytes:
        parts = (body + f"<w:p><w:r><w:t>（{n}）补充说明：第{n}部分的预算执行率为{n % 100}.5%。</w:t></w:r></w:p>" for n in range(copies))
        return _zip({**members, "word/document.xml": (xml[:start] + "".join(parts) + xml[end:]).encode()})

    copies = max(size // max(len(package(2)) - len(package(1)), 1), 1)
    data = package(copies)
    while len(data) < size:
        copies = int(copies * size / len(data)) + 1
        data = package(copies)
    return data


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def grown_xlsx(size: int) -> bytes:
    """A 自评表 sheet with as many indicator rows as make `size` bytes of package."""
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
    rows_per_mb = 9000
    n = max(int(rows_per_mb * size / MB), 10)
    while True:
        data = _xlsx(header, n)
        if len(data) >= size * 0.95:
            return data
        n = int(n * size / len(data)) + 10


def _xlsx(header: list[str], n: int) -> bytes:
    def row(r: int, values: list[str]) -> str:
        return f'<row r="{r}">' + "".join(f'<c r="{chr(65 + c)}{r}" t="inlineStr"><is><t>{v}</t></is></c>' for c, v in enumerate(values)) + "</row>"

    body = [row(1, ["部门整体支出绩效自评表"]), row(2, header)]
    body += [row(r, ["产出指标", "数量指标", f"完成重点工作数{r}", f"≥{r % 9 + 1}项", f"{r % 11}项", "10", f"{r % 10}.{r % 7}"]) for r in range(3, n + 3)]
    sheet = f'<worksheet xmlns="{S_NS}"><sheetData>{"".join(body)}</sheetData></worksheet>'
    rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    relation = f'<Relationship Id="rId1" Type="{rels}/worksheet" Target="worksheets/sheet1.xml"/>'
    return _zip({
        "[Content_Types].xml": b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "xl/workbook.xml": f'<workbook xmlns="{S_NS}" xmlns:r="{rels}"><sheets><sheet name="自评表" sheetId="1" r:id="rId1"/></sheets></workbook>'.encode(),
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{relation}</Relationships>'.encode(),
        "xl/worksheets/sheet1.xml": sheet.encode(),
    })


def grown_pdf(size: int) -> bytes:
    """The PDF report's pages appended again and again until the file reaches `size` bytes."""
    source = pypdfium2.PdfDocument(SOURCES / "pdf/sources/hn_qingshi_2024.pdf")
    out = pypdfium2.PdfDocument.new()
    data, copies = b"", 1
    while len(data) < size:
        for _ in range(copies):
            out.import_pages(source)
        buf = io.BytesIO()
        out.save(buf)
        data = buf.getvalue()
        per_copy = len(data) / (len(out) / len(source))
        copies = max(int((size - len(data)) / per_copy) + 1, 1)
    return data


BUILDERS = {"text": (grown_text, ".txt"), "docx": (grown_docx, ".docx"), "xlsx": (grown_xlsx, ".xlsx"), "pdf": (grown_pdf, ".pdf")}


def measure(data: bytes, suffix: str) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, blocks) to read and extract `data`."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    doc = read(data, name="report" + suffix, limits=UNLIMITED)
    extract(doc)
    return time.perf_counter() - wall, time.process_time() - cpu, len(doc.blocks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 4, 16])
    parser.add_argument("--formats", nargs="+", default=list(BUILDERS))
    args = parser.parse_args()
    print(f"{'format':6s} {'MB':>6s} {'blocks':>8s} {'wall s':>8s} {'CPU s':>8s} {'CPU s/MB':>9s} {'ratio to 1st':>13s}")
    for fmt in args.formats:
        build, suffix = BUILDERS[fmt]
        first = None
        for mb in args.sizes:
            data = build(int(mb * MB))
            wall, cpu, blocks = measure(data, suffix)
            per_mb = cpu / (len(data) / MB)
            first = first or per_mb
            print(f"{fmt:6s} {len(data) / MB:6.2f} {blocks:8d} {wall:8.2f} {cpu:8.2f} {per_mb:9.3f} {per_mb / first:13.2f}", flush=True)


if __name__ == "__main__":
    main()
