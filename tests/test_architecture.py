"""The core stays layered (model ← ingest ← extract ← scoring ← audit ← outcome) below its callers, and lint-clean."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "jixiao"
# The core (model ← ingest ← extract ← scoring ← audit, and outcome: the per-file pipeline) imports
# none of the callers; the callers (compose, export, batch, store, web, cli, and synth — synthetic
# reports made through compose) import the core.
CALLERS = {"compose", "export", "batch", "store", "web", "cli", "synth"}
FORBIDDEN = {
    "libreoffice": {"model", "ingest", "extract", "scoring", "audit", "outcome"} | CALLERS,
    "model": {"ingest", "extract", "scoring", "audit", "outcome", "libreoffice"} | CALLERS,
    "ingest": {"extract", "scoring", "audit", "outcome"} | CALLERS,
    "extract": {"scoring", "audit", "outcome"} | CALLERS,
    "scoring": {"audit", "outcome"} | CALLERS,
    "audit": {"outcome"} | CALLERS,
    "outcome": CALLERS,
    "compose": {"export", "batch", "store", "web", "cli", "synth"},
    "synth": {"export", "batch", "store", "web", "cli"},
    "export": {"compose", "batch", "store", "web", "cli", "synth"},
    "batch": {"store", "web", "cli", "synth"},
    "store": {"web", "cli", "synth"},
    "web": {"cli", "synth"},
}


def _jixiao_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("jixiao."):
            names.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            names |= {a.name.split(".")[1] for a in node.names if a.name.startswith("jixiao.")}
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_nothing_above_it(layer):
    files = [SRC / f"{layer}.py"] if (SRC / f"{layer}.py").exists() else sorted((SRC / layer).rglob("*.py"))
    wrong = {f"{f.relative_to(SRC)} imports jixiao.{name}" for f in files for name in _jixiao_imports(f) & FORBIDDEN[layer]}
    assert files and not wrong


def test_model_uses_no_format_web_or_database_library():
    text = (SRC / "model.py").read_text(encoding="utf-8")
    assert not any(lib in text for lib in ("docx", "openpyxl", "pdfplumber", "sqlalchemy", "fastapi", "lxml"))


def test_ruff_is_clean():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "src", "tests"], cwd=SRC.parents[1], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:]
