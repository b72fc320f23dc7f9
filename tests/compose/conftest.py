"""Every template's example rendered once per test session (the documents several test modules read)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.compose import docx_report
from jixiao.compose.outline import plan, writable
from tests.compose.helpers import example_built


@pytest.fixture(scope="session")
def rendered(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("examples")
    out = {}
    for name in writable():
        out[name] = folder / f"{name}.docx"
        docx_report.write(example_built(name), plan(name), out[name])
    return out
