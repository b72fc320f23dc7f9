"""Start-up: `jixiao parse` of a .docx loads only what reading a .docx needs (pydantic still loads its plugin
loader, and with it importlib.metadata, even with plugins off)."""

import json
import subprocess
import sys
from pathlib import Path

DOCX = Path(__file__).resolve().parents[1] / "data" / "docx" / "sources" / "hn_qingshi_2024.docx"
NOT_NEEDED = ("rich", "openpyxl", "pdfplumber", "pypdfium2", "onnxruntime",
              "jixiao.ingest.pdf", "jixiao.ingest.ocr", "jixiao.ingest.xlsx", "jixiao.scoring", "jixiao.audit")


def test_parse_of_a_docx_imports_no_other_reader_nor_the_audit_stack():
    code = (f"import sys; sys.argv = ['jixiao', 'parse', {str(DOCX)!r}, '--format', 'json']\n"
            "from jixiao.cli import main\n"
            "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
            "print('\\n' + '\\n'.join(sys.modules), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout)["unit"]["name"]
    loaded = set(result.stderr.split())
    assert "jixiao.ingest.docx" in loaded and "lxml.etree" in loaded
    assert not {m for m in loaded if m.startswith(NOT_NEEDED)}
