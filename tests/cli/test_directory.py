"""Directory runs of parse and audit: the per-file time limit through the CLI, and Ctrl-C that keeps what is done."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

from jixiao.cli import app
from tests.batch.helpers import corpus, ctrl_c_reaches_it
from tests.cli.helpers import ROOT, runner

SCAN = sorted((ROOT / "tests" / "data" / "scan" / "sources").glob("*.pdf"))[0]


def test_a_file_over_the_time_limit_is_stopped_and_the_rest_are_read(tmp_path):
    src = corpus(tmp_path / "in", 3)
    shutil.copy(SCAN, src / SCAN.name)  # OCR of a scanned page takes well over three seconds
    result = runner.invoke(app, ["parse", str(src), "-f", "json", "--timeout", "3", "--jobs", "2"])
    assert result.exit_code == 1
    assert len(json.loads(result.stdout)) == 3
    assert f"{SCAN.name}：处理超时（3 秒）" in result.stderr and "失败 1 个" in result.stderr
    audited = runner.invoke(app, ["audit", str(src), "-f", "json", "--timeout", "3"])
    assert audited.exit_code == 1 and len(json.loads(audited.stdout)) == 3 and "处理超时" in audited.stderr


def test_ctrl_c_in_a_directory_parse_keeps_valid_json_of_what_is_done(tmp_path):
    n = 200  # long enough that a busy machine cannot finish it before the Ctrl-C
    src = corpus(tmp_path / "in", n)
    stdout = tmp_path / "out.json"
    with stdout.open("w") as sink:
        proc = subprocess.Popen([sys.executable, "-m", "jixiao", "parse", str(src), "--jobs", "1"], stdout=sink,
                                stderr=subprocess.PIPE, text=True, start_new_session=True, preexec_fn=ctrl_c_reaches_it)
        deadline = time.monotonic() + 120
        while '"source"' not in stdout.read_text(encoding="utf-8"):
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.02)
        os.killpg(proc.pid, signal.SIGINT)
        _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    done = json.loads(stdout.read_text(encoding="utf-8"))
    assert 1 <= len(done) < n and "Traceback" not in stderr
    assert f"已中断：已完成 {len(done)} 个，未处理 {n - len(done)} 个" in stderr


def test_audit_of_a_directory_writes_pages_and_one_workbook(tmp_path):
    from openpyxl import load_workbook

    src = corpus(tmp_path / "in", 3)
    pages = tmp_path / "pages"
    assert runner.invoke(app, ["audit", str(src), "-f", "html", "-o", str(pages)]).exit_code == 0
    assert sorted(p.stem for p in pages.iterdir()) == sorted(p.stem for p in src.iterdir())
    book = tmp_path / "book.xlsx"
    assert runner.invoke(app, ["audit", str(src), "-f", "xlsx", "-o", str(book)]).exit_code == 0
    assert len(list(load_workbook(book)["汇总"].iter_rows(min_row=2))) == 3
